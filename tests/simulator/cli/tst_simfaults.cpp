// Injected faults (REFERENCE.md §4.5) as the station sees them from outside: every kind that
// acts on azsphere, and the probability / count / command rules of `sphere-sim fault set`.

#include "simclitest.h"

#include <QTest>

using namespace SimTest;

namespace {

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

const QString NotResponding
    = QStringLiteral("error: The device is not responding. The device may be unresponsive if it is "
                     "applying an Azure Sphere operating "
                     "system update; please retry in a few minutes.\n");
const QString CouldNotConnect
    = QStringLiteral("error: Could not connect to the device; please ensure it is attached.\n");

} // namespace

class tst_SimFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hang();
    void hangOnBenchWideCommand();
    void garbage();
    void notResponding();
    void slow();
    void restartNeverReturns();
    void unplugMidStep();
    void recoverFails_data();
    void recoverFails();
    void deployFaults_data();
    void deployFaults();
    void probabilityCountAndCommand();
    void reproducibleDraws();
    void ioKindsAreStored();
    void clear();

private:
    QStringList deploy(const QString &relative) const
    {
        return {QStringLiteral("device"),
            QStringLiteral("sideload"),
            QStringLiteral("deploy"),
            QStringLiteral("-p"),
            m_assets.path(relative)};
    }
    Bench m_assetBench;
    Assets m_assets;
};

void tst_SimFaults::initTestCase()
{
    QVERIFY(m_assets.make(m_assetBench));
}

void tst_SimFaults::hang()
{
    Bench bench;
    QVERIFY(bench.create(2));
    QCOMPARE(
        bench.sim(words(QStringLiteral("fault set --device 1211 hang --count 1"))).exitCode, 0);
    // At time scale 0 every command ends at once; a hung one does not end at all.
    const RunResult hung
        = bench.az(words(QStringLiteral("device show-attached -d 192.168.35.2")), 1500);
    QVERIFY(!hung.finished);
    QCOMPARE(hung.out, QString());
    // The fault was used up, the device lock released and the other device never affected.
    QCOMPARE(bench.az(words(QStringLiteral("device show-attached -d 192.168.35.2"))).exitCode, 0);
    QCOMPARE(bench.az(words(QStringLiteral("device show-attached -d 192.168.35.3"))).exitCode, 0);
}

void tst_SimFaults::hangOnBenchWideCommand()
{
    Bench bench;
    QVERIFY(bench.create(2));
    // Without --command a fault acts on device commands only, never on list-attached.
    QCOMPARE(bench.sim(words(QStringLiteral("fault set --device 1212 hang"))).exitCode, 0);
    QCOMPARE(bench.az(words(QStringLiteral("device list-attached -o json")), 5000).exitCode, 0);
    QCOMPARE(bench.sim(words(QStringLiteral("fault clear"))).exitCode, 0);
    QCOMPARE(bench
                 .sim({QStringLiteral("fault"),
                     QStringLiteral("set"),
                     QStringLiteral("--device"),
                     QStringLiteral("1212"),
                     QStringLiteral("hang"),
                     QStringLiteral("--command"),
                     QStringLiteral("list-attached"),
                     QStringLiteral("--count"),
                     QStringLiteral("1")})
                 .exitCode,
        0);
    QVERIFY(!bench.az(words(QStringLiteral("device list-attached -o json")), 1500).finished);
    QCOMPARE(bench.az(words(QStringLiteral("device list-attached -o json"))).exitCode, 0);
    QCOMPARE(bench
                 .sim({QStringLiteral("fault"),
                     QStringLiteral("set"),
                     QStringLiteral("--all"),
                     QStringLiteral("garbage"),
                     QStringLiteral("--command"),
                     QStringLiteral("rescan-attached"),
                     QStringLiteral("--count"),
                     QStringLiteral("1")})
                 .exitCode,
        0);
    const RunResult g = bench.az(words(QStringLiteral("device rescan-attached -o json")));
    QCOMPARE(g.exitCode, 0);
    bool ok = true;
    parseJson(g.out, &ok);
    QVERIFY(!ok);
}

