#include "services/plant/plantanalytics.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station::Plant {

namespace {

// The runs of a filter: runs r joined to their station st (for the line).
struct PlantWhere
{
    QString where;
    QVariantList binds;
};

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

PlantWhere whereOf(const AnalyticsFilter &filter)
{
    QStringList conditions;
    PlantWhere sql;
    if (filter.from.isValid()) {
        conditions << u"r.started_utc >= ?::timestamptz"_s;
        sql.binds << timeText(filter.from);
    }
    if (filter.to.isValid()) {
        conditions << u"r.started_utc < ?::timestamptz"_s;
        sql.binds << timeText(filter.to);
    }
    if (!filter.stationId.isEmpty()) {
        conditions << u"r.station_id = ?"_s;
        sql.binds << filter.stationId;
    }
    if (!filter.line.isEmpty()) {
        conditions << u"st.line = ?"_s;
        sql.binds << filter.line;
    }
    if (!conditions.isEmpty())
        sql.where = u" WHERE "_s + conditions.join(u" AND "_s);
    return sql;
}

QString andWhere(const QString &where, const QString &condition)
{
    if (where.isEmpty())
        return u" WHERE "_s + condition;
    return where + u" AND "_s + condition;
}

constexpr char16_t RunsOfStations[]
    = u" FROM plant.runs r JOIN plant.stations st ON st.station_id = r.station_id";
// PostgreSQL stores NaN as a number; the record's "not a number" is NULL. Both count as NaN.
constexpr char16_t Value[] = u"nullif(m.value, 'NaN'::float8)";

PlantResult<QSqlQuery> run(
    QSqlDatabase &db, const QString &sql, const QVariantList &binds, const QString &what)
{
    // Not forward-only: QPSQL would then fetch row by row (single-row mode) and warn when the
    // next statement starts before the last row was read. The results here are aggregates.
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return tl::make_unexpected(problemFrom(query.lastError(), what));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return tl::make_unexpected(problemFrom(query.lastError(), what));
    return query;
}

std::optional<double> optionalReal(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

PlantResult<void> readMeasurements(QSqlDatabase &db, const PlantWhere &sql, AnalyticsReport &report)
{
    const QString what = u"compute measurement statistics"_s;
    const QString value = QString::fromUtf16(Value);
    const QString from = u" FROM plant.measurements m JOIN plant.runs r ON r.station_id = "
                         "m.station_id AND r.run_uuid = m.run_uuid JOIN plant.stations st ON "
                         "st.station_id = r.station_id"_s;
    PlantResult<QSqlQuery> query = run(db,
        uR"(SELECT m.name, m.unit, count(%1), count(*) - count(%1),
                   count(*) FILTER (WHERE NOT m.pass), avg(%1), min(%1), max(%1),
                   max(m.low), min(m.low), count(m.low), min(m.high), max(m.high), count(m.high),
                   count(*))"_s.arg(value)
            + from + sql.where + u" GROUP BY m.name, m.unit ORDER BY m.name, m.unit"_s,
        sql.binds,
        what);
    if (!query)
        return tl::make_unexpected(query.error());
    QHash<QPair<QString, QString>, qsizetype> index;
    while (query->next()) {
        MeasurementStats stats;
        stats.name = query->value(0).toString();
        stats.unit = query->value(1).toString();
        stats.count = query->value(2).toInt();
        stats.notANumber = query->value(3).toInt();
        stats.failed = query->value(4).toInt();
        stats.mean = query->value(5).toDouble();
        stats.min = query->value(6).toDouble();
        stats.max = query->value(7).toDouble();
        const int rows = query->value(14).toInt();
        const int lows = query->value(10).toInt();
        const int highs = query->value(13).toInt();
        stats.lsl = optionalReal(query->value(8));
        stats.usl = optionalReal(query->value(11));
        stats.limitsVary = (lows > 0 && (lows < rows || query->value(8) != query->value(9)))
            || (highs > 0 && (highs < rows || query->value(11) != query->value(12)));
        stats.bins = QList<int>(HistogramBins, 0);
        index.insert({stats.name, stats.unit}, report.measurements.size());
        report.measurements << stats;
    }
    query->finish();

    query = run(db,
        u"WITH sel AS (SELECT m.name, m.unit, %1 AS value"_s.arg(value) + from
            + andWhere(sql.where, value + u" IS NOT NULL"_s)
            + uR"(),
                 agg AS (SELECT name, unit, avg(value) AS mean, min(value) AS lo, max(value) AS hi
                         FROM sel GROUP BY name, unit)
            SELECT sel.name, sel.unit,
                   CASE WHEN agg.hi > agg.lo
                        THEN least(%1, floor((sel.value - agg.lo) * %2 / (agg.hi - agg.lo))::int)
                        ELSE 0 END AS bin,
                   count(*), sum((sel.value - agg.mean) * (sel.value - agg.mean))
            FROM sel JOIN agg ON agg.name = sel.name AND agg.unit = sel.unit
            GROUP BY sel.name, sel.unit, bin)"_s.arg(HistogramBins - 1)
                  .arg(HistogramBins),
        sql.binds,
        what);
    if (!query)
        return tl::make_unexpected(query.error());
    QList<double> squares(report.measurements.size(), 0.0);
    while (query->next()) {
        const qsizetype i
            = index.value({query->value(0).toString(), query->value(1).toString()}, -1);
        if (i < 0)
            continue;
        const int bin = std::clamp(query->value(2).toInt(), 0, HistogramBins - 1);
        report.measurements[i].bins[bin] += query->value(3).toInt();
        squares[i] += query->value(4).toDouble();
    }
    for (qsizetype i = 0; i < report.measurements.size(); ++i)
        Analytics::finishMeasurement(report.measurements[i], squares.at(i));
    return {};
}

