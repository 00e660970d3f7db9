#pragma once
/// Mottagningsbekräftelse by e-mail (for sources with receipt=true): a reply through SMTP
/// (Poco::Net::SMTPClientSession) with the diarienummer, worded by the kvitto template
/// (LetterRenderer::kvittoText) and sent with STARTTLS (inkorg.mail.smtp.tls), naming what was received (the message by its subject and each
/// attachment by name). Never sent to automatic mail (Auto-Submitted, bounces), mailing lists
/// (List-Id, Precedence bulk/list/junk), addresses nobody reads (no-reply, mailer-daemon,
/// postmaster), the mailbox itself or our own sender address — so two auto-responders cannot
/// loop; at most one per sender and hour (the ledger's mail_receipts). A receipt is owed from
/// the registration on and sent at least once: a crash between the SMTP server's "250" and the
/// ledger's commit sends it again, with the same Message-ID.

#include "mail/MailLedger.hpp"
#include "mail/MailSource.hpp"
#include "mail/MimeMessage.hpp"
#include "pipeline/Services.hpp"

#include <string>

namespace inkorg::mail {

struct MailOutcome;

/// inkorg.mail.smtp.tls: required (the default; a server without STARTTLS gets no receipt),
/// starttls (STARTTLS when the server offers it, otherwise in clear) or none (always in clear).
enum class SmtpTls { required, whenOffered, none };

struct ReceiptOptions {
    std::string smtpHost;
    int smtpPort = 25;
    std::string from;   ///< the receipt's From address
    SmtpTls tls = SmtpTls::required;
    std::string caFile; ///< PEM file of CAs the SMTP server's certificate is checked against; empty: the system's
};

/// Why no receipt goes to this mail's sender, or empty when one may be sent now.
std::string receiptRefusal(MailLedger& ledger, const ReceiptOptions& options, const MailSource& source,
                           const ParsedMail& mail);

/// Sends the receipt when receiptRefusal() is empty; returns whether it was sent. Throws
/// Poco::Net exceptions when the SMTP server refuses, std::runtime_error when TLS is required and
/// the server offers no STARTTLS (nothing is sent).
bool sendReceiptIfDue(pipeline::Services& services, MailLedger& ledger, const ReceiptOptions& options,
                      const MailSource& source, const ParsedMail& mail, const MailOutcome& outcome);

} // namespace inkorg::mail
