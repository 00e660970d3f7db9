// The delegationsordning as data (forms/delegation.json) and the small pieces of a decision:
// posts, the letter font's coverage, the counted period, the motivering with refused posts.
#include "decisions/DecisionMotivering.hpp"
#include "decisions/DecisionPost.hpp"
#include "decisions/Delegationsordning.hpp"
#include "decisions/LetterText.hpp"
#include "decisions/SokandeDecisions.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace inkorg::decisions;

namespace {

const std::filesystem::path kDelegationFile = std::filesystem::path(INKORG_SOURCE_DIR) / "forms" / "delegation.json";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

DelegationQuestion bistand(const std::string& roll, long long belopp, long long tidigare = 0, int persons = 1)
{
    DelegationQuestion question;
    question.roll = roll;
    question.formId = "ekonomiskt_bistand";
    question.lagrum = "12:1";
    question.year = 2026;
    question.persons = persons;
    question.belopp = belopp;
    question.tidigareBelopp = tidigare;
    return question;
}

TEST(Delegationsordning, TheShippedTableHasThePrisbasbeloppAndRoles)
{
    const auto ordning = Delegationsordning::load(kDelegationFile);
    EXPECT_EQ(ordning.prisbasbelopp(2024), 57300);
    EXPECT_EQ(ordning.prisbasbelopp(2025), 58800);
    EXPECT_EQ(ordning.prisbasbelopp(2026), 59200);
    EXPECT_FALSE(ordning.prisbasbelopp(2019));
    EXPECT_EQ(ordning.standardroll(), "socialsekreterare");
    EXPECT_EQ(ordning.canonicalRole("handläggare"), "socialsekreterare") << "a user's role works as an alias";
    EXPECT_EQ(ordning.canonicalRole("Gruppledare"), "gruppledare");
    EXPECT_FALSE(ordning.canonicalRole("registrator"));
    EXPECT_EQ(ordning.omrade("ekonomiskt_bistand"), "Ekonomiskt bistånd");
    EXPECT_TRUE(ordning.notDecidableReason("lex_sarah"));
    EXPECT_TRUE(ordning.notDecidableReason("orosanmalan"));
    EXPECT_EQ(ordning.countingMonths("ekonomiskt_bistand"), 12);
    for (const auto& rule : ordning.rules())   // only verified provisions (8 kap. 2 § alkohollagen was not)
        EXPECT_EQ(rule.beskrivning.find("8 kap. 2 §"), std::string::npos) << rule.punkt << ": " << rule.beskrivning;
}

TEST(Delegationsordning, LimitsFollowPrisbasbeloppAndHousehold)
{
    const auto ordning = Delegationsordning::load(kDelegationFile);
    // socialsekreterare 2026, one person: 50 % of 59 200.
    auto verdict = ordning.check(bistand("socialsekreterare", 29600));
    EXPECT_TRUE(verdict.allowed) << verdict.reason;
    EXPECT_EQ(verdict.limit, 29600);
    ASSERT_NE(verdict.rule, nullptr);
    EXPECT_EQ(verdict.rule->punkt, "3.1.1");
    EXPECT_FALSE(ordning.check(bistand("socialsekreterare", 29601)).allowed);
    // Two adults and two children: 50 % + 3 × 25 % = 125 % of 59 200 = 74 000.
    EXPECT_EQ(ordning.check(bistand("handläggare", 74000, 0, 4)).limit, 74000);
    EXPECT_TRUE(ordning.check(bistand("handläggare", 74000, 0, 4)).allowed);
    EXPECT_FALSE(ordning.check(bistand("handläggare", 74001, 0, 4)).allowed);
    // Gruppledare: 100 % of the prisbasbelopp whatever the household (the Nässjö seed).
    EXPECT_TRUE(ordning.check(bistand("gruppledare", 59200)).allowed);
    EXPECT_FALSE(ordning.check(bistand("gruppledare", 59201)).allowed);
    EXPECT_EQ(ordning.check(bistand("gruppledare", 1, 0, 4)).limit, 59200) << "no share per further person";
    // 2024 uses 2024's prisbasbelopp.
    auto in2024 = bistand("socialsekreterare", 28650);
    in2024.year = 2024;
    EXPECT_TRUE(ordning.check(in2024).allowed);
    in2024.belopp = 28651;
    EXPECT_FALSE(ordning.check(in2024).allowed);
}

TEST(Delegationsordning, RefusalSaysDelegationNamesTheRuleAndCountsEarlierDecisions)
{
    const auto ordning = Delegationsordning::load(kDelegationFile);
    const auto verdict = ordning.check(bistand("socialsekreterare", 9800, 21000));
    ASSERT_FALSE(verdict.allowed);
    EXPECT_TRUE(contains(verdict.reason, "delegation")) << verdict.reason;
    EXPECT_TRUE(contains(verdict.reason, "punkt 3.1.1")) << verdict.reason;
    EXPECT_TRUE(contains(verdict.reason, "29 600 kr")) << verdict.reason;
    EXPECT_TRUE(contains(verdict.reason, "30 800 kr")) << "the cumulative sum: " << verdict.reason;
    EXPECT_TRUE(contains(verdict.reason, "21 000 kr i tidigare beslut")) << verdict.reason;
    EXPECT_TRUE(contains(verdict.reason, "gruppledare (punkt 3.1.2)")) << "who may decide instead: " << verdict.reason;
    EXPECT_TRUE(ordning.check(bistand("socialsekreterare", 8600, 21000)).allowed) << "29 600 exactly is within";
}

TEST(Delegationsordning, RefusesUnknownRolesAreasLagrumAndYears)
{
    const auto ordning = Delegationsordning::load(kDelegationFile);
    const auto unknownRole = ordning.check(bistand("registrator", 100));
    EXPECT_FALSE(unknownRole.allowed);
    EXPECT_TRUE(contains(unknownRole.reason, "delegation")) << unknownRole.reason;

    auto servering = bistand("gruppledare", 0);
    servering.formId = "serveringstillstand";
    servering.arende = "serveringstillstand_tillfalligt";
    servering.lagrum = "8kap";
    EXPECT_TRUE(ordning.check(servering).allowed);
    servering.arende = "serveringstillstand_stadigvarande";
    const auto permanent = ordning.check(servering);
    EXPECT_FALSE(permanent.allowed) << "the nämnd decides new and changed permanent permits";
    EXPECT_TRUE(contains(permanent.reason, "punkt 8.3")) << permanent.reason;
    servering.roll = "namnd";
    EXPECT_TRUE(ordning.check(servering).allowed) << "the nämnd itself may";

    auto lagrum = bistand("socialsekreterare", 100);
    lagrum.lagrum = "11:1";
    const auto wrongLagrum = ordning.check(lagrum);
    EXPECT_FALSE(wrongLagrum.allowed);
    EXPECT_TRUE(contains(wrongLagrum.reason, "11:1")) << wrongLagrum.reason;

    auto future = bistand("socialsekreterare", 100);
    future.year = 2031;
    const auto noPrisbasbelopp = ordning.check(future);
    EXPECT_FALSE(noPrisbasbelopp.allowed);
    EXPECT_TRUE(contains(noPrisbasbelopp.reason, "prisbasbeloppet för 2031")) << noPrisbasbelopp.reason;
}

TEST(Delegationsordning, AMissingPrisbasbeloppIsSaidAtStartInDecemberForTheComingYear)
{
    using namespace std::chrono;
    const auto ordning = Delegationsordning::parse(
        R"({"standardroll":"a","prisbasbelopp":{"2025":58800,"2026":59200},"roller":{"a":{}},"regler":[]})");
    EXPECT_TRUE(missingPrisbasbelopp(ordning, 2026y / November / 30).empty());
    const auto december = missingPrisbasbelopp(ordning, 2026y / December / 7);
    ASSERT_EQ(december.size(), 1u);
    EXPECT_NE(december[0].find("saknar prisbasbeloppet för 2027"), std::string::npos) << december[0];
    EXPECT_NE(december[0].find("från den 1 januari"), std::string::npos) << december[0];
    const auto january = missingPrisbasbelopp(ordning, 2027y / January / 1);
    ASSERT_EQ(january.size(), 1u);
    EXPECT_NE(january[0].find("nekas tills det läggs in"), std::string::npos) << january[0];
}

TEST(Delegationsordning, ConfigurationErrorsNameTheProblem)
{
    EXPECT_THROW(Delegationsordning::parse("{not json"), DelegationConfigError);
    try {
        Delegationsordning::parse(R"({"standardroll":"a","prisbasbelopp":{"2026":59200},"roller":{"a":{}},
            "omraden":{"x":{}},"regler":[{"punkt":"1","omrade":"x","roll":"b"}]})", "test.json");
        FAIL() << "a rule naming an unknown role must be refused";
    } catch (const DelegationConfigError& e) {
        EXPECT_TRUE(contains(e.what(), "test.json")) << e.what();
        EXPECT_TRUE(contains(e.what(), "rollen b")) << e.what();
    }
}

