#pragma once

#include "services/base/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// The floor a station cannot beat: the same tool commands it ran, replayed back to back as plain
// processes (posix_spawn + pipes + waitpid, nothing else), one thread per fixture as the station
// has, and the UART test scripts replayed as raw line exchanges on the simulator's
// pseudo-terminals. Built from the commands table of the record the station wrote.
namespace Bench {

struct ReplayCommand
{
    QStringList argv; // program and arguments (a process)
    QByteArray input; // written to stdin, then closed
    int expectedExitCode = 0;
    // A UART script instead of a process: the port and the lines the station sent.
    QString uartPort;
    QList<QByteArray> uartSends;

    bool isUart() const { return !uartPort.isEmpty(); }
};

struct ReplayFixture
{
    int fixture = 0;
    QList<ReplayCommand> commands;
};

struct ReplayResult
{
    double wallMs = 0.0;       // first start to last end, all fixtures in parallel
    double processMs = 0.0;    // sum of the process commands' times
    double uartMs = 0.0;       // sum of the UART scripts' times
    double maxFixtureMs = 0.0; // the slowest fixture's sequence
    int processes = 0;
    int uartScripts = 0;
    int exitCodeMismatches = 0; // a replayed tool exited otherwise than in the station's run
    QStringList errors;         // could not start / UART failure (first few)
};

// The commands of every run in the record, per fixture in run, step and command order.
// UART ports under `stationBench` are mapped to `replayBench`; every RfToolCli call gets
// `rfCliInput` on stdin (the record keeps command lines, not stdin). The record masks secrets
// ("--psk ********"): `unmasked` gives the real value per option. Entries that are not tool
// calls (the in-process ready-to-ship checks) are left out.
[[nodiscard]] Station::Result<QList<ReplayFixture>> commandsFromRecord(const QString &recordPath,
    const QString &stationBench,
    const QString &replayBench,
    const QByteArray &rfCliInput,
    const QHash<QString, QString> &unmasked = {});

// How the replay starts a process: the floor (posix_spawn, pipes, waitpid), or the station's
// own ToolRunner::run (QProcess, process group, deadlines), to tell process start-up cost from
// everything else the station does.
enum class Spawner { PosixSpawn, ToolRunner };

// Replays every fixture's commands on its own thread, all fixtures at once.
// `uart` false skips the UART scripts (their time is then 0).
ReplayResult replay(const QList<ReplayFixture> &fixtures,
    const QProcessEnvironment &environment,
    bool uart,
    Spawner spawner = Spawner::PosixSpawn);

} // namespace Bench
