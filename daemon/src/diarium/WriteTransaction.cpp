#include "diarium/WriteTransaction.hpp"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {

WriteTransaction::WriteTransaction(const Database& database, Poco::Data::Session& session)
    : database_(database), session_(session)
{
    if (database_.dialect() == Dialect::sqlite) session_ << "BEGIN IMMEDIATE", now;
    else session_.begin();
    open_ = true;
}

WriteTransaction::~WriteTransaction()
{
    if (open_) rollback();
}

void WriteTransaction::commit(Durability durability)
{
    if (database_.dialect() == Dialect::sqlite) {
        session_ << "COMMIT", now;
    } else {
        if (durability == Durability::relaxed) session_ << "SET LOCAL synchronous_commit = off", now;
        session_.commit();
    }
    open_ = false;
}

void WriteTransaction::rollback() noexcept
{
    open_ = false;
    try {
        if (database_.dialect() == Dialect::sqlite) session_ << "ROLLBACK", now;
        else session_.rollback();
    } catch (const Poco::Exception& e) {
        Poco::Logger::get("inkorg.diarium").error("rollback failed: " + e.displayText());
    } catch (const std::exception& e) {
        Poco::Logger::get("inkorg.diarium").error(std::string("rollback failed: ") + e.what());
    }
}

} // namespace inkorg::diarium
