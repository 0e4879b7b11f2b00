#include "services/station/station.h"
#include "simbench.h"
#include "tests/helpers/benchprobe.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace Station;
using TestProbe::recordValue;

// Hands-free (issue #16) through the StationController on the simulator, with presence polled
// every 50 ms and a settle time of 300 ms (real time scaled down by about 5): a new device starts
// by itself once, a device left in or back in never again, a bounce is one device, a reboot during
// recover is not a new device, a swap during a run does not start afterwards, and the start rules
// (sign-in, label) hold the start until they are met.
class tst_HandsFree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startsEachNewDeviceOnce();
    void bounceIsOneDevice();
    void bounceKeepsTheVerdict();
    void rebootDuringRecoverIsNotNew();
    void swapDuringRunStartsTheNewDeviceAfterwards();
    void startRulesHoldTheStart();
    void offByDefault();

private:
    static StationOptions options(const SimBench &bench);
};

namespace {

constexpr auto Settle = 300ms;

const QByteArray QuickRecipe = R"({"format": 1, "name": "quick", "version": "1",
    "os_versions_file": "sim-assets/mt3620an.json",
    "steps": [{"type": "connect", "params": {"wait_s": 5}}, {"type": "details"}]})";

const QByteArray LabelRecipe = R"({"format": 1, "name": "labelled", "version": "1",
    "os_versions_file": "sim-assets/mt3620an.json", "require_serial": true,
    "steps": [{"type": "connect", "params": {"wait_s": 5}}, {"type": "details"}]})";

const QByteArray RecoverRecipe = R"({"format": 1, "name": "recover", "version": "1",
    "os_versions_file": "sim-assets/mt3620an.json",
    "steps": [{"type": "connect", "params": {"wait_s": 5}}, {"type": "details"},
              {"type": "os-update", "params": {"images": "sim-assets/recovery/26.09", "os_version": "26.09"}}]})";

QString runCount(const SimBench &bench, const QString &where = QString())
{
    return recordValue(bench.recordPath(),
        where.isEmpty() ? u"SELECT count(*) FROM runs"_s
                        : u"SELECT count(*) FROM runs WHERE "_s + where);
}

// Waits for `polls` more presence polls (at 50 ms each, ten of them outlast the settle time):
// time for a start that must not come.
void waitPolls(StationController &station, int polls = 10)
{
    QSignalSpy polled(&station, &StationController::presencePolled);
    QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= polls, 30000);
}

} // namespace

void tst_HandsFree::initTestCase()
{
    qRegisterMetaType<Station::FixtureSnapshot>();
    QVERIFY2(QFile::exists(SimBench::recipesDir() + u"/sim-assets/manifest.json"_s),
        "the simulator assets are not generated");
}

StationOptions tst_HandsFree::options(const SimBench &bench)
{
    StationOptions options;
    options.fixtures.append(bench.fixture(1));
    options.tools = bench.tools();
    options.recordPath = bench.recordPath();
    options.stationName = u"test-station"_s;
    options.operatorName = u"tester"_s;
    options.appVersion = u"0.0-test"_s;
    options.presence = true;
    options.presenceInterval = 50ms;
    options.handsFree = true;
    options.handsFreeSettle = Settle;
    return options;
}

