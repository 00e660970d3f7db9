#include "support/FormSamples.hpp"

#include <stdexcept>

namespace inkorg::test {
namespace {

using Strings = std::vector<std::string>;

FormSample ekonomisktBistand()
{
    FormSample s;
    s.printed = {
        {"sokande_personnummer", "19121212-1212"}, {"sokande_namn", "Anna Andersson"},
        {"sokande_adress", "Storgatan 12 B"}, {"sokande_postnummer", "35230"}, {"sokande_ort", "Växjö"},
        {"sokande_telefon", "070-123 45 67"}, {"medsokande_personnummer", "811218-9876"},
        {"medsokande_namn", "Erik Ek"}, {"antal_barn", "2"}, {"ansokan_manad", "mars 2026"},
        {"boendeform", "hyresratt"}, {"antal_rum", "3"}, {"hyra", "6 900 kr"}, {"inkomst_lon", "12 500"},
        {"inkomst_barnbidrag", "2 500"}, {"inkomst_bostadsbidrag", "1 450,50"}, {"utgift_hushallsel", "450:-"},
        {"utgift_hemforsakring", "189"}, {"tillgangar_bank", "1 200"}, {"sokt_belopp", "8 000"},
        {"underskrift_datum", "20 februari 2026"},
    };
    s.expected = {
        {"sokande_personnummer", std::string("19121212-1212")}, {"sokande_namn", std::string("Anna Andersson")},
        {"sokande_adress", std::string("Storgatan 12 B")}, {"sokande_postnummer", std::string("352 30")},
        {"sokande_ort", std::string("Växjö")}, {"sokande_telefon", std::string("070-123 45 67")},
        {"medsokande_personnummer", std::string("19811218-9876")}, {"medsokande_namn", std::string("Erik Ek")},
        {"antal_barn", 2LL}, {"ansokan_manad", std::string("2026-03")}, {"boendeform", std::string("hyresratt")},
        {"antal_rum", 3LL}, {"hyra", 6900LL}, {"inkomst_lon", 12500LL}, {"inkomst_barnbidrag", 2500LL},
        {"inkomst_bostadsbidrag", 1451LL}, {"utgift_hushallsel", 450LL}, {"utgift_hemforsakring", 189LL},
        {"tillgangar_bank", 1200LL}, {"sokt_belopp", 8000LL}, {"underskrift_datum", std::string("2026-02-20")},
    };
    return s;
}

FormSample lexSarah()
{
    FormSample s;
    s.printed = {
        {"rapportor_namn", "Karin Berg"}, {"rapportor_befattning", "Undersköterska"},
        {"rapportor_telefon", "0470-41 000"}, {"verksamhet", "Solgårdens äldreboende, avdelning 2"},
        {"verksamhetsomrade", "aldreomsorg"}, {"handelse_datum", "2026-02-10"}, {"upptackt_datum", "11/2 2026"},
        {"berord_personnummer", "19550123-4560"}, {"berord_namn", "Gösta Lind"},
        {"beskrivning", "Brukaren fick inte sina läkemedel under tre dagar eftersom signeringslistan saknades. "
                        "Personalen upptäckte felet vid byte av dosett och kontaktade sjuksköterskan."},
        {"konsekvens", "Brukaren blev orolig och fick förhöjt blodtryck."},
        {"omedelbara_atgarder", "Läkemedlen gavs samma dag och ny rutin för signering infördes."},
        {"bedomning", "pataglig_risk"}, {"rapport_datum", "2026-02-12"},
    };
    s.expected = {
        {"rapportor_namn", std::string("Karin Berg")}, {"rapportor_befattning", std::string("Undersköterska")},
        {"rapportor_telefon", std::string("0470-41 000")},
        {"verksamhet", std::string("Solgårdens äldreboende, avdelning 2")},
        {"verksamhetsomrade", std::string("aldreomsorg")}, {"handelse_datum", std::string("2026-02-10")},
        {"upptackt_datum", std::string("2026-02-11")}, {"berord_personnummer", std::string("19550123-4560")},
        {"berord_namn", std::string("Gösta Lind")}, {"beskrivning", std::string(s.printed["beskrivning"])},
        {"konsekvens", std::string(s.printed["konsekvens"])},
        {"omedelbara_atgarder", std::string(s.printed["omedelbara_atgarder"])},
        {"bedomning", std::string("pataglig_risk")}, {"rapport_datum", std::string("2026-02-12")},
    };
    return s;
}

FormSample serveringstillstand()
{
    FormSample s;
    s.printed = {
        {"sokande_namn", "Krogen Vid Sjön AB"}, {"organisationsnummer", "5566778899"},
        {"serveringsstalle_namn", "Sjökrogen"}, {"serveringsstalle_adress", "Hamngatan 3, Växjö"},
        {"tillstandstyp", "allmanheten"}, {"ansokan_avser", "nytt"}, {"drycker", "starkol,vin,andra_jasta"},
        {"serveringstid_fran", "11.00"}, {"serveringstid_till", "kl. 1"}, {"antal_sittplatser", "60"},
        {"kontaktperson_namn", "Lars Holm"}, {"kontaktperson_telefon", "0470-123 45"},
        {"kontaktperson_epost", "lars.holm@sjokrogen.se"}, {"ansokan_datum", "2026-01-15"},
    };
    s.expected = {
        {"sokande_namn", std::string("Krogen Vid Sjön AB")}, {"organisationsnummer", std::string("556677-8899")},
        {"serveringsstalle_namn", std::string("Sjökrogen")},
        {"serveringsstalle_adress", std::string("Hamngatan 3, Växjö")},
        {"tillstandstyp", std::string("allmanheten")}, {"ansokan_avser", std::string("nytt")},
        {"drycker", Strings{"starkol", "vin", "andra_jasta"}}, {"serveringstid_fran", std::string("11:00")},
        {"serveringstid_till", std::string("01:00")}, {"antal_sittplatser", 60LL},
        {"kontaktperson_namn", std::string("Lars Holm")}, {"kontaktperson_telefon", std::string("0470-123 45")},
        {"kontaktperson_epost", std::string("lars.holm@sjokrogen.se")}, {"ansokan_datum", std::string("2026-01-15")},
    };
    return s;
}

FormSample orosanmalan()
{
    FormSample s;
    s.printed = {
        {"barn_namn", "Ella Nilsson"}, {"barn_personnummer", "20150315-2389"},
        {"barn_adress", "Björkvägen 4, Alvesta"}, {"vardnadshavare_namn", "Maria Nilsson"},
        {"anmalare_namn", "Per Svensson"}, {"anmalare_verksamhet", "Mariaskolan, klass 4"},
        {"anmalare_typ", "skola"}, {"anmalare_telefon", "0472-150 00"},
        {"oro_beskrivning", "Ella har kommit till skolan utan mat och med blåmärken på armarna flera gånger "
                            "den senaste månaden. Hon säger att hon inte vill gå hem."},
        {"akut", "false"}, {"vardnadshavare_informerad", "true"}, {"anmalan_datum", "2026-02-18"},
    };
    s.expected = {
        {"barn_namn", std::string("Ella Nilsson")}, {"barn_personnummer", std::string("20150315-2389")},
        {"barn_adress", std::string("Björkvägen 4, Alvesta")}, {"vardnadshavare_namn", std::string("Maria Nilsson")},
        {"anmalare_namn", std::string("Per Svensson")}, {"anmalare_verksamhet", std::string("Mariaskolan, klass 4")},
        {"anmalare_typ", std::string("skola")}, {"anmalare_telefon", std::string("0472-150 00")},
        {"oro_beskrivning", std::string(s.printed["oro_beskrivning"])}, {"akut", false},
        {"vardnadshavare_informerad", true}, {"anmalan_datum", std::string("2026-02-18")},
    };
    return s;
}

} // namespace

const std::vector<std::string>& formIds()
{
    static const std::vector<std::string> ids{"ekonomiskt_bistand", "lex_sarah", "serveringstillstand", "orosanmalan"};
    return ids;
}

forms::FormSpec loadFormSpec(const std::string& id)
{
    return forms::FormSpec::load(std::filesystem::path(INKORG_SOURCE_DIR) / "forms" / id / "form.json");
}

FormSample formSample(const std::string& id)
{
    if (id == "ekonomiskt_bistand") return ekonomisktBistand();
    if (id == "lex_sarah") return lexSarah();
    if (id == "serveringstillstand") return serveringstillstand();
    if (id == "orosanmalan") return orosanmalan();
    throw std::invalid_argument("no sample for " + id);
}

} // namespace inkorg::test
