// The legal model of each shipped form (form.json "beslut"): field roles, matters, decision types
// with their provisions and appeal routes, and the parts of a decision that owe an appeal notice.
#include "decisions/LegalModel.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace inkorg;
using namespace inkorg::decisions;

namespace {

LegalModel shipped(const std::string& formId)
{
    return LegalModel::load(std::filesystem::path(INKORG_SOURCE_DIR) / "forms" / formId / "form.json");
}

Record recordOf(std::map<std::string, Value> values)
{
    Record record;
    for (auto& [key, value] : values) record.fields[key].value = std::move(value);
    return record;
}

TEST(LegalModel, TwelveTwoHasTwoPartsWithTwoRoutes)
{
    const auto model = shipped("ekonomiskt_bistand");
    EXPECT_EQ(model.lagrumList(), "12:1 eller 12:2");
    const auto* twelveTwo = model.typ("12:2");
    ASSERT_NE(twelveTwo, nullptr);
    const auto refused = model.delar(*twelveTwo, "avslag");
    ASSERT_EQ(refused.size(), 2u);
    EXPECT_EQ(refused[0].typ->lagrum, "12:1");
    EXPECT_EQ(refused[0].typ->overklagande, Overklagande::Forvaltningsbesvar);
    EXPECT_TRUE(refused[0].overklagbar());
    EXPECT_EQ(refused[1].typ->overklagande, Overklagande::Laglighetsprovning);
    EXPECT_TRUE(refused[1].overklagbar());

    const auto granted = model.delar(*twelveTwo, "bifall");
    EXPECT_TRUE(granted[0].overklagbar()) << "the refusal under 12:1 stays appealable";
    EXPECT_FALSE(granted[1].overklagbar()) << "the part that wholly grants owes no notice";
    EXPECT_EQ(model.delar(*model.typ(""), "bifall").size(), 1u) << "12:1 is the default, one part";
    EXPECT_EQ(model.typ("4:1"), nullptr);
}

TEST(LegalModel, RolesGiveRecipientPartiesAddressAndHousehold)
{
    const auto model = shipped("ekonomiskt_bistand");
    const auto record = recordOf({{"sokande_namn", std::string("Karin Ödmark")}, {"medsokande_namn", std::string("Per Ödmark")},
                                  {"sokande_adress", std::string("Storgatan 4 B")}, {"sokande_postnummer", std::string("574 31")},
                                  {"sokande_ort", std::string("Vetlanda")}, {"antal_barn", 2LL},
                                  {"ansokan_manad", std::string("2026-11")}});
    EXPECT_EQ(model.mottagare(record), "Karin Ödmark");
    EXPECT_EQ(model.parter(record), std::vector<std::string>{"Per Ödmark"});
    EXPECT_EQ(model.adress(record), "Storgatan 4 B\n574 31 Vetlanda");
    EXPECT_EQ(model.hushall(record), 4);
    EXPECT_EQ(model.period(record), "2026-11");
    EXPECT_EQ(model.hushall(recordOf({{"sokande_namn", std::string("Karin")}})), 1);
}

TEST(LegalModel, ServeringstillstandMattersAndProvisionsPerOutcome)
{
    const auto model = shipped("serveringstillstand");
    EXPECT_EQ(model.arendeOf(recordOf({{"ansokan_avser", std::string("nytt")}}), "serveringstillstand")->id,
              "serveringstillstand_stadigvarande");
    EXPECT_EQ(model.arendeOf(recordOf({{"ansokan_avser", std::string("andrat")}}), "serveringstillstand")->id,
              "serveringstillstand_stadigvarande");
    EXPECT_EQ(model.arendeOf(recordOf({{"ansokan_avser", std::string("tillfalligt")}}), "serveringstillstand")->id,
              "serveringstillstand_tillfalligt");
    EXPECT_FALSE(model.arendeOf(recordOf({}), "serveringstillstand")) << "unread: no matter, no guess";
    const auto* typ = model.typ("");
    ASSERT_NE(typ, nullptr);
    EXPECT_NE(typ->bestammelserFor("bifall").find("19 § (serveringstider)"), std::string::npos);
    EXPECT_NE(typ->bestammelserFor("avslag").find("17 §"), std::string::npos);
    EXPECT_EQ(typ->beviljat.size(), 4u);
}

TEST(LegalModel, OnlyAStadigvarandePermitToAllmanhetenIsCitedUnder8Kap15)
{
    // 8 kap. 15 § alkohollagen (kök och mat): stadigvarande servering till allmänheten, not slutet
    // sällskap, catering, provsmakning or a tillfälligt tillstånd.
    const auto model = shipped("serveringstillstand");
    const auto* typ = model.typ("");
    ASSERT_NE(typ, nullptr);
    const auto permit = [](const char* avser, const char* typ) {
        return recordOf({{"ansokan_avser", std::string(avser)}, {"tillstandstyp", std::string(typ)}});
    };
    for (const char* utfall : {"bifall", "delvis", "avslag"}) {
        for (const char* avser : {"nytt", "andrat"}) {
            const auto allmanheten = permit(avser, "allmanheten");
            EXPECT_NE(typ->bestammelserFor(utfall, &allmanheten).find("15 § (kök och mat)"), std::string::npos) << utfall << avser;
            for (const char* other : {"slutet_sallskap", "catering", "provsmakning"}) {
                const auto record = permit(avser, other);
                EXPECT_EQ(typ->bestammelserFor(utfall, &record).find("15 §"), std::string::npos) << utfall << avser << other;
                EXPECT_NE(typ->bestammelserFor(utfall, &record).find("12 § (sökandens lämplighet)"), std::string::npos);
            }
        }
        const auto tillfalligt = permit("tillfalligt", "allmanheten");
        EXPECT_EQ(typ->bestammelserFor(utfall, &tillfalligt).find("15 §"), std::string::npos) << utfall;
        EXPECT_EQ(typ->bestammelserFor(utfall).find("8 kap. 2 §"), std::string::npos) << "8 kap. 2 § was not verified: " << utfall;
    }
}

TEST(LegalModel, RolesWithoutDecisionTypesNameTheMottagare)
{
    const auto model = shipped("lex_sarah");
    EXPECT_TRUE(model.empty()) << "nobody decides on a lex Sarah-rapport in inkorg";
    EXPECT_EQ(model.mottagare(recordOf({{"rapportor_namn", std::string("Lena Lind")}})), "Lena Lind");
    EXPECT_EQ(model.personnummerFields(), std::vector<std::string>{"berord_personnummer"});
}

TEST(LegalModel, BadModelsNameTheFileAndKey)
{
    EXPECT_TRUE(LegalModel::parse(R"({"id":"x"})", "x.json").empty()) << "a form without decisions";
    for (const char* json : {R"({"beslut":{"roller":{"mottagare":["a"]},"beslutstyper":[]}})",
                             R"({"beslut":{"roller":{"mottagare":["a"]},"beslutstyper":[{"lagrum":"1","overklagande":"hovrätten"}]}})",
                             R"({"beslut":{"roller":{"mottagare":["a"]},"beslutstyper":[{"lagrum":"2","provadForst":"1"}]}})",
                             R"({"beslut":{"beslutstyper":[{"lagrum":"1"}]}})"}) {
        try {
            LegalModel::parse(json, "x.json");
            ADD_FAILURE() << "accepted: " << json;
        } catch (const LegalModelError& e) {
            EXPECT_NE(std::string(e.what()).find("x.json: beslut"), std::string::npos) << e.what();
        }
    }
}

} // namespace
