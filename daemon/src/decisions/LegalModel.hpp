#pragma once
/// A form's legal model as data: the "beslut" part of forms/<id>/form.json. It says which fields
/// play which role in a decision (recipient, address, parties, personnummer, period, household),
/// which matters (ärenden) the form's applications fall into — the delegationsordning delegates by
/// matter — and which decision types can be made: the lagrum, the provisions the letter names per
/// outcome (FL 32 §), the appeal route of each part, and what a granting decision must state.
///
///     "beslut": {
///       "roller": { "mottagare": ["sokande_namn"], "parter": ["medsokande_namn"],
///                   "adress": [["sokande_adress"], ["sokande_postnummer", "sokande_ort"]],
///                   "personnummer": ["sokande_personnummer"], "period": "ansokan_manad",
///                   "hushall": { "personer": [["medsokande_namn"]], "antal": ["antal_barn"] } },
///       "arenden": [ { "id": "serveringstillstand_tillfalligt", "benamning": "Tillfälligt serveringstillstånd",
///                      "nar": { "ansokan_avser": ["tillfalligt"] } } ],
///       "beslutstyper": [ { "lagrum": "12:2", "provadForst": "12:1", "overklagande": "laglighetsprovning",
///                           "bestammelser": { "*": "12 kap. 2 § socialtjänstlagen (2025:400)" } } ] }
///
/// A decision under a type with `provadForst` has two parts: the refusal under the lagrum tried
/// first (with that type's appeal route) and the decision under its own lagrum. An appeal notice
/// is owed for each part that goes against the party (FL 33 §); a part that wholly grants needs none.

#include <inkorg/record.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace inkorg::decisions {

/// A form.json whose "beslut" part cannot be read; what() names the file and the key.
struct LegalModelError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The appeal routes of Swedish administrative law a letter can point to.
enum class Overklagande {
    Forvaltningsbesvar,   ///< FL 40–46 §§ (SoL 35:1, alkohollagen 10 kap.): via the nämnd, three weeks from delfående
    Laglighetsprovning,   ///< KL 13 kap.: directly to förvaltningsrätten, three weeks from the protocol's anslag
};

/// What a granting decision must state beyond the amount (serveringsyta, tider, villkor, period).
struct Uppgift {
    std::string key;                       ///< "serveringsyta"
    std::string rubrik;                    ///< "Serveringsyta"
    bool kravs = false;                    ///< a bifall or delvis without it is refused
    std::vector<std::string> standard;     ///< record fields joined by "–" when the decider gives none
    /// Stated, it restricts what was asked (villkor): even a bifall then goes against the party
    /// there and its letter tells how to appeal (FL 33 §). "begransar": true in form.json.
    bool begransar = false;
};

/// Field → the values that make a condition true (every field must have one of its values).
using Villkor = std::map<std::string, std::vector<std::string>>;

/// True when every field of `nar` has one of its values in `record`.
bool fits(const Villkor& nar, const Record& record);

/// Provisions that replace the type's own for the applications `nar` describes.
struct BestammelserNar {
    Villkor nar;                                       ///< { "tillstandstyp": ["allmanheten"], … }
    std::map<std::string, std::string> bestammelser;   ///< outcome → provisions
};

struct Beslutstyp {
    std::string lagrum;                                ///< "12:1", "8kap"
    std::map<std::string, std::string> bestammelser;   ///< outcome (bifall|avslag|delvis, "*" any) → provisions
    /// Provisions for the applications whose fields have these values, the first that fits wins
    /// ("bestammelserNar" in form.json): 8 kap. 15 § alkohollagen (kök och mat) is cited only for a
    /// stadigvarande tillstånd to allmänheten, not for slutet sällskap, catering or a tillfälligt one.
    std::vector<BestammelserNar> bestammelserNar;
    Overklagande overklagande = Overklagande::Forvaltningsbesvar;
    std::optional<std::string> provadForst;            ///< the lagrum under which it was refused first
    std::vector<Uppgift> beviljat;                     ///< what a bifall or delvis must state

    /// The provisions the letter names for `outcome` on `record` (the first bestammelserNar that
    /// fits it, else the type's own; without a record the type's own); empty when none are declared.
    std::string bestammelserFor(const std::string& outcome, const Record* record = nullptr) const;
};

/// A matter of the delegationsordning: the applications whose fields have these values.
struct Arende {
    std::string id;
    std::string benamning;
    Villkor nar;                                       ///< field → values that make the matter
};

/// One part of a decision and whether the letter owes an appeal notice for it.
struct BeslutsDel {
    const Beslutstyp* typ = nullptr;
    std::string utfall;                    ///< bifall | avslag | delvis
    bool overklagbar() const { return utfall != "bifall"; }
};

class LegalModel {
public:
    /// Reads the "beslut" part of `formJson`; a form without one has no decisions (empty model).
    /// A part with "roller" but no "beslutstyper" names the fields' roles (the receipt's
    /// mottagare, the diarium's avsändare) for a form nobody decides on: empty() is true.
    static LegalModel load(const std::filesystem::path& formJson);
    /// From form.json text (tests); `source` names it in error messages.
    static LegalModel parse(const std::string& json, const std::string& source);

    bool empty() const { return typer_.empty(); }
    const std::vector<Beslutstyp>& typer() const { return typer_; }
    /// The type of `lagrum`; empty: the first (the default). nullptr when the form has no such type.
    const Beslutstyp* typ(const std::string& lagrum) const;
    /// "12:1 eller 12:2".
    std::string lagrumList() const;

    /// The matter of an application; the form id when the model declares none; nullopt when the
    /// record's values fit none of the declared matters (a field not read).
    std::optional<Arende> arendeOf(const Record& record, const std::string& formId) const;
    const std::vector<Arende>& arenden() const { return arenden_; }

    /// The parts of a decision of `typ` with `utfall`: one, or two when the type was tried first
    /// under another lagrum (that part refused).
    std::vector<BeslutsDel> delar(const Beslutstyp& typ, const std::string& utfall) const;

    // ---- the roles of the record's fields ----
    std::string mottagare(const Record& record) const;                 ///< first non-empty name
    std::vector<std::string> parter(const Record& record) const;       ///< further parties named
    std::string adress(const Record& record) const;                    ///< lines joined by '\n'
    std::vector<std::string> personnummerFields() const { return personnummer_; }
    std::optional<std::string> period(const Record& record) const;     ///< YYYY-MM
    int hushall(const Record& record) const;                           ///< persons, at least 1
    const std::vector<std::string>& mottagareFields() const { return mottagare_; }
    /// The fields of the postal address, in order.
    std::vector<std::string> adressFields() const;
    /// Every record field the model names (roles, matters, what a bifall states by default).
    std::vector<std::string> fieldKeys() const;

private:
    std::vector<std::string> mottagare_, parter_, personnummer_;
    std::vector<std::vector<std::string>> adress_;
    std::string period_;
    std::vector<std::vector<std::string>> hushallPersoner_;
    std::vector<std::string> hushallAntal_;
    std::vector<Arende> arenden_;
    std::vector<Beslutstyp> typer_;
};

} // namespace inkorg::decisions
