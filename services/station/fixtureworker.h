#pragma once

#include "services/base/canceltoken.h"
#include "services/config/stationconfig.h"
#include "services/recipe/recipe.h"
#include "services/run/runtypes.h"
#include "services/station/fixturesnapshot.h"
#include "services/steps/step.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace Station {

namespace Plant {
class Lookup;
}

class RecordStore;
struct RunFacts;

// Everything one run needs, copied into the worker's thread (a value type).
struct RunRequest
{
    FixtureConfig fixture;
    ToolSetup tools;
    Recipe recipe;
    QString stationName;
    QString operatorName;
    QString operatorKind; // "user" (signed in), "automation" or "hands-free"
    QString operatorRole; // the user's role, or "automation"
    QString appVersion;
    QString serialNumber;
    // The device the label was scanned for, when the tile knew it: another device found at
    // details (swapped in before presence saw it) fails the run instead of taking the label.
    QString labelDeviceId;
    QString labelMacAddress; // scanned MAC, for rf-calibrate with "mac_source": "label"
    CancelToken cancel;      // the Station keeps a copy to abort the run
};

// Runs a recipe on one fixture: the steps in order, as plain sequential code, on its own thread
// (one QThread per fixture, owned by the StationController; STYLE 3.6). Opens its own record
// connection in that thread, writes the run row before the first command, commits each step
// before the next one starts, and never reports PASS before the record holds it durably. Talks to
// the GUI thread only through queued signals carrying value types.
class FixtureWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixtureWorker)

public:
    // How often a failed record write is retried while the run waits for it: a freed disk or a
    // released lock is noticed within a second, and a failing disk is not hammered.
    static constexpr std::chrono::milliseconds RecordRetryInterval = 1s;
    // How much lower than the GUI thread's the priority (nice) of a worker thread is: with many
    // fixtures, the workers' own work (parsing, records, starting tools) must not delay the
    // window. The tools they start run lower still (ToolRunner::ToolNiceIncrement).
    static constexpr int ThreadNiceIncrement = 5;

    explicit FixtureWorker(int fixture, const QString &recordPath, QObject *parent = nullptr);
    ~FixtureWorker() override;

    int fixture() const { return m_fixture; }

    // Test seam: called on the worker thread before every record write of a step result
    // (attempt 0) and before each retry (attempt 1, 2, ...), and with seq 0 before a retry
    // between runs, with the record's connection name, so a test can make the record
    // unwritable mid-run. Set before the thread starts.
    using RecordHook = std::function<void(const QString &connectionName, int seq, int attempt)>;
    void setRecordHook(RecordHook hook) { m_recordHook = std::move(hook); }
    // With a plant database (its connection string): the details step also asks it whether the
    // label is bound to another device anywhere in the plant, and a finished device's cause
    // names the station that finalized it. Set before the thread starts.
    void setPlantConnection(const QString &conninfo) { m_plantConnection = conninfo; }
    // See RecordStore::setSyncEveryWrite. Set before the thread starts.
    void setRecordSyncEveryWrite(bool every) { m_syncEveryWrite = every; }

    // Lowers the calling thread's priority by ThreadNiceIncrement. Call it on the worker's own
    // thread as it starts (the StationController does, from QThread::started).
    void lowerThreadPriority();

public Q_SLOTS:
    // Runs the whole recipe; returns when the run has finished (blocks this worker's thread).
    void run(const Station::RunRequest &request);
    // Closes the record connection (on this thread). Call before the thread ends.
    void closeRecord();
    // Between runs: tries to write results still queued after a failed write (emits
    // recordRecovered once they are in the record).
    void retryRecord();

Q_SIGNALS:
    void snapshotChanged(const Station::FixtureSnapshot &snapshot);
    void stepStarted(int fixture, const Station::StepResult &step);
    void stepProgress(int fixture, double fraction, const QString &text);
    void stepFinished(int fixture, const Station::StepResult &step);
    void outputLine(int fixture, const QString &line);
    void recordError(int fixture, const Station::Text &message);
    void recordRecovered(int fixture);
    void runFinished(int fixture, const Station::FixtureSnapshot &snapshot);

private:
    Result<> ensureRecord();
    // Runs one record write; when it fails for a reason a retry can fix, keeps retrying the
    // store's pending queue every RecordRetryInterval until it is written or the run is
    // cancelled. Returns false when the write is not (yet) in the record.
    bool write(const std::function<Result<>()> &operation, const CancelToken &cancel, int seq = 0);
    // Turns a passed `details` into the DeviceFinalized failure for a finished device.
    void refuseFinishedDevice(StepResult &result, const Recipe &recipe, const RunFacts &facts);
    void finish(RunOutcome outcome, const StepResult *failed, const CancelToken &cancel);
    void publish();

    const int m_fixture;
    const QString m_recordPath;
    Plant::Lookup *plantLookup();
    std::unique_ptr<RecordStore> m_record; // created, used and destroyed on the worker thread
    QString m_plantConnection;
    std::unique_ptr<Plant::Lookup> m_plant; // created on first use, on the worker thread
    FixtureSnapshot m_snapshot;
    qint64 m_runId = 0;
    bool m_recordFailing = false;
    bool m_syncEveryWrite = false;
    RecordHook m_recordHook;
};

} // namespace Station

Q_DECLARE_METATYPE(Station::RunRequest)
