// Capture memory: N fixtures' tools flooding their output at once. Each of N threads (one per
// fixture, as the fixture workers) runs ToolRunner::run on toolhelper's flood mode, which writes
// 64-byte lines to stdout and stderr as fast as the pipes take them for a few seconds, with a
// line handler as the live view has. Measured in this (fresh) process:
// - peak RSS (VmHWM: this process's peak, so the flood's) and its growth over the RSS before the
//   tools started, in total and per fixture; also the highest VmRSS a 5 ms sampler saw;
// - how much output was read and split into lines, and how much was kept (capped at 1 MiB per
//   stream, with the truncated flag).
//
//   bench_capture [--fixtures 8] [--seconds 3] [--streams both|out|err] [--json FILE]
#include "benchreport.h"
#include "services/process/toolrunner.h"
#include "stationdriver.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

using Bench::argument;

constexpr double MiB = 1024.0 * 1024.0;
constexpr std::chrono::milliseconds SampleEvery {5};

struct FixtureRun
{
    ToolResult result;
    qint64 lineBytes = 0; // bytes delivered as lines (line + its line end)
    qint64 lines = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Bench::Report report(u"bench_capture"_s, args);
    const int fixtures = argument(args, u"--fixtures"_s, u"8"_s).toInt();
    const double seconds = argument(args, u"--seconds"_s, u"3"_s).toDouble();
    const QString streams = argument(args, u"--streams"_s, u"both"_s);
    const QString helper = QStringLiteral(STATION_TOOLHELPER);
    if (fixtures < 1 || fixtures > 256 || seconds <= 0
        || !QStringList {u"both"_s, u"out"_s, u"err"_s}.contains(streams)) {
        std::fprintf(stderr, "bench_capture: bad arguments\n");
        return 2;
    }
    if (!QFileInfo(helper).isExecutable()) {
        std::fprintf(stderr, "bench_capture: %s is not built\n", qPrintable(helper));
        return 2;
    }
    const auto floodMs = std::chrono::milliseconds(qint64(seconds * 1000));
    report.parameter(u"fixtures"_s, QString::number(fixtures));
    report.parameter(u"seconds"_s, QString::number(seconds));
    report.parameter(u"streams"_s, streams);
    report.parameter(u"cap_per_stream"_s, QString::number(ToolRunner::MaxCapturedBytes));

    std::vector<FixtureRun> runs(static_cast<size_t>(fixtures));
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < fixtures; ++i) {
        FixtureRun *run = &runs[size_t(i)];
        threads.emplace_back(QThread::create([run, helper, floodMs, streams] {
            ToolCall call;
            call.program = helper;
            call.arguments = {u"flood"_s, QString::number(floodMs.count()), streams};
            call.timeout = floodMs + std::chrono::seconds(60);
            run->result = ToolRunner::run(call, {}, [run](OutputChannel, const QString &line) {
                ++run->lines;
                run->lineBytes += line.size() + 1;
            });
        }));
    }

    const double rssBefore = Bench::currentRssMiB();
    std::atomic<bool> running {true};
    double rssPeakSampled = rssBefore;
    std::thread sampler([&] {
        while (running.load()) {
            rssPeakSampled = std::max(rssPeakSampled, Bench::currentRssMiB());
            std::this_thread::sleep_for(SampleEvery);
        }
    });
    const auto start = std::chrono::steady_clock::now();
    for (const auto &thread : threads)
        thread->start();
    for (const auto &thread : threads)
        thread->wait();
    const double wallMs = Bench::msSince(start);
    running = false;
    sampler.join();
    const double rssPeak = Bench::peakRssMiB();

    int failed = 0;
    int truncatedStreams = 0;
    qint64 lineBytes = 0;
    qint64 lines = 0;
    qint64 keptMin = ToolRunner::MaxCapturedBytes;
    qint64 keptMax = 0;
    for (const FixtureRun &run : runs) {
        if (run.result.outcome != ToolOutcome::Succeeded) {
            ++failed;
            std::fprintf(stderr,
                "bench_capture: %s: %s\n",
                qPrintable(toolOutcomeName(run.result.outcome)),
                qPrintable(run.result.errorString));
        }
        truncatedStreams += int(run.result.stdOutTruncated) + int(run.result.stdErrTruncated);
        lineBytes += run.lineBytes;
        lines += run.lines;
        for (const QByteArray *kept : {&run.result.stdOut, &run.result.stdErr}) {
            if (kept->isEmpty())
                continue;
            keptMin = std::min<qint64>(keptMin, kept->size());
            keptMax = std::max<qint64>(keptMax, kept->size());
        }
    }

    report.add(u"rss_before"_s, rssBefore, u"MiB"_s);
    report.add(u"rss_peak"_s, rssPeak, u"MiB"_s);
    report.add(u"rss_peak_sampled"_s, rssPeakSampled, u"MiB"_s);
    report.add(u"rss_growth"_s, rssPeak - rssBefore, u"MiB"_s);
    report.add(u"rss_growth_per_fixture"_s, (rssPeak - rssBefore) / fixtures, u"MiB"_s);
    report.add(u"wall"_s, wallMs, u"ms"_s);
    report.add(u"output_read"_s, double(lineBytes) / MiB, u"MiB"_s);
    report.add(u"output_rate"_s, double(lineBytes) / MiB / (wallMs / 1000.0), u"MiB/s"_s);
    report.add(u"lines"_s, double(lines), u"lines"_s);
    report.add(u"kept_per_stream_min"_s, double(keptMin) / MiB, u"MiB"_s);
    report.add(u"kept_per_stream_max"_s, double(keptMax) / MiB, u"MiB"_s);
    report.add(u"truncated_streams"_s, truncatedStreams, u"streams"_s);
    report.add(u"failed_calls"_s, failed, u"calls"_s);
    // "A few MiB per running tool": two 1 MiB captures, a partial line each, one pipe read.
    report.target(u"rss_growth_per_fixture"_s, 8);
    report.note(u"Each tool writes 64-byte lines to the chosen streams as fast as the pipes take "
                "them; the station reads everything (lines go to a counting handler) and keeps "
                "the first 1 MiB of each stream."_s);
    if (!report.finish())
        return 1;
    return failed == 0 ? 0 : 1;
}
