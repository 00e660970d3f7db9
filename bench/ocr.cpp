// bench_ocr: inkorg's whole text pipeline (inbox folder to registered row, with orientation,
// deskew and the archive copy) against plain `tesseract` (OMP_THREAD_LIMIT=1, one process per
// core) and OCRmyPDF (-j cores --rotate-pages --deskew), on the same pages, in one run.
//
//   bench_ocr [--pages 20] [--rounds 5] [--inkorg-config FILE]   (FILE: extra inkorg settings, e.g. OCR steps off)
//   bench_ocr --make-pages DIR [--pages 20]         (only writes the page set to DIR, for profiling:
//                                                    sida-NN.png and its ground truth sida-NN.txt)
//
// The page set is made here: dense A4 pages of the Swedish seed texts (../shared/domain/seeds),
// rendered with libharu, rasterised at 300 dpi with poppler, skewed and sprinkled with noise with
// Leptonica; every fifth page is turned 90°, 180° or 270°. Prints pages/s, the ratios, inkorg's
// peak RSS (daemon and OCR workers) and the character error rate of each against the ground truth.
// inkorg and tesseract run --rounds times, one after the other, which one first alternating. A
// 2-core virtual machine's speed drifts by several per cent from one minute to the next, so each
// round's ratio is taken between its own two runs, and the ratio printed is the median of the
// rounds' ratios (the times and error rates shown are those of each system's fastest round).
// Then the born-digital case: the same texts as PDFs with a text layer (10 documents of 20 pages)
// through the same daemon pipeline, in pages/s.
#include "pdf/PdfWriter.hpp"
#include "support/CharacterErrorRate.hpp"
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Process.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <regex>
#include <poll.h>
#include <sstream>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace inkorg;
using Clock = std::chrono::steady_clock;

