#include "support/NumberedForms.hpp"

#include "support/Command.hpp"

#include <Poco/JSON/Object.h>

#include <fstream>
#include <stdexcept>
#include <string>

namespace inkorg::test {
namespace fs = std::filesystem;
namespace {

const std::vector<std::string> kNames = {
    "Anders Berg", "Karin Ödmark", "Lena Åberg",  "Olof Nilsson", "Maria Lind",  "Johan Ek",
    "Sara Holm",   "Per Sjöberg",  "Eva Dahl",    "Nils Strand",  "Ingrid Falk", "Erik Lund",
    "Anna Björk",  "Lars Hed",     "Greta Wall",  "Sven Ström",   "Elin Sand",   "Gustav Fors",
    "Hanna Vik",   "Oskar Ring",   "Maja Borg",   "Axel Alm",     "Ida Kvist",   "Viktor Ahl"};

/// The form id and its values for the `index`th form.
std::pair<std::string, Poco::JSON::Object> formValues(int index)
{
    const std::string name = kNames[static_cast<std::size_t>(index) % kNames.size()] + " " + std::to_string(index);
    Poco::JSON::Object values;
    if (index % 2 == 0) {
        values.set("rapportor_namn", name);
        values.set("rapportor_befattning", "Undersköterska");
        values.set("verksamhet", "Solgårdens äldreboende");
        values.set("verksamhetsomrade", "aldreomsorg");
        values.set("handelse_datum", "2026-10-28");
        values.set("upptackt_datum", "2026-10-29");
        values.set("beskrivning", "En boende fick fel läkemedel vid kvällsmedicineringen.");
        values.set("omedelbara_atgarder", "Läkare kontaktades.");
        values.set("bedomning", "pataglig_risk");
        values.set("rapport_datum", "2026-10-30");
        return {"lex_sarah", values};
    }
    values.set("sokande_personnummer", "19850312-2387");
    values.set("sokande_namn", name);
    values.set("sokande_adress", "Storgatan 12");
    values.set("sokande_postnummer", "574 31");
    values.set("sokande_ort", "Vetlanda");
    values.set("antal_barn", "1");
    values.set("ansokan_manad", "2026-11");
    values.set("boendeform", "hyresratt");
    values.set("hyra", "6200");
    values.set("sokt_belopp", "9800");
    values.set("underskrift_datum", "2026-11-02");
    return {"ekonomiskt_bistand", values};
}

} // namespace

fs::path makeForm(const fs::path& folder, int index, bool scanned)
{
    const auto [form, values] = formValues(index);
    fs::create_directories(folder);
    const fs::path valuesFile = folder / ("values-" + std::to_string(index) + ".json");
    {
        std::ofstream out(valuesFile);
        values.stringify(out);
    }
    const fs::path pdf = folder / ("handling-" + std::to_string(index) + ".pdf");
    const fs::path png = folder / ("skanning-" + std::to_string(index) + ".png");
    std::vector<std::string> formgen{std::string(INKORG_BUILD_DIR) + "/tools/formgen", "--form", form, "--layout",
                                     "rutor", "--values", valuesFile.string(), "-o", pdf.string()};
    if (scanned) formgen.insert(formgen.end(), {"--png", png.string(), "--dpi", "300", "--skew", "0.6", "--noise", "2"});
    const auto result = run(formgen);
    fs::remove(valuesFile);
    if (result.exitCode != 0) throw std::runtime_error("formgen failed: " + result.err);
    if (!scanned) return pdf;
    fs::remove(pdf);
    return png;
}

std::vector<fs::path> makeForms(const fs::path& folder, int count, bool scanned)
{
    std::vector<fs::path> files;
    for (int i = 0; i < count; ++i) files.push_back(makeForm(folder, i, scanned));
    return files;
}

} // namespace inkorg::test
