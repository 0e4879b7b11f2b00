#include "services/records/recordstore.h"
#include "services/station/fixtureworker.h"
#include "services/station/station.h"
#include "simbench.h"
#include "tests/helpers/benchprobe.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QMutex>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <cerrno>
#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

// The StationController with its fixture workers against the simulator: runs, abort, the record
// becoming unwritable mid-run, refused starts, serial labels.
class tst_Station : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsEveryFixture();
    void abortMidRecover();
    void unwritableRecordMidRun_data();
    void unwritableRecordMidRun();
    void serialLabels();
    void verdictBelongsToItsDevice_data();
    void verdictBelongsToItsDevice();
    void labelScannedForAnotherDevice();
    void labelOwnerUnreadable();
    void restartShowsLastRuns();
    void startAllSkipsPassedDevices();
    void labelPatternRefusedByController_data();
    void labelPatternRefusedByController();
    void operatorNameRefused_data();
    void operatorNameRefused();
    void noRecordWriteOnGuiThread();
    void snapshotCarriesStartRule();

private:
    static StationOptions options(const SimBench &bench, int fixtures);
};

namespace {

const QByteArray ShortRecipe = R"({"format": 1, "name": "short", "version": "1",
    "os_versions_file": "sim-assets/mt3620an.json",
    "auto_keystore": "sim-assets/keystore/TrustedKeystore-v2.imagepackage",
    "steps": [{"type": "connect", "params": {"wait_s": 5}}, {"type": "details"},
              {"type": "sideload", "params": {"packages": ["sim-assets/apps/ProductApp.imagepackage"]}},
              {"type": "delete-temporary", "params": {"component_ids": ["508eddf2-b8c3-4a99-93d9-a045d9a060eb"]}},
              {"type": "ready-to-ship", "params": {"expected_state": "Blank", "os": ["24.03"], "expect_sideloaded": true}}]})";

const QByteArray RecoverRecipe = R"({"format": 1, "name": "recover", "version": "1",
    "os_versions_file": "sim-assets/mt3620an.json",
    "steps": [{"type": "connect", "params": {"wait_s": 5}}, {"type": "details"},
              {"type": "os-update", "params": {"images": "sim-assets/recovery/26.09", "os_version": "26.09"}}]})";

} // namespace

using TestProbe::processesOnBench;
using TestProbe::recordValue;

void tst_Station::initTestCase()
{
    qRegisterMetaType<Station::FixtureSnapshot>();
    qRegisterMetaType<Station::StepResult>();
    QVERIFY2(QFile::exists(SimBench::recipesDir() + u"/sim-assets/manifest.json"_s),
        "the simulator assets are not generated");
}

StationOptions tst_Station::options(const SimBench &bench, int fixtures)
{
    StationOptions options;
    for (int k = 1; k <= fixtures; ++k)
        options.fixtures.append(bench.fixture(k));
    options.tools = bench.tools();
    options.recordPath = bench.recordPath();
    options.stationName = u"test-station"_s;
    options.operatorName = u"tester"_s;
    options.appVersion = u"0.0-test"_s;
    options.presence = false;
    return options;
}

