#include "services/records/shifts.h"

using namespace Qt::StringLiterals;

namespace Station {

QList<Shift> defaultShifts()
{
    return {
        Shift {u"early"_s, QTime(6, 0), QTime(14, 0)},
        Shift {u"late"_s, QTime(14, 0), QTime(22, 0)},
        Shift {u"night"_s, QTime(22, 0), QTime(6, 0)},
    };
}

TimeRange shiftRange(const Shift &shift, QDate date, const QTimeZone &zone)
{
    const QDate endDate = shift.end <= shift.start ? date.addDays(1) : date;
    return TimeRange {
        QDateTime(date, shift.start, zone).toUTC(), QDateTime(endDate, shift.end, zone).toUTC()};
}

std::optional<ShiftDay> shiftAt(
    const QDateTime &time, const QList<Shift> &shifts, const QTimeZone &zone)
{
    const QDate localDate = time.toTimeZone(zone).date();
    for (const QDate date : {localDate, localDate.addDays(-1)}) {
        for (const Shift &shift : shifts) {
            const TimeRange range = shiftRange(shift, date, zone);
            if (time >= range.from && time < range.to)
                return ShiftDay {shift, date};
        }
    }
    return std::nullopt;
}

} // namespace Station
