#include "plugin_test_support.hpp"

using namespace inkorg;
using namespace inkorg::plugintest;

namespace {

/// The 2021 riksnorm (SFS 2020:1013) and Vetlanda's 2021 hyresnorm, entered as a test kommun's
/// tables for 2026 (the documents' year): known numbers, so that the expected limits below are
/// plain arithmetic. A table applies to its own year only.
NormTables tables2021()
{
    NormTables norms;
    norms.kommun = "Testkommun";
    norms.riksnorm[2026] = Riksnorm{3160, 5700, 3520, {1020, 1130, 1420, 1610, 1860, 2100, 2270}, {{"11-14", 3520}}, "SFS 2020:1013"};
    norms.hyresnorm[2026] = {{{1, 4800}, {2, 5800}, {3, 6900}, {4, 8000}, {5, 9300}}, "Testkommunens riktlinje 2026"};
    return norms;
}

const NormTables norms2021 = tables2021();

class EkonomisktBistandTest : public ::testing::Test {
protected:
    const FormPlugin& bistand = plugin("ekonomiskt_bistand");
    FormContext context = contextOn(ymd(2026, 10, 19), ymd(2026, 10, 20), false, &norms2021);

    /// A complete, correct single-person application signed 2026-10-17 for november 2026.
    Record valid() const
    {
        return recordOf({{"sokande_personnummer", std::string("19121212-1212")},
                         {"sokande_namn", std::string("Tolvan Tolvansson")},
                         {"sokande_adress", std::string("Storgatan 1")},
                         {"sokande_postnummer", std::string("574 31")},
                         {"sokande_ort", std::string("Vetlanda")},
                         {"ansokan_manad", std::string("2026-11")},
                         {"boendeform", std::string("hyresratt")},
                         {"antal_rum", 1LL},
                         {"hyra", 4800LL},
                         {"utgift_hushallsel", 300LL},
                         {"utgift_hemforsakring", 150LL},
                         {"sokt_belopp", 9430LL},   // 3 160 + 1 020 + 4 800 + 300 + 150
                         {"underskrift_datum", std::string("2026-10-17")}});
    }
};

} // namespace

TEST_F(EkonomisktBistandTest, CorrectApplicationHasNoIssues)
{
    const auto issues = bistand.validate(valid(), context);
    EXPECT_TRUE(issues.empty()) << describe(issues);
}

TEST_F(EkonomisktBistandTest, WrongCheckDigitOnSokandeIsAnErrorOnThatField)
{
    Record record = valid();
    record.fields["sokande_personnummer"].value = std::string("19121212-1213");
    const auto issues = withCode(bistand.validate(record, context), "personnummer.checksum");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "sokande_personnummer");
    EXPECT_EQ(issues[0].severity, Severity::Error);
    EXPECT_EQ(issues[0].message, "Personnumret har fel kontrollsiffra – kontrollera mot ansökan");
}

TEST_F(EkonomisktBistandTest, WrongCheckDigitOnMedsokandeIsReportedThere)
{
    Record record = valid();
    record.fields["medsokande_personnummer"].value = std::string("19811228-9875");
    record.fields["medsokande_namn"].value = std::string("Anna Andersson");
    const auto issues = withCode(bistand.validate(record, context), "personnummer.checksum");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "medsokande_personnummer");
}

TEST_F(EkonomisktBistandTest, SamordningsnummerIsAccepted)
{
    Record record = valid();
    record.fields["sokande_personnummer"].value = std::string("19701063-2391");
    const auto issues = bistand.validate(record, context);
    EXPECT_TRUE(issues.empty()) << describe(issues);
}

TEST_F(EkonomisktBistandTest, ImpossibleBirthDateIsAFormatError)
{
    Record record = valid();
    record.fields["sokande_personnummer"].value = std::string("19121312-1237");
    const auto issues = withCode(bistand.validate(record, context), "personnummer.format");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "sokande_personnummer");
}

