#include "diarium/Diarium.hpp"

#include "diarium/EventDetail.hpp"
#include "diarium/IsoTime.hpp"
#include "diarium/Numbering.hpp"
#include "diarium/RowMapping.hpp"
#include "diarium/SearchTerms.hpp"
#include "diarium/WriteTransaction.hpp"

#include <Poco/Data/DataException.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {
namespace {

bool isSha256Hex(const std::string& text)
{
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

Poco::Nullable<std::string> nullable(const std::optional<std::string>& value)
{
    return value ? Poco::Nullable<std::string>(*value) : Poco::Nullable<std::string>();
}

std::string attemptsExhausted(int attempts, const std::string& lastError)
{
    std::string reason = "Filen kunde inte behandlas efter " + std::to_string(attempts) + " försök";
    if (!lastError.empty()) reason += " (senaste fel: " + lastError + ")";
    return reason + ". Öppna originalet och släpp handlingen ur karantän för registrering för hand, "
                    "eller kassera den med en motivering.";
}

} // namespace

Diarium::Diarium(Database& database, NumberingConfig numbering, JobPolicy jobs)
    : database_(database), numbering_(std::move(numbering)), jobPolicy_(jobs), clock_(std::chrono::system_clock::now)
{
    for (const auto& [registerName, pattern] : numbering_.patterns) formatDiarienummer(pattern, 2000, 1);
    if (!numbering_.patterns.count(kDiarium))
        throw std::invalid_argument("nummermönster saknas för registret diarium");
    if (jobPolicy_.maxAttempts < 1) throw std::invalid_argument("JobPolicy::maxAttempts must be at least 1");
}

void Diarium::setClock(Clock clock) { clock_ = std::move(clock); }

std::chrono::system_clock::time_point Diarium::currentTime() const { return clock_(); }

std::string Diarium::nowText() const { return isoUtc(currentTime()); }

const std::string& Diarium::patternFor(const std::string& registerName) const
{
    const auto found = numbering_.patterns.find(registerName);
    if (found == numbering_.patterns.end()) throw std::invalid_argument("okänt register: " + registerName);
    return found->second;
}

void Diarium::appendEventIn(Poco::Data::Session& session, std::optional<long long> documentId,
                            const std::string& actor, const std::string& kind, const std::string& detailJson)
{
    Poco::Nullable<Poco::Int64> document;
    if (documentId) document = Poco::Int64(*documentId);
    std::string at = nowText(), who = actor, what = kind, detail = detailJson;
    session << database_.sql("INSERT INTO events (document_id, occurred_at, actor, kind, detail_json) VALUES (?, ?, ?, ?, ?)"),
        use(document), use(at), use(who), use(what), use(detail), now;
}

std::optional<JobRow> Diarium::jobIn(Poco::Data::Session& session, long long jobId)
{
    std::vector<JobRow> rows;
    Poco::Int64 id = jobId;
    session << database_.sql(std::string("SELECT ") + rows::kJobColumns + " FROM jobs WHERE id = ?"), use(id), into(rows), now;
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<JobRow> Diarium::job(long long jobId)
{
    Poco::Data::Session session = database_.session();
    return jobIn(session, jobId);
}

std::vector<JobRow> Diarium::jobs(const std::string& state)
{
    return rows::select<JobRow>(database_, rows::kJobColumns,
                                     " FROM jobs WHERE state = ? ORDER BY id", state);
}

long long Diarium::enqueue(const IncomingFile& file)
{
    return enqueueAll({file}).front();
}

std::vector<long long> Diarium::enqueueAll(const std::vector<IncomingFile>& files)
{
    for (const IncomingFile& file : files) {
        if (!isSha256Hex(file.sha256)) throw std::invalid_argument("enqueue: not a SHA-256 hex digest");
        if (file.receivedAt.empty()) throw std::invalid_argument("enqueue: receivedAt (inkom datum) is required");
    }
    std::vector<long long> ids;
    if (files.empty()) return ids;
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    for (const IncomingFile& file : files) ids.push_back(insertJobIn(session, file));
    transaction.commit();
    return ids;
}

long long Diarium::insertJobIn(Poco::Data::Session& session, const IncomingFile& file)
{
    IncomingFile f = file;
    std::string at = nowText();
    Poco::Nullable<Poco::Int64> caseDocument;
    if (f.caseDocumentId) caseDocument = Poco::Int64(*f.caseDocumentId);
    Poco::Nullable<std::string> arrival = nullable(f.arrival);
    session << database_.sql("INSERT INTO jobs (sha256, original_name, source, received_at, attempts, state, created_at,"
                             " updated_at, case_document_id, arrival) VALUES (?, ?, ?, ?, 0, 'pending', ?, ?, ?, ?)"),
        use(f.sha256), use(f.originalName), use(f.source), use(f.receivedAt), use(at), use(at), use(caseDocument),
        use(arrival), now;
    return database_.lastInsertId(session);
}

Job Diarium::enqueueClaimed(const IncomingFile& file, const std::string& node, std::chrono::seconds lease)
{
    if (!isSha256Hex(file.sha256)) throw std::invalid_argument("enqueue: not a SHA-256 hex digest");
    if (file.receivedAt.empty()) throw std::invalid_argument("enqueue: receivedAt (inkom datum) is required");
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    IncomingFile f = file;
    std::string at = nowText(), claimedBy = node, until = isoUtc(currentTime() + lease);
    Poco::Nullable<Poco::Int64> caseDocument;
    if (f.caseDocumentId) caseDocument = Poco::Int64(*f.caseDocumentId);
    Poco::Nullable<std::string> arrival = nullable(f.arrival);
    session << database_.sql("INSERT INTO jobs (sha256, original_name, source, received_at, attempts, state, claimed_by,"
                             " lease_until, created_at, updated_at, case_document_id, arrival)"
                             " VALUES (?, ?, ?, ?, 1, 'claimed', ?, ?, ?, ?, ?, ?)"),
        use(f.sha256), use(f.originalName), use(f.source), use(f.receivedAt), use(claimedBy), use(until), use(at),
        use(at), use(caseDocument), use(arrival), now;
    const long long id = database_.lastInsertId(session);
    transaction.commit();
    return Job{id, file, 1};
}

std::optional<Job> Diarium::claim(const std::string& node, std::chrono::seconds lease)
{
    if (jobsToClaim(1) == 0) return std::nullopt;
    return claimWhere(node, lease, std::nullopt);
}

int Diarium::jobsToClaim(int atMost)
{
    Poco::Data::Session session = database_.session();
    std::string at = nowText();
    int limit = atMost;
    std::vector<Poco::Int64> found;
    session << database_.sql("SELECT id FROM jobs WHERE state = 'pending' OR (state = 'claimed' AND lease_until < ?) LIMIT ?"),
        use(at), use(limit), into(found), now;
    return int(found.size());
}

std::optional<Job> Diarium::claimJob(long long jobId, const std::string& node, std::chrono::seconds lease)
{
    return claimWhere(node, lease, jobId);
}

std::optional<Job> Diarium::claimWhere(const std::string& node, std::chrono::seconds lease,
                                       std::optional<long long> onlyJob)
{
    Poco::Data::Session session = database_.session();
    const std::string lockClause = database_.dialect() == Dialect::postgresql ? " FOR UPDATE SKIP LOCKED" : "";
    for (;;) {
        WriteTransaction transaction(database_, session);
        std::string at = nowText();
        std::vector<JobRow> candidates;
        Poco::Int64 only = onlyJob.value_or(0);
        session << database_.sql(std::string("SELECT ") + rows::kJobColumns +
                                 " FROM jobs WHERE (state = 'pending' OR (state = 'claimed' AND lease_until < ?))"
                                 " AND (? = 0 OR id = ?) ORDER BY id LIMIT 1" + lockClause),
            use(at), use(only), use(only), into(candidates), now;
        if (candidates.empty()) return std::nullopt;
        const JobRow& candidate = candidates.front();
        if (candidate.attempts >= jobPolicy_.maxAttempts) {
            quarantineIn(session, candidate, attemptsExhausted(candidate.attempts, candidate.lastError), "system");
            transaction.commit();
            continue;
        }
        std::string claimedBy = node, until = isoUtc(currentTime() + lease);
        Poco::Int64 id = candidate.id;
        session << database_.sql("UPDATE jobs SET state = 'claimed', claimed_by = ?, lease_until = ?,"
                                 " attempts = attempts + 1, updated_at = ? WHERE id = ?"),
            use(claimedBy), use(until), use(at), use(id), now;
        transaction.commit(Durability::relaxed);
        return Job{candidate.id, candidate.file, candidate.attempts + 1};
    }
}

void Diarium::retryLater(long long jobId, const std::string& reason)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    const auto job = jobIn(session, jobId);
    if (!job) throw std::invalid_argument("okänt jobb: " + std::to_string(jobId));
    if (job->state != "claimed") throw std::logic_error("jobbet är inte påbörjat: " + std::to_string(jobId));
    if (job->attempts >= jobPolicy_.maxAttempts) {
        quarantineIn(session, *job, attemptsExhausted(job->attempts, reason), "system");
    } else {
        std::string error = reason, at = nowText();
        Poco::Int64 id = jobId;
        session << database_.sql("UPDATE jobs SET state = 'pending', claimed_by = NULL, lease_until = NULL,"
                                 " last_error = ?, updated_at = ? WHERE id = ?"),
            use(error), use(at), use(id), now;
    }
    transaction.commit();
}

long long Diarium::quarantine(long long jobId, const std::string& reason, const std::string& actor)
{
    if (reason.empty()) throw std::invalid_argument("karantän kräver en orsak");
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    const auto job = jobIn(session, jobId);
    if (!job) throw std::invalid_argument("okänt jobb: " + std::to_string(jobId));
    if (job->state == "done" || job->state == "quarantined")
        throw std::logic_error("jobbet är redan avslutat: " + std::to_string(jobId));
    const long long documentId = quarantineIn(session, *job, reason, actor);
    transaction.commit();
    return documentId;
}

long long Diarium::quarantineIn(Poco::Data::Session& session, const JobRow& job, const std::string& reason,
                                const std::string& actor)
{
    std::string at = nowText(), why = reason;
    Poco::Int64 jobId = job.id;
    const auto existing = arrivalDocumentIn(session, job.file.arrival);
    long long documentId = 0;
    if (existing) {
        documentId = existing->id;
        appendEventIn(session, documentId, actor, "duplicate_received",
                      EventDetail().set("jobId", job.id).set("originalName", job.file.originalName)
                          .set("source", job.file.source).set("receivedAt", job.file.receivedAt)
                          .set("reason", reason).text());
    } else {
        IncomingFile f = job.file;
        Poco::Nullable<Poco::Int64> caseDocument = caseOfJob(session, job.id);
        Poco::Nullable<std::string> arrival = nullable(f.arrival);
        session << database_.sql("INSERT INTO documents (received_at, status, sha256, original_name, source,"
                                 " quarantine_reason, created_at, case_document_id, arrival)"
                                 " VALUES (?, 'quarantined', ?, ?, ?, ?, ?, ?, ?)"),
            use(f.receivedAt), use(f.sha256), use(f.originalName), use(f.source), use(why), use(at), use(caseDocument),
            use(arrival), now;
        documentId = database_.lastInsertId(session);
        appendEventIn(session, documentId, actor, "quarantined",
                      EventDetail().set("reason", reason).set("jobId", job.id).set("attempts", job.attempts).text());
    }
    Poco::Int64 document = documentId;
    session << database_.sql("UPDATE jobs SET state = 'quarantined', document_id = ?, claimed_by = NULL,"
                             " lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ?"),
        use(document), use(why), use(at), use(jobId), now;
    return documentId;
}

RegisterResult Diarium::registerDocument(const Registration& registration)
{
    patternFor(registration.register_);
    const std::string& status = registration.status;
    if (status != kRegistered && status != kNeedsReview && status != kUnclassified)
        throw std::invalid_argument("otillåten status vid registrering: " + status);
    try {
        return registerOnce(registration);
    } catch (const Poco::Data::DataException&) {
        // Two nodes may race to register the same arrival; the loser hits the unique arrival and,
        // run again, finds the winner's document and reports a duplicate.
        const auto job = this->job(registration.jobId);
        if (job && job->file.arrival && documentByArrival(*job->file.arrival)) return registerOnce(registration);
        throw;
    }
}

RegisterResult Diarium::registerOnce(const Registration& r)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    const auto job = jobIn(session, r.jobId);
    if (!job) throw std::invalid_argument("okänt jobb: " + std::to_string(r.jobId));
    if (job->state == "done" && job->documentId) {
        const auto done = documentIn(session, *job->documentId);
        return {true, *job->documentId, done && done->diarienummer ? *done->diarienummer : ""};
    }
    if (job->state == "quarantined") throw std::logic_error("jobbet ligger i karantän: " + std::to_string(r.jobId));

