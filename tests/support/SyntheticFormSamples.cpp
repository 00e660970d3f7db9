#include "support/SyntheticFormSamples.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace inkorg::test {
namespace {

using namespace std::chrono;
using Strings = std::vector<std::string>;

const Strings kFirstNames{"Anna", "Erik", "Karin", "Lars", "Maria", "Johan", "Eva", "Per", "Sofia", "Mikael",
                          "Åsa", "Örjan", "Ingrid", "Björn", "Linnéa", "Göran", "Elsa", "Måns", "Ida", "Nils",
                          "Fatima", "Ahmed", "Leila", "Jonas", "Hanna", "Tove", "Oskar", "Märta", "Ali", "Sara"};
const Strings kLastNames{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
                         "Persson", "Svensson", "Gustafsson", "Pettersson", "Jönsson", "Öberg", "Åkesson",
                         "Lindqvist", "Bergström", "Håkansson", "Sjöberg", "Hussein", "Yilmaz", "Ek", "Holm"};
const Strings kStreets{"Storgatan", "Kyrkogatan", "Björkvägen", "Ängsvägen", "Skolgatan", "Järnvägsgatan",
                       "Östra Långgatan", "Södra vägen", "Hamngatan", "Lärkstigen", "Granvägen", "Prästgårdsgatan"};
const std::vector<std::pair<std::string, std::string>> kPlaces{
    {"57431", "Vetlanda"}, {"35230", "Växjö"},   {"34230", "Alvesta"}, {"57531", "Eksjö"},
    {"57131", "Nässjö"},   {"57631", "Sävsjö"},  {"55320", "Jönköping"}, {"57331", "Tranås"},
    {"57730", "Hultsfred"}, {"34330", "Älmhult"}};
const Strings kMonthNames{"januari", "februari", "mars", "april", "maj", "juni",
                          "juli", "augusti", "september", "oktober", "november", "december"};
const Strings kMonthShort{"jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"};

struct Ymd {
    int year;
    unsigned month, day;
};

std::string twoDigits(unsigned n)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02u", n % 100);
    return buffer;
}

std::string iso(const Ymd& d) { return std::to_string(d.year) + "-" + twoDigits(d.month) + "-" + twoDigits(d.day); }

Ymd fromDays(sys_days days)
{
    year_month_day ymd{days};
    return {int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

sys_days toDays(const Ymd& d) { return sys_days{year{d.year} / month{d.month} / day{d.day}}; }

/// Groups thousands with a space: 12500 → "12 500".
std::string grouped(long long amount)
{
    std::string digits = std::to_string(amount);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
        out += digits[i];
    }
    return out;
}

std::string asciiFolded(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += static_cast<char>(std::tolower(c));
            continue;
        }
        const std::string two = text.substr(i, 2);
        ++i;
        if (two == "å" || two == "ä" || two == "Å" || two == "Ä") out += 'a';
        else if (two == "ö" || two == "Ö") out += 'o';
        else if (two == "é") out += 'e';
    }
    return out;
}

/// A person or thing picker over one random engine.
class Dice {
public:
    explicit Dice(std::mt19937& random) : random_(random) {}
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(random_) < p; }
    template <typename T> const T& pick(const std::vector<T>& items) { return items[std::size_t(between(0, int(items.size()) - 1))]; }
    Ymd date(Ymd from, Ymd to)
    {
        const auto first = toDays(from).time_since_epoch().count(), last = toDays(to).time_since_epoch().count();
        return fromDays(sys_days{days{between(int(first), int(last))}});
    }
    std::string name() { return pick(kFirstNames) + " " + pick(kLastNames); }
    std::string street() { return pick(kStreets) + " " + std::to_string(between(1, 48)) + (chance(0.2) ? " B" : ""); }
    std::string phone()
    {
        if (chance(0.6))
            return "07" + std::to_string(between(0, 6)) + "-" + std::to_string(between(100, 999)) + " " +
                   twoDigits(unsigned(between(10, 99))) + " " + twoDigits(unsigned(between(10, 99)));
        return "0" + std::to_string(between(380, 479)) + "-" + std::to_string(between(100, 999)) + " " +
               twoDigits(unsigned(between(10, 99)));
    }
    std::mt19937& engine() { return random_; }

