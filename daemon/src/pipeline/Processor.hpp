#pragma once
/// The pipeline for one document: store the original, queue it, read its text, analyse its form,
/// and register it — or quarantine it with a reason a registrator understands. Every stage's
/// state is in the database, so a crash anywhere resumes from the queued job.

#include "forms/BatchSplit.hpp"
#include "forms/FormAnalysis.hpp"
#include "pipeline/Services.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace inkorg::pipeline {

struct Outcome {
    std::string status;                  ///< "registered", "duplicate" or "quarantined"
    std::string reason;                  ///< why it was quarantined
    std::optional<forms::Analysis> analysis;
    std::string diarienummer;
    long long documentId = 0;
    int pages = 0;
    /// A batch scan split into several documents: one outcome per part, in scan order (each with
    /// part, firstPage, lastPage); the outcome itself then names the first part. Empty otherwise.
    std::vector<Outcome> parts;
    int part = 0;          ///< from 1, for a part of a batch
    int firstPage = 0;     ///< the part's pages in the batch file's numbering
    int lastPage = 0;
};

/// The context a form's rules get for a document received at `receivedAt` (ISO time, or a
/// YYYY-MM-DD inkom datum a registrator set): inkom datum, today, after office hours, the norms.
/// The same for the pipeline and for a registrator's Byt formulär, so both plan alike.
inkorg::FormContext formContextAt(const Services& services, const std::string& receivedAt);

class Processor {
public:
    explicit Processor(Services& services);

    /// Copies `file` into the store, queues it under `originalName` and wakes this process's job
    /// runners (Services::workSignal); `file` itself is left as it is. Returns the job id.
    long long accept(const std::filesystem::path& file, const std::string& originalName, const std::string& source,
                     const std::string& receivedAt);

    /// Reads, analyses and registers the job's document, or quarantines it. A failure that is not
    /// the document's fault (database, disk) is left to the job's lease and retried.
    ///
    /// A scan (every page OCR'd) is first split as a batch (forms/BatchSplit.hpp): when it holds
    /// separator sheets or several forms, each part is registered as its own document — its own
    /// diarienummer, its pages stored as their own searchable PDF/A — all parts in one transaction
    /// (Diarium::registerBatch); the batch file stays in the store once and each part's
    /// "batch_part" event names it with the part's page range. A scan of separator sheets only
    /// is quarantined.
    ///
    /// `spread`: Spread::Strips when the workers would otherwise run dry (TextExtractor::read).
    Outcome process(const diarium::Job& job, text::Spread spread = text::Spread::Pages);

    /// The same stages without storing or registering anything (`--dry-run`).
    Outcome dryRun(const std::filesystem::path& file, const std::string& receivedAt);

private:
    /// The batch split of a scan; nullopt for a document with a text-layer page (born-digital).
    std::optional<forms::BatchSplit> batchSplit(const inkorg::Document& document,
                                                const std::vector<text::PageImage>& images) const;
    Outcome processBatch(const diarium::Job& job, const inkorg::Document& document,
                         const std::vector<text::PageImage>& images, const forms::BatchSplit& split);
    /// The document's form analysis; values that did not parse as their type are read again
    /// from `images` (the cleaned pages of a scan) by the OCR workers. Paper post whose
    /// ankomststämpel's date was read is analysed as received that day (pipeline/StampedArrival:
    /// its deadlines count from it); a stamp whose date was not is the warning `inkom.stamp_unread`.
    forms::Analysis analyse(const inkorg::Document& document, const std::string& receivedAt,
                            const std::vector<text::PageImage>& images) const;
    Outcome quarantine(const diarium::Job& job, const std::string& reason);
    /// The searchable PDF/A copy of a scanned document, kept in the store; an event names it.
    void storeArchiveCopy(const Outcome& outcome, const inkorg::Document& document,
                          const std::vector<text::PageImage>& images);

    Services& services_;
};

} // namespace inkorg::pipeline
