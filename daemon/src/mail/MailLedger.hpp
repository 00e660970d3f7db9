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
    std::string fromAddress, subject; ///< decoded, as the mail gives them (empty before it is read)
    std::string receivedAt;         ///< delivery time, ISO 8601 UTC (empty before it is read)
    long long messageJobId = 0;     ///< the meddelande's job, once enqueued (a retry waits for it, never enqueues another)
    std::string receiptState;       ///< "" none wanted, "due" (to send, also after a restart), "sent"
};

/// A job of the pipeline that belongs to a mail's ärende (jobs.case_document_id).
struct CaseJob {
    long long id = 0;
    std::string sha256, originalName, state;
    std::string arrival;   ///< IncomingFile::arrival ("" for a job queued before arrivals were kept)
};

class MailLedger {
public:
    explicit MailLedger(diarium::Database& database);

    std::optional<LedgerEntry> find(const std::string& source, const std::string& mailboxKey);
    /// The registered mails with this Message-ID, from any source, oldest first.
    std::vector<LedgerEntry> registeredMessages(const std::string& messageId);

    /// The entry for the mail, created as pending when new; counts the attempt.
    LedgerEntry beginAttempt(const std::string& source, const std::string& mailboxKey, const std::string& messageId);
    /// The meddelande document is registered (kept so a retry does not register it again).
    void noteMessageDocument(long long entryId, long long documentId, const std::string& diarienummer,
                             const std::string& emlSha256);
    /// Registered; with `receiptDue` a mottagningsbekräftelse is owed (sent, or sent after a restart).
    void markRegistered(long long entryId, bool receiptDue = false);
    void noteMessageJob(long long entryId, long long jobId);
    /// The receipt question is settled: `state` "sent", or "refused" (receiptRefusal() said no at sending time).
    void markReceiptDone(long long entryId, const std::string& state);
    /// Registered mails whose receipt is still due.
    std::vector<LedgerEntry> receiptsDue(const std::string& source);
    /// Every job enqueued for the ärende whose meddelande is `caseDocumentId` (an attachment's job
    /// survives a crash; a retry takes it up instead of enqueueing the file again).
    std::vector<CaseJob> caseJobs(long long caseDocumentId);
    /// A passing failure: pending again, next attempt after `backoffSeconds`; dead_letter with
    /// `reason` when `attempts` has reached `maxAttempts`. Returns the new state.
    std::string markFailed(long long entryId, const std::string& reason, int maxAttempts, long long backoffSeconds);
    void markDeadLetter(long long entryId, const std::string& reason);
    void markHandledOnServer(long long entryId);
    /// Who sent the mail, its subject and delivery time: what a registrator sees of a dead letter.
    void describe(long long entryId, const std::string& fromAddress, const std::string& subject,
                  const std::string& receivedAt);

    /// Entries in `state`, oldest first (dead_letter: the dead letters registrators must handle).
    std::vector<LedgerEntry> inState(const std::string& state);

    /// True when a receipt went to `sender` at or after `sinceIso`.
    bool receiptSentSince(const std::string& sender, const std::string& sinceIso);
    void recordReceipt(const std::string& sender, const std::string& diarienummer);

private:
    std::vector<LedgerEntry> select(const std::string& where, const std::vector<std::string>& values);

    diarium::Database& database_;
};

} // namespace inkorg::mail
