#pragma once

#include "services/run/runtypes.h"
#include "services/station/fixturesnapshot.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Station {

class StationController;

// Drives a StationController without a window (`sphere-station --headless`): starts the chosen
// fixtures, repeats each run K times, prints one line per finished step and a summary, and
// reports the exit code (0 only if every run passed). Lives on the main thread.
class HeadlessRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessRunner)

public:
    using Printer = std::function<void(const QString &line)>;

    struct RunSummary
    {
        int fixture = 0;
        int repetition = 0; // 1-based
        QString deviceId;
        RunOutcome outcome = RunOutcome::Running;
        QString failedStep;
        ErrorCode errorCode = ErrorCode::None;
        QString cause;
        qint64 runId = 0;
        qint64 durationMs = 0;
    };

    HeadlessRunner(StationController &station, Printer print, QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // Starts every fixture in `fixtures` (all when empty); each is run `repeat` times.
    // Returns false (having printed why) when nothing could be started.
    bool start(const QList<int> &fixtures, int repeat);
    // Aborts every run (e.g. on Ctrl-C); no repetition starts afterwards.
    void abort(CancelReason reason = CancelReason::Operator, int signal = 0);

    bool isFinished() const { return m_finished; }
    int exitCode() const;
    QList<RunSummary> runs() const { return m_runs; }
    qint64 wallTimeMs() const { return m_wall.elapsed(); }

    // One step line: fixture, device short ID, step k/n, name, outcome, duration, cause.
    static QString stepLine(
        const StepResult &step, int stepCount, const QString &deviceId, int fixture);
    // The device column: the short device ID (Station::shortDeviceId), "-" before it is known.
    static QString deviceColumn(const QString &deviceId);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onStepFinished(int fixture, const Station::StepResult &step);
    void onRunFinished(int fixture, const Station::FixtureSnapshot &snapshot);
    void printSummary();

    StationController &m_station;
    Printer m_print;
    QList<int> m_fixtures;
    int m_repeat = 1;
    QHash<int, int> m_done; // runs finished per fixture
    QHash<int, QString> m_deviceIds;
    QList<RunSummary> m_runs;
    QElapsedTimer m_wall;
    bool m_aborted = false;
    bool m_finished = false;
};

} // namespace Station
