// Injected faults (REFERENCE.md §4.5) as the station sees them from outside: every kind that
// acts on azsphere, and the probability / count / command rules of `sphere-sim fault set`.

#include "simclitest.h"

#include <QElapsedTimer>
#include <QTest>

using namespace SimTest;
using namespace Qt::Literals::StringLiterals;

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

// What oversized-output appends (docs/simulator.md): 1 MiB + 64 KiB of lines of 1023 spaces,
// then an error line that a reader keeping only the first 1 MiB never sees.
QByteArray oversizedTail()
{
    constexpr qsizetype Padding = 1024 * 1024 + 64 * 1024;
    QByteArray line(1024, ' ');
    line.back() = '\n';
    QByteArray tail;
    for (qsizetype n = 0; n < Padding; n += line.size())
        tail += line;
    return tail
        + "error: The reply continues past 1114112 bytes of padding: the command's result is "
          "unknown (oversized-output fault).\n";
}

// A run of any simulator tool with stdin, the raw bytes of both streams kept.
struct RawRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

RawRun runRaw(const Bench &bench,
    const QString &program,
    const QStringList &args,
    const QByteArray &input = {})
{
    QProcess p;
    p.setProcessEnvironment(bench.environment());
    p.setWorkingDirectory(bench.path());
    p.start(program, args);
    RawRun r;
    if (!p.waitForStarted(10000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString simTool(const QString &name)
{
    return QStringLiteral(STATION_SIM_BIN_DIR "/") + name;
}

// The fixture's device as `bench show --json` reports it.
QJsonObject fixtureRow(const Bench &bench, int fixture)
{
    return parseJson(
        bench.sim({QStringLiteral("bench"), QStringLiteral("show"), QStringLiteral("--json")}).out)
        .object()
        .value(QStringLiteral("fixtures"))
        .toArray()
        .at(fixture - 1)
        .toObject();
}

// One field of a device's state file, as text: "region" is the e-fuse bytes 0x36..0x37 in hex.
QString stateField(const QJsonObject &state, const QString &field)
{
    if (field == QLatin1String("region"))
        return state.value(QStringLiteral("efuse")).toString().mid(0x36 * 2, 4);
    const QJsonValue v = state.value(field);
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}

// A device state without the fault bookkeeping and the wall-clock time a reboot ends (what a
// command changes, as two benches compare).
QJsonObject withoutFaults(QJsonObject state)
{
    state.remove(QStringLiteral("faults"));
    state.remove(QStringLiteral("faultRolls"));
    state.remove(QStringLiteral("busyUntilMs"));
    return state;
}

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
    void skip();
    void swapBeforeCommand_data();
    void swapBeforeCommand();
    void swapBeforeListAttached();
    void oversizedOutput_data();
    void oversizedOutput();
    void azHonoursFaults();
    void azHonoursTimings();

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

void tst_SimFaults::skip()
{
    Bench bench;
    QVERIFY(bench.create(1));
    const RunResult set = bench.sim({QStringLiteral("fault"),
        QStringLiteral("set"),
        QStringLiteral("--all"),
        QStringLiteral("not-responding"),
        QStringLiteral("--command"),
        QStringLiteral("manufacturing-state show"),
        QStringLiteral("--skip"),
        QStringLiteral("2"),
        QStringLiteral("--count"),
        QStringLiteral("1")});
    QCOMPARE(set.exitCode, 0);
    QVERIFY2(set.out.contains(QStringLiteral("skip=2")), qPrintable(set.out));
    // A skipped fault is not "certain" yet: list-attached still shows the device answering.
    QCOMPARE(parseJson(bench.az(words(QStringLiteral("device list-attached -o json"))).out)
                 .array()
                 .at(0)[QStringLiteral("IsResponsive")]
                 .toBool(),
        true);
    const QStringList show = words(QStringLiteral("device manufacturing-state show"));
    QCOMPARE(bench.az(words(QStringLiteral("device show-attached"))).exitCode, 0); // not counted
    QCOMPARE(bench.az(show).exitCode, 0);
    QCOMPARE(bench.az(show).exitCode, 0);
    QCOMPARE(bench.az(show).err, NotResponding); // the third
    QCOMPARE(bench.az(show).exitCode, 0);        // used up
    QCOMPARE(bench
                 .sim({QStringLiteral("fault"),
                     QStringLiteral("set"),
                     QStringLiteral("--all"),
                     QStringLiteral("hang"),
                     QStringLiteral("--skip"),
                     QStringLiteral("-1")})
                 .exitCode,
        2);
}

// az (`az sphere`) shares the command layer: the same faults act, in az's dialect (ERROR:-tagged
// errors, az's JSON keys, action status lines on stderr).
void tst_SimFaults::azHonoursFaults()
{
    Bench bench;
    QVERIFY(bench.create(2));
    QCOMPARE(
        bench.sim(words(u"fault set --device 192.168.35.3 not-responding --count 1"_s)).exitCode,
        0);
    const QJsonArray list
        = parseJson(bench.azCli(words(u"sphere device list-attached"_s)).out).array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(1)[u"isResponsive"_s].toBool(), false);
    QVERIFY(list.at(1)[u"deviceIdentifier"_s].isNull());
    RunResult r = bench.azCli(words(u"sphere device manufacturing-state show -d 192.168.35.3"_s));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, u"ERROR: "_s + NotResponding.mid(7));
    QCOMPARE(
        bench.azCli(words(u"sphere device manufacturing-state show -d 192.168.35.3"_s)).exitCode,
        0);

    QCOMPARE(bench.sim(words(u"fault set --device 192.168.35.2 garbage --count 1"_s)).exitCode, 0);
    r = bench.azCli(words(u"sphere device show-os-version -d 192.168.35.2"_s));
    QCOMPARE(r.exitCode, 0);
    bool ok = true;
    parseJson(r.out, &ok);
    QVERIFY(!ok);
    QCOMPARE(r.err, QString());

    const QStringList show = words(u"sphere device show-os-version -d 192.168.35.2"_s);
    const RawRun normal = runRaw(bench, azProgram(), show);
    QCOMPARE(normal.out, QByteArray("{\n  \"osVersion\": \"24.03\"\n}\n"));
    QCOMPARE(
        bench.sim(words(u"fault set --device 192.168.35.2 oversized-output --count 1"_s)).exitCode,
        0);
    const RawRun padded = runRaw(bench, azProgram(), show);
    QCOMPARE(padded.exitCode, 0);
    QCOMPARE(padded.out, normal.out + oversizedTail());

    QCOMPARE(bench
                 .sim(words(u"fault set --device 192.168.35.2 recover-fails --variant "
                            u"enter-recovery --count 1"_s))
                 .exitCode,
        0);
    r = bench.azCli({u"sphere"_s,
        u"device"_s,
        u"recover"_s,
        u"-d"_s,
        u"192.168.35.2"_s,
        u"--images"_s,
        m_assets.path(u"recovery/25.10"_s)});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err,
        u"WARNING: Starting device recovery. Please note that this may take up to 10 minutes.\n"
        u"ERROR: Failed to enter recovery mode.\n"_s);
}

