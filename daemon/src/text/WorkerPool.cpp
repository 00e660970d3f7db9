#include "text/WorkerPool.hpp"

#include <algorithm>
#include <thread>

namespace inkorg::text {

WorkerPool::WorkerPool(WorkerPoolSettings settings)
    : settings_(std::move(settings)), slots_(std::size_t(std::max(1, settings_.size))), busy_(slots_.size(), false),
      pids_(slots_.size(), 0)
{
}

WorkerPool::~WorkerPool() = default;

std::size_t WorkerPool::acquire(pid_t preferred)
{
    std::unique_lock lock(mutex_);
    std::size_t slot = 0;
    idle_.wait(lock, [&] {
        const auto holder = preferred > 0 ? std::find(pids_.begin(), pids_.end(), preferred) : pids_.end();
        slot = std::size_t(holder - pids_.begin());
        if (holder != pids_.end() && !busy_[slot]) return true;
        for (slot = 0; slot < busy_.size(); ++slot)
            if (!busy_[slot]) return true;
        return false;
    });
    busy_[slot] = true;
    return slot;
}

void WorkerPool::release(std::size_t slot, std::unique_ptr<WorkerProcess> worker)
{
    {
        std::lock_guard lock(mutex_);
        pids_[slot] = worker ? worker->pid() : 0;
        slots_[slot] = std::move(worker);
        busy_[slot] = false;
    }
    idle_.notify_all();   // a caller may be waiting for this very worker, another for any
}

std::unique_ptr<WorkerProcess> WorkerPool::start()
{
    std::unique_ptr<WorkerProcess> worker;
    try {
        worker = std::make_unique<WorkerProcess>(settings_.command, settings_.user);
        protocol::Message hello;
        hello.header->set("op", "hello");
        hello.header->set("tessdata", settings_.tessdata);
        hello.header->set("language", settings_.language);
        hello.header->set("ocr", settings_.ocr);
        hello.header->set("memoryCapBytes", Poco::UInt64(settings_.memoryCapBytes));
        const auto answer = worker->call(hello, std::chrono::steady_clock::now() + settings_.startTimeout);
        if (answer.header->optValue<std::string>("status", "") != "ready")
            throw WorkerStartError(answer.header->optValue<std::string>("message", "no ready reply"));
    } catch (const WorkerStartError& error) {
        throw WorkerStartError("OCR worker '" + settings_.command.front() + "' did not start: " + error.what());
    } catch (const std::exception& error) {
        std::string how = error.what();
        if (worker) how += "; " + worker->exitDescription();
        throw WorkerStartError("OCR worker '" + settings_.command.front() + "' did not start: " + how);
    }
    return worker;
}

std::pair<std::size_t, std::unique_ptr<WorkerProcess>> WorkerPool::takeStarted(pid_t preferred)
{
    const std::size_t slot = acquire(preferred);
    std::unique_ptr<WorkerProcess> worker;
    {
        std::lock_guard lock(mutex_);
        worker = std::move(slots_[slot]);
    }
    try {
        if (!worker) worker = start();
    } catch (...) {
        release(slot, nullptr);
        throw;
    }
    return {slot, std::move(worker)};
}

void WorkerPool::startAll()
{
    std::vector<std::jthread> starters;
    for (std::size_t i = 0; i < slots_.size(); ++i)
        starters.emplace_back([this] {
            try {
                auto [slot, worker] = takeStarted();   // each starter holds its own slot meanwhile
                release(slot, std::move(worker));
            } catch (const WorkerStartError&) {
            }
        });
}

protocol::Message WorkerPool::call(const protocol::Message& request, std::chrono::milliseconds timeout,
                                   const std::function<void(pid_t)>& onSent, pid_t preferred)
{
    auto [slot, worker] = takeStarted(preferred);
    try {
        worker->send(request);
        if (onSent) onSent(worker->pid());
        auto answer = worker->receive(std::chrono::steady_clock::now() + timeout);
        if (answer.header->optValue<std::string>("status", "") == "memory") {
            worker->exitDescription();
            throw WorkerFailure(WorkerFailure::Kind::OutOfMemory, "worker ran out of memory");
        }
        release(slot, std::move(worker));
        return answer;
    } catch (const protocol::TimedOut&) {
        release(slot, nullptr);  // the worker's destructor kills it
        throw WorkerFailure(WorkerFailure::Kind::TimedOut, "worker timed out");
    } catch (const protocol::BrokenStream& error) {
        const bool memory = worker->exitedForMemory();
        const auto how = worker->exitDescription();
        release(slot, nullptr);
        throw WorkerFailure(memory ? WorkerFailure::Kind::OutOfMemory : WorkerFailure::Kind::Crashed,
                            std::string("worker failed: ") + error.what() + (how.empty() ? "" : "; " + how));
    } catch (...) {
        release(slot, nullptr);
        throw;
    }
}

} // namespace inkorg::text