void tst_Station::runsEveryFixture()
{
    SimBench bench;
    QVERIFY(bench.create(3));
    StationController station;
    QVERIFY(station.open(options(bench, 3)));
    const Result<Recipe> recipe = SimBench::recipe(ShortRecipe);
    QVERIFY(recipe);
    station.setRecipe(*recipe);

    QSignalSpy finished(&station, &StationController::runFinished);
    QSignalSpy steps(&station, &StationController::stepFinished);
    QCOMPARE(station.startAll().started.size(), 3);
    // A fixture that runs cannot be started twice.
    QVERIFY(!station.startFixture(1));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 60000);
    QTRY_VERIFY(!station.isAnyRunning());
    QCOMPARE(steps.size(), 3 * 5);
    for (const FixtureSnapshot &snapshot : station.snapshots()) {
        QCOMPARE(snapshot.verdict, RunOutcome::Pass);
        QCOMPARE(snapshot.deviceId.size(), 128);
        QCOMPARE(snapshot.stepIndex, 5);
        QVERIFY(snapshot.runId > 0);
    }
    // The worker threads run below the GUI thread's priority (nice is per thread on Linux).
    errno = 0;
    const int ownNice = ::getpriority(PRIO_PROCESS, 0);
    QCOMPARE(errno, 0);
    int workers = 0;
    for (QDirIterator task(u"/proc/self/task"_s, QDir::Dirs | QDir::NoDotAndDotDot);
         task.hasNext();) {
        const QString dir = task.next();
        QFile comm(dir + u"/comm"_s);
        QFile stat(dir + u"/stat"_s);
        if (!comm.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly))
            continue;
        if (!comm.readAll().startsWith("fixture."))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        QVERIFY(fields.size() > 16);
        QCOMPARE(fields.at(16).toInt(), ownNice + FixtureWorker::ThreadNiceIncrement);
        ++workers;
    }
    QCOMPARE(workers, 3);
    station.shutdown();
    QCOMPARE(recordValue(bench.recordPath(), u"SELECT count(*) FROM runs WHERE outcome = 'PASS'"_s),
        u"3"_s);
    // Each run's start event is in the record, written with the run row.
    QCOMPARE(
        recordValue(bench.recordPath(),
            u"SELECT count(*) FROM events e JOIN runs r ON e.detail LIKE 'run ' || r.id || ':%' "
            u"WHERE e.kind = 'run-start' AND e.fixture = r.fixture"_s),
        u"3"_s);
    QCOMPARE(recordValue(bench.recordPath(), u"SELECT count(*) FROM steps"_s), u"15"_s);
    QCOMPARE(
        recordValue(bench.recordPath(), u"SELECT count(DISTINCT device_id) FROM runs"_s), u"3"_s);
    QCOMPARE(
        recordValue(bench.recordPath(),
            u"SELECT count(*) FROM runs WHERE operator = 'tester' AND backend = 'simulated'"_s),
        u"3"_s);
}

void tst_Station::abortMidRecover()
{
    // Recovery takes about 120 s at time scale 1, so 6 s at 0.05: time to abort it mid-way.
    SimBench bench(u"0.05"_s);
    QVERIFY(bench.create(1));
    StationController station;
    QVERIFY(station.open(options(bench, 1)));
    station.setRecipe(*SimBench::recipe(RecoverRecipe));

    QSignalSpy finished(&station, &StationController::runFinished);
    bool sending = false;
    connect(&station, &StationController::outputLine, this, [&](int, const QString &line) {
        sending = sending || line.startsWith(u"Sent "_s);
    });
    QVERIFY(station.startFixture(1));
    QTRY_VERIFY_WITH_TIMEOUT(sending, 30000);
    QVERIFY(processesOnBench(bench.benchDir()) > 0); // the recover is running

    QElapsedTimer abortTime;
    abortTime.start();
    station.stopFixture(1);
    QVERIFY(finished.wait(5000) || finished.size() == 1);
    const qint64 ms = abortTime.elapsed();
    qInfo("abort to run finished: %lld ms", ms);
    QCOMPARE(processesOnBench(bench.benchDir()), 0);

    const FixtureSnapshot snapshot = finished.first().at(1).value<FixtureSnapshot>();
    QCOMPARE(snapshot.verdict, RunOutcome::Aborted);
    QCOMPARE(snapshot.errorCode, ErrorCode::Cancelled);
    station.shutdown();
    QCOMPARE(recordValue(bench.recordPath(), u"SELECT outcome FROM runs"_s), u"ABORTED"_s);
    QCOMPARE(recordValue(bench.recordPath(), u"SELECT outcome FROM steps WHERE seq = 3"_s),
        u"ABORTED"_s);
    QCOMPARE(recordValue(bench.recordPath(), u"SELECT count(*) FROM steps"_s), u"3"_s);
}

void tst_Station::unwritableRecordMidRun_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("writable again during the run") << u"during"_s;
    QTest::newRow("aborted, writable again later") << u"later"_s;
    QTest::newRow("aborted, never writable again") << u"never"_s;
}

