#pragma once
/// Internal: how the diarium's row types are read from a result set with Poco::Data, so that
/// `into(std::vector<DocumentRow>)` works. Each row type lists its columns once, in the order of
/// the matching SELECT list in the .cpp files (kDocumentColumns etc.).

#include "diarium/Database.hpp"
#include "diarium/DiariumTypes.hpp"

#include <Poco/Data/TypeHandler.h>
#include <Poco/Exception.h>
#include <Poco/Nullable.h>

#include <string>
#include <type_traits>
#include <vector>

namespace inkorg::diarium::rows {

/// Reads consecutive columns starting at `pos`.
struct ColumnExtractor {
    std::size_t pos;
    Poco::Data::AbstractExtractor::Ptr extractor;

    template <class T> void plain(T& value)
    {
        Poco::Data::TypeHandler<T>::extract(pos++, value, T(), extractor);
    }
    void operator()(std::string& value) { plain(value); }
    void operator()(double& value) { plain(value); }
    void operator()(int& value)
    {
        Poco::Int64 wide = 0;
        plain(wide);
        value = static_cast<int>(wide);
    }
    void operator()(long long& value)
    {
        Poco::Int64 wide = 0;
        plain(wide);
        value = wide;
    }
    void operator()(bool& value)
    {
        Poco::Int64 wide = 0;
        plain(wide);
        value = wide != 0;
    }
    void operator()(std::optional<std::string>& value)
    {
        Poco::Nullable<std::string> nullable;
        Poco::Data::TypeHandler<Poco::Nullable<std::string>>::extract(pos++, nullable, {}, extractor);
        value = nullable.isNull() ? std::nullopt : std::optional<std::string>(nullable.value());
    }
    void operator()(std::optional<long long>& value)
    {
        Poco::Nullable<Poco::Int64> nullable;
        Poco::Data::TypeHandler<Poco::Nullable<Poco::Int64>>::extract(pos++, nullable, {}, extractor);
        value = nullable.isNull() ? std::nullopt : std::optional<long long>(nullable.value());
    }
};

/// Declares the column types to a preparator (only some connectors use it).
struct ColumnPreparer {
    std::size_t pos;
    Poco::Data::AbstractPreparator::Ptr preparator;

