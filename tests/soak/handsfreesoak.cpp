// handsfree-soak: scripted plug cycles for hands-free starts (issue #16), counting double starts,
// missed starts and the start latency after the device first answers. Two modes:
//
// --mode model (default): the HandsFreeDecider the station uses, fed by a model of the presence
//   monitor at real time scale (list-attached every second, each answer a second old when it
//   arrives, a device that needs 0.2-0.8 s to enumerate) on a clock of its own, so 10,000 cycles
//   take seconds. Each cycle: a new device plugged, with contact bounces in some cycles; a run of
//   5-20 s with a recover (the device not responding for 3-10 s) and in some cycles an Ethernet
//   re-enumeration (gone for 1-5 s); the device left in for 0-30 s after its run, bounced in some
//   cycles; then pulled (out 1-10 s) or swapped for the next one within 0.3 s.
// --mode station: the real StationController on a simulator bench, devices plugged, bounced,
//   re-enumerated and pulled with sphere-sim by one thread per fixture; each run recovers the
//   device (os-update). The station's presence interval and settle time are the real ones times
//   --scale (default 0.1); the simulator runs at --sim-time-scale (default 0.01).
//
// A double start is a second start of one device ID; a missed start a new device that was not
// started within --start-timeout after it answered. Latencies ("observed"): from the first answer
// the station received from the device's last insertion (after its last bounce); in --mode model
// also ("device") from the moment the device itself first answered, a poll and a list-attached
// earlier, after its last bounce and (first) before its first one; in --mode station also from the
// sphere-sim command that plugged it ("plug"). --mode station reports its latencies on the
// station's scaled clock and divided by --scale ("_real"). Exit code 0 only with no double and no
// missed start. Figures go to stdout ("name: value") and --json.
//
//   handsfree-soak [--mode model|station] [--cycles 10000] [--seed 1] [--bounce-rate 0.3]
//       [--reenumerate-rate 0.3] [--swap-rate 0.2] [--settle-ms 1000] [--json FILE]
//       station only: [--fixtures 4] [--scale 0.1] [--sim-time-scale 0.01] [--start-timeout 30]
#include "services/records/recordstore.h"
#include "services/station/handsfreedecider.h"
#include "services/station/station.h"
#include "tests/engine/simbench.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QWaitCondition>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <limits>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace Station;

