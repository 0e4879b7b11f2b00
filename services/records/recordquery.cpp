#include "services/records/recordquery.h"

#include "services/base/tr.h"
#include "services/records/recordschema.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

using RecordSql::timeFromText;

// Columns of a RunRow, in the order readRunRow() reads them.
constexpr char16_t RunRowColumns[] = u"r.id, r.started_utc, r.finished_utc, r.fixture, "
                                     u"r.fixture_label, r.device_id, r.serial_number, "
                                     u"r.recipe_name, r.recipe_version, r.outcome, "
                                     u"r.failed_step, r.error_code, r.cause, %1";

constexpr char16_t NewestFirst[] = u" ORDER BY r.started_utc DESC, r.id DESC";

ErrorCode errorCodeFromText(const QString &text)
{
    return text.isEmpty() ? ErrorCode::None : errorCodeFromName(text);
}

RunOutcome runOutcomeFromText(const QString &text)
{
    return runOutcomeFromName(text).value_or(RunOutcome::Running);
}

double realFromValue(const QVariant &value)
{
    return value.isNull() ? std::numeric_limits<double>::quiet_NaN() : value.toDouble();
}

std::optional<double> optionalReal(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

RunRow readRunRow(const QSqlQuery &query)
{
    RunRow row;
    row.id = query.value(0).toLongLong();
    row.started = timeFromText(query.value(1).toString());
    row.finished = timeFromText(query.value(2).toString());
    row.fixture = query.value(3).toInt();
    row.fixtureLabel = query.value(4).toString();
    row.deviceId = query.value(5).toString();
    row.serialNumber = query.value(6).toString();
    row.recipeName = query.value(7).toString();
    row.recipeVersion = query.value(8).toString();
    row.outcome = runOutcomeFromText(query.value(9).toString());
    row.failedStep = query.value(10).toString();
    row.errorCode = errorCodeFromText(query.value(11).toString());
    row.cause = Text::fromStorage(query.value(12).toString(), query.value(13).toString());
    if (row.started.isValid() && row.finished.isValid())
        row.duration = std::chrono::milliseconds(row.started.msecsTo(row.finished));
    return row;
}

} // namespace

QString asciiLower(const QString &text)
{
    QString folded = text;
    for (QChar &c : folded) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return folded;
}

