// sphere-sim's bench commands: reproducible creation, bench show, plug / unplug / swap and the
// tool's own usage errors.

#include "simclitest.h"

#include <QTest>

using namespace SimTest;

namespace {

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QJsonArray fixtures(const Bench &bench)
{
    return parseJson(bench.sim(words(QStringLiteral("bench show --json"))).out)
        .object()
        .value(QStringLiteral("fixtures"))
        .toArray();
}

} // namespace

class tst_SimBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createIsReproducible();
    void createOptions();
    void benchShowTable();
    void plugUnplugSwap();
    void swapByDevice();
    void swapPutsBack();
    void usageErrors_data();
    void usageErrors();
};

void tst_SimBench::createIsReproducible()
{
    Bench a;
    Bench b;
    Bench c;
    QVERIFY(a.create(4, {QStringLiteral("--seed"), QStringLiteral("line-7")}));
    QVERIFY(b.create(4, {QStringLiteral("--seed"), QStringLiteral("line-7")}));
    QVERIFY(c.create(4));
    const QJsonArray fa = fixtures(a);
    QCOMPARE(fa.size(), 4);
    QCOMPARE(fa, fixtures(b));
    for (int k = 1; k <= 4; ++k) {
        const QJsonObject f = fa.at(k - 1).toObject();
        QCOMPARE(f.value(QStringLiteral("fixture")).toInt(), k);
        QCOMPARE(f.value(QStringLiteral("connectionPath")).toString(), QString::number(1210 + k));
        QCOMPARE(f.value(QStringLiteral("ipAddress")).toString(),
            QStringLiteral("192.168.35.%1").arg(k + 1));
        QCOMPARE(f.value(QStringLiteral("deviceId")).toString(),
            seedDeviceId(QStringLiteral("line-7"), serialOf(k)));
        QCOMPARE(f.value(QStringLiteral("attached")).toBool(), true);
        QCOMPARE(f.value(QStringLiteral("manufacturingState")).toString(), QStringLiteral("Blank"));
        QCOMPARE(f.value(QStringLiteral("osVersion")).toString(), QStringLiteral("24.03"));
        QVERIFY(f.value(QStringLiteral("deviceId")).toString()
            != fixtures(c).at(k - 1)[QStringLiteral("deviceId")].toString());
    }
    // The default seed is "sphere-station"; azsphere reports the same IDs.
    QCOMPARE(parseJson(c.az(words(QStringLiteral("device show-attached -d 1213 -o json"))).out)
                 .object()
                 .value(QStringLiteral("DeviceId"))
                 .toString(),
        seedDeviceId(QStringLiteral("sphere-station"), serialOf(3)));
    // Re-creating a bench replaces it.
    QVERIFY(a.create(2));
    QCOMPARE(fixtures(a).size(), 2);
    QCOMPARE(
        parseJson(a.az(words(QStringLiteral("device list-attached -o json"))).out).array().size(),
        2);
}

