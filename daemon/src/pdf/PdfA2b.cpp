#include "pdf/PdfA2b.hpp"

#include "pdf/PdfError.hpp"
#include "pdf/XmpPacket.hpp"

#include <ctime>
#include <stdexcept>
#include <string>

namespace inkorg::pdf {
namespace {

/// Throws PdfError with the error libharu recorded (or `fallback`) unless `ok`.
void require(HPDF_Doc doc, bool ok, const char* operation, HPDF_STATUS fallback = HPDF_FAILD_TO_ALLOC_MEM) {
    if (ok && HPDF_GetError(doc) == HPDF_OK) return;
    const HPDF_STATUS code = HPDF_GetError(doc) != HPDF_OK ? HPDF_GetError(doc) : fallback;
    const HPDF_STATUS detail = HPDF_GetErrorDetail(doc);
    throw PdfError(code, detail, operation);
}

HPDF_Date infoDate(std::chrono::system_clock::time_point time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    HPDF_Date date{};
    date.year = utc.tm_year + 1900;
    date.month = utc.tm_mon + 1;
    date.day = utc.tm_mday;
    date.hour = utc.tm_hour;
    date.minutes = utc.tm_min;
    date.seconds = utc.tm_sec;
    date.ind = '+';  // "+00'00'" is the same instant as the XMP's "+00:00"
    return date;
}

void setInfoText(HPDF_Doc doc, HPDF_InfoType type, const std::string& value) {
    if (value.empty()) return;
    // With the UTF-8 encoder current, libharu writes Info strings as UTF-16BE with a BOM.
    require(doc, HPDF_SetInfoAttr(doc, type, value.c_str()) == HPDF_OK, "Info-uppgifter skrevs");
}

} // namespace

void makePdfA2b(HPDF_Doc doc, const PdfMetadata& metadata, const std::filesystem::path& iccProfile) {
    const std::string producer = "inkorg (libharu " HPDF_VERSION_TEXT ")";

    setInfoText(doc, HPDF_INFO_TITLE, metadata.title);
    setInfoText(doc, HPDF_INFO_AUTHOR, metadata.author);
    setInfoText(doc, HPDF_INFO_SUBJECT, metadata.subject);
    setInfoText(doc, HPDF_INFO_KEYWORDS, metadata.keywords);
    setInfoText(doc, HPDF_INFO_CREATOR, metadata.creatorTool);
    setInfoText(doc, HPDF_INFO_PRODUCER, producer);
    const HPDF_Date created = infoDate(metadata.created);
    require(doc, HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, created) == HPDF_OK,
            "skapandedatum skrevs");
    require(doc, HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, created) == HPDF_OK,
            "ändringsdatum skrevs");

    const std::string xmp = xmpPacket(metadata, producer);
    HPDF_Dict metadataStream = HPDF_DictStream_New(doc->mmgr, doc->xref);
    require(doc, metadataStream != nullptr, "XMP-strömmen skapades");
    metadataStream->filter = HPDF_STREAM_FILTER_NONE;  // PDF/A: metadata stays readable
    require(doc, HPDF_Dict_AddName(metadataStream, "Type", "Metadata") == HPDF_OK, "XMP-typ skrevs");
    require(doc, HPDF_Dict_AddName(metadataStream, "Subtype", "XML") == HPDF_OK, "XMP-undertyp skrevs");
    require(doc, HPDF_Stream_Write(metadataStream->stream,
                                   reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                                   static_cast<HPDF_UINT>(xmp.size())) == HPDF_OK,
            "XMP-paketet skrevs");
    require(doc, HPDF_Dict_Add(doc->catalog, "Metadata", metadataStream) == HPDF_OK,
            "XMP-strömmen lades i katalogen");

    if (!std::filesystem::is_regular_file(iccProfile))
        throw std::runtime_error("ICC-profilen saknas: " + iccProfile.string() +
                                 " (installera paketet icc-profiles-free)");
    HPDF_OutputIntent profile = HPDF_LoadIccProfileFromFile(doc, iccProfile.c_str(), 3);
    require(doc, profile != nullptr, "ICC-profilen laddades");
    require(doc, HPDF_PDFA_AppendOutputIntents(doc, "sRGB IEC61966-2.1", profile) == HPDF_OK,
            "OutputIntent skrevs");

    if (!metadata.language.empty()) {
        HPDF_String language = HPDF_String_New(doc->mmgr, metadata.language.c_str(), nullptr);
        require(doc, language != nullptr, "språket skapades");
        require(doc, HPDF_Dict_Add(doc->catalog, "Lang", language) == HPDF_OK, "språket skrevs");
    }

    require(doc, HPDF_PDFA_GenerateID(doc) == HPDF_OK, "dokument-ID skapades");
    doc->pdf_version = HPDF_VER_17;  // PDF/A-2 is based on PDF 1.7 (ISO 32000-1)
}

} // namespace inkorg::pdf
