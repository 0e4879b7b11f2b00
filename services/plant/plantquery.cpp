#include "services/plant/plantquery.h"

#include "services/base/tr.h"
#include "services/records/recordschema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// A query that runs longer than this is cancelled by the server: a plant view never waits on
// a stuck statement for ever (the pages stay usable on the local record meanwhile).
constexpr int StatementTimeoutS = 30;

// Times cross as milliseconds since the epoch: the stations record milliseconds, and this
// needs no parsing of the driver's time formats.
QString msOf(QStringView column)
{
    return u"floor(extract(epoch FROM %1) * 1000)::bigint"_s.arg(column);
}

QDateTime timeFromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Columns of a RunRow, in the order readRunRow() reads them.
QString runRowColumns()
{
    return u"r.local_run_id, %1, %2, r.fixture, r.fixture_label, r.device_id, r.serial_number, "
           u"r.recipe_name, r.recipe_version, r.outcome, r.failed_step, r.error_code, r.cause, "
           u"r.cause_text, r.station_id, r.run_uuid::text"_s.arg(
               msOf(u"r.started_utc"), msOf(u"r.finished_utc"));
}

constexpr char16_t NewestFirst[] = u" ORDER BY r.started_utc DESC, r.run_uuid DESC";

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
    row.started = timeFromMs(query.value(1));
    row.finished = timeFromMs(query.value(2));
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
    row.stationId = query.value(14).toString();
    row.runUuid = QUuid::fromString(query.value(15).toString());
    if (row.started.isValid() && row.finished.isValid())
        row.duration = std::chrono::milliseconds(row.started.msecsTo(row.finished));
    return row;
}

