/// formgen: makes test fixtures of form blanketter.
///
///   formgen --form ID [--forms-dir DIR] --layout NAME (--values values.json | --blank) -o out.pdf
///           [--png out.png [--dpi 300] [--skew DEG] [--noise N] [--rotate 90|180|270] [--seed S]]
///           [--label-shift N] [--title-variant N]
///
/// The PDF is rendered by BlankettRenderer from forms/<ID>/form.json. With --png each page
/// (page 1 to out.png, page k to out-k.png) is rasterised with poppler-cpp and degraded with Leptonica: turned by --skew degrees
/// (pixRotate), sprinkled with N random salt-and-pepper pixels (--noise), and turned a quarter
/// turn (--rotate), as a scanner might.
/// --label-shift N prints each field's label variant N places further on (wrapping), --title-variant N
/// the form's N-th title variant, as another municipality's blankett might.
/// values.json is an object of record keys: strings, numbers, booleans, or arrays (multienum).

#include "forms/BlankettRenderer.hpp"
#include "forms/FormSpec.hpp"
#include "support/ScanMaker.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <poppler-document.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace {

struct Options {
    std::string form;
    std::filesystem::path formsDir = INKORG_SOURCE_DIR "/forms";
    std::string layout = "etikett-vänster";
    std::filesystem::path values;
    bool blank = false;
    std::filesystem::path out;
    std::filesystem::path png;
    int dpi = 300;
    double skew = 0.0;
    int noise = 0;
    int rotate = 0;
    unsigned seed = 1;
    inkorg::forms::BlankettVariation variation;
};

[[noreturn]] void usage(const std::string& problem)
{
    std::cerr << "formgen: " << problem << "\n"
              << "usage: formgen --form ID --layout NAME (--values values.json | --blank) -o out.pdf\n"
              << "               [--png out.png --dpi 300 --skew DEG --noise N --rotate 90 --seed S]\n"
              << "               [--label-shift N --title-variant N]\n";
    std::exit(2);
}

Options parseArguments(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) usage(arg + " behöver ett värde");
            return argv[++i];
        };
        if (arg == "--form") options.form = next();
        else if (arg == "--forms-dir") options.formsDir = next();
        else if (arg == "--layout") options.layout = next();
        else if (arg == "--values") options.values = next();
        else if (arg == "--blank") options.blank = true;
        else if (arg == "-o" || arg == "--out") options.out = next();
        else if (arg == "--png") options.png = next();
        else if (arg == "--dpi") options.dpi = std::stoi(next());
        else if (arg == "--skew") options.skew = std::stod(next());
        else if (arg == "--noise") options.noise = std::stoi(next());
        else if (arg == "--rotate") options.rotate = std::stoi(next());
        else if (arg == "--seed") options.seed = static_cast<unsigned>(std::stoul(next()));
        else if (arg == "--label-shift") options.variation.labelShift = std::stoul(next());
        else if (arg == "--title-variant") options.variation.titleVariant = std::stoul(next());
        else usage("okänt argument " + arg);
    }
    if (options.form.empty() || options.out.empty()) usage("--form och -o krävs");
    if (options.blank == !options.values.empty()) usage("ange antingen --values eller --blank");
    if (options.rotate % 90 != 0) usage("--rotate ska vara 0, 90, 180 eller 270");
    return options;
}

std::string jsonValueAsText(const Poco::Dynamic::Var& value)
{
    if (value.isArray()) {
        std::string joined;
        auto array = value.extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < array->size(); ++i)
            joined += (joined.empty() ? "" : ",") + array->get(static_cast<unsigned>(i)).convert<std::string>();
        return joined;
    }
    if (value.isBoolean()) return value.extract<bool>() ? "true" : "false";
    return value.convert<std::string>();
}

std::map<std::string, std::string> readValues(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("kan inte läsa " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    Poco::JSON::Parser parser;
    auto object = parser.parse(text.str()).extract<Poco::JSON::Object::Ptr>();
    std::map<std::string, std::string> values;
    for (const auto& [key, value] : *object) values[key] = jsonValueAsText(value);
    return values;
}

} // namespace

int main(int argc, char** argv)
{
    auto options = parseArguments(argc, argv);
    try {
        auto form = inkorg::forms::FormSpec::load(options.formsDir / options.form / "form.json");
        std::map<std::string, std::string> values;
        if (!options.blank) values = readValues(options.values);
        inkorg::forms::renderBlankett(form, options.layout, options.blank ? nullptr : &values, options.out,
                                      options.variation);
        if (!options.png.empty()) {
            std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(options.out.string()));
            if (!doc || doc->pages() < 1) throw std::runtime_error("poppler kan inte öppna " + options.out.string());
            for (int index = 0; index < doc->pages(); ++index) {
                auto png = options.png;
                if (index > 0)
                    png.replace_filename(options.png.stem().string() + "-" + std::to_string(index + 1)
                                         + options.png.extension().string());
                auto pix = inkorg::test::degrade(inkorg::test::rasterise(*doc, index, options.dpi),
                                                 {options.skew, options.noise, options.rotate, options.seed});
                if (pixWrite(png.c_str(), pix.get(), IFF_PNG) != 0)
                    throw std::runtime_error("kan inte skriva " + png.string());
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "formgen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
