#include "services/records/recordstore.h"

#include "services/base/tr.h"
#include "services/records/audittrail.h"
#include "services/records/recordschema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <cmath>
#include <mutex>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

using RecordSql::textValue;
using RecordSql::timeValue;

QVariant errorCodeValue(ErrorCode code)
{
    return code == ErrorCode::None ? QVariant(QStringLiteral("")) : errorCodeName(code);
}

QVariant realValue(double value)
{
    // SQLite stores NaN as NULL; say so explicitly (the reader turns NULL back into NaN).
    return std::isnan(value) ? QVariant(QMetaType::fromType<double>()) : QVariant(value);
}

QVariant optionalReal(const std::optional<double> &value)
{
    return value ? realValue(*value) : QVariant(QMetaType::fromType<double>());
}

Result<void> executed(const Result<QSqlQuery *> &query)
{
    if (!query)
        return fail(query.error());
    return {};
}

// The device row follows every run that names the device: first/last seen, latest run and
// state; last_outcome is RUNNING until finishRun (or closeInterruptedRuns) sets the verdict.
Result<void> touchDevice(RecordSql::Statements &statements,
    const QString &deviceId,
    qint64 runId,
    const QDateTime &seen,
    const QString &manufacturingState,
    const QString &outcome)
{
    return executed(statements.exec(
        uR"(INSERT INTO devices (device_id, first_seen_utc, last_seen_utc, manufacturing_state,
                                 last_outcome, last_run_id)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (device_id) DO UPDATE SET
                last_seen_utc = max(last_seen_utc, excluded.last_seen_utc),
                manufacturing_state = coalesce(nullif(excluded.manufacturing_state, ''),
                                               manufacturing_state),
                last_outcome = excluded.last_outcome,
                last_run_id = excluded.last_run_id)"_s,
        {deviceId,
            RecordSql::timeText(seen),
            RecordSql::timeText(seen),
            textValue(manufacturingState),
            outcome,
            runId},
        u"update device %1"_s.arg(deviceId)));
}

// The first run that sees a serial number together with a device binds them; later runs never
// rebind, so a label stuck on a second device can be found with deviceForSerial().
Result<void> bindSerial(RecordSql::Statements &statements,
    const QString &serialNumber,
    const QString &deviceId,
    qint64 runId,
    const QDateTime &time)
{
    if (serialNumber.isEmpty() || deviceId.isEmpty())
        return {};
    return executed(statements.exec(
        uR"(INSERT OR IGNORE INTO serials (serial_number, device_id, first_run_id, bound_utc)
            VALUES (?, ?, ?, ?))"_s,
        {serialNumber, deviceId, runId, RecordSql::timeText(time)},
        u"bind serial number %1"_s.arg(serialNumber)));
}

// The station's writers (every fixture's connection and the GUI thread's) take turns here
// before SQLite's write lock: a writer waiting for SQLite's lock polls with growing sleeps
// (1, 2, 5, 10 ... 100 ms), so with dozens of fixtures a 3 ms commit could cost another writer
// 10 ms or more; a waiter on this mutex starts the moment the previous commit ends. Other
// processes on the same file (an export, a second station) still meet SQLite's busy timeout.
std::mutex &writerTurn()
{
    static std::mutex turn;
    return turn;
}

Error keptInMemory(Error error)
{
    error.remedy = error.remedy.isEmpty()
        ? Tr::tr("The station keeps the result in memory and writes it as soon as the record "
                 "can be written again.")
        : Tr::tr("%1 The station keeps the result in memory and writes it as soon as the record "
                 "can be written again.")
              .arg(error.remedy);
    return error;
}

Error noSuchRun(qint64 runId)
{
    return Error::make(ErrorCode::InvalidArgument,
        Tr::tr("The record has no run %1.").arg(runId),
        u"run id %1"_s.arg(runId));
}

} // namespace

RecordStore::RecordStore()
    : m_connectionName(RecordSql::uniqueConnectionName(u"station-record"_s))
    , m_statements(std::make_unique<RecordSql::Statements>())
{ }

RecordStore::~RecordStore()
{
    if (!m_pending.empty()) {
        qCritical("Record store %s destroyed with %d unwritten operation(s); they are lost",
            qUtf8Printable(m_path),
            pendingCount());
    }
    close();
}

bool RecordStore::isKeptPending(const Error &error)
{
    return RecordSql::isTransient(error);
}

int RecordStore::schemaVersion()
{
    return RecordSql::schemaVersion();
}

Result<void> RecordStore::open(const QString &path)
{
    close();
    Result<QSqlDatabase> db
        = RecordSql::openConnection(path, m_connectionName, RecordSql::Access::ReadWrite);
    if (!db)
        return fail(db.error());
    m_db = *db;
    m_statements->attach(m_db);
    m_path = path;
    m_thread = QThread::currentThread();
    if (m_syncEveryWrite)
        setSyncEveryWrite(true);
    return {};
}

