#pragma once
/// The inkom datum of paper post from its ankomststämpel (LEGAL.md "Dates are Swedish dates": the
/// stamp on paper post wins over the time it was scanned). The text layer reports a stamp and its
/// date as facts of the page (Page::arrivalStamp, Page::arrivalDate); this decides what they mean
/// for the document.

#include <inkorg/document.hpp>

#include <string>

namespace inkorg::pipeline {

/// A stamp's date is at most this many days before the scan's day: a stamp "older" than that is
/// not taken (misread, another post's stamp, or paper kept long) — the scan's day stands, and a
/// registrator who sees the paper is asked to check it (deadlines may already have run).
constexpr int kMaxStampAgeDays = 60;

/// What the document's stamps say about its inkom datum.
struct StampedArrival {
    /// YYYY-MM-DD: the first stamp's date, read with confidence and plausible (not after the day
    /// the document was scanned in Sweden, at most kMaxStampAgeDays before it); empty otherwise.
    std::string date;
    /// A stamp was found but its date was not read with confidence, or was read after the day the
    /// document was scanned (misread): a registrator enters the inkom datum (a review reason).
    bool unread = false;
    /// YYYY-MM-DD: a stamp's date read with confidence but more than kMaxStampAgeDays before the
    /// scan: not taken; a registrator checks it (a review reason). Empty otherwise.
    std::string tooOld;
};

/// The stamps on `document`'s pages, for a document that reached inkorg at `receivedAt` (as the
/// diarium stores it: an ISO instant in UTC or a bare date). No stamp: neither date nor unread.
StampedArrival stampedArrival(const inkorg::Document& document, const std::string& receivedAt);

/// The review reason of an unread stamp (Swedish, for the registrator).
inline constexpr const char* kStampDateUnread =
    "Ankomststämpelns datum kunde inte läsas säkert – läs det på handlingen och ange inkom datum";

/// The review reason of a stamp dated long before the scan (Swedish, for the registrator).
std::string stampTooOldReason(const std::string& date);

} // namespace inkorg::pipeline
