#include "services/process/toolrunner.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
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

QString errnoText(int error)
{
    return QString::fromStdString(std::generic_category().message(error));
}

// Time a call's wait may take while input is still to be written: QProcess writes it only in
// its waitFor...() calls, which the wait loop makes between two polls of the output pipes.
constexpr std::chrono::milliseconds InputSlice = 5ms;
// After the tool has ended, at most this much is still read from each pipe: everything a pipe
// can hold (1 MiB is Linux's default pipe-max-size), but never more, so a grandchild that keeps
// a pipe open and writing cannot keep the call going.
constexpr qsizetype MaxReadAfterExit = 1024 * 1024;

// One output stream of the tool: a pipe whose write end becomes the tool's stdout or stderr,
// the raw capture (capped at MaxCapturedBytes) and the line splitter. The runner reads the pipe
// itself, one chunk at a time, so no buffer of QProcess grows with the output.
class OutputPipe
{
public:
    OutputPipe(OutputChannel channel, const ToolLineHandler &onLine)
    {
        if (onLine)
            m_sink = [channel, &onLine](const QString &line) { onLine(channel, line); };
    }
    ~OutputPipe()
    {
        closeRead();
        closeWrite();
    }
    Q_DISABLE_COPY_MOVE(OutputPipe)

    // Empty on success, else why not, in English.
    QString open()
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            return u"Cannot create an output pipe: %1"_s.arg(errnoText(errno));
        m_read = fds[0];
        m_write = fds[1];
        // Both ends stay above the standard descriptors: the child's set-up dup2()s onto 0..2,
        // and an end sitting there (a station started with a standard stream closed) would be
        // overwritten before the tool gets it.
        for (int *fd : {&m_read, &m_write}) {
            if (*fd > STDERR_FILENO)
                continue;
            const int moved = ::fcntl(*fd, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
            const int error = errno;
            ::close(*fd);
            *fd = moved;
            if (moved < 0)
                return u"Cannot move an output pipe: %1"_s.arg(errnoText(error));
        }
        if (::fcntl(m_read, F_SETFL, ::fcntl(m_read, F_GETFL) | O_NONBLOCK) != 0)
            return u"Cannot set up an output pipe: %1"_s.arg(errnoText(errno));
        return {};
    }

    int readEnd() const { return m_read; }
    int writeEnd() const { return m_write; }
    bool isOpen() const { return m_read >= 0; }

    void closeWrite()
    {
        if (m_write >= 0)
            ::close(m_write);
        m_write = -1;
    }

    // Reads at most one chunk into `buffer` (ReadChunkBytes). Returns the bytes read: 0 when
    // nothing was ready, or at the end of the stream, which closes the pipe.
    qsizetype readChunk(char *buffer)
    {
        ssize_t n = 0;
        do {
            n = ::read(m_read, buffer, size_t(ToolRunner::ReadChunkBytes));
        } while (n < 0 && errno == EINTR);
        if (n > 0) {
            append(buffer, qsizetype(n));
            return qsizetype(n);
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return 0;
        closeRead(); // end of stream, or a read error, which ends it too
        return 0;
    }

    // The tool has ended: reads what is left in the pipe (bounded), then closes it and hands
    // over a last line that had no line end.
    void finish(char *buffer)
    {
        for (qsizetype read = 0; isOpen() && read < MaxReadAfterExit;) {
            const qsizetype n = readChunk(buffer);
            if (n == 0)
                break;
            read += n;
        }
        closeRead();
        if (m_sink)
            m_lines.finish(m_sink);
    }

    QByteArray captured;
    bool truncated = false;

private:
    void append(const char *data, qsizetype size)
    {
        const qsizetype room = ToolRunner::MaxCapturedBytes - captured.size();
        if (size <= room) {
            captured.append(data, size);
        } else {
            // Past the cap the bytes are still read (so the tool never blocks on a full pipe)
            // and still split into lines for a live view, but no longer kept.
            captured.append(data, room);
            truncated = true;
        }
        if (m_sink)
            m_lines.feed(data, size, m_sink);
    }

    void closeRead()
    {
        if (m_read >= 0)
            ::close(m_read);
        m_read = -1;
    }

    int m_read = -1;
    int m_write = -1;
    LineSplitter m_lines;
    LineSplitter::Sink m_sink;
};

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

void LineSplitter::feed(const char *data, qsizetype size, const Sink &sink)
{
    if (size <= 0)
        return;
    const char *p = data;
    const char *const end = data + size;
    if (m_afterCr && *p == '\n')
        ++p;
    m_afterCr = false;
    const char *lineStart = p;
    for (; p != end; ++p) {
        if (*p != '\n' && *p != '\r')
            continue;
        const auto length = static_cast<qsizetype>(p - lineStart);
        if (m_partial.isEmpty() && length <= MaxLineBytes) {
            sink(QString::fromUtf8(lineStart, length));
        } else {
            appendPartial(lineStart, p, sink);
            sink(QString::fromUtf8(m_partial));
            m_partial.clear();
        }
        if (*p == '\r') {
            if (p + 1 == end)
                m_afterCr = true;
            else if (p[1] == '\n')
                ++p;
        }
        lineStart = p + 1;
    }
    appendPartial(lineStart, end, sink);
}

void LineSplitter::finish(const Sink &sink)
{
    if (!m_partial.isEmpty())
        sink(QString::fromUtf8(m_partial));
    m_partial.clear();
    m_afterCr = false;
}

void LineSplitter::appendPartial(const char *begin, const char *end, const Sink &sink)
{
    m_partial.append(begin, static_cast<qsizetype>(end - begin));
    if (m_partial.size() <= MaxLineBytes)
        return;
    // A line that never ends is handed over in pieces, so it never holds more than this.
    qsizetype offset = 0;
    for (; m_partial.size() - offset > MaxLineBytes; offset += MaxLineBytes)
        sink(QString::fromUtf8(m_partial.constData() + offset, MaxLineBytes));
    m_partial.remove(0, offset);
}

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