void tst_SimBench::createOptions()
{
    Bench bench;
    QVERIFY(bench.create(1,
        {QStringLiteral("--os"),
            QStringLiteral("25.10"),
            QStringLiteral("--state"),
            QStringLiteral("Module1Complete"),
            QStringLiteral("--unprogrammed-mac")}));
    QCOMPARE(bench.az(words(QStringLiteral("device show-os-version -o json"))).out,
        QStringLiteral("{\n  \"osversion\": \"25.10\"\n}\n"));
    QCOMPARE(bench.az(words(QStringLiteral("device manufacturing-state show -o json"))).out,
        QStringLiteral("{\n  \"manufacturingState\": \"Module1Complete\"\n}\n"));
    QCOMPARE(parseJson(bench.az(words(QStringLiteral("device wifi show-status -o json"))).out)
                 .object()
                 .value(QStringLiteral("address"))
                 .toString(),
        QStringLiteral("00:00:00:00:00:00"));
    const QJsonObject state = bench.deviceState(1);
    QCOMPARE(state.value(QStringLiteral("trustedKeystore")).toInt(), 2);
    // The e-fuse buffer (§4.4): chip ID, no MAC, region unset, Rx diversity and target powers.
    const QByteArray efuse
        = QByteArray::fromHex(state.value(QStringLiteral("efuse")).toString().toLatin1());
    QCOMPARE(efuse.size(), 1024);
    QCOMPARE(efuse.left(2), QByteArray::fromHex("2036"));
    QCOMPARE(efuse.mid(4, 6), QByteArray(6, '\0'));
    QCOMPARE(efuse.mid(0x36, 2), QByteArray(2, '\0'));
    QCOMPARE(quint8(efuse.at(0x3D)), quint8(0x29));
    QCOMPARE(quint8(efuse.at(0x60)), quint8(0x22));
    QCOMPARE(quint8(efuse.at(0x61)), quint8(0x1E));

    Bench programmed;
    QVERIFY(programmed.create(1));
    const QByteArray e2 = QByteArray::fromHex(
        programmed.deviceState(1).value(QStringLiteral("efuse")).toString().toLatin1());
    QCOMPARE(e2.mid(4, 6),
        QByteArray::fromHex("025a")
            + QByteArray::fromHex(programmed.deviceId(1).left(8).toLatin1()));
}

void tst_SimBench::benchShowTable()
{
    Bench bench;
    QVERIFY(bench.create(2));
    QCOMPARE(bench.sim(words(QStringLiteral("unplug --fixture 2"))).exitCode, 0);
    QCOMPARE(bench.sim(words(QStringLiteral("fault set --device 1211 slow --factor 3 --count 2")))
                 .exitCode,
        0);
    const RunResult r = bench.sim(words(QStringLiteral("bench show")));
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).simplified(),
        QStringLiteral("Fixture ConnectionPath DeviceId IpAddress State OS Attached Faults"));
    QCOMPARE(lines.at(1).simplified(),
        QStringLiteral("1 1211 %1 192.168.35.2 Blank 24.03 yes slow x3 n=2")
            .arg(bench.deviceId(1)));
    QCOMPARE(lines.at(2).simplified(),
        QStringLiteral("2 1212 %1 - Blank 24.03 no -").arg(bench.deviceId(2)));
}

void tst_SimBench::plugUnplugSwap()
{
    Bench bench;
    QVERIFY(bench.create(3));
    QCOMPARE(bench.sim(words(QStringLiteral("unplug --fixture 2"))).exitCode, 0);
    QJsonArray list
        = parseJson(bench.az(words(QStringLiteral("device list-attached -o json"))).out).array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(bench.az(words(QStringLiteral("device show-attached -d 1212"))).exitCode, 1);
    // Unplugging twice is harmless; plugging takes the lowest free IP and counts a boot.
    QCOMPARE(bench.sim(words(QStringLiteral("unplug --fixture 2"))).exitCode, 0);
    const qint64 boots = bench.deviceState(2).value(QStringLiteral("bootCount")).toInteger();
    QCOMPARE(bench.sim(words(QStringLiteral("plug --fixture 2"))).exitCode, 0);
    QCOMPARE(bench.deviceState(2).value(QStringLiteral("bootCount")).toInteger(), boots + 1);
    QCOMPARE(parseJson(bench.az(words(QStringLiteral("device show-attached -d 1212 -o json"))).out)
                 .object()
                 .value(QStringLiteral("IpAddress"))
                 .toString(),
        QStringLiteral("192.168.35.3"));

    // Swap: a new device in fixture 1, same connection path, the old device gone.
    const QString oldId = bench.deviceId(1);
    const RunResult swapped = bench.sim(words(QStringLiteral("swap --fixture 1")));
    QCOMPARE(swapped.exitCode, 0);
    const QString newId = seedDeviceId(QStringLiteral("sphere-station"), serialOf(4));
    QVERIFY(swapped.out.contains(newId));
    QCOMPARE(parseJson(bench.az(words(QStringLiteral("device show-attached -d 1211 -o json"))).out)
                 .object()
                 .value(QStringLiteral("DeviceId"))
                 .toString(),
        newId);
    QCOMPARE(bench
                 .az({QStringLiteral("device"),
                     QStringLiteral("show-attached"),
                     QStringLiteral("-d"),
                     oldId})
                 .err,
        QStringLiteral("error: Could not connect to the device; please ensure it is attached.\n"));
    QCOMPARE(bench.az(words(QStringLiteral("device manufacturing-state show -d 1211 -o json"))).out,
        QStringLiteral("{\n  \"manufacturingState\": \"Blank\"\n}\n"));
    list = parseJson(bench.az(words(QStringLiteral("device list-attached -o json"))).out).array();
    QCOMPARE(list.size(), 3);
}