void tst_SimFaults::garbage()
{
    Bench bench;
    QVERIFY(bench.create(1));
    QCOMPARE(bench.sim(words(QStringLiteral("fault set --all garbage --count 1"))).exitCode, 0);
    const RunResult g
        = bench.az(words(QStringLiteral("device image list-installed --full -o json")));
    QCOMPARE(g.exitCode, 0);
    QVERIFY(g.out.size() > 10);
    bool ok = true;
    parseJson(g.out, &ok);
    QVERIFY(!ok);
    QCOMPARE(g.err, QString());
    const RunResult good
        = bench.az(words(QStringLiteral("device image list-installed --full -o json")));
    parseJson(good.out, &ok);
    QVERIFY(ok);
}

void tst_SimFaults::notResponding()
{
    Bench bench;
    QVERIFY(bench.create(2));
    QCOMPARE(
        bench.sim(words(QStringLiteral("fault set --device 192.168.35.3 not-responding --count 2")))
            .exitCode,
        0);
    // list-attached reports it without using the fault up.
    const QJsonArray list
        = parseJson(bench.az(words(QStringLiteral("device list-attached -o json"))).out).array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0)[QStringLiteral("IsResponsive")].toBool(), true);
    QCOMPARE(list.at(1)[QStringLiteral("IsResponsive")].toBool(), false);
    QVERIFY(list.at(1)[QStringLiteral("DeviceId")].isNull());
    QCOMPARE(list.at(1)[QStringLiteral("IpAddress")].toString(), QStringLiteral("192.168.35.3"));
    for (int i = 0; i < 2; ++i) {
        const RunResult r
            = bench.az(words(QStringLiteral("device manufacturing-state show -d 192.168.35.3")));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, NotResponding);
    }
    QCOMPARE(
        bench.az(words(QStringLiteral("device manufacturing-state show -d 192.168.35.3"))).exitCode,
        0);
    QCOMPARE(parseJson(bench.az(words(QStringLiteral("device list-attached -o json"))).out)
                 .array()
                 .at(1)[QStringLiteral("IsResponsive")]
                 .toBool(),
        true);
}

void tst_SimFaults::slow()
{
    Bench bench(QStringLiteral("0.01"));
    QVERIFY(bench.create(1));
    // Restart takes 10 s; the tool gives up after 60 s. Slowed 8 times it cannot make it.
    QCOMPARE(
        bench.sim(words(QStringLiteral("fault set --all slow --factor 8 --count 1"))).exitCode, 0);
    RunResult r = bench.az(words(QStringLiteral("device restart")));
    QCOMPARE(r.out, QStringLiteral("Restarting device.\n"));
    QCOMPARE(r.err, QStringLiteral("error: Timed out waiting for the device to restart.\n"));
    QCOMPARE(r.exitCode, 1);
    // Once the fault is used up the device restarts in time.
    QTRY_COMPARE_WITH_TIMEOUT(
        bench.az(words(QStringLiteral("device show-attached"))).exitCode, 0, 10000);
    r = bench.az(words(QStringLiteral("device restart")));
    QCOMPARE(r.out, QStringLiteral("Restarting device.\nDevice restarted successfully.\n"));
    QCOMPARE(r.exitCode, 0);
}

void tst_SimFaults::restartNeverReturns()
{
    Bench bench; // even at time scale 0
    QVERIFY(bench.create(1));
    QCOMPARE(bench
                 .sim(words(QStringLiteral(
                     "fault set --all not-responding --variant after-restart --count 1")))
                 .exitCode,
        0);
    QCOMPARE(bench.az(words(QStringLiteral("device show-attached"))).exitCode,
        0); // acts only in restart
    const RunResult r = bench.az(words(QStringLiteral("device restart")));
    QCOMPARE(r.out, QStringLiteral("Restarting device.\n"));
    QCOMPARE(r.err, QStringLiteral("error: Timed out waiting for the device to restart.\n"));
    QCOMPARE(r.exitCode, 1);
}

