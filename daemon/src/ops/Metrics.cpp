#include "ops/Metrics.hpp"

#include <iomanip>
#include <sstream>

namespace inkorg::ops {

namespace {

/// A label value with \ " and newline escaped, as the format requires.
std::string labelValue(const std::string& text)
{
    std::string escaped;
    for (const char c : text) {
        if (c == '\\') escaped += "\\\\";
        else if (c == '"') escaped += "\\\"";
        else if (c == '\n') escaped += "\\n";
        else escaped += c;
    }
    return escaped;
}

class Exposition {
public:
    Exposition() { out_ << std::setprecision(15); }

    void family(const std::string& name, const std::string& type, const std::string& help)
    {
        out_ << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n";
    }
    void sample(const std::string& name, double value) { out_ << name << " " << value << "\n"; }
    void sample(const std::string& name, const std::string& label, const std::string& labelText, double value)
    {
        out_ << name << "{" << label << "=\"" << labelValue(labelText) << "\"} " << value << "\n";
    }
    std::string text() const { return out_.str(); }

private:
    std::ostringstream out_;
};

} // namespace

std::string prometheusText(const ClusterStatus& status)
{
    Exposition metrics;
    metrics.family("inkorg_queue_depth", "gauge", "Jobs waiting for a node to take them.");
    metrics.sample("inkorg_queue_depth", static_cast<double>(status.queueDepth));
    metrics.family("inkorg_jobs_claimed", "gauge", "Jobs a node has taken and not yet finished.");
    metrics.sample("inkorg_jobs_claimed", static_cast<double>(status.jobsClaimed));
    metrics.family("inkorg_oldest_waiting_seconds", "gauge",
                   "Seconds the oldest document not yet registered or quarantined has been queued (0 when none).");
    metrics.sample("inkorg_oldest_waiting_seconds", status.oldestWaiting ? status.oldestWaiting->secondsWaiting : 0.0);

    const std::string window = std::to_string(status.aliveWithin.count());
    metrics.family("inkorg_node_alive", "gauge", "1 when the node's last heartbeat is at most " + window + " s old.");
    for (const auto& node : status.nodes) metrics.sample("inkorg_node_alive", "node", node.nodeId, node.alive ? 1 : 0);
    metrics.family("inkorg_node_jobs_in_hand", "gauge", "Documents the node was processing at its last heartbeat.");
    for (const auto& node : status.nodes)
        metrics.sample("inkorg_node_jobs_in_hand", "node", node.nodeId, node.jobsInHand);
    metrics.family("inkorg_node_heartbeat_age_seconds", "gauge", "Seconds since the node's last heartbeat.");
    for (const auto& node : status.nodes)
        metrics.sample("inkorg_node_heartbeat_age_seconds", "node", node.nodeId, node.secondsSinceHeartbeat);

    metrics.family("inkorg_documents_total", "gauge", "Documents in the diarium by status.");
    for (const auto& [statusName, count] : status.documentsByStatus)
        metrics.sample("inkorg_documents_total", "status", statusName, static_cast<double>(count));
    return metrics.text();
}

std::string prometheusMetrics(pipeline::Services& services)
{
    return prometheusText(clusterStatus(services.database(), services.diarium()));
}

} // namespace inkorg::ops
