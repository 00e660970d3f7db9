#include "mail/MailIntake.hpp"

#include "diarium/EventDetail.hpp"
#include "diarium/IsoTime.hpp"
#include "mail/AttachmentCheck.hpp"
#include "mail/MessageDocument.hpp"
#include "mail/TextAttachment.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <sstream>
#include <thread>

namespace inkorg::mail {
namespace {

std::string fallbackName(std::size_t index, const std::string& contentType)
{
    const auto slash = contentType.find('/');
    std::string extension = slash == std::string::npos ? "bin" : contentType.substr(slash + 1);
    if (extension == "jpeg") extension = "jpg";
    if (extension == "octet-stream") extension = "bin";
    if (extension == "plain") extension = "txt";
    return "bilaga-" + std::to_string(index + 1) + "." + safeFileName(extension, "bin");
}

/// The arrival of one part of a mail (IncomingFile::arrival): its ledger entry and its place in
/// the mail. Taken up again after a crash, a part is the same arrival and registers once; the same
/// bytes in another mail (the hyresavtal sent again with next month's ansökan) are a new arrival.
std::string arrivalOf(const LedgerEntry& entry, const std::string& part)
{
    return "mail:" + std::to_string(entry.id) + "/" + part;
}

std::string putBytes(diarium::ContentStore& store, const std::string& bytes)
{
    std::istringstream in(bytes);
    return store.put(in);
}

} // namespace

std::string sha256Of(std::string_view bytes)
{
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

MailIntake::MailIntake(pipeline::Services& services, MailLimits limits)
    : services_(services), processor_(services), limits_(limits), ledger_(services.database())
{
}

MailOutcome MailIntake::take(const std::string& raw, const ParsedMail& mail, const std::string& sourceName,
                             const std::string& delivered, const LedgerEntry& entry)
{
    MailOutcome outcome;
    outcome.messageId = entry.messageId;
    outcome.fromAddress = mail.fromAddress;
    outcome.from = mail.fromAddress;
    outcome.subject = mail.subject;
    outcome.autoSubmitted = mail.autoSubmitted;
    outcome.mailingList = mail.mailingList;
    outcome.received = !mail.receivedAt.empty() ? mail.receivedAt
                       : !delivered.empty()     ? delivered
                                                : diarium::isoUtc(std::chrono::system_clock::now());
    const std::string byHand = " Öppna meddelandet i e-postlådan och registrera det för hand.";
    if (mail.depth > limits_.maxDepth)
        throw DeadLetter("Meddelandet är för djupt nästlat: delar i delar i " +
                         (mail.depth >= kMeasuredDepth ? "minst " : std::string()) + std::to_string(mail.depth) +
                         " nivåer (bifogade meddelanden inräknade); högst " + std::to_string(limits_.maxDepth) +
                         " tas emot automatiskt." + byHand);
    // Too many attachments says what the registrator sees; too many parts (of any kind) comes after.
    if (mail.attachments.size() > limits_.maxAttachments)
        throw DeadLetter("Meddelandet har " + std::to_string(mail.attachments.size()) + " bilagor; högst " +
                         std::to_string(limits_.maxAttachments) + " tas emot automatiskt. Öppna meddelandet i "
                         "e-postlådan och registrera det för hand, eller be avsändaren dela upp det.");
    if (mail.partCount > limits_.maxParts)
        throw DeadLetter("Meddelandet har för många delar: " + std::to_string(mail.partCount) + "; högst " +
                         std::to_string(limits_.maxParts) + " tas emot automatiskt." + byHand);

    std::vector<std::string> names;
    for (std::size_t i = 0; i < mail.attachments.size(); ++i)
        names.push_back(safeFileName(mail.attachments[i].fileName, fallbackName(i, mail.attachments[i].contentType)));

    const std::string emlSha = putBytes(services_.store(), raw);
    MailDocumentOutcome head;
    if (entry.documentId != 0) {
        head = {"meddelande", "", "registered", "", entry.diarienummer, entry.documentId};
        if (auto document = services_.diarium().document(entry.documentId)) {
            head.status = document->status;
            head.form = document->formId.value_or("");
        }
    } else {
        head = registerMessage(mail, sourceName, outcome.received, names, entry);
        if (head.status == diarium::kQuarantined)
            throw DeadLetter("Själva meddelandet kunde inte läsas: " + head.reason);
        ledger_.noteMessageDocument(entry.id, head.documentId, head.diarienummer, emlSha);
        services_.diarium().appendEvent(head.documentId, "system", "mail_received",
                                        diarium::EventDetail().set("source", sourceName).set("messageId", entry.messageId)
                                            .set("emlSha256", emlSha).set("attachments", static_cast<int>(names.size()))
                                            .text());
    }
    outcome.diarienummer = head.diarienummer;
    outcome.documentId = head.documentId;
    outcome.documents.push_back(head);

    const auto earlier = ledger_.caseJobs(head.documentId);
    for (std::size_t i = 0; i < mail.attachments.size(); ++i) {
        const PreparedAttachment prepared = prepare(mail.attachments[i], names[i], outcome.received);
        const std::string sha = sha256Of(prepared.bytes);
        const std::string arrival = arrivalOf(entry, "bilaga-" + std::to_string(i + 1));
        // Enqueued by an earlier attempt (done, or left half-way by a crash): that job is taken up
        // again, never a second one. The same part of the mail (a job queued before arrivals were
        // kept: the same bytes, or — text made into a PDF — the same name).
        auto job = std::find_if(earlier.begin(), earlier.end(), [&](const CaseJob& row) {
            if (!row.arrival.empty()) return row.arrival == arrival;
            return row.sha256 == sha || (prepared.converted && row.originalName == names[i]);
        });
        if (job != earlier.end()) outcome.documents.push_back(runJob(job->id, names[i], prepared.refusal));
        else
            outcome.documents.push_back(
                registerAttachment(prepared, names[i], arrival, head.documentId, sourceName, outcome.received));
    }
    // A personakt attachment moves the whole ärende to the personakt (a new number for all).
    for (MailDocumentOutcome& document : outcome.documents)
        if (const auto row = services_.diarium().document(document.documentId); row && row->diarienummer)
            document.diarienummer = *row->diarienummer;
    if (outcome.documents.front().diarienummer != outcome.diarienummer) {
        outcome.diarienummer = outcome.documents.front().diarienummer;
        ledger_.noteMessageDocument(entry.id, head.documentId, outcome.diarienummer, emlSha);
    }
    outcome.status = "registered";
    return outcome;
}

MailDocumentOutcome MailIntake::registerMessage(const ParsedMail& mail, const std::string& sourceName,
                                                const std::string& receivedAt, const std::vector<std::string>& names,
                                                const LedgerEntry& entry)
{
    long long jobId = entry.messageJobId;
    if (jobId == 0) {
        diarium::IncomingFile file{putBytes(services_.store(), renderMessageDocument(mail, receivedAt, names)),
                                   "meddelande.pdf", sourceName, receivedAt};
        // A crash before the ledger notes the job leaves it to the daemon; the retry's job is the
        // same arrival and finds that registration.
        file.arrival = arrivalOf(entry, "meddelande");
        jobId = services_.diarium().enqueue(file);
        ledger_.noteMessageJob(entry.id, jobId);
    }
    MailDocumentOutcome head = runJob(jobId, "meddelande", std::nullopt);
    if (head.status == diarium::kQuarantined || head.documentId == 0) return head;
    // Who wrote and what about, for the registrators (the public list keeps what the form allows).
    const auto document = services_.diarium().document(head.documentId);
    diarium::DocumentCorrection known;
    const std::string sender = mail.fromName.empty() ? mail.fromAddress : mail.fromName + " <" + mail.fromAddress + ">";
    if (document && document->avsandareSecret.empty() && !sender.empty()) known.avsandareSecret = sender;
    if (document && !document->formId && !mail.subject.empty()) known.beskrivningSecret = "E-post: " + mail.subject;
    if (known.avsandareSecret || known.beskrivningSecret) services_.diarium().correct(head.documentId, known, "system");
    return head;
}

MailIntake::PreparedAttachment MailIntake::prepare(const MailPart& part, const std::string& name,
                                                   const std::string& receivedAt) const
{
    PreparedAttachment prepared{part.bytes, refusalOf(part, name, limits_.maxAttachmentBytes), false};
    if (prepared.refusal) return prepared;
    try {
        if (auto pdf = textAttachmentPdf(part, name, receivedAt)) {
            prepared.bytes = std::move(*pdf);
            prepared.converted = true;
        }
    } catch (const UnreadableAttachment& e) {
        prepared.refusal = e.what();
    }
    return prepared;
}

MailDocumentOutcome MailIntake::registerAttachment(const PreparedAttachment& prepared, const std::string& name,
                                                   const std::string& arrival, long long caseDocumentId,
                                                   const std::string& sourceName, const std::string& receivedAt)
{
    const std::string sha = putBytes(services_.store(), prepared.bytes);
    diarium::IncomingFile file{sha, name, sourceName, receivedAt};
    file.caseDocumentId = caseDocumentId;
    file.arrival = arrival;
    const long long jobId = services_.diarium().enqueue(file);
    return runJob(jobId, name, prepared.refusal);
}

MailDocumentOutcome MailIntake::runJob(long long jobId, const std::string& name,
                                       const std::optional<std::string>& refusal)
{
    const auto& settings = services_.settings();
    MailDocumentOutcome result;
    result.name = name;
    auto job = services_.diarium().claimJob(jobId, settings.nodeName, settings.jobLease);
    if (job) {
        if (refusal) {
            services_.diarium().quarantine(jobId, *refusal, "system");
        } else {
            try {
                processor_.process(*job);
            } catch (const std::exception& e) {
                services_.diarium().retryLater(jobId, e.what());
                throw;
            }
        }
    } else {
        // Taken by a document thread of the daemon: wait for it (at most the lease).
        const auto until = std::chrono::steady_clock::now() + settings.jobLease;
        for (;;) {
            const auto row = services_.diarium().job(jobId);
            if (row && (row->state == "done" || row->state == "quarantined")) break;
            if (std::chrono::steady_clock::now() > until) throw std::runtime_error("job " + std::to_string(jobId) + " did not finish");
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
    const auto row = services_.diarium().job(jobId);
    if (!row || !row->documentId) throw std::runtime_error("job " + std::to_string(jobId) + " has no document");
    const auto document = services_.diarium().document(*row->documentId);
    if (!document) throw std::runtime_error("document " + std::to_string(*row->documentId) + " is missing");
    result.documentId = document->id;
    result.diarienummer = document->diarienummer.value_or("");
    result.form = document->formId.value_or("");
    result.status = document->status;
    result.reason = document->quarantineReason;
    return result;
}

} // namespace inkorg::mail
