#include "app/exportcommand.h"

#include "services/auth/accounts.h"
#include "services/base/tr.h"
#include "services/plant/planthandoff.h"
#include "services/records/audittrail.h"
#include "services/records/csvexport.h"
#include "services/records/handoff.h"
#include "services/records/recordstore.h"
#include "services/records/shifts.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QTimeZone>

#include <cstdio>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

constexpr int ExitFailed = 1;
constexpr int ExitUsage = 2;

int complain(const QString &message, int code = ExitUsage)
{
    std::fputs(qPrintable(u"sphere-station export: "_s + message + u'\n'), stderr);
    return code;
}

// As `sphere-station plant`: a problem the command line can fix is a usage error, the server's
// or the network's trouble a failure.
int auditExport(const QString &recordPath, const QStringList &files, const QString &what);

int complain(const Plant::Problem &problem)
{
    const bool usage = problem.failure == Plant::Failure::SchemaTooNew
        || problem.failure == Plant::Failure::BadConnectionString
        || problem.failure == Plant::Failure::NotInitialized;
    QString message = problem.message;
    if (!problem.detail.isEmpty())
        message += u"\n  (%1)"_s.arg(problem.detail.trimmed());
    return complain(message, usage ? ExitUsage : ExitFailed);
}

// ISO 8601; a time without a zone is taken as UTC (the record's times are UTC).
QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    if (time.isValid() && time.timeSpec() == Qt::LocalTime && !text.contains(u'+')
        && !text.endsWith(u'Z'))
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

// The range of --shift NAME --date YYYY-MM-DD (the local date the shift starts, in the
// computer's time zone), or an error message.
tl::expected<TimeRange, QString> shiftOption(const QCommandLineParser &parser)
{
    const QString name = parser.value(u"shift"_s);
    const QList<Shift> shifts = defaultShifts();
    QStringList names;
    const Shift *shift = nullptr;
    for (const Shift &candidate : shifts) {
        names << candidate.name;
        if (candidate.name == name)
            shift = &candidate;
    }
    if (!shift)
        return tl::make_unexpected(
            u"unknown shift '%1': give one of %2"_s.arg(name, names.join(u", "_s)));
    const QDate date = QDate::fromString(parser.value(u"date"_s), Qt::ISODate);
    if (!parser.isSet(u"date"_s) || !date.isValid())
        return tl::make_unexpected(
            u"--shift needs --date YYYY-MM-DD, the local date on which the shift starts"_s);
    return shiftRange(*shift, date, QTimeZone::systemTimeZone());
}

void printReport(const HandoffReport &report, const QString &out)
{
    const QString written
        = Tr::tr("%n device(s) written to %1", nullptr, int(report.devices.size())).arg(out);
    std::fputs(qPrintable(written + u'\n'), stdout);
    if (report.devices.isEmpty()) {
        std::fputs(qPrintable(Tr::tr("The file has only the header: Microsoft's script refuses a "
                                     "file without devices.")
                                  .english()
                       + u'\n'),
            stderr);
    }
    if (!report.withoutNames.isEmpty()) {
        const QString left = Tr::tr("%n device(s) left out: the recipe of their newest passing run "
                                    "names no product and device group (its \"cloud\" object):",
            nullptr,
            int(report.withoutNames.size()));
        std::fputs(qPrintable(left + u'\n'), stderr);
        for (const QString &device : report.withoutNames)
            std::fputs(qPrintable(u"  "_s + device + u'\n'), stderr);
    }
    if (!report.invalid.isEmpty()) {
        const QString left = Tr::tr("%n device(s) left out: the script could not use their line:",
            nullptr,
            int(report.invalid.size()));
        std::fputs(qPrintable(left + u'\n'), stderr);
        for (const QString &line : report.invalid)
            std::fputs(qPrintable(u"  "_s + line + u'\n'), stderr);
    }
}