// The simulated timings are the legacy ones: slowed 8 times, a restart (10 s) outlasts the tool's
// 60 s wait.
void tst_SimFaults::azHonoursTimings()
{
    Bench bench(u"0.01"_s);
    QVERIFY(bench.create(1));
    QCOMPARE(bench.sim(words(u"fault set --all slow --factor 8 --count 1"_s)).exitCode, 0);
    RunResult r = bench.azCli(words(u"sphere device restart"_s));
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err,
        u"WARNING: Restarting device.\nERROR: Timed out waiting for the device to restart.\n"_s);
    QCOMPARE(r.exitCode, 1);
    QTRY_COMPARE_WITH_TIMEOUT(
        bench.azCli(words(u"sphere device show-attached"_s)).exitCode, 0, 10000);
    QElapsedTimer timer;
    timer.start();
    r = bench.azCli(words(u"sphere device restart"_s));
    QCOMPARE(r.err, u"WARNING: Restarting device.\nWARNING: Device restarted successfully.\n"_s);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(timer.elapsed() >= 100); // 0.5 s + the 10 s reboot, at 0.01
}

void tst_SimFaults::swapBeforeCommand_data()
{
    QTest::addColumn<QString>("program");      // azsphere, az, RfToolCli, RfSettingsTool
    QTest::addColumn<QString>("faultCommand"); // --command of the fault
    QTest::addColumn<QString>("variant");      // "" or "after"
    QTest::addColumn<QStringList>("args");     // DEV stands for the selector
    QTest::addColumn<QString>("selector");     // id (the old device's), path or ip
    QTest::addColumn<QByteArray>("input");     // stdin
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");     // exact stdout; "*" = not compared
    QTest::addColumn<QString>("err");     // exact stderr (NEWIP: the new device's address)
    QTest::addColumn<QString>("field");   // what the command changes (stateField)
    QTest::addColumn<QString>("changed"); // which device has it changed: old, new or none
    QTest::addColumn<QString>("changedValue");
    QTest::addColumn<QString>("unchangedValue");

    const QStringList update = words(
        QStringLiteral("device manufacturing-state update --state DeviceComplete --device DEV"));
    const QString updateName = QStringLiteral("manufacturing-state update");
    const QString pathWarn
        = QStringLiteral("WARNING: The device with IP 'NEWIP' is selected from parameter '1211'\n");
    const QString state = QStringLiteral("manufacturingState");
    const QString complete = QStringLiteral("DeviceComplete");
    const QString blank = QStringLiteral("Blank");
    QTest::newRow("update by ID: no device, nothing changed")
        << u"azsphere"_s << updateName << QString() << update << u"id"_s << QByteArray() << 1
        << QString() << CouldNotConnect << state << u"none"_s << QString() << blank;
    QTest::newRow("update by path: the NEW device is finalized")
        << u"azsphere"_s << updateName << QString() << update << u"path"_s << QByteArray() << 0
        << QString() << pathWarn << state << u"new"_s << complete << blank;
    QTest::newRow("update by IP: the NEW device is finalized")
        << u"azsphere"_s << updateName << QString() << update << u"ip"_s << QByteArray() << 0
        << QString() << QString() << state << u"new"_s << complete << blank;
    QTest::newRow("update by ID, after: the old device is finalized and gone")
        << u"azsphere"_s << updateName << u"after"_s << update << u"id"_s << QByteArray() << 0
        << QString() << QString() << state << u"old"_s << complete << blank;
    // az (`az sphere`) selects, swaps and refuses exactly as azsphere does.
    const QStringList azUpdate = QStringList {u"sphere"_s} + update;
    QTest::newRow("az: update by ID: no device, nothing changed")
        << u"az"_s << updateName << QString() << azUpdate << u"id"_s << QByteArray() << 1
        << QString() << u"ERROR: "_s + CouldNotConnect.mid(7) << state << u"none"_s << QString()
        << blank;
    QTest::newRow("az: update by path: the NEW device is finalized")
        << u"az"_s << updateName << QString() << azUpdate << u"path"_s << QByteArray() << 0
        << QString() << pathWarn << state << u"new"_s << complete << blank;
    QTest::newRow("az: update by ID, after: the old device is finalized and gone")
        << u"az"_s << updateName << u"after"_s << azUpdate << u"id"_s << QByteArray() << 0
        << QString() << QString() << state << u"old"_s << complete << blank;
    const QStringList keystore {u"device"_s,
        u"sideload"_s,
        u"deploy"_s,
        u"-p"_s,
        u"ASSETS/keystore/TrustedKeystore-v2.imagepackage"_s,
        u"-d"_s,
        u"DEV"_s};
    QTest::newRow("deploy by ID: nothing installed")
        << u"azsphere"_s << u"sideload deploy"_s << QString() << keystore << u"id"_s << QByteArray()
        << 1 << QString() << CouldNotConnect << u"trustedKeystore"_s << u"none"_s << QString()
        << u"1"_s;
    QTest::newRow("deploy by path: installed on the NEW device")
        << u"azsphere"_s << u"sideload deploy"_s << QString() << keystore << u"path"_s
        << QByteArray() << 0 << u"*"_s << pathWarn << u"trustedKeystore"_s << u"new"_s << u"2"_s
        << u"1"_s;
    const QByteArray region = "config write data 0x36 0x55\nconfig write data 0x37 0x53\n"
                              "config save\nexit\n";
    QTest::newRow("RfToolCli by path: the e-fuses of the NEW device are written")
        << u"RfToolCli"_s << u"RfToolCli"_s << QString() << QStringList {u"--device"_s, u"DEV"_s}
        << u"path"_s << region << 0 << u"OK\nOK\nConfiguration saved.\n"_s << QString()
        << u"region"_s << u"new"_s << u"5553"_s << u"0000"_s;
    QTest::newRow("RfToolCli by ID: no device, nothing written")
        << u"RfToolCli"_s << u"RfToolCli"_s << QString() << QStringList {u"--device"_s, u"DEV"_s}
        << u"id"_s << region << 1 << u"ERROR: Could not connect to the device.\n"_s << QString()
        << u"region"_s << u"none"_s << QString() << u"0000"_s;
    QTest::newRow("RfToolCli by path, after: the old device is written and gone")
        << u"RfToolCli"_s << u"RfToolCli"_s << u"after"_s << QStringList {u"--device"_s, u"DEV"_s}
        << u"path"_s << region << 0 << u"OK\nOK\nConfiguration saved.\n"_s << QString()
        << u"region"_s << u"old"_s << u"5553"_s << u"0000"_s;
    QTest::newRow("RfSettingsTool by ID: no device")
        << u"RfSettingsTool"_s << u"RfSettingsTool"_s << QString()
        << QStringList {u"show"_s, u"--device"_s, u"DEV"_s} << u"id"_s << QByteArray() << 1
        << u"ERROR: Could not connect to the device.\n"_s << QString() << u"region"_s << u"none"_s
        << QString() << u"0000"_s;
}

