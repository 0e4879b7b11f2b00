#include "services/records/handoff.h"
#include "simbench.h"
#include "stationprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// A device that is already in the recipe's final state (or past it) is recognised at details,
// before anything changes it: the run fails with DeviceFinalized, names the run of this record
// that finalized it (when there is one), and sends the device no command that changes it. A
// recipe that changes nothing is not refused. End to end through `sphere-station --headless`.
class tst_FinishedDevice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deviceInFinalState_data();
    void deviceInFinalState();
    void finalizedByEarlierRunOfThisRecord();
    void handoffNamesTheRecipesCloud();
};

namespace {

const QString FullRecipe = SimBench::recipesDir() + u"/full.json"_s;
const QString QuickRecipe = SimBench::recipesDir() + u"/quick.json"_s;

// Recipes by name, written for a test with the simulator assets' absolute paths.
QByteArray recipeJson(const QString &name)
{
    QByteArray steps;
    if (name == "to Module1Complete"_L1) {
        steps = R"({"type": "connect"}, {"type": "details"},
            {"type": "finalize", "params": {"state": "Module1Complete"}})";
    } else if (name == "changes nothing"_L1) {
        steps = R"({"type": "connect"}, {"type": "details"},
            {"type": "ready-to-ship", "params": {"expected_state": "DeviceComplete",
                                                 "os": ["24.03"], "images": []}})";
    }
    QByteArray json = R"({"format": 1, "name": ")" + name.toUtf8()
        + R"(", "version": "1", "os_versions_file": "ASSETS/mt3620an.json", "steps": [)" + steps
        + "]}";
    json.replace("ASSETS", (SimBench::recipesDir() + u"/sim-assets"_s).toUtf8());
    return json;
}

QString recipeFile(const SimBench &bench, const QString &name)
{
    if (name == "full.json"_L1)
        return FullRecipe;
    if (name == "quick.json"_L1)
        return QuickRecipe;
    const QString path = bench.path() + u"/recipe.json"_s;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(recipeJson(name));
    return path;
}

StationProcess::Exit runStation(const SimBench &bench, const QString &recipe, const QString &record)
{
    return StationProcess::run({u"--headless"_s,
                                   u"--simulate"_s,
                                   u"1"_s,
                                   u"--station"_s,
                                   u"line-3"_s,
                                   u"--recipe"_s,
                                   recipe,
                                   u"--record"_s,
                                   record},
        bench.environment());
}

// The device ID as causes show it: first 8 and last 4 hex digits.
QString shortId(const QString &deviceId)
{
    return deviceId.left(8) + u'\u2026' + deviceId.right(4);
}

// What the bench says about its device (state, OS, images, networks...).
QJsonObject deviceOnBench(const SimBench &bench)
{
    const Station::ToolResult shown = bench.sphereSim({u"bench"_s, u"show"_s, u"--json"_s});
    return QJsonDocument::fromJson(shown.stdOut)
        .object()
        .value(u"fixtures"_s)
        .toArray()
        .first()
        .toObject();
}

// Command lines of a run that would change a device: azsphere's changing verbs, the RF tools.
QStringList changingCommands(const QString &record, qint64 runId)
{
    static const QRegularExpression changing(
        u"\\b(recover|sideload|deploy|update|delete|add|forget|restart|enable|disable|clear|"
        "download|claim)\\b|RfSettingsTool|RfToolCli"_s);
    QStringList found;
    const QList<QVariantList> commands = StationProcess::rows(record,
        u"SELECT c.command_line FROM commands c JOIN steps s ON s.id = c.step_id "
        "WHERE s.run_id = ?"_s,
        {runId});
    for (const QVariantList &command : commands) {
        if (changing.match(command.first().toString()).hasMatch())
            found.append(command.first().toString());
    }
    return found;
}

} // namespace

void tst_FinishedDevice::initTestCase()
{
    QVERIFY2(QFile::exists(SimBench::bin(u"sphere-station"_s)), "sphere-station is not built");
    QVERIFY2(QFile::exists(SimBench::recipesDir() + u"/sim-assets/manifest.json"_s),
        "the simulator assets are not generated");
}

