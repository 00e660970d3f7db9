#pragma once
/// How the text stage reads files: worker pool size, limits per page, and the preprocessing
/// steps (each can be switched off).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace inkorg::text {

/// Told when a worker process starts reading a page (called on the thread that waits for it).
struct PageStarted {
    int page = 0;      ///< from 1
    int attempt = 1;   ///< 2 when the page is retried on another worker
    pid_t worker = 0;  ///< process id of the worker reading it
};

struct TextOptions {
    int workers = 0;                            ///< worker processes; 0 = number of cores
    std::chrono::seconds pageTimeout{120};      ///< wall clock per page (and per file inspection)
    int maxPages = 500;                         ///< a document with more pages is refused unread
    std::chrono::seconds documentTimeout{1800}; ///< wall clock for all pages of one document
    std::size_t memoryCapBytes = 1ull << 30;    ///< RLIMIT_AS of each worker process
    std::uint64_t maxPixels = 100'000'000;      ///< larger images are refused before decoding
    bool orientation = true;                    ///< detect and undo 90/180/270° turned pages
    bool deskew = true;                         ///< straighten slightly skewed scans
    bool despeckle = true;                      ///< remove dust (marks under 2 × 2 px) before OCR:
                                                ///< bench_ocr measured 3 % faster reading and a
                                                ///< quarter fewer errors on noisy scans
    bool binarize = false;                      ///< adaptive black/white before OCR (off: bench_ocr
                                                ///< measured CER 2.0 % with it, 0.1 % without)
    bool resample = true;                       ///< scale to 300 dpi when the file says otherwise
    bool dropEmptyPages = true;                 ///< leave blank pages out of the Document
    std::string language = "swe";               ///< Tesseract language(s), e.g. "swe+eng"
    std::string tessdata = "/usr/share/tesseract-ocr/5/tessdata";
    /// The command that starts a worker (it must serve runWorker()'s protocol on stdin/stdout).
    /// Empty = {"/proc/self/exe", "worker"}.
    std::vector<std::string> workerCommand;
    /// Where the page images of a read wait for the archive copy (SpooledFile.hpp); empty = the
    /// system's temporary folder.
    std::filesystem::path spoolDir;
    /// Who the workers run as when the host runs as root (never root itself).
    std::string workerUser = "nobody";
    /// Optional observer: progress reports, and tests that need a worker's process id.
    std::function<void(const PageStarted&)> onPageStarted;
};

} // namespace inkorg::text
