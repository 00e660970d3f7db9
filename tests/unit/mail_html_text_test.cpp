// htmlToText on hostile HTML bodies: its cost stays linear in the length of the mail.
#include "mail/HtmlText.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace inkorg::mail {
namespace {

std::string repeated(const std::string& piece, std::size_t times)
{
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

template <class Work> std::chrono::steady_clock::duration timed(Work&& work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::steady_clock::now() - start;
}

TEST(HtmlText, SkippedElementsAndEntitiesAreStillRead)
{
    EXPECT_EQ(htmlToText("<HEAD><Title>x</TITLE></head><p>Hej &amp; v&auml;lkommen&#33;</p>"), "Hej & välkommen!");
    EXPECT_EQ(htmlToText("a &notanentity; b &#x263A;"), "a &notanentity; b \u263A");
}

// Found while writing tests/fuzz/mime_message_fuzz: each <title>/<script>/<style>/<head> copied
// the rest of the body to lower-case it, and each '&' searched the rest for a ';', so a
// few megabytes of either kept the mail intake busy for minutes.
TEST(HtmlText, ManySkippedElementsCostLinearTime)
{
    const std::string html = repeated("<title>x</title>", 100'000) + "Hej";
    std::string text;
    EXPECT_LT(timed([&] { text = htmlToText(html); }), std::chrono::seconds(5));
    EXPECT_EQ(text, "Hej");
}

TEST(HtmlText, ManyAmpersandsCostLinearTime)
{
    const std::string html = std::string(1'000'000, '&') + "Hej";
    std::string text;
    EXPECT_LT(timed([&] { text = htmlToText(html); }), std::chrono::seconds(5));
    EXPECT_EQ(text, std::string(1'000'000, '&') + "Hej");
}

} // namespace
} // namespace inkorg::mail
