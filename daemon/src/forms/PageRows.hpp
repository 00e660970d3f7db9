#pragma once
/// A page's words regrouped into visual rows, each sorted left to right: the reader's lines
/// (Word::line), with lines that stand side by side at the same height (two columns read as two
/// blocks) joined into one row.
/// Checkbox glyphs glued to a word ("☒Hyresrätt", "[X]Villa") are split off as words of their own,
/// and so is a label glued to its value ("El:520" → "El:" "520").
/// Ruled lines and box edges that OCR reads as characters ("|", "!", "_", a lone "I" far from its
/// neighbours, an 'l' glued before a capital: "lUndersköterska") are dropped, and so are words
/// under a quarter of the page's usual word height (a scan's dotted leaders read as "SSA Re").

#include <inkorg/document.hpp>

#include <vector>

namespace inkorg::forms {

struct Row {
    std::vector<Word> words;   ///< left to right
    int top = 0;
    int bottom = 0;
    int height() const { return bottom - top; }
};

struct PageRows {
    int pageNumber = 1;
    int width = 0;
    int height = 0;
    std::vector<Row> rows;     ///< top to bottom
    std::vector<RuledLine> ruling;   ///< the page's (Page::ruling): where values are written
};

PageRows buildRows(const Page& page);

/// True when the word at `index` begins a phrase: the first word of its row, set apart from
/// the word before by a gap wider than the row's text height (a new column or a value column),
/// or the first word after a question's number that begins the row ("1. Ditt personnummer").
bool startsPhrase(const Row& row, std::size_t index);

/// True for a question's number printed before it: "1.", "12)", "b)" (and "19;" as OCR reads
/// "19." now and then).
bool isQuestionNumber(const std::string& text);

/// The smallest box containing both.
Box unite(const Box& a, const Box& b);

} // namespace inkorg::forms
