#pragma once
/// The cluster status in the Prometheus text exposition format (version 0.0.4), for
/// GET /api/metrics. Every node sharing the diarium reports the same numbers, so scraping any
/// one node (or all of them, deduplicated) gives the whole picture:
///
///     inkorg_queue_depth                      pending jobs
///     inkorg_jobs_claimed                     jobs some node holds
///     inkorg_oldest_waiting_seconds           age of the oldest unfinished document (0: none)
///     inkorg_node_alive{node="…"}             1 while the heartbeat is fresh, else 0
///     inkorg_node_jobs_in_hand{node="…"}      as of the node's last heartbeat
///     inkorg_node_heartbeat_age_seconds{node="…"}
///     inkorg_documents_total{status="…"}      documents in the diarium by status

#include "ops/ClusterStatus.hpp"
#include "pipeline/Services.hpp"

#include <string>

namespace inkorg::ops {

/// Reads the status now and renders it. Throws what the database throws.
std::string prometheusMetrics(pipeline::Services& services);

/// Renders a status already read.
std::string prometheusText(const ClusterStatus& status);

/// Content-Type of the text.
inline constexpr const char* kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

} // namespace inkorg::ops
