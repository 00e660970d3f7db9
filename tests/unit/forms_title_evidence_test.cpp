// Titles and words as evidence of a form: content words, word similarity (OCR edits, stems) and
// a form's title found as kommuner print it — reworded, in capitals, broken over two lines, in a
// column of its own — but not in a sentence that names the form.

#include "forms/TitleEvidence.hpp"
#include "forms/WordTokens.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace inkorg::forms {
namespace {

TEST(WordTokens, ContentWordsAreFoldedAndCutAtPunctuationAndDashes)
{
    EXPECT_EQ(contentWords("Lex Sarah-rapport"), (std::vector<std::string>{"lex", "sarah", "rapport"}));
    EXPECT_EQ(contentWords("Ansökan – serveringstillstånd"), (std::vector<std::string>{"ansokan", "serveringstillstand"}));
    EXPECT_EQ(contentWords("ANSÖKAN OM EKONOMISKT BISTÅND/FÖRSÖRJNINGSSTÖD"),
              (std::vector<std::string>{"ansokan", "ekonomiskt", "bistand", "forsorjningsstod"}));
    EXPECT_EQ(contentWords("Rapport om missförhållande eller påtaglig risk för missförhållande"),
              (std::vector<std::string>{"rapport", "missforhallande", "pataglig", "risk", "missforhallande"}));
    EXPECT_TRUE(contentWords("om, av och för").empty());
}

TEST(WordTokens, SimilarWordsAreTheSameWordWithinOcrEditsOrByStem)
{
    EXPECT_EQ(wordSimilarity("serveringstillstand", "serveringstillstand"), 1.0);
    EXPECT_GT(wordSimilarity("serveringstillstand", "serveringstillstaud"), 0.9);   // one OCR edit
    EXPECT_EQ(wordSimilarity("rapport", "rapportering"), 0.8);                      // one word begins the other
    EXPECT_EQ(wordSimilarity("organisationsnr", "organisationsnummer"), 0.8);       // a shared stem
    EXPECT_EQ(wordSimilarity("ansokan", "anmalan"), 0.0);
    EXPECT_EQ(wordSimilarity("lex", "lax"), 0.0);                                   // short words exactly
    EXPECT_EQ(wordSimilarity("datum", "data"), 0.0);
}

class TitleEvidenceTest : public ::testing::Test {
protected:
    PageRows rows(const std::vector<std::tuple<int, int, std::string>>& texts)
    {
        test::SyntheticPage page;
        for (const auto& [x, y, text] : texts) page.add(x, y, text);
        return buildRows(page.page());
    }
    FormSpec lexSarah = test::loadFormSpec("lex_sarah");
    FormSpec servering = test::loadFormSpec("serveringstillstand");
    FormSpec bistand = test::loadFormSpec("ekonomiskt_bistand");
};

TEST_F(TitleEvidenceTest, ExactTitleScoresOne)
{
    EXPECT_EQ(titleEvidence(rows({{200, 150, "Rapport enligt lex Sarah"}}), lexSarah), 1.0);
    EXPECT_EQ(titleEvidence(rows({{200, 150, "ANSÖKAN OM SERVERINGSTILLSTÅND"}}), servering), 1.0);
}

TEST_F(TitleEvidenceTest, ACheckboxOptionWordedLikeTheTitleIsNoHeading)
{
    // Page 2 of a lex Sarah rapport: the bedömning's options near the top, no title.
    const auto page2 = rows({{200, 150, "Missförhållande"}, {200, 220, "Påtaglig risk för missförhållande"},
                             {200, 300, "Rapportdatum 2026-02-17"}});
    EXPECT_LT(titleEvidence(page2, lexSarah), 0.6);
    EXPECT_EQ(titleEvidence(rows({{200, 150, "Rapport om missförhållande eller påtaglig risk för missförhållande"}}), lexSarah), 1.0);
}

TEST_F(TitleEvidenceTest, RewordedTitleBrokenOverTwoLinesCounts)
{
    const auto split = rows({{200, 100, "Eksjö kommun"},
                             {200, 200, "Rapport om missförhållande eller påtaglig risk för"},
                             {200, 250, "missförhållande"},
                             {200, 400, "Rapporterad av:"}, {1300, 400, "Händelsedatum:"}});
    EXPECT_EQ(titleEvidence(split, lexSarah), 1.0);
    const auto reworded = rows({{200, 200, "RAPPORTERING AV MISSFÖRHÅLLANDE"}, {200, 250, "(LEX SARAH)"}});
    EXPECT_GT(titleEvidence(reworded, lexSarah), 0.6);
    EXPECT_EQ(titleEvidence(rows({{200, 150, "Serveringstillstånd, ansökan"}}), servering), 1.0);
}

TEST_F(TitleEvidenceTest, TitleInAColumnBesideTheKommunsNameCounts)
{
    const auto page = rows({{200, 150, "Sävsjö kommun"}, {1300, 150, "Ansökan om"},
                            {1300, 200, "ekonomiskt bistånd"}});
    EXPECT_EQ(titleEvidence(page, bistand), 1.0);
    EXPECT_EQ(titleEvidence(page, servering), 0.0);
}

TEST_F(TitleEvidenceTest, SentenceNamingTheFormAndTitleLowOnThePageDoNotCount)
{
    const auto sentence = rows({{200, 150, "Jag skickar härmed min ansökan om ekonomiskt bistånd för mars månad"}});
    EXPECT_LT(titleEvidence(sentence, bistand), 0.4);
    const auto low = rows({{200, 2800, "Ansökan om ekonomiskt bistånd"}});
    EXPECT_EQ(titleEvidence(low, bistand), 0.0);
    EXPECT_EQ(titleEvidence(rows({{200, 150, "Ansökan"}}), servering), 0.0);   // half a title is none
}

} // namespace
} // namespace inkorg::forms
