// The day a letter is dated and a deadline counted from is the day in Sweden (Europe/Stockholm),
// whatever the machine's clock zone: the real `inkorg` binary run under faketime (libfaketime,
// TZ=UTC) at instants around midnight, on the days summer time begins and ends, and at new year.
#include "config/Settings.hpp"
#include "pipeline/Services.hpp"
#include "support/Command.hpp"
#include "support/RegisteredRecord.hpp"
#include "support/TempDir.hpp"

#include <gtest/gtest.h>

namespace inkorg::test {
namespace {

const char* kSarah = R"({"rapportor_namn":"Lena Lind","verksamhet":"Solgården","handelse_datum":"2026-03-01",
  "beskrivning":"Fallolycka","omedelbara_atgarder":"Larm"})";

class SwedishLetterDates : public ::testing::Test {
protected:
    SwedishLetterDates()
    {
        config::Overrides overrides;
        overrides.dataDir = data;
        pipeline::Services services(config::load(overrides));
        for (int i = 0; i < 6; ++i)
            diarienummer.push_back(registerRecord(services, std::string("lex_sarah"), kSarah, "rapport " + std::to_string(i),
                                                  std::nullopt, "2026-03-02T08:00:00.000Z").diarienummer);
    }

    /// `inkorg` with `arguments` as if the clock (in UTC) showed `utc`, "YYYY-MM-DD HH:MM:SS".
    CommandResult at(const std::string& utc, std::vector<std::string> arguments)
    {
        std::vector<std::string> argv{"/usr/bin/env", "TZ=UTC", "/usr/bin/faketime", "-f", "@" + utc, INKORG_BINARY};
        argv.insert(argv.end(), arguments.begin(), arguments.end());
        argv.insert(argv.end(), {"--data-dir", data.string()});
        return run(argv);
    }

    TempDir dir;
    std::filesystem::path data = dir / "var";
    std::vector<std::string> diarienummer;
};

TEST_F(SwedishLetterDates, TheReceiptIsDatedTheDayInSweden)
{
    struct Case {
        const char* utc;
        const char* day;
        const char* why;
    };
    for (const auto& [utc, day, why] : {Case{"2026-06-30 22:30:00", "2026-07-01", "00:30 summer time"},
                                        Case{"2026-03-28 23:30:00", "2026-03-29", "00:30 on the day summer time begins"},
                                        Case{"2026-10-24 22:30:00", "2026-10-25", "00:30 summer time, the night it ends"},
                                        Case{"2026-10-24 21:30:00", "2026-10-24", "23:30 summer time"},
                                        Case{"2026-10-25 23:30:00", "2026-10-26", "00:30 winter time again"},
                                        Case{"2026-12-31 23:30:00", "2027-01-01", "00:30 at new year"}}) {
        const auto receipt = at(utc, {"kvitto", diarienummer[0], "--text"});
        ASSERT_EQ(receipt.exitCode, 0) << receipt.err;
        EXPECT_NE(receipt.out.find(std::string("Datum: ") + day), std::string::npos) << why << " (" << utc << " UTC):\n" << receipt.out;
    }
}

TEST_F(SwedishLetterDates, ADeadlineCountsFromTheDayInSweden)
{
    // A bedömning made at 00:30 on 25 October in Sweden (22:30 UTC the day before) is of the 25th:
    // the anmälan to IVO is due two weeks later, on 8 November.
    const auto bedomning = at("2026-10-24 22:30:00", {"lex-sarah", "bedomning", diarienummer[1], "--allvarlig", "ja",
                                                      "--motivering", "Brukaren skadades.", "--handlaggare", "Lena Lind"});
    ASSERT_EQ(bedomning.exitCode, 0) << bedomning.err;
    EXPECT_NE(bedomning.out.find("senast 2026-11-08"), std::string::npos) << bedomning.out;
    const auto spring = at("2026-03-28 23:30:00", {"lex-sarah", "bedomning", diarienummer[2], "--allvarlig", "ja",
                                                   "--motivering", "Brukaren skadades.", "--handlaggare", "Lena Lind"});
    ASSERT_EQ(spring.exitCode, 0) << spring.err;
    EXPECT_NE(spring.out.find("senast 2026-04-12"), std::string::npos) << spring.out;
}

} // namespace
} // namespace inkorg::test
