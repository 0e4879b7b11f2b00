// The contract's §11 additions to the legacy simulator: device app start/stop/show-status, the
// sideload deployment timeout, wifi show/enable/disable/scan/reload-config, recover with a binary
// capability file, and the simulated cloud (tenant, product, device-group, device claim/update).

#include "simclitest.h"

#include <QTest>

using namespace SimTest;

namespace {

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

const QString ProductCid = QStringLiteral("faf2e037-cfe9-5548-8a65-5f94c56a0d1e");
const QString PermissionText = QStringLiteral(
    "You do not have permission to perform this operation on this device. Permission denied; "
    "application development capability may be required ('azsphere device enable-development').");

QString appStatusJson(const QString &state)
{
    return QStringLiteral("[\n  {\n    \"componentId\": \"%1\",\n    \"state\": \"%2\"\n  }\n]\n")
        .arg(ProductCid, state);
}

} // namespace

class tst_SimCloud : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void appCommands();
    void appErrors_data();
    void appErrors();
    void deploymentTimeout();
    void azDeviceAdditions();
    void wifiShowEnableDisable();
    void wifiScanAndReload();
    void capabilityFiles();
    void cloudHandOff();
    void cloudTables();
    void cloudErrors_data();
    void cloudErrors();
    void claimRace();
    void sphereSimCloud();

private:
    QStringList deployArgs(bool manual) const
    {
        QStringList args = words(QStringLiteral("device sideload deploy -p"));
        args << m_assets.path(QStringLiteral("apps/ProductApp.imagepackage"));
        if (manual)
            args << QStringLiteral("-m");
        return args;
    }

    Bench m_assetBench;
    Assets m_assets;
};

void tst_SimCloud::initTestCase()
{
    QVERIFY(m_assets.make(m_assetBench));
}

void tst_SimCloud::appCommands()
{
    Bench bench;
    QVERIFY(bench.create(1, {QStringLiteral("--os"), QStringLiteral("26.09")}));
    // No application: an empty list.
    RunResult r = bench.az(words(QStringLiteral("device app show-status -o json")));
    QCOMPARE(r.out, QStringLiteral("[]\n"));
    QCOMPARE(r.exitCode, 0);

    // Deployed with -m: stopped until `app start`.
    r = bench.az(deployArgs(true));
    QVERIFY(r.out.endsWith(QStringLiteral(
        "The application was not automatically started. Use 'azsphere device app start' to "
        "start it.\n")));
    r = bench.az(words(QStringLiteral("device app show-status -o json")));
    QCOMPARE(r.out, appStatusJson(QStringLiteral("stopped")));
    r = bench.az(words(QStringLiteral("device app start -i ") + ProductCid.toUpper()
        + QStringLiteral(" -o json")));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, appStatusJson(QStringLiteral("running")));
    QCOMPARE(r.exitCode, 0);
    r = bench.az(words(QStringLiteral("device app show-status -i ") + ProductCid));
    QCOMPARE(r.out,
        QStringLiteral(" ------------------------------------ -------\n"
                       " ComponentId                          State\n"
                       " ============================================\n"
                       " %1 running\n"
                       " ------------------------------------ -------\n")
            .arg(ProductCid));
    // stop without -i acts on every application; the state is kept in the bench.
    r = bench.az(words(QStringLiteral("device app stop -o json")));
    QCOMPARE(r.out, appStatusJson(QStringLiteral("stopped")));
    QCOMPARE(bench.az(words(QStringLiteral("device app show-status -o json"))).out,
        appStatusJson(QStringLiteral("stopped")));
    // Starting a running application again is fine.
    QCOMPARE(bench.az(words(QStringLiteral("device app start"))).exitCode, 0);
    r = bench.az(words(QStringLiteral("device app start -o json")));
    QCOMPARE(r.out, appStatusJson(QStringLiteral("running")));
    // A restart starts every application.
    QCOMPARE(bench.az(words(QStringLiteral("device app stop"))).exitCode, 0);
    QCOMPARE(bench.az(words(QStringLiteral("device restart"))).exitCode, 0);
    QCOMPARE(bench.az(words(QStringLiteral("device app show-status -o json"))).out,
        appStatusJson(QStringLiteral("running")));
}

