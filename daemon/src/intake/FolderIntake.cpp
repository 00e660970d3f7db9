#include "intake/FolderIntake.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/Logger.h>

#include <filesystem>

namespace inkorg::intake {

namespace fs = std::filesystem;

FolderIntake::FolderIntake(pipeline::Services& services)
    : services_(services), processor_(services),
      watcher_(services.settings().inboxDir(), services.settings().settleTime)
{
    fs::create_directories(services.settings().inboxDir());
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
            std::this_thread::sleep_for(services_.settings().pollInterval);
        }
    });
}

void FolderIntake::stop()
{
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
}

void FolderIntake::pollOnce()
{
    auto& log = Poco::Logger::get("inkorg.intake");
    for (const auto& file : watcher_.poll()) {
        const std::string shownName = swedish::maskPersonnummer(file.path.filename().string());
        try {
            const long long job = processor_.accept(file.path, file.path.filename().string(), "mapp", file.receivedAt);
            fs::remove(file.path);
            log.information("took %s from the inbox as job %s", shownName, std::to_string(job));
        } catch (const std::exception& e) {
            log.error("could not take %s from the inbox (left there, will retry): %s", shownName,
                      swedish::maskPersonnummer(e.what()));
        }
    }
}

} // namespace inkorg::intake
