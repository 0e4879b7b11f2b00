#pragma once

#include "services/base/result.h"
#include "services/records/users.h"
#include "services/run/runtypes.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace Station {

namespace RecordSql {
class Statements;
}

// Everything known about a run when it starts (traceability), written before the first command.
// Fields learned later (device ID, IP, OS version, images, state) are set by updateRunDevice().
struct RunStart
{
    int fixture = 0; // 1-based fixture number
    QString fixtureLabel;
    QString connectionPath; // FTDI location ID or simulator path
    QString deviceId;       // empty until the details step reads it
    QString serialNumber;   // scanned label, if any
    QString ipAddress;
    QString recipeName;
    QString recipeVersion;
    QString recipeSha256;
    QString recipePath;
    QString station;
    QString operatorName;
    // Who operatorName is: "user" (signed in), "automation" (headless --operator), "hands-free"
    // (started by itself while operatorName was signed in, or automation ran the station), or
    // empty (records before schema 6, when it was free text).
    QString operatorKind;
    QString operatorRole; // the signed-in user's role, for the run-start entry of the trail
    QString appVersion;
    QString backend;     // "simulated" or "real"
    QString azsphereCli; // "azsphere" or "az": the tool's dialect (toolDialectName)
    QString azsphereToolPath;
    QString azsphereToolVersion; // for az: the CLI's, the extension's and the SDK's
    QString rfToolPath;
    QString rfToolVersion;
    QString osVersion;
    QStringList imageIds;
    QString manufacturingState;
    // For cloud configuration (the hand-off CSV): what the recipe names, empty when it does not.
    QString productName;
    QString deviceGroupName;
    QDateTime started; // UTC; invalid = now
    // The run's globally unique ID (the plant database's key). beginRun() makes one when empty.
    QString runUuid;
};

// Device facts learned during a run. Empty fields leave the recorded value unchanged.
struct RunDeviceInfo
{
    QString deviceId;
    QString ipAddress;
    QString connectionPath;
    QString osVersion;
    QStringList imageIds; // empty = unchanged
    QString manufacturingState;
    QString serialNumber;
    // The run's label was scanned for another device: the run row drops it, and it is not bound
    // to this device.
    bool dropSerial = false;
};

// One entry of the audit trail (docs/roles.md): who did what, when (sign-in, start, abort,
// recipe load and approval, settings change, export ...). Written chained (Audit::Entry).
struct RecordEvent
{
    QDateTime time; // UTC; invalid = now
    QString station;
    QString operatorName; // the user's login, or the automation's name; empty: the station
    int fixture = 0;      // 0 = the station as a whole
    QString kind;         // stable English identifier, e.g. "run-abort"
    QString detail;
    QString role; // the user's role then ("operator" … "admin"), or "automation"
    // What was changed (a settings key, a recipe file, a user), its old and new value, and the
    // reason the user gave where one is asked.
    QString target;
    QString oldValue;
    QString newValue;
    QString reason;
};

// How far a record write is forced to the disk before the call returns. Every write survives
// the station crashing or being killed (SQLite WAL). A Durable write also survives a power cut
// (it waits for an fsync, ~3 ms on a virtual disk); a Deferred one survives it as soon as any
// later Durable write (of any connection) returns, since that fsync covers the whole log.
enum class RecordSync {
    Deferred,
    Durable,
};

// The writer side of the SQLite record: one instance is one connection, opened, used and
// destroyed on one thread (each fixture worker has its own; the GUI thread has one for events).
// A write that fails for a reason a retry can fix (disk full, read-only file, I/O error, lock)
// returns the error AND keeps the operation, in order, in an in-memory queue; every later write
// first flushes that queue, so a step is never written before its run nor a finish before its
// steps, and nothing is dropped. A write whose error isKeptPending() is in the queue: do not
// repeat the call. Other errors (InvalidArgument: the record's rules refuse the data) are final.
class RecordStore final
{
public:
    RecordStore();
    ~RecordStore();
    Q_DISABLE_COPY_MOVE(RecordStore)

    // Opens (creating if needed) the record and brings its schema up to date. A file from a newer
    // station, or a SQLite file that is not a record, is refused.
    [[nodiscard]] Result<void> open(const QString &path);
    // Closes the connection. Pending operations are lost: check hasPending() first.
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    // The Qt SQL connection name (unique per instance), for logs and for tests.
    QString connectionName() const { return m_connectionName; }
    static int schemaVersion();

    // Every write Durable, whatever its call asks for (the site setting
    // station/recordSyncEveryWrite): a power cut then loses no committed step, at the cost of an
    // fsync per step. Off by default: device IDs, finalize intents and verdicts are Durable, the
    // run starts and the steps between them Deferred.
    void setSyncEveryWrite(bool every);
    bool syncEveryWrite() const { return m_syncEveryWrite; }
    // How many writes of this connection waited for the disk (for logs and tests).
    int durableWrites() const { return m_durableWrites; }

    // Inserts a RUNNING run and its "run-start" event (one Deferred transaction) and returns the
    // run's id. Not queued on failure: a run whose start cannot be recorded must not start.
    // Flushes the pending queue first and fails if that fails.
    [[nodiscard]] Result<qint64> beginRun(const RunStart &start);
    [[nodiscard]] Result<void> updateRunDevice(
        qint64 runId, const RunDeviceInfo &info, RecordSync sync = RecordSync::Deferred);
    // One transaction: the device facts the step learned (if any), the step, its commands and
    // its measurements.
    [[nodiscard]] Result<void> commitStep(qint64 runId,
        const StepResult &step,
        const std::optional<RunDeviceInfo> &device = std::nullopt,
        RecordSync sync = RecordSync::Deferred);
    // Sets the outcome and updates the device row (Durable). PASS is refused (InvalidArgument, not
    // queued) unless the run has committed steps and every one of them passed or was skipped. A
    // finish that only reached the pending queue returns an error: the device must not be shown
    // PASS.
    [[nodiscard]] Result<void> finishRun(qint64 runId,
        RunOutcome outcome,
        const QString &failedStep = {},
        ErrorCode errorCode = ErrorCode::None,
        const Text &cause = {},
        const QDateTime &finished = {});
    [[nodiscard]] Result<void> logEvent(
        const RecordEvent &event, RecordSync sync = RecordSync::Deferred);

