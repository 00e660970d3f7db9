// Diarium: documents, events and quarantine.
#include "diarium/Diarium.hpp"

#include "diarium/EventDetail.hpp"
#include "diarium/Numbering.hpp"
#include "diarium/RowMapping.hpp"
#include "diarium/WriteTransaction.hpp"

#include <Poco/Data/Statement.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {

std::optional<DocumentRow> Diarium::documentIn(Poco::Data::Session& session, long long documentId)
{
    std::vector<DocumentRow> rows;
    Poco::Int64 id = documentId;
    session << database_.sql(std::string("SELECT ") + rows::kDocumentColumns + " FROM documents WHERE id = ?"),
        use(id), into(rows), now;
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<DocumentRow> Diarium::documentWhere(Poco::Data::Session& session, const std::string& column,
                                                  const std::string& value)
{
    if (column != "sha256" && column != "diarienummer" && column != "arrival")
        throw std::logic_error("documentWhere: " + column);
    std::vector<DocumentRow> rows;
    std::string wanted = value;
    session << database_.sql(std::string("SELECT ") + rows::kDocumentColumns + " FROM documents WHERE " + column +
                             " = ? ORDER BY id LIMIT 1"),
        use(wanted), into(rows), now;
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<DocumentRow> Diarium::document(long long documentId)
{
    Poco::Data::Session session = database_.session();
    return documentIn(session, documentId);
}

std::optional<DocumentRow> Diarium::documentByDiarienummer(const std::string& diarienummer)
{
    Poco::Data::Session session = database_.session();
    if (auto document = documentWhere(session, "diarienummer", diarienummer)) return document;
    Poco::Nullable<Poco::Int64> moved;
    std::string number = diarienummer;
    session << database_.sql("SELECT document_id FROM number_transfers WHERE diarienummer = ?"), use(number),
        into(moved), now;
    if (moved.isNull()) return std::nullopt;
    return documentIn(session, moved.value());
}

std::optional<DocumentRow> Diarium::documentBySha256(const std::string& sha256)
{
    Poco::Data::Session session = database_.session();
    return documentWhere(session, "sha256", sha256);
}

std::optional<DocumentRow> Diarium::documentByArrival(const std::string& arrival)
{
    Poco::Data::Session session = database_.session();
    return documentWhere(session, "arrival", arrival);
}

std::optional<DocumentRow> Diarium::readDocument(long long documentId, const std::string& userName,
                                                 const std::string& action)
{
    if (userName.empty()) throw std::invalid_argument("readDocument: the reader must be named");
    Poco::Data::Session session = database_.session();
    auto document = documentIn(session, documentId);
    if (!document) return std::nullopt;
    auditRead({userName, documentId, action, "", ""});
    return document;
}

std::vector<DocumentRow> Diarium::listDocuments(const DocumentFilter& filter)
{
    Poco::Data::Session session = database_.session();
    std::string text = std::string("SELECT ") + rows::kDocumentColumns + " FROM documents WHERE 1 = 1";
    std::vector<std::string> values;
    if (filter.status) { text += " AND status = ?"; values.push_back(*filter.status); }
    if (filter.register_) { text += " AND register_name = ?"; values.push_back(*filter.register_); }
    if (filter.formId) { text += " AND form_id = ?"; values.push_back(*filter.formId); }
    text += " ORDER BY id DESC LIMIT ? OFFSET ?";
    std::vector<DocumentRow> rows;
    Poco::Data::Statement select(session);
    select << database_.sql(text);
    for (const std::string& value : values) select.addBind(bind(value));
    select.addBind(bind(Poco::Int64(filter.limit)));
    select.addBind(bind(Poco::Int64(filter.offset)));
    select.addExtract(into(rows));
    select.execute();
    return rows;
}

void Diarium::correct(long long documentId, const DocumentCorrection& correction, const std::string& actor)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    const auto before = documentIn(session, documentId);
    if (!before) throw std::invalid_argument("okänd handling: " + std::to_string(documentId));
    correctIn(session, *before, correction, actor);
    transaction.commit();
}

void Diarium::correctIn(Poco::Data::Session& session, const DocumentRow& before,
                        const DocumentCorrection& correction, const std::string& actor)
{
    const long long documentId = before.id;

    struct Change { const char* column; const char* key; const std::optional<std::string>& after; std::string before; bool json; };
    const Change changes[] = {
        {"record_json", "record", correction.recordJson, before.recordJson, true},
        {"field_confidence_json", "fieldConfidence", correction.fieldConfidenceJson, before.fieldConfidenceJson, true},
        {"issues_json", "issues", correction.issuesJson, before.issuesJson, true},
        {"status", "status", correction.status, before.status, false},
        {"priority", "priority", correction.priority, before.priority, false},
        {"avsandare_public", "avsandarePublic", correction.avsandarePublic, before.avsandarePublic, false},
        {"avsandare_secret", "avsandareSecret", correction.avsandareSecret, before.avsandareSecret, false},
        {"beskrivning_public", "beskrivningPublic", correction.beskrivningPublic, before.beskrivningPublic, false},
        {"beskrivning_secret", "beskrivningSecret", correction.beskrivningSecret, before.beskrivningSecret, false},
    };
    if (correction.status && *correction.status != kRegistered && *correction.status != kNeedsReview
        && *correction.status != kUnclassified)
        throw std::invalid_argument("status kan inte rättas till " + *correction.status);

    EventDetail changed;
    Poco::Int64 id = documentId;
    for (const Change& change : changes) {
        if (!change.after || *change.after == change.before) continue;
        std::string value = *change.after;
        session << database_.sql(std::string("UPDATE documents SET ") + change.column + " = ? WHERE id = ?"),
            use(value), use(id), now;
        EventDetail beforeAfter;
        if (change.json) beforeAfter.setJson("before", change.before).setJson("after", value);
        else beforeAfter.set("before", change.before).set("after", value);
        changed.set(change.key, beforeAfter);
    }
    if (changed.empty()) return;
    appendEventIn(session, documentId, actor, "corrected", EventDetail().set("changes", changed).text());
}

void Diarium::appendEvent(std::optional<long long> documentId, const std::string& actor, const std::string& kind,
                          const std::string& detailJson)
{
    Poco::Data::Session session = database_.session();
    appendEventIn(session, documentId, actor, kind, detailJson);
}

std::vector<EventRow> Diarium::events(long long documentId)
{
    return rows::select<EventRow>(database_, rows::kEventColumns,
                                     " FROM events WHERE document_id = ? ORDER BY id", documentId);
}

std::vector<DocumentRow> Diarium::quarantined()
{
    DocumentFilter filter;
    filter.status = kQuarantined;
    filter.limit = 1000;
    return listDocuments(filter);
}

RegisterResult Diarium::release(long long documentId, const Release& release)
{
    if (release.actor.empty()) throw std::invalid_argument("release: the registrator must be named");
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    const auto document = documentIn(session, documentId);
    if (!document) throw std::invalid_argument("okänd handling: " + std::to_string(documentId));
    if (document->status != kQuarantined)
        throw std::logic_error("handlingen ligger inte i karantän: " + std::to_string(documentId));

    const int year = registrationYear(currentTime());
    const long long seq = allocateSequence(database_, session, kDiarium, year);
    std::string diarienummer = formatDiarienummer(patternFor(kDiarium), year, seq);
    std::string registerName = kDiarium, status = kUnclassified, at = nowText();
    std::string issues = R"([{"field":null,"severity":"warning","code":"form.unclassified",)"
                         R"("message":"Handlingen släpptes ur karantän – ange vilken sorts handling det är"}])";
    Release r = release;
    Poco::Int64 id = documentId, yearValue = year, seqValue = seq;
    session << database_.sql("UPDATE documents SET register_name = ?, diarienummer = ?, year = ?, seq = ?,"
                             " registered_at = ?, form_id = NULL, status = ?, issues_json = ?,"
                             " avsandare_public = ?, avsandare_secret = ?, beskrivning_public = ?,"
                             " beskrivning_secret = ? WHERE id = ?"),
        use(registerName), use(diarienummer), use(yearValue), use(seqValue), use(at), use(status), use(issues),
        use(r.avsandarePublic), use(r.avsandareSecret), use(r.beskrivningPublic), use(r.beskrivningSecret), use(id),
        now;
    appendEventIn(session, documentId, release.actor, "released",
                  EventDetail().set("quarantineReason", document->quarantineReason).text());
    appendEventIn(session, documentId, release.actor, "registered",
                  EventDetail().set("diarienummer", diarienummer).set("register", registerName)
                      .set("status", status).set("form", Poco::Dynamic::Var())
                      .set("title", std::string("Inkommen handling")).text());
    transaction.commit();
    return {false, documentId, diarienummer};
}

void Diarium::discard(long long documentId, const std::string& reason, const std::string& actor)
{
    if (reason.empty()) throw std::invalid_argument("kassering kräver en motivering");
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    const auto document = documentIn(session, documentId);
    if (!document) throw std::invalid_argument("okänd handling: " + std::to_string(documentId));
    if (document->status != kQuarantined)
        throw std::logic_error("handlingen ligger inte i karantän: " + std::to_string(documentId));
    std::string why = reason;
    Poco::Int64 id = documentId;
    session << database_.sql("UPDATE documents SET status = 'discarded', discard_reason = ? WHERE id = ?"),
        use(why), use(id), now;
    appendEventIn(session, documentId, actor, "discarded", EventDetail().set("reason", reason).text());
    transaction.commit();
}

} // namespace inkorg::diarium