void RecordStore::close()
{
    if (!m_db.isValid())
        return;
    Q_ASSERT_X(m_thread == QThread::currentThread(),
        "RecordStore::close",
        "a record connection must be closed on the thread that opened it");
    m_statements->clear();
    RecordSql::closeConnection(m_db);
    m_thread = nullptr;
}

bool RecordStore::isOpen() const
{
    return m_db.isOpen();
}

Result<void> RecordStore::checkUsable() const
{
    if (!m_db.isOpen()) {
        return fail(ErrorCode::RecordUnwritable,
            Tr::tr("The record file is not open."),
            m_path.isEmpty() ? u"no record file opened"_s : u"%1 is closed"_s.arg(m_path));
    }
    Q_ASSERT_X(m_thread == QThread::currentThread(),
        "RecordStore",
        "a record connection is used only by the thread that opened it");
    return {};
}

Result<void> RecordStore::submit(Operation operation)
{
    if (auto flushed = retryPending(); !flushed) {
        m_pending.push_back(std::move(operation));
        return fail(keptInMemory(flushed.error()));
    }
    Result<void> written = checkUsable();
    if (written)
        written = operation();
    if (!written && RecordSql::isTransient(written.error())) {
        m_pending.push_back(std::move(operation));
        return fail(keptInMemory(written.error()));
    }
    return written;
}

void RecordStore::setSyncEveryWrite(bool every)
{
    m_syncEveryWrite = every;
    if (!m_db.isOpen())
        return;
    const auto level = every ? RecordSql::Synchronous::Full : RecordSql::Synchronous::Normal;
    if (auto set = RecordSql::setSynchronous(m_db, level); !set)
        qWarning("Record %s: %s", qUtf8Printable(m_path), qUtf8Printable(set.error().message));
}

Result<void> RecordStore::synced(RecordSync sync, const Operation &write)
{
    const std::lock_guard turn(writerTurn());
    const bool durable = sync == RecordSync::Durable || m_syncEveryWrite;
    // With every write durable the connection stays at FULL (set by open/setSyncEveryWrite).
    if (!durable || m_syncEveryWrite) {
        Result<void> written = write();
        if (written && durable)
            ++m_durableWrites;
        return written;
    }
    if (auto full = RecordSql::setSynchronous(m_db, RecordSql::Synchronous::Full); !full)
        return full;
    Result<void> written = write();
    if (written)
        ++m_durableWrites;
    if (auto normal = RecordSql::setSynchronous(m_db, RecordSql::Synchronous::Normal);
        !normal && written) {
        // The write is in and durable; later Deferred writes would be durable too: harmless.
        qWarning("Record %s: %s", qUtf8Printable(m_path), qUtf8Printable(normal.error().message));
    }
    return written;
}

Result<void> RecordStore::retryPending()
{
    while (!m_pending.empty()) {
        Result<void> written = checkUsable();
        if (written)
            written = m_pending.front()();
        if (!written && RecordSql::isTransient(written.error()))
            return written;
        // A queued write that the record now refuses for good (e.g. its data was in fact stored
        // by a commit that reported an I/O error) can never succeed: report it and go on.
        m_pending.pop_front();
        if (!written)
            return written;
    }
    return {};
}

Result<qint64> RecordStore::beginRun(const RunStart &start)
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    if (auto flushed = retryPending(); !flushed)
        return fail(keptInMemory(flushed.error()));
    if (start.fixture < 0) {
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("The fixture number %1 is invalid.").arg(start.fixture));
    }

    const QDateTime started
        = start.started.isValid() ? start.started.toUTC() : QDateTime::currentDateTimeUtc();
    // Deferred: the run row is in the record before the first command (it survives a crash);
    // the connect step changes nothing on the device, and the details step's commit, the first
    // that names the device, is Durable and takes the run row with it.
    qint64 runId = 0;
    Result<void> written
        = synced(RecordSync::Deferred, [&] { return writeRunStart(start, started, &runId); });
    if (!written)
        return fail(written.error());
    return runId;
}

