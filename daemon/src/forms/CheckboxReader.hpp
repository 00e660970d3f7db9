#pragma once
/// Reads which options of a checkbox group are ticked in a value region: a tick (☒ ☑ ✓ ✔ ✗ X,
/// "[X]", "(X)") in the box before the option's text ("[X] Hyresrätt", "X Hyresrätt") or, on
/// forms that put the box after the text, beside it ("Hyresrätt ☒"). A region without any box
/// that names exactly one option ("Boendeform: Hyresrätt") is read as that option.

#include "forms/FormSpec.hpp"
#include "forms/PageRows.hpp"

#include <vector>

namespace inkorg::forms {

struct TickedOption {
    std::size_t option = 0;    ///< index into FieldSpec::options
    double confidence = 1.0;   ///< OCR confidence of tick and text × match quality
    Box box;                   ///< tick and option text
};

/// The ticked options in the order of FieldSpec::options.
std::vector<TickedOption> readTickedOptions(const std::vector<Row>& region, const FieldSpec& field);

/// The rows of `region` up to (not including) the first row that names an option already named
/// above it: the next question's own "Ja / Nej" when the question between went unrecognised.
std::vector<Row> firstOptionGroup(const std::vector<Row>& region, const FieldSpec& field);

/// True for a word that is a ticked box ("☒", "X", "[x]", "✓" …).
bool isTickMark(const std::string& word);
/// True for a word that is an empty box or part of one ("☐", "[", "]", "[ ]", "( )").
bool isEmptyBox(const std::string& word);

} // namespace inkorg::forms
