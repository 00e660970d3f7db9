#pragma once
/// The text stage: a stored file (PNG, JPEG, TIFF with pages, PDF) in, an inkorg::Document out.
/// Files are parsed, decoded and OCR'd only in worker processes (see WorkerPool), so a hostile
/// file can crash or hang a worker but never the daemon.

#include "text/LineReread.hpp"
#include "text/OpenFile.hpp"
#include "text/ScreenPage.hpp"
#include "text/SpooledFile.hpp"
#include "text/TextOptions.hpp"
#include "text/Unreadable.hpp"

#include <inkorg/document.hpp>

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <vector>

namespace inkorg::text {

class WorkerPool;

/// A page as it was OCR'd, for the searchable archive copy of a scan.
struct PageImage {
    int number = 0;        ///< page number in the Document
    /// The cleaned page image, encoded: JPEG for grey pages (fast to write, and libharu embeds
    /// it as it is), PNG for black/white ones; the same pixels the word boxes refer to. Kept on
    /// disk (TextOptions::spoolDir) while any copy refers to it.
    std::shared_ptr<const SpooledFile> image;
    std::string encoded() const { return image->bytes(); }
    /// The OCR worker that made it: its rereads go there while it runs (it holds the page,
    /// WorkerPages.hpp); 0 for none.
    pid_t worker = 0;
};

/// How widely the pages of one document spread over the workers.
enum class Spread {
    Pages,   ///< each page to one worker: other documents are waiting for workers too
    /// Nothing else is waiting: a document with fewer pages than there are idle workers has its
    /// pages cut into strips (PageStrips.hpp), so that a one-page letter is read in a fraction of
    /// the time by workers that would otherwise stand idle.
    Strips,
};

class TextExtractor {
public:
    /// Nothing is started yet: workers start on first use, or with startWorkers().
    explicit TextExtractor(TextOptions options);
    /// Kills the workers.
    ~TextExtractor();
    TextExtractor(const TextExtractor&) = delete;
    TextExtractor& operator=(const TextExtractor&) = delete;

    /// Starts the worker processes now, in parallel, and returns when they have loaded their OCR
    /// engines, so that the first page does not wait for them (a worker that cannot start is
    /// reported by the read that needs it). Thread-safe.
    void startWorkers();

    /// Reads `file`. Thread-safe: concurrent calls share the pool; the pages of one document are
    /// read in parallel. Born-digital PDF pages come from the text layer (fromTextLayer), other
    /// pages are cleaned up and OCR'd. Blank pages are left out when options.dropEmptyPages
    /// (not one with a barcode: Page::barcodes, a batch's separator sheet). A fillable PDF's
    /// AcroForm fields fill Document::acroFormFields and Document::formFields.
    ///
    /// A page whose worker crashed, timed out or ran out of memory is retried once on another
    /// worker; if it fails again the whole read fails.
    ///
    /// Every document has a budget: more than options.maxPages pages is refused once the pages
    /// are counted, before any is read ("Dokumentet har 3000 sidor; gränsen är 500 sidor
    /// (inkorg.ocr.maxPages)"), and a read that takes longer than options.documentTimeout in all
    /// is stopped ("Tolkningen av dokumentet tog längre än gränsen 1800 s (…)").
    ///
    /// With Spread::Strips a document with fewer pages than idle workers (workers no other
    /// read() has a reading thread for) has each page read in up to four strips, two for each
    /// idle worker; any other document is read page by page, each page whole by one worker —
    /// every worker cleans the whole page it reads from, so strips cost the clean-up once more
    /// per worker (about 8 % of a form page's CPU), worth it only on a worker that would have had
    /// nothing to do. A page whose joined strips read sideways or as nonsense is read again whole,
    /// with orientation detection.
    ///
    /// Throws Unreadable with a Swedish reason for the registrator, e.g. "Filen är tom",
    /// "Filtypen stöds inte (…)", "PDF-filen är krypterad …", "Bilden är för stor (…)",
    /// "Sida 3 kunde inte läsas: tolkningen tog längre än 120 s …" / "…: läsprocessen kraschade …"
    /// / "…: minnesgränsen överskreds …", or "Dokumentet har inga sidor med text …" when every
    /// page was blank. Throws std::runtime_error for faults of the installation (the file cannot be
    /// opened, a worker cannot be started).
    Document read(const std::filesystem::path& file, Spread spread = Spread::Pages);

    /// Like read(), and also returns the cleaned images of the OCR'd pages (not of text-layer
    /// pages) — the material for a searchable archive PDF — each written to its own file as it
    /// arrives from its worker, so that a long scan's images are never all in memory.
    Document read(const std::filesystem::path& file, std::vector<PageImage>& images, Spread spread = Spread::Pages);

    /// The `regions` of an OCR'd page read again, one line each, by a worker (LineReread.hpp):
    /// for values that did not parse as their type. One answer per region, in order. Asks the
    /// worker that made `page` (PageImage::worker) while it runs, another only when it is gone.
    /// Throws WorkerFailure or std::runtime_error when the worker could not read them (nothing is
    /// retried: the values then stay as first read). Thread-safe.
    std::vector<LineText> rereadLines(const PageImage& page, const std::vector<LineRegion>& regions);

    /// How many reread requests so far had the worker decode their page (it held no copy of it,
    /// WorkerPages.hpp): with the page read by a worker that runs, none.
    std::size_t rereadDecodes() const { return rereadDecodes_; }

    /// Page `number` (from 1) of `file` as PNG at most `maxWidth` pixels wide, for the screen
    /// (ScreenPage.hpp), drawn by a worker of its own without OCR (started on first use), so that
    /// the Granska page neither waits behind documents being read nor decodes the file in this
    /// process. Thread-safe. Throws std::out_of_range for a page that does not exist, Unreadable
    /// with a Swedish reason when it cannot be drawn (also when its worker failed twice).
    ScreenPage renderPage(const std::filesystem::path& file, int number, int maxWidth = 1100);

private:
    struct Job;
    struct PageAnswer;
    Document readDocument(const std::filesystem::path& file, std::vector<PageImage>* images, Spread spread);
    /// Also returns a fillable PDF's AcroForm fields in `formFields`.
    int countPages(const std::shared_ptr<const OpenFile>& file, std::vector<FormFieldValue>& formFields);
    /// Reads the job's pieces on as many workers as it can use — its pages, cut into strips as
    /// job.spread and the idle workers say when none are given —; throws as read() does.
    void run(Job& job);
    /// The body of each thread of run(): takes pieces until none are left or one failed.
    void readPieces(Job& job);
    /// The job's answers page by page, strips joined.
    std::map<int, PageAnswer> pagesOf(Job& job) const;
    /// The barcodes on page `number` of `file`, read in strips before (the worker's "barcodes");
    /// throws Unreadable when no worker can read them.
    std::vector<std::string> barcodesOf(const std::shared_ptr<const OpenFile>& file, int number);

    TextOptions options_;
    std::atomic<std::size_t> rereadDecodes_{0};
    std::mutex readersMutex_;
    int readers_ = 0;   ///< threads of read() calls that are reading pieces (each keeps a worker busy)
    std::unique_ptr<WorkerPool> pool_;
    std::unique_ptr<WorkerPool> screenPool_;
};

} // namespace inkorg::text
