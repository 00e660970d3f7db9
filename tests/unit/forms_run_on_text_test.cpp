// A free text that runs on over a page break (forms/RunOnText): a free-text box that begins at the
// foot of a page is written at the top of the next; its label is the page's last line, and its
// text is the next page's rows above that page's first label, without the printed page number or
// the header the page repeats.

#include "forms/FieldExtractor.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

namespace inkorg::forms {
namespace {

using test::SyntheticPage;

/// A lex Sarah rapport whose "Åtgärder som vidtagits direkt" box begins at the foot of page 1 and
/// is written at the top of page 2; `footer` puts the printed page numbers and a header repeated
/// on both pages.
Document reportOverAPageBreak(bool footer)
{
    SyntheticPage first(1);
    first.add(200, 120, "Socialförvaltningen, Mellanby kommun");
    first.add(200, 200, "Rapport om missförhållande enligt lex Sarah");
    first.add(200, 400, "Den enskildes namn");
    first.add(900, 400, "Jonas Pettersson");
    first.add(200, 3200, "Åtgärder som vidtagits direkt (fortsätt på separat blad vid behov)");
    if (footer) first.add(2000, 3400, "Sida 1 (2)");
    SyntheticPage second(2);
    if (footer) second.add(200, 120, "Socialförvaltningen, Mellanby kommun");
    second.add(200, 300, "Sjuksköterska tillkallades och läkemedlen gavs direkt.");
    second.add(200, 360, "Larmet kopplades in och testades samma dag.");
    second.add(200, 600, "Rapportdatum");
    second.add(900, 600, "2026-09-22");
    if (footer) second.add(2000, 3400, "Sida 2 (2)");
    Document document;
    document.pages = {first.page(), second.page()};
    return document;
}

class RunOnTextTest : public ::testing::Test {
protected:
    FormSpec sarah = test::loadFormSpec("lex_sarah");
};

TEST_F(RunOnTextTest, AFreeTextWhoseLabelEndsItsPageIsReadAtTheNextPagesTop)
{
    for (bool footer : {false, true}) {
        SCOPED_TRACE(footer ? "with page numbers and a repeated header" : "bare pages");
        const auto extraction = extract(reportOverAPageBreak(footer), sarah);
        const auto& fields = extraction.record.fields;
        ASSERT_TRUE(fields.count("omedelbara_atgarder"));
        EXPECT_EQ(std::get<std::string>(fields.at("omedelbara_atgarder").value),
                  "Sjuksköterska tillkallades och läkemedlen gavs direkt. Larmet kopplades in och testades samma dag.");
        ASSERT_TRUE(fields.at("omedelbara_atgarder").where);
        EXPECT_EQ(fields.at("omedelbara_atgarder").where->page, 2);
        EXPECT_EQ(std::get<std::string>(fields.at("rapport_datum").value), "2026-09-22");
        EXPECT_EQ(std::get<std::string>(fields.at("berord_namn").value), "Jonas Pettersson");
    }
}

TEST_F(RunOnTextTest, AFreeTextWithRowsUnderItsLabelDoesNotRunOn)
{
    SyntheticPage first(1);
    first.add(200, 200, "Rapport om missförhållande enligt lex Sarah");
    first.add(200, 3000, "Åtgärder som vidtagits direkt");
    first.add(200, 3300, "Rapportörens namn");
    first.add(900, 3300, "Oskar Wikström");
    SyntheticPage second(2);
    second.add(200, 300, "Anteckningar som inte hör till något fält.");
    Document document;
    document.pages = {first.page(), second.page()};
    const auto extraction = extract(document, sarah);
    const auto it = extraction.record.fields.find("omedelbara_atgarder");
    EXPECT_TRUE(it == extraction.record.fields.end() || !std::holds_alternative<std::string>(it->second.value) ||
                std::get<std::string>(it->second.value).find("Anteckningar") == std::string::npos);
}

} // namespace
} // namespace inkorg::forms
