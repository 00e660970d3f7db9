// Every form.json's "beslut" part is checked when the daemon starts: against
// schemas/beslut.schema.json and against the form's own fields; a broken part stops the start
// with a message naming the file and the place in it.
#include "decisions/LegalModels.hpp"

#include "support/TempDir.hpp"

#include <gtest/gtest.h>

#include <fstream>

using namespace inkorg;
using namespace inkorg::decisions;

namespace {

namespace fs = std::filesystem;

const fs::path kSource{INKORG_SOURCE_DIR};
const fs::path kSchema = kSource / "schemas" / "beslut.schema.json";

/// A forms folder with one form "x" whose form.json has `beslut` as its "beslut" part.
fs::path formsWith(const fs::path& dir, const std::string& beslut)
{
    fs::create_directories(dir / "x");
    std::ofstream(dir / "x" / "form.json")
        << R"({"id":"x","title":"X","register":"diarium","publicDescription":"X","fields":[)"
        << R"({"key":"namn","type":"text","labels":["Namn"]},{"key":"typ","type":"text","labels":["Typ"]}],)"
        << R"("beslut":)" << beslut << "}";
    return dir;
}

std::string refusal(const fs::path& formsDir)
{
    try {
        LegalModels models(formsDir, kSchema);
    } catch (const LegalModelError& e) {
        return e.what();
    }
    return "accepted";
}

Record recordOf(std::map<std::string, Value> values)
{
    Record record;
    for (auto& [key, value] : values) record.fields[key].value = std::move(value);
    return record;
}

TEST(LegalModels, EveryShippedFormLoadsAndItsRolesNameTheMottagare)
{
    const LegalModels models(kSource / "forms", kSchema);
    for (const char* form : {"ekonomiskt_bistand", "serveringstillstand", "lex_sarah", "orosanmalan"})
        EXPECT_NE(models.find(form), nullptr) << form;
    const auto krog = models.mottagareOf("serveringstillstand", recordOf({{"sokande_namn", std::string("Krogen AB")},
                                                                         {"sokande_adress", std::string("Box 17")},
                                                                         {"sokande_postnummer", std::string("574 21")},
                                                                         {"sokande_ort", std::string("Vetlanda")},
                                                                         {"serveringsstalle_adress", std::string("Torget 1")}}));
    EXPECT_EQ(krog.namn, "Krogen AB");
    EXPECT_EQ(krog.adress, "Box 17\n574 21 Vetlanda") << "the bolag's postal address, not the serveringsställe";
    EXPECT_EQ(models.mottagareOf("orosanmalan", recordOf({{"anmalare_namn", std::string("Skolan")}})).namn, "Skolan");
    EXPECT_EQ(models.mottagareOf("okand", recordOf({{"sokande_namn", std::string("N")}})).namn, "")
        << "no form, no roles: no name guessed from a field's name";
}

TEST(LegalModels, APartThatBreaksTheSchemaStopsTheStartNamingFileAndPlace)
{
    test::TempDir dir;
    const std::string route = refusal(formsWith(dir.path() / "a", R"({"roller":{"mottagare":["namn"]},
        "beslutstyper":[{"lagrum":"1","overklagande":"hovratten","bestammelser":{"*":"1 §"}}]})"));
    EXPECT_NE(route.find("x/form.json: delen beslut följer inte schemas/beslut.schema.json vid beslut.beslutstyper[0].overklagande"),
              std::string::npos) << route;
    const std::string outcome = refusal(formsWith(dir.path() / "b", R"({"roller":{"mottagare":["namn"]},
        "beslutstyper":[{"lagrum":"1","bestammelser":{"bifal":"1 §"}}]})"));
    EXPECT_NE(outcome.find("beslut.beslutstyper[0].bestammelser"), std::string::npos) << "a misspelt outcome: " << outcome;
    const std::string noProvisions = refusal(formsWith(dir.path() / "c", R"({"roller":{"mottagare":["namn"]},
        "beslutstyper":[{"lagrum":"1"}]})"));
    EXPECT_NE(noProvisions.find("beslut.beslutstyper[0]"), std::string::npos) << "FL 32 §: provisions are named: " << noProvisions;
    const std::string unknownKey = refusal(formsWith(dir.path() / "d", R"({"roller":{"mottagare":["namn"],"mottgare":["typ"]}})"));
    EXPECT_NE(unknownKey.find("beslut.roller"), std::string::npos) << unknownKey;
}

TEST(LegalModels, ARoleNamingAFieldTheFormDoesNotHaveStopsTheStart)
{
    test::TempDir dir;
    const std::string missing = refusal(formsWith(dir.path(), R"({"roller":{"mottagare":["sokande_namn"]}})"));
    EXPECT_NE(missing.find("x/form.json: delen beslut nämner fältet sokande_namn, som formuläret inte har"), std::string::npos)
        << missing;
}

TEST(LegalModels, AValidPartWithCommentsLoads)
{
    test::TempDir dir;
    EXPECT_EQ(refusal(formsWith(dir.path(), R"({"_kommentar":"k","roller":{"mottagare":["namn"]},
        "arenden":[{"id":"a","nar":{"typ":["ny"]}}],
        "beslutstyper":[{"lagrum":"1","bestammelser":{"_kommentar":"k","*":"1 §"},"bestammelserNar":[{"_kommentar":"k","nar":{"typ":["ny"]},"bestammelser":{"bifall":"2 §"}}]}]})")),
              "accepted");
}

} // namespace
