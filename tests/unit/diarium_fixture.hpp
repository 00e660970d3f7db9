#pragma once
// Shared by the tests/unit/diarium_*_test.cpp files: a migrated diarium on a fresh database of
// each backend, a clock the test controls, and helpers that enqueue and register files.

#include "diarium/Diarium.hpp"
#include "support/PostgresServer.hpp"

#include <gtest/gtest.h>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace inkorg::diarium::testing {

/// The SHA-256 of `text` (stands in for a stored original).
inline std::string shaOf(const std::string& text)
{
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(text);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

inline IncomingFile incoming(const std::string& content, const std::string& name = "skanning.pdf")
{
    return {shaOf(content), name, "folder:/scan", "2026-03-02T08:00:00.000Z"};
}

/// A registration of the job with every other member at its default.
inline Registration forJob(long long jobId)
{
    Registration registration;
    registration.jobId = jobId;
    return registration;
}

/// 2026-03-02 09:00:00 UTC.
inline std::chrono::system_clock::time_point march2026()
{
    return std::chrono::system_clock::time_point(std::chrono::seconds(1772442000));
}

class DiariumTest : public ::testing::TestWithParam<test::Backend> {
protected:
    DiariumTest()
    {
        database.migrate();
        diarium = std::make_unique<Diarium>(database, NumberingConfig{}, JobPolicy{3});
        diarium->setClock([this] { return clock; });
    }

    /// Enqueues and claims a file (as `arrival`, when given); fails the test when nothing is claimed.
    Job claimed(const std::string& content, std::optional<std::string> arrival = std::nullopt)
    {
        IncomingFile file = incoming(content);
        file.arrival = std::move(arrival);
        diarium->enqueue(file);
        auto job = diarium->claim("node-1", std::chrono::minutes(5));
        EXPECT_TRUE(job.has_value());
        return job.value_or(Job{});
    }

    /// Enqueues, claims and registers a file in `registerName`.
    RegisterResult registered(const std::string& content, const std::string& registerName = kDiarium)
    {
        Registration registration;
        registration.jobId = claimed(content).id;
        registration.register_ = registerName;
        registration.formId = "lex_sarah";
        return diarium->registerDocument(registration);
    }

    /// Enqueues, claims and registers a file as a handling of `caseDocumentId`'s ärende (an
    /// e-mail's attachment), as a form of `registerName`.
    RegisterResult inCase(long long caseDocumentId, const std::string& content,
                          const std::string& registerName = kDiarium)
    {
        IncomingFile file = incoming(content, content + ".pdf");
        file.caseDocumentId = caseDocumentId;
        const long long jobId = diarium->enqueue(file);
        EXPECT_TRUE(diarium->claimJob(jobId, "node-1", std::chrono::minutes(5)));
        Registration registration = forJob(jobId);
        registration.register_ = registerName;
        return diarium->registerDocument(registration);
    }

    test::TestDatabase scratch{GetParam()};
    Database database{scratch.url()};
    std::chrono::system_clock::time_point clock = march2026();
    std::unique_ptr<Diarium> diarium;
};

} // namespace inkorg::diarium::testing
