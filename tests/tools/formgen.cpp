/// formgen: makes test fixtures of form blanketter.
///
///   formgen --form ID [--forms-dir DIR] --layout NAME (--values values.json | --blank) -o out.pdf
///           [--png out.png [--dpi 300] [--skew DEG] [--noise N] [--rotate 90|180|270] [--seed S]]
///
/// The PDF is rendered by BlankettRenderer from forms/<ID>/form.json. With --png each page
/// (page 1 to out.png, page k to out-k.png) is rasterised with poppler-cpp and degraded with Leptonica: turned by --skew degrees
/// (pixRotate), sprinkled with N random salt-and-pepper pixels (--noise), and turned a quarter
/// turn (--rotate), as a scanner might.
/// values.json is an object of record keys: strings, numbers, booleans, or arrays (multienum).

#include "forms/BlankettRenderer.hpp"
#include "forms/FormSpec.hpp"
#include "text/Leptonica.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <leptonica/allheaders.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>

namespace {

struct Options {
    std::string form;
    std::filesystem::path formsDir = INKORG_DEFAULT_SHARE_DIR "/forms";
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
};

[[noreturn]] void usage(const std::string& problem)
{
    std::cerr << "formgen: " << problem << "\n"
              << "usage: formgen --form ID --layout NAME (--values values.json | --blank) -o out.pdf\n"
              << "               [--png out.png --dpi 300 --skew DEG --noise N --rotate 90 --seed S]\n";
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

using inkorg::text::PixPtr;

PixPtr adopt(PIX* pix)
{
    if (!pix) throw std::runtime_error("Leptonica kunde inte skapa bilden");
    return PixPtr(pix);
}

/// Page `index` (from 0) of `doc` as an 8-bit grey image at `dpi`.
PixPtr rasterise(const poppler::document& doc, int index, int dpi)
{
    std::unique_ptr<poppler::page> page(doc.create_page(index));
    if (!page) throw std::runtime_error("poppler kan inte läsa sidan");
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid()) throw std::runtime_error("poppler kunde inte rita sidan");
    auto pix = adopt(pixCreate(image.width(), image.height(), 8));
    pixSetResolution(pix.get(), dpi, dpi);
    const char* data = image.const_data();
    for (int y = 0; y < image.height(); ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row());
        for (int x = 0; x < image.width(); ++x) pixSetPixel(pix.get(), x, y, row[x]);
    }
    return pix;
}

PixPtr degrade(PixPtr pix, const Options& options)
{
    if (options.skew != 0.0) {
        constexpr double pi = 3.14159265358979323846;
        pix = adopt(pixRotate(pix.get(), static_cast<float>(options.skew * pi / 180.0), L_ROTATE_AREA_MAP,
                              L_BRING_IN_WHITE, 0, 0));
    }
    if (options.noise > 0) {
        std::mt19937 random(options.seed);
        int w = static_cast<int>(pixGetWidth(pix.get()));
        int h = static_cast<int>(pixGetHeight(pix.get()));
        std::uniform_int_distribution<int> xs(0, w - 1), ys(0, h - 1), coin(0, 1);
        for (int i = 0; i < options.noise; ++i)
            pixSetPixel(pix.get(), xs(random), ys(random), coin(random) ? 0 : 255);
    }
    int quarterTurns = ((options.rotate % 360) + 360) % 360 / 90;
    if (quarterTurns) pix = adopt(pixRotateOrth(pix.get(), quarterTurns));
    return pix;
}

} // namespace

int main(int argc, char** argv)
{
    auto options = parseArguments(argc, argv);
    try {
        auto form = inkorg::forms::FormSpec::load(options.formsDir / options.form / "form.json");
        std::map<std::string, std::string> values;
        if (!options.blank) values = readValues(options.values);
        inkorg::forms::renderBlankett(form, options.layout, options.blank ? nullptr : &values, options.out);
        if (!options.png.empty()) {
            std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(options.out.string()));
            if (!doc || doc->pages() < 1) throw std::runtime_error("poppler kan inte öppna " + options.out.string());
            for (int index = 0; index < doc->pages(); ++index) {
                auto png = options.png;
                if (index > 0)
                    png.replace_filename(options.png.stem().string() + "-" + std::to_string(index + 1)
                                         + options.png.extension().string());
                auto pix = degrade(rasterise(*doc, index, options.dpi), options);
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
