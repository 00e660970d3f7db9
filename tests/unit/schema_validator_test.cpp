#include "validate/SchemaValidator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

using namespace inkorg;
using inkorg::validate::SchemaValidator;
namespace fs = std::filesystem;

namespace {

fs::path schemaOf(const std::string& formId)
{
    return fs::path(INKORG_SOURCE_DIR) / "schemas" / (formId + ".schema.json");
}

Record recordOf(std::initializer_list<std::pair<const std::string, Value>> values)
{
    Record record;
    for (const auto& [key, value] : values) record.fields[key].value = value;
    return record;
}

const ValidationIssue* issueOn(const std::vector<ValidationIssue>& issues, const std::string& field)
{
    auto it = std::find_if(issues.begin(), issues.end(),
                           [&](const ValidationIssue& issue) { return issue.field == field; });
    return it == issues.end() ? nullptr : &*it;
}

std::string describe(const std::vector<ValidationIssue>& issues)
{
    std::string text;
    for (const auto& issue : issues) text += issue.field.value_or("-") + " " + issue.code + ": " + issue.message + "\n";
    return text;
}

Record validServering()
{
    return recordOf({{"sokande_namn", std::string("Krogen i Vetlanda AB")},
                     {"organisationsnummer", std::string("556016-0680")},
                     {"serveringsstalle_namn", std::string("Krogen")},
                     {"serveringsstalle_adress", std::string("Storgatan 2")},
                     {"tillstandstyp", std::string("allmanheten")},
                     {"ansokan_avser", std::string("nytt")},
                     {"drycker", std::vector<std::string>{"starkol", "vin"}},
                     {"serveringstid_fran", std::string("11:00")},
                     {"serveringstid_till", std::string("01:00")},
                     {"antal_sittplatser", 40LL},
                     {"kontaktperson_namn", std::string("Kim Krögare")},
                     {"kontaktperson_epost", std::string("kim@krogen.se")},
                     {"ansokan_datum", std::string("2026-10-15")}});
}

Record validBistand()
{
    return recordOf({{"sokande_personnummer", std::string("19121212-1212")},
                     {"sokande_namn", std::string("Tolvan Tolvansson")},
                     {"sokande_adress", std::string("Storgatan 1")},
                     {"sokande_postnummer", std::string("574 31")},
                     {"sokande_ort", std::string("Vetlanda")},
                     {"ansokan_manad", std::string("2026-11")},
                     {"boendeform", std::string("hyresratt")},
                     {"hyra", 4800LL},
                     {"antal_barn", 0LL},
                     {"underskrift_datum", std::string("2026-10-17")}});
}

} // namespace

TEST(SchemaValidator, AllFourSchemasLoad)
{
    for (const char* form : {"ekonomiskt_bistand", "lex_sarah", "serveringstillstand", "orosanmalan"})
        EXPECT_NO_THROW(SchemaValidator{schemaOf(form)}) << form;
}

TEST(SchemaValidator, ValidRecordsHaveNoIssues)
{
    EXPECT_TRUE(SchemaValidator(schemaOf("serveringstillstand")).validate(validServering()).empty())
        << describe(SchemaValidator(schemaOf("serveringstillstand")).validate(validServering()));
    EXPECT_TRUE(SchemaValidator(schemaOf("ekonomiskt_bistand")).validate(validBistand()).empty());

    const Record oro = recordOf({{"barn_namn", std::string("Kim")},
                                 {"oro_beskrivning", std::string("Oro")},
                                 {"akut", true},
                                 {"anmalare_typ", std::string("skola")},
                                 {"anmalan_datum", std::string("2026-10-13")}});
    const auto issues = SchemaValidator(schemaOf("orosanmalan")).validate(oro);
    EXPECT_TRUE(issues.empty()) << describe(issues);
}

TEST(SchemaValidator, MissingRequiredFieldsAreNamedInSwedish)
{
    SchemaValidator validator(schemaOf("lex_sarah"));
    const auto issues = validator.validate(recordOf({{"rapportor_namn", std::string("Sara")}}));
    for (const char* key : {"verksamhet", "handelse_datum", "beskrivning", "omedelbara_atgarder", "rapport_datum"}) {
        const auto* issue = issueOn(issues, key);
        ASSERT_NE(issue, nullptr) << key << "\n" << describe(issues);
        EXPECT_EQ(issue->code, "required");
        EXPECT_EQ(issue->severity, Severity::Error);
    }
    EXPECT_EQ(issues.size(), 5u) << describe(issues);
    EXPECT_EQ(issueOn(issues, "handelse_datum")->message,
              "Datum för händelsen saknas – fyll i från handlingen eller begär komplettering");
}