namespace {

struct BenchPage {
    std::string truth;
    fs::path png;
    int rotation = 0;
};

/// The seeds' lines, trimmed, wrapped to `width` characters.
std::vector<std::string> seedLines(std::size_t width)
{
    std::vector<std::string> lines;
    for (const auto& entry : fs::directory_iterator(fs::path(INKORG_DOMAIN_DIR) / "seeds")) {
        std::ifstream in(entry.path());
        for (std::string line; std::getline(in, line);) {
            line = std::regex_replace(line, std::regex("\\s+"), " ");
            line = std::regex_replace(line, std::regex("^ | $"), "");
            if (line.size() < 20 || line.find('\xef') != std::string::npos) continue;   // skip bullets and stubs
            while (line.size() > width) {
                auto cut = line.rfind(' ', width);
                if (cut == std::string::npos || cut == 0) cut = width;
                lines.push_back(line.substr(0, cut));
                line = line.substr(cut + 1);
            }
            if (!line.empty()) lines.push_back(line);
        }
    }
    return lines;
}

std::vector<BenchPage> makePages(const fs::path& dir, int count)
{
    constexpr int kLinesPerPage = 46;
    const auto lines = seedLines(88);
    pdf::PdfWriter writer(pdf::PdfMetadata{"bench", "bench", "bench", "", "sv-SE", "bench_ocr"});
    std::vector<BenchPage> pages(count);
    for (int p = 0; p < count; ++p) {
        const auto page = writer.addPage();
        for (int l = 0; l < kLinesPerPage; ++l) {
            const auto& line = lines[(std::size_t(p) * kLinesPerPage + l) % lines.size()];
            writer.drawText(page, 56, 790 - l * 16.0, line, pdf::FontStyle::Regular, 10);
            pages[p].truth += line + "\n";
        }
    }
    writer.saveToFile(dir / "sidor.pdf");
    std::unique_ptr<poppler::document> document(poppler::document::load_from_file((dir / "sidor.pdf").string()));
    const int turns[] = {90, 180, 270, 180};
    for (int p = 0; p < count; ++p) {
        pages[p].rotation = (p % 5 == 4) ? turns[(p / 5) % 4] : 0;
        test::ScanDamage damage{((p % 7) - 3) * 0.4, 3000, pages[p].rotation, unsigned(p + 1)};
        auto pix = test::degrade(test::rasterise(*document, p, 300), damage);
        std::ostringstream name;
        name << "sida-" << std::setw(2) << std::setfill('0') << p + 1 << ".png";
        pages[p].png = dir / name.str();
        pixWrite(pages[p].png.c_str(), pix.get(), IFF_PNG);
        std::ofstream(fs::path(pages[p].png).replace_extension(".txt")) << pages[p].truth;
    }
    return pages;
}

/// `count` pages of dense seed text as a PDF with a text layer (as an e-tjänst or word processor
/// writes it), starting at page `first` of the seed text.
void writeTextPdf(const fs::path& out, int first, int count)
{
    constexpr int kLinesPerPage = 46;
    const auto lines = seedLines(88);
    pdf::PdfWriter writer(pdf::PdfMetadata{"bench", "bench", "bench", "", "sv-SE", "bench_ocr"});
    for (int p = first; p < first + count; ++p) {
        const auto page = writer.addPage();
        for (int l = 0; l < kLinesPerPage; ++l)
            writer.drawText(page, 56, 790 - l * 16.0, lines[(std::size_t(p) * kLinesPerPage + l) % lines.size()],
                            pdf::FontStyle::Regular, 10);
    }
    writer.saveToFile(out);
}

/// The scans as one image PDF, as a scanner's PDF would be, for OCRmyPDF.
void writeImagePdf(const std::vector<BenchPage>& pages, const fs::path& out)
{
    pdf::PdfWriter writer(pdf::PdfMetadata{"skanning", "bench", "bench", "", "sv-SE", "bench_ocr"});
    for (const auto& page : pages) {
        const auto image = writer.loadImage(test::readBytes(page.png));
        const double width = image.pixelWidth * 72.0 / 300.0, height = image.pixelHeight * 72.0 / 300.0;
        writer.drawImage(writer.addPage(width, height), image, 0, 0, width, height);
    }
    writer.saveToFile(out);
}

/// Counts the documents the daemon has registered or quarantined, straight from its SQLite file,
/// whenever the file changes. Polling the HTTP API 20 times a second (a session check, the
/// Inkorgen list and its JSON each time) took several per cent of a core from the daemon being
/// measured; a COUNT(*) every 20 ms still took 0.28 core-s a run (0.5 %). Woken by inotify on
/// the database's directory (every commit writes its WAL file), it counts only after a change.
class DocumentCounter {
public:
    explicit DocumentCounter(const fs::path& database)
        : session_("SQLite", database.string()), count_(session_), changes_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
    {
        count_ << "SELECT COUNT(*) FROM documents", Poco::Data::Keywords::into(documents_);
        if (changes_ < 0 || inotify_add_watch(changes_, database.parent_path().c_str(), IN_MODIFY | IN_CREATE | IN_MOVED_TO) < 0)
            throw std::runtime_error("inotify: " + std::string(std::strerror(errno)));
    }
    ~DocumentCounter() { close(changes_); }
    DocumentCounter(const DocumentCounter&) = delete;
    DocumentCounter& operator=(const DocumentCounter&) = delete;

    /// Waits until `count` documents are registered or quarantined.
    void waitFor(std::size_t count)
    {
        for (count_.execute(); documents_ < count; count_.execute()) waitForChange();
    }

private:
    /// Until something in the database's directory changes (at most a second).
    void waitForChange()
    {
        pollfd changed{changes_, POLLIN, 0};
        if (poll(&changed, 1, 1000) <= 0) return;
        alignas(inotify_event) char events[4096];
        while (read(changes_, events, sizeof events) > 0) {}   // all of them: one count covers them
    }

    Poco::Data::Session session_;
    Poco::Data::Statement count_;
    std::size_t documents_ = 0;
    int changes_;
};

double seconds(Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); }

/// The value of `key` ("VmHWM:", "PPid:") in /proc/<pid>/status, or -1.
double statusValue(const fs::path& process, const std::string& key)
{
    std::ifstream status(process / "status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind(key, 0) == 0) return std::stod(line.substr(key.size()));
    return -1;
}

/// `pid` and its children.
std::vector<fs::path> family(int pid)
{
    std::vector<fs::path> members;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        if (name == std::to_string(pid) || statusValue(entry.path(), "PPid:") == pid) members.push_back(entry.path());
    }
    return members;
}

