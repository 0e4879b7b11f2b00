// The plant-wide rules at the details step (issue #14, docs/plant.md), end to end: a real
// PostgreSQL 15 that the test starts itself (tests/helpers/pgserver.h) with two registered
// stations; station B's record, delivered by the relay, binds a label or finalizes a device;
// station A (a StationController on a simulated bench, with the plant connection set) then
// meets that label or device. While the plant answers, A refuses them at details and says where
// they were seen; while it is away, A's local rules apply and the plant finds the conflict when
// A's record is delivered.

#include "services/base/logging.h"
#include "services/plant/plantschema.h"
#include "services/plant/relay.h"
#include "services/records/recordstore.h"
#include "services/station/station.h"
#include "simbench.h"
#include "tests/helpers/benchprobe.h"
#include "tests/helpers/pgserver.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace Station;
using TestProbe::recordValue;

namespace {

constexpr int RunTimeout = 60000;
constexpr int DeliveryTimeout = 30000;

const QString PlantDatabase = u"plant_rules"_s;
const QString StationA = u"LINE1-PC1"_s;
const QString StationB = u"LINE2-PC1"_s;

// connect, details, then steps that change the device (so a finished device is refused).
const QByteArray ShortRecipe = R"({"format": 1, "name": "short", "version": "1",
    "os_versions_file": "sim-assets/mt3620an.json",
    "auto_keystore": "sim-assets/keystore/TrustedKeystore-v2.imagepackage",
    "steps": [{"type": "connect", "params": {"wait_s": 5}}, {"type": "details"},
              {"type": "sideload", "params": {"packages": ["sim-assets/apps/ProductApp.imagepackage"]}},
              {"type": "delete-temporary", "params": {"component_ids": ["508eddf2-b8c3-4a99-93d9-a045d9a060eb"]}},
              {"type": "ready-to-ship", "params": {"expected_state": "Blank", "os": ["24.03"], "expect_sideloaded": true}}]})";

// How the station shortens a device ID in its causes: 8 characters, an ellipsis, the last 4.
QString shortId(const QString &id)
{
    return id.left(8) + QChar(0x2026) + id.right(4);
}

// The device in fixture 1 of a bench, as the bench itself reports it.
QString benchDeviceId(const SimBench &bench)
{
    const ToolResult shown = bench.sphereSim({u"bench"_s, u"show"_s, u"--json"_s});
    return QJsonDocument::fromJson(shown.stdOut)
        .object()
        .value(u"fixtures"_s)
        .toArray()
        .first()
        .toObject()
        .value(u"deviceId"_s)
        .toString();
}

} // namespace

class tst_PlantRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void labelBoundElsewhere_data();
    void labelBoundElsewhere();
    void finalizedElsewhere();
    void plantAwayLocalRulesApply();

private:
    // Station B's record gets a finished run (a label bound, or a device finalized) and the
    // relay delivers it; empty when it reached the plant, else what went wrong.
    QString deliverAsB(const RunStart &run);
    // Delivers a record as station A (after A ran offline).
    QString deliver(const QString &record, const QString &stationId, const QString &conninfo);
    // Station A on `bench`, asking the plant through `conninfo`: one run of ShortRecipe in
    // fixture 1 with `label` scanned (none when empty). The fixture's snapshot after the run.
    FixtureSnapshot runStationA(const SimBench &bench, const QString &label);
    QString plantValue(const QString &sql, const QVariantList &binds = {}) const;

    TestPg::PgServer m_server;
    QTemporaryDir m_dir;
    QString m_admin;    // superuser on the plant database
    QString m_stationA; // station A's login
    QString m_stationB; // station B's login
    int m_runsOfB = 0;
};