void tst_HandsFree::startsEachNewDeviceOnce()
{
    SimBench bench;
    QVERIFY(bench.create(1));
    StationController station;
    QVERIFY(station.open(options(bench)));
    const Result<Recipe> recipe = SimBench::recipe(QuickRecipe);
    QVERIFY(recipe);
    station.setRecipe(*recipe);
    QSignalSpy started(&station, &StationController::handsFreeStarted);

    // The device in the fixture when the station opened may be one left in after its run.
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Present, 10000);
    QCOMPARE(station.snapshot(1).handsFree, HandsFree::Done);
    waitPolls(station);
    QCOMPARE(started.size(), 0);
    QCOMPARE(runCount(bench), u"0"_s);

    // A new device: it starts by itself, once, and its verdict stays while it is in.
    QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!station.isRunning(1) && station.snapshot(1).verdict, 30000);
    const QString first = started.at(0).at(1).toString();
    QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);
    QCOMPARE(station.snapshot(1).verdictDeviceId, first);
    QCOMPARE(station.snapshot(1).handsFree, HandsFree::Done);
    waitPolls(station);
    QCOMPARE(started.size(), 1);
    QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);

    // Out and back in (for longer than the settle time): the same device never starts by itself.
    QVERIFY(bench.sphereSim({u"unplug"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Empty, 10000);
    // Removal (out for the settle time) readies the tile.
    QTRY_VERIFY_WITH_TIMEOUT(!station.snapshot(1).verdict, 10000);
    QCOMPARE(station.snapshot(1).handsFree, HandsFree::Waiting);
    QTest::qWait(int(2 * Settle.count()));
    QVERIFY(bench.sphereSim({u"plug"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Present, 10000);
    waitPolls(station);
    QCOMPARE(started.size(), 1);

    // The next device starts.
    QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 20000);
    QVERIFY(started.at(1).at(1).toString() != first);
    QTRY_VERIFY_WITH_TIMEOUT(!station.isRunning(1) && station.snapshot(1).verdict, 30000);
    station.shutdown();
    QCOMPARE(runCount(bench), u"2"_s);
    QCOMPARE(runCount(bench, u"operator = 'tester' AND operator_kind = 'hands-free'"_s), u"2"_s);
    QCOMPARE(recordValue(bench.recordPath(),
                 u"SELECT count(*) FROM events WHERE kind = 'run-start' "
                 u"AND detail LIKE '%(hands-free)'"_s),
        u"2"_s);
    // The trail says from when runs may start without a click.
    QCOMPARE(
        recordValue(bench.recordPath(), u"SELECT detail FROM events WHERE kind = 'hands-free'"_s),
        u"on, settle 300 ms"_s);
}

void tst_HandsFree::bounceIsOneDevice()
{
    SimBench bench;
    QVERIFY(bench.create(1));
    QVERIFY(bench.sphereSim({u"unplug"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    StationOptions o = options(bench);
    // Long enough that a loaded machine's sphere-sim calls stay within it.
    o.handsFreeSettle = 1500ms;
    StationController station;
    QVERIFY(station.open(o));
    const Result<Recipe> recipe = SimBench::recipe(QuickRecipe);
    QVERIFY(recipe);
    station.setRecipe(*recipe);
    QSignalSpy started(&station, &StationController::handsFreeStarted);
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Empty, 10000);

    // In, out and in again, each within the settle time, as a contact that bounces.
    for (int k = 0; k < 3; ++k) {
        QVERIFY(bench.sphereSim({u"plug"_s, u"--fixture"_s, u"1"_s}).isSuccess());
        QTest::qWait(80);
        QVERIFY(bench.sphereSim({u"unplug"_s, u"--fixture"_s, u"1"_s}).isSuccess());
        QTest::qWait(80);
        QCOMPARE(started.size(), 0);
    }
    QVERIFY(bench.sphereSim({u"plug"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!station.isRunning(1) && station.snapshot(1).verdict, 30000);
    // Bounces after the run: still the one device.
    for (int k = 0; k < 2; ++k) {
        QVERIFY(bench.sphereSim({u"unplug"_s, u"--fixture"_s, u"1"_s}).isSuccess());
        QTest::qWait(80);
        QVERIFY(bench.sphereSim({u"plug"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    }
    waitPolls(station, 40);
    QCOMPARE(started.size(), 1);
    station.shutdown();
    QCOMPARE(runCount(bench), u"1"_s);
}

void tst_HandsFree::bounceKeepsTheVerdict()
{
    SimBench bench;
    QVERIFY(bench.create(1));
    StationOptions o = options(bench);
    // Long enough that a loaded machine's sphere-sim calls stay within it.
    o.handsFreeSettle = 3s;
    StationController station;
    QVERIFY(station.open(o));
    const Result<Recipe> recipe = SimBench::recipe(QuickRecipe);
    QVERIFY(recipe);
    station.setRecipe(*recipe);
    QSignalSpy started(&station, &StationController::handsFreeStarted);
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Present, 10000);
    QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!station.isRunning(1) && station.snapshot(1).verdict, 30000);

    // Out and back within the settle time: the same device, its verdict stays.
    QVERIFY(bench.sphereSim({u"unplug"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Empty, 10000);
    QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);
    QVERIFY(bench.sphereSim({u"plug"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Present, 10000);
    QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);
    waitPolls(station, 70); // longer than the settle time
    QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);
    QCOMPARE(started.size(), 1);

    // Out for the settle time: removed, the tile is ready for the next device.
    QVERIFY(bench.sphereSim({u"unplug"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_VERIFY_WITH_TIMEOUT(!station.snapshot(1).verdict, 10000);
    QCOMPARE(station.snapshot(1).presence, Presence::Empty);
    QCOMPARE(station.snapshot(1).handsFree, HandsFree::Waiting);
    station.shutdown();
}

void tst_HandsFree::rebootDuringRecoverIsNotNew()
{
    // Recover at time scale 0.02: the device answers "not responding" for a few seconds, then
    // comes back with the same ID.
    SimBench bench(u"0.02"_s);
    QVERIFY(bench.create(1));
    StationController station;
    QVERIFY(station.open(options(bench)));
    const Result<Recipe> recipe = SimBench::recipe(RecoverRecipe);
    QVERIFY(recipe);
    station.setRecipe(*recipe);
    QSignalSpy started(&station, &StationController::handsFreeStarted);
    QSignalSpy changed(&station, &StationController::fixtureChanged);
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Present, 10000);
    QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!station.isRunning(1) && station.snapshot(1).verdict, 120000);
    QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);
    // Presence saw the reboot while the run was on.
    const bool sawReboot = std::any_of(changed.cbegin(), changed.cend(), [](const auto &args) {
        const auto s = args.at(0).template value<FixtureSnapshot>();
        return s.running && s.presence != Presence::Present;
    });
    QVERIFY(sawReboot);
    waitPolls(station);
    QCOMPARE(started.size(), 1);
    station.shutdown();
    QCOMPARE(runCount(bench), u"1"_s);
}

void tst_HandsFree::swapDuringRunStartsTheNewDeviceAfterwards()
{
    SimBench bench(u"0.02"_s);
    QVERIFY(bench.create(1));
    StationController station;
    QVERIFY(station.open(options(bench)));
    const Result<Recipe> recipe = SimBench::recipe(RecoverRecipe);
    QVERIFY(recipe);
    station.setRecipe(*recipe);
    QSignalSpy started(&station, &StationController::handsFreeStarted);
    QSignalSpy finished(&station, &StationController::runFinished);
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Present, 10000);
    QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 20000);
    const QString ran = started.at(0).at(1).toString();
    // Swapped while its run is on (after details): the run fails as the engine fails a swap.
    QTRY_VERIFY_WITH_TIMEOUT(station.snapshot(1).stepIndex >= 3, 20000);
    QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    const auto failed = finished.at(0).at(1).value<FixtureSnapshot>();
    QCOMPARE(failed.verdict, RunOutcome::Fail);
    QCOMPARE(failed.verdictDeviceId, ran);
    // The device swapped in is new: it starts once the run has ended, once.
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 20000);
    QVERIFY(started.at(1).at(1).toString().compare(ran, Qt::CaseInsensitive) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
    waitPolls(station);
    QCOMPARE(started.size(), 2);
    QCOMPARE(station.snapshot(1).handsFree, HandsFree::Done);
    station.shutdown();
    QCOMPARE(runCount(bench), u"2"_s);
}

void tst_HandsFree::startRulesHoldTheStart()
{
    SimBench bench;
    QVERIFY(bench.create(1));
    StationOptions o = options(bench);
    o.requireSignIn = true;
    o.operatorName.clear();
    StationController station;
    QVERIFY(station.open(o));
    const Result<Recipe> recipe = SimBench::recipe(LabelRecipe);
    QVERIFY(recipe);
    station.setRecipe(*recipe);
    QSignalSpy started(&station, &StationController::handsFreeStarted);
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Present, 10000);
    QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());

    // Nobody signed in: the tile says why it waits.
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).handsFree, HandsFree::Due, 10000);
    QCOMPARE(station.snapshot(1).startBlock, StartBlock::NotSignedIn);
    waitPolls(station);
    QCOMPARE(started.size(), 0);

    // Signed in, but the recipe needs a label.
    station.setUser(Auth::User {u"ana"_s, u"Ana"_s, Auth::Role::Operator});
    QCOMPARE(station.snapshot(1).startBlock, StartBlock::LabelMissing);
    waitPolls(station);
    QCOMPARE(started.size(), 0);

    // The label scanned: it starts, once.
    QVERIFY(station.bindSerialNumber(1, u"SPH-24-00001"_s));
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!station.isRunning(1) && station.snapshot(1).verdict, 30000);
    QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);
    waitPolls(station);
    QCOMPARE(started.size(), 1);
    station.shutdown();
    // The signed-in user armed it: the run names them, started hands-free.
    QCOMPARE(runCount(bench, u"operator = 'ana' AND operator_kind = 'hands-free'"_s), u"1"_s);
    QCOMPARE(
        recordValue(bench.recordPath(), u"SELECT user_role FROM events WHERE kind = 'run-start'"_s),
        u"operator"_s);
}

