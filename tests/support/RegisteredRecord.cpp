#include "support/RegisteredRecord.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

namespace inkorg::test {

diarium::RegisterResult registerRecord(pipeline::Services& services, const std::optional<std::string>& formId,
                                       const std::string& recordJson, const std::string& original,
                                       std::optional<long long> caseOf, const std::string& receivedAt)
{
    auto& diarium = services.diarium();
    std::istringstream content(original);
    diarium::IncomingFile file{services.store().put(content), "ansokan.pdf", "test", receivedAt};
    file.caseDocumentId = caseOf;
    const long long job = diarium.enqueue(file);
    EXPECT_TRUE(diarium.claimJob(job, "test", std::chrono::seconds(60)));
    diarium::Registration registration;
    registration.jobId = job;
    registration.formId = formId;
    registration.register_ = formId == "ekonomiskt_bistand" ? diarium::kPersonakt : diarium::kDiarium;
    registration.recordJson = recordJson;
    return diarium.registerDocument(registration);
}

} // namespace inkorg::test
