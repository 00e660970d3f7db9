// The bounded edit distance behind label matching agrees with the plain Levenshtein distance
// wherever it matters (within the limit), and label folding keeps its OCR tolerances.
#include "forms/TextNormalisation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace inkorg::forms;

namespace {

/// Textbook full-matrix Levenshtein distance, the reference.
std::size_t referenceDistance(const std::string& a, const std::string& b)
{
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j)
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    return d[a.size()][b.size()];
}

} // namespace

TEST(EditDistance, KnownPairs)
{
    EXPECT_EQ(editDistance("", ""), 0u);
    EXPECT_EQ(editDistance("", "namn"), 4u);
    EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
    EXPECT_EQ(editDistance("sokandesnamn", "sokandesnamn"), 0u);
    EXPECT_EQ(editDistance("personnummer", "personnumer"), 1u);
}

TEST(EditDistance, WithinALimitItIsExactAndBeyondItSaysSo)
{
    EXPECT_EQ(editDistanceWithin("kitten", "sitting", 3), 3u);
    EXPECT_GT(editDistanceWithin("kitten", "sitting", 2), 2u);
    EXPECT_GT(editDistanceWithin("adress", "telefonnummer", 2), 2u);
    EXPECT_EQ(editDistanceWithin("sokandesnamn", "sokandesnamm", 0), 1u);
}

TEST(EditDistance, AgreesWithTheReferenceOnRandomPairs)
{
    std::mt19937 random(20261122);
    for (int round = 0; round < 20000; ++round) {
        const int alphabet = 2 + static_cast<int>(random() % 4);
        auto word = [&](std::size_t length) {
            std::string text;
            for (std::size_t i = 0; i < length; ++i) text += static_cast<char>('a' + random() % alphabet);
            return text;
        };
        const std::string a = word(random() % 24);
        std::string b = round % 2 ? word(random() % 70) : a;
        for (int edit = static_cast<int>(random() % 4); edit > 0 && !b.empty(); --edit) {
            const std::size_t at = random() % b.size();
            if (edit % 2) b[at] = static_cast<char>('a' + random() % alphabet);
            else b.erase(at, 1);
        }
        const std::size_t expected = referenceDistance(a, b);
        ASSERT_EQ(editDistance(a, b), expected) << a << " / " << b;
        for (std::size_t limit = 0; limit < 6; ++limit) {
            const std::size_t bounded = editDistanceWithin(a, b, limit);
            if (expected <= limit) ASSERT_EQ(bounded, expected) << a << " / " << b << " within " << limit;
            else ASSERT_GT(bounded, limit) << a << " / " << b << " within " << limit;
        }
    }
}

TEST(FoldForMatching, KeepsItsOcrTolerances)
{
    EXPECT_EQ(foldForMatching("Sökandes namn:"), "sokandesnamn");
    EXPECT_EQ(foldForMatching("Sokandes narnn"), "sokandesnamn");
    EXPECT_EQ(foldForMatching("r-n"), "m");
    EXPECT_EQ(foldForMatching("rrn"), "rm");
    EXPECT_EQ(foldForMatching("rnn"), "mn");
    EXPECT_EQ(foldForMatching("P|ats 10"), "platslo");
}
