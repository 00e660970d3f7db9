#include <inkorg/swedish.hpp>

#include <gtest/gtest.h>

using namespace inkorg::swedish;
using namespace std::chrono;

namespace {

Date ymd(int y, unsigned m, unsigned d) { return year{y} / month{m} / day{d}; }

const Date documentDate = ymd(2026, 10, 17);

} // namespace

// --- Luhn ---------------------------------------------------------------------------------------

TEST(Luhn, AcceptsKnownValidNumbers)
{
    EXPECT_TRUE(luhnValid("1212121212"));
    EXPECT_TRUE(luhnValid("7010632391"));
    EXPECT_TRUE(luhnValid("5560160680"));
    EXPECT_TRUE(luhnValid("2021005489"));
}

TEST(Luhn, RejectsWrongCheckDigitAndNonDigits)
{
    EXPECT_FALSE(luhnValid("1212121213"));
    EXPECT_FALSE(luhnValid("5560160681"));
    EXPECT_FALSE(luhnValid("12121212l2"));
    EXPECT_FALSE(luhnValid(""));
    EXPECT_FALSE(luhnValid("7"));
}

// --- Personnummer -------------------------------------------------------------------------------

TEST(Personnummer, TwelveDigitsWithDash)
{
    auto p = parsePersonnummer("19121212-1212", documentDate);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->normalized, "19121212-1212");
    EXPECT_EQ(p->birth, ymd(1912, 12, 12));
    EXPECT_TRUE(p->checksumValid);
    EXPECT_TRUE(p->dateValid);
    EXPECT_FALSE(p->samordningsnummer);
}

TEST(Personnummer, TwelveDigitsWithoutSeparatorAndWithSpaces)
{
    EXPECT_EQ(parsePersonnummer("191212121212", documentDate)->normalized, "19121212-1212");
    EXPECT_EQ(parsePersonnummer("19121212 1212", documentDate)->normalized, "19121212-1212");
    EXPECT_EQ(parsePersonnummer(" 1912 12 12 - 1212 ", documentDate)->normalized, "19121212-1212");
    EXPECT_EQ(parsePersonnummer("19121212\xE2\x80\x93" "1212", documentDate)->normalized, "19121212-1212");
}

TEST(Personnummer, TenDigitsGetTheLatestCenturyNotAfterTheDocument)
{
    auto p = parsePersonnummer("121212-1212", documentDate);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->normalized, "20121212-1212");
    EXPECT_EQ(p->birth, ymd(2012, 12, 12));

    // Born on the document's own date: this century. One day later would be in the future.
    EXPECT_EQ(parsePersonnummer("261017-1239", documentDate)->normalized, "20261017-1239");
    EXPECT_EQ(parsePersonnummer("261018-1238", documentDate)->normalized, "19261018-1238");
    // The same number read against an older document lands in the previous century.
    EXPECT_EQ(parsePersonnummer("121212-1212", ymd(2010, 1, 1))->normalized, "19121212-1212");
}

TEST(Personnummer, PlusMeansHundredYearsOrOlder)
{
    auto p = parsePersonnummer("121212+1212", documentDate);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->normalized, "19121212-1212");
    EXPECT_EQ(ageOn(p->birth, documentDate), 113);
    EXPECT_EQ(parsePersonnummer("261018+1238", documentDate)->normalized, "18261018-1238");
}

TEST(Personnummer, SamordningsnummerHasDayPlusSixty)
{
    auto p = parsePersonnummer("701063-2391", documentDate);
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->samordningsnummer);
    EXPECT_TRUE(p->checksumValid);
    EXPECT_TRUE(p->dateValid);
    EXPECT_EQ(p->birth, ymd(1970, 10, 3));
    EXPECT_EQ(p->normalized, "19701063-2391");   // stored as written, day + 60
}

TEST(Personnummer, WrongCheckDigitIsStillNormalised)
{
    auto p = parsePersonnummer("19121212-1213", documentDate);
    ASSERT_TRUE(p);
    EXPECT_FALSE(p->checksumValid);
    EXPECT_TRUE(p->dateValid);
    EXPECT_EQ(p->normalized, "19121212-1213");
}

