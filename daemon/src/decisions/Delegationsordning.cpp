#include "decisions/Delegationsordning.hpp"

#include "letters/SwedishText.hpp"

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace inkorg::decisions {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

std::string percent(double share)
{
    std::ostringstream out;
    out << std::round(share * 1000.0) / 10.0;
    std::string text = out.str();
    std::replace(text.begin(), text.end(), '.', ',');
    return text + " %";
}

std::vector<std::string> texts(const Array::Ptr& array)
{
    std::vector<std::string> result;
    if (array)
        for (std::size_t i = 0; i < array->size(); ++i) result.push_back(array->getElement<std::string>(i));
    return result;
}

DelegationRule ruleFrom(const Object::Ptr& json)
{
    DelegationRule rule;
    rule.punkt = json->getValue<std::string>("punkt");
    rule.omrade = json->getValue<std::string>("omrade");
    rule.arende = json->optValue<std::string>("arende", "");
    rule.roll = json->getValue<std::string>("roll");
    rule.lagrum = texts(json->getArray("lagrum"));
    rule.beskrivning = json->optValue<std::string>("beskrivning", "");
    if (const auto grans = json->getObject("grans")) {
        DelegationLimit limit;
        limit.prisbasbeloppAndel = grans->getValue<double>("prisbasbelopp_andel");
        limit.perYtterligarePerson = grans->optValue<double>("per_ytterligare_person", 0.0);
        limit.manader = grans->optValue<int>("manader", 12);
        if (limit.prisbasbeloppAndel < 0 || limit.perYtterligarePerson < 0 || limit.manader < 1)
            throw DelegationConfigError("punkt " + rule.punkt + ": gränsen måste vara positiv");
        rule.grans = limit;
    }
    return rule;
}

bool coversMatter(const DelegationRule& rule, const DelegationQuestion& question)
{
    return rule.omrade == question.formId && (rule.arende.empty() || rule.arende == question.arende);
}

bool coversLagrum(const DelegationRule& rule, const std::string& lagrum)
{
    return rule.lagrum.empty() || std::find(rule.lagrum.begin(), rule.lagrum.end(), lagrum) != rule.lagrum.end();
}

} // namespace

Delegationsordning Delegationsordning::load(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DelegationConfigError("Delegationsordningen " + file.string() + " kunde inte läsas");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), file.string());
}

