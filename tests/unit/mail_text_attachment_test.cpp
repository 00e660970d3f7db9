// A text attachment with words far wider than a line — one unbroken token of 150 000 characters,
// a long line of åäö without a blank — is laid out with forced breaks, not refused: the PDF's
// text (pdftotext) holds every character of it, in order.
#include "mail/TextAttachment.hpp"
#include "support/PdfTools.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace inkorg::test {
namespace {

std::string withoutWhitespace(std::string text)
{
    std::erase_if(text, [](unsigned char c) { return std::isspace(c); });
    return text;
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
    const std::string text = withoutWhitespace(pdfTextOf("Före.\n" + token + "\nEfter."));
    EXPECT_NE(text.find("Före." + token + "Efter."), std::string::npos) << text.size() << " characters of text";
}

TEST(TextAttachment, ALongLineOfSwedishLettersWithoutABlankIsBrokenBetweenCharacters)
{
    std::string line;
    for (int i = 0; line.size() < 60'000; ++i) line += "räksmörgås" + std::to_string(i) + "ÅÄÖé";
    const std::string text = withoutWhitespace(pdfTextOf("Se nedan:\n" + line + " slut"));
    EXPECT_NE(text.find("Senedan:" + line + "slut"), std::string::npos) << text.size() << " characters of text";
}

} // namespace
} // namespace inkorg::test