TEST(Delegationsordning, NamedDelegatesDecideByTheirBefattningarIncludingVidaredelegation)
{
    const auto ordning = Delegationsordning::parse(R"({"standardroll":"socialsekreterare","prisbasbelopp":{"2026":59200},
        "roller":{"socialsekreterare":{"alias":["handläggare"]},"gruppledare":{}},
        "omraden":{"ekonomiskt_bistand":{}},
        "delegater":{"hanna":{"befattningar":["handläggare"]},
                     "Ines Integrationsstrateg":{"befattningar":["socialsekreterare"],
                                                 "vidaredelegation":{"av":"förvaltningschefen","datum":"2020-03-12"}}},
        "regler":[{"punkt":"3.1.1","omrade":"ekonomiskt_bistand","roll":"socialsekreterare",
                   "grans":{"prisbasbelopp_andel":0.5}},
                  {"punkt":"3.1.2","omrade":"ekonomiskt_bistand","roll":"gruppledare",
                   "grans":{"prisbasbelopp_andel":1.0}}]})");
    auto asked = bistand("", 1000);
    asked.delegat = {"hanna", "Hanna Holm"};
    auto verdict = ordning.check(asked);
    EXPECT_TRUE(verdict.allowed) << verdict.reason;
    EXPECT_EQ(verdict.roll, "socialsekreterare") << "the delegat's own befattning";
    asked.roll = "gruppledare";
    verdict = ordning.check(asked);
    EXPECT_FALSE(verdict.allowed) << "hanna is no gruppledare, whatever her IT role";
    EXPECT_TRUE(contains(verdict.reason, "Hanna Holm har enligt delegationsordningen delegation som socialsekreterare"))
        << verdict.reason;

    auto stranger = bistand("socialsekreterare", 1000);
    stranger.delegat = {"olle", "Olle Okänd"};
    verdict = ordning.check(stranger);
    EXPECT_FALSE(verdict.allowed);
    EXPECT_TRUE(contains(verdict.reason, "Olle Okänd är inte delegat")) << verdict.reason;

    auto vidare = bistand("", 1000);
    vidare.delegat = {"", "ines integrationsstrateg"};
    verdict = ordning.check(vidare);
    ASSERT_TRUE(verdict.allowed) << verdict.reason;
    ASSERT_NE(verdict.delegat, nullptr);
    EXPECT_EQ(verdict.delegat->vidaredelegeradAv, "förvaltningschefen");
    EXPECT_EQ(verdict.delegat->vidaredelegeradDatum, "2020-03-12");
}