private:
    std::mt19937& random_;
};

/// A date as a person writes it; the record wants ISO.
std::string printedDate(Dice& dice, const Ymd& d)
{
    switch (dice.between(0, 4)) {
    case 0: return iso(d);
    case 1: return std::to_string(d.year) + twoDigits(d.month) + twoDigits(d.day);
    case 2: return std::to_string(d.day) + "/" + std::to_string(d.month) + " " + std::to_string(d.year);
    case 3: return std::to_string(d.day) + " " + kMonthShort[d.month - 1] + " " + std::to_string(d.year);
    default: return std::to_string(d.day) + " " + kMonthNames[d.month - 1] + " " + std::to_string(d.year);
    }
}

/// An amount as written ("4 800 kr", "4800:-", "4 800,50"); returns {printed, kronor}.
std::pair<std::string, long long> printedMoney(Dice& dice, long long kronor)
{
    switch (dice.between(0, 5)) {
    case 0: return {grouped(kronor) + " kr", kronor};
    case 1: return {std::to_string(kronor) + ":-", kronor};
    case 2: return {grouped(kronor), kronor};
    case 3: return {std::to_string(kronor), kronor};
    case 4: return {std::to_string(kronor) + " kr", kronor};
    default: return {grouped(kronor) + ",50", kronor + 1};
    }
}

/// A 12-digit number "YYYYMMDD-NNNN" printed as written: with or without dash, space, century.
std::string printedPersonnummer(Dice& dice, const std::string& twelve)
{
    const std::string digits = twelve.substr(0, 8) + twelve.substr(9);
    switch (dice.between(0, 4)) {
    case 0: return twelve;
    case 1: return digits;
    case 2: return twelve.substr(0, 8) + " " + twelve.substr(9);
    case 3: return twelve.substr(2);
    default: return digits.substr(2);
    }
}

/// Plants `fault` into a valid 12-digit personnummer, keeping the printed shape.
std::string plantFault(Dice& dice, const std::string& twelve, PlantedFault fault)
{
    std::string digits = twelve.substr(0, 8) + twelve.substr(9);
    if (fault == PlantedFault::CheckDigit) {
        digits[11] = char('0' + (digits[11] - '0' + dice.between(1, 9)) % 10);
    } else {
        // Month 13 (or day 32): no such date, but the Luhn digit is right for the digits.
        if (dice.chance(0.5)) digits.replace(4, 2, "13");
        else digits.replace(6, 2, "32");
        digits[11] = luhnCheckDigit(digits.substr(2, 9));
    }
    return digits.substr(0, 8) + "-" + digits.substr(8);
}

Strings sentencesFrom(const std::string& text)
{
    static const std::regex spaces("\\s+");
    static const std::regex allowed("^[A-ZÅÄÖ][A-Za-zÅÄÖåäöé0-9 ,.:;()-]*\\.$");
    static const std::regex brokenWord("[a-zåäö]- ");
    const std::string flat = std::regex_replace(text, spaces, " ");
    Strings sentences;
    std::size_t start = 0;
    for (std::size_t i = 0; i < flat.size(); ++i) {
        if (flat[i] != '.' || (i + 1 < flat.size() && flat[i + 1] != ' ')) continue;
        std::string sentence = flat.substr(start, i + 1 - start);
        start = i + 2;
        sentence.erase(0, sentence.find_first_not_of(' '));
        if (sentence.size() < 40 || sentence.size() > 170) continue;
        if (!std::regex_match(sentence, allowed) || std::regex_search(sentence, brokenWord)) continue;
        if (sentence.find("  ") != std::string::npos || sentence.find(" .") != std::string::npos || sentence.find(" - ") != std::string::npos)
            continue;
        sentences.push_back(sentence);
    }
    return sentences;
}

} // namespace

