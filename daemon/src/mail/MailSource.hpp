#pragma once
/// One configured mailbox, given as one URL:
///
///     maildir:/var/mail/socialnamnden
///     pop3://user:pass@host:110            pop3s://user@host:995?password-file=/etc/inkorg/pop.pw
///     imap://user:pass@host:143/INBOX      imaps://user@host/INBOX?password-env=INKORG_IMAP_PW
///
/// Options after '?', joined with '&':
///   password-file=PATH  the password is the file's first line (keeps it out of the configuration)
///   password-env=NAME   the password is in environment variable NAME
///   move-to=FOLDER      IMAP: move a registered mail to FOLDER (default: mark it \Seen, keep it)
///   delete=true         POP3/IMAP: delete a registered mail from the server (default: keep it)
///   receipt=true        answer each sender with a mottagningsbekräftelse (see ReceiptSender.hpp)
///   ca-file=PATH        pop3s/imaps: trust the certificate authorities in this PEM file instead of
///                       the system's (a kommun's own CA); the server's name is always checked

#include <string>
#include <vector>

namespace inkorg::mail {

struct MailSource {
    std::string scheme;      ///< maildir | pop3 | pop3s | imap | imaps
    std::string host;
    int port = 0;            ///< the scheme's default when the URL has none
    std::string user, password;
    std::string folder;      ///< IMAP folder (default INBOX) or the Maildir's path
    std::string moveTo;
    bool deleteAfter = false;
    bool receipt = false;
    std::string caFile;      ///< PEM file of trusted CAs for TLS; empty: the system's CAs
    /// The URL without password or options: the source's name in the ledger and in the diarium.
    std::string name;

    bool tls() const { return scheme == "pop3s" || scheme == "imaps"; }
};

/// Parses a source URL. Throws std::invalid_argument with an English message naming the URL
/// (with any password masked) for an unknown scheme, a missing host or user, an unreadable
/// password file or an unset password variable.
MailSource parseMailSource(const std::string& url);

/// The configured `inkorg.mail.sources` value split at commas, blanks trimmed.
std::vector<std::string> splitSourceList(const std::string& list);

} // namespace inkorg::mail
