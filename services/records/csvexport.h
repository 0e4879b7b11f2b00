#pragma once

#include "services/base/canceltoken.h"
#include "services/base/result.h"
#include "services/records/recordquery.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

// CSV export of the record for quality staff (spreadsheets) and the parser the tests use to
// read it back. The format:
// - RFC 4180: comma separator, CRLF after every record, a field containing a comma, quote, CR or
//   LF is quoted and its quotes doubled. UTF-8, with a byte order mark by default (see
//   CsvOptions). Times are ISO 8601 UTC with milliseconds. The header row is English and never
//   translated; its names are stable (scripts read them).
// - Formula neutralisation: a text cell that begins with = + - @ TAB or CR gets a leading single
//   quote (') so a spreadsheet shows it instead of running it as a formula. Cells of numeric
//   columns (ids, durations, attempts, measurement values and limits) hold numbers the record
//   produced and stay unchanged, so negative numbers remain numbers; a numeric column's cell that
//   is not a plain number is treated as text. Raw tool output (stdout, stderr) is text like any
//   other: output that starts with "=" reads back with the quote in front.
namespace Station {

enum class CsvLayout {
    RunPerRow,         // every traceability field of a run
    StepPerRow,        // a run's steps with command lines, exit codes and measurements
    MeasurementPerRow, // one measurement per row, numeric value and limits (for charts)
    CommandPerRow,     // one tool call per row with its raw stdout and stderr
};

struct CsvOptions
{
    CsvLayout layout = CsvLayout::RunPerRow;
    // Excel on Windows reads a CSV without a byte order mark in the ANSI code page and garbles
    // device causes, operator names and units (e.g. "µs"); with the mark it reads UTF-8.
    // LibreOffice and most scripts accept it (Python: encoding="utf-8-sig"). Turn it off for
    // tools that do not.
    bool byteOrderMark = true;
    // Rows between progress reports and cancel checks (and at most what is buffered in memory).
    int rowsPerChunk = 2000;
};

// Called after each chunk with the rows written and the rows the export will write.
using CsvProgress = std::function<void(qint64 done, qint64 total)>;

QStringList csvHeader(CsvLayout layout);

// Writes the runs `filter` selects from the record at `recordPath` to `out` (open for writing),
// oldest first, and returns the number of data rows. Opens its own read-only connection on the
// calling thread, so it may run on a worker thread (QtConcurrent) while the GUI shows progress.
// The rows come from one ordered query per table, read in a single snapshot (no query per
// row). On Cancelled or an error, `out` holds a partial file: write through a QSaveFile and
// commit only on success.
[[nodiscard]] Result<qint64> exportCsv(const QString &recordPath,
    const RunFilter &filter,
    QIODevice &out,
    const CsvOptions &options = {},
    const CancelToken &cancel = {},
    const CsvProgress &progress = {});

// The formula rule above, for one text cell.
QString neutralizeCsvText(const QString &text);
// One RFC 4180 record (quoted where needed, CRLF-terminated) in UTF-8. The cells are written
// as given: neutralise text cells first.
QByteArray csvRecord(const QStringList &cells);

} // namespace Station