char luhnCheckDigit(const std::string& digits)
{
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        int d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += d > 9 ? d - 9 : d;
    }
    return char('0' + (10 - sum % 10) % 10);
}

std::string makePersonnummer(std::mt19937& random, int year, unsigned month, unsigned day, bool samordning)
{
    std::uniform_int_distribution<int> serial(0, 999);
    const std::string date = std::to_string(year) + twoDigits(month) + twoDigits(day + (samordning ? 60 : 0));
    char number[4];
    std::snprintf(number, sizeof number, "%03d", serial(random));
    const std::string nine = date.substr(2) + number;
    return date + "-" + number + luhnCheckDigit(nine);
}

std::string makeOrganisationsnummer(std::mt19937& random, int group)
{
    std::uniform_int_distribution<int> digit(0, 9), third(2, 9);
    std::string nine = std::to_string(group) + char('0' + digit(random)) + char('0' + third(random));
    while (nine.size() < 9) nine += char('0' + digit(random));
    const std::string ten = nine + luhnCheckDigit(nine);
    return ten.substr(0, 6) + "-" + ten.substr(6);
}

std::vector<std::string> seedSentences(const std::filesystem::path& seedsDir)
{
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(seedsDir))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    Strings all;
    for (const auto& file : files) {
        std::ifstream in(file);
        std::ostringstream content;
        content << in.rdbuf();
        auto found = sentencesFrom(content.str());
        all.insert(all.end(), found.begin(), found.end());
    }
    if (all.empty()) throw std::runtime_error("inga meningar i " + seedsDir.string());
    return all;
}

FormSampleGenerator::FormSampleGenerator(unsigned seed, std::vector<std::string> sentences)
    : random_(seed), sentences_(std::move(sentences))
{
}

GeneratedFormSample FormSampleGenerator::next(const std::string& formId, bool plantInvalid)
{
    if (formId == "ekonomiskt_bistand") return ekonomisktBistand(plantInvalid);
    if (formId == "lex_sarah") return lexSarah(plantInvalid);
    if (formId == "serveringstillstand") return serveringstillstand(plantInvalid);
    if (formId == "orosanmalan") return orosanmalan(plantInvalid);
    throw std::invalid_argument("okänd blankett " + formId);
}

namespace {

/// Collects printed text and expected values for one sample.
struct Filler {
    Dice& dice;
    GeneratedFormSample out;

    void set(const std::string& key, const std::string& printed, Value expected)
    {
        out.sample.printed[key] = printed;
        out.sample.expected[key] = std::move(expected);
    }
    void same(const std::string& key, const std::string& printed) { set(key, printed, printed); }
    void money(const std::string& key, long long low, long long high, long long step)
    {
        auto [printed, kronor] = printedMoney(dice, (dice.between(int(low / step), int(high / step))) * step);
        set(key, printed, kronor);
    }
    void date(const std::string& key, const Ymd& d) { set(key, printedDate(dice, d), iso(d)); }
    /// A personnummer for someone born between the years; planted when `fault` is given.
    void personnummer(const std::string& key, int fromYear, int toYear, std::optional<PlantedFault> fault = {})
    {
        Ymd birth = dice.date({fromYear, 1, 1}, {toYear, 12, 31});
        std::string twelve = makePersonnummer(dice.engine(), birth.year, birth.month, birth.day, dice.chance(0.1));
        if (fault) {
            twelve = plantFault(dice, twelve, *fault);
            out.sample.printed[key] = dice.chance(0.5) ? twelve : twelve.substr(0, 8) + twelve.substr(9);
            out.planted = PlantedInvalid{key, *fault};
            return;
        }
        set(key, printedPersonnummer(dice, twelve), twelve);
    }
    std::optional<PlantedFault> fault(bool plant)
    {
        if (!plant) return std::nullopt;
        return dice.chance(0.5) ? PlantedFault::CheckDigit : PlantedFault::ImpossibleDate;
    }
};

std::string sentences(Dice& dice, const Strings& pool, int count)
{
    std::string joined;
    for (int i = 0; i < count; ++i) joined += (joined.empty() ? "" : " ") + dice.pick(pool);
    return joined;
}

} // namespace

