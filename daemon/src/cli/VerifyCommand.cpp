// `inkorg verify [--json]`: checks that the store holds every document's original and that each
// still hashes to the SHA-256 the diarium recorded (see ops/StoreAudit.hpp). Exit 0 when all is
// well; 1 listing each missing or damaged original.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "forms/RecordJson.hpp"
#include "ops/StoreAudit.hpp"
#include "pipeline/Services.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <iostream>

namespace inkorg::cli {

namespace {

using Poco::JSON::Object;

Object::Ptr auditJson(const ops::StoreAuditResult& result)
{
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("ok", result.ok());
    json->set("documents_checked", result.documentsChecked);
    json->set("jobs_checked", result.jobsChecked);
    Poco::JSON::Array::Ptr problems = new Poco::JSON::Array;
    for (const auto& problem : result.problems) {
        Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        entry->set("problem", ops::toString(problem.kind));
        entry->set("what", problem.what);
        entry->set("original_name", problem.originalName);
        entry->set("sha256", problem.sha256);
        entry->set("path", problem.path);
        problems->add(entry);
    }
    json->set("problems", problems);
    return json;
}

} // namespace

int verify(const Words& words)
{
    Arguments arguments(words, {"--json"}, {});
    if (!arguments.positional().empty()) throw UsageError("verify takes no file names");
    pipeline::Services services(settingsFrom(arguments));
    const auto result = ops::auditStore(services.database(), services.store());
    if (arguments.flag("--json")) {
        std::cout << forms::stringify(auditJson(result)) << "\n";
    } else {
        for (const auto& problem : result.problems)
            std::cout << ops::toString(problem.kind) << ": " << problem.what << " " << problem.originalName
                      << " sha256 " << problem.sha256 << (problem.path.empty() ? "" : " at " + problem.path) << "\n";
        std::cout << "checked " << result.documentsChecked << " document(s) and " << result.jobsChecked
                  << " queued job(s) against " << services.settings().storeDir().string() << ": "
                  << (result.ok() ? "all originals present and intact"
                                  : std::to_string(result.problems.size()) + " problem(s)")
                  << "\n";
    }
    return result.ok() ? 0 : 1;
}

} // namespace inkorg::cli