namespace {

struct Options
{
    QString mode = u"model"_s;
    int cycles = 10000;
    quint32 seed = 1;
    double bounceRate = 0.3;
    double reenumerateRate = 0.3;
    double swapRate = 0.2;
    qint64 settleMs = HandsFreeDecider::DefaultSettle.count();
    QString json;
    int fixtures = 4;
    double scale = 0.1;
    QString simTimeScale = u"0.01"_s;
    int startTimeoutS = 30;
};

QString argument(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

struct Figures
{
    int cycles = 0;
    int starts = 0;
    int doubleStarts = 0;
    int missedStarts = 0;
    int bouncedCycles = 0;
    int reenumeratedRuns = 0;
    int leftInBounces = 0;
    int swapsWithoutEmpty = 0;
    QList<double> latencyMs;      // from the first answer of the last insertion
    QList<double> latencyFirstMs; // from the first answer at all (bounces included)
    QList<double> latencyPlugMs;  // station mode: from the plug command
    // From the first answer the station received (the presence poll that reported the device
    // answering, after its last bounce): the settle time plus the station's own delay.
    QList<double> latencyObservedMs;
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(
        values.size() - 1, qsizetype(std::ceil(p / 100.0 * double(values.size()))) - 1);
    return values.at(std::max<qsizetype>(0, index));
}

// ----- model mode ----------------------------------------------------------------------------

// The physical fixture over time, as a list of intervals: what list-attached would say then.
struct Span
{
    qint64 from = 0; // ms
    qint64 to = 0;
    Presence presence = Presence::Empty;
    QString id;
};

class ModelSoak
{
public:
    explicit ModelSoak(const Options &options)
        : m_o(options)
        , m_random(options.seed)
    { }

    Figures run();

private:
    qint64 between(qint64 low, qint64 high)
    {
        return low + qint64(m_random.bounded(high - low + 1));
    }
    bool chance(double p) { return m_random.generateDouble() < p; }
    // What the fixture shows at time t (the spans are kept in time order).
    std::pair<Presence, QString> at(qint64 t);
    void add(qint64 from, qint64 to, Presence presence, const QString &id = {});

    const Options m_o;
    QRandomGenerator m_random;
    QList<Span> m_spans;
    qsizetype m_cursor = 0;
};

void ModelSoak::add(qint64 from, qint64 to, Presence presence, const QString &id)
{
    if (to > from)
        m_spans.append({from, to, presence, id});
}

std::pair<Presence, QString> ModelSoak::at(qint64 t)
{
    while (m_cursor < m_spans.size() && m_spans.at(m_cursor).to <= t)
        ++m_cursor;
    if (m_cursor < m_spans.size() && m_spans.at(m_cursor).from <= t)
        return {m_spans.at(m_cursor).presence, m_spans.at(m_cursor).id};
    return {Presence::Empty, {}};
}

Figures ModelSoak::run()
{
    // Real time: list-attached every second, its answer describing the bench as it was when the
    // call began and arriving a second later.
    constexpr qint64 PollMs = 1000;
    constexpr qint64 ListAttachedMs = 1000;
    constexpr qint64 Tick = 10;
    const auto clock = [](qint64 ms) {
        return HandsFreeDecider::Clock::time_point {} + std::chrono::milliseconds(ms);
    };

    Figures f;
    HandsFreeDecider decider {std::chrono::milliseconds(m_o.settleMs)};
    QHash<QString, int> startsById;
    qint64 t = 0;
    qint64 nextPoll = between(0, PollMs - 1);
    std::optional<std::pair<qint64, std::pair<Presence, QString>>> pendingAnswer;
    std::pair<Presence, QString> lastReported {Presence::Unknown, {}};

    // One cycle at a time: the script is written up to the device's answer, then extended as the
    // station reacts (the start, the run's end).
    add(0, 2000, Presence::Empty);
    qint64 cursorTime = 2000;
    for (int cycle = 0; cycle < m_o.cycles; ++cycle) {
        const QString id = u"dev%1"_s.arg(cycle + 1);
        ++f.cycles;
        // Plugging, with bounces: in for 30-400 ms, out for 30-400 ms, 1-3 times.
        qint64 firstAnswer = -1;
        qint64 plugged = cursorTime;
        if (chance(m_o.bounceRate)) {
            ++f.bouncedCycles;
            const int bounces = int(between(1, 3));
            for (int b = 0; b < bounces; ++b) {
                const qint64 in = between(30, 400);
                const qint64 enumerate = between(200, 800);
                // Answers only if it stays in longer than it takes to enumerate.
                add(plugged, plugged + std::min(in, enumerate), Presence::Empty);
                if (in > enumerate) {
                    add(plugged + enumerate, plugged + in, Presence::Present, id);
                    if (firstAnswer < 0)
                        firstAnswer = plugged + enumerate;
                }
                const qint64 out = between(30, 400);
                add(plugged + in, plugged + in + out, Presence::Empty);
                plugged += in + out;
            }
        }
        const qint64 enumerate = between(200, 800);
        add(plugged, plugged + enumerate, Presence::Empty);
        const qint64 answers = plugged + enumerate;
        if (firstAnswer < 0)
            firstAnswer = answers;
        // Present from now until the station starts it (extended below).
        constexpr qint64 Open = std::numeric_limits<qint64>::max() / 4;
        add(answers, Open, Presence::Present, id);

        // Run the station until it starts the device or gives up.
        const qint64 giveUp = answers + m_o.startTimeoutS * 1000;
        qint64 started = -1;
        qint64 observed = -1; // when the station last began to see the device answering
        int startsThisCycle = 0;
        const auto step = [&](qint64 until, bool running) {
            for (; t < until; t += Tick) {
                if (t >= nextPoll && !pendingAnswer) {
                    pendingAnswer = {t + ListAttachedMs, at(t)};
                    nextPoll += PollMs;
                }
                if (pendingAnswer && t >= pendingAnswer->first) {
                    if (pendingAnswer->second != lastReported) {
                        lastReported = pendingAnswer->second;
                        decider.observe(clock(t), lastReported.first, lastReported.second);
                        if (!running && started < 0)
                            observed = lastReported == std::pair {Presence::Present, id} ? t : -1;
                    }
                    pendingAnswer.reset();
                }
                if (!running) {
                    if (const QString due = decider.due(clock(t)); !due.isEmpty()) {
                        decider.runStarted(clock(t), due);
                        ++f.starts;
                        if (++startsById[due] > 1)
                            ++f.doubleStarts;
                        if (due == id) {
                            ++startsThisCycle;
                            if (started < 0)
                                started = t;
                        }
                        return true;
                    }
                }
            }
            return false;
        };
        const bool began = step(giveUp, false);
        if (!began || started < 0) {
            ++f.missedStarts;
            m_spans.last().to = t;
            cursorTime = t;
            add(cursorTime, cursorTime + 2000, Presence::Empty);
            cursorTime += 2000;
            step(cursorTime, false);
            continue;
        }
        f.latencyMs.append(double(started - answers));
        f.latencyFirstMs.append(double(started - firstAnswer));
        if (observed >= 0)
            f.latencyObservedMs.append(double(started - observed));

        // The run: a recover (not responding 3-10 s), maybe an Ethernet re-enumeration.
        m_spans.last().to = started;
        const qint64 runEnd = started + between(5000, 20000);
        qint64 now = started;
        const auto presentUntil = [&](qint64 until) {
            add(now, until, Presence::Present, id);
            now = std::max(now, until);
        };
        presentUntil(started + between(500, 2000));
        const qint64 recover = between(3000, 10000);
        add(now, std::min(now + recover, runEnd - 200), Presence::Unresponsive, id);
        now = std::min(now + recover, runEnd - 200);
        if (chance(m_o.reenumerateRate) && now + 1500 < runEnd) {
            ++f.reenumeratedRuns;
            presentUntil(now + 200);
            const qint64 gone = std::min(between(1000, 5000), runEnd - now - 300);
            add(now, now + gone, Presence::Empty);
            now += gone;
        }
        presentUntil(runEnd);
        // Left in after its run for 0-30 s, bounced in some cycles.
        const qint64 leftIn = runEnd + between(0, 30000);
        if (chance(m_o.bounceRate) && leftIn - now > 2000) {
            ++f.leftInBounces;
            presentUntil(now + between(0, leftIn - now - 1500));
            const qint64 out = between(30, 400);
            add(now, now + out, Presence::Empty);
            now += out;
            const qint64 back = between(200, 800);
            add(now, now + back, Presence::Empty);
            now += back;
        }
        presentUntil(leftIn);
        // Pulled: out for 1-10 s, or swapped for the next device within 0.3 s.
        qint64 out = between(1000, 10000);
        if (chance(m_o.swapRate)) {
            ++f.swapsWithoutEmpty;
            out = between(0, 300);
        }
        add(now, now + out, Presence::Empty);
        cursorTime = now + out;

        step(runEnd, true);
        decider.runFinished(clock(runEnd), id);
        // A start here would be a double start (nothing new is in the fixture yet).
        step(cursorTime, false);
    }
    return f;
}

// ----- station mode --------------------------------------------------------------------------

const QByteArray RecoverRecipe = R"({"format": 1, "name": "handsfree-soak", "version": "1",
    "os_versions_file": "sim-assets/mt3620an.json",
    "steps": [{"type": "connect", "params": {"wait_s": 5}}, {"type": "details"},
              {"type": "os-update", "params": {"images": "sim-assets/recovery/26.09", "os_version": "26.09"}}]})";

