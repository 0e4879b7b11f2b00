#include "services/plant/planthandoff.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

using namespace Qt::Literals::StringLiterals;

namespace Station::Plant {

namespace {

// Migration 2 added plant.runs.product_name and device_group_name.
constexpr int FirstVersionWithCloudNames = 2;

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

PlantResult<HandoffReport> collectHandoff(QSqlDatabase &db, const HandoffScope &scope)
{
    PlantResult<int> version = serverVersion(db);
    if (!version)
        return tl::make_unexpected(version.error());
    if (*version == 0) {
        return tl::make_unexpected(Problem {Failure::NotInitialized,
            u"This database has no plant schema: run `sphere-station plant init` first."_s,
            {}});
    }
    if (PlantResult<void> understood = checkUnderstood(*version); !understood)
        return tl::make_unexpected(understood.error());
    if (*version < FirstVersionWithCloudNames) {
        return tl::make_unexpected(Problem {Failure::Database,
            u"The plant schema is version %1, which has no product or device group; the hand-off "
            "needs version %2: run `sphere-station plant migrate`."_s.arg(*version)
                .arg(FirstVersionWithCloudNames),
            {}});
    }

    QStringList conditions {u"r.outcome = 'PASS'"_s, u"r.device_id <> ''"_s};
    QVariantList binds;
    if (scope.from.isValid()) {
        conditions << u"r.started_utc >= ?::timestamptz"_s;
        binds << timeText(scope.from);
    }
    if (scope.to.isValid()) {
        conditions << u"r.started_utc < ?::timestamptz"_s;
        binds << timeText(scope.to);
    }
    if (!scope.stationId.isEmpty()) {
        conditions << u"r.station_id = ?"_s;
        binds << scope.stationId;
    }
    if (!scope.line.isEmpty()) {
        conditions << u"r.station_id IN (SELECT station_id FROM plant.stations WHERE line = ?)"_s;
        binds << scope.line;
    }
    // The finalize step's data is the station's step data as JSON (FinalizeStep records the
    // state it read back as "manufacturingState"); only DeviceComplete is final.
    conditions << uR"(EXISTS (SELECT 1 FROM plant.steps s
            WHERE s.station_id = r.station_id AND s.run_uuid = r.run_uuid
                AND s.type = 'finalize' AND s.outcome = 'PASS'
                AND s.data::jsonb ->> 'manufacturingState' = 'DeviceComplete'))"_s;
    const QString sql = u"SELECT r.device_id, r.product_name, r.device_group_name "
                        "FROM plant.runs r WHERE "_s
        + conditions.join(u" AND "_s)
        + u" ORDER BY r.started_utc DESC, r.finished_utc DESC NULLS LAST, r.station_id, "
          "r.run_uuid"_s;

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return tl::make_unexpected(problemFrom(query.lastError(), u"read the finalized runs"_s));
    for (const QVariant &bind : std::as_const(binds))
        query.addBindValue(bind);
    if (!query.exec())
        return tl::make_unexpected(problemFrom(query.lastError(), u"read the finalized runs"_s));
    QList<HandoffDevice> runs;
    while (query.next()) {
        runs.append(HandoffDevice {
            query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    }
    return handoffFromNewestFirst(runs);
}

} // namespace Station::Plant
