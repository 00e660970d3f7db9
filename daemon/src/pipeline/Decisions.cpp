#include "pipeline/Decisions.hpp"

#include "pipeline/Mottagare.hpp"

#include "decisions/DecisionMotivering.hpp"
#include "decisions/LetterText.hpp"
#include "decisions/SokandeDecisions.hpp"
#include "forms/RecordJson.hpp"
#include "letters/LetterTemplate.hpp"
#include "letters/SwedishText.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <numeric>
#include <sstream>

namespace inkorg::pipeline {

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
    refuseUnless([&] {
        decisions::requireWritableInLetter(request.motivering, "Motiveringen");
        decisions::requireWritableInLetter(request.handlaggare, "Handläggarens namn");
        decisions::requireWritableInLetter(request.beslutsfattare, "Beslutsfattarens namn");
        decisions::requireValidPosts(request.poster);
        for (const auto& post : request.poster) {
            decisions::requireWritableInLetter(post.name, "Postens namn");
            decisions::requireWritableInLetter(post.skal, "Skälet för posten " + post.name);
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

int householdOf(const inkorg::Record& record)
{
    const bool medsokande = !record.text("medsokande_namn").value_or("").empty() ||
                            !record.text("medsokande_personnummer").value_or("").empty();
    const long long barn = std::clamp(record.integer("antal_barn").value_or(0), 0LL, 20LL);
    return 1 + (medsokande ? 1 : 0) + static_cast<int>(barn);
}

} // namespace

struct Decisions::Prepared {
    diarium::DocumentRow document;
    letters::Beslut beslut;
    diarium::DecisionRow row;
    decisions::DelegationVerdict verdict;
    std::string omrade;
};

Decisions::Decisions(Services& services)
    : Decisions(services, decisions::Delegationsordning::load(services.settings().formsDir() / "delegation.json"))
{
}

Decisions::Decisions(Services& services, decisions::Delegationsordning delegation)
    : services_(services), delegation_(std::move(delegation))
{
}

diarium::DocumentRow Decisions::resolve(const std::string& target)
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

long long Decisions::earlierAmountForSokande(const diarium::DocumentRow& document, const std::string& date, int months,
                                             std::optional<long long> superseded)
{
    if (months <= 0) return 0;
    return decisions::grantedToSokande(services_.diarium(), document, date, months, superseded);
}

Decisions::Prepared Decisions::prepare(const DecisionRequest& request)
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
    if (!form || !services_.letters().hasBeslutTemplate(formId))
        throw DecisionRefused("Formuläret " + formId + " har ingen mall för beslutsbrev, så inkorg kan inte skriva beslutet.");
    const auto omrade = delegation_.omrade(formId);
    if (!omrade)
        throw DelegationRefused("Formuläret " + formId + " finns inte i delegationsordningen (forms/delegation.json), "
                                "så ingen har delegation att besluta om det. Beslutet ska fattas av nämnden.");
    prepared.omrade = *omrade;

    // Lagrum: the template's list decides what is allowed; the first is the default.
    const auto letterTemplate = letters::LetterTemplate::load(services_.settings().formsDir(), formId, "beslutsbrev", false);
    std::string lagrum = request.lagrum;
    const auto& allowed = letterTemplate.lagrum();
    if (lagrum.empty() && !allowed.empty()) lagrum = allowed.front();
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), lagrum) == allowed.end()) {
        std::string list;
        for (const auto& value : allowed) list += (list.empty() ? "" : " eller ") + value;
        throw DecisionRefused("Lagrum " + lagrum + " gäller inte för " + form->spec.title + " – ange " + list + ".");
    }

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
    if (!period)
        if (const auto month = swedish::parseMonth(record.text("ansokan_manad").value_or(""))) period = *month;

    // Delegation: the decider's role, the sökande's granted sum over the counted months.
    const std::string requestedRole = request.roll.empty() ? delegation_.standardroll() : request.roll;
    decisions::DelegationQuestion question;
    question.roll = requestedRole;
    question.formId = formId;
    question.lagrum = lagrum;
    question.year = static_cast<int>(swedish::parseDate(date)->year());
    question.persons = householdOf(record);
    question.belopp = belopp.value_or(0);
    question.tidigareBelopp = earlierAmountForSokande(document, date, delegation_.countingMonths(formId), request.ersatter);
    prepared.verdict = delegation_.check(question);
    if (!prepared.verdict.allowed) throw DelegationRefused(prepared.verdict.reason);
    const std::string role = *delegation_.canonicalRole(requestedRole);

    letters::Beslut& beslut = prepared.beslut;
    beslut.formId = formId;
    beslut.formTitle = form->spec.title;
    beslut.diarienummer = *document.diarienummer;
    beslut.datum = date;
    beslut.mottagareNamn = record.text("sokande_namn").value_or("");
    beslut.mottagareAdress = mottagareOf(record).adress;
    beslut.beslut = request.beslut;
    beslut.motivering = decisions::motiveringWithPosts(request.beslut, request.poster, request.motivering);
    beslut.lagrum = lagrum;
    beslut.handlaggare = request.handlaggare;
    beslut.handlaggareKontakt = services_.settings().kommunPhone + ", " + services_.settings().kommunEmail;
    beslut.belopp = belopp;
    beslut.period = period;
    for (const auto& post : request.poster) beslut.poster.push_back({post.name, post.beviljat, post.sokt});
    for (const auto& [key, field] : record.fields) beslut.fields[key] = forms::valueText(field.value);
    // Who decided, under which delegation (FL 31 §): the templates' "Vem har beslutat?".
    std::string roleName = delegation_.roleName(role);
    if (!roleName.empty()) roleName[0] = char(std::tolower(static_cast<unsigned char>(roleName[0])));
    beslut.fields["beslutsfattare"] = request.beslutsfattare.empty() ? request.handlaggare : request.beslutsfattare;
    beslut.fields["beslutsfattare_roll"] = roleName;
    beslut.fields["delegationspunkt"] = prepared.verdict.rule ? prepared.verdict.rule->punkt : "";
    if (beslut.mottagareNamn.empty())
        throw DecisionRefused("Handling " + which + " saknar sökandens namn, så beslutsbrevet har ingen mottagare. "
                              "Rätta fältet sokande_namn först.");
    refuseUnless([&] {
        decisions::requireWritableInLetter(beslut.mottagareNamn, "Sökandens namn");
        decisions::requireWritableInLetter(beslut.mottagareAdress, "Sökandens adress");
    });

    diarium::DecisionRow& row = prepared.row;
    row.documentId = document.id;
    row.beslut = request.beslut;
    row.belopp = belopp;
    row.period = period.value_or("");
    row.posterJson = decisions::postsJson(request.poster);
    row.motivering = request.motivering;
    row.lagrum = lagrum;
    row.beslutsfattare = request.beslutsfattare.empty() ? request.handlaggare : request.beslutsfattare;
    row.roll = role;
    row.date = date;
    row.supersedes = request.ersatter;
    return prepared;
}