void tst_PlantRules::initTestCase()
{
    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    qRegisterMetaType<Station::FixtureSnapshot>();
    QVERIFY2(QFile::exists(SimBench::recipesDir() + u"/sim-assets/manifest.json"_s),
        "the simulator assets are not generated");
    QVERIFY(m_dir.isValid());
    // The fixture's log says when the plant could not be asked.
    Logging::Options logging;
    logging.directory = m_dir.filePath(u"logs"_s);
    logging.logToStderr = false;
    logging.routeQtMessages = false;
    QVERIFY(Logging::initialize(logging));
    const QString problem = m_server.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    {
        Plant::Connection admin;
        QVERIFY(admin.open(m_server.adminConninfo()));
        QSqlQuery query(admin.database());
        QVERIFY2(query.exec(u"CREATE DATABASE %1"_s.arg(PlantDatabase)),
            qPrintable(query.lastError().text()));
    }
    m_admin = m_server.adminConninfo(PlantDatabase);
    Plant::Connection admin;
    QVERIFY(admin.open(m_admin));
    QSqlDatabase db = admin.database();
    const auto initialized = Plant::init(db);
    QVERIFY2(initialized, qPrintable(initialized ? QString() : initialized.error().message));

    // Two stations as IT registers them, each with its login and its password in a passfile.
    QString passwords;
    for (const auto &[station, login] :
        {std::pair {StationA, u"rules_line1"_s}, std::pair {StationB, u"rules_line2"_s}}) {
        const auto registered = Plant::registerStation(db, station, login, u"Line"_s, {});
        QVERIFY2(registered, qPrintable(registered ? QString() : registered.error().message));
        QSqlQuery query(db);
        QVERIFY(query.exec(u"ALTER ROLE %1 PASSWORD '%1-secret'"_s.arg(login)));
        passwords += u"127.0.0.1:%1:*:%2:%2-secret\n"_s.arg(m_server.port()).arg(login);
    }
    const QString passfile = m_dir.filePath(u"pgpass"_s);
    QFile file(passfile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(passwords.toUtf8());
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    m_stationA = m_server.tcpConninfo(u"rules_line1"_s, PlantDatabase, passfile);
    m_stationB = m_server.tcpConninfo(u"rules_line2"_s, PlantDatabase, passfile);
}

void tst_PlantRules::cleanupTestCase()
{
    m_server.stop();
    Logging::shutdown();
}

void tst_PlantRules::init()
{
    // A test that failed while the plant was away leaves it so.
    if (!m_server.isRunning())
        QVERIFY(m_server.resume());
}

QString tst_PlantRules::plantValue(const QString &sql, const QVariantList &binds) const
{
    Plant::Connection plant;
    if (!plant.open(m_admin))
        return u"(cannot open the plant)"_s;
    QSqlQuery query(plant.database());
    query.prepare(sql);
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec())
        return query.lastError().text();
    return query.next() ? query.value(0).toString() : QString();
}

QString tst_PlantRules::deliver(
    const QString &record, const QString &stationId, const QString &conninfo)
{
    Plant::RelayOptions options;
    options.recordPath = record;
    options.conninfo = conninfo;
    options.stationId = stationId;
    options.poll = 20ms;
    options.backoffMin = 50ms;
    options.backoffMax = 400ms;
    options.statusInterval = 50ms;
    options.connectTimeoutS = 2;
    Plant::Relay relay(options);
    relay.start();
    QDeadlineTimer deadline(DeliveryTimeout);
    while (!deadline.hasExpired()) {
        const Plant::DeliveryStatus status = relay.status();
        if (status.state == Plant::DeliveryStatus::State::UpToDate && status.itemsWaiting == 0
            && status.delivered > 0)
            return {};
        QTest::qWait(20);
    }
    return u"not delivered: "_s + Plant::describe(relay.status()) + u" | "_s
        + relay.status().detail;
}

QString tst_PlantRules::deliverAsB(const RunStart &run)
{
    const QString record = m_dir.filePath(u"station-b.sqlite"_s);
    {
        RecordStore store;
        if (auto opened = store.open(record); !opened)
            return u"cannot open B's record: "_s + opened.error().message.english();
        RunStart start = run;
        start.fixture = 1;
        start.fixtureLabel = u"B1"_s;
        start.station = StationB;
        start.operatorName = u"Bea"_s;
        start.recipeName = u"factory"_s;
        start.recipeVersion = u"1"_s;
        start.backend = u"simulated"_s;
        start.azsphereCli = u"azsphere"_s;
        start.started = QDateTime::currentDateTimeUtc().addSecs(-600);
        const Result<qint64> id = store.beginRun(start);
        if (!id)
            return u"cannot begin B's run: "_s + id.error().message.english();
        StepResult details;
        details.seq = 1;
        details.name = u"details"_s;
        details.type = u"details"_s;
        details.outcome = StepOutcome::Passed;
        details.started = start.started.addSecs(10);
        details.finished = details.started.addSecs(1);
        details.attempts = 1;
        if (auto committed = store.commitStep(*id, details); !committed)
            return u"cannot record B's step: "_s + committed.error().message.english();
        if (auto finished = store.finishRun(
                *id, RunOutcome::Pass, {}, ErrorCode::None, {}, start.started.addSecs(120));
            !finished)
            return u"cannot finish B's run: "_s + finished.error().message.english();
    }
    if (const QString problem = deliver(record, StationB, m_stationB); !problem.isEmpty())
        return problem;
    ++m_runsOfB;
    const QString arrived
        = plantValue(u"SELECT count(*) FROM plant.runs WHERE station_id = ?"_s, {StationB});
    return arrived == QString::number(m_runsOfB) ? QString()
                                                 : u"B's runs in the plant: "_s + arrived;
}

