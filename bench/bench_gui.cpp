// GUI latency and memory: the station window (MainWindow, as `sphere-station` builds it) with 64
// fixtures on a simulated bench running a recipe at a small time scale, measured in-process:
// - event-loop lateness: a 5 ms precise QTimer measuring how late each tick comes;
// - post latency: every 5 ms another thread posts a call to the GUI thread, timed until it runs;
// - peak RSS (VmHWM) of the whole process (window, station, worker threads).
// Between rounds every device is swapped for a new one, so each round runs the whole recipe.
// Runs offscreen (QT_QPA_PLATFORM=offscreen), so painting is real but nothing is shown.
//
//   bench_gui [--fixtures 64] [--rounds 2] [--time-scale 0.01] [--recipe full.json]
//             [--gui-nice N] [--json FILE]
#include "app/stationsetup.h"
#include "benchreport.h"
#include "models/fixturemodel.h"
#include "services/base/logging.h"
#include "services/station/simulatorbackend.h"
#include "services/station/station.h"
#include "stationdriver.h"
#include "tests/helpers/windowrecipe.h"
#include "ui/mainwindow.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

constexpr int TickMs = 5;
constexpr int PostEveryMs = 5;

using Bench::argument;
using Bench::currentRssMiB;

// Posts a call to the GUI thread every few milliseconds from its own thread (whose timer the
// GUI thread cannot hold up), so the delay until the call runs is the event loop's latency.
class Poster : public QObject
{
public:
    Poster(QObject *target, std::vector<double> *delays, const QElapsedTimer *clock)
        : m_target(target)
        , m_delays(delays)
        , m_clock(clock)
    {
        m_timer->setTimerType(Qt::PreciseTimer);
        m_timer->setInterval(PostEveryMs);
        QObject::connect(m_timer, &QTimer::timeout, this, [this] {
            const qint64 posted = m_clock->nsecsElapsed();
            // The lambda runs on the GUI thread, the only one touching *m_delays.
            QMetaObject::invokeMethod(
                m_target,
                [delays = m_delays, clock = m_clock, posted] {
                    delays->push_back(double(clock->nsecsElapsed() - posted) / 1e6);
                },
                Qt::QueuedConnection);
        });
    }
    QTimer *m_timer = new QTimer(this); // a child: it moves to the poster's thread too

private:
    QObject *m_target;
    std::vector<double> *m_delays;
    const QElapsedTimer *m_clock;
};

// Measures the GUI thread's event loop while it is active (between start() and stop()).
class LoopProbe : public QObject
{
public:
    LoopProbe()
    {
        m_clock.start();
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(TickMs);
        QObject::connect(&m_tick, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_lastTick > 0)
                m_lateness.push_back(double(now - m_lastTick) / 1e6 - TickMs);
            m_lastTick = now;
        });
        m_poster = new Poster(this, &m_postDelays, &m_clock);
        m_poster->moveToThread(&m_posterThread);
        QObject::connect(&m_posterThread, &QThread::finished, m_poster, &QObject::deleteLater);
        m_posterThread.start();
    }
    ~LoopProbe() override
    {
        m_posterThread.quit();
        m_posterThread.wait();
    }
    void start()
    {
        m_lastTick = m_clock.nsecsElapsed(); // a first tick held up by a blocked loop counts too
        m_tick.start();
        QMetaObject::invokeMethod(m_poster, [p = m_poster] { p->m_timer->start(); });
    }
    void stop()
    {
        m_tick.stop();
        m_lastTick = 0;
        QMetaObject::invokeMethod(
            m_poster, [p = m_poster] { p->m_timer->stop(); }, Qt::BlockingQueuedConnection);
        // Calls posted before the stop still count: let them run.
        QCoreApplication::processEvents();
    }

    std::vector<double> m_lateness;   // ms late per 5 ms tick of a GUI-thread timer
    std::vector<double> m_postDelays; // ms from a post (another thread) until it ran

private:
    QElapsedTimer m_clock;
    QTimer m_tick;
    QThread m_posterThread;
    Poster *m_poster = nullptr;
    qint64 m_lastTick = 0;
};

