// bench_forms_eval: how well inkorg reads the four forms (issue 4's evaluation; not a test).
//
//   bench_forms_eval [--per-layout 3] [--born-digital 1] [--seed 4] [--batch 12]
//                    [--keep DIR] [--details FILE] [--dry-run]
//
// For every form and every blankett layout it fills --per-layout documents with synthetic people
// (support/SyntheticFormSamples: valid personnummer, samordningsnummer and organisationsnummer,
// and in every fourth document one planted invalid: wrong check digit or impossible birth date),
// prints them with BlankettRenderer in a random label and title variant, rasterises each page at
// 300 dpi and degrades it (skew, salt-and-pepper noise, blur, JPEG) into an image-only scanner PDF;
// --born-digital more per form and seen layout go in as the rendered PDF itself (text layer). All
// go through `inkorg process --json` in batches (the worker pool reads a batch in parallel) with
// a fresh data dir, and each record is scored against the truth. Prints Markdown tables: form
// accuracy, wrong-form registrations, field exact match per layout and per form, the held-out
// layout ("ovanför", never used for tuning) separately, planted-invalid detection on the right
// field, and valid documents with a false error. --details FILE lists every miss. --dry-run passes
// --dry-run to inkorg (read and analysed, not registered or archived).
#include "forms/BlankettRenderer.hpp"
#include "pdf/PdfWriter.hpp"
#include "support/Command.hpp"
#include "support/FormSamples.hpp"
#include "support/ScanMaker.hpp"
#include "support/SyntheticFormSamples.hpp"
#include "support/TempDir.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <poppler-document.h>

#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace inkorg;

namespace {

const std::string kHeldOut = "ovanför";

struct Options {
    int perLayout = 3;
    int bornDigital = 1;
    unsigned seed = 4;
    int batch = 12;
    fs::path keep;
    fs::path details;
    bool dryRun = false;
};

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(arg + " behöver ett värde");
            return argv[++i];
        };
        if (arg == "--per-layout") options.perLayout = std::stoi(next());
        else if (arg == "--born-digital") options.bornDigital = std::stoi(next());
        else if (arg == "--seed") options.seed = unsigned(std::stoul(next()));
        else if (arg == "--batch") options.batch = std::max(1, std::stoi(next()));
        else if (arg == "--keep") options.keep = next();
        else if (arg == "--details") options.details = next();
        else if (arg == "--dry-run") options.dryRun = true;
        else throw std::invalid_argument("okänt argument " + arg);
    }
    return options;
}

/// One evaluated document: what was printed and what inkorg made of it.
struct Case {
    std::string form;
    std::string layout;
    bool textLayer = false;
    test::GeneratedFormSample truth;
    fs::path file;
    // inkorg's answer
    std::string status;
    std::string predictedForm;   // "" = null (oklassificerad)
    double confidence = 0;
    Poco::JSON::Object::Ptr fields;
    Poco::JSON::Array::Ptr issues;
};

struct LeptonicaBytes {
    void operator()(l_uint8* bytes) const { lept_free(bytes); }
};

/// The page encoded as a scanner would: JPEG at `quality`, or PNG when quality is 0.
std::string encode(PIX* page, int quality)
{
    l_uint8* data = nullptr;
    size_t size = 0;
    const int failed = quality > 0 ? pixWriteMemJpeg(&data, &size, page, quality, 0) : pixWriteMem(&data, &size, page, IFF_PNG);
    std::unique_ptr<l_uint8, LeptonicaBytes> owned(data);
    if (failed || !data) throw std::runtime_error("Leptonica kunde inte koda sidan");
    return std::string(reinterpret_cast<const char*>(data), size);
}

/// Renders the rendered PDF's pages as a degraded image-only scan PDF.
void writeScan(const fs::path& rendered, const fs::path& out, std::mt19937& random)
{
    std::unique_ptr<poppler::document> document(poppler::document::load_from_file(rendered.string()));
    if (!document) throw std::runtime_error("poppler kan inte öppna " + rendered.string());
    std::uniform_real_distribution<double> skew(-2.0, 2.0);
    std::uniform_int_distribution<int> noise(500, 4000), coin(0, 1), quality(45, 85);
    const bool blur = coin(random), jpeg = coin(random) || coin(random);
    const int jpegQuality = jpeg ? quality(random) : 0;
    pdf::PdfWriter writer(pdf::PdfMetadata{"skanning", "bench", "bench", "", "sv-SE", "bench_forms_eval"});
    for (int index = 0; index < document->pages(); ++index) {
        auto page = test::degrade(test::rasterise(*document, index, 300),
                                  {skew(random), noise(random), 0, unsigned(random())});
        if (blur) page = text::PixPtr(pixBlockconvGray(page.get(), nullptr, 1, 1));
        if (!page) throw std::runtime_error("Leptonica kunde inte göra sidan suddig");
        const auto image = writer.loadImage(encode(page.get(), jpegQuality));
        const double width = image.pixelWidth * 72.0 / 300.0, height = image.pixelHeight * 72.0 / 300.0;
        writer.drawImage(writer.addPage(width, height), image, 0, 0, width, height);
    }
    writer.saveToFile(out);
}

