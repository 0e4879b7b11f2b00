#include "services/station/handsfreedecider.h"

#include <QTest>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Station::HandsFree;
using Station::HandsFreeDecider;
using Station::Presence;

// HandsFreeDecider driven by scripts of presence observations on a clock of its own, with a
// stand-in controller that starts whatever is due (unless the start rules refuse for a while)
// and ends each run after a fixed time: which devices start, and when.
class tst_HandsFreeDecider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void script_data();
    void script();
    void states();
    void deadline();
};

namespace {

using Clock = HandsFreeDecider::Clock;

Clock::time_point at(qint64 ms)
{
    return Clock::time_point {} + std::chrono::milliseconds(ms);
}

struct Event
{
    qint64 time = 0;
    QChar kind; // P present, U unresponsive, E empty, X unknown (a failed poll), C a Start click
    QString id;
};

// "E0 P100:A U900:A C2000": a letter, the time in ms, and for P and U the device ID.
QList<Event> parse(const QString &script)
{
    QList<Event> events;
    for (const QString &token : script.split(u' ', Qt::SkipEmptyParts)) {
        Event e;
        e.kind = token.at(0);
        const QStringList parts = token.mid(1).split(u':');
        e.time = parts.at(0).toLongLong();
        e.id = parts.value(1);
        events.append(e);
    }
    return events;
}

// Runs the script; returns the starts as "A@1500" (hands-free) or "A@500c" (a click).
QString play(const QString &script,
    qint64 settleMs,
    qint64 runMs,
    qint64 blockedUntil,
    qint64 blockedFrom = 0)
{
    const QList<Event> events = parse(script);
    HandsFreeDecider decider {std::chrono::milliseconds(settleMs)};
    QStringList starts;
    bool running = false;
    QString runDevice;
    qint64 runEnd = 0;
    QString present;
    const auto blocked = [&](qint64 t) { return t >= blockedFrom && t < blockedUntil; };
    qsizetype next = 0;
    qint64 t = 0;
    for (int guard = 0; guard < 10000; ++guard) {
        for (; next < events.size() && events.at(next).time == t; ++next) {
            const Event &e = events.at(next);
            if (e.kind == u'C') {
                if (!running && !present.isEmpty()) {
                    starts << u"%1@%2c"_s.arg(present).arg(t);
                    decider.runStarted(at(t), present);
                    running = true;
                    runDevice = present;
                    runEnd = t + runMs;
                }
                continue;
            }
            const Presence presence = e.kind == u'P' ? Presence::Present
                : e.kind == u'U'                     ? Presence::Unresponsive
                : e.kind == u'X'                     ? Presence::Unknown
                                                     : Presence::Empty;
            if (e.kind != u'X')
                present = e.kind == u'P' ? e.id : QString();
            decider.observe(at(t), presence, e.id);
        }
        if (running && runMs >= 0 && t == runEnd) {
            decider.runFinished(at(t), runDevice);
            running = false;
        }
        if (!running && !blocked(t)) {
            if (const QString device = decider.due(at(t)); !device.isEmpty()) {
                starts << u"%1@%2"_s.arg(device).arg(t);
                decider.runStarted(at(t), device);
                running = true;
                runDevice = device;
                runEnd = t + runMs;
            }
        }
        qint64 after = std::numeric_limits<qint64>::max();
        if (next < events.size())
            after = events.at(next).time;
        if (running && runMs >= 0 && runEnd > t)
            after = std::min(after, runEnd);
        if (const auto deadline = decider.nextDeadline(); deadline && *deadline > at(t))
            after = std::min(after, qint64((*deadline - at(0)) / std::chrono::milliseconds(1)));
        if (blockedUntil > t)
            after = std::min(after, blockedUntil);
        if (after == std::numeric_limits<qint64>::max())
            break;
        t = after;
    }
    return starts.join(u' ');
}

} // namespace