void tst_HandsFree::offByDefault()
{
    SimBench bench;
    QVERIFY(bench.create(1));
    StationOptions o = options(bench);
    o.handsFree = StationOptions {}.handsFree;
    QVERIFY(!o.handsFree);
    StationController station;
    QVERIFY(station.open(o));
    const Result<Recipe> recipe = SimBench::recipe(QuickRecipe);
    QVERIFY(recipe);
    station.setRecipe(*recipe);
    QTRY_COMPARE_WITH_TIMEOUT(station.snapshot(1).presence, Presence::Present, 10000);
    QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_VERIFY_WITH_TIMEOUT(
        station.snapshot(1).passedRunId == 0 && station.snapshot(1).deviceId.size() == 128, 10000);
    waitPolls(station);
    QVERIFY(!station.isRunning(1));
    QCOMPARE(station.snapshot(1).handsFree, HandsFree::Off);
    QCOMPARE(station.snapshot(1).startBlock, StartBlock::None);

    // Switched on while the device is in: it counts as left in; the next one starts.
    QSignalSpy started(&station, &StationController::handsFreeStarted);
    station.setHandsFree(true, Settle);
    QCOMPARE(station.snapshot(1).handsFree, HandsFree::Done);
    waitPolls(station);
    QCOMPARE(started.size(), 0);
    QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!station.isRunning(1), 30000);
    station.shutdown();
    QCOMPARE(runCount(bench), u"1"_s);
}

QTEST_GUILESS_MAIN(tst_HandsFree)

#include "tst_handsfree.moc"
