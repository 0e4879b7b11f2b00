#pragma once

#include "services/base/canceltoken.h"
#include "services/base/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Station {

using namespace std::chrono_literals;

enum class ToolOutcome {
    Succeeded,   // exit code 0
    ExitCode,    // ran and exited normally with a non-zero code
    Crashed,     // killed by a signal we did not send
    StartFailed, // never started (missing, not executable)
    TimedOut,    // total or no-output deadline passed; the process group was killed
    Cancelled,   // CancelToken fired; the process group was killed
};

QString toolOutcomeName(ToolOutcome outcome);
// Inverse of toolOutcomeName; empty for an unknown name.
std::optional<ToolOutcome> toolOutcomeFromName(const QString &name);

enum class OutputChannel { StdOut, StdErr };

// One process to run. The program must be an absolute path to an executable file.
struct ToolCall
{
    QString program;
    QStringList arguments;
    QString workingDirectory; // empty: the current directory
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QByteArray input;                                // written to stdin, which is then closed
    std::chrono::milliseconds timeout = 60s;         // total deadline, always set
    std::chrono::milliseconds noOutputTimeout = 0ms; // 0 = none; long operations set it
};

// Everything a technician needs to see about one tool call.
struct ToolResult
{
    ToolOutcome outcome = ToolOutcome::StartFailed;
    int exitCode = -1;
    QString program;
    QStringList arguments;
    QString commandLine; // as a user would type it in a POSIX shell (quoted where needed)
    QDateTime started;   // UTC
    QDateTime finished;  // UTC
    std::chrono::milliseconds duration = 0ms;
    QByteArray stdOut; // raw, capped at MaxCapturedBytes
    QByteArray stdErr;
    bool stdOutTruncated = false;
    bool stdErrTruncated = false;
    QString errorString; // why it failed to start / timed out / was cancelled, in English

    bool isSuccess() const { return outcome == ToolOutcome::Succeeded; }
    // A stream was cut at MaxCapturedBytes: the reply is incomplete and must never be parsed.
    bool isTruncated() const { return stdOutTruncated || stdErrTruncated; }
    QString stdOutText() const { return QString::fromUtf8(stdOut); }
    QString stdErrText() const { return QString::fromUtf8(stdErr); }
};

// Called on the calling (worker) thread for each complete output line, without its line end.
// Lines are split by LineSplitter's rules; a last line without a line end is delivered when the
// process has ended. Lines keep coming past MaxCapturedBytes.
using ToolLineHandler = std::function<void(OutputChannel channel, const QString &line)>;

// Splits one output stream into lines, the same way for ToolRunner and BackgroundProcess. Line
// ends are "\n", "\r\n" and a lone "\r" (progress output rewrites its line with '\r'), also
// when a "\r\n" pair is split between two chunks. A line longer than MaxLineBytes is handed over
// in pieces of MaxLineBytes, so a line that never ends costs bounded memory. Bytes are UTF-8.
// One object per stream, used by one thread.
class LineSplitter
{
public:
    static constexpr qsizetype MaxLineBytes = 1024 * 1024;
    using Sink = std::function<void(const QString &line)>;

    void feed(const char *data, qsizetype size, const Sink &sink);
    void feed(const QByteArray &chunk, const Sink &sink)
    {
        feed(chunk.constData(), chunk.size(), sink);
    }
    // The stream has ended: hands over a last line that had no line end.
    void finish(const Sink &sink);

private:
    void appendPartial(const char *begin, const char *end, const Sink &sink);

    QByteArray m_partial;   // bytes of a line whose end has not arrived yet, <= MaxLineBytes
    bool m_afterCr = false; // the previous chunk ended in '\r': a leading '\n' belongs to it
};

class BackgroundProcess;

// The only class that starts processes. run() blocks the calling thread (a fixture's worker
// thread, never the GUI thread) and waits in slices of at most 50 ms so that the CancelToken
// ends the call promptly: SIGTERM to the process group, a grace period, then SIGKILL.
// The tool's stdout and stderr are pipes run() reads itself, at most ReadChunkBytes per stream
// per turn: however much and however fast a tool writes, a call holds at most its two captures,
// a partial line per stream and one read buffer (a few MiB), and the tool never blocks for
// long on a full pipe.
class ToolRunner
{
public:
    static constexpr qsizetype MaxCapturedBytes = 1024 * 1024;
    static constexpr qsizetype ReadChunkBytes = 64 * 1024; // a Linux pipe's default capacity
    static constexpr std::chrono::milliseconds KillGracePeriod = 3s;
    static constexpr std::chrono::milliseconds WaitSlice = 50ms;
    // How much lower than the station's the priority of every tool process is (nice).
    static constexpr int ToolNiceIncrement = 10;

    [[nodiscard]] static ToolResult run(
        const ToolCall &call, const CancelToken &cancel = {}, const ToolLineHandler &onLine = {});

    // Starts a long-running helper (e.g. the simulator's UART server) in its own process group.
    // The returned object stops it (SIGTERM, grace, SIGKILL of the group) when destroyed.
    // Implemented in services/process/backgroundprocess.cpp.
    [[nodiscard]] static Result<std::unique_ptr<BackgroundProcess>> startBackground(
        const ToolCall &call);

    // Quote one argument list the way a POSIX shell user would type it (for display only).
    static QString commandLine(const QString &program, const QStringList &arguments);
};

} // namespace Station

Q_DECLARE_METATYPE(Station::ToolResult)
