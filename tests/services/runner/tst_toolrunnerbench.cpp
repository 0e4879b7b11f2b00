// Per-call overhead of ToolRunner::run over a bare QProcess start + waitForFinished, for a
// trivial process (/bin/true). Label "bench": run on demand, never asserts a speed.
#include "services/process/toolrunner.h"

#include <QProcess>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using Station::ToolCall;
using Station::ToolOutcome;
using Station::ToolRunner;

namespace {

constexpr int Iterations = 200;
constexpr int WarmUp = 20;

const QString TrueProgram = u"/bin/true"_s;

struct Stats
{
    double mean = 0;
    double median = 0;
};

template <typename F> Stats measure(F &&once)
{
    for (int i = 0; i < WarmUp; ++i)
        once();
    std::vector<double> samples;
    samples.reserve(Iterations);
    for (int i = 0; i < Iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        once();
        samples.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    Stats stats;
    for (double sample : samples)
        stats.mean += sample;
    stats.mean /= samples.size();
    std::sort(samples.begin(), samples.end());
    stats.median = samples[samples.size() / 2];
    return stats;
}

void report(const char *what, const Stats &stats)
{
    qInfo("%-34s mean %.3f ms  median %.3f ms  (%d calls)",
        what,
        stats.mean,
        stats.median,
        Iterations);
}

} // namespace

class tst_ToolRunnerBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overhead();
};

void tst_ToolRunnerBench::overhead()
{
    bool allOk = true;
    const Stats bare = measure([&] {
        QProcess process;
        process.start(TrueProgram, {});
        allOk = process.waitForFinished() && allOk;
    });

    ToolCall call;
    call.program = TrueProgram;
    const Stats runner = measure(
        [&] { allOk = ToolRunner::run(call).outcome == ToolOutcome::Succeeded && allOk; });
    const Stats runnerWithLines = measure([&] {
        allOk = ToolRunner::run(call, {}, [](Station::OutputChannel, const QString &) {}).outcome
                == ToolOutcome::Succeeded
            && allOk;
    });
    const Stats runnerFreshCall = measure([&] {
        ToolCall fresh; // includes QProcessEnvironment::systemEnvironment()
        fresh.program = TrueProgram;
        allOk = ToolRunner::run(fresh).outcome == ToolOutcome::Succeeded && allOk;
    });
    QVERIFY(allOk);

    report("bare QProcess", bare);
    report("ToolRunner::run", runner);
    report("ToolRunner::run + line handler", runnerWithLines);
    report("ToolRunner::run, new ToolCall", runnerFreshCall);
    qInfo("overhead per call: mean %.3f ms, median %.3f ms",
        runner.mean - bare.mean,
        runner.median - bare.median);
}

QTEST_GUILESS_MAIN(tst_ToolRunnerBench)

#include "tst_toolrunnerbench.moc"
