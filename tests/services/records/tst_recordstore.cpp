#include "services/records/recordquery.h"
#include "services/records/recordstore.h"
#include "tests/helpers/hostilefiles.h"
#include "tests/helpers/oldrecordschema.h"
#include "tests/powercut/powercutvfs.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>
#include <csignal>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

// The syncs (fsync) of write-ahead logs, as the power-cut VFS (tests/powercut) counts them, so
// a test can see whether a commit waited for the disk. Registered as the default VFS, it is what
// Qt's SQLite driver opens the record with (Debian builds Qt against the system SQLite).
std::uint64_t walSyncs()
{
    return PowerCut::vfsCounters().walSyncs;
}

// A separate connection for looking at what the store wrote (as the GUI's reader would).
class Inspector
{
public:
    explicit Inspector(const QString &path)
        : m_name(u"inspect-%1"_s.arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~Inspector() { QSqlDatabase::removeDatabase(m_name); }
    Q_DISABLE_COPY_MOVE(Inspector)

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    // The rows of a query as lists of strings (NULL -> "<null>").
    QList<QStringList> rows(const QString &sql, const QVariantList &binds = {}) const
    {
        QList<QStringList> result;
        QSqlQuery query(db());
        if (!query.prepare(sql)) {
            qWarning("prepare: %s", qPrintable(query.lastError().text()));
            return result;
        }
        for (qsizetype i = 0; i < binds.size(); ++i)
            query.bindValue(int(i), binds.at(i));
        if (!query.exec()) {
            qWarning("exec: %s", qPrintable(query.lastError().text()));
            return result;
        }
        while (query.next()) {
            QStringList row;
            for (int c = 0; c < query.record().count(); ++c)
                row << (query.isNull(c) ? u"<null>"_s : query.value(c).toString());
            result << row;
        }
        return result;
    }
    QString value(const QString &sql, const QVariantList &binds = {}) const
    {
        const QList<QStringList> r = rows(sql, binds);
        return r.isEmpty() || r.first().isEmpty() ? u"<none>"_s : r.first().first();
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql);
    }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_open = false;
};

RunStart sampleStart(int fixture = 1)
{
    RunStart start;
    start.fixture = fixture;
    start.fixtureLabel = u"Left %1"_s.arg(fixture);
    start.connectionPath = u"ftdi:0x%1"_s.arg(fixture);
    start.recipeName = u"mt3620-standard"_s;
    start.recipeVersion = u"1.2"_s;
    start.recipeSha256 = QString(64, u'a');
    start.recipePath = u"/recipes/standard.json"_s;
    start.station = u"line-1"_s;
    start.operatorName = u"alice"_s;
    start.appVersion = u"0.1.0"_s;
    start.backend = u"simulated"_s;
    start.azsphereToolPath = u"/usr/bin/azsphere"_s;
    start.azsphereToolVersion = u"24.09"_s;
    start.rfToolPath = u"/opt/rf/RfSettingsTool"_s;
    start.rfToolVersion = u"3.1"_s;
    start.serialNumber = u"SN-0001"_s;
    start.started = QDateTime(QDate(2026, 11, 24), QTime(8, 0, 0, 125), Qt::UTC);
    return start;
}

RunDeviceInfo deviceInfo(const QString &deviceId)
{
    RunDeviceInfo info;
    info.deviceId = deviceId;
    return info;
}

StepResult sampleStep(int seq, StepOutcome outcome = StepOutcome::Passed)
{
    StepResult step;
    step.seq = seq;
    step.name = u"Step %1"_s.arg(seq);
    step.type = u"sideload"_s;
    step.outcome = outcome;
    step.started = QDateTime(QDate(2026, 11, 24), QTime(8, 0, seq, 0), Qt::UTC);
    step.finished = step.started.addMSecs(750);
    step.attempts = 1;
    CommandRecord command;
    command.commandLine = u"azsphere device sideload deploy --device X --image-package 'a b'"_s;
    command.outcome
        = outcome == StepOutcome::Passed ? ToolOutcome::Succeeded : ToolOutcome::ExitCode;
    command.exitCode = outcome == StepOutcome::Passed ? 0 : 1;
    command.stdOut = u"line 1\nline 2 \u00e9\n"_s;
    command.stdErr = u"warn"_s;
    command.started = step.started;
    command.finished = step.finished;
    step.commands = {command};
    step.measurements = {Measurement {u"txPower"_s, -3.5, u"dBm"_s, -10.0, 20.0, true}};
    if (outcome == StepOutcome::Failed) {
        step.errorCode = ErrorCode::ImageNotTrusted;
        step.cause = Text::raw(u"The image is not trusted."_s);
        step.remedy = Text::raw(u"Use a signed image."_s);
    }
    step.note = Text::raw(u"note %1"_s.arg(seq));
    step.data = {{u"deviceId"_s, u"ABC"_s}, {u"count"_s, seq}};
    return step;
}

} // namespace

class tst_RecordStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createsSchema();
    void migratesFromVersion1();
    void refusesNewerVersion();
    void refusesForeignFile();
    void refusesWithoutChanging_data();
    void refusesWithoutChanging();
    void recordsFullRun();
    void nullStringsAreStoredEmpty();
    void passGuard_data();
    void passGuard();
    void finishRules();
    void duplicateStepIsRefusedNotQueued();
    void logsEvents();
    void beginRunLogsStartEvent();
    void stepCarriesDeviceFacts();
    void durableWrites();
    void serialBinding();
    void closesRunLeftOpen();
    void closesRunOfKilledWriter();
    void concurrentWriters();
    void unwritableKeepsPending_data();
    void unwritableKeepsPending();
    void losingPendingIsReported();

