#pragma once
/// What the audit keeps of a search by a person: never a personnummer in clear. The text searched
/// for is kept masked ("19121212-****"), and the personnummer in it as a keyed hash
/// (HMAC-SHA256 of its last ten digits), so that the loggkontroll can find every search for one
/// person without the database ever holding the number. The key is 256 random bits in a file
/// only the daemon's user can read, beside the originals (shared by all nodes, like the store)
/// and never in the database: a stolen database alone cannot be searched for a number.
///
///     AuditKey key(settings.storeDir() / "audit-key");      // made on first use
///     entry.detail = maskedSearch(q);  entry.personKey = key.keyOf(q);

#include <filesystem>
#include <string>
#include <string_view>

namespace inkorg::diarium {

class AuditKey {
public:
    /// Reads the key at `path`, or creates it there (PrivateFile). Throws std::system_error.
    explicit AuditKey(const std::filesystem::path& path);

    /// The keyed hash of the first whole personnummer (10 or 12 digits, with or without '-' or
    /// '+') in `text`, as hex; empty when `text` holds none. The same person gives the same key
    /// whether written "19121212-1212", "191212121212" or "121212-1212".
    std::string keyOf(std::string_view text) const;

private:
    std::string key_;
};

/// `text` with every personnummer masked (inkorg::swedish::maskPersonnummer), and parts of one
/// too: nine or more digits in a row keep their first six ("121212121" → "121212***"), six or
/// eight digits with a '-' or '+' lose what follows it ("121212-12" → "121212-**").
std::string maskedSearch(std::string_view text);

} // namespace inkorg::diarium