TEST(DecisionPost, ParsesGrantedSoughtAndReason)
{
    const auto post = parsePost("hyra=5800/6900:Hyran är högre än riktlinjen");
    EXPECT_EQ(post.name, "Hyra");
    EXPECT_EQ(post.beviljat, 5800);
    EXPECT_EQ(post.sokt, 6900);
    EXPECT_EQ(post.avslaget(), 1100);
    EXPECT_EQ(post.skal, "Hyran är högre än riktlinjen");
    EXPECT_EQ(parsePost("el=5 800 kr/5 800").beviljat, 5800);
    EXPECT_EQ(parsePost("försörjningsstöd=0/100").name, "Försörjningsstöd");

    for (const char* bad : {"hyra", "hyra=5800", "hyra=-5/100", "hyra=abc/100", "hyra=58,50/100", "=1/2", "hyra=200/100"})
        EXPECT_THROW(parsePost(bad), std::invalid_argument) << bad;
    try {
        parsePost("hyra=-5/100");
    } catch (const std::invalid_argument& e) {
        EXPECT_TRUE(contains(e.what(), "hela kronor")) << e.what();
    }
    EXPECT_THROW(requireValidPosts({{"Hyra", 1, 2, ""}, {"Hyra", 1, 2, ""}}), std::invalid_argument);

    const auto back = postsFromJson(postsJson({post}));
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].name, "Hyra");
    EXPECT_EQ(back[0].sokt, 6900);
    EXPECT_EQ(back[0].skal, post.skal);
}

