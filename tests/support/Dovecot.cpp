#include "support/Dovecot.hpp"

#include "support/Daemon.hpp"
#include "support/TestCertificate.hpp"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Process.h>

#include <chrono>
#include <fstream>
#include <pwd.h>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace inkorg::test {

namespace fs = std::filesystem;

namespace {

void chownToNobody(const fs::path& path)
{
    const passwd* nobody = getpwnam("nobody");
    if (nobody && ::chown(path.c_str(), nobody->pw_uid, nobody->pw_gid) != 0)
        throw std::runtime_error("cannot chown " + path.string());
}

std::string readAll(const fs::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

bool Dovecot::available()
{
    return ::geteuid() == 0 && fs::exists("/usr/sbin/dovecot") && getpwnam("nobody") != nullptr;
}

Dovecot::Dovecot(Tls tls)
{
    std::string pattern = (fs::temp_directory_path() / "inkorg-dovecot-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
    fs::permissions(root_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                               fs::perms::others_read | fs::perms::others_exec);
    for (const char* folder : {"base", "state", "home", "home/Maildir", "home/Maildir/new", "home/Maildir/cur",
                               "home/Maildir/tmp"})
        fs::create_directories(root_ / folder);
    for (const char* folder : {"home", "home/Maildir", "home/Maildir/new", "home/Maildir/cur", "home/Maildir/tmp"})
        chownToNobody(root_ / folder);
    imapPort_ = freePort();
    pop3Port_ = freePort();
    if (tls == Tls::on) {
        makeSelfSignedCertificate(root_ / "tls");
        imapsPort_ = freePort();
        pop3sPort_ = freePort();
    }
    std::ofstream(root_ / "passwd") << user() << ":{PLAIN}" << password() << "\n";
    const std::string r = root_.string();
    std::ofstream(root_ / "dovecot.conf")
        << "base_dir = " << r << "/base\nstate_dir = " << r << "/state\n"
        << "listen = 127.0.0.1\nprotocols = imap pop3\ndisable_plaintext_auth = no\n"
        << (tls == Tls::on ? "ssl = yes\nssl_cert = <" + (root_ / "tls" / "cert.pem").string() + "\nssl_key = <" +
                                 (root_ / "tls" / "key.pem").string() + "\n"
                           : std::string("ssl = no\n"))
        << "auth_verbose = no\nauth_mechanisms = plain login\nlog_path = " << r << "/dovecot.log\n"
        << "login_trusted_networks = 127.0.0.0/8\nmail_location = maildir:~/Maildir\n"
        << "default_internal_user = nobody\ndefault_login_user = nobody\n"
        << "pop3_uidl_format = %08Xu%08Xv\n"
        << "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u " << r << "/passwd\n}\n"
        << "userdb {\n  driver = static\n  args = uid=nobody gid=nogroup home=" << r << "/home\n}\n"
        << "service imap-login {\n  chroot =\n  inet_listener imap {\n    address = 127.0.0.1\n    port = "
        << imapPort_ << "\n  }\n  inet_listener imaps {\n    address = 127.0.0.1\n    port = " << imapsPort_
        << "\n  }\n}\n"
        << "service pop3-login {\n  chroot =\n  inet_listener pop3 {\n    address = 127.0.0.1\n    port = "
        << pop3Port_ << "\n  }\n  inet_listener pop3s {\n    address = 127.0.0.1\n    port = " << pop3sPort_
        << "\n  }\n}\n"
        << "service anvil {\n  chroot =\n}\n"
        << "namespace inbox {\n  inbox = yes\n  mailbox Behandlat {\n    auto = create\n  }\n}\n";
    // Launched without pipes: the daemon it forks would hold them open for its whole life.
    Poco::ProcessHandle launcher = Poco::Process::launch("/usr/sbin/dovecot", {"-c", (root_ / "dovecot.conf").string()});
    if (launcher.wait() != 0) throw std::runtime_error("dovecot did not start: " + readAll(root_ / "dovecot.log"));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    const auto allListening = [&] {
        return acceptsConnections(imapPort_) && acceptsConnections(pop3Port_) &&
               (tls == Tls::off || (acceptsConnections(imapsPort_) && acceptsConnections(pop3sPort_)));
    };
    while (!allListening()) {
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("dovecot does not listen: " + readAll(root_ / "dovecot.log"));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

Dovecot::~Dovecot()
{
    try {
        Poco::Process::launch("/usr/sbin/dovecot", {"-c", (root_ / "dovecot.conf").string(), "stop"}).wait();
    } catch (const Poco::Exception&) {
        // Already gone; nothing left to stop.
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    std::error_code ignored;
    fs::remove_all(root_, ignored);
}

fs::path Dovecot::deliver(const std::string& uniqueName, const std::string& raw, const std::string& folder) const
{
    const fs::path box = folder.empty() ? maildir() : maildir() / ("." + folder);
    if (!fs::exists(box / "new")) {
        for (const fs::path& path : {box, box / "new", box / "cur", box / "tmp"}) {
            fs::create_directories(path);
            chownToNobody(path);
        }
    }
    const fs::path temporary = box / "tmp" / uniqueName;
    std::ofstream(temporary, std::ios::binary) << raw;
    chownToNobody(temporary);
    const fs::path delivered = box / "new" / uniqueName;
    fs::rename(temporary, delivered);
    return delivered;
}

std::size_t Dovecot::count(const std::string& subfolder) const
{
    const fs::path folder = maildir() / subfolder;
    if (!fs::is_directory(folder)) return 0;
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file()) ++files;
    return files;
}

} // namespace inkorg::test
