#pragma once
/// The small value types of the diarium API (see Diarium.hpp). Times are ISO 8601 UTC text
/// ("2026-03-01T09:15:00.000Z"); dates are "YYYY-MM-DD"; JSON is kept as text.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace inkorg::diarium {

/// Register names.
inline constexpr const char* kDiarium = "diarium";
inline constexpr const char* kPersonakt = "personakt";

/// The event on a document whose file has the same bytes as an earlier document's: it is
/// registered in its own right, the event names the earlier one ({"documentId","diarienummer","note"}).
inline constexpr const char* kSameBytesEvent = "same_bytes";
/// The event on a document moved to another register by a change of form
/// ({"from","to","register"}): the former number stays in number_transfers.
inline constexpr const char* kRegisterMovedEvent = "register_moved";

/// Document statuses.
inline constexpr const char* kRegistered = "registered";
inline constexpr const char* kNeedsReview = "needs_review";
inline constexpr const char* kUnclassified = "unclassified";
inline constexpr const char* kQuarantined = "quarantined";
inline constexpr const char* kDiscarded = "discarded";

/// Number patterns per register: `{year}` is the registration year, `{seq}` the sequence in
/// that register and year (`{seq:4}` pads with zeros to 4 digits).
struct NumberingConfig {
    std::map<std::string, std::string> patterns{{kDiarium, "SN {year}/{seq}"}, {kPersonakt, "PA {year}/{seq}"}};
};

/// How jobs are retried.
struct JobPolicy {
    int maxAttempts = 3;   ///< claims of one job before it goes to quarantine
};

/// A file that has arrived (already in the ContentStore).
struct IncomingFile {
    std::string sha256, originalName, source;
    std::string receivedAt;   ///< ISO 8601 UTC: when it reached the kommun (inkom datum)
    /// Set for a document that belongs to another document's ärende (an e-mail's attachment):
    /// it is registered under that document's diarienummer with a löpnummer, "SN 2026/17-2",
    /// instead of getting a number of its own (see Diarium::registerDocument).
    std::optional<long long> caseDocumentId{};
    /// What makes this arrival one (the inbox file, a mail's part, `inkorg process` of an unchanged
    /// file): the same arrival queued again — after a crash, or by a rerun — registers once, as a
    /// duplicate of its first registration. Files with the same bytes but another arrival (or
    /// none: an upload) are registered each on its own. nullopt: every job is an arrival.
    std::optional<std::string> arrival{};
};

/// A claimed unit of work: one incoming file.
struct Job {
    long long id = 0;
    IncomingFile file;
    int attempts = 0;   ///< including this claim
};

/// A job as stored, for queries.
struct JobRow {
    long long id = 0;
    IncomingFile file;
    int attempts = 0;
    std::string state;   ///< pending | claimed | done | quarantined
    std::string claimedBy, leaseUntil, lastError;
    std::optional<long long> documentId;
};

struct DeadlineRow {
    long long id = 0;            ///< 0 before it is stored
    long long documentId = 0;    ///< set by the diarium
    std::string kind;            ///< "utredning", "skyddsbedomning", …
    std::string title;           ///< Swedish, for people
    std::string due;             ///< YYYY-MM-DD
    bool done = false;
    std::string doneAt{}, doneBy{};
};

/// An event to append together with a registration (Registration::events).
struct NewEvent {
    std::string kind;               ///< "field_locations", "archive_copy", …
    std::string detailJson = "{}";
};

/// What the pipeline registers for a claimed job.
struct Registration {
    long long jobId = 0;
    std::optional<std::string> formId;   ///< nullopt: "Inkommen handling", unclassified
    std::string register_ = kDiarium;    ///< "diarium" | "personakt"
    double confidence = 0;
    std::string recordJson = "{}", fieldConfidenceJson = "{}", issuesJson = "[]";
    std::string status = kRegistered;    ///< registered | needs_review | unclassified
    std::string priority = "normal";
    int pages = 0;
    /// OSL 5 kap. 2 §: avsändare and kort beskrivning, as shown in the public list and in full.
    std::string avsandarePublic, avsandareSecret, beskrivningPublic, beskrivningSecret;
    std::vector<DeadlineRow> deadlines;
    /// The document's words (its OCR or PDF text), kept for the search in the text (InkorgQuery).
    std::string text;
    std::string actor = "system";
    /// The inkom datum when it is not the time the file reached inkorg (the job's): the day on the
    /// ankomststämpel of paper post, YYYY-MM-DD.
    std::optional<std::string> receivedAt;
    /// Appended to the new document after its "registered" event, in the registering
    /// transaction (one durable commit, and none of them without the registration). Not
    /// appended when the arrival turns out to be registered already (a duplicate).
    std::vector<NewEvent> events{};
};

