#pragma once
/// Ticks on a page that no field's reading took. A tick beside an option's text is an answer;
/// when no group read it (its question unfound or misread, its box read apart from its group),
/// that answer was missed or read elsewhere, and saying nothing would pass the field as read.
/// A tick beside no option of the form (a consent box, "☒ Jag intygar …") is no field's answer
/// and is left alone.

#include "forms/FormSpec.hpp"
#include "forms/PageRows.hpp"

#include <vector>

namespace inkorg::forms {

struct UnclaimedTick {
    Box box;                          ///< the tick and the option's text beside it
    std::vector<std::size_t> fields;  ///< the option fields (indexes into form.fields) it names
};

/// The ticks of `page` ("☒", "(X)", "[x]", "✓" … — CheckboxReader::isTickMark) outside every box
/// of `claimed` (the places of the values read), each with the fields one of whose options the
/// text beside it names: the words after it up to the next box, or, with nothing there (a box
/// after its text), the words before it. Ticks that name no field are left out.
std::vector<UnclaimedTick> unclaimedTicks(const PageRows& page, const FormSpec& form, const std::vector<Box>& claimed);

} // namespace inkorg::forms