// swap-before-command: the device is swapped out of its fixture before the named command does
// anything (as `sphere-sim swap`), then the command selects its device as usual. Addressed by the
// old ID it finds none; addressed by the port it acts on the NEW device (what the station must
// never do). With --variant after the command acts on the old device and the swap follows.
void tst_SimFaults::swapBeforeCommand()
{
    QFETCH(QString, program);
    QFETCH(QString, faultCommand);
    QFETCH(QString, variant);
    QFETCH(QStringList, args);
    QFETCH(QString, selector);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);
    QFETCH(QString, field);
    QFETCH(QString, changed);
    QFETCH(QString, changedValue);
    QFETCH(QString, unchangedValue);

    Bench bench;
    QVERIFY(bench.create(2));
    const QString oldId = bench.deviceId(1);
    const QString newId = bench.deviceId(3); // the next serial
    QStringList faultArgs {u"fault"_s,
        u"set"_s,
        u"--device"_s,
        u"1211"_s,
        u"swap-before-command"_s,
        u"--command"_s,
        faultCommand,
        u"--count"_s,
        u"1"_s};
    if (!variant.isEmpty())
        faultArgs << u"--variant"_s << variant;
    QCOMPARE(bench.sim(faultArgs).exitCode, 0);

    const QString device = selector == "id"_L1 ? oldId
        : selector == "path"_L1                ? u"1211"_s
                                               : u"192.168.35.2"_s;
    for (QString &arg : args) {
        arg.replace(u"DEV"_s, device);
        arg.replace(u"ASSETS"_s, m_assets.dir());
    }
    const RawRun r = runRaw(bench, simTool(program), args, input);
    QCOMPARE(r.exitCode, exitCode);
    if (out != "*"_L1)
        QCOMPARE(QString::fromUtf8(r.out), out);
    // The old device left, so the new one took the lowest free address: the old one's.
    QCOMPARE(QString::fromUtf8(r.err), QString(err).replace(u"NEWIP"_s, u"192.168.35.2"_s));

    // Either way the fixture now holds the new device, attached, and the old one is gone.
    const QJsonObject row = fixtureRow(bench, 1);
    QCOMPARE(row.value(u"deviceId"_s).toString(), newId);
    QCOMPARE(row.value(u"attached"_s).toBool(), true);
    QCOMPARE(bench.az({u"device"_s, u"show-attached"_s, u"-d"_s, oldId}).err, CouldNotConnect);
    QCOMPARE(stateField(bench.deviceState(1), field),
        changed == "old"_L1 ? changedValue : unchangedValue);
    QCOMPARE(stateField(bench.deviceState(3), field),
        changed == "new"_L1 ? changedValue : unchangedValue);
    // The other fixture never noticed; the fault was used up on the old device.
    QCOMPARE(fixtureRow(bench, 2).value(u"deviceId"_s).toString(), bench.deviceId(2));
    QCOMPARE(bench.deviceState(1).value(u"faults"_s).toArray().size(), 0);
    QCOMPARE(bench.deviceState(3).value(u"faults"_s).toArray().size(), 0);
}

