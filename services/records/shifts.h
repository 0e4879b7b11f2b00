#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace Station {

// A named local-time window. An end at or before the start crosses midnight into the next day.
struct Shift
{
    QString name; // stable identifier: "early", "late", "night"
    QTime start;
    QTime end;
};

struct TimeRange
{
    QDateTime from; // UTC, inclusive
    QDateTime to;   // UTC, exclusive
};

struct ShiftDay
{
    Shift shift;
    QDate date; // the local date on which the shift starts
};

// early 06:00-14:00, late 14:00-22:00, night 22:00-06:00.
QList<Shift> defaultShifts();
// The UTC range of `shift` starting on local `date` in `zone` (daylight-saving aware).
TimeRange shiftRange(const Shift &shift, QDate date, const QTimeZone &zone);
// The shift (and its start date) that contains `time`, if any of `shifts` does.
std::optional<ShiftDay> shiftAt(
    const QDateTime &time, const QList<Shift> &shifts, const QTimeZone &zone);

} // namespace Station