DecisionResult Decisions::rendered(const Prepared& prepared) const
{
    DecisionResult result;
    refuseUnless([&] { result.pdf = services_.letters().renderBeslut(prepared.beslut); });
    result.documentId = prepared.document.id;
    result.diarienummer = prepared.beslut.diarienummer;
    result.roll = prepared.row.roll;
    result.delegationPunkt = prepared.verdict.rule ? prepared.verdict.rule->punkt : "";
    result.lagrum = prepared.row.lagrum;
    result.belopp = prepared.row.belopp;
    return result;
}

DecisionResult Decisions::preview(const DecisionRequest& request)
{
    return rendered(prepare(request));
}

DecisionResult Decisions::decide(const DecisionRequest& request)
{
    Prepared prepared = prepare(request);
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
    diarium.appendEvent(prepared.document.id, actor, "beslutsbrev", forms::stringify(letter));
    Poco::JSON::Object::Ptr delegated = new Poco::JSON::Object;
    delegated->set("decision", result.decisionId);
    delegated->set("punkt", result.delegationPunkt);
    delegated->set("roll", prepared.row.roll);
    delegated->set("omrade", prepared.beslut.formId);
    delegated->set("beslutsfattare", prepared.row.beslutsfattare);
    diarium.appendEvent(prepared.document.id, actor, "delegationsbeslut", forms::stringify(delegated));
    return result;
}

} // namespace inkorg::pipeline
