// Ärenden and "Beskriv och koppla": a registrator describes a handling (beskrivning, avsändare,
// personnummer; what the public diarium shows apart from what is secret under OSL 26:1), starts
// an ärende from it or adds it to an existing ärende or personakt; anyone lists and reads the
// ärenden whose first handling she may see (inre sekretess), each read audited.
#include "http/ApiSupport.hpp"
#include "http/DocumentAccess.hpp"
#include "http/DocumentContext.hpp"
#include "http/DocumentJson.hpp"
#include "http/Routes.hpp"

#include "diarium/SearchTerms.hpp"
#include "forms/RecordJson.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include <algorithm>
#include <set>

namespace inkorg::http {

using Poco::JSON::Array;
using Poco::JSON::Object;
using Poco::Net::HTTPResponse;

namespace {

/// How long a one-line text of a handling or ärende may be: an ärendemening or kort
/// beskrivning; a name (part, avsändare, handläggare).
constexpr std::size_t kLongLine = 500;
constexpr std::size_t kShortLine = 200;

void requireRegistrator(const Exchange& exchange)
{
    requireRole(exchange, {kRegistrator, kAdministrator}, "Bara registratorer beskriver och kopplar handlingar");
}

/// The diarium's refusal (std::logic_error, std::invalid_argument) as 409/422 with its message.
template <class Change> auto refusedAs(Change&& change)
{
    auto capitalised = [](std::string text) {
        if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
        return text;
    };
    try {
        return change();
    } catch (const std::invalid_argument& e) {
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, capitalised(e.what()));
    } catch (const std::logic_error& e) {
        throw HttpError(HTTPResponse::HTTP_CONFLICT, capitalised(e.what()));
    }
}

/// A personnummer as typed, normalised ("YYYYMMDD-NNNN"); "" for none; 422 when it is not valid.
std::string personnummerOf(const std::string& typed)
{
    const std::string text = Poco::trim(typed);
    if (text.empty()) return "";
    const auto parsed = swedish::parsePersonnummer(text, swedish::today());
    if (!parsed || !parsed->checksumValid || !parsed->dateValid)
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                        "Personnumret är inte giltigt (ÅÅÅÅMMDD-NNNN med rätt kontrollsiffra) – inget har sparats");
    return parsed->normalized;
}

/// 422 when a text meant for the public names the person (OSL 26:1): her personnummer (any
/// way it is written) or her name.
void requireNothingSecret(const std::string& publicText, const std::string& what, const std::string& personnummer,
                          const std::string& name)
{
    const std::string number = diarium::digitsOf(personnummer);
    const bool namesNumber =
        number.size() >= 10 && diarium::digitsOf(publicText).find(number.substr(number.size() - 10)) != std::string::npos;
    const std::string lowerName = Poco::toLower(Poco::trim(name));
    const bool namesPerson = !lowerName.empty() && Poco::toLower(publicText).find(lowerName) != std::string::npos;
    if (namesNumber || namesPerson)
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                        what + " för allmänheten får inte nämna personen (OSL 26 kap. 1 §) – inget har sparats");
}

Object::Ptr arendeJson(const diarium::ArendeRow& arende, bool full)
{
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", arende.id);
    json->set("diarienummer", arende.diarienummer);
    json->set("register", arende.register_);
    json->set("arendemening", arende.arendemening);
    json->set("arendemening_public", arende.arendemeningPublic);
    json->set("part", arende.part);
    json->set("personnummer", full ? arende.partPersonnummer : maskPersonnummer(arende.partPersonnummer));
    json->set("handlaggare", arende.handlaggare);
    json->set("status", arende.status);
    json->set("created_at", arende.createdAt);
    json->set("created_by", arende.createdBy);
    return json;
}

/// The ids of `documentIds` the caller may see (one query, inre sekretess as in the inkorg).
std::set<long long> visibleOf(pipeline::Services& services, const Caller& caller, std::vector<long long> documentIds)
{
    std::set<long long> visible;
    auto query = visibleQuery(caller);
    if (!query || documentIds.empty()) return visible;
    query->documentIds = std::move(documentIds);
    query->limit = static_cast<int>(query->documentIds.size());
    for (const auto& entry : services.diarium().inkorgList(*query).entries)
        if (maySee(caller, factsOf(entry))) visible.insert(entry.row.id);
    return visible;
}

/// The ärende `id` if the caller may see its first handling: 404 unknown, 403 otherwise.
diarium::ArendeRow visibleArende(pipeline::Services& services, const Caller& caller, long long id)
{
    const auto arende = services.diarium().arende(id);
    if (!arende) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Finns inte: ärende " + std::to_string(id));
    if (!visibleOf(services, caller, {arende->headDocumentId}).count(arende->headDocumentId))
        throw HttpError(HTTPResponse::HTTP_FORBIDDEN, "Du har inte behörighet till ärendet");
    return *arende;
}