std::vector<Case> makeCases(const Options& options, const fs::path& dir)
{
    const auto sentences = test::seedSentences(fs::path(INKORG_DOMAIN_DIR) / "seeds");
    test::FormSampleGenerator generator(options.seed, sentences);
    std::mt19937 random(options.seed * 7919u + 1);
    std::vector<Case> cases;
    int serial = 0;
    for (const auto& form : test::formIds()) {
        const auto spec = test::loadFormSpec(form);
        for (const auto& layout : forms::blankettLayouts()) {
            const int bornDigital = layout == kHeldOut ? 0 : options.bornDigital;
            for (int i = 0; i < options.perLayout + bornDigital; ++i) {
                Case c;
                c.form = form;
                c.layout = layout;
                c.textLayer = i >= options.perLayout;
                c.truth = generator.next(form, serial % 4 == 3);
                const forms::BlankettVariation variation{std::size_t(random() % 4), std::size_t(random() % 4)};
                const fs::path rendered = dir / ("doc-" + std::to_string(serial) + "-utskrift.pdf");
                forms::renderBlankett(spec, layout, &c.truth.sample.printed, rendered, variation);
                if (c.textLayer) c.file = rendered;
                else {
                    c.file = dir / ("doc-" + std::to_string(serial) + "-skanning.pdf");
                    writeScan(rendered, c.file, random);
                }
                cases.push_back(std::move(c));
                ++serial;
            }
        }
    }
    return cases;
}

void process(std::vector<Case>& cases, const fs::path& dataDir, int batch, bool dryRun)
{
    for (std::size_t start = 0; start < cases.size(); start += std::size_t(batch)) {
        const std::size_t end = std::min(cases.size(), start + std::size_t(batch));
        std::vector<std::string> args{"process", "--json", "--data-dir", dataDir.string()};
        if (dryRun) args.push_back("--dry-run");
        for (std::size_t i = start; i < end; ++i) args.push_back(cases[i].file.string());
        const auto result = test::inkorg(args);
        std::istringstream lines(result.out);
        std::map<std::string, Poco::JSON::Object::Ptr> byFile;
        for (std::string line; std::getline(lines, line);) {
            if (line.empty()) continue;
            auto json = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
            byFile[json->getValue<std::string>("file")] = json;
        }
        for (std::size_t i = start; i < end; ++i) {
            auto found = byFile.find(cases[i].file.string());
            if (found == byFile.end()) {
                cases[i].status = "saknas";
                continue;
            }
            const auto& json = found->second;
            cases[i].status = json->optValue<std::string>("status", "");
            cases[i].predictedForm = json->isNull("form") ? "" : json->optValue<std::string>("form", "");
            cases[i].confidence = json->optValue<double>("confidence", 0.0);
            cases[i].fields = json->getObject("fields");
            cases[i].issues = json->getArray("issues");
        }
        std::cerr << "  " << end << "/" << cases.size() << " behandlade" << std::endl;
        if (!result.err.empty()) std::cerr << result.err;
    }
}

