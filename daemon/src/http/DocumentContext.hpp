#pragma once
/// What the routes need to know about a document beyond its row: the loaded form now in force,
/// its title for people, and the FormContext its rules are checked in.

#include "http/DocumentFacts.hpp"
#include "pipeline/Services.hpp"

#include <inkorg/plugin.hpp>

#include <string>

namespace inkorg::http {

/// The form in force, or null (oklassificerad, or a form no longer loaded).
const forms::LoadedForm* formOf(const pipeline::Services& services, const DocumentFacts& facts);

/// "Ansökan om ekonomiskt bistånd", or "Inkommen handling" without a form.
std::string formTitleOf(const pipeline::Services& services, const DocumentFacts& facts);

/// Inkom datum and today, with the municipality's norm tables.
inkorg::FormContext formContextOf(const pipeline::Services& services, const DocumentFacts& facts);

} // namespace inkorg::http
