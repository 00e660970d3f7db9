#pragma once
/// Reads which options of a checkbox group are ticked in a value region: a tick (☒ ☑ ✓ ✔ ✗ X ■ ●,
/// "[X]", "(X)") in the box before the option's text ("[X] Hyresrätt", "X Hyresrätt") or, on
/// forms that put the box after the text, beside it ("Hyresrätt ☒"); one or several a line, or
/// one a line stacked under the question. An option worded otherwise than in form.json is known
/// by the words it shares with one option's wordings ("☒ Sjukvård": "Hälso- och sjukvård"). A
/// region without any box that names exactly one option ("Boendeform: Hyresrätt") is read as that
/// option. A box the page left in doubt (CheckboxMarks' unclear ink) makes every tick of the
/// group unsure; when nothing else is ticked it is taken as the tick, unsure.

#include "forms/FormSpec.hpp"
#include "forms/LabelMatcher.hpp"
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

/// The rows that hold the options of the question `label` asks: firstOptionGroup() of `located`
/// (the value region ValueLocator found), or the rows with boxes under the label within its
/// column when those name more options (one option a line beside another column's lines).
std::vector<Row> optionRegion(const PageRows& page, const std::vector<Row>& located, const LabelMatch& label,
                              const FieldSpec& field);

/// The rows of `page` that hold a group of `field`'s boxes whose question was not found (worded
/// otherwise, or broken over lines): consecutive rows with boxes and option texts of the field,
/// at least two of its options named. Empty when there is none; never for a yes/no question
/// (its "Ja"/"Nej" name no question).
std::vector<Row> unlabelledOptionGroup(const PageRows& page, const FieldSpec& field);

/// True for a word that is a ticked box ("☒", "X", "[x]", "✓" …).
bool isTickMark(const std::string& word);
/// True for a word that is an empty box or part of one ("☐", "[", "]", "[ ]", "( )").
bool isEmptyBox(const std::string& word);

} // namespace inkorg::forms