GeneratedFormSample FormSampleGenerator::ekonomisktBistand(bool plantInvalid)
{
    Dice dice(random_);
    Filler f{dice, {}};
    const Ymd signed_ = dice.date({2026, 1, 5}, {2026, 11, 10});
    const bool plantCoApplicant = plantInvalid && dice.chance(0.3);
    f.personnummer("sokande_personnummer", 1946, 2005, plantCoApplicant ? std::nullopt : f.fault(plantInvalid));
    f.same("sokande_namn", dice.name());
    f.same("sokande_adress", dice.street());
    const auto& [postnummer, ort] = dice.pick(kPlaces);
    f.set("sokande_postnummer", dice.chance(0.5) ? postnummer : postnummer.substr(0, 3) + " " + postnummer.substr(3),
          postnummer.substr(0, 3) + " " + postnummer.substr(3));
    f.same("sokande_ort", ort);
    if (dice.chance(0.7)) f.same("sokande_telefon", dice.phone());
    if (plantCoApplicant || dice.chance(0.4)) {
        f.personnummer("medsokande_personnummer", 1946, 2005, plantCoApplicant ? f.fault(true) : std::nullopt);
        f.same("medsokande_namn", dice.name());
    }
    if (dice.chance(0.6)) {
        const int barn = dice.between(0, 4);
        f.set("antal_barn", std::to_string(barn), (long long)barn);
    }
    {
        const Ymd month = dice.chance(0.7) ? signed_ : fromDays(toDays({signed_.year, signed_.month, 1}) + days{31});
        const std::string expected = std::to_string(month.year) + "-" + twoDigits(month.month);
        f.set("ansokan_manad", dice.chance(0.5) ? kMonthNames[month.month - 1] + " " + std::to_string(month.year) : expected,
              expected);
    }
    f.same("boendeform", dice.pick(Strings{"hyresratt", "bostadsratt", "andrahand", "inneboende", "villa", "saknar_bostad"}));
    if (dice.chance(0.7)) {
        const int rum = dice.between(1, 5);
        f.set("antal_rum", std::to_string(rum), (long long)rum);
    }
    if (dice.chance(0.8)) f.money("hyra", 3000, 9500, 50);
    for (const auto& key : {"inkomst_lon", "inkomst_a_kassa", "inkomst_sjukpenning", "inkomst_bostadsbidrag",
                            "inkomst_barnbidrag", "inkomst_underhallsstod", "inkomst_ovrigt"})
        if (dice.chance(0.35)) f.money(key, 500, 18000, 25);
    if (dice.chance(0.5)) f.money("utgift_hushallsel", 150, 900, 1);
    if (dice.chance(0.5)) f.money("utgift_hemforsakring", 90, 350, 1);
    if (dice.chance(0.4)) f.money("tillgangar_bank", 0, 9000, 10);
    if (dice.chance(0.8)) f.money("sokt_belopp", 2000, 15000, 100);
    f.date("underskrift_datum", signed_);
    return f.out;
}