bool isFullDeviceId(const QString &text)
{
    constexpr qsizetype DeviceIdLength = 128;
    if (text.size() != DeviceIdLength)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

double yieldRatio(int part, int whole)
{
    return whole > 0 ? double(part) / double(whole) : 0.0;
}

void setDeviceCounts(
    YieldReport &report, int started, int passed, int inProgress, int firstPass, int firstRunning)
{
    report.devicesStarted = started;
    report.devicesPassed = passed;
    report.devicesInProgress = inProgress;
    report.devicesFirstPass = firstPass;
    report.devicesFailed = started - passed - inProgress;
    report.firstPassYield = yieldRatio(firstPass, started - firstRunning);
    report.finalYield = yieldRatio(passed, passed + report.devicesFailed);
}

FilterSql runFilterSql(const RunFilter &filter)
{
    QStringList conditions;
    FilterSql sql;
    if (filter.from.isValid()) {
        conditions << u"r.started_utc >= ?"_s;
        sql.binds << RecordSql::timeText(filter.from);
    }
    if (filter.to.isValid()) {
        conditions << u"r.started_utc < ?"_s;
        sql.binds << RecordSql::timeText(filter.to);
    }
    if (!filter.outcomes.isEmpty()) {
        QStringList marks;
        for (RunOutcome outcome : filter.outcomes) {
            marks << u"?"_s;
            sql.binds << runOutcomeName(outcome);
        }
        conditions << u"r.outcome IN ("_s + marks.join(u", "_s) + u')';
    }
    if (filter.fixture > 0) {
        conditions << u"r.fixture = ?"_s;
        sql.binds << filter.fixture;
    }
    if (!filter.recipeName.isEmpty()) {
        conditions << u"r.recipe_name = ?"_s;
        sql.binds << filter.recipeName;
    }
    const QString search = filter.search.trimmed();
    if (isFullDeviceId(search)) {
        // A whole device ID (pasted or scanned): an indexed lookup, in either letter case.
        conditions << u"(r.device_id IN (?, ?) OR r.serial_number = ?)"_s;
        sql.binds << search.toLower() << search.toUpper() << search;
    } else if (!search.isEmpty()) {
        // A fragment: instr() (no wildcards to escape, about twice as fast as LIKE '%x%'),
        // which scans the rows the other conditions leave (about 1 s per million runs).
        const QString needle = asciiLower(search);
        conditions
            << u"(instr(lower(r.device_id), ?) > 0 OR instr(lower(r.serial_number), ?) > 0)"_s;
        sql.binds << needle << needle;
    }
    if (!conditions.isEmpty())
        sql.where = u" WHERE "_s + conditions.join(u" AND "_s);
    return sql;
}

RecordQuery::RecordQuery()
    : m_connectionName(RecordSql::uniqueConnectionName(u"station-record-query"_s))
{ }

RecordQuery::~RecordQuery()
{
    close();
}

Result<void> RecordQuery::open(const QString &path)
{
    close();
    Result<QSqlDatabase> db
        = RecordSql::openConnection(path, m_connectionName, RecordSql::Access::ReadOnly);
    if (!db)
        return fail(db.error());
    m_db = *db;
    const Result<int> version = RecordSql::userVersion(m_db);
    m_hasTextColumns = version && *version >= 3;
    m_schemaVersion = version ? *version : 0;
    return {};
}

QString RecordQuery::textColumn(QStringView column, QStringView table) const
{
    // Records written before schema 3 have no *_text columns: their texts read as stored.
    if (!m_hasTextColumns)
        return u"''"_s;
    return table.isEmpty() ? column.toString() : table + u'.' + column;
}

void RecordQuery::close()
{
    if (m_db.isValid())
        RecordSql::closeConnection(m_db);
}

bool RecordQuery::isOpen() const
{
    return m_db.isOpen();
}

Result<void> RecordQuery::checkOpen() const
{
    if (!m_db.isOpen())
        return fail(ErrorCode::Database, Tr::tr("The record file is not open."));
    return {};
}

Result<qint64> RecordQuery::countRuns(const RunFilter &filter) const
{
    if (auto ok = checkOpen(); !ok)
        return fail(ok.error());
    const FilterSql sql = runFilterSql(filter);
    QSqlQuery query(m_db);
    if (auto ok = RecordSql::exec(
            query, u"SELECT count(*) FROM runs r"_s + sql.where, sql.binds, u"count runs"_s);
        !ok)
        return fail(ok.error());
    if (!query.next())
        return fail(ErrorCode::Database, Tr::tr("The record database returned no result."));
    return query.value(0).toLongLong();
}

Result<QList<RunRow>> RecordQuery::selectRuns(
    const QString &where, const QVariantList &binds, const QString &tail) const
{
    if (auto ok = checkOpen(); !ok)
        return fail(ok.error());
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString sql = u"SELECT "_s
        + QString::fromUtf16(RunRowColumns).arg(textColumn(u"cause_text", u"r")) + u" FROM runs r"_s
        + where + tail;
    if (auto ok = RecordSql::exec(query, sql, binds, u"read runs"_s); !ok)
        return fail(ok.error());
    QList<RunRow> rows;
    while (query.next())
        rows << readRunRow(query);
    return rows;
}

Result<QList<RunRow>> RecordQuery::fetchRuns(
    const RunFilter &filter, qint64 offset, int limit) const
{
    const FilterSql sql = runFilterSql(filter);
    QVariantList binds = sql.binds;
    binds << std::max(limit, 0) << std::max<qint64>(offset, 0);
    return selectRuns(sql.where, binds, QString::fromUtf16(NewestFirst) + u" LIMIT ? OFFSET ?"_s);
}

Result<QList<RunRow>> RecordQuery::fetchRunsAfter(
    const RunFilter &filter, const RunKey &after, int limit) const
{
    const FilterSql sql = runFilterSql(filter);
    QVariantList binds = sql.binds;
    QString where = sql.where.isEmpty() ? u" WHERE "_s : sql.where + u" AND "_s;
    // Row values keep the comparison on the (started_utc, id) order the index provides.
    where += u"(r.started_utc, r.id) < (?, ?)"_s;
    binds << RecordSql::timeText(after.started) << after.id << std::max(limit, 0);
    return selectRuns(where, binds, QString::fromUtf16(NewestFirst) + u" LIMIT ?"_s);
}

Result<QList<RunRow>> RecordQuery::runsOfDevice(const QString &deviceId) const
{
    return selectRuns(u" WHERE r.device_id = ?"_s, {deviceId}, QString::fromUtf16(NewestFirst));
}

Result<RunDetail> RecordQuery::runDetail(qint64 runId) const
{
    if (auto ok = checkOpen(); !ok)
        return fail(ok.error());
    const QString what = u"read run %1"_s.arg(runId);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    auto read = RecordSql::exec(query,
        uR"(SELECT id, fixture, fixture_label, connection_path, device_id, serial_number,
                   ip_address, recipe_name, recipe_version, recipe_sha256, recipe_path, station,
                   operator, app_version, backend, azsphere_path, azsphere_version,
                   rf_tool_path, rf_tool_version, os_version, image_ids, manufacturing_state,
                   started_utc, finished_utc, outcome, failed_step, error_code, cause, %1, %2
            FROM runs WHERE id = ?)"_s.arg(
            textColumn(u"cause_text"), RecordSql::cliColumn(m_schemaVersion)),
        {runId},
        what);
    if (!read)
        return fail(read.error());
    if (!query.next()) {
        return fail(
            ErrorCode::InvalidArgument, Tr::tr("The record has no run %1.").arg(runId), what);
    }
    RunDetail detail;
    RunInfo &run = detail.run;
    RunStart &start = run.start;
    int c = 0;
    run.id = query.value(c++).toLongLong();
    start.fixture = query.value(c++).toInt();
    start.fixtureLabel = query.value(c++).toString();
    start.connectionPath = query.value(c++).toString();
    start.deviceId = query.value(c++).toString();
    start.serialNumber = query.value(c++).toString();
    start.ipAddress = query.value(c++).toString();
    start.recipeName = query.value(c++).toString();
    start.recipeVersion = query.value(c++).toString();
    start.recipeSha256 = query.value(c++).toString();
    start.recipePath = query.value(c++).toString();
    start.station = query.value(c++).toString();
    start.operatorName = query.value(c++).toString();
    start.appVersion = query.value(c++).toString();
    start.backend = query.value(c++).toString();
    start.azsphereToolPath = query.value(c++).toString();
    start.azsphereToolVersion = query.value(c++).toString();
    start.rfToolPath = query.value(c++).toString();
    start.rfToolVersion = query.value(c++).toString();
    start.osVersion = query.value(c++).toString();
    const QString images = query.value(c++).toString();
    start.imageIds = images.isEmpty() ? QStringList() : images.split(u' ');
    start.manufacturingState = query.value(c++).toString();
    start.started = timeFromText(query.value(c++).toString());
    run.finished = timeFromText(query.value(c++).toString());
    run.outcome = runOutcomeFromText(query.value(c++).toString());
    run.failedStep = query.value(c++).toString();
    run.errorCode = errorCodeFromText(query.value(c++).toString());
    const QString cause = query.value(c++).toString();
    run.cause = Text::fromStorage(cause, query.value(c++).toString());
    start.azsphereCli = query.value(c++).toString();
    query.finish();

    QHash<qint64, qsizetype> stepIndex;
    read = RecordSql::exec(query,
        uR"(SELECT id, seq, name, type, started_utc, finished_utc, outcome, attempts, error_code,
                   cause, remedy, note, data, %1, %2, %3
            FROM steps WHERE run_id = ? ORDER BY seq)"_s.arg(
            textColumn(u"cause_text"), textColumn(u"remedy_text"), textColumn(u"note_text")),
        {runId},
        what);
    if (!read)
        return fail(read.error());
    while (query.next()) {
        StepResult step;
        stepIndex.insert(query.value(0).toLongLong(), detail.steps.size());
        step.seq = query.value(1).toInt();
        step.name = query.value(2).toString();
        step.type = query.value(3).toString();
        step.started = timeFromText(query.value(4).toString());
        step.finished = timeFromText(query.value(5).toString());
        step.outcome = stepOutcomeFromName(query.value(6).toString()).value_or(StepOutcome::Failed);
        step.attempts = query.value(7).toInt();
        step.errorCode = errorCodeFromText(query.value(8).toString());
        step.cause = Text::fromStorage(query.value(9).toString(), query.value(13).toString());
        step.remedy = Text::fromStorage(query.value(10).toString(), query.value(14).toString());
        step.note = Text::fromStorage(query.value(11).toString(), query.value(15).toString());
        step.data
            = QJsonDocument::fromJson(query.value(12).toString().toUtf8()).object().toVariantMap();
        detail.steps << step;
    }
    query.finish();

    read = RecordSql::exec(query,
        uR"(SELECT c.step_id, c.command_line, c.outcome, c.exit_code, c.stdout, c.stderr,
                   c.truncated, c.started_utc, c.finished_utc
            FROM commands c JOIN steps s ON s.id = c.step_id
            WHERE s.run_id = ? ORDER BY s.seq, c.seq)"_s,
        {runId},
        what);
    if (!read)
        return fail(read.error());
    while (query.next()) {
        const qsizetype index = stepIndex.value(query.value(0).toLongLong(), -1);
        if (index < 0)
            continue;
        CommandRecord command;
        command.commandLine = query.value(1).toString();
        command.outcome
            = toolOutcomeFromName(query.value(2).toString()).value_or(ToolOutcome::Crashed);
        command.exitCode = query.value(3).toInt();
        command.stdOut = query.value(4).toString();
        command.stdErr = query.value(5).toString();
        command.truncated = query.value(6).toInt() != 0;
        command.started = timeFromText(query.value(7).toString());
        command.finished = timeFromText(query.value(8).toString());
        detail.steps[index].commands << command;
    }
    query.finish();

    read = RecordSql::exec(query,
        uR"(SELECT m.step_id, m.name, m.value, m.unit, m.low, m.high, m.pass
            FROM measurements m JOIN steps s ON s.id = m.step_id
            WHERE s.run_id = ? ORDER BY s.seq, m.seq)"_s,
        {runId},
        what);
    if (!read)
        return fail(read.error());
    while (query.next()) {
        const qsizetype index = stepIndex.value(query.value(0).toLongLong(), -1);
        if (index < 0)
            continue;
        Measurement measurement;
        measurement.name = query.value(1).toString();
        measurement.value = realFromValue(query.value(2));
        measurement.unit = query.value(3).toString();
        measurement.low = optionalReal(query.value(4));
        measurement.high = optionalReal(query.value(5));
        measurement.passed = query.value(6).toInt() != 0;
        detail.steps[index].measurements << measurement;
    }
    return detail;
}

