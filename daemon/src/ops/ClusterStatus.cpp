#include "ops/ClusterStatus.hpp"

#include "diarium/DiariumTypes.hpp"

#include <Poco/Data/Session.h>

#include <cstdio>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::ops {

namespace {

double secondsBetween(std::chrono::system_clock::time_point earlier, std::chrono::system_clock::time_point later)
{
    return std::chrono::duration<double>(later - earlier).count();
}

std::map<std::string, long long> countsBy(diarium::Database& database, const std::string& column,
                                          const std::string& table)
{
    Poco::Data::Session session = database.session();
    std::vector<std::string> keys;
    std::vector<Poco::Int64> counts;
    session << "SELECT " + column + ", COUNT(*) FROM " + table + " GROUP BY " + column, into(keys), into(counts), now;
    std::map<std::string, long long> result;
    for (std::size_t i = 0; i < keys.size() && i < counts.size(); ++i) result[keys[i]] = counts[i];
    return result;
}

std::optional<WaitingDocument> oldestWaiting(diarium::Database& database, std::chrono::system_clock::time_point at)
{
    Poco::Data::Session session = database.session();
    std::vector<Poco::Int64> ids;
    std::vector<std::string> names, queuedAt, claimedBy;
    session << "SELECT id, original_name, created_at, COALESCE(claimed_by, '') FROM jobs"
               " WHERE state IN ('pending', 'claimed') ORDER BY created_at, id LIMIT 1",
        into(ids), into(names), into(queuedAt), into(claimedBy), now;
    if (ids.empty()) return std::nullopt;
    WaitingDocument waiting{ids[0], names[0], queuedAt[0], claimedBy[0], 0};
    waiting.secondsWaiting = std::max(0.0, secondsBetween(parseIsoUtc(waiting.queuedAt), at));
    return waiting;
}

} // namespace

std::chrono::system_clock::time_point parseIsoUtc(const std::string& text)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0;
    char zone = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d%c", &year, &month, &day, &hour, &minute, &second,
                    &millisecond, &zone) != 8 || zone != 'Z')
        throw std::invalid_argument("not an ISO 8601 UTC time: " + text.substr(0, 40));
    const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(unsigned(month)),
                                           std::chrono::day(unsigned(day))};
    if (!date.ok()) throw std::invalid_argument("not a calendar date: " + text.substr(0, 40));
    return std::chrono::sys_days(date) + std::chrono::hours(hour) + std::chrono::minutes(minute) +
           std::chrono::seconds(second) + std::chrono::milliseconds(millisecond);
}

ClusterStatus clusterStatus(diarium::Database& database, diarium::Diarium& diarium, std::chrono::seconds aliveWithin,
                            std::chrono::system_clock::time_point at)
{
    ClusterStatus status;
    status.aliveWithin = aliveWithin;
    const auto jobStates = countsBy(database, "state", "jobs");
    if (auto found = jobStates.find("pending"); found != jobStates.end()) status.queueDepth = found->second;
    if (auto found = jobStates.find("claimed"); found != jobStates.end()) status.jobsClaimed = found->second;

    const auto claimedByNode = [&] {
        Poco::Data::Session session = database.session();
        std::vector<std::string> nodes;
        std::vector<Poco::Int64> counts;
        session << "SELECT claimed_by, COUNT(*) FROM jobs WHERE state = 'claimed' GROUP BY claimed_by", into(nodes),
            into(counts), now;
        std::map<std::string, long long> result;
        for (std::size_t i = 0; i < nodes.size() && i < counts.size(); ++i) result[nodes[i]] = counts[i];
        return result;
    }();
    for (const auto& row : diarium.nodes()) {
        NodeState node;
        node.nodeId = row.nodeId;
        node.lastHeartbeat = row.lastHeartbeat;
        node.jobsInHand = row.jobsInHand;
        node.secondsSinceHeartbeat = std::max(0.0, secondsBetween(parseIsoUtc(row.lastHeartbeat), at));
        node.alive = node.secondsSinceHeartbeat <= std::chrono::duration<double>(aliveWithin).count();
        if (auto found = claimedByNode.find(row.nodeId); found != claimedByNode.end()) node.jobsClaimed = found->second;
        status.nodes.push_back(node);
    }
    status.oldestWaiting = oldestWaiting(database, at);

    for (const char* known : {diarium::kRegistered, diarium::kNeedsReview, diarium::kUnclassified,
                              diarium::kQuarantined, diarium::kDiscarded})
        status.documentsByStatus[known] = 0;
    for (const auto& [state, count] : countsBy(database, "status", "documents")) status.documentsByStatus[state] = count;
    return status;
}

} // namespace inkorg::ops
