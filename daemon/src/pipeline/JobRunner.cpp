#include "pipeline/JobRunner.hpp"

#include <Poco/Logger.h>

#include <chrono>

namespace inkorg::pipeline {

JobRunner::JobRunner(Services& services, int threads)
    : services_(services), processor_(services), threadCount_(threads)
{
}

JobRunner::~JobRunner()
{
    stop();
}

void JobRunner::start()
{
    stopping_ = false;
    for (int i = 0; i < threadCount_; ++i) threads_.emplace_back([this] { loop(); });
}

void JobRunner::stop()
{
    stopping_ = true;
    for (auto& thread : threads_)
        if (thread.joinable()) thread.join();
    threads_.clear();
}

void JobRunner::loop()
{
    auto& log = Poco::Logger::get("inkorg.jobs");
    const auto& settings = services_.settings();
    while (!stopping_) {
        std::optional<diarium::Job> job;
        try {
            job = services_.diarium().claim(settings.nodeName, settings.jobLease);
        } catch (const std::exception& e) {
            log.error("cannot claim a job: %s", std::string(e.what()));
        }
        if (!job) {
            std::this_thread::sleep_for(settings.pollInterval);
            continue;
        }
        try {
            const Outcome outcome = processor_.process(*job);
            if (outcome.status == "quarantined")
                log.warning("job %?d quarantined as document %?d", job->id, outcome.documentId);
            else
                log.information("job %?d %s as %s (document %?d)", job->id, outcome.status, outcome.diarienummer,
                                outcome.documentId);
        } catch (const std::exception& e) {
            log.error("job %?d failed, will be retried: %s", job->id, std::string(e.what()));
            try {
                services_.diarium().retryLater(job->id, e.what());
            } catch (const std::exception& again) {
                log.error("job %?d could not be released: %s", job->id, std::string(again.what()));
            }
        }
    }
}

} // namespace inkorg::pipeline