TEST(Personnummer, ImpossibleDateIsFlagged)
{
    auto p = parsePersonnummer("121312-1237", documentDate);   // month 13, Luhn fine
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->checksumValid);
    EXPECT_FALSE(p->dateValid);
    EXPECT_TRUE(parsePersonnummer("20240229-1237", documentDate)->dateValid);
    EXPECT_FALSE(parsePersonnummer("20250229-1237", documentDate)->dateValid);
}

TEST(Personnummer, OcrLettersAreNotGuessedAt)
{
    EXPECT_FALSE(parsePersonnummer("19121212-12O2", documentDate));
    EXPECT_FALSE(parsePersonnummer("l9121212-1212", documentDate));
    EXPECT_FALSE(parsePersonnummer("1912121-1212", documentDate));    // 11 digits
    EXPECT_FALSE(parsePersonnummer("121212-121", documentDate));      // 9 digits
    EXPECT_FALSE(parsePersonnummer("1212-121212", documentDate));     // separator misplaced
    EXPECT_FALSE(parsePersonnummer("", documentDate));
}

TEST(Personnummer, AgeOnCountsWholeYears)
{
    EXPECT_EQ(ageOn(ymd(2008, 10, 17), ymd(2026, 10, 16)), 17);
    EXPECT_EQ(ageOn(ymd(2008, 10, 17), ymd(2026, 10, 17)), 18);
    EXPECT_EQ(ageOn(ymd(2008, 12, 1), ymd(2026, 11, 30)), 17);
    EXPECT_EQ(ageOn(ymd(2008, 1, 1), ymd(2026, 11, 30)), 18);
}

// --- Organisationsnummer ------------------------------------------------------------------------

TEST(Organisationsnummer, AktiebolagIsValid)
{
    auto o = parseOrganisationsnummer("556016-0680", documentDate);
    ASSERT_TRUE(o);
    EXPECT_EQ(o->normalized, "556016-0680");
    EXPECT_TRUE(o->checksumValid);
    EXPECT_TRUE(o->groupValid);
    EXPECT_FALSE(o->enskildFirma);
    EXPECT_EQ(o->group, '5');
}

TEST(Organisationsnummer, OtherWritings)
{
    EXPECT_EQ(parseOrganisationsnummer("5560160680", documentDate)->normalized, "556016-0680");
    EXPECT_EQ(parseOrganisationsnummer("556016 0680", documentDate)->normalized, "556016-0680");
    EXPECT_EQ(parseOrganisationsnummer("16556016-0680", documentDate)->normalized, "556016-0680");
    EXPECT_EQ(parseOrganisationsnummer("SE556016068001", documentDate)->normalized, "556016-0680");
    auto kommun = parseOrganisationsnummer("212000-0514", documentDate);
    ASSERT_TRUE(kommun);
    EXPECT_EQ(kommun->group, '2');
    EXPECT_TRUE(kommun->groupValid);
}

TEST(Organisationsnummer, WrongCheckDigit)
{
    auto o = parseOrganisationsnummer("556016-0681", documentDate);
    ASSERT_TRUE(o);
    EXPECT_FALSE(o->checksumValid);
    EXPECT_TRUE(o->groupValid);
}

TEST(Organisationsnummer, ThirdDigitBelowTwoIsInvalidUnlessPersonnummer)
{
    auto o = parseOrganisationsnummer("551040-1234", documentDate);   // Luhn ok, day 40: no person
    ASSERT_TRUE(o);
    EXPECT_TRUE(o->checksumValid);
    EXPECT_FALSE(o->groupValid);
    EXPECT_FALSE(o->enskildFirma);
}

TEST(Organisationsnummer, EnskildFirmaUsesTheOwnersPersonnummer)
{
    auto o = parseOrganisationsnummer("811228-9874", documentDate);
    ASSERT_TRUE(o);
    EXPECT_TRUE(o->enskildFirma);
    EXPECT_TRUE(o->groupValid);
    EXPECT_TRUE(o->checksumValid);
    EXPECT_EQ(o->normalized, "811228-9874");

    auto twelve = parseOrganisationsnummer("19811228-9874", documentDate);
    ASSERT_TRUE(twelve);
    EXPECT_TRUE(twelve->enskildFirma);
    EXPECT_EQ(twelve->normalized, "811228-9874");
}

