#pragma once
/// One mail into the diarium as one ärende: the raw .eml is stored in the ContentStore; the mail
/// itself (MessageDocument.hpp) is registered through the pipeline and gets the diarienummer;
/// each attachment is a document of its own under that diarienummer ("SN 2026/17-2", …), read
/// and classified by the Processor — text, .docx and attached mails as a PDF of their text
/// (TextAttachment.hpp) — or quarantined with a Swedish reason (too large, a program, unreadable). Inkom datum is the delivery time, not the Date header.
///
/// Safe to call again for a mail whose earlier attempt failed or crashed halfway: the meddelande's
/// job (LedgerEntry::messageJobId) and document are reused, and the attachments' jobs already
/// in the ärende are recognised by their arrival (the ledger entry and the part's place in the
/// mail) and taken up again, never registered twice. An attachment whose bytes were seen before
/// (in another mail, another ärende) is registered in this ärende all the same, with a note.

#include "mail/MailLedger.hpp"
#include "mail/MimeMessage.hpp"
#include "pipeline/Processor.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace inkorg::mail {

struct MailLimits {
    std::size_t maxAttachmentBytes = 25u << 20;
    std::size_t maxAttachments = 50;
    /// ParsedMail::depth and partCount beyond which a mail is a dead letter: a forward of a
    /// forward of a reply nests some ten levels and a long thread a few dozen parts; a mail nested
    /// deeper or in more parts is an attempt on the parser or no letter to a nämnd.
    std::size_t maxDepth = 20;
    std::size_t maxParts = 500;
};

/// A mail that will never be taken in as it is; the message (Swedish) says why and what to do.
struct DeadLetter : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct MailDocumentOutcome {
    std::string name;            ///< "meddelande", or the attachment's safe file name
    std::string form;            ///< form id, empty when unclassified or quarantined
    std::string status;          ///< registered | needs_review | unclassified | quarantined | duplicate
    std::string reason;          ///< why quarantined
    std::string diarienummer;
    long long documentId = 0;
};

struct MailOutcome {
    std::string messageId, from, subject;
    std::string received;        ///< delivery time, ISO 8601 UTC
    std::string diarienummer;
    std::string status;          ///< registered | duplicate | dead_letter | deferred (retried later)
    std::string reason;          ///< for dead_letter / deferred
    long long documentId = 0;    ///< the meddelande document
    std::vector<MailDocumentOutcome> documents;
    bool autoSubmitted = false, mailingList = false;
    std::string fromAddress;
};

class MailIntake {
public:
    MailIntake(pipeline::Services& services, MailLimits limits);

    /// Registers the mail. `delivered` is the mailbox's delivery time, used when the mail has
    /// no readable Received header. Throws DeadLetter for a mail that cannot be taken in
    /// (nested too deeply, too many parts or attachments; the message itself unreadable) and
    /// any other exception for a passing failure (retry later).
    MailOutcome take(const std::string& raw, const ParsedMail& mail, const std::string& sourceName,
                     const std::string& delivered, const LedgerEntry& entry);

private:
    MailDocumentOutcome registerMessage(const ParsedMail& mail, const std::string& sourceName,
                                        const std::string& receivedAt, const std::vector<std::string>& names,
                                        const LedgerEntry& entry);
    /// What goes to the pipeline for one attachment: its bytes, or a PDF of its text
    /// (TextAttachment.hpp); with the reason when it is refused (AttachmentCheck.hpp).
    struct PreparedAttachment {
        std::string bytes;
        std::optional<std::string> refusal;
        bool converted = false;
    };
    PreparedAttachment prepare(const MailPart& part, const std::string& name, const std::string& receivedAt) const;
    MailDocumentOutcome registerAttachment(const PreparedAttachment& prepared, const std::string& name,
                                           const std::string& arrival, long long caseDocumentId,
                                           const std::string& sourceName, const std::string& receivedAt);
    MailDocumentOutcome runJob(long long jobId, const std::string& name, const std::optional<std::string>& refusal);

    pipeline::Services& services_;
    pipeline::Processor processor_;
    MailLimits limits_;
    MailLedger ledger_;
};

/// The SHA-256 (hex) of bytes.
std::string sha256Of(std::string_view bytes);

} // namespace inkorg::mail
