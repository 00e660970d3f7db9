// Untrusted-ish input: a letter template (forms/<id>/letters/*.tmpl) as a kommun's
// administrator writes it, parsed and expanded by letters::LetterTemplate with the values the
// letter renderer supplies (some empty, so that {{#x}} and {{^x}} sections both run) and a
// @poster table.
// Contract checked: layout blocks, or TemplateError naming what is wrong; nothing else escapes.

#include "letters/LetterTemplate.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace inkorg::letters;

const TemplateValues& values()
{
    static const TemplateValues values{
        {"kommun.namn", "Växjö kommun"}, {"kommun.namnd", "Socialnämnden"}, {"kommun.adress", "Box 1222\n351 12 Växjö"},
        {"kommun.telefon", "0470-410 00"}, {"kommun.epost", ""}, {"diarienummer", "SN 2026/17"},
        {"datum", "2026-03-01"}, {"datum.text", "1 mars 2026"}, {"formular", "Ansökan om ekonomiskt bistånd"},
        {"mottagare.namn", "Anna {{Andersson}}"}, {"mottagare.adress", ""}, {"handlaggare", "Kim"},
        {"handlaggare.kontakt", ""}, {"beslut", "bifall"}, {"bifall", "ja"}, {"avslag", ""}, {"delvis", ""},
        {"belopp", "4 800 kr"}, {"period", ""}, {"period.kod", ""}, {"motivering", "Behovet är styrkt.\n\nSe bilaga."},
        {"lagrum", "4:1"}, {"lagrum=4:1", "ja"}, {"poster", "ja"}, {"sokt.summa", "4 800 kr"}, {"inkom", "2026-02-27"},
        {"inkom.text", ""}, {"field.sokande_namn", "Anna"}};
    return values;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const TemplateTable poster{{{"Hyra", "4 000", "4 000", "4 000"}, {"Summa", "4 000", "4 000", "4 000"}}};
    try {
        const LetterTemplate letter(std::string(reinterpret_cast<const char*>(data), size), "fuzz.tmpl");
        letter.render(values(), poster);
    } catch (const TemplateError&) {
    }
    return 0;
}
