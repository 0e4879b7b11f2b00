// The plant database's schema, roles and row-level security against a real PostgreSQL 15
// (tests/helpers/pgserver.h), started by this test in its own directory on its own port.

#include "services/plant/plantschema.h"
#include "tests/helpers/pgserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

class tst_PlantSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void initOnEmptyDatabase();
    void migrateIsIdempotent();
    void migrateNeedsInit();
    void newerServerSchemaIsRefused();
    void stationWritesOnlyItsOwnRows();
    void qualityReadsOnly();
    void resentRunIsOneRow();
    void connectionProblems();
    void commandEndToEnd();
    void commandProblems();

private:
    // A new, empty database on the server (each test function has its own).
    QString createDatabase(const QString &name);
    // A database with the plant schema and two stations, A and B, each with its login role.
    QString plantWithStations(const QString &name);
    // A passfile (mode 0600) with one line: `user`'s password on the server's TCP port.
    QString passfile(const QString &user, const QString &password, const QString &tag = {});
    struct Ran
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Runs `sphere-station plant ...` with `arguments` (after "plant").
    Ran plant(const QStringList &arguments, const QProcessEnvironment &environment = {});

    TestPg::PgServer m_server;
};

namespace {

// Runs `sql` on `db`; fails the test when it fails.
#define EXEC(db, sql)                                                                              \
    do {                                                                                           \
        QSqlQuery q_(db);                                                                          \
        QVERIFY2(q_.exec(sql), qPrintable(q_.lastError().text() + u" in: "_s + (sql)));            \
    } while (false)

QVariant scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return QVariant(u"error: "_s + query.lastError().text());
    return query.value(0);
}

// A station's delivery of a run, as the relay will send it: an upsert on its key.
QString upsertRun(const QString &station, const QString &uuid, const QString &outcome)
{
    return uR"(INSERT INTO plant.runs (station_id, run_uuid, local_run_id, device_id, fixture,
                   started_utc, outcome, station_utc)
               VALUES ('%1', '%2', 7, 'dev-1', 1, '2026-12-01T08:00:00Z', '%3', now())
               ON CONFLICT (station_id, run_uuid) DO UPDATE SET outcome = EXCLUDED.outcome,
                   station_utc = EXCLUDED.station_utc)"_s.arg(station, uuid, outcome);
}

} // namespace

void tst_PlantSchema::initTestCase()
{
    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QElapsedTimer timer;
    timer.start();
    const QString error = m_server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    qInfo("PostgreSQL started in %lld ms on port %d", timer.elapsed(), m_server.port());
}

void tst_PlantSchema::cleanupTestCase()
{
    m_server.stop();
}

QString tst_PlantSchema::createDatabase(const QString &name)
{
    Plant::Connection admin;
    if (auto opened = admin.open(m_server.adminConninfo()); !opened)
        return {};
    QSqlQuery query(admin.database());
    if (!query.exec(u"CREATE DATABASE %1"_s.arg(name)))
        return {};
    return m_server.adminConninfo(name);
}

QString tst_PlantSchema::plantWithStations(const QString &name)
{
    const QString conninfo = createDatabase(name);
    if (conninfo.isEmpty())
        return {};
    Plant::Connection admin;
    if (!admin.open(conninfo))
        return {};
    QSqlDatabase db = admin.database();
    if (!Plant::init(db))
        return {};
    QSqlQuery query(db);
    for (const QString &statement :
        {u"CREATE ROLE %1_a LOGIN PASSWORD 'secret-a' IN ROLE plant_station"_s.arg(name),
            u"CREATE ROLE %1_b LOGIN PASSWORD 'secret-b' IN ROLE plant_station"_s.arg(name),
            u"CREATE ROLE %1_q LOGIN PASSWORD 'secret-q' IN ROLE plant_quality"_s.arg(name),
            u"INSERT INTO plant.stations (station_id, login_role) VALUES ('LINE1-A', '%1_a'), "
            "('LINE1-B', '%1_b')"_s.arg(name)}) {
        if (!query.exec(statement)) {
            qWarning("%s", qPrintable(query.lastError().text()));
            return {};
        }
    }
    return conninfo;
}

