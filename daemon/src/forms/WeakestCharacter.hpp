#pragma once
/// The least sure character of a value read from a scan (issue #17: nothing wrong passes
/// silently): a value's confidence is its words' mean, which hides one doubted digit ("2700"
/// read for 5700 with a sure "700"). Its words are the page's words inside the value's box, each
/// with its least sure character as Tesseract read it (Word::weakestSymbol). Pure.

#include <inkorg/document.hpp>
#include <inkorg/record.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace inkorg::forms {

struct WeakestCharacter {
    double confidence = 1.0;   ///< 0–1
    std::string character;     ///< UTF-8; empty when none was doubted
    std::size_t at = 0;        ///< from 1, counted in the value's characters without spaces
};

/// The least sure character of `field` as read from `pages`: among the OCR'd words of its page
/// whose centre lies in its box. None for a field with no place, or read from a page's text layer.
WeakestCharacter weakestCharacterOf(const Field& field, const std::vector<Page>& pages);

/// How surely the words of `field` were read: the mean confidence Tesseract gave the OCR'd words
/// of its page whose centre lies in its box — the reading alone, where Field::confidence also
/// holds how well the label beside it matched (a label worded otherwise is no doubt about the
/// characters read). A checkbox's mark (☐, ☒) decides its group alone: the reading is no surer
/// than its least sure mark (an unclear tick, text/CheckboxMarks). 1 for a page read from its
/// text layer: its characters are the sender's own.
/// None for a field with no place, or no word in it.
std::optional<double> wordConfidenceOf(const Field& field, const std::vector<Page>& pages);

} // namespace inkorg::forms
