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
    // The same batch file registered before, by another job (or as a single document).
    Poco::Nullable<Poco::Int64> earlier;
    std::string batchSha = job->file.sha256;
    session << database_.sql("SELECT MIN(document_id) FROM jobs WHERE sha256 = ? AND state = 'done' AND id <> ?"),
        use(batchSha), use(jobId), into(earlier), now;
    std::optional<DocumentRow> existing;
    if (!earlier.isNull()) existing = documentIn(session, earlier.value());
    if (!existing) existing = documentWhere(session, "sha256", batchSha);
    if (existing) {
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

    const Poco::Nullable<Poco::Int64> caseDocument = caseOfJob(session, jobNumber);
    std::vector<RegisterResult> results;
    for (const auto& part : parts) {
        const Registration& r = part.registration;
        if (const auto same = documentWhere(session, "sha256", part.sha256)) {
            appendEventIn(session, same->id, r.actor, "duplicate_received",
                          EventDetail().set("jobId", jobNumber).set("originalName", part.originalName)
                              .set("source", job->file.source).set("receivedAt", job->file.receivedAt).text());
            results.push_back({true, same->id, same->diarienummer.value_or("")});
            continue;
        }
        const IncomingFile file{part.sha256, part.originalName, job->file.source, job->file.receivedAt};
        const RegisterResult result = insertDocumentIn(session, r, file, caseDocument, at);
        const long long documentId = result.documentId;
        appendEventIn(session, documentId, r.actor, "batch_part",
                      EventDetail().set("batchSha256", job->file.sha256).set("batchName", job->file.originalName)
                          .set("part", part.part).set("parts", static_cast<int>(parts.size()))
                          .set("firstPage", part.firstPage).set("lastPage", part.lastPage).text());
        appendEventsIn(session, documentId, r);
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
