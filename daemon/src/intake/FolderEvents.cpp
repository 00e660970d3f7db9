#include "intake/FolderEvents.hpp"

#include <cerrno>
#include <cstdint>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <system_error>
#include <unistd.h>

namespace inkorg::intake {
namespace {

constexpr std::uint32_t completedMask = IN_CLOSE_WRITE | IN_MOVED_TO;
constexpr std::uint32_t changedMask = IN_MODIFY | IN_DELETE | IN_MOVED_FROM;

} // namespace

FolderEvents::FolderEvents(const std::filesystem::path& folder)
{
    wakeUp_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (wakeUp_ < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
    inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_ >= 0 && inotify_add_watch(inotify_, folder.c_str(), completedMask | changedMask) < 0) {
        close(inotify_);
        inotify_ = -1;
    }
}

FolderEvents::~FolderEvents()
{
    if (inotify_ >= 0) close(inotify_);
    close(wakeUp_);
}

void FolderEvents::update()
{
    readEvents();
}

bool FolderEvents::readEvents()
{
    if (inotify_ < 0) return false;
    bool completed = false;
    alignas(inotify_event) char buffer[16 * 1024];
    for (;;) {
        const ssize_t length = read(inotify_, buffer, sizeof buffer);
        if (length <= 0) break;   // EAGAIN: nothing more waiting
        for (ssize_t at = 0; at < length;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            at += ssize_t(sizeof(inotify_event) + event->len);
            if (event->mask & IN_Q_OVERFLOW) {
                complete_.clear();   // events were lost: every file settles the slow way
                continue;
            }
            if (event->len == 0) continue;
            const std::string name = event->name;
            if (event->mask & completedMask) {
                complete_.insert(name);
                completed = true;
            } else if (event->mask & changedMask) {
                complete_.erase(name);
            }
        }
    }
    return completed;
}

void FolderEvents::waitForComplete(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return;
        pollfd waits[2] = {{wakeUp_, POLLIN, 0}, {inotify_, POLLIN, 0}};
        const int ready = poll(waits, inotify_ >= 0 ? 2 : 1, int(left.count()));
        if (ready < 0 && errno != EINTR) return;
        if (waits[0].revents & POLLIN) {
            eventfd_t count = 0;
            eventfd_read(wakeUp_, &count);
            return;
        }
        if ((waits[1].revents & POLLIN) && readEvents()) return;
    }
}

void FolderEvents::wake()
{
    eventfd_write(wakeUp_, 1);
}

} // namespace inkorg::intake
