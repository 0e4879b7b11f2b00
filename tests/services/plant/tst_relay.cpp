// Delivery of a station's record into the plant database (issue #14), against a real
// PostgreSQL 15 that the test starts itself: the outbox, the relay's upserts, resends after a
// crash, outages, a schema it does not understand, an unregistered login, a refused row and
// its retry, and the clock-skew flag. Every delivery is checked row by row against the record.

#include "services/plant/plantlookup.h"
#include "services/plant/plantschema.h"
#include "services/plant/relay.h"
#include "services/records/recordstore.h"
#include "tests/helpers/oldrecordschema.h"
#include "tests/helpers/pgserver.h"
#include "tests/helpers/plantcompare.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace Station;
using State = Plant::DeliveryStatus::State;

class tst_Relay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void deliversEverythingOnce();
    void resendAfterCrashIsHarmless();
    void outageThenRecoveryWithoutRestart();
    void newerSchemaPausesAndDropsNothing();
    void unregisteredLoginPauses();
    void refusedRowIsDeadLetteredAndRetried();
    void historyRecordedBeforeDeliveryIsQueued();
    void largeClockSkewIsFlagged();
    void stationDeliversThroughTheCommands();
    void plantWideRulesSeeOtherStations();

private:
    struct PlantDb
    {
        QString admin;   // superuser conninfo on the plant database
        QString station; // the station login's conninfo
    };
    PlantDb makePlant(const QString &name, const QString &stationId = u"LINE1-PC1"_s);
    qint64 recordRun(RecordStore &store, int fixture, const QString &device, RunOutcome outcome);
    Plant::RelayOptions options(const QString &conninfo) const;
    QStringList differences(const QString &plantAdmin, const QString &station) const;
    int outboxEntries() const;
    qint64 plantCount(const QString &admin, const QString &sql) const;

    TestPg::PgServer m_server;
    bool m_haveServer = false;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_record;
    int m_databases = 0;
};

void tst_Relay::initTestCase()
{
    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    const QString problem = m_server.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_haveServer = true;
}

void tst_Relay::cleanupTestCase()
{
    m_server.stop();
}

void tst_Relay::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_record = m_dir->filePath(u"record.sqlite"_s);
    if (!m_server.isRunning())
        QVERIFY(m_server.resume());
}

tst_Relay::PlantDb tst_Relay::makePlant(const QString &name, const QString &stationId)
{
    PlantDb plant;
    {
        Plant::Connection admin;
        if (!admin.open(m_server.adminConninfo()))
            return {};
        QSqlQuery query(admin.database());
        if (!query.exec(u"CREATE DATABASE %1"_s.arg(name)))
            return {};
    }
    plant.admin = m_server.adminConninfo(name);
    Plant::Connection admin;
    if (!admin.open(plant.admin))
        return {};
    QSqlDatabase db = admin.database();
    if (!Plant::init(db))
        return {};
    const QString login = name + u"_pc"_s;
    QSqlQuery query(db);
    // Roles are cluster-wide: each test database gets its own station login.
    if (!query.exec(u"CREATE ROLE %1 LOGIN PASSWORD 'pc-secret' IN ROLE plant_station"_s.arg(login))
        || !query.exec(u"INSERT INTO plant.stations (station_id, login_role, line) VALUES ('%1', "
                       "'%2', 'Line 1')"_s.arg(stationId, login))) {
        qWarning("%s", qPrintable(query.lastError().text()));
        return {};
    }
    const QString passfile = m_dir->filePath(u"pgpass-"_s + login);
    QFile file(passfile);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(u"127.0.0.1:%1:*:%2:pc-secret\n"_s.arg(m_server.port()).arg(login).toUtf8());
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    plant.station = m_server.tcpConninfo(login, name, passfile);
    return plant;
}

