#pragma once
/// The diarium: registration of incoming documents with diarienummer, the job queue that feeds
/// the pipeline (crash-safe, shared by several nodes), quarantine, events, audit (loggkontroll),
/// users and sessions, deadlines and decisions. All state is in the Database; a Diarium object
/// holds no cache, so any number of them — in threads, processes or nodes — may share one
/// database.
///
/// Life of an incoming file:
///
///     ContentStore store(root);  Database db(url);  db.migrate();  Diarium diarium(db, {});
///     auto sha = store.put(path);
///     diarium.enqueue({sha, "skanning.pdf", "folder:/scan", "2026-03-02T08:00:00.000Z"});
///     auto job = diarium.claim("node-1", std::chrono::minutes(10));    // nullopt: nothing to do
///     … read, classify, validate …
///     diarium.registerDocument({.jobId = job->id, .formId = "lex_sarah", …});   // gets "SN 2026/17"
///     // or, when it cannot be read: diarium.quarantine(job->id, "Filen är skadad – …", "system");
///     // or, on a passing failure:    diarium.retryLater(job->id, reason);
///
/// Every change of a document appends an event (who, when, kind, detail JSON); every read of a
/// document by a person goes through readDocument(), which appends an audit row, and every list
/// or search a person reads appends one through auditRead(). Errors from the
/// database are thrown as Poco::Data exceptions; misuse (unknown ids, roles, registers) as
/// std::invalid_argument / std::logic_error.

#include "diarium/Arende.hpp"
#include "diarium/BatchRegistration.hpp"
#include "diarium/Database.hpp"
#include "diarium/DiariumTypes.hpp"
#include "diarium/InkorgList.hpp"

#include <Poco/Nullable.h>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace inkorg::diarium {

class EventDetail;

class Diarium {
public:
    using Clock = std::function<std::chrono::system_clock::time_point()>;

    Diarium(Database& database, NumberingConfig numbering, JobPolicy jobs = {});

    /// Replaces the system clock (tests: lease expiry, the turn of the year).
    void setClock(Clock clock);

    // ---- jobs --------------------------------------------------------------------------------

    /// Records an incoming file as a pending job; returns the job id. The same arrival
    /// (IncomingFile::arrival) may be enqueued twice — a crash before the intake let go of it —
    /// registration then reports it as a duplicate. The same bytes in another arrival are a new
    /// registration.
    long long enqueue(const IncomingFile& file);

    /// As enqueue() for several files in ONE durable transaction (all or none): what an intake
    /// that finds a handful of files at once should use, one wait for the disk instead of one per
    /// file. Returns the job ids in the order of `files`.
    std::vector<long long> enqueueAll(const std::vector<IncomingFile>& files);

    /// As enqueue(), with the job already claimed by `node` until now + `lease` (its first
    /// attempt), in the same durable transaction: for `inkorg process`, which works on the files
    /// it was given, so that no other node can take the job in between.
    Job enqueueClaimed(const IncomingFile& file, const std::string& node, std::chrono::seconds lease);

    /// Takes the oldest pending job, or one whose lease has expired (its node died), for `node`
    /// until now + `lease`, counting the attempt. A job whose attempts are used up is
    /// quarantined instead (JobPolicy::maxAttempts). nullopt when there is nothing to do.
    /// PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED, so nodes never wait on each other — and so,
    /// while other nodes are claiming at the same moment, a claim can find nothing although a job
    /// queued after its statement began is waiting: callers poll again (the job runner does).
    /// Finding nothing costs one read, no write transaction (idle workers poll). The claim commits
    /// without waiting for the disk (Durability::relaxed): lost in a crash of the database, the
    /// job is simply pending again (a registration, durable, can never outlive its claim).
    std::optional<Job> claim(const std::string& node, std::chrono::seconds lease);

    /// How many jobs wait to be claimed (pending, or leased by a node that died), counted up to
    /// `atMost`: one read. The job runner asks after its claim whether the workers will run dry.
    int jobsToClaim(int atMost);

    /// As claim(), for one particular job (`inkorg process` works on the files it was given).
    /// nullopt when that job is done, quarantined or leased by a live node.
    std::optional<Job> claimJob(long long jobId, const std::string& node, std::chrono::seconds lease);

    /// Gives a claimed job back after a passing failure; quarantines it (with `reason` in the
    /// Swedish message) when its attempts are used up.
    void retryLater(long long jobId, const std::string& reason);

