#pragma once

#include "services/plant/plantschema.h"
#include "services/records/analytics.h"

#include <QDateTime>
#include <QString>

// The quality analytics of services/records/analytics.h over the plant database: every
// station's delivered runs, filterable by station and line, with yield by station as well.
// Each function runs on the calling thread; the read* ones open and close their own connection
// there (the analytics page calls them on a pool thread).
namespace Station::Plant {

// Which delivered runs count. Empty fields do not filter.
struct AnalyticsFilter
{
    QDateTime from; // run start >= from; invalid = no lower bound
    QDateTime to;   // run start < to; invalid = no upper bound
    QString stationId;
    QString line;
};

// The report over `filter` on an open plant connection (a quality or owner login).
[[nodiscard]] PlantResult<AnalyticsReport> analyticsReport(
    QSqlDatabase &db, const AnalyticsFilter &filter);
// Connects with `conninfo`, checks that the plant schema is there and understood, and reads the
// report.
[[nodiscard]] PlantResult<AnalyticsReport> readAnalytics(
    const QString &conninfo, const AnalyticsFilter &filter);
// Connects with `conninfo` and checks the plant schema: whether the plant can be read at all.
[[nodiscard]] PlantResult<void> checkReadable(const QString &conninfo);

} // namespace Station::Plant