QString tst_PlantSchema::passfile(const QString &user, const QString &password, const QString &tag)
{
    const QString path = m_server.directory() + u"/pgpass-"_s + user + tag;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(u"127.0.0.1:%1:*:%2:%3\n"_s.arg(m_server.port()).arg(user, password).toUtf8());
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void tst_PlantSchema::initOnEmptyDatabase()
{
    const QString conninfo = createDatabase(u"init_empty"_s);
    QVERIFY(!conninfo.isEmpty());
    Plant::Connection connection;
    QVERIFY(connection.open(conninfo));
    QSqlDatabase db = connection.database();
    QCOMPARE(Plant::serverVersion(db).value_or(-1), 0);

    const Plant::PlantResult<void> created = Plant::init(db);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QCOMPARE(Plant::serverVersion(db).value_or(-1), Plant::latestVersion());
    for (const QString &table : {u"stations"_s,
             u"runs"_s,
             u"steps"_s,
             u"commands"_s,
             u"measurements"_s,
             u"events"_s,
             u"dead_letters"_s}) {
        QCOMPARE(
            scalar(db, u"SELECT to_regclass('plant.%1') IS NOT NULL"_s.arg(table)).toBool(), true);
    }
    for (const QString &role : {u"plant_owner"_s, u"plant_station"_s, u"plant_quality"_s})
        QCOMPARE(
            scalar(db, u"SELECT count(*) FROM pg_roles WHERE rolname = '%1'"_s.arg(role)).toInt(),
            1);
    QCOMPARE(
        scalar(db, u"SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'plant'"_s)
            .toString(),
        u"plant_owner"_s);
    QCOMPARE(scalar(db, u"SELECT tableowner FROM pg_tables WHERE tablename = 'runs'"_s).toString(),
        u"plant_owner"_s);
    QCOMPARE(scalar(db, u"SELECT relrowsecurity FROM pg_class WHERE oid = 'plant.runs'::regclass"_s)
                 .toBool(),
        true);

    const Plant::PlantResult<void> again = Plant::init(db);
    QVERIFY(!again);
    QCOMPARE(again.error().failure, Plant::Failure::AlreadyInitialized);
}

void tst_PlantSchema::migrateIsIdempotent()
{
    const QString conninfo = createDatabase(u"migrate_twice"_s);
    Plant::Connection connection;
    QVERIFY(connection.open(conninfo));
    QSqlDatabase db = connection.database();
    QVERIFY(Plant::init(db));
    for (int i = 0; i < 2; ++i) {
        const Plant::PlantResult<int> applied = Plant::migrate(db);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
        QCOMPARE(*applied, 0);
    }
    QCOMPARE(
        scalar(db, u"SELECT count(*) FROM plant.schema_version"_s).toInt(), Plant::latestVersion());
    QCOMPARE(Plant::serverVersion(db).value_or(-1), Plant::latestVersion());
}

void tst_PlantSchema::migrateNeedsInit()
{
    const QString conninfo = createDatabase(u"migrate_empty"_s);
    Plant::Connection connection;
    QVERIFY(connection.open(conninfo));
    QSqlDatabase db = connection.database();
    const Plant::PlantResult<int> applied = Plant::migrate(db);
    QVERIFY(!applied);
    QCOMPARE(applied.error().failure, Plant::Failure::NotInitialized);
}

void tst_PlantSchema::newerServerSchemaIsRefused()
{
    const QString conninfo = createDatabase(u"too_new"_s);
    Plant::Connection connection;
    QVERIFY(connection.open(conninfo));
    QSqlDatabase db = connection.database();
    QVERIFY(Plant::init(db));
    EXEC(db,
        u"INSERT INTO plant.schema_version (version) VALUES (%1)"_s.arg(
            Plant::latestVersion() + 1));
    QCOMPARE(Plant::serverVersion(db).value_or(-1), Plant::latestVersion() + 1);
    const Plant::PlantResult<void> understood = Plant::checkUnderstood(Plant::latestVersion() + 1);
    QVERIFY(!understood);
    QCOMPARE(understood.error().failure, Plant::Failure::SchemaTooNew);
    const Plant::PlantResult<int> applied = Plant::migrate(db);
    QVERIFY(!applied);
    QCOMPARE(applied.error().failure, Plant::Failure::SchemaTooNew);
    QVERIFY(applied.error().message.contains(u"newer than this station"_s));
}

void tst_PlantSchema::stationWritesOnlyItsOwnRows()
{
    const QString conninfo = plantWithStations(u"rls"_s);
    QVERIFY(!conninfo.isEmpty());
    const QString runA = QUuid::createUuid().toString(QUuid::WithoutBraces);

    // Station A logs in over TCP with its password from a passfile.
    Plant::Connection stationA;
    const auto openedA = stationA.open(
        m_server.tcpConninfo(u"rls_a"_s, u"rls"_s, passfile(u"rls_a"_s, u"secret-a"_s)));
    QVERIFY2(openedA, qPrintable(openedA ? QString() : openedA.error().detail));
    QSqlDatabase a = stationA.database();
    EXEC(a, upsertRun(u"LINE1-A"_s, runA, u"PASS"_s));
    EXEC(a, uR"(INSERT INTO plant.steps (station_id, run_uuid, seq, outcome, station_utc)
            VALUES ('LINE1-A', '%1', 1, 'PASS', now()))"_s.arg(runA));
    EXEC(a,
        uR"(INSERT INTO plant.dead_letters (station_id, item_kind, item_key, payload, station_utc)
            VALUES ('LINE1-A', 'runs', 'x', '{}', now()))"_s);
    // ... but not as another station.
    {
        QSqlQuery query(a);
        QVERIFY(!query.exec(upsertRun(
            u"LINE1-B"_s, QUuid::createUuid().toString(QUuid::WithoutBraces), u"PASS"_s)));
        QVERIFY2(query.lastError().text().contains(u"row-level security"_s),
            qPrintable(query.lastError().text()));
    }

    Plant::Connection stationB;
    QVERIFY(stationB.open(
        m_server.tcpConninfo(u"rls_b"_s, u"rls"_s, passfile(u"rls_b"_s, u"secret-b"_s))));
    QSqlDatabase b = stationB.database();
    // B cannot read A's rows, ...
    QCOMPARE(scalar(b, u"SELECT count(*) FROM plant.runs"_s).toInt(), 0);
    QCOMPARE(scalar(b, u"SELECT count(*) FROM plant.steps"_s).toInt(), 0);
    QCOMPARE(scalar(b, u"SELECT count(*) FROM plant.dead_letters"_s).toInt(), 0);
    // ... nor update them (they are invisible to it), ...
    {
        QSqlQuery query(b);
        QVERIFY(
            query.exec(u"UPDATE plant.runs SET outcome = 'FAIL' WHERE station_id = 'LINE1-A'"_s));
        QCOMPARE(query.numRowsAffected(), 0);
        QVERIFY(query.exec(u"UPDATE plant.runs SET outcome = 'FAIL'"_s));
        QCOMPARE(query.numRowsAffected(), 0);
    }
    // ... nor take one over by moving it to its own station ID, nor reuse its run ID, ...
    {
        QSqlQuery query(b);
        QVERIFY(!query.exec(upsertRun(u"LINE1-B"_s, runA, u"FAIL"_s)));
        QCOMPARE(query.lastError().nativeErrorCode(), u"23505"_s); // unique run_uuid
    }
    // ... nor delete anything, its own rows included.
    for (const QString &table : {u"runs"_s, u"steps"_s, u"dead_letters"_s}) {
        QSqlQuery query(b);
        QVERIFY(!query.exec(u"DELETE FROM plant.%1"_s.arg(table)));
        QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
    }
    {
        QSqlQuery query(a);
        QVERIFY(!query.exec(u"DELETE FROM plant.runs WHERE station_id = 'LINE1-A'"_s));
        QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
        // Nor register itself, nor alter the schema.
        QVERIFY(!query.exec(u"INSERT INTO plant.stations (station_id, login_role) "
                            "VALUES ('X', 'rls_a')"_s));
        QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
        QVERIFY(!query.exec(u"DROP TABLE plant.events"_s));
    }

    Plant::Connection admin;
    QVERIFY(admin.open(conninfo));
    QSqlDatabase db = admin.database();
    QCOMPARE(
        scalar(db, u"SELECT outcome FROM plant.runs WHERE run_uuid = '%1'"_s.arg(runA)).toString(),
        u"PASS"_s);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM plant.runs"_s).toInt(), 1);

    // A station login may not migrate.
    const Plant::PlantResult<int> migrated = Plant::migrate(a);
    QVERIFY(!migrated);
    QCOMPARE(migrated.error().failure, Plant::Failure::InsufficientPrivilege);
}

void tst_PlantSchema::qualityReadsOnly()
{
    const QString conninfo = plantWithStations(u"quality"_s);
    QVERIFY(!conninfo.isEmpty());
    {
        Plant::Connection admin;
        QVERIFY(admin.open(conninfo));
        QSqlDatabase db = admin.database();
        EXEC(db,
            upsertRun(u"LINE1-A"_s, QUuid::createUuid().toString(QUuid::WithoutBraces), u"PASS"_s));
        EXEC(db,
            upsertRun(u"LINE1-B"_s, QUuid::createUuid().toString(QUuid::WithoutBraces), u"FAIL"_s));
    }
    Plant::Connection quality;
    QVERIFY(quality.open(m_server.tcpConninfo(
        u"quality_q"_s, u"quality"_s, passfile(u"quality_q"_s, u"secret-q"_s))));
    QSqlDatabase q = quality.database();
    QCOMPARE(scalar(q, u"SELECT count(*) FROM plant.runs"_s).toInt(), 2);
    QCOMPARE(scalar(q, u"SELECT count(*) FROM plant.stations"_s).toInt(), 2);
    QSqlQuery query(q);
    QVERIFY(!query.exec(
        upsertRun(u"LINE1-A"_s, QUuid::createUuid().toString(QUuid::WithoutBraces), u"PASS"_s)));
    QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
    QVERIFY(!query.exec(u"UPDATE plant.runs SET outcome = 'FAIL'"_s));
    QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
    QVERIFY(!query.exec(u"DELETE FROM plant.runs"_s));
    QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
    QCOMPARE(scalar(q, u"SELECT count(*) FROM plant.runs"_s).toInt(), 2);
}

void tst_PlantSchema::resentRunIsOneRow()
{
    const QString conninfo = plantWithStations(u"resend"_s);
    QVERIFY(!conninfo.isEmpty());
    Plant::Connection station;
    QVERIFY(station.open(
        m_server.tcpConninfo(u"resend_a"_s, u"resend"_s, passfile(u"resend_a"_s, u"secret-a"_s))));
    QSqlDatabase a = station.database();
    const QString run = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString step = uR"(INSERT INTO plant.steps (station_id, run_uuid, seq, name, outcome,
            station_utc) VALUES ('LINE1-A', '%1', 1, 'connect', '%2', now())
            ON CONFLICT (station_id, run_uuid, seq) DO UPDATE SET outcome = EXCLUDED.outcome)"_s;
    const QString measurement = uR"(INSERT INTO plant.measurements (station_id, run_uuid,
            step_seq, seq, name, value, unit, low, high, pass, station_utc)
            VALUES ('LINE1-A', '%1', 1, 1, 'rssi', -42.5, 'dBm', -60, -30, true, now())
            ON CONFLICT (station_id, run_uuid, step_seq, seq) DO UPDATE
            SET value = EXCLUDED.value, pass = EXCLUDED.pass)"_s.arg(run);
    EXEC(a, upsertRun(u"LINE1-A"_s, run, u"RUNNING"_s));
    EXEC(a, step.arg(run, u"PASS"_s));
    EXEC(a, measurement);
    const QVariant firstReceived
        = scalar(a, u"SELECT received_at FROM plant.runs WHERE run_uuid = '%1'"_s.arg(run));
    // The relay crashed before it saw the commit, and sends everything again (with the verdict).
    EXEC(a, upsertRun(u"LINE1-A"_s, run, u"PASS"_s));
    EXEC(a, upsertRun(u"LINE1-A"_s, run, u"PASS"_s));
    EXEC(a, step.arg(run, u"PASS"_s));
    EXEC(a, measurement);

    Plant::Connection admin;
    QVERIFY(admin.open(conninfo));
    QSqlDatabase db = admin.database();
    QCOMPARE(scalar(db, u"SELECT count(*) FROM plant.runs"_s).toInt(), 1);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM plant.steps"_s).toInt(), 1);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM plant.measurements"_s).toInt(), 1);
    QCOMPARE(scalar(db, u"SELECT outcome FROM plant.runs"_s).toString(), u"PASS"_s);
    // The first arrival is kept.
    QCOMPARE(scalar(db, u"SELECT received_at FROM plant.runs"_s), firstReceived);
}