struct RegisterResult {
    bool duplicate = false;     ///< the same arrival was registered (or quarantined) before
    long long documentId = 0;   ///< the new document, or the existing one when duplicate
    std::string diarienummer;   ///< empty for a duplicate of a quarantined document
};

struct DocumentRow {
    long long id = 0;
    std::optional<std::string> register_;       ///< nullopt while quarantined
    std::optional<std::string> diarienummer;    ///< nullopt while quarantined / discarded
    std::string receivedAt, registeredAt;       ///< inkom datum, registration time
    std::optional<std::string> formId;
    double confidence = 0;
    std::string recordJson, fieldConfidenceJson, issuesJson;
    std::string status, priority;
    int pages = 0;
    std::string sha256, originalName, source;
    std::string avsandarePublic, avsandareSecret, beskrivningPublic, beskrivningSecret;
    std::string quarantineReason, discardReason;
};

/// Which documents to list; unset members do not filter. Newest first.
struct DocumentFilter {
    std::optional<std::string> status, register_, formId;
    int limit = 100;
    int offset = 0;
};

/// A change of a document by a person; unset members stay as they are. The event records the
/// value before and after for every member that changed.
struct DocumentCorrection {
    std::optional<std::string> recordJson, fieldConfidenceJson, issuesJson, status, priority;
    std::optional<std::string> avsandarePublic, avsandareSecret, beskrivningPublic, beskrivningSecret;
};

/// Byt formulär: a registrator gives a document another form (Diarium::changeForm).
struct FormChange {
    std::optional<std::string> formId;    ///< the form now in force
    std::string register_ = kDiarium;     ///< that form's register
    /// The record, issues, status and the masks (avsändare, beskrivning) as the new form has them.
    DocumentCorrection correction;
    /// What the new form entails at registration (the plugin's RegistrationPlan): priority and deadlines.
    std::vector<DeadlineRow> deadlines;
    /// The kinds of deadline the former form planned: their open deadlines end (Byt formulär).
    std::vector<std::string> endedKinds;
    std::string actor;
};

/// An inkom datum corrected from the ankomststämpel (Diarium::setInkomDatum).
struct InkomChange {
    std::string date;                    ///< YYYY-MM-DD, the day it reached the kommun
    /// The deadlines of the form in force planned from that day (the plugin's RegistrationPlan).
    std::vector<DeadlineRow> deadlines;
    std::string actor;
};

/// A number that left its register when its document moved to another (number_transfers): it
/// stays in its series, pointing to the document's new number.
struct NumberTransferRow {
    long long id = 0;
    std::string register_, diarienummer;
    std::string receivedAt;               ///< the document's inkom datum
    long long documentId = 0;
    std::string toRegister, toDiarienummer, transferredAt, actor;
};

/// What a registrator gives when releasing a quarantined document into the diarium.
struct Release {
    std::string actor;
    std::string beskrivningPublic, beskrivningSecret;
    std::string avsandarePublic, avsandareSecret;
};

struct EventRow {
    long long id = 0;
    std::optional<long long> documentId;
    std::string at, actor, kind, detailJson;
};

/// One read by a person: of a document (documentId), or of a list or search (no document).
struct AuditRow {
    long long id = 0;
    std::string userName;
    std::optional<long long> documentId;
    std::string action, at;
    std::string detail;                  ///< what was listed or searched; a personnummer masked
};

/// A read to append to the audit (Diarium::auditRead).
struct AuditEntry {
    std::string userName;
    std::optional<long long> documentId;
    std::string action;
    std::string detail;                  ///< never a personnummer in clear (AuditKey::mask)
    std::string personKey;               ///< AuditKey::keyOf the personnummer searched for; empty: none
};

