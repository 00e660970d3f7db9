#pragma once
/// A free text that runs on over a page break (issue #17 item 4: free text "gathered until the
/// next label or the end of its box"). A blankett's free-text box that begins at the foot of a
/// page — its label, "Åtgärder som vidtagits direkt (fortsätt på separat blad vid behov)", the
/// page's last line — is written at the top of the next page. The label ends its page when no row
/// stands under it but the page's printed number ("Sida 1 (2)"); its text is then the next page's
/// rows above that page's first label, without its printed page number and without a row the
/// previous page printed too (a header repeated on every page: the kommun, the blankett's
/// number). Pure.

#include "forms/LabelMatcher.hpp"
#include "forms/PageRows.hpp"

#include <vector>

namespace inkorg::forms {

/// True when nothing but a printed page number stands under `label` on `page`.
bool endsItsPage(const PageRows& page, const LabelMatch& label);

/// The rows of `next` that continue a free text whose label ended `previous` (endsItsPage): the
/// rows above the first of `nextLabels` (every row when it has none) that are neither a printed
/// page number nor a repeat of a row of `previous`; empty when there are none.
std::vector<Row> runOnRows(const PageRows& previous, const PageRows& next, const std::vector<LabelMatch>& nextLabels);

} // namespace inkorg::forms
