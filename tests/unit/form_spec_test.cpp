// form.json: the four forms load with the FORMS.md keys, types and registers; a bad file is
// refused with a message naming the file and the key.

#include "forms/FormSpec.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace inkorg::forms {
namespace {

std::string errorOf(const std::string& json)
{
    try {
        FormSpec::parse(json, "forms/test/form.json");
    } catch (const FormSpecError& e) {
        return e.what();
    }
    return "";
}

const std::string kValidPrefix = R"({"id": "t", "title": "Test", "register": "diarium", "publicDescription": "Test",)";

TEST(FormSpecTest, AllFormsLoadWithTheirRegisters)
{
    std::map<std::string, std::string> registers{{"ekonomiskt_bistand", "personakt"}, {"orosanmalan", "personakt"},
                                                 {"lex_sarah", "diarium"}, {"serveringstillstand", "diarium"}};
    for (const auto& id : test::formIds()) {
        auto spec = test::loadFormSpec(id);
        EXPECT_EQ(spec.id, id);
        EXPECT_EQ(spec.register_, registers.at(id));
        EXPECT_FALSE(spec.publicDescription.empty());
        EXPECT_GE(spec.titleVariants.size(), 3u);
        EXPECT_NE(std::find(spec.titleVariants.begin(), spec.titleVariants.end(), spec.title), spec.titleVariants.end());
        for (const auto& field : spec.fields) {
            EXPECT_FALSE(field.labels.empty()) << field.key;
            if (field.hasOptions()) EXPECT_FALSE(field.options.empty()) << field.key;
        }
    }
}

TEST(FormSpecTest, EkonomisktBistandMatchesFormsMd)
{
    auto spec = test::loadFormSpec("ekonomiskt_bistand");
    EXPECT_EQ(spec.publicDescription, "Ansökan om ekonomiskt bistånd");
    EXPECT_EQ(spec.fields.size(), 25u);
    const FieldSpec* pnr = spec.field("sokande_personnummer");
    ASSERT_NE(pnr, nullptr);
    EXPECT_EQ(pnr->type, FieldType::Personnummer);
    EXPECT_TRUE(pnr->required);
    EXPECT_EQ(pnr->labels, (std::vector<std::string>{"Personnummer", "Personnr", "Person-/samordningsnummer",
                                                     "Sökandes personnummer"}));
    const FieldSpec* boende = spec.field("boendeform");
    ASSERT_NE(boende, nullptr);
    EXPECT_EQ(boende->type, FieldType::Enum);
    std::vector<std::string> values;
    for (const auto& option : boende->options) values.push_back(option.value);
    EXPECT_EQ(values, (std::vector<std::string>{"hyresratt", "bostadsratt", "andrahand", "inneboende", "villa",
                                                "saknar_bostad"}));
    EXPECT_EQ(spec.field("hyra")->type, FieldType::Money);
    EXPECT_EQ(spec.field("ansokan_manad")->type, FieldType::Month);
    EXPECT_EQ(spec.field("nonexistent"), nullptr);
}

TEST(FormSpecTest, OtherFormsHaveTheirSpecialTypes)
{
    auto servering = test::loadFormSpec("serveringstillstand");
    EXPECT_EQ(servering.field("drycker")->type, FieldType::MultiEnum);
    EXPECT_EQ(servering.field("organisationsnummer")->type, FieldType::Organisationsnummer);
    EXPECT_EQ(servering.field("serveringstid_till")->type, FieldType::Time);
    EXPECT_EQ(servering.field("kontaktperson_epost")->type, FieldType::Email);
    EXPECT_TRUE(servering.senderIsPublic);
    auto oro = test::loadFormSpec("orosanmalan");
    EXPECT_EQ(oro.field("akut")->type, FieldType::Boolean);
    EXPECT_EQ(oro.field("oro_beskrivning")->type, FieldType::LongText);
    EXPECT_FALSE(oro.senderIsPublic);
    auto sarah = test::loadFormSpec("lex_sarah");
    EXPECT_EQ(sarah.field("bedomning")->options.size(), 2u);
}

TEST(FormSpecTest, BooleanGetsJaNejWhenNoOptionsAreGiven)
{
    auto spec = FormSpec::parse(kValidPrefix + R"("fields": [{"key": "akut", "type": "boolean", "labels": ["Akut"]}]})",
                                "x.json");
    ASSERT_EQ(spec.fields.front().options.size(), 2u);
    EXPECT_EQ(spec.fields.front().options[0].labels.front(), "Ja");
    EXPECT_EQ(spec.fields.front().options[1].value, "false");
}

TEST(FormSpecTest, BadFilesNameFileAndKey)
{
    EXPECT_NE(errorOf("{not json").find("forms/test/form.json"), std::string::npos);
    auto unknownType = errorOf(kValidPrefix + R"("fields": [{"key": "a", "type": "datum", "labels": ["A"]}]})");
    EXPECT_NE(unknownType.find("fields[0].type"), std::string::npos) << unknownType;
    EXPECT_NE(unknownType.find("datum"), std::string::npos) << unknownType;
    auto noLabels = errorOf(kValidPrefix + R"("fields": [{"key": "a", "type": "text"}]})");
    EXPECT_NE(noLabels.find("fields[0].labels"), std::string::npos) << noLabels;
    auto typo = errorOf(kValidPrefix + R"("feilds": []})");
    EXPECT_NE(typo.find("feilds"), std::string::npos) << typo;
    auto badRegister = errorOf(R"({"id": "t", "title": "T", "register": "arkiv", "publicDescription": "T", "fields": []})");
    EXPECT_NE(badRegister.find("register"), std::string::npos) << badRegister;
    auto enumWithoutOptions = errorOf(kValidPrefix + R"("fields": [{"key": "a", "type": "enum", "labels": ["A"]}]})");
    EXPECT_NE(enumWithoutOptions.find("fields[0].options"), std::string::npos) << enumWithoutOptions;
    auto duplicate = errorOf(kValidPrefix + R"("fields": [{"key": "a", "type": "text", "labels": ["A"]},)"
                                            R"({"key": "a", "type": "text", "labels": ["B"]}]})");
    EXPECT_NE(duplicate.find("fields[1].key"), std::string::npos) << duplicate;
    EXPECT_EQ(errorOf(kValidPrefix + R"("_kommentar": "ok", "fields": [{"key": "a", "type": "text", "labels": ["A"]}]})"),
              "");
}

TEST(FormSpecTest, MeaningAndTypeWordsAreRead)
{
    auto spec = FormSpec::parse(kValidPrefix + R"("typeWords": [{"type": "money", "words": ["belopp", "kronor"]}],)"
                                               R"("fields": [{"key": "el", "type": "money", "labels": ["El"],)"
                                               R"("meaning": ["ström", "elräkning"]}]})",
                                "forms/test/form.json");
    ASSERT_EQ(spec.typeWords.size(), 1u);
    EXPECT_EQ(spec.typeWords[0].type, FieldType::Money);
    EXPECT_EQ(spec.typeWords[0].words, (std::vector<std::string>{"belopp", "kronor"}));
    EXPECT_EQ(spec.fields[0].meaning, (std::vector<std::string>{"ström", "elräkning"}));

    auto unknownType = errorOf(kValidPrefix + R"("typeWords": [{"type": "pengar", "words": ["belopp"]}],)"
                                              R"("fields": [{"key": "a", "type": "text", "labels": ["A"]}]})");
    EXPECT_NE(unknownType.find("typeWords[0].type"), std::string::npos) << unknownType;
    EXPECT_NE(unknownType.find("pengar"), std::string::npos) << unknownType;
    auto noWords = errorOf(kValidPrefix + R"("typeWords": [{"type": "money"}],)"
                                          R"("fields": [{"key": "a", "type": "text", "labels": ["A"]}]})");
    EXPECT_NE(noWords.find("typeWords[0].words"), std::string::npos) << noWords;
}

TEST(FormSpecTest, MissingFileIsAClearError)
{
    try {
        FormSpec::load("/nonexistent/forms/x/form.json");
        FAIL() << "expected FormSpecError";
    } catch (const FormSpecError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/forms/x/form.json"), std::string::npos);
    }
}

} // namespace
} // namespace inkorg::forms