FixtureSnapshot tst_PlantRules::runStationA(const SimBench &bench, const QString &label)
{
    StationOptions options;
    options.fixtures = {bench.fixture(1)};
    options.tools = bench.tools();
    options.recordPath = bench.recordPath();
    options.stationName = StationA;
    options.operatorName = u"Ana"_s;
    options.appVersion = u"0.0-test"_s;
    options.presence = false;
    options.plantConnection = m_stationA;
    StationController station;
    if (auto opened = station.open(options); !opened) {
        qWarning("station A does not open: %s", qPrintable(opened.error().message.english()));
        return {};
    }
    station.setRecipe(*SimBench::recipe(ShortRecipe));
    if (!label.isEmpty()) {
        if (auto bound = station.bindSerialNumber(1, label); !bound) {
            qWarning("label refused: %s", qPrintable(bound.error().message.english()));
            return {};
        }
    }
    QSignalSpy finished(&station, &StationController::runFinished);
    if (!station.startFixture(1)) {
        qWarning("fixture 1 does not start");
        return {};
    }
    if (!finished.wait(RunTimeout) && finished.isEmpty()) {
        qWarning("the run did not finish");
        return {};
    }
    const FixtureSnapshot snapshot = station.snapshot(1);
    station.shutdown();
    return snapshot;
}

void tst_PlantRules::labelBoundElsewhere_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("ownerAtB"); // "other", "same" (this very device) or "" (none)
    QTest::addColumn<bool>("refused");

    QTest::newRow("bound to another device at station B")
        << u"SPH-26-00101"_s << u"other"_s << true;
    // A device relabelled with its own label at the next station is no conflict.
    QTest::newRow("bound to this device at station B") << u"SPH-26-00102"_s << u"same"_s << false;
    QTest::newRow("unknown to the plant") << u"SPH-26-00103"_s << QString() << false;
}

// While the plant answers, a label that station B bound to another device fails A's run at
// details, before anything changes on A's device, with a cause naming the device and B.
void tst_PlantRules::labelBoundElsewhere()
{
    QFETCH(QString, label);
    QFETCH(QString, ownerAtB);
    QFETCH(bool, refused);

    SimBench bench;
    QVERIFY(bench.create(1));
    const QString device = benchDeviceId(bench);
    QCOMPARE(device.size(), 128);
    const QString other = QString(128, u'd');
    if (!ownerAtB.isEmpty()) {
        RunStart run;
        run.deviceId = ownerAtB == "same"_L1 ? device : other;
        run.serialNumber = label;
        const QString delivered = deliverAsB(run);
        QVERIFY2(delivered.isEmpty(), qPrintable(delivered));
    }

    const FixtureSnapshot after = runStationA(bench, label);
    QVERIFY(after.verdict.has_value());
    QCOMPARE(after.verdictDeviceId, device);
    const QString runId = QString::number(after.runId);
    const QString steps = recordValue(bench.recordPath(),
        u"SELECT group_concat(type || ' ' || outcome, ', ') FROM (SELECT type, outcome FROM steps "
        "WHERE run_id = %1 ORDER BY seq)"_s.arg(runId));
    if (!refused) {
        QVERIFY2(*after.verdict == RunOutcome::Pass, qPrintable(after.cause.english()));
        QCOMPARE(recordValue(bench.recordPath(),
                     u"SELECT device_id FROM serials WHERE serial_number = '%1'"_s.arg(label)),
            device);
        return;
    }

    const QString cause = u"The label %1 already belongs to another device (%2) at station %3 "
                          "(plant record)."_s.arg(label, shortId(other), StationB);
    QCOMPARE(*after.verdict, RunOutcome::Fail);
    QCOMPARE(after.failedStep, u"details"_s);
    QCOMPARE(after.errorCode, ErrorCode::InvalidArgument);
    QCOMPARE(after.cause.english(), cause);
    // The record says so, and the run stopped at details: nothing changed the device.
    QCOMPARE(recordValue(bench.recordPath(),
                 u"SELECT outcome || ' ' || failed_step || ': ' || cause FROM runs WHERE id = "_s
                     + runId),
        u"FAIL details: "_s + cause);
    QCOMPARE(steps, u"connect PASS, details FAIL"_s);
    QCOMPARE(recordValue(bench.recordPath(),
                 u"SELECT cause FROM steps WHERE run_id = %1 AND type = 'details'"_s.arg(runId)),
        cause);
    // The refused label is bound to this device neither here nor, once A's record is delivered,
    // in the plant: quality finds no conflict to chase.
    const QString deliveredA = deliver(bench.recordPath(), StationA, m_stationA);
    QVERIFY2(deliveredA.isEmpty(), qPrintable(deliveredA));
    QCOMPARE(plantValue(u"SELECT count(*) FROM plant.conflicts WHERE serial_number = ?"_s, {label}),
        u"0"_s);
    QCOMPARE(recordValue(bench.recordPath(),
                 u"SELECT count(*) FROM serials WHERE serial_number = '%1'"_s.arg(label)),
        u"0"_s);
    QCOMPARE(
        recordValue(bench.recordPath(), u"SELECT serial_number FROM runs WHERE id = "_s + runId),
        QString());
}

