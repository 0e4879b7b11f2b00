#pragma once

#include "services/base/result.h"
#include "services/records/recordquery.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

class QSqlDatabase;

namespace Station {

// How many bins a measurement's histogram has: enough to see the shape of a few hundred values,
// few enough that every bar stays wider than its gap at 1280 pixels.
inline constexpr int HistogramBins = 20;

// Why a measurement has no Cp/Cpk: it is then said in words, never shown as a number.
enum class CapabilityGap {
    None,         // Cpk is defined
    TooFewValues, // fewer than two values: no sample standard deviation
    NoSpread,     // every value is the same (σ = 0): the index would be infinite
    NoLimits,     // the measurement has neither a low nor a high limit
};

// Plain-word reading of a Cpk: < 1.0 not capable, 1.0 up to 1.33 marginal, >= 1.33 capable.
enum class CapabilityRating { Undefined, NotCapable, Marginal, Capable };

struct Capability
{
    CapabilityGap gap = CapabilityGap::TooFewValues;
    std::optional<double> cp;  // (USL - LSL) / 6σ: both limits only
    std::optional<double> cpk; // min(USL - mean, mean - LSL) / 3σ over the limits there are
    bool oneSided = false;     // only one limit: Cpk is that side's index alone
    CapabilityRating rating = CapabilityRating::Undefined;
};

// Cp/Cpk from the sample count, mean, sample standard deviation and the limits.
Capability capability(
    int count, double mean, double sigma, std::optional<double> lsl, std::optional<double> usl);
CapabilityRating ratingOf(double cpk);

// One measurement (name and unit) over the selected runs.
struct MeasurementStats
{
    QString name;
    QString unit;
    int count = 0;      // values that are numbers
    int notANumber = 0; // recorded without a number (NaN)
    int failed = 0;     // recorded as out of limits (pass = 0), NaN included
    double mean = 0.0;
    double sigma = 0.0; // sample standard deviation (n - 1); 0 when count < 2
    double min = 0.0;
    double max = 0.0;
    // The limits as recorded. When runs recorded different limits, limitsVary is set and these
    // are the tightest of them (the highest low limit, the lowest high limit).
    std::optional<double> lsl;
    std::optional<double> usl;
    bool limitsVary = false;
    Capability capability;
    // Histogram over [min, max]: HistogramBins bins of binWidth from binLow (the last bin
    // includes max); one bin holding everything when all values are equal.
    double binLow = 0.0;
    double binWidth = 0.0;
    QList<int> bins;
};

// Yield of the runs that share one key (an hour, a fixture, an operator, a station), by the
// definitions of YieldReport applied to those runs alone: a device counts in every group it
// has runs in, with its runs there. Runs without a device ID are not counted.
struct GroupYield
{
    QString key;    // fixture number, operator, station ID; the hour as its UTC start time text
    QString label;  // for people: the fixture's label, "(no operator)" is left to the UI
    QDateTime hour; // the hour's start (UTC), for the by-hour groups only
    int runs = 0;
    int runsPassed = 0;
    int devices = 0;
    int devicesPassed = 0;
    int devicesFailed = 0;     // no PASS run and the latest run is not RUNNING
    int devicesInProgress = 0; // no PASS run and the latest run is RUNNING
    int devicesFirstPass = 0;
    double firstPassYield = 0.0; // devicesFirstPass / devices whose first run has a verdict
    double finalYield = 0.0;     // devicesPassed / (devicesPassed + devicesFailed)
};

// Devices tested more than once.
struct RetestReport
{
    int devices = 0;               // distinct devices with a run
    int runs = 0;                  // their runs
    int devicesRetested = 0;       // ... with more than one run
    int retestRuns = 0;            // runs after a device's first: runs - devices
    int devicesPassedOnRetest = 0; // passed, but not in their first run
    // How many devices had 1, 2, 3 ... runs: (runs, devices), by runs.
    QList<QPair<int, int>> runsPerDevice;
};

// Everything the analytics page shows for one range, from the station's record or the plant.
struct AnalyticsReport
{
    QList<MeasurementStats> measurements; // by name, then unit
    QList<GroupYield> byHour;             // by time
    QList<GroupYield> byFixture;          // by fixture number
    QList<GroupYield> byOperator;         // by name
    QList<GroupYield> byStation;          // plant only, by station ID
    RetestReport retests;
    // Plant only: the stations and lines there are, for the filters.
    QStringList stations;
    QStringList lines;
};

namespace Analytics {

// Fills the yield ratios from the counts (YieldReport's definitions); `firstRunning` devices
// have a first run still RUNNING, which has no verdict yet.
void finishGroup(GroupYield &group, int firstRunning);
// Fills capability, sigma and the histogram geometry of a measurement whose count, mean, sums
// and bins are read. `sumSquares` is Σ(x - mean)² over its values.
void finishMeasurement(MeasurementStats &stats, double sumSquares);
// The bin of `value` in [low, low + HistogramBins * width]: the same formula as the SQL.
int binOf(double value, double low, double width);

// The report over `filter` on an open read-only record connection. Every figure is aggregated
// by SQLite; the C++ side reads a few rows per measurement and group.
[[nodiscard]] Result<AnalyticsReport> report(QSqlDatabase &db, const RunFilter &filter);
// Opens its own read-only connection to the record at `path` on the calling thread (any
// thread: the analytics page runs it on a pool thread), reads the report and closes it again.
[[nodiscard]] Result<AnalyticsReport> readReport(const QString &path, const RunFilter &filter);

} // namespace Analytics

} // namespace Station

Q_DECLARE_METATYPE(Station::AnalyticsReport)