void tst_HandsFreeDecider::script_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<qint64>("settle");
    QTest::addColumn<qint64>("run");          // how long a run takes (-1: it never ends)
    QTest::addColumn<qint64>("blockedUntil"); // the start rules refuse until then
    QTest::addColumn<QString>("starts");

    QTest::newRow("plugged into an empty fixture")
        << u"E0 P100:A"_s << 1500ll << 2000ll << 0ll << u"A@1600"_s;
    QTest::newRow("settle edge: left 1 ms early")
        << u"E0 P100:A E1599"_s << 1500ll << 2000ll << 0ll << QString();
    QTest::newRow("settle edge: left at the same instant")
        << u"E0 P100:A E1600"_s << 1500ll << 2000ll << 0ll << QString();
    QTest::newRow("settle edge: left 1 ms after")
        << u"E0 P100:A E1601"_s << 1500ll << 2000ll << 0ll << u"A@1600"_s;
    QTest::newRow("settle 0 starts at the first answer")
        << u"E0 P100:A"_s << 0ll << 2000ll << 0ll << u"A@100"_s;
    QTest::newRow("bounce while settling is one device")
        << u"E0 P100:A E400 P700:A"_s << 1500ll << 2000ll << 0ll << u"A@2200"_s;
    QTest::newRow("many bounces are one device")
        << u"E0 P100:A E200 P300:A E400 P500:A E600 P700:A"_s << 1500ll << 2000ll << 0ll
        << u"A@2200"_s;
    QTest::newRow("re-enumeration during the run (recover, restart)")
        << u"E0 P100:A E3000 P6000:A E7000 U8000:A P9000:A"_s << 1500ll << 10000ll << 0ll
        << u"A@1600"_s;
    QTest::newRow("re-enumeration outlasting the run")
        << u"E0 P100:A E3000 P9000:A"_s << 1500ll << 3000ll << 0ll << u"A@1600"_s;
    QTest::newRow("left in after its run")
        << u"E0 P100:A"_s << 1500ll << 2000ll << 0ll << u"A@1600"_s;
    QTest::newRow("left in, bounced after its run")
        << u"E0 P100:A E6000 P6300:A"_s << 1500ll << 2000ll << 0ll << u"A@1600"_s;
    QTest::newRow("same device back after a long time out")
        << u"E0 P100:A E6000 P20000:A"_s << 1500ll << 2000ll << 0ll << u"A@1600"_s;
    QTest::newRow("removed, next device")
        << u"E0 P100:A E6000 P8000:B"_s << 1500ll << 2000ll << 0ll << u"A@1600 B@9500"_s;
    QTest::newRow("removed, next device plugged within the settle time")
        << u"E0 P100:A E6000 P6200:B"_s << 1500ll << 2000ll << 0ll << u"A@1600 B@7700"_s;
    QTest::newRow("next device swapped in between two polls")
        << u"E0 P100:A P6000:B"_s << 1500ll << 2000ll << 0ll << u"A@1600 B@7500"_s;
    QTest::newRow("A, B, then A again") << u"E0 P100:A E4000 P5000:B E8000 P9000:A"_s << 1500ll
                                        << 2000ll << 0ll << u"A@1600 B@6500 A@10500"_s;
    QTest::newRow("swapped in during the run: starts when the run has ended")
        << u"E0 P100:A P3000:B"_s << 1500ll << 10000ll << 0ll << u"A@1600 B@13100"_s;
    QTest::newRow("swapped in during the run, seen only after it: the same")
        << u"E0 P100:A P11700:B"_s << 1500ll << 10000ll << 0ll << u"A@1600 B@13200"_s;
    QTest::newRow("swapped in during the run, out before the run ended: nothing")
        << u"E0 P100:A P3000:B E8000"_s << 1500ll << 10000ll << 0ll << u"A@1600"_s;
    QTest::newRow("swapped in during the run, out and in again after its run: not again")
        << u"E0 P100:A P3000:B E15000 P20000:B"_s << 1500ll << 10000ll << 0ll
        << u"A@1600 B@13100"_s;
    QTest::newRow("unresponsive while settling: the wait starts again")
        << u"E0 P100:A U1000:A P2000:A"_s << 1500ll << 2000ll << 0ll << u"A@3500"_s;
    QTest::newRow("never answers") << u"E0 U100:A"_s << 1500ll << 2000ll << 0ll << QString();
    QTest::newRow("answers after a while")
        << u"E0 U100:A P4000:A"_s << 1500ll << 2000ll << 0ll << u"A@5500"_s;
    QTest::newRow("present without an ID (FTDI) never starts")
        << u"E0 P100"_s << 1500ll << 2000ll << 0ll << QString();
    QTest::newRow("already in when watching began")
        << u"P0:A"_s << 1500ll << 2000ll << 0ll << QString();
    QTest::newRow("already in, bounced")
        << u"P0:A E1000 P1200:A"_s << 1500ll << 2000ll << 0ll << QString();
    QTest::newRow("already in, out for the settle time and back")
        << u"P0:A E1000 P3000:A"_s << 1500ll << 2000ll << 0ll << u"A@4500"_s;
    QTest::newRow("unknown presence is no evidence")
        << u"E0 P100:A X800"_s << 1500ll << 2000ll << 0ll << u"A@1600"_s;
    QTest::newRow("IDs compare without case")
        << u"E0 P100:abc E4000 P4100:ABC"_s << 1500ll << 2000ll << 0ll << u"abc@1600"_s;
    QTest::newRow("a click while settling: started once")
        << u"E0 P100:A C500"_s << 1500ll << 2000ll << 0ll << u"A@500c"_s;
    QTest::newRow("a click on a device left in: runs it again, never by itself")
        << u"E0 P100:A C5000"_s << 1500ll << 2000ll << 0ll << u"A@1600 A@5000c"_s;
    QTest::newRow("refused by the start rules: starts when they allow")
        << u"E0 P100:A"_s << 1500ll << 2000ll << 4000ll << u"A@4000"_s;
    QTest::newRow("refused, then gone: never")
        << u"E0 P100:A E3000"_s << 1500ll << 2000ll << 4000ll << QString();
    QTest::newRow("refused, bounced, allowed: once")
        << u"E0 P100:A E2000 P2200:A"_s << 1500ll << 2000ll << 3000ll << u"A@3700"_s;
    QTest::newRow("run never ends: nothing else starts")
        << u"E0 P100:A E3000 P4000:B"_s << 1500ll << -1ll << 0ll << u"A@1600"_s;
}