void sendArende(Exchange& exchange, pipeline::Services& services, long long id,
                HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK)
{
    const auto& caller = *exchange.caller;
    const auto arende = visibleArende(services, caller, id);
    auditListRead(services, caller, "ärende", arende.diarienummer);
    const auto handlingar = services.diarium().arendeHandlingar(id);
    std::vector<long long> ids;
    for (const auto& row : handlingar) ids.push_back(row.id);
    auto query = visibleQuery(caller).value_or(diarium::InkorgQuery{});
    query.documentIds = ids;
    query.limit = static_cast<int>(std::max<std::size_t>(ids.size(), 1));
    Array::Ptr list = new Array;
    for (const auto& entry : services.diarium().inkorgList(query).entries) {
        const DocumentFacts facts = factsOf(entry);
        if (!maySee(caller, facts)) continue;
        std::vector<diarium::DeadlineRow> next;
        if (entry.nextDeadline) next.push_back(*entry.nextDeadline);
        list->add(summaryJson(entry.row, facts, formTitleOf(services, facts), next));
    }
    // inkorgList lists newest first; an ärende reads from its first handling on.
    std::vector<Object::Ptr> ordered;
    for (const auto& row : handlingar)
        for (std::size_t i = 0; i < list->size(); ++i)
            if (list->getObject(i)->getValue<long long>("id") == row.id) ordered.push_back(list->getObject(i));
    Array::Ptr inOrder = new Array;
    for (const auto& item : ordered) inOrder->add(item);
    auto json = arendeJson(arende, true);
    json->set("handlingar", inOrder);
    exchange.sendJson(forms::stringify(json), status);
}

} // namespace

