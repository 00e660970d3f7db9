#pragma once
/// Labels printed as a questionnaire prints them: numbered ("2. Organisationsnummer", "12) Datum")
/// and worded as questions ("Vad heter serveringsstället?", "Hur många sittplatser har
/// stället?"). Both are turned into the label a blankett without them prints, so that what
/// weighs labels reads the words that name the field.

#include "forms/PageRows.hpp"

#include <optional>
#include <string>

namespace inkorg::forms {

/// Takes out of `page` the numbers before numbered questions ("1. Firma", "12) Datum", "(4)
/// Telefon", "3.Sittplatser"), so that the label after one starts its phrase. A number counts so
/// only at a phrase's start, one or two digits closed by '.', ')' or ':', its label's first
/// word (a letter first) close after it: "12:30", "5 400 kr" and "1.5" stay.
void dropQuestionNumbers(PageRows& page);

/// True for a folded word a question begins with that asks, not names: "Vad heter …?", "Hur
/// många …?", "Vem är …?", "Vilka … vill ni …?".
bool asks(const std::string& folded);

/// `page` with each question at a phrase's start, closed by '?' within its phrase, begun at the
/// words that name what it asks for: the words that only ask ("vad", "vilka", "hur", "många",
/// "heter", "är", "ni" …) taken off its front ("Vad heter serveringsstället?" →
/// "serveringsstället?"). nullopt when the page asks nothing so.
std::optional<PageRows> questionsAsLabels(const PageRows& page);

} // namespace inkorg::forms
