#pragma once
/// Text from an incoming mail made safe for the header of an outgoing one. Incoming display
/// names, subjects and file names are decoded (RFC 2047/2231) and may carry CR, LF and other
/// control characters: written into a header unchanged they end it and start new ones (a Bcc of
/// the attacker's choosing) or the body. Every header the daemon writes from incoming data goes
/// through these.

#include <string>
#include <string_view>

namespace inkorg::mail {

/// `text` on one line: every control character (C0, DEL, C1, U+2028/U+2029) and run of blanks
/// becomes one space, ends trimmed, invalid UTF-8 replaced by '?', cut (at a character) to at most
/// `maxBytes` bytes.
std::string oneLine(std::string_view text, std::size_t maxBytes = 200);

/// A plain addr-spec a receipt may be sent to: `local@domain` in printable ASCII, the local part
/// of dot-separated atoms (no quoting, blanks, comments or brackets), the domain of letters,
/// digits and hyphens in dot-separated labels, at most 254 characters.
bool isPlainAddress(std::string_view address);

/// A display name for a To or From header: oneLine(name) with '"' as '\'' and '\\' as '/', as an
/// RFC 2047 encoded word when it is not ASCII, otherwise as a quoted string; empty for an empty
/// name.
std::string headerDisplayName(std::string_view name);

} // namespace inkorg::mail
