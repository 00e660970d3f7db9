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
    const NormTables norms = validate::loadNormTables(shipped);
    ASSERT_TRUE(norms.riksnorm.count(2021));
    const Riksnorm& r2021 = norms.riksnorm.at(2021);
    EXPECT_EQ(r2021.ensamstaende, 3160);
    EXPECT_EQ(r2021.sambor, 5700);
    EXPECT_EQ(r2021.barn11till14, 3520);
    EXPECT_EQ(r2021.gemensamma, (std::vector<long long>{1020, 1130, 1420, 1610, 1860, 2100, 2270}));
    EXPECT_EQ(norms.lexSarahUtredningArbetsdagar, 10);
}

TEST(NormTables, Shipped2026MatchesTheStatedTotals)
{
    const NormTables norms = validate::loadNormTables(shipped);
    for (int year : {2024, 2025, 2026}) EXPECT_TRUE(norms.riksnorm.count(year)) << year;
    const Riksnorm& r2026 = norms.riksnorm.at(2026);
    EXPECT_EQ(r2026.ensamstaende + r2026.gemensamma.at(0), 5220);
    EXPECT_EQ(r2026.sambor + r2026.gemensamma.at(1), 8510);
    EXPECT_EQ(r2026.gemensamma.size(), 7u);
}

TEST(NormTables, ShippedHyresnormIsVetlanda2021)
{
    const NormTables norms = validate::loadNormTables(shipped);
    const std::map<int, long long> vetlanda{{1, 4800}, {2, 5800}, {3, 6900}, {4, 8000}, {5, 9300}};
    EXPECT_EQ(norms.hyresnorm.at(2021), vetlanda);
}

TEST(NormTables, LookupUsesTheLatestYearNotAfter)
{
    const NormTables norms = validate::loadNormTables(shipped);
    EXPECT_EQ(checks::riksnormFor(norms, 2023)->first, 2021);
    EXPECT_EQ(checks::riksnormFor(norms, 2026)->first, 2026);
    EXPECT_EQ(checks::riksnormFor(norms, 2030)->first, 2026);
    EXPECT_EQ(checks::riksnormFor(norms, 2019), nullptr);
    const auto rent = checks::hyresnormFor(norms, 2026, 3);
    ASSERT_TRUE(rent);
    EXPECT_EQ(rent->year, 2021);
    EXPECT_EQ(rent->highestRent, 6900);
    EXPECT_EQ(checks::hyresnormFor(norms, 2026, 9)->highestRent, 9300);
    EXPECT_FALSE(checks::hyresnormFor(norms, 2020, 3));
}

TEST(NormTables, PartialFileKeepsDefaults)
{
    const auto file = writeTemp("norms-partial.json", R"({"hyresnorm": {"2025": {"1": 5000, "_not": "x"}}})");
    const NormTables norms = validate::loadNormTables(file);
    EXPECT_TRUE(norms.riksnorm.empty());
    EXPECT_EQ(norms.hyresnorm.at(2025).at(1), 5000);
    EXPECT_EQ(norms.lexSarahUtredningArbetsdagar, 10);
    fs::remove(file);
}

TEST(NormTables, BadFilesThrowNamingTheFile)
{
    EXPECT_THROW(validate::loadNormTables(fs::path(INKORG_BUILD_DIR) / "no-such-norms.json"), std::runtime_error);
    for (const char* content : {"{", R"({"riksnorm": {"tjugo": {}}})", R"({"riksnorm": {"2021": {"sambor": -5}}})",
                                R"({"okand": 1})", R"({"hyresnorm": {"2021": {"1": "mycket"}}})"}) {
        const auto file = writeTemp("norms-bad.json", content);
        try {
            validate::loadNormTables(file);
            ADD_FAILURE() << "no exception for " << content;
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find("norms-bad.json"), std::string::npos) << e.what();
        }
        fs::remove(file);
    }
}