void tst_SimCloud::appErrors_data()
{
    QTest::addColumn<QString>("tool"); // "azsphere" or "az" (which gets "sphere" first)
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("err");

    const QString notPresent = QStringLiteral("error: Application is not present.\n");
    const QString rfTest = QStringLiteral("508eddf2-b8c3-4a99-93d9-a045d9a060eb");
    const QString absent = QStringLiteral("11111111-2222-3333-4444-555555555555");
    QTest::newRow("start, absent component")
        << QStringLiteral("azsphere") << QStringLiteral("Blank")
        << QStringLiteral("device app start -i ") + absent << 1 << notPresent;
    QTest::newRow("stop, not an application")
        << QStringLiteral("azsphere") << QStringLiteral("Blank")
        << QStringLiteral("device app stop -i ") + rfTest << 1 << notPresent;
    QTest::newRow("show-status, absent component")
        << QStringLiteral("azsphere") << QStringLiteral("Blank")
        << QStringLiteral("device app show-status -i ") + absent << 1 << notPresent;
    QTest::newRow("start, bad guid")
        << QStringLiteral("azsphere") << QStringLiteral("Blank")
        << QStringLiteral("device app start -i nope") << 2
        << usageText(QStringLiteral("azsphere device app start"),
               QStringLiteral("argument --component-id/-i: invalid guid value: 'nope'"));
    QTest::newRow("wifi show, unknown id") << QStringLiteral("azsphere") << QStringLiteral("Blank")
                                           << QStringLiteral("device wifi show -i 4") << 1
                                           << QStringLiteral("error: Network not found.\n");
    QTest::newRow("wifi enable, unknown id")
        << QStringLiteral("azsphere") << QStringLiteral("Blank")
        << QStringLiteral("device wifi enable -i 4") << 1
        << QStringLiteral("error: Network not found.\n");
    QTest::newRow("wifi disable, no id")
        << QStringLiteral("azsphere") << QStringLiteral("Blank")
        << QStringLiteral("device wifi disable") << 2
        << usageText(QStringLiteral("azsphere device wifi disable"),
               QStringLiteral("the following arguments are required: --id/-i"));
    QTest::newRow("app start, nothing attached")
        << QStringLiteral("azsphere") << QStringLiteral("none")
        << QStringLiteral("device app start") << 1
        << QStringLiteral("error: Could not connect to the device; please ensure it is "
                          "attached.\n");
    // The same errors in the az dialect: `ERROR: ` and, for parser errors, az's trailer.
    const QString trailer = QStringLiteral("\nExamples from AI knowledge base:\n"
                                           "https://aka.ms/cli_ref\n"
                                           "Read more about the command in reference docs\n");
    const QString az = QStringLiteral("az");
    QTest::newRow("az: start, absent component")
        << az << QStringLiteral("Blank") << QStringLiteral("device app start -i ") + absent << 1
        << QStringLiteral("ERROR: Application is not present.\n");
    QTest::newRow("az: show-status, not an application")
        << az << QStringLiteral("Blank") << QStringLiteral("device app show-status -i ") + rfTest
        << 1 << QStringLiteral("ERROR: Application is not present.\n");
    QTest::newRow("az: stop, bad guid")
        << az << QStringLiteral("Blank") << QStringLiteral("device app stop -i nope") << 2
        << QStringLiteral("ERROR: argument --component-id/-i: invalid guid value: 'nope'\n")
            + trailer;
    QTest::newRow("az: app start, nothing attached")
        << az << QStringLiteral("none") << QStringLiteral("device app start") << 1
        << QStringLiteral("ERROR: Could not connect to the device; please ensure it is "
                          "attached.\n");
    QTest::newRow("az: wifi show, unknown id")
        << az << QStringLiteral("Blank") << QStringLiteral("device wifi show -i 4") << 1
        << QStringLiteral("ERROR: Network not found.\n");
    QTest::newRow("az: wifi enable, unknown id")
        << az << QStringLiteral("Blank") << QStringLiteral("device wifi enable -i 4") << 1
        << QStringLiteral("ERROR: Network not found.\n");
    QTest::newRow("az: wifi disable, no id")
        << az << QStringLiteral("Blank") << QStringLiteral("device wifi disable") << 2
        << QStringLiteral("ERROR: the following arguments are required: --id/-i\n") + trailer;
    QTest::newRow("az: wifi scan, locked device")
        << az << QStringLiteral("DeviceComplete") << QStringLiteral("device wifi scan") << 1
        << QStringLiteral("ERROR: ") + PermissionText + QLatin1Char('\n');
    QTest::newRow("az: wifi reload-config, locked device")
        << az << QStringLiteral("DeviceComplete") << QStringLiteral("device wifi reload-config")
        << 1 << QStringLiteral("ERROR: ") + PermissionText + QLatin1Char('\n');
    QTest::newRow("az: set-deployment-timeout 0")
        << az << QStringLiteral("Blank")
        << QStringLiteral("device sideload set-deployment-timeout -v 0") << 2
        << QStringLiteral("ERROR: argument --value/-v: must be a positive number of seconds\n")
            + trailer;
    QTest::newRow("az: set-deployment-timeout, not a number")
        << az << QStringLiteral("Blank")
        << QStringLiteral("device sideload set-deployment-timeout -v soon") << 2
        << QStringLiteral("ERROR: argument --value/-v: invalid int value: 'soon'\n") + trailer;
}

void tst_SimCloud::appErrors()
{
    QFETCH(QString, tool);
    QFETCH(QString, state);
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    QFETCH(QString, err);
    Bench bench;
    if (state != QStringLiteral("none"))
        QVERIFY(bench.create(1, {QStringLiteral("--state"), state}));
    const RunResult r = tool == QStringLiteral("az")
        ? bench.azCli(QStringList {QStringLiteral("sphere")} + words(command))
        : bench.az(words(command));
    QCOMPARE(r.err, err);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.exitCode, exitCode);
}

