#include "forms/Classifier.hpp"

#include "forms/DistinctiveWords.hpp"
#include "forms/LabelMatcher.hpp"
#include "forms/PageRows.hpp"
#include "forms/QuestionWording.hpp"
#include "forms/TitleEvidence.hpp"
#include "forms/UnlistedLabels.hpp"

#include <algorithm>
#include <set>

namespace inkorg::forms {
namespace {

/// What a label worded otherwise than form.json, known by its words (UnlistedLabels), says of
/// its field, times its cover: half a printed wording's.
constexpr double kUnlistedLabelWeight = 0.5;

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
            for (const auto& match : findUnlistedLabels(pages[p], form, vocabulary, wanted, listed[p], {}).labels) {
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
