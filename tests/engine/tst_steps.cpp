#include "services/steps/finalizestep.h"
#include "services/steps/step.h"
#include "services/steps/stephelpers.h"
#include "simbench.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

// Each step type against the simulator (time scale 0), including the injected faults that must
// end it in the right failure and cause. Steps run through runStep(), as the worker runs them.
class tst_Steps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pollDelay_data();
    void pollDelay();
    void deviceSelector_data();
    void deviceSelector();
    void stepAgainstSimulator_data();
    void stepAgainstSimulator();
    void finalizeGuard_data();
    void finalizeGuard();

private:
    struct Outcome
    {
        QList<StepResult> results;
        RunFacts facts;
    };
    // Runs the recipe's steps in order until one does not pass; `beforeStep` may change the
    // facts or the bench before the step with that index (0-based) runs.
    Outcome runSteps(SimBench &bench,
        const Recipe &recipe,
        const std::function<void(int, RunFacts &)> &beforeStep = {});
};

namespace {

QByteArray recipeJson(const QString &steps, const QString &top = {})
{
    QString json = uR"({"format": 1, "name": "test", "version": "1",
        "os_versions_file": "sim-assets/mt3620an.json", %1
        "steps": [{"type": "connect", "params": {"wait_s": 2}}, {"type": "details"}%2]})"_s.arg(
        top.isEmpty() ? QString() : top + u","_s, steps.isEmpty() ? QString() : u", "_s + steps);
    return json.toUtf8();
}

const QString AutoKeystore
    = uR"("auto_keystore": "sim-assets/keystore/TrustedKeystore-v2.imagepackage")"_s;
const QString OsUpdate
    = uR"({"type": "os-update", "params": {"images": "sim-assets/recovery/26.09", "os_version": "26.09"}})"_s;
const QString SideloadProduct
    = uR"({"type": "sideload", "params": {"packages": ["sim-assets/apps/ProductApp.imagepackage"]}})"_s;
const QString DeleteRfTest
    = uR"({"type": "delete-temporary", "params": {"component_ids": ["508eddf2-b8c3-4a99-93d9-a045d9a060eb"]}})"_s;

} // namespace

void tst_Steps::initTestCase()
{
    QVERIFY2(QFile::exists(SimBench::bin(u"sphere-sim"_s)), "sphere-sim is not built");
    QVERIFY2(QFile::exists(SimBench::recipesDir() + u"/sim-assets/manifest.json"_s),
        "the simulator assets are not generated");
}

void tst_Steps::deviceSelector_data()
{
    QTest::addColumn<QString>("fixturePath");
    QTest::addColumn<QString>("fixtureIp");
    QTest::addColumn<bool>("located");
    QTest::addColumn<QString>("reportedPath");
    QTest::addColumn<QString>("reportedIp");
    QTest::addColumn<QString>("selector");
    QTest::newRow("before connect: path")
        << u"1211"_s << QString() << false << QString() << QString() << u"1211"_s;
    QTest::newRow("before connect: IP only")
        << QString() << u"192.168.35.4"_s << false << QString() << QString() << u"192.168.35.4"_s;
    QTest::newRow("located by path")
        << u"1211"_s << QString() << true << u"1211"_s << u"192.168.35.2"_s << u"1211"_s;
    // The real Linux SDK reports no connection path: the IP it reported names the device, even
    // when the fixture carries an FTDI location for presence.
    QTest::newRow("tool reports no path") << u"1243"_s << u"192.168.35.3"_s << true << QString()
                                          << u"192.168.35.3"_s << u"192.168.35.3"_s;
}

void tst_Steps::pollDelay_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("longestMs");
    QTest::addColumn<int>("expectedMs");
    QTest::newRow("first") << 0 << 1000 << 100;
    QTest::newRow("second") << 1 << 1000 << 200;
    QTest::newRow("fourth") << 3 << 1000 << 800;
    QTest::newRow("capped") << 4 << 1000 << 1000;
    QTest::newRow("long after") << 500 << 1000 << 1000;
    QTest::newRow("short cap") << 0 << 50 << 50;
}

void tst_Steps::pollDelay()
{
    QFETCH(int, attempt);
    QFETCH(int, longestMs);
    QFETCH(int, expectedMs);
    QCOMPARE(
        StepHelpers::pollDelay(attempt, std::chrono::milliseconds(longestMs)).count(), expectedMs);
}