TEST(SchemaValidator, PatternTypeEnumAndMinimumViolations)
{
    SchemaValidator validator(schemaOf("ekonomiskt_bistand"));
    Record record = validBistand();
    record.fields["sokande_personnummer"].value = std::string("1912121212");
    record.fields["hyra"].value = std::string("4 800 kr");
    record.fields["boendeform"].value = std::string("slott");
    record.fields["antal_barn"].value = -1LL;
    record.fields["sokande_postnummer"].value = std::string("57431");
    const auto issues = validator.validate(record);
    ASSERT_EQ(issues.size(), 5u) << describe(issues);
    EXPECT_EQ(issueOn(issues, "sokande_personnummer")->code, "schema.pattern");
    EXPECT_EQ(issueOn(issues, "sokande_postnummer")->code, "schema.pattern");
    EXPECT_EQ(issueOn(issues, "hyra")->code, "schema.type");
    EXPECT_EQ(issueOn(issues, "boendeform")->code, "schema.enum");
    EXPECT_EQ(issueOn(issues, "antal_barn")->code, "schema.minimum");
    EXPECT_NE(issueOn(issues, "sokande_personnummer")->message.find("Sökandes personnummer"), std::string::npos);
}

TEST(SchemaValidator, ArrayOfEnums)
{
    SchemaValidator validator(schemaOf("serveringstillstand"));
    Record record = validServering();
    record.fields["drycker"].value = std::vector<std::string>{"vin", "cider"};
    auto issues = validator.validate(record);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].field, "drycker");
    EXPECT_EQ(issues[0].code, "schema.enum");

    record.fields["drycker"].value = std::vector<std::string>{};
    issues = validator.validate(record);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].code, "schema.minItems");
}

TEST(SchemaValidator, BooleanAndTimeFields)
{
    Record record = validServering();
    record.fields["serveringstid_till"].value = std::string("1.00");
    auto issues = SchemaValidator(schemaOf("serveringstillstand")).validate(record);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].field, "serveringstid_till");

    const Record oro = recordOf({{"barn_namn", std::string("Kim")},
                                 {"oro_beskrivning", std::string("Oro")},
                                 {"akut", std::string("ja")},
                                 {"anmalan_datum", std::string("2026-10-13")}});
    issues = SchemaValidator(schemaOf("orosanmalan")).validate(oro);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].field, "akut");
    EXPECT_EQ(issues[0].code, "schema.type");
}

TEST(SchemaValidator, UnknownKeysAreRejected)
{
    Record record = validServering();
    record.fields["hemlig_nyckel"].value = std::string("x");
    const auto issues = SchemaValidator(schemaOf("serveringstillstand")).validate(record);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].field, "hemlig_nyckel");
    EXPECT_EQ(issues[0].code, "schema.additionalProperties");
}

TEST(SchemaValidator, EmptyTextIsReported)
{
    Record record = validServering();
    record.fields["kontaktperson_namn"].value = std::string("");
    const auto issues = SchemaValidator(schemaOf("serveringstillstand")).validate(record);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].code, "schema.minLength");
}

TEST(SchemaValidator, RecordAsJson)
{
    const std::string json = SchemaValidator::toJson(
        recordOf({{"a", 1LL}, {"b", true}, {"c", std::string("x")}, {"d", std::vector<std::string>{"y"}}}));
    EXPECT_EQ(json, R"({"a":1,"b":true,"c":"x","d":["y"]})");
}

TEST(SchemaValidator, UnreadableOrInvalidSchemaFilesThrowNamingTheFile)
{
    const fs::path missing = fs::path(INKORG_BUILD_DIR) / "no-such.schema.json";
    try {
        SchemaValidator validator(missing);
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
    }

    const fs::path broken = fs::path(INKORG_BUILD_DIR) / "broken.schema.json";
    {
        std::ofstream out(broken);
        out << "{ \"type\": \"object\", ";
    }
    EXPECT_THROW(SchemaValidator{broken}, std::runtime_error);

    {
        std::ofstream out(broken);
        out << R"({ "type": "object", "properties": { "a": { "type": 17 } } })";
    }
    EXPECT_THROW(SchemaValidator{broken}, std::runtime_error);
    fs::remove(broken);
}
