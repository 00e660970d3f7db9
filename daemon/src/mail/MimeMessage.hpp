#pragma once
/// One e-mail message taken apart with GMime 3. Parses UNTRUSTED input: any bytes give a
/// ParsedMail (GMime recovers from broken boundaries, missing separators and bad encodings);
/// nothing here throws for a malformed message.
///
/// Why GMime rather than Poco::Net::MailMessage: Poco reads one level of multipart and neither
/// RFC 2231 parameters (filename*=utf-8''%C3%A5…, split over continuations) nor attached
/// message/rfc822 parts; GMime 3 (Debian-packaged, maintained) does nested multiparts, RFC 2047
/// and 2231, and charset conversion to UTF-8.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inkorg::mail {

/// A leaf of the MIME tree (or an attached message), transfer-decoded (base64, QP, uuencode).
struct MailPart {
    std::string path;          ///< position in the tree: "1", "1_2", "1_2_1" (as MIME tools number parts)
    std::string contentType;   ///< lower case, "image/png"
    std::string charset;       ///< the Content-Type's charset parameter as sent, may be empty
    std::string fileName;      ///< decoded (RFC 2047/2231) UTF-8 name as sent — not yet safe to use as a path
    std::string bytes;         ///< the decoded content
    bool attachment = false;   ///< Content-Disposition: attachment
    bool attachedMessage = false; ///< a message/rfc822 part, kept whole as .eml bytes
};

struct ParsedMail {
    std::string messageId;     ///< without <>; empty when the message has none
    std::string fromAddress;   ///< "anna@example.se"
    std::string fromName;      ///< decoded display name
    std::string subject;       ///< decoded UTF-8
    std::string dateHeader;    ///< the Date header as ISO 8601 UTC, empty when missing or unreadable
    std::string receivedAt;    ///< time in the topmost Received header (delivery), ISO 8601 UTC, or empty
    std::string bodyText;      ///< the text/plain body in UTF-8, or the text/html body reduced to text; '\n' line ends, no trailing blank lines
    std::vector<MailPart> attachments; ///< every leaf that is not the body: files, inline images, attached .eml
    std::vector<MailPart> leaves;      ///< every leaf in tree order, the body parts included
    bool autoSubmitted = false;   ///< Auto-Submitted other than "no", or a bounce (empty Return-Path)
    bool mailingList = false;     ///< List-Id / List-Unsubscribe, or Precedence bulk/list/junk
    /// How deeply the parts nest (the body 1, a part of a multipart one more, the body of an
    /// attached message one more: message/rfc822 inside multipart inside …), counted up to
    /// kMeasuredDepth, and how many parts there are, attached messages' parts included: what
    /// MailIntake refuses beyond its MailLimits. GMime itself stops nesting at 1024 levels.
    std::size_t depth = 0;
    std::size_t partCount = 0;
};

/// How deep ParsedMail::depth is measured at most (deeper parts are neither measured nor
/// counted): far beyond what any mail client writes, short of anything that strains the stack.
inline constexpr std::size_t kMeasuredDepth = 100;

/// Takes `raw` (RFC 5322 bytes) apart.
ParsedMail parseMail(std::string_view raw);

/// The text of a part in UTF-8: `bytes` converted from `charset` (ISO-8859-1 is read as
/// Windows-1252, its superset as mail clients send it; unknown charsets as Windows-1252).
std::string toUtf8(std::string_view bytes, const std::string& charset);

} // namespace inkorg::mail