private:
    QString recordPath() const { return m_dir->filePath(u"record.sqlite"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_RecordStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_RecordStore::createsSchema()
{
    RecordStore store;
    auto opened = store.open(recordPath());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().detail));
    QVERIFY(store.isOpen());

    Inspector inspect(recordPath());
    QVERIFY(inspect.isOpen());
    QCOMPARE(inspect.value(u"PRAGMA user_version"_s).toInt(), RecordStore::schemaVersion());
    QCOMPARE(inspect.value(u"PRAGMA journal_mode"_s), u"wal"_s);
    QCOMPARE(inspect.value(u"PRAGMA application_id"_s).toInt(), 0x53505354);
    const QList<QStringList> tables
        = inspect.rows(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
    QStringList names;
    for (const QStringList &row : tables)
        names << row.first();
    QCOMPARE(names,
        (QStringList {u"commands"_s,
            u"devices"_s,
            u"events"_s,
            u"measurements"_s,
            u"outbox"_s,
            u"outbox_dead"_s,
            u"recipe_approvals"_s,
            u"runs"_s,
            u"serials"_s,
            u"sqlite_sequence"_s,
            u"steps"_s,
            u"users"_s}));
    // The indexes the records and yield pages rely on.
    for (const QString &index : {u"runs_started"_s,
             u"runs_device"_s,
             u"runs_serial"_s,
             u"runs_outcome"_s,
             u"runs_fixture"_s,
             u"runs_recipe"_s}) {
        QCOMPARE(
            inspect.value(u"SELECT count(*) FROM sqlite_master WHERE name = ?"_s, {index}), u"1"_s);
    }

    // Reopening an up-to-date file changes nothing.
    store.close();
    QVERIFY(!store.isOpen());
    QVERIFY(store.open(recordPath()));
    QCOMPARE(inspect.value(u"PRAGMA user_version"_s).toInt(), RecordStore::schemaVersion());
}

void tst_RecordStore::migratesFromVersion1()
{
    // A version 1 record written by hand, as the first station release wrote it.
    {
        Inspector v1(recordPath());
        QVERIFY(v1.isOpen());
        QStringList ddl = TestRecords::schemaV1();
        ddl += QStringList {
            uR"(INSERT INTO runs (id, device_id, serial_number, fixture, recipe_name,
                started_utc, finished_utc, outcome)
                VALUES (7, 'DEV7', 'SN-7', 2, 'old', '2025-01-01T10:00:00.000Z',
                        '2025-01-01T10:01:00.000Z', 'PASS'))"_s,
            uR"(INSERT INTO runs (id, device_id, serial_number, fixture, started_utc, outcome)
                VALUES (8, 'DEV8', 'SN-7', 2, '2025-01-01T11:00:00.000Z', 'FAIL'))"_s,
            uR"(INSERT INTO steps (run_id, seq, name, outcome) VALUES (7, 1, 'connect', 'PASS'))"_s,
            u"PRAGMA application_id = 1397773140"_s,
            u"PRAGMA user_version = 1"_s,
        };
        for (const QString &sql : ddl)
            QVERIFY2(v1.exec(sql), qPrintable(sql));
    }

    RecordStore store;
    auto opened = store.open(recordPath());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().detail));

    Inspector inspect(recordPath());
    QCOMPARE(inspect.value(u"PRAGMA user_version"_s).toInt(), RecordStore::schemaVersion());
    QCOMPARE(inspect.rows(u"SELECT id, device_id, recipe_name, outcome, fixture_label, backend "
                          u"FROM runs ORDER BY id"_s),
        (QList<QStringList> {{u"7"_s, u"DEV7"_s, u"old"_s, u"PASS"_s, QString(), QString()},
            {u"8"_s, u"DEV8"_s, QString(), u"FAIL"_s, QString(), QString()}}));
    QCOMPARE(inspect.value(u"SELECT name FROM steps WHERE run_id = 7"_s), u"connect"_s);
    // The first run that saw SN-7 bound it to DEV7; DEV8 reusing the label does not rebind.
    QCOMPARE(inspect.rows(u"SELECT serial_number, device_id, first_run_id FROM serials"_s),
        (QList<QStringList> {{u"SN-7"_s, u"DEV7"_s, u"7"_s}}));
    auto device = store.deviceForSerial(u"SN-7"_s);
    QVERIFY(device);
    QCOMPARE(device->value_or(QString()), u"DEV7"_s);

    // The migrated file takes new runs with the v2 columns.
    auto runId = store.beginRun(sampleStart());
    QVERIFY(runId);
    QCOMPARE(*runId, 9);
    QCOMPARE(inspect.value(u"SELECT backend FROM runs WHERE id = 9"_s), u"simulated"_s);
}

void tst_RecordStore::refusesNewerVersion()
{
    {
        Inspector newer(recordPath());
        QVERIFY(newer.exec(u"CREATE TABLE runs (id INTEGER PRIMARY KEY)"_s));
        QVERIFY(newer.exec(u"PRAGMA application_id = 1397773140"_s));
        QVERIFY(newer.exec(u"PRAGMA user_version = 99"_s));
    }
    RecordStore store;
    auto opened = store.open(recordPath());
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::Database);
    QVERIFY2(opened.error().message.english().contains(u"newer station"_s),
        qPrintable(opened.error().message));
    QVERIFY(opened.error().message.english().contains(u"99"_s));
    QVERIFY(!store.isOpen());
    // The connection was removed again: no name leaks.
    QVERIFY(!QSqlDatabase::connectionNames().contains(store.connectionName()));
    Inspector inspect(recordPath());
    QCOMPARE(inspect.value(u"PRAGMA user_version"_s), u"99"_s);
}

void tst_RecordStore::refusesForeignFile()
{
    {
        Inspector foreign(recordPath());
        QVERIFY(foreign.exec(u"CREATE TABLE accounts (id INTEGER PRIMARY KEY)"_s));
    }
    RecordStore store;
    auto opened = store.open(recordPath());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.english().contains(u"not a Sphere Station record"_s),
        qPrintable(opened.error().message));
}

