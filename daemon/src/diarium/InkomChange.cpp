// Diarium: a corrected inkom datum (the ankomststämpel's day) and the deadlines planned again
// from it or from a new form — the plan's open deadlines (and those of the kinds it ends)
// replaced by the plan, in the caller's transaction, with the before and after in the event.
#include "diarium/Diarium.hpp"

#include "diarium/EventDetail.hpp"
#include "diarium/InkorgList.hpp"
#include "diarium/RowMapping.hpp"
#include "diarium/SwedishDay.hpp"
#include "diarium/WriteTransaction.hpp"

#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>

#include <algorithm>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {
namespace {

Poco::JSON::Array::Ptr deadlinesJson(const std::vector<DeadlineRow>& deadlines)
{
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const DeadlineRow& deadline : deadlines) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("kind", deadline.kind);
        item->set("title", deadline.title);
        item->set("due", deadline.due);
        list->add(item);
    }
    return list;
}

} // namespace

void Diarium::replanDeadlinesIn(Poco::Data::Session& session, long long documentId,
                                const std::vector<DeadlineRow>& plan, std::vector<std::string> replacedKinds,
                                EventDetail& detail)
{
    for (const DeadlineRow& deadline : plan) replacedKinds.push_back(deadline.kind);
    const auto replaced = [&replacedKinds](const DeadlineRow& deadline) {
        return !deadline.done &&
               std::find(replacedKinds.begin(), replacedKinds.end(), deadline.kind) != replacedKinds.end();
    };
    Poco::Int64 id = documentId;
    std::vector<DeadlineRow> existing;
    session << database_.sql(std::string("SELECT ") + rows::kDeadlineColumns +
                             " FROM deadlines WHERE document_id = ? ORDER BY due_date, id"),
        use(id), into(existing), now;
    std::vector<DeadlineRow> openBefore, openAfter;
    for (const DeadlineRow& deadline : existing) {
        if (!replaced(deadline)) continue;
        openBefore.push_back(deadline);
        Poco::Int64 deadlineId = deadline.id;
        session << database_.sql("DELETE FROM deadlines WHERE id = ?"), use(deadlineId), now;
    }
    for (DeadlineRow deadline : plan) {
        const bool completed = std::any_of(existing.begin(), existing.end(), [&](const DeadlineRow& done) {
            return done.done && done.kind == deadline.kind;
        });
        if (completed) continue;   // klarmarkerad already: the work is done, whatever the new day
        session << database_.sql("INSERT INTO deadlines (document_id, kind, title, due_date, done) VALUES (?, ?, ?, ?, 0)"),
            use(id), use(deadline.kind), use(deadline.title), use(deadline.due), now;
        openAfter.push_back(deadline);
    }
    detail.set("deadlinesBefore", deadlinesJson(openBefore)).set("deadlinesAfter", deadlinesJson(openAfter));
}

void Diarium::setInkomDatum(long long documentId, const InkomChange& change)
{
    if (!swedishDayOf(change.date) || change.date.size() != 10)
        throw std::invalid_argument("inkom datum ska vara ÅÅÅÅ-MM-DD: " + change.date);
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    const auto document = documentIn(session, documentId);
    if (!document) throw std::invalid_argument("okänd handling: " + std::to_string(documentId));
    if (document->status == kDiscarded) throw std::logic_error("handlingen är kasserad: " + std::to_string(documentId));
    EventDetail detail;
    detail.set("before", document->receivedAt).set("after", change.date);
    replanDeadlinesIn(session, documentId, change.deadlines, {}, detail);
    Poco::Int64 id = documentId;
    std::string date = change.date;
    session << database_.sql("UPDATE documents SET received_at = ? WHERE id = ?"), use(date), use(id), now;
    appendEventIn(session, documentId, change.actor, kInkomSetEvent, detail.text());
    transaction.commit();
}

} // namespace inkorg::diarium
