#include "http/Api.hpp"

#include "forms/RecordJson.hpp"
#include "pipeline/Decisions.hpp"
#include "pipeline/Processor.hpp"
#include "intake/FolderWatcher.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <fstream>

namespace inkorg::http {

using Poco::JSON::Array;
using Poco::JSON::Object;
using Poco::Net::HTTPResponse;

namespace {

Object::Ptr parseJson(const std::string& text)
{
    try {
        return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
    } catch (const std::exception&) {
        throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, "Förfrågan är inte giltig JSON");
    }
}

Object::Ptr summaryJson(const diarium::DocumentRow& row)
{
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", row.id);
    json->set("diarienummer", row.diarienummer ? Poco::Dynamic::Var(*row.diarienummer) : Poco::Dynamic::Var());
    json->set("register", row.register_ ? Poco::Dynamic::Var(*row.register_) : Poco::Dynamic::Var());
    json->set("inkom", row.receivedAt);
    json->set("registrerad", row.registeredAt);
    json->set("form", row.formId ? Poco::Dynamic::Var(*row.formId) : Poco::Dynamic::Var());
    json->set("status", row.status);
    json->set("priority", row.priority);
    json->set("avsandare", row.avsandareSecret);
    json->set("beskrivning", row.beskrivningSecret);
    json->set("pages", row.pages);
    if (!row.quarantineReason.empty()) json->set("reason", row.quarantineReason);
    return json;
}

Object::Ptr documentJson(const diarium::DocumentRow& row, const std::vector<diarium::EventRow>& events)
{
    Object::Ptr json = summaryJson(row);
    json->set("confidence", row.confidence);
    json->set("fields", Poco::JSON::Parser().parse(row.recordJson.empty() ? "{}" : row.recordJson));
    json->set("field_confidence", Poco::JSON::Parser().parse(row.fieldConfidenceJson.empty() ? "{}" : row.fieldConfidenceJson));
    json->set("issues", Poco::JSON::Parser().parse(row.issuesJson.empty() ? "[]" : row.issuesJson));
    json->set("original_name", row.originalName);
    json->set("sha256", row.sha256);
    Array::Ptr history = new Array;
    for (const auto& event : events) {
        Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("at", event.at);
        item->set("actor", event.actor);
        item->set("kind", event.kind);
        history->add(item);
    }
    json->set("events", history);
    return json;
}

long long idParam(const Exchange& exchange)
{
    const std::string& text = exchange.params.at("id");
    try {
        return std::stoll(text);
    } catch (const std::exception&) {
        throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Ingen handling med id " + text);
    }
}

/// The upload's file name: ?name=…, else "uppladdning"; never a path.
std::string uploadName(const Exchange& exchange)
{
    std::string name = exchange.query("name").value_or("uppladdning");
    name = std::filesystem::path(name).filename().string();
    if (name.empty() || name == "." || name == "..") name = "uppladdning";
    return name;
}

} // namespace

