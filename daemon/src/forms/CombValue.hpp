#pragma once
/// A value written in a comb (text/CombField: a row of boxes, one character each) read as one
/// word. A scan's recogniser and a PDF's text layer give its characters as words of their own
/// ("2 0 0 2 0 7 2 6"), or a few boxes' characters as one; the comb's walls are cell borders that
/// would end the value at the first of them. Joined in box order, a gap between two groups of
/// boxes as a space ("573 39"), a box with no character as nothing, the value is read and checked
/// like any typed value.

#include <inkorg/document.hpp>

#include <vector>

namespace inkorg::forms {

/// Joins the words of `words` (a page's, any order) that stand in a comb of `ruling` (the page's)
/// into one word per comb: at the place of its first word, its box around them all, its
/// confidence the least of theirs. A box's wall read as a character ("|", "!") is dropped. The
/// comb's inner walls are taken out of `ruling`: the comb is one place, its first and last walls
/// its sides.
void joinCombValues(std::vector<Word>& words, std::vector<RuledLine>& ruling);

} // namespace inkorg::forms
