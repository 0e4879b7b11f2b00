#include "services/records/analytics.h"

#include "services/base/tr.h"
#include "services/records/recordschema.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// Capability thresholds as the automotive and electronics industries read them (AIAG SPC):
// below 1.0 the process makes parts outside the limits, 1.33 leaves one sigma of margin.
constexpr double CapableCpk = 1.33;
constexpr double MarginalCpk = 1.0;

QString andWhere(const QString &where, const QString &condition)
{
    if (where.isEmpty())
        return u" WHERE "_s + condition;
    return where + u" AND "_s + condition;
}

std::optional<double> optionalReal(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

// The measurements of the selected runs, joined to their runs (aliased r for the filter).
constexpr char16_t MeasurementsOfRuns[]
    = u" FROM measurements m JOIN steps s ON s.id = m.step_id JOIN runs r ON r.id = s.run_id";

Result<void> readMeasurements(QSqlDatabase &db, const FilterSql &sql, AnalyticsReport &report)
{
    const QString what = u"compute measurement statistics"_s;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    auto read = RecordSql::exec(query,
        uR"(SELECT m.name, m.unit, count(m.value), count(*) - count(m.value),
                   coalesce(sum(m.pass = 0), 0), avg(m.value), min(m.value), max(m.value),
                   max(m.low), min(m.low), count(m.low), min(m.high), max(m.high), count(m.high),
                   count(*))"_s
            + QString::fromUtf16(MeasurementsOfRuns) + sql.where
            + u" GROUP BY m.name, m.unit ORDER BY m.name, m.unit"_s,
        sql.binds,
        what);
    if (!read)
        return fail(read.error());
    QHash<QPair<QString, QString>, qsizetype> index;
    while (query.next()) {
        MeasurementStats stats;
        stats.name = query.value(0).toString();
        stats.unit = query.value(1).toString();
        stats.count = query.value(2).toInt();
        stats.notANumber = query.value(3).toInt();
        stats.failed = query.value(4).toInt();
        stats.mean = query.value(5).toDouble();
        stats.min = query.value(6).toDouble();
        stats.max = query.value(7).toDouble();
        const int rows = query.value(14).toInt();
        const int lows = query.value(10).toInt();
        const int highs = query.value(13).toInt();
        stats.lsl = optionalReal(query.value(8));
        stats.usl = optionalReal(query.value(11));
        stats.limitsVary = (lows > 0 && (lows < rows || query.value(8) != query.value(9)))
            || (highs > 0 && (highs < rows || query.value(11) != query.value(12)));
        stats.bins = QList<int>(HistogramBins, 0);
        index.insert({stats.name, stats.unit}, report.measurements.size());
        report.measurements << stats;
    }
    query.finish();

    // Bins and Σ(x - mean)² in one pass over the values, against each measurement's own range
    // and mean (a second aggregate: SQLite has no standard deviation of its own).
    read = RecordSql::exec(query,
        uR"(WITH sel AS (SELECT m.name, m.unit, m.value)"_s + QString::fromUtf16(MeasurementsOfRuns)
            + andWhere(sql.where, u"m.value IS NOT NULL"_s)
            + uR"(),
                 agg AS (SELECT name, unit, avg(value) AS mean, min(value) AS lo, max(value) AS hi
                         FROM sel GROUP BY name, unit)
            SELECT sel.name, sel.unit,
                   CASE WHEN agg.hi > agg.lo
                        THEN min(%1, CAST((sel.value - agg.lo) * %2 / (agg.hi - agg.lo) AS INTEGER))
                        ELSE 0 END AS bin,
                   count(*), sum((sel.value - agg.mean) * (sel.value - agg.mean))
            FROM sel JOIN agg ON agg.name = sel.name AND agg.unit = sel.unit
            GROUP BY sel.name, sel.unit, bin)"_s.arg(HistogramBins - 1)
                  .arg(HistogramBins),
        sql.binds,
        what);
    if (!read)
        return fail(read.error());
    QList<double> squares(report.measurements.size(), 0.0);
    while (query.next()) {
        const qsizetype i = index.value({query.value(0).toString(), query.value(1).toString()}, -1);
        if (i < 0)
            continue;
        const int bin = std::clamp(query.value(2).toInt(), 0, HistogramBins - 1);
        report.measurements[i].bins[bin] += query.value(3).toInt();
        squares[i] += query.value(4).toDouble();
    }
    for (qsizetype i = 0; i < report.measurements.size(); ++i)
        Analytics::finishMeasurement(report.measurements[i], squares.at(i));
    return {};
}