// A device that station B finalized and that comes to A's fixture: A refuses it at details (from
// its own state, as without a plant), and the cause names B and when, from the plant record.
void tst_PlantRules::finalizedElsewhere()
{
    SimBench bench;
    QVERIFY(bench.create(1, {u"--state"_s, u"DeviceComplete"_s}));
    const QString device = benchDeviceId(bench);
    QCOMPARE(device.size(), 128);
    RunStart run;
    run.deviceId = device;
    run.manufacturingState = u"DeviceComplete"_s;
    const QString delivered = deliverAsB(run);
    QVERIFY2(delivered.isEmpty(), qPrintable(delivered));
    const QString finishedAtB = plantValue(
        u"SELECT to_char(finished_utc AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM plant.runs "
        "WHERE device_id = ? AND manufacturing_state = 'DeviceComplete'"_s,
        {device});
    QCOMPARE(finishedAtB.size(), 16);

    const FixtureSnapshot after = runStationA(bench, {});
    QVERIFY(after.verdict.has_value());
    QCOMPARE(*after.verdict, RunOutcome::Fail);
    QCOMPARE(after.failedStep, u"details"_s);
    QCOMPARE(after.errorCode, ErrorCode::DeviceFinalized);
    const QString cause
        = u"Device %1 is already DeviceComplete: station %2 finalized it (%3 UTC, "
          "plant record). This recipe (to DeviceComplete) would change it; the "
          "run stops before any change."_s.arg(shortId(device), StationB, finishedAtB);
    QCOMPARE(after.cause.english(), cause);
    const QString runId = QString::number(after.runId);
    QCOMPARE(recordValue(bench.recordPath(),
                 u"SELECT outcome || ' ' || error_code || ': ' || cause FROM runs WHERE id = "_s
                     + runId),
        u"FAIL DeviceFinalized: "_s + cause);
    QCOMPARE(recordValue(bench.recordPath(),
                 u"SELECT group_concat(type || ' ' || outcome, ', ') FROM (SELECT type, outcome "
                 "FROM steps WHERE run_id = %1 ORDER BY seq)"_s.arg(runId)),
        u"connect PASS, details FAIL"_s);
    QCOMPARE(bench.manufacturingState(u"1211"_s), u"DeviceComplete"_s);
}

// The plant away: A cannot ask it, its local rules apply and the run is not refused for a label
// that B bound elsewhere. Delivered later, A's run is found as a conflict for quality.
void tst_PlantRules::plantAwayLocalRulesApply()
{
    const QString label = u"SPH-26-00104"_s;
    const QString other = QString(128, u'e');
    RunStart run;
    run.deviceId = other;
    run.serialNumber = label;
    const QString delivered = deliverAsB(run);
    QVERIFY2(delivered.isEmpty(), qPrintable(delivered));

    SimBench bench;
    QVERIFY(bench.create(1));
    const QString device = benchDeviceId(bench);
    QVERIFY(m_server.halt());
    const auto unavailable = [] {
        QFile log(Logging::fixtureLogFile(1));
        // No file yet: nothing logged yet.
        return log.open(QIODevice::ReadOnly)
            ? log.readAll().count("plant rules unavailable, the local rules apply")
            : 0;
    };
    const qsizetype unavailableBefore = unavailable();
    const FixtureSnapshot after = runStationA(bench, label);
    QVERIFY(after.verdict.has_value());
    QVERIFY2(*after.verdict == RunOutcome::Pass, qPrintable(after.cause.english()));
    QCOMPARE(after.verdictDeviceId, device);
    QCOMPARE(
        recordValue(bench.recordPath(),
            u"SELECT outcome FROM steps WHERE run_id = %1 AND type = 'details'"_s.arg(after.runId)),
        u"PASS"_s);
    // It did ask, and went on with its own record when the plant did not answer.
    Logging::flush();
    QCOMPARE(unavailable(), unavailableBefore + 1);

    // Back, the plant receives A's record and finds the label on two devices.
    QVERIFY(m_server.resume());
    const QString deliveredA = deliver(bench.recordPath(), StationA, m_stationA);
    QVERIFY2(deliveredA.isEmpty(), qPrintable(deliveredA));
    QCOMPARE(plantValue(u"SELECT station_id || ' ' || other_station_id || ' ' || "
                        "(device_id = ?)::text || ' ' || (other_device_id = ?)::text FROM "
                        "plant.conflicts WHERE serial_number = ?"_s,
                 {device, other, label}),
        u"%1 %2 true true"_s.arg(StationA, StationB));
}

QTEST_GUILESS_MAIN(tst_PlantRules)

#include "tst_plantrules.moc"