TEST_F(EkonomisktBistandTest, SokandeUnder18OnTheSignatureDate)
{
    Record record = valid();
    record.fields["sokande_personnummer"].value = std::string("20100101-1236");
    const auto issues = withCode(bistand.validate(record, context), "age.under18");
    ASSERT_EQ(issues.size(), 1u) << describe(bistand.validate(record, context));
    EXPECT_EQ(issues[0].field, "sokande_personnummer");
    EXPECT_EQ(issues[0].severity, Severity::Error);
    EXPECT_NE(issues[0].message.find("16 år"), std::string::npos) << issues[0].message;
}

TEST_F(EkonomisktBistandTest, TenDigitPersonnummerUsesTheSignatureDateForTheCentury)
{
    Record record = valid();
    record.fields["sokande_personnummer"].value = std::string("121212-1212");   // → 2012: a child
    EXPECT_EQ(withCode(bistand.validate(record, context), "age.under18").size(), 1u);
    record.fields["sokande_personnummer"].value = std::string("121212+1212");   // → 1912
    EXPECT_TRUE(bistand.validate(record, context).empty());
}

TEST_F(EkonomisktBistandTest, SoktBeloppAboveRiksnormPlusHousingIsAWarning)
{
    Record record = valid();
    record.fields["sokt_belopp"].value = 9431LL;
    const auto issues = withCode(bistand.validate(record, context), "norm.riksnorm");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "sokt_belopp");
    EXPECT_EQ(issues[0].severity, Severity::Warning);
    EXPECT_NE(issues[0].message.find("9 431 kr"), std::string::npos) << issues[0].message;
    EXPECT_NE(issues[0].message.find("9 430 kr"), std::string::npos) << issues[0].message;
}

TEST_F(EkonomisktBistandTest, RiksnormCountsSamborAndChildren)
{
    Record record = valid();
    record.fields["medsokande_personnummer"].value = std::string("19811228-9874");
    record.fields["antal_barn"].value = 2LL;
    record.fields["antal_rum"].value = 3LL;
    record.fields["hyra"].value = 5800LL;
    record.fields.erase("utgift_hushallsel");
    record.fields.erase("utgift_hemforsakring");
    // sambor 5 700 + 2 × 3 520 + gemensamma for 4 persons 1 610 + hyra 5 800 = 20 150
    record.fields["sokt_belopp"].value = 20150LL;
    EXPECT_TRUE(withCode(bistand.validate(record, context), "norm.riksnorm").empty());
    record.fields["sokt_belopp"].value = 20151LL;
    const auto issues = withCode(bistand.validate(record, context), "norm.riksnorm");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_NE(issues[0].message.find("4 personer"), std::string::npos) << issues[0].message;
}

TEST_F(EkonomisktBistandTest, ShippedNormsUseThe2026Totals)
{
    Record record = valid();
    record.fields.erase("hyra");
    record.fields.erase("utgift_hushallsel");
    record.fields.erase("utgift_hemforsakring");
    const FormContext shipped = contextOn(ymd(2026, 10, 19), ymd(2026, 10, 20));
    record.fields["sokt_belopp"].value = 5220LL;   // riksnorm 2026, ensamstående, incl. gemensamma
    EXPECT_TRUE(withCode(bistand.validate(record, shipped), "norm.riksnorm").empty());
    record.fields["sokt_belopp"].value = 5221LL;
    EXPECT_EQ(withCode(bistand.validate(record, shipped), "norm.riksnorm").size(), 1u);
}

TEST_F(EkonomisktBistandTest, HyraAboveHyresnormForTheRoomsIsAWarning)
{
    Record record = valid();
    record.fields["antal_rum"].value = 2LL;
    record.fields["hyra"].value = 5800LL;
    record.fields["sokt_belopp"].value = 1000LL;
    EXPECT_TRUE(bistand.validate(record, context).empty());

    record.fields["hyra"].value = 5801LL;
    const auto issues = withCode(bistand.validate(record, context), "norm.hyra");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "hyra");
    EXPECT_EQ(issues[0].severity, Severity::Warning);
    EXPECT_NE(issues[0].message.find("5 800 kr"), std::string::npos) << issues[0].message;
    EXPECT_NE(issues[0].message.find("Testkommun 2026, Testkommunens riktlinje 2026"), std::string::npos)
        << "the kommun, the year and the source are named: " << issues[0].message;
}

