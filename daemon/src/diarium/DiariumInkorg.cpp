// Diarium: the inkorg's document list in one query (InkorgList.hpp).
#include "diarium/Diarium.hpp"

#include "diarium/RowMapping.hpp"
#include "diarium/SearchTerms.hpp"

#include <Poco/Data/Statement.h>
#include <Poco/String.h>

#include <algorithm>
#include <map>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium::rows {

/// A listed document: the document's columns, then the unit, handläggare and text snippet.
struct InkorgRow {
    DocumentRow row;
    std::string unit, handlaggare, snippet;
};

template <class V> void visitColumns(InkorgRow& r, V& v)
{
    visitColumns(r.row, v);
    v(r.unit);
    v(r.handlaggare);
    v(r.snippet);
}

} // namespace inkorg::diarium::rows

namespace Poco::Data {
template <> class TypeHandler<inkorg::diarium::rows::InkorgRow>
    : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::rows::InkorgRow> {};
} // namespace Poco::Data

namespace inkorg::diarium {
namespace {

/// The detail of the document's latest event of `kind`, as a column.
std::string latestDetail(const char* kind, const char* as)
{
    return std::string("(SELECT e.detail_json FROM events e WHERE e.document_id = documents.id AND e.kind = '") +
           kind + "' ORDER BY e.id DESC LIMIT 1) AS " + as;
}

/// The record's fields as (key, value) rows, for EXISTS (SELECT 1 FROM <this> WHERE …).
std::string recordFields(Dialect dialect)
{
    if (dialect == Dialect::sqlite) return "json_each(listed.record_json) AS f";
    return "json_each_text(listed.record_json::json) AS f(key, value)";
}

/// The documents whose text has every word, as (doc, score, snippet) rows: lower scores rank first.
std::string textHits(Dialect dialect)
{
    if (dialect == Dialect::sqlite)
        return "SELECT rowid AS doc, bm25(document_text) AS score,"
               " snippet(document_text, 0, '«', '»', '…', 16) AS snippet"
               " FROM document_text WHERE document_text MATCH ?";
    return "SELECT document_id AS doc, -ts_rank(words, q) AS score,"
           " ts_headline('swedish', body, q, 'StartSel=«, StopSel=», MaxWords=24, MinWords=10, MaxFragments=2,"
           " FragmentDelimiter=\" … \"') AS snippet"
           " FROM document_text, to_tsquery('swedish', ?) AS q WHERE words @@ q";
}

} // namespace

InkorgPage Diarium::inkorgList(const InkorgQuery& query)
{
    const Dialect dialect = database_.dialect();
    const std::string unit = "COALESCE(" + database_.jsonMember("assigned_detail", "unit") + ", '')";
    const std::string handlaggare = "COALESCE(" + database_.jsonMember("assigned_detail", "handlaggare") + ", '')";
    const std::string form = "CASE WHEN form_detail IS NULL THEN form_id ELSE NULLIF(" +
                             database_.jsonMember("form_detail", "after") + ", '') END";

    const auto words = searchWords(query.search);
    std::string text =
        "SELECT id, register_name, diarienummer, received_at, COALESCE(registered_at, ''), " + form +
        ", confidence, record_json, field_confidence_json, issues_json, status, priority, pages, sha256,"
        " original_name, source, avsandare_public, avsandare_secret, beskrivning_public, beskrivning_secret,"
        " COALESCE(quarantine_reason, ''), COALESCE(discard_reason, ''), " + unit + ", " + handlaggare +
        (words.empty() ? ", ''" : ", COALESCE(hits.snippet, '')") +
        " FROM (SELECT documents.*, " + latestDetail(kAssignedEvent, "assigned_detail") + ", " +
        latestDetail(kFormChangedEvent, "form_detail") + " FROM documents) AS listed";
    std::vector<std::string> values;
    // The search in the text joins its hits: inre sekretess (unit, handläggare) below applies to them too.
    if (!words.empty()) {
        text += " LEFT JOIN (" + textHits(dialect) + ") AS hits ON hits.doc = listed.id";
        values.push_back(dialect == Dialect::sqlite ? fts5Match(words) : swedishTsQuery(words));
    }
    text += " WHERE ";
    if (query.status) { text += "status = ?"; values.push_back(*query.status); }
    else text += "status <> 'discarded'";
    if (query.formId) { text += " AND " + form + " = ?"; values.push_back(*query.formId); }
    if (query.priority) { text += " AND priority = ?"; values.push_back(*query.priority); }
    if (query.unit) {
        text += " AND " + unit + " = ?";
        values.push_back(*query.unit);
        if (query.handlaggare) {
            text += " AND (" + handlaggare + " = '' OR " + handlaggare + " = ?)";
            values.push_back(*query.handlaggare);
        }
    }
    if (!query.documentIds.empty()) {
        std::string ids;
        for (long long id : query.documentIds) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
        text += " AND id IN (" + ids + ")";
    }
    const std::string search = Poco::toLower(Poco::trim(query.search));
    if (!search.empty()) {
        const std::string pattern = likeContaining(search);
        text += " AND (LOWER(COALESCE(diarienummer, '')) LIKE ? ESCAPE '!' OR LOWER(avsandare_secret) LIKE ? ESCAPE '!'"
                " OR LOWER(beskrivning_secret) LIKE ? ESCAPE '!'"
                " OR EXISTS (SELECT 1 FROM " + recordFields(dialect) +
                " WHERE f.key LIKE '%namn%' AND LOWER(f.value) LIKE ? ESCAPE '!')";
        values.insert(values.end(), 4, pattern);
        if (!words.empty()) text += " OR hits.doc IS NOT NULL";
        const std::string digits = digitsOf(search);
        if (digits.size() >= 6) {
            text += " OR EXISTS (SELECT 1 FROM " + recordFields(dialect) +
                    " WHERE f.key LIKE '%personnummer' AND REPLACE(REPLACE(f.value, '-', ''), '+', '') LIKE ?)";
            values.push_back("%" + digits + "%");
        }
        text += ")";
    }
    text += " ORDER BY ";
    if (!words.empty()) text += "CASE WHEN hits.doc IS NULL THEN 1 ELSE 0 END, hits.score, ";
    text += "CASE priority WHEN 'akut' THEN 0 WHEN 'brådskande' THEN 1 ELSE 2 END, id DESC LIMIT ? OFFSET ?";

    Poco::Data::Session session = database_.session();
    std::vector<rows::InkorgRow> found;
    Poco::Data::Statement select(session);
    select << database_.sql(text);
    for (const std::string& value : values) select.addBind(bind(value));
    select.addBind(bind(Poco::Int64(std::max(query.limit, 0) + 1)));
    select.addBind(bind(Poco::Int64(std::max(query.offset, 0))));
    select.addExtract(into(found));
    select.execute();

    InkorgPage page;
    page.more = static_cast<int>(found.size()) > query.limit;
    if (page.more) found.resize(static_cast<std::size_t>(query.limit));
    if (found.empty()) return page;

    std::string ids;
    for (const auto& listed : found) ids += (ids.empty() ? "" : ", ") + std::to_string(listed.row.id);
    std::vector<DeadlineRow> open;
    session << std::string("SELECT ") + rows::kDeadlineColumns + " FROM deadlines WHERE done = 0 AND document_id IN (" +
                   ids + ") ORDER BY due_date, id",
        into(open), now;
    std::map<long long, DeadlineRow> earliest;
    for (auto& deadline : open) earliest.try_emplace(deadline.documentId, std::move(deadline));

    for (auto& listed : found) {
        InkorgEntry entry{std::move(listed.row), std::move(listed.unit), std::move(listed.handlaggare), std::nullopt,
                          std::move(listed.snippet)};
        if (auto it = earliest.find(entry.row.id); it != earliest.end()) entry.nextDeadline = it->second;
        page.entries.push_back(std::move(entry));
    }
    return page;
}

std::map<long long, std::string> Diarium::diarienummerOf(const std::vector<long long>& documentIds)
{
    std::map<long long, std::string> numbers;
    if (documentIds.empty()) return numbers;
    std::string ids;
    for (long long id : documentIds) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    std::vector<Poco::Int64> found;
    std::vector<std::string> diarienummer;
    Poco::Data::Session session = database_.session();
    session << "SELECT id, diarienummer FROM documents WHERE diarienummer IS NOT NULL AND id IN (" + ids + ")",
        into(found), into(diarienummer), now;
    for (std::size_t i = 0; i < found.size(); ++i) numbers[found[i]] = diarienummer[i];
    return numbers;
}

} // namespace inkorg::diarium
