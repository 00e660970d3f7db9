#include "decisions/LegalModel.hpp"

#include "forms/RecordJson.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace inkorg::decisions {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::vector<std::string> texts(const Array::Ptr& array, const std::string& where)
{
    std::vector<std::string> result;
    if (!array) return result;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto value = array->get(static_cast<unsigned>(i));
        if (!value.isString()) throw LegalModelError(where + " ska vara en lista med texter");
        result.push_back(value.extract<std::string>());
    }
    return result;
}

std::vector<std::vector<std::string>> groups(const Array::Ptr& array, const std::string& where)
{
    std::vector<std::vector<std::string>> result;
    if (!array) return result;
    for (std::size_t i = 0; i < array->size(); ++i) result.push_back(texts(array->getArray(i), where));
    return result;
}

Overklagande routeOf(const std::string& text, const std::string& where)
{
    if (text == "forvaltningsbesvar") return Overklagande::Forvaltningsbesvar;
    if (text == "laglighetsprovning") return Overklagande::Laglighetsprovning;
    throw LegalModelError(where + ".overklagande ska vara forvaltningsbesvar eller laglighetsprovning, inte \"" + text + "\"");
}

Villkor villkorFrom(const Object::Ptr& nar, const std::string& where)
{
    Villkor villkor;
    for (const auto& [field, _] : *nar)
        if (!field.starts_with("_")) villkor[field] = texts(nar->getArray(field), where);
    return villkor;
}

std::map<std::string, std::string> outcomesFrom(const Object::Ptr& bestammelser)
{
    std::map<std::string, std::string> outcomes;
    for (const auto& [utfall, text] : *bestammelser)
        if (!utfall.starts_with("_")) outcomes[utfall] = text.toString();
    return outcomes;
}

std::string outcomeIn(const std::map<std::string, std::string>& outcomes, const std::string& outcome)
{
    if (const auto found = outcomes.find(outcome); found != outcomes.end()) return found->second;
    if (const auto any = outcomes.find("*"); any != outcomes.end()) return any->second;
    return {};
}

Beslutstyp typFrom(const Object::Ptr& json, const std::string& where)
{
    Beslutstyp typ;
    typ.lagrum = json->optValue<std::string>("lagrum", "");
    if (typ.lagrum.empty()) throw LegalModelError(where + ".lagrum saknas");
    if (const auto bestammelser = json->getObject("bestammelser")) typ.bestammelser = outcomesFrom(bestammelser);
    if (const auto nar = json->getArray("bestammelserNar"))
        for (std::size_t i = 0; i < nar->size(); ++i) {
            const auto item = nar->getObject(i);
            const std::string at = where + ".bestammelserNar[" + std::to_string(i) + "]";
            if (!item || !item->getObject("nar") || !item->getObject("bestammelser"))
                throw LegalModelError(at + " ska ha nar och bestammelser");
            typ.bestammelserNar.push_back({villkorFrom(item->getObject("nar"), at + ".nar"),
                                           outcomesFrom(item->getObject("bestammelser"))});
        }
    typ.overklagande = routeOf(json->optValue<std::string>("overklagande", "forvaltningsbesvar"), where);
    if (json->has("provadForst")) typ.provadForst = json->getValue<std::string>("provadForst");
    if (const auto beviljat = json->getArray("beviljat"))
        for (std::size_t i = 0; i < beviljat->size(); ++i) {
            const auto item = beviljat->getObject(i);
            if (!item) throw LegalModelError(where + ".beviljat ska vara en lista med objekt");
            Uppgift uppgift;
            uppgift.key = item->getValue<std::string>("key");
            uppgift.rubrik = item->optValue<std::string>("rubrik", uppgift.key);
            uppgift.kravs = item->optValue<bool>("kravs", false);
            uppgift.begransar = item->optValue<bool>("begransar", false);
            uppgift.standard = texts(item->getArray("standard"), where + ".beviljat.standard");
            typ.beviljat.push_back(std::move(uppgift));
        }
    return typ;
}

std::string fieldText(const Record& record, const std::string& key)
{
    const auto found = record.fields.find(key);
    return found == record.fields.end() ? std::string() : forms::valueText(found->second.value);
}

} // namespace

bool fits(const Villkor& nar, const Record& record)
{
    return std::all_of(nar.begin(), nar.end(), [&](const auto& condition) {
        const std::string value = fieldText(record, condition.first);
        return std::find(condition.second.begin(), condition.second.end(), value) != condition.second.end();
    });
}

std::string Beslutstyp::bestammelserFor(const std::string& outcome, const Record* record) const
{
    if (record)
        for (const auto& own : bestammelserNar)
            if (fits(own.nar, *record))
                if (auto text = outcomeIn(own.bestammelser, outcome); !text.empty()) return text;
    return outcomeIn(bestammelser, outcome);
}

LegalModel LegalModel::load(const std::filesystem::path& formJson)
{
    std::ifstream in(formJson, std::ios::binary);
    if (!in) throw LegalModelError(formJson.string() + " kunde inte läsas");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), formJson.string());
}

