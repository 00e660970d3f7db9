#include "mail/ImapMailbox.hpp"

#include <Poco/URI.h>

#include <mutex>
#include <sstream>
#include <stdexcept>

namespace inkorg::mail {
namespace {

std::size_t collect(char* data, std::size_t size, std::size_t count, void* out)
{
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

/// The number after `word` in `text` ("UIDVALIDITY 123" → "123").
std::string numberAfter(const std::string& text, const std::string& word)
{
    const auto at = text.find(word);
    if (at == std::string::npos) return "";
    auto start = at + word.size();
    while (start < text.size() && text[start] == ' ') ++start;
    auto end = start;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    return text.substr(start, end - start);
}

std::string quoted(const std::string& folder)
{
    std::string out = "\"";
    for (char c : folder) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

} // namespace

ImapMailbox::ImapMailbox(MailSource source) : source_(std::move(source))
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_.reset(curl_easy_init());
    if (!curl_) throw std::runtime_error("libcurl could not start");
}

std::string ImapMailbox::folderPath() const
{
    std::string encoded;
    Poco::URI::encode(source_.folder, "/;?#%", encoded);
    return "/" + encoded;
}

std::string ImapMailbox::perform(const std::string& path, const std::string& command)
{
    CURL* curl = curl_.get();
    curl_easy_reset(curl);
    const std::string url = source_.scheme + "://" + source_.host + ":" + std::to_string(source_.port) + path;
    std::string response;
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_USERNAME, source_.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, source_.password.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 300L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (!source_.caFile.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, source_.caFile.c_str());
    // imap://: STARTTLS before LOGIN, or nothing is sent (curl fails with CURLE_USE_SSL_FAILED).
    if (source_.transport == MailTransport::startTls) curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!command.empty()) curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, command.c_str());
    const CURLcode code = curl_easy_perform(curl);
    if (code == CURLE_USE_SSL_FAILED)
        throw std::runtime_error("IMAP " + source_.shown + ": " + plaintextRefusal("STARTTLS"));
    if (code != CURLE_OK)
        throw std::runtime_error("IMAP " + source_.name + ": " + (error[0] ? std::string(error) : curl_easy_strerror(code)) +
                                 (command.empty() ? "" : " (" + command.substr(0, command.find(' ', 8)) + ")"));
    return response;
}

std::vector<MailboxEntry> ImapMailbox::list()
{
    const std::string status = perform("/", "STATUS " + quoted(source_.folder) + " (UIDVALIDITY)");
    const std::string validity = numberAfter(status, "UIDVALIDITY");
    if (validity.empty()) throw std::runtime_error("IMAP " + source_.name + ": no UIDVALIDITY for " + source_.folder);
    const std::string search = perform(folderPath(), "UID SEARCH UNDELETED");
    std::vector<MailboxEntry> entries;
    const auto at = search.find("* SEARCH");
    if (at == std::string::npos) return entries;
    std::istringstream uids(search.substr(at + 8, search.find('\n', at) - at - 8));
    std::string uid;
    while (uids >> uid) {
        MailboxEntry entry;
        entry.key = validity + ":" + uid;
        entry.handle = uid;
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::string ImapMailbox::fetchUnchanged(const MailboxEntry& entry, const std::string& section)
{
    const std::string flags = perform(folderPath(), "UID FETCH " + entry.handle + " (FLAGS)");
    const bool wasSeen = flags.find("\\Seen") != std::string::npos;
    std::string bytes = perform(folderPath() + ";UID=" + entry.handle + section, "");
    if (!wasSeen) perform(folderPath(), "UID STORE " + entry.handle + " -FLAGS.SILENT (\\Seen)");
    return bytes;
}

std::string ImapMailbox::headers(const MailboxEntry& entry)
{
    return fetchUnchanged(entry, ";SECTION=HEADER");
}

std::string ImapMailbox::fetch(const MailboxEntry& entry)
{
    return fetchUnchanged(entry, "");
}

void ImapMailbox::markHandled(const MailboxEntry& entry)
{
    if (!source_.moveTo.empty()) {
        perform(folderPath(), "UID MOVE " + entry.handle + " " + quoted(source_.moveTo));
    } else if (source_.deleteAfter) {
        perform(folderPath(), "UID STORE " + entry.handle + " +FLAGS.SILENT (\\Deleted)");
        perform(folderPath(), "UID EXPUNGE " + entry.handle);
    } else {
        perform(folderPath(), "UID STORE " + entry.handle + " +FLAGS.SILENT (\\Seen)");
    }
}

} // namespace inkorg::mail
