#pragma once
/// The data of inkorg's letters: who writes (Kommun), the beslutsbrev (Beslut) and the
/// mottagningsbekräftelse (Kvitto). The wording lives in the templates, not here.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace inkorg::letters {

/// The letterhead: configurable per installation (inkorg.letters.kommun.*).
struct Kommun {
    std::string name;     ///< "Vetlanda kommun"
    std::string namnd;    ///< "Socialnämnden"
    std::string address;  ///< postal address, lines separated by '\n'
    std::string phone;
    std::string email;
    /// The förvaltningsrätt an appeal is addressed to (the kommun's domkrets): "Förvaltningsrätten i Jönköping".
    std::string forvaltningsratt;
};

/// One post of an ekonomiskt bistånd decision: what was sought and what is granted (kronor).
struct PostLine {
    std::string name;
    long long beviljat = 0;
    long long sokt = 0;
};

/// A decision to be sent as a beslutsbrev.
struct Beslut {
    std::string formId;            ///< form id (forms/<formId>/letters/beslutsbrev.tmpl)
    std::string formTitle;         ///< "Ansökan om ekonomiskt bistånd"
    std::string diarienummer;
    std::string datum;             ///< the decision's date, YYYY-MM-DD
    std::string mottagareNamn;
    std::string mottagareAdress;   ///< lines separated by '\n'
    std::string beslut;            ///< "bifall" | "avslag" | "delvis"
    std::string motivering;        ///< required for avslag and delvis (FL 32 §)
    std::string lagrum;            ///< e.g. "12:1" or "12:2" (form.json beslut.beslutstyper); empty: none
    std::string handlaggare;
    std::string handlaggareKontakt;///< phone and/or e-mail
    std::optional<long long> belopp;        ///< granted kronor, ≥ 0
    std::optional<std::string> period;      ///< YYYY-MM
    std::vector<PostLine> poster;
    std::map<std::string, std::string> fields;  ///< the record's values as text (sakframställning)
    std::map<std::string, std::string> values;  ///< further template values the decision service sets
                                                ///< (lagrum.bestammelser, overklagande.*, beviljat.*, beslutad.*)
};

/// A mottagningsbekräftelse: "we have received your document".
struct Kvitto {
    std::string formId;            ///< may be empty for an oklassificerad handling
    std::string formTitle;         ///< empty → "Inkommen handling"
    std::string diarienummer;
    std::string inkomDatum;        ///< YYYY-MM-DD, the day it reached the kommun
    std::string datum;             ///< the receipt's date, YYYY-MM-DD
    std::string mottagareNamn;
    std::string mottagareAdress;   ///< lines separated by '\n'
    std::string handlaggare;       ///< optional
    std::string handlaggareKontakt;///< optional
};

} // namespace inkorg::letters
