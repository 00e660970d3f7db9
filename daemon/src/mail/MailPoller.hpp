#pragma once
/// The daemon's e-mail intake: a thread that runs MailFetcher over every configured source
/// (inkorg.mail.sources) each inkorg.mail.pollSeconds, honouring each mail's back-off. A source
/// that cannot be reached is logged and tried again next round; the daemon keeps running.
///
///     mail::MailPoller poller(services);   // no sources configured: start() does nothing
///     poller.start(); … poller.stop();

#include "mail/MailFetcher.hpp"
#include "ops/RepeatingThread.hpp"

#include <optional>

namespace inkorg::mail {

class MailPoller {
public:
    /// Parses the sources now: throws std::invalid_argument for a bad URL (a configuration error).
    explicit MailPoller(pipeline::Services& services);
    ~MailPoller();

    void start();
    void stop();
    /// One round over every source (used by the thread, and by tests).
    void pollOnce();

private:
    pipeline::Services& services_;
    std::vector<MailSource> sources_;
    MailFetcher fetcher_;
    std::optional<ops::RepeatingThread> polling_;   ///< while started
};

} // namespace inkorg::mail
