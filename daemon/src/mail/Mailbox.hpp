#pragma once
/// A mailbox that mail is taken from: Maildir, POP3 or IMAP. The fetcher lists it, reads a
/// message's headers (to skip one it already has) before its body, and applies the post-action
/// only after the mail is registered — so a crash leaves the mail untouched on the server.

#include "mail/MailSource.hpp"

#include <memory>
#include <string>
#include <vector>

namespace inkorg::mail {

struct MailboxEntry {
    std::string key;           ///< stable id in this mailbox: Maildir unique name, POP3 UIDL, IMAP "UIDVALIDITY:UID"
    std::string deliveredAt;   ///< ISO 8601 UTC as the mailbox knows it (file time, INTERNALDATE), may be empty
    std::size_t size = 0;      ///< bytes, 0 when unknown
    std::string handle;        ///< the protocol's own handle (file path, POP3 number, IMAP UID)
};

class Mailbox {
public:
    virtual ~Mailbox() = default;
    /// The messages now in the mailbox that have not had their post-action.
    virtual std::vector<MailboxEntry> list() = 0;
    /// The message's header block (RFC 5322), without downloading the body where the protocol allows.
    virtual std::string headers(const MailboxEntry& entry) = 0;
    /// The whole message, without marking it read.
    virtual std::string fetch(const MailboxEntry& entry) = 0;
    /// The post-action for a registered mail: mark seen (default), move, or delete.
    virtual void markHandled(const MailboxEntry& entry) = 0;
    /// Ends the session (POP3: QUIT, which commits deletions).
    virtual void close() {}
    /// True when markHandled() takes effect only once close() succeeds (POP3 DELE is undone by
    /// the server when the session breaks before QUIT).
    virtual bool handledOnClose() const { return false; }
};

/// Opens (connects and logs in to) the source's mailbox. Throws std::runtime_error with the
/// server's answer when the connection or login fails.
std::unique_ptr<Mailbox> openMailbox(const MailSource& source);

} // namespace inkorg::mail