Result<void> RecordStore::writeRunStart(
    const RunStart &start, const QDateTime &started, qint64 *runId)
{
    RecordSql::WriteTransaction transaction(m_db);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    QSqlQuery *query = nullptr;
    auto inserted = m_statements->exec(
        uR"(INSERT INTO runs (fixture, fixture_label, connection_path, device_id, serial_number,
                              ip_address, recipe_name, recipe_version, recipe_sha256, recipe_path,
                              station, operator, app_version, backend, azsphere_cli,
                              azsphere_path, azsphere_version, rf_tool_path, rf_tool_version,
                              os_version, image_ids, manufacturing_state, started_utc, outcome,
                              product_name, device_group_name, run_uuid, operator_kind)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    'RUNNING', ?, ?, ?, ?))"_s,
        {start.fixture,
            textValue(start.fixtureLabel),
            textValue(start.connectionPath),
            textValue(start.deviceId),
            textValue(start.serialNumber),
            textValue(start.ipAddress),
            textValue(start.recipeName),
            textValue(start.recipeVersion),
            textValue(start.recipeSha256),
            textValue(start.recipePath),
            textValue(start.station),
            textValue(start.operatorName),
            textValue(start.appVersion),
            textValue(start.backend),
            textValue(start.azsphereCli),
            textValue(start.azsphereToolPath),
            textValue(start.azsphereToolVersion),
            textValue(start.rfToolPath),
            textValue(start.rfToolVersion),
            textValue(start.osVersion),
            textValue(start.imageIds.join(u' ')),
            textValue(start.manufacturingState),
            RecordSql::timeText(started),
            textValue(start.productName),
            textValue(start.deviceGroupName),
            start.runUuid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                    : start.runUuid,
            textValue(start.operatorKind)},
        u"begin run on fixture %1"_s.arg(start.fixture));
    if (!inserted)
        return fail(inserted.error());
    query = *inserted;
    *runId = query->lastInsertId().toLongLong();
    query->finish();

    if (!start.deviceId.isEmpty()) {
        auto device = touchDevice(
            *m_statements, start.deviceId, *runId, started, start.manufacturingState, u"RUNNING"_s);
        if (!device)
            return device;
        auto bound = bindSerial(*m_statements, start.serialNumber, start.deviceId, *runId, started);
        if (!bound)
            return bound;
    }
    RecordEvent event;
    event.time = started;
    event.station = start.station;
    event.operatorName = start.operatorName;
    event.role = start.operatorKind == u"automation" ? start.operatorKind : start.operatorRole;
    event.fixture = start.fixture;
    event.kind = u"run-start"_s;
    event.target = start.deviceId.isEmpty() ? start.serialNumber : start.deviceId;
    event.detail = u"run %1: %2 %3"_s.arg(*runId).arg(start.recipeName, start.recipeVersion);
    // Nobody clicked: the station started it under the signed-in user (docs/roles.md).
    if (start.operatorKind == u"hands-free")
        event.detail += u" (hands-free)"_s;
    if (auto logged = writeEvent(event); !logged)
        return logged;
    return transaction.commit();
}

Result<void> RecordStore::updateRunDevice(qint64 runId, const RunDeviceInfo &info, RecordSync sync)
{
    if (runId <= 0)
        return fail(noSuchRun(runId));
    return submit([this, runId, info, sync] {
        return synced(sync, [&] { return writeRunDevice(runId, info); });
    });
}

Result<void> RecordStore::writeRunDevice(qint64 runId, const RunDeviceInfo &info)
{
    RecordSql::WriteTransaction transaction(m_db);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    if (auto ok = updateDevice(runId, info); !ok)
        return ok;
    return transaction.commit();
}

// The statements of updateRunDevice, inside the caller's transaction.
Result<void> RecordStore::updateDevice(qint64 runId, const RunDeviceInfo &info)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery *query = nullptr;
    if (info.dropSerial) {
        if (auto dropped
            = executed(m_statements->exec(u"UPDATE runs SET serial_number = '' WHERE id = ?"_s,
                {runId},
                u"drop the label of run %1"_s.arg(runId)));
            !dropped)
            return dropped;
    }
    auto updated = m_statements->exec(uR"(UPDATE runs SET
                device_id = coalesce(nullif(?, ''), device_id),
                ip_address = coalesce(nullif(?, ''), ip_address),
                connection_path = coalesce(nullif(?, ''), connection_path),
                os_version = coalesce(nullif(?, ''), os_version),
                image_ids = coalesce(nullif(?, ''), image_ids),
                manufacturing_state = coalesce(nullif(?, ''), manufacturing_state),
                serial_number = coalesce(nullif(?, ''), serial_number)
            WHERE id = ?)"_s,
        {textValue(info.deviceId),
            textValue(info.ipAddress),
            textValue(info.connectionPath),
            textValue(info.osVersion),
            textValue(info.imageIds.join(u' ')),
            textValue(info.manufacturingState),
            textValue(info.serialNumber),
            runId},
        u"update device details of run %1"_s.arg(runId));
    if (!updated)
        return fail(updated.error());
    query = *updated;
    if (query->numRowsAffected() == 0)
        return fail(noSuchRun(runId));

    auto read
        = m_statements->exec(u"SELECT device_id, serial_number, outcome FROM runs WHERE id = ?"_s,
            {runId},
            u"read run %1"_s.arg(runId));
    if (!read)
        return fail(read.error());
    query = *read;
    if (!query->next())
        return fail(noSuchRun(runId));
    const QString deviceId = query->value(0).toString();
    const QString serialNumber = query->value(1).toString();
    const QString outcome = query->value(2).toString();
    query->finish();
    if (!deviceId.isEmpty()) {
        if (auto ok
            = touchDevice(*m_statements, deviceId, runId, now, info.manufacturingState, outcome);
            !ok)
            return ok;
        if (auto ok = bindSerial(*m_statements, serialNumber, deviceId, runId, now); !ok)
            return ok;
    }
    return {};
}

