#include "mail/MimeMessage.hpp"

#include "diarium/IsoTime.hpp"
#include "mail/GMime.hpp"
#include "mail/HtmlText.hpp"

#include <Poco/UTF8Encoding.h>

#include <algorithm>
#include <cctype>

namespace inkorg::mail {
namespace {

using gmime::Ref;

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

/// "" also for a time system_clock cannot hold: it counts nanoseconds in 64 bits, so a sender's
/// "Date: … 3992" (GLib reads years up to 9999) would overflow it.
std::string isoOf(GDateTime* time)
{
    if (!time) return "";
    const gint64 seconds = g_date_time_to_unix(time);
    const auto limit = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::duration::max()).count();
    if (seconds >= limit || seconds <= -limit) return "";
    return diarium::isoUtc(std::chrono::system_clock::from_time_t(static_cast<std::time_t>(seconds)));
}

/// The bytes as Latin-1/Windows-1252 code points where glibc refuses them (never fails).
std::string latin1ToUtf8(std::string_view bytes)
{
    std::string out;
    Poco::UTF8Encoding utf8;
    for (unsigned char byte : bytes) {
        unsigned char buffer[4];
        const int length = utf8.convert(byte, buffer, 4);
        out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
    }
    return out;
}

std::optional<std::string> converted(std::string_view bytes, const char* from)
{
    gsize read = 0, written = 0;
    GError* error = nullptr;
    gmime::Text out(g_convert(bytes.data(), static_cast<gssize>(bytes.size()), "UTF-8", from, &read, &written, &error));
    if (error) {
        g_error_free(error);
        return std::nullopt;
    }
    return std::string(out.get(), written);
}

std::string header(GMimeObject* object, const char* name)
{
    return trimmed(gmime::text(g_mime_object_get_header(object, name)));
}

/// The delivery time: the date after the last ';' of the topmost Received header.
std::string receivedTime(GMimeObject* message)
{
    GMimeHeaderList* headers = g_mime_object_get_header_list(message);
    const int count = headers ? g_mime_header_list_get_count(headers) : 0;
    for (int i = 0; i < count; ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
        if (g_ascii_strcasecmp(g_mime_header_get_name(header), "Received") != 0) continue;
        const std::string value = gmime::text(g_mime_header_get_raw_value(header));
        const auto semicolon = value.rfind(';');
        if (semicolon == std::string::npos) return "";
        GDateTime* time = g_mime_utils_header_decode_date(value.substr(semicolon + 1).c_str());
        const std::string iso = isoOf(time);
        if (time) g_date_time_unref(time);
        return iso;
    }
    return "";
}

struct Walk {
    std::vector<MailPart> leaves;
    std::vector<std::size_t> plainBodies, htmlBodies;   ///< indexes into leaves
    std::vector<std::string> charsets;                  ///< per leaf
};

void walk(GMimeObject* object, const std::string& path, Walk& walk_)
{
    if (GMIME_IS_MULTIPART(object)) {
        const int count = g_mime_multipart_get_count(GMIME_MULTIPART(object));
        for (int i = 0; i < count; ++i)
            walk(g_mime_multipart_get_part(GMIME_MULTIPART(object), i), path + "_" + std::to_string(i + 1), walk_);
        return;
    }
    MailPart part;
    part.path = path;
    GMimeContentType* type = g_mime_object_get_content_type(object);
    gmime::Text mimeType(type ? g_mime_content_type_get_mime_type(type) : nullptr);
    part.contentType = lower(mimeType ? mimeType.get() : "application/octet-stream");
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
    part.attachment = disposition && g_mime_content_disposition_is_attachment(disposition);
    std::string charset;

    if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage* attached = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        part.attachedMessage = true;
        part.attachment = true;
        if (disposition) part.fileName = gmime::text(g_mime_content_disposition_get_parameter(disposition, "filename"));
        if (part.fileName.empty() && attached) part.fileName = gmime::text(g_mime_message_get_subject(attached));
        if (part.fileName.empty()) part.fileName = "bifogat meddelande";
        if (lower(part.fileName).size() < 4 || lower(part.fileName).substr(lower(part.fileName).size() - 4) != ".eml")
            part.fileName += ".eml";
        if (attached)
            part.bytes = gmime::bytesOf([&](GMimeStream* out) { g_mime_object_write_to_stream(GMIME_OBJECT(attached), nullptr, out); });
    } else if (GMIME_IS_PART(object)) {
        part.fileName = gmime::text(g_mime_part_get_filename(GMIME_PART(object)));
        charset = gmime::text(g_mime_object_get_content_type_parameter(object, "charset"));
        if (GMimeDataWrapper* content = g_mime_part_get_content(GMIME_PART(object)))
            part.bytes = gmime::bytesOf([&](GMimeStream* out) { g_mime_data_wrapper_write_to_stream(content, out); });
    } else {
        return;
    }
    const bool bodyCandidate = !part.attachment && part.fileName.empty();
    if (bodyCandidate && part.contentType == "text/plain") walk_.plainBodies.push_back(walk_.leaves.size());
    else if (bodyCandidate && part.contentType == "text/html") walk_.htmlBodies.push_back(walk_.leaves.size());
    part.charset = charset;
    walk_.leaves.push_back(std::move(part));
    walk_.charsets.push_back(charset);
}

