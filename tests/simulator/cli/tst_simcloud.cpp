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
    void wifiShowEnableDisable();
    void wifiScanAndReload();
    void capabilityFiles();

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
                       " ==================================== =======\n"
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
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("err");

    const QString notPresent = QStringLiteral("error: Application is not present.\n");
    const QString rfTest = QStringLiteral("508eddf2-b8c3-4a99-93d9-a045d9a060eb");
    const QString absent = QStringLiteral("11111111-2222-3333-4444-555555555555");
    QTest::newRow("start, absent component")
        << QStringLiteral("Blank") << QStringLiteral("device app start -i ") + absent << 1
        << notPresent;
    QTest::newRow("stop, not an application")
        << QStringLiteral("Blank") << QStringLiteral("device app stop -i ") + rfTest << 1
        << notPresent;
    QTest::newRow("show-status, absent component")
        << QStringLiteral("Blank") << QStringLiteral("device app show-status -i ") + absent << 1
        << notPresent;
    QTest::newRow("start, bad guid")
        << QStringLiteral("Blank") << QStringLiteral("device app start -i nope") << 2
        << usageText(QStringLiteral("azsphere device app start"),
               QStringLiteral("argument --component-id/-i: invalid guid value: 'nope'"));
    QTest::newRow("wifi show, unknown id")
        << QStringLiteral("Blank") << QStringLiteral("device wifi show -i 4") << 1
        << QStringLiteral("error: Network not found.\n");
    QTest::newRow("wifi enable, unknown id")
        << QStringLiteral("Blank") << QStringLiteral("device wifi enable -i 4") << 1
        << QStringLiteral("error: Network not found.\n");
    QTest::newRow("wifi disable, no id")
        << QStringLiteral("Blank") << QStringLiteral("device wifi disable") << 2
        << usageText(QStringLiteral("azsphere device wifi disable"),
               QStringLiteral("the following arguments are required: --id/-i"));
    QTest::newRow("app start, nothing attached")
        << QStringLiteral("none") << QStringLiteral("device app start") << 1
        << QStringLiteral("error: Could not connect to the device; please ensure it is "
                          "attached.\n");
}

void tst_SimCloud::appErrors()
{
    QFETCH(QString, state);
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    QFETCH(QString, err);
    Bench bench;
    if (state != QStringLiteral("none"))
        QVERIFY(bench.create(1, {QStringLiteral("--state"), state}));
    const RunResult r = bench.az(words(command));
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
                       " == =========== =========== =============== ============= ============ "
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

QTEST_GUILESS_MAIN(tst_SimCloud)
#include "tst_simcloud.moc"
