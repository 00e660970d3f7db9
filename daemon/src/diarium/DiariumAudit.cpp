// Diarium: the audit of reads by people (loggkontroll).
#include "diarium/Diarium.hpp"

#include "diarium/IsoTime.hpp"
#include "diarium/RowMapping.hpp"

#include <Poco/Data/Statement.h>

#include <algorithm>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {
namespace {

/// A list or search read again unchanged by the same person within this time (the pages update
/// themselves every few seconds) is already in the audit: no new row.
constexpr std::chrono::minutes kRepeatedListRead{5};

} // namespace

void Diarium::auditRead(const AuditEntry& entry)
{
    if (entry.userName.empty()) throw std::invalid_argument("auditRead: the reader must be named");
    Poco::Data::Session session = database_.session();
    std::string who = entry.userName, what = entry.action, detail = entry.detail, at = nowText();
    if (!entry.documentId) {
        std::string since = isoUtc(currentTime() - kRepeatedListRead);
        Poco::Int64 recent = 0;
        session << database_.sql("SELECT COUNT(*) FROM audit WHERE user_name = ? AND action = ? AND detail = ?"
                                 " AND document_id IS NULL AND occurred_at > ?"),
            use(who), use(what), use(detail), use(since), into(recent), now;
        if (recent > 0) return;
    }
    Poco::Nullable<Poco::Int64> document;
    if (entry.documentId) document = *entry.documentId;
    Poco::Nullable<std::string> personKey;
    if (!entry.personKey.empty()) personKey = entry.personKey;
    session << database_.sql("INSERT INTO audit (user_name, document_id, action, occurred_at, detail, person_key)"
                             " VALUES (?, ?, ?, ?, ?, ?)"),
        use(who), use(document), use(what), use(at), use(detail), use(personKey), now;
}

std::vector<AuditRow> Diarium::audit(const AuditQuery& query)
{
    std::string text = std::string("SELECT ") + rows::kAuditColumns + " FROM audit WHERE 1 = 1";
    std::vector<std::string> texts;
    std::vector<Poco::Int64> numbers;
    if (query.userName) { text += " AND user_name = ?"; texts.push_back(*query.userName); }
    if (query.personKey) { text += " AND person_key = ?"; texts.push_back(*query.personKey); }
    if (query.unit) {
        // The reader is of the unit, or the document read is assigned to it (its latest assignment).
        const std::string assignedUnit =
            "(SELECT " + database_.jsonMember("e.detail_json", "unit") + " FROM events e WHERE e.document_id ="
            " audit.document_id AND e.kind = '" + kAssignedEvent + "' ORDER BY e.id DESC LIMIT 1)";
        text += " AND (EXISTS (SELECT 1 FROM users u WHERE u.name = audit.user_name AND u.unit = ?) OR " +
                assignedUnit + " = ?)";
        texts.insert(texts.end(), 2, *query.unit);
    }
    if (query.action == "page") text += " AND action LIKE 'page %'";
    else if (query.action) { text += " AND action = ?"; texts.push_back(*query.action); }
    if (query.from) { text += " AND occurred_at >= ?"; texts.push_back(*query.from); }
    if (query.until) { text += " AND occurred_at < ?"; texts.push_back(*query.until); }
    if (query.documentId) { text += " AND document_id = ?"; numbers.push_back(*query.documentId); }
    text += " ORDER BY id DESC LIMIT ?";
    numbers.push_back(std::max(query.limit, 0));

    Poco::Data::Session session = database_.session();
    std::vector<AuditRow> found;
    Poco::Data::Statement select(session);
    select << database_.sql(text);
    for (const std::string& value : texts) select.addBind(bind(value));
    for (const Poco::Int64 value : numbers) select.addBind(bind(value));
    select.addExtract(into(found));
    select.execute();
    return found;
}

} // namespace inkorg::diarium