Result<void> RecordStore::commitStep(qint64 runId,
    const StepResult &step,
    const std::optional<RunDeviceInfo> &device,
    RecordSync sync)
{
    if (runId <= 0)
        return fail(noSuchRun(runId));
    if (step.seq <= 0) {
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("The step \"%1\" has no position in the recipe.").arg(step.name),
            u"seq %1"_s.arg(step.seq));
    }
    return submit([this, runId, step, device, sync] {
        return synced(sync, [&] { return writeStep(runId, step, device); });
    });
}

Result<void> RecordStore::writeStep(
    qint64 runId, const StepResult &step, const std::optional<RunDeviceInfo> &device)
{
    const QString what = u"commit step %1 (%2) of run %3"_s.arg(step.seq).arg(step.name).arg(runId);
    RecordSql::WriteTransaction transaction(m_db);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    if (device) {
        if (auto ok = updateDevice(runId, *device); !ok)
            return ok;
    }

    QSqlQuery *query = nullptr;
    const QByteArray data
        = QJsonDocument(QJsonObject::fromVariantMap(step.data)).toJson(QJsonDocument::Compact);
    auto inserted = m_statements->exec(
        uR"(INSERT INTO steps (run_id, seq, name, type, started_utc, finished_utc, outcome,
                               attempts, error_code, cause, remedy, note, data, cause_text,
                               remedy_text, note_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s,
        {runId,
            step.seq,
            textValue(step.name),
            textValue(step.type),
            timeValue(step.started),
            timeValue(step.finished),
            stepOutcomeName(step.outcome),
            step.attempts,
            errorCodeValue(step.errorCode),
            textValue(step.cause.english()),
            textValue(step.remedy.english()),
            textValue(step.note.english()),
            QString::fromUtf8(data),
            textValue(step.cause.toStorage()),
            textValue(step.remedy.toStorage()),
            textValue(step.note.toStorage())},
        what);
    if (!inserted)
        return fail(inserted.error());
    query = *inserted;
    const qint64 stepId = query->lastInsertId().toLongLong();

    if (!step.commands.isEmpty()) {
        const QString insertCommand
            = uR"(INSERT INTO commands (step_id, seq, command_line, outcome, exit_code, stdout,
                                        stderr, truncated, started_utc, finished_utc)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s;
        for (qsizetype i = 0; i < step.commands.size(); ++i) {
            const CommandRecord &command = step.commands.at(i);
            auto ok = m_statements->exec(insertCommand,
                {stepId,
                    int(i + 1),
                    textValue(command.commandLine),
                    toolOutcomeName(command.outcome),
                    command.exitCode,
                    textValue(command.stdOut),
                    textValue(command.stdErr),
                    command.truncated ? 1 : 0,
                    timeValue(command.started),
                    timeValue(command.finished)},
                what);
            if (!ok)
                return fail(ok.error());
        }
    }
    if (!step.measurements.isEmpty()) {
        const QString insertMeasurement
            = uR"(INSERT INTO measurements (step_id, seq, name, value, unit, low, high, pass)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?))"_s;
        for (qsizetype i = 0; i < step.measurements.size(); ++i) {
            const Measurement &measurement = step.measurements.at(i);
            auto ok = m_statements->exec(insertMeasurement,
                {stepId,
                    int(i + 1),
                    textValue(measurement.name),
                    realValue(measurement.value),
                    textValue(measurement.unit),
                    optionalReal(measurement.low),
                    optionalReal(measurement.high),
                    measurement.passed ? 1 : 0},
                what);
            if (!ok)
                return fail(ok.error());
        }
    }
    return transaction.commit();
}

Result<void> RecordStore::finishRun(qint64 runId,
    RunOutcome outcome,
    const QString &failedStep,
    ErrorCode errorCode,
    const Text &cause,
    const QDateTime &finished)
{
    if (runId <= 0)
        return fail(noSuchRun(runId));
    if (outcome == RunOutcome::Running) {
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("A run cannot be finished as RUNNING."),
            u"run %1"_s.arg(runId));
    }
    const QDateTime end = finished.isValid() ? finished.toUTC() : QDateTime::currentDateTimeUtc();
    return submit([this, runId, outcome, failedStep, errorCode, cause, end] {
        return synced(RecordSync::Durable,
            [&] { return writeFinish(runId, outcome, failedStep, errorCode, cause, end); });
    });
}

