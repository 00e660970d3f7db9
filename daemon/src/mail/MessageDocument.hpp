#pragma once
/// The mail itself as the ärende's first handling ("meddelande"): a born-digital PDF/A with
/// sender, subject, dates, the list of attachments and the body text, so it passes through the
/// text stage (its text layer) and the form classifier like any scanned document — an
/// orosanmälan written in a mail body is recognised as one.

#include "mail/MimeMessage.hpp"

#include <string>
#include <vector>

namespace inkorg::mail {

/// PDF bytes. `receivedAt` is the delivery time (inkom datum, ISO 8601 UTC); the body is cut
/// after 200 000 characters with a note that the whole text is in the stored original.
std::string renderMessageDocument(const ParsedMail& mail, const std::string& receivedAt,
                                  const std::vector<std::string>& attachmentNames);

} // namespace inkorg::mail
