#pragma once
/// Reads single pages of stored files in this process: the work a worker process does for one
/// request. Holds the process's one OCR engine and the last file opened (pages of one document
/// arrive one after another). Not thread-safe; parses untrusted input.

#include "text/ArrivalDate.hpp"
#include "text/CheckboxMarks.hpp"
#include "text/FormRuling.hpp"
#include "text/Leptonica.hpp"
#include "text/LineReread.hpp"
#include "text/OcrEngine.hpp"
#include "text/OpenFile.hpp"
#include "text/PageStrips.hpp"
#include "text/TextOptions.hpp"

#include <inkorg/document.hpp>

#include <deque>
#include <filesystem>
#include <memory>
#include <optional>

namespace inkorg::text {

class ImageFile;
class PdfFile;

/// One page as read. `empty` pages have no words worth keeping (blank or dust).
struct PageReading {
    Page page;
    bool empty = false;
    PixPtr cleanImage;  ///< the image that was OCR'd (null for a PDF text layer)
};

/// Mean word confidence, 0 without words.
double meanConfidence(const std::vector<Word>& words);

/// True when an OCR reading looks like a page read the wrong way up (few words or a mean
/// confidence under 0.7): worth trying orientation detection.
bool looksMisread(const std::vector<Word>& words);

/// True when most words of three or more characters are taller than wide: a page turned 90°
/// that Tesseract read by turning its lines (boxes are then in the sideways image).
bool looksSideways(const std::vector<Word>& words);

class PageReader {
public:
    /// Creates the OCR engine (see OcrEngine); throws std::runtime_error if it cannot.
    PageReader(const std::string& tessdata, const std::string& language);
    ~PageReader();

    /// Number of pages of `file`. Throws Unreadable for files that cannot be read.
    int pageCount(const OpenFile& file);

    /// Page `number` (from 1): a PDF page's text layer when it has one (with the checkboxes drawn
    /// on the page among its words), else the page image
    /// cleaned up as `options` say (grey, 300 dpi, deskew, dust, binarisation), freed of a
    /// form's ruling and its checkboxes (always; CheckboxMarks.hpp) and OCR'd. With
    /// options.orientation the page is turned upright before it is read when Leptonica's cheap
    /// orientation test is sure it is turned; a page that still reads sideways or as nonsense is
    /// turned as Tesseract's orientation detection says and read again.
    /// Throws Unreadable with a Swedish reason.
    ///
    /// With a `strip` of the page (PageStrips.hpp) the whole page is cleaned up the same way (and
    /// kept for the next strip of it) but only the strip's rows are OCR'd: word boxes in the
    /// page's pixels, cleanImage the whole page for strip 0 and null for the others. A turned
    /// page is turned as Leptonica guesses, without Tesseract's second opinion: only the joined
    /// strips can tell whether the page was misread. A text layer is always read whole (strips
    /// other than the first are then empty).
    PageReading read(const OpenFile& file, int number, const TextOptions& options, Strip strip = {});
    /// read() of the file at `path` (for tools and tests; a worker is handed open files).
    PageReading read(const std::filesystem::path& path, int number, const TextOptions& options, Strip strip = {});

    /// The barcodes (Barcodes.hpp) on the image that read() of strip 0 of page `number` hands over
    /// as cleanImage, the page cleaned as for its strips (kept from a strip read before, else
    /// cleaned anew); none on a text-layer page. A page read in strips is searched only when the
    /// host has joined them and found the page sparse: zbar took a third of a second on a form's
    /// page, and strip 0 alone of most forms is sparse. Throws as read() does.
    std::vector<std::string> barcodes(const OpenFile& file, int number, const TextOptions& options);