qint64 tst_Relay::recordRun(
    RecordStore &store, int fixture, const QString &device, RunOutcome outcome)
{
    RunStart start;
    start.fixture = fixture;
    start.fixtureLabel = u"F%1"_s.arg(fixture);
    start.deviceId = device;
    start.serialNumber = u"SPH-"_s + device.left(6);
    start.recipeName = u"factory"_s;
    start.recipeVersion = u"1.0"_s;
    start.recipeSha256 = QString(64, u'a');
    start.station = u"LINE1-PC1"_s;
    start.operatorName = u"Ana"_s;
    start.backend = u"simulated"_s;
    start.azsphereCli = u"azsphere"_s;
    start.productName = u"Widget"_s;
    start.deviceGroupName = u"Production"_s;
    auto run = store.beginRun(start);
    if (!run)
        return 0;
    StepResult step;
    step.seq = 1;
    step.name = u"Connect"_s;
    step.type = u"connect"_s;
    step.outcome = StepOutcome::Passed;
    step.started = QDateTime::currentDateTimeUtc();
    step.finished = step.started.addMSecs(120);
    step.attempts = 1;
    CommandRecord command;
    command.commandLine = u"azsphere device show-attached"_s;
    command.stdOut = u"Device ID: %1\n\u00e4\u4e2d nul:"_s.arg(device) + QChar(0) + u"end"_s;
    command.started = step.started;
    command.finished = step.finished;
    step.commands = {command, command};
    Measurement rssi {u"rssi"_s, -41.25, u"dBm"_s, -70.0, std::nullopt, true};
    Measurement odd {u"ratio"_s, 0.1 + 0.2, u""_s, 0.0, 1.0, true};
    step.measurements = {rssi, odd};
    if (!store.commitStep(*run, step))
        return 0;
    if (!store.finishRun(*run,
            outcome,
            outcome == RunOutcome::Fail ? u"Connect"_s : QString(),
            outcome == RunOutcome::Fail ? ErrorCode::DeviceNotConnected : ErrorCode::None,
            outcome == RunOutcome::Fail ? Text::raw(u"no device"_s) : Text()))
        return 0;
    return *run;
}

Plant::RelayOptions tst_Relay::options(const QString &conninfo) const
{
    Plant::RelayOptions options;
    options.recordPath = m_record;
    options.conninfo = conninfo;
    options.stationId = u"LINE1-PC1"_s;
    options.poll = 20ms;
    options.backoffMin = 50ms;
    options.backoffMax = 400ms;
    options.pausedRecheck = 200ms;
    options.statusInterval = 50ms;
    options.connectTimeoutS = 2;
    return options;
}

QStringList tst_Relay::differences(const QString &plantAdmin, const QString &station) const
{
    Plant::Connection plant;
    if (!plant.open(plantAdmin))
        return {u"cannot open the plant"_s};
    QSqlDatabase local = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"compare"_s);
    local.setDatabaseName(m_record);
    QStringList lines;
    if (!local.open()) {
        lines.append(u"cannot open the record"_s);
    } else {
        for (const TestPlant::Difference &d : TestPlant::compare(local, plant.database(), station))
            lines.append(
                u"%1: %2 local rows, %3 plant rows; local only: %4; plant only: %5"_s.arg(d.table)
                    .arg(d.localRows)
                    .arg(d.plantRows)
                    .arg(d.firstLocalOnly, d.firstPlantOnly));
        local.close();
    }
    local = {};
    QSqlDatabase::removeDatabase(u"compare"_s);
    return lines;
}

