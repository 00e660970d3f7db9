// Diarium::decisionsDecidedBetween, on both backends: what the anmälan av delegationsbeslut and
// the delegation's 12-month sum read.
#include "diarium_fixture.hpp"

namespace inkorg::diarium::testing {
namespace {

class DecisionsBetweenTest : public DiariumTest {
protected:
    long long registeredBistand(const std::string& content)
    {
        Registration registration;
        registration.jobId = claimed(content).id;
        registration.formId = "ekonomiskt_bistand";
        registration.register_ = kPersonakt;
        registration.recordJson = R"({"sokande_personnummer":"19750312-4411"})";
        return diarium->registerDocument(registration).documentId;
    }

    static DecisionRow decided(long long documentId, const std::string& date, long long belopp)
    {
        DecisionRow row;
        row.documentId = documentId;
        row.beslut = "bifall";
        row.belopp = belopp;
        row.motivering = "Saknar inkomst.";
        row.lagrum = "12:1";
        row.beslutsfattare = "Åsa Öberg";
        row.roll = "socialsekreterare";
        row.date = date;
        return row;
    }
};

TEST_P(DecisionsBetweenTest, BothEndsIncludedOrderedByDateSupersededToo)
{
    const long long first = registeredBistand("ansökan 1");
    const long long second = registeredBistand("ansökan 2");
    const long long late = diarium->addDecision(decided(first, "2026-11-30", 300), "asa");
    const long long early = diarium->addDecision(decided(second, "2026-11-01", 100), "asa");
    diarium->addDecision(decided(second, "2026-10-31", 50), "asa");
    diarium->addDecision(decided(second, "2026-12-01", 70), "asa");
    DecisionRow replacement = decided(first, "2026-11-15", 200);
    replacement.supersedes = late;
    const long long replaced = diarium->addDecision(replacement, "asa");

    const auto rows = diarium->decisionsDecidedBetween("2026-11-01", "2026-11-30");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].id, early);
    EXPECT_EQ(rows[1].id, replaced);
    EXPECT_EQ(rows[1].supersedes, late);
    EXPECT_EQ(rows[2].id, late) << "a superseded decision was still made in the period";
    EXPECT_EQ(rows[2].roll, "socialsekreterare");
    EXPECT_TRUE(diarium->decisionsDecidedBetween("2025-01-01", "2025-12-31").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, DecisionsBetweenTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
