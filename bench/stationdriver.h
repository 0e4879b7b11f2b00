#pragma once

#include "services/base/result.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <chrono>

// Drives the built programs the way a script would: `sphere-sim` to make a simulated bench,
// `sphere-station --headless` to run it, and plain SQL over the record it wrote. Used by the
// station benchmarks; blocking calls, any thread.
namespace Bench {

// The folder of the programs the benchmarks drive: <build>/bin, or --bin DIR (another build's,
// e.g. a patched station for an experiment); the simulator's tools are in DIR/../sim-bin.
void setBinDirectory(const QString &directory);
// Reads --bin DIR from the arguments, if given.
void setBinDirectoryFromArguments(const QStringList &arguments);
QString stationProgram();                // <bin>/sphere-station
QString sphereSimProgram();              // <bin>/sphere-sim
QString recipePath(const QString &name); // <source>/resources/recipes/<name>
// --recipe FILE (a path, or a name in <source>/resources/recipes/), else full.json.
QString recipeFromArguments(const QStringList &arguments);

// The environment every tool of a bench sees: this process's, with AZSPHERE_SIM_HOME and
// AZSPHERE_SIM_TIME_SCALE set.
QProcessEnvironment simEnvironment(const QString &benchHome, double timeScale);

// Runs `sphere-sim ARGS` in `environment`; its stdout on success.
[[nodiscard]] Station::Result<QByteArray> sphereSim(
    const QStringList &arguments, const QProcessEnvironment &environment);

struct StationRunOptions
{
    QString recipe;
    int devices = 1; // --simulate N
    QString benchHome;
    QString record;
    double timeScale = 0.0;
    QStringList extraArguments;
    std::chrono::milliseconds timeout = std::chrono::minutes(30);
};

struct StationRun
{
    double processMs = 0.0; // sphere-station start to exit
    int exitCode = -1;
    bool crashed = false;
    QString stdOut;
    QString stdErr;
};

// Runs `sphere-station --headless --simulate N --recipe R --record F` to the end.
[[nodiscard]] Station::Result<StationRun> runStation(const StationRunOptions &options);

// Rows of a read-only SQL query over a record (SQLite C API, its own connection).
[[nodiscard]] Station::Result<QList<QVariantList>> queryRecord(
    const QString &recordPath, const QString &sql);

// Milliseconds since the epoch of a record time ("2026-11-24T08:15:14.123Z"); -1 if invalid.
qint64 recordTimeMs(const QVariant &text);

// Splits a command line as ToolRunner writes it (POSIX shell words: bare words, '...' quoting
// with '\'' for a quote) back into its words.
QStringList splitCommandLine(const QString &line);

// Peak resident set size of this process (VmHWM) in MiB, from /proc/self/status.
double peakRssMiB();
// Current resident set size of this process (VmRSS) in MiB, from /proc/self/status.
double currentRssMiB();

} // namespace Bench