/// Which audit rows (Diarium::audit); unset members do not filter. Newest first.
struct AuditQuery {
    std::optional<std::string> userName;
    std::optional<long long> documentId;
    std::optional<std::string> personKey;  ///< searches for this personnummer (AuditKey::keyOf)
    /// Only rows of documents assigned to this unit or of readers in it (a gruppledare's view).
    std::optional<std::string> unit;
    /// Only this action ("read", "sökning" …); "page" is every "page N".
    std::optional<std::string> action;
    /// Only rows at or after `from` and before `until` (stored instants, ISO 8601 UTC).
    std::optional<std::string> from, until;
    int limit = 200;
};

inline const std::vector<std::string> kRoles{"registrator", "handläggare", "gruppledare", "administratör"};

struct UserRow {
    long long id = 0;
    std::string name, role, unit;   ///< name: the login name
    bool active = true;
    std::string fullName{};         ///< "Hanna Holm": signs letters; empty: the login name does
    std::string title{};            ///< "Socialsekreterare"
};

/// A login token in clear — handed over once (a private file, an HTTP answer to an
/// administratör), never printed or logged; stored only as a salted hash.
struct LoginToken {
    std::string token;
    std::string expiresAt;               ///< ISO UTC; empty: valid until revoked
};

/// A new user and their login token.
struct NewUser {
    UserRow user;
    std::string token;
    std::string expiresAt;               ///< of the token, as LoginToken::expiresAt
};

/// A logged-in session: the key is shown once, stored only as a salted hash.
struct SessionGrant {
    std::string key;
    UserRow user;
    std::string expiresAt;
};

struct DecisionRow {
    long long id = 0;
    long long documentId = 0;
    std::string beslut;                  ///< "bifall", "avslag", "delvis bifall", …
    std::optional<long long> belopp;     ///< kronor
    std::string period;                  ///< "YYYY-MM" or free text
    std::string posterJson = "[]";
    std::string motivering, lagrum, beslutsfattare, roll;
    std::string date;                    ///< YYYY-MM-DD, beslutsdatum
    std::optional<long long> supersedes;
    std::string createdAt, createdBy;
};

/// A step in the handling of a document that opens and closes deadlines (a lex Sarah bedömning,
/// the anmälan to IVO): appended as one event, in one transaction with its deadlines.
struct CaseStep {
    std::string kind;                     ///< the event's kind: "lex_sarah_bedomning", "ivo_anmalan", …
    std::string detailJson = "{}";
    std::vector<DeadlineRow> opens{};     ///< added, unless an open deadline of the same kind exists
    std::vector<std::string> closes{};    ///< open deadlines of these kinds are marked done
};

/// SoL 34 kap.: the verkställighet of a gynnande beslut (one row a decision).
struct VerkstallighetRow {
    long long decisionId = 0;
    std::optional<std::string> verkstalldOn;   ///< YYYY-MM-DD; nullopt: not carried out (yet)
    std::string insats;                        ///< typ av insats, "" : the decision's area
    std::string drojsmalSkal;                  ///< skäl för dröjsmålet, "" : none given
    std::string updatedAt{}, updatedBy{};
};

/// A beslutsbrev registered as an upprättad handling of its ärende and expedierad (OSL 5:1).
struct Expediering {
    long long decisionId = 0;
    std::string sha256;                 ///< the letter, already in the content store
    std::string originalName;           ///< "beslutsbrev-12.pdf"
    std::string expedieradOn;           ///< YYYY-MM-DD, the day in Sweden
    std::string satt;                   ///< how it was sent: "post", "e-post", …
    std::string mottagarePublic, mottagareSecret, beskrivningPublic, beskrivningSecret;
};

/// The row of an expedierad beslutsbrev.
struct ExpedieringRow {
    long long documentId = 0, decisionId = 0;
    std::string expedieradOn, satt, createdAt, createdBy;
};

struct NodeRow {
    std::string nodeId, lastHeartbeat;
    int jobsInHand = 0;
};

} // namespace inkorg::diarium
