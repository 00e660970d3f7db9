// Paper post's inkom datum from its ankomststämpel (pipeline/StampedArrival): the stamp's date,
// read with confidence and not after the day in Sweden the paper was scanned nor long before it,
// is the document's inkom datum; a stamp whose date was not read (or is after the scan) is a
// review reason; one long before the scan is not taken; a page without a stamp changes nothing. Days are Swedish days (Europe/Stockholm).
#include "pipeline/StampedArrival.hpp"

#include <gtest/gtest.h>

using namespace inkorg;

namespace {

/// A document of a blank first page and a second page carrying a stamp dated `date` ("" when the
/// stamp's date was not read).
Document stamped(const std::string& date)
{
    Document document;
    document.pages.resize(2);
    document.pages[1].arrivalStamp = true;
    document.pages[1].arrivalDate = date;
    return document;
}

} // namespace

TEST(StampedArrival, TheStampsDateIsTheInkomDatum)
{
    // Stamped Friday 26 June, scanned Wednesday 1 July at 08:00 in Sweden.
    const auto arrival = pipeline::stampedArrival(stamped("2026-06-26"), "2026-07-01T06:00:00.000Z");
    EXPECT_EQ(arrival.date, "2026-06-26");
    EXPECT_FALSE(arrival.unread);
}

TEST(StampedArrival, TheScansDayIsTheDayInSweden)
{
    // Stamped and scanned on 1 July: 00:30 in Sweden is still 30 June in UTC. The stamp is not
    // after the scan's day.
    EXPECT_EQ(pipeline::stampedArrival(stamped("2026-07-01"), "2026-06-30T22:30:00Z").date, "2026-07-01");
    // In winter Sweden is one hour ahead: 23:30 UTC on 14 January is 00:30 on the 15th.
    EXPECT_EQ(pipeline::stampedArrival(stamped("2026-01-15"), "2026-01-14T23:30:00Z").date, "2026-01-15");
    // 22:30 UTC on 14 January is still the 14th in Sweden: a stamp of the 15th is after the scan.
    const auto early = pipeline::stampedArrival(stamped("2026-01-15"), "2026-01-14T22:30:00Z");
    EXPECT_EQ(early.date, "");
    EXPECT_TRUE(early.unread);
}

TEST(StampedArrival, AnImplausibleOrUnreadDateIsAReviewReason)
{
    const std::string scanned = "2026-07-01T06:00:00Z";
    for (const std::string date : {"2026-07-02", "", "2026-02-30", "26-06-2026"}) {
        const auto arrival = pipeline::stampedArrival(stamped(date), scanned);
        EXPECT_EQ(arrival.date, "") << date;
        EXPECT_TRUE(arrival.unread) << date;
    }
    // Sixty days before the scan is still the stamp's day; 61 is not taken: the scan's day stands
    // and a registrator is asked to check the stamp (misread, or paper kept long).
    const auto sixty = pipeline::stampedArrival(stamped("2026-05-02"), scanned);
    EXPECT_EQ(sixty.date, "2026-05-02");
    EXPECT_EQ(sixty.tooOld, "");
    const auto old = pipeline::stampedArrival(stamped("2026-05-01"), scanned);
    EXPECT_EQ(old.date, "");
    EXPECT_FALSE(old.unread);
    EXPECT_EQ(old.tooOld, "2026-05-01");
    EXPECT_EQ(pipeline::stampTooOldReason(old.tooOld),
              "Ankomststämpeln visar 2026-05-01, mer än 60 dagar före skanningen – kontrollera stämpeln och ange inkom datum");
}

TEST(StampedArrival, NoStampChangesNothing)
{
    Document document;
    document.pages.resize(3);
    const auto arrival = pipeline::stampedArrival(document, "2026-07-01T06:00:00Z");
    EXPECT_EQ(arrival.date, "");
    EXPECT_FALSE(arrival.unread);
}
