#include "services/toolrunner.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Station {

QString toolOutcomeName(ToolOutcome outcome)
{
    switch (outcome) {
    case ToolOutcome::Succeeded:
        return u"Succeeded"_s;
    case ToolOutcome::ExitCode:
        return u"ExitCode"_s;
    case ToolOutcome::Crashed:
        return u"Crashed"_s;
    case ToolOutcome::StartFailed:
        return u"StartFailed"_s;
    case ToolOutcome::TimedOut:
        return u"TimedOut"_s;
    case ToolOutcome::Cancelled:
        return u"Cancelled"_s;
    }
    return u"StartFailed"_s;
}

std::optional<ToolOutcome> toolOutcomeFromName(const QString &name)
{
    for (ToolOutcome outcome : {ToolOutcome::Succeeded,
             ToolOutcome::ExitCode,
             ToolOutcome::Crashed,
             ToolOutcome::StartFailed,
             ToolOutcome::TimedOut,
             ToolOutcome::Cancelled}) {
        if (toolOutcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

namespace {

// One output stream of the child: the raw capture (capped) and the line splitter state.
struct Stream
{
    QByteArray captured;
    bool truncated = false;
    QByteArray partial;   // bytes of a line whose end has not arrived yet
    bool afterCr = false; // the previous chunk ended in '\r': a leading '\n' belongs to it
};

void emitLine(Stream &stream,
    const char *begin,
    const char *end,
    OutputChannel channel,
    const ToolLineHandler &onLine)
{
    const auto size = static_cast<qsizetype>(end - begin);
    if (stream.partial.isEmpty()) {
        onLine(channel, QString::fromUtf8(begin, size));
        return;
    }
    stream.partial.append(begin, size);
    onLine(channel, QString::fromUtf8(stream.partial));
    stream.partial.clear();
}

// Line ends are "\n", "\r\n" and a lone "\r" (progress output rewrites its line with '\r'),
// also when a "\r\n" pair is split across two reads.
void splitLines(
    Stream &stream, const QByteArray &chunk, OutputChannel channel, const ToolLineHandler &onLine)
{
    const char *p = chunk.constData();
    const char *const end = p + chunk.size();
    if (stream.afterCr && p != end && *p == '\n')
        ++p;
    stream.afterCr = false;
    const char *lineStart = p;
    for (; p != end; ++p) {
        if (*p != '\n' && *p != '\r')
            continue;
        emitLine(stream, lineStart, p, channel, onLine);
        if (*p == '\r') {
            if (p + 1 == end)
                stream.afterCr = true;
            else if (p[1] == '\n')
                ++p;
        }
        lineStart = p + 1;
    }
    stream.partial.append(lineStart, static_cast<qsizetype>(end - lineStart));
    // A "line" that never ends must not grow without bound: hand it over in capped pieces.
    if (stream.partial.size() >= ToolRunner::MaxCapturedBytes) {
        onLine(channel, QString::fromUtf8(stream.partial));
        stream.partial.clear();
    }
}

void appendChunk(
    Stream &stream, const QByteArray &chunk, OutputChannel channel, const ToolLineHandler &onLine)
{
    const qsizetype room = ToolRunner::MaxCapturedBytes - stream.captured.size();
    if (chunk.size() <= room) {
        stream.captured.append(chunk);
    } else {
        // Past the cap the bytes are still read (so the child never blocks on a full pipe)
        // and still split into lines for a live view, but no longer kept.
        stream.captured.append(chunk.constData(), room);
        stream.truncated = true;
    }
    if (onLine)
        splitLines(stream, chunk, channel, onLine);
}

void flushPartial(Stream &stream, OutputChannel channel, const ToolLineHandler &onLine)
{
    if (onLine && !stream.partial.isEmpty()) {
        onLine(channel, QString::fromUtf8(stream.partial));
        stream.partial.clear();
    }
}

QString errnoText(int error)
{
    return QString::fromStdString(std::generic_category().message(error));
}

QString signalText(int signal)
{
    // sigabbrev_np() (glibc 2.32) is thread-safe, unlike strsignal().
    const char *abbrev = ::sigabbrev_np(signal);
    if (!abbrev)
        return QString::number(signal);
    return u"%1 (SIG%2)"_s.arg(QString::number(signal), QString::fromLatin1(abbrev));
}

// Empty if the program can be started; otherwise why not, in English.
QString programProblem(const QString &program)
{
    if (program.isEmpty())
        return u"No program given"_s;
    if (!QDir::isAbsolutePath(program))
        return u"Program is not an absolute path: %1"_s.arg(program);
    const QByteArray path = QFile::encodeName(program);
    struct stat info;
    if (::stat(path.constData(), &info) != 0)
        return u"Program not found: %1 (%2)"_s.arg(program, errnoText(errno));
    if (S_ISDIR(info.st_mode))
        return u"Program is a directory, not an executable file: %1"_s.arg(program);
    if (!S_ISREG(info.st_mode))
        return u"Program is not a regular file: %1"_s.arg(program);
    if (::access(path.constData(), X_OK) != 0)
        return u"Program is not executable: %1 (%2)"_s.arg(program, errnoText(errno));
    return {};
}

qint64 sliceMs(const QDeadlineTimer &a, const QDeadlineTimer &b)
{
    qint64 slice = ToolRunner::WaitSlice.count();
    for (const QDeadlineTimer *timer : {&a, &b}) {
        const qint64 remaining = timer->remainingTime(); // -1: forever
        if (remaining >= 0)
            slice = std::min(slice, remaining);
    }
    return slice;
}

bool isSafeShellChar(QChar c)
{
    if (c.unicode() >= 128)
        return false;
    const char ch = c.toLatin1();
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
        || std::strchr("_@%+=:,./-", ch) != nullptr;
}

void appendQuoted(QString &out, const QString &arg)
{
    if (!arg.isEmpty() && std::all_of(arg.cbegin(), arg.cend(), isSafeShellChar)) {
        out += arg;
        return;
    }
    out += u'\'';
    for (QChar c : arg) {
        if (c == u'\'')
            out += u"'\\''"_s;
        else
            out += c;
    }
    out += u'\'';
}

enum class StopReason { None, Deadline, Silence, Cancel };

} // namespace

QString ToolRunner::commandLine(const QString &program, const QStringList &arguments)
{
    QString line;
    appendQuoted(line, program);
    for (const QString &arg : arguments) {
        line += u' ';
        appendQuoted(line, arg);
    }
    return line;
}

ToolResult ToolRunner::run(
    const ToolCall &call, const CancelToken &cancel, const ToolLineHandler &onLine)
{
    const auto startTime = std::chrono::steady_clock::now();
    ToolResult result;
    result.program = call.program;
    result.arguments = call.arguments;
    result.commandLine = commandLine(call.program, call.arguments);
    result.started = QDateTime::currentDateTimeUtc();

    const auto finish = [&] {
        result.finished = QDateTime::currentDateTimeUtc();
        result.duration = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - startTime);
    };

    if (const QString problem = programProblem(call.program); !problem.isEmpty()) {
        result.outcome = ToolOutcome::StartFailed;
        result.errorString = problem;
        finish();
        return result;
    }
    if (cancel.isCancelled()) {
        result.outcome = ToolOutcome::Cancelled;
        result.errorString = u"Cancelled before the program was started"_s;
        finish();
        return result;
    }

    const QDeadlineTimer deadline = call.timeout > 0ms ? QDeadlineTimer(call.timeout)
                                                       : QDeadlineTimer(QDeadlineTimer::Forever);
    QDeadlineTimer silence(QDeadlineTimer::Forever);
    const auto resetSilence = [&] {
        if (call.noOutputTimeout > 0ms)
            silence.setRemainingTime(call.noOutputTimeout);
    };
    resetSilence();

    QProcess process;
    process.setProgram(call.program);
    process.setArguments(call.arguments);
    process.setWorkingDirectory(call.workingDirectory);
    process.setProcessEnvironment(call.environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    // Own process group, so that a timeout or an abort reaches the tool's children too.
    // PR_SET_PDEATHSIG: a station killed with SIGKILL (or crashing) runs none of the kill
    // ladder below, and a hung tool would otherwise live on and keep the device busy. The
    // kernel sends the signal when the THREAD that forked exits, not the process; that is
    // right here because run() keeps this worker thread blocked until the child has ended.
    // Only the child gets it: what the tool itself forks does not inherit the setting.
    // The getppid() check closes the window in which the station died before prctl().
    // The tool runs ToolNiceIncrement below the station's priority: when many fixtures' tools
    // keep every core busy, the GUI thread still gets the CPU at once (the tools lose nothing
    // measurable; they wait for the device, not the CPU).
    const pid_t station = ::getpid();
    process.setChildProcessModifier([station] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        errno = 0;
        const int priority = ::getpriority(PRIO_PROCESS, 0);
        if (errno == 0)
            (void)::setpriority(PRIO_PROCESS, 0, priority + ToolRunner::ToolNiceIncrement);
        if (::getppid() != station)
            ::_exit(127);
    });
    process.start(QIODevice::ReadWrite);

    const qint64 startWait = deadline.remainingTime(); // -1: forever
    if (!process.waitForStarted(
            startWait < 0 ? -1 : static_cast<int>(std::clamp<qint64>(startWait, 1, INT_MAX)))
        && process.state() == QProcess::NotRunning) {
        result.outcome = ToolOutcome::StartFailed;
        result.errorString = u"Failed to start %1: %2"_s.arg(call.program, process.errorString());
        finish();
        return result;
    }
    const auto pid = static_cast<pid_t>(process.processId());

    if (!call.input.isEmpty())
        process.write(call.input);
    process.closeWriteChannel();

    Stream out;
    Stream err;
    const auto drain = [&] {
        bool any = false;
        const QByteArray outChunk = process.readAllStandardOutput();
        if (!outChunk.isEmpty()) {
            appendChunk(out, outChunk, OutputChannel::StdOut, onLine);
            any = true;
        }
        const QByteArray errChunk = process.readAllStandardError();
        if (!errChunk.isEmpty()) {
            appendChunk(err, errChunk, OutputChannel::StdErr, onLine);
            any = true;
        }
        if (any)
            resetSilence();
    };

    // Wait in short slices: waitForFinished() returns at once when the child exits and reads
    // both pipes meanwhile, so the buffers are drained at least every WaitSlice.
    StopReason stop = StopReason::None;
    while (process.state() != QProcess::NotRunning) {
        process.waitForFinished(static_cast<int>(sliceMs(deadline, silence)));
        drain();
        if (process.state() == QProcess::NotRunning)
            break;
        if (cancel.isCancelled())
            stop = StopReason::Cancel;
        else if (deadline.hasExpired())
            stop = StopReason::Deadline;
        else if (silence.hasExpired())
            stop = StopReason::Silence;
        if (stop != StopReason::None)
            break;
    }

    bool killed = false;
    if (stop != StopReason::None && pid > 0) {
        // The terminate -> grace -> kill ladder, aimed at the whole group. The QProcess is never
        // destroyed while running: we wait for `finished` after SIGKILL, however long it takes.
        ::kill(-pid, SIGTERM);
        const QDeadlineTimer grace(KillGracePeriod);
        while (process.state() != QProcess::NotRunning && !grace.hasExpired()) {
            process.waitForFinished(
                static_cast<int>(std::min<qint64>(WaitSlice.count(), grace.remainingTime())));
            drain();
        }
        killed = process.state() != QProcess::NotRunning;
        // Also sweeps group members that outlived the child (pgid stays reserved while used).
        ::kill(-pid, SIGKILL);
        while (process.state() != QProcess::NotRunning) {
            process.waitForFinished(static_cast<int>(WaitSlice.count()));
            drain();
        }
    }
    drain();
    flushPartial(out, OutputChannel::StdOut, onLine);
    flushPartial(err, OutputChannel::StdErr, onLine);

    result.stdOut = std::move(out.captured);
    result.stdErr = std::move(err.captured);
    result.stdOutTruncated = out.truncated;
    result.stdErrTruncated = err.truncated;

    const bool crashed = process.exitStatus() == QProcess::CrashExit;
    result.exitCode = crashed ? -1 : process.exitCode();
    const QString how = killed
        ? u"the process group was killed (SIGKILL) after ignoring SIGTERM for %1 ms"_s.arg(
            KillGracePeriod.count())
        : u"the process group was terminated (SIGTERM)"_s;
    switch (stop) {
    case StopReason::Cancel:
        result.outcome = ToolOutcome::Cancelled;
        result.errorString = u"Cancelled; %1"_s.arg(how);
        break;
    case StopReason::Deadline:
        result.outcome = ToolOutcome::TimedOut;
        result.errorString = u"Timed out after %1 ms; %2"_s.arg(call.timeout.count()).arg(how);
        break;
    case StopReason::Silence:
        result.outcome = ToolOutcome::TimedOut;
        result.errorString
            = u"No output for %1 ms; %2"_s.arg(call.noOutputTimeout.count()).arg(how);
        break;
    case StopReason::None:
        if (crashed) {
            result.outcome = ToolOutcome::Crashed;
            result.errorString = u"Killed by signal %1"_s.arg(signalText(process.exitCode()));
        } else if (result.exitCode != 0) {
            result.outcome = ToolOutcome::ExitCode;
            result.errorString = u"Exited with code %1"_s.arg(result.exitCode);
        } else {
            result.outcome = ToolOutcome::Succeeded;
        }
        break;
    }
    finish();
    return result;
}

} // namespace Station