void tst_Steps::deviceSelector()
{
    QFETCH(QString, fixturePath);
    QFETCH(QString, fixtureIp);
    QFETCH(bool, located);
    QFETCH(QString, reportedPath);
    QFETCH(QString, reportedIp);
    QFETCH(QString, selector);
    FixtureConfig fixture;
    fixture.number = 1;
    fixture.connectionPath = fixturePath;
    fixture.ipAddress = fixtureIp;
    const ToolSetup tools;
    const Recipe recipe;
    const RecipeStep step;
    RunFacts facts;
    facts.deviceLocated = located;
    facts.connectionPath = reportedPath;
    facts.ipAddress = reportedIp;
    const StepContext context(fixture, tools, recipe, step, facts, CancelToken {});
    QCOMPARE(context.deviceSelector(), selector);
}

tst_Steps::Outcome tst_Steps::runSteps(
    SimBench &bench, const Recipe &recipe, const std::function<void(int, RunFacts &)> &beforeStep)
{
    Outcome outcome;
    const FixtureConfig fixture = bench.fixture(1);
    const ToolSetup tools = bench.tools();
    outcome.facts.connectionPath = fixture.connectionPath;
    for (qsizetype i = 0; i < recipe.steps.size(); ++i) {
        if (beforeStep)
            beforeStep(int(i), outcome.facts);
        StepContext context(
            fixture, tools, recipe, recipe.steps.at(i), outcome.facts, CancelToken {});
        StepResult result = runStep(context, int(i) + 1);
        if (result.outcome != StepOutcome::Passed && result.outcome != StepOutcome::Skipped)
            outcome.facts.everyStepPassed = false;
        outcome.results.append(result);
        if (result.outcome != StepOutcome::Passed && result.outcome != StepOutcome::Skipped)
            break;
    }
    return outcome;
}