void tst_SimCloud::deploymentTimeout()
{
    Bench bench;
    QVERIFY(bench.create(1));
    const QString table = QStringLiteral(" -----------------\n DeploymentTimeout\n"
                                         " =================\n %1\n -----------------\n");
    RunResult r = bench.az(words(QStringLiteral("device sideload show-deployment-timeout")));
    QCOMPARE(r.out, table.arg(60));
    QCOMPARE(r.exitCode, 0);
    r = bench.az(words(QStringLiteral("device sideload set-deployment-timeout -v 300 -o json")));
    QCOMPARE(r.out, QStringLiteral("{\n  \"deploymentTimeout\": 300\n}\n"));
    QCOMPARE(r.exitCode, 0);
    r = bench.az(words(QStringLiteral("device sideload show-deployment-timeout -o json")));
    QCOMPARE(r.out, QStringLiteral("{\n  \"deploymentTimeout\": 300\n}\n"));
    r = bench.az(words(QStringLiteral("device sideload set-deployment-timeout --value=45")));
    QCOMPARE(r.out, table.arg(45));

    const QString prog = QStringLiteral("azsphere device sideload set-deployment-timeout");
    r = bench.az(words(QStringLiteral("device sideload set-deployment-timeout")));
    QCOMPARE(
        r.err, usageText(prog, QStringLiteral("the following arguments are required: --value/-v")));
    QCOMPARE(r.exitCode, 2);
    r = bench.az(words(QStringLiteral("device sideload set-deployment-timeout -v soon")));
    QCOMPARE(
        r.err, usageText(prog, QStringLiteral("argument --value/-v: invalid int value: 'soon'")));
    QCOMPARE(r.exitCode, 2);
    r = bench.az(words(QStringLiteral("device sideload set-deployment-timeout -v 0")));
    QCOMPARE(r.err,
        usageText(
            prog, QStringLiteral("argument --value/-v: must be a positive number of seconds")));
    QCOMPARE(r.exitCode, 2);
    // A host setting: it takes no --device.
    r = bench.az(words(QStringLiteral("device sideload show-deployment-timeout -d 1211")));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(bench.az(words(QStringLiteral("device sideload show-deployment-timeout"))).out,
        table.arg(45));
}

void tst_SimCloud::azDeviceAdditions()
{
    // The §11 device additions in the az dialect: JSON by default, status lines as WARNING:
    // lines on stderr (stdout empty), the same bench state.
    Bench bench(QStringLiteral("0.01"));
    QVERIFY(bench.create(1, {QStringLiteral("--os"), QStringLiteral("26.09")}));
    const auto az = [&](const QString &command) {
        return bench.azCli(QStringList {QStringLiteral("sphere")} + words(command));
    };
    RunResult r = az(QStringLiteral("device app show-status"));
    QCOMPARE(r.out, QStringLiteral("[]\n"));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    r = bench.azCli(QStringList {QStringLiteral("sphere")} + deployArgs(true));
    QCOMPARE(r.out, QString());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.startsWith(QStringLiteral("WARNING: Deploying '")));
    QCOMPARE(
        az(QStringLiteral("device app show-status")).out, appStatusJson(QStringLiteral("stopped")));
    r = az(QStringLiteral("device app start -i ") + ProductCid);
    QCOMPARE(r.out, appStatusJson(QStringLiteral("running")));
    QCOMPARE(r.err, QString());
    r = az(QStringLiteral("device app stop --query [0].state -o tsv"));
    QCOMPARE(r.out, QStringLiteral("stopped\n"));

    r = az(QStringLiteral("device sideload show-deployment-timeout"));
    QCOMPARE(r.out, QStringLiteral("{\n  \"deploymentTimeout\": 60\n}\n"));
    r = az(QStringLiteral("device sideload set-deployment-timeout -v 120 -o table"));
    QCOMPARE(r.out, QStringLiteral("DeploymentTimeout\n-------------------\n120\n"));
    QCOMPARE(r.exitCode, 0);
    // One setting for both tools.
    QCOMPARE(bench.az(words(QStringLiteral("device sideload show-deployment-timeout -o json"))).out,
        QStringLiteral("{\n  \"deploymentTimeout\": 120\n}\n"));

    QCOMPARE(az(QStringLiteral("device wifi add -s SIM-OPEN-AP")).exitCode, 0);
    r = az(QStringLiteral("device wifi disable -i 0 --query configState -o tsv"));
    QCOMPARE(r.out, QStringLiteral("disabled\n"));
    r = az(QStringLiteral("device wifi enable -i 0 --query configState -o tsv"));
    QCOMPARE(r.out, QStringLiteral("enabled\n"));
    QTRY_COMPARE_WITH_TIMEOUT(
        az(QStringLiteral("device wifi show -i 0 --query connectionState -o tsv")).out,
        QStringLiteral("connected\n"),
        20000);
    r = az(QStringLiteral("device wifi scan --query [].ssid -o tsv"));
    QCOMPARE(r.out, QStringLiteral("SIM-FACTORY-AP\nSIM-OPEN-AP\n"));
    r = az(QStringLiteral("device wifi reload-config"));
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, QStringLiteral("WARNING: Wi-Fi configuration reloaded.\n"));
    QCOMPARE(r.exitCode, 0);
    r = az(QStringLiteral("device wifi reload-config --only-show-errors -o json"));
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
}

