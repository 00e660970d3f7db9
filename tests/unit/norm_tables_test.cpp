#include "validate/NormTables.hpp"

#include <inkorg/checks.hpp>

#include <gtest/gtest.h>

#include <fstream>

using namespace inkorg;
namespace fs = std::filesystem;

namespace {

const fs::path shipped = fs::path(INKORG_SOURCE_DIR) / "forms" / "norms.json";

fs::path writeTemp(const std::string& name, const std::string& content)
{
    const fs::path file = fs::path(INKORG_BUILD_DIR) / name;
    std::ofstream(file) << content;
    return file;
}

} // namespace

TEST(NormTables, ShippedTableHas2021InFull)
{
    const NormTables norms = validate::loadNormTables(shipped, "Vetlanda kommun");
    ASSERT_TRUE(norms.riksnorm.count(2021));
    const Riksnorm& r2021 = norms.riksnorm.at(2021);
    EXPECT_EQ(r2021.ensamstaende, 3160);
    EXPECT_EQ(r2021.sambor, 5700);
    EXPECT_EQ(r2021.barn11till14, 3520);
    EXPECT_EQ(r2021.gemensamma, (std::vector<long long>{1020, 1130, 1420, 1610, 1860, 2100, 2270}));
    const std::map<std::string, long long> barn{{"0", 2180}, {"1-2", 2440}, {"3", 2170}, {"4-6", 2440},
                                                {"7-10", 3060}, {"11-14", 3520}, {"15-18", 3970}, {"19-20", 4000}};
    EXPECT_EQ(r2021.barn, barn) << "split by age as Socialstyrelsen publishes it";
    EXPECT_NE(r2021.kalla.find("SFS 2020:1013"), std::string::npos) << r2021.kalla;
    EXPECT_EQ(norms.lexSarahUtredningArbetsdagar, 10);
}

TEST(NormTables, Shipped2026MatchesTheStatedTotals)
{
    const NormTables norms = validate::loadNormTables(shipped, "Vetlanda kommun");
    for (int year : {2024, 2025, 2026}) EXPECT_TRUE(norms.riksnorm.count(year)) << year;
    const Riksnorm& r2026 = norms.riksnorm.at(2026);
    EXPECT_EQ(r2026.ensamstaende + r2026.gemensamma.at(0), 5220);
    EXPECT_EQ(r2026.sambor + r2026.gemensamma.at(1), 8510);
    EXPECT_EQ(r2026.gemensamma.size(), 7u);
}

TEST(NormTables, ShippedHyresnormIsVetlandas2021AndOnlyVetlandas)
{
    const NormTables vetlanda = validate::loadNormTables(shipped, "Vetlanda kommun");
    const std::map<int, long long> table{{1, 4800}, {2, 5800}, {3, 6900}, {4, 8000}, {5, 9300}};
    EXPECT_EQ(vetlanda.hyresnorm.at(2021).perRum, table);
    EXPECT_NE(vetlanda.hyresnorm.at(2021).kalla.find("Vetlanda"), std::string::npos);
    EXPECT_NE(vetlanda.hyresnorm.at(2021).kalla.find("§ 28 (SO 2021/14)"), std::string::npos)
        << "the seed's paragraph and ärendenummer: " << vetlanda.hyresnorm.at(2021).kalla;
    EXPECT_TRUE(validate::loadNormTables(shipped, "Eksjö kommun").hyresnorm.empty()) << "another kommun's table";
}

TEST(NormTables, ATableAppliesToItsOwnYearOnly)
{
    const NormTables norms = validate::loadNormTables(shipped, "Vetlanda kommun");
    EXPECT_EQ(checks::riksnormFor(norms, 2021)->first, 2021);
    EXPECT_EQ(checks::riksnormFor(norms, 2026)->first, 2026);
    EXPECT_EQ(checks::riksnormFor(norms, 2023), nullptr) << "2023 is not in the table: no 2021 norm for it";
    EXPECT_EQ(checks::riksnormFor(norms, 2030), nullptr);
    const auto rent = checks::hyresnormFor(norms, 2021, 3);
    ASSERT_TRUE(rent);
    EXPECT_EQ(rent->highestRent, 6900);
    EXPECT_NE(rent->kalla.find("Vetlanda"), std::string::npos);
    EXPECT_EQ(checks::hyresnormFor(norms, 2021, 9)->highestRent, 9300);
    EXPECT_FALSE(checks::hyresnormFor(norms, 2026, 3)) << "Vetlanda's 2021 table is not 2026's";
}

TEST(NormTables, MissingNormsOfAYearAreNamed)
{
    const NormTables vetlanda = validate::loadNormTables(shipped, "Vetlanda kommun");
    EXPECT_TRUE(validate::missingNorms(vetlanda, 2021).empty());
    const auto in2026 = validate::missingNorms(vetlanda, 2026);
    ASSERT_EQ(in2026.size(), 1u);
    EXPECT_NE(in2026[0].find("hyresnormen för Vetlanda kommun 2026"), std::string::npos) << in2026[0];
    EXPECT_EQ(validate::missingNorms(vetlanda, 2030).size(), 2u);
}

TEST(NormTables, PartialFileKeepsDefaults)
{
    const auto file = writeTemp("norms-partial.json",
                                R"({"hyresnorm": {"Ekby kommun": {"2025": {"kalla": "SN 2025 § 3", "rum": {"1": 5000, "_not": "x"}}}}})");
    const NormTables norms = validate::loadNormTables(file, "Ekby kommun");
    EXPECT_TRUE(norms.riksnorm.empty());
    EXPECT_EQ(norms.hyresnorm.at(2025).perRum.at(1), 5000);
    EXPECT_EQ(norms.lexSarahUtredningArbetsdagar, 10);
    fs::remove(file);
}

TEST(NormTables, BadFilesThrowNamingTheFile)
{
    EXPECT_THROW(validate::loadNormTables(fs::path(INKORG_BUILD_DIR) / "no-such-norms.json", "Ekby kommun"), std::runtime_error);
    for (const char* content : {"{", R"({"riksnorm": {"tjugo": {}}})", R"({"riksnorm": {"2021": {"sambor": -5}}})",
                                R"({"okand": 1})", R"({"hyresnorm": {"Ekby kommun": {"2021": {"kalla": "x", "rum": {"1": "mycket"}}}}})",
                                R"({"riksnorm": {"2021": {"ensamstaende": 1, "barn": {"11-14": 1}}}})",
                                R"({"hyresnorm": {"Ekby kommun": {"2021": {"rum": {"1": 4000}}}}})"}) {
        const auto file = writeTemp("norms-bad.json", content);
        try {
            validate::loadNormTables(file, "Ekby kommun");
            ADD_FAILURE() << "no exception for " << content;
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find("norms-bad.json"), std::string::npos) << e.what();
        }
        fs::remove(file);
    }
}