void tst_PlantSchema::connectionProblems()
{
    {
        Plant::Connection connection;
        const auto opened = connection.open(u"host=127.0.0.1 port=1 dbname=plant user=x"_s);
        QVERIFY(!opened);
        QCOMPARE(opened.error().failure, Plant::Failure::Unreachable);
    }
    {
        Plant::Connection connection;
        const auto opened = connection.open(m_server.tcpConninfo(u"postgres"_s,
            u"postgres"_s,
            passfile(u"postgres"_s, u"not-the-password"_s, u"-wrong"_s)));
        QVERIFY(!opened);
        QCOMPARE(opened.error().failure, Plant::Failure::AuthenticationFailed);
    }
    {
        // The right password from the passfile logs in.
        Plant::Connection connection;
        const QString file = passfile(u"postgres"_s, TestPg::PgServer::superuserPassword());
        const auto opened
            = connection.open(m_server.tcpConninfo(u"postgres"_s, u"postgres"_s, file));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().detail));
    }
    {
        Plant::Connection connection;
        const auto opened
            = connection.open(u"host=127.0.0.1 port=5432 user=x password=secret dbname=p"_s);
        QVERIFY(!opened);
        QCOMPARE(opened.error().failure, Plant::Failure::BadConnectionString);
    }
}

