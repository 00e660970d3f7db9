// Paper post's inkom datum from its ankomststämpel (pipeline/StampedArrival): the stamp's date,
// read with confidence and not after the day in Sweden the paper was scanned nor long before it,
// is the document's inkom datum; a stamp whose date was not read (or is after the scan) is a
// review reason; one long before the scan is not taken; a page without a stamp changes nothing. Days are Swedish days (Europe/Stockholm).
// With the document's own date (the date its sender signed, documentDateOf), the stamp is held
// against that instead: on it or up to 30 days after it is the inkom datum however long before the
// scan; before it, or long after it, is in doubt.
#include "pipeline/StampedArrival.hpp"

#include <inkorg/record.hpp>

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
    EXPECT_EQ(sixty.doubt, "");
    const auto old = pipeline::stampedArrival(stamped("2026-05-01"), scanned);
    EXPECT_EQ(old.date, "");
    EXPECT_FALSE(old.unread);
    EXPECT_EQ(old.doubtCode, "inkom.stamp_old");
    EXPECT_EQ(old.doubt,
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

TEST(StampedArrival, AnOldStampThatAgreesWithTheDocumentsDateIsTheInkomDatum)
{
    // Signed Saturday 31 January, stamped Wednesday 4 February, scanned in December: the paper
    // lay long before it was scanned, but the stamp agrees with the sender's date.
    const auto arrival = pipeline::stampedArrival(stamped("2026-02-04"), "2026-12-08T09:00:00Z", "2026-01-31");
    EXPECT_EQ(arrival.date, "2026-02-04");
    EXPECT_FALSE(arrival.unread);
    EXPECT_EQ(arrival.doubtCode, "");
    EXPECT_EQ(arrival.doubt, "");
    // Stamped the day it was signed (handed in at the reception), and 30 days after it.
    EXPECT_EQ(pipeline::stampedArrival(stamped("2026-01-31"), "2026-12-08T09:00:00Z", "2026-01-31").date, "2026-01-31");
    EXPECT_EQ(pipeline::stampedArrival(stamped("2026-03-02"), "2026-12-08T09:00:00Z", "2026-01-31").date, "2026-03-02");
}

TEST(StampedArrival, AStampBeforeTheDocumentsDateIsInDoubt)
{
    // Signed 14 June, stamped (so read) 10 June, scanned on the 20th: a misread stamp or another
    // post's — not taken, though it lies within the sixty days.
    const auto arrival = pipeline::stampedArrival(stamped("2026-06-10"), "2026-06-20T08:00:00Z", "2026-06-14");
    EXPECT_EQ(arrival.date, "");
    EXPECT_FALSE(arrival.unread);
    EXPECT_EQ(arrival.doubtCode, "inkom.stamp_before_document");
    EXPECT_EQ(arrival.doubt, "Ankomststämpeln visar 2026-06-10, före handlingens datum 2026-06-14 – kontrollera "
                             "stämpeln och ange inkom datum");
}

TEST(StampedArrival, AStampLongAfterTheDocumentsDateIsInDoubt)
{
    // Signed 1 April, stamped 2 May (31 days), scanned 5 May.
    const auto arrival = pipeline::stampedArrival(stamped("2026-05-02"), "2026-05-05T08:00:00Z", "2026-04-01");
    EXPECT_EQ(arrival.date, "");
    EXPECT_EQ(arrival.doubtCode, "inkom.stamp_old");
    EXPECT_EQ(arrival.doubt, "Ankomststämpeln visar 2026-05-02, mer än 30 dagar efter handlingens datum 2026-04-01 – "
                             "kontrollera stämpeln och ange inkom datum");
}

TEST(StampedArrival, ADocumentDateAfterTheScanIsNoDocumentDate)
{
    // The sender's date read as 2027 (misread): the sixty days before the scan decide.
    const auto arrival = pipeline::stampedArrival(stamped("2026-06-26"), "2026-07-01T06:00:00Z", "2027-06-24");
    EXPECT_EQ(arrival.date, "2026-06-26");
    EXPECT_EQ(arrival.doubt, "");
    EXPECT_EQ(pipeline::stampedArrival(stamped("2026-06-26"), "2026-07-01T06:00:00Z", "24 juni").date, "2026-06-26");
}

TEST(StampedArrival, TheDocumentsDateIsTheLatestDateTheFormSaysTheSenderSigned)
{
    forms::FormSpec spec;
    spec.fields = {{"handelse_datum", forms::FieldType::Date, true, {"Datum för händelsen"}, {}, {"händelse", "datum"}},
                   {"rapport_datum", forms::FieldType::Date, true, {"Datum"}, {}, {"rapport", "datum", "underskrift"}},
                   {"signerad", forms::FieldType::Date, false, {"Underskriven"}, {}, {"underskrift"}},
                   {"rapportor_namn", forms::FieldType::Text, true, {"Namn"}, {}, {"underskrift", "namn"}}};
    Record record;
    record.fields["handelse_datum"].value = std::string("2026-06-20");
    record.fields["rapportor_namn"].value = std::string("2026-06-30");
    EXPECT_EQ(pipeline::documentDateOf(record, spec), "");   // the event's date is not the sender's
    record.fields["rapport_datum"].value = std::string("2026-06-14");
    EXPECT_EQ(pipeline::documentDateOf(record, spec), "2026-06-14");
    record.fields["signerad"].value = std::string("2026-06-16");
    EXPECT_EQ(pipeline::documentDateOf(record, spec), "2026-06-16");
}
