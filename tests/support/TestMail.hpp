#pragma once
/// Test mail built by hand (RFC 5322 with MIME), for the mail tests and the acceptance bench:
/// a text body, attachments base64-encoded with RFC 2231 names, headers of our choosing; plus
/// a small born-digital PDF to attach, a plain Maildir to deliver into, and `inkorg fetch
/// --json` output read back.

#include <Poco/JSON/Object.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace inkorg::test {

struct TestAttachment {
    std::string name;    ///< as sent; written as filename*=utf-8''name, so %-encode non-ASCII
    std::string type;    ///< Content-Type, e.g. "application/pdf" or "text/plain; charset=iso-8859-1"
    std::string bytes;
};

struct TestMail {
    std::string messageId = "test@example.se";
    std::string from = "=?UTF-8?Q?P=C3=A4r_=C3=96berg?= <par.oberg@example.se>";
    std::string subject = "Test";          ///< the header as written (may be RFC 2047)
    std::string body = "Hej.";
    std::vector<std::pair<std::string, std::string>> headers;  ///< extra headers, e.g. {"Auto-Submitted", "auto-replied"}
    std::vector<TestAttachment> attachments;

    /// The message, CRLF line ends, delivered "Tue, 3 Mar 2026 09:30:00 +0100" (Received).
    std::string raw() const;
};

/// Standard base64 in lines of 76.
std::string base64(const std::string& bytes);

/// A one-page born-digital PDF with `text` as its only paragraph.
std::string textPdf(const std::string& text);

/// A plain Maildir (new/, cur/, tmp/) in `folder`; `deliver` puts a message in new/.
void makeMaildir(const std::filesystem::path& folder);
std::filesystem::path deliverToMaildir(const std::filesystem::path& folder, const std::string& uniqueName,
                                       const std::string& raw);

/// One JSON object per non-empty line (the output of `inkorg fetch --json`).
std::vector<Poco::JSON::Object::Ptr> jsonLines(const std::string& out);

} // namespace inkorg::test