Result<void> RecordStore::writeFinish(qint64 runId,
    RunOutcome outcome,
    const QString &failedStep,
    ErrorCode errorCode,
    const Text &cause,
    const QDateTime &finished)
{
    const QString what = u"finish run %1 as %2"_s.arg(runId).arg(runOutcomeName(outcome));
    RecordSql::WriteTransaction transaction(m_db);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    QSqlQuery *query = nullptr;

    if (outcome == RunOutcome::Pass) {
        auto counted = m_statements->exec(
            uR"(SELECT count(*), coalesce(sum(outcome NOT IN ('PASS', 'SKIPPED')), 0)
                FROM steps WHERE run_id = ?)"_s,
            {runId},
            what);
        if (!counted)
            return fail(counted.error());
        query = *counted;
        if (!query->next())
            return fail(noSuchRun(runId));
        const int steps = query->value(0).toInt();
        const int notPassed = query->value(1).toInt();
        query->finish();
        const QString counts
            = u"%1 steps committed, %2 not PASS/SKIPPED"_s.arg(steps).arg(notPassed);
        if (steps == 0) {
            return fail(ErrorCode::InvalidArgument,
                Tr::tr("Run %1 cannot be recorded as PASS: it has no recorded steps.").arg(runId),
                counts);
        }
        if (notPassed > 0) {
            return fail(ErrorCode::InvalidArgument,
                Tr::tr("Run %1 cannot be recorded as PASS: %n of its steps did not pass.",
                    nullptr,
                    notPassed)
                    .arg(runId),
                counts);
        }
    }

    auto updated = m_statements->exec(
        uR"(UPDATE runs SET outcome = ?, finished_utc = ?, failed_step = ?, error_code = ?,
                            cause = ?, cause_text = ?
            WHERE id = ? AND outcome = 'RUNNING')"_s,
        {runOutcomeName(outcome),
            RecordSql::timeText(finished),
            textValue(failedStep),
            errorCodeValue(errorCode),
            textValue(cause.english()),
            textValue(cause.toStorage()),
            runId},
        what);
    if (!updated)
        return fail(updated.error());
    query = *updated;
    const bool changed = query->numRowsAffected() > 0;

    auto read = m_statements->exec(
        u"SELECT outcome, device_id, manufacturing_state FROM runs WHERE id = ?"_s, {runId}, what);
    if (!read)
        return fail(read.error());
    query = *read;
    if (!query->next())
        return fail(noSuchRun(runId));
    const QString recorded = query->value(0).toString();
    const QString deviceId = query->value(1).toString();
    const QString state = query->value(2).toString();
    query->finish();
    if (!changed) {
        // Already finished with this verdict (a retried write that had in fact been stored).
        if (recorded == runOutcomeName(outcome))
            return {};
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("Run %1 is already finished as %2.").arg(runId).arg(recorded),
            what);
    }
    if (!deviceId.isEmpty()) {
        if (auto ok = touchDevice(*m_statements, deviceId, runId, finished, state, recorded); !ok)
            return ok;
    }
    return transaction.commit();
}

Result<void> RecordStore::logEvent(const RecordEvent &event, RecordSync sync)
{
    RecordEvent stamped = event;
    if (!stamped.time.isValid())
        stamped.time = QDateTime::currentDateTimeUtc();
    return submit([this, stamped, sync] {
        return synced(sync, [&] {
            RecordSql::WriteTransaction transaction(m_db);
            if (auto ok = transaction.begin(); !ok)
                return ok;
            if (auto ok = writeEvent(stamped); !ok)
                return ok;
            return transaction.commit();
        });
    });
}

// Inside the caller's write transaction (BEGIN IMMEDIATE: no other writer between reading the
// chain's head and appending to it).
Result<void> RecordStore::writeEvent(const RecordEvent &event)
{
    const auto head = Audit::head(m_db);
    if (!head)
        return fail(head.error());
    Audit::Entry entry;
    entry.seq = head->seq + 1;
    entry.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.timeUtc = RecordSql::timeText(event.time);
    entry.station = event.station;
    entry.user = event.operatorName;
    entry.role = event.role;
    entry.fixture = event.fixture;
    entry.action = event.kind;
    entry.target = event.target;
    entry.oldValue = event.oldValue;
    entry.newValue = event.newValue;
    entry.reason = event.reason;
    entry.detail = event.detail;
    entry.prevHash = head->hash;
    entry.hash = Audit::entryHash(entry);
    return executed(m_statements->exec(
        uR"(INSERT INTO events (time_utc, station, operator, fixture, kind, detail, event_uuid,
                                user_role, target, old_value, new_value, reason, seq, prev_hash,
                                hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s,
        {entry.timeUtc,
            textValue(entry.station),
            textValue(entry.user),
            entry.fixture,
            textValue(entry.action),
            textValue(entry.detail),
            entry.uuid,
            textValue(entry.role),
            textValue(entry.target),
            textValue(entry.oldValue),
            textValue(entry.newValue),
            textValue(entry.reason),
            entry.seq,
            entry.prevHash,
            entry.hash},
        u"log event %1"_s.arg(event.kind)));
}

