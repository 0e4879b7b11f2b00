#include "models/pagetext.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Station::PageText {

namespace {

// These words are shown, never stored: translated at once (the context is the one the services'
// Station::Tr uses, so the words keep their translations). Station::Tr would give a Text, whose
// conversion to QString is its English.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Station::Tr)
};

} // namespace

QString stepOutcome(StepOutcome outcome)
{
    switch (outcome) {
    case StepOutcome::Pending:
        return Tr::tr("Pending");
    case StepOutcome::Running:
        return Tr::tr("Running");
    case StepOutcome::Passed:
        return Tr::tr("Passed");
    case StepOutcome::Failed:
        return Tr::tr("Failed");
    case StepOutcome::Skipped:
        return Tr::tr("Skipped");
    case StepOutcome::Aborted:
        return Tr::tr("Aborted");
    }
    return {};
}

QString runOutcome(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Running:
        //: Run outcome while the run goes on
        return Tr::tr("RUNNING");
    case RunOutcome::Pass:
        return Tr::tr("PASS");
    case RunOutcome::Fail:
        return Tr::tr("FAIL");
    case RunOutcome::Aborted:
        return Tr::tr("ABORTED");
    case RunOutcome::Interrupted:
        return Tr::tr("INTERRUPTED");
    }
    return {};
}

QString toolOutcome(ToolOutcome outcome, int exitCode)
{
    switch (outcome) {
    case ToolOutcome::Succeeded:
        return Tr::tr("Succeeded (exit code 0)");
    case ToolOutcome::ExitCode:
        return Tr::tr("Failed with exit code %1").arg(exitCode);
    case ToolOutcome::Crashed:
        return Tr::tr("Crashed");
    case ToolOutcome::StartFailed:
        return Tr::tr("Did not start");
    case ToolOutcome::TimedOut:
        return Tr::tr("Timed out (stopped by the station)");
    case ToolOutcome::Cancelled:
        return Tr::tr("Cancelled (stopped by the station)");
    }
    return {};
}

QString toolOutcomeShort(ToolOutcome outcome, int exitCode)
{
    switch (outcome) {
    case ToolOutcome::Succeeded:
        //: Tool outcome in the device view's table of tool calls (exit code 0)
        return Tr::tr("OK");
    case ToolOutcome::ExitCode:
        //: Tool outcome in the device view's table of tool calls: "exit 1"
        return Tr::tr("exit %1").arg(exitCode);
    case ToolOutcome::Crashed:
        return Tr::tr("Crashed");
    case ToolOutcome::StartFailed:
        return Tr::tr("Did not start");
    case ToolOutcome::TimedOut:
        return Tr::tr("Timed out");
    case ToolOutcome::Cancelled:
        return Tr::tr("Cancelled");
    }
    return {};
}

QString duration(std::chrono::milliseconds duration)
{
    const qint64 ms = duration.count();
    if (ms < 0)
        return {};
    if (ms < 60'000)
        return Tr::tr("%1 s").arg(QString::number(double(ms) / 1000.0, 'f', 1));
    const qint64 seconds = ms / 1000;
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return u"%1:%2"_s.arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString duration(const QDateTime &started, const QDateTime &finished)
{
    if (!started.isValid() || !finished.isValid())
        return {};
    return duration(std::chrono::milliseconds(started.msecsTo(finished)));
}

QString localTime(const QDateTime &time, const QTimeZone &zone)
{
    if (!time.isValid())
        return {};
    return time.toTimeZone(zone).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString fixture(int number, const QString &label)
{
    if (number <= 0)
        return label;
    if (label.isEmpty() || label == QString::number(number))
        return QString::number(number);
    return u"%1 (%2)"_s.arg(label).arg(number);
}

QString number(double value)
{
    if (!std::isfinite(value))
        return QString::number(value);
    // Up to six decimals, then trailing zeros dropped: what the tool printed, not 3.30099999.
    QString text = QString::number(value, 'f', 6);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    if (text == u"-0"_s)
        text = u"0"_s;
    return text;
}

} // namespace Station::PageText
