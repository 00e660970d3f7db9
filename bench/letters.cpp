// Benchmark (not a test): beslutsbrev per second for a typical two-page delvis-bifall letter,
// single-threaded and on all cores, against a floor measured in the same run — a minimal
// libharu program that writes the same text with the same embedded fonts (no layout, no
// templates, no PDF/A metadata). Prints both rates, their ratio and the peak RSS.
//
//     ninja -C build-h9 bench_letters && build-h9/bench/bench_letters [SECONDS-PER-RUN]
#include "config/Settings.hpp"
#include "letters/LetterRenderer.hpp"
#include "pdf/PdfWriter.hpp"

#include <hpdf.h>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace inkorg;

letters::Beslut typicalDelvis()
{
    letters::Beslut b;
    b.formId = "ekonomiskt_bistand";
    b.formTitle = "Ansökan om ekonomiskt bistånd";
    b.diarienummer = "PA 2026/1174";
    b.datum = "2026-11-20";
    b.mottagareNamn = "Karin Ödmark";
    b.mottagareAdress = "Storgatan 4 B\n574 31 Vetlanda";
    b.beslut = "delvis";
    b.lagrum = "12:1";
    b.handlaggare = "Åsa Öberg";
    b.handlaggareKontakt = "0383-971 23, asa.oberg@vetlanda.se";
    b.period = "2026-11";
    b.poster = {{"Försörjningsstöd", 6950, 6950}, {"Hyra", 5800, 6900}, {"Hushållsel", 300, 420},
                {"Hemförsäkring", 180, 180}, {"Arbetsresor", 0, 760}, {"Tandvård", 1200, 3400}};
    b.belopp = 14430;
    b.fields = {{"sokande_namn", "Karin Ödmark"}, {"antal_barn", "2"}, {"hyra", "6900"}};
    b.motivering =
        "Det här beviljas inte:\n"
        "– Hyra: du sökte 6 900 kr och får 5 800 kr. 1 100 kr avslås. Hyran är högre än vad en låginkomsttagare "
        "på orten normalt har råd med för en lägenhet med tre rum.\n"
        "– Hushållsel: du sökte 420 kr och får 300 kr. 120 kr avslås. Kostnaden för el räknas enligt "
        "Konsumentverkets beräkning för ett hushåll av er storlek.\n"
        "– Arbetsresor: du sökte 760 kr och får 0 kr. 760 kr avslås. Du har inte visat att du har resor till "
        "arbete eller praktik under månaden.\n"
        "– Tandvård: du sökte 3 400 kr och får 1 200 kr. 2 200 kr avslås. Bistånd ges för akut och nödvändig "
        "tandvård enligt kostnadsförslaget; resten av behandlingen kan vänta.\n\n"
        "Du har gjort vad du kan för att bidra till din försörjning och saknar tillräckliga inkomster för att klara "
        "den under november. Vi har räknat med riksnormen för ett hushåll med två vuxna och två barn, och med de "
        "kostnader som är skäliga. Skälig levnadsnivå bedöms vara tillgodosedd genom det bistånd som beviljas för "
        "perioden. Det saknas särskilda skäl för att göra en annan bedömning.";
    return b;
}

