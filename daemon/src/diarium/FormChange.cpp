// Diarium::changeForm: Byt formulär in one transaction, and the move of an ärende to the register
// of its new form (its former numbers kept as transfers in their series).
#include "diarium/Diarium.hpp"

#include "diarium/EventDetail.hpp"
#include "diarium/InkorgList.hpp"
#include "diarium/Numbering.hpp"
#include "diarium/RowMapping.hpp"
#include "diarium/WriteTransaction.hpp"

#include <Poco/Data/Statement.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Tuple.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {

namespace {

/// The form in force: the latest form_changed event's, else form_id (documents whose form was
/// changed before changeForm kept form_id current have only the events).
Poco::Dynamic::Var formInForce(const DocumentRow& document, const std::vector<EventRow>& events)
{
    Poco::Dynamic::Var form = document.formId ? Poco::Dynamic::Var(*document.formId) : Poco::Dynamic::Var();
    for (const EventRow& event : events) {
        if (event.kind != kFormChangedEvent) continue;
        try {
            const auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
            form = detail->isNull("after") ? Poco::Dynamic::Var() : detail->get("after");
        } catch (const Poco::Exception&) {
            // An event that is not JSON (never written so) leaves the form as it was.
        }
    }
    return form;
}

} // namespace

std::string Diarium::changeForm(long long documentId, const FormChange& change)
{
    patternFor(change.register_);
    const auto history = events(documentId);
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    const auto document = documentIn(session, documentId);
    if (!document) throw std::invalid_argument("okänd handling: " + std::to_string(documentId));
    if (!document->diarienummer || document->status == kQuarantined || document->status == kDiscarded)
        throw std::logic_error("handlingen är inte registrerad: " + std::to_string(documentId));

    Poco::Int64 id = documentId;
    Poco::Nullable<std::string> after = change.formId ? Poco::Nullable<std::string>(*change.formId)
                                                      : Poco::Nullable<std::string>();
    const Poco::Dynamic::Var afterValue = change.formId ? Poco::Dynamic::Var(*change.formId) : Poco::Dynamic::Var();
    EventDetail detail;
    detail.set("before", formInForce(*document, history)).set("after", afterValue);
    replanDeadlinesIn(session, documentId, change.deadlines, change.endedKinds, detail);
    appendEventIn(session, documentId, change.actor, kFormChangedEvent, detail.text());
    session << database_.sql("UPDATE documents SET form_id = ? WHERE id = ?"), use(after), use(id), now;
    correctIn(session, *document, change.correction, change.actor);

    if (document->register_.value_or(kDiarium) != change.register_) {
        Poco::Nullable<Poco::Int64> head;
        session << database_.sql("SELECT case_document_id FROM documents WHERE id = ?"), use(id), into(head), now;
        moveCaseIn(session, head.isNull() ? documentId : head.value(), change.register_, change.actor);
    }
    const std::string number = *documentIn(session, documentId)->diarienummer;
    transaction.commit();
    return number;
}

void Diarium::moveCaseIn(Poco::Data::Session& session, long long headId, const std::string& registerName,
                         const std::string& actor)
{
    const auto head = documentIn(session, headId);
    if (!head || !head->diarienummer) throw std::logic_error("ärendets handling saknar diarienummer: " + std::to_string(headId));
    const std::string headBefore = *head->diarienummer;
    const int year = registrationYear(currentTime());
    const long long seq = allocateSequence(database_, session, registerName, year);
    const std::string headAfter = formatDiarienummer(patternFor(registerName), year, seq);
    const std::string at = nowText();

    // The head, then its handlingar ("SN 2026/17-3" → "PA 2026/5-3"), each with its former number
    // kept in its series and a register_moved event.
    using Member = Poco::Tuple<Poco::Int64, std::string, std::string, std::string>;   // id, number, register, inkom
    std::vector<Member> members{{headId, headBefore, head->register_.value_or(kDiarium), head->receivedAt}};
    std::vector<Member> handlingar;
    Poco::Int64 headKey = headId;
    session << database_.sql("SELECT id, diarienummer, register_name, received_at FROM documents"
                             " WHERE case_document_id = ? AND diarienummer IS NOT NULL ORDER BY id"),
        use(headKey), into(handlingar), now;
    members.insert(members.end(), handlingar.begin(), handlingar.end());
    for (const Member& member : members) {
        Poco::Int64 memberId = member.get<0>();
        std::string from = member.get<1>(), fromRegister = member.get<2>(), receivedAt = member.get<3>();
        std::string to = from.rfind(headBefore, 0) == 0 ? headAfter + from.substr(headBefore.size()) : headAfter;
        std::string toRegister = registerName, when = at, who = actor;
        Poco::Nullable<Poco::Int64> yearValue, seqValue;
        session << database_.sql("SELECT year, seq FROM documents WHERE id = ?"), use(memberId), into(yearValue),
            into(seqValue), now;
        session << database_.sql("INSERT INTO number_transfers (register_name, diarienummer, year, seq, received_at,"
                                 " document_id, to_register, to_diarienummer, transferred_at, actor)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            use(fromRegister), use(from), use(yearValue), use(seqValue), use(receivedAt), use(memberId), use(toRegister),
            use(to), use(when), use(who), now;
        Poco::Nullable<Poco::Int64> newYear, newSeq;
        if (memberId == headId) {
            newYear = Poco::Int64(year);
            newSeq = Poco::Int64(seq);
        }
        session << database_.sql("UPDATE documents SET register_name = ?, diarienummer = ?, year = ?, seq = ? WHERE id = ?"),
            use(toRegister), use(to), use(newYear), use(newSeq), use(memberId), now;
        appendEventIn(session, memberId, actor, kRegisterMovedEvent,
                      EventDetail().set("from", from).set("to", to).set("register", registerName).text());
    }
}

std::vector<NumberTransferRow> Diarium::transferredNumbers(const std::string& registerName, int limit)
{
    Poco::Data::Session session = database_.session();
    std::vector<NumberTransferRow> rows;
    std::string name = registerName;
    Poco::Int64 most = limit;
    session << database_.sql(std::string("SELECT ") + rows::kNumberTransferColumns +
                             " FROM number_transfers WHERE register_name = ? ORDER BY id DESC LIMIT ?"),
        use(name), use(most), into(rows), now;
    return rows;
}

} // namespace inkorg::diarium