/// ParsedMail::depth and partCount of `object` at `depth` and everything under it.
void measure(GMimeObject* object, std::size_t depth, ParsedMail& mail)
{
    mail.depth = std::max(mail.depth, depth);
    ++mail.partCount;
    if (depth >= kMeasuredDepth) return;
    if (GMIME_IS_MULTIPART(object)) {
        const int count = g_mime_multipart_get_count(GMIME_MULTIPART(object));
        for (int i = 0; i < count; ++i) measure(g_mime_multipart_get_part(GMIME_MULTIPART(object), i), depth + 1, mail);
    } else if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage* attached = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (GMimeObject* body = attached ? g_mime_message_get_mime_part(attached) : nullptr) measure(body, depth + 1, mail);
    }
}

void readFlags(GMimeObject* message, ParsedMail& mail)
{
    const std::string autoSubmitted = lower(header(message, "Auto-Submitted"));
    const std::string returnPath = header(message, "Return-Path");
    mail.autoSubmitted = (!autoSubmitted.empty() && autoSubmitted != "no") || returnPath == "<>"
                         || !header(message, "X-Autoreply").empty() || !header(message, "X-Autorespond").empty();
    const std::string precedence = lower(header(message, "Precedence"));
    mail.mailingList = !header(message, "List-Id").empty() || !header(message, "List-Unsubscribe").empty()
                       || precedence == "bulk" || precedence == "list" || precedence == "junk";
}

void readSender(GMimeMessage* message, ParsedMail& mail)
{
    InternetAddressList* from = g_mime_message_get_from(message);
    if (!from || internet_address_list_length(from) == 0) return;
    InternetAddress* address = internet_address_list_get_address(from, 0);
    mail.fromName = gmime::text(internet_address_get_name(address));
    if (INTERNET_ADDRESS_IS_MAILBOX(address))
        mail.fromAddress = gmime::text(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
}

} // namespace

std::string toUtf8(std::string_view bytes, const std::string& charset)
{
    const std::string name = lower(trimmed(charset));
    if (name.empty() || name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii") {
        if (g_utf8_validate(bytes.data(), static_cast<gssize>(bytes.size()), nullptr)) return std::string(bytes);
    } else {
        const bool latin1 = name == "iso-8859-1" || name == "latin1" || name == "iso8859-1" || name == "latin-1";
        if (auto text = converted(bytes, latin1 ? "WINDOWS-1252" : name.c_str())) return *text;
    }
    if (auto text = converted(bytes, "WINDOWS-1252")) return *text;
    return latin1ToUtf8(bytes);
}

ParsedMail parseMail(std::string_view raw)
{
    gmime::ensureInitialised();
    ParsedMail mail;
    Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
    Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    Ref<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!message) {
        mail.bodyText = toUtf8(raw, "");
        return mail;
    }
    GMimeObject* object = GMIME_OBJECT(message.get());
    mail.messageId = trimmed(gmime::text(g_mime_message_get_message_id(message.get())));
    mail.subject = trimmed(gmime::text(g_mime_message_get_subject(message.get())));
    mail.dateHeader = isoOf(g_mime_message_get_date(message.get()));
    mail.receivedAt = receivedTime(object);
    readSender(message.get(), mail);
    readFlags(object, mail);

    GMimeObject* body = g_mime_message_get_mime_part(message.get());
    if (body) measure(body, 1, mail);
    Walk parts;
    if (body) walk(body, "1", parts);
    std::vector<bool> isBody(parts.leaves.size(), false);
    auto textOf = [&](std::size_t leaf) { return toUtf8(parts.leaves[leaf].bytes, parts.charsets[leaf]); };
    for (std::size_t leaf : parts.plainBodies) {
        if (!mail.bodyText.empty()) mail.bodyText += "\n\n";
        mail.bodyText += textOf(leaf);
        isBody[leaf] = true;
    }
    for (std::size_t leaf : parts.htmlBodies) {
        // An HTML alternative of a text body adds nothing; an HTML-only body is reduced to text.
        if (parts.plainBodies.empty()) {
            if (!mail.bodyText.empty()) mail.bodyText += "\n\n";
            mail.bodyText += htmlToText(textOf(leaf));
        }
        isBody[leaf] = true;
    }
    // One line-end convention, no trailing blank lines.
    std::erase(mail.bodyText, '\r');
    while (!mail.bodyText.empty() && (mail.bodyText.back() == '\n' || mail.bodyText.back() == ' '))
        mail.bodyText.pop_back();
    for (std::size_t leaf = 0; leaf < parts.leaves.size(); ++leaf)
        if (!isBody[leaf]) mail.attachments.push_back(parts.leaves[leaf]);
    mail.leaves = std::move(parts.leaves);
    return mail;
}

} // namespace inkorg::mail
