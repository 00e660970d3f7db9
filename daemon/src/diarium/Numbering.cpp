#include "diarium/Numbering.hpp"

#include <inkorg/swedish_time.hpp>

#include <regex>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {

std::string formatDiarienummer(const std::string& pattern, int year, long long seq)
{
    static const std::regex placeholder(R"(\{(year|seq)(?::(\d{1,2}))?\})");
    std::string result;
    auto last = pattern.cbegin();
    for (std::sregex_iterator it(pattern.cbegin(), pattern.cend(), placeholder), end; it != end; ++it) {
        const std::smatch& match = *it;
        result.append(last, match[0].first);
        std::string value = match[1] == "year" ? std::to_string(year) : std::to_string(seq);
        if (match[2].matched) {
            const auto width = static_cast<std::size_t>(std::stoi(match[2].str()));
            if (value.size() < width) value.insert(0, width - value.size(), '0');
        }
        result += value;
        last = match[0].second;
    }
    result.append(last, pattern.cend());
    if (pattern.find("{seq") == std::string::npos)
        throw std::invalid_argument("nummermönstret saknar {seq}: " + pattern);
    return result;
}

int registrationYear(std::chrono::system_clock::time_point instant)
{
    return static_cast<int>(swedish::dayOf(instant).year());
}

long long allocateSequence(const Database& database, Poco::Data::Session& session,
                           const std::string& registerName, int year)
{
    std::string name = registerName;
    Poco::Int64 yearValue = year;
    Poco::Int64 seq = 0;
    session << database.sql("INSERT INTO number_counters (register_name, year, last_seq) VALUES (?, ?, 0)"
                            " ON CONFLICT (register_name, year) DO NOTHING"),
        use(name), use(yearValue), now;
    if (database.dialect() == Dialect::postgresql) {
        session << database.sql("UPDATE number_counters SET last_seq = last_seq + 1"
                                " WHERE register_name = ? AND year = ? RETURNING last_seq"),
            use(name), use(yearValue), into(seq), now;
    } else {
        session << database.sql("UPDATE number_counters SET last_seq = last_seq + 1 WHERE register_name = ? AND year = ?"),
            use(name), use(yearValue), now;
        session << database.sql("SELECT last_seq FROM number_counters WHERE register_name = ? AND year = ?"),
            use(name), use(yearValue), into(seq), now;
    }
    if (seq <= 0) throw std::runtime_error("numreringen gav inget nummer för " + registerName);
    return seq;
}

} // namespace inkorg::diarium
