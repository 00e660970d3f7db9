#include "validate/NormTables.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace inkorg::validate {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

bool isComment(const std::string& key) { return key.starts_with("_"); }

int numberKey(const std::string& key, const std::string& where)
{
    std::size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(key, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != key.size()) throw std::runtime_error(where + ": \"" + key + "\" är inget tal");
    return value;
}

long long amount(const Poco::Dynamic::Var& value, const std::string& where)
{
    if (!value.isNumeric()) throw std::runtime_error(where + " ska vara ett belopp i kronor");
    const long long kronor = value.convert<long long>();
    if (kronor < 0) throw std::runtime_error(where + " får inte vara negativt");
    return kronor;
}

std::string source(const Poco::Dynamic::Var& value, const std::string& where)
{
    if (!value.isString() || value.toString().empty()) throw std::runtime_error(where + " ska vara en text som anger källan");
    return value.toString();
}

Object::Ptr objectAt(const Poco::Dynamic::Var& value, const std::string& where);

Riksnorm readRiksnorm(const Object& year, const std::string& where)
{
    Riksnorm norm;
    for (const auto& [key, value] : year) {
        const std::string at = where + "." + key;
        if (isComment(key)) continue;
        if (key == "ensamstaende") norm.ensamstaende = amount(value, at);
        else if (key == "sambor") norm.sambor = amount(value, at);
        else if (key == "kalla") norm.kalla = source(value, at);
        else if (key == "barn") {
            for (const auto& [age, cost] : *objectAt(value, at))
                if (!isComment(age)) norm.barn[age] = amount(cost, at + "." + age);
        } else if (key == "gemensamma") {
            if (value.type() != typeid(Array::Ptr)) throw std::runtime_error(at + " ska vara en lista");
            const auto list = value.extract<Array::Ptr>();
            for (std::size_t i = 0; i < list->size(); ++i)
                norm.gemensamma.push_back(amount(list->get(static_cast<unsigned>(i)), at));
        } else {
            throw std::runtime_error(at + ": okänd nyckel");
        }
    }
    if (norm.kalla.empty()) throw std::runtime_error(where + ".kalla saknas: ange källan till årets riksnorm");
    if (!norm.barn.count("11-14")) throw std::runtime_error(where + ".barn saknar åldersgruppen \"11-14\"");
    norm.barn11till14 = norm.barn.at("11-14");
    return norm;
}

HyresnormTable readHyresnorm(const Object& year, const std::string& where)
{
    HyresnormTable table;
    for (const auto& [key, value] : year) {
        const std::string at = where + "." + key;
        if (isComment(key)) continue;
        if (key == "kalla") table.kalla = source(value, at);
        else if (key == "rum") {
            for (const auto& [rooms, rent] : *objectAt(value, at))
                if (!isComment(rooms)) table.perRum[numberKey(rooms, at)] = amount(rent, at + "." + rooms);
        } else {
            throw std::runtime_error(at + ": okänd nyckel");
        }
    }
    if (table.kalla.empty()) throw std::runtime_error(where + ".kalla saknas: ange kommunens beslut som tabellen bygger på");
    return table;
}

Object::Ptr objectAt(const Poco::Dynamic::Var& value, const std::string& where)
{
    if (value.type() != typeid(Object::Ptr)) throw std::runtime_error(where + " ska vara ett objekt");
    return value.extract<Object::Ptr>();
}

} // namespace

NormTables loadNormTables(const std::filesystem::path& file, const std::string& kommun)
{
    std::ifstream in(file);
    if (!in) throw std::runtime_error("Normtabellerna " + file.string() + " kan inte läsas");
    std::stringstream content;
    content << in.rdbuf();

    Object::Ptr root;
    try {
        Poco::JSON::Parser parser;
        root = objectAt(parser.parse(content.str()), "roten");
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("Normtabellerna " + file.string() + " är inte giltig JSON: " + e.displayText());
    }

    NormTables tables;
    tables.kommun = kommun;
    try {
        for (const auto& [key, value] : *root) {
            if (isComment(key)) continue;
            if (key == "riksnorm") {
                for (const auto& [year, norm] : *objectAt(value, key)) {
                    if (isComment(year)) continue;
                    const std::string where = "riksnorm." + year;
                    tables.riksnorm[numberKey(year, where)] = readRiksnorm(*objectAt(norm, where), where);
                }
            } else if (key == "hyresnorm") {
                for (const auto& [name, years] : *objectAt(value, key)) {
                    if (isComment(name)) continue;
                    for (const auto& [year, table] : *objectAt(years, "hyresnorm." + name)) {
                        if (isComment(year)) continue;
                        const std::string where = "hyresnorm." + name + "." + year;
                        const int number = numberKey(year, where);
                        HyresnormTable read = readHyresnorm(*objectAt(table, where), where);
                        if (name == kommun) tables.hyresnorm[number] = std::move(read);
                    }
                }
            } else if (key == "lexSarahUtredningArbetsdagar") {
                tables.lexSarahUtredningArbetsdagar = static_cast<int>(amount(value, key));
            } else {
                throw std::runtime_error(key + ": okänd nyckel");
            }
        }
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("Normtabellerna " + file.string() + ": " + e.displayText());
    } catch (const std::runtime_error& e) {
        throw std::runtime_error("Normtabellerna " + file.string() + ": " + e.what());
    }
    return tables;
}

std::vector<std::string> missingNorms(const NormTables& tables, int year)
{
    std::vector<std::string> missing;
    const std::string y = std::to_string(year);
    if (!tables.riksnorm.count(year))
        missing.push_back("Normtabellerna saknar riksnormen för " + y + ": sökta belopp prövas inte mot riksnormen.");
    if (!tables.hyresnorm.count(year))
        missing.push_back("Normtabellerna saknar hyresnormen för " + tables.kommun + " " + y +
                          ": hyror prövas inte mot kommunens högsta godtagbara hyra.");
    return missing;
}

} // namespace inkorg::validate
