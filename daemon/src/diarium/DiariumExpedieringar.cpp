// Diarium: a beslutsbrev registered as an upprättad handling of its ärende, and its expediering.
#include "diarium/Diarium.hpp"

#include "diarium/EventDetail.hpp"
#include "diarium/RowMapping.hpp"
#include "diarium/WriteTransaction.hpp"

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {

RegisterResult Diarium::registerExpediering(const Expediering& expediering, const std::string& actor)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    std::vector<DecisionRow> decision;
    Poco::Int64 decisionId = expediering.decisionId;
    session << database_.sql(std::string("SELECT ") + rows::kDecisionColumns + " FROM decisions WHERE id = ?"),
        use(decisionId), into(decision), now;
    if (decision.empty()) throw std::invalid_argument("okänt beslut: " + std::to_string(expediering.decisionId));
    const std::string arrival = "beslutsbrev:" + std::to_string(expediering.decisionId);
    if (const auto existing = arrivalDocumentIn(session, arrival))
        return {true, existing->id, existing->diarienummer.value_or("")};

    // The ärende's head: the decided document's own head, or the document itself.
    Poco::Int64 decided = decision.front().documentId;
    Poco::Nullable<Poco::Int64> head;
    session << database_.sql("SELECT case_document_id FROM documents WHERE id = ?"), use(decided), into(head), now;
    if (head.isNull()) head = decided;
    const auto headRow = documentIn(session, head.value());
    if (!headRow || !headRow->register_) throw std::logic_error("ärendet saknar diarienummer: " + std::to_string(head.value()));

    const std::string at = nowText();
    Registration registration;
    registration.register_ = *headRow->register_;
    registration.actor = actor;
    registration.avsandarePublic = expediering.mottagarePublic;
    registration.avsandareSecret = expediering.mottagareSecret;
    registration.beskrivningPublic = expediering.beskrivningPublic;
    registration.beskrivningSecret = expediering.beskrivningSecret;
    IncomingFile file{expediering.sha256, expediering.originalName, "upprättad", at};
    file.arrival = arrival;
    const RegisterResult result = insertDocumentIn(session, registration, file, head, at);

    Poco::Int64 document = result.documentId;
    std::string on = expediering.expedieradOn, satt = expediering.satt, created = at, who = actor;
    session << database_.sql("INSERT INTO expedieringar (document_id, decision_id, expedierad_on, satt, created_at, created_by)"
                             " VALUES (?, ?, ?, ?, ?, ?)"),
        use(document), use(decisionId), use(on), use(satt), use(created), use(who), now;
    const auto detail = EventDetail().set("decisionId", expediering.decisionId).set("diarienummer", result.diarienummer)
                            .set("expedierad", expediering.expedieradOn).set("satt", expediering.satt);
    appendEventIn(session, result.documentId, actor, "expedierad", detail.text());
    appendEventIn(session, decision.front().documentId, actor, "expedierad", detail.text());
    transaction.commit();
    return result;
}

std::optional<ExpedieringRow> Diarium::expedieringOf(long long decisionId)
{
    auto found = rows::select<ExpedieringRow>(database_, rows::kExpedieringColumns,
                                              " FROM expedieringar WHERE decision_id = ?", decisionId);
    if (found.empty()) return std::nullopt;
    return found.front();
}

} // namespace inkorg::diarium