Delegationsordning Delegationsordning::parse(const std::string& json, const std::string& source)
{
    Delegationsordning ordning;
    try {
        const auto root = Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
        ordning.standardroll_ = root->getValue<std::string>("standardroll");
        const auto pbb = root->getObject("prisbasbelopp");
        if (!pbb) throw DelegationConfigError("prisbasbelopp saknas");
        for (const auto& [year, amount] : *pbb) ordning.prisbasbelopp_[std::stoi(year)] = amount.convert<Poco::Int64>();
        const auto roller = root->getObject("roller");
        if (!roller) throw DelegationConfigError("roller saknas");
        for (const auto& [role, _] : *roller) {
            const auto detail = roller->getObject(role);
            ordning.roleNames_[role] = detail ? detail->optValue<std::string>("benamning", role) : role;
            ordning.aliases_[lower(role)] = role;
            if (detail)
                for (const auto& alias : texts(detail->getArray("alias"))) ordning.aliases_[lower(alias)] = role;
        }
        if (const auto omraden = root->getObject("omraden"))
            for (const auto& [formId, _] : *omraden) {
                const auto detail = omraden->getObject(formId);
                if (!detail) throw DelegationConfigError("området " + formId + " ska vara ett objekt");
                ordning.omraden_[formId] = detail->optValue<std::string>("benamning", formId);
                ordning.lagar_[formId] = detail->optValue<std::string>("lag", "");
            }
        if (const auto ej = root->getObject("ej_beslutsbara"))
            for (const auto& [formId, reason] : *ej) ordning.notDecidable_[formId] = reason.toString();
        if (const auto reserved = root->getArray("forbehallet_namnden"))
            for (std::size_t i = 0; i < reserved->size(); ++i) {
                const auto item = reserved->getObject(i);
                ordning.reserved_.push_back({item->getValue<std::string>("punkt"), item->getValue<std::string>("omrade"),
                                             item->optValue<std::string>("arende", ""),
                                             item->optValue<std::string>("beskrivning", "")});
            }
        if (const auto delegater = root->getObject("delegater"))
            for (const auto& [name, _] : *delegater) {
                if (name.starts_with("_")) continue;
                const auto detail = delegater->getObject(name);
                if (!detail) throw DelegationConfigError("delegaten " + name + " ska vara ett objekt");
                Delegat delegat;
                for (const auto& role : texts(detail->getArray("befattningar"))) {
                    const auto canonical = ordning.aliases_.find(lower(role));
                    if (canonical == ordning.aliases_.end())
                        throw DelegationConfigError("delegaten " + name + " har befattningen " + role + " som saknas under roller");
                    delegat.befattningar.push_back(canonical->second);
                }
                if (delegat.befattningar.empty()) throw DelegationConfigError("delegaten " + name + " har inga befattningar");
                if (const auto vidare = detail->getObject("vidaredelegation")) {
                    delegat.vidaredelegeradAv = vidare->getValue<std::string>("av");
                    delegat.vidaredelegeradDatum = vidare->optValue<std::string>("datum", "");
                }
                ordning.delegater_[lower(name)] = std::move(delegat);
            }
        const auto regler = root->getArray("regler");
        if (!regler) throw DelegationConfigError("regler saknas");
        for (std::size_t i = 0; i < regler->size(); ++i) {
            DelegationRule rule = ruleFrom(regler->getObject(i));
            if (!ordning.roleNames_.count(rule.roll))
                throw DelegationConfigError("punkt " + rule.punkt + " nämner rollen " + rule.roll + " som saknas under roller");
            if (!ordning.omraden_.count(rule.omrade))
                throw DelegationConfigError("punkt " + rule.punkt + " nämner området " + rule.omrade + " som saknas under omraden");
            ordning.rules_.push_back(std::move(rule));
        }
        if (!ordning.roleNames_.count(ordning.standardroll_))
            throw DelegationConfigError("standardrollen " + ordning.standardroll_ + " saknas under roller");
    } catch (const DelegationConfigError& e) {
        throw DelegationConfigError("Delegationsordningen " + source + ": " + e.what());
    } catch (const Poco::Exception& e) {
        throw DelegationConfigError("Delegationsordningen " + source + " är inte giltig: " + e.displayText());
    } catch (const std::exception& e) {
        throw DelegationConfigError("Delegationsordningen " + source + " är inte giltig: " + e.what());
    }
    return ordning;
}

std::optional<std::string> Delegationsordning::canonicalRole(const std::string& roleOrAlias) const
{
    if (lower(roleOrAlias) == kNamnd || lower(roleOrAlias) == "nämnd" || lower(roleOrAlias) == "nämnden") return kNamnd;
    const auto found = aliases_.find(lower(roleOrAlias));
    if (found == aliases_.end()) return std::nullopt;
    return found->second;
}

std::string Delegationsordning::roleName(const std::string& role) const
{
    if (role == kNamnd) return "Nämnden";
    const auto found = roleNames_.find(role);
    return found == roleNames_.end() ? role : found->second;
}

