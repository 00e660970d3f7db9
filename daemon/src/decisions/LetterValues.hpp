#pragma once
/// How a record's values read in a beslutsbrev: a checkbox answer by the text printed beside it
/// on the blankett ("Allmänheten", not the stored "allmanheten"; "Starköl, Vin"), an amount in
/// Swedish kronor ("6 900 kr"), anything else as stored.

#include "forms/FormSpec.hpp"

#include <inkorg/record.hpp>

#include <map>
#include <string>

namespace inkorg::decisions {

/// Every field of `record` as the letter shows it ("field.<key>" in the templates).
std::map<std::string, std::string> letterValues(const forms::FormSpec& spec, const Record& record);

} // namespace inkorg::decisions
