// The hand-off to cloud configuration from the plant database (services/plant/planthandoff.h)
// against a real PostgreSQL 15 (tests/helpers/pgserver.h), and `sphere-station export
// --handoff --plant` end to end. The rows are inserted as the owner, as the relay will deliver
// them.

#include "services/plant/planthandoff.h"
#include "tests/helpers/pgserver.h"

#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

QString device(int n)
{
    return QString::number(n, 16).rightJustified(128, u'0');
}

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, 1), QTime(hour, minute), Qt::UTC);
}

enum class Ending { Finalized, Module1Complete, NoFinalize, FinalizeFailed };

struct Run
{
    QString station;
    QString deviceId;
    QDateTime started;
    Ending ending = Ending::Finalized;
    QString product = u"Contoso"_s;
    QString group = u"Production"_s;
};

QStringList ids(const QList<HandoffDevice> &devices)
{
    QStringList list;
    for (const HandoffDevice &d : devices)
        list << d.deviceId;
    return list;
}

// "N device(s) written to FILE": the English plural form comes from translations/ (filled in
// when the strings are extracted), so both forms are taken.
bool writtenLine(const QString &out, int devices, const QString &file)
{
    const QString plural = devices == 1 ? u"device"_s : u"devices"_s;
    return out == u"%1 %2 written to %3\n"_s.arg(devices).arg(plural, file)
        || out == u"%1 device(s) written to %2\n"_s.arg(devices).arg(file);
}

bool leftOutLine(const QString &err, int devices)
{
    return err.contains(u"%1 device left out"_s.arg(devices))
        || err.contains(u"%1 device(s) left out"_s.arg(devices));
}

} // namespace

class tst_PlantHandoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void wholePlantNewestWins();
    void onlyPassedFinalizingRuns();
    void stationAndLine_data();
    void stationAndLine();
    void range();
    void missingNamesAreLeftOut();
    void loginsSeeWhatTheirRoleMayRead();
    void schemaProblems();
    void commandEndToEnd();
    void commandProblems();

private:
    // A new database with the plant schema and stations A and B (line 1) and C (line 2).
    QString plantDatabase();
    bool insert(const QList<Run> &runs);
    Plant::PlantResult<HandoffReport> collect(const Plant::HandoffScope &scope = {});
    struct Ran
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Ran exportCommand(const QStringList &arguments);

    TestPg::PgServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_conninfo;
    int m_databases = 0;
};

void tst_PlantHandoff::initTestCase()
{
    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    const QString error = m_server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_PlantHandoff::cleanupTestCase()
{
    m_server.stop();
}

void tst_PlantHandoff::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_conninfo = plantDatabase();
    QVERIFY(!m_conninfo.isEmpty());
}

QString tst_PlantHandoff::plantDatabase()
{
    const QString name = u"handoff_%1"_s.arg(++m_databases);
    {
        Plant::Connection admin;
        if (!admin.open(m_server.adminConninfo()))
            return {};
        QSqlQuery query(admin.database());
        if (!query.exec(u"CREATE DATABASE %1"_s.arg(name)))
            return {};
    }
    const QString conninfo = m_server.adminConninfo(name);
    Plant::Connection admin;
    if (!admin.open(conninfo))
        return {};
    QSqlDatabase db = admin.database();
    if (const Plant::PlantResult<void> created = Plant::init(db); !created) {
        qWarning("%s", qPrintable(created.error().message));
        return {};
    }
    QSqlQuery query(db);
    if (!query.exec(u"INSERT INTO plant.stations (station_id, login_role, line) VALUES "
                    "('LINE1-A', 'station_a', '1'), ('LINE1-B', 'station_b', '1'), "
                    "('LINE2-C', 'station_c', '2')"_s)) {
        qWarning("%s", qPrintable(query.lastError().text()));
        return {};
    }
    return conninfo;
}