/// Peak resident memory (VmHWM) of `pid` and all its children, in MB.
double peakRssMb(int pid)
{
    double kilobytes = 0;
    for (const auto& process : family(pid)) kilobytes += std::max(0.0, statusValue(process, "VmHWM:"));
    return kilobytes / 1024.0;
}

/// CPU seconds (user + system) the daemon and its OCR workers have used so far.
struct CpuUse {
    double daemon = 0;
    double workers = 0;
};

CpuUse cpuUse(int daemonPid)
{
    CpuUse use;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    for (const auto& process : family(daemonPid)) {
        std::ifstream stat(process / "stat");
        std::string text((std::istreambuf_iterator<char>(stat)), {});
        std::istringstream fields(text.substr(text.rfind(')') + 2));   // after "pid (name) "
        std::vector<std::string> values{std::istream_iterator<std::string>(fields), {}};
        if (values.size() < 13) continue;
        const double seconds = (std::stod(values[11]) + std::stod(values[12])) / ticks;   // utime, stime
        (process.filename() == std::to_string(daemonPid) ? use.daemon : use.workers) += seconds;
    }
    return use;
}

struct Result {
    std::string name;
    double seconds = 0;
    std::vector<std::string> texts;
    CpuUse cpu;          ///< CPU seconds used during the run (tesseract's processes count as workers)
    double counting = 0; ///< CPU seconds this program spent counting registered documents
};

/// CPU seconds of this process (`RUSAGE_SELF`) or of its children that have been waited for
/// (`RUSAGE_CHILDREN`).
double cpuOf(int who)
{
    rusage use{};
    getrusage(who, &use);
    const auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(use.ru_utime) + seconds(use.ru_stime);
}

Result runInkorg(const std::vector<BenchPage>& pages, const fs::path& dir, const std::string& extraConfig, double& rssMb)
{
    Result result{"inkorg", 0, {}, {}};
    fs::remove_all(dir / "inkorg");
    fs::remove_all(dir / "inkorg-text");
    test::Daemon daemon(dir / "inkorg", "inkorg.intake.settleMilliseconds = 100\ninkorg.intake.pollMilliseconds = 100\n" + extraConfig);
    DocumentCounter counter(dir / "inkorg" / "inkorg.db");
    const CpuUse before = cpuUse(daemon.pid());
    const auto start = Clock::now();
    for (const auto& page : pages) fs::copy_file(page.png, dir / "inkorg" / "inbox" / page.png.filename());
    const double countingFrom = cpuOf(RUSAGE_SELF);
    counter.waitFor(pages.size());
    result.seconds = seconds(start);
    result.counting = cpuOf(RUSAGE_SELF) - countingFrom;
    const CpuUse after = cpuUse(daemon.pid());
    result.cpu = {after.daemon - before.daemon, after.workers - before.workers};
    rssMb = peakRssMb(daemon.pid());
    // The text the pipeline read is what `inkorg text` prints (the archive copy's text layer).
    std::vector<std::string> args{"text", "--json", "--data-dir", (dir / "inkorg-text").string(), "--config",
                                  daemon.configFile().string()};
    for (const auto& page : pages) args.push_back(page.png.string());
    std::istringstream lines(test::inkorg(args).out);
    for (std::string line; std::getline(lines, line);) {
        auto json = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
        std::string text;
        if (auto list = json->getArray("pages"))
            for (std::size_t i = 0; i < list->size(); ++i) text += list->getObject(unsigned(i))->getValue<std::string>("text");
        result.texts.push_back(text);
    }
    return result;
}