// --handoff: the CSV for Microsoft's multi_board_ota_configuration.py (docs/handoff.md).
int runHandoff(const QCommandLineParser &parser, const QDateTime &from, const QDateTime &to)
{
    const QString out = parser.value(u"out"_s);
    const bool plant = parser.isSet(u"plant"_s);
    if (plant == parser.isSet(u"record"_s))
        return complain(u"--handoff reads one source: --record FILE (this station) or --plant "
                        "CONNINFO (the plant database)"_s);
    if (out.isEmpty())
        return complain(u"--handoff needs --out FILE.csv"_s);
    if (!plant && (parser.isSet(u"station"_s) || parser.isSet(u"line"_s)))
        return complain(u"--station and --line select from the plant database: give --plant"_s);

    if (!plant) {
        const QString record = parser.value(u"record"_s);
        if (!QFileInfo::exists(record))
            return complain(u"the record %1 does not exist"_s.arg(record));
        Result<HandoffReport> report = exportHandoff(record, TimeRange {from, to}, out);
        if (!report)
            return complain(
                report.error().message.english() + u" ("_s + report.error().detail + u")"_s);
        printReport(*report, out);
        return auditExport(record, {out}, u"hand-off to cloud configuration"_s);
    }

    Plant::Connection connection;
    if (Plant::PlantResult<void> opened = connection.open(parser.value(u"plant"_s)); !opened)
        return complain(opened.error());
    QSqlDatabase db = connection.database();
    Plant::HandoffScope scope;
    scope.from = from;
    scope.to = to;
    scope.stationId = parser.value(u"station"_s);
    scope.line = parser.value(u"line"_s);
    Plant::PlantResult<HandoffReport> report = Plant::collectHandoff(db, scope);
    if (!report)
        return complain(report.error());
    if (Result<void> written = writeHandoffFile(out, report->devices); !written)
        return complain(
            written.error().message.english() + u" ("_s + written.error().detail + u")"_s);
    printReport(*report, out);
    return 0;
}

// The export's audit entry in the record (docs/roles.md): the files' SHA-256 and the chain head
// it was made at, which is printed too. A record that cannot take the entry fails the export.
int auditExport(const QString &recordPath, const QStringList &files, const QString &what)
{
    // An export only reads: a record without the audit trail (older, or cut before its schema)
    // is left exactly as it is, and the export says it is not in a trail.
    const Result<bool> trail = Audit::hasTrail(recordPath);
    if (!trail || !*trail) {
        std::fputs("audit: this record has no audit trail (it was written before schema 6); the "
                   "export is not recorded\n",
            stdout);
        return 0;
    }
    RecordStore record;
    if (Result<void> opened = record.open(recordPath); !opened)
        return complain(
            u"the export is not in the audit trail: "_s + opened.error().message.english());
    Auth::Accounts accounts(record, u"command line"_s);
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    const Result<QString> madeAt = accounts.auditExport(
        std::nullopt, files, u"%1 (command line, system user %2)"_s.arg(what, user));
    if (!madeAt)
        return complain(
            u"the export is not in the audit trail: "_s + madeAt.error().message.english());
    std::fputs(qPrintable(u"audit: %1\n"_s.arg(*madeAt)), stdout);
    return 0;
}

} // namespace

