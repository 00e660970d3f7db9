#pragma once
/// The inkom datum of paper post from its ankomststämpel (LEGAL.md "Dates are Swedish dates": the
/// stamp on paper post wins over the time it was scanned). The text layer reports a stamp and its
/// date as facts of the page (Page::arrivalStamp, Page::arrivalDate); this decides what they mean
/// for the document.
///
/// Real post is stamped the day it arrives, a few days after the sender dated and signed it, and
/// is sometimes scanned much later. So the stamp's date is held against the document's own date
/// (the date the sender signed it, documentDateOf): a stamp on that day or up to
/// kMaxDaysInPost days after it, and not after the scan, is the inkom datum however long ago it
/// was; a stamp before the document's date, or long after it, is in doubt. A document whose own
/// date is not known keeps the window of kMaxStampAgeDays before the scan.

#include "forms/FormSpec.hpp"

#include <inkorg/document.hpp>
#include <inkorg/record.hpp>

#include <string>

namespace inkorg::pipeline {

/// Without the document's own date, a stamp's date is at most this many days before the scan's
/// day: a stamp "older" than that is not taken (misread, another post's stamp, or paper kept long)
/// — the scan's day stands, and a registrator who sees the paper is asked to check it (deadlines
/// may already have run).
constexpr int kMaxStampAgeDays = 60;

/// A stamp's date is at most this many days after the document's own date (the post, a weekend,
/// a letter lying a while before it is sent): later, the stamp is in doubt.
constexpr int kMaxDaysInPost = 30;

/// What the document's stamps say about its inkom datum.
struct StampedArrival {
    /// YYYY-MM-DD: the first stamp's date, read with confidence and plausible (not after the day
    /// the document was scanned in Sweden; on or up to kMaxDaysInPost days after the document's
    /// own date, or without one at most kMaxStampAgeDays before the scan); empty otherwise.
    std::string date;
    /// A stamp was found but its date was not read with confidence, or was read after the day the
    /// document was scanned (misread): a registrator enters the inkom datum (a review reason).
    bool unread = false;
    /// A stamp's date read with confidence but not taken (the scan's day stands): the warning's
    /// code (`inkom.stamp_old`: long before the scan or long after the document's date;
    /// `inkom.stamp_before_document`: before the document's own date) and its Swedish message for
    /// the registrator. Both empty otherwise.
    std::string doubtCode;
    std::string doubt;
};

/// The stamps on `document`'s pages, for a document that reached inkorg at `receivedAt` (as the
/// diarium stores it: an ISO instant in UTC or a bare date) and whose sender dated it
/// `documentDate` (YYYY-MM-DD; empty, not a date or after the scan's day: not known). No stamp:
/// neither date nor unread nor doubt.
StampedArrival stampedArrival(const inkorg::Document& document, const std::string& receivedAt,
                              const std::string& documentDate = {});

/// The document's own date in `record` of a form `spec`: the latest value of its date fields
/// whose meaning names the underskrift (the date the sender signed: "Datum för underskrift",
/// the anmälan's or the rapport's date). Empty when the form has none or the record holds none.
std::string documentDateOf(const inkorg::Record& record, const forms::FormSpec& spec);

/// The review reason of an unread stamp (Swedish, for the registrator).
inline constexpr const char* kStampDateUnread =
    "Ankomststämpelns datum kunde inte läsas säkert – läs det på handlingen och ange inkom datum";

} // namespace inkorg::pipeline