void tst_SimFaults::unplugMidStep()
{
    Bench bench;
    QVERIFY(bench.create(2, {QStringLiteral("--os"), QStringLiteral("25.10")}));
    QCOMPARE(bench.sim(words(QStringLiteral("fault set --device 1211 unplug-mid-step --count 1")))
                 .exitCode,
        0);
    QStringList args = deploy(QStringLiteral("apps/ProductApp.imagepackage"));
    args << QStringLiteral("-d") << QStringLiteral("192.168.35.2");
    RunResult r = bench.az(args);
    QCOMPARE(r.out,
        QStringLiteral("Deploying '%1' to the attached device.\n")
            .arg(m_assets.path(QStringLiteral("apps/ProductApp.imagepackage"))));
    QCOMPARE(r.err, CouldNotConnect);
    QCOMPARE(r.exitCode, 1);
    const QJsonArray list
        = parseJson(bench.az(words(QStringLiteral("device list-attached -o json"))).out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0)[QStringLiteral("ConnectionPath")].toString(), QStringLiteral("1212"));
    QCOMPARE(bench.sim(words(QStringLiteral("plug --fixture 1"))).exitCode, 0);
    QCOMPARE(bench.az(words(QStringLiteral("device image list-installed -d 1211 -o json"))).out,
        QStringLiteral("[]\n"));
    r = bench.az(args);
    QCOMPARE(r.exitCode, 0);
}

void tst_SimFaults::recoverFails_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("lastLine"); // the last stdout line before the failure
    QTest::addColumn<QString>("err");
    QTest::addColumn<QString>("osAfter");

    QTest::newRow("enter-recovery")
        << QStringLiteral("enter-recovery")
        << QStringLiteral(
               "Starting device recovery. Please note that this may take up to 10 minutes.")
        << QStringLiteral("error: Failed to enter recovery mode.\n") << QStringLiteral("24.03");
    QTest::newRow("boot-timeout") << QStringLiteral("boot-timeout")
                                  << QStringLiteral("Finished writing images; rebooting board.")
                                  << QStringLiteral(
                                         "error: Timed out waiting for boot after recovery.\n")
                                  << QStringLiteral("25.10");
    QTest::newRow("security-state")
        << QStringLiteral("security-state")
        << QStringLiteral("Finished writing images; rebooting board.")
        << QStringLiteral("error: Timed out trying to get device security state after recovery\n")
        << QStringLiteral("25.10");
    QTest::newRow("communication")
        << QStringLiteral("communication")
        << QStringLiteral("Finished writing images; rebooting board.")
        << QStringLiteral("error: Failed to establish communication with device after recovery. "
                          "Try unplugging the device and "
                          "plugging it back in, and verifying communication using 'azsphere device "
                          "show-attached'. If that fails, "
                          "try recovering the device again.\n")
        << QStringLiteral("25.10");
    QTest::newRow("images") << QStringLiteral("images") << QString()
                            << QStringLiteral("error: Device recovery failed. Please ensure you "
                                              "are using the correct recovery images, "
                                              "and that the SDK is up to date.\n")
                            << QStringLiteral("24.03");
}

void tst_SimFaults::recoverFails()
{
    QFETCH(QString, variant);
    QFETCH(QString, lastLine);
    QFETCH(QString, err);
    QFETCH(QString, osAfter);
    Bench bench;
    QVERIFY(bench.create(1));
    QCOMPARE(bench
                 .sim({QStringLiteral("fault"),
                     QStringLiteral("set"),
                     QStringLiteral("--all"),
                     QStringLiteral("recover-fails"),
                     QStringLiteral("--variant"),
                     variant,
                     QStringLiteral("--count"),
                     QStringLiteral("1")})
                 .exitCode,
        0);
    const QStringList recover {QStringLiteral("device"),
        QStringLiteral("recover"),
        QStringLiteral("--images"),
        m_assets.path(QStringLiteral("recovery/25.10"))};
    const RunResult r = bench.az(recover);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, err);
    QCOMPARE(r.out.trimmed().section(QLatin1Char('\n'), -1), lastLine);
    QCOMPARE(parseJson(bench.az(words(QStringLiteral("device show-os-version -o json"))).out)
                 .object()
                 .value(QStringLiteral("osversion"))
                 .toString(),
        osAfter);
    QCOMPARE(bench.az(recover).exitCode, 0); // used up
}