Result<int> RecordStore::closeInterruptedRuns()
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    if (auto flushed = retryPending(); !flushed)
        return fail(keptInMemory(flushed.error()));

    const std::lock_guard turn(writerTurn());
    RecordSql::WriteTransaction transaction(m_db);
    if (auto ok = transaction.begin(); !ok)
        return fail(ok.error());
    QSqlQuery *query = nullptr;
    const Text interrupted
        = Tr::tr("The station stopped before the run finished (crash or power loss).");
    auto updated = m_statements->exec(uR"(UPDATE runs SET
                outcome = 'INTERRUPTED',
                finished_utc = coalesce((SELECT max(finished_utc) FROM steps
                                         WHERE steps.run_id = runs.id), ?),
                cause_text = CASE WHEN cause = '' THEN ? ELSE cause_text END,
                cause = CASE WHEN cause = '' THEN ? ELSE cause END
            WHERE outcome = 'RUNNING')"_s,
        {RecordSql::timeText(QDateTime::currentDateTimeUtc()),
            interrupted.toStorage(),
            interrupted.english()},
        u"close interrupted runs"_s);
    if (!updated)
        return fail(updated.error());
    query = *updated;
    const int closed = query->numRowsAffected();

    auto devices = m_statements->exec(uR"(UPDATE devices SET last_outcome = 'INTERRUPTED'
            WHERE last_outcome = 'RUNNING'
              AND last_run_id IN (SELECT id FROM runs WHERE outcome = 'INTERRUPTED'))"_s,
        {},
        u"mark devices of interrupted runs"_s);
    if (!devices)
        return fail(devices.error());
    if (auto ok = transaction.commit(); !ok)
        return fail(ok.error());
    return closed;
}

Result<std::optional<RecordStore::FinalizingRun>> RecordStore::finalizingRun(
    const QString &deviceId)
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    const QString what = u"look up the run that finalized %1"_s.arg(deviceId);
    auto read = m_statements->exec(uR"(SELECT r.id, s.finished_utc, r.station FROM runs r
            JOIN steps s ON s.run_id = r.id
            WHERE r.device_id = ? AND s.type = 'finalize' AND s.outcome = 'PASS'
            ORDER BY r.id DESC LIMIT 1)"_s,
        {deviceId},
        what);
    if (!read)
        return fail(read.error());
    QSqlQuery *query = *read;
    if (query->next()) {
        FinalizingRun run {query->value(0).toLongLong(),
            RecordSql::timeFromText(query->value(1).toString()),
            query->value(2).toString(),
            true};
        query->finish();
        return std::optional<FinalizingRun>(run);
    }
    query->finish();
    // The intent's detail is "run <id>: device <device ID> to <state>" (FixtureWorker).
    read = m_statements->exec(uR"(SELECT detail, time_utc, station FROM events
            WHERE kind = 'finalize-intent' AND instr(detail, ?) > 0
            ORDER BY id DESC LIMIT 1)"_s,
        {u"device %1 "_s.arg(deviceId)},
        what);
    if (!read)
        return fail(read.error());
    query = *read;
    std::optional<FinalizingRun> found;
    if (query->next()) {
        const QString detail = query->value(0).toString();
        FinalizingRun run;
        if (detail.startsWith(u"run "_s))
            run.runId = detail.mid(4, detail.indexOf(u':') - 4).toLongLong();
        run.time = RecordSql::timeFromText(query->value(1).toString());
        run.station = query->value(2).toString();
        found = run;
    }
    query->finish();
    return found;
}

Result<std::optional<RecordStore::LastRun>> RecordStore::lastRunOfFixture(int fixture)
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    auto read = m_statements->exec(uR"(SELECT r.id, r.device_id, r.outcome, r.failed_step,
                   r.error_code, r.cause, r.cause_text, r.started_utc, r.finished_utc,
                   (SELECT count(*) FROM steps s WHERE s.run_id = r.id), r.serial_number
            FROM runs r WHERE r.fixture = ? ORDER BY r.started_utc DESC, r.id DESC LIMIT 1)"_s,
        {fixture},
        u"read the last run of fixture %1"_s.arg(fixture));
    if (!read)
        return fail(read.error());
    QSqlQuery *query = *read;
    std::optional<LastRun> found;
    if (query->next()) {
        LastRun s;
        s.runId = query->value(0).toLongLong();
        s.deviceId = query->value(1).toString();
        s.outcome
            = runOutcomeFromName(query->value(2).toString()).value_or(RunOutcome::Interrupted);
        s.failedStep = query->value(3).toString();
        const QString code = query->value(4).toString();
        s.errorCode = code.isEmpty() ? ErrorCode::None : errorCodeFromName(code);
        s.cause = Text::fromStorage(query->value(5).toString(), query->value(6).toString());
        s.started = RecordSql::timeFromText(query->value(7).toString());
        s.finished = RecordSql::timeFromText(query->value(8).toString());
        s.stepsRecorded = query->value(9).toInt();
        s.serialNumber = query->value(10).toString();
        // A run still RUNNING here belongs to no live worker: it was interrupted.
        if (s.outcome == RunOutcome::Running)
            s.outcome = RunOutcome::Interrupted;
        found = s;
    }
    query->finish();
    return found;
}