TEST(Organisationsnummer, GarbageIsRejected)
{
    EXPECT_FALSE(parseOrganisationsnummer("55601G-0680", documentDate));
    EXPECT_FALSE(parseOrganisationsnummer("556016-068", documentDate));
    EXPECT_FALSE(parseOrganisationsnummer("", documentDate));
}

// --- Dates --------------------------------------------------------------------------------------

TEST(Dates, IsoAndCompact)
{
    EXPECT_EQ(parseDate("2026-10-17"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("20261017"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("2026/10/17"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("2026.10.17"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("2026-1-7"), ymd(2026, 1, 7));
    EXPECT_EQ(parseDate(" 2026 - 10 - 17 "), ymd(2026, 10, 17));
}

TEST(Dates, DayFirst)
{
    EXPECT_EQ(parseDate("17/10 2026"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("17/10/2026"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("17.10.2026"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("1/2 2026"), ymd(2026, 2, 1));
}

TEST(Dates, SwedishMonthNames)
{
    EXPECT_EQ(parseDate("17 okt 2026"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("17 oktober 2026"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("17 Okt. 2026"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("den 1 maj 2026"), ymd(2026, 5, 1));
    EXPECT_EQ(parseDate("1:a mars 2026"), ymd(2026, 3, 1));
    EXPECT_EQ(parseDate("3 sept 2026"), ymd(2026, 9, 3));
    EXPECT_EQ(parseDate("24 DECEMBER 2026"), ymd(2026, 12, 24));
}

TEST(Dates, PlaceBeforeTheDateIsIgnored)
{
    EXPECT_EQ(parseDate("Vetlanda 2026-10-17"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("Vetlanda den 17 okt 2026"), ymd(2026, 10, 17));
}

TEST(Dates, ClockTimeAfterTheDateIsIgnored)
{
    EXPECT_EQ(parseDate("2026-10-17 10:32"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("2026-10-17T10:32:05"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("17 okt 2026 kl. 10.32"), ymd(2026, 10, 17));
    EXPECT_EQ(parseDate("17okt 2026"), ymd(2026, 10, 17));
    EXPECT_FALSE(parseDate("2026-10-17 1234"));
}

TEST(Dates, RejectsImpossibleAndAmbiguous)
{
    EXPECT_FALSE(parseDate("2026-02-30"));
    EXPECT_FALSE(parseDate("2026-13-01"));
    EXPECT_FALSE(parseDate("2O26-10-17"));
    EXPECT_FALSE(parseDate("19121212-1212"));     // a personnummer, not a date
    EXPECT_FALSE(parseDate("17 okt"));
    EXPECT_FALSE(parseDate("hej"));
    EXPECT_FALSE(parseDate(""));
    EXPECT_EQ(parseDate("2024-02-29"), ymd(2024, 2, 29));
}

TEST(Dates, ToIso)
{
    EXPECT_EQ(toIso(ymd(2026, 1, 7)), "2026-01-07");
    EXPECT_EQ(toIso(ymd(2026, 12, 31)), "2026-12-31");
}

TEST(Dates, TodayIsAValidDate)
{
    EXPECT_TRUE(today().ok());
}

TEST(Months, Formats)
{
    EXPECT_EQ(parseMonth("2026-11"), "2026-11");
    EXPECT_EQ(parseMonth("november 2026"), "2026-11");
    EXPECT_EQ(parseMonth("Nov 2026"), "2026-11");
    EXPECT_EQ(parseMonth("11/2026"), "2026-11");
    EXPECT_EQ(parseMonth("202611"), "2026-11");
    EXPECT_EQ(parseMonth("2026-11-01"), "2026-11");
    EXPECT_EQ(parseMonth("mars 2027"), "2027-03");
    EXPECT_FALSE(parseMonth("2026-13"));
    EXPECT_FALSE(parseMonth("november"));
}

TEST(Times, Formats)
{
    EXPECT_EQ(parseTime("11.00"), "11:00");
    EXPECT_EQ(parseTime("11:00"), "11:00");
    EXPECT_EQ(parseTime("kl. 11"), "11:00");
    EXPECT_EQ(parseTime("kl 11"), "11:00");
    EXPECT_EQ(parseTime("Klockan 23.30"), "23:30");
    EXPECT_EQ(parseTime("01:00"), "01:00");
    EXPECT_EQ(parseTime("1"), "01:00");
    EXPECT_EQ(parseTime("0200"), "02:00");
    EXPECT_EQ(parseTime("24.00"), "00:00");
    EXPECT_FALSE(parseTime("25:00"));
    EXPECT_FALSE(parseTime("11:75"));
    EXPECT_FALSE(parseTime("elva"));
}

// --- Money, integers, postnummer ----------------------------------------------------------------

TEST(Money, Formats)
{
    EXPECT_EQ(parseMoney("4 800 kr"), 4800);
    EXPECT_EQ(parseMoney("4800:-"), 4800);
    EXPECT_EQ(parseMoney("4 800:-"), 4800);
    EXPECT_EQ(parseMoney("4800"), 4800);
    EXPECT_EQ(parseMoney("4.800"), 4800);
    EXPECT_EQ(parseMoney("4 800 kronor"), 4800);
    EXPECT_EQ(parseMoney("SEK 4800"), 4800);
    EXPECT_EQ(parseMoney("4\xC2\xA0" "800 kr"), 4800);       // no-break space
    EXPECT_EQ(parseMoney("1 234 567 kr"), 1234567);
    EXPECT_EQ(parseMoney("5 800 kr/mån"), 5800);
    EXPECT_EQ(parseMoney("0"), 0);
}

TEST(Money, OreRoundHalfUp)
{
    EXPECT_EQ(parseMoney("4 800,50"), 4801);
    EXPECT_EQ(parseMoney("4 800,49"), 4800);
    EXPECT_EQ(parseMoney("4 800,5"), 4801);
    EXPECT_EQ(parseMoney("4800.50 kr"), 4801);
    EXPECT_EQ(parseMoney("4 800,00 kr"), 4800);
}

TEST(Money, RejectsWhatIsNotAnAmount)
{
    EXPECT_FALSE(parseMoney("-500"));
    EXPECT_FALSE(parseMoney("4 8O0"));
    EXPECT_FALSE(parseMoney("kr"));
    EXPECT_FALSE(parseMoney(""));
    EXPECT_FALSE(parseMoney("4,800,50"));
}

TEST(Integers, CountsWithUnits)
{
    EXPECT_EQ(parseInteger("3"), 3);
    EXPECT_EQ(parseInteger("3 st"), 3);
    EXPECT_EQ(parseInteger("2 rok"), 2);
    EXPECT_EQ(parseInteger("2 rum och kök"), 2);
    EXPECT_EQ(parseInteger("två"), 2);
    EXPECT_EQ(parseInteger("Inga"), 0);
    EXPECT_FALSE(parseInteger("-3"));
    EXPECT_FALSE(parseInteger("2-3"));
    EXPECT_FALSE(parseInteger("många"));
}

TEST(Postnummer, Formats)
{
    EXPECT_EQ(parsePostnummer("57331"), "573 31");
    EXPECT_EQ(parsePostnummer("573 31"), "573 31");
    EXPECT_EQ(parsePostnummer("SE-573 31"), "573 31");
    EXPECT_EQ(parsePostnummer("S-573 31"), "573 31");
    EXPECT_EQ(parsePostnummer("573 31 Vetlanda"), "573 31");
    EXPECT_FALSE(parsePostnummer("5733"));
    EXPECT_FALSE(parsePostnummer("573311"));
    EXPECT_FALSE(parsePostnummer("073 31"));
    EXPECT_FALSE(parsePostnummer("57B 31"));
}

// --- Holidays and arbetsdagar -------------------------------------------------------------------

struct EasterYear {
    int year;
    Date langfredag;
    Date annandagPask;
    Date kristiHimmelsfard;
    Date midsommarafton;
};

class EasterHolidays : public ::testing::TestWithParam<EasterYear> {};

TEST_P(EasterHolidays, AreNotArbetsdagar)
{
    const auto& y = GetParam();
    EXPECT_TRUE(isPublicHoliday(y.langfredag));
    EXPECT_TRUE(isPublicHoliday(y.annandagPask));
    EXPECT_TRUE(isPublicHoliday(y.kristiHimmelsfard));
    EXPECT_TRUE(isPublicHoliday(y.midsommarafton));
    EXPECT_FALSE(isArbetsdag(y.langfredag));
    EXPECT_FALSE(isArbetsdag(y.annandagPask));
    EXPECT_FALSE(isArbetsdag(y.kristiHimmelsfard));
    EXPECT_FALSE(isArbetsdag(y.midsommarafton));
    // The Thursday before långfredag (skärtorsdag) and the Tuesday after annandag påsk are working days.
    EXPECT_TRUE(isArbetsdag(Date{sys_days{y.langfredag} - days{1}}));
    EXPECT_TRUE(isArbetsdag(Date{sys_days{y.annandagPask} + days{1}}));
    // A Thursday three weeks before Kristi himmelsfärd is not a holiday.
    EXPECT_FALSE(isPublicHoliday(Date{sys_days{y.kristiHimmelsfard} - days{21}}));
}

INSTANTIATE_TEST_SUITE_P(
    Years2024To2027, EasterHolidays,
    ::testing::Values(
        EasterYear{2024, ymd(2024, 3, 29), ymd(2024, 4, 1), ymd(2024, 5, 9), ymd(2024, 6, 21)},
        EasterYear{2025, ymd(2025, 4, 18), ymd(2025, 4, 21), ymd(2025, 5, 29), ymd(2025, 6, 20)},
        EasterYear{2026, ymd(2026, 4, 3), ymd(2026, 4, 6), ymd(2026, 5, 14), ymd(2026, 6, 19)},
        EasterYear{2027, ymd(2027, 3, 26), ymd(2027, 3, 29), ymd(2027, 5, 6), ymd(2027, 6, 25)}));

TEST(Holidays, FixedAndMovable)
{
    EXPECT_TRUE(isPublicHoliday(ymd(2026, 1, 1)));
    EXPECT_TRUE(isPublicHoliday(ymd(2026, 1, 6)));
    EXPECT_TRUE(isPublicHoliday(ymd(2026, 5, 1)));
    EXPECT_TRUE(isPublicHoliday(ymd(2026, 6, 6)));
    EXPECT_TRUE(isPublicHoliday(ymd(2026, 12, 24)));
    EXPECT_TRUE(isPublicHoliday(ymd(2026, 12, 25)));
    EXPECT_TRUE(isPublicHoliday(ymd(2026, 12, 26)));
    EXPECT_TRUE(isPublicHoliday(ymd(2026, 12, 31)));
    EXPECT_TRUE(isPublicHoliday(ymd(2026, 5, 24)));    // pingstdagen
    EXPECT_TRUE(isPublicHoliday(ymd(2026, 6, 20)));    // midsommardagen
    EXPECT_TRUE(isPublicHoliday(ymd(2026, 10, 31)));   // alla helgons dag
    EXPECT_TRUE(isPublicHoliday(ymd(2025, 11, 1)));
    EXPECT_FALSE(isPublicHoliday(ymd(2026, 5, 25)));   // annandag pingst is no longer a holiday
    EXPECT_FALSE(isPublicHoliday(ymd(2026, 10, 16)));
    EXPECT_FALSE(isPublicHoliday(ymd(2026, 6, 18)));
}

TEST(Arbetsdagar, WeekendsAreNotArbetsdagar)
{
    EXPECT_TRUE(isArbetsdag(ymd(2026, 10, 16)));    // Friday
    EXPECT_FALSE(isArbetsdag(ymd(2026, 10, 17)));   // Saturday
    EXPECT_FALSE(isArbetsdag(ymd(2026, 10, 18)));   // Sunday
}

TEST(Arbetsdagar, AddSkipsWeekendsAndHolidays)
{
    EXPECT_EQ(addArbetsdagar(ymd(2026, 10, 16), 1), ymd(2026, 10, 19));   // Fri → Mon
    EXPECT_EQ(addArbetsdagar(ymd(2026, 3, 31), 3), ymd(2026, 4, 7));      // over påsk
    EXPECT_EQ(addArbetsdagar(ymd(2026, 4, 1), 10), ymd(2026, 4, 17));
    EXPECT_EQ(addArbetsdagar(ymd(2026, 12, 23), 1), ymd(2026, 12, 28));   // over jul
    EXPECT_EQ(addArbetsdagar(ymd(2026, 10, 17), 0), ymd(2026, 10, 17));
    EXPECT_EQ(addArbetsdagar(ymd(2026, 10, 19), -1), ymd(2026, 10, 16));
}

TEST(Arbetsdagar, NextOnOrAfter)
{
    EXPECT_EQ(nextArbetsdagOnOrAfter(ymd(2026, 10, 16)), ymd(2026, 10, 16));
    EXPECT_EQ(nextArbetsdagOnOrAfter(ymd(2026, 10, 17)), ymd(2026, 10, 19));
    EXPECT_EQ(nextArbetsdagOnOrAfter(ymd(2026, 6, 19)), ymd(2026, 6, 22));   // midsommarafton
    EXPECT_EQ(nextArbetsdagOnOrAfter(ymd(2026, 4, 3)), ymd(2026, 4, 7));     // långfredag
}

// --- Long text ----------------------------------------------------------------------------------

// Found by tests/fuzz/value_normaliser_fuzz: std::regex recursed once per character, so a long
// AcroForm value or request body ("belopp") overflowed the daemon's stack.
TEST(LongText, IsNoValueAndDoesNotExhaustTheStack)
{
    const std::string digits(1'000'000, '1');
    const std::string letters(1'000'000, 'k');
    const std::string clockWords = "2026-10-17" + std::string(1'000'000, ',') + "10.32";
    EXPECT_FALSE(parseMoney(digits));
    EXPECT_FALSE(parseInteger(letters));
    EXPECT_FALSE(parseDate(clockWords));
    EXPECT_FALSE(parseDate(digits));
    EXPECT_FALSE(parseMonth(letters));
    EXPECT_FALSE(parseTime(digits));
    EXPECT_FALSE(parsePostnummer(digits));
    EXPECT_FALSE(parsePersonnummer(digits, documentDate));
    EXPECT_FALSE(parseOrganisationsnummer(digits, documentDate));
}

TEST(LongText, AValueOf256BytesIsStillRead)
{
    const std::string padded = std::string(120, ' ') + "4 800 kr" + std::string(128, ' ');
    ASSERT_EQ(padded.size(), 256u);
    EXPECT_EQ(parseMoney(padded), 4800);
    EXPECT_FALSE(parseMoney(padded + " "));
}

// --- Masking ------------------------------------------------------------------------------------

TEST(Masking, HidesTheLastFourDigits)
{
    EXPECT_EQ(maskPersonnummer("pnr 19121212-1212 ok"), "pnr 19121212-**** ok");
    EXPECT_EQ(maskPersonnummer("121212-1212"), "121212-****");
    EXPECT_EQ(maskPersonnummer("121212+1212"), "121212-****");
    EXPECT_EQ(maskPersonnummer("191212121212"), "19121212-****");
    EXPECT_EQ(maskPersonnummer("1212121212,"), "121212-****,");
    EXPECT_EQ(maskPersonnummer("19121212 1212"), "19121212-****");
    EXPECT_EQ(maskPersonnummer("a 19121212-1212 och 701063-2391."), "a 19121212-**** och 701063-****.");
}

TEST(Masking, LeavesOtherNumbersAlone)
{
    EXPECT_EQ(maskPersonnummer("Dnr SN 2026/123, 4 800 kr, 573 31"), "Dnr SN 2026/123, 4 800 kr, 573 31");
    EXPECT_EQ(maskPersonnummer("2026-10-17"), "2026-10-17");
    EXPECT_EQ(maskPersonnummer("1234567890123"), "1234567890123");
}
