#pragma once
/// One pass over one mail source: list the mailbox, skip what the ledger already has (registered
/// or dead-lettered), take each new mail in (MailIntake), and only
/// then apply the post-action (seen / move / delete). A failure is retried on a later pass with
/// back-off (retryBaseSeconds · 2^(attempts−1), at most an hour); after maxAttempts the mail is
/// a dead letter, left untouched on the server, with its reason in the ledger. Receipts for the
/// source's registered mails are sent at the end of each pass (ReceiptSender.hpp).

#include "mail/MailIntake.hpp"
#include "mail/Mailbox.hpp"
#include "mail/ReceiptSender.hpp"

#include <functional>
#include <optional>

namespace inkorg::mail {

/// A mail is the same mail as one registered before (from this or another source) only with the
/// same Message-ID AND the same bytes: then it is a duplicate, registered once. Another mail that
/// reuses a Message-ID is registered, and its meddelande gets this event naming the earlier one
/// ({"messageId","documentId","diarienummer","note"}).
inline constexpr const char* kMessageIdReusedEvent = "message_id_reused";

struct FetchOptions {
    MailLimits limits;
    int maxAttempts = 5;
    long long retryBaseSeconds = 60;
    /// false: try every unfinished mail now (`inkorg fetch`); true: wait out the back-off (daemon).
    bool respectBackoff = true;
    std::optional<ReceiptOptions> receipts;   ///< SMTP for mottagningsbekräftelser (sources with receipt=true)
};

class MailFetcher {
public:
    MailFetcher(pipeline::Services& services, FetchOptions options);

    /// The mails taken in (or given up) in this pass, in mailbox order. Throws when the mailbox
    /// cannot be opened or listed (the caller logs it and tries again next pass).
    std::vector<MailOutcome> fetchOnce(const MailSource& source);

    /// As fetchOnce(), with a mailbox already open (tests; a mailbox of another kind).
    std::vector<MailOutcome> fetchOnce(const MailSource& source, Mailbox& mailbox);

private:
    std::optional<MailOutcome> handle(const MailSource& source, Mailbox& mailbox, const MailboxEntry& entry);
    void finishOnServer(Mailbox& mailbox, const MailboxEntry& entry, long long ledgerId);
    /// Sends every receipt the ledger says is due for the source (crash-safe: a receipt owed
    /// when the daemon died is sent after the restart), each re-checked by receiptRefusal().
    void sendDueReceipts(const MailSource& source);

    pipeline::Services& services_;
    FetchOptions options_;
    MailLedger ledger_;
    MailIntake intake_;
    std::vector<long long> handledAtClose_;   ///< ledger ids whose post-action commits at close()
};

/// FetchOptions from the settings (inkorg.mail.*).
FetchOptions fetchOptionsOf(const config::Settings& settings);

} // namespace inkorg::mail