void tst_HandsFreeDecider::script()
{
    QFETCH(QString, script);
    QFETCH(qint64, settle);
    QFETCH(qint64, run);
    QFETCH(qint64, blockedUntil);
    QFETCH(QString, starts);
    QCOMPARE(play(script, settle, run, blockedUntil), starts);
}

void tst_HandsFreeDecider::states()
{
    HandsFreeDecider d {1500ms};
    QCOMPARE(d.state(at(0)), HandsFree::Waiting);
    d.observe(at(0), Presence::Empty, {});
    QCOMPARE(d.state(at(0)), HandsFree::Waiting);
    d.observe(at(100), Presence::Present, u"A"_s);
    QCOMPARE(d.state(at(100)), HandsFree::Settling);
    QCOMPARE(d.candidate(), u"A"_s);
    QCOMPARE(d.state(at(1600)), HandsFree::Due);
    d.runStarted(at(1600), u"A"_s);
    QCOMPARE(d.state(at(1600)), HandsFree::Running);
    QVERIFY(d.due(at(99999)).isEmpty());
    d.runFinished(at(5000), u"A"_s);
    QCOMPARE(d.state(at(5000)), HandsFree::Done);
    QVERIFY(d.isSpent(u"a"_s));
    d.observe(at(6000), Presence::Empty, {});
    QCOMPARE(d.state(at(6000)), HandsFree::Waiting);
    QVERIFY(d.isSpent(u"A"_s)); // the last run's device stays spent
    QVERIFY(!d.isSpent(u"B"_s));
}

void tst_HandsFreeDecider::deadline()
{
    HandsFreeDecider d {2s};
    d.observe(at(0), Presence::Empty, {});
    QVERIFY(!d.nextDeadline());
    d.observe(at(250), Presence::Present, u"A"_s);
    QCOMPARE(d.nextDeadline(), at(2250));
    QVERIFY(d.due(at(2249)).isEmpty());
    QCOMPARE(d.due(at(2250)), u"A"_s);
    d.setSettle(3s);
    QCOMPARE(d.nextDeadline(), at(3250));
    d.runStarted(at(3250), {}); // a start without a known ID: the device present is the run's
    QVERIFY(!d.nextDeadline());
    d.runFinished(at(4000), {});
    QVERIFY(d.isSpent(u"A"_s));
}

QTEST_APPLESS_MAIN(tst_HandsFreeDecider)

#include "tst_handsfreedecider.moc"
