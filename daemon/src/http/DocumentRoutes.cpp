// The documents: list and search (inkorgen), open (Granska, audited), upload, field corrections,
// form and inkom datum, registration, assignment; and the forms the UI edits with.
#include "http/ApiSupport.hpp"
#include "http/DocumentAccess.hpp"
#include "http/DocumentContext.hpp"
#include "http/DocumentJson.hpp"
#include "http/FieldCorrection.hpp"
#include "http/Routes.hpp"

#include "decisions/LegalModels.hpp"
#include "forms/RecordJson.hpp"
#include "intake/FolderWatcher.hpp"
#include "pipeline/Processor.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/String.h>
#include <Poco/TemporaryFile.h>

#include <algorithm>
#include <fstream>
#include <set>

namespace inkorg::http {

using Poco::JSON::Array;
using Poco::JSON::Object;
using Poco::Net::HTTPResponse;

namespace {

void sendDocument(Exchange& exchange, pipeline::Services& services, const OpenedDocument& opened)
{
    auto& diarium = services.diarium();
    const long long id = opened.row.id;
    exchange.sendJson(forms::stringify(documentJson(opened.row, opened.facts, formTitleOf(services, opened.facts),
                                                    diarium.events(id), diarium.deadlines(id),
                                                    diarium.decisions(id), diarium.users())));
}

/// What a granting decision of the form must state (form.json beslut.beslutstyper[].beviljat:
/// key, rubrik, kravs), once per key, for the decision form's fields; empty without a legal model.
Array::Ptr beviljatJson(const decisions::LegalModel* model)
{
    Array::Ptr list = new Array;
    if (!model) return list;
    std::set<std::string> seen;
    for (const auto& typ : model->typer())
        for (const auto& uppgift : typ.beviljat) {
            if (!seen.insert(uppgift.key).second) continue;
            Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("key", uppgift.key);
            item->set("rubrik", uppgift.rubrik);
            item->set("kravs", uppgift.kravs);
            list->add(item);
        }
    return list;
}

Object::Ptr formJson(const forms::LoadedForm& form, bool hasBeslutsbrev, const decisions::LegalModels& models)
{
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", form.spec.id);
    json->set("title", form.spec.title);
    json->set("register", form.spec.register_);
    json->set("beslut", hasBeslutsbrev);
    if (hasBeslutsbrev) json->set("beviljat", beviljatJson(models.find(form.spec.id)));
    Array::Ptr fields = new Array;
    for (const auto& field : form.spec.fields) {
        Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("key", field.key);
        item->set("type", std::string(forms::toString(field.type)));
        item->set("required", field.required);
        item->set("label", field.labels.front());
        Array::Ptr options = new Array;
        for (const auto& option : field.options) {
            Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
            entry->set("value", option.value);
            entry->set("label", option.labels.front());
            options->add(entry);
        }
        item->set("options", options);
        fields->add(item);
    }
    json->set("fields", fields);
    return json;
}

void requireRegistrator(const Exchange& exchange)
{
    requireRole(exchange, {kRegistrator, kAdministrator}, "Bara registratorer ändrar registreringen");
}

/// The refused fields as {"error": …, "fields": {key: message}}, 422.
void sendRefused(Exchange& exchange, const std::map<std::string, std::string>& refused)
{
    Object::Ptr json = new Object;
    json->set("error", "Rätta de markerade fälten – inget har sparats");
    Object::Ptr fields = new Object;
    for (const auto& [key, message] : refused) fields->set(key, message);
    json->set("fields", fields);
    exchange.sendJson(forms::stringify(json), HTTPResponse::HTTP_UNPROCESSABLE_ENTITY);
}

/// The avsändare as the pipeline takes it: the mottagare the form's roles name.
std::string senderOf(const pipeline::Services& services, const std::string& formId, const inkorg::Record& record)
{
    return services.legalModels().mottagareOf(formId, record).namn;
}

diarium::DocumentCorrection correctionOf(const CorrectionOutcome& outcome)
{
    diarium::DocumentCorrection correction;
    correction.recordJson = forms::stringify(forms::valuesToJson(outcome.record));
    correction.fieldConfidenceJson = forms::stringify(forms::confidencesToJson(outcome.record));
    correction.issuesJson = forms::stringify(forms::issuesToJson(outcome.issues));
    return correction;
}

/// The plan's deadlines as the diarium stores them.
std::vector<diarium::DeadlineRow> deadlineRows(const inkorg::RegistrationPlan& plan)
{
    std::vector<diarium::DeadlineRow> rows;
    for (const auto& deadline : plan.deadlines) rows.push_back({0, 0, deadline.kind, deadline.title, swedish::toIso(deadline.due)});
    return rows;
}

} // namespace

void addDocumentRoutes(Router& router, pipeline::Services& services)
{
    router.add("GET", "/api/forms", Access::Authenticated, [&services](Exchange& exchange) {
        Array::Ptr list = new Array;
        for (const auto& form : services.forms().forms())
            list->add(formJson(form, services.letters().hasBeslutTemplate(form.spec.id), services.legalModels()));
        exchange.sendJson(forms::stringify(list));
    });

    // The inkorg: one page of what the caller may see, filtered and searched in the database.
    // The answer is the list; the header X-Inkorg-More: 1 says that more documents match.
    router.add("GET", "/api/documents", Access::Authenticated, [&services](Exchange& exchange) {
        const auto& caller = *exchange.caller;
        auto nonEmpty = [&exchange](const char* name) {
            auto value = exchange.query(name);
            return value && !value->empty() ? value : std::nullopt;
        };
        auto visible = visibleQuery(caller);
        diarium::InkorgQuery query = visible.value_or(diarium::InkorgQuery{});
        query.status = nonEmpty("status");
        query.formId = nonEmpty("form");
        query.priority = nonEmpty("priority");
        query.search = exchange.query("q").value_or("");
        query.limit = std::clamp(std::atoi(exchange.query("limit").value_or("200").c_str()), 1, 5000);
        query.offset = std::max(std::atoi(exchange.query("offset").value_or("0").c_str()), 0);
        const auto page = visible ? services.diarium().inkorgList(query) : diarium::InkorgPage{};
        auditListRead(services, caller, query.search.empty() ? "inkorgen" : "sökning", query.search);
        Array::Ptr list = new Array;
        for (const auto& entry : page.entries) {
            const DocumentFacts facts = factsOf(entry);
            if (!maySee(caller, facts)) continue;
            std::vector<diarium::DeadlineRow> next;
            if (entry.nextDeadline) next.push_back(*entry.nextDeadline);
            auto json = summaryJson(entry.row, facts, formTitleOf(services, facts), next);
            if (!entry.snippet.empty()) json->set("snippet", entry.snippet);   // a hit in the text, «word» marked
            list->add(json);
        }
        exchange.response.set("X-Inkorg-More", page.more ? "1" : "0");
        exchange.sendJson(forms::stringify(list));
    });

    router.add("GET", "/api/documents/{id}", Access::Authenticated, [&services](Exchange& exchange) {
        sendDocument(exchange, services, openDocument(services, *exchange.caller, numberParam(exchange), "read"));
    });

    // An upload: the file itself, of a type the intake reads (it decides by the bytes, not by
    // this header; octet-stream for any). Never a type a form of another site can send.
    const BodyRule upload{static_cast<std::size_t>(services.settings().httpMaxUploadMegabytes) * 1024 * 1024,
                          {"application/pdf", "image/tiff", "image/png", "image/jpeg", "application/octet-stream"}};
    router.add("POST", "/api/documents", Access::Authenticated, upload, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        std::string name = exchange.query("name").value_or("uppladdning");
        name = std::filesystem::path(name).filename().string();
        if (name.empty() || name == "." || name == "..") name = "uppladdning";
        // In this process's spool folder: a daemon killed mid-upload leaves nothing behind.
        Poco::TemporaryFile upload(services.spoolDir().string());
        {
            std::ofstream out(upload.path(), std::ios::binary);
            exchange.copyBody(out);
        }
        pipeline::Processor processor(services);
        const long long job = processor.accept(upload.path(), name, "uppladdning:" + exchange.caller->name,
                                               intake::isoUtc(std::chrono::system_clock::now()));
        Object::Ptr json = new Object;
        json->set("job", job);
        json->set("name", name);
        exchange.sendJson(forms::stringify(json), HTTPResponse::HTTP_ACCEPTED);
    });