void tst_SimFaults::deployFaults_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("err");
    QTest::newRow("insufficient-space")
        << QStringLiteral("insufficient-space")
        << QStringLiteral("error: Could not deploy application to device: Insufficient free space "
                          "on the device.\n");
    QTest::newRow("ota-in-progress")
        << QStringLiteral("ota-in-progress")
        << QStringLiteral(
               "error: Could not deploy application to device: Over-the-air updating of the device "
               "is "
               "in progress and sideloading is temporarily disabled. Please retry later.\n");
    QTest::newRow("untrusted-keystore")
        << QStringLiteral("untrusted-keystore")
        << QStringLiteral("error: Could not deploy application to device: Image not trusted by "
                          "device; check if "
                          "application development capability is enabled ('azsphere device "
                          "enable-development').\n");
}

void tst_SimFaults::deployFaults()
{
    QFETCH(QString, kind);
    QFETCH(QString, err);
    Bench bench;
    QVERIFY(bench.create(1, {QStringLiteral("--os"), QStringLiteral("26.09")}));
    QCOMPARE(bench
                 .sim({QStringLiteral("fault"),
                     QStringLiteral("set"),
                     QStringLiteral("--all"),
                     kind,
                     QStringLiteral("--count"),
                     QStringLiteral("1")})
                 .exitCode,
        0);
    RunResult r = bench.az(deploy(QStringLiteral("apps/ProductApp.imagepackage")));
    QCOMPARE(r.err, err);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(bench
                 .az(QStringList {QStringLiteral("device"),
                     QStringLiteral("image"),
                     QStringLiteral("list-installed"),
                     QStringLiteral("-o"),
                     QStringLiteral("json")})
                 .out,
        QStringLiteral("[]\n"));
    r = bench.az(deploy(QStringLiteral("apps/ProductApp.imagepackage")));
    if (kind == QLatin1String("untrusted-keystore")) {
        // The keystore stays at 1 until the keystore package (or a recovery) raises it.
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(bench.deviceState(1).value(QStringLiteral("trustedKeystore")).toInt(), 1);
        QCOMPARE(
            bench.az(deploy(QStringLiteral("keystore/TrustedKeystore-v2.imagepackage"))).exitCode,
            0);
        r = bench.az(deploy(QStringLiteral("apps/ProductApp.imagepackage")));
    }
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
}

void tst_SimFaults::probabilityCountAndCommand()
{
    Bench bench;
    QVERIFY(bench.create(1));
    const QStringList show = words(QStringLiteral("device manufacturing-state show"));
    // Probability 0 never fires.
    QCOMPARE(
        bench.sim(words(QStringLiteral("fault set --all not-responding --probability 0"))).exitCode,
        0);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(bench.az(show).exitCode, 0);
    // A command filter: only `wifi list` fails.
    QCOMPARE(bench
                 .sim({QStringLiteral("fault"),
                     QStringLiteral("set"),
                     QStringLiteral("--all"),
                     QStringLiteral("not-responding"),
                     QStringLiteral("--command"),
                     QStringLiteral("wifi list")})
                 .exitCode,
        0);
    QCOMPARE(bench.az(show).exitCode, 0);
    QCOMPARE(bench.az(words(QStringLiteral("device wifi list"))).err, NotResponding);
    QCOMPARE(bench.az(words(QStringLiteral("device wifi list"))).err, NotResponding); // unlimited
    QCOMPARE(
        bench.sim(words(QStringLiteral("fault clear --all --kind not-responding"))).exitCode, 0);
    QCOMPARE(bench.az(words(QStringLiteral("device wifi list"))).exitCode, 0);
    // Probability 0.5: some calls fail and some pass.
    QCOMPARE(bench.sim(words(QStringLiteral("fault set --all not-responding --probability 0.5")))
                 .exitCode,
        0);
    int failed = 0;
    for (int i = 0; i < 24; ++i)
        failed += bench.az(show).exitCode == 1 ? 1 : 0;
    QVERIFY2(failed > 0 && failed < 24, qPrintable(QString::number(failed)));
}

