// runnerhost: a stand-in station for the ToolRunner tests that need the station itself to die.
// It makes one ToolRunner::run() call on a worker thread, as a fixture worker does, and blocks
// until that call returns; the test kills it with SIGKILL meanwhile.
//
//   runnerhost PROGRAM [ARG...]   run PROGRAM with a 10-minute deadline, then print the outcome
//                                 on stdout and exit 0

#include "services/toolrunner.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>
#include <memory>

using namespace std::chrono_literals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty()) {
        std::fputs("runnerhost: usage: runnerhost PROGRAM [ARG...]\n", stderr);
        return 2;
    }
    Station::ToolCall call;
    call.program = arguments.takeFirst();
    call.arguments = arguments;
    call.timeout = 10min; // far longer than any test waits: only the kill ends the call

    Station::ToolResult result;
    std::unique_ptr<QThread> worker(
        QThread::create([&call, &result] { result = Station::ToolRunner::run(call); }));
    worker->start();
    worker->wait();
    std::fputs(qPrintable(Station::toolOutcomeName(result.outcome) + u'\n'), stdout);
    return 0;
}
