#include "forms/BatchSplit.hpp"

#include "forms/Classifier.hpp"
#include "forms/PageRows.hpp"
#include "forms/PrintedPageNumber.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/TitleEvidence.hpp"
#include "text/Barcodes.hpp"

#include <algorithm>

namespace inkorg::forms {
namespace {

/// A title that is a form's own (TitleEvidence.hpp) starts a new part; a reworded one counts.
constexpr double kMinimumTitleEvidence = 0.6;

void close(BatchSplit& split, BatchPart& current, const Document& document)
{
    if (current.pages.empty()) return;
    current.firstPage = document.pages[current.pages.front()].number;
    current.lastPage = document.pages[current.pages.back()].number;
    split.parts.push_back(std::move(current));
    current = {};
}

} // namespace

bool isSeparatorPage(const Page& page)
{
    if (!text::isSparse(page)) return false;
    if (!page.barcodes.empty()) return true;
    static const std::string separator = foldForMatching("SKILJEBLAD");
    return std::any_of(page.words.begin(), page.words.end(), [](const Word& word) {
        const std::string folded = foldForMatching(word.text);
        return folded.size() + 1 >= separator.size() && editDistance(folded, separator) <= 1;
    });
}

std::string formStartingAt(const Page& page, const std::vector<const FormSpec*>& forms)
{
    Document alone;
    alone.pages.push_back(page);
    const Classification classification = classify(alone, forms);
    std::string candidate = classification.formId;
    if (candidate.empty()) {
        double best = 0.0;
        for (const auto& [id, score] : classification.scores)
            if (score > best) {
                best = score;
                candidate = id;
            }
    }
    if (candidate.empty()) return "";
    const PageRows rows = buildRows(page);
    for (const auto* form : forms)
        if (form->id == candidate) return titleEvidence(rows, *form) >= kMinimumTitleEvidence ? candidate : "";
    return "";
}

BatchSplit splitBatch(const Document& document, const std::vector<const FormSpec*>& forms)
{
    BatchSplit split;
    BatchPart current;
    for (std::size_t index = 0; index < document.pages.size(); ++index) {
        const Page& page = document.pages[index];
        if (isSeparatorPage(page)) {
            split.separatorPages.push_back(page.number);
            close(split, current, document);
            continue;
        }
        const std::string form = formStartingAt(page, forms);
        const auto printed = printedPageNumber(page);
        const bool continues = printed && *printed > 1 && !current.pages.empty() && current.formId == form;
        if (!form.empty() && !continues) {
            close(split, current, document);
            current.formId = form;
        }
        current.pages.push_back(index);
    }
    close(split, current, document);
    return split;
}

} // namespace inkorg::forms
