#include "mail/MailSource.hpp"

#include "config/MaskedUrl.hpp"

#include <Poco/Environment.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

#include <fstream>
#include <stdexcept>

namespace inkorg::mail {
namespace {

int defaultPort(const std::string& scheme)
{
    if (scheme == "pop3") return 110;
    if (scheme == "pop3s") return 995;
    if (scheme == "imap") return 143;
    if (scheme == "imaps") return 993;
    return 0;
}

std::string firstLineOf(const std::string& file, const std::string& url)
{
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line))
        throw std::invalid_argument("mail source " + url + ": cannot read password file " + file);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

} // namespace

MailSource parseMailSource(const std::string& url)
{
    const std::string shown = config::maskUrlPassword(url);
    Poco::URI uri;
    try {
        uri = Poco::URI(url);
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument("mail source " + shown + ": " + e.displayText());
    }
    MailSource source;
    source.shown = shown;
    source.scheme = uri.getScheme();
    if (source.scheme == "maildir") {
        source.folder = uri.getPath();
        if (source.folder.empty()) throw std::invalid_argument("mail source " + shown + ": the Maildir path is missing");
        source.name = "maildir:" + source.folder;
        for (const auto& [key, value] : uri.getQueryParameters()) {
            if (key == "receipt") source.receipt = value == "true" || value == "1" || value == "yes";
            else throw std::invalid_argument("mail source " + shown + ": unknown option '" + key + "' for a Maildir");
        }
        return source;
    }
    if (defaultPort(source.scheme) == 0)
        throw std::invalid_argument("mail source " + shown + ": the scheme must be maildir, pop3, pop3s, imap or imaps");
    source.host = uri.getHost();
    source.port = uri.getPort() != 0 ? uri.getPort() : defaultPort(source.scheme);
    const std::string userInfo = uri.getUserInfo();
    const auto colon = userInfo.find(':');
    source.user = userInfo.substr(0, colon);
    if (colon != std::string::npos) source.password = userInfo.substr(colon + 1);
    if (source.host.empty() || source.user.empty())
        throw std::invalid_argument("mail source " + shown + ": host and user are required (" + source.scheme + "://user@host)");
    if (source.scheme == "pop3s" || source.scheme == "imaps") source.transport = MailTransport::implicitTls;
    source.folder = uri.getPath();
    while (!source.folder.empty() && source.folder.front() == '/') source.folder.erase(0, 1);
    if (source.folder.empty() && source.scheme.rfind("imap", 0) == 0) source.folder = "INBOX";

    for (const auto& [key, value] : uri.getQueryParameters()) {
        if (key == "password-file") source.password = firstLineOf(value, shown);
        else if (key == "password-env") {
            if (!Poco::Environment::has(value))
                throw std::invalid_argument("mail source " + shown + ": environment variable " + value + " is not set");
            source.password = Poco::Environment::get(value);
        } else if (key == "move-to") source.moveTo = value;
        else if (key == "delete") source.deleteAfter = value == "true" || value == "1" || value == "yes";
        else if (key == "receipt") source.receipt = value == "true" || value == "1" || value == "yes";
        else if (key == "ca-file") source.caFile = value;
        else if (key == "tls") {
            if (value != "starttls" && value != "none")
                throw std::invalid_argument("mail source " + shown + ": tls must be starttls or none, not '" + value + "'");
            if (source.transport == MailTransport::implicitTls)
                throw std::invalid_argument("mail source " + shown + ": tls=" + value + " is for pop3:// and imap://; " +
                                            source.scheme + " is always TLS");
            source.transport = value == "none" ? MailTransport::plain : MailTransport::startTls;
        } else throw std::invalid_argument("mail source " + shown + ": unknown option '" + key + "'");
    }
    source.name = source.scheme + "://" + source.user + "@" + source.host + ":" + std::to_string(source.port);
    if (!source.folder.empty()) source.name += "/" + source.folder;
    return source;
}

std::string plaintextRefusal(const std::string& command)
{
    return "the server offers no " + command + ", so the password would be sent in clear: refused, nothing was sent "
           "(add tls=none to the source URL only if clear text is acceptable, e.g. a server on the same machine)";
}

std::vector<std::string> splitSourceList(const std::string& list)
{
    std::vector<std::string> urls;
    Poco::StringTokenizer words(list, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const auto& word : words) urls.push_back(word);
    return urls;
}

} // namespace inkorg::mail