// What the station told the driver threads, per fixture (written on the main thread).
struct FixtureNews
{
    QMutex mutex;
    QWaitCondition changed;
    QStringList started; // device IDs started hands-free, in order
    int finished = 0;
};

class StationSoak
{
public:
    explicit StationSoak(const Options &options)
        : m_o(options)
    { }
    int exec(Figures &figures);

private:
    void drive(int fixture, quint32 seed);
    bool sim(const QStringList &arguments);

    const Options m_o;
    SimBench m_bench {m_o.simTimeScale};
    std::map<int, std::unique_ptr<FixtureNews>> m_news;
    std::atomic<int> m_nextCycle {0};
    QMutex m_figuresMutex;
    Figures *m_figures = nullptr;
    // When the station first saw a device answer, and per fixture the device answering without
    // a break since when.
    QHash<QString, qint64> m_firstAnswer;
    QHash<int, std::pair<QString, qint64>> m_stableAnswer;
    QHash<int, qint64> m_plugCommand; // fixture -> when the driver began plugging (ms)
    QElapsedTimer m_clock;
};

bool StationSoak::sim(const QStringList &arguments)
{
    const ToolResult result = m_bench.sphereSim(arguments);
    if (!result.isSuccess())
        std::fprintf(stderr,
            "sphere-sim %s failed: %s\n",
            qPrintable(arguments.join(u' ')),
            qPrintable(result.stdErrText()));
    return result.isSuccess();
}

