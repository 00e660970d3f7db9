// parseMail on dates a sender may write: the ones system_clock cannot hold are "unreadable".
#include "mail/MimeMessage.hpp"

#include <gtest/gtest.h>

namespace inkorg::mail {
namespace {

std::string messageWithDate(const std::string& date)
{
    return "From: anna@example.se\r\nSubject: Ansökan\r\nDate: " + date +
           "\r\nReceived: from mx by inkorg; " + date + "\r\n\r\nHej\r\n";
}

TEST(MimeMessage, ReadsTheDateAndTheDeliveryTime)
{
    const ParsedMail mail = parseMail(messageWithDate("Tue, 17 Mar 2026 10:32:00 +0100"));
    EXPECT_EQ(mail.dateHeader, "2026-03-17T09:32:00.000Z");
    EXPECT_EQ(mail.receivedAt, "2026-03-17T09:32:00.000Z");
}

// Found by tests/fuzz/mime_message_fuzz (UBSan: signed integer overflow in from_time_t): a year
// past 2262 overflowed system_clock's nanoseconds and gave a made-up date.
TEST(MimeMessage, ADateBeyondTheClocksRangeIsUnreadable)
{
    for (const std::string date : {"Mon, 1 Jan 3992 00:00:00 +0000", "Fri, 31 Dec 9999 23:59:59 +0000"}) {
        const ParsedMail mail = parseMail(messageWithDate(date));
        EXPECT_EQ(mail.dateHeader, "") << date;
        EXPECT_EQ(mail.receivedAt, "") << date;
        EXPECT_EQ(mail.bodyText, "Hej");
    }
}

} // namespace
} // namespace inkorg::mail