void tst_Station::unwritableRecordMidRun()
{
    QFETCH(QString, mode);
    SimBench bench;
    QVERIFY(bench.create(2));
    StationOptions opts = options(bench, 2);
    // The first run to reach step 3 (fixture 1) finds its record read-only. "during": writable
    // again at the second retry; "later": once the test allows it, between runs.
    auto broken = std::make_shared<std::atomic_bool>(false);
    auto allowLater = std::make_shared<std::atomic_bool>(false);
    opts.recordHook = [mode, broken, allowLater](const QString &connection, int seq, int attempt) {
        QSqlQuery query(QSqlDatabase::database(connection, false));
        // (On the worker thread: no QVERIFY here; a failed PRAGMA fails the checks below.)
        if (seq == 3 && attempt == 0 && !broken->exchange(true))
            query.exec(u"PRAGMA query_only = ON"_s);
        if ((mode == "during"_L1 && attempt == 2) || (seq == 0 && allowLater->load()))
            query.exec(u"PRAGMA query_only = OFF"_s);
    };
    StationController station;
    QVERIFY(station.open(opts));
    station.setRecipe(*SimBench::recipe(ShortRecipe));

    QStringList events;
    connect(
        &station, &StationController::stepFinished, this, [&](int fixture, const StepResult &step) {
            if (fixture == 1)
                events.append(u"step %1 %2"_s.arg(step.seq).arg(stepOutcomeName(step.outcome)));
        });
    connect(
        &station, &StationController::recordError, this, [&] { events.append(u"record error"_s); });
    connect(&station, &StationController::recordRecovered, this, [&] {
        events.append(u"record ok"_s);
    });
    QSignalSpy finished(&station, &StationController::runFinished);

    QVERIFY(station.startFixture(1));
    QTRY_VERIFY_WITH_TIMEOUT(events.contains(u"record error"_s), 30000);
    // Nothing goes on while the result is not in the record.
    QVERIFY(!events.contains(u"step 3 PASS"_s));
    QVERIFY(!station.isRecordWritable());
    const Result<> refused = station.startFixture(2);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::RecordUnwritable);

    if (mode == "during"_L1) {
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(events.indexOf(u"record error"_s) < events.indexOf(u"record ok"_s));
        QVERIFY(events.indexOf(u"record ok"_s) < events.indexOf(u"step 3 PASS"_s));
        QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);
        QVERIFY(station.isRecordWritable());
        QVERIFY(station.startFixture(2)); // starts are allowed again
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    } else {
        station.stopFixture(1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        // Never shown as passed; the step that was not recorded was not reported either.
        QCOMPARE(station.snapshot(1).verdict, RunOutcome::Aborted);
        QVERIFY(!events.contains(u"step 3 PASS"_s));
        QVERIFY(!station.isRecordWritable());
        if (mode == "later"_L1) {
            allowLater->store(true);
            QTRY_VERIFY_WITH_TIMEOUT(station.isRecordWritable(), 10000);
            QVERIFY(station.startFixture(2));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        }
    }
    station.shutdown();

    // What the file holds: nothing reported is missing, nothing is shown that is not there.
    RecordStore reopened;
    QVERIFY(reopened.open(bench.recordPath()));
    const Result<int> interrupted = reopened.closeInterruptedRuns();
    QVERIFY(interrupted);
    reopened.close();
    const QString run1 = u"(SELECT id FROM runs WHERE fixture = 1)"_s;
    const auto outcome1 = [&] {
        return recordValue(bench.recordPath(), u"SELECT outcome FROM runs WHERE fixture = 1"_s);
    };
    const auto steps1 = [&] {
        return recordValue(
            bench.recordPath(), u"SELECT count(*) FROM steps WHERE run_id = "_s + run1);
    };
    if (mode == "during"_L1) {
        QCOMPARE(*interrupted, 0);
        QCOMPARE(outcome1(), u"PASS"_s);
        QCOMPARE(steps1(), u"5"_s);
    } else if (mode == "later"_L1) {
        // The queued step 3 and the ABORTED finish reached the file once it was writable.
        QCOMPARE(*interrupted, 0);
        QCOMPARE(outcome1(), u"ABORTED"_s);
        QCOMPARE(steps1(), u"3"_s);
        QCOMPARE(recordValue(bench.recordPath(), u"SELECT outcome FROM runs WHERE fixture = 2"_s),
            u"PASS"_s);
    } else {
        QCOMPARE(*interrupted, 1);
        QCOMPARE(outcome1(), u"INTERRUPTED"_s);
        QCOMPARE(steps1(), u"2"_s);
    }
}