// A file that is not a record of this station is refused exactly as it was found: no
// journal_mode = WAL, no migration, no -wal or -shm left beside it; by the store (which would
// create a record) and by the read-only query alike.
void tst_RecordStore::refusesWithoutChanging_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message"); // part of the refusal
    QTest::newRow("foreign SQLite, rollback journal")
        << u"foreign"_s << u"is not a Sphere Station record"_s;
    QTest::newRow("foreign SQLite, WAL") << u"foreign wal"_s << u"is not a Sphere Station record"_s;
    QTest::newRow("foreign SQLite with a user_version")
        << u"foreign versioned"_s << u"is not a Sphere Station record"_s;
    QTest::newRow("record of a newer station") << u"newer"_s << u"newer station"_s;
    QTest::newRow("empty file") << u"empty"_s
                                << u"is empty, so it is not a Sphere Station record"_s;
    QTest::newRow("random bytes")
        << u"random"_s << u"is not a Sphere Station record (it is not a SQLite database)"_s;
    QTest::newRow("FIFO") << u"fifo"_s << u"is a FIFO (named pipe), not a regular file"_s;
}

void tst_RecordStore::refusesWithoutChanging()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const QString path = recordPath();
    QStringList fifos;
    if (kind.startsWith("foreign"_L1) || kind == "newer"_L1) {
        Inspector foreign(path);
        QVERIFY(foreign.isOpen());
        QVERIFY(foreign.exec(u"CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)"_s));
        QVERIFY(foreign.exec(u"INSERT INTO accounts (name) VALUES ('alice'), ('bob')"_s));
        if (kind == "foreign wal"_L1)
            QCOMPARE(foreign.value(u"PRAGMA journal_mode = WAL"_s), u"wal"_s);
        if (kind == "foreign versioned"_L1)
            QVERIFY(foreign.exec(u"PRAGMA user_version = 2"_s));
        if (kind == "newer"_L1) {
            QVERIFY(foreign.exec(u"PRAGMA application_id = 1397773140"_s));
            QVERIFY(foreign.exec(u"PRAGMA user_version = 99"_s));
        }
    } else if (kind == "empty"_L1 || kind == "random"_L1) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (kind == "random"_L1) {
            QByteArray bytes(4096, '\0');
            for (qsizetype i = 0; i < bytes.size(); ++i)
                bytes[i] = char((i * 7919 + 13) % 251);
            QCOMPARE(file.write(bytes), bytes.size());
        }
    } else if (kind == "fifo"_L1) {
        QVERIFY(HostileFiles::makeFifo(path));
        fifos.append(path);
    }
    const auto contents = [&path] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
    };
    const QByteArray before = kind == "fifo"_L1 ? QByteArray() : contents();

    using namespace std::chrono_literals;
    const auto stored = HostileFiles::returnsWithin(
        [&path] {
            RecordStore store;
            return store.open(path);
        },
        fifos,
        10s);
    QVERIFY2(stored.has_value(), "opening the record blocked");
    QVERIFY2(!*stored, "the store opened it");
    QVERIFY2(
        stored->error().message.english().contains(message), qPrintable(stored->error().message));

    const auto queried = HostileFiles::returnsWithin(
        [&path] {
            RecordQuery query;
            return query.open(path);
        },
        fifos,
        10s);
    QVERIFY2(queried.has_value(), "opening the record for reading blocked");
    QVERIFY2(!*queried, "the query opened it");
    QVERIFY2(
        queried->error().message.english().contains(message), qPrintable(queried->error().message));

    QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
    QVERIFY(!QFileInfo::exists(path + u"-shm"_s));
    QVERIFY(!QFileInfo::exists(path + u"-journal"_s));
    if (kind == "fifo"_L1) {
        QVERIFY(QFileInfo(path).isFile() == false);
        return;
    }
    const QByteArray after = contents();
    QCOMPARE(after.size(), before.size());
    QVERIFY2(after == before, "the file was changed");
    // Bytes 18 and 19 of a SQLite header: 1 = rollback journal, 2 = WAL.
    if (kind == "foreign"_L1 || kind == "newer"_L1)
        QCOMPARE(int(after.at(18)), 1);
}

