#include "diarium/Database.hpp"

#include "config/MaskedUrl.hpp"

#include "diarium/Migrations.hpp"
#include "diarium/WriteTransaction.hpp"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/URI.h>

#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";
constexpr int kMigrationLockKey = 7274621;   // pg_advisory_lock key: "inkorg migrations"
constexpr int kSqliteBusyTimeoutMs = 60000;    // how long a writer waits for another (PRAGMA busy_timeout)

void registerConnectors()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

std::string postgresConnectionString(const std::string& url)
{
    const Poco::URI uri(url);
    std::string database = uri.getPath();
    if (!database.empty() && database.front() == '/') database.erase(0, 1);
    if (uri.getHost().empty() || database.empty())
        throw std::invalid_argument("PostgreSQL-URL saknar värd eller databas: postgresql://user@host:port/db");
    std::string user, password;
    const std::string userInfo = uri.getUserInfo();
    if (const auto colon = userInfo.find(':'); colon == std::string::npos) user = userInfo;
    else { user = userInfo.substr(0, colon); password = userInfo.substr(colon + 1); }

    std::string result;
    auto add = [&](const std::string& key, const std::string& value) {
        if (value.empty()) return;
        if (value.find_first_of(" '\\") != std::string::npos)
            throw std::invalid_argument("PostgreSQL-URL: blanksteg och citattecken stöds inte i " + key);
        result += key + "=" + value + " ";
    };
    add("host", uri.getHost());
    add("port", uri.getPort() ? std::to_string(uri.getPort()) : "");
    add("dbname", database);
    add("user", user);
    add("password", password);
    // libpq's TLS (and a few other) parameters pass through from the URL's query, e.g.
    // ?sslmode=verify-full&sslrootcert=/etc/inkorg/pg-ca.pem; anything else is refused, not dropped.
    static const std::set<std::string> passed = {"sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl",
                                                 "sslpassword", "connect_timeout", "application_name"};
    static const std::set<std::string> sslModes = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"};
    for (const auto& [key, value] : uri.getQueryParameters()) {
        if (!passed.contains(key))
            throw std::invalid_argument("PostgreSQL-URL: okänd parameter " + key + " (kända: sslmode, sslrootcert, sslcert, "
                                        "sslkey, sslcrl, sslpassword, connect_timeout, application_name)");
        if (key == "sslmode" && !sslModes.contains(value))
            throw std::invalid_argument("PostgreSQL-URL: sslmode ska vara disable, allow, prefer, require, verify-ca "
                                        "eller verify-full, inte " + value);
        add(key, value);
    }
    return result;
}

} // namespace

std::string toNumberedPlaceholders(const std::string& portableSql)
{
    std::string out;
    out.reserve(portableSql.size() + 16);
    int next = 1;
    bool inLiteral = false;
    for (const char c : portableSql) {
        if (c == '\'') inLiteral = !inLiteral;
        if (c == '?' && !inLiteral) out += "$" + std::to_string(next++);
        else out += c;
    }
    return out;
}

namespace {

/// Puts the SQLite file in WAL mode (kept in the file). Several nodes opening a new diarium at
/// once each ask for it; one that finds another switching it is told "database is locked" at once
/// (SQLite calls no busy handler when a read lock would be raised to the exclusive lock the switch
/// needs), so it asks again, briefly, until the file is switched — for at most the busy timeout.
void switchToWal(Poco::Data::Session& session)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kSqliteBusyTimeoutMs);
    for (;;) {
        try {
            std::string mode;
            session << "PRAGMA journal_mode=WAL", into(mode), now;
            return;
        } catch (const Poco::Data::SQLite::DBLockedException&) {
            if (std::chrono::steady_clock::now() >= deadline) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
}

} // namespace

