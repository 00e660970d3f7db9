#pragma once
/// Diarienummer: one gap-free sequence per register and year, allocated inside the registering
/// transaction from a counter row that the transaction locks (PostgreSQL: UPDATE … RETURNING on
/// the row; SQLite: the writer lock of BEGIN IMMEDIATE). A rolled-back registration therefore
/// uses no number, and concurrent registrations on any number of nodes get distinct numbers in
/// the order they commit.

#include "diarium/Database.hpp"
#include "diarium/DiariumTypes.hpp"

#include <string>

namespace inkorg::diarium {

/// Applies `pattern` ("SN {year}/{seq}", "{seq:4}" pads) to a year and sequence number.
std::string formatDiarienummer(const std::string& pattern, int year, long long seq);

/// The Swedish calendar year of an instant (the year of swedish::dayOf).
int registrationYear(std::chrono::system_clock::time_point instant);

/// The next sequence number of `registerName` in `year`. Must be called inside a
/// WriteTransaction on `session`; the number is used only if that transaction commits.
long long allocateSequence(const Database& database, Poco::Data::Session& session,
                           const std::string& registerName, int year);

} // namespace inkorg::diarium
