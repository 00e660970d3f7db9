#include "pipeline/Processor.hpp"

#include "decisions/LegalModels.hpp"
#include "diarium/EventDetail.hpp"
#include "diarium/InkorgList.hpp"
#include "diarium/SwedishDay.hpp"
#include "forms/RecordJson.hpp"
#include "pipeline/StampedArrival.hpp"
#include "pipeline/WorkerRereads.hpp"
#include "text/ArchiveCopy.hpp"
#include "text/Unreadable.hpp"

#include <inkorg/checks.hpp>
#include <inkorg/swedish.hpp>

#include <Poco/Logger.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace inkorg::pipeline {

namespace fs = std::filesystem;

namespace {

/// Who sent it, for the diarium's avsändare: the mottagare the form's roles name (the one who
/// wrote in is the one answered); "" for a document of no form.
std::string senderOf(const forms::Analysis& analysis, const decisions::LegalModels& models)
{
    return analysis.form ? models.mottagareOf(analysis.form->spec.id, analysis.record).namn : "";
}

/// The document's stamps held against its own date as the form's record holds it.
StampedArrival arrivalOf(const inkorg::Document& document, const std::string& receivedAt,
                         const forms::Analysis& analysis)
{
    return stampedArrival(document, receivedAt,
                          analysis.form ? documentDateOf(analysis.record, analysis.form->spec) : std::string{});
}

diarium::Registration registrationOf(const diarium::Job& job, const forms::Analysis& analysis,
                                     const inkorg::Document& document, const decisions::LegalModels& models)
{
    diarium::Registration registration;
    registration.jobId = job.id;
    registration.text = document.text();
    const int pages = static_cast<int>(document.pages.size());
    registration.register_ = analysis.registerName();
    registration.confidence = analysis.confidence;
    registration.pages = pages;
    registration.recordJson = forms::stringify(forms::valuesToJson(analysis.record));
    registration.fieldConfidenceJson = forms::stringify(forms::confidencesToJson(analysis.record));
    registration.issuesJson = forms::stringify(forms::issuesToJson(analysis.issues));
    registration.priority = analysis.plan.priority;
    for (const auto& deadline : analysis.plan.deadlines)
        registration.deadlines.push_back({0, 0, deadline.kind, deadline.title, swedish::toIso(deadline.due)});

    const std::string sender = senderOf(analysis, models);
    registration.beskrivningSecret = analysis.title();
    registration.avsandareSecret = sender;
    // Registered as received on its ankomststämpel's day (analyse planned the deadlines from it).
    if (const auto stamped = arrivalOf(document, job.file.receivedAt, analysis); !stamped.date.empty()) {
        registration.receivedAt = stamped.date;
        registration.events.push_back({diarium::kInkomSetEvent, diarium::EventDetail{}
                                                                    .set("before", job.file.receivedAt)
                                                                    .set("after", stamped.date)
                                                                    .set("source", std::string("ankomststämpel"))
                                                                    .text()});
    }
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

constexpr const char* kOnlySeparators =
    "Skanningen innehåller bara skiljeblad och inga handlingar – kontrollera att rätt sidor skannades";

/// The pages of one part of a batch, numbered from 1 as in the part's own file, with their images.
struct PartPages {
    inkorg::Document document;
    std::vector<text::PageImage> images;
};

PartPages partOf(const inkorg::Document& batch, const std::vector<text::PageImage>& images,
                 const forms::BatchPart& part)
{
    PartPages result;
    for (std::size_t index : part.pages) {
        inkorg::Page page = batch.pages[index];
        const int original = page.number;
        page.number = static_cast<int>(result.document.pages.size()) + 1;
        for (const auto& image : images)
            if (image.number == original) result.images.push_back({page.number, image.image, image.worker});
        result.document.pages.push_back(std::move(page));
    }
    return result;
}

/// "skanning.tif, del 2 (sida 3–4)".
std::string partName(const std::string& batchName, const Outcome& part)
{
    std::string name = batchName + ", del " + std::to_string(part.part) + " (sida " + std::to_string(part.firstPage);
    if (part.lastPage != part.firstPage) name += "–" + std::to_string(part.lastPage);
    return name + ")";
}

} // namespace

Processor::Processor(Services& services) : services_(services) {}

long long Processor::accept(const fs::path& file, const std::string& originalName, const std::string& source,
                            const std::string& receivedAt)
{
    const std::string sha256 = services_.store().put(file);
    const long long job = services_.diarium().enqueue({sha256, originalName, source, receivedAt});
    services_.workSignal().notify();
    return job;
}

inkorg::FormContext formContextAt(const Services& services, const std::string& receivedAt)
{
    inkorg::FormContext context;
    context.received = diarium::swedishDayOf(receivedAt).value_or(swedish::today());
    context.today = swedish::today();
    // A bare date (a registrator's inkom datum) has no clock time: not after office hours.
    const auto instant = diarium::parseIsoUtc(receivedAt);
    context.receivedAfterOfficeHours = instant && swedish::afterOfficeHours(*instant);
    context.norms = &services.norms();
    return context;
}

forms::Analysis Processor::analyse(const inkorg::Document& document, const std::string& receivedAt,
                                   const std::vector<text::PageImage>& images) const
{
    // Paper post's inkom datum is the day on its ankomststämpel: deadlines count from it. Before
    // the form is read the stamp is judged without the document's own date; once its record holds
    // that date, the stamp is held against it and the deadlines planned again if the day moved
    // (the plugins' checks take the document's own date before the inkom datum).
    const auto unread = stampedArrival(document, receivedAt);
    auto analysis = forms::analyse(document, services_.forms(),
                                   formContextAt(services_, unread.date.empty() ? receivedAt : unread.date),
                                   workerRereads(services_.text(), images));
    const auto stamped = arrivalOf(document, receivedAt, analysis);
    if (analysis.form && stamped.date != unread.date)
        analysis.plan = analysis.form->plugin->plan(
            analysis.record, formContextAt(services_, stamped.date.empty() ? receivedAt : stamped.date));
    if (stamped.unread)
        analysis.issues.push_back(checks::makeIssue(Severity::Warning, std::nullopt, "inkom.stamp_unread", kStampDateUnread));
    if (!stamped.doubt.empty())
        analysis.issues.push_back(checks::makeIssue(Severity::Warning, std::nullopt, stamped.doubtCode, stamped.doubt));
    return analysis;
}

Outcome Processor::process(const diarium::Job& job, text::Spread spread)
{
    inkorg::Document document;
    std::vector<text::PageImage> images;
    try {
        document = services_.text().read(services_.store().pathOf(job.file.sha256), images, spread);
    } catch (const text::Unreadable& unreadable) {
        return quarantine(job, unreadable.what());
    }
    if (const auto split = batchSplit(document, images)) {
        if (split->parts.empty()) return quarantine(job, kOnlySeparators);
        if (!split->single()) return processBatch(job, document, images, *split);
    }
    Outcome outcome;
    outcome.analysis = analyse(document, job.file.receivedAt, images);
    outcome.pages = static_cast<int>(document.pages.size());
    auto registration = registrationOf(job, *outcome.analysis, document, services_.legalModels());
    // Where each field was read, for the registrator's Granska view: committed with the registration.
    if (!outcome.analysis->record.fields.empty())
        registration.events.push_back({"field_locations", forms::stringify(forms::locationsToJson(outcome.analysis->record))});
    const auto result = services_.diarium().registerDocument(registration);
    outcome.status = result.duplicate ? "duplicate" : "registered";
    outcome.diarienummer = result.diarienummer;
    outcome.documentId = result.documentId;
    if (!result.duplicate) storeArchiveCopy(outcome, document, images);
    return outcome;
}

std::optional<forms::BatchSplit> Processor::batchSplit(const inkorg::Document& document,
                                                       const std::vector<text::PageImage>& images) const
{
    if (document.pages.empty() || !document.acroFormFields.empty()) return std::nullopt;
    for (const auto& page : document.pages) {
        if (page.fromTextLayer) return std::nullopt;
        const bool hasImage = std::any_of(images.begin(), images.end(),
                                          [&](const text::PageImage& image) { return image.number == page.number; });
        if (!hasImage) return std::nullopt;
    }
    std::vector<const forms::FormSpec*> specs;
    for (const auto& form : services_.forms().forms()) specs.push_back(&form.spec);
    return forms::splitBatch(document, specs);
}

Outcome Processor::processBatch(const diarium::Job& job, const inkorg::Document& document,
                                const std::vector<text::PageImage>& images, const forms::BatchSplit& split)
{
    std::vector<Outcome> parts;
    std::vector<diarium::BatchPart> registrations;
    for (std::size_t i = 0; i < split.parts.size(); ++i) {
        const auto pages = partOf(document, images, split.parts[i]);
        Outcome part;
        part.analysis = analyse(pages.document, job.file.receivedAt, pages.images);
        part.pages = static_cast<int>(pages.document.pages.size());
        part.part = static_cast<int>(i) + 1;
        part.firstPage = split.parts[i].firstPage;
        part.lastPage = split.parts[i].lastPage;
        // The part's own file: its pages as a searchable PDF/A (the batch file itself stays as it is).
        pdf::PdfMetadata metadata;
        metadata.title = part.analysis->title();
        metadata.author = services_.settings().namndName;
        metadata.subject = partName(job.file.originalName, part);
        std::istringstream bytes(text::searchablePdf(pages.document, pages.images, metadata));
        diarium::BatchPart registration;
        registration.registration = registrationOf(job, *part.analysis, pages.document, services_.legalModels());
        registration.sha256 = services_.store().put(bytes);
        registration.originalName = metadata.subject;
        registration.part = part.part;
        registration.firstPage = part.firstPage;
        registration.lastPage = part.lastPage;
        // Committed with the part's registration: where each field was read, and its archive copy.
        if (!part.analysis->record.fields.empty())
            registration.registration.events.push_back(
                {"field_locations", forms::stringify(forms::locationsToJson(part.analysis->record))});
        registration.registration.events.push_back(
            {"archive_copy", R"({"sha256":")" + registration.sha256 + R"(","format":"PDF/A-2b"})"});
        registrations.push_back(std::move(registration));
        parts.push_back(std::move(part));
    }

    const auto results = services_.diarium().registerBatch(registrations);
    Outcome outcome;
    outcome.pages = static_cast<int>(document.pages.size());
    if (results.size() != parts.size()) {   // the whole batch was registered before
        outcome.status = "duplicate";
        outcome.diarienummer = results.front().diarienummer;
        outcome.documentId = results.front().documentId;
        outcome.analysis = parts.front().analysis;
        return outcome;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        Outcome& part = parts[i];
        part.status = results[i].duplicate ? "duplicate" : "registered";
        part.diarienummer = results[i].diarienummer;
        part.documentId = results[i].documentId;
    }
    const bool allKnown = std::all_of(results.begin(), results.end(), [](const auto& result) { return result.duplicate; });
    outcome.status = allKnown ? "duplicate" : "registered";
    outcome.diarienummer = parts.front().diarienummer;
    outcome.documentId = parts.front().documentId;
    outcome.analysis = parts.front().analysis;
    outcome.parts = std::move(parts);
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
    try {
        std::istringstream bytes(text::searchablePdf(document, images, metadata));
        const std::string sha256 = services_.store().put(bytes);
        services_.diarium().appendEvent(outcome.documentId, "system", "archive_copy",
                                        R"({"sha256":")" + sha256 + R"(","format":"PDF/A-2b"})");
    } catch (const std::exception& error) {
        // The document is registered and its original stored; only the e-arkiv copy is missing,
        // which an event records so it can be made again. (The message names a PDF step, no text.)
        Poco::Logger::get("inkorg.pipeline").error("archive copy of document %s failed: %s",
                                                   std::to_string(outcome.documentId), swedish::maskPersonnummer(error.what()));
        Poco::JSON::Object::Ptr reason = new Poco::JSON::Object;
        reason->set("reason", std::string(error.what()));
        services_.diarium().appendEvent(outcome.documentId, "system", "archive_copy_failed", forms::stringify(reason));
    }
}

Outcome Processor::quarantine(const diarium::Job& job, const std::string& reason)
{
    Outcome outcome;
    outcome.status = "quarantined";
    outcome.reason = reason;
    outcome.documentId = services_.diarium().quarantine(job.id, reason, "system");
    // A copy for the registrators' folder, with the reason beside it; the original stays in the store.
    // A real copy, never a hard link: the store's read-only original must not be changeable
    // through the folder's copy, nor the copy through the store.
    const fs::path folder = services_.settings().quarantineDir();
    fs::create_directories(folder);
    const std::string stem = std::to_string(outcome.documentId) + "-" + job.file.originalName;
    std::error_code ignored;
    fs::copy_file(services_.store().pathOf(job.file.sha256), folder / stem, ignored);
    std::ofstream(folder / (stem + ".orsak.txt")) << reason << "\n";
    return outcome;
}

Outcome Processor::dryRun(const fs::path& file, const std::string& receivedAt)
{
    Outcome outcome;
    inkorg::Document document;
    std::vector<text::PageImage> images;
    try {
        document = services_.text().read(file, images);
    } catch (const text::Unreadable& unreadable) {
        outcome.status = "quarantined";
        outcome.reason = unreadable.what();
        return outcome;
    }
    if (const auto split = batchSplit(document, images)) {
        if (split->parts.empty()) {
            outcome.status = "quarantined";
            outcome.reason = kOnlySeparators;
            return outcome;
        }
        if (!split->single()) {
            for (std::size_t i = 0; i < split->parts.size(); ++i) {
                const auto& part = split->parts[i];
                const auto pages = partOf(document, images, part);
                Outcome each;
                each.status = "registered";
                each.analysis = analyse(pages.document, receivedAt, pages.images);
                each.pages = static_cast<int>(pages.document.pages.size());
                each.part = static_cast<int>(i) + 1;
                each.firstPage = part.firstPage;
                each.lastPage = part.lastPage;
                outcome.parts.push_back(std::move(each));
            }
            outcome.status = "registered";
            outcome.analysis = outcome.parts.front().analysis;
            outcome.pages = static_cast<int>(document.pages.size());
            return outcome;
        }
    }
    outcome.analysis = analyse(document, receivedAt, images);
    outcome.pages = static_cast<int>(document.pages.size());
    outcome.status = "registered";
    return outcome;
}

} // namespace inkorg::pipeline