Database::Database(const std::string& url) : displayUrl_(config::maskUrlPassword(url))
{
    registerConnectors();
    if (url.rfind(kSqlitePrefix, 0) == 0) {
        const std::string path = url.substr(kSqlitePrefix.size());
        if (path.empty()) throw std::invalid_argument("SQLite-URL saknar sökväg: sqlite:/path/inkorg.db");
        dialect_ = Dialect::sqlite;
        pool_ = std::make_unique<Poco::Data::SessionPool>(Poco::Data::SQLite::Connector::KEY, path, 1, 32, 120);
        Poco::Data::Session first = session();
        switchToWal(first);
    } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        dialect_ = Dialect::postgresql;
        pool_ = std::make_unique<Poco::Data::SessionPool>(Poco::Data::PostgreSQL::Connector::KEY,
                                                          postgresConnectionString(url), 1, 32, 120);
    } else {
        throw std::invalid_argument("okänd databas-URL (sqlite:/sökväg eller postgresql://…): " + displayUrl_);
    }
}

Database::~Database()
{
    pool_->shutdown();
}

Poco::Data::Session Database::session()
{
    Poco::Data::Session s = pool_->get();
    if (dialect_ == Dialect::sqlite) {
        s << "PRAGMA busy_timeout=" + std::to_string(kSqliteBusyTimeoutMs), now;
        s << "PRAGMA foreign_keys=ON", now;
        s << "PRAGMA synchronous=FULL", now;
    }
    return s;
}

std::string Database::sql(const std::string& portableSql) const
{
    return dialect_ == Dialect::postgresql ? toNumberedPlaceholders(portableSql) : portableSql;
}

long long Database::lastInsertId(Poco::Data::Session& session) const
{
    Poco::Int64 id = 0;
    session << (dialect_ == Dialect::sqlite ? "SELECT last_insert_rowid()" : "SELECT lastval()"), into(id), now;
    return id;
}

std::string Database::jsonMember(const std::string& column, const std::string& key) const
{
    if (dialect_ == Dialect::sqlite) return "json_extract(" + column + ", '$." + key + "')";
    return "((" + column + ")::json ->> '" + key + "')";
}

std::string Database::displayUrl() const { return displayUrl_; }

int Database::schemaVersion()
{
    Poco::Data::Session s = session();
    s << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", now;
    Poco::Int64 version = 0;
    s << "SELECT COALESCE(MAX(version), 0) FROM schema_version", into(version), now;
    return static_cast<int>(version);
}

void Database::migrate()
{
    Poco::Data::Session s = session();
    const bool postgres = dialect_ == Dialect::postgresql;
    if (postgres) s << "SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")", now;
    // SQLite changes foreign_keys only outside a transaction; on again below, as every session has it.
    if (!postgres) s << "PRAGMA foreign_keys=OFF", now;
    try {
        s << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", now;
        for (const Migration& migration : migrations()) {
            WriteTransaction transaction(*this, s);
            Poco::Int64 applied = 0;
            Poco::Int64 version = migration.version;
            s << sql("SELECT COUNT(*) FROM schema_version WHERE version = ?"), use(version), into(applied), now;
            if (applied != 0) continue;
            for (const std::string& statement : migration.statementsFor(dialect_)) s << statement, now;
            if (!postgres) {
                // Foreign keys are off while SQLite migrates (a table rebuilt, SQLite's way): checked here.
                std::vector<std::string> broken;
                s << "SELECT \"table\" FROM pragma_foreign_key_check", into(broken), now;
                if (!broken.empty())
                    throw std::runtime_error("migration " + std::to_string(migration.version) +
                                             " broke a foreign key in " + broken.front());
            }
            s << sql("INSERT INTO schema_version (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)"), use(version), now;
            transaction.commit();
        }
    } catch (...) {
        if (postgres) s << "SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")", now;
        else s << "PRAGMA foreign_keys=ON", now;
        throw;
    }
    if (postgres) s << "SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")", now;
    else s << "PRAGMA foreign_keys=ON", now;
}

} // namespace inkorg::diarium
