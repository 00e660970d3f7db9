#include "intake/FolderIntake.hpp"

#include "intake/RegularFile.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/Logger.h>

#include <filesystem>
#include <system_error>

#include <sys/stat.h>

namespace inkorg::intake {

namespace fs = std::filesystem;

namespace {

/// The inbox file as one arrival: its name, size, inode and inode change time (to the
/// nanosecond). A file left in the inbox by a crash after it was queued is the same arrival when
/// seen again (registered once); the same bytes dropped again are a new file — a new inode or at
/// least a new change time — and so a new arrival, registered in their own right.
std::string arrivalOf(const fs::path& file)
{
    struct stat facts {};
    if (::stat(file.c_str(), &facts) != 0)
        throw std::system_error(errno, std::generic_category(), "stat " + file.filename().string());
    return "mapp:" + file.filename().string() + ":" + std::to_string(facts.st_size) + ":" +
           std::to_string(facts.st_dev) + ":" + std::to_string(facts.st_ino) + ":" +
           std::to_string(facts.st_ctim.tv_sec) + "." + std::to_string(facts.st_ctim.tv_nsec);
}

/// `folder`, created if missing: the watcher can only watch a folder that exists.
fs::path created(const fs::path& folder)
{
    fs::create_directories(folder);
    return folder;
}

} // namespace

FolderIntake::FolderIntake(pipeline::Services& services)
    : services_(services), processor_(services),
      watcher_(created(services.settings().inboxDir()), services.settings().settleTime)
{
}

FolderIntake::~FolderIntake()
{
    stop();
}

void FolderIntake::start()
{
    stopping_ = false;
    thread_ = std::thread([this] {
        while (!stopping_) {
            pollOnce();
            watcher_.waitForChange(services_.settings().pollInterval);
        }
    });
}

void FolderIntake::stop()
{
    stopping_ = true;
    watcher_.wake();
    if (thread_.joinable()) thread_.join();
}

void FolderIntake::pollOnce()
{
    auto& log = Poco::Logger::get("inkorg.intake");
    // Every settled file into the store, then all of them queued in ONE durable transaction (one
    // wait for the disk per pass, not per file), then removed from the inbox.
    std::vector<fs::path> taken;
    std::vector<diarium::IncomingFile> incoming;
    const auto settled = watcher_.poll();
    // Links, FIFOs, devices and folders are left where they are, unread, and named once.
    for (const auto& [name, kind] : watcher_.newlyIgnored())
        log.warning("left %s in the inbox untouched: it is %s, not a regular file (only regular files are taken)",
                    swedish::maskPersonnummer(name), kind);
    for (const auto& file : settled) {
        try {
            RegularFile opened(file.path);
            diarium::IncomingFile arrived{"", file.path.filename().string(), "mapp", file.receivedAt};
            arrived.arrival = arrivalOf(file.path);
            arrived.sha256 = services_.store().put(opened.stream());
            incoming.push_back(std::move(arrived));
            taken.push_back(file.path);
        } catch (const NotARegularFile& e) {
            log.warning("left %s in the inbox untouched: %s", swedish::maskPersonnummer(file.path.filename().string()),
                        swedish::maskPersonnummer(e.what()));
        } catch (const std::exception& e) {
            log.error("could not store %s from the inbox (left there, will retry): %s",
                      swedish::maskPersonnummer(file.path.filename().string()), swedish::maskPersonnummer(e.what()));
        }
    }
    if (incoming.empty()) return;
    std::vector<long long> jobs;
    try {
        jobs = services_.diarium().enqueueAll(incoming);
    } catch (const std::exception& e) {
        log.error("could not queue %s file(s) from the inbox (left there, will retry): %s",
                  std::to_string(incoming.size()), swedish::maskPersonnummer(e.what()));
        return;
    }
    services_.workSignal().notify();
    for (std::size_t i = 0; i < taken.size(); ++i) {
        std::error_code error;
        fs::remove(taken[i], error);   // left behind, it is queued again as the same arrival: registered once
        log.information("took %s from the inbox as job %s", swedish::maskPersonnummer(taken[i].filename().string()),
                        std::to_string(jobs[i]));
    }
}

} // namespace inkorg::intake
