#pragma once
/// Whom a letter about a document goes to: the sökande, rapportör or anmälare the record names,
/// with the sökande's postal address.

#include <inkorg/record.hpp>

#include <string>

namespace inkorg::pipeline {

struct Mottagare {
    std::string namn;
    std::string adress;   ///< lines separated by '\n'; empty when the record has none
};

Mottagare mottagareOf(const inkorg::Record& record);

} // namespace inkorg::pipeline