Result<std::optional<DeviceRecord>> RecordQuery::device(const QString &deviceId) const
{
    if (auto ok = checkOpen(); !ok)
        return fail(ok.error());
    QSqlQuery query(m_db);
    auto read = RecordSql::exec(query,
        uR"(SELECT device_id, first_seen_utc, last_seen_utc, manufacturing_state, last_outcome,
                   last_run_id
            FROM devices WHERE device_id = ?)"_s,
        {deviceId},
        u"read device %1"_s.arg(deviceId));
    if (!read)
        return fail(read.error());
    if (!query.next())
        return std::optional<DeviceRecord>();
    DeviceRecord device;
    device.deviceId = query.value(0).toString();
    device.firstSeen = timeFromText(query.value(1).toString());
    device.lastSeen = timeFromText(query.value(2).toString());
    device.manufacturingState = query.value(3).toString();
    device.lastOutcome = runOutcomeFromName(query.value(4).toString());
    device.lastRunId = query.value(5).toLongLong();
    return std::optional<DeviceRecord>(device);
}

Result<std::optional<QString>> RecordQuery::deviceForSerial(const QString &serialNumber) const
{
    if (auto ok = checkOpen(); !ok)
        return fail(ok.error());
    QSqlQuery query(m_db);
    auto read = RecordSql::exec(query,
        u"SELECT device_id FROM serials WHERE serial_number = ?"_s,
        {serialNumber},
        u"look up serial number %1"_s.arg(serialNumber));
    if (!read)
        return fail(read.error());
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

Result<YieldReport> RecordQuery::yieldReport(const RunFilter &filter) const
{
    if (auto ok = checkOpen(); !ok)
        return fail(ok.error());
    const FilterSql sql = runFilterSql(filter);
    const QString what = u"compute yield"_s;
    YieldReport report;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);

    // Runs by outcome, and runs that never learned their device.
    auto read = RecordSql::exec(query,
        u"SELECT r.outcome, count(*), sum(r.device_id = '') FROM runs r"_s + sql.where
            + u" GROUP BY r.outcome"_s,
        sql.binds,
        what);
    if (!read)
        return fail(read.error());
    while (query.next()) {
        const int count = query.value(1).toInt();
        report.runs += count;
        report.runsWithoutDevice += query.value(2).toInt();
        switch (runOutcomeFromText(query.value(0).toString())) {
        case RunOutcome::Pass:
            report.runsPassed += count;
            break;
        case RunOutcome::Fail:
            report.runsFailed += count;
            break;
        case RunOutcome::Aborted:
            report.runsAborted += count;
            break;
        case RunOutcome::Interrupted:
            report.runsInterrupted += count;
            break;
        case RunOutcome::Running:
            report.runsRunning += count;
            break;
        }
    }
    query.finish();

    // Per device: did any run pass, how did its first and its latest run end.
    const QString withDevice = sql.where.isEmpty() ? u" WHERE r.device_id <> ''"_s
                                                   : sql.where + u" AND r.device_id <> ''"_s;
    // One pass grouped by device (runs_device index order, no window sort): the first and the
    // latest run are the min/max of "started_utc || outcome"; the outcome starts at character 25
    // after the 24-character time. A device cannot start two runs in the same millisecond (one
    // fixture holds it), so the time alone orders its runs.
    read = RecordSql::exec(query,
        uR"(SELECT count(*),
                   coalesce(sum(passed), 0),
                   coalesce(sum(NOT passed AND last_outcome = 'RUNNING'), 0),
                   coalesce(sum(first_outcome = 'PASS'), 0),
                   coalesce(sum(first_outcome = 'RUNNING'), 0)
            FROM (SELECT max(r.outcome = 'PASS') AS passed,
                         substr(min(r.started_utc || r.outcome), 25) AS first_outcome,
                         substr(max(r.started_utc || r.outcome), 25) AS last_outcome
                  FROM runs r)"_s
            + withDevice + u" GROUP BY r.device_id)"_s,
        sql.binds,
        what);
    if (!read)
        return fail(read.error());
    if (!query.next())
        return fail(ErrorCode::Database, Tr::tr("The record database returned no result."), what);
    setDeviceCounts(report,
        query.value(0).toInt(),
        query.value(1).toInt(),
        query.value(2).toInt(),
        query.value(3).toInt(),
        query.value(4).toInt());
    query.finish();

    // Production time: the union of the intervals in which at least one selected run was in
    // progress, within the range (and before now). A run lasts from its start to its finish;
    // one still RUNNING in the record lasts to its latest recorded step time (a run whose
    // station died and was never closed must not count on forever).
    // Idle time (a break, a shift with no devices, a night) counts nothing, and two fixtures
    // running at once count their common time once. Runs come in start order, so one sweep
    // merges the overlapping intervals.
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime rangeEnd = filter.to.isValid() ? std::min(filter.to, now) : QDateTime(now);
        read = RecordSql::exec(query,
            u"SELECT r.started_utc, coalesce(r.finished_utc, (SELECT "
            u"max(coalesce(s.finished_utc, s.started_utc)) FROM steps s WHERE s.run_id = r.id), "
            u"r.started_utc) FROM runs r"_s
                + sql.where + u" ORDER BY r.started_utc"_s,
            sql.binds,
            what);
        if (!read)
            return fail(read.error());
        qint64 productionMs = 0;
        QDateTime spanStart;
        QDateTime spanEnd;
        while (query.next()) {
            QDateTime started = timeFromText(query.value(0).toString());
            QDateTime finished = timeFromText(query.value(1).toString());
            if (!started.isValid())
                continue;
            if (!finished.isValid() || finished < started)
                finished = started;
            if (filter.from.isValid() && started < filter.from)
                started = filter.from;
            finished = std::min(finished, rangeEnd);
            if (finished <= started)
                continue;
            if (spanStart.isValid() && started <= spanEnd) {
                spanEnd = std::max(spanEnd, finished);
                continue;
            }
            if (spanStart.isValid())
                productionMs += spanStart.msecsTo(spanEnd);
            spanStart = started;
            spanEnd = finished;
        }
        if (spanStart.isValid())
            productionMs += spanStart.msecsTo(spanEnd);
        query.finish();
        report.hours = productionMs / 3'600'000.0;
    }
    if (report.hours > 0) {
        report.devicesPerHour = report.devicesStarted / report.hours;
        report.passedPerHour = report.devicesPassed / report.hours;
    }

    // Failure Pareto: by failed step, and by error code labelled with its latest cause (SQLite
    // takes the bare column `cause` from the row that holds max(started_utc)).
    const QString failed = sql.where.isEmpty() ? u" WHERE r.outcome = 'FAIL'"_s
                                               : sql.where + u" AND r.outcome = 'FAIL'"_s;
    read = RecordSql::exec(query,
        u"SELECT r.failed_step, count(*) AS n FROM runs r"_s + failed
            + u" GROUP BY r.failed_step ORDER BY n DESC, r.failed_step"_s,
        sql.binds,
        what);
    if (!read)
        return fail(read.error());
    while (query.next()) {
        report.failuresByStep << ParetoEntry {query.value(0).toString(),
            Text::raw(query.value(0).toString()),
            query.value(1).toInt()};
    }
    query.finish();
    read = RecordSql::exec(query,
        u"SELECT r.error_code, count(*) AS n, r.cause, max(r.started_utc), %1 FROM runs r"_s.arg(
            textColumn(u"cause_text", u"r"))
            + failed + u" GROUP BY r.error_code ORDER BY n DESC, r.error_code"_s,
        sql.binds,
        what);
    if (!read)
        return fail(read.error());
    while (query.next()) {
        report.failuresByError << ParetoEntry {query.value(0).toString(),
            Text::fromStorage(query.value(2).toString(), query.value(4).toString()),
            query.value(1).toInt()};
    }
    return report;
}

} // namespace Station