void tst_RecordStore::recordsFullRun()
{
    RecordStore store;
    QVERIFY(store.open(recordPath()));
    RunStart start = sampleStart(4);
    auto runId = store.beginRun(start);
    QVERIFY(runId);

    Inspector inspect(recordPath());
    // The run is on disk before any step (written before the first command).
    QCOMPARE(
        inspect.rows(u"SELECT fixture, fixture_label, outcome, started_utc, station, operator, "
                     u"recipe_sha256, azsphere_version, rf_tool_path FROM runs"_s),
        (QList<QStringList> {{u"4"_s,
            u"Left 4"_s,
            u"RUNNING"_s,
            u"2026-11-24T08:00:00.125Z"_s,
            u"line-1"_s,
            u"alice"_s,
            QString(64, u'a'),
            u"24.09"_s,
            u"/opt/rf/RfSettingsTool"_s}}));

    RunDeviceInfo info;
    info.deviceId = u"ABCDEF"_s;
    info.ipAddress = u"192.168.35.2"_s;
    info.osVersion = u"24.09"_s;
    info.imageIds = {u"img-1"_s, u"img-2"_s};
    QVERIFY(store.updateRunDevice(*runId, info));
    // Empty fields leave values alone.
    RunDeviceInfo later;
    later.manufacturingState = u"Module1Complete"_s;
    QVERIFY(store.updateRunDevice(*runId, later));

    StepResult step1 = sampleStep(1);
    StepResult step2 = sampleStep(2);
    step2.measurements << Measurement {
        u"noise"_s, std::nan(""), QString(), std::nullopt, 4.0, false};
    step2.commands << step2.commands.first();
    step2.commands.last().truncated = true;
    step2.commands.last().outcome = ToolOutcome::TimedOut;
    step2.commands.last().exitCode = -1;
    QVERIFY(store.commitStep(*runId, step1));
    QVERIFY(store.commitStep(*runId, step2));
    const QDateTime finished = QDateTime(QDate(2026, 11, 24), QTime(8, 1, 0), Qt::UTC);
    auto done = store.finishRun(*runId, RunOutcome::Pass, {}, ErrorCode::None, {}, finished);
    QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
    QVERIFY(!store.hasPending());

    QCOMPARE(inspect.rows(u"SELECT device_id, ip_address, os_version, image_ids, "
                          u"manufacturing_state, connection_path, outcome, finished_utc, "
                          u"error_code FROM runs"_s),
        (QList<QStringList> {{u"ABCDEF"_s,
            u"192.168.35.2"_s,
            u"24.09"_s,
            u"img-1 img-2"_s,
            u"Module1Complete"_s,
            u"ftdi:0x4"_s,
            u"PASS"_s,
            u"2026-11-24T08:01:00.000Z"_s,
            QString()}}));
    QCOMPARE(inspect.rows(u"SELECT seq, name, type, outcome, attempts, started_utc, finished_utc, "
                          u"note, data FROM steps ORDER BY seq"_s),
        (QList<QStringList> {{u"1"_s,
                                 u"Step 1"_s,
                                 u"sideload"_s,
                                 u"PASS"_s,
                                 u"1"_s,
                                 u"2026-11-24T08:00:01.000Z"_s,
                                 u"2026-11-24T08:00:01.750Z"_s,
                                 u"note 1"_s,
                                 uR"({"count":1,"deviceId":"ABC"})"_s},
            {u"2"_s,
                u"Step 2"_s,
                u"sideload"_s,
                u"PASS"_s,
                u"1"_s,
                u"2026-11-24T08:00:02.000Z"_s,
                u"2026-11-24T08:00:02.750Z"_s,
                u"note 2"_s,
                uR"({"count":2,"deviceId":"ABC"})"_s}}));
    QCOMPARE(inspect.rows(u"SELECT s.seq, c.seq, c.command_line, c.outcome, c.exit_code, c.stdout, "
                          u"c.stderr, c.truncated FROM commands c JOIN steps s ON s.id = c.step_id "
                          u"ORDER BY s.seq, c.seq"_s),
        (QList<QStringList> {
            {u"1"_s,
                u"1"_s,
                step1.commands.first().commandLine,
                u"Succeeded"_s,
                u"0"_s,
                u"line 1\nline 2 \u00e9\n"_s,
                u"warn"_s,
                u"0"_s},
            {u"2"_s,
                u"1"_s,
                step1.commands.first().commandLine,
                u"Succeeded"_s,
                u"0"_s,
                u"line 1\nline 2 \u00e9\n"_s,
                u"warn"_s,
                u"0"_s},
            {u"2"_s,
                u"2"_s,
                step1.commands.first().commandLine,
                u"TimedOut"_s,
                u"-1"_s,
                u"line 1\nline 2 \u00e9\n"_s,
                u"warn"_s,
                u"1"_s},
        }));
    QCOMPARE(inspect.rows(u"SELECT s.seq, m.seq, m.name, m.value, m.unit, m.low, m.high, m.pass "
                          u"FROM measurements m JOIN steps s ON s.id = m.step_id "
                          u"ORDER BY s.seq, m.seq"_s),
        (QList<QStringList> {
            {u"1"_s, u"1"_s, u"txPower"_s, u"-3.5"_s, u"dBm"_s, u"-10"_s, u"20"_s, u"1"_s},
            {u"2"_s, u"1"_s, u"txPower"_s, u"-3.5"_s, u"dBm"_s, u"-10"_s, u"20"_s, u"1"_s},
            {u"2"_s, u"2"_s, u"noise"_s, u"<null>"_s, QString(), u"<null>"_s, u"4"_s, u"0"_s},
        }));
    QCOMPARE(
        inspect.rows(
            u"SELECT device_id, first_seen_utc <> '', last_seen_utc >= '2026-11-24T08:01:00.000Z', "
            u"manufacturing_state, last_outcome, last_run_id FROM devices"_s),
        (QList<QStringList> {{u"ABCDEF"_s,
            u"1"_s,
            u"1"_s,
            u"Module1Complete"_s,
            u"PASS"_s,
            QString::number(*runId)}}));
    QCOMPARE(inspect.value(u"PRAGMA integrity_check"_s), u"ok"_s);
}

void tst_RecordStore::nullStringsAreStoredEmpty()
{
    RecordStore store;
    QVERIFY(store.open(recordPath()));
    auto runId = store.beginRun(RunStart {});
    QVERIFY2(runId, qPrintable(runId ? QString() : runId.error().detail));
    StepResult step;
    step.seq = 1;
    step.outcome = StepOutcome::Failed;
    step.commands = {CommandRecord {}};
    step.measurements = {Measurement {}};
    auto committed = store.commitStep(*runId, step);
    QVERIFY2(committed, qPrintable(committed ? QString() : committed.error().detail));
    QVERIFY(store.finishRun(*runId, RunOutcome::Fail));
    Inspector inspect(recordPath());
    QCOMPARE(inspect.value(u"SELECT count(*) FROM runs WHERE device_id = '' AND station = ''"_s),
        u"1"_s);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM devices"_s), u"0"_s);
    QCOMPARE(inspect.value(u"SELECT started_utc IS NULL FROM steps"_s), u"1"_s);
}

void tst_RecordStore::passGuard_data()
{
    QTest::addColumn<QList<int>>("stepOutcomes");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("all passed") << QList<int> {int(StepOutcome::Passed), int(StepOutcome::Passed)}
                                << true;
    QTest::newRow("passed and skipped")
        << QList<int> {int(StepOutcome::Passed), int(StepOutcome::Skipped)} << true;
    QTest::newRow("no steps") << QList<int> {} << false;
    QTest::newRow("one failed") << QList<int> {int(StepOutcome::Passed), int(StepOutcome::Failed)}
                                << false;
    QTest::newRow("one aborted") << QList<int> {int(StepOutcome::Aborted)} << false;
}