GeneratedFormSample FormSampleGenerator::lexSarah(bool plantInvalid)
{
    Dice dice(random_);
    Filler f{dice, {}};
    const Ymd happened = dice.date({2026, 1, 5}, {2026, 10, 30});
    Ymd reported = happened;
    f.same("rapportor_namn", dice.name());
    if (dice.chance(0.8))
        f.same("rapportor_befattning", dice.pick(Strings{"Undersköterska", "Sjuksköterska", "Stödassistent", "Enhetschef",
                                                         "Boendestödjare", "Vårdbiträde", "Socialsekreterare"}));
    if (dice.chance(0.6)) f.same("rapportor_telefon", dice.phone());
    f.same("verksamhet", dice.pick(Strings{"Solgårdens äldreboende", "Hemtjänsten Norra", "LSS-boendet Lärkan",
                                           "Daglig verksamhet Verkstan", "Korttidsboendet Eken, avdelning 3",
                                           "Gruppbostaden Tallen"}));
    if (dice.chance(0.8))
        f.same("verksamhetsomrade", dice.pick(Strings{"aldreomsorg", "funktionshinder", "individ_och_familjeomsorg", "annat"}));
    f.date("handelse_datum", happened);
    if (dice.chance(0.7)) {
        reported = fromDays(toDays(happened) + days{dice.between(0, 4)});
        f.date("upptackt_datum", reported);
    }
    reported = fromDays(toDays(reported) + days{dice.between(0, 5)});
    if (plantInvalid || dice.chance(0.7)) f.personnummer("berord_personnummer", 1930, 1995, f.fault(plantInvalid));
    if (dice.chance(0.8)) f.same("berord_namn", dice.name());
    f.same("beskrivning", sentences(dice, sentences_, dice.between(1, 2)));
    if (dice.chance(0.6)) f.same("konsekvens", sentences(dice, sentences_, 1));
    f.same("omedelbara_atgarder", sentences(dice, sentences_, 1));
    if (dice.chance(0.7)) f.same("bedomning", dice.pick(Strings{"missforhallande", "pataglig_risk"}));
    f.date("rapport_datum", reported);
    return f.out;
}

GeneratedFormSample FormSampleGenerator::serveringstillstand(bool plantInvalid)
{
    Dice dice(random_);
    Filler f{dice, {}};
    const std::string owner = dice.pick(kLastNames);
    const int kind = plantInvalid ? 0 : dice.between(0, 9);
    if (kind < 7) {
        f.same("sokande_namn", dice.pick(Strings{"Krogen Vid Sjön AB", "Restaurang " + owner + " AB", owner + "s Mat AB",
                                                 "Nordic Taste AB", "Gästgiveriet i Eksjö AB"}));
        std::string number = makeOrganisationsnummer(dice.engine(), 5);
        if (plantInvalid) {
            number[10] = char('0' + (number[10] - '0' + dice.between(1, 9)) % 10);
            f.out.sample.printed["organisationsnummer"] = dice.chance(0.5) ? number : number.substr(0, 6) + number.substr(7);
            f.out.planted = PlantedInvalid{"organisationsnummer", PlantedFault::CheckDigit};
        } else {
            f.set("organisationsnummer", dice.chance(0.5) ? number : number.substr(0, 6) + number.substr(7), number);
        }
    } else if (kind < 9) {
        f.same("sokande_namn", "Handelsbolaget " + owner + " & Co");
        const std::string number = makeOrganisationsnummer(dice.engine(), 9);
        f.set("organisationsnummer", number, number);
    } else {
        // Enskild firma: the owner's personnummer is the organisationsnummer.
        f.same("sokande_namn", dice.pick(kFirstNames) + " " + owner + "s Kafé");
        const Ymd birth = dice.date({1960, 1, 1}, {1999, 12, 31});
        const std::string twelve = makePersonnummer(dice.engine(), birth.year, birth.month, birth.day);
        f.same("organisationsnummer", twelve.substr(2));
    }
    f.same("serveringsstalle_namn", dice.pick(Strings{"Krogen Ankaret", "Bistro Lugnet", "Restaurang Sjöudden",
                                                      "Pizzeria Gamla Stan", "Café Tornet", "Värdshuset Stigen"}));
    f.same("serveringsstalle_adress", dice.street() + ", " + dice.pick(kPlaces).second);
    f.same("tillstandstyp", dice.pick(Strings{"allmanheten", "slutet_sallskap", "catering", "provsmakning"}));
    f.same("ansokan_avser", dice.pick(Strings{"nytt", "andrat", "tillfalligt"}));
    {
        const Strings all{"starkol", "vin", "spritdrycker", "andra_jasta"};
        Strings chosen;
        for (const auto& drink : all)
            if (dice.chance(0.6)) chosen.push_back(drink);
        if (chosen.empty()) chosen.push_back("vin");
        std::string printed;
        for (const auto& drink : chosen) printed += (printed.empty() ? "" : ",") + drink;
        f.set("drycker", printed, chosen);
    }
    const int from = dice.pick(std::vector<int>{11, 12, 15, 17});
    const int until = dice.pick(std::vector<int>{22, 23, 0, 1, 2});
    auto printedTime = [&](int hour) {
        switch (dice.between(0, 2)) {
        case 0: return twoDigits(unsigned(hour)) + ".00";
        case 1: return twoDigits(unsigned(hour)) + ":00";
        default: return "kl. " + std::to_string(hour);
        }
    };
    f.set("serveringstid_fran", printedTime(from), twoDigits(unsigned(from)) + ":00");
    f.set("serveringstid_till", printedTime(until), twoDigits(unsigned(until)) + ":00");
    if (dice.chance(0.7)) {
        const int seats = dice.between(12, 220);
        f.set("antal_sittplatser", std::to_string(seats), (long long)seats);
    }
    const std::string first = dice.pick(kFirstNames), last = dice.pick(kLastNames);
    f.same("kontaktperson_namn", first + " " + last);
    if (dice.chance(0.7)) f.same("kontaktperson_telefon", dice.phone());
    if (dice.chance(0.7)) f.same("kontaktperson_epost", asciiFolded(first) + "." + asciiFolded(last) + "@" +
                                                        dice.pick(Strings{"krogen.se", "restaurang.nu", "mail.com"}));
    f.date("ansokan_datum", dice.date({2026, 1, 5}, {2026, 11, 10}));
    return f.out;
}