void tst_Steps::stepAgainstSimulator_data()
{
    QTest::addColumn<QString>("steps");
    QTest::addColumn<QString>("top");
    QTest::addColumn<QStringList>("benchArgs");
    QTest::addColumn<QList<QStringList>>("simCommands"); // sphere-sim commands after create
    QTest::addColumn<int>("lastIndex");                  // 0-based index of the last step run
    QTest::addColumn<StepOutcome>("outcome");
    QTest::addColumn<ErrorCode>("code");

    const QStringList none;
    const QList<QStringList> noFaults;
    auto fault = [](const QStringList &args) {
        return QList<QStringList> {
            QStringList {u"fault"_s, u"set"_s, u"--device"_s, u"1211"_s} + args};
    };

    QTest::newRow("connect+details") << QString() << QString() << none << noFaults << 1
                                     << StepOutcome::Passed << ErrorCode::None;
    QTest::newRow("connect: device absent")
        << QString() << QString() << none
        << QList<QStringList> {{u"unplug"_s, u"--fixture"_s, u"1"_s}} << 0 << StepOutcome::Failed
        << ErrorCode::DeviceAbsent;
    QTest::newRow("connect: not responding")
        << QString() << QString() << none
        << fault({u"not-responding"_s, u"--command"_s, u"list-attached"_s}) << 0
        << StepOutcome::Failed << ErrorCode::DeviceNotResponding;
    QTest::newRow("details: garbage output")
        << QString() << QString() << none
        << fault({u"garbage"_s, u"--command"_s, u"show-attached"_s}) << 1 << StepOutcome::Failed
        << ErrorCode::OutputUnparsable;
    QTest::newRow("os-update") << OsUpdate << QString() << none << noFaults << 2
                               << StepOutcome::Passed << ErrorCode::None;
    QTest::newRow("os-update: already current")
        << OsUpdate << QString() << QStringList {u"--os"_s, u"26.09"_s} << noFaults << 2
        << StepOutcome::Skipped << ErrorCode::None;
    QTest::newRow("os-update: enter recovery fails")
        << OsUpdate << QString() << none
        << fault({u"recover-fails"_s, u"--variant"_s, u"enter-recovery"_s}) << 2
        << StepOutcome::Failed << ErrorCode::RecoveryModeFailed;
    QTest::newRow("os-update: boot timeout")
        << OsUpdate << QString() << none
        << fault({u"recover-fails"_s, u"--variant"_s, u"boot-timeout"_s}) << 2
        << StepOutcome::Failed << ErrorCode::RecoveryRebootFailed;
    QTest::newRow("os-update: hang ends at the step timeout")
        << uR"({"type": "os-update", "timeout_s": 2, "params": {"images": "sim-assets/recovery/26.09", "os_version": "26.09"}})"_s
        << QString() << none << fault({u"hang"_s, u"--command"_s, u"recover"_s}) << 2
        << StepOutcome::Failed << ErrorCode::ToolTimedOut;
    QTest::newRow("keystore")
        << uR"({"type": "keystore", "params": {"package": "sim-assets/keystore/TrustedKeystore-v2.imagepackage"}})"_s
        << QString() << none << noFaults << 2 << StepOutcome::Passed << ErrorCode::None;
    QTest::newRow("sideload: not trusted, no auto keystore")
        << SideloadProduct << QString() << none << noFaults << 2 << StepOutcome::Failed
        << ErrorCode::ImageNotTrusted;
    QTest::newRow("sideload: automatic keystore")
        << SideloadProduct << AutoKeystore << none << noFaults << 2 << StepOutcome::Passed
        << ErrorCode::None;
    QTest::newRow("sideload: untrusted keystore fault, automatic keystore")
        << OsUpdate + u", "_s + SideloadProduct << AutoKeystore << none
        << fault({u"untrusted-keystore"_s, u"--count"_s, u"1"_s}) << 3 << StepOutcome::Passed
        << ErrorCode::None;
    QTest::newRow("sideload: insufficient space")
        << OsUpdate + u", "_s + SideloadProduct << QString() << none
        << fault({u"insufficient-space"_s}) << 3 << StepOutcome::Failed
        << ErrorCode::InsufficientSpace;
    QTest::newRow("sideload: OTA in progress")
        << OsUpdate + u", "_s + SideloadProduct << QString() << none
        << fault({u"ota-in-progress"_s}) << 3 << StepOutcome::Failed << ErrorCode::OtaInProgress;
    QTest::newRow("sideload: unplugged mid-step")
        << OsUpdate + u", "_s + SideloadProduct << QString() << none
        << fault({u"unplug-mid-step"_s, u"--command"_s, u"sideload deploy"_s})
        << 3
        // The command addressed to the recorded device found none; the port says it left.
        << StepOutcome::Failed << ErrorCode::DeviceAbsent;
    QTest::newRow("delete-temporary")
        << uR"({"type": "sideload", "params": {"packages": ["sim-assets/apps/FunctionalTestApp.imagepackage"]}}, {"type": "delete-temporary", "params": {"packages": ["sim-assets/apps/FunctionalTestApp.imagepackage"]}})"_s
        << AutoKeystore << none << noFaults << 3 << StepOutcome::Passed << ErrorCode::None;
    QTest::newRow("rf-calibrate")
        << uR"({"type": "rf-calibrate", "params": {"region": "US", "expected": "sim-assets/rf/product-US.bin"}})"_s
        << QString() << none << noFaults << 2 << StepOutcome::Passed << ErrorCode::None;
    QTest::newRow("rf-calibrate: e-fuse holds another region")
        << uR"({"type": "rf-calibrate", "params": {"region": "US", "expected": "sim-assets/rf/product-US.bin"}}, {"type": "rf-calibrate", "params": {"region": "JP", "expected": "sim-assets/rf/product-JP.bin"}})"_s
        << QString() << none << noFaults << 3 << StepOutcome::Failed
        << ErrorCode::EfuseAlreadyProgrammed;
    QTest::newRow("rf-verify: out of spec")
        << uR"({"type": "rf-verify", "params": {"expected": "sim-assets/rf/product-US.bin"}})"_s
        << QString() << none << fault({u"rf-out-of-spec"_s}) << 2 << StepOutcome::Failed
        << ErrorCode::RfCheckFailed;
    QTest::newRow("rf-calibrate: RF test mode gone")
        << uR"({"type": "rf-calibrate", "params": {"region": "US", "expected": "sim-assets/rf/product-US.bin"}})"_s
        << QString() << QStringList {u"--state"_s, u"Module1Complete"_s} << noFaults << 2
        << StepOutcome::Failed << ErrorCode::RfTestModeUnavailable;
    QTest::newRow("wifi-verify")
        << uR"({"type": "wifi-verify", "params": {"ssid": "SIM-FACTORY-AP", "psk": "simulated-psk-1234", "connect_timeout_s": 5}})"_s
        << QString() << none << noFaults << 2 << StepOutcome::Passed << ErrorCode::None;
    QTest::newRow("wifi-verify: wrong key")
        << uR"({"type": "wifi-verify", "params": {"ssid": "SIM-FACTORY-AP", "psk": "not-the-right-key", "connect_timeout_s": 1}})"_s
        << QString() << none << noFaults << 2 << StepOutcome::Failed << ErrorCode::WifiNotConnected;
    QTest::newRow("ethernet") << OsUpdate
            + uR"(, {"type": "ethernet", "params": {"package": "sim-assets/boardconfig/lan-enc28j60-isu0-int5.imagepackage"}})"_s
                              << QString() << none << noFaults << 3 << StepOutcome::Passed
                              << ErrorCode::None;
    QTest::newRow("ready-to-ship")
        << SideloadProduct + u", "_s + DeleteRfTest
            + uR"(, {"type": "ready-to-ship", "params": {"expected_state": "Blank", "os": ["24.03"], "expect_sideloaded": true}})"_s
        << AutoKeystore << none << noFaults << 4 << StepOutcome::Passed << ErrorCode::None;
    QTest::newRow("ready-to-ship: rftest_server left")
        << SideloadProduct
            + uR"(, {"type": "ready-to-ship", "params": {"expected_state": "Blank", "os": ["24.03"], "expect_sideloaded": true}})"_s
        << AutoKeystore << none << noFaults << 3 << StepOutcome::Failed
        << ErrorCode::ReadyCheckFailed;
    QTest::newRow("finalize Module1Complete")
        << uR"({"type": "finalize", "params": {"state": "Module1Complete"}})"_s << QString() << none
        << noFaults << 2 << StepOutcome::Passed << ErrorCode::None;
}