int tst_Relay::outboxEntries() const
{
    int count = -1;
    {
        QSqlDatabase local = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
        local.setDatabaseName(m_record);
        if (local.open()) {
            QSqlQuery query(local);
            if (query.exec(u"SELECT count(*) FROM outbox"_s) && query.next())
                count = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(u"count"_s);
    return count;
}

qint64 tst_Relay::plantCount(const QString &admin, const QString &sql) const
{
    Plant::Connection plant;
    if (!plant.open(admin))
        return -1;
    QSqlQuery query(plant.database());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

#define WAIT_STATE(relay, wanted, ms)                                                              \
    QTRY_VERIFY2_WITH_TIMEOUT((relay).status().state == (wanted),                                  \
        qPrintable(Plant::describe((relay).status()) + u" | "_s + (relay).status().detail),        \
        ms)

void tst_Relay::deliversEverythingOnce()
{
    const PlantDb plant = makePlant(u"relay_once"_s);
    QVERIFY(!plant.admin.isEmpty());
    RecordStore store;
    QVERIFY(store.open(m_record));
    const QString deviceA = QString(128, u'a');
    QVERIFY(recordRun(store, 1, deviceA, RunOutcome::Pass));
    QVERIFY(recordRun(store, 2, QString(128, u'b'), RunOutcome::Fail));
    RecordEvent loaded;
    loaded.station = u"LINE1-PC1"_s;
    loaded.operatorName = u"Ana"_s;
    loaded.kind = u"recipe-load"_s;
    loaded.detail = u"x"_s;
    QVERIFY(store.logEvent(loaded));
    QVERIFY(outboxEntries() > 0);

    Plant::Relay relay(options(plant.station));
    relay.start();
    WAIT_STATE(relay, State::UpToDate, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(outboxEntries(), 0, 5000);
    QVERIFY2(differences(plant.admin, u"LINE1-PC1"_s).isEmpty(),
        qPrintable(differences(plant.admin, u"LINE1-PC1"_s).join(u'\n')));
    QCOMPARE(plantCount(plant.admin, u"SELECT count(*) FROM plant.runs"_s), 2);
    QCOMPARE(plantCount(plant.admin, u"SELECT count(*) FROM plant.commands"_s), 4);
    // Delivered while running: a run started now reaches the plant within the poll.
    QVERIFY(recordRun(store, 3, QString(128, u'c'), RunOutcome::Pass));
    QTRY_COMPARE_WITH_TIMEOUT(
        plantCount(plant.admin, u"SELECT count(*) FROM plant.runs"_s), 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(differences(plant.admin, u"LINE1-PC1"_s).isEmpty(), 10000);
    QCOMPARE(relay.status().deadLetters, 0);
    QVERIFY(relay.status().clockSkewKnown);
    QVERIFY(!relay.status().clockSkewLarge);
}

void tst_Relay::resendAfterCrashIsHarmless()
{
    const PlantDb plant = makePlant(u"relay_resend"_s);
    QVERIFY(!plant.admin.isEmpty());
    RecordStore store;
    QVERIFY(store.open(m_record));
    for (int i = 0; i < 5; ++i)
        QVERIFY(recordRun(store, i + 1, QString(128, QChar(u'0' + i)), RunOutcome::Pass));
    {
        Plant::Relay relay(options(plant.station));
        relay.start();
        WAIT_STATE(relay, State::UpToDate, 20000);
    }
    const qint64 firstArrival = plantCount(plant.admin,
        u"SELECT (extract(epoch FROM max(received_at)) * 1000)::bigint FROM plant.runs"_s);
    // A station killed after the plant committed and before the outbox was cleared: every
    // entry comes back and is sent again.
    {
        QSqlDatabase local = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"requeue"_s);
        local.setDatabaseName(m_record);
        QVERIFY(local.open());
        QSqlQuery query(local);
        QVERIFY(query.exec(u"INSERT INTO outbox (kind, item_id, queued_utc) SELECT 'run', id, "
                           "started_utc FROM runs UNION ALL SELECT 'step', id, started_utc FROM "
                           "steps UNION ALL SELECT 'event', id, time_utc FROM events"_s));
    }
    QSqlDatabase::removeDatabase(u"requeue"_s);
    QVERIFY(outboxEntries() > 0);
    Plant::Relay relay(options(plant.station));
    relay.start();
    WAIT_STATE(relay, State::UpToDate, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(outboxEntries(), 0, 5000);
    QCOMPARE(plantCount(plant.admin, u"SELECT count(*) FROM plant.runs"_s), 5);
    QCOMPARE(plantCount(plant.admin, u"SELECT count(*) FROM plant.steps"_s), 5);
    QCOMPARE(plantCount(plant.admin, u"SELECT count(*) FROM plant.measurements"_s), 10);
    QVERIFY(differences(plant.admin, u"LINE1-PC1"_s).isEmpty());
    // The first arrival stays the first arrival.
    QCOMPARE(plantCount(plant.admin,
                 u"SELECT (extract(epoch FROM max(received_at)) * 1000)::bigint FROM plant.runs"_s),
        firstArrival);
}

void tst_Relay::outageThenRecoveryWithoutRestart()
{
    const PlantDb plant = makePlant(u"relay_outage"_s);
    QVERIFY(!plant.admin.isEmpty());
    RecordStore store;
    QVERIFY(store.open(m_record));
    Plant::Relay relay(options(plant.station));
    relay.start();
    WAIT_STATE(relay, State::UpToDate, 20000);

    QVERIFY(m_server.halt(u"immediate"_s)); // as if the server were killed
    // The line goes on: runs are recorded while the plant is away.
    for (int i = 0; i < 4; ++i)
        QVERIFY(recordRun(store, i + 1, QString(128, QChar(u'a' + i)), RunOutcome::Pass));
    WAIT_STATE(relay, State::Offline, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(relay.status().runsWaiting == 4, 5000);
    QVERIFY(relay.status().oldestWaiting.isValid());
    QCOMPARE(relay.status().failure, Plant::Failure::Unreachable);

    QVERIFY(m_server.resume());
    WAIT_STATE(relay, State::UpToDate, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(outboxEntries(), 0, 5000);
    QVERIFY2(differences(plant.admin, u"LINE1-PC1"_s).isEmpty(),
        qPrintable(differences(plant.admin, u"LINE1-PC1"_s).join(u'\n')));

    // An orderly stop in the middle of a backlog.
    for (int i = 0; i < 40; ++i)
        QVERIFY(recordRun(store,
            i % 8 + 1,
            QString(120, u'e') + QString::number(10000000 + i),
            RunOutcome::Pass));
    QVERIFY(m_server.halt(u"fast"_s));
    QVERIFY(m_server.resume());
    WAIT_STATE(relay, State::UpToDate, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(outboxEntries(), 0, 5000);
    QVERIFY(differences(plant.admin, u"LINE1-PC1"_s).isEmpty());
    QCOMPARE(plantCount(plant.admin, u"SELECT count(*) FROM plant.runs"_s), 44);
}

void tst_Relay::newerSchemaPausesAndDropsNothing()
{
    const PlantDb plant = makePlant(u"relay_schema"_s);
    QVERIFY(!plant.admin.isEmpty());
    RecordStore store;
    QVERIFY(store.open(m_record));
    QVERIFY(recordRun(store, 1, QString(128, u'a'), RunOutcome::Pass));
    const int waiting = outboxEntries();
    {
        Plant::Connection admin;
        QVERIFY(admin.open(plant.admin));
        QSqlQuery query(admin.database());
        QVERIFY2(query.exec(u"INSERT INTO plant.schema_version (version) VALUES (99)"_s),
            qPrintable(query.lastError().text()));
    }
    Plant::Relay relay(options(plant.station));
    relay.start();
    WAIT_STATE(relay, State::Paused, 20000);
    QCOMPARE(relay.status().failure, Plant::Failure::SchemaTooNew);
    QCOMPARE(outboxEntries(), waiting);
    QCOMPARE(plantCount(plant.admin, u"SELECT count(*) FROM plant.runs"_s), 0);
    {
        Plant::Connection admin;
        QVERIFY(admin.open(plant.admin));
        QSqlQuery query(admin.database());
        QVERIFY(query.exec(u"DELETE FROM plant.schema_version WHERE version = 99"_s));
    }
    // It looks again by itself.
    WAIT_STATE(relay, State::UpToDate, 20000);
    QVERIFY(differences(plant.admin, u"LINE1-PC1"_s).isEmpty());
}

void tst_Relay::unregisteredLoginPauses()
{
    const PlantDb plant = makePlant(u"relay_unreg"_s, u"LINE9-PC9"_s);
    QVERIFY(!plant.admin.isEmpty());
    RecordStore store;
    QVERIFY(store.open(m_record));
    QVERIFY(recordRun(store, 1, QString(128, u'a'), RunOutcome::Pass));
    Plant::Relay relay(options(plant.station)); // says LINE1-PC1; the login is LINE9-PC9's
    relay.start();
    WAIT_STATE(relay, State::Paused, 20000);
    QVERIFY2(relay.status().message.contains(u"LINE9-PC9"_s), qPrintable(relay.status().message));
    QVERIFY(outboxEntries() > 0);
}

void tst_Relay::refusedRowIsDeadLetteredAndRetried()
{
    const PlantDb plant = makePlant(u"relay_dead"_s);
    QVERIFY(!plant.admin.isEmpty());
    const QString refused = QString(128, u'f');
    {
        Plant::Connection admin;
        QVERIFY(admin.open(plant.admin));
        QSqlQuery query(admin.database());
        QVERIFY2(query.exec(uR"(CREATE FUNCTION plant.refuse() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN
                    IF NEW.device_id LIKE 'fff%' THEN
                        RAISE EXCEPTION 'refused by the test' USING ERRCODE = '23514';
                    END IF;
                    RETURN NEW;
                END $$)"_s),
            qPrintable(query.lastError().text()));
        QVERIFY(query.exec(u"CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON plant.runs FOR EACH "
                           "ROW EXECUTE FUNCTION plant.refuse()"_s));
    }
    RecordStore store;
    QVERIFY(store.open(m_record));
    QVERIFY(recordRun(store, 1, QString(128, u'a'), RunOutcome::Pass));
    QVERIFY(recordRun(store, 2, refused, RunOutcome::Pass));
    QVERIFY(recordRun(store, 3, QString(128, u'c'), RunOutcome::Pass));

    Plant::Relay relay(options(plant.station));
    relay.start();
    WAIT_STATE(relay, State::UpToDate, 20000);
    // The refused run, and its step (whose run the plant lacks), are dead letters; the others
    // are delivered.
    QTRY_VERIFY_WITH_TIMEOUT(relay.status().deadLetters >= 2, 5000);
    QCOMPARE(plantCount(plant.admin, u"SELECT count(*) FROM plant.runs"_s), 2);
    QVERIFY(plantCount(plant.admin, u"SELECT count(*) FROM plant.dead_letters"_s) >= 2);
    auto letters = Plant::readDeadLetters(m_record);
    QVERIFY(letters);
    QVERIFY(!letters->isEmpty());
    QCOMPARE(letters->first().sqlState, u"23514"_s);
    QVERIFY(letters->first().error.contains(u"refused by the test"_s));
    QVERIFY(letters->first().summary.contains(refused.left(10)));

    {
        Plant::Connection admin;
        QVERIFY(admin.open(plant.admin));
        QSqlQuery query(admin.database());
        QVERIFY(query.exec(u"DROP TRIGGER refuse ON plant.runs"_s));
    }
    relay.retryDeadLetters();
    QTRY_COMPARE_WITH_TIMEOUT(relay.status().deadLetters, 0, 10000);
    WAIT_STATE(relay, State::UpToDate, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(differences(plant.admin, u"LINE1-PC1"_s).isEmpty(), 10000);
}

void tst_Relay::historyRecordedBeforeDeliveryIsQueued()
{
    // A record of the first station release (schema 1), written before the outbox existed:
    // opening it queues its history, which reaches the plant like any new run.
    {
        QSqlDatabase v1 = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
        v1.setDatabaseName(m_record);
        QVERIFY(v1.open());
        QSqlQuery query(v1);
        QStringList ddl = TestRecords::schemaV1();
        ddl += QStringList {
            uR"(INSERT INTO runs (id, device_id, serial_number, fixture, recipe_name,
                started_utc, finished_utc, outcome)
                VALUES (7, 'DEV7', 'SN-7', 2, 'old', '2025-01-01T10:00:00.000Z',
                        '2025-01-01T10:01:00.000Z', 'PASS'))"_s,
            uR"(INSERT INTO steps (run_id, seq, name, outcome, started_utc, finished_utc)
                VALUES (7, 1, 'connect', 'PASS', '2025-01-01T10:00:00.000Z',
                        '2025-01-01T10:00:01.000Z'))"_s,
            uR"(INSERT INTO events (time_utc, kind) VALUES ('2025-01-01T09:00:00.000Z', 'start'))"_s,
            u"PRAGMA application_id = 1397773140"_s,
            u"PRAGMA user_version = 1"_s,
        };
        for (const QString &sql : ddl)
            QVERIFY2(query.exec(sql), qPrintable(sql));
    }
    QSqlDatabase::removeDatabase(u"v1"_s);
    RecordStore store;
    QVERIFY(store.open(m_record));
    QCOMPARE(outboxEntries(), 3);

    const PlantDb plant = makePlant(u"relay_history"_s);
    QVERIFY(!plant.admin.isEmpty());
    Plant::Relay relay(options(plant.station));
    relay.start();
    WAIT_STATE(relay, State::UpToDate, 20000);
    QCOMPARE(
        plantCount(plant.admin, u"SELECT count(*) FROM plant.runs WHERE local_run_id = 7"_s), 1);
    // An event from before the audit trail arrives as it was: outside the chain.
    QCOMPARE(plantCount(plant.admin,
                 u"SELECT count(*) FROM plant.events WHERE kind = 'start' AND seq IS NULL AND "
                 "hash = ''"_s),
        1);
    QVERIFY2(differences(plant.admin, u"LINE1-PC1"_s).isEmpty(),
        qPrintable(differences(plant.admin, u"LINE1-PC1"_s).join(u'\n')));
}

void tst_Relay::largeClockSkewIsFlagged()
{
    const PlantDb plant = makePlant(u"relay_skew"_s);
    QVERIFY(!plant.admin.isEmpty());
    RecordStore store;
    QVERIFY(store.open(m_record));
    Plant::RelayOptions relayOptions = options(plant.station);
    relayOptions.skewLimit = -1ms; // any difference at all counts as large
    Plant::Relay relay(relayOptions);
    relay.start();
    WAIT_STATE(relay, State::UpToDate, 20000);
    QVERIFY(relay.status().clockSkewKnown);
    QVERIFY(relay.status().clockSkewLarge);
    QVERIFY(Plant::describe(relay.status()).contains(u"clock differs"_s));
}

struct Ran
{
    int code = -1;
    QString out;
    QString err;
};

static Ran station(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, u"0"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(STATION_BIN_DIR) + u"/sphere-station"_s, arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return Ran {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

void tst_Relay::stationDeliversThroughTheCommands()
{
    // IT: the database, the station's registration (the command creates the login), its
    // password set by the administrator, the station's .pgpass.
    const QString name = u"relay_cmd"_s;
    {
        Plant::Connection admin;
        QVERIFY(admin.open(m_server.adminConninfo()));
        QSqlQuery query(admin.database());
        QVERIFY(query.exec(u"CREATE DATABASE %1"_s.arg(name)));
    }
    const QString adminConninfo = m_server.adminConninfo(name);
    Ran ran = station({u"plant"_s, u"init"_s, u"--connection"_s, adminConninfo});
    QVERIFY2(ran.code == 0, qPrintable(ran.err));
    ran = station({u"plant"_s,
        u"register-station"_s,
        u"--connection"_s,
        adminConninfo,
        u"--station"_s,
        u"LINE1-PC1"_s,
        u"--login"_s,
        u"relay_cmd_pc"_s,
        u"--line"_s,
        u"Line 1"_s});
    QVERIFY2(ran.code == 0, qPrintable(ran.err));
    QVERIFY(ran.out.contains(u"relay_cmd_pc"_s));
    // The same again is fine; the login for another station ID is not.
    ran = station({u"plant"_s,
        u"register-station"_s,
        u"--connection"_s,
        adminConninfo,
        u"--station"_s,
        u"LINE1-PC1"_s,
        u"--login"_s,
        u"relay_cmd_pc"_s});
    QCOMPARE(ran.code, 0);
    ran = station({u"plant"_s,
        u"register-station"_s,
        u"--connection"_s,
        adminConninfo,
        u"--station"_s,
        u"LINE1-PC2"_s,
        u"--login"_s,
        u"relay_cmd_pc"_s});
    QVERIFY(ran.code != 0);
    QVERIFY2(ran.err.contains(u"LINE1-PC1"_s), qPrintable(ran.err));
    {
        Plant::Connection admin;
        QVERIFY(admin.open(adminConninfo));
        QSqlQuery query(admin.database());
        QVERIFY(query.exec(u"ALTER ROLE relay_cmd_pc PASSWORD 'pc-secret'"_s));
    }
    const QString passfile = m_dir->filePath(u"pgpass"_s);
    {
        QFile file(passfile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(u"127.0.0.1:%1:*:relay_cmd_pc:pc-secret\n"_s.arg(m_server.port()).toUtf8());
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    const QString conninfo = m_server.tcpConninfo(u"relay_cmd_pc"_s, name, passfile);
    const QString ini = m_dir->filePath(u"station.ini"_s);
    {
        QFile file(ini);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(u"[station]\nbackend=simulator\nname=LINE1-PC1\n[plant]\nconnection=\"%1\"\n"_s
                       .arg(conninfo)
                       .toUtf8());
    }

    ran = station({u"--headless"_s,
        u"--simulate"_s,
        u"2"_s,
        u"--recipe"_s,
        QStringLiteral(STATION_SOURCE_DIR "/resources/recipes/quick.json"),
        u"--config"_s,
        ini,
        u"--record"_s,
        m_record,
        u"--operator"_s,
        u"Ana"_s});
    QVERIFY2(ran.code == 0, qPrintable(ran.out + ran.err));
    QVERIFY2(ran.out.contains(u"plant: delivering the record as station LINE1-PC1"_s),
        qPrintable(ran.out));
    QVERIFY2(ran.out.contains(u"plant: up to date"_s), qPrintable(ran.out));
    QCOMPARE(plantCount(adminConninfo,
                 u"SELECT count(*) FROM plant.runs WHERE outcome = 'PASS' AND station_id = "
                 "'LINE1-PC1' AND operator = 'Ana'"_s),
        2);
    ran = station({u"plant"_s, u"dead-letters"_s, u"--record"_s, m_record});
    QCOMPARE(ran.code, 0);
    QVERIFY(ran.out.contains(u"No dead letters"_s));
    // The station's closing event came after its relay stopped: it waits in the outbox, and
    // deliver sends it (as the station's next start would).
    ran = station({u"plant"_s,
        u"deliver"_s,
        u"--record"_s,
        m_record,
        u"--station"_s,
        u"LINE1-PC1"_s,
        u"--connection"_s,
        conninfo,
        u"--timeout"_s,
        u"60"_s});
    QVERIFY2(ran.code == 0, qPrintable(ran.out + ran.err));
    QVERIFY(ran.out.contains(u"up to date"_s));
    QVERIFY2(differences(adminConninfo, u"LINE1-PC1"_s).isEmpty(),
        qPrintable(differences(adminConninfo, u"LINE1-PC1"_s).join(u'\n')));
    // A password in the station's settings is refused before anything starts.
    {
        QFile file(ini);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(u"[station]\nbackend=simulator\nname=LINE1-PC1\n[plant]\nconnection=\"%1 "
                   "password=pc-secret\"\n"_s.arg(conninfo)
                       .toUtf8());
    }
    ran = station({u"--headless"_s,
        u"--simulate"_s,
        u"1"_s,
        u"--recipe"_s,
        QStringLiteral(STATION_SOURCE_DIR "/resources/recipes/quick.json"),
        u"--config"_s,
        ini,
        u"--record"_s,
        m_record});
    QVERIFY(ran.code != 0);
    QVERIFY2(ran.err.contains(u"password"_s), qPrintable(ran.out + ran.err));
}

void tst_Relay::plantWideRulesSeeOtherStations()
{
    const PlantDb plant = makePlant(u"relay_rules"_s);
    QVERIFY(!plant.admin.isEmpty());
    const QString other = QString(128, u'9');
    {
        // Another station's run: a label bound, the device finalized.
        Plant::Connection admin;
        QVERIFY(admin.open(plant.admin));
        QSqlQuery query(admin.database());
        QVERIFY(query.exec(u"CREATE ROLE relay_rules_other LOGIN IN ROLE plant_station"_s));
        QVERIFY(query.exec(u"INSERT INTO plant.stations (station_id, login_role, line) VALUES "
                           "('LINE2-PC1', 'relay_rules_other', 'Line 2')"_s));
        QVERIFY2(query.exec(u"INSERT INTO plant.runs (station_id, run_uuid, local_run_id, "
                            "device_id, serial_number, fixture, started_utc, finished_utc, "
                            "outcome, manufacturing_state, station_utc) VALUES ('LINE2-PC1', "
                            "gen_random_uuid(), 1, '%1', 'SPH-PLANT-1', 1, "
                            "'2026-12-01T08:00:00Z', '2026-12-01T08:05:00Z', 'PASS', "
                            "'DeviceComplete', now())"_s.arg(other)),
            qPrintable(query.lastError().text()));
    }
    // This station's login sees none of that station's rows ...
    QCOMPARE(plantCount(plant.station, u"SELECT count(*) FROM plant.runs"_s), 0);
    // ... but the plant-wide rules answer for the whole plant.
    Plant::Lookup lookup(plant.station);
    auto owner = lookup.labelOwner(u"SPH-PLANT-1"_s);
    QVERIFY2(owner, qPrintable(owner ? QString() : owner.error().message + owner.error().detail));
    QVERIFY(owner->has_value());
    QCOMPARE((*owner)->deviceId, other);
    QCOMPARE((*owner)->stationId, u"LINE2-PC1"_s);
    auto none = lookup.labelOwner(u"SPH-NOBODY"_s);
    QVERIFY(none);
    QVERIFY(!none->has_value());
    auto finalized = lookup.finalizedBy(other);
    QVERIFY(finalized);
    QVERIFY(finalized->has_value());
    QCOMPARE((*finalized)->stationId, u"LINE2-PC1"_s);
    QCOMPARE((*finalized)->finished, QDateTime(QDate(2026, 12, 1), QTime(8, 5), Qt::UTC));
    auto notFinalized = lookup.finalizedBy(QString(128, u'8'));
    QVERIFY(notFinalized);
    QVERIFY(!notFinalized->has_value());

    // Offline: an answer saying so at once, and no new attempt for a while (the details step
    // goes on with the local rules).
    Plant::Lookup away(u"host=127.0.0.1 port=1 dbname=plant user=nobody"_s);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!away.labelOwner(u"SPH-PLANT-1"_s));
    QVERIFY(clock.elapsed() < 5000);
    clock.restart();
    QVERIFY(!away.finalizedBy(other));
    QVERIFY(clock.elapsed() < 100);
}

QTEST_GUILESS_MAIN(tst_Relay)

#include "tst_relay.moc"