void addArendeRoutes(Router& router, pipeline::Services& services)
{
    router.add("GET", "/api/arenden", Access::Authenticated, [&services](Exchange& exchange) {
        const auto& caller = *exchange.caller;
        const std::string search = exchange.query("q").value_or("");
        const auto found = services.diarium().arenden(search, 500);
        auditListRead(services, caller, "ärenden", search);
        std::vector<long long> heads;
        for (const auto& arende : found) heads.push_back(arende.headDocumentId);
        const auto visible = visibleOf(services, caller, heads);
        Array::Ptr list = new Array;
        for (const auto& arende : found)
            if (visible.count(arende.headDocumentId)) list->add(arendeJson(arende, false));
        exchange.sendJson(forms::stringify(list));
    });

    router.add("GET", "/api/arenden/{id}", Access::Authenticated, [&services](Exchange& exchange) {
        sendArende(exchange, services, numberParam(exchange));
    });

    // Starts an ärende with the handling as its first: {"document", "arendemening",
    // "arendemening_public", "part", "personnummer", "handlaggare"}.
    router.add("POST", "/api/arenden", Access::Authenticated, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        const auto body = jsonBody(exchange);
        const long long documentId = body->optValue<long long>("document", 0);
        const auto opened = documentForChange(services, *exchange.caller, documentId);
        diarium::NewArende arende;
        arende.arendemening = lineMember(body, "arendemening", "Ärendemeningen", kLongLine);
        arende.arendemeningPublic = lineMember(body, "arendemening_public", "Ärendemeningen för allmänheten", kLongLine);
        arende.part = lineMember(body, "part", "Parten", kShortLine);
        arende.partPersonnummer = personnummerOf(textMember(body, "personnummer"));
        arende.handlaggare = lineMember(body, "handlaggare", "Handläggaren", kShortLine);
        arende.actor = exchange.caller->name;
        if (arende.arendemening.empty())
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Ange ärendemening – inget har sparats");
        if (opened.row.register_ == std::string(diarium::kDiarium))
            requireNothingSecret(arende.arendemeningPublic, "Ärendemeningen", arende.partPersonnummer, arende.part);
        if (!arende.handlaggare.empty()) {
            const auto user = services.diarium().userByName(arende.handlaggare);
            if (!user || !user->active)
                throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Det finns ingen aktiv användare " + arende.handlaggare);
        }
        const long long id = refusedAs([&] { return services.diarium().startArende(opened.row.id, arende); });
        sendArende(exchange, services, id, HTTPResponse::HTTP_CREATED);
    });

    // Adds a handling to the ärende (into the personakt when the ärende is there): {"document"}.
    router.add("POST", "/api/arenden/{id}/handlingar", Access::Authenticated, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        const long long id = numberParam(exchange);
        const auto opened = documentForChange(services, *exchange.caller, jsonBody(exchange)->optValue<long long>("document", 0));
        refusedAs([&] { return services.diarium().addHandling(id, opened.row.id, exchange.caller->name); });
        sendArende(exchange, services, id);
    });

    // Pågående or avslutat: {"status"}.
    router.add("POST", "/api/arenden/{id}/status", Access::Authenticated, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        const long long id = numberParam(exchange);
        const std::string status = textMember(jsonBody(exchange), "status");
        refusedAs([&] { services.diarium().setArendeStatus(id, status, exchange.caller->name); return 0; });
        sendArende(exchange, services, id);
    });

    // The ärende a handling belongs to, for Granska: {"arende": {…} | null} (null also when the
    // caller may not see the ärende's first handling).
    router.add("GET", "/api/documents/{id}/arende", Access::Authenticated, [&services](Exchange& exchange) {
        const auto opened = documentForChange(services, *exchange.caller, numberParam(exchange));
        auto arende = services.diarium().arendeOf(opened.row.id);
        // Shown as GET /api/arenden/{id} shows it: only to who may see its first handling (its
        // ärendemening names the part; a komplettering may be with another unit than the ansökan).
        if (arende && !visibleOf(services, *exchange.caller, {arende->headDocumentId}).count(arende->headDocumentId))
            arende.reset();
        Object::Ptr json = new Object;
        json->set("arende", arende ? Poco::Dynamic::Var(arendeJson(*arende, false)) : Poco::Dynamic::Var());
        exchange.sendJson(forms::stringify(json));
    });

    // Beskriv: {"beskrivning", "beskrivning_public", "avsandare", "avsandare_public",
    // "personnummer"} — any handling, also a letter that is no form. The public texts are what
    // the public diarium shows; they may not name the person. A personnummer is the handling's
    // own only when it has no form (a form's personnummer is its field, corrected in Granska).
    router.add("POST", "/api/documents/{id}/describe", Access::Authenticated, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        const auto body = jsonBody(exchange);
        const auto opened = documentForChange(services, *exchange.caller, numberParam(exchange));
        if (opened.row.status == diarium::kDiscarded) throw HttpError(HTTPResponse::HTTP_CONFLICT, "Handlingen är kasserad");
        diarium::DocumentCorrection correction;
        const std::string beskrivning = lineMember(body, "beskrivning", "Beskrivningen", kLongLine, opened.row.beskrivningSecret);
        const std::string avsandare = lineMember(body, "avsandare", "Avsändaren", kShortLine, opened.row.avsandareSecret);
        const std::string beskrivningPublic =
            lineMember(body, "beskrivning_public", "Beskrivningen för allmänheten", kLongLine, opened.row.beskrivningPublic);
        const std::string avsandarePublic =
            lineMember(body, "avsandare_public", "Avsändaren för allmänheten", kShortLine, opened.row.avsandarePublic);
        if (beskrivning.empty()) throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Ange en kort beskrivning – inget har sparats");
        std::string personnummer = firstPersonnummer(opened.row);
        if (body->has("personnummer")) {
            if (opened.facts.formId)
                throw HttpError(HTTPResponse::HTTP_CONFLICT, "Personnumret är ett fält i formuläret – rätta det bland fälten");
            personnummer = personnummerOf(textMember(body, "personnummer"));
            auto record = forms::recordFromJson(opened.row.recordJson, opened.row.fieldConfidenceJson);
            Object::Ptr values = forms::valuesToJson(record);
            if (personnummer.empty()) values->remove("personnummer");
            else values->set("personnummer", personnummer);
            correction.recordJson = forms::stringify(values);
        }
        requireNothingSecret(beskrivningPublic, "Beskrivningen", personnummer, avsandare);
        requireNothingSecret(avsandarePublic, "Avsändaren", personnummer, personnummer.empty() ? "" : avsandare);
        correction.beskrivningSecret = beskrivning;
        correction.avsandareSecret = avsandare;
        correction.beskrivningPublic = beskrivningPublic.empty() ? "Inkommen handling" : beskrivningPublic;
        correction.avsandarePublic = avsandarePublic;
        services.diarium().correct(opened.row.id, correction, exchange.caller->name);
        const auto reread = openDocument(services, *exchange.caller, opened.row.id, "read");
        auto& diarium = services.diarium();
        exchange.sendJson(forms::stringify(documentJson(reread.row, reread.facts, formTitleOf(services, reread.facts),
                                                        diarium.events(reread.row.id), diarium.deadlines(reread.row.id),
                                                        diarium.decisions(reread.row.id), diarium.users())));
    });
}

} // namespace inkorg::http