// Yield by `key` with `label`: SQL expressions over runs r and stations st. The first and the
// latest run of a device in the group are the first and last outcome in start order.
PlantResult<QList<GroupYield>> readGroups(
    QSqlDatabase &db, const PlantWhere &sql, const QString &key, const QString &label)
{
    PlantResult<QSqlQuery> query = run(db,
        uR"(SELECT key, max(label), count(*), count(*) FILTER (WHERE passed),
                   count(*) FILTER (WHERE NOT passed AND last_outcome = 'RUNNING'),
                   count(*) FILTER (WHERE first_outcome = 'PASS'),
                   count(*) FILTER (WHERE first_outcome = 'RUNNING'),
                   sum(runs), sum(runs_passed)
            FROM (SELECT %1 AS key, max(%2) AS label,
                         bool_or(r.outcome = 'PASS') AS passed,
                         (array_agg(r.outcome ORDER BY r.started_utc))[1] AS first_outcome,
                         (array_agg(r.outcome ORDER BY r.started_utc DESC))[1] AS last_outcome,
                         count(*) AS runs, count(*) FILTER (WHERE r.outcome = 'PASS') AS runs_passed
            )"_s.arg(key, label)
            + QString::fromUtf16(RunsOfStations) + andWhere(sql.where, u"r.device_id <> ''"_s)
            + u" GROUP BY 1, r.device_id) g GROUP BY key ORDER BY key"_s,
        sql.binds,
        u"compute yield by group"_s);
    if (!query)
        return tl::make_unexpected(query.error());
    QList<GroupYield> groups;
    while (query->next()) {
        GroupYield group;
        group.key = query->value(0).toString();
        group.label = query->value(1).toString();
        group.devices = query->value(2).toInt();
        group.devicesPassed = query->value(3).toInt();
        group.devicesInProgress = query->value(4).toInt();
        group.devicesFirstPass = query->value(5).toInt();
        const int firstRunning = query->value(6).toInt();
        group.runs = query->value(7).toInt();
        group.runsPassed = query->value(8).toInt();
        group.devicesFailed = group.devices - group.devicesPassed - group.devicesInProgress;
        Analytics::finishGroup(group, firstRunning);
        groups << group;
    }
    return groups;
}

