#pragma once
/// Recognises which form a document is, from the evidence of the whole page, so that a kommun's
/// own layout and wording of a blankett is recognised as well as inkorg's. Every form scores the
/// document from 0 to 1:
///   0.25 × title — a heading in the top 40 % of page 1 that is one of the form's titles, word by
///                  word, in any case, broken over two lines or not (TitleEvidence.hpp)
///   0.5 × labels — the share of the form's fields whose label is printed as a label (starting a
///                  phrase or closed by ':'), each weighted by how specific the label is (a label
///                  that several forms print, such as "Datum", counts 1/n); a question's number
///                  ("2. Organisationsnummer") is no part of it, a question is weighed from the
///                  words that name what it asks ("Vad heter serveringsstället?"), and a label
///                  worded otherwise counts by its words at half weight (QuestionWording.hpp,
///                  UnlistedLabels.hpp)
///   0.25 × words — the share of the words only this form prints (its distinctive words, from its
///                  titles, labels and option texts: DistinctiveWords.hpp) found on its first
///                  two pages; a title lost under a stamp leaves labels and words enough
/// The best score wins when it reaches the form's classificationThreshold — or the form's whole
/// title heads the page (a short blankett of few fields) — its label share is at least
/// kMinimumLabelShare, and it leads the runner-up by kMinimumMargin; otherwise the document
/// is unclassified ("oklassificerad"). A wrong form is worse than none, so ties go to none, and a
/// letter or e-mail that names a form — its title, a few of its words — has too few of its
/// labels to be taken for it.

#include "forms/FormSpec.hpp"

#include <inkorg/document.hpp>

#include <map>
#include <string>
#include <vector>

namespace inkorg::forms {

inline constexpr double kTitleWeight = 0.25;
inline constexpr double kLabelWeight = 0.5;
inline constexpr double kWordsWeight = 0.25;
inline constexpr double kMinimumLabelShare = 0.25;
inline constexpr double kMinimumMargin = 0.1;
/// Title evidence of a form's whole title as the page's heading, word for word.
inline constexpr double kWholeTitle = 0.99;

struct Classification {
    std::string formId;                    ///< empty = unclassified
    /// 0–1. Classified: the winner's score lowered when the runner-up is close. Unclassified:
    /// how sure it is that no form fits (1 − best score).
    double confidence = 0.0;
    std::map<std::string, double> scores;  ///< form id → score 0–1, every form
};

/// Scores `document` against every form in `forms` and picks one, or none.
Classification classify(const Document& document, const std::vector<const FormSpec*>& forms);

} // namespace inkorg::forms