// Yield by `key` (an SQL expression over runs r) with `label` (another, max() per key).
Result<QList<GroupYield>> readGroups(
    QSqlDatabase &db, const FilterSql &sql, const QString &key, const QString &label)
{
    // Per key and device: did a run pass, how did the first and the latest run end (the
    // "started_utc || outcome" trick of RecordQuery::yieldReport: the outcome starts at 25).
    QSqlQuery query(db);
    query.setForwardOnly(true);
    auto read = RecordSql::exec(query,
        uR"(SELECT key, max(label), count(*), coalesce(sum(passed), 0),
                   coalesce(sum(NOT passed AND last_outcome = 'RUNNING'), 0),
                   coalesce(sum(first_outcome = 'PASS'), 0),
                   coalesce(sum(first_outcome = 'RUNNING'), 0),
                   sum(runs), sum(runs_passed)
            FROM (SELECT %1 AS key, max(%2) AS label,
                         max(r.outcome = 'PASS') AS passed,
                         substr(min(r.started_utc || r.outcome), 25) AS first_outcome,
                         substr(max(r.started_utc || r.outcome), 25) AS last_outcome,
                         count(*) AS runs, sum(r.outcome = 'PASS') AS runs_passed
                  FROM runs r)"_s.arg(key, label)
            + andWhere(sql.where, u"r.device_id <> ''"_s)
            + u" GROUP BY 1, r.device_id) GROUP BY key ORDER BY key"_s,
        sql.binds,
        u"compute yield by group"_s);
    if (!read)
        return fail(read.error());
    QList<GroupYield> groups;
    while (query.next()) {
        GroupYield group;
        group.key = query.value(0).toString();
        group.label = query.value(1).toString();
        group.devices = query.value(2).toInt();
        group.devicesPassed = query.value(3).toInt();
        group.devicesInProgress = query.value(4).toInt();
        group.devicesFirstPass = query.value(5).toInt();
        const int firstRunning = query.value(6).toInt();
        group.runs = query.value(7).toInt();
        group.runsPassed = query.value(8).toInt();
        group.devicesFailed = group.devices - group.devicesPassed - group.devicesInProgress;
        Analytics::finishGroup(group, firstRunning);
        groups << group;
    }
    return groups;
}

Result<RetestReport> readRetests(QSqlDatabase &db, const FilterSql &sql)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    auto read = RecordSql::exec(query,
        uR"(SELECT n, count(*), coalesce(sum(passed AND first_outcome <> 'PASS'), 0)
            FROM (SELECT count(*) AS n, max(r.outcome = 'PASS') AS passed,
                         substr(min(r.started_utc || r.outcome), 25) AS first_outcome
                  FROM runs r)"_s
            + andWhere(sql.where, u"r.device_id <> ''"_s)
            + u" GROUP BY r.device_id) GROUP BY n ORDER BY n"_s,
        sql.binds,
        u"count retests"_s);
    if (!read)
        return fail(read.error());
    RetestReport retests;
    while (query.next()) {
        const int runs = query.value(0).toInt();
        const int devices = query.value(1).toInt();
        retests.runsPerDevice.append({runs, devices});
        retests.devices += devices;
        retests.runs += runs * devices;
        if (runs > 1)
            retests.devicesRetested += devices;
        retests.devicesPassedOnRetest += query.value(2).toInt();
    }
    retests.retestRuns = retests.runs - retests.devices;
    return retests;
}

} // namespace

CapabilityRating ratingOf(double cpk)
{
    if (cpk >= CapableCpk)
        return CapabilityRating::Capable;
    if (cpk >= MarginalCpk)
        return CapabilityRating::Marginal;
    return CapabilityRating::NotCapable;
}

