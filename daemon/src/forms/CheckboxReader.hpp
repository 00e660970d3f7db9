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

#include <optional>
#include <vector>

namespace inkorg::forms {

class FieldVocabulary;

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
/// column when those name more options (one option a line beside another column's lines). Under
/// the question's row the rows end where another question or cell caption beside the label
/// begins, when boxes stand under it: the next group's options are never this one's.
std::vector<Row> optionRegion(const PageRows& page, const std::vector<Row>& located, const LabelMatch& label,
                              const FieldSpec& field);

/// The rows of `page` that hold a group of `field`'s boxes whose question was not found (worded
/// otherwise, or broken over lines): consecutive rows with boxes and option texts of the field,
/// at least two of its options named. Empty when there is none; never for a yes/no question
/// (its "Ja"/"Nej" name no question).
std::vector<Row> unlabelledOptionGroup(const PageRows& page, const FieldSpec& field);

/// A yes/no question found by its words (yesNoQuestionByWords).
struct YesNoQuestion {
    std::vector<Row> options;   ///< the rows of its boxes, each cut to the boxes and option texts
    double quality = 0.0;       ///< how sure it is the field's: halfway from its words' cover to 1
};

/// The yes/no question of the boolean field `field` (an index into form.fields) worded otherwise
/// than form.json ("Bedömer du att barnet behöver skydd omgående?" for "Behöver barnet skydd
/// omedelbart?", "Känner vårdnadshavarna till anmälan?" for "Har vårdnadshavarna informerats?"):
/// the field's options ("Ja", "Nej", "Vet ej") beside their boxes, side by side on one row or one
/// under the other; its question the phrase before them on their row or the phrase above them
/// (over one line or two).
/// The question's words are compared with every boolean field's wordings (FieldVocabulary): it is
/// `field`'s when it names that field best, no other as well, with words few of the form's fields
/// use; of several such questions on the page the best named. Boxes that overlap `taken` (values
/// already read) are passed over.
std::optional<YesNoQuestion> yesNoQuestionByWords(const PageRows& page, const FormSpec& form,
                                                  const FieldVocabulary& vocabulary, std::size_t field,
                                                  const std::vector<Box>& taken);

/// What a group in which no tick was read (readTickedOptions empty) is:
enum class UntickedGroup {
    NotSeen,     ///< not the group: fewer than two of its options named beside a box (its text
                 ///< may begin with a word or two before the option's words: "☐ Ett missförhållande")
    LeftBlank,   ///< not answered: every box in it read clearly as empty ("☐", "[ ]"), no tick,
                 ///< and every option named beside its box (an optional group: those named)
    Unread,      ///< seen, but options or boxes the page lost (two options or more named and not
                 ///< one box read on their lines), a box in doubt, or a tick beside a
                 ///< text no option's wording names: what was answered is unknown
};
UntickedGroup untickedGroup(const std::vector<Row>& region, const FieldSpec& field);

/// Every wording of every option of `field`, each owned by its option's index.
std::vector<LabelCandidate> optionCandidates(const FieldSpec& field);

/// True for a word that is a ticked box ("☒", "X", "[x]", "✓" …; spaces around it aside).
bool isTickMark(const std::string& word);
/// True for a word that is an empty box or part of one ("☐", "[", "]", "[ ]", "( )").
bool isEmptyBox(const std::string& word);
/// True for a word that is a box, ticked or empty, as printed or as OCR reads one ("☐", "(X)",
/// "O", "CJ", "BH"): a short token without lower-case letters beside an option.
bool isBox(const std::string& word);

} // namespace inkorg::forms
