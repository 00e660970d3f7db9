#pragma once
/// LetterRenderer: beslutsbrev and mottagningsbekräftelser as PDF/A-2b, from the per-form
/// templates in forms/<id>/letters/ (format: LetterTemplate.hpp). The wording is in the
/// templates; this class checks the data, turns it into template values and lays it out.
///
/// Template values (all text; a flag is "ja" when true, empty when false):
///   kommun.namn kommun.namnd kommun.adress kommun.telefon kommun.epost
///   diarienummer datum datum.text ("5 mars 2026") formular
///   mottagare.namn mottagare.adress handlaggare handlaggare.kontakt
///   beslutsbrev: beslut, flags bifall avslag delvis, belopp ("5 800 kr"), period ("mars 2026"),
///     period.kod ("2026-03"), motivering, lagrum ("12:1"), flag lagrum=<value> (e.g.
///     {{#lagrum=12:2}}), flag poster, sokt.summa, field.<record key>
///   kvitto: inkom, inkom.text

#include "letters/LetterData.hpp"
#include "letters/LetterTemplate.hpp"

#include <filesystem>
#include <string>

namespace inkorg::letters {

class LetterRenderer {
public:
    /// `formsDir` holds forms/<id>/letters/ and forms/_common/letters/.
    LetterRenderer(std::filesystem::path formsDir, Kommun kommun);

    /// The beslutsbrev as PDF/A-2b bytes, from forms/<formId>/letters/beslutsbrev.tmpl.
    /// Throws MissingTemplateError ("Formuläret X har ingen mall för beslutsbrev") when the form
    /// has no template, std::invalid_argument (Swedish message saying what to correct) for
    /// invalid data: unknown beslut, negative or inconsistent amounts, bad dates, a lagrum the
    /// template does not allow, a missing motivering for avslag/delvis (FL 32 §).
    std::string renderBeslut(const Beslut& beslut) const;

    /// The mottagningsbekräftelse as PDF/A-2b bytes: forms/<formId>/letters/
    /// mottagningsbekraftelse.tmpl, else forms/_common/letters/mottagningsbekraftelse.tmpl.
    std::string renderKvitto(const Kvitto& kvitto) const;

    /// The same mottagningsbekräftelse as plain text (for an e-mail reply).
    std::string kvittoText(const Kvitto& kvitto) const;

    bool hasBeslutTemplate(const std::string& formId) const;

private:
    TemplateValues kvittoValues(const Kvitto& kvitto) const;
    std::string toPdf(const LetterTemplate::Rendered& letter, const std::string& fallbackTitle,
                      const std::string& diarienummer, const std::string& keywords) const;

    std::filesystem::path formsDir_;
    Kommun kommun_;
};

} // namespace inkorg::letters
