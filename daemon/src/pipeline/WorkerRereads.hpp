#pragma once
/// The pipeline's reader of values read again (forms/FieldReread.hpp): the regions of each page
/// go to an OCR worker in one "reread" request (WorkerProtocol, text/LineReread), with the cleaned
/// page image the worker returned when it read the page — the same pixels the boxes refer to —;
/// the request goes to that worker while it runs, which still holds the page and so decodes
/// nothing (TextExtractor::rereadLines, text/WorkerPages.hpp).

#include "forms/FieldReread.hpp"
#include "text/TextExtractor.hpp"

#include <vector>

namespace inkorg::pipeline {

/// A LineReader over `images` (the document's OCR'd pages; both must outlive it). A page with no
/// image (a text layer) is not read; a region a worker refuses, or a page whose worker fails,
/// leaves its values unread (logged as a warning, personnummer masked). Each page's request is
/// timed and logged at debug level (inkorg.pipeline: "re-read N values of page P in M ms"), the
/// cost of the confirming reading.
forms::LineReader workerRereads(text::TextExtractor& text, const std::vector<text::PageImage>& images);

} // namespace inkorg::pipeline
