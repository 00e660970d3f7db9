#pragma once
/// The page number a form prints on its own pages — "Sida 2 (3)", "Sida 2 av 3", "Sid. 2/3",
/// "Blad 2" in its header or footer. A blankett's second page often repeats its header (the
/// kommun, the title, the blankett number), which reads like a first page; its printed number
/// says it continues. Pure.

#include <inkorg/document.hpp>

#include <optional>

namespace inkorg::forms {

/// The number N of the first "Sida N", "Sid N", "Sid. N", "Blad N" on `page` (in its word
/// order; N in 1–99, written "2", "2(3)", "2/3" or followed by "(3)", "av 3", "/3"), or nullopt
/// when the page prints none.
std::optional<int> printedPageNumber(const Page& page);

} // namespace inkorg::forms