void tst_SimFaults::swapBeforeListAttached()
{
    Bench bench;
    QVERIFY(bench.create(2));
    QCOMPARE(bench
                 .sim({u"fault"_s,
                     u"set"_s,
                     u"--device"_s,
                     u"1212"_s,
                     u"swap-before-command"_s,
                     u"--command"_s,
                     u"list-attached"_s,
                     u"--count"_s,
                     u"1"_s})
                 .exitCode,
        0);
    // Other commands pass it by; list-attached already reports the device swapped in.
    QCOMPARE(bench.az(words(QStringLiteral("device show-attached -d 1212"))).exitCode, 0);
    const QJsonArray list
        = parseJson(bench.az(words(QStringLiteral("device list-attached -o json"))).out).array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(1)[u"ConnectionPath"_s].toString(), u"1212"_s);
    QCOMPARE(list.at(1)[u"DeviceId"_s].toString(), bench.deviceId(3));
}

void tst_SimFaults::oversizedOutput_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("faultCommand");
    QTest::addColumn<QString>("variant"); // "" (stdout) or "stderr"
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("setUp"); // azsphere arguments run first (on both benches)
    QTest::addColumn<bool>("padded");       // false: the command failed, so no padding
    QTest::addColumn<bool>("jsonHead");     // the reply's first 1 MiB is one valid JSON document

    const QStringList none;
    QTest::newRow("show-attached (JSON)")
        << u"azsphere"_s << u"show-attached"_s << QString()
        << words(u"device show-attached -d 1211 -o json"_s) << none << true << true;
    QTest::newRow("show-attached (JSON), padding on stderr")
        << u"azsphere"_s << u"show-attached"_s << u"stderr"_s
        << words(u"device show-attached -d 1211 -o json"_s) << none << true << true;
    QTest::newRow("manufacturing-state show (JSON)")
        << u"azsphere"_s << u"manufacturing-state show"_s << QString()
        << words(u"device manufacturing-state show -d 1211 -o json"_s) << none << true << true;
    QTest::newRow("image list-installed (JSON)")
        << u"azsphere"_s << u"image list-installed"_s << QString()
        << words(u"device image list-installed --full -d 1211 -o json"_s) << none << true << true;
    QTest::newRow("capability show-attached (JSON)")
        << u"azsphere"_s << u"capability show-attached"_s << QString()
        << words(u"device capability show-attached -d 1211 -o json"_s) << none << true << true;
    QTest::newRow("wifi list (JSON)")
        << u"azsphere"_s << u"wifi list"_s << QString()
        << words(u"device wifi list -d 1211 -o json"_s) << none << true << true;
    QTest::newRow("list-attached (JSON, bench-wide)")
        << u"azsphere"_s << u"list-attached"_s << QString()
        << words(u"device list-attached -o json"_s) << none << true << true;
    QTest::newRow("manufacturing-state update (action): the device IS updated")
        << u"azsphere"_s << u"manufacturing-state update"_s << QString()
        << words(u"device manufacturing-state update --state DeviceComplete -d 1211"_s) << none
        << true << false;
    QTest::newRow("sideload deploy (action, status lines): the image IS installed")
        << u"azsphere"_s << u"sideload deploy"_s << u"stderr"_s
        << QStringList {u"device"_s,
               u"sideload"_s,
               u"deploy"_s,
               u"-p"_s,
               u"ASSETS/keystore/TrustedKeystore-v2.imagepackage"_s,
               u"-d"_s,
               u"1211"_s}
        << none << true << false;
    QTest::newRow("a failing command is not padded")
        << u"azsphere"_s << u"manufacturing-state update"_s << QString()
        << words(u"device manufacturing-state update --state Module1Complete -d 1211"_s)
        << words(u"device manufacturing-state update --state DeviceComplete -d 1211"_s) << false
        << false;
    QTest::newRow("RfSettingsTool show") << u"RfSettingsTool"_s << u"RfSettingsTool"_s << QString()
                                         << words(u"show --device 1211"_s) << none << true << false;
}

