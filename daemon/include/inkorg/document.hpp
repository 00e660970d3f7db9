#pragma once
/// The text of a document as inkorg reads it: pages of words with boxes and confidences.
/// Coordinates are pixels at 300 dpi from the page's top left corner, whatever the source
/// (born-digital PDF points are scaled by 300/72), so extraction never cares where text came from.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace inkorg {

/// An axis-aligned rectangle in 300-dpi page pixels.
struct Box {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    int right() const { return x + width; }
    int bottom() const { return y + height; }
    int centerY() const { return y + height / 2; }
};

/// One word as read from the page.
struct Word {
    std::string text;         ///< UTF-8
    Box box;
    double confidence = 1.0;  ///< 0–1; 1 for text read from a PDF text layer
    int line = 0;             ///< index of the text line on the page (reading order)
    /// The confidence 0–1 of the word's least sure character, and which character that is (from
    /// 0, in characters of `text`; -1 when no character was doubted: a text layer, or no data).
    double weakestSymbol = 1.0;
    int weakestSymbolAt = -1;
};

/// One line of a form's ruling — an underline or dotted leader to write on, a cell's or a
/// frame's border — in the page's pixels: where the form's printer put a value's place.
struct RuledLine {
    Box box;                  ///< the line's bounding box (a skewed line's box is taller than it)
    bool horizontal = true;   ///< else vertical (a cell border)
    bool dotted = false;      ///< a leader of dots or short dashes
};

/// One page of a document.
struct Page {
    int number = 1;            ///< from 1
    int width = 0;             ///< 300-dpi pixels
    int height = 0;
    std::vector<Word> words;   ///< in reading order
    std::string text;          ///< the page's text, lines separated by '\n'
    int rotation = 0;          ///< degrees clockwise the page was turned to be read: 0, 90, 180, 270
    double skew = 0.0;         ///< degrees corrected by deskew
    bool fromTextLayer = false;///< true when read from a PDF text layer (no OCR)
    /// Barcodes (QR, Code 128, EAN …) found on the page image, as decoded text; a page with a
    /// barcode is a separator sheet in a batch scan. Empty for text-layer pages.
    std::vector<std::string> barcodes;
    /// The form's ruling found on the page (scanned, or drawn from a PDF's page; text/FormRuling):
    /// horizontal lines first. Lines lie inside the page; at most kMaxRuledLines.
    std::vector<RuledLine> ruling;
    /// The registrator's ankomststämpel on a scanned page (text/ArrivalStamp): `arrivalStamp` when
    /// one was found; `arrivalDate` its date (YYYY-MM-DD) when it was read with confidence, else
    /// empty — a registrator then reads it off the page.
    bool arrivalStamp = false;
    std::string arrivalDate;
    /// Where that stamp lies, in the words' pixels (its frame's bounding box, inside the page):
    /// what it covers may have been lost to its ink (forms/UnderStamp). Set with arrivalStamp.
    std::optional<Box> arrivalStampBox;
    /// Print on a scanned page that no word covers after every reading (text/UnreadInk): a line
    /// of it each, inside the page, at most kMaxUnreadInk — a value written but not read. Empty
    /// for text-layer pages.
    std::vector<Box> unreadInk;
};

/// The most ruled lines a page carries (a dense table has a few hundred).
constexpr std::size_t kMaxRuledLines = 2000;
/// The most regions of unread print a page carries.
constexpr std::size_t kMaxUnreadInk = 400;

/// One AcroForm field of a fillable PDF (an e-tjänst), as filled in by the sender.
struct FormFieldValue {
    std::string name;             ///< fully qualified name ("sokande.personnummer", "sokande_personnummer")
    std::string alternativeName;  ///< the tooltip (/TU) shown to the person filling in, often the printed label
    std::string value;            ///< text as entered; for a radio group the chosen option's export name
    bool isCheckbox = false;      ///< a checkbox: `checked` says its state, `value` is its on-state name
    bool checked = false;
};

/// A whole document. `formFields` holds AcroForm values of a fillable PDF (field name → value;
/// a checkbox is "Yes" or "Off"), empty for everything else. `acroFormFields` holds the same
/// fields in full (tooltip, checkbox state), in the PDF's order: what extraction matches to a
/// form's record keys and label variants before it reads any page.
struct Document {
    std::vector<Page> pages;
    std::map<std::string, std::string> formFields;
    std::vector<FormFieldValue> acroFormFields;

    /// All pages' text, separated by form feeds.
    std::string text() const {
        std::string all;
        for (const auto& page : pages) {
            if (!all.empty()) all += '\f';
            all += page.text;
        }
        return all;
    }
};

} // namespace inkorg
