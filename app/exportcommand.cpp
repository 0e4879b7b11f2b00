#include "app/exportcommand.h"

#include "services/base/tr.h"
#include "services/records/csvexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

constexpr int ExitUsage = 2;

int complain(const QString &message)
{
    std::fputs(qPrintable(u"sphere-station export: "_s + message + u'\n'), stderr);
    return ExitUsage;
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
    });
    parser.process(app);

    const QString record = parser.value(u"record"_s);
    const QString out = parser.value(u"out"_s);
    if (record.isEmpty() || out.isEmpty())
        return complain(u"needs --record FILE and --out FILE.csv"_s);
    if (!QFileInfo::exists(record))
        return complain(u"the record %1 does not exist"_s.arg(record));

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
    return 0;
}

} // namespace Station
