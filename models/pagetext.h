#pragma once

#include "services/process/toolrunner.h"
#include "services/run/runtypes.h"

#include <QColor>
#include <QDateTime>
#include <QIcon>
#include <QString>
#include <QTimeZone>

#include <chrono>
#include <functional>

// Translated texts and the look hooks shared by the technician's and quality staff's models
// (steps, commands, measurements, runs). GUI thread.
namespace Station::PageText {

QString stepOutcome(StepOutcome outcome);
// "PASS", "FAIL", ... translated (the record keeps the English names).
QString runOutcome(RunOutcome outcome);
// "Succeeded", "Exit code 1", "Timed out", ...
QString toolOutcome(ToolOutcome outcome, int exitCode);
// The same in a word or two, for a table column ("OK", "exit 1", "timed out").
QString toolOutcomeShort(ToolOutcome outcome, int exitCode);
// "0.8 s", "12.4 s", "4:07", "1:02:03"; empty for a negative duration.
QString duration(std::chrono::milliseconds duration);
// The duration between two UTC times, empty when either is invalid.
QString duration(const QDateTime &started, const QDateTime &finished);
// "2025-03-11 06:10:05" in `zone` (people on the line read local time); empty when invalid.
QString localTime(const QDateTime &time, const QTimeZone &zone = QTimeZone::systemTimeZone());
// "A3 (3)": the fixture's label and number, or the number alone.
QString fixture(int number, const QString &label);
// A measurement value or limit without trailing noise ("3.301", "-3.5", "17").
QString number(double value);

} // namespace Station::PageText

namespace Station {

// How an outcome looks in a table: the models stay free of the widget theme, the UI sets this.
struct OutcomeLook
{
    QIcon icon;
    QColor text;       // invalid: the view's default
    QColor background; // invalid: none (used to mark the failing row)
};

using StepOutcomeLook = std::function<OutcomeLook(StepOutcome)>;
using RunOutcomeLook = std::function<OutcomeLook(RunOutcome)>;

} // namespace Station
