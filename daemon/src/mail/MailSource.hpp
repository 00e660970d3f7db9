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
///   ca-file=PATH        TLS: trust the certificate authorities in this PEM file instead of
///                       the system's (a kommun's own CA); the server's name is always checked
///   tls=starttls|none   pop3/imap: STARTTLS before the password is sent (the default: a server
///                       that does not offer it is refused, nothing is sent in clear), or none —
///                       the password and the mail in clear, only when so configured (a test
///                       server, a mailbox on the same machine)

#include <string>
#include <vector>

namespace inkorg::mail {

/// How a connection to the server is protected.
enum class MailTransport {
    implicitTls,   ///< pop3s, imaps: TLS from the first byte
    startTls,      ///< pop3, imap: STARTTLS (STLS) first, refused when the server has none
    plain,         ///< pop3, imap with tls=none: password and mail in clear, as configured
};

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
    MailTransport transport = MailTransport::startTls;
    /// The URL without password or options: the source's name in the ledger and in the diarium.
    std::string name;

    /// The URL as given with any password masked, for messages.
    std::string shown;

    bool implicitTls() const { return transport == MailTransport::implicitTls; }
};

/// Parses a source URL. Throws std::invalid_argument with an English message naming the URL
/// (with any password masked) for an unknown scheme, a missing host or user, an unreadable
/// password file, an unset password variable, or tls=none on pop3s/imaps.
MailSource parseMailSource(const std::string& url);

/// Why a pop3:// or imap:// source is not used when its server has no `command` (STARTTLS, STLS):
/// the password would go in clear. Says how to allow it (tls=none).
std::string plaintextRefusal(const std::string& command);

/// The configured `inkorg.mail.sources` value split at commas, blanks trimmed.
std::vector<std::string> splitSourceList(const std::string& list);

} // namespace inkorg::mail
