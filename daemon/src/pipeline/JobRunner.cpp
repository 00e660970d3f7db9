#include "pipeline/JobRunner.hpp"

#include <Poco/Logger.h>

namespace inkorg::pipeline {

namespace {

/// Counts a job as in hand for as long as it lives.
class InHand {
public:
    explicit InHand(std::atomic<int>& count) : count_(count) { ++count_; }
    ~InHand() { --count_; }
    InHand(const InHand&) = delete;
    InHand& operator=(const InHand&) = delete;

private:
    std::atomic<int>& count_;
};

} // namespace

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
    const auto& settings = services_.settings();
    heartbeat_ = std::make_unique<ops::LeaseKeeper>(services_.diarium(), settings.nodeName, settings.jobLease,
                                                    [this] { return jobsInHand_.load(); });
    for (int i = 0; i < threadCount_; ++i) threads_.emplace_back([this] { loop(); });
}

void JobRunner::stop()
{
    if (!heartbeat_ && threads_.empty()) return;
    stopping_ = true;
    services_.workSignal().notify();
    for (auto& thread : threads_)
        if (thread.joinable()) thread.join();
    threads_.clear();
    heartbeat_.reset();
    auto& log = Poco::Logger::get("inkorg.jobs");
    const std::string& node = services_.settings().nodeName;
    try {
        if (const int released = services_.diarium().releaseClaims(node); released > 0)
            log.information("gave %d unfinished job(s) back to the queue", released);
        services_.diarium().heartbeat(node, 0);
    } catch (const std::exception& e) {
        log.error("could not give the node's jobs back (their leases will run out): %s", std::string(e.what()));
    }
}

text::Spread JobRunner::spreadForNextJob()
{
    const int workers = services_.settings().workerCount();
    try {
        return services_.diarium().jobsToClaim(workers) < workers ? text::Spread::Strips : text::Spread::Pages;
    } catch (const std::exception&) {
        return text::Spread::Pages;   // a database hiccup here costs only the strips; the next claim reports it
    }
}

void JobRunner::loop()
{
    auto& log = Poco::Logger::get("inkorg.jobs");
    const auto& settings = services_.settings();
    while (!stopping_) {
        std::optional<diarium::Job> job;
        const auto ticket = services_.workSignal().ticket();
        try {
            job = services_.diarium().claim(settings.nodeName, settings.jobLease);
        } catch (const std::exception& e) {
            log.error("cannot claim a job: %s", std::string(e.what()));
        }
        if (!job) {
            services_.workSignal().waitFor(ticket, settings.pollInterval);
            continue;
        }
        InHand inHand(jobsInHand_);
        try {
            const Outcome outcome = processor_.process(*job, spreadForNextJob());
            if (outcome.status == "quarantined")
                log.warning("job %s quarantined as document %s", std::to_string(job->id), std::to_string(outcome.documentId));
            else
                log.information("job %s %s as %s (document %s)", std::to_string(job->id), outcome.status, outcome.diarienummer,
                                std::to_string(outcome.documentId));
        } catch (const std::exception& e) {
            log.error("job %s failed, will be retried: %s", std::to_string(job->id), std::string(e.what()));
            try {
                services_.diarium().retryLater(job->id, e.what());
            } catch (const std::exception& again) {
                log.error("job %s could not be given back; its lease will run out: %s", std::to_string(job->id),
                          std::string(again.what()));
            }
        }
    }
}

} // namespace inkorg::pipeline
