#include "replay.h"

#include "services/process/toolrunner.h"
#include "stationdriver.h"

#include <QFile>
#include <QRegularExpression>

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <termios.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using Clock = std::chrono::steady_clock;

namespace Bench {

namespace {

// A UART reply comes within 50 ms at time scale 1 (REFERENCE 8), SELFTEST within 2 s.
constexpr int UartReplyTimeoutMs = 10'000;

struct Pipe
{
    int fd[2] = {-1, -1};
    bool open() { return ::pipe2(fd, O_CLOEXEC) == 0; }
    void closeRead()
    {
        if (fd[0] >= 0)
            ::close(fd[0]);
        fd[0] = -1;
    }
    void closeWrite()
    {
        if (fd[1] >= 0)
            ::close(fd[1]);
        fd[1] = -1;
    }
    ~Pipe()
    {
        closeRead();
        closeWrite();
    }
};

// One process: spawn, feed stdin, drain stdout and stderr, wait. Returns the exit code, or -1
// with `error` set.
int runProcess(const ReplayCommand &command, char *const envp[], QString &error)
{
    Pipe in;
    Pipe out;
    Pipe err;
    if (!in.open() || !out.open() || !err.open()) {
        error = u"pipe: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
        return -1;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);

    std::vector<QByteArray> args;
    for (const QString &word : command.argv)
        args.push_back(QFile::encodeName(word));
    std::vector<char *> argv;
    for (QByteArray &arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp);
    posix_spawn_file_actions_destroy(&actions);
    in.closeRead();
    out.closeWrite();
    err.closeWrite();
    if (spawned != 0) {
        error = u"spawn %1: %2"_s.arg(
            command.argv.value(0), QString::fromLocal8Bit(std::strerror(spawned)));
        return -1;
    }
    if (!command.input.isEmpty()) {
        // Small inputs (a few lines) fit the pipe buffer; the tool reads them at its pace.
        if (::write(in.fd[1], command.input.constData(), std::size_t(command.input.size())) < 0)
            error = u"write stdin: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
    }
    in.closeWrite();

    char buffer[16384];
    pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}};
    int open = 2;
    while (open > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (pollfd &p : fds) {
            if (p.fd < 0 || p.revents == 0)
                continue;
            const ssize_t n = ::read(p.fd, buffer, sizeof buffer);
            if (n <= 0) {
                p.fd = -1;
                --open;
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int runToolRunner(
    const ReplayCommand &command, const QProcessEnvironment &environment, QString &error)
{
    Station::ToolCall call;
    call.program = command.argv.value(0);
    call.arguments = command.argv.mid(1);
    call.environment = environment;
    call.input = command.input;
    call.timeout = std::chrono::minutes(5);
    const Station::ToolResult result = Station::ToolRunner::run(call);
    if (result.outcome == Station::ToolOutcome::StartFailed
        || result.outcome == Station::ToolOutcome::TimedOut) {
        error = result.commandLine + u": "_s + result.errorString;
        return -1;
    }
    return result.exitCode;
}

// Reads one line (up to "\n") from fd within the timeout; false on timeout or hang-up.
bool readLine(int fd, QByteArray &pending, QByteArray &line)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(UartReplyTimeoutMs);
    while (true) {
        const qsizetype end = pending.indexOf('\n');
        if (end >= 0) {
            line = pending.left(end).trimmed();
            pending.remove(0, end + 1);
            return true;
        }
        const auto left
            = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now())
                  .count();
        if (left <= 0)
            return false;
        pollfd p {fd, POLLIN, 0};
        if (::poll(&p, 1, int(left)) <= 0)
            continue;
        char buffer[512];
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            return false;
        pending.append(buffer, n);
    }
}

// One UART script: each sent line, then its one reply line (boot banners skipped).
bool runUart(const ReplayCommand &command, QString &error)
{
    const int fd = ::open(QFile::encodeName(command.uartPort).constData(), O_RDWR | O_NOCTTY);
    if (fd < 0) {
        error
            = u"open %1: %2"_s.arg(command.uartPort, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    termios tio {};
    if (::tcgetattr(fd, &tio) == 0) {
        ::cfmakeraw(&tio);
        ::tcsetattr(fd, TCSANOW, &tio);
    }
    QByteArray pending;
    bool ok = true;
    for (const QByteArray &send : command.uartSends) {
        const QByteArray bytes = send + '\n';
        if (::write(fd, bytes.constData(), std::size_t(bytes.size())) != bytes.size()) {
            error = u"write %1"_s.arg(command.uartPort);
            ok = false;
            break;
        }
        QByteArray line;
        do {
            if (!readLine(fd, pending, line)) {
                error = u"no reply to %1 on %2"_s.arg(QString::fromLatin1(send), command.uartPort);
                ok = false;
                break;
            }
        } while (line.isEmpty() || line.startsWith("BOOT ") || line == "READY");
        if (!ok)
            break;
    }
    ::close(fd);
    return ok;
}

} // namespace

Station::Result<QList<ReplayFixture>> commandsFromRecord(const QString &recordPath,
    const QString &stationBench,
    const QString &replayBench,
    const QByteArray &rfCliInput,
    const QHash<QString, QString> &unmasked)
{
    auto rows = queryRecord(recordPath, uR"(SELECT r.fixture, c.command_line, c.exit_code, c.stdout
            FROM commands c JOIN steps s ON s.id = c.step_id JOIN runs r ON r.id = s.run_id
            ORDER BY r.fixture, r.id, s.seq, c.seq)"_s);
    if (!rows)
        return Station::fail(rows.error());
    // Transcript lines: "<time> > <sent text>".
    static const QRegularExpression sentLine(u"^\\S+ > (.*)$"_s);
    QList<ReplayFixture> fixtures;
    for (const QVariantList &row : *rows) {
        const int fixture = row.at(0).toInt();
        if (fixtures.isEmpty() || fixtures.constLast().fixture != fixture)
            fixtures.append(ReplayFixture {fixture, {}});
        const QString line = row.at(1).toString();
        ReplayCommand command;
        command.expectedExitCode = row.at(2).toInt();
        if (line.startsWith(u"uart "_s)) {
            QString port = line.section(u' ', 1, 1);
            if (port.startsWith(stationBench))
                port = replayBench + port.mid(stationBench.size());
            command.uartPort = port;
            for (const QString &text : row.at(3).toString().split(u'\n')) {
                const QRegularExpressionMatch match = sentLine.match(text);
                if (match.hasMatch())
                    command.uartSends.append(match.captured(1).toUtf8());
            }
        } else {
            command.argv = splitCommandLine(line);
            if (!command.argv.value(0).startsWith(u'/'))
                continue; // not a tool call
            for (qsizetype i = 1; i + 1 < command.argv.size(); ++i) {
                if (command.argv.at(i + 1) == u"********"_s
                    && unmasked.contains(command.argv.at(i)))
                    command.argv[i + 1] = unmasked.value(command.argv.at(i));
            }
            if (command.argv.value(0).endsWith(u"/RfToolCli"_s))
                command.input = rfCliInput;
        }
        fixtures.last().commands.append(command);
    }
    return fixtures;
}

ReplayResult replay(const QList<ReplayFixture> &fixtures,
    const QProcessEnvironment &environment,
    bool uart,
    Spawner spawner)
{
    std::vector<QByteArray> envStrings;
    for (const QString &entry : environment.toStringList())
        envStrings.push_back(entry.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &entry : envStrings)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    ReplayResult result;
    std::mutex mutex; // guards `result` against the fixture threads
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (const ReplayFixture &fixture : fixtures) {
        threads.emplace_back([&, commands = fixture.commands] {
            double processMs = 0.0;
            double uartMs = 0.0;
            int processes = 0;
            int scripts = 0;
            int mismatches = 0;
            QStringList errors;
            const auto begin = Clock::now();
            for (const ReplayCommand &command : commands) {
                const auto t = Clock::now();
                QString error;
                if (command.isUart()) {
                    if (!uart)
                        continue;
                    if (!runUart(command, error))
                        errors.append(error);
                    uartMs += std::chrono::duration<double, std::milli>(Clock::now() - t).count();
                    ++scripts;
                    continue;
                }
                const int code = spawner == Spawner::PosixSpawn
                    ? runProcess(command, envp.data(), error)
                    : runToolRunner(command, environment, error);
                processMs += std::chrono::duration<double, std::milli>(Clock::now() - t).count();
                ++processes;
                if (!error.isEmpty())
                    errors.append(error);
                else if (code != command.expectedExitCode)
                    ++mismatches;
            }
            const double fixtureMs
                = std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
            const std::lock_guard lock(mutex);
            result.processMs += processMs;
            result.uartMs += uartMs;
            result.processes += processes;
            result.uartScripts += scripts;
            result.exitCodeMismatches += mismatches;
            result.maxFixtureMs = std::max(result.maxFixtureMs, fixtureMs);
            for (const QString &error : errors) {
                if (result.errors.size() < 10)
                    result.errors.append(error);
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    result.wallMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return result;
}

} // namespace Bench
