#pragma once
/// An IMAP folder (imap:// or imaps://) through libcurl. Why libcurl: Debian-packaged and
/// maintained, with TLS (imaps, STARTTLS), SASL login and connection reuse done for us; Poco
/// has no IMAP client, and an IMAP parser of our own would be one more untrusted-input parser.
///
/// A message's key is "UIDVALIDITY:UID", kept in the ledger, so a message once examined is
/// never fetched again, and a new UIDVALIDITY (folder re-created) is seen as new messages.
/// Headers are fetched before bodies. libcurl fetches with BODY[] (not BODY.PEEK[]), which sets
/// \Seen: a message that was unseen is made unseen again at once, so only the post-action after
/// registration leaves it seen (or moves it with UID MOVE, or deletes and expunges it).

#include "mail/Mailbox.hpp"

#include <curl/curl.h>

#include <memory>

namespace inkorg::mail {

class ImapMailbox : public Mailbox {
public:
    /// Connects lazily; throws std::runtime_error (with curl's message) on the first failure.
    explicit ImapMailbox(MailSource source);
    std::vector<MailboxEntry> list() override;
    std::string headers(const MailboxEntry& entry) override;
    std::string fetch(const MailboxEntry& entry) override;
    void markHandled(const MailboxEntry& entry) override;

private:
    /// Runs a request: `path` after the server ("/INBOX;UID=5"), `command` a custom IMAP command
    /// or empty for the URL's own fetch. Returns what the server sent back.
    std::string perform(const std::string& path, const std::string& command);
    std::string fetchUnchanged(const MailboxEntry& entry, const std::string& section);
    std::string folderPath() const;

    struct CurlCleanup {
        void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
    };
    MailSource source_;
    std::unique_ptr<CURL, CurlCleanup> curl_;
};

} // namespace inkorg::mail
