#include "forms/ValueNormaliser.hpp"

#include <gtest/gtest.h>

using namespace inkorg;
using forms::FieldType;
using forms::normaliseValue;

namespace {

const swedish::Date documentDate = std::chrono::year{2026} / 3 / 1;

std::optional<std::string> normalisedText(FieldType type, const std::string& raw)
{
    const auto value = normaliseValue(type, raw, documentDate);
    if (!value || !std::holds_alternative<std::string>(*value)) return std::nullopt;
    return std::get<std::string>(*value);
}

/// The number `raw` normalises to, -1 when none.
long long normalisedNumber(FieldType type, const std::string& raw)
{
    const auto value = normaliseValue(type, raw, documentDate);
    return value && std::holds_alternative<long long>(*value) ? std::get<long long>(*value) : -1LL;
}

} // namespace

TEST(ValueNormaliser, ReadsValuesAmongWords)
{
    EXPECT_EQ(normalisedText(FieldType::Date, "Växjö 2026-03-01"), "2026-03-01");
    EXPECT_EQ(normalisedText(FieldType::Email, "anna Q example.se"), "anna@example.se");
    EXPECT_EQ(normalisedText(FieldType::Text, "==\"Anna Andersson |"), "Anna Andersson");
}

// Found by tests/fuzz/value_normaliser_fuzz: a value read from a sender's PDF form has no length
// limit; std::regex overflowed the stack on a long one, and stray marks were erased one by one.
TEST(ValueNormaliser, LongValuesAreRefusedOrTrimmedQuickly)
{
    for (FieldType type : {FieldType::Money, FieldType::Integer, FieldType::Date, FieldType::Month, FieldType::Time,
                           FieldType::Postnummer, FieldType::Personnummer, FieldType::Organisationsnummer})
        EXPECT_FALSE(normaliseValue(type, std::string(1'000'000, '1'), documentDate)) << forms::toString(type);
    EXPECT_FALSE(normaliseValue(FieldType::Email, "anna@" + std::string(1'000'000, 'a') + ".se", documentDate));

    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(normalisedText(FieldType::Text, std::string(1'000'000, '=') + "Anna"), "Anna");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

// Values as Swedish blanketter have people write them (issue #17: "values not normalised"):
// amounts with spaces, "kr", ",00", ":-" and a no-break space from a text layer; months by name,
// by number either way round; dates day/month; times with "kl.".
TEST(ValueNormaliser, ReadsValuesAsSwedishBlanketterHaveThemWritten)
{
    const auto money = [](const std::string& raw) { return normalisedNumber(FieldType::Money, raw); };
    EXPECT_EQ(money("4 800 kr"), 4800);
    EXPECT_EQ(money("4 800,00 kr"), 4800);
    EXPECT_EQ(money("4800:-"), 4800);
    EXPECT_EQ(money("kr 4 800"), 4800);
    EXPECT_EQ(money("4\xC2\xA0" "800 kr"), 4800);
    EXPECT_EQ(money("4\xE2\x80\xAF" "800,00"), 4800);
    EXPECT_EQ(money("4 800 kr/mån"), 4800);
    EXPECT_EQ(money("4 800 SEK"), 4800);
    EXPECT_EQ(money("ca 4 800 kr"), 4800);
    EXPECT_EQ(money("4 800 kronor per månad"), 4800);
    EXPECT_EQ(money("12 345,50 kr"), 12346);
    EXPECT_EQ(money("4 800 kr netto"), 4800);
    EXPECT_EQ(money("4 800 + 1 200 kr"), -1) << "two amounts are no amount";

    EXPECT_EQ(normalisedText(FieldType::Month, "mars 2026"), "2026-03");
    EXPECT_EQ(normalisedText(FieldType::Month, "Mars 2026"), "2026-03");
    EXPECT_EQ(normalisedText(FieldType::Month, "03/2026"), "2026-03");
    EXPECT_EQ(normalisedText(FieldType::Month, "3/2026"), "2026-03");
    EXPECT_EQ(normalisedText(FieldType::Month, "2026-03"), "2026-03");
    EXPECT_EQ(normalisedText(FieldType::Month, "2026/03"), "2026-03");
    EXPECT_EQ(normalisedText(FieldType::Month, "03-2026"), "2026-03");
    EXPECT_EQ(normalisedText(FieldType::Month, "03.2026"), "2026-03");
    EXPECT_EQ(normalisedText(FieldType::Month, "2026 mars"), "2026-03");
    EXPECT_EQ(normalisedText(FieldType::Month, "Mars -26"), "2026-03");

    EXPECT_EQ(normalisedText(FieldType::Date, "1/3 2026"), "2026-03-01");
    EXPECT_EQ(normalisedText(FieldType::Date, "1/3-2026"), "2026-03-01");
    EXPECT_EQ(normalisedText(FieldType::Date, "1/3 -26"), "2026-03-01");
    EXPECT_EQ(normalisedText(FieldType::Date, "1/3 '99"), "1999-03-01");
    EXPECT_EQ(normalisedText(FieldType::Date, "1.3.2026"), "2026-03-01");
    EXPECT_EQ(normalisedText(FieldType::Date, "01-03-2026"), "2026-03-01");
    EXPECT_EQ(normalisedText(FieldType::Date, "2026.03.01"), "2026-03-01");
    EXPECT_EQ(normalisedText(FieldType::Date, "den 1 mars 2026"), "2026-03-01");
    EXPECT_EQ(normalisedText(FieldType::Date, "1:a mars 2026"), "2026-03-01");
    EXPECT_EQ(normalisedText(FieldType::Date, "Växjö den 1/3 2026"), "2026-03-01");

    EXPECT_EQ(normalisedText(FieldType::Time, "kl. 11.00"), "11:00");
    EXPECT_EQ(normalisedText(FieldType::Time, "kl 11"), "11:00");
    EXPECT_EQ(normalisedText(FieldType::Time, "Kl. 9.15"), "09:15");
    EXPECT_EQ(normalisedText(FieldType::Time, "ca kl. 14.30"), "14:30");
    EXPECT_EQ(normalisedText(FieldType::Time, "14.30 ungefär"), "14:30");
    EXPECT_EQ(normalisedText(FieldType::Time, "klockan 22"), "22:00");

    const auto integer = [](const std::string& raw) { return normalisedNumber(FieldType::Integer, raw); };
    EXPECT_EQ(integer("2 barn"), 2);
    EXPECT_EQ(integer("3 rum och kök"), 3);
    EXPECT_EQ(integer("Två"), 2);
}