void tst_Steps::stepAgainstSimulator()
{
    QFETCH(QString, steps);
    QFETCH(QString, top);
    QFETCH(QStringList, benchArgs);
    QFETCH(QList<QStringList>, simCommands);
    QFETCH(int, lastIndex);
    QFETCH(StepOutcome, outcome);
    QFETCH(ErrorCode, code);

    SimBench bench;
    QVERIFY(bench.isValid());
    QVERIFY(bench.create(1, benchArgs));
    for (const QStringList &command : simCommands) {
        const ToolResult done = bench.sphereSim(command);
        QVERIFY2(done.isSuccess(), qPrintable(done.stdErrText()));
    }
    const Result<Recipe> recipe = SimBench::recipe(recipeJson(steps, top));
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().message));

    const Outcome run = runSteps(bench, *recipe);
    QVERIFY(!run.results.isEmpty());
    const StepResult &last = run.results.constLast();
    QVERIFY2(last.outcome == outcome && last.errorCode == code,
        qPrintable(u"step %1 (%2): %3 %4: %5 %6"_s.arg(last.seq).arg(last.name,
            stepOutcomeName(last.outcome),
            errorCodeName(last.errorCode),
            last.cause,
            last.data.value(u"errorDetail"_s).toString())));
    QCOMPARE(run.results.size(), lastIndex + 1);

    // What every step keeps: its commands with exact command lines and raw output. Until
    // `details` has read the device's ID (`show-attached`), commands name the fixture's port;
    // after it, every azsphere command is addressed to the recorded device ID, except
    // `show-attached` at the port (the identity checks). The RF tools are addressed by the port.
    const QString byId = u"--device "_s + run.facts.deviceId;
    for (const StepResult &result : run.results) {
        QVERIFY(result.finished >= result.started);
        QVERIFY(result.attempts >= 1);
        QVERIFY2(!result.commands.isEmpty(), qPrintable(result.name));
        const bool afterDetails = result.type != "connect"_L1 && result.type != "details"_L1;
        for (const CommandRecord &command : result.commands) {
            const QString &line = command.commandLine;
            QVERIFY(!line.isEmpty());
            if (!line.contains(u"azsphere device"_s) || line.contains(u"list-attached"_s))
                continue;
            const bool byPort = line.contains(u"--device 1211"_s);
            if (line.contains(u"show-attached"_s))
                QVERIFY2(byPort || (afterDetails && line.contains(byId)), qPrintable(line));
            else if (result.type == "connect"_L1)
                QVERIFY2(byPort, qPrintable(line));
            else
                QVERIFY2(line.contains(byId), qPrintable(line));
        }
    }
    if (outcome == StepOutcome::Failed) {
        QVERIFY(!last.cause.isEmpty());
    }
    // The PSK never reaches the record.
    for (const StepResult &result : run.results) {
        for (const CommandRecord &command : result.commands) {
            QVERIFY(!command.commandLine.contains(u"simulated-psk-1234"_s));
            QVERIFY(!command.commandLine.contains(u"not-the-right-key"_s));
        }
    }
    if (last.type == "details"_L1 && outcome == StepOutcome::Passed) {
        QCOMPARE(run.facts.deviceId.size(), 128);
        QCOMPARE(last.data.value(u"deviceId"_s).toString(), run.facts.deviceId);
    }
    if (last.type == "sideload"_L1 && outcome == StepOutcome::Passed && !top.isEmpty()) {
        QVERIFY2(last.note.english().contains(u"trusted keystore sideloaded automatically"_s),
            qPrintable(last.note));
        QCOMPARE(last.commands.size(), 4); // deploy, keystore, show-attached, deploy again
    }
    if (last.type == "wifi-verify"_L1) {
        // Forgotten in both cases: no network is left behind.
        const ToolResult list = bench.azsphere({u"device"_s,
            u"wifi"_s,
            u"list"_s,
            u"--device"_s,
            u"1211"_s,
            u"--output"_s,
            u"json"_s});
        QCOMPARE(QJsonDocument::fromJson(list.stdOut).array().size(), 0);
    }
    if (last.type == "ready-to-ship"_L1) {
        const QString output = last.commands.constLast().stdOut;
        QVERIFY(output.startsWith(u"Checking device is in manufacturing state Blank..."_s));
        QCOMPARE(run.facts.readyToShipPassed, outcome == StepOutcome::Passed);
    }
    if (last.type == "finalize"_L1)
        QCOMPARE(bench.manufacturingState(u"1211"_s), u"Module1Complete"_s);
}