void tst_Station::serialLabels()
{
    SimBench bench;
    QVERIFY(bench.create(2));
    StationController station;
    QVERIFY(station.open(options(bench, 2)));
    station.setRecipe(*SimBench::recipe(ShortRecipe));
    QVERIFY(station.bindSerialNumber(1, u"SN-0001"_s));
    // The same label on a second fixture is refused.
    QVERIFY(!station.bindSerialNumber(2, u"SN-0001"_s));
    QSignalSpy finished(&station, &StationController::runFinished);
    QVERIFY(station.startFixture(1));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);

    // The label now belongs to fixture 1's device: on fixture 2's device the run fails.
    QVERIFY(station.bindSerialNumber(2, u"SN-0001"_s));
    QVERIFY(station.startFixture(2));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
    const FixtureSnapshot second = station.snapshot(2);
    QCOMPARE(second.verdict, RunOutcome::Fail);
    QCOMPARE(second.failedStep, u"details"_s);
    QVERIFY(second.cause.english().contains(u"SN-0001"_s));
}

void tst_Station::labelPatternRefusedByController_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("withExample");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("the form asked for") << u"SPH-24-00001"_s << true << true;
    QTest::newRow("surrounded by spaces (trimmed)") << u"  SPH-24-00002 "_s << true << true;
    QTest::newRow("a prefix before it") << u"XSPH-24-00001"_s << true << false;
    QTest::newRow("a digit too many") << u"SPH-24-000012"_s << true << false;
    QTest::newRow("another form, no example") << u"SN-0001"_s << false << false;
    QTest::newRow("no label (clears the binding)") << QString() << true << true;
}

// The recipe's label_pattern is checked by the controller, so a headless caller (or any other)
// is refused like the window's scan.
void tst_Station::labelPatternRefusedByController()
{
    QFETCH(QString, label);
    QFETCH(bool, withExample);
    QFETCH(bool, accepted);
    SimBench bench;
    QVERIFY(bench.create(1));
    StationController station;
    QVERIFY(station.open(options(bench, 1)));
    QByteArray json = ShortRecipe;
    json.replace(R"("version": "1",)",
        withExample ? R"("version": "1", "label_pattern": "SPH-[0-9]{2}-[0-9]{5}",
                       "label_example": "SPH-24-00001",)"
                    : R"("version": "1", "label_pattern": "SPH-[0-9]{2}-[0-9]{5}",)");
    const Result<Recipe> recipe = SimBench::recipe(json);
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().message.english()));
    station.setRecipe(*recipe);

    QSignalSpy changed(&station, &StationController::fixtureChanged);
    const Result<> bound = station.bindSerialNumber(1, label);
    if (accepted) {
        QVERIFY2(bound, qPrintable(bound ? QString() : bound.error().message.english()));
        QCOMPARE(station.snapshot(1).serialNumber, label.trimmed());
        return;
    }
    QVERIFY(!bound);
    QCOMPARE(bound.error().code, ErrorCode::InvalidArgument);
    const QString message = bound.error().message.english();
    QVERIFY2(message.contains(label), qPrintable(message));
    QVERIFY2(message.contains(u"SPH-[0-9]{2}-[0-9]{5}"_s), qPrintable(message));
    QCOMPARE(message.contains(u"SPH-24-00001"_s), withExample);
    QCOMPARE(station.snapshot(1).serialNumber, QString());
    QCOMPARE(changed.size(), 0);
    // Without a pattern in the recipe any label goes.
    station.setRecipe(*SimBench::recipe(ShortRecipe));
    QVERIFY(station.bindSerialNumber(1, label));
}

void tst_Station::operatorNameRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem"); // empty: accepted

    QTest::newRow("plain") << u"Grace Hopper"_s << QString();
    QTest::newRow("accents and CJK") << u"Jürgen 张伟"_s << QString();
    QTest::newRow("empty (no operator)") << QString() << QString();
    QTest::newRow("NUL") << u"eve\u0000x"_s << u"U+0000"_s;
    QTest::newRow("bell") << u"eve\u0007"_s << u"U+0007"_s;
    QTest::newRow("line break") << u"eve\nadmin"_s << u"U+000A"_s;
    QTest::newRow("tab") << u"eve\tx"_s << u"U+0009"_s;
    QTest::newRow("escape sequence") << u"eve\u001b[2J"_s << u"U+001B"_s;
    QTest::newRow("C1 control") << u"eve\u0085"_s << u"U+0085"_s;
    QTest::newRow("line separator") << u"eve\u2028"_s << u"U+2028"_s;
    QTest::newRow("bidirectional override") << u"eve\u202Eadmin"_s << u"U+202E"_s;
}