Result<qint64> RecordStore::passedRun(const QString &deviceId, const QString &recipeSha256)
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    if (deviceId.isEmpty() || recipeSha256.isEmpty())
        return qint64(0);
    auto read = m_statements->exec(uR"(SELECT id FROM runs
            WHERE device_id = ? AND recipe_sha256 = ? AND outcome = 'PASS'
            ORDER BY started_utc DESC, id DESC LIMIT 1)"_s,
        {deviceId, recipeSha256},
        u"look up a passed run of %1"_s.arg(deviceId));
    if (!read)
        return fail(read.error());
    QSqlQuery *query = *read;
    const qint64 run = query->next() ? query->value(0).toLongLong() : 0;
    query->finish();
    return run;
}

Result<qint64> RecordStore::failedRun(const QString &deviceId, const QString &recipeSha256)
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    if (deviceId.isEmpty() || recipeSha256.isEmpty())
        return qint64(0);
    auto read = m_statements->exec(uR"(SELECT id, outcome FROM runs
            WHERE device_id = ? AND recipe_sha256 = ? AND outcome <> 'RUNNING'
            ORDER BY started_utc DESC, id DESC LIMIT 1)"_s,
        {deviceId, recipeSha256},
        u"look up the last run of %1"_s.arg(deviceId));
    if (!read)
        return fail(read.error());
    QSqlQuery *query = *read;
    qint64 run = 0;
    if (query->next() && query->value(1).toString() == u"FAIL"_s)
        run = query->value(0).toLongLong();
    query->finish();
    return run;
}

Result<std::optional<QString>> RecordStore::deviceForSerial(const QString &serialNumber)
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    QSqlQuery *query = nullptr;
    auto read = m_statements->exec(u"SELECT device_id FROM serials WHERE serial_number = ?"_s,
        {serialNumber},
        u"look up serial number %1"_s.arg(serialNumber));
    if (!read)
        return fail(read.error());
    query = *read;
    const bool found = query->next();
    const QString deviceId = found ? query->value(0).toString() : QString();
    query->finish();
    if (!found)
        return std::optional<QString>();
    return std::optional<QString>(deviceId);
}

} // namespace Station

// Users, recipe approvals and the audit head (docs/roles.md).

namespace Station {

namespace {

constexpr auto UserColumns = u"login, display_name, role, password_hash, badge_key, pin_hash, "
                             u"active, origin, updated_utc, failed_attempts, locked_until_utc";

UserRow userFrom(const QSqlQuery &query)
{
    UserRow row;
    row.login = query.value(0).toString();
    row.displayName = query.value(1).toString();
    row.role = query.value(2).toString();
    row.passwordHash = query.value(3).toString();
    row.badgeKey = query.value(4).toString();
    row.pinHash = query.value(5).toString();
    row.active = query.value(6).toInt() != 0;
    row.origin = query.value(7).toString();
    row.updated = RecordSql::timeFromText(query.value(8).toString());
    row.failedAttempts = query.value(9).toInt();
    const QString locked = query.value(10).toString();
    row.lockedUntil = locked.isEmpty() ? QDateTime() : RecordSql::timeFromText(locked);
    return row;
}

} // namespace

Result<QList<UserRow>> RecordStore::users()
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    QSqlQuery query(m_db);
    if (auto ok = RecordSql::exec(query,
            u"SELECT %1 FROM users ORDER BY login COLLATE NOCASE"_s.arg(UserColumns),
            u"list the users"_s);
        !ok)
        return fail(ok.error());
    QList<UserRow> rows;
    while (query.next())
        rows.append(userFrom(query));
    return rows;
}

Result<std::optional<UserRow>> RecordStore::user(const QString &login)
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    QSqlQuery query(m_db);
    if (auto ok = RecordSql::exec(query,
            u"SELECT %1 FROM users WHERE login = ? COLLATE NOCASE"_s.arg(UserColumns),
            {login},
            u"look up user %1"_s.arg(login));
        !ok)
        return fail(ok.error());
    if (!query.next())
        return std::optional<UserRow>();
    return std::optional<UserRow>(userFrom(query));
}

Result<std::optional<UserRow>> RecordStore::userByBadge(const QString &badgeKey)
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    if (badgeKey.isEmpty())
        return std::optional<UserRow>();
    QSqlQuery query(m_db);
    if (auto ok = RecordSql::exec(query,
            u"SELECT %1 FROM users WHERE badge_key = ?"_s.arg(UserColumns),
            {badgeKey},
            u"look up a badge"_s);
        !ok)
        return fail(ok.error());
    if (!query.next())
        return std::optional<UserRow>();
    return std::optional<UserRow>(userFrom(query));
}

// One transaction: `change`, then the audit entry when it has a kind.
Result<void> RecordStore::writeWithAudit(
    const std::function<Result<void>()> &change, const RecordEvent &audit)
{
    if (auto usable = checkUsable(); !usable)
        return usable;
    if (auto flushed = retryPending(); !flushed)
        return flushed;
    RecordEvent stamped = audit;
    if (!stamped.time.isValid())
        stamped.time = QDateTime::currentDateTimeUtc();
    return synced(RecordSync::Durable, [&]() -> Result<void> {
        RecordSql::WriteTransaction transaction(m_db);
        if (auto ok = transaction.begin(); !ok)
            return ok;
        if (auto ok = change(); !ok)
            return ok;
        if (!stamped.kind.isEmpty()) {
            if (auto ok = writeEvent(stamped); !ok)
                return ok;
        }
        return transaction.commit();
    });
}

