#pragma once
/// A write transaction on one session, rolled back unless commit() is reached — so an exception
/// anywhere before commit (a crash, as far as the database knows) leaves no trace, not even a
/// used diarienummer.
///
/// SQLite: BEGIN IMMEDIATE, which takes the single writer lock up front (with the busy timeout)
/// and serialises writers across threads and processes sharing the file.
/// PostgreSQL: BEGIN (READ COMMITTED); rows are locked by the statements themselves
/// (UPDATE … RETURNING, SELECT … FOR UPDATE SKIP LOCKED).
///
/// A commit is durable (it waits for the WAL flush) unless the caller asks for Durability::relaxed,
/// which only writes whose loss in a crash of the database server is harmless may do: a claim
/// (the job is pending again), a lease renewal, a heartbeat, a release of claims. PostgreSQL then
/// commits with synchronous_commit off — visible to every session at once, on disk a moment later,
/// and never reordered after a later durable commit (the WAL is flushed in order). SQLite: no
/// difference.

#include "diarium/Database.hpp"

namespace inkorg::diarium {

enum class Durability { durable, relaxed };

class WriteTransaction {
public:
    WriteTransaction(const Database& database, Poco::Data::Session& session);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit(Durability durability = Durability::durable);

private:
    void rollback() noexcept;

    const Database& database_;
    Poco::Data::Session& session_;
    bool open_ = false;
};

} // namespace inkorg::diarium