    // Marks every run still RUNNING (left by a crash or power cut) INTERRUPTED, finished at its
    // last step's finish (or now when it has none), steps untouched. Returns how many. Call it
    // once at station start, before any fixture begins a run.
    [[nodiscard]] Result<int> closeInterruptedRuns();

    // The device a scanned serial number is bound to (first run that saw both), if any.
    [[nodiscard]] Result<std::optional<QString>> deviceForSerial(const QString &serialNumber);

    // The run that finalized a device: the newest with a passed finalize step, else the newest
    // whose finalize intent names the device (it may have been cut off after the change).
    struct FinalizingRun
    {
        qint64 runId = 0;
        QDateTime time; // UTC: the finalize step's end, or the intent's time
        QString station;
        bool confirmed = false; // the finalize step passed (not only announced)
    };
    [[nodiscard]] Result<std::optional<FinalizingRun>> finalizingRun(const QString &deviceId);

    // The newest run of a fixture as the record has it (after a restart the tile shows it).
    struct LastRun
    {
        qint64 runId = 0;
        QString deviceId;
        RunOutcome outcome = RunOutcome::Interrupted; // a run still RUNNING here: INTERRUPTED
        QString failedStep;
        ErrorCode errorCode = ErrorCode::None;
        Text cause;
        QDateTime started;  // UTC
        QDateTime finished; // UTC
        int stepsRecorded = 0;
        QString serialNumber;
    };
    [[nodiscard]] Result<std::optional<LastRun>> lastRunOfFixture(int fixture);
    // The newest run in which the device passed the recipe with this SHA-256, or 0.
    [[nodiscard]] Result<qint64> passedRun(const QString &deviceId, const QString &recipeSha256);
    // The device's newest run of the recipe with this SHA-256 when it FAILED, else 0.
    [[nodiscard]] Result<qint64> failedRun(const QString &deviceId, const QString &recipeSha256);

    // Users and recipe approvals (docs/roles.md). Never queued: each write is one transaction
    // that also appends its audit entry (`audit`; none when its kind is empty), or fails.
    [[nodiscard]] Result<std::optional<UserRow>> user(const QString &login);
    [[nodiscard]] Result<std::optional<UserRow>> userByBadge(const QString &badgeKey);
    [[nodiscard]] Result<QList<UserRow>> users();
    // Inserts or replaces the user (by login).
    [[nodiscard]] Result<void> saveUser(const UserRow &row, const RecordEvent &audit);
    // The sign-in counters of a user: failed attempts in a row and the lock-out's end.
    [[nodiscard]] Result<void> setSignInState(const QString &login,
        int failedAttempts,
        const QDateTime &lockedUntil,
        const RecordEvent &audit);
    [[nodiscard]] Result<std::optional<RecipeApproval>> recipeApproval(const QString &sha256);
    [[nodiscard]] Result<void> approveRecipe(
        const RecipeApproval &approval, const RecordEvent &audit);
    // The audit trail's newest entry: its seq and hash (an export names them).
    struct AuditHead
    {
        qint64 seq = 0;
        QString hash;
    };
    [[nodiscard]] Result<AuditHead> auditHead();

    // True for errors of writes that were kept in the pending queue (DiskFull, RecordUnwritable,
    // Database); beginRun() and the reads never queue.
    static bool isKeptPending(const Error &error);

    bool hasPending() const { return !m_pending.empty(); }
    int pendingCount() const { return int(m_pending.size()); }
    // Writes the queued operations in order; stops at the first failure (which stays queued).
    [[nodiscard]] Result<void> retryPending();

private:
    using Operation = std::function<Result<void>()>;

    [[nodiscard]] Result<void> checkUsable() const;
    [[nodiscard]] Result<void> submit(Operation operation);
    // Runs `write` (one whole transaction) with synchronous=FULL around it when `sync` asks
    // for it or every write must be durable.
    [[nodiscard]] Result<void> synced(RecordSync sync, const Operation &write);

    [[nodiscard]] Result<void> writeRunStart(
        const RunStart &start, const QDateTime &started, qint64 *runId);
    [[nodiscard]] Result<void> writeRunDevice(qint64 runId, const RunDeviceInfo &info);
    [[nodiscard]] Result<void> writeStep(
        qint64 runId, const StepResult &step, const std::optional<RunDeviceInfo> &device);
    [[nodiscard]] Result<void> updateDevice(qint64 runId, const RunDeviceInfo &info);
    [[nodiscard]] Result<void> writeFinish(qint64 runId,
        RunOutcome outcome,
        const QString &failedStep,
        ErrorCode errorCode,
        const Text &cause,
        const QDateTime &finished);
    [[nodiscard]] Result<void> writeEvent(const RecordEvent &event);
    [[nodiscard]] Result<void> writeWithAudit(
        const std::function<Result<void>()> &change, const RecordEvent &audit);

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    std::unique_ptr<RecordSql::Statements> m_statements; // of m_db
    QThread *m_thread = nullptr;
    std::deque<Operation> m_pending;
    bool m_syncEveryWrite = false;
    int m_durableWrites = 0;
};

} // namespace Station