std::optional<long long> Delegationsordning::prisbasbelopp(int year) const
{
    const auto found = prisbasbelopp_.find(year);
    if (found == prisbasbelopp_.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> Delegationsordning::omrade(const std::string& formId) const
{
    const auto found = omraden_.find(formId);
    if (found == omraden_.end()) return std::nullopt;
    return found->second;
}

std::string Delegationsordning::lag(const std::string& formId) const
{
    const auto found = lagar_.find(formId);
    return found == lagar_.end() ? std::string() : found->second;
}

const ReservedMatter* Delegationsordning::reserved(const std::string& formId, const std::string& arende) const
{
    for (const auto& matter : reserved_)
        if (matter.omrade == formId && (matter.arende.empty() || matter.arende == arende)) return &matter;
    return nullptr;
}

const Delegat* Delegationsordning::delegat(const std::vector<std::string>& names) const
{
    for (const auto& name : names)
        if (const auto found = delegater_.find(lower(name)); !name.empty() && found != delegater_.end()) return &found->second;
    return nullptr;
}

std::optional<std::string> Delegationsordning::notDecidableReason(const std::string& formId) const
{
    const auto found = notDecidable_.find(formId);
    if (found == notDecidable_.end()) return std::nullopt;
    return found->second;
}

int Delegationsordning::countingMonths(const std::string& formId) const
{
    int months = 0;
    for (const auto& rule : rules_)
        if (rule.omrade == formId && rule.grans) months = std::max(months, rule.grans->manader);
    return months;
}

std::optional<long long> Delegationsordning::limitOf(const DelegationRule& rule, int year, int persons) const
{
    if (!rule.grans) return std::nullopt;
    const auto pbb = prisbasbelopp(year);
    if (!pbb) return std::nullopt;
    const double share = rule.grans->prisbasbeloppAndel + rule.grans->perYtterligarePerson * std::max(0, persons - 1);
    return std::llround(static_cast<double>(*pbb) * share);
}

DelegationVerdict Delegationsordning::check(const DelegationQuestion& asked) const
{
    DelegationQuestion question = asked;
    if (question.arende.empty()) question.arende = question.formId;
    DelegationVerdict verdict;
    std::string who;
    for (const auto& name : question.delegat)
        if (!name.empty()) who = name;   // the last given: the full name when both are
    verdict.delegat = delegat(question.delegat);
    if (question.roll.empty())
        question.roll = verdict.delegat ? verdict.delegat->befattningar.front() : standardroll_;
    const auto role = canonicalRole(question.roll);
    if (role == kNamnd) {
        verdict.allowed = true;
        verdict.roll = kNamnd;
        verdict.reason = "Beslut av nämnden";
        return verdict;
    }
    if (role) verdict.roll = *role;
    if (role && listsDelegates()) {
        if (!verdict.delegat) {
            verdict.reason = (who.empty() ? std::string("Beslutsfattaren") : who) +
                             " är inte delegat enligt delegationsordningen och har ingen delegation att fatta beslut."
                             " Beslutet ska fattas av en delegat eller av nämnden.";
            return verdict;
        }
        const auto& held = verdict.delegat->befattningar;
        if (std::find(held.begin(), held.end(), *role) == held.end()) {
            std::string list;
            for (const auto& befattning : held) list += (list.empty() ? "" : ", ") + lower(roleName(befattning));
            verdict.reason = who + " har enligt delegationsordningen delegation som " + list + ", inte som " +
                             lower(roleName(*role)) + ".";
            return verdict;
        }
    }
    if (const auto* kept = reserved(question.formId, question.arende)) {
        verdict.reason = "Beslutet går utöver delegationen: enligt punkt " + kept->punkt + " i delegationsordningen (" +
                         kept->beskrivning + ") beslutar nämnden själv, inte en delegat. Lägg ärendet till nämndens "
                         "sammanträde och registrera nämndens beslut med dess paragraf (--roll namnd --paragraf \"SocN § …\").";
        return verdict;
    }
    if (!role) {
        std::string known;
        for (const auto& [name, _] : roleNames_) known += (known.empty() ? "" : ", ") + name;
        verdict.reason = "Rollen '" + question.roll + "' finns inte i delegationsordningen, så den har ingen delegation"
                         " att fatta beslut. Välj en av rollerna: " + known + ".";
        return verdict;
    }
    const std::string area = omrade(question.formId).value_or(question.formId);
    const long long total = question.belopp + question.tidigareBelopp;

    // Who could decide this instead: the rules of other roles that cover it.
    auto whoElse = [&] {
        std::string list;
        for (const auto& rule : rules_) {
            if (!coversMatter(rule, question) || rule.roll == *role || !coversLagrum(rule, question.lagrum)) continue;
            const auto limit = limitOf(rule, question.year, question.persons);
            if (rule.grans && (!limit || *limit < total)) continue;
            list += (list.empty() ? "" : ", ") + lower(roleName(rule.roll)) + " (punkt " + rule.punkt + ")";
        }
        return list.empty() ? std::string(" Beslutet ska fattas av nämnden (individutskottet).")
                            : " Beslutet kan fattas av " + list + ", annars av nämnden.";
    };

    std::vector<const DelegationRule*> candidates;
    for (const auto& rule : rules_)
        if (rule.roll == *role && coversMatter(rule, question)) candidates.push_back(&rule);
    if (candidates.empty()) {
        verdict.reason = roleName(*role) + " har ingen delegation för beslut om " + lower(area) +
                         " enligt delegationsordningen." + whoElse();
        return verdict;
    }
    std::vector<const DelegationRule*> covering;
    for (const auto* rule : candidates)
        if (coversLagrum(*rule, question.lagrum)) covering.push_back(rule);
    if (covering.empty()) {
        verdict.rule = candidates.front();
        verdict.reason = roleName(*role) + " har ingen delegation för beslut om " + lower(area) + " enligt lagrum " +
                         question.lagrum + " (punkt " + candidates.front()->punkt + " i delegationsordningen gäller: " +
                         candidates.front()->beskrivning + ")." + whoElse();
        return verdict;
    }

    const DelegationRule* widest = nullptr;
    std::optional<long long> widestLimit;
    for (const auto* rule : covering) {
        if (!rule->grans) {
            verdict.allowed = true;
            verdict.rule = rule;
            verdict.reason = "Inom delegation enligt punkt " + rule->punkt + " i delegationsordningen";
            return verdict;
        }
        const auto limit = limitOf(*rule, question.year, question.persons);
        if (!limit) {
            verdict.rule = rule;
            verdict.reason = "Delegationen enligt punkt " + rule->punkt + " räknas i prisbasbelopp, men delegationsordningen"
                             " saknar prisbasbeloppet för " + std::to_string(question.year) +
                             ". Lägg in årets prisbasbelopp i forms/delegation.json.";
            return verdict;
        }
        if (!widestLimit || *limit > *widestLimit) {
            widest = rule;
            widestLimit = limit;
        }
    }
    verdict.rule = widest;
    verdict.limit = widestLimit;
    const std::string months = std::to_string(widest->grans->manader);
    const std::string household = std::to_string(question.persons) + (question.persons == 1 ? " person" : " personer");
    if (total <= *widestLimit) {
        verdict.allowed = true;
        verdict.reason = "Inom delegation enligt punkt " + widest->punkt + " i delegationsordningen: " +
                         letters::kronor(total) + " av " + letters::kronor(*widestLimit) + " på " + months + " månader";
        return verdict;
    }
    verdict.reason = "Beslutet går utöver din delegation. Enligt punkt " + widest->punkt + " i delegationsordningen (" +
                     widest->beskrivning + ") får " + lower(roleName(*role)) + " besluta om högst " +
                     letters::kronor(*widestLimit) + " på " + months + " månader för ett hushåll med " + household +
                     " (" + percent(widest->grans->prisbasbeloppAndel) + " av prisbasbeloppet " +
                     letters::kronor(*prisbasbelopp(question.year)) + " för " + std::to_string(question.year) +
                     (question.persons > 1 ? " och " + percent(widest->grans->perYtterligarePerson) +
                                                 " för varje ytterligare person"
                                           : std::string()) +
                     "). Med det här beslutet (" + letters::kronor(question.belopp) + ") blir summan för sökanden " +
                     letters::kronor(total) + ", varav " + letters::kronor(question.tidigareBelopp) +
                     " i tidigare beslut de senaste " + months + " månaderna." + whoElse();
    return verdict;
}

std::vector<std::string> missingPrisbasbelopp(const Delegationsordning& ordning, swedish::Date today)
{
    const int year = static_cast<int>(today.year());
    std::vector<int> years{year};
    if (today.month() == std::chrono::December) years.push_back(year + 1);
    std::vector<std::string> missing;
    for (const int wanted : years)
        if (!ordning.prisbasbelopp(wanted))
            missing.push_back("delegation.json saknar prisbasbeloppet för " + std::to_string(wanted) +
                              (wanted == year ? ": delegaters beslut med beloppsgräns nekas tills det läggs in"
                                              : ": från den 1 januari nekas delegaters beslut med beloppsgräns tills det läggs in"));
    return missing;
}

} // namespace inkorg::decisions