    template <class T> void plain(const T& value) { Poco::Data::TypeHandler<T>::prepare(pos++, value, preparator); }
    void operator()(const std::string& value) { plain(value); }
    void operator()(const double& value) { plain(value); }
    void operator()(const int&) { plain(Poco::Int64(0)); }
    void operator()(const long long&) { plain(Poco::Int64(0)); }
    void operator()(const bool&) { plain(Poco::Int64(0)); }
    void operator()(const std::optional<std::string>&) { plain(std::string()); }
    void operator()(const std::optional<long long>&) { plain(Poco::Int64(0)); }
};

struct ColumnCounter {
    std::size_t count = 0;
    template <class T> void operator()(const T&) { ++count; }
};

template <class V> void visitColumns(JobRow& r, V& v)
{
    v(r.id); v(r.file.sha256); v(r.file.originalName); v(r.file.source); v(r.file.receivedAt);
    v(r.attempts); v(r.state); v(r.claimedBy); v(r.leaseUntil); v(r.lastError); v(r.documentId);
    v(r.file.arrival);
}
inline constexpr const char* kJobColumns =
    "id, sha256, original_name, source, received_at, attempts, state, COALESCE(claimed_by, ''),"
    " COALESCE(lease_until, ''), COALESCE(last_error, ''), document_id, arrival";

template <class V> void visitColumns(NumberTransferRow& r, V& v)
{
    v(r.id); v(r.register_); v(r.diarienummer); v(r.receivedAt); v(r.documentId); v(r.toRegister);
    v(r.toDiarienummer); v(r.transferredAt); v(r.actor);
}
inline constexpr const char* kNumberTransferColumns =
    "id, register_name, diarienummer, received_at, document_id, to_register, to_diarienummer, transferred_at, actor";

template <class V> void visitColumns(DocumentRow& r, V& v)
{
    v(r.id); v(r.register_); v(r.diarienummer); v(r.receivedAt); v(r.registeredAt); v(r.formId);
    v(r.confidence); v(r.recordJson); v(r.fieldConfidenceJson); v(r.issuesJson); v(r.status);
    v(r.priority); v(r.pages); v(r.sha256); v(r.originalName); v(r.source); v(r.avsandarePublic);
    v(r.avsandareSecret); v(r.beskrivningPublic); v(r.beskrivningSecret); v(r.quarantineReason);
    v(r.discardReason);
}
inline constexpr const char* kDocumentColumns =
    "id, register_name, diarienummer, received_at, COALESCE(registered_at, ''), form_id, confidence,"
    " record_json, field_confidence_json, issues_json, status, priority, pages, sha256, original_name,"
    " source, avsandare_public, avsandare_secret, beskrivning_public, beskrivning_secret,"
    " COALESCE(quarantine_reason, ''), COALESCE(discard_reason, '')";

template <class V> void visitColumns(EventRow& r, V& v)
{
    v(r.id); v(r.documentId); v(r.at); v(r.actor); v(r.kind); v(r.detailJson);
}
inline constexpr const char* kEventColumns = "id, document_id, occurred_at, actor, kind, detail_json";

template <class V> void visitColumns(AuditRow& r, V& v)
{
    v(r.id); v(r.userName); v(r.documentId); v(r.action); v(r.at); v(r.detail);
}
inline constexpr const char* kAuditColumns = "id, user_name, document_id, action, occurred_at, detail";

template <class V> void visitColumns(UserRow& r, V& v)
{
    v(r.id); v(r.name); v(r.role); v(r.unit); v(r.active);
}
inline constexpr const char* kUserColumns = "users.id, users.name, users.role, users.unit, users.active";

template <class V> void visitColumns(DeadlineRow& r, V& v)
{
    v(r.id); v(r.documentId); v(r.kind); v(r.title); v(r.due); v(r.done); v(r.doneAt); v(r.doneBy);
}
inline constexpr const char* kDeadlineColumns =
    "id, document_id, kind, title, due_date, done, COALESCE(done_at, ''), COALESCE(done_by, '')";

template <class V> void visitColumns(DecisionRow& r, V& v)
{
    v(r.id); v(r.documentId); v(r.beslut); v(r.belopp); v(r.period); v(r.posterJson); v(r.motivering);
    v(r.lagrum); v(r.beslutsfattare); v(r.roll); v(r.date); v(r.supersedes); v(r.createdAt); v(r.createdBy);
}
inline constexpr const char* kDecisionColumns =
    "id, document_id, beslut, belopp, period, poster_json, motivering, lagrum, beslutsfattare, roll,"
    " decided_on, supersedes_id, created_at, created_by";

template <class V> void visitColumns(VerkstallighetRow& r, V& v)
{
    v(r.decisionId); v(r.verkstalldOn); v(r.insats); v(r.drojsmalSkal); v(r.updatedAt); v(r.updatedBy);
}
inline constexpr const char* kVerkstallighetColumns =
    "decision_id, verkstalld_on, insats, drojsmal_skal, updated_at, updated_by";

template <class V> void visitColumns(ExpedieringRow& r, V& v)
{
    v(r.documentId); v(r.decisionId); v(r.expedieradOn); v(r.satt); v(r.createdAt); v(r.createdBy);
}
inline constexpr const char* kExpedieringColumns = "document_id, decision_id, expedierad_on, satt, created_at, created_by";

template <class V> void visitColumns(NodeRow& r, V& v)
{
    v(r.nodeId); v(r.lastHeartbeat); v(r.jobsInHand);
}
inline constexpr const char* kNodeColumns = "node_id, last_heartbeat, jobs_in_hand";

/// Poco::Data::TypeHandler for a row type with visitColumns(); read-only.
template <class Row> class RowTypeHandler {
public:
    static std::size_t size()
    {
        Row row;
        ColumnCounter counter;
        visitColumns(row, counter);
        return counter.count;
    }
    static void extract(std::size_t pos, Row& row, const Row&, Poco::Data::AbstractExtractor::Ptr extractor)
    {
        ColumnExtractor columns{pos, extractor};
        visitColumns(row, columns);
    }
    static void prepare(std::size_t pos, const Row& row, Poco::Data::AbstractPreparator::Ptr preparator)
    {
        Row copy = row;
        ColumnPreparer columns{pos, preparator};
        visitColumns(copy, columns);
    }
    static void bind(std::size_t, const Row&, Poco::Data::AbstractBinder::Ptr, Poco::Data::AbstractBinder::Direction)
    {
        throw Poco::NotImplementedException("diarium rows are read, not bound");
    }
};

} // namespace inkorg::diarium::rows

namespace Poco::Data {
template <> class TypeHandler<inkorg::diarium::JobRow> : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::JobRow> {};
template <> class TypeHandler<inkorg::diarium::DocumentRow> : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::DocumentRow> {};
template <> class TypeHandler<inkorg::diarium::EventRow> : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::EventRow> {};
template <> class TypeHandler<inkorg::diarium::AuditRow> : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::AuditRow> {};
template <> class TypeHandler<inkorg::diarium::UserRow> : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::UserRow> {};
template <> class TypeHandler<inkorg::diarium::DeadlineRow> : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::DeadlineRow> {};
template <> class TypeHandler<inkorg::diarium::DecisionRow> : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::DecisionRow> {};
template <> class TypeHandler<inkorg::diarium::NumberTransferRow> : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::NumberTransferRow> {};
template <> class TypeHandler<inkorg::diarium::VerkstallighetRow> : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::VerkstallighetRow> {};
template <> class TypeHandler<inkorg::diarium::ExpedieringRow> : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::ExpedieringRow> {};
template <> class TypeHandler<inkorg::diarium::NodeRow> : public inkorg::diarium::rows::RowTypeHandler<inkorg::diarium::NodeRow> {};
} // namespace Poco::Data

namespace inkorg::diarium::rows {

/// The rows of `SELECT <columns> <rest>`, where `rest` has one `?` bound to `parameter`
/// (an integer or a string).
template <class Row, class Parameter>
std::vector<Row> select(Database& database, const char* columns, const std::string& rest, const Parameter& parameter)
{
    using Bound = std::conditional_t<std::is_integral_v<Parameter>, Poco::Int64, std::string>;
    Bound value = parameter;
    Poco::Data::Session session = database.session();
    std::vector<Row> rows;
    session << database.sql(std::string("SELECT ") + columns + rest), Poco::Data::Keywords::use(value),
        Poco::Data::Keywords::into(rows), Poco::Data::Keywords::now;
    return rows;
}

} // namespace inkorg::diarium::rows
