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
        std::string diarienummer;
        Poco::Nullable<Poco::Int64> yearValue, seqValue;
        if (!caseDocument.isNull()) {
            diarienummer = numberInCase(session, caseDocument.value());
        } else {
            const int year = registrationYear(currentTime(), numbering_);
            const long long seq = allocateSequence(database_, session, r.register_, year);
            diarienummer = formatDiarienummer(patternFor(r.register_), year, seq);
            yearValue = Poco::Int64(year);
            seqValue = Poco::Int64(seq);
        }
        Registration v = r;
        std::string receivedAt = job->file.receivedAt, source = job->file.source;
        std::string sha256 = part.sha256, originalName = part.originalName;
        Poco::Nullable<std::string> form = r.formId ? Poco::Nullable<std::string>(*r.formId) : Poco::Nullable<std::string>();
        Poco::Int64 pages = r.pages;
        Poco::Nullable<Poco::Int64> inCase = caseDocument;
        session << database_.sql(
                       "INSERT INTO documents (register_name, diarienummer, year, seq, received_at, registered_at, form_id,"
                       " confidence, record_json, field_confidence_json, issues_json, status, priority, pages, sha256,"
                       " original_name, source, avsandare_public, avsandare_secret, beskrivning_public, beskrivning_secret,"
                       " created_at, case_document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            use(v.register_), use(diarienummer), use(yearValue), use(seqValue), use(receivedAt), use(at), use(form),
            use(v.confidence), use(v.recordJson), use(v.fieldConfidenceJson), use(v.issuesJson), use(v.status),
            use(v.priority), use(pages), use(sha256), use(originalName), use(source), use(v.avsandarePublic),
            use(v.avsandareSecret), use(v.beskrivningPublic), use(v.beskrivningSecret), use(at), use(inCase), now;
        const long long documentId = database_.lastInsertId(session);
        Poco::Int64 document = documentId;
        for (DeadlineRow deadline : r.deadlines) {
            session << database_.sql("INSERT INTO deadlines (document_id, kind, title, due_date, done) VALUES (?, ?, ?, ?, 0)"),
                use(document), use(deadline.kind), use(deadline.title), use(deadline.due), now;
        }
        EventDetail detail;
        detail.set("diarienummer", diarienummer).set("register", r.register_).set("status", r.status)
            .set("priority", r.priority).set("jobId", r.jobId).set("deadlines", static_cast<int>(r.deadlines.size()));
        if (r.formId) detail.set("form", *r.formId);
        else detail.set("form", Poco::Dynamic::Var());
        appendEventIn(session, documentId, r.actor, "registered", detail.text());
        appendEventIn(session, documentId, r.actor, "batch_part",
                      EventDetail().set("batchSha256", job->file.sha256).set("batchName", job->file.originalName)
                          .set("part", part.part).set("parts", static_cast<int>(parts.size()))
                          .set("firstPage", part.firstPage).set("lastPage", part.lastPage).text());
        appendEventsIn(session, documentId, r);
        results.push_back({false, documentId, diarienummer});
    }
    Poco::Int64 first = results.front().documentId;
    session << database_.sql("UPDATE jobs SET state = 'done', document_id = ?, claimed_by = NULL, lease_until = NULL,"
                             " updated_at = ? WHERE id = ?"),
        use(first), use(at), use(jobId), now;
    transaction.commit();
    return results;
}

} // namespace inkorg::diarium