void tst_SimCloud::wifiShowEnableDisable()
{
    Bench bench(QStringLiteral("0.01"));
    QVERIFY(bench.create(1));
    QCOMPARE(bench.az(words(QStringLiteral("device wifi add -s SIM-OPEN-AP --config-name line")))
                 .exitCode,
        0);
    const auto network = [](const char *configState, const char *connectionState) {
        return QStringLiteral("{\n  \"configName\": \"line\",\n  \"configState\": \"%1\",\n"
                              "  \"connectionState\": \"%2\",\n  \"id\": 0,\n"
                              "  \"securityState\": \"open\",\n  \"ssid\": \"SIM-OPEN-AP\",\n"
                              "  \"targetedScan\": false\n}\n")
            .arg(QLatin1String(configState), QLatin1String(connectionState));
    };
    // The radio connects 3 s (scaled) after add.
    QTRY_COMPARE_WITH_TIMEOUT(bench.az(words(QStringLiteral("device wifi show -i 0 -o json"))).out,
        network("enabled", "connected"),
        20000);
    RunResult r = bench.az(words(QStringLiteral("device wifi disable -i 0 -o json")));
    QCOMPARE(r.out, network("disabled", "disconnected"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(parseJson(bench.az(words(QStringLiteral("device wifi show-status -o json"))).out)
                 .object()
                 .value(QStringLiteral("connectionState"))
                 .toString(),
        QStringLiteral("disconnected"));
    // Like add, enable always prints the network disconnected: the radio connects later.
    r = bench.az(words(QStringLiteral("device wifi enable -i 0 -o json")));
    QCOMPARE(r.out, network("enabled", "disconnected"));
    QTRY_COMPARE_WITH_TIMEOUT(bench.az(words(QStringLiteral("device wifi show -i 0 -o json"))).out,
        network("enabled", "connected"),
        20000);
    // Table: the wifi list columns.
    r = bench.az(words(QStringLiteral("device wifi show --id 0")));
    QCOMPARE(r.out,
        QStringLiteral(" -- ----------- ----------- --------------- ------------- ------------ "
                       "----------\n"
                       " Id Ssid        ConfigState ConnectionState SecurityState TargetedScan "
                       "ConfigName\n"
                       " ======================================================================"
                       "==========\n"
                       " 0  SIM-OPEN-AP enabled     connected       open          False        "
                       "line\n"
                       " -- ----------- ----------- --------------- ------------- ------------ "
                       "----------\n"));
}

void tst_SimCloud::wifiScanAndReload()
{
    Bench bench(QStringLiteral("0.01"));
    QVERIFY(bench.create(1));
    RunResult r = bench.az(words(QStringLiteral("device wifi scan -o json")));
    QCOMPARE(r.exitCode, 0);
    const QJsonArray aps = parseJson(r.out).array();
    QCOMPARE(aps.size(), 2);
    QCOMPARE(aps.at(0)[QStringLiteral("ssid")].toString(), QStringLiteral("SIM-FACTORY-AP"));
    QCOMPARE(aps.at(0)[QStringLiteral("securityState")].toString(), QStringLiteral("psk"));
    QCOMPARE(aps.at(0)[QStringLiteral("signal_level")].toInt(), -48);
    QCOMPARE(aps.at(0)[QStringLiteral("freq")].toInt(), 2437);
    QCOMPARE(aps.at(1)[QStringLiteral("ssid")].toString(), QStringLiteral("SIM-OPEN-AP"));
    QCOMPARE(aps.at(1)[QStringLiteral("securityState")].toString(), QStringLiteral("open"));
    QVERIFY(aps.at(0)[QStringLiteral("bssid")].toString().startsWith(QStringLiteral("02:00:")));
    QCOMPARE(aps.at(0)[QStringLiteral("bssid")].toString().size(), 17);
    // The same BSSIDs on every scan.
    QCOMPARE(bench.az(words(QStringLiteral("device wifi scan -o json"))).out, r.out);
    r = bench.az(words(QStringLiteral("device wifi scan")));
    QVERIFY(r.out.contains(QStringLiteral(" Ssid           SecurityState Bssid")));

    QCOMPARE(bench.az(words(QStringLiteral("device wifi add -s SIM-OPEN-AP"))).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        parseJson(bench.az(words(QStringLiteral("device wifi show -i 0 -o json"))).out)
            .object()
            .value(QStringLiteral("connectionState"))
            .toString(),
        QStringLiteral("connected"),
        20000);
    const qint64 connectableBefore = bench.deviceState(1)
                                         .value(QStringLiteral("wifi"))
                                         .toArray()
                                         .at(0)[QStringLiteral("connectableAtMs")]
                                         .toInteger();
    r = bench.az(words(QStringLiteral("device wifi reload-config")));
    QCOMPARE(r.out, QStringLiteral("Wi-Fi configuration reloaded.\n"));
    QCOMPARE(r.exitCode, 0);
    // The radio drops the connection (it may connect from a later time on) and comes back.
    QVERIFY(bench.deviceState(1)
                .value(QStringLiteral("wifi"))
                .toArray()
                .at(0)[QStringLiteral("connectableAtMs")]
                .toInteger()
        > connectableBefore);
    QTRY_COMPARE_WITH_TIMEOUT(
        parseJson(bench.az(words(QStringLiteral("device wifi show -i 0 -o json"))).out)
            .object()
            .value(QStringLiteral("connectionState"))
            .toString(),
        QStringLiteral("connected"),
        20000);
}

void tst_SimCloud::capabilityFiles()
{
    Bench bench;
    QVERIFY(bench.create(1, {QStringLiteral("--state"), QStringLiteral("DeviceComplete")}));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("dev.cap"));
    RunResult r = bench.sim({QStringLiteral("capability"),
        QStringLiteral("create"),
        QStringLiteral("--device-id"),
        bench.deviceId(1),
        QStringLiteral("--capabilities"),
        QStringLiteral("EnableAppDevelopment"),
        QStringLiteral("--out"),
        file});
    QCOMPARE(r.out,
        QStringLiteral("Wrote capability file %1 for device %2: EnableAppDevelopment.\n")
            .arg(file, bench.deviceId(1)));
    QCOMPARE(r.exitCode, 0);
    // The layout: magic, version, data length, device ID, capability bytes, then metadata.
    const QByteArray bytes = readFile(file);
    QCOMPARE(bytes.left(12), QByteArray::fromHex("fd5cfd5c0100000080000000"));
    QCOMPARE(bytes.mid(12, 64).toHex(), bench.deviceId(1).toLatin1());
    QCOMPARE(bytes.mid(76, 2), QByteArray::fromHex("0b00"));
    QCOMPARE(bytes.mid(140, 4), QByteArray("4X4M"));
    // Applied by recover, which needs no other file.
    r = bench.az({QStringLiteral("device"),
        QStringLiteral("recover"),
        QStringLiteral("--capability"),
        file});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(bench.az(words(QStringLiteral("device capability show-attached -o json"))).out,
        QStringLiteral("[\n  \"EnableAppDevelopment\"\n]\n"));

    // Usage errors.
    const QString prog = QStringLiteral("sphere-sim capability create");
    const auto usage = [&](const QString &message) -> QString {
        return prog + QStringLiteral(": error: ") + message + QStringLiteral("\nRun '") + prog
            + QStringLiteral(" --help' for usage.\n");
    };
    r = bench.sim(
        words(QStringLiteral("capability create --device-id 12 --capabilities 11 --out x")));
    QCOMPARE(r.err, usage(QStringLiteral("argument --device-id: not a 128-hex device ID: '12'")));
    QCOMPARE(r.exitCode, 2);
    r = bench.sim(
        words(QStringLiteral("capability create --device 1211 --capabilities Foo --out x")));
    QCOMPARE(r.err, usage(QStringLiteral("argument --capabilities: unknown capability 'Foo'")));
    QCOMPARE(r.exitCode, 2);
    r = bench.sim(words(QStringLiteral("capability create --capabilities 11 --out x")));
    QCOMPARE(r.err, usage(QStringLiteral("give exactly one of --device or --device-id")));
    r = bench.sim(
        words(QStringLiteral("capability create --device 1299 --capabilities 11 --out x")));
    QCOMPARE(
        r.err, QStringLiteral("sphere-sim: error: no device '1299' in the bench's fixtures\n"));
    QCOMPARE(r.exitCode, 1);
}

namespace {

// Replaces {ID1}, {ID2}, ... with the bench's device IDs.
QStringList withIds(const Bench &bench, const QString &command)
{
    return words(withDeviceIds(command, bench));
}

} // namespace

void tst_SimCloud::cloudHandOff()
{
    // The calls of Microsoft's multi_board_ota_configuration.py, in its order.
    Bench bench;
    QVERIFY(bench.create(2, {QStringLiteral("--state"), QStringLiteral("DeviceComplete")}));
    RunResult r = bench.az(words(QStringLiteral("tenant show-selected -o json")));
    QCOMPARE(r.exitCode, 0);
    const QString tenantId = jsonOf(r).value(QStringLiteral("id")).toString();
    QCOMPARE(tenantId.size(), 36);
    QCOMPARE(jsonOf(r).value(QStringLiteral("name")).toString(),
        QStringLiteral("Sphere Station Factory"));
    r = bench.az(
        words(QStringLiteral("tenant select -t ") + tenantId + QStringLiteral(" -o json")));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(jsonOf(r).value(QStringLiteral("id")).toString(), tenantId);
    const QJsonArray tenants
        = parseJson(bench.az(words(QStringLiteral("tenant list -o json"))).out).array();
    QCOMPARE(tenants.size(), 1);
    QCOMPARE(tenants.at(0)[QStringLiteral("id")].toString(), tenantId);

    r = bench.az({QStringLiteral("product"),
        QStringLiteral("create"),
        QStringLiteral("--name"),
        QStringLiteral("Widget"),
        QStringLiteral("--description"),
        QStringLiteral("The widget"),
        QStringLiteral("-o"),
        QStringLiteral("json")});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    const QString productId = jsonOf(r).value(QStringLiteral("id")).toString();
    QCOMPARE(jsonOf(r),
        QJsonObject({{QStringLiteral("description"), QStringLiteral("The widget")},
            {QStringLiteral("id"), productId},
            {QStringLiteral("name"), QStringLiteral("Widget")},
            {QStringLiteral("tenantId"), tenantId}}));
    const QJsonArray products
        = parseJson(bench.az(words(QStringLiteral("product list -o json"))).out).array();
    QCOMPARE(products.size(), 1);
    QCOMPARE(products.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Widget"));
    QCOMPARE(products.at(0)[QStringLiteral("id")].toString(), productId);
    QCOMPARE(jsonOf(bench.az(words(QStringLiteral("product show -p widget -o json")))),
        products.at(0).toObject());

    r = bench.az(words(
        QStringLiteral("device-group create -p Widget -n Line3 -d line -f RetailEval -o json")));
    QCOMPARE(r.exitCode, 0);
    const QString groupId = jsonOf(r).value(QStringLiteral("id")).toString();
    QCOMPARE(jsonOf(r),
        QJsonObject({{QStringLiteral("description"), QStringLiteral("line")},
            {QStringLiteral("id"), groupId},
            {QStringLiteral("name"), QStringLiteral("Line3")},
            {QStringLiteral("osFeedType"), QStringLiteral("RetailEval")},
            {QStringLiteral("productId"), productId},
            {QStringLiteral("tenantId"), tenantId},
            {QStringLiteral("updatePolicy"), QStringLiteral("UpdateAll")}}));
    r = bench.az(words(QStringLiteral("device-group show --device-group Widget/Line3 -o json")));
    QCOMPARE(jsonOf(r).value(QStringLiteral("id")).toString(), groupId);
    QCOMPARE(jsonOf(bench.az(words(
                 QStringLiteral("device-group show -g ") + groupId + QStringLiteral(" -o json")))),
        jsonOf(r));
    // Five default groups plus Line3.
    const QJsonArray groups
        = parseJson(bench.az(words(QStringLiteral("device-group list -p Widget -o json"))).out)
              .array();
    QStringList names;
    for (const QJsonValue &g : groups)
        names.append(g[QStringLiteral("name")].toString());
    QCOMPARE(names,
        QStringList({QStringLiteral("Development"),
            QStringLiteral("Field Test"),
            QStringLiteral("Production"),
            QStringLiteral("Production OS Evaluation"),
            QStringLiteral("Field Test OS Evaluation"),
            QStringLiteral("Line3")}));

    r = bench.az(withIds(bench, QStringLiteral("device claim -d {ID1} --force")));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out,
        QStringLiteral("Successfully claimed device ID '%1' into tenant with ID '%2'.\n")
            .arg(bench.deviceId(1), tenantId));
    QCOMPARE(r.exitCode, 0);
    r = bench.az(withIds(
        bench, QStringLiteral("device update --device {ID1} --device-group Widget/Line3 -o json")));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(jsonOf(r),
        QJsonObject({{QStringLiteral("chipSku"), QStringLiteral("MT3620AN")},
            {QStringLiteral("deviceGroupId"), groupId},
            {QStringLiteral("deviceId"), bench.deviceId(1)},
            {QStringLiteral("productId"), productId},
            {QStringLiteral("tenantId"), tenantId}}));
    // Claim by IP address, and move it to a default group by ID.
    r = bench.az(words(QStringLiteral("device claim -d 192.168.35.3 --force")));
    QVERIFY(r.out.contains(bench.deviceId(2)));
    QCOMPARE(r.err, QString());
    r = bench.az(words(QStringLiteral("device update -d 1211 -g Widget/Line3 -o none")));
    QCOMPARE(r.err, pathWarning(QStringLiteral("192.168.35.2"), QStringLiteral("1211")));
    QCOMPARE(r.exitCode, 0);
    const QString production
        = jsonOf(bench.az(words(QStringLiteral("device-group show -g Widget/production -o json"))))
              .value(QStringLiteral("id"))
              .toString();
    r = bench.az(withIds(bench,
        QStringLiteral("device update -d {ID2} -g ") + production + QStringLiteral(" -o json")));
    QCOMPARE(jsonOf(r).value(QStringLiteral("deviceGroupId")).toString(), production);
    // IDs are reproducible: the same seed gives the same tenant, product and group IDs.
    Bench again;
    QVERIFY(again.create(1));
    QCOMPARE(jsonOf(again.az(words(QStringLiteral("tenant show-selected -o json"))))
                 .value(QStringLiteral("id"))
                 .toString(),
        tenantId);
    QCOMPARE(jsonOf(again.az(words(QStringLiteral(
                        "product create -n Widget --no-default-device-groups -o json"))))
                 .value(QStringLiteral("id"))
                 .toString(),
        productId);
    QCOMPARE(
        parseJson(again.az(words(QStringLiteral("device-group list -o json"))).out).array().size(),
        0);
}

void tst_SimCloud::cloudTables()
{
    Bench bench;
    QVERIFY(bench.create(1, {QStringLiteral("--state"), QStringLiteral("DeviceComplete")}));
    const QString tenantId = jsonOf(bench.az(words(QStringLiteral("tenant show-selected -o json"))))
                                 .value(QStringLiteral("id"))
                                 .toString();
    QCOMPARE(bench.az(words(QStringLiteral("tenant list"))).out,
        QStringLiteral(" ------------------------------------ ----------------------\n"
                       " Id                                   Name\n"
                       " ===========================================================\n"
                       " %1 Sphere Station Factory\n"
                       " ------------------------------------ ----------------------\n")
            .arg(tenantId));
    QCOMPARE(bench.az(words(QStringLiteral("tenant show-selected -o tsv"))).out,
        tenantId + QStringLiteral("\tSphere Station Factory\n"));
    const QString productId = jsonOf(
        bench.az(words(QStringLiteral("product create -n P1 --no-default-device-groups -o json"))))
                                  .value(QStringLiteral("id"))
                                  .toString();
    QCOMPARE(bench.az(words(QStringLiteral("product show -p P1 -o tsv"))).out,
        productId + QStringLiteral("\tP1\t\n"));
    RunResult r = bench.az(
        words(QStringLiteral("device-group create -p P1 -n G -a No3rdPartyAppUpdates -o tsv")));
    QVERIFY(r.out.endsWith(QStringLiteral("\tG\t\t") + productId
        + QStringLiteral("\tRetail\tNo3rdPartyAppUpdates\n")));
    QCOMPARE(bench.az(withIds(bench, QStringLiteral("device claim --force"))).exitCode, 0);
    r = bench.az(withIds(bench, QStringLiteral("device update -g P1/G -o tsv")));
    QVERIFY(r.out.startsWith(
        bench.deviceId(1) + QLatin1Char('\t') + tenantId + QLatin1Char('\t') + productId));
    QVERIFY(r.out.endsWith(QStringLiteral("\tMT3620AN\n")));
    QCOMPARE(bench.az(words(QStringLiteral("product list -o none"))).out, QString());
}

void tst_SimCloud::cloudErrors_data()
{
    addCloudErrorColumns();

    const QString complete = QStringLiteral("DeviceComplete");
    const auto line = [](const QString &text) -> QString {
        return QStringLiteral("error: ") + text + QLatin1Char('\n');
    };
    QTest::newRow("claim twice")
        << complete << QStringList {QStringLiteral("device claim -d {ID1} --force")}
        << QStringLiteral("device claim -d {ID1} --force") << 1
        << line(QStringLiteral(
               "Device '{ID1}' has already been claimed into tenant with ID '{TENANT}'."));
    QTest::newRow("claim twice, by IP")
        << complete << QStringList {QStringLiteral("device claim -d {ID1} --force")}
        << QStringLiteral("device claim -d 192.168.35.2 --force") << 1
        << line(QStringLiteral(
               "Device '{ID1}' has already been claimed into tenant with ID '{TENANT}'."));
    QTest::newRow("claim after selecting another tenant")
        << complete << QStringList {QStringLiteral("{SIM} cloud-second-tenant")}
        << QStringLiteral("device claim -d {ID1} --force") << 1
        << line(QStringLiteral(
               "Device '{ID1}' has already been claimed into tenant with ID '{TENANT}'."));
    QTest::newRow("claim unfinalized")
        << QStringLiteral("Module1Complete") << QStringList()
        << QStringLiteral("device claim -d {ID1} --force") << 1
        << line(QStringLiteral(
               "Device '{ID1}' cannot be claimed: its manufacturing state is 'Module1Complete'; "
               "only finalized (DeviceComplete) devices can be claimed."));
    QTest::newRow("claim blank")
        << QStringLiteral("Blank") << QStringList()
        << QStringLiteral("device claim -d {ID2} --force") << 1
        << line(QStringLiteral("Device '{ID2}' cannot be claimed: its manufacturing state is "
                               "'Blank'; only finalized (DeviceComplete) devices can be claimed."));
    QTest::newRow("claim unknown device")
        << complete << QStringList() << QStringLiteral("device claim -d {ID3} --force") << 1
        << line(QStringLiteral(
               "Device '{ID3}' is not known: no device of the simulator's bench has this ID."));
    QTest::newRow("claim without --force")
        << complete << QStringList() << QStringLiteral("device claim -d {ID1}") << 1
        << line(QStringLiteral("Claiming a device is permanent and this command cannot ask for "
                               "confirmation without a terminal; use --force."));
    QTest::newRow("claim, several attached, no -d")
        << complete << QStringList() << QStringLiteral("device claim --force") << 1
        << line(QStringLiteral("Multiple devices are attached; use --device to specify one."));
    QTest::newRow("claim, unknown IP")
        << complete << QStringList() << QStringLiteral("device claim -d 192.168.35.9 --force") << 1
        << line(QStringLiteral("Could not connect to the device; please ensure it is attached."));
    QTest::newRow("update unclaimed")
        << complete << QStringList()
        << QStringLiteral("device update -d {ID2} -g Widget/Development") << 1
        << line(QStringLiteral("Device '{ID2}' is not claimed into tenant with ID '{TENANT}'."));
    QTest::newRow("update unknown group")
        << complete << QStringList {QStringLiteral("device claim -d {ID1} --force")}
        << QStringLiteral("device update -d {ID1} -g Widget/Line9") << 1
        << line(QStringLiteral("Device group 'Widget/Line9' was not found."));
    QTest::newRow("update without group")
        << complete << QStringList() << QStringLiteral("device update -d {ID1}") << 2
        << usageText(QStringLiteral("azsphere device update"),
               QStringLiteral("the following arguments are required: --device-group/-g"));
    QTest::newRow("product create duplicate")
        << complete << QStringList() << QStringLiteral("product create -n widget") << 1
        << line(QStringLiteral("A product with the name 'widget' already exists."));
    QTest::newRow("product create with '/'")
        << complete << QStringList() << QStringLiteral("product create -n a/b") << 1
        << line(QStringLiteral("The name 'a/b' is not valid: it must not contain '/'."));
    QTest::newRow("product create without name")
        << complete << QStringList() << QStringLiteral("product create") << 2
        << usageText(QStringLiteral("azsphere product create"),
               QStringLiteral("the following arguments are required: --name/-n"));
    QTest::newRow("product show unknown")
        << complete << QStringList() << QStringLiteral("product show -p Gadget") << 1
        << line(QStringLiteral("Product 'Gadget' was not found."));
    QTest::newRow("device-group create, unknown product")
        << complete << QStringList() << QStringLiteral("device-group create -p Gadget -n G") << 1
        << line(QStringLiteral("Product 'Gadget' was not found."));
    QTest::newRow("device-group create duplicate")
        << complete << QStringList()
        << QStringLiteral("device-group create -p Widget -n production") << 1
        << line(QStringLiteral(
               "A device group with the name 'production' already exists in product 'Widget'."));
    QTest::newRow("device-group create, bad OS feed")
        << complete << QStringList() << QStringLiteral("device-group create -p Widget -n G -f Beta")
        << 2
        << usageText(QStringLiteral("azsphere device-group create"),
               QStringLiteral("argument --os-feed/-f: invalid choice: 'Beta' (choose from "
                              "'Retail', 'RetailEval')"));
    QTest::newRow("device-group show unknown")
        << complete << QStringList() << QStringLiteral("device-group show -g Widget/Nope") << 1
        << line(QStringLiteral("Device group 'Widget/Nope' was not found."));
    QTest::newRow("device-group list, unknown product")
        << complete << QStringList() << QStringLiteral("device-group list -p Gadget") << 1
        << line(QStringLiteral("Product 'Gadget' was not found."));
    QTest::newRow("tenant select unknown")
        << complete << QStringList() << QStringLiteral("tenant select -t Elsewhere") << 1
        << line(QStringLiteral("Tenant 'Elsewhere' was not found."));
    QTest::newRow("no tenant selected")
        << complete << QStringList {QStringLiteral("{SIM} cloud-no-selection")}
        << QStringLiteral("product list") << 1
        << line(QStringLiteral("No tenant is selected. Use 'azsphere tenant select --tenant "
                               "<tenant-id>' to select one."));
    QTest::newRow("no bench") << QStringLiteral("none") << QStringList()
                              << QStringLiteral("tenant list") << 1
                              << line(
                                     QStringLiteral("Could not reach the simulated cloud: there is "
                                                    "no simulator bench (set AZSPHERE_SIM_HOME)."));
}

void tst_SimCloud::cloudErrors()
{
    QFETCH(QString, state);
    QFETCH(QStringList, setup);
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    QFETCH(QString, err);
    Bench bench;
    QString tenantId;
    if (state != QStringLiteral("none")) {
        QVERIFY(bench.create(2, {QStringLiteral("--state"), state}));
        tenantId = jsonOf(bench.az(words(QStringLiteral("tenant show-selected -o json"))))
                       .value(QStringLiteral("id"))
                       .toString();
        QCOMPARE(bench.az(words(QStringLiteral("product create -n Widget"))).exitCode, 0);
    }
    for (const QString &step : setup) {
        RunResult r;
        if (step == QStringLiteral("{SIM} cloud-no-selection"))
            r = bench.sim(words(QStringLiteral("cloud reset --no-selection")));
        else if (step == QStringLiteral("{SIM} cloud-second-tenant")) {
            r = bench.sim({QStringLiteral("cloud"),
                QStringLiteral("reset"),
                QStringLiteral("--tenants"),
                QStringLiteral("Sphere Station Factory,Plant B")});
            QCOMPARE(r.exitCode, 0);
            // Claimed into the first tenant, then the other one is selected.
            QCOMPARE(
                bench.az(withIds(bench, QStringLiteral("device claim -d {ID1} --force"))).exitCode,
                0);
            r = bench.az({QStringLiteral("tenant"),
                QStringLiteral("select"),
                QStringLiteral("-t"),
                QStringLiteral("Plant B")});
        } else
            r = bench.az(withIds(bench, step));
        QCOMPARE(r.exitCode, 0);
    }
    err.replace(QStringLiteral("{TENANT}"), tenantId);
    const RunResult r = bench.az(withIds(bench, command));
    QCOMPARE(r.err, withDeviceIds(err, bench));
    QCOMPARE(r.out, QString());
    QCOMPARE(r.exitCode, exitCode);
}

void tst_SimCloud::claimRace()
{
    // Two claims of one device at the same moment: the cloud lock lets exactly one win.
    Bench bench(QStringLiteral("0.01"));
    QVERIFY(bench.create(1, {QStringLiteral("--state"), QStringLiteral("DeviceComplete")}));
    QObject owner;
    const QStringList args = withIds(bench, QStringLiteral("device claim -d {ID1} --force"));
    QProcess *winner = nullptr;
    QProcess *loser = nullptr;
    runRace(bench, azsphereProgram(), args, &owner, &winner, &loser);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QString::fromUtf8(loser->readAllStandardError())
                .contains(QStringLiteral("has already been claimed")));
    // The cloud holds the device once.
    const QJsonObject cloud
        = parseJson(bench.sim(words(QStringLiteral("cloud show"))).out).object();
    const QJsonArray devices = cloud.value(QStringLiteral("tenants"))
                                   .toArray()
                                   .at(0)[QStringLiteral("devices")]
                                   .toArray();
    QCOMPARE(devices.size(), 1);
    QCOMPARE(devices.at(0)[QStringLiteral("deviceId")].toString(), bench.deviceId(1));
}