    OutputPipe out(OutputChannel::StdOut, onLine);
    OutputPipe err(OutputChannel::StdErr, onLine);
    for (OutputPipe *pipe : {&out, &err}) {
        if (const QString problem = pipe->open(); !problem.isEmpty()) {
            result.outcome = ToolOutcome::StartFailed;
            result.errorString = problem;
            finish();
            return result;
        }
    }

    QProcess process;
    process.setProgram(call.program);
    process.setArguments(call.arguments);
    process.setWorkingDirectory(call.workingDirectory);
    process.setProcessEnvironment(call.environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    // stdout and stderr are the runner's own pipes (put in place in the child below), read in
    // waitTurn(). QProcess would read them into buffers of its own for as long as a waitFor...()
    // call lasts, and such a call does not end while a pipe stays readable: a fast writer then
    // costs memory without bound and holds off the cancel and deadline checks (Qt 6.4.2,
    // measured: one tool flooding for 1.5 s grew the station by 54-87 MB; a 50 ms
    // waitForFinished() lasted up to 579 ms). QProcess gets /dev/null instead.
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
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
    const int outFd = out.writeEnd();
    const int errFd = err.writeEnd();
    process.setChildProcessModifier([station, outFd, errFd] {
        // dup2() clears close-on-exec on the copy: the tool keeps fds 1 and 2, nothing else.
        if (::dup2(outFd, STDOUT_FILENO) < 0 || ::dup2(errFd, STDERR_FILENO) < 0)
            ::_exit(127);
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
    // The child has its copies (or was never made): the end of a stream is seen once the tool
    // and everything it started have closed theirs.
    out.closeWrite();
    err.closeWrite();

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

    // Readable once the tool has exited: ends a turn of the wait at once, also while something
    // the tool started still holds its pipes open (without it, at the end of the slice).
    // (The system call: glibc 2.36's <sys/pidfd.h> declares pidfd_open without C linkage.)
    const int exitFd = pid > 0 ? static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)) : -1;
    const auto closeExitFd = qScopeGuard([exitFd] {
        if (exitFd >= 0)
            ::close(exitFd);
    });

    // One turn of the wait: up to `slice` for output (or the tool's exit), at most one chunk
    // read from each pipe, then pending input written and an ended tool reaped. Each turn takes
    // at most about one slice however fast the tool writes.
    QByteArray buffer(ToolRunner::ReadChunkBytes, Qt::Uninitialized);
    const auto waitTurn = [&](qint64 slice) {
        pollfd polls[3];
        OutputPipe *pipes[2];
        nfds_t count = 0;
        for (OutputPipe *pipe : {&out, &err}) {
            if (pipe->isOpen()) {
                polls[count] = pollfd {pipe->readEnd(), POLLIN, 0};
                pipes[count++] = pipe;
            }
        }
        if (count == 0) {
            // Both streams have ended: only the exit is left to wait for.
            process.waitForFinished(static_cast<int>(slice));
            return;
        }
        const nfds_t pipeCount = count;
        if (exitFd >= 0)
            polls[count++] = pollfd {exitFd, POLLIN, 0};
        if (process.bytesToWrite() > 0)
            slice = std::min<qint64>(slice, InputSlice.count());
        bool exited = false;
        if (::poll(polls, count, static_cast<int>(slice)) > 0) {
            bool any = false;
            for (nfds_t i = 0; i < pipeCount; ++i) {
                if (polls[i].revents != 0)
                    any = pipes[i]->readChunk(buffer.data()) > 0 || any;
            }
            if (any)
                resetSilence();
            exited = count > pipeCount && (polls[pipeCount].revents & POLLIN) != 0;
        }
        // Reaps an ended tool and writes pending input; once the tool has exited, waits the
        // moment QProcess may need to notice it rather than coming straight back.
        if (process.state() != QProcess::NotRunning)
            process.waitForFinished(exited ? static_cast<int>(slice) : 0);
    };

    StopReason stop = StopReason::None;
    while (process.state() != QProcess::NotRunning) {
        waitTurn(sliceMs(deadline, silence));
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
        while (process.state() != QProcess::NotRunning && !grace.hasExpired())
            waitTurn(std::min<qint64>(WaitSlice.count(), grace.remainingTime()));
        killed = process.state() != QProcess::NotRunning;
        // Also sweeps group members that outlived the child (pgid stays reserved while used).
        ::kill(-pid, SIGKILL);
        while (process.state() != QProcess::NotRunning)
            waitTurn(WaitSlice.count());
    }
    out.finish(buffer.data());
    err.finish(buffer.data());

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