// The WHERE clause over plant.runs aliased `r`: the local record's filter (runFilterSql) plus
// the station and the line. Values are bound, never pasted into the SQL.
FilterSql plantFilterSql(const RunFilter &filter)
{
    QStringList conditions;
    FilterSql sql;
    if (filter.from.isValid()) {
        conditions << u"r.started_utc >= ?::timestamptz"_s;
        sql.binds << RecordSql::timeText(filter.from);
    }
    if (filter.to.isValid()) {
        conditions << u"r.started_utc < ?::timestamptz"_s;
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
    if (!filter.stationId.isEmpty()) {
        conditions << u"r.station_id = ?"_s;
        sql.binds << filter.stationId;
    }
    if (!filter.line.isEmpty()) {
        conditions << u"r.station_id IN (SELECT s.station_id FROM plant.stations s "
                      u"WHERE s.line = ?)"_s;
        sql.binds << filter.line;
    }
    const QString search = filter.search.trimmed();
    if (isFullDeviceId(search)) {
        conditions << u"(r.device_id IN (?, ?) OR r.serial_number = ?)"_s;
        sql.binds << search.toLower() << search.toUpper() << search;
    } else if (!search.isEmpty()) {
        const QString needle = asciiLower(search);
        conditions << u"(strpos(lower(r.device_id), ?) > 0 OR "
                      u"strpos(lower(r.serial_number), ?) > 0)"_s;
        sql.binds << needle << needle;
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

} // namespace

PlantQuery::PlantQuery() = default;

PlantQuery::~PlantQuery()
{
    close();
}

Error PlantQuery::errorFrom(const Plant::Problem &problem) const
{
    m_lastFailure = problem.failure;
    Text message;
    switch (problem.failure) {
    case Plant::Failure::DriverMissing:
        message = Tr::tr("Qt's PostgreSQL driver is not installed (package libqt6sql6-psql).");
        break;
    case Plant::Failure::BadConnectionString:
        message
            = Tr::tr("The plant read connection is not valid: %1").arg(Text::raw(problem.message));
        break;
    case Plant::Failure::Unreachable:
        message = Tr::tr("The plant database cannot be reached (the server is down, or the "
                         "host, port or network is wrong).");
        break;
    case Plant::Failure::AuthenticationFailed:
        message = Tr::tr("The plant database refused the read login (check the user and its "
                         "password in .pgpass, and pg_hba.conf).");
        break;
    case Plant::Failure::InsufficientPrivilege:
        message = Tr::tr("The read login may not read the plant: it must be a member of the role "
                         "plant_quality.");
        break;
    case Plant::Failure::SchemaTooNew:
    case Plant::Failure::NotInitialized:
    case Plant::Failure::AlreadyInitialized:
    case Plant::Failure::Database:
        message
            = Tr::tr("The plant database reported an error: %1").arg(Text::raw(problem.message));
        break;
    }
    return Error::make(ErrorCode::Database, message, problem.detail);
}

Result<void> PlantQuery::open(const QString &conninfo)
{
    close();
    m_lastFailure.reset();
    auto connection = std::make_unique<Plant::Connection>();
    if (Plant::PlantResult<void> opened = connection->open(conninfo); !opened)
        return fail(errorFrom(opened.error()));
    QSqlDatabase db = connection->database();
    const Plant::PlantResult<int> version = Plant::serverVersion(db);
    if (!version)
        return fail(errorFrom(version.error()));
    if (*version == 0) {
        return fail(errorFrom({Plant::Failure::NotInitialized,
            u"This database has no plant schema (plant init has not been run)."_s,
            {}}));
    }
    if (Plant::PlantResult<void> understood = Plant::checkUnderstood(*version); !understood)
        return fail(errorFrom(understood.error()));
    // Reads only, and never for ever. UTC for the times shown in any server-side text.
    QSqlQuery query(db);
    for (const QString &statement : {u"SET default_transaction_read_only = on"_s,
             u"SET statement_timeout = '%1s'"_s.arg(StatementTimeoutS),
             u"SET TIME ZONE 'UTC'"_s}) {
        if (!query.exec(statement))
            return fail(errorFrom(Plant::problemFrom(query.lastError(), u"set up the session"_s)));
    }
    m_connection = std::move(connection);
    return {};
}

void PlantQuery::close()
{
    m_connection.reset();
}

bool PlantQuery::isOpen() const
{
    return m_connection && m_connection->database().isOpen();
}

Result<void> PlantQuery::checkOpen() const
{
    if (!isOpen())
        return fail(ErrorCode::Database, Tr::tr("The plant database is not connected."));
    return {};
}

namespace {

// Prepares, binds and runs; the failure carries the server's text.
Plant::PlantResult<void> run(
    QSqlQuery &query, const QString &sql, const QVariantList &binds, const QString &what)
{
    if (!query.prepare(sql))
        return tl::make_unexpected(Plant::problemFrom(query.lastError(), what));
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec())
        return tl::make_unexpected(Plant::problemFrom(query.lastError(), what));
    return {};
}

} // namespace

Result<QList<PlantStation>> PlantQuery::stations() const
{
    if (auto ok = checkOpen(); !ok)
        return fail(ok.error());
    QSqlQuery query(m_connection->database());
    query.setForwardOnly(true);
    if (auto ok = run(query,
            u"SELECT station_id, line, description FROM plant.stations "
            u"ORDER BY line, station_id"_s,
            {},
            u"read the stations"_s);
        !ok)
        return fail(errorFrom(ok.error()));
    QList<PlantStation> stations;
    while (query.next()) {
        stations << PlantStation {
            query.value(0).toString(), query.value(1).toString(), query.value(2).toString()};
    }
    return stations;
}

Result<qint64> PlantQuery::countRuns(const RunFilter &filter, qint64 atMost) const
{
    if (auto ok = checkOpen(); !ok)
        return fail(ok.error());
    const FilterSql sql = plantFilterSql(filter);
    QSqlQuery query(m_connection->database());
    query.setForwardOnly(true);
    QString select = u"SELECT count(*) FROM plant.runs r"_s + sql.where;
    QVariantList binds = sql.binds;
    if (atMost > 0) {
        select
            = u"SELECT count(*) FROM (SELECT 1 FROM plant.runs r"_s + sql.where + u" LIMIT ?) c"_s;
        binds << atMost + 1;
    }
    if (auto ok = run(query, select, binds, u"count runs"_s); !ok)
        return fail(errorFrom(ok.error()));
    if (!query.next())
        return fail(ErrorCode::Database, Tr::tr("The plant database returned no result."));
    return query.value(0).toLongLong();
}

Result<QList<RunRow>> PlantQuery::selectRuns(
    const QString &where, const QVariantList &binds, const QString &tail) const
{
    if (auto ok = checkOpen(); !ok)
        return fail(ok.error());
    QSqlQuery query(m_connection->database());
    query.setForwardOnly(true);
    const QString sql = u"SELECT "_s + runRowColumns() + u" FROM plant.runs r"_s + where + tail;
    if (auto ok = run(query, sql, binds, u"read runs"_s); !ok)
        return fail(errorFrom(ok.error()));
    QList<RunRow> rows;
    while (query.next())
        rows << readRunRow(query);
    return rows;
}

Result<QList<RunRow>> PlantQuery::fetchRuns(const RunFilter &filter, qint64 offset, int limit) const
{
    const FilterSql sql = plantFilterSql(filter);
    QVariantList binds = sql.binds;
    binds << std::max(limit, 0) << std::max<qint64>(offset, 0);
    return selectRuns(sql.where, binds, QString::fromUtf16(NewestFirst) + u" LIMIT ? OFFSET ?"_s);
}

Result<QList<RunRow>> PlantQuery::fetchRunsAfter(
    const RunFilter &filter, const RunKey &after, int limit) const
{
    const FilterSql sql = plantFilterSql(filter);
    QVariantList binds = sql.binds;
    // Row values keep the comparison on the (started_utc, run_uuid) order the indexes provide.
    const QString where
        = andWhere(sql.where, u"(r.started_utc, r.run_uuid) < (?::timestamptz, ?::uuid)"_s);
    binds << RecordSql::timeText(after.started) << after.runUuid.toString(QUuid::WithoutBraces)
          << std::max(limit, 0);
    return selectRuns(where, binds, QString::fromUtf16(NewestFirst) + u" LIMIT ?"_s);
}

Result<QList<RunRow>> PlantQuery::runsOfDevice(const QString &deviceId) const
{
    return selectRuns(u" WHERE r.device_id = ?"_s, {deviceId}, QString::fromUtf16(NewestFirst));
}

Result<RunDetail> PlantQuery::runDetail(const QString &stationId, const QUuid &runUuid) const
{
    if (auto ok = checkOpen(); !ok)
        return fail(ok.error());
    const QString uuid = runUuid.toString(QUuid::WithoutBraces);
    const QString what = u"read run %1 of %2"_s.arg(uuid, stationId);
    const QVariantList key {stationId, uuid};
    QSqlQuery query(m_connection->database());
    query.setForwardOnly(true);
    auto read = run(query,
        uR"(SELECT local_run_id, fixture, fixture_label, connection_path, device_id,
                   serial_number, ip_address, recipe_name, recipe_version, recipe_sha256,
                   recipe_path, station, operator, app_version, backend, azsphere_path,
                   azsphere_version, rf_tool_path, rf_tool_version, os_version, image_ids,
                   manufacturing_state, %1, %2, outcome, failed_step, error_code, cause,
                   cause_text, azsphere_cli, product_name, device_group_name, run_uuid::text
            FROM plant.runs WHERE station_id = ? AND run_uuid = ?::uuid)"_s.arg(
            msOf(u"started_utc"), msOf(u"finished_utc")),
        key,
        what);
    if (!read)
        return fail(errorFrom(read.error()));
    if (!query.next()) {
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("The plant has no run %1 of station %2.").arg(uuid, stationId),
            what);
    }
    RunDetail detail;
    RunInfo &runInfo = detail.run;
    RunStart &start = runInfo.start;
    int c = 0;
    runInfo.id = query.value(c++).toLongLong();
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
    start.started = timeFromMs(query.value(c++));
    runInfo.finished = timeFromMs(query.value(c++));
    runInfo.outcome = runOutcomeFromText(query.value(c++).toString());
    runInfo.failedStep = query.value(c++).toString();
    runInfo.errorCode = errorCodeFromText(query.value(c++).toString());
    const QString cause = query.value(c++).toString();
    runInfo.cause = Text::fromStorage(cause, query.value(c++).toString());
    start.azsphereCli = query.value(c++).toString();
    start.productName = query.value(c++).toString();
    start.deviceGroupName = query.value(c++).toString();
    start.runUuid = query.value(c++).toString();
    query.finish();

    QHash<int, qsizetype> stepIndex;
    read = run(query,
        uR"(SELECT seq, name, type, %1, %2, outcome, attempts, error_code, cause, remedy, note,
                   data, cause_text, remedy_text, note_text
            FROM plant.steps WHERE station_id = ? AND run_uuid = ?::uuid ORDER BY seq)"_s.arg(
            msOf(u"started_utc"), msOf(u"finished_utc")),
        key,
        what);
    if (!read)
        return fail(errorFrom(read.error()));
    while (query.next()) {
        StepResult step;
        step.seq = query.value(0).toInt();
        stepIndex.insert(step.seq, detail.steps.size());
        step.name = query.value(1).toString();
        step.type = query.value(2).toString();
        step.started = timeFromMs(query.value(3));
        step.finished = timeFromMs(query.value(4));
        step.outcome = stepOutcomeFromName(query.value(5).toString()).value_or(StepOutcome::Failed);
        step.attempts = query.value(6).toInt();
        step.errorCode = errorCodeFromText(query.value(7).toString());
        step.cause = Text::fromStorage(query.value(8).toString(), query.value(12).toString());
        step.remedy = Text::fromStorage(query.value(9).toString(), query.value(13).toString());
        step.note = Text::fromStorage(query.value(10).toString(), query.value(14).toString());
        step.data
            = QJsonDocument::fromJson(query.value(11).toString().toUtf8()).object().toVariantMap();
        detail.steps << step;
    }
    query.finish();

    read = run(query,
        uR"(SELECT step_seq, command_line, outcome, exit_code, stdout, stderr, truncated, %1, %2
            FROM plant.commands WHERE station_id = ? AND run_uuid = ?::uuid
            ORDER BY step_seq, seq)"_s.arg(msOf(u"started_utc"), msOf(u"finished_utc")),
        key,
        what);
    if (!read)
        return fail(errorFrom(read.error()));
    while (query.next()) {
        const qsizetype index = stepIndex.value(query.value(0).toInt(), -1);
        if (index < 0)
            continue;
        CommandRecord command;
        command.commandLine = query.value(1).toString();
        command.outcome
            = toolOutcomeFromName(query.value(2).toString()).value_or(ToolOutcome::Crashed);
        command.exitCode = query.value(3).toInt();
        command.stdOut = query.value(4).toString();
        command.stdErr = query.value(5).toString();
        command.truncated = query.value(6).toBool();
        command.started = timeFromMs(query.value(7));
        command.finished = timeFromMs(query.value(8));
        detail.steps[index].commands << command;
    }
    query.finish();

    read = run(query,
        uR"(SELECT step_seq, name, value, unit, low, high, pass
            FROM plant.measurements WHERE station_id = ? AND run_uuid = ?::uuid
            ORDER BY step_seq, seq)"_s,
        key,
        what);
    if (!read)
        return fail(errorFrom(read.error()));
    while (query.next()) {
        const qsizetype index = stepIndex.value(query.value(0).toInt(), -1);
        if (index < 0)
            continue;
        Measurement measurement;
        measurement.name = query.value(1).toString();
        measurement.value = realFromValue(query.value(2));
        measurement.unit = query.value(3).toString();
        measurement.low = optionalReal(query.value(4));
        measurement.high = optionalReal(query.value(5));
        measurement.passed = query.value(6).toBool();
        detail.steps[index].measurements << measurement;
    }
    return detail;
}