    std::string at = nowText();
    Poco::Int64 jobId = r.jobId;
    if (const auto existing = arrivalDocumentIn(session, job->file.arrival)) {
        Poco::Int64 document = existing->id;
        session << database_.sql("UPDATE jobs SET state = 'done', document_id = ?, claimed_by = NULL,"
                                 " lease_until = NULL, updated_at = ? WHERE id = ?"),
            use(document), use(at), use(jobId), now;
        appendEventIn(session, existing->id, r.actor, "duplicate_received",
                      EventDetail().set("jobId", r.jobId).set("originalName", job->file.originalName)
                          .set("source", job->file.source).set("receivedAt", job->file.receivedAt).text());
        transaction.commit();
        return {true, existing->id, existing->diarienummer.value_or("")};
    }

    const RegisterResult result = insertDocumentIn(session, r, job->file, caseOfJob(session, r.jobId), at);
    Poco::Int64 document = result.documentId;
    session << database_.sql("UPDATE jobs SET state = 'done', document_id = ?, claimed_by = NULL, lease_until = NULL,"
                             " updated_at = ? WHERE id = ?"),
        use(document), use(at), use(jobId), now;
    appendEventsIn(session, result.documentId, r);
    transaction.commit();
    return result;
}

RegisterResult Diarium::insertDocumentIn(Poco::Data::Session& session, const Registration& r, const IncomingFile& file,
                                         Poco::Nullable<Poco::Int64> caseDocument, const std::string& at)
{
    std::string diarienummer;
    Poco::Nullable<Poco::Int64> yearValue, seqValue;
    Registration v = r;
    if (!caseDocument.isNull()) {
        // A handling of an ärende is in the ärende's register: the attachments of a personakt
        // mail are personakt documents, never in the public diarium (OSF 2 §); and a personakt
        // handling (an ansökan attached to a mail) makes its whole ärende a personakt matter.
        const auto head = documentIn(session, caseDocument.value());
        if (r.register_ == kPersonakt && head && head->register_ && *head->register_ != kPersonakt)
            moveCaseIn(session, head->id, kPersonakt, r.actor);
        diarienummer = numberInCase(session, caseDocument.value());
        v.register_ = *documentIn(session, caseDocument.value())->register_;
    } else {
        const int year = registrationYear(currentTime());
        const long long seq = allocateSequence(database_, session, r.register_, year);
        diarienummer = formatDiarienummer(patternFor(r.register_), year, seq);
        yearValue = Poco::Int64(year);
        seqValue = Poco::Int64(seq);
    }

    IncomingFile f = file;
    std::string received = r.receivedAt.value_or(f.receivedAt);
    std::string registeredAt = at;
    Poco::Nullable<std::string> form = nullable(r.formId);
    Poco::Nullable<std::string> arrival = nullable(f.arrival);
    Poco::Int64 pages = r.pages;
    const auto sameBytes = firstWithBytesIn(session, f.sha256);
    session << database_.sql(
                   "INSERT INTO documents (register_name, diarienummer, year, seq, received_at, registered_at, form_id,"
                   " confidence, record_json, field_confidence_json, issues_json, status, priority, pages, sha256,"
                   " original_name, source, avsandare_public, avsandare_secret, beskrivning_public, beskrivning_secret,"
                   " created_at, case_document_id, arrival)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(v.register_), use(diarienummer), use(yearValue), use(seqValue), use(received), use(registeredAt), use(form),
        use(v.confidence), use(v.recordJson), use(v.fieldConfidenceJson), use(v.issuesJson), use(v.status),
        use(v.priority), use(pages), use(f.sha256), use(f.originalName), use(f.source), use(v.avsandarePublic),
        use(v.avsandareSecret), use(v.beskrivningPublic), use(v.beskrivningSecret), use(registeredAt), use(caseDocument),
        use(arrival), now;
    const long long documentId = database_.lastInsertId(session);
    Poco::Int64 document = documentId;
    std::string words = indexableText(r.text);
    session << database_.sql(database_.dialect() == Dialect::sqlite
                                 ? "INSERT INTO document_text (rowid, body) VALUES (?, ?)"
                                 : "INSERT INTO document_text (document_id, body) VALUES (?, ?)"),
        use(document), use(words), now;
    if (!caseDocument.isNull()) {   // a later handling of a mail that is in an ärende is in it too
        session << database_.sql("UPDATE documents SET arende_id = (SELECT arende_id FROM documents WHERE id = ?)"
                                 " WHERE id = ?"),
            use(caseDocument), use(document), now;
    }
    for (DeadlineRow deadline : r.deadlines) {
        session << database_.sql("INSERT INTO deadlines (document_id, kind, title, due_date, done) VALUES (?, ?, ?, ?, 0)"),
            use(document), use(deadline.kind), use(deadline.title), use(deadline.due), now;
    }
    EventDetail detail;
    detail.set("diarienummer", diarienummer).set("register", v.register_).set("status", r.status)
        .set("priority", r.priority).set("jobId", r.jobId).set("deadlines", static_cast<int>(r.deadlines.size()));
    if (r.formId) detail.set("form", *r.formId);
    else detail.set("form", Poco::Dynamic::Var());
    appendEventIn(session, documentId, r.actor, "registered", detail.text());
    if (sameBytes) {
        // Registered in its own right; the registrator sees the link ("samma fil som SN 2026/4").
        const std::string earlier = sameBytes->diarienummer.value_or("");
        appendEventIn(session, documentId, r.actor, kSameBytesEvent,
                      EventDetail().set("documentId", sameBytes->id).set("diarienummer", earlier)
                          .set("note", "Samma fil (samma innehåll) som " + (earlier.empty() ? "en handling i karantän" : earlier))
                          .text());
    }
    return {false, documentId, diarienummer};
}

std::optional<DocumentRow> Diarium::arrivalDocumentIn(Poco::Data::Session& session,
                                                      const std::optional<std::string>& arrival)
{
    if (!arrival) return std::nullopt;
    return documentWhere(session, "arrival", *arrival);
}

std::optional<DocumentRow> Diarium::firstWithBytesIn(Poco::Data::Session& session, const std::string& sha256)
{
    std::vector<DocumentRow> rows;
    std::string wanted = sha256;
    session << database_.sql(std::string("SELECT ") + rows::kDocumentColumns +
                             " FROM documents WHERE sha256 = ? AND status <> 'discarded'"
                             " ORDER BY CASE WHEN diarienummer IS NULL THEN 1 ELSE 0 END, id LIMIT 1"),
        use(wanted), into(rows), now;
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

void Diarium::appendEventsIn(Poco::Data::Session& session, long long documentId, const Registration& registration)
{
    for (const NewEvent& event : registration.events)
        appendEventIn(session, documentId, registration.actor, event.kind, event.detailJson);
}

int Diarium::releaseClaims(const std::string& node)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    std::string holder = node, at = nowText();
    Poco::Data::Statement update(session);
    update << database_.sql("UPDATE jobs SET state = 'pending', claimed_by = NULL, lease_until = NULL, updated_at = ?"
                            " WHERE state = 'claimed' AND claimed_by = ?"),
        use(at), use(holder);
    const auto released = update.execute();
    transaction.commit(Durability::relaxed);
    return static_cast<int>(released);
}

int Diarium::renewLeases(const std::string& node, std::chrono::seconds lease)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    std::string holder = node, until = isoUtc(currentTime() + lease);
    Poco::Data::Statement update(session);
    update << database_.sql("UPDATE jobs SET lease_until = ? WHERE state = 'claimed' AND claimed_by = ?"),
        use(until), use(holder);
    const auto renewed = update.execute();
    transaction.commit(Durability::relaxed);
    return static_cast<int>(renewed);
}