void StationSoak::drive(int fixture, quint32 seed)
{
    QRandomGenerator random(seed);
    const auto chance = [&](double p) { return random.generateDouble() < p; };
    const auto sleepMs
        = [](qint64 ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); };
    const QString f = QString::number(fixture);
    const qint64 settle = qint64(double(m_o.settleMs) * m_o.scale);
    FixtureNews &news = *m_news.at(fixture);
    while (m_nextCycle.fetch_add(1) < m_o.cycles) {
        int startsBefore = 0;
        {
            QMutexLocker lock(&news.mutex);
            startsBefore = int(news.started.size());
        }
        {
            QMutexLocker lock(&m_figuresMutex);
            ++m_figures->cycles;
        }
        // A new device (the fixture is empty, or holds the last one: swapped without an empty
        // poll), bounced in some cycles.
        {
            QMutexLocker lock(&m_figuresMutex);
            m_plugCommand.insert(fixture, m_clock.elapsed());
        }
        sim({u"swap"_s, u"--fixture"_s, f});
        if (chance(m_o.bounceRate)) {
            {
                QMutexLocker lock(&m_figuresMutex);
                ++m_figures->bouncedCycles;
            }
            const int bounces = 1 + int(random.bounded(2));
            for (int b = 0; b < bounces; ++b) {
                sleepMs(random.bounded(settle / 3 + 1));
                sim({u"unplug"_s, u"--fixture"_s, f});
                sleepMs(random.bounded(settle / 3 + 1));
                {
                    QMutexLocker lock(&m_figuresMutex);
                    m_plugCommand.insert(fixture, m_clock.elapsed());
                }
                sim({u"plug"_s, u"--fixture"_s, f});
            }
        }
        // Wait for its start.
        {
            QMutexLocker lock(&news.mutex);
            QDeadlineTimer deadline(std::chrono::seconds(m_o.startTimeoutS));
            while (news.started.size() == startsBefore && !deadline.hasExpired())
                news.changed.wait(&news.mutex, deadline);
            if (news.started.size() == startsBefore) {
                QMutexLocker figures(&m_figuresMutex);
                ++m_figures->missedStarts;
                lock.unlock();
                sim({u"unplug"_s, u"--fixture"_s, f});
                continue;
            }
        }
        // During the run (which recovers the device): an Ethernet-like re-enumeration, out and
        // back in, in some cycles.
        if (chance(m_o.reenumerateRate)) {
            {
                QMutexLocker lock(&m_figuresMutex);
                ++m_figures->reenumeratedRuns;
            }
            sleepMs(random.bounded(qint64(200)));
            sim({u"unplug"_s, u"--fixture"_s, f});
            sleepMs(settle + random.bounded(settle + 1));
            sim({u"plug"_s, u"--fixture"_s, f});
        }
        {
            QMutexLocker lock(&news.mutex);
            QDeadlineTimer deadline(std::chrono::seconds(120));
            while (news.finished < int(news.started.size()) && !deadline.hasExpired())
                news.changed.wait(&news.mutex, deadline);
        }
        // Left in after its run for up to three settle times, bounced in some cycles.
        sleepMs(random.bounded(3 * settle + 1));
        if (chance(m_o.bounceRate)) {
            {
                QMutexLocker lock(&m_figuresMutex);
                ++m_figures->leftInBounces;
            }
            sim({u"unplug"_s, u"--fixture"_s, f});
            sleepMs(random.bounded(settle / 3 + 1));
            sim({u"plug"_s, u"--fixture"_s, f});
            sleepMs(2 * settle);
        }
        // Pulled (out for one to three settle times), or swapped for the next at once.
        if (chance(m_o.swapRate)) {
            QMutexLocker lock(&m_figuresMutex);
            ++m_figures->swapsWithoutEmpty;
        } else {
            sim({u"unplug"_s, u"--fixture"_s, f});
            sleepMs(settle + random.bounded(2 * settle + 1));
        }
    }
}