void tst_SimFaults::reproducibleDraws()
{
    // The fault draws come from a source seeded by bench seed and serial: two benches made alike
    // fail the same calls.
    QString patterns[2];
    for (QString &pattern : patterns) {
        Bench bench;
        QVERIFY(bench.create(1, {QStringLiteral("--seed"), QStringLiteral("draws")}));
        QCOMPARE(
            bench.sim(words(QStringLiteral("fault set --all not-responding --probability 0.3")))
                .exitCode,
            0);
        for (int i = 0; i < 16; ++i)
            pattern += bench.az(words(QStringLiteral("device show-os-version"))).exitCode == 0
                ? QLatin1Char('.')
                : QLatin1Char('X');
    }
    QCOMPARE(patterns[0], patterns[1]);
    QVERIFY(patterns[0].contains(QLatin1Char('X')));
}

void tst_SimFaults::ioKindsAreStored()
{
    // The UART and RF kinds act in `sphere-sim serve` and the RF tools; azsphere ignores them.
    Bench bench;
    QVERIFY(bench.create(1));
    for (const char *kind :
        {"uart-silent", "uart-selftest-fail", "measurement-out-of-limits", "rf-out-of-spec"})
        QCOMPARE(bench
                     .sim({QStringLiteral("fault"),
                         QStringLiteral("set"),
                         QStringLiteral("--device"),
                         QStringLiteral("1211"),
                         QString::fromUtf8(kind)})
                     .exitCode,
            0);
    const QJsonObject shown
        = parseJson(bench.sim(words(QStringLiteral("bench show --json"))).out).object();
    const QJsonArray faults = shown.value(QStringLiteral("fixtures"))
                                  .toArray()
                                  .at(0)[QStringLiteral("faults")]
                                  .toArray();
    QCOMPARE(faults.size(), 4);
    QCOMPARE(faults.at(1)[QStringLiteral("kind")].toString(), QStringLiteral("uart-selftest-fail"));
    QCOMPARE(bench.az(words(QStringLiteral("device show-attached"))).exitCode, 0);
    QCOMPARE(bench.az(words(QStringLiteral("device restart"))).exitCode, 0);
    const RunResult bad = bench.sim(words(QStringLiteral("fault set --all melt")));
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QStringLiteral("invalid choice: 'melt'")));
}

void tst_SimFaults::clear()
{
    Bench bench;
    QVERIFY(bench.create(2));
    QCOMPARE(bench.sim(words(QStringLiteral("fault set --all not-responding"))).exitCode, 0);
    QCOMPARE(bench.sim(words(QStringLiteral("fault clear --device 1211"))).exitCode, 0);
    QCOMPARE(bench.az(words(QStringLiteral("device show-attached -d 1211"))).exitCode, 0);
    QCOMPARE(bench.az(words(QStringLiteral("device show-attached -d 1212"))).exitCode, 1);
    const RunResult r = bench.sim(words(QStringLiteral("fault clear")));
    QCOMPARE(r.out, QStringLiteral("Cleared 1 fault(s).\n"));
    QCOMPARE(bench.az(words(QStringLiteral("device show-attached -d 1212"))).exitCode, 0);
}

QTEST_GUILESS_MAIN(tst_SimFaults)
#include "tst_simfaults.moc"
