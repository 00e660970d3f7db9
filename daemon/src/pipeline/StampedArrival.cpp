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
        if (age > kMaxStampAgeDays) return {};      // another post's stamp, or one long kept: the scan's day stands
        return {swedish::toIso(*stamped), false};
    }
    return {};
}

} // namespace inkorg::pipeline
