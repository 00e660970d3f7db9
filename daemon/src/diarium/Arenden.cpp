// Diarium: ärenden — started from a handling, handlingar added, listed and read (Arende.hpp).
#include "diarium/Diarium.hpp"

#include "diarium/EventDetail.hpp"
#include "diarium/RowMapping.hpp"
#include "diarium/SearchTerms.hpp"
#include "diarium/WriteTransaction.hpp"

#include <Poco/Data/Statement.h>
#include <Poco/String.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium::rows {

template <class V> void visitColumns(ArendeRow& r, V& v)
{
    v(r.id); v(r.headDocumentId); v(r.diarienummer); v(r.register_); v(r.arendemening); v(r.arendemeningPublic);
    v(r.part); v(r.partPersonnummer); v(r.handlaggare); v(r.status); v(r.createdAt); v(r.createdBy);
}

/// An ärende's number and register are its first handling's.
inline constexpr const char* kArendeColumns =
    "a.id, a.head_document_id, COALESCE(d.diarienummer, ''), COALESCE(d.register_name, ''), a.arendemening,"
    " a.arendemening_public, a.part, a.part_personnummer, a.handlaggare, a.status, a.created_at, a.created_by";
inline constexpr const char* kArendeFrom = " FROM arenden a JOIN documents d ON d.id = a.head_document_id";

} // namespace inkorg::diarium::rows

namespace Poco::Data {
template <> class TypeHandler<inkorg::diarium::ArendeRow>
    : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::ArendeRow> {};
} // namespace Poco::Data

namespace inkorg::diarium {
namespace {

void requireRegistered(const std::optional<DocumentRow>& document, long long documentId)
{
    if (!document) throw std::invalid_argument("okänd handling: " + std::to_string(documentId));
    if (!document->diarienummer || document->status == kQuarantined || document->status == kDiscarded)
        throw std::logic_error("handlingen är inte registrerad: " + std::to_string(documentId));
}

} // namespace

long long Diarium::startArende(long long headDocumentId, const NewArende& arende)
{
    if (Poco::trim(arende.arendemening).empty()) throw std::invalid_argument("ange ärendemening");
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    const auto head = documentIn(session, headDocumentId);
    requireRegistered(head, headDocumentId);
    Poco::Int64 headId = headDocumentId;
    Poco::Nullable<Poco::Int64> current;
    session << database_.sql("SELECT arende_id FROM documents WHERE id = ?"), use(headId), into(current), now;
    if (!current.isNull()) throw std::logic_error("handlingen hör redan till ett ärende: " + *head->diarienummer);

    NewArende a = arende;
    std::string at = nowText();
    session << database_.sql("INSERT INTO arenden (head_document_id, arendemening, arendemening_public, part,"
                             " part_personnummer, handlaggare, status, created_at, created_by)"
                             " VALUES (?, ?, ?, ?, ?, ?, 'pågående', ?, ?)"),
        use(headId), use(a.arendemening), use(a.arendemeningPublic), use(a.part), use(a.partPersonnummer),
        use(a.handlaggare), use(at), use(a.actor), now;
    const long long arendeId = database_.lastInsertId(session);
    Poco::Int64 id = arendeId;
    session << database_.sql("UPDATE documents SET arende_id = ? WHERE id = ? OR case_document_id = ?"), use(id),
        use(headId), use(headId), now;
    appendEventIn(session, headDocumentId, arende.actor, "arende_started",
                  EventDetail().set("arende", arendeId).set("diarienummer", *head->diarienummer).text());
    transaction.commit();
    return arendeId;
}

std::string Diarium::addHandling(long long arendeId, long long documentId, const std::string& actor)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    std::vector<ArendeRow> found;
    Poco::Int64 id = arendeId;
    session << database_.sql(std::string("SELECT ") + rows::kArendeColumns + rows::kArendeFrom + " WHERE a.id = ?"),
        use(id), into(found), now;
    if (found.empty()) throw std::invalid_argument("okänt ärende: " + std::to_string(arendeId));
    const ArendeRow& arende = found.front();
    const auto document = documentIn(session, documentId);
    requireRegistered(document, documentId);
    Poco::Int64 documentKey = documentId;
    Poco::Nullable<Poco::Int64> current;
    session << database_.sql("SELECT arende_id FROM documents WHERE id = ?"), use(documentKey), into(current), now;
    if (!current.isNull() && current.value() == arendeId) return *document->diarienummer;
    if (!current.isNull()) throw std::logic_error("handlingen hör redan till ett annat ärende: " + *document->diarienummer);

