// The PDF a mail's message becomes shows its inkom time on the Swedish clock, not UTC.
#include "mail/MessageDocument.hpp"

#include <gtest/gtest.h>

#include <poppler-document.h>
#include <poppler-page.h>

#include <memory>

namespace inkorg::test {
namespace {

std::string textOf(const std::string& pdf)
{
    std::unique_ptr<poppler::document> document(poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    if (!document) return "";
    std::string text;
    for (int i = 0; i < document->pages(); ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        const auto bytes = page->text().to_utf8();
        text.append(bytes.begin(), bytes.end());
    }
    return text;
}

TEST(MessageDocument, InkomIsTheSwedishClockTime)
{
    mail::ParsedMail mail;
    mail.fromAddress = "anna@example.se";
    mail.subject = "Ansökan";
    mail.bodyText = "Hej";
    const std::string summer = textOf(mail::renderMessageDocument(mail, "2026-06-30T22:30:00.000Z", {}));
    EXPECT_NE(summer.find("2026-07-01 00:30"), std::string::npos) << summer;
    EXPECT_EQ(summer.find("UTC"), std::string::npos) << summer;
    const std::string winter = textOf(mail::renderMessageDocument(mail, "2026-12-11T16:30:00.000Z", {}));
    EXPECT_NE(winter.find("2026-12-11 17:30"), std::string::npos) << winter;
}

} // namespace
} // namespace inkorg::test
