#include "text/ArrivalDate.hpp"

#include "text/OcrEngine.hpp"

#include <inkorg/swedish.hpp>

#include <algorithm>
#include <map>
#include <vector>

namespace inkorg::text {
namespace {

/// A stamp is turned by hand, up to about 12° either way: its ink is read turned by each of these
/// (degrees, the likeliest first) until its date is read surely. Leptonica's skew search is led
/// astray by the fringe of the form's print and rules in the stamp's box.
constexpr int turns[] = {0, -4, 4, -8, 8, -12, 12};
/// A read this sure ends the search.
constexpr double certain = 0.9;
/// White around the ink: Tesseract finds no lines in text that touches the image's edge.
constexpr int margin = 40;

/// `ink` without its frame (a piece reaching over half the box's width or height) and specks.
PixPtr lettersOnly(PIX* ink)
{
    const int width = pixGetWidth(ink), height = pixGetHeight(ink);
    PixPtr small{pixSelectBySize(ink, width / 2, height / 2, 8, L_SELECT_IF_BOTH, L_SELECT_IF_LT, nullptr)};
    return small ? PixPtr{pixSelectBySize(small.get(), 3, 3, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, nullptr)} : nullptr;
}

/// The surest date among the lines of `image`, read by `engine`.
ArrivalDate dateIn(OcrEngine& engine, PIX* image, int dpi)
{
    std::map<int, std::pair<std::string, double>> lines;   // line → its text, its least sure word
    for (const Word& word : engine.recognize(image, dpi)) {
        auto& [text, least] = lines.try_emplace(word.line, std::string{}, 1.0).first->second;
        text += (text.empty() ? "" : " ") + word.text;
        least = std::min(least, word.confidence);
    }
    ArrivalDate best;
    for (const auto& [line, reading] : lines) {
        const auto& [text, least] = reading;
        if (const auto date = swedish::parseDate(text); date && least > best.confidence)
            best = {least >= sureConfidence ? swedish::toIso(*date) : std::string{}, least};
    }
    return best;
}

} // namespace

StampInk stampInkOf(PIX* grey, const ArrivalStamp& stamp)
{
    return {arrivalStampInk(grey, stamp), stamp.box.height > stamp.box.width, pixGetXRes(grey) > 0 ? pixGetXRes(grey) : 300,
            stamp.box};
}

ArrivalDate readArrivalDate(OcrEngine& engine, const StampInk& stamp)
{
    const PixPtr letters{stamp.ink ? lettersOnly(stamp.ink.get()) : nullptr};
    const PixPtr framed{letters ? pixAddBorder(letters.get(), margin, 0) : nullptr};
    if (!framed) return {};
    // A stamp standing tall lies on a page turned a quarter: read upright both ways.
    const std::vector<int> quarters = stamp.tall ? std::vector<int>{1, 3} : std::vector<int>{0};
    const int dpi = stamp.dpi;
    ArrivalDate best;
    for (const int quarter : quarters) {
        const PixPtr upright{quarter ? pixRotateOrth(framed.get(), quarter) : pixClone(framed.get())};
        for (const int degrees : turns) {
            if (!upright || best.confidence >= certain) return best;
            const PixPtr turned{degrees ? pixRotate(upright.get(), degrees * 3.14159265f / 180.0f, L_ROTATE_SAMPLING,
                                                    L_BRING_IN_WHITE, 0, 0)
                                        : pixClone(upright.get())};
            if (!turned) continue;
            if (const ArrivalDate read = dateIn(engine, turned.get(), dpi); read.confidence > best.confidence) best = read;
        }
    }
    return best;
}

} // namespace inkorg::text
