#pragma once
/// Print that Tesseract's layout analysis left out of a page. With a form's ruling taken out, a
/// column of short values beside their labels ("2", "3 475:-", "6 000") can be taken for noise
/// and dropped whole while the labels read well: the words are then simply missing, with nothing
/// to say so (issue 17). What the page's words do not cover is found in its pixels and handed
/// back as text-sized, line-shaped regions, for the reader to read again one line at a time.

#include "text/OcrEngine.hpp"

#include <inkorg/document.hpp>

#include <leptonica/allheaders.h>

#include <vector>

namespace inkorg::text {

/// The regions of `area` (page pixels) of `ink` (the page as read, 1-bit, or 8-bit with dark
/// ink) whose ink no box of `words` covers: specks, the dots of a leader and a page of only
/// pictures left aside. Each region is one line of print, at most half an inch high, padded a
/// little, in the page's pixels, top to bottom. None when more than `limit` are found: a page of
/// handwriting or pictures, which Tesseract has seen whole already.
std::vector<Box> unreadInk(PIX* ink, const std::vector<Word>& words, const Box& area, std::size_t limit = 40);

/// Adds to `words` (what `engine` read from `area` of `page`, in page pixels) the print of `ink`
/// they leave out, each region read as one line and given a text line of its own after the
/// others. A word read there is kept only with a letter or digit and a confidence of 0.6 or more:
/// a signature, a logo or a stamp read as a line gives less.
/// Returns the regions where no word was kept: print that stayed unread (Page::unreadInk), for
/// the forms to tell a field written but not read from a blank one.
std::vector<Box> readLeftOut(OcrEngine& engine, PIX* page, PIX* ink, const Box& area, std::vector<Word>& words);

/// `regions` less those a word of `words` overlaps (read after all: a comb's digits, a
/// checkbox's glyph), cut to the page `width` × `height`, at most kMaxUnreadInk.
std::vector<Box> stillUnread(std::vector<Box> regions, const std::vector<Word>& words, int width, int height);

} // namespace inkorg::text