int runExportCommand(QCoreApplication &app, QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"export"_s, u"Export the record as CSV."_s);
    parser.addOptions({
        {u"record"_s, u"The SQLite record file."_s, u"file"_s},
        {u"out"_s, u"The CSV file to write."_s, u"file"_s},
        {u"from"_s, u"Runs started at or after this ISO 8601 time (UTC)."_s, u"time"_s},
        {u"to"_s, u"Runs started before this ISO 8601 time (UTC)."_s, u"time"_s},
        {u"steps"_s,
            u"One row per step: its command lines, exit codes and measurements (no tool "
            "output; see --commands)."_s},
        {u"commands"_s,
            u"One row per tool call: command line, outcome, exit code, times and the raw "
            "stdout and stderr."_s},
        {u"measurements"_s, u"One row per measurement."_s},
        {u"handoff"_s,
            u"The hand-off to cloud configuration: the devices that passed a run finalizing them "
            "to DeviceComplete, each once, as DeviceId,ProductName,DeviceGroupName for "
            "Microsoft's multi_board_ota_configuration.py."_s},
        {u"shift"_s,
            u"With --date: the runs started in this shift (early, late or night)."_s,
            u"name"_s},
        {u"date"_s, u"The local date on which --shift starts (YYYY-MM-DD)."_s, u"date"_s},
        {u"plant"_s,
            u"--handoff from the plant database instead of a record: libpq key=value pairs or "
            "service=NAME (the password from .pgpass, PGPASSFILE or the service file)."_s,
            u"conninfo"_s},
        {u"station"_s, u"With --plant: only this station ID."_s, u"id"_s},
        {u"line"_s, u"With --plant: only the stations of this line."_s, u"line"_s},
    });
    parser.process(app);

    const bool handoff = parser.isSet(u"handoff"_s);
    RunFilter filter;
    for (const auto &[option, target] :
        {std::pair {u"from"_s, &filter.from}, std::pair {u"to"_s, &filter.to}}) {
        if (!parser.isSet(option))
            continue;
        *target = parseTime(parser.value(option));
        if (!target->isValid())
            return complain(
                u"--%1 takes an ISO 8601 time such as 2026-11-24T06:00:00Z"_s.arg(option));
    }
    if (parser.isSet(u"date"_s) && !parser.isSet(u"shift"_s))
        return complain(u"--date belongs to --shift NAME"_s);
    if (parser.isSet(u"shift"_s)) {
        if (parser.isSet(u"from"_s) || parser.isSet(u"to"_s))
            return complain(u"give either --shift or --from/--to"_s);
        const tl::expected<TimeRange, QString> range = shiftOption(parser);
        if (!range)
            return complain(range.error());
        filter.from = range->from;
        filter.to = range->to;
    }
    if (handoff) {
        for (const QString &layout : {u"steps"_s, u"commands"_s, u"measurements"_s}) {
            if (parser.isSet(layout))
                return complain(
                    u"--handoff has one layout; --%1 is for the record's CSV"_s.arg(layout));
        }
        return runHandoff(parser, filter.from, filter.to);
    }
    for (const QString &option : {u"plant"_s, u"station"_s, u"line"_s}) {
        if (parser.isSet(option))
            return complain(u"--%1 belongs to --handoff"_s.arg(option));
    }

    const QString record = parser.value(u"record"_s);
    const QString out = parser.value(u"out"_s);
    if (record.isEmpty() || out.isEmpty())
        return complain(u"needs --record FILE and --out FILE.csv"_s);
    if (!QFileInfo::exists(record))
        return complain(u"the record %1 does not exist"_s.arg(record));

    CsvOptions options;
    const std::pair<QString, CsvLayout> layouts[] {
        {u"steps"_s, CsvLayout::StepPerRow},
        {u"commands"_s, CsvLayout::CommandPerRow},
        {u"measurements"_s, CsvLayout::MeasurementPerRow},
    };
    int chosen = 0;
    for (const auto &[option, layout] : layouts) {
        if (parser.isSet(option)) {
            options.layout = layout;
            ++chosen;
        }
    }
    if (chosen > 1)
        return complain(u"give one of --steps, --commands or --measurements"_s);

    // Written beside the target and renamed at the end: a failed export leaves no half file.
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        return complain(u"cannot write %1: %2"_s.arg(out, file.errorString()));
    Result<qint64> rows = exportCsv(record, filter, file, options);
    if (!rows) {
        file.cancelWriting();
        return complain(rows.error().message.english() + u" ("_s + rows.error().detail + u")"_s);
    }
    if (!file.commit())
        return complain(u"cannot write %1: %2"_s.arg(out, file.errorString()));
    const QString written = Tr::tr("%n row(s) written to %1", nullptr, int(*rows)).arg(out);
    std::fputs(qPrintable(written + u'\n'), stdout);
    return auditExport(record, {out}, u"records CSV"_s);
}

} // namespace Station
