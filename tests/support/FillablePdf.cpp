#include "support/FillablePdf.hpp"

// qpdf: no PointerHolder compatibility (std::shared_ptr throughout).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <stdexcept>

namespace inkorg::test {
namespace {

QPDFObjectHandle rectangle(double x, double y, double width, double height)
{
    auto rect = QPDFObjectHandle::newArray();
    for (double value : {x, y, x + width, y + height}) rect.appendItem(QPDFObjectHandle::newReal(value, 1));
    return rect;
}

/// The appearance of a checkbox state: a cross for /Yes, nothing for /Off.
QPDFObjectHandle checkboxAppearance(QPDF& pdf, bool ticked)
{
    auto stream = QPDFObjectHandle::newStream(&pdf, ticked ? "0 g 1 w 1 1 m 11 11 l 1 11 m 11 1 l S\n" : "");
    auto dict = stream.getDict();
    dict.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
    dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
    dict.replaceKey("/BBox", rectangle(0, 0, 12, 12));
    return stream;
}

QPDFObjectHandle widget(QPDF& pdf, QPDFObjectHandle page, const FillableField& field, double top)
{
    auto dict = QPDFObjectHandle::newDictionary();
    dict.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
    dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Widget"));
    dict.replaceKey("/F", QPDFObjectHandle::newInteger(4));
    dict.replaceKey("/P", page);
    dict.replaceKey("/T", QPDFObjectHandle::newUnicodeString(field.name));
    if (!field.tooltip.empty()) dict.replaceKey("/TU", QPDFObjectHandle::newUnicodeString(field.tooltip));
    if (field.checkbox) {
        const auto state = QPDFObjectHandle::newName(field.checked ? "/Yes" : "/Off");
        dict.replaceKey("/FT", QPDFObjectHandle::newName("/Btn"));
        dict.replaceKey("/Rect", rectangle(560, top, 12, 12));
        dict.replaceKey("/V", state);
        dict.replaceKey("/AS", state);
        auto normal = QPDFObjectHandle::newDictionary();
        normal.replaceKey("/Yes", checkboxAppearance(pdf, true));
        normal.replaceKey("/Off", checkboxAppearance(pdf, false));
        auto appearance = QPDFObjectHandle::newDictionary();
        appearance.replaceKey("/N", normal);
        dict.replaceKey("/AP", appearance);
    } else {
        dict.replaceKey("/FT", QPDFObjectHandle::newName("/Tx"));
        dict.replaceKey("/Rect", rectangle(560, top, 30, 12));
        dict.replaceKey("/V", QPDFObjectHandle::newUnicodeString(field.value));
        dict.replaceKey("/DA", QPDFObjectHandle::newString("/Helv 8 Tf 0 g"));
    }
    return pdf.makeIndirectObject(dict);
}

} // namespace

void writeFillablePdf(const std::filesystem::path& basePdf, const std::vector<FillableField>& fields,
                      const std::filesystem::path& outPdf)
{
    try {
        QPDF pdf;
        pdf.processFile(basePdf.c_str());
        auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
        if (pages.empty()) throw std::runtime_error("no pages in " + basePdf.string());
        auto page = pages.front().getObjectHandle();
        auto annots = page.getKey("/Annots");
        if (!annots.isArray()) {
            annots = QPDFObjectHandle::newArray();
            page.replaceKey("/Annots", annots);
        }
        auto formFields = QPDFObjectHandle::newArray();
        double top = 800;
        for (const auto& field : fields) {
            auto annotation = widget(pdf, page, field, top);
            annots.appendItem(annotation);
            formFields.appendItem(annotation);
            top -= 16;
        }
        auto font = QPDFObjectHandle::newDictionary();
        font.replaceKey("/Type", QPDFObjectHandle::newName("/Font"));
        font.replaceKey("/Subtype", QPDFObjectHandle::newName("/Type1"));
        font.replaceKey("/BaseFont", QPDFObjectHandle::newName("/Helvetica"));
        font.replaceKey("/Encoding", QPDFObjectHandle::newName("/WinAnsiEncoding"));
        auto fonts = QPDFObjectHandle::newDictionary();
        fonts.replaceKey("/Helv", pdf.makeIndirectObject(font));
        auto resources = QPDFObjectHandle::newDictionary();
        resources.replaceKey("/Font", fonts);
        auto acroForm = QPDFObjectHandle::newDictionary();
        acroForm.replaceKey("/Fields", formFields);
        acroForm.replaceKey("/NeedAppearances", QPDFObjectHandle::newBool(true));
        acroForm.replaceKey("/DA", QPDFObjectHandle::newString("/Helv 8 Tf 0 g"));
        acroForm.replaceKey("/DR", resources);
        pdf.getRoot().replaceKey("/AcroForm", pdf.makeIndirectObject(acroForm));
        QPDFWriter writer(pdf, outPdf.c_str());
        writer.setStaticID(true);
        writer.write();
    } catch (const std::runtime_error&) {
        throw;
    } catch (const std::exception& error) {
        throw std::runtime_error(std::string("qpdf: ") + error.what());
    }
}

} // namespace inkorg::test
