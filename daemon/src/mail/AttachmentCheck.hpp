#pragma once
/// What is done with an attachment before it enters the pipeline. Works on UNTRUSTED names and
/// bytes from a mail.

#include "mail/MimeMessage.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace inkorg::mail {

/// A file name from a mail made safe to store and show: only the part after the last '/' or
/// '\', control characters and the characters <>:"|?* removed, no leading dots or blanks, at
/// most 120 bytes (cut at a UTF-8 character boundary, keeping the extension); `fallback` when
/// nothing is left. "../../etc/passwd" → "passwd".
std::string safeFileName(std::string_view name, const std::string& fallback);

/// Why the attachment goes to quarantine instead of the form pipeline — a Swedish reason for the
/// registrator saying what to do — or nullopt when it is taken in. Refused: more than
/// `maxBytes` bytes, and programs (Windows/ELF executables and scripts, by content or by name).
std::optional<std::string> refusalOf(const MailPart& part, const std::string& safeName, std::size_t maxBytes);

} // namespace inkorg::mail
