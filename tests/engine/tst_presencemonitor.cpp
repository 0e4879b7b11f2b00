#include "services/station/presencemonitor.h"
#include "simbench.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

// Presence: mapping attached devices to fixtures, and plug, unplug, unresponsive and swap seen
// by a monitor polling the simulator on its own thread.
class tst_PresenceMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void assign_data();
    void assign();
    void detectsChanges();
};

using DeviceByFixture = QMap<int, QString>;

namespace {

AttachedDevice device(
    const QString &id, const QString &ip, const QString &path, bool responsive = true)
{
    AttachedDevice d;
    d.deviceId = id;
    d.ipAddress = ip;
    d.connectionPath = path;
    d.isResponsive = responsive;
    return d;
}

FixtureConfig fixture(int number, const QString &path, const QString &ip)
{
    FixtureConfig f;
    f.number = number;
    f.connectionPath = path;
    f.ipAddress = ip;
    return f;
}

} // namespace

void tst_PresenceMonitor::initTestCase()
{
    qRegisterMetaType<Station::Presence>();
}

void tst_PresenceMonitor::assign_data()
{
    QTest::addColumn<QList<FixtureConfig>>("fixtures");
    QTest::addColumn<QList<AttachedDevice>>("devices");
    QTest::addColumn<DeviceByFixture>("expected"); // fixture -> device ID

    const QList<FixtureConfig> byPath {fixture(1, u"1211"_s, {}), fixture(2, u"1212"_s, {})};
    QTest::newRow("by connection path")
        << byPath
        << QList<AttachedDevice> {device(u"b"_s, u"192.168.35.3"_s, u"1212"_s),
               device(u"a"_s, u"192.168.35.2"_s, u"1211"_s)}
        << DeviceByFixture {{1, u"a"_s}, {2, u"b"_s}};
    QTest::newRow("unknown path ignored")
        << byPath << QList<AttachedDevice> {device(u"x"_s, u"192.168.35.9"_s, u"9999"_s)}
        << DeviceByFixture {};
    // The real Linux SDK reports no connection path: fixtures are bound by IP address there.
    QTest::newRow("by IP when the tool reports no path")
        << QList<FixtureConfig> {fixture(1, {}, u"192.168.35.2"_s),
               fixture(2, {}, u"192.168.35.3"_s)}
        << QList<AttachedDevice> {device(u"a"_s, u"192.168.35.3"_s, {}),
               device(u"b"_s, u"192.168.35.2"_s, {})}
        << DeviceByFixture {{1, u"b"_s}, {2, u"a"_s}};
    QTest::newRow("path wins over IP")
        << QList<FixtureConfig> {fixture(1, u"1211"_s, u"192.168.35.3"_s)}
        << QList<AttachedDevice> {device(u"a"_s, u"192.168.35.3"_s, u"1212"_s)}
        << DeviceByFixture {};
}

void tst_PresenceMonitor::assign()
{
    QFETCH(QList<FixtureConfig>, fixtures);
    QFETCH(QList<AttachedDevice>, devices);
    QFETCH(DeviceByFixture, expected);
    const QHash<int, AttachedDevice> found = PresenceMonitor::assign(fixtures, devices);
    QCOMPARE(found.size(), expected.size());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(found.value(it.key()).deviceId, it.value());
}

void tst_PresenceMonitor::detectsChanges()
{
    SimBench bench;
    QVERIFY(bench.create(2));
    auto *monitor = new PresenceMonitor(
        {bench.fixture(1), bench.fixture(2)}, bench.tools(), std::chrono::milliseconds(100));
    QThread thread;
    monitor->moveToThread(&thread);
    connect(&thread, &QThread::finished, monitor, &QObject::deleteLater);
    QMap<int, Presence> presence;
    QMap<int, QString> ids;
    QList<QPair<QString, QString>> swaps;
    connect(monitor,
        &PresenceMonitor::presenceChanged,
        this,
        [&](int fixture, Presence p, const QString &id) {
            presence[fixture] = p;
            ids[fixture] = id;
        });
    connect(monitor,
        &PresenceMonitor::deviceSwapped,
        this,
        [&](int, const QString &before, const QString &after) {
            swaps.append({before, after});
        });
    thread.start();
    QMetaObject::invokeMethod(monitor, &PresenceMonitor::start, Qt::QueuedConnection);

    QTRY_VERIFY_WITH_TIMEOUT(
        presence.value(1) == Presence::Present && presence.value(2) == Presence::Present, 10000);
    const QString first = ids.value(1);
    QCOMPARE(first.size(), 128);

    QVERIFY(bench.sphereSim({u"unplug"_s, u"--fixture"_s, u"2"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(presence.value(2), Presence::Empty, 10000);
    QVERIFY(bench.sphereSim({u"plug"_s, u"--fixture"_s, u"2"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(presence.value(2), Presence::Present, 10000);
    QVERIFY(swaps.isEmpty()); // unplug then plug is not a swap

    QVERIFY(bench.sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(swaps.size(), 1, 10000);
    QCOMPARE(swaps.first().first, first);
    QVERIFY(swaps.first().second != first);
    QCOMPARE(presence.value(1), Presence::Present);

    QVERIFY(bench
                .sphereSim({u"fault"_s,
                    u"set"_s,
                    u"--device"_s,
                    u"1212"_s,
                    u"not-responding"_s,
                    u"--command"_s,
                    u"list-attached"_s})
                .isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(presence.value(2), Presence::Unresponsive, 10000);

    monitor->cancel();
    thread.quit();
    QVERIFY(thread.wait(5000));
}

QTEST_GUILESS_MAIN(tst_PresenceMonitor)

#include "tst_presencemonitor.moc"
