#include "mail/ReceiptSender.hpp"

#include "diarium/IsoTime.hpp"
#include "mail/MailIntake.hpp"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/String.h>

namespace inkorg::mail {
namespace {

std::string lowerCase(std::string text) { return Poco::toLower(text); }

} // namespace

std::string receiptRefusal(MailLedger& ledger, const ReceiptOptions& options, const MailSource& source,
                           const ParsedMail& mail)
{
    const std::string sender = lowerCase(mail.fromAddress);
    if (sender.empty() || sender.find('@') == std::string::npos) return "no sender address";
    if (mail.autoSubmitted) return "automatic mail";
    if (mail.mailingList) return "mailing list";
    if (sender == lowerCase(options.from) || sender == lowerCase(source.user) ||
        (source.user.find('@') == std::string::npos && sender.rfind(lowerCase(source.user) + "@", 0) == 0))
        return "the mailbox itself";
    const auto hourAgo = diarium::isoUtc(std::chrono::system_clock::now() - std::chrono::hours(1));
    if (ledger.receiptSentSince(sender, hourAgo)) return "a receipt went to this sender within the hour";
    return "";
}

bool sendReceiptIfDue(pipeline::Services& services, MailLedger& ledger, const ReceiptOptions& options,
                      const MailSource& source, const ParsedMail& mail, const MailOutcome& outcome)
{
    if (outcome.diarienummer.empty() || !receiptRefusal(ledger, options, source, mail).empty()) return false;
    letters::Kvitto kvitto;
    kvitto.diarienummer = outcome.diarienummer;
    kvitto.inkomDatum = outcome.received.substr(0, 10);
    kvitto.datum = diarium::isoUtc(std::chrono::system_clock::now()).substr(0, 10);
    kvitto.mottagareNamn = mail.fromName.empty() ? mail.fromAddress : mail.fromName;
    if (!outcome.documents.empty()) kvitto.formId = outcome.documents.front().form;

    Poco::Net::MailMessage reply;
    reply.setSender(options.from);
    reply.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, mail.fromAddress,
                                                mail.fromName));
    reply.setSubject(Poco::Net::MailMessage::encodeWord(
        "Mottagningsbekräftelse " + outcome.diarienummer + (mail.subject.empty() ? "" : " – " + mail.subject), "UTF-8"));
    reply.set("Auto-Submitted", "auto-replied");
    if (!outcome.messageId.empty() && outcome.messageId.size() != 64) {
        reply.set("In-Reply-To", "<" + outcome.messageId + ">");
        reply.set("References", "<" + outcome.messageId + ">");
    }
    reply.setContentType("text/plain; charset=UTF-8");
    reply.setContent(services.letters().kvittoText(kvitto), Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);

    Poco::Net::SMTPClientSession session(options.smtpHost, static_cast<Poco::UInt16>(options.smtpPort));
    session.login();
    session.sendMessage(reply);
    session.close();
    ledger.recordReceipt(lowerCase(mail.fromAddress), outcome.diarienummer);
    return true;
}

} // namespace inkorg::mail
