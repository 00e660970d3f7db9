#include "mail/ReceiptSender.hpp"

#include "diarium/IsoTime.hpp"
#include "diarium/SwedishDay.hpp"
#include "mail/HeaderText.hpp"
#include "mail/MailIntake.hpp"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/String.h>

#include <algorithm>
#include <stdexcept>

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
    const std::string subject = oneLine(mail.subject);
    std::string text = subject.empty() ? "ett e-postmeddelande" : "e-postmeddelandet \"" + subject + "\"";
    std::vector<std::string> names;
    for (std::size_t i = 1; i < outcome.documents.size(); ++i) names.push_back(oneLine(outcome.documents[i].name));
    if (names.empty()) return text;
    text += names.size() == 1 ? " med bilagan " : " med bilagorna ";
    for (std::size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " och " : ", ") + names[i];
    return text;
}

/// A Message-ID (without <>) that may stand in In-Reply-To: printable ASCII, no blanks or brackets.
bool isPlainMessageId(const std::string& id)
{
    return !id.empty() && id.size() <= 250 && std::all_of(id.begin(), id.end(), [](char c) {
        return c > ' ' && c < 0x7f && c != '<' && c != '>';
    });
}

/// Over SMTP, after STARTTLS as options.tls asks (the server's certificate and name checked).
void send(const ReceiptOptions& options, const Poco::Net::MailMessage& message)
{
    Poco::Net::SecureSMTPClientSession session(options.smtpHost, static_cast<Poco::UInt16>(options.smtpPort));
    session.login();   // EHLO
    if (options.tls != SmtpTls::none) {
        Poco::Net::Context::Params params;
        params.caLocation = options.caFile;
        params.loadDefaultCAs = options.caFile.empty();
        params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
        const Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
        if (session.startTLS(context)) session.login();   // EHLO again, now over TLS
        else if (options.tls == SmtpTls::required)
            throw std::runtime_error("SMTP server " + options.smtpHost + ":" + std::to_string(options.smtpPort) +
                                     " offers no STARTTLS: the receipt was not sent (inkorg.mail.smtp.tls = required; "
                                     "set it to starttls or none only for a relay that may be reached in clear)");
    }
    session.sendMessage(message);
    session.close();
}

} // namespace

std::string receiptRefusal(MailLedger& ledger, const ReceiptOptions& options, const MailSource& source,
                           const ParsedMail& mail)
{
    const std::string sender = lowerCase(mail.fromAddress);
    if (sender.empty() || sender.find('@') == std::string::npos) return "no sender address";
    if (!isPlainAddress(sender)) return "not a plain address (quoted, with blanks or control characters)";
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
    if (!isPlainAddress(options.from))
        throw std::invalid_argument("inkorg.mail.receiptFrom is not a plain address (name@domain): " + oneLine(options.from));
    letters::Kvitto kvitto;
    kvitto.diarienummer = outcome.diarienummer;
    kvitto.inkomDatum = diarium::swedishDateOf(outcome.received);
    kvitto.datum = swedish::toIso(swedish::today());
    const std::string name = oneLine(mail.fromName);
    kvitto.mottagareNamn = name.empty() ? mail.fromAddress : name;
    if (!outcome.documents.empty()) kvitto.formId = outcome.documents.front().form;
    kvitto.formTitle = receivedDescription(mail, outcome);

    // Every header below is built here, from checked addresses and oneLine() text: nothing from the
    // incoming mail reaches a header with a line break or control character in it.
    Poco::Net::MailMessage reply;
    reply.setSender(options.from);
    // Poco writes a recipient's name in quotes without escaping them (and breaks encoded words):
    // the envelope recipient is given as a Bcc (never written as a header), the To header by us.
    reply.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::BCC_RECIPIENT, mail.fromAddress));
    const std::string displayName = headerDisplayName(mail.fromName);
    reply.set("To", (displayName.empty() ? "" : displayName + " ") + "<" + mail.fromAddress + ">");
    const std::string subject = oneLine(mail.subject);
    reply.setSubject(Poco::Net::MailMessage::encodeWord(
        "Mottagningsbekräftelse " + oneLine(outcome.diarienummer) + (subject.empty() ? "" : " – " + subject), "UTF-8"));
    reply.set("Auto-Submitted", "auto-replied");
    // The same receipt always has the same Message-ID: one sent again after a crash between the
    // SMTP server's acceptance and the ledger's commit is recognisably the same message.
    const std::string domain = options.from.substr(options.from.find('@') + 1);
    reply.set("Message-ID", "<kvitto." + sha256Of(outcome.diarienummer + "\n" + outcome.messageId).substr(0, 32) + "@" +
                                (domain.empty() ? "inkorg" : domain) + ">");
    if (isPlainMessageId(outcome.messageId) && outcome.messageId.size() != 64) {
        reply.set("In-Reply-To", "<" + outcome.messageId + ">");
        reply.set("References", "<" + outcome.messageId + ">");
    }
    reply.setContentType("text/plain; charset=UTF-8");
    reply.setContent(services.letters().kvittoText(kvitto), Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);

    send(options, reply);
    ledger.recordReceipt(lowerCase(mail.fromAddress), outcome.diarienummer);
    return true;
}

} // namespace inkorg::mail