Poco::Nullable<Poco::Int64> Diarium::caseOfJob(Poco::Data::Session& session, long long jobId)
{
    Poco::Nullable<Poco::Int64> caseDocument;
    Poco::Int64 id = jobId;
    session << database_.sql("SELECT case_document_id FROM jobs WHERE id = ?"), use(id), into(caseDocument), now;
    return caseDocument;
}

std::string Diarium::numberInCase(Poco::Data::Session& session, long long caseDocumentId)
{
    const auto head = documentIn(session, caseDocumentId);
    if (!head || !head->diarienummer)
        throw std::logic_error("ärendets handling saknar diarienummer: " + std::to_string(caseDocumentId));
    Poco::Int64 id = caseDocumentId, numbered = 0;
    session << database_.sql("SELECT COUNT(*) FROM documents WHERE case_document_id = ? AND diarienummer IS NOT NULL"),
        use(id), into(numbered), now;
    // The ärende's first handling is the head document itself (löpnummer 1).
    return *head->diarienummer + "-" + std::to_string(numbered + 2);
}

std::vector<DocumentRow> Diarium::caseDocuments(long long caseDocumentId)
{
    return rows::select<DocumentRow>(database_, rows::kDocumentColumns,
                                     " FROM documents WHERE case_document_id = ? ORDER BY id", caseDocumentId);
}

void Diarium::heartbeat(const std::string& node, int jobsInHand)
{
    Poco::Data::Session session = database_.session();
    std::string id = node, at = nowText();
    Poco::Int64 inHand = jobsInHand;
    WriteTransaction transaction(database_, session);
    session << database_.sql("INSERT INTO node_heartbeats (node_id, last_heartbeat, jobs_in_hand) VALUES (?, ?, ?)"
                             " ON CONFLICT (node_id) DO UPDATE SET last_heartbeat = excluded.last_heartbeat,"
                             " jobs_in_hand = excluded.jobs_in_hand"),
        use(id), use(at), use(inHand), now;
    transaction.commit(Durability::relaxed);
}

std::vector<NodeRow> Diarium::nodes()
{
    Poco::Data::Session session = database_.session();
    std::vector<NodeRow> rows;
    session << std::string("SELECT ") + rows::kNodeColumns + " FROM node_heartbeats ORDER BY node_id", into(rows), now;
    return rows;
}

} // namespace inkorg::diarium