void tst_Steps::finalizeGuard_data()
{
    QTest::addColumn<QString>("breakIt");
    QTest::addColumn<StepOutcome>("outcome");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("finalState");

    QTest::newRow("every condition met")
        << QString() << StepOutcome::Passed << ErrorCode::None << u"DeviceComplete"_s;
    QTest::newRow("an earlier step failed")
        << u"earlier-failed"_s << StepOutcome::Failed << ErrorCode::FinalizeRefused << u"Blank"_s;
    QTest::newRow("ready-to-ship not passed in this run")
        << u"ready-not-passed"_s << StepOutcome::Failed << ErrorCode::FinalizeRefused << u"Blank"_s;
    QTest::newRow("not confirmed by the recipe")
        << u"unconfirmed"_s << StepOutcome::Failed << ErrorCode::FinalizeRefused << u"Blank"_s;
    QTest::newRow("device swapped")
        << u"swapped"_s << StepOutcome::Failed << ErrorCode::DeviceSwapped << u"Blank"_s;
}

void tst_Steps::finalizeGuard()
{
    QFETCH(QString, breakIt);
    QFETCH(StepOutcome, outcome);
    QFETCH(ErrorCode, code);
    QFETCH(QString, finalState);

    SimBench bench;
    QVERIFY(bench.create(1));
    Result<Recipe> recipe = SimBench::recipe(recipeJson(SideloadProduct + u", "_s + DeleteRfTest
            + uR"(, {"type": "ready-to-ship", "params": {"expected_state": "Blank", "os": ["24.03"], "expect_sideloaded": true}},
                   {"type": "finalize", "params": {"state": "DeviceComplete", "confirm_permanent": true}})"_s,
        AutoKeystore));
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().message));
    const int finalizeIndex = int(recipe->steps.size()) - 1;
    if (breakIt == "unconfirmed"_L1) {
        // A copy of the loaded params without the confirmation.
        auto params = std::make_shared<FinalizeParams>(
            dynamic_cast<const FinalizeParams &>(*recipe->steps[finalizeIndex].params));
        params->confirmPermanent = false;
        recipe->steps[finalizeIndex].params = params;
    }

    const Outcome run = runSteps(bench, *recipe, [&](int index, RunFacts &facts) {
        if (index != finalizeIndex)
            return;
        if (breakIt == "earlier-failed"_L1)
            facts.everyStepPassed = false;
        else if (breakIt == "ready-not-passed"_L1)
            facts.readyToShipPassed = false;
        else if (breakIt == "swapped"_L1)
            QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    });
    QCOMPARE(run.results.size(), finalizeIndex + 1);
    const StepResult &last = run.results.constLast();
    QVERIFY2(last.outcome == outcome && last.errorCode == code,
        qPrintable(u"%1 %2: %3"_s.arg(
            stepOutcomeName(last.outcome), errorCodeName(last.errorCode), last.cause)));
    if (outcome == StepOutcome::Failed) {
        QVERIFY(!last.cause.isEmpty());
        // Refused before the update: no manufacturing-state update was ever run.
        for (const CommandRecord &command : last.commands)
            QVERIFY(!command.commandLine.contains(u"manufacturing-state update"_s));
    }
    // The simulator's own view of every attached device.
    const ToolResult shown = bench.sphereSim({u"bench"_s, u"show"_s, u"--json"_s});
    const QJsonArray fixtures
        = QJsonDocument::fromJson(shown.stdOut).object().value(u"fixtures"_s).toArray();
    QCOMPARE(fixtures.size(), 1);
    QCOMPARE(fixtures.at(0).toObject().value(u"manufacturingState"_s).toString(), finalState);
}

QTEST_GUILESS_MAIN(tst_Steps)

#include "tst_steps.moc"
