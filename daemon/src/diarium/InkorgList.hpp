#pragma once
/// The inkorg's list of documents (the web UI's start page) in one query: the page of documents
/// a person may see, filtered and searched in the database, with what the web UI keeps as
/// events applied — the unit and handläggare a document is assigned to (inre sekretess), a form
/// a registrator chose instead of the classifier's — and each document's earliest open deadline
/// (an inkom datum set from the ankomststämpel is the row's own received_at). No query per
/// document: 1 000 documents list as fast as 10 (Diarium::inkorgList).
///
/// The events read (the latest of each kind wins; detail JSON):
///   "assigned"     {"unit": "Försörjningsstöd", "handlaggare": "anna" | ""}
///   "form_changed" {"before": "lex_sarah" | null, "after": "ekonomiskt_bistand"}

#include "diarium/DiariumTypes.hpp"

#include <optional>
#include <string>
#include <vector>

namespace inkorg::diarium {

inline constexpr const char* kAssignedEvent = "assigned";
inline constexpr const char* kFormChangedEvent = "form_changed";
inline constexpr const char* kInkomSetEvent = "inkom_set";

/// Which documents; unset members do not filter. Akut first, then brådskande, then the rest;
/// newest first within each.
struct InkorgQuery {
    std::optional<std::string> status;       ///< nullopt: every status but discarded
    std::optional<std::string> formId;       ///< the form in force (a form_changed event wins)
    std::optional<std::string> priority;
    /// Case-insensitive part of the diarienummer, the avsändare, the beskrivning or a name field
    /// (a record key containing "namn"); six or more digits also match a personnummer field
    /// whatever its dashes. A search with a word of three letters also finds the documents whose
    /// text (OCR or PDF) has all its words in any form ("hyran" finds "hyra"; SearchTerms.hpp):
    /// those come first, best match first, each with its snippet. Empty: no search.
    std::string search;
    std::optional<std::string> unit;          ///< only documents assigned to this unit
    /// With `unit`: only the documents of that unit assigned to this handläggare or to no one.
    std::optional<std::string> handlaggare;
    std::vector<long long> documentIds;       ///< not empty: only these documents
    int limit = 200;
    int offset = 0;
};

struct InkorgEntry {
    DocumentRow row;                          ///< formId and receivedAt as in force (events applied)
    std::string unit, handlaggare;            ///< empty: not assigned
    std::optional<DeadlineRow> nextDeadline;  ///< the earliest open deadline
    /// A search in the text's hit: the words around the match, each matching word in «…». Empty
    /// when the document matched otherwise or there was no search.
    std::string snippet{};
};

struct InkorgPage {
    std::vector<InkorgEntry> entries;
    bool more = false;                        ///< documents beyond offset + limit match too
};

} // namespace inkorg::diarium
