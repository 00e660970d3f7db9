#pragma once
/// Mottagningsbekräftelse by e-mail (for sources with receipt=true): a reply through SMTP
/// (Poco::Net::SMTPClientSession) with the diarienummer, worded by the kvitto template
/// (LetterRenderer::kvittoText). Never sent to automatic mail (Auto-Submitted, bounces),
/// mailing lists (List-Id, Precedence bulk/list/junk), the mailbox itself or our own sender
/// address; at most one per sender and hour (the ledger's mail_receipts).

#include "mail/MailLedger.hpp"
#include "mail/MailSource.hpp"
#include "mail/MimeMessage.hpp"
#include "pipeline/Services.hpp"

#include <string>

namespace inkorg::mail {

struct MailOutcome;

struct ReceiptOptions {
    std::string smtpHost;
    int smtpPort = 25;
    std::string from;   ///< the receipt's From address
};

/// Why no receipt goes to this mail's sender, or empty when one may be sent now.
std::string receiptRefusal(MailLedger& ledger, const ReceiptOptions& options, const MailSource& source,
                           const ParsedMail& mail);

/// Sends the receipt when receiptRefusal() is empty; returns whether it was sent. Throws
/// Poco::Net exceptions when the SMTP server refuses.
bool sendReceiptIfDue(pipeline::Services& services, MailLedger& ledger, const ReceiptOptions& options,
                      const MailSource& source, const ParsedMail& mail, const MailOutcome& outcome);

} // namespace inkorg::mail