bool tst_PlantHandoff::insert(const QList<Run> &runs)
{
    Plant::Connection connection;
    if (!connection.open(m_conninfo))
        return false;
    QSqlDatabase db = connection.database();
    QSqlQuery run(db);
    QSqlQuery step(db);
    if (!run.prepare(uR"(INSERT INTO plant.runs (station_id, run_uuid, local_run_id, device_id,
                fixture, started_utc, finished_utc, outcome, product_name, device_group_name,
                station_utc)
            VALUES (?, ?::uuid, ?, ?, 1, ?::timestamptz, ?::timestamptz, ?, ?, ?, now()))"_s)
        || !step.prepare(uR"(INSERT INTO plant.steps (station_id, run_uuid, seq, name, type,
                outcome, data, station_utc)
            VALUES (?, ?::uuid, ?, ?, ?, ?, ?, now()))"_s)) {
        qWarning("%s", qPrintable(run.lastError().text() + step.lastError().text()));
        return false;
    }
    int local = 0;
    for (const Run &r : runs) {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const bool failed = r.ending == Ending::FinalizeFailed;
        run.addBindValue(r.station);
        run.addBindValue(uuid);
        run.addBindValue(++local);
        run.addBindValue(r.deviceId);
        run.addBindValue(r.started.toString(Qt::ISODateWithMs));
        run.addBindValue(r.started.addSecs(30).toString(Qt::ISODateWithMs));
        run.addBindValue(failed ? u"FAIL"_s : u"PASS"_s);
        run.addBindValue(r.product.isNull() ? QStringLiteral("") : r.product);
        run.addBindValue(r.group.isNull() ? QStringLiteral("") : r.group);
        if (!run.exec()) {
            qWarning("%s", qPrintable(run.lastError().text()));
            return false;
        }
        if (r.ending == Ending::NoFinalize)
            continue;
        const QString state
            = r.ending == Ending::Module1Complete ? u"Module1Complete"_s : u"DeviceComplete"_s;
        step.addBindValue(r.station);
        step.addBindValue(uuid);
        step.addBindValue(9);
        step.addBindValue(u"Finalize"_s);
        step.addBindValue(u"finalize"_s);
        step.addBindValue(failed ? u"FAIL"_s : u"PASS"_s);
        step.addBindValue(failed
                ? u"{\"targetState\":\"%1\"}"_s.arg(state)
                : u"{\"manufacturingState\":\"%1\",\"targetState\":\"%1\"}"_s.arg(state));
        if (!step.exec()) {
            qWarning("%s", qPrintable(step.lastError().text()));
            return false;
        }
    }
    return true;
}

Plant::PlantResult<HandoffReport> tst_PlantHandoff::collect(const Plant::HandoffScope &scope)
{
    Plant::Connection connection;
    if (Plant::PlantResult<void> opened = connection.open(m_conninfo); !opened)
        return tl::make_unexpected(opened.error());
    QSqlDatabase db = connection.database();
    return Plant::collectHandoff(db, scope);
}

