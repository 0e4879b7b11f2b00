#pragma once

#include "services/base/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

// Records for the page tests and the screenshot gallery, written through RecordStore like the
// station writes them.
namespace PagesRecord {

// The small record the tests work out by hand (all times UTC, on knownDay()):
//  run  device  serial   fix recipe           start  outcome       failed step (error)
//  1    A       SN-0001  1   Full line 1.0.0  06:10  FAIL          8 Functional test
//  (MeasurementOutOfLimits) 2    A       SN-0001  1   Full line 1.0.0  06:40  PASS 3    B SN-0002
//  2   Full line 1.0.0  07:00  PASS 4    C       SN-0003  2   Full line 1.0.0  08:00  FAIL 7 Load
//  functional test app (ImageNotTrusted) 5    E       SN-0005  2   Quick 2.1        10:00  PASS 6
//  G       SN-0007  2   Full line 1.0.0  11:00  FAIL          8 Functional test
//  (MeasurementOutOfLimits) 7    F       SN-0006  1   Full line 1.0.0  15:00  FAIL          7 Load
//  functional test app (ImageNotTrusted) 8    F       SN-0006  1   Full line 1.0.0  16:00  ABORTED
// Early shift (06:00-14:00): runs 1-6, 5 devices started, 3 passed, 2 failed, first pass B and
// E (40 %), 0.625 devices per hour; failures by step: Functional test 2, Load functional test
// app 1.
QDate knownDay();
// The "Full line" recipe's steps as (type, name), as the generated runs have them.
QList<QPair<QString, QString>> fullLineSteps();
QString deviceIdOf(QChar letter); // 128 hex digits derived from the letter
[[nodiscard]] Station::Result<void> writeKnownRecord(const QString &path);

// A realistic early shift on `fixtures` fixtures from 06:00 UTC on `day` up to `now`: mostly
// passes, a few failures of every common kind, retests, one abort, one interruption, and the
// runs still going at `now`. Returns the ids of a few interesting runs.
struct ShiftRuns
{
    qint64 failedUart = 0;     // a functional test out of limits
    qint64 failedSideload = 0; // image not trusted
    qint64 running = 0;
    int runs = 0;
};
[[nodiscard]] Station::Result<ShiftRuns> writeShiftRecord(
    const QString &path, QDate day, const QDateTime &now, int fixtures, quint32 seed = 7);

} // namespace PagesRecord