    /// The `regions` of a cleaned page (as read() handed it over in cleanImage) read again one
    /// line each (LineReread.hpp). Throws std::invalid_argument when they are too many
    /// (requireRegionCount); a region that is no line of the page is not read, its answer says
    /// why (LineText::refused).
    std::vector<LineText> rereadLines(PIX* page, const std::vector<LineRegion>& regions);

private:
    /// A stamp found on a page and, once read, its date.
    struct ArrivalStampOnPage {
        StampInk ink;
        std::optional<ArrivalDate> date;
    };
    /// A page turned, straightened when Tesseract would stumble over its skew, and freed of dust:
    /// what every strip of it is read from. A blank page is only made grey.
    struct CleanPage {
        PixPtr image;                ///< what is OCR'd (8-bit grey; 1-bit when binarised)
        /// The page as cleaned before its ruling and checkboxes were taken out: what the archive
        /// copy shows and the barcode reader reads (a QR code's corners look like ticked boxes).
        /// The same pixels as `image` when nothing was taken out; null for a blank page.
        PixPtr shown;
        PixPtr marks;                ///< its black/white version, when dust removal made one
        bool blank = false;          ///< nothing to read: `image` is the grey page
        int rotation = 0;            ///< degrees clockwise the page was turned
        double skew = 0.0;           ///< degrees that straighten its lines
        bool straightened = false;   ///< the skew is undone on `image` already
        Ruling ruling;               ///< taken out of `image` and `marks`
        std::vector<CheckboxMark> checkboxes;   ///< taken out of `image` and `marks` after the ruling
        /// The ankomststämpel taken off it (shared by the cleanings of one decoding), its date
        /// read once, by the first reading that reports it (strip 0 or the whole page).
        std::shared_ptr<ArrivalStampOnPage> arrival;
    };
    struct CachedPage {
        int number = 0;
        TextOptions options;
        CleanPage page;
    };

    void open(const OpenFile& file);
    /// The checkboxes of a text-layer page that are drawn as lines (a box in a table cell, a
    /// filled square) rather than printed as glyphs: found on the page rendered at 300 dpi (the
    /// text layer's pixels) and put among its words as "☐"/"☒", in place of what the text layer
    /// has there (a glyph, an "X" typed in the box). The same drawing gives the page its ruling
    /// (FormRuling.hpp: rulingOfDrawnPage), its lines and cells as a scan's. A page that cannot
    /// be rendered keeps its text layer as it is. Done for a document's first three pages, where
    /// a blankett is.
    void readDrawing(Page& page, int number, const TextOptions& options);
    PixPtr decode(int number, const TextOptions& options);
    /// 8-bit grey at 300 dpi (as options say) without its ankomststämpel (in coloured ink, or
    /// found on the grey page); `arrival` the stamp when there was one (its date not yet read).
    /// Throws Unreadable when Leptonica cannot convert it.
    PixPtr greyPage(PixPtr image, const TextOptions& options, std::shared_ptr<ArrivalStampOnPage>& arrival);
    /// The date of `stamp`, read the first time it is asked for.
    const ArrivalDate& dateOf(ArrivalStampOnPage& stamp);
    /// The whole page, turned as Leptonica guesses and, when that reads badly, as OSD says.
    PageReading recognize(PixPtr image, int number, const TextOptions& options);
    /// Page `number` of the open file cleaned up, turned as Leptonica guesses; kept for the
    /// strips that follow.
    const CleanPage& cleaned(int number, const TextOptions& options);
    static CleanPage blankPage(PixPtr grey);
    /// `grey` turned clockwise by `rotation` and cleaned up, with the skew found on `sketch` (its
    /// overview): undone before reading when Tesseract would stumble over it, else afterwards.
    /// `arrival`: the stamp greyPage took off it.
    CleanPage clean(PIX* grey, PIX* sketch, int rotation, const TextOptions& options,
                    std::shared_ptr<ArrivalStampOnPage> arrival);
    /// OCRs `strip` of `clean`; a skew not yet undone is undone on the boxes, and on the image
    /// that strip 0 (or the whole page) hands over as cleanImage.
    PageReading readClean(const CleanPage& clean, int number, Strip strip);
    /// The words of `strip` of `page`, cut where `ink` (the page's dark pixels, 1- or 8-bit)
    /// has blank rows, in the page's pixels. Tesseract sees only the strip's inked area; print
    /// its layout analysis left out is read again line by line (UnreadInk.hpp). The
    /// `checkboxes` (taken out of `page` before) whose middle lies in the strip are put back
    /// among the words as their glyphs; the combs of `ruling` (the page's) whose middle lies in
    /// it are read box by box (CombReading.hpp). `unread`: the print no word covers after all
    /// that (UnreadInk.hpp: stillUnread).
    std::vector<Word> recognizeStrip(PIX* page, PIX* ink, Strip strip, const std::vector<CheckboxMark>& checkboxes,
                                     const std::vector<RuledLine>& ruling, std::vector<Box>& unread);

    OcrEngine engine_;
    std::optional<OpenFile::Identity> openIdentity_;   ///< of the file image_ or pdf_ holds
    std::unique_ptr<ImageFile> image_;
    std::unique_ptr<PdfFile> pdf_;
    std::deque<CachedPage> cleanPages_;   ///< of the open file, newest first
};

} // namespace inkorg::text