tst_PlantHandoff::Ran tst_PlantHandoff::exportCommand(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    process.start(QStringLiteral(STATION_BIN_DIR) + u"/sphere-station"_s,
        QStringList {u"export"_s, u"--handoff"_s} + arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return Ran {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

void tst_PlantHandoff::wholePlantNewestWins()
{
    QVERIFY(insert({
        {u"LINE1-A"_s, device(1), at(8), Ending::Finalized, u"Contoso"_s, u"Field Test"_s},
        // Re-tested at another station later: the newest run decides.
        {u"LINE2-C"_s, device(1), at(9), Ending::Finalized, u"Contoso"_s, u"Production"_s},
        {u"LINE1-B"_s, device(2), at(8, 30), Ending::Finalized, u"Fabrikam"_s, u"Production"_s},
        {u"LINE1-B"_s, device(2), at(10), Ending::FinalizeFailed},
    }));
    const Plant::PlantResult<HandoffReport> report = collect();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().detail));
    QCOMPARE(ids(report->devices), (QStringList {device(1), device(2)}));
    QCOMPARE(report->devices.at(0).deviceGroupName, u"Production"_s);
    QCOMPARE(report->devices.at(1).productName, u"Fabrikam"_s);
}

void tst_PlantHandoff::onlyPassedFinalizingRuns()
{
    QVERIFY(insert({
        {u"LINE1-A"_s, device(1), at(8)},
        {u"LINE1-A"_s, device(2), at(8, 1), Ending::FinalizeFailed},
        {u"LINE1-A"_s, device(3), at(8, 2), Ending::NoFinalize},
        {u"LINE1-A"_s, device(4), at(8, 3), Ending::Module1Complete},
    }));
    const Plant::PlantResult<HandoffReport> report = collect();
    QVERIFY(report);
    QCOMPARE(ids(report->devices), QStringList {device(1)});
}

void tst_PlantHandoff::stationAndLine_data()
{
    QTest::addColumn<QString>("station");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("devices");

    QTest::newRow("plant") << QString() << QString()
                           << QStringList {device(1), device(2), device(3)};
    QTest::newRow("station") << u"LINE1-B"_s << QString() << QStringList {device(2)};
    QTest::newRow("line 1") << QString() << u"1"_s << QStringList {device(1), device(2)};
    QTest::newRow("line 2") << QString() << u"2"_s << QStringList {device(3)};
    QTest::newRow("station not on the line") << u"LINE2-C"_s << u"1"_s << QStringList {};
    QTest::newRow("unknown station") << u"LINE9-Z"_s << QString() << QStringList {};
}

void tst_PlantHandoff::stationAndLine()
{
    QFETCH(QString, station);
    QFETCH(QString, line);
    QFETCH(QStringList, devices);
    QVERIFY(insert({
        {u"LINE1-A"_s, device(1), at(8)},
        {u"LINE1-B"_s, device(2), at(8)},
        {u"LINE2-C"_s, device(3), at(8)},
    }));
    Plant::HandoffScope scope;
    scope.stationId = station;
    scope.line = line;
    const Plant::PlantResult<HandoffReport> report = collect(scope);
    QVERIFY(report);
    QCOMPARE(ids(report->devices), devices);
}

void tst_PlantHandoff::range()
{
    QVERIFY(insert({
        {u"LINE1-A"_s, device(1), at(5, 59)},
        {u"LINE1-A"_s, device(2), at(6)},
        {u"LINE1-A"_s, device(3), at(13, 59)},
        {u"LINE1-A"_s, device(4), at(14)},
    }));
    Plant::HandoffScope scope;
    scope.from = at(6);
    scope.to = at(14);
    const Plant::PlantResult<HandoffReport> report = collect(scope);
    QVERIFY(report);
    QCOMPARE(ids(report->devices), (QStringList {device(2), device(3)}));
    scope.to = QDateTime();
    QCOMPARE(ids(collect(scope)->devices), (QStringList {device(2), device(3), device(4)}));
}

void tst_PlantHandoff::missingNamesAreLeftOut()
{
    QVERIFY(insert({
        {u"LINE1-A"_s, device(1), at(8), Ending::Finalized, QString(), QString()},
        {u"LINE1-A"_s, device(2), at(8), Ending::Finalized, u"Contoso"_s, QString()},
        {u"LINE1-A"_s, device(3), at(8)},
        {u"LINE1-A"_s, u"dev-4"_s, at(8)},
    }));
    const Plant::PlantResult<HandoffReport> report = collect();
    QVERIFY(report);
    QCOMPARE(ids(report->devices), QStringList {device(3)});
    QCOMPARE(report->withoutNames, (QStringList {device(1), device(2)}));
    QCOMPARE(report->invalid, QStringList {u"dev-4: the device ID is not hexadecimal"_s});
}

void tst_PlantHandoff::loginsSeeWhatTheirRoleMayRead()
{
    QVERIFY(insert({
        {u"LINE1-A"_s, device(1), at(8)},
        {u"LINE1-B"_s, device(2), at(8)},
        {u"LINE2-C"_s, device(3), at(8)},
    }));
    const QString database = m_conninfo.section(u"dbname="_s, 1).section(u' ', 0, 0);
    {
        Plant::Connection admin;
        QVERIFY(admin.open(m_conninfo));
        QSqlQuery query(admin.database());
        for (const QString &statement :
            {u"CREATE ROLE handoff_a LOGIN PASSWORD 'secret-a' IN ROLE plant_station"_s,
                u"CREATE ROLE handoff_q LOGIN PASSWORD 'secret-q' IN ROLE plant_quality"_s,
                u"UPDATE plant.stations SET login_role = 'handoff_a' WHERE station_id = 'LINE1-A'"_s})
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
    }
    const auto passfile = [this](const QString &user, const QString &password) {
        const QString path = m_dir->filePath(u"pgpass-"_s + user);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(
                u"127.0.0.1:%1:*:%2:%3\n"_s.arg(m_server.port()).arg(user, password).toUtf8());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return path;
    };

    // Quality reads the whole plant, and may select by line.
    const QString quality
        = m_server.tcpConninfo(u"handoff_q"_s, database, passfile(u"handoff_q"_s, u"secret-q"_s));
    {
        Plant::Connection connection;
        QVERIFY(connection.open(quality));
        QSqlDatabase db = connection.database();
        const Plant::PlantResult<HandoffReport> all = Plant::collectHandoff(db, {});
        QVERIFY2(all, qPrintable(all ? QString() : all.error().detail));
        QCOMPARE(ids(all->devices), (QStringList {device(1), device(2), device(3)}));
        Plant::HandoffScope line;
        line.line = u"1"_s;
        QCOMPARE(
            ids(Plant::collectHandoff(db, line)->devices), (QStringList {device(1), device(2)}));
    }
    // A station's login sees its own runs only.
    const QString station
        = m_server.tcpConninfo(u"handoff_a"_s, database, passfile(u"handoff_a"_s, u"secret-a"_s));
    Plant::Connection connection;
    QVERIFY(connection.open(station));
    QSqlDatabase db = connection.database();
    const Plant::PlantResult<HandoffReport> own = Plant::collectHandoff(db, {});
    QVERIFY2(own, qPrintable(own ? QString() : own.error().detail));
    QCOMPARE(ids(own->devices), QStringList {device(1)});
}

void tst_PlantHandoff::schemaProblems()
{
    // A database without the plant schema.
    {
        Plant::Connection admin;
        QVERIFY(admin.open(m_server.adminConninfo()));
        QSqlQuery query(admin.database());
        QVERIFY(query.exec(u"CREATE DATABASE handoff_empty"_s));
    }
    Plant::Connection connection;
    QVERIFY(connection.open(m_server.adminConninfo(u"handoff_empty"_s)));
    QSqlDatabase db = connection.database();
    const Plant::PlantResult<HandoffReport> report = Plant::collectHandoff(db, {});
    QVERIFY(!report);
    QCOMPARE(report.error().failure, Plant::Failure::NotInitialized);
}

void tst_PlantHandoff::commandEndToEnd()
{
    QVERIFY(insert({
        {u"LINE1-A"_s, device(2), at(8), Ending::Finalized, u"Contoso, \"DW100\""_s},
        {u"LINE1-B"_s, device(1), at(9), Ending::Finalized, u"Contoso"_s, u"Field Test"_s},
        {u"LINE1-B"_s, device(4), at(9), Ending::Finalized, QString(), QString()},
        {u"LINE2-C"_s, device(3), at(9)},
    }));
    const QString out = m_dir->filePath(u"line1.csv"_s);
    Ran ran = exportCommand({u"--plant"_s,
        m_conninfo,
        u"--line"_s,
        u"1"_s,
        u"--from"_s,
        u"2026-12-01T00:00:00Z"_s,
        u"--to"_s,
        u"2026-12-02T00:00:00Z"_s,
        u"--out"_s,
        out});
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    QVERIFY2(writtenLine(ran.out, 2, out), qPrintable(ran.out));
    QVERIFY2(leftOutLine(ran.err, 1) && ran.err.contains(device(4)), qPrintable(ran.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
        "DeviceId,ProductName,DeviceGroupName\r\n" + device(1).toLatin1()
            + ",Contoso,Field Test\r\n" + device(2).toLatin1()
            + ",\"Contoso, \"\"DW100\"\"\",Production\r\n");

    const QString station = m_dir->filePath(u"c.csv"_s);
    ran = exportCommand(
        {u"--plant"_s, m_conninfo, u"--station"_s, u"LINE2-C"_s, u"--out"_s, station});
    QCOMPARE(ran.exitCode, 0);
    QVERIFY2(writtenLine(ran.out, 1, station), qPrintable(ran.out));
}

void tst_PlantHandoff::commandProblems()
{
    const QString out = m_dir->filePath(u"out.csv"_s);
    // Not a plant database: the command line names the wrong one.
    {
        Plant::Connection admin;
        QVERIFY(admin.open(m_server.adminConninfo()));
        QSqlQuery query(admin.database());
        QVERIFY(query.exec(u"CREATE DATABASE handoff_none"_s));
    }
    Ran ran
        = exportCommand({u"--plant"_s, m_server.adminConninfo(u"handoff_none"_s), u"--out"_s, out});
    QCOMPARE(ran.exitCode, 2);
    QVERIFY2(ran.err.contains(u"plant init"_s), qPrintable(ran.err));
    QVERIFY(!QFile::exists(out));

    // A password on the command line is refused before any connection.
    ran = exportCommand({u"--plant"_s, m_conninfo + u" password=secret"_s, u"--out"_s, out});
    QCOMPARE(ran.exitCode, 2);
    QVERIFY2(ran.err.contains(u"names a password"_s), qPrintable(ran.err));

    // No server at that port: the plant's trouble, not the command line's.
    ran = exportCommand({u"--plant"_s,
        u"host=127.0.0.1 port=1 user=postgres dbname=plant connect_timeout=2"_s,
        u"--out"_s,
        out});
    QCOMPARE(ran.exitCode, 1);
    QVERIFY2(ran.err.contains(u"cannot be reached"_s), qPrintable(ran.err));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(tst_PlantHandoff)
#include "tst_planthandoff.moc"
