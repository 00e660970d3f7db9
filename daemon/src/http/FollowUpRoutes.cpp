// The follow-up of a lex Sarah rapport (bedömning, anmälan to IVO) and of a gynnande beslut
// (verkställighet), and the quarterly report of ej verkställda beslut (followup/).
#include "http/ApiSupport.hpp"
#include "http/DocumentAccess.hpp"
#include "http/Routes.hpp"

#include "followup/EjVerkstalldaReport.hpp"
#include "followup/Expediering.hpp"
#include "followup/LexSarahBedomning.hpp"
#include "followup/Overklagande.hpp"
#include "followup/Overlamnande.hpp"
#include "followup/ProtokollAnslag.hpp"
#include "followup/Verkstallighet.hpp"
#include "followup/VerkstallighetAvbrott.hpp"
#include "followup/VerkstallighetAvslutad.hpp"
#include "forms/RecordJson.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Array.h>

#include <map>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

namespace {

/// What the letters and the IVO report print of a follow-up (one line each, bounded: they are
/// cells of a table or words of a sentence, never a second paragraph of an official letter).
constexpr std::size_t kSkalCharacters = 500;
constexpr std::size_t kInsatsCharacters = 100;
constexpr std::size_t kDiarienummerCharacters = 40;

void requireDecider(const Exchange& exchange, const std::string& message)
{
    requireRole(exchange, {kHandlaggare, kGruppledare, kAdministrator}, message);
}

/// Runs `record`; a refusal (std::invalid_argument, Swedish) is 422 with its message.
template <class Record> void refusedAs422(Record record)
{
    try {
        record();
    } catch (const std::invalid_argument& refused) {
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, refused.what());
    }
}

/// The id of the decision in the path, once the caller may change its document; 404 when there
/// is no such decision.
long long decisionForChange(pipeline::Services& services, const Exchange& exchange)
{
    const long long decisionId = numberParam(exchange);
    const auto decision = services.diarium().decision(decisionId);
    if (!decision) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Det finns inget beslut med id " + std::to_string(decisionId));
    documentForChange(services, *exchange.caller, decision->documentId);
    return decisionId;
}

/// A POST on a decision that records something about it: a decider who may change the decision's
/// document; `record(decisionId, body, actor)` throws std::invalid_argument (Swedish) to refuse,
/// which is 422; the answer is {"status": answer}.
template <class Record>
void addDecisionRecord(Router& router, pipeline::Services& services, const std::string& path, const std::string& whoMay,
                       const std::string& answer, Record record)
{
    router.add("POST", path, Access::Authenticated, [&services, whoMay, answer, record](Exchange& exchange) {
        requireDecider(exchange, whoMay);
        const long long decisionId = decisionForChange(services, exchange);
        const auto body = jsonBody(exchange);
        refusedAs422([&] { record(decisionId, body, exchange.caller->name); });
        exchange.sendJson(R"({"status":")" + answer + R"("})");
    });
}

} // namespace

