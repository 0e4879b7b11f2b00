// runnerhost: a stand-in station for the ToolRunner tests that need a process of their own: the
// tests that kill the station itself, and the ones that measure its memory. It makes one
// ToolRunner::run() call on a worker thread, as a fixture worker does, and blocks until that
// call returns.
//
//   runnerhost PROGRAM [ARG...]   run PROGRAM with a 10-minute deadline, then print the outcome
//                                 on stdout and exit 0 (the test kills it with SIGKILL meanwhile)
//   runnerhost --peak PROGRAM [ARG...]
//                                 run PROGRAM with a 2-minute deadline and a line handler (as the
//                                 live view has), then print "name value" lines: outcome,
//                                 rss_before (VmRSS in kB just before the call), rss_peak (VmHWM
//                                 in kB: this fresh process's peak), stdout_bytes,
//                                 stdout_truncated, stderr_bytes, stderr_truncated, lines,
//                                 longest_line (characters); exit 0

#include "services/process/toolrunner.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace std::chrono_literals;

namespace {

// A "Vm...:   1234 kB" field of /proc/self/status, in kB.
qint64 statusKb(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void print(const char *name, qint64 value)
{
    std::printf("%s %lld\n", name, static_cast<long long>(value));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments().mid(1);
    const bool peak = !arguments.isEmpty() && arguments.first() == QStringLiteral("--peak");
    if (peak)
        arguments.removeFirst();
    if (arguments.isEmpty()) {
        std::fputs("runnerhost: usage: runnerhost [--peak] PROGRAM [ARG...]\n", stderr);
        return 2;
    }
    Station::ToolCall call;
    call.program = arguments.takeFirst();
    call.arguments = arguments;
    // Killed tests: far longer than any test waits, only the kill ends the call.
    call.timeout = peak ? 2min : 10min;

    Station::ToolResult result;
    qint64 rssBefore = 0;
    qint64 lines = 0;
    qsizetype longestLine = 0;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        Station::ToolLineHandler onLine;
        if (peak) {
            onLine = [&](Station::OutputChannel, const QString &line) {
                ++lines;
                longestLine = std::max(longestLine, line.size());
            };
        }
        rssBefore = statusKb("VmRSS:");
        result = Station::ToolRunner::run(call, {}, onLine);
    }));
    worker->start();
    worker->wait();
    if (!peak) {
        std::fputs(qPrintable(Station::toolOutcomeName(result.outcome) + u'\n'), stdout);
        return 0;
    }
    std::printf("outcome %s\n", qPrintable(Station::toolOutcomeName(result.outcome)));
    print("rss_before", rssBefore);
    print("rss_peak", statusKb("VmHWM:"));
    print("stdout_bytes", result.stdOut.size());
    print("stdout_truncated", result.stdOutTruncated);
    print("stderr_bytes", result.stdErr.size());
    print("stderr_truncated", result.stdErrTruncated);
    print("lines", lines);
    print("longest_line", longestLine);
    return 0;
}
