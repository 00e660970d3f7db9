#include "pipeline/StampedArrival.hpp"

#include "diarium/SwedishDay.hpp"

#include <inkorg/checks.hpp>
#include <inkorg/swedish.hpp>

#include <algorithm>
#include <chrono>
#include <utility>

namespace inkorg::pipeline {

namespace {

constexpr const char* kCheck = " – kontrollera stämpeln och ange inkom datum";

StampedArrival taken(std::string date) { return {std::move(date), false, {}, {}}; }
StampedArrival unreadStamp() { return {{}, true, {}, {}}; }
StampedArrival doubted(std::string code, std::string why) { return {{}, false, std::move(code), std::move(why)}; }

long long daysBetween(swedish::Date from, swedish::Date to)
{
    return (std::chrono::sys_days{to} - std::chrono::sys_days{from}).count();
}

/// The stamp dated `stamped`, surely read and not after `scanned`, held against the document's
/// own date `written` when it is known.
StampedArrival judged(swedish::Date stamped, swedish::Date scanned, std::optional<swedish::Date> written)
{
    const std::string date = swedish::toIso(stamped);
    if (!written) {
        if (daysBetween(stamped, scanned) <= kMaxStampAgeDays) return taken(date);
        return doubted("inkom.stamp_old",
                       "Ankomststämpeln visar " + date + ", mer än " + std::to_string(kMaxStampAgeDays) +
                           " dagar före skanningen" + kCheck);
    }
    const auto inPost = daysBetween(*written, stamped);
    if (inPost < 0)
        return doubted("inkom.stamp_before_document",
                       "Ankomststämpeln visar " + date + ", före handlingens datum " + swedish::toIso(*written) + kCheck);
    if (inPost > kMaxDaysInPost)
        return doubted("inkom.stamp_old",
                       "Ankomststämpeln visar " + date + ", mer än " + std::to_string(kMaxDaysInPost) +
                           " dagar efter handlingens datum " + swedish::toIso(*written) + kCheck);
    return taken(date);
}

} // namespace

StampedArrival stampedArrival(const inkorg::Document& document, const std::string& receivedAt,
                              const std::string& documentDate)
{
    for (const auto& page : document.pages) {
        if (!page.arrivalStamp) continue;
        const auto stamped = diarium::swedishDayOf(page.arrivalDate);
        const auto scanned = diarium::swedishDayOf(receivedAt);
        if (!stamped || page.arrivalDate.size() != 10 || !scanned) return unreadStamp();
        if (daysBetween(*stamped, *scanned) < 0) return unreadStamp();   // after the scan: misread
        auto written = documentDate.size() == 10 ? swedish::parseDate(documentDate) : std::nullopt;
        if (written && daysBetween(*written, *scanned) < 0) written.reset();   // after the scan: misread
        return judged(*stamped, *scanned, written);
    }
    return {};
}

std::string documentDateOf(const inkorg::Record& record, const forms::FormSpec& spec)
{
    std::optional<swedish::Date> latest;
    for (const auto& field : spec.fields) {
        if (field.type != forms::FieldType::Date || std::ranges::find(field.meaning, "underskrift") == field.meaning.end())
            continue;
        if (const auto date = checks::dateOf(record, field.key); date && (!latest || *date > *latest)) latest = date;
    }
    return latest ? swedish::toIso(*latest) : std::string{};
}

} // namespace inkorg::pipeline
