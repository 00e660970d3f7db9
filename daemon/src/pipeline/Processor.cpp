#include "pipeline/Processor.hpp"

#include "forms/RecordJson.hpp"
#include "text/ArchiveCopy.hpp"
#include "text/Unreadable.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/Logger.h>

#include <fstream>
#include <sstream>
#include <system_error>

namespace inkorg::pipeline {

namespace fs = std::filesystem;

namespace {

swedish::Date dateOf(const std::string& isoTime)
{
    if (auto date = swedish::parseDate(isoTime.substr(0, 10))) return *date;
    return swedish::today();
}

/// After 16:00 local time, or on a day that is not an arbetsdag, counts as after office hours.
bool afterOfficeHours(const std::string& isoTime)
{
    if (isoTime.size() < 13) return false;
    const int utcHour = std::stoi(isoTime.substr(11, 2));
    return utcHour + 1 >= 16 || !swedish::isArbetsdag(dateOf(isoTime));
}

/// Who sent it, for the diarium's avsändare: the first of the form's person/organisation fields.
std::string senderOf(const inkorg::Record& record)
{
    for (const char* key : {"sokande_namn", "rapportor_namn", "anmalare_namn"})
        if (auto name = record.text(key)) return *name;
    return "";
}

diarium::Registration registrationOf(const diarium::Job& job, const forms::Analysis& analysis, int pages)
{
    diarium::Registration registration;
    registration.jobId = job.id;
    registration.register_ = analysis.registerName();
    registration.confidence = analysis.confidence;
    registration.pages = pages;
    registration.recordJson = forms::stringify(forms::valuesToJson(analysis.record));
    registration.fieldConfidenceJson = forms::stringify(forms::confidencesToJson(analysis.record));
    registration.issuesJson = forms::stringify(forms::issuesToJson(analysis.issues));
    registration.priority = analysis.plan.priority;
    for (const auto& deadline : analysis.plan.deadlines)
        registration.deadlines.push_back({0, 0, deadline.kind, deadline.title, swedish::toIso(deadline.due)});

    const std::string sender = senderOf(analysis.record);
    registration.beskrivningSecret = analysis.title();
    registration.avsandareSecret = sender;
    if (!analysis.form) {
        registration.status = diarium::kUnclassified;
        registration.beskrivningPublic = "Inkommen handling";
        registration.avsandarePublic = "";
        return registration;
    }
    registration.formId = analysis.form->spec.id;
    registration.status = analysis.issues.empty() ? diarium::kRegistered : diarium::kNeedsReview;
    registration.beskrivningPublic = analysis.form->spec.publicDescription;
    // form.json says whether the sender may be shown in the public list (OSL 26:1: mostly not).
    registration.avsandarePublic = analysis.form->spec.senderIsPublic ? sender : "(sekretess)";
    return registration;
}

} // namespace

Processor::Processor(Services& services) : services_(services) {}

long long Processor::accept(const fs::path& file, const std::string& originalName, const std::string& source,
                            const std::string& receivedAt)
{
    const std::string sha256 = services_.store().put(file);
    return services_.diarium().enqueue({sha256, originalName, source, receivedAt});
}

forms::Analysis Processor::analyse(const inkorg::Document& document, const std::string& receivedAt) const
{
    inkorg::FormContext context;
    context.received = dateOf(receivedAt);
    context.today = swedish::today();
    context.receivedAfterOfficeHours = afterOfficeHours(receivedAt);
    context.norms = &services_.norms();
    return forms::analyse(document, services_.forms(), context);
}

Outcome Processor::process(const diarium::Job& job)
{
    inkorg::Document document;
    std::vector<text::PageImage> images;
    try {
        document = services_.text().read(services_.store().pathOf(job.file.sha256), images);
    } catch (const text::Unreadable& unreadable) {
        return quarantine(job, unreadable.what());
    }
    Outcome outcome;
    outcome.analysis = analyse(document, job.file.receivedAt);
    outcome.pages = static_cast<int>(document.pages.size());
    const auto result = services_.diarium().registerDocument(registrationOf(job, *outcome.analysis, outcome.pages));
    outcome.status = result.duplicate ? "duplicate" : "registered";
    outcome.diarienummer = result.diarienummer;
    outcome.documentId = result.documentId;
    if (!result.duplicate) {
        // Where each field was read, for the registrator's Granska view.
        if (!outcome.analysis->record.fields.empty())
            services_.diarium().appendEvent(result.documentId, "system", "field_locations",
                                            forms::stringify(forms::locationsToJson(outcome.analysis->record)));
        storeArchiveCopy(outcome, document, images);
    }
    return outcome;
}

void Processor::storeArchiveCopy(const Outcome& outcome, const inkorg::Document& document,
                                 const std::vector<text::PageImage>& images)
{
    if (images.empty()) return;   // born-digital: the original is already searchable
    pdf::PdfMetadata metadata;
    metadata.title = outcome.analysis->title();
    metadata.author = services_.settings().namndName;
    metadata.subject = outcome.diarienummer;
    const std::string pdf = text::searchablePdf(document, images, metadata);
    std::istringstream bytes(pdf);
    const std::string sha256 = services_.store().put(bytes);
    services_.diarium().appendEvent(outcome.documentId, "system", "archive_copy",
                                    R"({"sha256":")" + sha256 + R"(","format":"PDF/A-2b"})");
}

Outcome Processor::quarantine(const diarium::Job& job, const std::string& reason)
{
    Outcome outcome;
    outcome.status = "quarantined";
    outcome.reason = reason;
    outcome.documentId = services_.diarium().quarantine(job.id, reason, "system");
    // A copy for the registrators' folder, with the reason beside it; the original stays in the store.
    const fs::path folder = services_.settings().quarantineDir();
    fs::create_directories(folder);
    const std::string stem = std::to_string(outcome.documentId) + "-" + job.file.originalName;
    std::error_code ignored;
    fs::create_hard_link(services_.store().pathOf(job.file.sha256), folder / stem, ignored);
    if (ignored) fs::copy_file(services_.store().pathOf(job.file.sha256), folder / stem, ignored);
    std::ofstream(folder / (stem + ".orsak.txt")) << reason << "\n";
    return outcome;
}

Outcome Processor::dryRun(const fs::path& file, const std::string& receivedAt)
{
    Outcome outcome;
    inkorg::Document document;
    try {
        document = services_.text().read(file);
    } catch (const text::Unreadable& unreadable) {
        outcome.status = "quarantined";
        outcome.reason = unreadable.what();
        return outcome;
    }
    outcome.analysis = analyse(document, receivedAt);
    outcome.pages = static_cast<int>(document.pages.size());
    outcome.status = "registered";
    return outcome;
}

} // namespace inkorg::pipeline
