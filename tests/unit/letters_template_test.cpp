#include "letters/LetterTemplate.hpp"

#include <gtest/gtest.h>

using namespace inkorg::letters;

namespace {

std::string text(const std::string& source, const TemplateValues& values) {
    return LetterTemplate(source).render(values, {}).layout.plainText();
}

} // namespace

TEST(LettersTemplate, SectionsKeepOrDropTheirContent) {
    const std::string source =
        "{{#avslag}}\nAvslås.\n{{/avslag}}\n{{^avslag}}\nBeviljas{{#belopp}} med {{belopp}}{{/belopp}}.\n{{/avslag}}\n";
    EXPECT_EQ(text(source, {{"avslag", "ja"}, {"belopp", ""}}), "Avslås.\n");
    EXPECT_EQ(text(source, {{"avslag", ""}, {"belopp", "5 kr"}}), "Beviljas med 5 kr.\n");
    EXPECT_EQ(text(source, {{"avslag", ""}, {"belopp", ""}}), "Beviljas.\n");
}

TEST(LettersTemplate, BlocksFromLineMarkers) {
    const std::string source =
        "# Titel\n## Rubrik\nRad ett\nrad två.\n\nNamn:: {{namn}}\nTom:: {{tom}}\n| a\n| b\n> c\n";
    EXPECT_EQ(text(source, {{"namn", "Đuro"}, {"tom", ""}}),
              "Titel\n\nRubrik\n\nRad ett rad två.\n\nNamn: Đuro\n\na\nb\n\nc\n");
}

TEST(LettersTemplate, UnknownVariableAndBrokenSectionAreErrors) {
    EXPECT_THROW(text("Hej {{okand}}\n", {}), TemplateError);
    EXPECT_NO_THROW(text("Hej {{field.saknas}}\n", {}));
    EXPECT_THROW(text("{{#a}} utan slut\n", {{"a", "ja"}}), TemplateError);
    EXPECT_THROW(text("@okant direktiv\n", {}), TemplateError);
}
