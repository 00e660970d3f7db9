#include "decisions/DecisionService.hpp"

#include "decisions/DecisionMotivering.hpp"
#include "decisions/LegalModels.hpp"
#include "decisions/LetterText.hpp"
#include "decisions/LetterValues.hpp"
#include "decisions/SokandeDecisions.hpp"
#include "forms/RecordJson.hpp"
#include "letters/LetterTemplate.hpp"
#include "letters/SwedishText.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <numeric>
#include <sstream>

namespace inkorg::decisions {

namespace {

bool allDigits(const std::string& text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

/// Runs a check that throws std::invalid_argument and refuses with its message.
template <typename Check>
void refuseUnless(Check check)
{
    try {
        check();
    } catch (const std::invalid_argument& e) {
        throw DecisionRefused(e.what());
    }
}

std::string lowerFirst(std::string text)
{
    if (!text.empty()) text[0] = char(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

std::string beslutWord(const std::string& beslut)
{
    return beslut == "delvis" ? "delvis bifall" : beslut;
}

/// The checks of the decision's own values, before any document is looked at.
void checkValues(const DecisionRequest& request)
{
    if (request.beslut != "bifall" && request.beslut != "avslag" && request.beslut != "delvis")
        throw DecisionRefused("Beslutet måste vara bifall, avslag eller delvis, inte '" + request.beslut + "'");
    if (request.belopp && *request.belopp < 0) throw DecisionRefused("Beloppet kan inte vara negativt – ange kronor, 0 eller mer");
    if (request.period && !swedish::parseMonth(*request.period))
        throw DecisionRefused("Perioden ska anges som ÅÅÅÅ-MM, inte '" + *request.period + "'");
    if (request.motivering.empty()) throw DecisionRefused("Ett beslut måste ha en motivering (FL 32 §)");
    if (request.handlaggare.empty()) throw DecisionRefused("Ange handläggare");
    if (!request.datum.empty()) {
        const auto date = swedish::parseDate(request.datum);
        if (!date || swedish::toIso(*date) != request.datum)
            throw DecisionRefused("Beslutsdatumet ska anges som ÅÅÅÅ-MM-DD, inte '" + request.datum + "'");
    }
    if (!request.anslagDatum.empty()) {
        const auto day = swedish::parseDate(request.anslagDatum);
        if (!day || swedish::toIso(*day) != request.anslagDatum)
            throw DecisionRefused("Anslagsdagen ska anges som ÅÅÅÅ-MM-DD, inte '" + request.anslagDatum + "'");
        const std::string decided = request.datum.empty() ? swedish::toIso(swedish::today()) : request.datum;
        if (request.anslagDatum < decided)
            throw DecisionRefused("Anslagsdagen " + request.anslagDatum + " ligger före beslutsdagen " + decided +
                                  ": protokollet justeras och anslås efter beslutet.");
    }
    if (request.adress.size() > 300 || std::count(request.adress.begin(), request.adress.end(), '\n') > 4)
        throw DecisionRefused("Mottagarens adress är för lång (högst fem rader och 300 tecken).");
    refuseUnless([&] {
        requireWritableInLetter(request.motivering, "Motiveringen");
        requireWritableInLetter(request.handlaggare, "Handläggarens namn");
        requireWritableInLetter(request.beslutsfattare, "Beslutsfattarens namn");
        requireValidPosts(request.poster);
        for (const auto& post : request.poster) {
            requireWritableInLetter(post.name, "Postens namn");
            requireWritableInLetter(post.skal, "Skälet för posten " + post.name);
        }
    });
}

/// The granted amount, and the posts' agreement with the beslut.
std::optional<long long> grantedAmount(const DecisionRequest& request)
{
    const auto& poster = request.poster;
    std::optional<long long> belopp = request.belopp;
    if (!poster.empty()) {
        const long long granted = std::accumulate(poster.begin(), poster.end(), 0LL,
                                                  [](long long sum, const auto& post) { return sum + post.beviljat; });
        if (belopp && *belopp != granted)
            throw DecisionRefused("Beloppet " + letters::kronor(*belopp) + " stämmer inte med posterna, som beviljar " +
                                  letters::kronor(granted) + " tillsammans. Ange samma belopp eller utelämna --belopp.");
        belopp = granted;
        const bool anyRefused = std::any_of(poster.begin(), poster.end(), [](const auto& post) { return post.avslaget() > 0; });
        if (request.beslut == "bifall" && anyRefused)
            throw DecisionRefused("Beslutet är bifall, men någon post beviljas inte fullt ut. Välj delvis, eller bevilja hela det sökta beloppet för varje post.");
        if (request.beslut == "delvis" && !anyRefused)
            throw DecisionRefused("Beslutet är delvis bifall, men varje post beviljas fullt ut. Välj bifall, eller ange vad som inte beviljas (BEVILJAT/SÖKT).");
    }
    if (request.beslut == "avslag" && belopp && *belopp != 0)
        throw DecisionRefused("Ett avslag kan inte bevilja " + letters::kronor(*belopp) + " – välj delvis eller bifall");
    if (request.beslut == "delvis" && belopp && *belopp == 0)
        throw DecisionRefused("Ett delvis bifall måste bevilja något. Om inget beviljas: välj avslag.");
    return belopp;
}

/// The nämnd's paragraf goes with the nämnd's own decision, and only with it.
void checkParagraf(const DecisionRequest& request, const std::string& role)
{
    if (role == kNamnd && request.paragraf.empty())
        throw DecisionRefused("Ett beslut av nämnden ska ha sammanträdets paragraf, till exempel --paragraf \"SocN § 78\".");
    if (role != kNamnd && !request.paragraf.empty())
        throw DecisionRefused("En paragraf hör till nämndens eget beslut: ange --roll namnd, eller ta bort paragrafen "
                              "för ett delegationsbeslut.");
    if (request.paragraf.size() > 40)
        throw DecisionRefused("Paragrafen är för lång (högst 40 tecken, till exempel \"SocN § 78\").");
}

/// The letter's values for the appeal notices: one per part that goes against the party.
/// The appeal notices a letter owes (FL 33 §): for each part that goes against the party, and for
/// the decision's own part when `begransat` — a bifall that states villkor or other restrictions
/// the party did not ask for (Uppgift::begransar).
void addAppealRoutes(const LegalModel& model, const Beslutstyp& typ, const std::string& utfall, bool begransat,
                     std::map<std::string, std::string>& values)
{
    values["overklagande.forvaltningsbesvar"] = "";
    values["overklagande.laglighetsprovning"] = "";
    values["overklagande.bada"] = "";
    values["provad_forst"] = typ.provadForst.value_or("");
    values["provad_forst.bestammelser"] = "";
    for (const auto& del : model.delar(typ, utfall)) {
        if (del.typ != &typ) values["provad_forst.bestammelser"] = del.typ->bestammelserFor("avslag");
        if (!del.overklagbar() && !(begransat && del.typ == &typ)) continue;
        values[del.typ->overklagande == Overklagande::Forvaltningsbesvar ? "overklagande.forvaltningsbesvar"
                                                                         : "overklagande.laglighetsprovning"] = "ja";
    }
    if (!values["overklagande.forvaltningsbesvar"].empty() && !values["overklagande.laglighetsprovning"].empty())
        values["overklagande.bada"] = "ja";
    values["overklagande"] = values["overklagande.forvaltningsbesvar"].empty() && values["overklagande.laglighetsprovning"].empty()
                                 ? "" : "ja";
}

/// "Sökandens postadress, Postnummer och Postort": the form's words for the fields of the address role.
std::string addressFieldsOf(const forms::FormSpec& spec, const LegalModel& model)
{
    std::vector<std::string> names;
    for (const auto& key : model.adressFields())
        if (const auto* field = spec.field(key)) names.push_back(field->labels.empty() ? key : field->labels.front());
    if (names.empty()) return "formuläret har inga adressfält";
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " och " : ", ") + names[i];
    return "fälten " + text;
}

} // namespace

struct DecisionService::Prepared {
    diarium::DocumentRow document;
    letters::Beslut beslut;
    diarium::DecisionRow row;
    DelegationVerdict verdict;
    std::string omrade;
    std::string paragraf;
    std::string arende;
    std::string anslagDatum;
    std::string adressSaknas;   ///< why the letter could not be expedierat; empty when it has an address
};

DecisionService::DecisionService(pipeline::Services& services)
    : DecisionService(services, Delegationsordning::load(services.settings().formsDir() / "delegation.json"))
{
}

DecisionService::DecisionService(pipeline::Services& services, Delegationsordning delegation)
    : services_(services), delegation_(std::move(delegation))
{
}

diarium::DocumentRow DecisionService::resolve(const std::string& target)
{
    auto& diarium = services_.diarium();
    if (auto document = diarium.documentByDiarienummer(target)) {
        if (document->formId) return *document;
        // An ärende's number (a mail): decide its one form document, or ask which.
        std::vector<diarium::DocumentRow> forms;
        for (auto& member : diarium.caseDocuments(document->id))
            if (member.formId && member.id != document->id) forms.push_back(std::move(member));
        if (forms.size() == 1) return forms.front();
        if (forms.size() > 1) {
            std::string which;
            for (const auto& form : forms)
                which += "\n  " + form.diarienummer.value_or("?") + " (" + *form.formId + ", " + form.originalName + ")";
            throw DecisionRefused("Ärendet " + target + " har flera formulär – ange vilket beslutet gäller:" + which);
        }
        return *document;
    }
    if (allDigits(target))
        if (auto document = diarium.document(std::stoll(target))) return *document;
    throw DecisionRefused("Det finns ingen handling med diarienummer eller id " + target +
                          ". Kontrollera numret (till exempel \"PA 2026/17\").");
}

long long DecisionService::earlierAmountForSokande(const diarium::DocumentRow& document, const LegalModel& model,
                                                   const std::string& date, int months, std::optional<long long> superseded)
{
    if (months <= 0) return 0;
    return grantedToSokande(services_.diarium(), document, model.personnummerFields(), date, months, superseded);
}

DecisionService::Prepared DecisionService::prepare(const DecisionRequest& request)
{
    checkValues(request);
    const std::optional<long long> belopp = grantedAmount(request);

    Prepared prepared;
    prepared.document = resolve(request.target);
    const auto& document = prepared.document;
    const std::string which = document.diarienummer.value_or("id " + std::to_string(document.id));
    if (document.formId)
        if (const auto reason = delegation_.notDecidableReason(*document.formId))
            throw DecisionRefused("Handling " + which + " går inte att fatta beslut om i inkorg: " + *reason);
    if (!document.diarienummer || !document.formId)
        throw DecisionRefused("Handling " + which + " är inte ett registrerat formulär som det går att fatta beslut om" +
                              (document.status == diarium::kQuarantined ? " (den ligger i karantän)" : "") + ".");
    const std::string formId = *document.formId;
    const auto* form = services_.forms().find(formId);
    // Read and checked once, when the services started (decisions/LegalModels.hpp).
    const LegalModel* known = services_.legalModels().find(formId);
    const LegalModel model = known ? *known : LegalModel{};
    if (!form || model.empty() || !services_.letters().hasBeslutTemplate(formId))
        throw DecisionRefused("Formuläret " + formId + " har ingen beslutsmodell (beslut i form.json) eller ingen mall för "
                              "beslutsbrev, så inkorg kan inte skriva beslutet.");
    const auto omrade = delegation_.omrade(formId);
    if (!omrade)
        throw DelegationRefused("Formuläret " + formId + " finns inte i delegationsordningen (forms/delegation.json), "
                                "så ingen har delegation att besluta om det. Beslutet ska fattas av nämnden.");
    prepared.omrade = *omrade;

    // The decision type: the legal model's list decides what is allowed; the first is the default.
    const Beslutstyp* typ = model.typ(request.lagrum);
    if (!typ)
        throw DecisionRefused("Lagrum " + request.lagrum + " gäller inte för " + form->spec.title + " – ange " +
                              model.lagrumList() + ".");
    const std::string lagrum = typ->lagrum;

    // Never edited: a document's current decision is only replaced by one that says so.
    const auto current = services_.diarium().currentDecisions(document.id);
    if (request.ersatter) {
        const bool isCurrent = std::any_of(current.begin(), current.end(), [&](const auto& d) { return d.id == *request.ersatter; });
        if (!isCurrent)
            throw DecisionRefused("Beslut " + std::to_string(*request.ersatter) + " är inte ett gällande beslut för handling " +
                                  which + (current.empty() ? std::string(" (handlingen har inget gällande beslut)")
                                                           : " – det gällande beslutet är " + std::to_string(current.back().id)) + ".");
    } else if (!current.empty()) {
        const auto& last = current.back();
        throw DecisionRefused("Handling " + which + " har redan ett gällande beslut (beslut " + std::to_string(last.id) + ", " +
                              beslutWord(last.beslut) + " " + last.date + "). Ett beslut ändras aldrig: fatta ett nytt beslut "
                              "som ersätter det (--ersatter " + std::to_string(last.id) + ").");
    }

    const inkorg::Record record = forms::recordFromJson(document.recordJson);
    const std::string date = request.datum.empty() ? swedish::toIso(swedish::today()) : request.datum;
    std::optional<std::string> period = request.period;
    if (!period) period = model.period(record);
    const auto arende = model.arendeOf(record, formId);
    if (!arende)
        throw DecisionRefused("Handling " + which + " kan inte föras till något ärende i delegationsordningen (" +
                              model.arenden().front().benamning + " eller annat): rätta fältet " +
                              model.arenden().front().nar.begin()->first + " först.");

    // Delegation: the matter, the named delegat and role, the sökande's granted sum over the counted months.
    const std::string decider = request.beslutsfattare.empty() ? request.handlaggare : request.beslutsfattare;
    DelegationQuestion question;
    question.roll = request.roll;
    question.formId = formId;
    question.arende = arende->id;
    question.delegat = {request.delegat, decider};
    question.lagrum = lagrum;
    question.year = static_cast<int>(swedish::parseDate(date)->year());
    question.persons = model.hushall(record);
    question.belopp = belopp.value_or(0);
    question.tidigareBelopp = earlierAmountForSokande(document, model, date, delegation_.countingMonths(formId), request.ersatter);
    prepared.verdict = delegation_.check(question);
    if (!prepared.verdict.allowed) throw DelegationRefused(prepared.verdict.reason);
    const std::string role = prepared.verdict.roll;
    checkParagraf(request, role);
    refuseUnless([&] { requireWritableInLetter(request.paragraf, "Paragrafen"); });
    prepared.paragraf = request.paragraf;
    prepared.arende = arende->id;

    letters::Beslut& beslut = prepared.beslut;
    beslut.formId = formId;
    beslut.formTitle = form->spec.title;
    beslut.diarienummer = *document.diarienummer;
    beslut.datum = date;
    beslut.mottagareNamn = model.mottagare(record);
    for (const auto& part : model.parter(record)) beslut.mottagareNamn += "\n" + part;
    beslut.mottagareAdress = request.adress.empty() ? model.adress(record) : request.adress;
    beslut.beslut = request.beslut;
    beslut.motivering = motiveringWithPosts(request.beslut, request.poster, request.motivering);
    beslut.lagrum = lagrum;
    beslut.handlaggare = request.handlaggare + (request.handlaggareTitel.empty() ? "" : ", " + request.handlaggareTitel);
    beslut.handlaggareKontakt = services_.settings().kommunPhone + ", " + services_.settings().kommunEmail;
    beslut.belopp = belopp;
    beslut.period = period;
    for (const auto& post : request.poster) beslut.poster.push_back({post.name, post.beviljat, post.sokt});
    beslut.fields = letterValues(form->spec, record);
    // Who decided, under which delegation or at which meeting (FL 31 §): the templates' "Vem har beslutat?".
    std::string roleName = delegation_.roleName(role);
    if (!roleName.empty()) roleName[0] = char(std::tolower(static_cast<unsigned char>(roleName[0])));
    auto& values = beslut.values;
    values["beslutad"] = "ja";
    values["beslutad.namnd"] = role == kNamnd ? "ja" : "";
    values["beslutad.paragraf"] = request.paragraf;
    values["beslutad.vidaredelegation"] =
        prepared.verdict.delegat && !prepared.verdict.delegat->vidaredelegeradAv.empty()
            ? "vidaredelegation från " + prepared.verdict.delegat->vidaredelegeradAv +
                  (prepared.verdict.delegat->vidaredelegeradDatum.empty() ? "" : " " + prepared.verdict.delegat->vidaredelegeradDatum)
            : "";
    values["lagrum.bestammelser"] = typ->bestammelserFor(request.beslut, &record);
    beslut.fields["beslutsfattare"] = role == kNamnd ? std::string() : decider;
    beslut.fields["beslutsfattare_roll"] = role == kNamnd ? std::string() : roleName;
    beslut.fields["delegationspunkt"] = prepared.verdict.rule ? prepared.verdict.rule->punkt : "";

    // What a granting decision must state (serveringsyta, tider, villkor, period): given, or from the record.
    for (const auto& given : request.uppgifter) {
        const std::string& key = given.first;
        if (std::none_of(typ->beviljat.begin(), typ->beviljat.end(), [&](const auto& u) { return u.key == key; }))
            throw DecisionRefused("Uppgiften " + key + " hör inte till ett beslut om " + form->spec.title + ".");
    }
    bool begransat = false;   // a villkor stated: the bifall goes against the party there
    for (const auto& uppgift : typ->beviljat) {
        std::string value;
        if (const auto given = request.uppgifter.find(uppgift.key); given != request.uppgifter.end()) value = given->second;
        if (value.empty())
            for (const auto& key : uppgift.standard)
                if (const auto part = beslut.fields[key]; !part.empty()) value += (value.empty() ? "" : "–") + part;
        if (request.beslut != "avslag" && uppgift.kravs && value.empty())
            throw DecisionRefused("Ett beslut som beviljar " + lowerFirst(form->spec.title) + " ska ange " +
                                  lowerFirst(uppgift.rubrik) + " (--uppgift " + uppgift.key + "=…).");
        refuseUnless([&] { requireWritableInLetter(value, uppgift.rubrik); });
        values["beviljat." + uppgift.key] = request.beslut == "avslag" ? "" : value;
        begransat = begransat || (uppgift.begransar && request.beslut != "avslag" && !value.empty());
    }
    addAppealRoutes(model, *typ, request.beslut, begransat, values);
    values["anslag.datum"] = request.anslagDatum.empty() ? "" : letters::dateText(request.anslagDatum, "Anslagsdagen");
    prepared.anslagDatum = request.anslagDatum;
    if (beslut.mottagareNamn.empty())
        throw DecisionRefused("Handling " + which + " saknar mottagarens namn, så beslutsbrevet har ingen mottagare. "
                              "Rätta fältet " + model.mottagareFields().front() + " först.");
    if (beslut.mottagareAdress.empty())
        prepared.adressSaknas = "Beslutsbrevet kan inte expedieras: handling " + which + " saknar postadress till " +
                                beslut.mottagareNamn + " (" + addressFieldsOf(form->spec, model) + "). Ange adressen i "
                                "beslutet (--adress, en rad i taget; i webben Mottagarens postadress) eller rätta fälten först.";
    refuseUnless([&] {
        requireWritableInLetter(beslut.mottagareNamn, "Mottagarens namn");
        requireWritableInLetter(beslut.mottagareAdress, "Mottagarens adress");
        requireWritableInLetter(request.handlaggareTitel, "Handläggarens titel");
    });

    diarium::DecisionRow& row = prepared.row;
    row.documentId = document.id;
    row.beslut = request.beslut;
    row.belopp = belopp;
    row.period = period.value_or("");
    row.posterJson = postsJson(request.poster);
    row.motivering = request.motivering;
    row.lagrum = lagrum;
    row.beslutsfattare = role == kNamnd ? services_.settings().namndName : decider;
    row.roll = role;
    row.date = date;
    row.supersedes = request.ersatter;
    return prepared;
}

DecisionResult DecisionService::rendered(const Prepared& prepared) const
{
    DecisionResult result;
    refuseUnless([&] { result.pdf = services_.letters().renderBeslut(prepared.beslut); });
    result.documentId = prepared.document.id;
    result.diarienummer = prepared.beslut.diarienummer;
    result.roll = prepared.row.roll;
    result.delegationPunkt = prepared.verdict.rule ? prepared.verdict.rule->punkt : "";
    result.lagrum = prepared.row.lagrum;
    result.belopp = prepared.row.belopp;
    result.paragraf = prepared.paragraf;
    result.arende = prepared.arende;
    result.adressSaknas = prepared.adressSaknas;
    return result;
}

DecisionResult DecisionService::preview(const DecisionRequest& request)
{
    return rendered(prepare(request));
}

DecisionResult DecisionService::decide(const DecisionRequest& request)
{
    Prepared prepared = prepare(request);
    if (!prepared.adressSaknas.empty()) throw DecisionRefused(prepared.adressSaknas);
    DecisionResult result = rendered(prepared);
    auto& diarium = services_.diarium();

    std::istringstream pdf(result.pdf);
    const std::string pdfSha = services_.store().put(pdf);
    try {
        result.decisionId = diarium.addDecision(prepared.row, request.actor.empty() ? prepared.row.beslutsfattare : request.actor);
    } catch (const std::logic_error& e) {  // superseded meanwhile by someone else (invalid_argument is one too)
        throw DecisionRefused(std::string("Beslutet kunde inte sparas: ") + e.what());
    }
    const std::string actor = request.actor.empty() ? prepared.row.beslutsfattare : request.actor;
    Poco::JSON::Object::Ptr letter = new Poco::JSON::Object;
    letter->set("decision", result.decisionId);
    letter->set("beslutsbrev_sha256", pdfSha);
    if (!prepared.anslagDatum.empty()) letter->set("anslag_datum", prepared.anslagDatum);
    diarium.appendEvent(prepared.document.id, actor, "beslutsbrev", forms::stringify(letter));
    if (prepared.row.roll == kNamnd) {
        Poco::JSON::Object::Ptr namnd = new Poco::JSON::Object;
        namnd->set("decision", result.decisionId);
        namnd->set("paragraf", prepared.paragraf);
        if (!prepared.anslagDatum.empty()) namnd->set("anslag_datum", prepared.anslagDatum);
        diarium.appendEvent(prepared.document.id, actor, "namndbeslut", forms::stringify(namnd));
        return result;
    }
    Poco::JSON::Object::Ptr delegated = new Poco::JSON::Object;
    delegated->set("decision", result.decisionId);
    delegated->set("punkt", result.delegationPunkt);
    delegated->set("roll", prepared.row.roll);
    delegated->set("omrade", prepared.beslut.formId);
    delegated->set("beslutsfattare", prepared.row.beslutsfattare);
    diarium.appendEvent(prepared.document.id, actor, "delegationsbeslut", forms::stringify(delegated));
    return result;
}

} // namespace inkorg::decisions
