#pragma once
/// Attachments that are text rather than a scan or a PDF — plain text (text/plain, .txt, .csv),
/// Word documents (.docx) and attached mails (.eml, a forwarded message) — made into a
/// born-digital PDF that the form pipeline reads like any other document (its text layer), so a
/// form filled in as text is classified and extracted too. The original stays in the stored .eml.

#include "mail/MimeMessage.hpp"

#include <optional>
#include <stdexcept>
#include <string>

namespace inkorg::mail {

/// Why a text attachment cannot be read (Swedish, says what to do): the attachment is quarantined.
struct UnreadableAttachment : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The attachment as a PDF for the pipeline when it is text, .docx or an attached mail;
/// nullopt for everything else (PDF, images, and what the pipeline itself refuses). Text is
/// decoded from the part's charset (Windows-1252 when unknown). Throws UnreadableAttachment for a
/// damaged, encrypted or oversized (zip bomb) .docx.
std::optional<std::string> textAttachmentPdf(const MailPart& part, const std::string& safeName,
                                             const std::string& receivedAt);

} // namespace inkorg::mail