int StationSoak::exec(Figures &figures)
{
    m_figures = &figures;
    if (!m_bench.isValid() || !m_bench.create(m_o.fixtures)) {
        std::fprintf(stderr, "cannot create the simulator bench\n");
        return 2;
    }
    StationOptions options;
    for (int k = 1; k <= m_o.fixtures; ++k) {
        options.fixtures.append(m_bench.fixture(k));
        m_news.emplace(k, std::make_unique<FixtureNews>());
    }
    options.tools = m_bench.tools();
    options.recordPath = m_bench.recordPath();
    options.stationName = u"handsfree-soak"_s;
    options.operatorName = u"soak"_s;
    options.appVersion = u"soak"_s;
    options.presence = true;
    options.presenceInterval
        = std::chrono::milliseconds(std::max<qint64>(1, qint64(1000.0 * m_o.scale)));
    options.handsFree = true;
    options.handsFreeSettle
        = std::chrono::milliseconds(std::max<qint64>(1, qint64(double(m_o.settleMs) * m_o.scale)));
    StationController station;
    if (Result<> opened = station.open(options); !opened) {
        std::fprintf(stderr, "station: %s\n", qPrintable(opened.error().message.english()));
        return 2;
    }
    const Result<Recipe> recipe = SimBench::recipe(RecoverRecipe);
    if (!recipe) {
        std::fprintf(stderr, "recipe: %s\n", qPrintable(recipe.error().message.english()));
        return 2;
    }
    station.setRecipe(*recipe);
    m_clock.start();

    QObject context;
    QObject::connect(
        &station, &StationController::fixtureChanged, &context, [this](const FixtureSnapshot &s) {
            if (s.running)
                return;
            const qint64 now = m_clock.elapsed();
            QMutexLocker lock(&m_figuresMutex);
            if (s.presence == Presence::Present && !s.deviceId.isEmpty()) {
                if (!m_firstAnswer.contains(s.deviceId))
                    m_firstAnswer.insert(s.deviceId, now);
                if (m_stableAnswer.value(s.fixture).first != s.deviceId)
                    m_stableAnswer.insert(s.fixture, {s.deviceId, now});
            } else {
                m_stableAnswer.remove(s.fixture); // answers again later: its wait starts again
            }
        });
    QObject::connect(&station,
        &StationController::handsFreeStarted,
        &context,
        [this](int fixture, const QString &id) {
            const qint64 now = m_clock.elapsed();
            {
                QMutexLocker lock(&m_figuresMutex);
                if (m_firstAnswer.contains(id))
                    m_figures->latencyFirstMs.append(double(now - m_firstAnswer.value(id)));
                if (m_stableAnswer.value(fixture).first == id)
                    m_figures->latencyObservedMs.append(
                        double(now - m_stableAnswer.value(fixture).second));
                m_figures->latencyPlugMs.append(double(now - m_plugCommand.value(fixture)));
                ++m_figures->starts;
            }
            FixtureNews &news = *m_news.at(fixture);
            QMutexLocker lock(&news.mutex);
            news.started.append(id);
            news.changed.wakeAll();
        });
    QObject::connect(&station,
        &StationController::runFinished,
        &context,
        [this](int fixture, const FixtureSnapshot &) {
            FixtureNews &news = *m_news.at(fixture);
            QMutexLocker lock(&news.mutex);
            ++news.finished;
            news.changed.wakeAll();
        });

    // Every fixture starts empty, so that its first device is a new one.
    for (int k = 1; k <= m_o.fixtures; ++k)
        sim({u"unplug"_s, u"--fixture"_s, QString::number(k)});

    std::vector<std::thread> drivers;
    std::atomic<int> running {m_o.fixtures};
    QEventLoop loop;
    for (int k = 1; k <= m_o.fixtures; ++k) {
        drivers.emplace_back([this, k, &running, &loop] {
            drive(k, m_o.seed * 1000 + quint32(k));
            if (--running == 0)
                QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
        });
    }
    QTimer progress;
    progress.setInterval(30s);
    QObject::connect(&progress, &QTimer::timeout, &context, [this, &figures] {
        QMutexLocker lock(&m_figuresMutex);
        std::fprintf(stderr,
            "%lld s: %d cycles, %d starts, %d missed\n",
            m_clock.elapsed() / 1000,
            figures.cycles,
            figures.starts,
            figures.missedStarts);
    });
    progress.start();
    loop.exec();
    for (std::thread &driver : drivers)
        driver.join();
    // The last runs end before the record is read.
    QElapsedTimer wait;
    wait.start();
    while (station.isAnyRunning() && wait.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    station.shutdown();

    // Double starts: a device ID the station started twice, and a device with more than one run
    // in the record (a run that ended before details names no device: counted apart).
    {
        QHash<QString, int> startsById;
        for (const auto &[fixture, news] : m_news) {
            for (const QString &id : std::as_const(news->started)) {
                if (++startsById[id.toLower()] > 1)
                    ++figures.doubleStarts;
            }
        }
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"soak-read"_s);
        db.setDatabaseName(m_bench.recordPath());
        if (!db.open()) {
            std::fprintf(stderr, "record: %s\n", qPrintable(db.lastError().text()));
            return 2;
        }
        QSqlQuery query(db);
        if (!query.exec(u"SELECT count(*) FROM (SELECT device_id FROM runs WHERE device_id <> '' "
                        u"GROUP BY device_id HAVING count(*) > 1)"_s)
            || !query.next()) {
            std::fprintf(stderr, "record: %s\n", qPrintable(query.lastError().text()));
            return 2;
        }
        const int recordDoubles = query.value(0).toInt();
        std::printf("record_devices_with_two_runs: %d\n", recordDoubles);
        figures.doubleStarts = std::max(figures.doubleStarts, recordDoubles);
        QSqlQuery runs(db);
        if (runs.exec(u"SELECT count(*), sum(operator_kind = 'hands-free'), sum(device_id = ''), "
                      u"sum(outcome = 'PASS') FROM runs"_s)
            && runs.next()) {
            std::printf("record_runs: %d\nrecord_runs_hands_free: %d\n"
                        "record_runs_without_device_id: %d\nrecord_runs_passed: %d\n",
                runs.value(0).toInt(),
                runs.value(1).toInt(),
                runs.value(2).toInt(),
                runs.value(3).toInt());
        }
        query = QSqlQuery();
        runs = QSqlQuery();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"soak-read"_s);
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Options o;
    o.mode = argument(args, u"--mode"_s, o.mode);
    o.cycles = argument(args, u"--cycles"_s, QString::number(o.cycles)).toInt();
    o.seed = argument(args, u"--seed"_s, u"1"_s).toUInt();
    o.bounceRate = argument(args, u"--bounce-rate"_s, QString::number(o.bounceRate)).toDouble();
    o.reenumerateRate
        = argument(args, u"--reenumerate-rate"_s, QString::number(o.reenumerateRate)).toDouble();
    o.swapRate = argument(args, u"--swap-rate"_s, QString::number(o.swapRate)).toDouble();
    o.settleMs = argument(args, u"--settle-ms"_s, QString::number(o.settleMs)).toLongLong();
    o.json = argument(args, u"--json"_s, {});
    o.fixtures = argument(args, u"--fixtures"_s, QString::number(o.fixtures)).toInt();
    o.scale = argument(args, u"--scale"_s, QString::number(o.scale)).toDouble();
    o.simTimeScale = argument(args, u"--sim-time-scale"_s, o.simTimeScale);
    o.startTimeoutS
        = argument(args, u"--start-timeout"_s, QString::number(o.startTimeoutS)).toInt();
    if ((o.mode != u"model"_s && o.mode != u"station"_s) || o.cycles < 1 || o.fixtures < 1
        || o.fixtures > 64 || o.scale <= 0 || o.settleMs < 1) {
        std::fprintf(stderr,
            "usage: handsfree-soak [--mode model|station] [--cycles N] [--seed S] "
            "[--bounce-rate P] [--reenumerate-rate P] [--swap-rate P] [--settle-ms MS] "
            "[--json FILE] [--fixtures N] [--scale X] [--sim-time-scale X] "
            "[--start-timeout S]\n");
        return 2;
    }

    QElapsedTimer wall;
    wall.start();
    Figures f;
    if (o.mode == u"model"_s) {
        ModelSoak soak(o);
        f = soak.run();
    } else {
        StationSoak soak(o);
        if (const int failed = soak.exec(f); failed != 0)
            return failed;
    }
    // In station mode the latencies are on the station's scaled clock: divided by --scale they
    // are the real-time figures the same settle time and poll interval would give.
    const double toReal = o.mode == u"station"_s ? 1.0 / o.scale : 1.0;
    QJsonObject json {{u"mode"_s, o.mode},
        {u"cycles"_s, f.cycles},
        {u"starts"_s, f.starts},
        {u"double_starts"_s, f.doubleStarts},
        {u"missed_starts"_s, f.missedStarts},
        {u"bounced_cycles"_s, f.bouncedCycles},
        {u"reenumerated_runs"_s, f.reenumeratedRuns},
        {u"left_in_bounces"_s, f.leftInBounces},
        {u"swaps_without_empty"_s, f.swapsWithoutEmpty},
        {u"settle_ms"_s, double(o.settleMs) * (o.mode == u"station"_s ? o.scale : 1.0)},
        {u"latency_observed_p50_ms"_s, percentile(f.latencyObservedMs, 50)},
        {u"latency_observed_p95_ms"_s, percentile(f.latencyObservedMs, 95)},
        {u"latency_observed_max_ms"_s, percentile(f.latencyObservedMs, 100)},
        {u"latency_observed_p95_real_ms"_s, percentile(f.latencyObservedMs, 95) * toReal},
        {u"wall_s"_s, double(wall.elapsed()) / 1000.0}};
    if (o.mode == u"model"_s) {
        // The device's own first answer (the model knows it; the station cannot).
        json.insert(u"latency_device_p50_ms"_s, percentile(f.latencyMs, 50));
        json.insert(u"latency_device_p95_ms"_s, percentile(f.latencyMs, 95));
        json.insert(u"latency_device_max_ms"_s, percentile(f.latencyMs, 100));
        json.insert(u"latency_device_first_p95_ms"_s, percentile(f.latencyFirstMs, 95));
        json.insert(u"latency_device_first_max_ms"_s, percentile(f.latencyFirstMs, 100));
    }
    if (o.mode == u"station"_s) {
        json.insert(u"scale"_s, o.scale);
        json.insert(u"sim_time_scale"_s, o.simTimeScale);
        json.insert(u"latency_plug_p50_ms"_s, percentile(f.latencyPlugMs, 50));
        json.insert(u"latency_plug_p95_ms"_s, percentile(f.latencyPlugMs, 95));
        json.insert(u"latency_plug_max_ms"_s, percentile(f.latencyPlugMs, 100));
        json.insert(u"latency_first_answer_p95_ms"_s, percentile(f.latencyFirstMs, 95));
    }
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QString value = it.value().isString() ? it.value().toString()
                                                    : QString::number(it.value().toDouble());
        std::printf("%s: %s\n", qPrintable(it.key()), qPrintable(value));
    }
    if (!o.json.isEmpty()) {
        QFile file(o.json);
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(json).toJson());
    }
    return f.doubleStarts == 0 && f.missedStarts == 0 ? 0 : 1;
}
