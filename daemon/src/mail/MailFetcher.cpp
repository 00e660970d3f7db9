#include "mail/MailFetcher.hpp"

#include <inkorg/swedish.hpp>

#include "diarium/EventDetail.hpp"
#include "diarium/IsoTime.hpp"

#include <Poco/Logger.h>

#include <algorithm>
#include <fstream>

namespace inkorg::mail {

MailFetcher::MailFetcher(pipeline::Services& services, FetchOptions options)
    : services_(services), options_(std::move(options)), ledger_(services.database()),
      intake_(services, options_.limits)
{
}

std::vector<MailOutcome> MailFetcher::fetchOnce(const MailSource& source)
{
    auto mailbox = openMailbox(source);
    handledAtClose_.clear();
    auto outcomes = fetchOnce(source, *mailbox);
    mailbox->close();
    for (long long ledgerId : handledAtClose_) ledger_.markHandledOnServer(ledgerId);
    handledAtClose_.clear();
    return outcomes;
}

std::vector<MailOutcome> MailFetcher::fetchOnce(const MailSource& source, Mailbox& mailbox)
{
    std::vector<MailOutcome> outcomes;
    for (const MailboxEntry& entry : mailbox.list())
        if (auto outcome = handle(source, mailbox, entry)) outcomes.push_back(std::move(*outcome));
    if (source.receipt && options_.receipts) sendDueReceipts(source);
    return outcomes;
}

void MailFetcher::sendDueReceipts(const MailSource& source)
{
    auto& log = Poco::Logger::get("inkorg.mail");
    for (const LedgerEntry& entry : ledger_.receiptsDue(source.name)) {
        try {
            std::ifstream eml(services_.store().pathOf(entry.emlSha256), std::ios::binary);
            const std::string raw{std::istreambuf_iterator<char>(eml), {}};
            const ParsedMail mail = parseMail(raw);
            MailOutcome outcome;
            outcome.messageId = entry.messageId;
            outcome.diarienummer = entry.diarienummer;
            outcome.received = entry.receivedAt;
            const auto head = services_.diarium().document(entry.documentId);
            outcome.documents.push_back({"meddelande", head ? head->formId.value_or("") : "", "", "", entry.diarienummer,
                                         entry.documentId});
            for (const auto& document : services_.diarium().caseDocuments(entry.documentId))
                outcome.documents.push_back({document.originalName, "", "", "", "", document.id});
            const bool sent = sendReceiptIfDue(services_, ledger_, *options_.receipts, source, mail, outcome);
            ledger_.markReceiptDone(entry.id, sent ? "sent" : "refused");
        } catch (const std::exception& e) {
            // Still due: tried again next pass.
            log.warning("receipt for %s not sent: %s", entry.diarienummer, swedish::maskPersonnummer(e.what()));
        }
    }
}

void MailFetcher::finishOnServer(Mailbox& mailbox, const MailboxEntry& entry, long long ledgerId)
{
    try {
        mailbox.markHandled(entry);
        if (mailbox.handledOnClose()) handledAtClose_.push_back(ledgerId);
        else ledger_.markHandledOnServer(ledgerId);
    } catch (const std::exception& e) {
        // Registered already; the post-action is tried again on the next pass.
        Poco::Logger::get("inkorg.mail").warning("post-action failed for %s: %s", entry.key, swedish::maskPersonnummer(e.what()));
    }
}

std::optional<MailOutcome> MailFetcher::handle(const MailSource& source, Mailbox& mailbox, const MailboxEntry& entry)
{
    auto& log = Poco::Logger::get("inkorg.mail");
    const auto known = ledger_.find(source.name, entry.key);
    if (known && known->state == "registered") {
        if (!known->handledOnServer) finishOnServer(mailbox, entry, known->id);
        return std::nullopt;
    }
    if (known && known->state == "dead_letter") return std::nullopt;
    if (known && options_.respectBackoff && known->nextAttemptAt > diarium::isoUtc(std::chrono::system_clock::now()))
        return std::nullopt;

    // A mail whose Message-ID was registered before (from this or another source) is the same mail
    // only with the same bytes; a different mail reusing the Message-ID is registered, with a note
    // naming the earlier (kMessageIdReusedEvent).
    const std::string raw = mailbox.fetch(entry);
    const ParsedMail mail = parseMail(raw);
    std::string messageId = mail.messageId;
    if (messageId.empty()) messageId = sha256Of(raw);
    const auto sameId = ledger_.registeredMessages(messageId);
    const std::string emlSha = sha256Of(raw);
    const auto same = std::find_if(sameId.begin(), sameId.end(), [&](const LedgerEntry& e) { return e.emlSha256 == emlSha; });
    if (same != sameId.end()) {
        const LedgerEntry registered = *same;
        const LedgerEntry mine = ledger_.beginAttempt(source.name, entry.key, messageId);
        ledger_.noteMessageDocument(mine.id, registered.documentId, registered.diarienummer, registered.emlSha256);
        ledger_.markRegistered(mine.id);
        finishOnServer(mailbox, entry, mine.id);
        MailOutcome outcome;
        outcome.messageId = messageId;
        outcome.status = "duplicate";
        outcome.diarienummer = registered.diarienummer;
        outcome.documentId = registered.documentId;
        outcome.received = entry.deliveredAt;
        const auto head = services_.diarium().document(registered.documentId);
        if (head) services_.diarium().appendEvent(head->id, "system", "duplicate_received");
        outcome.documents.push_back({"meddelande", head ? head->formId.value_or("") : "", "duplicate", "",
                                     registered.diarienummer, registered.documentId});
        return outcome;
    }

    const LedgerEntry attempt = ledger_.beginAttempt(source.name, entry.key, messageId);
    const std::string received = !mail.receivedAt.empty() ? mail.receivedAt : entry.deliveredAt;
    ledger_.describe(attempt.id, mail.fromAddress, mail.subject, received);
    MailOutcome outcome;
    try {
        outcome = intake_.take(raw, mail, source.name, entry.deliveredAt, attempt);
        outcome.messageId = messageId;
        if (!sameId.empty() && attempt.documentId == 0)
            services_.diarium().appendEvent(
                outcome.documentId, "system", kMessageIdReusedEvent,
                diarium::EventDetail().set("messageId", messageId).set("documentId", sameId.front().documentId)
                    .set("diarienummer", sameId.front().diarienummer)
                    .set("note", "Samma Message-ID som " + sameId.front().diarienummer + " men ett annat meddelande")
                    .text());
        // The receipt is owed from here on (sent at the end of the pass, or after a restart).
        const bool receiptDue = source.receipt && options_.receipts &&
                                receiptRefusal(ledger_, *options_.receipts, source, mail).empty();
        ledger_.markRegistered(attempt.id, receiptDue);
        log.information("mail %s registered as %s with %s documents", entry.key, outcome.diarienummer,
                        std::to_string(outcome.documents.size()));
    } catch (const DeadLetter& e) {
        ledger_.markDeadLetter(attempt.id, e.what());
        outcome.status = "dead_letter";
        outcome.reason = e.what();
    } catch (const std::exception& e) {
        const long long backoff =
            std::min<long long>(3600, options_.retryBaseSeconds << std::min(attempt.attempts - 1, 20));
        const std::string state = ledger_.markFailed(attempt.id, e.what(), options_.maxAttempts, backoff);
        outcome.status = state == "dead_letter" ? "dead_letter" : "deferred";
        outcome.reason = state == "dead_letter"
                             ? "Meddelandet kunde inte tas emot efter " + std::to_string(attempt.attempts) +
                                   " försök (senaste fel: " + e.what() + "). Registrera det för hand från e-postlådan."
                             : std::string(e.what());
        if (state == "dead_letter") ledger_.markDeadLetter(attempt.id, outcome.reason);
        log.error("mail %s failed (attempt %d): %s", entry.key, attempt.attempts, swedish::maskPersonnummer(e.what()));
    }
    if (outcome.status == "dead_letter" || outcome.status == "deferred") {
        outcome.messageId = messageId;
        outcome.from = mail.fromAddress;
        outcome.subject = mail.subject;
        outcome.received = received;
        return outcome;
    }
    finishOnServer(mailbox, entry, attempt.id);
    return outcome;
}

FetchOptions fetchOptionsOf(const config::Settings& settings)
{
    FetchOptions options;
    options.limits.maxAttachmentBytes = static_cast<std::size_t>(settings.mailMaxAttachmentMegabytes) << 20;
    options.limits.maxAttachments = static_cast<std::size_t>(settings.mailMaxAttachments);
    options.maxAttempts = settings.mailMaxAttempts;
    options.retryBaseSeconds = settings.mailRetrySeconds;
    if (!settings.mailSmtpHost.empty()) {
        ReceiptOptions receipts;
        receipts.smtpHost = settings.mailSmtpHost;
        receipts.smtpPort = settings.mailSmtpPort;
        receipts.tls = settings.mailSmtpTls == "none" ? SmtpTls::none
                       : settings.mailSmtpTls == "starttls" ? SmtpTls::whenOffered : SmtpTls::required;
        receipts.caFile = settings.mailSmtpCaFile;
        receipts.from = settings.mailReceiptFrom.empty() ? settings.kommunEmail : settings.mailReceiptFrom;
        options.receipts = receipts;
    }
    return options;
}

} // namespace inkorg::mail
