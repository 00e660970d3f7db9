#include "pipeline/StampedArrival.hpp"

#include "diarium/SwedishDay.hpp"

#include <inkorg/swedish.hpp>

#include <chrono>

namespace inkorg::pipeline {

StampedArrival stampedArrival(const inkorg::Document& document, const std::string& receivedAt)
{
    for (const auto& page : document.pages) {
        if (!page.arrivalStamp) continue;
        const auto stamped = diarium::swedishDayOf(page.arrivalDate);
        const auto scanned = diarium::swedishDayOf(receivedAt);
        if (!stamped || page.arrivalDate.size() != 10 || !scanned) return {{}, true};
        const auto age = (std::chrono::sys_days{*scanned} - std::chrono::sys_days{*stamped}).count();
        if (age < 0) return {{}, true};             // after the scan: misread
        if (age > kMaxStampAgeDays) return {{}, false, swedish::toIso(*stamped)};   // the scan's day stands; checked
        return {swedish::toIso(*stamped), false};
    }
    return {};
}

std::string stampTooOldReason(const std::string& date)
{
    return "Ankomststämpeln visar " + date + ", mer än " + std::to_string(kMaxStampAgeDays) +
           " dagar före skanningen – kontrollera stämpeln och ange inkom datum";
}

} // namespace inkorg::pipeline