std::string collapse(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string show(const Value& value)
{
    if (auto s = std::get_if<std::string>(&value)) return "\"" + *s + "\"";
    if (auto n = std::get_if<long long>(&value)) return std::to_string(*n);
    if (auto b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    std::string joined;
    for (const auto& item : std::get<std::vector<std::string>>(value)) joined += (joined.empty() ? "" : ",") + item;
    return "[" + joined + "]";
}

std::string show(const Poco::Dynamic::Var& value)
{
    if (value.isEmpty()) return "(saknas)";
    if (value.isArray()) {
        std::ostringstream out;
        value.extract<Poco::JSON::Array::Ptr>()->stringify(out);
        return out.str();
    }
    if (value.isString()) return "\"" + value.convert<std::string>() + "\"";
    return value.convert<std::string>();
}

bool matches(const Value& expected, const Poco::Dynamic::Var& actual)
{
    if (actual.isEmpty()) return false;
    if (auto s = std::get_if<std::string>(&expected)) return actual.isString() && collapse(actual.convert<std::string>()) == collapse(*s);
    if (auto n = std::get_if<long long>(&expected)) return actual.isInteger() && actual.convert<long long>() == *n;
    if (auto b = std::get_if<bool>(&expected)) return actual.isBoolean() && actual.convert<bool>() == *b;
    if (!actual.isArray()) return false;
    auto array = actual.extract<Poco::JSON::Array::Ptr>();
    std::set<std::string> got, want(std::get<std::vector<std::string>>(expected).begin(), std::get<std::vector<std::string>>(expected).end());
    for (std::size_t i = 0; i < array->size(); ++i) got.insert(array->get(unsigned(i)).convert<std::string>());
    return got == want;
}

struct Tally {
    int failed = 0;   // no record: the pipeline failed before forms were read (not counted below)
    int documents = 0, formCorrect = 0, wrongForm = 0, unclassified = 0;
    int fields = 0, fieldsExact = 0;
    int planted = 0, plantedFlagged = 0;
    int valid = 0, validWithError = 0;

    void add(const Tally& other)
    {
        failed += other.failed;
        documents += other.documents, formCorrect += other.formCorrect, wrongForm += other.wrongForm;
        unclassified += other.unclassified, fields += other.fields, fieldsExact += other.fieldsExact;
        planted += other.planted, plantedFlagged += other.plantedFlagged, valid += other.valid;
        validWithError += other.validWithError;
    }
};

std::string percent(int part, int whole)
{
    if (whole == 0) return "–";
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << 100.0 * part / whole << " %";
    return out.str();
}

std::string ratio(int part, int whole) { return percent(part, whole) + " (" + std::to_string(part) + "/" + std::to_string(whole) + ")"; }

/// Scores one case; misses go to `details`.
Tally score(const Case& c, std::ostream& details)
{
    Tally t;
    const std::string where = c.file.filename().string() + " [" + c.form + ", " + c.layout + (c.textLayer ? ", textlager" : "") + "]";
    if (c.status == "saknas") {
        t.failed = 1;
        details << where << ": inget resultat från inkorg process (se stderr)\n";
        return t;
    }
    t.documents = 1;
    if (c.predictedForm == c.form) ++t.formCorrect;
    else if (c.predictedForm.empty()) ++t.unclassified;
    else ++t.wrongForm;
    if (c.predictedForm != c.form)
        details << where << ": blankett " << (c.predictedForm.empty() ? "oklassificerad" : c.predictedForm) << " (" << c.status
                << ", konfidens " << c.confidence << ")\n";
    for (const auto& [key, expected] : c.truth.sample.expected) {
        ++t.fields;
        const Poco::Dynamic::Var actual = (c.fields && c.fields->has(key)) ? c.fields->get(key) : Poco::Dynamic::Var();
        if (matches(expected, actual)) ++t.fieldsExact;
        else details << where << ": " << key << " väntat " << show(expected) << " fick " << show(actual) << "\n";
    }
    if (c.fields)
        for (const auto& [key, value] : *c.fields)
            if (!c.truth.sample.expected.count(key) && !(c.truth.planted && c.truth.planted->field == key))
                details << where << ": " << key << " oväntat fält " << show(value) << "\n";
    std::vector<std::pair<std::string, std::string>> errors;   // field, code
    for (std::size_t i = 0; c.issues && i < c.issues->size(); ++i) {
        auto issue = c.issues->getObject(unsigned(i));
        if (issue->optValue<std::string>("severity", "") != "error") continue;
        errors.emplace_back(issue->isNull("field") ? "" : issue->optValue<std::string>("field", ""),
                            issue->optValue<std::string>("code", ""));
    }
    if (c.truth.planted) {
        ++t.planted;
        const bool flagged = std::any_of(errors.begin(), errors.end(), [&](const auto& e) { return e.first == c.truth.planted->field; });
        if (flagged) ++t.plantedFlagged;
        else details << where << ": planterat fel i " << c.truth.planted->field << " inte flaggat\n";
    } else {
        ++t.valid;
        if (!errors.empty()) {
            ++t.validWithError;
            for (const auto& [field, code] : errors) details << where << ": falskt fel " << code << " på " << field << "\n";
        }
    }
    return t;
}

} // namespace

int main(int argc, char** argv)
{
    Options options;
    try {
        options = parse(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "bench_forms_eval: " << e.what()
                  << "\nusage: bench_forms_eval [--per-layout N] [--born-digital N] [--seed S] [--batch N] [--keep DIR] [--details FILE] [--dry-run]\n";
        return 2;
    }
    test::TempDir temp;
    const fs::path dir = options.keep.empty() ? temp.path() : options.keep;
    fs::create_directories(dir);
    const auto started = std::chrono::steady_clock::now();
    std::cerr << "gör dokumenten …" << std::endl;
    auto cases = makeCases(options, dir);
    std::cerr << cases.size() << " dokument; inkorg process …" << std::endl;
    process(cases, dir / "var", options.batch, options.dryRun);

    std::ofstream detailsFile;
    if (!options.details.empty()) detailsFile.open(options.details);
    std::ostringstream discard;
    std::ostream& details = options.details.empty() ? static_cast<std::ostream&>(discard) : detailsFile;

    // Group rows: each seen layout's scans, the text-layer documents, the held-out layout.
    std::map<std::string, std::map<std::string, Tally>> byGroupAndForm;
    std::vector<std::string> groups;
    for (const auto& layout : forms::blankettLayouts())
        if (layout != kHeldOut) groups.push_back(layout);
    groups.push_back("textlager (sedda layouter)");
    groups.push_back(kHeldOut + " (utelämnad)");
    for (const auto& c : cases) {
        const std::string group = c.layout == kHeldOut ? kHeldOut + " (utelämnad)" : c.textLayer ? "textlager (sedda layouter)" : c.layout;
        byGroupAndForm[group][c.form].add(score(c, details));
    }
    const double minutes = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() / 60.0;

    std::cout << "\n" << cases.size() << " documents (" << options.perLayout << " scans per form and layout, "
              << options.bornDigital << " born-digital per form and seen layout, seed " << options.seed << "), "
              << std::fixed << std::setprecision(1) << minutes << " min\n\n";
    std::cout << "| layout | documents | pipeline failed | form correct | wrong form | oklassificerad | fields exact";
    for (const auto& form : test::formIds()) std::cout << " | " << form;
    std::cout << " |\n|---|---|---|---|---|---|---";
    for (std::size_t i = 0; i < test::formIds().size(); ++i) std::cout << "|---";
    std::cout << "|\n";
    Tally seen, heldOut, all;
    std::map<std::string, Tally> seenByForm;
    auto row = [&](const std::string& name, const std::map<std::string, Tally>& byForm) {
        Tally total;
        for (const auto& [form, tally] : byForm) total.add(tally);
        std::cout << "| " << name << " | " << total.documents << " | " << total.failed << " | " << ratio(total.formCorrect, total.documents) << " | "
                  << total.wrongForm << " | " << total.unclassified << " | " << ratio(total.fieldsExact, total.fields);
        for (const auto& form : test::formIds()) {
            auto it = byForm.find(form);
            std::cout << " | " << (it == byForm.end() ? "–" : percent(it->second.fieldsExact, it->second.fields));
        }
        std::cout << " |\n";
        return total;
    };
    for (const auto& group : groups) {
        const Tally total = row(group, byGroupAndForm[group]);
        all.add(total);
        if (group.rfind(kHeldOut, 0) == 0) heldOut.add(total);
        else {
            seen.add(total);
            for (const auto& [form, tally] : byGroupAndForm[group]) seenByForm[form].add(tally);
        }
    }
    row("**seen layouts**", seenByForm);
    std::map<std::string, Tally> allByForm = seenByForm;
    for (const auto& [form, tally] : byGroupAndForm[kHeldOut + " (utelämnad)"]) allByForm[form].add(tally);
    row("**all**", allByForm);

    std::cout << "\n| validation | seen layouts | " << kHeldOut << " (held out) | all |\n|---|---|---|---|\n";
    std::cout << "| planted invalid id flagged as error on its field | " << ratio(seen.plantedFlagged, seen.planted) << " | "
              << ratio(heldOut.plantedFlagged, heldOut.planted) << " | " << ratio(all.plantedFlagged, all.planted) << " |\n";
    std::cout << "| valid documents with a false error | " << ratio(seen.validWithError, seen.valid) << " | "
              << ratio(heldOut.validWithError, heldOut.valid) << " | " << ratio(all.validWithError, all.valid) << " |\n";

    auto rate = [](int part, int whole) { return whole ? double(part) / whole : 1.0; };
    std::cout << "\nTargets: form accuracy ≥ 99 % " << (rate(all.formCorrect, all.documents) >= 0.99 ? "met" : "NOT met")
              << "; wrong form 0 " << (all.wrongForm == 0 ? "met" : "NOT met")
              << "; held-out field exact ≥ 98 % " << (rate(heldOut.fieldsExact, heldOut.fields) >= 0.98 ? "met" : "NOT met")
              << " (bar ≥ 95 % " << (rate(heldOut.fieldsExact, heldOut.fields) >= 0.95 ? "met" : "NOT met") << ")"
              << "; planted invalid 100 % " << (all.plantedFlagged == all.planted ? "met" : "NOT met")
              << "; false errors < 1 % " << (rate(all.validWithError, all.valid) < 0.01 ? "met" : "NOT met") << "\n";
    return 0;
}