    /// Registers the document of a claimed job and completes the job, in one transaction that
    /// also allocates the diarienummer in the registration's register. A job enqueued with a
    /// caseDocumentId gets no number of its own: it is the ärende's next handling, the head's
    /// diarienummer with a löpnummer ("SN 2026/17-2", "-3", …; the head itself is handling 1);
    /// std::logic_error when the head document has no diarienummer; a handling of an ärende is in
    /// the head's register (a personakt mail's attachments are personakt documents), and a
    /// personakt handling moves its ärende to the personakt first (as changeForm does). Every
    /// arrival is registered, also a file whose bytes are already in the diarium (the store keeps
    /// one copy): the new document then gets a "same_bytes" event naming the earliest document
    /// with those bytes. Only the same arrival again (IncomingFile::arrival; a job already
    /// completed) is not registered again: the result is `duplicate` with the existing document
    /// and number, and that document gets a "duplicate_received" event.
    /// Registration::events are appended to the new document in the same transaction.
    RegisterResult registerDocument(const Registration& registration);

    /// Registers the parts of one batch scan (a pile of documents scanned as one file, split at
    /// separator sheets) as separate inkommande handlingar, each with its own diarienummer, and
    /// completes the batch's job — all in ONE transaction, so a crash registers all parts or none.
    /// Each part's document row holds the part's own file (BatchPart::sha256); the batch file
    /// stays in the store once, and each part's "batch_part" event names it with the part's page
    /// range ({"batchSha256","part","firstPage","lastPage","parts"}). The job's document_id is the
    /// first part. The same arrival registered before (by another job), or a job already done,
    /// gives one duplicate result naming the first part; the same pile scanned in again is a new
    /// arrival, registered anew, each part with a "same_bytes" event when its file is known.
    /// Results are in the order of `parts`. Each part's
    /// Registration::events are appended to its document in the same transaction.
    std::vector<RegisterResult> registerBatch(const std::vector<BatchPart>& parts);

    /// Puts the job's file in quarantine: a document with status "quarantined", the Swedish
    /// `reason`, no diarienummer; the job ends. Returns the document id.
    long long quarantine(long long jobId, const std::string& reason, const std::string& actor);

    std::optional<JobRow> job(long long jobId);
    std::vector<JobRow> jobs(const std::string& state);

    /// Gives every job `node` holds (state claimed) back to pending at once, without waiting for
    /// the leases: on a clean stop, and when a node restarts under the same name after a crash.
    /// The attempts already counted stay counted. Returns how many jobs were released.
    /// Relaxed commit: lost in a crash, the leases run out as if the node had died.
    int releaseClaims(const std::string& node);

    /// Extends the leases of the jobs `node` holds to now + `lease` (the heartbeat of a node
    /// that is still working on them). Returns how many jobs it holds. Relaxed commit (the next
    /// renewal comes long before the lease runs out).
    int renewLeases(const std::string& node, std::chrono::seconds lease);

    /// Records that `node` is alive and holds `jobsInHand` jobs. Relaxed commit.
    void heartbeat(const std::string& node, int jobsInHand);
    std::vector<NodeRow> nodes();

    // ---- documents ---------------------------------------------------------------------------

    /// For the system (no person reads it; no audit row).
    std::optional<DocumentRow> document(long long documentId);
    /// Also by a former number of a document that moved to another register.
    std::optional<DocumentRow> documentByDiarienummer(const std::string& diarienummer);
    /// The earliest document with these bytes (several may share them).
    std::optional<DocumentRow> documentBySha256(const std::string& sha256);
    /// The document registered (or quarantined) for an arrival (IncomingFile::arrival).
    std::optional<DocumentRow> documentByArrival(const std::string& arrival);

    /// The documents enqueued under `caseDocumentId`'s ärende (IncomingFile::caseDocumentId),
    /// registered or quarantined, oldest first; the head document itself is not among them.
    std::vector<DocumentRow> caseDocuments(long long caseDocumentId);

    /// A person reads the document: returns it and appends an audit row (user, document,
    /// `action`, time) — also when the caller only shows part of it.
    std::optional<DocumentRow> readDocument(long long documentId, const std::string& userName,
                                            const std::string& action = "read");

    /// Newest first.
    std::vector<DocumentRow> listDocuments(const DocumentFilter& filter);

    /// The inkorg's page of documents in one query, with assignment, chosen form, inkom datum
    /// and the earliest open deadline applied (InkorgList.hpp). No audit row: the caller, who
    /// knows the person asking, appends it (auditRead).
    InkorgPage inkorgList(const InkorgQuery& query);