    // Spara: the edited fields, checked against the form's schema before anything is stored.
    router.add("POST", "/api/documents/{id}/fields", Access::Authenticated, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        const auto body = jsonBody(exchange);
        const auto opened = documentForChange(services, *exchange.caller, numberParam(exchange));
        const auto* form = formOf(services, opened.facts);
        if (!form) throw HttpError(HTTPResponse::HTTP_CONFLICT, "Välj formulär för handlingen innan fälten rättas");
        auto edited = body->getObject("fields");
        if (!edited) throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, "Ange fälten som ska ändras (\"fields\")");
        FieldEdits edits;
        for (const auto& [key, value] : *edited)
            edits[key] = value.isEmpty() ? std::nullopt : std::optional<std::string>(value.convert<std::string>());
        const auto outcome = correctFields(*form, forms::recordFromJson(opened.row.recordJson, opened.row.fieldConfidenceJson),
                                           edits, forms::issuesFromJson(opened.row.issuesJson),
                                           formContextOf(services, opened.facts));
        if (!outcome.refused.empty()) return sendRefused(exchange, outcome.refused);
        auto correction = correctionOf(outcome);
        const std::string sender = senderOf(services, form->spec.id, outcome.record);
        if (sender != opened.row.avsandareSecret) {
            correction.avsandareSecret = sender;
            if (opened.row.register_ == std::string(diarium::kDiarium) && form->spec.senderIsPublic)
                correction.avsandarePublic = sender;
        }
        services.diarium().correct(opened.row.id, correction, exchange.caller->name);
        sendDocument(exchange, services, openDocument(services, *exchange.caller, opened.row.id, "read"));
    });

    // A wrongly classified document gets the right form; fields the new form lacks are dropped
    // (the correction event keeps them), the rest validated again. The masks (avsändare, kort
    // beskrivning) and the priority and deadlines follow the new form, as if it had been
    // registered so; a form of the other register moves the ärende there (Diarium::changeForm):
    // an orosanmälan leaves the public diarium for the personakt, with a PA number.
    router.add("POST", "/api/documents/{id}/form", Access::Authenticated, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        const std::string formId = textMember(jsonBody(exchange), "form");
        const auto* form = services.forms().find(formId);
        if (!form) throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Okänt formulär: " + formId);
        const auto opened = documentForChange(services, *exchange.caller, numberParam(exchange));
        if (opened.facts.formId == formId) return sendDocument(exchange, services, openDocument(services, *exchange.caller, opened.row.id, "read"));
        if (!opened.row.diarienummer)
            throw HttpError(HTTPResponse::HTTP_CONFLICT, "Handlingen ligger i karantän – släpp den ur karantän först");
        inkorg::Record kept;
        for (const auto& [key, field] : forms::recordFromJson(opened.row.recordJson, opened.row.fieldConfidenceJson).fields)
            if (form->spec.field(key)) kept.fields[key] = field;
        const auto context = pipeline::formContextAt(services, opened.facts.receivedAt);
        const auto outcome = correctFields(*form, kept, {}, {}, context);
        diarium::FormChange change;
        change.formId = formId;
        change.register_ = form->spec.register_;
        change.actor = exchange.caller->name;
        change.correction = correctionOf(outcome);
        change.correction.beskrivningSecret = form->spec.title;
        change.correction.beskrivningPublic = form->spec.publicDescription;
        const std::string sender = senderOf(services, formId, outcome.record);
        if (!sender.empty()) change.correction.avsandareSecret = sender;
        change.correction.avsandarePublic =
            !form->spec.senderIsPublic ? std::string("(sekretess)") : sender.empty() ? opened.row.avsandarePublic : sender;
        if (opened.row.status == diarium::kUnclassified) change.correction.status = diarium::kNeedsReview;
        const auto plan = form->plugin->plan(outcome.record, context);
        change.correction.priority = plan.priority;
        change.deadlines = deadlineRows(plan);
        if (const auto* former = formOf(services, opened.facts)) {
            const auto record = forms::recordFromJson(opened.row.recordJson, opened.row.fieldConfidenceJson);
            for (const auto& ended : deadlineRows(former->plugin->plan(record, context))) change.endedKinds.push_back(ended.kind);
        }
        services.diarium().changeForm(opened.row.id, change);
        sendDocument(exchange, services, openDocument(services, *exchange.caller, opened.row.id, "read"));
    });

    // Inkom datum from the ankomststämpel (when it reached the kommun, not when it was scanned):
    // the document's inkom datum everywhere, and its form's deadlines planned again from that day.
    router.add("POST", "/api/documents/{id}/inkom", Access::Authenticated, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        const std::string text = textMember(jsonBody(exchange), "date");
        const auto date = swedish::parseDate(text);
        if (!date || *date > swedish::today())
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                            "Inkom datum ska vara ett datum ÅÅÅÅ-MM-DD som inte ligger i framtiden");
        const auto opened = documentForChange(services, *exchange.caller, numberParam(exchange));
        if (opened.row.status == diarium::kDiscarded)
            throw HttpError(HTTPResponse::HTTP_CONFLICT, "Handlingen är kasserad");
        diarium::InkomChange change{swedish::toIso(*date), {}, exchange.caller->name};
        if (const auto* form = formOf(services, opened.facts)) {
            const auto record = forms::recordFromJson(opened.row.recordJson, opened.row.fieldConfidenceJson);
            change.deadlines = deadlineRows(form->plugin->plan(record, pipeline::formContextAt(services, change.date)));
        }
        services.diarium().setInkomDatum(opened.row.id, change);
        sendDocument(exchange, services, openDocument(services, *exchange.caller, opened.row.id, "read"));
    });

    // Registrera: the registrator confirms the registration once no error remains.
    router.add("POST", "/api/documents/{id}/register", Access::Authenticated, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        const auto opened = documentForChange(services, *exchange.caller, numberParam(exchange));
        if (opened.row.status == diarium::kQuarantined || opened.row.status == diarium::kDiscarded)
            throw HttpError(HTTPResponse::HTTP_CONFLICT, "Handlingen ligger i karantän – använd Registrera ändå där");
        for (const auto& issue : forms::issuesFromJson(opened.row.issuesJson))
            if (issue.severity == inkorg::Severity::Error)
                throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                                "Rätta felen först: " + issue.message);
        diarium::DocumentCorrection correction;
        correction.status = diarium::kRegistered;
        services.diarium().correct(opened.row.id, correction, exchange.caller->name);
        sendDocument(exchange, services, openDocument(services, *exchange.caller, opened.row.id, "read"));
    });

    // Assignment (inre sekretess): a registrator or gruppledare gives the document to a unit and
    // optionally a handläggare; a handläggare may take a document from their unit's queue.
    router.add("POST", "/api/documents/{id}/assign", Access::Authenticated, [&services](Exchange& exchange) {
        const auto body = jsonBody(exchange);
        const auto& caller = *exchange.caller;
        const auto opened = documentForChange(services, caller, numberParam(exchange));
        std::string unit = Poco::trim(textMember(body, "unit", opened.facts.unit));
        std::string handlaggare = Poco::trim(textMember(body, "handlaggare"));
        if (caller.role == kHandlaggare) {
            if (unit != caller.unit || (handlaggare != caller.name && !handlaggare.empty()))
                throw HttpError(HTTPResponse::HTTP_FORBIDDEN, "En handläggare kan bara ta ärenden från sin egen enhets kö");
        } else if (caller.role == kGruppledare && unit != caller.unit) {
            throw HttpError(HTTPResponse::HTTP_FORBIDDEN, "En gruppledare fördelar bara inom sin egen enhet");
        }
        if (unit.empty()) throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Ange enhet");
        if (!handlaggare.empty()) {
            const auto user = services.diarium().userByName(handlaggare);
            if (!user || !user->active || user->unit != unit)
                throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                                "Det finns ingen aktiv handläggare " + handlaggare + " på enheten " + unit);
        }
        Object::Ptr detail = new Object;
        detail->set("unit", unit);
        detail->set("handlaggare", handlaggare);
        services.diarium().appendEvent(opened.row.id, caller.name, kAssignedEvent, forms::stringify(detail));
        Object::Ptr json = new Object;
        json->set("unit", unit);
        json->set("handlaggare", handlaggare);
        exchange.sendJson(forms::stringify(json));
    });
}

} // namespace inkorg::http