// oversized-output: the command does its normal work and prints its normal reply, then more
// padding than a caller keeps (1 MiB per stream at the station) and an error line, exit 0. The
// same command on an identical bench without the fault is the reference.
void tst_SimFaults::oversizedOutput()
{
    QFETCH(QString, program);
    QFETCH(QString, faultCommand);
    QFETCH(QString, variant);
    QFETCH(QStringList, args);
    QFETCH(QStringList, setUp);
    QFETCH(bool, padded);
    QFETCH(bool, jsonHead);
    for (QString &arg : args)
        arg.replace(u"ASSETS"_s, m_assets.dir());

    Bench plain;
    Bench faulty;
    for (const Bench *bench : {&plain, &faulty}) {
        QVERIFY(bench->create(2));
        if (!setUp.isEmpty())
            QCOMPARE(bench->az(setUp).exitCode, 0);
    }
    QStringList set {u"fault"_s,
        u"set"_s,
        u"--device"_s,
        u"1211"_s,
        u"oversized-output"_s,
        u"--command"_s,
        faultCommand,
        u"--count"_s,
        u"1"_s};
    if (!variant.isEmpty())
        set << u"--variant"_s << variant;
    QCOMPARE(faulty.sim(set).exitCode, 0);

    const RawRun reference = runRaw(plain, simTool(program), args);
    const RawRun r = runRaw(faulty, simTool(program), args);
    QCOMPARE(r.exitCode, reference.exitCode);
    const QByteArray tail = padded ? oversizedTail() : QByteArray();
    const bool onStderr = variant == "stderr"_L1;
    QCOMPARE(r.out, reference.out + (onStderr ? QByteArray() : tail));
    QCOMPARE(r.err, reference.err + (onStderr ? tail : QByteArray()));
    if (padded)
        QVERIFY((onStderr ? r.err : r.out).size() > 1024 * 1024);
    if (jsonHead) {
        // The trap: what a 1 MiB capture keeps is one valid JSON document.
        QJsonParseError error;
        QJsonDocument::fromJson(r.out.left(1024 * 1024), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }
    // The command did its work exactly as without the fault, and the fault is used up.
    QCOMPARE(withoutFaults(faulty.deviceState(1)), withoutFaults(plain.deviceState(1)));
    QCOMPARE(faulty.deviceState(1).value(u"faults"_s).toArray().size(), 0);
    const RawRun again = runRaw(faulty, simTool(program), args);
    QVERIFY(again.out.size() < 64 * 1024 && again.err.size() < 64 * 1024);
}

QTEST_GUILESS_MAIN(tst_SimFaults)
#include "tst_simfaults.moc"
