#include "services/process/backgroundprocess.h"

#include "services/base/tr.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// How long a stopped helper gets after SIGKILL to be reaped; the kernel needs only moments.
constexpr std::chrono::milliseconds ReapAfterKill = 2s;

void signalGroup(qint64 pid, int signal)
{
    if (pid > 0)
        ::kill(-static_cast<pid_t>(pid), signal);
}

} // namespace

Result<std::unique_ptr<BackgroundProcess>> ToolRunner::startBackground(const ToolCall &call)
{
    const QFileInfo program(call.program);
    if (!program.isAbsolute() || !program.isFile() || !program.isExecutable()) {
        return fail(ErrorCode::ToolNotFound,
            Tr::tr("The program %1 was not found or is not executable.").arg(call.program),
            call.program);
    }
    std::unique_ptr<BackgroundProcess> process(new BackgroundProcess(call));
    if (Result<> started = process->start(call); !started)
        return fail(started.error());
    return process;
}

BackgroundProcess::BackgroundProcess(const ToolCall &call)
    : m_process(new QProcess(this))
    , m_commandLine(ToolRunner::commandLine(call.program, call.arguments))
{ }

BackgroundProcess::~BackgroundProcess()
{
    stop();
}

Result<> BackgroundProcess::start(const ToolCall &call)
{
    m_process->setProgram(call.program);
    m_process->setArguments(call.arguments);
    m_process->setProcessEnvironment(call.environment);
    if (!call.workingDirectory.isEmpty())
        m_process->setWorkingDirectory(call.workingDirectory);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    // Own process group, so stop() reaches the helper's children too; and SIGTERM when the
    // thread that started it dies (a crashed station must not leave a server behind).
    m_process->setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        readChannel(OutputChannel::StdOut);
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        readChannel(OutputChannel::StdErr);
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus) {
        for (const OutputChannel channel : {OutputChannel::StdOut, OutputChannel::StdErr}) {
            readChannel(channel);
            m_splitters[channel == OutputChannel::StdOut ? 0 : 1].finish(
                [&](const QString &line) { takeLine(channel, line); });
        }
        Q_EMIT exited(exitCode);
    });

    m_process->start(QIODevice::ReadWrite);
    if (!m_process->waitForStarted()) {
        return fail(ErrorCode::ToolStartFailed,
            Tr::tr("Could not start %1.").arg(m_commandLine),
            m_process->errorString());
    }
    if (call.input.isEmpty()) {
        m_process->closeWriteChannel();
    } else {
        m_process->write(call.input);
        m_process->closeWriteChannel();
    }
    return {};
}

qint64 BackgroundProcess::processId() const
{
    return m_process->processId();
}

bool BackgroundProcess::isRunning() const
{
    return m_process->state() != QProcess::NotRunning;
}

void BackgroundProcess::readChannel(OutputChannel channel)
{
    const bool isOut = channel == OutputChannel::StdOut;
    // readAllStandard...() leave the current read channel alone (waitForLine() relies on it).
    m_splitters[isOut ? 0 : 1].feed(
        isOut ? m_process->readAllStandardOutput() : m_process->readAllStandardError(),
        [&](const QString &line) { takeLine(channel, line); });
}

void BackgroundProcess::takeLine(OutputChannel channel, const QString &line)
{
    if (m_lines.size() < MaxKeptLines)
        m_lines.append(line);
    Q_EMIT lineReceived(channel, line);
}

Result<QString> BackgroundProcess::waitForLine(
    const QRegularExpression &pattern, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    qsizetype checked = 0;
    for (;;) {
        for (; checked < m_lines.size(); ++checked) {
            if (pattern.match(m_lines.at(checked)).hasMatch())
                return m_lines.at(checked);
        }
        if (!isRunning()) {
            return fail(ErrorCode::ToolFailed,
                Tr::tr("%1 ended before it was ready.").arg(m_commandLine),
                m_lines.join(u'\n'));
        }
        if (deadline.hasExpired()) {
            return fail(ErrorCode::ToolTimedOut,
                Tr::tr("%1 did not become ready in time.").arg(m_commandLine),
                m_lines.join(u'\n'));
        }
        const int slice = static_cast<int>(
            std::min<qint64>(deadline.remainingTime(), ToolRunner::WaitSlice.count()));
        m_process->setReadChannel(QProcess::StandardOutput);
        if (m_process->waitForReadyRead(slice)) {
            readChannel(OutputChannel::StdOut);
            readChannel(OutputChannel::StdErr);
        }
    }
}

void BackgroundProcess::stop(std::chrono::milliseconds grace)
{
    if (!isRunning())
        return;
    const qint64 pid = m_process->processId();
    signalGroup(pid, SIGTERM);
    if (!m_process->waitForFinished(static_cast<int>(grace.count()))) {
        signalGroup(pid, SIGKILL);
        m_process->waitForFinished(static_cast<int>(ReapAfterKill.count()));
    } else {
        // The leader is gone; make sure nothing it started keeps running.
        signalGroup(pid, SIGKILL);
    }
}

} // namespace Station
