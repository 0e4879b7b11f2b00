#pragma once

#include "services/base/result.h"

#include <QDateTime>
#include <QString>

#include <functional>

// Builds a large, realistic station record for the record benchmarks: the schema is created by
// the real RecordStore, then runs, steps, commands, measurements, devices, serials and events
// are bulk-inserted with prepared statements in big transactions (SQLite C API, journal off
// while filling, WAL again at the end, as the station leaves it).
namespace Bench {

struct RecordSpec
{
    qint64 runs = 1'000'000;
    int fixtures = 64;
    quint64 seed = 0x5157'2025;
};

struct RecordCounts
{
    qint64 runs = 0;
    qint64 steps = 0;
    qint64 commands = 0;
    qint64 measurements = 0;
    qint64 devices = 0;
    qint64 events = 0;
};

// Bump when the generated contents change, so cached records are rebuilt.
constexpr int GeneratorVersion = 1;

// The record's calendar: the line works two shifts (06:00-14:00 and 14:00-22:00 UTC) on every
// weekday of 2025; run ids are in start order and run `id` (1-based) starts at runStart(id).
QDateTime runStart(const RecordSpec &spec, qint64 runId);
// The UTC range of shift `shift` (0 early, 1 late) on working day `day` (0-based weekday of 2025).
QDateTime shiftStart(int day, int shift);
constexpr int ShiftSeconds = 8 * 3600;

// Writes the record to `path` (which must not exist). `progress(runsDone)` is called every
// transaction.
[[nodiscard]] Station::Result<RecordCounts> generateRecord(
    const QString &path, const RecordSpec &spec, const std::function<void(qint64)> &progress = {});

// Row counts of an existing record (for a cached file).
[[nodiscard]] Station::Result<RecordCounts> countRecord(const QString &path);

} // namespace Bench