TEST_F(EkonomisktBistandTest, AnotherYearsHyresnormIsNotApplied)
{
    NormTables older = norms2021;
    older.hyresnorm[2021] = older.hyresnorm.at(2026);
    older.hyresnorm.erase(2026);
    const FormContext in2026 = contextOn(ymd(2026, 10, 19), ymd(2026, 10, 20), false, &older);
    Record record = valid();
    record.fields["antal_rum"].value = 2LL;
    record.fields["hyra"].value = 9000LL;
    record.fields["sokt_belopp"].value = 1000LL;
    EXPECT_TRUE(withCode(bistand.validate(record, in2026), "norm.hyra").empty())
        << "a 2026 application is not tried against the 2021 table";
}

TEST_F(EkonomisktBistandTest, HyresnormBeyondTheTableUsesItsLargestRow)
{
    Record record = valid();
    record.fields["antal_rum"].value = 7LL;
    record.fields["hyra"].value = 9300LL;
    record.fields["sokt_belopp"].value = 1000LL;
    EXPECT_TRUE(withCode(bistand.validate(record, context), "norm.hyra").empty());
    record.fields["hyra"].value = 9301LL;
    EXPECT_EQ(withCode(bistand.validate(record, context), "norm.hyra").size(), 1u);
}

TEST_F(EkonomisktBistandTest, NoHyresnormBeforeTheFirstTableYear)
{
    Record record = valid();
    record.fields["ansokan_manad"].value = std::string("2020-11");
    record.fields["underskrift_datum"].value = std::string("2020-10-17");
    record.fields["hyra"].value = 20000LL;
    EXPECT_TRUE(withCode(bistand.validate(record, context), "norm.hyra").empty());
}

TEST_F(EkonomisktBistandTest, AnsokanManadWithinThreeMonthsBackAndOneAhead)
{
    Record record = valid();   // signed 2026-10-17
    for (const char* month : {"2026-07", "2026-10", "2026-11"}) {
        record.fields["ansokan_manad"].value = std::string(month);
        EXPECT_TRUE(withCode(bistand.validate(record, context), "date.period").empty()) << month;
    }
    for (const char* month : {"2026-06", "2026-12", "2025-10"}) {
        record.fields["ansokan_manad"].value = std::string(month);
        const auto issues = withCode(bistand.validate(record, context), "date.period");
        ASSERT_EQ(issues.size(), 1u) << month;
        EXPECT_EQ(issues[0].field, "ansokan_manad");
        EXPECT_EQ(issues[0].severity, Severity::Warning);
    }
}

TEST_F(EkonomisktBistandTest, SignatureInTheFutureIsAnError)
{
    Record record = valid();
    record.fields["underskrift_datum"].value = std::string("2026-10-21");
    const auto issues = withCode(bistand.validate(record, context), "date.future");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "underskrift_datum");
}

TEST_F(EkonomisktBistandTest, PlanIsNormalWithoutDeadlines)
{
    const auto plan = bistand.plan(valid(), context);
    EXPECT_EQ(plan.priority, "normal");
    EXPECT_TRUE(plan.deadlines.empty());
}

TEST_F(EkonomisktBistandTest, UnreadableValuesAreLeftToTheHost)
{
    Record record = valid();
    record.fields["sokande_personnummer"].value = std::string("19I21212-1212");   // host: format.personnummer
    record.fields["hyra"].value = std::string("fyratusen");                       // host: format.money
    const auto issues = bistand.validate(record, context);
    EXPECT_TRUE(issues.empty()) << describe(issues);
}