void addFollowUpRoutes(Router& router, pipeline::Services& services)
{
    router.add("POST", "/api/documents/{id}/lex-sarah/bedomning", Access::Authenticated, [&services](Exchange& exchange) {
        requireDecider(exchange, "Bara handläggare och gruppledare bedömer lex Sarah-rapporter");
        const auto opened = documentForChange(services, *exchange.caller, numberParam(exchange));
        const auto body = jsonBody(exchange);
        if (!body->has("allvarligt") || !body->get("allvarligt").isBoolean())
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Ange om missförhållandet är allvarligt (ja eller nej)");
        followup::Bedomning bedomning{body->getValue<bool>("allvarligt"), textMember(body, "datum"),
                                      textMember(body, "motivering"), textMember(body, "avser")};
        std::optional<diarium::DeadlineRow> deadline;
        refusedAs422([&] {
            deadline = followup::recordBedomning(services.diarium(), opened.row.id, bedomning, exchange.caller->name,
                                                 swedish::today());
        });
        Poco::JSON::Object::Ptr reply = new Poco::JSON::Object;
        reply->set("allvarligt", bedomning.allvarligt);
        if (deadline) reply->set("ivoAnmalanSenast", deadline->due);
        exchange.sendJson(forms::stringify(reply));
    });

    router.add("POST", "/api/documents/{id}/lex-sarah/ivo-anmalan", Access::Authenticated, [&services](Exchange& exchange) {
        requireDecider(exchange, "Bara handläggare och gruppledare registrerar anmälan till IVO");
        const auto opened = documentForChange(services, *exchange.caller, numberParam(exchange));
        const auto body = jsonBody(exchange);
        followup::IvoAnmalan anmalan{textMember(body, "datum"),
                                     lineMember(body, "ivoDiarienummer", "IVO:s diarienummer", kDiarienummerCharacters)};
        refusedAs422([&] {
            followup::recordIvoAnmalan(services.diarium(), opened.row.id, anmalan, exchange.caller->name, swedish::today());
        });
        exchange.sendJson(R"({"status":"anmäld"})");
    });

    router.add("POST", "/api/decisions/{id}/verkstallighet", Access::Authenticated, [&services](Exchange& exchange) {
        requireDecider(exchange, "Bara handläggare och gruppledare registrerar verkställighet");
        const long long decisionId = decisionForChange(services, exchange);
        const auto body = jsonBody(exchange);
        followup::Verkstallande verkstallande{std::nullopt, lineMember(body, "skal", "Skälet för dröjsmålet", kSkalCharacters),
                                              lineMember(body, "insats", "Typen av insats", kInsatsCharacters)};
        if (const std::string datum = textMember(body, "datum"); !datum.empty()) verkstallande.datum = datum;
        refusedAs422([&] {
            followup::recordVerkstallighet(services.diarium(), decisionId, verkstallande, exchange.caller->name,
                                           swedish::today());
        });
        exchange.sendJson(R"({"status":"sparat"})");
    });

    // An avbrott of the verkställighet {avbruten, skal?}, or its återupptagande {aterupptagen} (SoL 34:1).
    router.add("POST", "/api/decisions/{id}/verkstallighet/avbrott", Access::Authenticated, [&services](Exchange& exchange) {
        requireDecider(exchange, "Bara handläggare och gruppledare registrerar verkställighet");
        const long long decisionId = decisionForChange(services, exchange);
        const auto body = jsonBody(exchange);
        const std::string avbruten = textMember(body, "avbruten"), aterupptagen = textMember(body, "aterupptagen");
        if (avbruten.empty() == aterupptagen.empty())
            throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, "Ange antingen avbruten eller aterupptagen (ÅÅÅÅ-MM-DD)");
        refusedAs422([&] {
            if (!avbruten.empty())
                followup::recordAvbrott(services.diarium(), decisionId,
                                        {avbruten, lineMember(body, "skal", "Skälet för avbrottet", kSkalCharacters)},
                                        exchange.caller->name, swedish::today());
            else
                followup::recordAterupptagen(services.diarium(), decisionId, aterupptagen, exchange.caller->name,
                                             swedish::today());
        });
        exchange.sendJson(R"({"status":"sparat"})");
    });

    // Ended without verkställighet {avslutad, skal}: the individual declined, moved or died.
    addDecisionRecord(router, services, "/api/decisions/{id}/verkstallighet/avslutad",
                      "Bara handläggare och gruppledare registrerar verkställighet", "sparat",
                      [&services](long long decisionId, const Poco::JSON::Object::Ptr& body, const std::string& actor) {
                          followup::recordAvslutad(services.diarium(), decisionId,
                                                   {textMember(body, "avslutad"), textMember(body, "skal")}, actor,
                                                   swedish::today());
                      });

    // The day the protocol with the decision was posted on the anslagstavla {datum} (KL 13:5).
    addDecisionRecord(router, services, "/api/decisions/{id}/anslag",
                      "Bara handläggare och gruppledare registrerar protokollets anslag", "sparat",
                      [&services](long long decisionId, const Poco::JSON::Object::Ptr& body, const std::string& actor) {
                          followup::recordAnslag(services.diarium(), decisionId, textMember(body, "datum"), actor,
                                                 swedish::today());
                      });

    router.add("POST", "/api/decisions/{id}/expediera", Access::Authenticated, [&services](Exchange& exchange) {
        requireDecider(exchange, "Bara handläggare och gruppledare expedierar beslut");
        const long long decisionId = decisionForChange(services, exchange);
        followup::Expedierat done;
        refusedAs422([&] { done = followup::expediera(services, decisionId, exchange.caller->name, swedish::today()); });
        Poco::JSON::Object::Ptr reply = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        reply->set("document", done.documentId);
        reply->set("diarienummer", done.diarienummer);
        reply->set("expedierad", done.expedierad);
        reply->set("satt", done.satt);
        reply->set("redanExpedierat", done.redanExpedierat);
        exchange.sendJson(forms::stringify(reply));
    });

    router.add("POST", "/api/decisions/{id}/overklagande", Access::Authenticated, [&services](Exchange& exchange) {
        requireRole(exchange, {kRegistrator, kHandlaggare, kGruppledare, kAdministrator}, "Du kan inte registrera överklaganden");
        const long long decisionId = decisionForChange(services, exchange);
        const auto body = jsonBody(exchange);
        followup::Overklagande appeal{textMember(body, "inkom"), textMember(body, "delfatt"),
                                      body->optValue<bool>("felaktigHanvisning", false),
                                      lineMember(body, "handling", "Överklagandets diarienummer", kDiarienummerCharacters)};
        followup::RegisteredOverklagande registered;
        refusedAs422([&] {
            registered = followup::registerOverklagande(services.diarium(), decisionId, appeal, exchange.caller->name,
                                                        swedish::today());
        });
        Poco::JSON::Object::Ptr reply = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        reply->set("sistaDag", registered.sistaDag);
        reply->set("rattidig", registered.rattidig);
        reply->set("frist", registered.deadline.title);
        reply->set("senast", registered.deadline.due);
        exchange.sendJson(forms::stringify(reply));
    });

    addDecisionRecord(router, services, "/api/decisions/{id}/overklagande/utfall",
                      "Bara handläggare och gruppledare avgör överklaganden", "avgjort",
                      [&services](long long decisionId, const Poco::JSON::Object::Ptr& body, const std::string& actor) {
                          followup::decideOverklagande(services.diarium(), decisionId,
                                                       {textMember(body, "utfall"), textMember(body, "datum")}, actor,
                                                       swedish::today());
                      });

    // The överlämnande to förvaltningsrätten (FL 46 §) of the decision's överklagande, as a PDF;
    // ?omprovning=delvis when the nämnd changed the decision, but not as the klagande asks.
    router.add("GET", "/api/decisions/{id}/overlamnande", Access::Authenticated, [&services](Exchange& exchange) {
        requireDecider(exchange, "Bara handläggare och gruppledare överlämnar överklaganden");
        const long long decisionId = numberParam(exchange);
        const auto decision = services.diarium().decision(decisionId);
        if (!decision) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Det finns inget beslut med id " + std::to_string(decisionId));
        // The letter shows the klagande and the decision: a read by a person, with its audit row.
        openDocument(services, *exchange.caller, decision->documentId, "överlämnande läst");
        std::string pdf;
        refusedAs422([&] {
            pdf = followup::overlamnandePdf(services, decisionId,
                                            followup::omprovningFrom(exchange.query("omprovning").value_or("ingen")));
        });
        exchange.sendBytes(pdf, "application/pdf");
    });

    // Frister's list of gynnande beslut not carried out, of the documents the caller may see.
    router.add("GET", "/api/decisions/ej-verkstallda", Access::Authenticated, [&services](Exchange& exchange) {
        requireDecider(exchange, "Bara handläggare och gruppledare följer upp verkställigheten");
        const auto waiting = followup::vantarVerkstallighet(services.diarium());
        auditListRead(services, *exchange.caller, "ej verkställda beslut");
        std::map<long long, diarium::DocumentRow> visible;
        if (auto query = visibleQuery(*exchange.caller); query && !waiting.empty()) {
            for (const auto& item : waiting) query->documentIds.push_back(item.decision.documentId);
            query->limit = static_cast<int>(query->documentIds.size());
            for (auto& entry : services.diarium().inkorgList(*query).entries)
                if (maySee(*exchange.caller, factsOf(entry))) visible.emplace(entry.row.id, std::move(entry.row));
        }
        const std::string today = swedish::toIso(swedish::today());
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& item : waiting) {
            const auto found = visible.find(item.decision.documentId);
            if (found == visible.end()) continue;
            Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            json->set("decision", item.decision.id);
            json->set("document", item.decision.documentId);
            json->set("diarienummer", found->second.diarienummer ? Poco::Dynamic::Var(*found->second.diarienummer)
                                                                  : Poco::Dynamic::Var());
            json->set("beslutsdatum", item.decision.date);
            json->set("beslut", item.decision.beslut);
            json->set("insats", item.insats);
            json->set("senast", item.senast);
            json->set("overTreManader", item.senast < today);
            json->set("skal", item.skal);
            list->add(json);
        }
        exchange.sendJson(forms::stringify(list));
    });

    router.add("GET", "/api/rapport/ej-verkstallda", Access::Authenticated, [&services](Exchange& exchange) {
        requireRole(exchange, {kGruppledare, kAdministrator},
                    "Rapporten om ej verkställda beslut tas fram av gruppledare eller administratör");
        const std::string kvartal = exchange.query("kvartal").value_or("");
        std::string pdf;
        try {
            pdf = followup::ejVerkstalldaPdf(services, kvartal);
        } catch (const std::invalid_argument& e) {
            throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, e.what());
        }
        auditListRead(services, *exchange.caller, "ej-verkstallda", kvartal);
        exchange.sendBytes(pdf, "application/pdf");
    });
}

} // namespace inkorg::http
