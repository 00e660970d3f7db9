#pragma once
/// A write transaction on one session, rolled back unless commit() is reached — so an exception
/// anywhere before commit (a crash, as far as the database knows) leaves no trace, not even a
/// used diarienummer.
///
/// SQLite: BEGIN IMMEDIATE, which takes the single writer lock up front (with the busy timeout)
/// and serialises writers across threads and processes sharing the file.
/// PostgreSQL: BEGIN (READ COMMITTED); rows are locked by the statements themselves
/// (UPDATE … RETURNING, SELECT … FOR UPDATE SKIP LOCKED).

#include "diarium/Database.hpp"

namespace inkorg::diarium {

class WriteTransaction {
public:
    WriteTransaction(const Database& database, Poco::Data::Session& session);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    void rollback() noexcept;

    const Database& database_;
    Poco::Data::Session& session_;
    bool open_ = false;
};

} // namespace inkorg::diarium
