#include "services/records/handoff.h"

#include "services/base/tr.h"
#include "services/records/recordquery.h"
#include "services/records/recordschema.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// Records before v5 have no product or device group: their devices are all "without names".
constexpr int FirstVersionWithCloudNames = 5;

Result<QList<HandoffDevice>> readRuns(QSqlDatabase &db, const TimeRange &range)
{
    Result<int> version = RecordSql::userVersion(db);
    if (!version)
        return fail(version.error());
    const bool hasNames = *version >= FirstVersionWithCloudNames;

    RunFilter filter;
    filter.from = range.from;
    filter.to = range.to;
    filter.outcomes = {RunOutcome::Pass};
    const FilterSql where = runFilterSql(filter);
    // The finalize step records the state it read back after the update (FinalizeStep's
    // "manufacturingState"): only DeviceComplete is final; Module1Complete is not shipped.
    const QString sql = u"SELECT r.device_id, %1 FROM runs r"_s.arg(
                            hasNames ? u"r.product_name, r.device_group_name"_s : u"'', ''"_s)
        + where.where + uR"( AND r.device_id <> '' AND EXISTS (SELECT 1 FROM steps s
            WHERE s.run_id = r.id AND s.type = 'finalize' AND s.outcome = 'PASS'
                AND json_extract(s.data, '$.manufacturingState') = 'DeviceComplete')
            ORDER BY r.started_utc DESC, r.id DESC)"_s;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (auto ok = RecordSql::exec(query, sql, where.binds, u"read the finalized runs"_s); !ok)
        return fail(ok.error());
    QList<HandoffDevice> runs;
    while (query.next()) {
        runs.append(HandoffDevice {
            query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    }
    return runs;
}

} // namespace

Result<HandoffReport> collectHandoff(const QString &recordPath, const TimeRange &range)
{
    Result<QSqlDatabase> db = RecordSql::openConnection(recordPath,
        RecordSql::uniqueConnectionName(u"station-record-handoff"_s),
        RecordSql::Access::ReadOnly);
    if (!db)
        return fail(db.error());
    Result<QList<HandoffDevice>> runs = readRuns(*db, range);
    RecordSql::closeConnection(*db);
    if (!runs)
        return fail(runs.error());
    return handoffFromNewestFirst(*runs);
}

Result<HandoffReport> exportHandoff(
    const QString &recordPath, const TimeRange &range, const QString &outPath)
{
    Result<HandoffReport> report = collectHandoff(recordPath, range);
    if (!report)
        return report;
    if (Result<void> written = writeHandoffFile(outPath, report->devices); !written)
        return fail(written.error());
    return report;
}

} // namespace Station