void tst_Station::operatorNameRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, problem);
    SimBench bench;
    QVERIFY(bench.create(1));
    StationController station;
    QVERIFY(station.open(options(bench, 1)));
    const Result<> set = station.setOperatorName(name);
    if (problem.isEmpty()) {
        QVERIFY2(set, qPrintable(set ? QString() : set.error().message.english()));
        QCOMPARE(station.operatorName(), name);
    } else {
        QVERIFY(!set);
        QCOMPARE(set.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(set.error().message.english().contains(problem),
            qPrintable(set.error().message.english()));
        QVERIFY(!set.error().remedy.isEmpty());
        QCOMPARE(station.operatorName(), u"tester"_s);
    }
    // The next run records the name in force.
    station.setRecipe(*SimBench::recipe(ShortRecipe));
    QSignalSpy finished(&station, &StationController::runFinished);
    QVERIFY(station.startFixture(1));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    station.shutdown();
    QCOMPARE(recordValue(bench.recordPath(), u"SELECT operator FROM runs"_s),
        problem.isEmpty() ? name : u"tester"_s);
    QCOMPARE(
        recordValue(bench.recordPath(), u"SELECT count(*) FROM events WHERE kind = 'operator'"_s),
        problem.isEmpty() ? u"1"_s : u"0"_s);
}

QTEST_GUILESS_MAIN(tst_Station)

// With presence polled, a verdict stays beside the device that earned it and leaves with it:
// another device in the fixture makes the tile ready, an empty fixture asks for a device.
void tst_Station::verdictBelongsToItsDevice_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("present");
    QTest::newRow("swap") << u"swap"_s << true;
    QTest::newRow("unplug") << u"unplug"_s << false;
}

void tst_Station::verdictBelongsToItsDevice()
{
    QFETCH(QString, action);
    QFETCH(bool, present);
    SimBench bench;
    QVERIFY(bench.create(1));
    StationOptions o = options(bench, 1);
    o.presence = true;
    o.presenceInterval = 50ms;
    StationController station;
    QVERIFY(station.open(o));
    const Result<Recipe> recipe = SimBench::recipe(ShortRecipe);
    QVERIFY(recipe);
    station.setRecipe(*recipe);
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Present, 10000);
    QVERIFY(station.startFixture(1));
    QTRY_VERIFY_WITH_TIMEOUT(!station.isAnyRunning() && station.snapshot(1).verdict, 60000);
    const FixtureSnapshot passed = station.snapshot(1);
    QCOMPARE(passed.verdict, RunOutcome::Pass);
    QCOMPARE(passed.verdictDeviceId, passed.deviceId);
    QCOMPARE(passed.presence, Presence::Present);

    // A label scanned for the device in the fixture leaves with it.
    QVERIFY(station.bindSerialNumber(1, u"SPH-24-00001"_s));
    QSignalSpy released(&station, &StationController::labelReleased);

    const ToolResult done = bench.sphereSim({action, u"--fixture"_s, u"1"_s});
    QVERIFY2(done.isSuccess(), qPrintable(done.stdErrText()));
    QTRY_VERIFY_WITH_TIMEOUT(!station.snapshot(1).verdict, 10000);
    QCOMPARE(station.snapshot(1).serialNumber, QString());
    QCOMPARE(released.size(), 1);
    QCOMPARE(released.first().at(1).toString(), u"SPH-24-00001"_s);
    const FixtureSnapshot after = station.snapshot(1);
    QCOMPARE(after.runId, 0);
    QVERIFY(after.cause.isEmpty());
    if (present) {
        QTRY_VERIFY_WITH_TIMEOUT(station.snapshot(1).deviceId.size() == 128
                && station.snapshot(1).deviceId != passed.deviceId,
            10000);
        QCOMPARE(station.snapshot(1).passedRunId, 0);
    } else {
        QCOMPARE(after.presence, Presence::Empty);
        QVERIFY(after.deviceId.isEmpty());
    }
}