PlantResult<RetestReport> readRetests(QSqlDatabase &db, const PlantWhere &sql)
{
    PlantResult<QSqlQuery> query = run(db,
        uR"(SELECT n, count(*), count(*) FILTER (WHERE passed AND first_outcome <> 'PASS')
            FROM (SELECT count(*) AS n, bool_or(r.outcome = 'PASS') AS passed,
                         (array_agg(r.outcome ORDER BY r.started_utc))[1] AS first_outcome)"_s
            + QString::fromUtf16(RunsOfStations) + andWhere(sql.where, u"r.device_id <> ''"_s)
            + u" GROUP BY r.device_id) d GROUP BY n ORDER BY n"_s,
        sql.binds,
        u"count retests"_s);
    if (!query)
        return tl::make_unexpected(query.error());
    RetestReport retests;
    while (query->next()) {
        const int runs = query->value(0).toInt();
        const int devices = query->value(1).toInt();
        retests.runsPerDevice.append({runs, devices});
        retests.devices += devices;
        retests.runs += runs * devices;
        if (runs > 1)
            retests.devicesRetested += devices;
        retests.devicesPassedOnRetest += query->value(2).toInt();
    }
    retests.retestRuns = retests.runs - retests.devices;
    return retests;
}

PlantResult<void> checkSchema(QSqlDatabase &db)
{
    PlantResult<int> version = serverVersion(db);
    if (!version)
        return tl::make_unexpected(version.error());
    if (*version == 0) {
        return tl::make_unexpected(Problem {Failure::NotInitialized,
            u"This database has no plant schema yet. Create it with plant init."_s,
            {}});
    }
    return checkUnderstood(*version);
}

} // namespace

PlantResult<AnalyticsReport> analyticsReport(QSqlDatabase &db, const AnalyticsFilter &filter)
{
    const PlantWhere sql = whereOf(filter);
    AnalyticsReport report;
    if (auto ok = readMeasurements(db, sql, report); !ok)
        return tl::make_unexpected(ok.error());
    auto hours = readGroups(
        db, sql, u"to_char(r.started_utc AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24')"_s, u"''"_s);
    if (!hours)
        return tl::make_unexpected(hours.error());
    for (GroupYield &group : *hours) {
        group.hour = QDateTime::fromString(group.key + u":00:00Z"_s, Qt::ISODate);
    }
    report.byHour = *hours;
    // Fixture numbers are a station's own: a plant fixture is the station and its number.
    auto fixtures = readGroups(db,
        sql,
        u"r.station_id || '/' || r.fixture"_s,
        u"r.station_id || ' ' || coalesce(nullif(r.fixture_label, ''), 'F' || r.fixture)"_s);
    if (!fixtures)
        return tl::make_unexpected(fixtures.error());
    report.byFixture = *fixtures;
    auto operators = readGroups(db, sql, u"r.operator"_s, u"r.operator"_s);
    if (!operators)
        return tl::make_unexpected(operators.error());
    report.byOperator = *operators;
    auto stations = readGroups(db, sql, u"r.station_id"_s, u"st.line"_s);
    if (!stations)
        return tl::make_unexpected(stations.error());
    report.byStation = *stations;
    auto retests = readRetests(db, sql);
    if (!retests)
        return tl::make_unexpected(retests.error());
    report.retests = *retests;

    PlantResult<QSqlQuery> query = run(db,
        u"SELECT station_id, line FROM plant.stations ORDER BY station_id"_s,
        {},
        u"list the stations"_s);
    if (!query)
        return tl::make_unexpected(query.error());
    while (query->next()) {
        report.stations << query->value(0).toString();
        const QString line = query->value(1).toString();
        if (!line.isEmpty() && !report.lines.contains(line))
            report.lines << line;
    }
    report.lines.sort();
    return report;
}

PlantResult<AnalyticsReport> readAnalytics(const QString &conninfo, const AnalyticsFilter &filter)
{
    Connection connection;
    if (auto opened = connection.open(conninfo); !opened)
        return tl::make_unexpected(opened.error());
    QSqlDatabase db = connection.database();
    if (auto schema = checkSchema(db); !schema)
        return tl::make_unexpected(schema.error());
    return analyticsReport(db, filter);
}

PlantResult<void> checkReadable(const QString &conninfo)
{
    Connection connection;
    if (auto opened = connection.open(conninfo); !opened)
        return opened;
    QSqlDatabase db = connection.database();
    return checkSchema(db);
}

} // namespace Station::Plant