void tst_RecordStore::passGuard()
{
    QFETCH(QList<int>, stepOutcomes);
    QFETCH(bool, accepted);
    RecordStore store;
    QVERIFY(store.open(recordPath()));
    auto runId = store.beginRun(sampleStart());
    QVERIFY(runId);
    for (qsizetype i = 0; i < stepOutcomes.size(); ++i)
        QVERIFY(store.commitStep(*runId, sampleStep(int(i + 1), StepOutcome(stepOutcomes.at(i)))));
    auto finished = store.finishRun(*runId, RunOutcome::Pass);
    QCOMPARE(bool(finished), accepted);
    QVERIFY(!store.hasPending());
    Inspector inspect(recordPath());
    QCOMPARE(inspect.value(u"SELECT outcome FROM runs"_s), accepted ? u"PASS"_s : u"RUNNING"_s);
    if (!accepted) {
        QCOMPARE(finished.error().code, ErrorCode::InvalidArgument);
        // The engine then records the verdict it can justify.
        QVERIFY(store.finishRun(*runId, RunOutcome::Fail, u"Step 2"_s, ErrorCode::ImageNotTrusted));
        QCOMPARE(inspect.value(u"SELECT error_code FROM runs"_s), u"ImageNotTrusted"_s);
    }
}

void tst_RecordStore::finishRules()
{
    RecordStore store;
    QVERIFY(store.open(recordPath()));
    auto runId = store.beginRun(sampleStart());
    QVERIFY(runId);
    auto running = store.finishRun(*runId, RunOutcome::Running);
    QVERIFY(!running);
    QCOMPARE(running.error().code, ErrorCode::InvalidArgument);
    QVERIFY(store.finishRun(
        *runId, RunOutcome::Aborted, {}, ErrorCode::Cancelled, Text::raw(u"Abort"_s)));
    // The same verdict again is harmless (a retried write); a different one is refused.
    QVERIFY(store.finishRun(*runId, RunOutcome::Aborted));
    auto other = store.finishRun(*runId, RunOutcome::Fail);
    QVERIFY(!other);
    QCOMPARE(other.error().code, ErrorCode::InvalidArgument);
    auto missing = store.finishRun(*runId + 100, RunOutcome::Fail);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::InvalidArgument);
    auto missingDevice = store.updateRunDevice(*runId + 100, deviceInfo(u"X"_s));
    QVERIFY(!missingDevice);
    QVERIFY(!store.hasPending());
    Inspector inspect(recordPath());
    QCOMPARE(inspect.rows(u"SELECT outcome, error_code, cause FROM runs"_s),
        (QList<QStringList> {{u"ABORTED"_s, u"Cancelled"_s, u"Abort"_s}}));
}

void tst_RecordStore::duplicateStepIsRefusedNotQueued()
{
    RecordStore store;
    QVERIFY(store.open(recordPath()));
    auto runId = store.beginRun(sampleStart());
    QVERIFY(runId);
    QVERIFY(store.commitStep(*runId, sampleStep(1)));
    auto again = store.commitStep(*runId, sampleStep(1, StepOutcome::Failed));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!RecordStore::isKeptPending(again.error()));
    QVERIFY(!store.hasPending());
    auto noSeq = store.commitStep(*runId, sampleStep(0));
    QVERIFY(!noSeq);
    auto noRun = store.commitStep(*runId + 1, sampleStep(1));
    QVERIFY(!noRun);
    QCOMPARE(noRun.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!store.hasPending());
    Inspector inspect(recordPath());
    QCOMPARE(inspect.rows(u"SELECT seq, outcome FROM steps"_s),
        (QList<QStringList> {{u"1"_s, u"PASS"_s}}));
    QCOMPARE(inspect.value(u"SELECT count(*) FROM commands"_s), u"1"_s);
}