std::unique_ptr<Router> makeApi(pipeline::Services& services)
{
    auto authenticate = [&services](const Poco::Net::HTTPServerRequest& request) -> std::optional<Caller> {
        std::string token;
        if (request.has("Authorization")) {
            const std::string header = request.get("Authorization");
            if (header.rfind("Bearer ", 0) == 0) token = header.substr(7);
        }
        std::optional<diarium::UserRow> user;
        if (!token.empty()) user = services.diarium().authenticate(token);
        if (!user) {
            Poco::Net::NameValueCollection cookies;
            request.getCookies(cookies);
            if (cookies.has("inkorg_session")) user = services.diarium().sessionUser(cookies.get("inkorg_session"));
        }
        if (!user) return std::nullopt;
        return Caller{user->id, user->name, user->role, user->unit};
    };
    auto router = std::make_unique<Router>(authenticate);

    router->add("GET", "/api/health", Access::Public, [](Exchange& exchange) {
        exchange.sendJson(R"({"status":"ok","version":")" INKORG_VERSION R"("})");
    });

    router->add("POST", "/api/documents", Access::Authenticated, [&services](Exchange& exchange) {
        const std::string name = uploadName(exchange);
        Poco::TemporaryFile upload(services.settings().dataDir.string());
        {
            std::ofstream out(upload.path(), std::ios::binary);
            Poco::StreamCopier::copyStream(exchange.request.stream(), out);
        }
        pipeline::Processor processor(services);
        const long long job = processor.accept(upload.path(), name, "uppladdning:" + exchange.caller->name,
                                               intake::isoUtc(std::chrono::system_clock::now()));
        Object::Ptr json = new Object;
        json->set("job", job);
        json->set("name", name);
        exchange.sendJson(forms::stringify(json), HTTPResponse::HTTP_ACCEPTED);
    });

    router->add("GET", "/api/documents", Access::Authenticated, [&services](Exchange& exchange) {
        diarium::DocumentFilter filter;
        filter.status = exchange.query("status");
        filter.formId = exchange.query("form");
        if (auto limit = exchange.query("limit")) filter.limit = std::clamp(std::atoi(limit->c_str()), 1, 1000);
        Array::Ptr list = new Array;
        for (const auto& row : services.diarium().listDocuments(filter)) list->add(summaryJson(row));
        exchange.sendJson(forms::stringify(list));
    });

    router->add("GET", "/api/documents/{id}", Access::Authenticated, [&services](Exchange& exchange) {
        const long long id = idParam(exchange);
        auto row = services.diarium().readDocument(id, exchange.caller->name, "read");
        if (!row) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Ingen handling med id " + std::to_string(id));
        exchange.sendJson(forms::stringify(documentJson(*row, services.diarium().events(id))));
    });

    router->add("POST", "/api/documents/{id}/decision", Access::Authenticated, [&services](Exchange& exchange) {
        const auto& role = exchange.caller->role;
        if (role != "handläggare" && role != "gruppledare" && role != "administratör")
            throw HttpError(HTTPResponse::HTTP_FORBIDDEN, "Bara handläggare och gruppledare fattar beslut");
        auto body = parseJson(exchange.body());
        pipeline::DecisionRequest request;
        request.target = exchange.params.at("id");
        request.beslut = body->optValue<std::string>("beslut", "");
        request.motivering = body->optValue<std::string>("motivering", "");
        if (body->has("belopp")) request.belopp = body->getValue<Poco::Int64>("belopp");
        if (body->has("period")) request.period = body->getValue<std::string>("period");
        request.handlaggare = body->optValue<std::string>("handlaggare", exchange.caller->name);
        request.actor = exchange.caller->name;
        try {
            const auto result = pipeline::Decisions(services).decide(request);
            exchange.response.set("Content-Disposition", "attachment; filename=\"beslutsbrev.pdf\"");
            exchange.sendBytes(result.pdf, "application/pdf");
        } catch (const pipeline::DecisionRefused& refused) {
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, refused.what());
        }
    });

    router->add("GET", "/api/quarantine", Access::Authenticated, [&services](Exchange& exchange) {
        Array::Ptr list = new Array;
        for (const auto& row : services.diarium().quarantined()) list->add(summaryJson(row));
        exchange.sendJson(forms::stringify(list));
    });

    router->add("GET", "/api/deadlines", Access::Authenticated, [&services](Exchange& exchange) {
        const std::string until = exchange.query("until").value_or("9999-12-31");
        Array::Ptr list = new Array;
        for (const auto& deadline : services.diarium().openDeadlines(until)) {
            Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("document", deadline.documentId);
            item->set("kind", deadline.kind);
            item->set("title", deadline.title);
            item->set("due", deadline.due);
            list->add(item);
        }
        exchange.sendJson(forms::stringify(list));
    });

    router->serveStatic("/", services.settings().webDir().string());
    return router;
}

} // namespace inkorg::http
