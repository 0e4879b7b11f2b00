#pragma once

#include "services/base/result.h"
#include "services/records/recordstore.h"
#include "services/records/shifts.h"
#include "services/run/runtypes.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QTime>
#include <QTimeZone>
#include <QUuid>
#include <QVariantList>

#include <chrono>
#include <optional>

namespace Station {

// Which runs a records page, yield page or export shows. Empty fields do not filter.
struct RunFilter
{
    QDateTime from; // run start >= from (UTC); invalid = no lower bound
    QDateTime to;   // run start < to (UTC); invalid = no upper bound
    QList<RunOutcome> outcomes;
    int fixture = 0;    // 0 = every fixture
    QString recipeName; // exact name
    // Substring of the device ID or the serial number, ASCII case-insensitive. A whole 128-hex
    // device ID is an indexed lookup; a fragment scans the runs the other fields select.
    QString search;
    // The plant's record only (PlantQuery); the station's own record ignores them.
    QString stationId {}; // exact plant station ID; empty = every station
    QString line {};      // the stations of this line (plant.stations.line); empty = every line
};

// One line of the records page.
struct RunRow
{
    qint64 id = 0;
    QDateTime started;  // UTC
    QDateTime finished; // UTC; invalid while running
    int fixture = 0;
    QString fixtureLabel;
    QString deviceId;
    QString serialNumber;
    QString recipeName;
    QString recipeVersion;
    RunOutcome outcome = RunOutcome::Running;
    QString failedStep;
    ErrorCode errorCode = ErrorCode::None;
    Text cause; // English in the record; translatable when the record says how
    std::chrono::milliseconds duration {0}; // finished - started; 0 while running
    // A run in the plant's record (PlantQuery) is (stationId, runUuid), and `id` is its ID in
    // that station's record. Both stay empty in rows of the station's own record.
    QString stationId {};
    QUuid runUuid {};
};

// Where a page ends, for keyset paging (fetchRunsAfter): the last row's start time and id.
struct RunKey
{
    QDateTime started;
    qint64 id = 0;
    QUuid runUuid {}; // the plant's record orders by (started, runUuid) instead of the id
};

// A run with every traceability field as recorded (device details included once learned).
struct RunInfo
{
    qint64 id = 0;
    RunStart start;
    QDateTime finished;
    RunOutcome outcome = RunOutcome::Running;
    QString failedStep;
    ErrorCode errorCode = ErrorCode::None;
    Text cause;
};

// A run and all its steps with their commands and measurements, for the technician view.
struct RunDetail
{
    RunInfo run;
    QList<StepResult> steps; // by seq
};

struct DeviceRecord
{
    QString deviceId;
    QDateTime firstSeen;
    QDateTime lastSeen;
    QString manufacturingState;
    std::optional<RunOutcome> lastOutcome;
    qint64 lastRunId = 0;
};

struct ParetoEntry
{
    QString key; // failed step name, or error code name
    Text label;  // for error codes: the most recent cause text
    int count = 0;
};

// Yield over the runs a filter selects. Device counts consider runs with a device ID only.
struct YieldReport
{
    int runs = 0;
    int runsPassed = 0;
    int runsFailed = 0;
    int runsAborted = 0;
    int runsInterrupted = 0;
    int runsRunning = 0;
    int runsWithoutDevice = 0; // runs that ended before the device ID was read

    int devicesStarted = 0;    // distinct devices with a run in the range
    int devicesPassed = 0;     // ... with at least one PASS run
    int devicesFailed = 0;     // ... without a PASS run and no run still going
    int devicesInProgress = 0; // ... without a PASS run and whose latest run is RUNNING
    int devicesFirstPass = 0;  // ... whose first run in the range passed

    // devicesFirstPass / devices whose first run has a verdict; 0 when there are none.
    double firstPassYield = 0.0;
    // devicesPassed / (devicesPassed + devicesFailed); 0 when there are none.
    double finalYield = 0.0;
    // Production time in hours: the length of the union of the selected runs' intervals
    // (start to finish, a running run up to now), clipped to the range and to now. Time in
    // which no run was in progress does not count; overlapping runs count once.
    double hours = 0.0;
    double devicesPerHour = 0.0; // devicesStarted / hours
    double passedPerHour = 0.0;  // devicesPassed / hours

    // FAIL runs only (aborts and interruptions are not product failures), most frequent first.
    QList<ParetoEntry> failuresByStep;
    QList<ParetoEntry> failuresByError;
};

// The WHERE clause (over the runs table aliased `r`, starting with " WHERE", or empty) and its
// bound values for a filter. Values are always bound, never pasted into the SQL.
struct FilterSql
{
    QString where;
    QVariantList binds;
};
FilterSql runFilterSql(const RunFilter &filter);

// The shared definitions of the record's and the plant's queries (RecordQuery, PlantQuery,
// the analytics), so that a station's figures and the plant's mean the same.
// The device counts of a yield report and the yields they give: failed = started - passed -
// in progress; first-pass yield over the devices whose first run has a verdict (firstRunning:
// those whose first run is still RUNNING); final yield over passed + failed.
void setDeviceCounts(
    YieldReport &report, int started, int passed, int inProgress, int firstPass, int firstRunning);
// part / whole; 0 when whole is 0.
double yieldRatio(int part, int whole);
// Lower case for ASCII letters only, as SQLite's lower() folds (the search matches both sides).
QString asciiLower(const QString &text);
// A whole device ID: 128 hexadecimal digits (an indexed lookup instead of a substring scan).
bool isFullDeviceId(const QString &text);

// The read side of the record for the GUI's records and yield pages: one read-only connection
// (query_only) per instance, opened, used and destroyed on one thread.
class RecordQuery final
{
public:
    RecordQuery();
    ~RecordQuery();
    Q_DISABLE_COPY_MOVE(RecordQuery)

    // The file must exist and have the current schema (the station's RecordStore creates and
    // upgrades it).
    [[nodiscard]] Result<void> open(const QString &path);
    void close();
    bool isOpen() const;
    QString connectionName() const { return m_connectionName; }

    [[nodiscard]] Result<qint64> countRuns(const RunFilter &filter) const;
    // Newest first (start time, then id). Deep offsets cost a scan; prefer fetchRunsAfter.
    [[nodiscard]] Result<QList<RunRow>> fetchRuns(
        const RunFilter &filter, qint64 offset, int limit) const;
    // The page after `after` (the last row of the previous page), newest first.
    [[nodiscard]] Result<QList<RunRow>> fetchRunsAfter(
        const RunFilter &filter, const RunKey &after, int limit) const;
    // InvalidArgument when there is no such run.
    [[nodiscard]] Result<RunDetail> runDetail(qint64 runId) const;
    [[nodiscard]] Result<QList<RunRow>> runsOfDevice(const QString &deviceId) const;
    [[nodiscard]] Result<std::optional<DeviceRecord>> device(const QString &deviceId) const;
    [[nodiscard]] Result<std::optional<QString>> deviceForSerial(const QString &serialNumber) const;
    [[nodiscard]] Result<YieldReport> yieldReport(const RunFilter &filter) const;

private:
    [[nodiscard]] Result<void> checkOpen() const;
    [[nodiscard]] Result<QList<RunRow>> selectRuns(
        const QString &where, const QVariantList &binds, const QString &tail) const;
    // `table.column`, or '' when the record predates that column.
    QString textColumn(QStringView column, QStringView table = {}) const;

    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_hasTextColumns = false;
    int m_schemaVersion = 0;
};

} // namespace Station
