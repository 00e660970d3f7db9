// Diarium: deadlines and decisions.
#include "diarium/Diarium.hpp"

#include "diarium/EventDetail.hpp"
#include "diarium/RowMapping.hpp"
#include "diarium/WriteTransaction.hpp"

#include <Poco/Nullable.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {

std::vector<DeadlineRow> Diarium::deadlines(long long documentId)
{
    return rows::select<DeadlineRow>(database_, rows::kDeadlineColumns,
                                     " FROM deadlines WHERE document_id = ? ORDER BY due_date, id", documentId);
}

std::vector<DeadlineRow> Diarium::openDeadlines(const std::string& dueOnOrBefore)
{
    return rows::select<DeadlineRow>(database_, rows::kDeadlineColumns,
                                     " FROM deadlines WHERE done = 0 AND due_date <= ? ORDER BY due_date, id", dueOnOrBefore);
}

void Diarium::completeDeadline(long long deadlineId, const std::string& actor)
{
    setDeadlineDone(deadlineId, actor, true);
}

void Diarium::reopenDeadline(long long deadlineId, const std::string& actor)
{
    setDeadlineDone(deadlineId, actor, false);
}

std::optional<DeadlineRow> Diarium::deadline(long long deadlineId)
{
    auto found = rows::select<DeadlineRow>(database_, rows::kDeadlineColumns, " FROM deadlines WHERE id = ?", deadlineId);
    if (found.empty()) return std::nullopt;
    return found.front();
}

void Diarium::setDeadlineDone(long long deadlineId, const std::string& actor, bool done)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    std::vector<DeadlineRow> found;
    Poco::Int64 id = deadlineId;
    session << database_.sql(std::string("SELECT ") + rows::kDeadlineColumns + " FROM deadlines WHERE id = ?"),
        use(id), into(found), now;
    if (found.empty()) throw std::invalid_argument("okänd tidsfrist: " + std::to_string(deadlineId));
    if (found.front().done == done) return;
    if (done) {
        std::string at = nowText(), who = actor;
        session << database_.sql("UPDATE deadlines SET done = 1, done_at = ?, done_by = ? WHERE id = ?"),
            use(at), use(who), use(id), now;
    } else {
        session << database_.sql("UPDATE deadlines SET done = 0, done_at = NULL, done_by = NULL WHERE id = ?"), use(id), now;
    }
    appendEventIn(session, found.front().documentId, actor, done ? "deadline_done" : "deadline_reopened",
                  EventDetail().set("deadlineId", deadlineId).set("kind", found.front().kind)
                      .set("title", found.front().title).set("due", found.front().due).text());
    transaction.commit();
}

long long Diarium::addDecision(const DecisionRow& decision, const std::string& actor)
{
    if (decision.beslut.empty() || decision.beslutsfattare.empty() || decision.date.empty())
        throw std::invalid_argument("beslut, beslutsfattare och datum krävs");
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    if (!documentIn(session, decision.documentId))
        throw std::invalid_argument("okänd handling: " + std::to_string(decision.documentId));
    if (decision.supersedes) {
        std::vector<DecisionRow> earlier;
        Poco::Int64 supersededId = *decision.supersedes;
        session << database_.sql(std::string("SELECT ") + rows::kDecisionColumns + " FROM decisions WHERE id = ?"),
            use(supersededId), into(earlier), now;
        if (earlier.empty() || earlier.front().documentId != decision.documentId)
            throw std::invalid_argument("beslutet som ersätts hör inte till handlingen");
        Poco::Int64 successors = 0;
        session << database_.sql("SELECT COUNT(*) FROM decisions WHERE supersedes_id = ?"), use(supersededId),
            into(successors), now;
        if (successors != 0) throw std::logic_error("beslutet är redan ersatt av ett senare beslut");
    }
    DecisionRow d = decision;
    Poco::Int64 document = d.documentId;
    Poco::Nullable<Poco::Int64> belopp, supersedes;
    if (d.belopp) belopp = Poco::Int64(*d.belopp);
    if (d.supersedes) supersedes = Poco::Int64(*d.supersedes);
    std::string at = nowText(), who = actor;
    session << database_.sql("INSERT INTO decisions (document_id, beslut, belopp, period, poster_json, motivering, lagrum,"
                             " beslutsfattare, roll, decided_on, supersedes_id, created_at, created_by)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(document), use(d.beslut), use(belopp), use(d.period), use(d.posterJson), use(d.motivering), use(d.lagrum),
        use(d.beslutsfattare), use(d.roll), use(d.date), use(supersedes), use(at), use(who), now;
    const long long id = database_.lastInsertId(session);
    EventDetail detail;
    detail.set("decisionId", id).set("beslut", d.beslut).set("beslutsfattare", d.beslutsfattare).set("date", d.date);
    if (d.supersedes) detail.set("supersedes", *d.supersedes);
    appendEventIn(session, d.documentId, actor, d.supersedes ? "decision_superseded" : "decision", detail.text());
    transaction.commit();
    return id;
}

std::vector<DecisionRow> Diarium::decisions(long long documentId)
{
    return rows::select<DecisionRow>(database_, rows::kDecisionColumns,
                                     " FROM decisions WHERE document_id = ? ORDER BY id", documentId);
}

std::vector<DecisionRow> Diarium::currentDecisions(long long documentId)
{
    return rows::select<DecisionRow>(database_, rows::kDecisionColumns,
                                     " FROM decisions d WHERE document_id = ?"
                                     " AND NOT EXISTS (SELECT 1 FROM decisions later WHERE later.supersedes_id = d.id)"
                                     " ORDER BY id",
                                     documentId);
}

std::vector<DecisionRow> Diarium::decisionsDecidedBetween(const std::string& from, const std::string& to)
{
    Poco::Data::Session session = database_.session();
    std::vector<DecisionRow> rows;
    std::string first = from, last = to;
    session << database_.sql(std::string("SELECT ") + rows::kDecisionColumns +
                             " FROM decisions WHERE decided_on >= ? AND decided_on <= ? ORDER BY decided_on, id"),
        use(first), use(last), into(rows), now;
    return rows;
}

} // namespace inkorg::diarium
