#include "forms/Classifier.hpp"

#include "forms/DistinctiveWords.hpp"
#include "forms/LabelMatcher.hpp"
#include "forms/PageRows.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/TitleEvidence.hpp"
#include "forms/UnlistedLabels.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace inkorg::forms {
namespace {

/// What a label worded otherwise than form.json, known by its words (UnlistedLabels), says of
/// its field, times its cover: half a printed wording's.
constexpr double kUnlistedLabelWeight = 0.5;

/// Length of the number a blankett puts before a question at the start of `text`: "12.", "3)",
/// "(4)", "7:"; 0 when `text` does not begin so.
std::size_t questionNumberLength(const std::string& text)
{
    std::size_t at = text.starts_with("(") ? 1 : 0;
    const std::size_t digits = at;
    while (at < text.size() && at - digits < 3 && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
    if (at == digits || at - digits > 2 || at >= text.size()) return 0;
    if (text[at] != '.' && text[at] != ')' && text[at] != ':') return 0;
    return at + 1;
}

bool beginsWithLetter(const std::string& text)
{
    return !text.empty() && (std::isalpha(static_cast<unsigned char>(text[0])) || static_cast<unsigned char>(text[0]) >= 0xC0);
}

/// `page` without the numbers of numbered questions ("1. Firma", "12) Datum", "3.Sittplatser"), so
/// that the label after one starts its phrase as on a blankett that does not number them. A
/// number counts so only at a phrase's start, its label's first word close after it.
void dropQuestionNumbers(PageRows& page)
{
    for (auto& row : page.rows)
        for (std::size_t w = row.words.size(); w-- > 0;) {
            if (!startsPhrase(row, w)) continue;
            Word& word = row.words[w];
            const std::size_t length = questionNumberLength(word.text);
            if (length == 0) continue;
            if (length < word.text.size()) {   // glued to its label's first word
                if (!beginsWithLetter(word.text.substr(length))) continue;
                const int cut = word.box.width * static_cast<int>(length) / static_cast<int>(word.text.size());
                word.text.erase(0, length);
                word.box.x += cut;
                word.box.width -= cut;
            } else if (w + 1 < row.words.size() && !startsPhrase(row, w + 1) && beginsWithLetter(row.words[w + 1].text)) {
                row.words.erase(row.words.begin() + static_cast<std::ptrdiff_t>(w));
            }
        }
}

/// How many forms print each folded label: a label shared by n forms says 1/n about each.
std::map<std::string, int> labelSharing(const std::vector<const FormSpec*>& forms)
{
    std::map<std::string, int> sharing;
    for (const auto* form : forms) {
        std::set<std::string> own;
        for (const auto& field : form->fields)
            for (const auto& label : field.labels) own.insert(makeCandidate(0, label).folded);
        for (const auto& folded : own) ++sharing[folded];
    }
    return sharing;
}

/// The words a question begins with that ask, not name: "Vad heter …?", "Hur många …?", "Vem är
/// …?", "Vilka … vill ni …?" (folded).
bool asks(const std::string& folded)
{
    static const std::set<std::string> words{"vad", "vilken", "vilket", "vilka", "vem", "vems", "hur", "var", "nar",
                                             "varfor", "manga", "mycket", "lange", "heter", "ar", "har", "finns",
                                             "galler", "ska", "kan", "blir", "du", "ni", "det", "den", "de"};
    return words.contains(folded);
}

/// `page` with each question asked at a phrase's start ("Vad heter serveringsstället?", "Hur
/// många sittplatser har stället?") begun at the words that name what it asks for
/// ("serveringsstället?", "sittplatser har stället?"), so that they are weighed as a label is;
/// nullopt when the page asks nothing so.
std::optional<PageRows> questionsAsLabels(const PageRows& page)
{
    PageRows asked = page;
    bool changed = false;
    for (auto& row : asked.rows)
        for (std::size_t w = 0; w < row.words.size(); ++w) {
            if (!startsPhrase(row, w) || !asks(foldForMatching(row.words[w].text))) continue;
            std::size_t end = w;   // the phrase's last word, which must close the question
            while (end + 1 < row.words.size() && !startsPhrase(row, end + 1)) ++end;
            if (!row.words[end].text.ends_with("?")) continue;
            std::size_t first = w;
            while (first < end && asks(foldForMatching(row.words[first].text))) ++first;
            if (first == w || first == end + 1) continue;
            row.words.erase(row.words.begin() + static_cast<std::ptrdiff_t>(w),
                            row.words.begin() + static_cast<std::ptrdiff_t>(first));
            changed = true;
        }
    if (!changed) return std::nullopt;
    return asked;
}

double labelScore(const std::vector<PageRows>& pages, const FormSpec& form,
                  const std::map<std::string, int>& sharing, const std::map<std::string, std::string>& formFields)
{
    std::vector<LabelCandidate> candidates;
    for (std::size_t f = 0; f < form.fields.size(); ++f)
        for (const auto& label : form.fields[f].labels) candidates.push_back(makeCandidate(static_cast<int>(f), label));
    std::vector<double> found(form.fields.size(), 0.0);
    auto weightOf = [&](const LabelCandidate& candidate) {
        auto it = sharing.find(candidate.folded);
        return it == sharing.end() ? 1.0 : 1.0 / it->second;
    };
    std::vector<std::vector<LabelMatch>> listed;
    for (const auto& page : pages) {
        listed.push_back(findLabels(page, candidates, MatchStart::PhraseStart));
        for (const auto& match : listed.back()) {
            auto& slot = found[static_cast<std::size_t>(match.owner)];
            slot = std::max(slot, match.quality * weightOf(candidates[static_cast<std::size_t>(match.candidate)]));
        }
    }
    // A label worded otherwise ("Vad heter serveringsstället?" for "Serveringsställets namn"),
    // known by its words: less than a wording of form.json.
    std::vector<bool> wanted(found.size());
    for (std::size_t f = 0; f < found.size(); ++f) wanted[f] = found[f] == 0.0;
    if (std::ranges::any_of(wanted, [](bool w) { return w; })) {
        const FieldVocabulary vocabulary(form);
        for (std::size_t p = 0; p < pages.size(); ++p)
            for (const auto& match : findUnlistedLabels(pages[p], vocabulary, wanted, listed[p], {})) {
                auto& slot = found[static_cast<std::size_t>(match.owner)];
                slot = std::max(slot, kUnlistedLabelWeight * match.quality);
            }
    }
    // A fillable PDF's field names count as printed labels.
    for (const auto& [name, value] : formFields) {
        (void)value;
        auto folded = makeCandidate(0, name).folded;
        for (const auto& candidate : candidates) {
            std::size_t field = static_cast<std::size_t>(candidate.owner);
            if (candidate.folded == folded || makeCandidate(0, form.fields[field].key).folded == folded)
                found[field] = std::max(found[field], weightOf(candidate));
        }
    }
    double sum = 0.0;
    for (double value : found) sum += value;
    return form.fields.empty() ? 0.0 : sum / static_cast<double>(form.fields.size());
}

} // namespace

Classification classify(const Document& document, const std::vector<const FormSpec*>& forms)
{
    Classification result;
    std::vector<PageRows> pages;
    for (const auto& page : document.pages) {
        pages.push_back(buildRows(page));
        dropQuestionNumbers(pages.back());
    }
    // Labels are weighed on the pages as read and as their questions name what they ask.
    std::vector<PageRows> readings = pages;
    for (const auto& page : pages)
        if (auto asked = questionsAsLabels(page)) readings.push_back(std::move(*asked));
    auto sharing = labelSharing(forms);
    const auto distinctive = DistinctiveWords(forms).sharesFound(document);

    struct Scored {
        const FormSpec* form;
        double score;
        double labels;
        double title;
    };
    std::vector<Scored> scored;
    for (std::size_t f = 0; f < forms.size(); ++f) {
        const FormSpec* form = forms[f];
        double title = pages.empty() ? 0.0 : titleEvidence(pages.front(), *form);
        double labels = labelScore(readings, *form, sharing, document.formFields);
        double score = kTitleWeight * title + kLabelWeight * labels + kWordsWeight * distinctive[f];
        result.scores[form->id] = score;
        scored.push_back({form, score, labels, title});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
    if (scored.empty()) {
        result.confidence = 1.0;
        return result;
    }
    const Scored& best = scored.front();
    double runnerUp = scored.size() > 1 ? scored[1].score : 0.0;
    double margin = best.score - runnerUp;
    bool accepted = (best.score >= best.form->classificationThreshold || best.title >= kWholeTitle)
                    && best.labels >= kMinimumLabelShare && margin >= kMinimumMargin;
    if (!accepted) {
        result.confidence = std::clamp(1.0 - best.score, 0.0, 1.0);
        return result;
    }
    result.formId = best.form->id;
    result.confidence = std::clamp(best.score * std::min(1.0, 0.5 + margin), 0.0, 1.0);
    return result;
}

} // namespace inkorg::forms
