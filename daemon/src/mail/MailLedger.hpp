#pragma once
/// What inkorg knows about each mail it has seen, in the diarium's database (table
/// mail_messages): keyed by source and mailbox key (Maildir name, POP3 UIDL, IMAP
/// "UIDVALIDITY:UID"), so a message once examined is never fetched again, and a restart
/// resumes where it stopped. Also the receipts sent (at most one per sender and hour).
///
/// States: pending (being taken in, or waiting for its next attempt after a failure),
/// registered, dead_letter (given up, with the reason; left untouched on the server).

#include "diarium/Database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace inkorg::mail {

struct LedgerEntry {
    long long id = 0;
    std::string source, mailboxKey, messageId;
    std::string state;              ///< pending | registered | dead_letter
    int attempts = 0;
    std::string nextAttemptAt;      ///< ISO 8601 UTC
    std::string lastError;
    std::string emlSha256;
    long long documentId = 0;       ///< the "meddelande" document (0 before it is registered)
    std::string diarienummer;
    bool handledOnServer = false;   ///< the post-action (seen/move/delete) is done
};

class MailLedger {
public:
    explicit MailLedger(diarium::Database& database);

    std::optional<LedgerEntry> find(const std::string& source, const std::string& mailboxKey);
    /// A registered mail with this Message-ID, from any source.
    std::optional<LedgerEntry> registeredMessage(const std::string& messageId);

    /// The entry for the mail, created as pending when new; counts the attempt.
    LedgerEntry beginAttempt(const std::string& source, const std::string& mailboxKey, const std::string& messageId);
    /// The meddelande document is registered (kept so a retry does not register it again).
    void noteMessageDocument(long long entryId, long long documentId, const std::string& diarienummer,
                             const std::string& emlSha256);
    void markRegistered(long long entryId);
    /// A passing failure: pending again, next attempt after `backoffSeconds`; dead_letter with
    /// `reason` when `attempts` has reached `maxAttempts`. Returns the new state.
    std::string markFailed(long long entryId, const std::string& reason, int maxAttempts, long long backoffSeconds);
    void markDeadLetter(long long entryId, const std::string& reason);
    void markHandledOnServer(long long entryId);

    std::vector<LedgerEntry> inState(const std::string& state);

    /// True when a receipt went to `sender` at or after `sinceIso`.
    bool receiptSentSince(const std::string& sender, const std::string& sinceIso);
    void recordReceipt(const std::string& sender, const std::string& diarienummer);

private:
    std::vector<LedgerEntry> select(const std::string& where, const std::vector<std::string>& values);

    diarium::Database& database_;
};

} // namespace inkorg::mail