void tst_SimBench::swapByDevice()
{
    Bench bench;
    QVERIFY(bench.create(2,
        {QStringLiteral("--os"),
            QStringLiteral("26.09"),
            QStringLiteral("--state"),
            QStringLiteral("Module1Complete")}));
    QCOMPARE(
        bench.sim({QStringLiteral("swap"), QStringLiteral("--device"), bench.deviceId(2).toUpper()})
            .exitCode,
        0);
    // The new device has the bench's default OS and state.
    QCOMPARE(bench.az(words(QStringLiteral("device show-os-version -d 1212 -o json"))).out,
        QStringLiteral("{\n  \"osversion\": \"26.09\"\n}\n"));
    QCOMPARE(fixtures(bench).at(1)[QStringLiteral("deviceId")].toString(),
        seedDeviceId(QStringLiteral("sphere-station"), serialOf(3)));
    QCOMPARE(bench.sim(words(QStringLiteral("unplug --device 192.168.35.2"))).exitCode, 0);
    QCOMPARE(fixtures(bench).at(0)[QStringLiteral("attached")].toBool(), false);
    QCOMPARE(bench.sim(words(QStringLiteral("plug --device SIM00001"))).exitCode, 0);
    QCOMPARE(fixtures(bench).at(0)[QStringLiteral("attached")].toBool(), true);
}

// swap --with: a device the bench made earlier, which is in no fixture, goes back in with its
// state (a finished device returned to the line), and boots.
void tst_SimBench::swapPutsBack()
{
    Bench bench;
    QVERIFY(bench.create(2));
    QCOMPARE(bench
                 .az(words(QStringLiteral(
                     "device manufacturing-state update --state DeviceComplete -d 1211")))
                 .exitCode,
        0);
    QCOMPARE(bench.sim(words(QStringLiteral("swap --fixture 1"))).exitCode, 0); // SIM00003 in
    const qint64 boots = bench.deviceState(1).value(QStringLiteral("bootCount")).toInteger();
    // Only a device in no fixture can be put back, and only one the bench made.
    QCOMPARE(bench.sim(words(QStringLiteral("swap --fixture 1 --with SIM00002"))).exitCode, 1);
    QCOMPARE(bench.sim(words(QStringLiteral("swap --fixture 1 --with SIM00009"))).exitCode, 1);
    QCOMPARE(bench.sim(words(QStringLiteral("plug --fixture 1 --with SIM00001"))).exitCode, 2);
    const RunResult back = bench.sim({QStringLiteral("swap"),
        QStringLiteral("--fixture"),
        QStringLiteral("1"),
        QStringLiteral("--with"),
        bench.deviceId(1).toUpper()});
    QCOMPARE(back.exitCode, 0);
    QVERIFY(back.out.contains(bench.deviceId(1)));
    QCOMPARE(fixtures(bench).at(0)[QStringLiteral("deviceId")].toString(), bench.deviceId(1));
    QCOMPARE(bench.deviceState(1).value(QStringLiteral("bootCount")).toInteger(), boots + 1);
    QCOMPARE(bench.az(words(QStringLiteral("device manufacturing-state show -d 1211 -o json"))).out,
        QStringLiteral("{\n  \"manufacturingState\": \"DeviceComplete\"\n}\n"));
    // The device swapped out by it is in no fixture now, and can come back in turn.
    QCOMPARE(bench.sim(words(QStringLiteral("swap --fixture 2 --with SIM00003"))).exitCode, 0);
    QCOMPARE(fixtures(bench).at(1)[QStringLiteral("deviceId")].toString(), bench.deviceId(3));
}

