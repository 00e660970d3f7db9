// LabelRemnants's rules on their own: which words at a value's start are its label's (hints in
// parentheses, the field's label again), and which texts are print rather than a value (a label
// of any field, a heading of label words, a checkbox option's text).
#include "forms/LabelRemnants.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace inkorg::forms {
namespace {

std::vector<std::string> words(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string word; in >> word;) out.push_back(word);
    return out;
}

class LabelRemnantsTest : public ::testing::Test {
protected:
    FormSpec oro = test::loadFormSpec("orosanmalan");
    FormSpec servering = test::loadFormSpec("serveringstillstand");
    LabelRemnants oroPrint{oro};
    LabelRemnants serveringPrint{servering};
    FormSpec sarah = test::loadFormSpec("lex_sarah");
    LabelRemnants sarahPrint{sarah};
};

TEST_F(LabelRemnantsTest, InstructionHintsInParenthesesBelongToTheLabel)
{
    const FieldSpec& oroText = *oro.field("oro_beskrivning");
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("(fortsätt på separat blad vid behov) Hon berättade att"), oroText, ""), 6u);
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("(skriv tydligt) (bifoga kopia) Grannar har hört"), oroText, ""), 4u);
    const FieldSpec& born = *oro.field("barn_fodelsedatum");
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("(om personnummer saknas)"), born, ""), 3u);
    // A hint misread with a digit in it is still words; a group with only a number is written.
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("(207 Esrsnankss Janes)"), born, ""), 3u);
    // A group with a digit is written, not printed: an area code, a count.
    const FieldSpec& phone = *servering.field("kontaktperson_telefon");
    EXPECT_EQ(serveringPrint.labelWordsAtStart(words("(08) 123 45 67"), phone, ""), 0u);
    // An unclosed parenthesis is no hint.
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("(fortsätt Hon berättade att"), oroText, ""), 0u);
}

TEST_F(LabelRemnantsTest, TheFieldsOwnLabelAtAValuesStartIsTheLabels)
{
    const FieldSpec& contact = *servering.field("kontaktperson_namn");
    EXPECT_EQ(serveringPrint.labelWordsAtStart(words("Kontaktperson Karin Ekström"), contact, ""), 1u);
    EXPECT_EQ(serveringPrint.labelWordsAtStart(words("Kontaktpersonens namn: Karin Ekström"), contact, ""), 2u);
    EXPECT_EQ(serveringPrint.labelWordsAtStart(words("Karin Ekström"), contact, ""), 0u);
    // A question printed above the box, as the page printed it.
    const FieldSpec& oroText = *oro.field("oro_beskrivning");
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("Beskriv vad som gör dig orolig Hon berättade"), oroText,
                                         "Beskriv vad som gör dig orolig"),
              6u);
    // A question in the field's own words, printed over the box, read before what was written.
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("Beskriv vad som gör dig orolig Hon berättade"), oroText, ""), 6u);
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("Beskriv kortfattat din oro: Hon berättade"), oroText, ""), 4u);
    const FieldSpec& happened = *sarah.field("beskrivning");
    EXPECT_EQ(sarahPrint.labelWordsAtStart(words("Händelsen inträffade på natten"), happened, ""), 0u);
    EXPECT_EQ(sarahPrint.labelWordsAtStart(words("Brukaren föll i badrummet"), happened, ""), 0u);
    // Printed instructions: sentences in the imperative, or a verb before "du".
    const FieldSpec& child = *oro.field("barn_namn");
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("Fyll i dina egna uppgifter. Skriv personnumret med tolv siffror."), child, ""), 10u);
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("Saknar du någon uppgift, lämna raden tom. Anna Wikström"), child, ""), 7u);
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("Se bilaga."), oroText, ""), 0u);
    EXPECT_EQ(oroPrint.labelWordsAtStart(words("Skriv Anna"), child, ""), 0u);
    // Another field's label is not this field's: a value's own words stay.
    EXPECT_EQ(serveringPrint.labelWordsAtStart(words("Telefon Karin"), contact, ""), 0u);
}

TEST_F(LabelRemnantsTest, ALabelAHeadingOrAnOptionIsNoValue)
{
    EXPECT_TRUE(serveringPrint.isLabelText("Sökande (bolagets namn)"));
    EXPECT_TRUE(serveringPrint.isLabelText("Serveringsställe"));
    EXPECT_TRUE(serveringPrint.isLabelText("SERVERINGSSTÄLLETS NAMN"));
    EXPECT_TRUE(oroPrint.isLabelText("Verksamhet/arbetsplats"));
    EXPECT_TRUE(oroPrint.isLabelText("Barnets namn:"));
    EXPECT_TRUE(serveringPrint.isOptionText("Catering"));

    EXPECT_FALSE(oroPrint.isLabelText("Karin Ekström"));
    EXPECT_FALSE(oroPrint.isLabelText("Förskolan Ängen"));
    EXPECT_FALSE(oroPrint.isLabelText("Polismyndigheten"));   // an option's text may be a workplace
    EXPECT_FALSE(serveringPrint.isLabelText("Restaurang Kvarnen"));
    EXPECT_FALSE(serveringPrint.isLabelText("Storgatan 5"));
    EXPECT_TRUE(sarahPrint.isLabelText("Område"));   // "Verksamhetsområde" wrapped
    EXPECT_FALSE(sarahPrint.isLabelText("Enhetschef"));
    EXPECT_FALSE(LabelRemnants(test::loadFormSpec("ekonomiskt_bistand")).isLabelText("Manas"));   // a place misread, one letter from "månad"   // a label's word ("Enhet") and more is another word
    EXPECT_FALSE(serveringPrint.isLabelText("kl: O"));     // two letters beside "Servering till kl" are no heading
    EXPECT_FALSE(serveringPrint.isOptionText("Kvarnen"));
    EXPECT_FALSE(serveringPrint.isOptionText("22.00"));
}

} // namespace
} // namespace inkorg::forms
