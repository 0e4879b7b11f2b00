#include "services/station/headlessrunner.h"

#include "services/azsphere/devicedata.h"
#include "services/base/tr.h"
#include "services/station/station.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Station {

HeadlessRunner::HeadlessRunner(StationController &station, Printer print, QObject *parent)
    : QObject(parent)
    , m_station(station)
    , m_print(std::move(print))
{
    connect(&m_station, &StationController::stepFinished, this, &HeadlessRunner::onStepFinished);
    connect(&m_station, &StationController::runFinished, this, &HeadlessRunner::onRunFinished);
    connect(&m_station, &StationController::recordError, this, [this](const Text &message) {
        m_print(Tr::tr("RECORD ERROR: %1 (retrying; no result is lost)").arg(message));
    });
    connect(&m_station, &StationController::recordRecovered, this, [this] {
        m_print(Tr::tr("RECORD OK again: pending results written"));
    });
}

HeadlessRunner::~HeadlessRunner() = default;

QString HeadlessRunner::deviceColumn(const QString &deviceId)
{
    return deviceId.isEmpty() ? u"-"_s : Station::shortDeviceId(deviceId);
}

QString HeadlessRunner::stepLine(
    const StepResult &step, int stepCount, const QString &deviceId, int fixture)
{
    const double seconds = step.started.msecsTo(step.finished) / 1000.0;
    QString line = u"F%1  %2  %3/%4  %5  %6  %7 s"_s.arg(fixture, -2)
                       .arg(deviceColumn(deviceId), -14)
                       .arg(step.seq, 2)
                       .arg(stepCount, -2)
                       .arg(step.name, -30)
                       .arg(stepOutcomeName(step.outcome), -7)
                       .arg(seconds, 7, 'f', 2);
    if (!step.cause.isEmpty())
        line += u"  %1 [%2]"_s.arg(step.cause, errorCodeName(step.errorCode));
    else if (!step.note.isEmpty())
        line += u"  (%1)"_s.arg(step.note);
    return line;
}

bool HeadlessRunner::start(const QList<int> &fixtures, int repeat)
{
    m_fixtures = fixtures.isEmpty() ? m_station.fixtureNumbers() : fixtures;
    m_repeat = std::max(1, repeat);
    m_wall.start();
    int started = 0;
    for (int fixture : std::as_const(m_fixtures)) {
        if (Result<> ok = m_station.startFixture(fixture); !ok) {
            m_print(Tr::tr("F%1  not started: %2").arg(fixture).arg(ok.error().message));
            RunSummary summary;
            summary.fixture = fixture;
            summary.repetition = 1;
            summary.outcome = RunOutcome::Fail;
            summary.errorCode = ok.error().code;
            summary.cause = ok.error().message;
            m_runs.append(summary);
            m_done[fixture] = m_repeat;
            continue;
        }
        ++started;
    }
    if (started == 0) {
        m_finished = true;
        printSummary();
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(exitCode()); });
        return false;
    }
    return true;
}

void HeadlessRunner::abort(CancelReason reason, int signal)
{
    m_aborted = true;
    m_station.stopAll(reason, signal);
}

void HeadlessRunner::onStepFinished(int fixture, const StepResult &step)
{
    if (!m_fixtures.contains(fixture))
        return;
    if (step.data.contains(u"deviceId"_s))
        m_deviceIds[fixture] = step.data.value(u"deviceId"_s).toString();
    const int count = int(m_station.recipe().steps.size());
    m_print(stepLine(step, count, m_deviceIds.value(fixture), fixture));
}

void HeadlessRunner::onRunFinished(int fixture, const FixtureSnapshot &snapshot)
{
    if (!m_fixtures.contains(fixture) || m_finished)
        return;
    RunSummary summary;
    summary.fixture = fixture;
    summary.repetition = m_done.value(fixture) + 1;
    summary.deviceId = snapshot.deviceId;
    summary.outcome = snapshot.verdict.value_or(RunOutcome::Fail);
    summary.failedStep = snapshot.failedStep;
    summary.errorCode = snapshot.errorCode;
    summary.cause = snapshot.cause;
    summary.runId = snapshot.runId;
    summary.durationMs = snapshot.started.msecsTo(snapshot.finished);
    m_runs.append(summary);
    m_deviceIds.remove(fixture);
    m_print(u"F%1  %2  record run %3: %4%5"_s.arg(fixture, -2)
                .arg(deviceColumn(summary.deviceId), -14)
                .arg(summary.runId)
                .arg(runOutcomeName(summary.outcome))
                .arg(summary.cause.isEmpty() ? QString() : u" ("_s + summary.cause + u")"_s));

    const int done = ++m_done[fixture];
    if (done < m_repeat && !m_aborted) {
        if (Result<> ok = m_station.startFixture(fixture); !ok) {
            m_print(Tr::tr("F%1  repetition not started: %2").arg(fixture).arg(ok.error().message));
            m_done[fixture] = m_repeat;
        }
    }
    for (int f : std::as_const(m_fixtures)) {
        if (m_done.value(f) < m_repeat && !(m_aborted && !m_station.isRunning(f)))
            return;
    }
    m_finished = true;
    printSummary();
    Q_EMIT finished(exitCode());
}

int HeadlessRunner::exitCode() const
{
    if (m_runs.isEmpty() || m_aborted)
        return 1;
    for (const RunSummary &run : m_runs) {
        if (run.outcome != RunOutcome::Pass)
            return 1;
    }
    return 0;
}

void HeadlessRunner::printSummary()
{
    int pass = 0;
    int failed = 0;
    int aborted = 0;
    m_print(u"----- summary -----"_s);
    for (const RunSummary &run : std::as_const(m_runs)) {
        switch (run.outcome) {
        case RunOutcome::Pass:
            ++pass;
            break;
        case RunOutcome::Aborted:
        case RunOutcome::Interrupted:
            ++aborted;
            break;
        default:
            ++failed;
            break;
        }
        QString line = u"F%1  rep %2  run %3  %4  %5  %6 s"_s.arg(run.fixture, -2)
                           .arg(run.repetition)
                           .arg(run.runId)
                           .arg(run.deviceId.isEmpty() ? u"-"_s : run.deviceId)
                           .arg(runOutcomeName(run.outcome), -7)
                           .arg(run.durationMs / 1000.0, 0, 'f', 1);
        if (run.outcome != RunOutcome::Pass) {
            line += u"  %1: %2 [%3]"_s.arg(run.failedStep.isEmpty() ? u"-"_s : run.failedStep,
                run.cause,
                errorCodeName(run.errorCode));
        }
        m_print(line);
    }
    m_print(Tr::tr("%n run(s): %1 PASS, %2 FAIL, %3 ABORTED in %4 s", nullptr, int(m_runs.size()))
                .arg(pass)
                .arg(failed)
                .arg(aborted)
                .arg(m_wall.elapsed() / 1000.0, 0, 'f', 1));
}

} // namespace Station