void tst_RecordStore::logsEvents()
{
    RecordStore store;
    QVERIFY(store.open(recordPath()));
    RecordEvent event;
    event.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    event.station = u"line-1"_s;
    event.operatorName = u"bob"_s;
    event.fixture = 2;
    event.kind = u"run-abort"_s;
    event.detail = u"operator pressed Abort"_s;
    QVERIFY(store.logEvent(event));
    RecordEvent now;
    now.kind = u"login"_s;
    QVERIFY(store.logEvent(now));
    Inspector inspect(recordPath());
    QCOMPARE(inspect
                 .rows(u"SELECT time_utc, station, operator, fixture, kind, detail FROM events "
                       u"ORDER BY id"_s)
                 .first(),
        (QStringList {u"2026-01-02T03:04:05.006Z"_s,
            u"line-1"_s,
            u"bob"_s,
            u"2"_s,
            u"run-abort"_s,
            u"operator pressed Abort"_s}));
    const QDateTime stamped = QDateTime::fromString(
        inspect.value(u"SELECT time_utc FROM events WHERE kind = 'login'"_s), Qt::ISODateWithMs);
    QVERIFY(stamped.isValid());
    QVERIFY(qAbs(stamped.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void tst_RecordStore::beginRunLogsStartEvent()
{
    RecordStore store;
    QVERIFY(store.open(recordPath()));
    auto runId = store.beginRun(sampleStart(3));
    QVERIFY(runId);
    Inspector inspect(recordPath());
    QCOMPARE(
        inspect.rows(u"SELECT time_utc, station, operator, fixture, kind, detail FROM events"_s),
        (QList<QStringList> {{u"2026-11-24T08:00:00.125Z"_s,
            u"line-1"_s,
            u"alice"_s,
            u"3"_s,
            u"run-start"_s,
            u"run %1: mt3620-standard 1.2"_s.arg(*runId)}}));
}

void tst_RecordStore::stepCarriesDeviceFacts()
{
    RecordStore store;
    QVERIFY(store.open(recordPath()));
    auto runId = store.beginRun(sampleStart());
    QVERIFY(runId);
    RunDeviceInfo info = deviceInfo(u"DEV-7"_s);
    info.ipAddress = u"192.168.35.2"_s;
    info.manufacturingState = u"Blank"_s;
    QVERIFY(store.commitStep(*runId, sampleStep(1), info));
    QVERIFY(store.commitStep(*runId, sampleStep(2)));
    Inspector inspect(recordPath());
    QCOMPARE(inspect.rows(u"SELECT device_id, ip_address, manufacturing_state FROM runs"_s),
        (QList<QStringList> {{u"DEV-7"_s, u"192.168.35.2"_s, u"Blank"_s}}));
    QCOMPARE(inspect.rows(u"SELECT device_id, last_outcome, last_run_id FROM devices"_s),
        (QList<QStringList> {{u"DEV-7"_s, u"RUNNING"_s, QString::number(*runId)}}));
    QCOMPARE(inspect.value(u"SELECT device_id FROM serials WHERE serial_number = 'SN-0001'"_s),
        u"DEV-7"_s);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM steps"_s), u"2"_s);

    // A step the record refuses takes its device facts with it (one transaction).
    QVERIFY(!store.commitStep(*runId, sampleStep(2), deviceInfo(u"DEV-8"_s)));
    QCOMPARE(inspect.value(u"SELECT device_id FROM runs"_s), u"DEV-7"_s);
}

void tst_RecordStore::durableWrites()
{
    QVERIFY(PowerCut::installVfs({})); // counts only: it never cuts
    RecordStore store;
    QVERIFY(store.open(recordPath()));
    QSqlDatabase db = QSqlDatabase::database(store.connectionName(), false);
    auto synchronous = [&db] {
        QSqlQuery query(db);
        return query.exec(u"PRAGMA synchronous"_s) && query.next() ? query.value(0).toInt() : -1;
    };
    QCOMPARE(synchronous(), 1); // NORMAL

    // Deferred writes are committed without waiting for the disk: no sync of the log.
    std::uint64_t syncs = walSyncs();
    auto runId = store.beginRun(sampleStart());
    QVERIFY(runId);
    QVERIFY(store.commitStep(*runId, sampleStep(1)));
    RecordEvent event;
    event.kind = u"operator"_s;
    QVERIFY(store.logEvent(event));
    QCOMPARE(store.durableWrites(), 0);
    QCOMPARE(walSyncs(), syncs);
    Inspector inspect(recordPath());
    QCOMPARE(inspect.value(u"SELECT count(*) FROM steps"_s), u"1"_s); // committed all the same

    // Durable writes wait for a sync of the log (which covers the writes before them too).
    QVERIFY(store.commitStep(*runId, sampleStep(2), deviceInfo(u"DEV-1"_s), RecordSync::Durable));
    QCOMPARE(store.durableWrites(), 1);
    QVERIFY(walSyncs() > syncs);
    syncs = walSyncs();
    event.kind = u"finalize-intent"_s;
    QVERIFY(store.logEvent(event, RecordSync::Durable));
    QCOMPARE(store.durableWrites(), 2);
    QVERIFY(walSyncs() > syncs);
    syncs = walSyncs();
    QVERIFY(store.finishRun(*runId, RunOutcome::Pass));
    QCOMPARE(store.durableWrites(), 3);
    QVERIFY(walSyncs() > syncs);
    QCOMPARE(synchronous(), 1); // back to NORMAL after each durable write
    syncs = walSyncs();
    QVERIFY(store.logEvent(event));
    QCOMPARE(walSyncs(), syncs);

    // The site setting: every write waits for the disk.
    store.setSyncEveryWrite(true);
    QCOMPARE(synchronous(), 2); // FULL
    event.kind = u"operator"_s;
    syncs = walSyncs();
    QVERIFY(store.logEvent(event));
    QCOMPARE(store.durableWrites(), 4);
    QVERIFY(walSyncs() > syncs);
    QCOMPARE(synchronous(), 2);

    RecordStore every;
    every.setSyncEveryWrite(true);
    QVERIFY(every.open(recordPath()));
    QSqlQuery query(QSqlDatabase::database(every.connectionName(), false));
    QVERIFY(query.exec(u"PRAGMA synchronous"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), 2);
}

void tst_RecordStore::serialBinding()
{
    RecordStore store;
    QVERIFY(store.open(recordPath()));
    RunStart start = sampleStart();
    start.serialNumber = u"SN-42"_s;
    auto first = store.beginRun(start);
    QVERIFY(first);
    auto unknown = store.deviceForSerial(u"SN-42"_s);
    QVERIFY(unknown);
    QVERIFY(!unknown->has_value()); // no device known yet
    QVERIFY(store.updateRunDevice(*first, deviceInfo(u"DEV-A"_s)));
    QVERIFY(store.finishRun(*first, RunOutcome::Fail));

    // The same label scanned for another device: the record still names the first device.
    start.deviceId = u"DEV-B"_s;
    auto second = store.beginRun(start);
    QVERIFY(second);
    auto bound = store.deviceForSerial(u"SN-42"_s);
    QVERIFY(bound);
    QCOMPARE(bound->value_or(QString()), u"DEV-A"_s);
    Inspector inspect(recordPath());
    QCOMPARE(inspect.rows(u"SELECT device_id, last_outcome FROM devices ORDER BY device_id"_s),
        (QList<QStringList> {{u"DEV-A"_s, u"FAIL"_s}, {u"DEV-B"_s, u"RUNNING"_s}}));
}

void tst_RecordStore::closesRunLeftOpen()
{
    qint64 openRun = 0;
    qint64 finishedRun = 0;
    {
        RecordStore store;
        QVERIFY(store.open(recordPath()));
        auto run = store.beginRun(sampleStart(1));
        QVERIFY(run);
        openRun = *run;
        QVERIFY(store.updateRunDevice(openRun, deviceInfo(u"DEV-OPEN"_s)));
        QVERIFY(store.commitStep(openRun, sampleStep(1)));
        QVERIFY(store.commitStep(openRun, sampleStep(2)));
        auto done = store.beginRun(sampleStart(2));
        QVERIFY(done);
        finishedRun = *done;
        QVERIFY(store.commitStep(finishedRun, sampleStep(1)));
        QVERIFY(store.finishRun(finishedRun, RunOutcome::Pass));
        auto empty = store.beginRun(sampleStart(3)); // crashed before its first step
        QVERIFY(empty);
        // The store goes away without finishing: the station "crashed".
    }
    RecordStore store;
    QVERIFY(store.open(recordPath()));
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    auto closed = store.closeInterruptedRuns();
    QVERIFY(closed);
    QCOMPARE(*closed, 2);
    Inspector inspect(recordPath());
    QCOMPARE(inspect.rows(u"SELECT outcome, finished_utc FROM runs WHERE id = ?"_s, {openRun}),
        (QList<QStringList> {{u"INTERRUPTED"_s, u"2026-11-24T08:00:02.750Z"_s}}));
    QCOMPARE(inspect.value(u"SELECT outcome FROM runs WHERE id = ?"_s, {finishedRun}), u"PASS"_s);
    const QDateTime emptyFinished = QDateTime::fromString(
        inspect.value(u"SELECT finished_utc FROM runs WHERE fixture = 3"_s), Qt::ISODateWithMs);
    QVERIFY(emptyFinished >= before);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM steps WHERE run_id = ?"_s, {openRun}), u"2"_s);
    QCOMPARE(inspect.value(u"SELECT last_outcome FROM devices WHERE device_id = 'DEV-OPEN'"_s),
        u"INTERRUPTED"_s);
    QVERIFY(!inspect.value(u"SELECT cause FROM runs WHERE id = ?"_s, {openRun}).isEmpty());
    auto again = store.closeInterruptedRuns();
    QVERIFY(again);
    QCOMPARE(*again, 0);
}

void tst_RecordStore::closesRunOfKilledWriter()
{
    {
        // Create the file first, as the station does before its fixtures start.
        RecordStore store;
        QVERIFY(store.open(recordPath()));
    }
    QProcess writer;
    writer.setProgram(QStringLiteral(RECORD_WRITER));
    writer.setArguments({recordPath()});
    writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    writer.start();
    QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));

    // Let it commit a few steps, then kill it while it is writing the next one.
    int committed = 0;
    QByteArray pending;
    while (committed < 12) {
        QVERIFY2(writer.waitForReadyRead(20000), "the writer stopped reporting commits");
        pending += writer.readAll();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(end);
            pending.remove(0, end + 1);
            if (line.startsWith("committed "))
                committed = line.mid(10).toInt();
        }
    }
    QVERIFY(::kill(pid_t(writer.processId()), SIGKILL) == 0);
    QVERIFY(writer.waitForFinished(20000));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    // Whatever it printed after our last read was committed too.
    pending += writer.readAll();
    for (const QByteArray &line : pending.split('\n')) {
        if (line.startsWith("committed "))
            committed = line.mid(10).toInt();
    }

    RecordStore store;
    QVERIFY(store.open(recordPath()));
    Inspector inspect(recordPath());
    QCOMPARE(inspect.value(u"PRAGMA integrity_check"_s), u"ok"_s);
    QCOMPARE(inspect.value(u"PRAGMA foreign_key_check"_s), u"<none>"_s);
    auto closed = store.closeInterruptedRuns();
    QVERIFY(closed);
    QCOMPARE(*closed, 1);
    const int steps = inspect.value(u"SELECT count(*) FROM steps"_s).toInt();
    // Every commit it reported is there (at most one more that it had no time to report),
    // and each step is whole: two commands and one measurement, no half-written step.
    QVERIFY2(steps == committed || steps == committed + 1,
        qPrintable(u"%1 steps, %2 reported"_s.arg(steps).arg(committed)));
    QCOMPARE(inspect.value(u"SELECT max(seq) FROM steps"_s).toInt(), steps);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM commands"_s).toInt(), 2 * steps);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM measurements"_s).toInt(), steps);
    QCOMPARE(
        inspect.rows(u"SELECT r.outcome, r.finished_utc = (SELECT max(finished_utc) FROM steps) "
                     u"FROM runs r"_s),
        (QList<QStringList> {{u"INTERRUPTED"_s, u"1"_s}}));
    QCOMPARE(inspect.value(u"PRAGMA integrity_check"_s), u"ok"_s);
}