/// The text of a PDF, line by line, as poppler reads it (the floor writes the same text).
std::vector<std::string> linesOf(const std::string& pdf, std::size_t& pages)
{
    std::vector<char> bytes(pdf.begin(), pdf.end());
    std::unique_ptr<poppler::document> document(poppler::document::load_from_raw_data(bytes.data(), int(bytes.size())));
    if (!document) throw std::runtime_error("poppler could not read the letter");
    pages = std::size_t(document->pages());
    std::vector<std::string> lines;
    for (int i = 0; i < document->pages(); ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        const auto utf8 = page->text().to_utf8();
        std::istringstream in(std::string(utf8.begin(), utf8.end()));
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

/// The floor: libharu alone, the same fonts embedded, the same text on two A4 pages.
std::string minimalLibharu(const std::vector<std::string>& lines)
{
    struct DocFree {
        void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
    };
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree> doc(HPDF_New(nullptr, nullptr));
    if (!doc) throw std::runtime_error("HPDF_New");
    HPDF_UseUTFEncodings(doc.get());
    HPDF_SetCurrentEncoder(doc.get(), "UTF-8");
    HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
    const pdf::FontFiles files;
    const char* regularName = HPDF_LoadTTFontFromFile(doc.get(), files.regular.c_str(), HPDF_TRUE);
    const char* boldName = HPDF_LoadTTFontFromFile(doc.get(), files.bold.c_str(), HPDF_TRUE);
    HPDF_Font regular = HPDF_GetFont(doc.get(), regularName, "UTF-8");
    HPDF_Font bold = HPDF_GetFont(doc.get(), boldName, "UTF-8");
    const std::size_t perPage = (lines.size() + 1) / 2;
    for (std::size_t first = 0; first < lines.size(); first += perPage) {
        HPDF_Page page = HPDF_AddPage(doc.get());
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        HPDF_Page_BeginText(page);
        double y = 780;
        for (std::size_t i = first; i < std::min(lines.size(), first + perPage); ++i, y -= 14) {
            HPDF_Page_SetFontAndSize(page, i == first ? bold : regular, 10.5f);
            HPDF_Page_TextOut(page, 60, HPDF_REAL(y), lines[i].c_str());
        }
        HPDF_Page_EndText(page);
    }
    if (HPDF_SaveToStream(doc.get()) != HPDF_OK) throw std::runtime_error("HPDF_SaveToStream");
    std::string bytes(HPDF_GetStreamSize(doc.get()), '\0');
    HPDF_UINT32 size = HPDF_UINT32(bytes.size());
    HPDF_ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    bytes.resize(size);
    return bytes;
}

/// Documents per second from `threads` threads each calling `make` for `seconds`.
double rate(const std::function<std::string()>& make, unsigned threads, double seconds)
{
    std::atomic<long long> done{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> workers;
    const auto start = Clock::now();
    for (unsigned t = 0; t < threads; ++t)
        workers.emplace_back([&] {
            while (!stop.load(std::memory_order_relaxed)) {
                if (make().size() < 1000) throw std::runtime_error("empty PDF");
                done.fetch_add(1, std::memory_order_relaxed);
            }
        });
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& worker : workers) worker.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    return double(done.load()) / elapsed;
}

long peakRssKilobytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char** argv)
{
    const double seconds = argc > 1 ? std::stod(argv[1]) : 4.0;
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);   // see the report: libharu's ToUnicode CMap
    const auto settings = config::load({});
    const letters::Kommun kommun{settings.kommunName, settings.namndName, "Box 1000\n574 28 Vetlanda", settings.kommunPhone,
                                 settings.kommunEmail};
    const letters::LetterRenderer renderer(settings.formsDir(), kommun);
    const letters::Beslut beslut = typicalDelvis();

    const std::string sample = renderer.renderBeslut(beslut);
    std::size_t pages = 0;
    const std::vector<std::string> lines = linesOf(sample, pages);
    const std::string floorSample = minimalLibharu(lines);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());

    std::printf("beslutsbrev: delvis bifall, %zu pages, %zu text lines, %zu bytes (floor %zu bytes)\n", pages,
                lines.size(), sample.size(), floorSample.size());
    auto inkorgLetter = [&] { return renderer.renderBeslut(beslut); };
    auto floorLetter = [&] { return minimalLibharu(lines); };
    const double inkorg1 = rate(inkorgLetter, 1, seconds);
    const double floor1 = rate(floorLetter, 1, seconds);
    const double inkorgN = rate(inkorgLetter, cores, seconds);
    const double floorN = rate(floorLetter, cores, seconds);
    std::printf("%-28s %12s %12s %8s\n", "", "inkorg/s", "floor/s", "ratio");
    std::printf("%-28s %12.1f %12.1f %8.2f\n", "1 thread", inkorg1, floor1, inkorg1 / floor1);
    std::printf("%-25s%3u %12.1f %12.1f %8.2f\n", "threads (all cores): ", cores, inkorgN, floorN, inkorgN / floorN);
    std::printf("peak RSS: %.1f MB\n", double(peakRssKilobytes()) / 1024.0);
    return 0;
}