void tst_SimCloud::sphereSimCloud()
{
    Bench bench;
    QVERIFY(bench.create(1));
    RunResult r = bench.sim({QStringLiteral("cloud"),
        QStringLiteral("reset"),
        QStringLiteral("--tenants"),
        QStringLiteral("Plant A, Plant B")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray tenants
        = parseJson(bench.az(words(QStringLiteral("tenant list -o json"))).out).array();
    QCOMPARE(tenants.size(), 2);
    QCOMPARE(r.out,
        QStringLiteral("Tenant %1 'Plant A' (selected)\nTenant %2 'Plant B'\n")
            .arg(tenants.at(0)[QStringLiteral("id")].toString(),
                tenants.at(1)[QStringLiteral("id")].toString()));
    QCOMPARE(jsonOf(bench.az(words(QStringLiteral("tenant show-selected -o json"))))
                 .value(QStringLiteral("name"))
                 .toString(),
        QStringLiteral("Plant A"));
    r = bench.sim(words(QStringLiteral("cloud show")));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(parseJson(r.out).object().value(QStringLiteral("tenants")).toArray().size(), 2);
    // A new bench starts with the default cloud again.
    QVERIFY(bench.create(1));
    QCOMPARE(
        parseJson(bench.az(words(QStringLiteral("tenant list -o json"))).out).array().size(), 1);
    r = bench.sim(words(QStringLiteral("cloud reset --tenants a/b")));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("it must not contain '/'")));
    r = bench.sim(words(QStringLiteral("cloud frob")));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err,
        QStringLiteral("sphere-sim cloud: error: invalid choice: 'frob' (choose from 'reset', "
                       "'show')\nRun 'sphere-sim cloud --help' for usage.\n"));
}

QTEST_GUILESS_MAIN(tst_SimCloud)
#include "tst_simcloud.moc"
