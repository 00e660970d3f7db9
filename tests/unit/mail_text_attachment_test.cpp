// A text attachment with words far wider than a line — one unbroken token of 150 000 characters,
// a long line of åäö without a blank — is laid out with forced breaks, not refused: the PDF's
// text (pdftotext) holds every character of it, in order.
#include "mail/TextAttachment.hpp"
#include "support/PdfTools.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>

namespace inkorg::test {
namespace {

/// The text without the footers ("Sida 3 (25)") and without any whitespace: what is left of a
/// token cut over lines and pages is the token.
std::string withoutFootersAndWhitespace(const std::string& text)
{
    static const std::regex footer(R"(^\s*Sida \d+ \(\d+\)\s*$)");
    std::istringstream lines(text);
    std::string line, kept;
    while (std::getline(lines, line))
        if (!std::regex_match(line, footer)) kept += line;
    std::erase_if(kept, [](unsigned char c) { return std::isspace(c); });
    return kept;
}

std::string pdfTextOf(const std::string& text)
{
    mail::MailPart part;
    part.contentType = "text/plain";
    part.charset = "utf-8";
    part.fileName = "lang.txt";
    part.bytes = text;
    part.attachment = true;
    const auto pdf = mail::textAttachmentPdf(part, "lang.txt", "2026-03-03T08:30:00Z");
    EXPECT_TRUE(pdf.has_value());
    return pdf ? pdfToText(*pdf) : "";
}

TEST(TextAttachment, AnUnbrokenTokenOf150000CharactersBecomesAPdfWithEveryCharacterInOrder)
{
    std::string token;
    for (int i = 0; token.size() < 150'000; ++i) token += "k" + std::to_string(i) + "-";
    token.resize(150'000);
    const std::string text = withoutFootersAndWhitespace(pdfTextOf("Före.\n" + token + "\nEfter."));
    EXPECT_NE(text.find("Före." + token + "Efter."), std::string::npos) << text.size() << " characters of text";
}

TEST(TextAttachment, ALongLineOfSwedishLettersWithoutABlankIsBrokenBetweenCharacters)
{
    std::string line;
    for (int i = 0; line.size() < 60'000; ++i) line += "räksmörgås" + std::to_string(i) + "ÅÄÖé";
    const std::string text = withoutFootersAndWhitespace(pdfTextOf("Se nedan:\n" + line + " slut"));
    EXPECT_NE(text.find("Senedan:" + line + "slut"), std::string::npos) << text.size() << " characters of text";
}

} // namespace
} // namespace inkorg::test