    /// The diarienummer of each of the documents (one query); documents without one are absent.
    std::map<long long, std::string> diarienummerOf(const std::vector<long long>& documentIds);

    /// Changes what is set in `correction`; the event "corrected" records before and after.
    /// Throws std::invalid_argument for an unknown document.
    void correct(long long documentId, const DocumentCorrection& correction, const std::string& actor);

    /// Byt formulär, in ONE transaction: the "form_changed" event ({"before","after",
    /// "deadlinesBefore","deadlinesAfter"}), the form, the correction (record, issues, status,
    /// masks) and priority, and the new form's deadlines in place of the open ones of the former
    /// form (FormChange::endedKinds) — a kind already klarmarkerad is not added again. When the
    /// new form belongs to another register (an oklassificerad handling that is an orosanmälan:
    /// personakt, OSF 2 §), the document's whole ärende moves there: its head gets the
    /// register's next number ("PA 2026/5"), its handlingar the same löpnummer under it ("PA
    /// 2026/5-2"), each gets a "register_moved" event, and each former number stays in its series
    /// as a transfer (transferredNumbers): no number vanishes. Returns the document's diarienummer afterwards.
    /// Throws std::invalid_argument for an unknown document or register, std::logic_error for a
    /// quarantined or discarded one.
    std::string changeForm(long long documentId, const FormChange& change);

    /// Inkom datum corrected from the ankomststämpel, in ONE transaction: the document's inkom
    /// datum becomes `change.date` everywhere it is read (kvitto, public diarium, lists, the
    /// norms of its month), its open deadlines of the plan's kinds are replaced by
    /// `change.deadlines` (planned from that day; a kind already klarmarkerad is not added
    /// again), and the "inkom_set" event keeps {"before","after","deadlinesBefore",
    /// "deadlinesAfter"}. Throws std::invalid_argument for an unknown document or a date that is
    /// not YYYY-MM-DD, std::logic_error for a discarded one.
    void setInkomDatum(long long documentId, const InkomChange& change);

    // ---- ärenden (Arende.hpp) -----------------------------------------------------------------

    /// Starts an ärende with the registered document `headDocumentId` as its first handling (with
    /// the handlingar of its mail, IncomingFile::caseDocumentId): the event "arende_started" on
    /// it. Returns the ärende's id. Throws std::invalid_argument for an unknown document or an
    /// empty ärendemening, std::logic_error for a document not registered or already in an ärende.
    long long startArende(long long headDocumentId, const NewArende& arende);

    /// Adds the registered document `documentId` (with the handlingar of its mail) to the ärende
    /// as a handling: the event "arende_handling" ({"arende","diarienummer"}) on it. A diarium
    /// document added to an ärende in the personakt moves to the personakt first (a PA number;
    /// the former number stays in its series, changeForm's rule). Adding a handling already in
    /// this ärende changes nothing. Returns the document's diarienummer afterwards. Throws
    /// std::invalid_argument for an unknown ärende or document, std::logic_error for a document
    /// not registered, in another ärende, or in the personakt while the ärende is in the diarium.
    std::string addHandling(long long arendeId, long long documentId, const std::string& actor);

    std::optional<ArendeRow> arende(long long arendeId);
    /// The ärende `documentId` is a handling of, if any.
    std::optional<ArendeRow> arendeOf(long long documentId);
    /// Newest first; `search` (case-insensitive) in the diarienummer, ärendemening or part, or
    /// six or more digits of the part's personnummer. For the system: the caller applies inre
    /// sekretess (by the head document) and audits the read.
    std::vector<ArendeRow> arenden(const std::string& search, int limit);
    /// The handlingar of the ärende, the first handling first, then in the order they came.
    std::vector<DocumentRow> arendeHandlingar(long long arendeId);
    /// Pågående or avslutat; the event "arende_status" on the first handling.
    void setArendeStatus(long long arendeId, const std::string& status, const std::string& actor);

    /// The numbers of `registerName` whose documents moved to another register, newest first.
    std::vector<NumberTransferRow> transferredNumbers(const std::string& registerName, int limit);

    /// Appends an event about a document (or about nothing: documentId nullopt).
    void appendEvent(std::optional<long long> documentId, const std::string& actor, const std::string& kind,
                     const std::string& detailJson = "{}");
    std::vector<EventRow> events(long long documentId);