LegalModel LegalModel::parse(const std::string& json, const std::string& source)
{
    LegalModel model;
    try {
        const auto root = Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
        const auto beslut = root->getObject("beslut");
        if (!beslut) return model;
        if (const auto roller = beslut->getObject("roller")) {
            model.mottagare_ = texts(roller->getArray("mottagare"), "beslut.roller.mottagare");
            model.parter_ = texts(roller->getArray("parter"), "beslut.roller.parter");
            model.adress_ = groups(roller->getArray("adress"), "beslut.roller.adress");
            model.personnummer_ = texts(roller->getArray("personnummer"), "beslut.roller.personnummer");
            model.period_ = roller->optValue<std::string>("period", "");
            if (const auto hushall = roller->getObject("hushall")) {
                model.hushallPersoner_ = groups(hushall->getArray("personer"), "beslut.roller.hushall.personer");
                model.hushallAntal_ = texts(hushall->getArray("antal"), "beslut.roller.hushall.antal");
            }
        }
        if (const auto arenden = beslut->getArray("arenden"))
            for (std::size_t i = 0; i < arenden->size(); ++i) {
                const auto item = arenden->getObject(i);
                Arende arende;
                arende.id = item->getValue<std::string>("id");
                arende.benamning = item->optValue<std::string>("benamning", arende.id);
                if (const auto nar = item->getObject("nar")) arende.nar = villkorFrom(nar, "beslut.arenden." + arende.id + ".nar");
                model.arenden_.push_back(std::move(arende));
            }
        const auto typer = beslut->getArray("beslutstyper");
        if (typer && typer->size() == 0) throw LegalModelError("beslut.beslutstyper är tom");
        for (std::size_t i = 0; typer && i < typer->size(); ++i)
            model.typer_.push_back(typFrom(typer->getObject(i), "beslut.beslutstyper[" + std::to_string(i) + "]"));
        for (const auto& typ : model.typer_)
            if (typ.provadForst && !model.typ(*typ.provadForst))
                throw LegalModelError("beslut.beslutstyper: " + typ.lagrum + " är prövad först enligt " + *typ.provadForst +
                                      ", som inte finns bland beslutstyperna");
        if (model.mottagare_.empty()) throw LegalModelError("beslut.roller.mottagare saknas");
    } catch (const LegalModelError& e) {
        throw LegalModelError(source + ": " + e.what());
    } catch (const Poco::Exception& e) {
        throw LegalModelError(source + ": beslut är inte giltigt: " + e.displayText());
    }
    return model;
}

const Beslutstyp* LegalModel::typ(const std::string& lagrum) const
{
    if (typer_.empty()) return nullptr;
    if (lagrum.empty()) return &typer_.front();
    const auto found = std::find_if(typer_.begin(), typer_.end(), [&](const auto& t) { return t.lagrum == lagrum; });
    return found == typer_.end() ? nullptr : &*found;
}

std::string LegalModel::lagrumList() const
{
    std::string list;
    for (const auto& typ : typer_) list += (list.empty() ? "" : " eller ") + typ.lagrum;
    return list;
}

std::optional<Arende> LegalModel::arendeOf(const Record& record, const std::string& formId) const
{
    if (arenden_.empty()) return Arende{formId, formId, {}};
    for (const auto& arende : arenden_)
        if (fits(arende.nar, record)) return arende;
    return std::nullopt;
}

std::vector<BeslutsDel> LegalModel::delar(const Beslutstyp& typ, const std::string& utfall) const
{
    std::vector<BeslutsDel> parts;
    if (typ.provadForst) parts.push_back({this->typ(*typ.provadForst), "avslag"});
    parts.push_back({&typ, utfall});
    return parts;
}

std::string LegalModel::mottagare(const Record& record) const
{
    for (const auto& key : mottagare_)
        if (const auto name = fieldText(record, key); !name.empty()) return name;
    return {};
}

std::vector<std::string> LegalModel::parter(const Record& record) const
{
    std::vector<std::string> names;
    for (const auto& key : parter_)
        if (const auto name = fieldText(record, key); !name.empty()) names.push_back(name);
    return names;
}

std::string LegalModel::adress(const Record& record) const
{
    std::string lines;
    for (const auto& group : adress_) {
        std::string line;
        for (const auto& key : group)
            if (const auto part = fieldText(record, key); !part.empty()) line += (line.empty() ? "" : " ") + part;
        if (!line.empty()) lines += (lines.empty() ? "" : "\n") + line;
    }
    return lines;
}

std::vector<std::string> LegalModel::adressFields() const
{
    std::vector<std::string> keys;
    for (const auto& group : adress_) keys.insert(keys.end(), group.begin(), group.end());
    return keys;
}

std::vector<std::string> LegalModel::fieldKeys() const
{
    std::vector<std::string> keys = mottagare_;
    auto add = [&](const std::vector<std::string>& more) { keys.insert(keys.end(), more.begin(), more.end()); };
    add(parter_);
    add(personnummer_);
    add(hushallAntal_);
    for (const auto& group : adress_) add(group);
    for (const auto& group : hushallPersoner_) add(group);
    if (!period_.empty()) keys.push_back(period_);
    for (const auto& arende : arenden_)
        for (const auto& [field, _] : arende.nar) keys.push_back(field);
    for (const auto& typ : typer_) {
        for (const auto& uppgift : typ.beviljat) add(uppgift.standard);
        for (const auto& own : typ.bestammelserNar)
            for (const auto& [field, _] : own.nar) keys.push_back(field);
    }
    return keys;
}

std::optional<std::string> LegalModel::period(const Record& record) const
{
    if (period_.empty()) return std::nullopt;
    return swedish::parseMonth(fieldText(record, period_));
}

int LegalModel::hushall(const Record& record) const
{
    int persons = 1;
    for (const auto& group : hushallPersoner_)
        if (std::any_of(group.begin(), group.end(), [&](const auto& key) { return !fieldText(record, key).empty(); }))
            ++persons;
    for (const auto& key : hushallAntal_) persons += static_cast<int>(std::clamp(record.integer(key).value_or(0), 0LL, 20LL));
    return persons;
}

} // namespace inkorg::decisions
