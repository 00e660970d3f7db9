// Untrusted input: the raw bytes of an e-mail as fetched from the mailbox (IMAP, POP3, Maildir),
// taken apart by mail::parseMail (GMime 3: headers, RFC 2047/2231 words, nested multiparts,
// transfer encodings, attached messages, HTML bodies reduced to text) and each part's text
// converted to UTF-8 from the charset the sender named (mail::toUtf8), as the intake does.
// Contract checked: nothing throws, whatever the bytes; the nesting depth and the part count the
// intake's limits judge by (ParsedMail::depth, partCount) stay within what was measured: no
// deeper than kMeasuredDepth, every leaf counted.

#include "mail/MimeMessage.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace inkorg::mail;
    const ParsedMail mail = parseMail({reinterpret_cast<const char*>(data), size});
    for (const MailPart& part : mail.leaves) toUtf8(part.bytes, part.charset);
    if (mail.depth > kMeasuredDepth) std::abort();
    if (mail.depth < kMeasuredDepth && mail.partCount < mail.leaves.size()) std::abort();
    return 0;
}
