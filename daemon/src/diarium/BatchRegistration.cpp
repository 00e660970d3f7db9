// Diarium::registerBatch: the parts of a batch scan registered in one transaction.
#include "diarium/Diarium.hpp"

#include "diarium/EventDetail.hpp"
#include "diarium/Numbering.hpp"
#include "diarium/WriteTransaction.hpp"

#include <Poco/Data/Statement.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {

std::vector<RegisterResult> Diarium::registerBatch(const std::vector<BatchPart>& parts)
{
    if (parts.empty()) throw std::invalid_argument("registerBatch: inga delar");
    const long long jobNumber = parts.front().registration.jobId;
    for (const auto& part : parts) {
        patternFor(part.registration.register_);
        const std::string& status = part.registration.status;
        if (part.registration.jobId != jobNumber) throw std::invalid_argument("registerBatch: delar från olika jobb");
        if (status != kRegistered && status != kNeedsReview && status != kUnclassified)
            throw std::invalid_argument("otillåten status vid registrering: " + status);
    }

    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    const auto job = jobIn(session, jobNumber);
    if (!job) throw std::invalid_argument("okänt jobb: " + std::to_string(jobNumber));
    if (job->state == "done" && job->documentId) {
        const auto done = documentIn(session, *job->documentId);
        return {{true, *job->documentId, done && done->diarienummer ? *done->diarienummer : ""}};
    }
    if (job->state == "quarantined") throw std::logic_error("jobbet ligger i karantän: " + std::to_string(jobNumber));

    std::string at = nowText();
    Poco::Int64 jobId = jobNumber;
    // The same arrival registered before, by another job (a crash before the intake let go of it).
    if (const auto existing = arrivalDocumentIn(session, job->file.arrival)) {
        Poco::Int64 document = existing->id;
        session << database_.sql("UPDATE jobs SET state = 'done', document_id = ?, claimed_by = NULL,"
                                 " lease_until = NULL, updated_at = ? WHERE id = ?"),
            use(document), use(at), use(jobId), now;
        appendEventIn(session, existing->id, parts.front().registration.actor, "duplicate_received",
                      EventDetail().set("jobId", jobNumber).set("originalName", job->file.originalName)
                          .set("source", job->file.source).set("receivedAt", job->file.receivedAt).text());
        transaction.commit();
        return {{true, existing->id, existing->diarienummer.value_or("")}};
    }

    // The same pile scanned in before, by another arrival: registered anew, its first part names the earlier one.
    Poco::Nullable<Poco::Int64> earlierBatch;
    std::string batchSha = job->file.sha256;
    session << database_.sql("SELECT MIN(document_id) FROM jobs WHERE sha256 = ? AND state = 'done' AND id <> ?"),
        use(batchSha), use(jobId), into(earlierBatch), now;
    const Poco::Nullable<Poco::Int64> caseDocument = caseOfJob(session, jobNumber);
    std::vector<RegisterResult> results;
    for (const auto& part : parts) {
        const Registration& r = part.registration;
        IncomingFile file{part.sha256, part.originalName, job->file.source, job->file.receivedAt};
        // The first part holds the arrival (so a repeat finds it); the others are parts of it.
        if (job->file.arrival && results.empty()) file.arrival = job->file.arrival;
        const bool partKnown = firstWithBytesIn(session, part.sha256).has_value();   // noted by insertDocumentIn
        const RegisterResult result = insertDocumentIn(session, r, file, caseDocument, at);
        const long long documentId = result.documentId;
        appendEventIn(session, documentId, r.actor, "batch_part",
                      EventDetail().set("batchSha256", job->file.sha256).set("batchName", job->file.originalName)
                          .set("part", part.part).set("parts", static_cast<int>(parts.size()))
                          .set("firstPage", part.firstPage).set("lastPage", part.lastPage).text());
        appendEventsIn(session, documentId, r);
        if (results.empty() && !partKnown && !earlierBatch.isNull())
            if (const auto earlier = documentIn(session, earlierBatch.value())) {
                const std::string number = earlier->diarienummer.value_or("");
                appendEventIn(session, documentId, r.actor, kSameBytesEvent,
                              EventDetail().set("documentId", earlier->id).set("diarienummer", number)
                                  .set("batchSha256", batchSha)
                                  .set("note", "Samma skanning (samma fil) som " + (number.empty() ? "en handling i karantän" : number))
                                  .text());
            }
        results.push_back(result);
    }
    Poco::Int64 first = results.front().documentId;
    session << database_.sql("UPDATE jobs SET state = 'done', document_id = ?, claimed_by = NULL, lease_until = NULL,"
                             " updated_at = ? WHERE id = ?"),
        use(first), use(at), use(jobId), now;
    transaction.commit();
    return results;
}

} // namespace inkorg::diarium