// A device swapped in after its label was scanned, before presence saw it: the run fails at
// details as a swap, and the label is neither kept on the run nor bound to the new device.
void tst_Station::labelScannedForAnotherDevice()
{
    SimBench bench;
    QVERIFY(bench.create(1));
    StationOptions o = options(bench, 1);
    o.presence = true;
    o.presenceInterval = std::chrono::hours(1); // the first poll only: the swap stays unseen
    StationController station;
    QVERIFY(station.open(o));
    station.setRecipe(*SimBench::recipe(ShortRecipe));
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Present, 10000);
    const QString scannedFor = station.snapshot(1).deviceId;
    QCOMPARE(scannedFor.size(), 128);
    QVERIFY(station.bindSerialNumber(1, u"SPH-24-00042"_s));
    QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());

    QVERIFY(station.startFixture(1));
    QTRY_VERIFY_WITH_TIMEOUT(!station.isAnyRunning() && station.snapshot(1).verdict, 60000);
    const FixtureSnapshot failed = station.snapshot(1);
    QCOMPARE(failed.verdict, RunOutcome::Fail);
    QCOMPARE(failed.errorCode, ErrorCode::DeviceSwapped);
    QVERIFY2(failed.cause.english().contains(u"SPH-24-00042 was scanned for device"_s),
        qPrintable(failed.cause.english()));
    QVERIFY(failed.verdictDeviceId != scannedFor);
    const QString run = QString::number(failed.runId);
    QCOMPARE(recordValue(bench.recordPath(), u"SELECT serial_number FROM runs WHERE id = "_s + run),
        QString());
    QCOMPARE(recordValue(bench.recordPath(),
                 u"SELECT count(*) FROM serials WHERE serial_number = 'SPH-24-00042'"_s),
        u"0"_s);
    // Nothing was changed on the device that was swapped in: the run stopped at details.
    QCOMPARE(recordValue(bench.recordPath(), u"SELECT count(*) FROM steps WHERE run_id = "_s + run),
        u"2"_s);
}

// The record cannot say whom a scanned label belongs to when details asks: the check fails (the
// run stops at details with the record's error), it never passes unchecked.
void tst_Station::labelOwnerUnreadable()
{
    SimBench bench;
    QVERIFY(bench.create(1));
    StationOptions opts = options(bench, 1);
    // The label table is away from just before step 1 is written (the run has no device yet,
    // so that write does not need it) until just before step 2 (details) is written: the read
    // of the label's owner in between fails.
    auto away = std::make_shared<std::atomic_bool>(false);
    auto back = std::make_shared<std::atomic_bool>(false);
    opts.recordHook = [away, back](const QString &connection, int seq, int attempt) {
        QSqlQuery query(QSqlDatabase::database(connection, false));
        // (On the worker thread: no QVERIFY here; the flags are checked below.)
        if (seq == 1 && attempt == 0 && !*away)
            away->store(query.exec(u"ALTER TABLE serials RENAME TO serials_away"_s));
        if (seq == 2 && attempt == 0 && *away && !*back)
            back->store(query.exec(u"ALTER TABLE serials_away RENAME TO serials"_s));
    };
    StationController station;
    QVERIFY(station.open(opts));
    station.setRecipe(*SimBench::recipe(ShortRecipe));
    QVERIFY(station.bindSerialNumber(1, u"SN-0001"_s));

    QSignalSpy finished(&station, &StationController::runFinished);
    QVERIFY(station.startFixture(1));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY(*away);
    QVERIFY(*back);
    const FixtureSnapshot failed = station.snapshot(1);
    QCOMPARE(failed.verdict, RunOutcome::Fail);
    QCOMPARE(failed.failedStep, u"details"_s);
    QVERIFY(failed.errorCode != ErrorCode::None);
    QVERIFY2(failed.cause.english().contains(u"The record cannot be read"_s)
            && failed.cause.english().contains(u"SN-0001"_s),
        qPrintable(failed.cause.english()));
    station.shutdown();
    const QString run = QString::number(failed.runId);
    QCOMPARE(recordValue(bench.recordPath(), u"SELECT outcome FROM runs WHERE id = "_s + run),
        u"FAIL"_s);
    // Nothing was changed on the device: the run stopped at details.
    QCOMPARE(recordValue(bench.recordPath(), u"SELECT count(*) FROM steps WHERE run_id = "_s + run),
        u"2"_s);
}

