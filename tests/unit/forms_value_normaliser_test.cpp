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
