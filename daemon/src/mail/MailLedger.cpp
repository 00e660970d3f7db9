#include "mail/MailLedger.hpp"

#include "diarium/IsoTime.hpp"
#include "diarium/WriteTransaction.hpp"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

using namespace Poco::Data::Keywords;

namespace inkorg::mail {
namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, std::string, Poco::Int32, std::string,
                        std::string, std::string, Poco::Int64, std::string, Poco::Int32, std::string, std::string, std::string, Poco::Int64, std::string>;

constexpr const char* kColumns =
    "SELECT id, source, mailbox_key, message_id, state, attempts, next_attempt_at, COALESCE(last_error, ''),"
    " COALESCE(eml_sha256, ''), COALESCE(document_id, 0), COALESCE(diarienummer, ''), handled_on_server,"
    " from_address, subject, received_at, COALESCE(message_job_id, 0), receipt_state FROM mail_messages WHERE ";

std::string nowIso() { return diarium::isoUtc(std::chrono::system_clock::now()); }

LedgerEntry entryOf(const Row& row)
{
    LedgerEntry entry;
    entry.id = row.get<0>();
    entry.source = row.get<1>();
    entry.mailboxKey = row.get<2>();
    entry.messageId = row.get<3>();
    entry.state = row.get<4>();
    entry.attempts = row.get<5>();
    entry.nextAttemptAt = row.get<6>();
    entry.lastError = row.get<7>();
    entry.emlSha256 = row.get<8>();
    entry.documentId = row.get<9>();
    entry.diarienummer = row.get<10>();
    entry.handledOnServer = row.get<11>() != 0;
    entry.fromAddress = row.get<12>();
    entry.subject = row.get<13>();
    entry.receivedAt = row.get<14>();
    entry.messageJobId = row.get<15>();
    entry.receiptState = row.get<16>();
    return entry;
}

} // namespace

MailLedger::MailLedger(diarium::Database& database) : database_(database) {}

std::vector<LedgerEntry> MailLedger::select(const std::string& where, const std::vector<std::string>& values)
{
    Poco::Data::Session session = database_.session();
    std::vector<Row> rows;
    Poco::Data::Statement statement(session);
    statement << database_.sql(kColumns + where + " ORDER BY id");
    for (const std::string& value : values) statement.addBind(bind(value));
    statement.addExtract(into(rows));
    statement.execute();
    std::vector<LedgerEntry> entries;
    for (const Row& row : rows) entries.push_back(entryOf(row));
    return entries;
}

std::optional<LedgerEntry> MailLedger::find(const std::string& source, const std::string& mailboxKey)
{
    auto entries = select("source = ? AND mailbox_key = ?", {source, mailboxKey});
    if (entries.empty()) return std::nullopt;
    return entries.front();
}

std::vector<LedgerEntry> MailLedger::registeredMessages(const std::string& messageId)
{
    return select("message_id = ? AND state = 'registered'", {messageId});
}

LedgerEntry MailLedger::beginAttempt(const std::string& source, const std::string& mailboxKey,
                                     const std::string& messageId)
{
    {
        Poco::Data::Session session = database_.session();
        diarium::WriteTransaction transaction(database_, session);
        std::string s = source, k = mailboxKey, m = messageId, at = nowIso();
        Poco::Int64 existing = 0;
        session << database_.sql("SELECT COUNT(*) FROM mail_messages WHERE source = ? AND mailbox_key = ?"), use(s),
            use(k), into(existing), now;
        if (existing == 0)
            session << database_.sql("INSERT INTO mail_messages (source, mailbox_key, message_id, state, attempts,"
                                     " next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'pending', 1, ?, ?, ?)"),
                use(s), use(k), use(m), use(at), use(at), use(at), now;
        else
            session << database_.sql("UPDATE mail_messages SET attempts = attempts + 1, message_id = ?, updated_at = ?"
                                     " WHERE source = ? AND mailbox_key = ?"),
                use(m), use(at), use(s), use(k), now;
        transaction.commit();
    }
    return *find(source, mailboxKey);
}

void MailLedger::noteMessageDocument(long long entryId, long long documentId, const std::string& diarienummer,
                                     const std::string& emlSha256)
{
    Poco::Data::Session session = database_.session();
    Poco::Int64 id = entryId, document = documentId;
    std::string number = diarienummer, sha = emlSha256, at = nowIso();
    session << database_.sql("UPDATE mail_messages SET document_id = ?, diarienummer = ?, eml_sha256 = ?,"
                             " updated_at = ? WHERE id = ?"),
        use(document), use(number), use(sha), use(at), use(id), now;
}

void MailLedger::markRegistered(long long entryId, bool receiptDue)
{
    Poco::Data::Session session = database_.session();
    Poco::Int64 id = entryId;
    std::string at = nowIso(), receipt = receiptDue ? "due" : "";
    session << database_.sql("UPDATE mail_messages SET state = 'registered', last_error = NULL, receipt_state = ?,"
                             " updated_at = ? WHERE id = ?"),
        use(receipt), use(at), use(id), now;
}