/// Seconds for the daemon to register `documents` born-digital PDFs of `pagesEach` pages, dropped
/// into its inbox at once.
double runBornDigital(const fs::path& dir, int documents, int pagesEach, const std::string& extraConfig)
{
    const fs::path made = dir / "born-digital";
    fs::create_directories(made);
    for (int d = 0; d < documents; ++d)
        writeTextPdf(made / ("brev-" + std::to_string(d + 1) + ".pdf"), d * pagesEach, pagesEach);
    test::Daemon daemon(dir / "inkorg-pdf", "inkorg.intake.settleMilliseconds = 100\ninkorg.intake.pollMilliseconds = 100\n" + extraConfig);
    DocumentCounter counter(dir / "inkorg-pdf" / "inkorg.db");
    const auto start = Clock::now();
    for (const auto& entry : fs::directory_iterator(made))
        fs::copy_file(entry.path(), dir / "inkorg-pdf" / "inbox" / entry.path().filename());
    counter.waitFor(std::size_t(documents));
    return seconds(start);
}

Result runTesseract(const std::vector<BenchPage>& pages, const fs::path& dir, int cores)
{
    Result result{"tesseract", 0, std::vector<std::string>(pages.size()), {}};
    const double cpuBefore = cpuOf(RUSAGE_CHILDREN);
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int core = 0; core < cores; ++core)
        threads.emplace_back([&, core] {
            for (std::size_t i = core; i < pages.size(); i += cores) {
                const auto base = dir / ("tesseract-" + std::to_string(i));
                Poco::Process::Env env{{"OMP_THREAD_LIMIT", "1"}};
                Poco::ProcessHandle handle = Poco::Process::launch("/usr/bin/tesseract",
                    {pages[i].png.string(), base.string(), "-l", "swe", "quiet"}, ".", nullptr, nullptr, nullptr, env);
                handle.wait();
                result.texts[i] = test::readBytes(base.string() + ".txt");
            }
        });
    for (auto& thread : threads) thread.join();
    result.seconds = seconds(start);
    result.cpu.workers = cpuOf(RUSAGE_CHILDREN) - cpuBefore;
    return result;
}

Result runOcrmypdf(const std::vector<BenchPage>& pages, const fs::path& dir, int cores)
{
    Result result{"ocrmypdf", 0, {}, {}};
    writeImagePdf(pages, dir / "skanning.pdf");
    const auto start = Clock::now();
    const auto run = test::run({"/usr/bin/ocrmypdf", "-q", "-l", "swe", "-j", std::to_string(cores), "--rotate-pages",
                                "--deskew", "--output-type", "pdf", (dir / "skanning.pdf").string(),
                                (dir / "ocrmypdf.pdf").string()});
    result.seconds = seconds(start);
    if (run.exitCode != 0) std::cerr << "ocrmypdf failed: " << run.err << "\n";
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const std::string page = std::to_string(i + 1);
        result.texts.push_back(test::run({"/usr/bin/pdftotext", "-f", page, "-l", page, (dir / "ocrmypdf.pdf").string(), "-"}).out);
    }
    return result;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

/// Mean CER over the pages with (rotated) or without rotation.
double meanCer(const Result& result, const std::vector<BenchPage>& pages, bool rotated)
{
    double sum = 0;
    int count = 0;
    for (std::size_t i = 0; i < pages.size() && i < result.texts.size(); ++i) {
        if ((pages[i].rotation != 0) != rotated) continue;
        sum += test::characterErrorRate(result.texts[i], pages[i].truth);
        ++count;
    }
    return count ? sum / count : 0;
}

} // namespace

