#include "mail/MailPoller.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/Logger.h>

namespace inkorg::mail {
namespace {

std::vector<MailSource> sourcesOf(const config::Settings& settings)
{
    std::vector<MailSource> sources;
    for (const auto& url : splitSourceList(settings.mailSources)) sources.push_back(parseMailSource(url));
    return sources;
}

} // namespace

MailPoller::MailPoller(pipeline::Services& services)
    : services_(services), sources_(sourcesOf(services.settings())), fetcher_(services, fetchOptionsOf(services.settings()))
{
}

MailPoller::~MailPoller()
{
    stop();
}

void MailPoller::start()
{
    if (sources_.empty() || polling_) return;
    polling_.emplace(ops::FirstRun::AtOnce, services_.settings().mailPollInterval, [this] { pollOnce(); });
}

void MailPoller::stop()
{
    polling_.reset();
}

void MailPoller::pollOnce()
{
    auto& log = Poco::Logger::get("inkorg.mail");
    for (const MailSource& source : sources_) {
        try {
            for (const auto& outcome : fetcher_.fetchOnce(source))
                if (outcome.status == "dead_letter")
                    log.warning("mail %s from %s is a dead letter: %s", outcome.messageId, source.name,
                                swedish::maskPersonnummer(outcome.reason));
        } catch (const std::exception& e) {
            log.error("mail source %s: %s", source.name, swedish::maskPersonnummer(e.what()));
        }
    }
}

} // namespace inkorg::mail