Capability capability(
    int count, double mean, double sigma, std::optional<double> lsl, std::optional<double> usl)
{
    Capability result;
    if (!lsl && !usl) {
        result.gap = CapabilityGap::NoLimits;
        return result;
    }
    if (count < 2) {
        result.gap = CapabilityGap::TooFewValues;
        return result;
    }
    if (!(sigma > 0.0) || !std::isfinite(sigma)) {
        result.gap = CapabilityGap::NoSpread;
        return result;
    }
    result.gap = CapabilityGap::None;
    result.oneSided = !lsl || !usl;
    double cpk = std::numeric_limits<double>::infinity();
    if (usl)
        cpk = std::min(cpk, (*usl - mean) / (3.0 * sigma));
    if (lsl)
        cpk = std::min(cpk, (mean - *lsl) / (3.0 * sigma));
    result.cpk = cpk;
    if (lsl && usl)
        result.cp = (*usl - *lsl) / (6.0 * sigma);
    result.rating = ratingOf(cpk);
    return result;
}

namespace Analytics {

void finishGroup(GroupYield &group, int firstRunning)
{
    group.firstPassYield = yieldRatio(group.devicesFirstPass, group.devices - firstRunning);
    group.finalYield = yieldRatio(group.devicesPassed, group.devicesPassed + group.devicesFailed);
}

int binOf(double value, double low, double width)
{
    if (!(width > 0.0))
        return 0;
    return std::clamp(int((value - low) / width), 0, HistogramBins - 1);
}

void finishMeasurement(MeasurementStats &stats, double sumSquares)
{
    stats.sigma = stats.count >= 2 ? std::sqrt(std::max(sumSquares, 0.0) / (stats.count - 1)) : 0.0;
    // Rounding leaves a tiny Σ(x - mean)² where every value is equal: no spread is no spread.
    if (stats.max <= stats.min)
        stats.sigma = 0.0;
    stats.capability = capability(stats.count, stats.mean, stats.sigma, stats.lsl, stats.usl);
    stats.binLow = stats.min;
    stats.binWidth = stats.max > stats.min ? (stats.max - stats.min) / HistogramBins : 0.0;
}

Result<AnalyticsReport> report(QSqlDatabase &db, const RunFilter &filter)
{
    if (!db.isOpen())
        return fail(ErrorCode::Database, Tr::tr("The record file is not open."));
    const FilterSql sql = runFilterSql(filter);
    AnalyticsReport report;
    if (auto ok = readMeasurements(db, sql, report); !ok)
        return fail(ok.error());
    // Hours as the record writes them: "2026-12-01T08" of "2026-12-01T08:15:14.123Z".
    auto hours = readGroups(db, sql, u"substr(r.started_utc, 1, 13)"_s, u"''"_s);
    if (!hours)
        return fail(hours.error());
    for (GroupYield &group : *hours)
        group.hour = RecordSql::timeFromText(group.key + u":00:00.000Z"_s);
    report.byHour = *hours;
    auto fixtures = readGroups(db, sql, u"r.fixture"_s, u"r.fixture_label"_s);
    if (!fixtures)
        return fail(fixtures.error());
    report.byFixture = *fixtures;
    // ORDER BY on an integer key is numeric already; the key is read as text.
    auto operators = readGroups(db, sql, u"r.operator"_s, u"r.operator"_s);
    if (!operators)
        return fail(operators.error());
    report.byOperator = *operators;
    auto retests = readRetests(db, sql);
    if (!retests)
        return fail(retests.error());
    report.retests = *retests;
    return report;
}

Result<AnalyticsReport> readReport(const QString &path, const RunFilter &filter)
{
    const QString name = RecordSql::uniqueConnectionName(u"station-analytics"_s);
    Result<QSqlDatabase> db = RecordSql::openConnection(path, name, RecordSql::Access::ReadOnly);
    if (!db)
        return fail(db.error());
    Result<AnalyticsReport> result = report(*db, filter);
    RecordSql::closeConnection(*db);
    return result;
}

} // namespace Analytics

} // namespace Station