tst_PlantSchema::Ran tst_PlantSchema::plant(
    const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    QProcessEnvironment env
        = environment.isEmpty() ? QProcessEnvironment::systemEnvironment() : environment;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(STATION_BIN_DIR) + u"/sphere-station"_s,
        QStringList {u"plant"_s} + arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return Ran {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

void tst_PlantSchema::commandEndToEnd()
{
    const QString conninfo = createDatabase(u"command"_s);
    QVERIFY(!conninfo.isEmpty());
    const QStringList connection {u"--connection"_s, conninfo};

    Ran ran = plant(QStringList {u"status"_s} + connection);
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    QVERIFY2(ran.out.contains(u"plant init"_s), qPrintable(ran.out));

    ran = plant(QStringList {u"init"_s} + connection);
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    QVERIFY2(
        ran.out.contains(u"schema version %1"_s.arg(Plant::latestVersion())), qPrintable(ran.out));

    ran = plant(QStringList {u"status"_s} + connection);
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    QVERIFY2(ran.out.contains(u"Server schema version: %1"_s.arg(Plant::latestVersion())),
        qPrintable(ran.out));
    QVERIFY2(ran.out.contains(u"up to date"_s), qPrintable(ran.out));

    ran = plant(QStringList {u"migrate"_s} + connection);
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    QVERIFY2(ran.out.contains(u"up to date"_s), qPrintable(ran.out));

    ran = plant(QStringList {u"init"_s} + connection);
    QCOMPARE(ran.exitCode, 2);
    QVERIFY2(ran.err.contains(u"plant migrate"_s), qPrintable(ran.err));

    // A newer station migrated the server: this one refuses it.
    {
        Plant::Connection admin;
        QVERIFY(admin.open(conninfo));
        QSqlDatabase db = admin.database();
        EXEC(db,
            u"INSERT INTO plant.schema_version (version) VALUES (%1)"_s.arg(
                Plant::latestVersion() + 1));
    }
    for (const QString &action : {u"status"_s, u"migrate"_s}) {
        ran = plant(QStringList {action} + connection);
        QCOMPARE(ran.exitCode, 2);
        QVERIFY2(ran.err.contains(u"newer than this station understands"_s), qPrintable(ran.err));
    }
}

void tst_PlantSchema::commandProblems()
{
    Ran ran = plant({u"status"_s,
        u"--connection"_s,
        u"host=127.0.0.1 port=1 dbname=plant user=station connect_timeout=5"_s});
    QCOMPARE(ran.exitCode, 1);
    QVERIFY2(ran.err.contains(u"cannot be reached"_s), qPrintable(ran.err));

    // The password from PGPASSFILE, as a line PC would have it; a wrong one is refused.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PGPASSFILE"_s, passfile(u"postgres"_s, u"wrong"_s, u"-command-wrong"_s));
    const QString tcp
        = u"host=127.0.0.1 port=%1 dbname=postgres user=postgres"_s.arg(m_server.port());
    ran = plant({u"status"_s, u"--connection"_s, tcp}, env);
    QCOMPARE(ran.exitCode, 1);
    QVERIFY2(ran.err.contains(u"authentication failed"_s), qPrintable(ran.err));
    env.insert(u"PGPASSFILE"_s,
        passfile(u"postgres"_s, TestPg::PgServer::superuserPassword(), u"-command-right"_s));
    ran = plant({u"status"_s, u"--connection"_s, tcp}, env);
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));

    // A station login may not create the plant.
    const QString stations = plantWithStations(u"cmdpriv"_s);
    QVERIFY(!stations.isEmpty());
    env.insert(u"PGPASSFILE"_s, passfile(u"cmdpriv_a"_s, u"secret-a"_s));
    ran = plant({u"migrate"_s,
                    u"--connection"_s,
                    u"host=127.0.0.1 port=%1 dbname=cmdpriv user=cmdpriv_a"_s.arg(m_server.port())},
        env);
    QCOMPARE(ran.exitCode, 1);
    QVERIFY2(ran.err.contains(u"insufficient privilege"_s), qPrintable(ran.err));

    ran = plant({u"status"_s, u"--connection"_s, tcp + u" password=secret"_s});
    QCOMPARE(ran.exitCode, 2);
    QVERIFY2(ran.err.contains(u".pgpass"_s), qPrintable(ran.err));
    for (const QString &bad :
        {u"service=no-such-plant-service"_s, u"host=127.0.0.1 colour=blue"_s}) {
        ran = plant({u"status"_s, u"--connection"_s, bad});
        QCOMPARE(ran.exitCode, 2);
        QVERIFY2(ran.err.contains(u"not one libpq understands"_s), qPrintable(ran.err));
    }
    ran = plant({u"status"_s});
    QCOMPARE(ran.exitCode, 2);
    ran = plant({u"drop"_s, u"--connection"_s, tcp});
    QCOMPARE(ran.exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_PlantSchema)
#include "tst_plantschema.moc"
