// Inkorgen's row says why a document waits for review: the list entry (summaryJson) of a
// needs_review or unclassified document carries each issue's field, code and severity, never its
// message (a message may quote the value read, and the list shows no values in clear).
#include "http/DocumentJson.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <gtest/gtest.h>

#include <sstream>

namespace inkorg::test {
namespace {

diarium::DocumentRow documentWith(const std::string& status, const std::string& issuesJson)
{
    diarium::DocumentRow row;
    row.id = 7;
    row.status = status;
    row.priority = "normal";
    row.recordJson = R"({"sokande_personnummer":"19121212-1213"})";
    row.issuesJson = issuesJson;
    return row;
}

std::string text(const Poco::JSON::Object::Ptr& json)
{
    std::ostringstream out;
    json->stringify(out);
    return out.str();
}

const char* kIssues = R"([
  {"field":"sokande_personnummer","severity":"error","code":"personnummer.checksum",
   "message":"Personnumret 19121212-1213 har fel kontrollsiffra"},
  {"field":"hyra","severity":"warning","code":"confidence.low","message":"Osäker avläsning: 6 850"},
  {"field":null,"severity":"warning","code":"form.unclassified","message":"Okänt formulär"}
])";

TEST(ReviewReasons, ADocumentWaitingForReviewListsFieldCodeAndSeverityOfEachIssue)
{
    const auto json = http::summaryJson(documentWith("needs_review", kIssues), {}, "Ansökan", {});
    ASSERT_TRUE(json->has("review"));
    const auto review = json->getArray("review");
    ASSERT_EQ(review->size(), 3u);
    EXPECT_EQ(review->getObject(0)->getValue<std::string>("field"), "sokande_personnummer");
    EXPECT_EQ(review->getObject(0)->getValue<std::string>("code"), "personnummer.checksum");
    EXPECT_EQ(review->getObject(0)->getValue<std::string>("severity"), "error");
    EXPECT_EQ(review->getObject(1)->getValue<std::string>("code"), "confidence.low");
    EXPECT_TRUE(review->getObject(2)->isNull("field"));
    EXPECT_EQ(review->getObject(2)->getValue<std::string>("code"), "form.unclassified");
}

TEST(ReviewReasons, TheListCarriesNoMessageAndNoValueInClear)
{
    const std::string listed = text(http::summaryJson(documentWith("unclassified", kIssues), {}, "", {}));
    EXPECT_EQ(listed.find("19121212-1213"), std::string::npos) << listed;
    EXPECT_EQ(listed.find("6 850"), std::string::npos) << listed;
    EXPECT_EQ(listed.find("message"), std::string::npos) << listed;
    EXPECT_NE(listed.find("19121212-****"), std::string::npos) << "the masked personnummer is still listed";
}

TEST(ReviewReasons, ARegisteredDocumentHasNoReasonsAndBrokenIssuesGiveNone)
{
    EXPECT_FALSE(http::summaryJson(documentWith("registered", kIssues), {}, "", {})->has("review"));
    const auto broken = http::summaryJson(documentWith("needs_review", "inte json"), {}, "", {});
    ASSERT_TRUE(broken->has("review"));
    EXPECT_EQ(broken->getArray("review")->size(), 0u);
}

} // namespace
} // namespace inkorg::test