Result<void> RecordStore::saveUser(const UserRow &row, const RecordEvent &audit)
{
    return writeWithAudit(
        [&]() -> Result<void> {
            QSqlQuery query(m_db);
            return RecordSql::exec(query,
                uR"(INSERT INTO users (login, display_name, role, password_hash, badge_key,
                                       pin_hash, active, origin, updated_utc, failed_attempts,
                                       locked_until_utc)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (login) DO UPDATE SET
                        login = excluded.login, display_name = excluded.display_name,
                        role = excluded.role, password_hash = excluded.password_hash,
                        badge_key = excluded.badge_key, pin_hash = excluded.pin_hash,
                        active = excluded.active, origin = excluded.origin,
                        updated_utc = excluded.updated_utc,
                        failed_attempts = excluded.failed_attempts,
                        locked_until_utc = excluded.locked_until_utc)"_s,
                {RecordSql::textValue(row.login),
                    RecordSql::textValue(row.displayName),
                    RecordSql::textValue(row.role),
                    RecordSql::textValue(row.passwordHash),
                    RecordSql::textValue(row.badgeKey),
                    RecordSql::textValue(row.pinHash),
                    row.active ? 1 : 0,
                    RecordSql::textValue(row.origin),
                    RecordSql::timeText(
                        row.updated.isValid() ? row.updated : QDateTime::currentDateTimeUtc()),
                    row.failedAttempts,
                    row.lockedUntil.isValid() ? RecordSql::timeText(row.lockedUntil) : u""_s},
                u"save user %1"_s.arg(row.login));
        },
        audit);
}

Result<void> RecordStore::setSignInState(const QString &login,
    int failedAttempts,
    const QDateTime &lockedUntil,
    const RecordEvent &audit)
{
    return writeWithAudit(
        [&]() -> Result<void> {
            QSqlQuery query(m_db);
            return RecordSql::exec(query,
                uR"(UPDATE users SET failed_attempts = ?, locked_until_utc = ?
                    WHERE login = ? COLLATE NOCASE)"_s,
                {failedAttempts,
                    lockedUntil.isValid() ? RecordSql::timeText(lockedUntil) : u""_s,
                    RecordSql::textValue(login)},
                u"update the sign-in state of %1"_s.arg(login));
        },
        audit);
}

Result<std::optional<RecipeApproval>> RecordStore::recipeApproval(const QString &sha256)
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    QSqlQuery query(m_db);
    if (auto ok = RecordSql::exec(query,
            uR"(SELECT sha256, recipe_name, recipe_version, approved_by, approved_role,
                       approved_utc, reason FROM recipe_approvals WHERE sha256 = ?)"_s,
            {sha256.toLower()},
            u"look up the approval of recipe %1"_s.arg(sha256));
        !ok)
        return fail(ok.error());
    if (!query.next())
        return std::optional<RecipeApproval>();
    RecipeApproval approval;
    approval.sha256 = query.value(0).toString();
    approval.recipeName = query.value(1).toString();
    approval.recipeVersion = query.value(2).toString();
    approval.approvedBy = query.value(3).toString();
    approval.approvedRole = query.value(4).toString();
    approval.approved = RecordSql::timeFromText(query.value(5).toString());
    approval.reason = query.value(6).toString();
    return std::optional<RecipeApproval>(approval);
}

Result<void> RecordStore::approveRecipe(const RecipeApproval &approval, const RecordEvent &audit)
{
    return writeWithAudit(
        [&]() -> Result<void> {
            QSqlQuery query(m_db);
            return RecordSql::exec(query,
                uR"(INSERT OR REPLACE INTO recipe_approvals (sha256, recipe_name, recipe_version,
                        approved_by, approved_role, approved_utc, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?))"_s,
                {approval.sha256.toLower(),
                    RecordSql::textValue(approval.recipeName),
                    RecordSql::textValue(approval.recipeVersion),
                    RecordSql::textValue(approval.approvedBy),
                    RecordSql::textValue(approval.approvedRole),
                    RecordSql::timeText(approval.approved.isValid()
                            ? approval.approved
                            : QDateTime::currentDateTimeUtc()),
                    RecordSql::textValue(approval.reason)},
                u"approve recipe %1"_s.arg(approval.sha256));
        },
        audit);
}

Result<RecordStore::AuditHead> RecordStore::auditHead()
{
    if (auto usable = checkUsable(); !usable)
        return fail(usable.error());
    const auto head = Audit::head(m_db);
    if (!head)
        return fail(head.error());
    return AuditHead {head->seq, head->hash};
}

} // namespace Station