void tst_RecordStore::concurrentWriters()
{
    {
        RecordStore creator;
        QVERIFY(creator.open(recordPath()));
    }
    constexpr int Threads = 8;
    constexpr int RunsPerThread = 8;
    constexpr int StepsPerRun = 4;
    struct Outcome
    {
        QStringList failures;
        QString connectionName;
    };
    std::vector<Outcome> outcomes(Threads);
    std::vector<std::unique_ptr<QThread>> threads;
    const QString path = recordPath();
    for (int t = 0; t < Threads; ++t) {
        Outcome *outcome = &outcomes[size_t(t)];
        threads.emplace_back(QThread::create([outcome, path, t] {
            RecordStore store; // one connection, on this thread only
            outcome->connectionName = store.connectionName();
            auto note = [outcome](const QString &what, const Error &error) {
                outcome->failures << what + u": "_s + error.message.english() + u" / "_s
                        + error.detail;
            };
            if (auto ok = store.open(path); !ok)
                return note(u"open"_s, ok.error());
            for (int r = 0; r < RunsPerThread; ++r) {
                RunStart start = sampleStart(t + 1);
                start.deviceId = u"DEV-%1-%2"_s.arg(t).arg(r);
                auto run = store.beginRun(start);
                if (!run)
                    return note(u"beginRun"_s, run.error());
                for (int s = 1; s <= StepsPerRun; ++s) {
                    if (auto ok = store.commitStep(*run, sampleStep(s)); !ok)
                        note(u"commitStep"_s, ok.error());
                }
                if (auto ok = store.finishRun(*run, RunOutcome::Pass); !ok)
                    note(u"finishRun"_s, ok.error());
            }
            if (store.hasPending())
                outcome->failures << u"pending writes left"_s;
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(120000)));
    for (const Outcome &outcome : outcomes) {
        QVERIFY2(outcome.failures.isEmpty(), qPrintable(outcome.failures.join(u'\n')));
        // Each thread removed its connection before it ended.
        QVERIFY(!QSqlDatabase::connectionNames().contains(outcome.connectionName));
    }
    Inspector inspect(recordPath());
    QCOMPARE(inspect.value(u"SELECT count(*) FROM runs WHERE outcome = 'PASS'"_s).toInt(),
        Threads * RunsPerThread);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM steps"_s).toInt(),
        Threads * RunsPerThread * StepsPerRun);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM commands"_s).toInt(),
        Threads * RunsPerThread * StepsPerRun);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM devices WHERE last_outcome = 'PASS'"_s).toInt(),
        Threads * RunsPerThread);
    QCOMPARE(inspect.value(u"SELECT count(DISTINCT connection_path) FROM runs"_s).toInt(), Threads);
}

