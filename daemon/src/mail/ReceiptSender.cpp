#include "mail/ReceiptSender.hpp"

#include "diarium/IsoTime.hpp"
#include "mail/MailIntake.hpp"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/String.h>

namespace inkorg::mail {
namespace {

std::string lowerCase(std::string text) { return Poco::toLower(text); }

/// Addresses nobody reads: answering them only feeds a loop or a bounce.
bool isUnattended(const std::string& sender)
{
    std::string local = sender.substr(0, sender.find('@'));
    std::erase_if(local, [](char c) { return c == '-' || c == '_' || c == '.'; });
    for (const char* name : {"noreply", "donotreply", "dontreply", "mailerdaemon", "postmaster", "bounce", "bounces"})
        if (local == name) return true;
    return local.rfind("noreply", 0) == 0 || local.rfind("bounce", 0) == 0;
}

/// What was received, for the template's {{formular}}: the message and its attachments by name,
/// e.g. `e-postmeddelandet "Ansökan mars" med bilagorna hyresavi.pdf och intyg.pdf`.
std::string receivedDescription(const ParsedMail& mail, const MailOutcome& outcome)
{
    std::string text = mail.subject.empty() ? "ett e-postmeddelande" : "e-postmeddelandet \"" + mail.subject + "\"";
    std::vector<std::string> names;
    for (std::size_t i = 1; i < outcome.documents.size(); ++i) names.push_back(outcome.documents[i].name);
    if (names.empty()) return text;
    text += names.size() == 1 ? " med bilagan " : " med bilagorna ";
    for (std::size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " och " : ", ") + names[i];
    return text;
}

} // namespace

std::string receiptRefusal(MailLedger& ledger, const ReceiptOptions& options, const MailSource& source,
                           const ParsedMail& mail)
{
    const std::string sender = lowerCase(mail.fromAddress);
    if (sender.empty() || sender.find('@') == std::string::npos) return "no sender address";
    if (mail.autoSubmitted) return "automatic mail";
    if (mail.mailingList) return "mailing list";
    if (isUnattended(sender)) return "an address nobody reads (no-reply, mailer-daemon)";
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
    kvitto.formTitle = receivedDescription(mail, outcome);

    Poco::Net::MailMessage reply;
    reply.setSender(options.from);
    reply.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, mail.fromAddress,
                                                mail.fromName));
    reply.setSubject(Poco::Net::MailMessage::encodeWord(
        "Mottagningsbekräftelse " + outcome.diarienummer + (mail.subject.empty() ? "" : " – " + mail.subject), "UTF-8"));
    reply.set("Auto-Submitted", "auto-replied");
    // The same receipt always has the same Message-ID: one sent again after a crash between the
    // SMTP server's acceptance and the ledger's commit is recognisably the same message.
    const std::string domain = options.from.substr(options.from.find('@') + 1);
    reply.set("Message-ID", "<kvitto." + sha256Of(outcome.diarienummer + "\n" + outcome.messageId).substr(0, 32) + "@" +
                                (domain.empty() ? "inkorg" : domain) + ">");
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