TEST(LetterText, AcceptsWhatTheFontDrawsAndNamesWhatItCannot)
{
    EXPECT_NO_THROW(requireWritableInLetter("Åsa Öberg, Мария Иванова, Áilu Ŋuolja Đuođa – 5 800 €\nny rad", "Motiveringen"));
    try {
        requireWritableInLetter("Bra jobbat \xF0\x9F\x98\x80", "Motiveringen");
        FAIL() << "an emoji is not in the letter font";
    } catch (const std::invalid_argument& e) {
        EXPECT_TRUE(contains(e.what(), "Motiveringen")) << e.what();
        EXPECT_TRUE(contains(e.what(), "U+1F600")) << e.what();
    }
    EXPECT_THROW(requireWritableInLetter("\xC3", "Motiveringen"), std::invalid_argument) << "cut UTF-8";
    EXPECT_THROW(requireWritableInLetter("a\x01" "b", "Motiveringen"), std::invalid_argument) << "control character";
    EXPECT_THROW(requireWritableInLetter("\xE4\xB8\xAD", "Motiveringen"), std::invalid_argument) << "CJK is not in DejaVu Sans";
}

TEST(SokandeDecisions, PeriodStartIsTwelveMonthsBackPlusOneDay)
{
    EXPECT_EQ(periodStart("2026-11-22", 12), "2025-11-23");
    EXPECT_EQ(periodStart("2026-03-31", 1), "2026-03-01") << "28 February + 1 day";
    EXPECT_EQ(periodStart("2024-02-29", 12), "2023-03-01");
}

TEST(DecisionMotivering, DelvisListsTheRefusedPostsWithReasons)
{
    const std::vector<DecisionPost> posts{{"Försörjningsstöd", 6950, 6950, ""}, {"Hyra", 5800, 6900, "Hyran är för hög"}};
    const auto text = motiveringWithPosts("delvis", posts, "Vi har räknat enligt riksnormen.");
    EXPECT_TRUE(contains(text, "Det här beviljas inte:")) << text;
    EXPECT_TRUE(contains(text, "– Hyra: du sökte 6 900 kr och får 5 800 kr. 1 100 kr avslås. Hyran är för hög.")) << text;
    EXPECT_FALSE(contains(text, "Försörjningsstöd")) << "granted in full: not listed";
    EXPECT_TRUE(contains(text, "Vi har räknat enligt riksnormen.")) << text;
    EXPECT_EQ(motiveringWithPosts("bifall", posts, "M"), "M");
}

} // namespace