    /// A person read a list, a search or a document: appends the audit row. The caller masks what
    /// the entry's detail would say of a personnummer (AuditKey); readDocument() calls this. A
    /// list or search the same person read unchanged (same action and detail) in the last five
    /// minutes is already there — the pages update themselves every few seconds — and adds none.
    void auditRead(const AuditEntry& entry);

    /// The audit rows the query selects, newest first (loggkontroll).
    std::vector<AuditRow> audit(const AuditQuery& query);

    // ---- quarantine --------------------------------------------------------------------------

    std::vector<DocumentRow> quarantined();

    /// Registers a quarantined document in the diarium as "Inkommen handling" (form null,
    /// status unclassified) with a new diarienummer. Throws std::logic_error unless quarantined.
    RegisterResult release(long long documentId, const Release& release);

    /// Ends a quarantined document without registration, with a reason. Throws std::logic_error
    /// unless quarantined, std::invalid_argument for an empty reason.
    void discard(long long documentId, const std::string& reason, const std::string& actor);

    // ---- users and sessions ------------------------------------------------------------------

    /// Adds a user with a role from kRoles; returns the user and their login token (in clear
    /// only here), valid for `lifetime` (nullopt: until revoked). Throws std::invalid_argument
    /// for an unknown role or a taken name.
    NewUser addUser(const std::string& name, const std::string& role, const std::string& unit,
                    const std::string& actor, std::optional<std::chrono::seconds> lifetime = std::nullopt);

    /// A new login token for the user, valid for `lifetime` (nullopt: until revoked); older ones
    /// stay valid until revoked or expired.
    LoginToken issueToken(long long userId, const std::string& actor,
                          std::optional<std::chrono::seconds> lifetime = std::nullopt);
    void revokeTokens(long long userId, const std::string& actor);
    void setUserActive(long long userId, bool active, const std::string& actor);

    /// The active user whose unrevoked, unexpired token this is, or nullopt.
    std::optional<UserRow> authenticate(const std::string& token);

    /// Logs in with a token: a session key valid for `ttl`, or nullopt for a wrong token.
    std::optional<SessionGrant> startSession(const std::string& token, std::chrono::seconds ttl);

    /// The user of an unexpired session of an active user, or nullopt.
    std::optional<UserRow> sessionUser(const std::string& sessionKey);
    void endSession(const std::string& sessionKey);

    std::optional<UserRow> user(long long userId);
    std::optional<UserRow> userByName(const std::string& name);
    std::vector<UserRow> users();

    // ---- deadlines and decisions -------------------------------------------------------------

    std::vector<DeadlineRow> deadlines(long long documentId);
    /// Open deadlines due on or before `date` (YYYY-MM-DD), earliest first.
    std::vector<DeadlineRow> openDeadlines(const std::string& dueOnOrBefore);
    void completeDeadline(long long deadlineId, const std::string& actor);
    /// The deadline with `deadlineId`, open or done.
    std::optional<DeadlineRow> deadline(long long deadlineId);
    /// Undoes completeDeadline (Ångra): the deadline is open again, with a "deadline_reopened" event.
    void reopenDeadline(long long deadlineId, const std::string& actor);

    /// Records a decision (never edited). To change one, record a new decision whose
    /// `supersedes` names it; a decision can be superseded once. Returns the id.
    long long addDecision(const DecisionRow& decision, const std::string& actor);
    /// All decisions of a document, oldest first.
    std::vector<DecisionRow> decisions(long long documentId);
    /// The decisions of a document that no other decision supersedes.
    std::vector<DecisionRow> currentDecisions(long long documentId);
    /// Every decision whose beslutsdatum is from `from` to `to` (YYYY-MM-DD, both included),
    /// superseded ones too, by date then id: the anmälan om delegationsbeslut, 12-month sums.
    std::vector<DecisionRow> decisionsDecidedBetween(const std::string& from, const std::string& to);

    // ---- follow-up: lex Sarah, verkställighet (DiariumFollowUp.cpp) ------------------------

    /// Records `step` on the document in ONE transaction: its event, the deadlines it opens (one
    /// of a kind already open is not added twice) and the open deadlines of the kinds it closes
    /// (each with its "deadline_done" event). Returns the ids of the deadlines added. Throws
    /// std::invalid_argument for an unknown document.
    std::vector<long long> recordStep(long long documentId, const CaseStep& step, const std::string& actor);