void tst_SimBench::usageErrors_data()
{
    QTest::addColumn<bool>("withBench");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errContains");

    QTest::newRow("no command") << true << QStringList() << 2 << QString();
    QTest::newRow("help") << true << words(QStringLiteral("--help")) << 0 << QString();
    QTest::newRow("bench create help")
        << true << words(QStringLiteral("bench create --help")) << 0 << QString();
    QTest::newRow("fault help") << true << words(QStringLiteral("fault set --help")) << 0
                                << QString();
    QTest::newRow("plug help") << true << words(QStringLiteral("plug --help")) << 0 << QString();
    QTest::newRow("unknown command") << true << words(QStringLiteral("explode")) << 2
                                     << QStringLiteral("invalid choice: 'explode'");
    QTest::newRow("create without devices")
        << true << words(QStringLiteral("bench create")) << 2
        << QStringLiteral("the following arguments are required: --devices");
    QTest::newRow("create bad os")
        << true << words(QStringLiteral("bench create --devices 2 --os 23.05")) << 2
        << QStringLiteral("invalid choice: '23.05'");
    QTest::newRow("create bad state")
        << true << words(QStringLiteral("bench create --devices 2 --state Unknown")) << 2
        << QStringLiteral("invalid choice: 'Unknown'");
    QTest::newRow("create bad count") << true << words(QStringLiteral("bench create --devices x"))
                                      << 2 << QStringLiteral("invalid int value: 'x'");
    QTest::newRow("create too many") << true << words(QStringLiteral("bench create --devices 300"))
                                     << 2 << QStringLiteral("--devices");
    QTest::newRow("plug without target")
        << true << words(QStringLiteral("plug")) << 2 << QStringLiteral("--device or --fixture");
    QTest::newRow("plug unknown fixture")
        << true << words(QStringLiteral("plug --fixture 9")) << 1 << QStringLiteral("no fixture 9");
    QTest::newRow("unplug unknown device") << true << words(QStringLiteral("unplug --device 1299"))
                                           << 1 << QStringLiteral("no device '1299'");
    QTest::newRow("fault without kind")
        << true << words(QStringLiteral("fault set --all")) << 2 << QStringLiteral("KIND");
    QTest::newRow("fault without target") << true << words(QStringLiteral("fault set hang")) << 2
                                          << QStringLiteral("--device or --all");
    QTest::newRow("fault bad probability")
        << true << words(QStringLiteral("fault set --all hang --probability 2")) << 2
        << QStringLiteral("--probability");
    QTest::newRow("fault unknown option")
        << true << words(QStringLiteral("fault set --all hang --when now")) << 2
        << QStringLiteral("unrecognized arguments: --when");
    QTest::newRow("no bench") << false << words(QStringLiteral("bench show")) << 1
                              << QStringLiteral("no bench");
}

void tst_SimBench::usageErrors()
{
    QFETCH(bool, withBench);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, errContains);
    Bench bench;
    if (withBench)
        QVERIFY(bench.create(2));
    const RunResult r = bench.sim(args);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode == 0)
        QVERIFY(r.out.startsWith(QStringLiteral("usage: sphere-sim")));
    else
        QVERIFY2(r.err.contains(errContains), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(tst_SimBench)
#include "tst_simbench.moc"
