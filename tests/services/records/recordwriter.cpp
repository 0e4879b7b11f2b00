// Test helper for tst_recordstore: opens the record given as the only argument, begins a run and
// commits steps with large output as fast as it can, printing "committed <seq>" after each
// commit, until the test kills it with SIGKILL (or it reaches a bound, so it never runs away).
#include "services/records/recordstore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: recordwriter RECORD\n");
        return 2;
    }
    Station::RecordStore store;
    if (auto ok = store.open(QString::fromLocal8Bit(argv[1])); !ok) {
        std::fprintf(stderr, "open: %s\n", qPrintable(ok.error().detail));
        return 1;
    }
    Station::RunStart start;
    start.fixture = 3;
    start.deviceId = u"CRASHDEVICE"_s;
    auto runId = store.beginRun(start);
    if (!runId) {
        std::fprintf(stderr, "beginRun: %s\n", qPrintable(runId.error().detail));
        return 1;
    }
    std::printf("run %lld\n", static_cast<long long>(*runId));
    std::fflush(stdout);

    constexpr int MaxSteps = 2000;
    const QString output = QString(16 * 1024, u'x');
    for (int seq = 1; seq <= MaxSteps; ++seq) {
        Station::StepResult step;
        step.seq = seq;
        step.name = u"step %1"_s.arg(seq);
        step.type = u"sideload"_s;
        step.outcome = Station::StepOutcome::Passed;
        step.started = QDateTime::currentDateTimeUtc();
        step.finished = step.started.addMSecs(5);
        Station::CommandRecord command;
        command.commandLine = u"azsphere device sideload deploy"_s;
        command.stdOut = output;
        step.commands = {command, command};
        step.measurements = {Station::Measurement {u"m"_s, double(seq), u"V"_s, 0.0, 1e9, true}};
        if (auto ok = store.commitStep(*runId, step); !ok) {
            std::fprintf(stderr, "commitStep: %s\n", qPrintable(ok.error().detail));
            return 1;
        }
        std::printf("committed %d\n", seq);
        std::fflush(stdout);
    }
    return 0;
}
