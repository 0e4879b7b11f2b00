// Station overhead: N devices through a recipe on the simulator at time scale 0 (every tool
// returns at once), the station's wall time against the floor: the same commands the station
// ran (from its record), replayed back to back as plain processes by a minimal driver with the
// same parallelism, and the UART scripts replayed as raw line exchanges on the same simulator.
//
//   bench_overhead [--devices 1,8,32] [--recipe full.json] [--repeat 3] [--bin DIR] [--json FILE]
#include "benchreport.h"
#include "replay.h"
#include "services/process/backgroundprocess.h"
#include "services/process/toolrunner.h"
#include "services/rf/rftooloutput.h"
#include "stationdriver.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

using Bench::argument;

void complain(const QString &what, const Error &error)
{
    std::fprintf(stderr,
        "bench_overhead: %s: %s %s\n",
        qPrintable(what),
        qPrintable(error.message),
        qPrintable(error.detail));
}

double childrenCpuMs()
{
    rusage usage {};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

struct Sample
{
    double stationMs = 0; // sphere-station process, start to exit
    double runsMs = 0;    // first run start to last run finish (record)
    double replayMs = 0;  // the floor, UART included
    double replayNoUartMs = 0;
    double replayToolRunnerMs = 0; // the floor's processes started by ToolRunner instead
    // CPU time (user + system) of the waited-for descendants: less sensitive to other load.
    double stationCpuMs = 0;
    double replayCpuMs = 0;
    double stationUartMs = 0; // sum of the uart-test steps' durations (record)
    double replayUartMs = 0;  // sum of the replayed UART scripts
    qint64 steps = 0;
    qint64 uartSteps = 0;
    int processes = 0;
    int mismatches = 0;
    int failedRuns = 0;
};

std::optional<Sample> measure(int devices, const QString &recipe, const QString &recordDir)
{
    QTemporaryDir dir;
    QTemporaryDir recordFolder(recordDir + u"/bench-record-XXXXXX"_s);
    if (!dir.isValid())
        return std::nullopt;
    const QString stationBench = dir.filePath(u"station-bench"_s);
    const QString replayBench = dir.filePath(u"replay-bench"_s);
    const QString record = recordFolder.filePath(u"record.sqlite"_s);
    const QString count = QString::number(devices);
    for (const QString &home : {stationBench, replayBench}) {
        QDir().mkpath(home);
        if (auto made = Bench::sphereSim(
                {u"bench"_s, u"create"_s, u"--devices"_s, count}, Bench::simEnvironment(home, 0.0));
            !made) {
            complain(u"bench create"_s, made.error());
            return std::nullopt;
        }
    }

    Bench::StationRunOptions options;
    options.recipe = recipe;
    options.devices = devices;
    options.benchHome = stationBench;
    options.record = record;
    options.timeScale = 0.0;
    const double cpuBefore = childrenCpuMs();
    auto station = Bench::runStation(options);
    if (!station) {
        complain(u"sphere-station"_s, station.error());
        return std::nullopt;
    }
    Sample sample;
    sample.stationMs = station->processMs;
    sample.stationCpuMs = childrenCpuMs() - cpuBefore;

    auto runs = Bench::queryRecord(record,
        u"SELECT count(*), min(started_utc), max(finished_utc), sum(outcome <> 'PASS') FROM runs"_s);
    auto steps = Bench::queryRecord(record, uR"(SELECT count(*), sum(type = 'uart-test'),
                   sum(CASE WHEN type = 'uart-test'
                       THEN (julianday(finished_utc) - julianday(started_utc)) * 86400000.0
                       ELSE 0 END)
            FROM steps)"_s);
    if (!runs || !steps) {
        complain(u"read record"_s, !runs ? runs.error() : steps.error());
        return std::nullopt;
    }
    const QVariantList &r = runs->constFirst();
    if (r.at(0).toInt() != devices) {
        std::fprintf(stderr,
            "bench_overhead: the record has %d runs for %d devices\n%s\n%s\n",
            r.at(0).toInt(),
            devices,
            qPrintable(station->stdOut.right(2000)),
            qPrintable(station->stdErr.right(2000)));
        return std::nullopt;
    }
    sample.runsMs = double(Bench::recordTimeMs(r.at(2)) - Bench::recordTimeMs(r.at(1)));
    sample.failedRuns = r.at(3).toInt();
    sample.steps = steps->constFirst().at(0).toLongLong();
    sample.uartSteps = steps->constFirst().at(1).toLongLong();
    sample.stationUartMs = steps->constFirst().at(2).toDouble();

    QByteArray rfInput;
    for (const QString &command : RfToolOutput::regionCommands(u"US"_s))
        rfInput += command.toUtf8() + '\n';
    // full.json's Wi-Fi network (ASSETS.md wifi.json); the record masks the key.
    const QHash<QString, QString> unmasked {{u"--psk"_s, u"simulated-psk-1234"_s}};
    auto fixtures = Bench::commandsFromRecord(record, stationBench, replayBench, rfInput, unmasked);
    if (!fixtures) {
        complain(u"commands from record"_s, fixtures.error());
        return std::nullopt;
    }

    // The replay's UART server, started before the clock runs (the station's own server start
    // is part of its wall time: an overhead a station has).
    ToolCall serve;
    serve.program = Bench::sphereSimProgram();
    serve.arguments = {u"serve"_s};
    serve.environment = Bench::simEnvironment(replayBench, 0.0);
    auto server = ToolRunner::startBackground(serve);
    if (!server) {
        complain(u"sphere-sim serve"_s, server.error());
        return std::nullopt;
    }
    const QString last = QString::number(1210 + devices);
    if (auto ready = (*server)->waitForLine(
            QRegularExpression(u"^UART %1 "_s.arg(last)), std::chrono::seconds(30));
        !ready) {
        complain(u"sphere-sim serve"_s, ready.error());
        return std::nullopt;
    }
    const double replayCpuBefore = childrenCpuMs();
    const Bench::ReplayResult floor
        = Bench::replay(*fixtures, Bench::simEnvironment(replayBench, 0.0), true);
    sample.replayCpuMs = childrenCpuMs() - replayCpuBefore;
    if (!floor.errors.isEmpty()) {
        std::fprintf(
            stderr, "bench_overhead: replay: %s\n", qPrintable(floor.errors.join(u"; "_s)));
        return std::nullopt;
    }
    sample.replayMs = floor.wallMs;
    sample.replayUartMs = floor.uartMs;
    sample.processes = floor.processes;
    sample.mismatches = floor.exitCodeMismatches;
    (*server)->stop();
    server->reset();

    // The same processes without the UART scripts, on a fresh bench (device state as before).
    QDir(replayBench).removeRecursively();
    QDir().mkpath(replayBench);
    if (auto made = Bench::sphereSim({u"bench"_s, u"create"_s, u"--devices"_s, count},
            Bench::simEnvironment(replayBench, 0.0));
        !made) {
        complain(u"bench create"_s, made.error());
        return std::nullopt;
    }
    const Bench::ReplayResult noUart
        = Bench::replay(*fixtures, Bench::simEnvironment(replayBench, 0.0), false);
    sample.replayNoUartMs = noUart.wallMs;

    // And once more with the station's own process starter.
    QDir(replayBench).removeRecursively();
    QDir().mkpath(replayBench);
    if (auto made = Bench::sphereSim({u"bench"_s, u"create"_s, u"--devices"_s, count},
            Bench::simEnvironment(replayBench, 0.0));
        !made) {
        complain(u"bench create"_s, made.error());
        return std::nullopt;
    }
    const Bench::ReplayResult viaToolRunner = Bench::replay(
        *fixtures, Bench::simEnvironment(replayBench, 0.0), false, Bench::Spawner::ToolRunner);
    if (!viaToolRunner.errors.isEmpty()) {
        std::fprintf(stderr,
            "bench_overhead: replay with ToolRunner: %s\n",
            qPrintable(viaToolRunner.errors.join(u"; "_s)));
        return std::nullopt;
    }
    sample.replayToolRunnerMs = viaToolRunner.wallMs;
    return sample;
}

template <typename F> double medianOf(const std::vector<Sample> &samples, F field)
{
    std::vector<double> values;
    for (const Sample &s : samples)
        values.push_back(field(s));
    return Bench::median(values);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Bench::Report report(u"bench_overhead"_s, args);
    Bench::setBinDirectoryFromArguments(args);
    report.parameter(u"station"_s, Bench::stationProgram());
    const QString recipe = Bench::recipeFromArguments(args);
    const int repeat = std::max(1, argument(args, u"--repeat"_s, u"3"_s).toInt());
    // Where the station's record goes (a tmpfs here shows what fsync costs).
    const QString recordDir = argument(args, u"--record-dir"_s, QDir::tempPath());
    report.parameter(u"recipe"_s, recipe);
    report.parameter(u"time_scale"_s, u"0"_s);
    report.parameter(u"repeat"_s, QString::number(repeat));
    report.parameter(u"record_dir"_s, recordDir);
    report.note(u"UART steps are not processes: the floor replays each UART script as raw line "
                "exchanges on the same simulator's pseudo-terminals (one reply line per sent "
                "line), so both sides include them; replay_no_uart shows the processes alone."_s);

    const QStringList deviceCounts
        = argument(args, u"--devices"_s, u"1,8,32"_s).split(u',', Qt::SkipEmptyParts);
    for (const QString &countText : deviceCounts) {
        const int devices = countText.toInt();
        if (devices < 1 || devices > 253) {
            std::fprintf(stderr, "bench_overhead: bad device count %s\n", qPrintable(countText));
            return 2;
        }
        std::vector<Sample> samples;
        for (int i = 0; i < repeat; ++i) {
            auto sample = measure(devices, recipe, recordDir);
            if (!sample)
                return 1;
            std::printf("# n=%d try %d: station %.0f ms, runs %.0f ms, floor %.0f ms\n",
                devices,
                i + 1,
                sample->stationMs,
                sample->runsMs,
                sample->replayMs);
            std::fflush(stdout);
            samples.push_back(*sample);
        }
        const QString p = u"n%1."_s.arg(devices);
        const double station = medianOf(samples, [](const Sample &s) { return s.stationMs; });
        const double runsWall = medianOf(samples, [](const Sample &s) { return s.runsMs; });
        const double floor = medianOf(samples, [](const Sample &s) { return s.replayMs; });
        const double steps = double(samples.front().steps);
        report.add(p + u"steps"_s, steps, u"steps"_s);
        report.add(p + u"processes"_s, samples.front().processes, u"processes"_s);
        report.add(p + u"failed_runs"_s, samples.front().failedRuns, u"runs"_s);
        report.add(p + u"replay_exit_code_mismatches"_s, samples.front().mismatches, u"commands"_s);
        report.add(p + u"station_wall"_s, station, u"ms"_s);
        report.add(p + u"station_runs_wall"_s, runsWall, u"ms"_s);
        report.add(p + u"replay_wall"_s, floor, u"ms"_s);
        report.add(p + u"replay_no_uart_wall"_s,
            medianOf(samples, [](const Sample &s) { return s.replayNoUartMs; }),
            u"ms"_s);
        report.add(p + u"replay_toolrunner_no_uart_wall"_s,
            medianOf(samples, [](const Sample &s) { return s.replayToolRunnerMs; }),
            u"ms"_s);
        report.add(p + u"station_uart_step_time"_s,
            medianOf(samples, [](const Sample &s) { return s.stationUartMs; }),
            u"ms"_s);
        report.add(p + u"replay_uart_time"_s,
            medianOf(samples, [](const Sample &s) { return s.replayUartMs; }),
            u"ms"_s);
        const double stationCpu = medianOf(samples, [](const Sample &s) { return s.stationCpuMs; });
        const double replayCpu = medianOf(samples, [](const Sample &s) { return s.replayCpuMs; });
        report.add(p + u"station_cpu"_s, stationCpu, u"ms"_s);
        report.add(p + u"replay_cpu"_s, replayCpu, u"ms"_s);
        report.add(p + u"cpu_ratio"_s, stationCpu / replayCpu, u"x"_s);
        report.add(p + u"cpu_overhead_per_step"_s, (stationCpu - replayCpu) / steps, u"ms"_s);
        report.add(p + u"ratio"_s, station / floor, u"x"_s);
        report.add(p + u"ratio_runs"_s, runsWall / floor, u"x"_s);
        // Per step of one fixture: the fixtures run in parallel, so the wall-time difference is
        // spread over one fixture's steps, not all of them.
        const double stepsPerFixture = steps / double(devices);
        report.add(p + u"overhead_per_step"_s, (station - floor) / stepsPerFixture, u"ms"_s);
        report.add(p + u"overhead_per_step_runs"_s, (runsWall - floor) / stepsPerFixture, u"ms"_s);
        // The same difference over every step of every fixture (the station's cost per step).
        report.add(p + u"overhead_per_step_all"_s, (station - floor) / steps, u"ms"_s);
        report.target(p + u"ratio"_s, 1.05);
        report.target(p + u"overhead_per_step"_s, 5.0);
    }
    return report.finish() ? 0 : 1;
}