GeneratedFormSample FormSampleGenerator::orosanmalan(bool plantInvalid)
{
    Dice dice(random_);
    Filler f{dice, {}};
    const Ymd reported = dice.date({2026, 1, 5}, {2026, 11, 10});
    f.same("barn_namn", dice.name());
    if (plantInvalid || dice.chance(0.75)) {
        f.personnummer("barn_personnummer", 2010, 2024, f.fault(plantInvalid));
    } else if (dice.chance(0.6)) {
        f.date("barn_fodelsedatum", dice.date({2010, 1, 1}, {2024, 12, 31}));
    }
    if (dice.chance(0.6)) f.same("barn_adress", dice.street() + ", " + dice.pick(kPlaces).second);
    if (dice.chance(0.7)) f.same("vardnadshavare_namn", dice.name());
    if (dice.chance(0.85)) {
        const std::string type = dice.pick(Strings{"skola", "forskola", "halso_och_sjukvard", "polis", "socialtjanst",
                                                   "annan_myndighet", "privatperson"});
        f.same("anmalare_typ", type);
        if (type != "privatperson") {
            f.same("anmalare_namn", dice.name());
            f.same("anmalare_verksamhet", dice.pick(Strings{"Mariaskolan, klass 4", "Förskolan Solrosen",
                                                            "Vårdcentralen Norr", "Polisen i Vetlanda",
                                                            "Barn- och ungdomspsykiatrin"}));
        } else if (dice.chance(0.6)) {
            f.same("anmalare_namn", dice.name());
        }
    } else {
        f.same("anmalare_namn", dice.name());
    }
    if (dice.chance(0.6)) f.same("anmalare_telefon", dice.phone());
    f.same("oro_beskrivning", sentences(dice, sentences_, dice.between(1, 2)));
    if (dice.chance(0.7)) {
        const bool akut = dice.chance(0.3);
        f.set("akut", akut ? "true" : "false", akut);
    }
    if (dice.chance(0.7)) {
        const bool informed = dice.chance(0.5);
        f.set("vardnadshavare_informerad", informed ? "true" : "false", informed);
    }
    f.date("anmalan_datum", reported);
    return f.out;
}

} // namespace inkorg::test
