// `inkorg serve`: the daemon. A Poco ServerApplication whose concerns are subsystems, started in
// this order and stopped in reverse: diarium (first administrator, its token in the file
// Settings::firstLoginFile() names and never on the output; claims left by this node's last
// run), workers (document threads over the OCR pool, heartbeat), intake (inbox folder), http (API
// and web UI). SIGTERM: HTTP and intake stop, the documents in hand are finished, the node's other
// claims go back to the queue.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "decisions/Delegationsordning.hpp"
#include "diarium/PrivateFile.hpp"
#include "http/Api.hpp"
#include "http/HttpServer.hpp"
#include "intake/FolderIntake.hpp"
#include "letters/ExampleKommun.hpp"
#include "mail/MailPoller.hpp"
#include "pipeline/JobRunner.hpp"
#include "validate/NormTables.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/ServerApplication.h>
#include <Poco/Util/Subsystem.h>

#include <optional>
#include <thread>

namespace inkorg::cli {

namespace {

/// How long the first administratör's token is valid: long enough to log in and add people.
constexpr std::chrono::seconds kFirstLoginLifetime = std::chrono::days(7);

class DiariumSubsystem : public Poco::Util::Subsystem {
public:
    explicit DiariumSubsystem(pipeline::Services& services) : services_(services) {}
    const char* name() const override { return "diarium"; }

protected:
    void initialize(Poco::Util::Application& app) override
    {
        auto& diarium = services_.diarium();
        if (diarium.users().empty()) {
            // The token goes into a file only the daemon's user can read, never to the output
            // (a journal is read by more people, and kept). A file left by an earlier diarium goes.
            const auto path = services_.settings().firstLoginFile();
            std::filesystem::remove(path);
            diarium::PrivateFile file(path);
            std::optional<diarium::NewUser> admin;
            try {
                admin = diarium.addUser("admin", "administratör", "", "system", kFirstLoginLifetime);
            } catch (const std::exception&) {
                if (diarium.users().empty()) throw;   // else another node, starting too, made it first
            }
            if (admin) {
                file.commit(admin->token + "\n");
                app.logger().information("created the first user 'admin' (administratör); its login token, valid"
                                         " until %s, is in %s (readable only by this user)", admin->expiresAt,
                                         path.string());
            }
        }
        app.logger().information("diarium at %s, data in %s, node %s", services_.database().displayUrl(),
                                 services_.settings().dataDir.string(), services_.settings().nodeName);
        if (const auto warning = letters::exampleKommunWarning(services_.settings())) app.logger().warning(*warning);
        for (const auto& missing : validate::missingNorms(services_.norms(), static_cast<int>(swedish::today().year())))
            app.logger().warning(missing);
        try {
            const auto ordning = decisions::Delegationsordning::load(services_.settings().formsDir() / "delegation.json");
            for (const auto& missing : decisions::missingPrisbasbelopp(ordning, swedish::today())) app.logger().warning(missing);
        } catch (const decisions::DelegationConfigError& error) {
            app.logger().warning(error.what());   // every decision says so too, when it is tried
        }
        // A node restarted under the same name after a crash takes its old jobs back at once
        // instead of waiting for their leases (node names must be unique among running nodes).
        if (const int released = diarium.releaseClaims(services_.settings().nodeName); released > 0)
            app.logger().information("gave %d job(s) left by this node's last run back to the queue", released);
    }
    void uninitialize() override {}

private:
    pipeline::Services& services_;
};

class WorkerSubsystem : public Poco::Util::Subsystem {
public:
    explicit WorkerSubsystem(pipeline::Services& services) : services_(services) {}
    const char* name() const override { return "workers"; }

protected:
    void initialize(Poco::Util::Application&) override
    {
        // One document thread more than OCR workers: while a document is being registered and
        // archived, the next one's pages already keep every worker busy.
        const int threads = services_.settings().workerCount() + 1;
        // The OCR workers load their engines in the background while the rest starts up, so the
        // first scan does not wait for them.
        workersStarting_ = std::jthread([this] { services_.text().startWorkers(); });
        runner_ = std::make_unique<pipeline::JobRunner>(services_, threads);
        runner_->start();
    }
    void uninitialize() override
    {
        runner_.reset();
        workersStarting_ = {};
    }

private:
    pipeline::Services& services_;
    std::jthread workersStarting_;
    std::unique_ptr<pipeline::JobRunner> runner_;
};

class IntakeSubsystem : public Poco::Util::Subsystem {
public:
    explicit IntakeSubsystem(pipeline::Services& services) : services_(services) {}
    const char* name() const override { return "intake"; }

protected:
    void initialize(Poco::Util::Application& app) override
    {
        intake_ = std::make_unique<intake::FolderIntake>(services_);
        intake_->start();
        app.logger().information("watching %s", services_.settings().inboxDir().string());
        mail_ = std::make_unique<mail::MailPoller>(services_);   // idle when no mail source is configured
        mail_->start();
    }
    void uninitialize() override
    {
        mail_.reset();
        intake_.reset();
    }

private:
    pipeline::Services& services_;
    std::unique_ptr<intake::FolderIntake> intake_;
    std::unique_ptr<mail::MailPoller> mail_;
};

class HttpSubsystem : public Poco::Util::Subsystem {
public:
    explicit HttpSubsystem(pipeline::Services& services) : services_(services) {}
    const char* name() const override { return "http"; }

protected:
    void initialize(Poco::Util::Application& app) override
    {
        const auto& settings = services_.settings();
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(settings.httpHost, static_cast<Poco::UInt16>(settings.httpPort)), 1024);
        http::ServerLimits limits;
        limits.threads = settings.httpThreads;
        limits.headerTimeout = settings.httpHeaderTimeout;
        limits.requestTimeout = settings.httpRequestTimeout;
        limits.minBodyBytesPerSecond = std::size_t(settings.httpMinBodyBytesPerSecond);
        limits.bodiesPerClient = settings.httpBodiesPerClient;
        server_ = std::make_unique<http::HttpServer>(
            socket, Poco::Net::HTTPRequestHandlerFactory::Ptr(http::makeApi(services_).release()), limits);
        server_->start();
        app.logger().information("HTTP on http://%s:%d/", settings.httpHost, settings.httpPort);
    }
    void uninitialize() override
    {
        server_.reset();
    }

private:
    pipeline::Services& services_;
    std::unique_ptr<http::HttpServer> server_;
};

class InkorgServer : public Poco::Util::ServerApplication {
public:
    explicit InkorgServer(pipeline::Services& services)
    {
        addSubsystem(new DiariumSubsystem(services));
        addSubsystem(new WorkerSubsystem(services));
        addSubsystem(new IntakeSubsystem(services));
        addSubsystem(new HttpSubsystem(services));
    }

protected:
    int main(const std::vector<std::string>&) override
    {
        logger().information("inkorg " INKORG_VERSION " is running; stop with Ctrl-C or SIGTERM");
        waitForTerminationRequest();
        logger().information("stopping: finishing the documents in hand");
        return EXIT_OK;
    }
};

void logToConsole()
{
    Poco::AutoPtr<Poco::PatternFormatter> format(new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S %p %s: %t"));
    Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(format, new Poco::ConsoleChannel));
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::root().setLevel("information");
}

} // namespace

int serve(const Words& words)
{
    Arguments arguments(words, {}, {});
    if (!arguments.positional().empty()) throw UsageError("serve takes no file names");
    logToConsole();
    pipeline::Services services(settingsFrom(arguments));
    InkorgServer server(services);
    std::vector<std::string> argv{"inkorg"};
    return server.run(argv);
}

} // namespace inkorg::cli
