// Diarium: steps that open and close deadlines (lex Sarah), and the verkställighet of decisions.
#include "diarium/Diarium.hpp"

#include "diarium/EventDetail.hpp"
#include "diarium/RowMapping.hpp"
#include "diarium/WriteTransaction.hpp"

#include <Poco/Nullable.h>

#include <algorithm>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {

std::vector<long long> Diarium::recordStep(long long documentId, const CaseStep& step, const std::string& actor)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    if (!documentIn(session, documentId)) throw std::invalid_argument("okänd handling: " + std::to_string(documentId));
    Poco::Int64 document = documentId;
    std::vector<DeadlineRow> open;
    session << database_.sql(std::string("SELECT ") + rows::kDeadlineColumns +
                             " FROM deadlines WHERE document_id = ? AND done = 0 ORDER BY id"),
        use(document), into(open), now;
    appendEventIn(session, documentId, actor, step.kind, step.detailJson);
    const std::string at = nowText();
    for (const DeadlineRow& deadline : open) {
        if (std::find(step.closes.begin(), step.closes.end(), deadline.kind) == step.closes.end()) continue;
        Poco::Int64 id = deadline.id;
        std::string when = at, who = actor;
        session << database_.sql("UPDATE deadlines SET done = 1, done_at = ?, done_by = ? WHERE id = ?"),
            use(when), use(who), use(id), now;
        appendEventIn(session, documentId, actor, "deadline_done",
                      EventDetail().set("deadlineId", deadline.id).set("kind", deadline.kind).set("due", deadline.due)
                          .set("by", step.kind).text());
    }
    std::vector<long long> added;
    for (DeadlineRow deadline : step.opens) {
        const bool alreadyOpen = std::any_of(open.begin(), open.end(), [&](const DeadlineRow& o) {
            return o.kind == deadline.kind &&
                   std::find(step.closes.begin(), step.closes.end(), o.kind) == step.closes.end();
        });
        if (alreadyOpen) continue;
        session << database_.sql("INSERT INTO deadlines (document_id, kind, title, due_date, done) VALUES (?, ?, ?, ?, 0)"),
            use(document), use(deadline.kind), use(deadline.title), use(deadline.due), now;
        added.push_back(database_.lastInsertId(session));
    }
    transaction.commit();
    return added;
}

void Diarium::recordVerkstallighet(const VerkstallighetRow& row, const std::string& actor)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    std::vector<DecisionRow> decision;
    Poco::Int64 id = row.decisionId;
    session << database_.sql(std::string("SELECT ") + rows::kDecisionColumns + " FROM decisions WHERE id = ?"), use(id),
        into(decision), now;
    if (decision.empty()) throw std::invalid_argument("okänt beslut: " + std::to_string(row.decisionId));
    Poco::Nullable<std::string> verkstalld;
    if (row.verkstalldOn) verkstalld = *row.verkstalldOn;
    std::string insats = row.insats, skal = row.drojsmalSkal, at = nowText(), who = actor;
    session << database_.sql("INSERT INTO verkstallighet (decision_id, verkstalld_on, insats, drojsmal_skal, updated_at,"
                             " updated_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id) DO UPDATE SET"
                             " verkstalld_on = COALESCE(excluded.verkstalld_on, verkstallighet.verkstalld_on),"
                             " insats = CASE WHEN excluded.insats = '' THEN verkstallighet.insats ELSE excluded.insats END,"
                             " drojsmal_skal = CASE WHEN excluded.drojsmal_skal = '' THEN verkstallighet.drojsmal_skal"
                             " ELSE excluded.drojsmal_skal END,"
                             " updated_at = excluded.updated_at, updated_by = excluded.updated_by"),
        use(id), use(verkstalld), use(insats), use(skal), use(at), use(who), now;
    EventDetail detail;
    detail.set("decisionId", row.decisionId);
    if (row.verkstalldOn) detail.set("verkstalld", *row.verkstalldOn);
    if (!row.insats.empty()) detail.set("insats", row.insats);
    if (!row.drojsmalSkal.empty()) detail.set("skal", row.drojsmalSkal);
    appendEventIn(session, decision.front().documentId, actor, "verkstallighet", detail.text());
    transaction.commit();
}

std::optional<DecisionRow> Diarium::decision(long long decisionId)
{
    auto found = rows::select<DecisionRow>(database_, rows::kDecisionColumns, " FROM decisions WHERE id = ?", decisionId);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<VerkstallighetRow> Diarium::verkstalligheter()
{
    Poco::Data::Session session = database_.session();
    std::vector<VerkstallighetRow> rows;
    session << database_.sql(std::string("SELECT ") + rows::kVerkstallighetColumns +
                             " FROM verkstallighet ORDER BY decision_id"),
        into(rows), now;
    return rows;
}

} // namespace inkorg::diarium
