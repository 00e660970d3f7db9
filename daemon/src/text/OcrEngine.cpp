#include "text/OcrEngine.hpp"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <omp.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace inkorg::text {
namespace {

constexpr float minimumOrientationConfidence = 1.5f;

struct TextDeleter {
    void operator()(char* text) const { delete[] text; }
};
using TesseractText = std::unique_ptr<char, TextDeleter>;

/// Tesseract's LSTM asks OpenMP for four threads with a num_threads clause, which
/// omp_set_num_threads cannot lower. With an engine per core, those threads only fight over the
/// cores: a 3 s page took 28 s on two cores. No active parallel level keeps Tesseract on the
/// calling thread; OpenMP keeps this setting per thread, so it is made on every call.
void keepToCallingThread()
{
    omp_set_max_active_levels(0);
}

bool isBlank(const char* text)
{
    return std::all_of(text, text + std::char_traits<char>::length(text),
                       [](unsigned char c) { return std::isspace(c); });
}

/// The engine switched to reading one line (page segmentation mode 7) with only `characters`
/// allowed (all when empty), for as long as this lives; then back to reading pages.
class SingleLineMode {
public:
    SingleLineMode(tesseract::TessBaseAPI& engine, const std::string& characters) : engine_(engine)
    {
        engine_.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
        engine_.SetVariable("tessedit_char_whitelist", characters.c_str());
    }
    ~SingleLineMode()
    {
        engine_.SetVariable("tessedit_char_whitelist", "");
        engine_.SetPageSegMode(tesseract::PSM_AUTO);
    }
    SingleLineMode(const SingleLineMode&) = delete;
    SingleLineMode& operator=(const SingleLineMode&) = delete;

private:
    tesseract::TessBaseAPI& engine_;
};

} // namespace

void OcrEngine::EngineDeleter::operator()(tesseract::TessBaseAPI* api) const
{
    api->End();
    delete api;
}

OcrEngine::OcrEngine(const std::string& tessdata, const std::string& language) : tessdata_(tessdata)
{
    engine_.reset(new tesseract::TessBaseAPI());
    if (engine_->Init(tessdata.c_str(), language.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
        throw std::runtime_error("Tesseract cannot load language '" + language + "' from " + tessdata);
    engine_->SetVariable("debug_file", "/dev/null");
    engine_->SetPageSegMode(tesseract::PSM_AUTO);
}

OcrEngine::~OcrEngine() = default;

std::vector<Word> OcrEngine::recognize(PIX* image, int dpi)
{
    keepToCallingThread();
    engine_->SetImage(image);
    if (dpi > 0) engine_->SetSourceResolution(dpi);
    std::vector<Word> words;
    const bool recognized = engine_->Recognize(nullptr) == 0;
    std::unique_ptr<tesseract::ResultIterator> it{recognized ? engine_->GetIterator() : nullptr};
    if (!it) {
        engine_->Clear();
        return words;
    }
    // Symbol by symbol: a word starts at its first symbol; its least sure symbol is kept.
    int line = -1;
    Word* word = nullptr;
    int symbol = 0;
    do {
        if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
        if (it->IsAtBeginningOf(tesseract::RIL_WORD)) {
            word = nullptr;
            TesseractText text{it->GetUTF8Text(tesseract::RIL_WORD)};
            if (!text || isBlank(text.get())) continue;
            int left = 0, top = 0, right = 0, bottom = 0;
            it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
            word = &words.emplace_back();
            word->text = text.get();
            word->box = {left, top, right - left, bottom - top};
            word->confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
            word->line = std::max(line, 0);
            symbol = 0;
        }
        if (!word) continue;
        const double confidence = std::clamp(it->Confidence(tesseract::RIL_SYMBOL) / 100.0, 0.0, 1.0);
        if (confidence < word->weakestSymbol) {
            word->weakestSymbol = confidence;
            word->weakestSymbolAt = symbol;
        }
        ++symbol;
    } while (it->Next(tesseract::RIL_SYMBOL));
    engine_->Clear();
    return words;
}

std::vector<Word> OcrEngine::recognizeLine(PIX* image, int dpi)
{
    const SingleLineMode line(*engine_, "");
    return recognize(image, dpi);
}

std::pair<std::string, double> OcrEngine::readLine(PIX* image, int dpi, const std::string& characters)
{
    keepToCallingThread();
    const SingleLineMode mode(*engine_, characters);
    engine_->SetImage(image);
    if (dpi > 0) engine_->SetSourceResolution(dpi);
    std::pair<std::string, double> line{"", 0.0};
    if (engine_->Recognize(nullptr) == 0) {
        TesseractText text{engine_->GetUTF8Text()};
        if (text && !isBlank(text.get())) {
            line.first = text.get();
            while (!line.first.empty() && std::isspace(static_cast<unsigned char>(line.first.back()))) line.first.pop_back();
            line.second = std::clamp(engine_->MeanTextConf() / 100.0, 0.0, 1.0);
        }
    }
    engine_->Clear();
    return line;
}

int OcrEngine::detectTurn(PIX* image)
{
    if (!orientationEngine_) {
        orientationEngine_.reset(new tesseract::TessBaseAPI());
        if (orientationEngine_->Init(tessdata_.c_str(), "osd", tesseract::OEM_TESSERACT_ONLY) != 0)
            throw std::runtime_error("Tesseract cannot load osd.traineddata from " + tessdata_);
        orientationEngine_->SetVariable("debug_file", "/dev/null");
        orientationEngine_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    }
    keepToCallingThread();
    orientationEngine_->SetImage(image);
    orientationEngine_->SetSourceResolution(300);
    int degrees = 0;
    float confidence = 0.0f;
    const char* script = nullptr;
    float scriptConfidence = 0.0f;
    const bool found = orientationEngine_->DetectOrientationScript(&degrees, &confidence, &script, &scriptConfidence);
    orientationEngine_->Clear();
    if (!found || confidence < minimumOrientationConfidence) return 0;
    return degrees;
}

} // namespace inkorg::text