void MailLedger::noteMessageJob(long long entryId, long long jobId)
{
    Poco::Data::Session session = database_.session();
    Poco::Int64 id = entryId, job = jobId;
    std::string at = nowIso();
    session << database_.sql("UPDATE mail_messages SET message_job_id = ?, updated_at = ? WHERE id = ?"), use(job),
        use(at), use(id), now;
}

void MailLedger::markReceiptDone(long long entryId, const std::string& state)
{
    Poco::Data::Session session = database_.session();
    Poco::Int64 id = entryId;
    std::string at = nowIso(), done = state;
    session << database_.sql("UPDATE mail_messages SET receipt_state = ?, updated_at = ? WHERE id = ?"), use(done),
        use(at), use(id), now;
}

std::vector<LedgerEntry> MailLedger::receiptsDue(const std::string& source)
{
    return select("source = ? AND state = 'registered' AND receipt_state = 'due'", {source});
}

std::vector<CaseJob> MailLedger::caseJobs(long long caseDocumentId)
{
    Poco::Data::Session session = database_.session();
    Poco::Int64 caseId = caseDocumentId;
    std::vector<Poco::Tuple<Poco::Int64, std::string, std::string, std::string, std::string>> rows;
    session << database_.sql("SELECT id, sha256, original_name, state, COALESCE(arrival, '') FROM jobs"
                             " WHERE case_document_id = ? ORDER BY id"),
        use(caseId), into(rows), now;
    std::vector<CaseJob> jobs;
    for (const auto& row : rows) jobs.push_back({row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>(), row.get<4>()});
    return jobs;
}

std::string MailLedger::markFailed(long long entryId, const std::string& reason, int maxAttempts,
                                   long long backoffSeconds)
{
    Poco::Data::Session session = database_.session();
    Poco::Int64 id = entryId;
    Poco::Int32 attempts = 0;
    session << database_.sql("SELECT attempts FROM mail_messages WHERE id = ?"), use(id), into(attempts), now;
    if (attempts >= maxAttempts) {
        markDeadLetter(entryId, reason);
        return "dead_letter";
    }
    std::string why = reason, at = nowIso();
    std::string next = diarium::isoUtc(std::chrono::system_clock::now() + std::chrono::seconds(backoffSeconds));
    session << database_.sql("UPDATE mail_messages SET state = 'pending', last_error = ?, next_attempt_at = ?,"
                             " updated_at = ? WHERE id = ?"),
        use(why), use(next), use(at), use(id), now;
    return "pending";
}

void MailLedger::markDeadLetter(long long entryId, const std::string& reason)
{
    Poco::Data::Session session = database_.session();
    Poco::Int64 id = entryId;
    std::string why = reason, at = nowIso();
    session << database_.sql("UPDATE mail_messages SET state = 'dead_letter', last_error = ?, updated_at = ? WHERE id = ?"),
        use(why), use(at), use(id), now;
}

void MailLedger::markHandledOnServer(long long entryId)
{
    Poco::Data::Session session = database_.session();
    Poco::Int64 id = entryId;
    std::string at = nowIso();
    session << database_.sql("UPDATE mail_messages SET handled_on_server = 1, updated_at = ? WHERE id = ?"), use(at),
        use(id), now;
}

void MailLedger::describe(long long entryId, const std::string& fromAddress, const std::string& subject,
                          const std::string& receivedAt)
{
    Poco::Data::Session session = database_.session();
    Poco::Int64 id = entryId;
    std::string from = fromAddress, about = subject, received = receivedAt, at = nowIso();
    session << database_.sql("UPDATE mail_messages SET from_address = ?, subject = ?, received_at = ?, updated_at = ?"
                             " WHERE id = ?"),
        use(from), use(about), use(received), use(at), use(id), now;
}

std::vector<LedgerEntry> MailLedger::inState(const std::string& state)
{
    return select("state = ?", {state});
}

bool MailLedger::receiptSentSince(const std::string& sender, const std::string& sinceIso)
{
    Poco::Data::Session session = database_.session();
    std::string who = sender, since = sinceIso;
    Poco::Int64 count = 0;
    session << database_.sql("SELECT COUNT(*) FROM mail_receipts WHERE sender = ? AND sent_at >= ?"), use(who),
        use(since), into(count), now;
    return count > 0;
}

void MailLedger::recordReceipt(const std::string& sender, const std::string& diarienummer)
{
    Poco::Data::Session session = database_.session();
    std::string who = sender, number = diarienummer, at = nowIso();
    session << database_.sql("INSERT INTO mail_receipts (sender, diarienummer, sent_at) VALUES (?, ?, ?)"), use(who),
        use(number), use(at), now;
}

} // namespace inkorg::mail