void tst_FinishedDevice::deviceInFinalState_data()
{
    QTest::addColumn<QString>("state");  // the device's manufacturing state on the bench
    QTest::addColumn<QString>("recipe"); // full.json, quick.json or a recipeJson() name
    QTest::addColumn<bool>("refused");

    QTest::newRow("DeviceComplete, full.json") << u"DeviceComplete"_s << u"full.json"_s << true;
    // No finalize step, but it changes the device: a finished device is not worked on again.
    QTest::newRow("DeviceComplete, quick.json") << u"DeviceComplete"_s << u"quick.json"_s << true;
    QTest::newRow("Module1Complete, to Module1Complete")
        << u"Module1Complete"_s << u"to Module1Complete"_s << true;
    QTest::newRow("DeviceComplete, to Module1Complete (past it)")
        << u"DeviceComplete"_s << u"to Module1Complete"_s << true;
    QTest::newRow("Module1Complete, full.json (not there yet)")
        << u"Module1Complete"_s << u"full.json"_s << false;
    QTest::newRow("DeviceComplete, a recipe that changes nothing")
        << u"DeviceComplete"_s << u"changes nothing"_s << false;
}

void tst_FinishedDevice::deviceInFinalState()
{
    QFETCH(QString, state);
    QFETCH(QString, recipe);
    QFETCH(bool, refused);

    SimBench bench;
    QVERIFY(bench.create(1, {u"--state"_s, state}));
    QCOMPARE(bench.manufacturingState(u"1211"_s), state);
    const QJsonObject before = deviceOnBench(bench);
    QVERIFY(!before.isEmpty());
    const QString record = bench.recordPath();

    const StationProcess::Exit run = runStation(bench, recipeFile(bench, recipe), record);
    const QString output = run.out + run.err;
    const QList<QVariantList> runs = StationProcess::rows(
        record, u"SELECT id, outcome, error_code, cause, device_id FROM runs"_s);
    QCOMPARE(runs.size(), 1);
    const qint64 runId = runs.first().at(0).toLongLong();
    const QString deviceId = runs.first().at(4).toString();
    QCOMPARE(deviceId.size(), 128);
    // details ran and recorded the device in either case.
    QCOMPARE(StationProcess::value(record, u"SELECT count(*) FROM steps WHERE type = 'details'"_s),
        u"1"_s);

    if (!refused) {
        QVERIFY2(runs.first().at(2).toString() != "DeviceFinalized"_L1, qPrintable(output));
        QCOMPARE(
            StationProcess::value(record, u"SELECT outcome FROM steps WHERE type = 'details'"_s),
            u"PASS"_s);
        if (recipe == "changes nothing"_L1) {
            QVERIFY2(run.exitCode == 0, qPrintable(output));
            QCOMPARE(runs.first().at(1).toString(), u"PASS"_s);
            QCOMPARE(deviceOnBench(bench), before);
        }
        return;
    }

    QVERIFY2(run.exitCode == 1, qPrintable(output));
    QCOMPARE(runs.first().at(1).toString(), u"FAIL"_s);
    QCOMPARE(runs.first().at(2).toString(), u"DeviceFinalized"_s);
    const QString cause = runs.first().at(3).toString();
    QVERIFY2(
        cause.startsWith(u"Device %1 is already %2 (no run in this record finalized it)."_s.arg(
            shortId(deviceId), state)),
        qPrintable(cause));
    QVERIFY2(cause.contains(u"the run stops before any change"_s), qPrintable(cause));
    // It stopped at details: nothing after it ran.
    QCOMPARE(StationProcess::value(record,
                 u"SELECT group_concat(type || ' ' || outcome, ', ') FROM "
                 "(SELECT type, outcome FROM steps ORDER BY seq)"_s),
        u"connect PASS, details FAIL"_s);
    QCOMPARE(StationProcess::value(record,
                 u"SELECT error_code || ': ' || remedy FROM steps WHERE type = 'details'"_s),
        u"DeviceFinalized: Set the device aside with the finished devices; check its label "
        "against the record."_s);
    // No command that changes a device was sent, and the device is as it was.
    QCOMPARE(changingCommands(record, runId), QStringList());
    QVERIFY(StationProcess::value(record, u"SELECT count(*) FROM commands"_s).toInt() > 0);
    QCOMPARE(deviceOnBench(bench), before);
    QCOMPARE(bench.manufacturingState(u"1211"_s), state);
    QVERIFY2(run.out.contains(u"[DeviceFinalized]"_s), qPrintable(run.out));
}