    const std::string from = document->register_.value_or(kDiarium);
    if (from != arende.register_) {
        if (from == kPersonakt)
            throw std::logic_error("en handling i personakten kan inte läggas i ett ärende i diariet (OSL 26:1)");
        moveCaseIn(session, documentId, arende.register_, actor);   // out of the public diarium
    }
    session << database_.sql("UPDATE documents SET arende_id = ? WHERE id = ? OR case_document_id = ?"), use(id),
        use(documentKey), use(documentKey), now;
    const std::string number = *documentIn(session, documentId)->diarienummer;
    appendEventIn(session, documentId, actor, "arende_handling",
                  EventDetail().set("arende", arendeId).set("arendeDiarienummer", arende.diarienummer)
                      .set("diarienummer", number).text());
    transaction.commit();
    return number;
}

std::optional<ArendeRow> Diarium::arende(long long arendeId)
{
    auto found = rows::select<ArendeRow>(database_, rows::kArendeColumns,
                                         std::string(rows::kArendeFrom) + " WHERE a.id = ?", arendeId);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<ArendeRow> Diarium::arendeOf(long long documentId)
{
    auto found = rows::select<ArendeRow>(database_, rows::kArendeColumns,
                                         std::string(rows::kArendeFrom) +
                                             " WHERE a.id = (SELECT arende_id FROM documents WHERE id = ?)",
                                         documentId);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<ArendeRow> Diarium::arenden(const std::string& search, int limit)
{
    std::string text = std::string("SELECT ") + rows::kArendeColumns + rows::kArendeFrom;
    std::vector<std::string> values;
    const std::string wanted = Poco::toLower(Poco::trim(search));
    if (!wanted.empty()) {
        const std::string pattern = likeContaining(wanted);
        text += " WHERE (LOWER(COALESCE(d.diarienummer, '')) LIKE ? ESCAPE '!' OR LOWER(a.arendemening) LIKE ? ESCAPE '!'"
                " OR LOWER(a.part) LIKE ? ESCAPE '!'";
        values.insert(values.end(), 3, pattern);
        const std::string digits = digitsOf(wanted);
        if (digits.size() >= 6) {
            text += " OR REPLACE(a.part_personnummer, '-', '') LIKE ?";
            values.push_back("%" + digits + "%");
        }
        text += ")";
    }
    text += " ORDER BY a.id DESC LIMIT ?";
    Poco::Data::Session session = database_.session();
    std::vector<ArendeRow> found;
    Poco::Data::Statement select(session);
    select << database_.sql(text);
    for (const std::string& value : values) select.addBind(bind(value));
    select.addBind(bind(Poco::Int64(std::max(limit, 0))));
    select.addExtract(into(found));
    select.execute();
    return found;
}

std::vector<DocumentRow> Diarium::arendeHandlingar(long long arendeId)
{
    return rows::select<DocumentRow>(
        database_, rows::kDocumentColumns,
        " FROM documents WHERE arende_id = ?"
        " ORDER BY CASE WHEN id = (SELECT head_document_id FROM arenden WHERE id = documents.arende_id) THEN 0 ELSE 1 END, id",
        arendeId);
}

void Diarium::setArendeStatus(long long arendeId, const std::string& status, const std::string& actor)
{
    if (status != kArendeOpen && status != kArendeClosed)
        throw std::invalid_argument("ett ärende är pågående eller avslutat, inte " + status);
    const auto before = arende(arendeId);
    if (!before) throw std::invalid_argument("okänt ärende: " + std::to_string(arendeId));
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    Poco::Int64 id = arendeId;
    std::string after = status;
    session << database_.sql("UPDATE arenden SET status = ? WHERE id = ?"), use(after), use(id), now;
    appendEventIn(session, before->headDocumentId, actor, "arende_status",
                  EventDetail().set("arende", arendeId).set("before", before->status).set("after", status).text());
    transaction.commit();
}

} // namespace inkorg::diarium
