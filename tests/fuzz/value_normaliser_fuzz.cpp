// Untrusted input: the text read beside a label on a form (OCR of a scan, an AcroForm field's
// value in a sender's PDF, a correction typed in the web UI), turned into a record value by
// forms::normaliseValue for every scalar field type, and the SDK's Swedish parsers that it and
// the plugins use (personnummer, organisationsnummer, date, month, time, money, integer,
// postnummer) plus the masking of personnummer in log lines, called directly.
// Contract checked: nullopt or a value in its documented form (a date that parses back to
// itself, "YYYYMMDD-NNNN", "NNN NN", money ≥ 0 …); nothing throws.

#include "forms/ValueNormaliser.hpp"

#include <inkorg/swedish.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace inkorg;
using forms::FieldType;

void check(bool holds)
{
    if (!holds) std::abort();
}

bool digitsAt(const std::string& text, std::size_t from, std::size_t count)
{
    if (text.size() < from + count) return false;
    for (std::size_t i = from; i < from + count; ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    const swedish::Date reference = std::chrono::year{2026} / 3 / 1;

    for (FieldType type : {FieldType::Text, FieldType::LongText, FieldType::Personnummer,
                           FieldType::Organisationsnummer, FieldType::Date, FieldType::Month, FieldType::Time,
                           FieldType::Money, FieldType::Integer, FieldType::Postnummer, FieldType::Email})
        forms::normaliseValue(type, text, reference);

    if (const auto p = swedish::parsePersonnummer(text, reference))
        check(p->normalized.size() == 13 && digitsAt(p->normalized, 0, 8) && p->normalized[8] == '-' &&
              digitsAt(p->normalized, 9, 4));
    if (const auto o = swedish::parseOrganisationsnummer(text, reference))
        check(o->normalized.size() == 11 && o->normalized[6] == '-');
    if (const auto d = swedish::parseDate(text)) {
        check(d->ok());
        check(swedish::parseDate(swedish::toIso(*d)) == *d);
    }
    if (const auto m = swedish::parseMonth(text)) check(m->size() == 7 && digitsAt(*m, 0, 4) && (*m)[4] == '-');
    if (const auto t = swedish::parseTime(text)) check(t->size() == 5 && (*t)[2] == ':');
    if (const auto kronor = swedish::parseMoney(text)) check(*kronor >= 0);
    if (const auto n = swedish::parseInteger(text)) check(*n >= 0);
    if (const auto post = swedish::parsePostnummer(text)) check(post->size() == 6 && (*post)[3] == ' ');
    swedish::maskPersonnummer(text);
    return 0;
}