void tst_FinishedDevice::finalizedByEarlierRunOfThisRecord()
{
    SimBench bench;
    QVERIFY(bench.create(1));
    const QString record = bench.recordPath();
    const StationProcess::Exit first = runStation(bench, FullRecipe, record);
    QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
    QCOMPARE(bench.manufacturingState(u"1211"_s), u"DeviceComplete"_s);
    const QString firstRun = StationProcess::value(record, u"SELECT max(id) FROM runs"_s);
    const QString finalized = StationProcess::value(
        record, u"SELECT substr(s.finished_utc, 1, 16) FROM steps s WHERE s.type = 'finalize'"_s);
    QVERIFY(!finalized.isEmpty());

    // The same device put back into a fixture.
    const QJsonObject before = deviceOnBench(bench);
    const StationProcess::Exit again = runStation(bench, FullRecipe, record);
    QVERIFY2(again.exitCode == 1, qPrintable(again.out + again.err));
    const QList<QVariantList> last = StationProcess::rows(record,
        u"SELECT id, outcome, error_code, cause, device_id FROM runs ORDER BY id DESC LIMIT 1"_s);
    QCOMPARE(last.size(), 1);
    QCOMPARE(last.first().at(1).toString(), u"FAIL"_s);
    QCOMPARE(last.first().at(2).toString(), u"DeviceFinalized"_s);
    const QString deviceId = last.first().at(4).toString();
    QCOMPARE(last.first().at(3).toString(),
        u"Device %1 is already DeviceComplete: run %2 finalized it (%3 UTC, station line-3). "
        "This recipe (to DeviceComplete) would change it; the run stops before any change."_s.arg(
            shortId(deviceId), firstRun, QString(finalized).replace(u'T', u' ')));
    const QJsonObject data = QJsonDocument::fromJson(
        StationProcess::value(record,
            u"SELECT data FROM steps WHERE type = 'details' AND run_id = ?"_s,
            {last.first().at(0)})
            .toUtf8())
                                 .object();
    QCOMPARE(data.value(u"finalizedByRun"_s).toInteger(), firstRun.toLongLong());
    QCOMPARE(changingCommands(record, last.first().at(0).toLongLong()), QStringList());
    QCOMPARE(deviceOnBench(bench), before);

    // Another record knows no run that finalized it, and says so.
    const QString otherRecord = bench.path() + u"/other.sqlite"_s;
    const StationProcess::Exit elsewhere = runStation(bench, FullRecipe, otherRecord);
    QVERIFY2(elsewhere.exitCode == 1, qPrintable(elsewhere.out + elsewhere.err));
    QVERIFY2(StationProcess::value(otherRecord, u"SELECT cause FROM runs"_s)
                 .contains(u"(no run in this record finalized it)"_s),
        qPrintable(StationProcess::value(otherRecord, u"SELECT cause FROM runs"_s)));
}

// The hand-off to cloud configuration (docs/handoff.md) after a real run: the run records the
// recipe's "cloud" names, and its finalize step what the hand-off looks for.
void tst_FinishedDevice::handoffNamesTheRecipesCloud()
{
    SimBench bench;
    QVERIFY(bench.create(1));
    QFile full(FullRecipe);
    QVERIFY(full.open(QIODevice::ReadOnly));
    QJsonObject recipe = QJsonDocument::fromJson(full.readAll()).object();
    recipe.insert(u"cloud"_s,
        QJsonObject {{u"product"_s, u"Contoso DW100"_s}, {u"device_group"_s, u"Field Test"_s}});
    QByteArray json = QJsonDocument(recipe).toJson();
    const QByteArray assets = "\"" + (SimBench::recipesDir() + u"/sim-assets/"_s).toUtf8();
    json.replace("\"sim-assets/", assets);
    const QString path = bench.path() + u"/cloud.json"_s;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();

    const QString record = bench.recordPath();
    const StationProcess::Exit ran = runStation(bench, path, record);
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.out + ran.err));
    const QString deviceId = StationProcess::value(record, u"SELECT device_id FROM runs"_s);
    QCOMPARE(deviceId.size(), 128);
    QCOMPARE(StationProcess::value(record, u"SELECT product_name FROM runs"_s), u"Contoso DW100"_s);

    const Station::Result<Station::HandoffReport> report
        = Station::collectHandoff(record, Station::TimeRange {});
    QVERIFY2(report, qPrintable(report ? QString() : report.error().detail));
    QCOMPARE(report->devices.size(), 1);
    QCOMPARE(report->devices.first().deviceId, deviceId);
    QCOMPARE(report->devices.first().productName, u"Contoso DW100"_s);
    QCOMPARE(report->devices.first().deviceGroupName, u"Field Test"_s);
}

QTEST_GUILESS_MAIN(tst_FinishedDevice)

#include "tst_finisheddevice.moc"