// After a restart each tile shows its fixture's last run from the record (a run left RUNNING
// by a crash as INTERRUPTED) until presence says another device, or none, is there.
void tst_Station::restartShowsLastRuns()
{
    SimBench bench;
    QVERIFY(bench.create(2));
    const Result<Recipe> recipe = SimBench::recipe(ShortRecipe);
    QVERIFY(recipe);
    qint64 passedRun = 0;
    {
        StationController station;
        QVERIFY(station.open(options(bench, 2)));
        station.setRecipe(*recipe);
        QVERIFY(station.startFixture(1));
        QTRY_VERIFY_WITH_TIMEOUT(!station.isAnyRunning() && station.snapshot(1).verdict, 60000);
        QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);
        passedRun = station.snapshot(1).runId;
        station.shutdown();
    }
    {
        // A run of fixture 2 that a crash left open.
        RecordStore store;
        QVERIFY(store.open(bench.recordPath()));
        RunStart start;
        start.fixture = 2;
        start.recipeName = u"short"_s;
        QVERIFY(store.beginRun(start));
    }
    StationController station;
    QVERIFY(station.open(options(bench, 2)));
    const FixtureSnapshot one = station.snapshot(1);
    QCOMPARE(one.verdict, RunOutcome::Pass);
    QCOMPARE(one.runId, passedRun);
    QCOMPARE(one.deviceId.size(), 128);
    const FixtureSnapshot two = station.snapshot(2);
    QCOMPARE(two.verdict, RunOutcome::Interrupted);
    QVERIFY(!two.cause.english().isEmpty());
}

// Start all is new work: a device that already passed the loaded recipe is skipped; started by
// itself it is refused as AlreadyPassed until the operator confirms (Again).
void tst_Station::startAllSkipsPassedDevices()
{
    SimBench bench;
    QVERIFY(bench.create(2));
    StationOptions o = options(bench, 2);
    o.presence = true;
    o.presenceInterval = 50ms;
    StationController station;
    QVERIFY(station.open(o));
    const Result<Recipe> recipe = SimBench::recipe(ShortRecipe);
    QVERIFY(recipe);
    station.setRecipe(*recipe);
    QTRY_VERIFY_WITH_TIMEOUT(station.snapshot(1).presence == Presence::Present
            && station.snapshot(2).presence == Presence::Present,
        10000);
    QVERIFY(station.startFixture(1));
    QTRY_VERIFY_WITH_TIMEOUT(!station.isAnyRunning() && station.snapshot(1).verdict, 60000);
    QVERIFY(station.snapshot(1).passedRunId > 0);

    const StationController::StartAllReport report = station.startAll();
    QCOMPARE(report.started, QList<int> {2});
    QCOMPARE(report.skippedPassed, QList<int> {1});
    QTRY_VERIFY_WITH_TIMEOUT(!station.isAnyRunning(), 60000);

    const Result<> again = station.startFixture(1);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::AlreadyPassed);
    QVERIFY(
        again.error().message.english().contains(QString::number(station.snapshot(1).passedRunId)));
    QVERIFY(station.startFixture(1, StationController::StartRequest::Again));
    QTRY_VERIFY_WITH_TIMEOUT(!station.isAnyRunning(), 60000);
    QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);
}