    /// Records (or updates) the verkställighet of a decision, with a "verkstallighet" event on its
    /// document, in one transaction. What `row` leaves empty (no date, no insats, no skäl) keeps
    /// what was recorded before. Throws std::invalid_argument for an unknown decision.
    void recordVerkstallighet(const VerkstallighetRow& row, const std::string& actor);
    /// One decision by its id (superseded or not).
    std::optional<DecisionRow> decision(long long decisionId);
    /// Every recorded verkställighet, by decision id.
    std::vector<VerkstallighetRow> verkstalligheter();

    /// Registers the beslutsbrev of a decision as an upprättad handling of the decided document's
    /// ärende — the next löpnummer under the ärende's head ("SN 2026/17-2"), in the head's
    /// register, dated now, status registered, no form — and records its expediering, with an
    /// "expedierad" event on the new handling and one on the decided document, in ONE
    /// transaction. A decision's letter is registered once: again gives the existing one with
    /// `duplicate` set. Throws std::invalid_argument for an unknown decision.
    RegisterResult registerExpediering(const Expediering& expediering, const std::string& actor);
    /// The expediering of a decision's beslutsbrev, if it was expedierad.
    std::optional<ExpedieringRow> expedieringOf(long long decisionId);

private:
    /// Sets a deadline done or open again, with its event ("deadline_done", "deadline_reopened").
    void setDeadlineDone(long long deadlineId, const std::string& actor, bool done);
    long long insertJobIn(Poco::Data::Session& session, const IncomingFile& file);
    std::optional<Job> claimWhere(const std::string& node, std::chrono::seconds lease, std::optional<long long> onlyJob);
    std::chrono::system_clock::time_point currentTime() const;
    std::string nowText() const;
    const std::string& patternFor(const std::string& registerName) const;
    void appendEventIn(Poco::Data::Session& session, std::optional<long long> documentId, const std::string& actor,
                       const std::string& kind, const std::string& detailJson);
    long long quarantineIn(Poco::Data::Session& session, const JobRow& job, const std::string& reason,
                           const std::string& actor);
    std::optional<JobRow> jobIn(Poco::Data::Session& session, long long jobId);
    std::optional<DocumentRow> documentWhere(Poco::Data::Session& session, const std::string& column,
                                             const std::string& value);
    std::optional<DocumentRow> documentIn(Poco::Data::Session& session, long long documentId);
    RegisterResult registerOnce(const Registration& registration);
    void appendEventsIn(Poco::Data::Session& session, long long documentId, const Registration& registration);
    /// Numbers (in its case, or the register's next number), inserts the document of `file` with
    /// its deadlines and its `registered` event, inside the caller's transaction. Shared by a single
    /// registration and each part of a batch.
    RegisterResult insertDocumentIn(Poco::Data::Session& session, const Registration& registration,
                                    const IncomingFile& file, Poco::Nullable<Poco::Int64> caseDocument,
                                    const std::string& at);
    Poco::Nullable<Poco::Int64> caseOfJob(Poco::Data::Session& session, long long jobId);
    /// Applies `correction` inside the caller's transaction, with its "corrected" event.
    void correctIn(Poco::Data::Session& session, const DocumentRow& before, const DocumentCorrection& correction,
                   const std::string& actor);
    /// Replaces the document's open deadlines of the plan's kinds and of `replacedKinds` by
    /// `plan` (a kind already done is not added again) inside the caller's transaction; open
    /// deadlines of other kinds stay. Sets "deadlinesBefore" and "deadlinesAfter" in `detail`.
    void replanDeadlinesIn(Poco::Data::Session& session, long long documentId, const std::vector<DeadlineRow>& plan,
                           std::vector<std::string> replacedKinds, EventDetail& detail);
    /// Moves the ärende whose head is `headId` to `registerName` (changeForm).
    void moveCaseIn(Poco::Data::Session& session, long long headId, const std::string& registerName,
                    const std::string& actor);
    std::optional<DocumentRow> arrivalDocumentIn(Poco::Data::Session& session, const std::optional<std::string>& arrival);
    /// The earliest document (numbered first) with these bytes, for the "same_bytes" event.
    std::optional<DocumentRow> firstWithBytesIn(Poco::Data::Session& session, const std::string& sha256);
    std::string numberInCase(Poco::Data::Session& session, long long caseDocumentId);
    /// The active user of an unexpired (and, for login_tokens, unrevoked) secret of `table`.
    std::optional<UserRow> userForSecret(const std::string& table, const std::string& text);

    Database& database_;
    NumberingConfig numbering_;
    JobPolicy jobPolicy_;
    Clock clock_;
};

} // namespace inkorg::diarium
