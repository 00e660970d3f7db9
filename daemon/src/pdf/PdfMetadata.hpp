#pragma once
/// What a PDF says about itself: the Info dictionary and the PDF/A XMP packet are both made
/// from this one value, so they always agree (PDF/A-2 6.6.2.3).

#include <chrono>
#include <string>

namespace inkorg::pdf {

struct PdfMetadata {
    std::string title;                 ///< dc:title, /Title — e.g. "Beslut om ekonomiskt bistånd"
    std::string author;                ///< dc:creator, /Author — the nämnd that decided
    std::string subject;               ///< dc:description, /Subject — e.g. the diarienummer
    std::string keywords;              ///< pdf:Keywords, /Keywords (optional)
    std::string language = "sv-SE";    ///< catalog /Lang and dc:language (BCP 47)
    std::string creatorTool = "inkorg";///< xmp:CreatorTool, /Creator
    /// xmp:CreateDate, /CreationDate (and the modify/metadata dates); whole seconds, UTC.
    std::chrono::system_clock::time_point created = std::chrono::system_clock::now();
};

} // namespace inkorg::pdf