// CPU time (user + system) of the calling thread, or of the whole process, in seconds.
double cpuSeconds(bool thisThread)
{
    QFile stat(thisThread ? u"/proc/thread-self/stat"_s : u"/proc/self/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return 0.0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5) (utime, stime), counted from the state (field 3) here.
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

// Runs the event loop until `ready()` or the timeout; returns ready().
bool waitUntil(const std::function<bool()> &ready, std::chrono::milliseconds timeout)
{
    QElapsedTimer clock;
    clock.start();
    while (!ready() && clock.elapsed() < timeout.count()) {
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return ready();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    Bench::Report report(u"bench_gui"_s, args);
    const int fixtures = argument(args, u"--fixtures"_s, u"64"_s).toInt();
    const int rounds = std::max(1, argument(args, u"--rounds"_s, u"2"_s).toInt());
    const double timeScale = argument(args, u"--time-scale"_s, u"0.01"_s).toDouble();
    const QString recipe = Bench::recipeFromArguments(args);
    report.parameter(u"fixtures"_s, QString::number(fixtures));
    report.parameter(u"rounds"_s, QString::number(rounds));
    report.parameter(u"time_scale"_s, QString::number(timeScale));
    report.parameter(u"recipe"_s, recipe);
    report.parameter(u"platform"_s, QApplication::platformName());

    QTemporaryDir dir;
    const QString bench = dir.filePath(u"bench"_s);
    QDir().mkpath(bench);
    qputenv("AZSPHERE_SIM_TIME_SCALE", QByteArray::number(timeScale));
    qputenv("AZSPHERE_SIM_HOME", QFile::encodeName(bench));
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(u"xdg-data"_s)));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(u"xdg-config"_s)));
    const QProcessEnvironment env = Bench::simEnvironment(bench, timeScale);

    // As sphere-station does: logging, theme, the station, the window (maximised on 1920x1080).
    Logging::Options logging;
    logging.directory = dir.filePath(u"logs"_s);
    logging.stderrLevel = LogLevel::Critical;
    if (Result<> logs = Logging::initialize(logging); !logs)
        std::fprintf(stderr, "bench_gui: logging disabled: %s\n", qPrintable(logs.error().message));
    Theme::apply();
    AppOptions options;
    options.simulate = fixtures;
    options.recordPath = dir.filePath(u"record.sqlite"_s);
    options.operatorName = u"bench"_s;
    auto setup = std::make_unique<StationSetup>();
    if (Result<> built = setup->build(options, true); !built) {
        std::fprintf(stderr,
            "bench_gui: %s %s\n",
            qPrintable(built.error().message),
            qPrintable(built.error().detail));
        return 1;
    }
    StationController &station = setup->station();
    MainWindow::Options windowOptions;
    windowOptions.backendText = u"Simulator (bench_gui)"_s;
    auto window = std::make_unique<MainWindow>(station, windowOptions);
    window->setPermanentConfirmation([](const Recipe &) { return true; });
    window->resize(1920, 1080);
    window->show();
    if (!openRecipeAndWait(*window, recipe)) {
        std::fprintf(stderr, "bench_gui: the window refused %s\n", qPrintable(recipe));
        return 1;
    }
    const double rssIdle = currentRssMiB();
    // Experiment: the GUI thread's nice value (e.g. -10 puts it ahead of the tool processes).
    // Set after the set-up, so the worker threads (and the tools they start) keep theirs.
    if (const QString nice = argument(args, u"--gui-nice"_s, {}); !nice.isEmpty()) {
        if (::setpriority(PRIO_PROCESS, id_t(::gettid()), nice.toInt()) != 0)
            std::fprintf(stderr, "bench_gui: setpriority %s failed\n", qPrintable(nice));
        report.parameter(u"gui_thread_nice"_s, nice);
    }

    LoopProbe probe;
    int finishedRuns = 0;
    int passedRuns = 0;
    QObject::connect(
        &station, &StationController::runFinished, &app, [&](int, const FixtureSnapshot &snapshot) {
            ++finishedRuns;
            if (snapshot.verdict == RunOutcome::Pass)
                ++passedRuns;
        });
    QElapsedTimer busy;
    double busyMs = 0;
    std::vector<double> startAllMs; // how long MainWindow::startAll() held the GUI thread
    double guiCpu = 0;              // the GUI thread's CPU time while runs were going
    double processCpu = 0;          // the whole process's (GUI, workers, record)
    double rssPeakDuring = 0;
    QTimer rssSampler;
    QObject::connect(&rssSampler, &QTimer::timeout, &app, [&] {
        rssPeakDuring = std::max(rssPeakDuring, currentRssMiB());
    });
    rssSampler.start(200);

    for (int round = 0; round < rounds; ++round) {
        if (round > 0) {
            // New devices in every fixture (sphere-sim swap), so the whole recipe runs again.
            for (int f = 1; f <= fixtures; ++f) {
                if (auto swapped
                    = Bench::sphereSim({u"swap"_s, u"--fixture"_s, QString::number(f)}, env);
                    !swapped) {
                    std::fprintf(stderr, "bench_gui: %s\n", qPrintable(swapped.error().message));
                    return 1;
                }
            }
        }
        // Start all starts the fixtures whose device the presence poll has seen.
        const auto allPresent = [&] {
            for (int f = 1; f <= fixtures; ++f) {
                if (station.isRunning(f) || station.snapshot(f).presence != Presence::Present)
                    return false;
            }
            return true;
        };
        if (!waitUntil(allPresent, std::chrono::minutes(1))) {
            std::fprintf(stderr, "bench_gui: the devices were not all present within a minute\n");
            return 1;
        }
        QEventLoop loop;
        const auto done
            = QObject::connect(&station, &StationController::allFinished, &loop, &QEventLoop::quit);
        QTimer guard;
        guard.setSingleShot(true);
        QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
        guard.start(std::chrono::minutes(10));
        busy.start();
        const double guiCpuBefore = cpuSeconds(true);
        const double processCpuBefore = cpuSeconds(false);
        probe.start();
        QElapsedTimer startCall;
        startCall.start();
        window->startAll();
        startAllMs.push_back(double(startCall.nsecsElapsed()) / 1e6);
        int running = 0;
        for (int f = 1; f <= fixtures; ++f)
            running += station.isRunning(f) ? 1 : 0;
        if (running != fixtures) {
            std::fprintf(
                stderr, "bench_gui: start all started %d of %d fixtures\n", running, fixtures);
            return 1;
        }
        loop.exec();
        probe.stop();
        busyMs += double(busy.elapsed());
        guiCpu += cpuSeconds(true) - guiCpuBefore;
        processCpu += cpuSeconds(false) - processCpuBefore;
        QObject::disconnect(done);
        if (!guard.isActive()) {
            std::fprintf(stderr, "bench_gui: round %d did not finish in 10 minutes\n", round + 1);
            return 1;
        }
        std::printf("# round %d: %d runs finished, %lld ms\n",
            round + 1,
            finishedRuns,
            static_cast<long long>(busy.elapsed()));
        std::fflush(stdout);
    }

    report.add(u"runs"_s, finishedRuns, u"runs"_s);
    report.add(u"runs_passed"_s, passedRuns, u"runs"_s);
    report.add(u"busy_time"_s, busyMs / 1000.0, u"s"_s);
    report.add(u"start_all_call_max"_s, Bench::percentile(startAllMs, 100), u"ms"_s);
    report.add(u"gui_thread_cpu"_s, guiCpu, u"s"_s);
    report.add(u"gui_thread_load"_s, guiCpu / (busyMs / 1000.0), u"ratio"_s);
    report.add(u"process_cpu"_s, processCpu, u"s"_s);
    report.add(u"ticks"_s, double(probe.m_lateness.size()), u"ticks"_s);
    report.add(u"ticks_expected"_s, busyMs / TickMs, u"ticks"_s);
    report.add(u"tick_lateness_p50"_s, Bench::percentile(probe.m_lateness, 50), u"ms"_s);
    report.add(u"tick_lateness_p99"_s, Bench::percentile(probe.m_lateness, 99), u"ms"_s);
    report.add(u"tick_lateness_max"_s, Bench::percentile(probe.m_lateness, 100), u"ms"_s);
    report.add(u"posts"_s, double(probe.m_postDelays.size()), u"posts"_s);
    report.add(u"post_latency_p50"_s, Bench::percentile(probe.m_postDelays, 50), u"ms"_s);
    report.add(u"post_latency_p99"_s, Bench::percentile(probe.m_postDelays, 99), u"ms"_s);
    report.add(u"post_latency_max"_s, Bench::percentile(probe.m_postDelays, 100), u"ms"_s);
    report.add(u"rss_idle"_s, rssIdle, u"MiB"_s);
    report.add(u"rss_peak_sampled"_s, rssPeakDuring, u"MiB"_s);
    report.add(u"rss_peak"_s, Bench::peakRssMiB(), u"MiB"_s);
    report.target(u"tick_lateness_p99"_s, 16);
    report.target(u"post_latency_p99"_s, 16);
    report.target(u"rss_peak"_s, 300);
    report.note(u"tick lateness: how much later than 5 ms each tick of a 5 ms precise QTimer on "
                "the GUI thread came; post latency: a queued call posted to the GUI thread every "
                "5 ms from another thread, timed until it ran. Both only while runs were going."_s);

    // Shut down as sphere-station does: window, station (workers, record), simulator, logging.
    window.reset();
    setup.reset();
    Logging::shutdown();
    return report.finish() ? 0 : 1;
}