// The controller writes its events (station open and close, recipe, operator, aborts, released
// labels) on a thread of its own: with the record's write lock held by another connection,
// stopping a fixture does not wait for the record, and the abort is written, in order, once
// the lock is released.
void tst_Station::noRecordWriteOnGuiThread()
{
    SimBench bench(u"0.05"_s);
    QVERIFY(bench.create(1));
    QThread *const gui = QThread::currentThread();
    QMutex mutex;
    QStringList kinds;
    bool onGui = false;
    StationOptions opts = options(bench, 1);
    opts.eventHook = [&](const QString &kind) {
        const QMutexLocker lock(&mutex);
        kinds.append(kind);
        onGui = onGui || QThread::currentThread() == gui;
    };
    StationController station;
    QVERIFY(station.open(opts));
    station.setRecipe(*SimBench::recipe(RecoverRecipe));
    QSignalSpy finished(&station, &StationController::runFinished);
    bool sending = false;
    connect(&station, &StationController::outputLine, this, [&](int, const QString &line) {
        sending = sending || line.startsWith(u"Sent "_s);
    });
    QVERIFY(station.startFixture(1));
    QTRY_VERIFY_WITH_TIMEOUT(sending, 30000); // the recover is running; no write is due

    {
        // Another connection holds the record's write lock (as an export or a checkpoint may).
        QSqlDatabase locker = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
        locker.setDatabaseName(bench.recordPath());
        // A worker may be committing right now: wait for it, as any writer does.
        locker.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=20000"_s);
        QVERIFY(locker.open());
        QSqlQuery query(locker);
        QVERIFY2(query.exec(u"BEGIN IMMEDIATE"_s), qPrintable(query.lastError().text()));

        QElapsedTimer gate;
        gate.start();
        station.stopFixture(1);
        QVERIFY(station.setOperatorName(u"second shift"_s));
        // The record's busy timeout is 30 s: a write on this thread would have waited for it.
        QVERIFY2(gate.elapsed() < 2000, qPrintable(QString::number(gate.elapsed())));
        QVERIFY(query.exec(u"SELECT count(*) FROM events WHERE kind = 'run-abort'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        QVERIFY(query.exec(u"ROLLBACK"_s));
        query.finish();
        locker.close();
    }
    QSqlDatabase::removeDatabase(u"locker"_s);

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(
        recordValue(bench.recordPath(), u"SELECT count(*) FROM events WHERE kind = 'run-abort'"_s),
        u"1"_s,
        30000);
    station.shutdown();
    // In the order they were asked for; none written on the GUI thread.
    QCOMPARE(recordValue(bench.recordPath(),
                 u"SELECT group_concat(kind, ' ') FROM (SELECT kind FROM events WHERE kind IN "
                 u"('station-open', 'recipe-load', 'run-abort', 'operator', 'station-close') "
                 u"ORDER BY id)"_s),
        u"station-open recipe-load run-abort operator station-close"_s);
    const QMutexLocker lock(&mutex);
    QCOMPARE(kinds,
        QStringList({u"station-open"_s,
            u"recipe-load"_s,
            u"run-abort"_s,
            u"operator"_s,
            u"station-close"_s}));
    QVERIFY(!onGui);
}

// Every snapshot the controller emits says whether the fixture can start and why not: the same
// verdict as startFixture's.
void tst_Station::snapshotCarriesStartRule()
{
    SimBench bench;
    QVERIFY(bench.create(2));
    StationController station;
    QCOMPARE(station.snapshot(1).startBlock, StartBlock::NotOpen);
    QVERIFY(station.open(options(bench, 2)));
    QCOMPARE(station.snapshot(1).startBlock, StartBlock::NoRecipe);
    QVERIFY(!station.startGate());
    const Result<> refused = station.startFixture(1);
    QVERIFY(!refused);
    QCOMPARE(station.snapshot(1).startBlockText.english(), refused.error().message.english());

    QByteArray json = ShortRecipe;
    json.replace(R"("version": "1",)", R"("version": "1", "require_serial": true,)");
    QSignalSpy changed(&station, &StationController::fixtureChanged);
    station.setRecipe(*SimBench::recipe(json));
    QVERIFY(station.startGate());
    QCOMPARE(changed.size(), 2); // every fixture: the rules changed for all
    for (const QList<QVariant> &args : std::as_const(changed))
        QCOMPARE(args.at(0).value<FixtureSnapshot>().startBlock, StartBlock::LabelMissing);
    QCOMPARE(station.snapshot(2).startBlockText.english(), u"Scan the device's label first."_s);

    QVERIFY(station.bindSerialNumber(1, u"SN-1"_s));
    QCOMPARE(station.snapshot(1).startBlock, StartBlock::None);
    QVERIFY(station.snapshot(1).canStart());
    QSignalSpy finished(&station, &StationController::runFinished);
    QVERIFY(station.startFixture(1));
    QCOMPARE(station.snapshot(1).startBlock, StartBlock::Running);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    // The label went with the run: the fixture needs a new one.
    const FixtureSnapshot after = station.snapshot(1);
    QCOMPARE(after.serialNumber, QString());
    QCOMPARE(after.startBlock, StartBlock::LabelMissing);
    station.shutdown();
    QCOMPARE(station.snapshot(1).startBlock, StartBlock::NotOpen);
}

#include "tst_station.moc"