void tst_RecordStore::unwritableKeepsPending_data()
{
    QTest::addColumn<QString>("breakSql");
    QTest::addColumn<QString>("fixSql");
    QTest::addColumn<int>("expectedCode");
    // max_page_count at the current size: the next page the record needs is "disk full".
    QTest::newRow("disk full") << u"PRAGMA max_page_count = 1"_s
                               << u"PRAGMA max_page_count = 1073741823"_s
                               << int(ErrorCode::DiskFull);
    // query_only: every write fails as on a read-only file.
    QTest::newRow("read-only") << u"PRAGMA query_only = ON"_s << u"PRAGMA query_only = OFF"_s
                               << int(ErrorCode::RecordUnwritable);
}

void tst_RecordStore::unwritableKeepsPending()
{
    QFETCH(QString, breakSql);
    QFETCH(QString, fixSql);
    QFETCH(int, expectedCode);

    RecordStore store;
    QVERIFY(store.open(recordPath()));
    auto runId = store.beginRun(sampleStart());
    QVERIFY(runId);
    QVERIFY(store.commitStep(*runId, sampleStep(1)));

    // Break the store's own connection (tests may use it on the same thread).
    QSqlDatabase db = QSqlDatabase::database(store.connectionName(), false);
    QVERIFY(db.isOpen());
    {
        QSqlQuery query(db);
        QVERIFY2(query.exec(breakSql), qPrintable(query.lastError().text()));
    }

    StepResult big = sampleStep(2);
    big.commands.first().stdOut = QString(256 * 1024, u'o'); // needs new pages
    auto step2 = store.commitStep(*runId, big);
    QVERIFY(!step2);
    QCOMPARE(int(step2.error().code), expectedCode);
    QVERIFY(!step2.error().message.isEmpty());
    QVERIFY2(step2.error().detail.contains(u"SQLite code"_s), qPrintable(step2.error().detail));
    QVERIFY(RecordStore::isKeptPending(step2.error()));
    QVERIFY(store.hasPending());
    QCOMPARE(store.pendingCount(), 1);

    // Later writes queue behind it, in order; the finish is not acknowledged.
    QVERIFY(!store.commitStep(*runId, sampleStep(3)));
    QVERIFY(!store.updateRunDevice(*runId, deviceInfo(u"DEV-LATE"_s)));
    auto finished = store.finishRun(*runId, RunOutcome::Pass);
    QVERIFY(!finished);
    QCOMPARE(int(finished.error().code), expectedCode);
    RecordEvent event;
    event.kind = u"record-trouble"_s;
    QVERIFY(!store.logEvent(event));
    QCOMPARE(store.pendingCount(), 5);
    // A new run cannot start while results are pending; it is not queued.
    auto refused = store.beginRun(sampleStart(2));
    QVERIFY(!refused);
    QCOMPARE(store.pendingCount(), 5);
    QVERIFY(!store.retryPending());
    QCOMPARE(store.pendingCount(), 5);

    {
        Inspector inspect(recordPath());
        QCOMPARE(inspect.value(u"SELECT count(*) FROM steps"_s), u"1"_s);
        QCOMPARE(inspect.value(u"SELECT outcome FROM runs"_s), u"RUNNING"_s);
        QCOMPARE(inspect.value(u"SELECT count(*) FROM runs"_s), u"1"_s);
    }

    {
        QSqlQuery query(db);
        QVERIFY2(query.exec(fixSql), qPrintable(query.lastError().text()));
    }
    db = QSqlDatabase();
    auto retried = store.retryPending();
    QVERIFY2(retried, qPrintable(retried ? QString() : retried.error().detail));
    QVERIFY(!store.hasPending());

    Inspector inspect(recordPath());
    // Everything arrived, in the order it was given (row ids follow the calls).
    QCOMPARE(inspect.rows(u"SELECT s.seq, length(c.stdout) FROM steps s JOIN commands c "
                          u"ON c.step_id = s.id ORDER BY s.id"_s),
        (QList<QStringList> {{u"1"_s, u"16"_s}, {u"2"_s, u"262144"_s}, {u"3"_s, u"16"_s}}));
    QCOMPARE(inspect.rows(u"SELECT outcome, device_id FROM runs"_s),
        (QList<QStringList> {{u"PASS"_s, u"DEV-LATE"_s}}));
    QCOMPARE(inspect.value(u"SELECT last_outcome FROM devices"_s), u"PASS"_s);
    QCOMPARE(inspect.value(u"SELECT count(*) FROM events WHERE kind = 'record-trouble'"_s), u"1"_s);
    QVERIFY(store.beginRun(sampleStart(2)));
}

void tst_RecordStore::losingPendingIsReported()
{
    auto store = std::make_unique<RecordStore>();
    QVERIFY(store->open(recordPath()));
    auto runId = store->beginRun(sampleStart());
    QVERIFY(runId);
    {
        QSqlQuery query(QSqlDatabase::database(store->connectionName(), false));
        QVERIFY(query.exec(u"PRAGMA query_only = ON"_s));
    }
    QVERIFY(!store->commitStep(*runId, sampleStep(1)));
    QCOMPARE(store->pendingCount(), 1);
    QTest::ignoreMessage(
        QtCriticalMsg, QRegularExpression(u"destroyed with 1 unwritten operation"_s));
    store.reset();
}

QTEST_GUILESS_MAIN(tst_RecordStore)

#include "tst_recordstore.moc"