Result<YieldReport> PlantQuery::yieldReport(const RunFilter &filter) const
{
    if (auto ok = checkOpen(); !ok)
        return fail(ok.error());
    const FilterSql sql = plantFilterSql(filter);
    const QString what = u"compute the plant's yield"_s;
    YieldReport report;
    QSqlQuery query(m_connection->database());
    query.setForwardOnly(true);

    // Runs by outcome, and runs that never learned their device.
    auto read = run(query,
        u"SELECT r.outcome, count(*), count(*) FILTER (WHERE r.device_id = '') "
        u"FROM plant.runs r"_s
            + sql.where + u" GROUP BY r.outcome"_s,
        sql.binds,
        what);
    if (!read)
        return fail(errorFrom(read.error()));
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

    // Per device, across every station the filter selects: did any run pass, how did its first
    // and its latest run end (by start time; the run UUID only breaks a tie).
    // The runs are selected first (MATERIALIZED): grouped straight from the table, the planner
    // may walk the device index over the whole plant to save a sort of one shift's runs.
    read = run(query,
        uR"(WITH selected AS MATERIALIZED (
                SELECT r.device_id, r.outcome, r.started_utc, r.run_uuid FROM plant.runs r)"_s
            + andWhere(sql.where, u"r.device_id <> ''"_s) + uR"()
            SELECT count(*),
                   count(*) FILTER (WHERE passed),
                   count(*) FILTER (WHERE NOT passed AND last_outcome = 'RUNNING'),
                   count(*) FILTER (WHERE first_outcome = 'PASS'),
                   count(*) FILTER (WHERE first_outcome = 'RUNNING')
            FROM (SELECT bool_or(s.outcome = 'PASS') AS passed,
                         (array_agg(s.outcome ORDER BY s.started_utc, s.run_uuid))[1]
                             AS first_outcome,
                         (array_agg(s.outcome ORDER BY s.started_utc DESC, s.run_uuid DESC))[1]
                             AS last_outcome
                  FROM selected s GROUP BY s.device_id) d)"_s,
        sql.binds,
        what);
    if (!read)
        return fail(errorFrom(read.error()));
    if (!query.next())
        return fail(ErrorCode::Database, Tr::tr("The plant database returned no result."), what);
    setDeviceCounts(report,
        query.value(0).toInt(),
        query.value(1).toInt(),
        query.value(2).toInt(),
        query.value(3).toInt(),
        query.value(4).toInt());
    query.finish();

    // Production time, as RecordQuery::yieldReport defines it: the union of the intervals in
    // which at least one selected run was in progress, clipped to the range and to now; a run
    // still RUNNING lasts to its latest recorded step time. The server merges the intervals
    // (gaps and islands: a run opens a new island when it starts after every earlier one
    // ended), so only one number crosses the network.
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime rangeEnd = filter.to.isValid() ? std::min(filter.to, now) : now;
        QVariantList binds;
        binds << (filter.from.isValid() ? QVariant(RecordSql::timeText(filter.from))
                                        : QVariant(QMetaType(QMetaType::QString)));
        binds << RecordSql::timeText(rangeEnd);
        binds << sql.binds;
        read = run(query,
            uR"(WITH bounds AS (SELECT ?::timestamptz AS range_from, ?::timestamptz AS range_end),
                 spans AS (
                     SELECT greatest(r.started_utc, coalesce(b.range_from, r.started_utc)) AS s,
                            least(coalesce(r.finished_utc,
                                           (SELECT max(coalesce(st.finished_utc, st.started_utc))
                                            FROM plant.steps st
                                            WHERE st.station_id = r.station_id
                                              AND st.run_uuid = r.run_uuid),
                                           r.started_utc),
                                  b.range_end) AS e
                     FROM plant.runs r CROSS JOIN bounds b)"_s
                + sql.where + uR"(),
                 valid AS (SELECT s, e FROM spans WHERE e > s),
                 marked AS (
                     SELECT s, e,
                            CASE WHEN s <= max(e) OVER (ORDER BY s, e ROWS BETWEEN UNBOUNDED
                                                        PRECEDING AND 1 PRECEDING)
                                 THEN 0 ELSE 1 END AS opens
                     FROM valid),
                 islands AS (
                     SELECT s, e, sum(opens) OVER (ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS island
                     FROM marked)
            SELECT coalesce(sum(extract(epoch FROM hi - lo)), 0)::double precision
            FROM (SELECT min(s) AS lo, max(e) AS hi FROM islands GROUP BY island) i)"_s,
            binds,
            what);
        if (!read)
            return fail(errorFrom(read.error()));
        if (!query.next())
            return fail(
                ErrorCode::Database, Tr::tr("The plant database returned no result."), what);
        report.hours = query.value(0).toDouble() / 3600.0;
        query.finish();
    }
    if (report.hours > 0) {
        report.devicesPerHour = report.devicesStarted / report.hours;
        report.passedPerHour = report.devicesPassed / report.hours;
    }

    // Failure Pareto of the FAIL runs: by failed step, and by error code labelled with the cause
    // of its latest run. Byte order (COLLATE "C") breaks ties as the station's record does.
    const QString failed = andWhere(sql.where, u"r.outcome = 'FAIL'"_s);
    read = run(query,
        u"SELECT r.failed_step, count(*) AS n FROM plant.runs r"_s + failed
            + u" GROUP BY r.failed_step ORDER BY n DESC, r.failed_step COLLATE \"C\""_s,
        sql.binds,
        what);
    if (!read)
        return fail(errorFrom(read.error()));
    while (query.next()) {
        report.failuresByStep << ParetoEntry {query.value(0).toString(),
            Text::raw(query.value(0).toString()),
            query.value(1).toInt()};
    }
    query.finish();
    read = run(query,
        u"SELECT r.error_code, count(*) AS n, "
        u"(array_agg(r.cause ORDER BY r.started_utc DESC, r.run_uuid DESC))[1], "
        u"(array_agg(r.cause_text ORDER BY r.started_utc DESC, r.run_uuid DESC))[1] "
        u"FROM plant.runs r"_s
            + failed + u" GROUP BY r.error_code ORDER BY n DESC, r.error_code COLLATE \"C\""_s,
        sql.binds,
        what);
    if (!read)
        return fail(errorFrom(read.error()));
    while (query.next()) {
        report.failuresByError << ParetoEntry {query.value(0).toString(),
            Text::fromStorage(query.value(2).toString(), query.value(3).toString()),
            query.value(1).toInt()};
    }
    return report;
}

} // namespace Station