int main(int argc, char** argv)
{
    int count = 20;
    int rounds = 5;
    std::string extraConfig;
    fs::path pagesOnly;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--pages") count = std::max(5, std::atoi(argv[i + 1]));
        if (std::string(argv[i]) == "--inkorg-config") extraConfig = test::readBytes(argv[i + 1]);
        if (std::string(argv[i]) == "--make-pages") pagesOnly = argv[i + 1];
        if (std::string(argv[i]) == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
    }
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (!pagesOnly.empty()) {
        fs::create_directories(pagesOnly);
        makePages(pagesOnly, count);
        writeTextPdf(pagesOnly / "born-digital.pdf", 0, count);
        return 0;
    }
    Poco::Data::SQLite::Connector::registerConnector();
    test::TempDir dir;
    std::cout << "making " << count << " pages …" << std::endl;
    const auto pages = makePages(dir.path(), count);

    double rssMb = 0;
    Result inkorgResult, tesseractResult;
    std::vector<double> roundRatios;   // inkorg pages/s over tesseract pages/s, per round
    for (int round = 1; round <= rounds; ++round) {
        // Odd rounds run inkorg first, even rounds tesseract: a machine that speeds up or slows
        // down over the run favours neither.
        double roundRss = 0;
        Result inkorgRound, tesseractRound;
        if (round % 2 == 0) tesseractRound = runTesseract(pages, dir.path(), cores);
        inkorgRound = runInkorg(pages, dir.path(), extraConfig, roundRss);
        if (round % 2 == 1) tesseractRound = runTesseract(pages, dir.path(), cores);
        roundRatios.push_back(tesseractRound.seconds / inkorgRound.seconds);
        // Where inkorg's core-seconds went: OCR workers, the daemon, this program counting the
        // registered documents, and the rest: cores left idle (before the first page, between
        // pages, at the end while the last page is read) or used by the rest of the machine.
        const double idle = cores * inkorgRound.seconds - inkorgRound.cpu.workers - inkorgRound.cpu.daemon -
                            inkorgRound.counting;
        std::cout << "round " << round << ": inkorg " << inkorgRound.seconds << " s (core-s: workers "
                  << inkorgRound.cpu.workers << ", daemon " << inkorgRound.cpu.daemon << ", counting "
                  << inkorgRound.counting << ", idle " << idle
                  << "), tesseract " << tesseractRound.seconds << " s (core-s: processes " << tesseractRound.cpu.workers
                  << ", idle " << cores * tesseractRound.seconds - tesseractRound.cpu.workers << "), ratio "
                  << roundRatios.back() << std::endl;
        rssMb = std::max(rssMb, roundRss);
        if (round == 1 || inkorgRound.seconds < inkorgResult.seconds) inkorgResult = std::move(inkorgRound);
        if (round == 1 || tesseractRound.seconds < tesseractResult.seconds) tesseractResult = std::move(tesseractRound);
    }
    const Result ocrmypdfResult = runOcrmypdf(pages, dir.path(), cores);
    constexpr int kBornDigitalDocuments = 10, kBornDigitalPages = 20;
    const double bornDigitalSeconds = runBornDigital(dir.path(), kBornDigitalDocuments, kBornDigitalPages, extraConfig);

    std::cout << std::fixed << std::setprecision(3);
    std::cout << "\n" << count << " pages (" << count / 5 << " turned), " << cores << " cores, each system's fastest of "
              << rounds << " rounds\n";
    std::cout << "system      seconds  pages/s  CER upright  CER turned\n";
    for (const Result* result : std::initializer_list<const Result*>{&inkorgResult, &tesseractResult, &ocrmypdfResult})
        std::cout << std::left << std::setw(10) << result->name << std::right << std::setw(9) << result->seconds
                  << std::setw(9) << count / result->seconds << std::setw(13) << meanCer(*result, pages, false)
                  << std::setw(12) << meanCer(*result, pages, true) << "\n";
    const double inkorgRate = count / inkorgResult.seconds;
    std::cout << "inkorg / tesseract: " << median(roundRatios) << "  (median of " << rounds
              << " rounds; target ≥ 0.97)\n";
    std::cout << "inkorg / ocrmypdf:  " << inkorgRate / (count / ocrmypdfResult.seconds) << "  (target ≥ 1.3)\n";
    std::cout << "inkorg peak RSS (daemon + workers): " << std::setprecision(0) << rssMb << " MB  (target < 400)\n";
    std::cout << "inkorg born-digital PDF: " << kBornDigitalDocuments << " documents × " << kBornDigitalPages
              << " pages in " << std::setprecision(2) << bornDigitalSeconds << " s = " << std::setprecision(1)
              << kBornDigitalDocuments * kBornDigitalPages / bornDigitalSeconds << " pages/s  (target ≥ 50)\n";
    return 0;
}
