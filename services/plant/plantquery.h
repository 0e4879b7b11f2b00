#pragma once

#include "services/base/result.h"
#include "services/plant/plantschema.h"
#include "services/records/recordquery.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <memory>

namespace Station {

// A station registered in the plant database (plant.stations).
struct PlantStation
{
    QString stationId;
    QString line;
    QString description;
};

// The read side of the plant database for the plant views: the same value types as the
// station's RecordQuery (RunFilter with its station and line filters, RunRow with the station ID
// and run UUID, RunDetail, YieldReport with the same definitions), so that the models and pages
// show either. Needs a login that reads every station's rows (a member of plant_quality); a
// station's own delivery login sees only its own rows through row-level security.
// One connection per instance, opened, used and destroyed on one thread (PlantReader's worker).
class PlantQuery final
{
public:
    PlantQuery();
    ~PlantQuery();
    Q_DISABLE_COPY_MOVE(PlantQuery)

    // Connects (blocking: up to the connect timeout) and checks the plant schema is there and
    // understood. The error's detail holds the server's own text.
    [[nodiscard]] Result<void> open(const QString &conninfo);
    void close();
    bool isOpen() const;
    // What kind the last failure was (open or query), for the caller to decide whether to
    // reconnect: after Unreachable the connection is closed and the next open() tries again.
    std::optional<Plant::Failure> lastFailure() const { return m_lastFailure; }

    [[nodiscard]] Result<QList<PlantStation>> stations() const;
    // With atMost > 0 it stops counting after atMost + 1 runs: a result above atMost means
    // "more than atMost" (an exact count of a million runs costs a scan of them all).
    [[nodiscard]] Result<qint64> countRuns(const RunFilter &filter, qint64 atMost = 0) const;
    // Newest first (start time, then run UUID). Deep offsets cost a scan; prefer fetchRunsAfter.
    [[nodiscard]] Result<QList<RunRow>> fetchRuns(
        const RunFilter &filter, qint64 offset, int limit) const;
    // The page after `after` (the last row of the previous page: its start and run UUID).
    [[nodiscard]] Result<QList<RunRow>> fetchRunsAfter(
        const RunFilter &filter, const RunKey &after, int limit) const;
    // InvalidArgument when the plant has no such run. RunInfo::id is the station's run ID and
    // RunStart::station the station's name as it recorded it.
    [[nodiscard]] Result<RunDetail> runDetail(const QString &stationId, const QUuid &runUuid) const;
    // Every run of the device at every station, newest first.
    [[nodiscard]] Result<QList<RunRow>> runsOfDevice(const QString &deviceId) const;
    // The same definitions as RecordQuery::yieldReport: first-pass and final yield per device,
    // production hours as the union of the runs' intervals, the FAIL runs' Pareto.
    [[nodiscard]] Result<YieldReport> yieldReport(const RunFilter &filter) const;

private:
    [[nodiscard]] Result<void> checkOpen() const;
    [[nodiscard]] Result<QList<RunRow>> selectRuns(
        const QString &where, const QVariantList &binds, const QString &tail) const;
    Error errorFrom(const Plant::Problem &problem) const;

    std::unique_ptr<Plant::Connection> m_connection;
    mutable std::optional<Plant::Failure> m_lastFailure;
};

} // namespace Station
