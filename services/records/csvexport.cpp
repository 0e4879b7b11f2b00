#include "services/records/csvexport.h"

#include "services/base/tr.h"
#include "services/records/recordschema.h"

#include <QIODevice>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

enum class Kind { Text, Number };

struct Column
{
    const char16_t *header;
    Kind kind;
};

// Run layout: the columns of RunSelect, in order.
constexpr std::array RunColumns {
    Column {u"run_id", Kind::Number},
    Column {u"started_utc", Kind::Text},
    Column {u"finished_utc", Kind::Text},
    Column {u"duration_ms", Kind::Number},
    Column {u"outcome", Kind::Text},
    Column {u"failed_step", Kind::Text},
    Column {u"error_code", Kind::Text},
    Column {u"cause", Kind::Text},
    Column {u"fixture", Kind::Number},
    Column {u"fixture_label", Kind::Text},
    Column {u"connection_path", Kind::Text},
    Column {u"device_id", Kind::Text},
    Column {u"serial_number", Kind::Text},
    Column {u"ip_address", Kind::Text},
    Column {u"manufacturing_state", Kind::Text},
    Column {u"os_version", Kind::Text},
    Column {u"image_ids", Kind::Text},
    Column {u"recipe_name", Kind::Text},
    Column {u"recipe_version", Kind::Text},
    Column {u"recipe_sha256", Kind::Text},
    Column {u"recipe_path", Kind::Text},
    Column {u"station", Kind::Text},
    Column {u"operator", Kind::Text},
    Column {u"app_version", Kind::Text},
    Column {u"backend", Kind::Text},
    Column {u"azsphere_path", Kind::Text},
    Column {u"azsphere_version", Kind::Text},
    Column {u"rf_tool_path", Kind::Text},
    Column {u"rf_tool_version", Kind::Text},
    Column {u"azsphere_cli", Kind::Text},
};

// duration_ms: the stored times are whole milliseconds, so the julianday rounding error (tens
// of microseconds) never changes the rounded difference.
constexpr char16_t RunSelect[]
    = u"SELECT r.id, r.started_utc, r.finished_utc, "
      u"CAST(round((julianday(r.finished_utc) - julianday(r.started_utc)) * 86400000.0) "
      u"AS INTEGER), "
      u"r.outcome, r.failed_step, r.error_code, r.cause, r.fixture, r.fixture_label, "
      u"r.connection_path, r.device_id, r.serial_number, r.ip_address, r.manufacturing_state, "
      u"r.os_version, r.image_ids, r.recipe_name, r.recipe_version, r.recipe_sha256, "
      u"r.recipe_path, r.station, r.operator, r.app_version, r.backend, r.azsphere_path, "
      u"r.azsphere_version, r.rf_tool_path, r.rf_tool_version, %1 FROM runs r";

// azsphere_cli came with schema 4; every run before it used azsphere.
QString cliColumn(QSqlDatabase &db)
{
    const Result<int> version = RecordSql::userVersion(db);
    return RecordSql::cliColumn(version ? *version : 0, u"r");
}

// Step layout: StepSelect gives the step id (not exported) and then the first 14 columns; the
// last three are gathered from the command and measurement queries.
constexpr std::array StepColumns {
    Column {u"run_id", Kind::Number},
    Column {u"device_id", Kind::Text},
    Column {u"serial_number", Kind::Text},
    Column {u"seq", Kind::Number},
    Column {u"step", Kind::Text},
    Column {u"type", Kind::Text},
    Column {u"outcome", Kind::Text},
    Column {u"started_utc", Kind::Text},
    Column {u"finished_utc", Kind::Text},
    Column {u"duration_ms", Kind::Number},
    Column {u"attempts", Kind::Number},
    Column {u"error_code", Kind::Text},
    Column {u"cause", Kind::Text},
    Column {u"note", Kind::Text},
    Column {u"command_lines", Kind::Text},
    Column {u"exit_codes", Kind::Text},
    Column {u"measurements", Kind::Text},
};
constexpr int StepQueryColumns = 14;

constexpr char16_t StepSelect[]
    = u"SELECT s.id, r.id, r.device_id, r.serial_number, s.seq, s.name, s.type, s.outcome, "
      u"s.started_utc, s.finished_utc, "
      u"CAST(round((julianday(s.finished_utc) - julianday(s.started_utc)) * 86400000.0) "
      u"AS INTEGER), "
      u"s.attempts, s.error_code, s.cause, s.note FROM steps s JOIN runs r ON r.id = s.run_id";

constexpr char16_t CommandSelect[] = u"SELECT c.step_id, c.command_line, c.exit_code "
                                     u"FROM commands c JOIN steps s ON s.id = c.step_id "
                                     u"JOIN runs r ON r.id = s.run_id";

constexpr char16_t StepMeasurementSelect[] = u"SELECT m.step_id, m.name, m.value, m.unit, "
                                             u"m.low, m.high, m.pass "
                                             u"FROM measurements m JOIN steps s "
                                             u"ON s.id = m.step_id JOIN runs r ON r.id = s.run_id";

// Measurement layout.
constexpr std::array MeasurementColumns {
    Column {u"run_id", Kind::Number},
    Column {u"run_started_utc", Kind::Text},
    Column {u"device_id", Kind::Text},
    Column {u"serial_number", Kind::Text},
    Column {u"fixture", Kind::Number},
    Column {u"step_seq", Kind::Number},
    Column {u"step", Kind::Text},
    Column {u"measurement", Kind::Text},
    Column {u"value", Kind::Number},
    Column {u"unit", Kind::Text},
    Column {u"low", Kind::Number},
    Column {u"high", Kind::Number},
    Column {u"result", Kind::Text},
};

constexpr char16_t MeasurementSelect[] = u"SELECT r.id, r.started_utc, r.device_id, "
                                         u"r.serial_number, r.fixture, s.seq, s.name, m.name, "
                                         u"m.value, m.unit, m.low, m.high, "
                                         u"CASE WHEN m.pass THEN 'PASS' ELSE 'FAIL' END "
                                         u"FROM measurements m JOIN steps s ON s.id = m.step_id "
                                         u"JOIN runs r ON r.id = s.run_id";

// Command layout: one tool call per row with its raw output. The run and step cells repeat on
// each of a step's commands so that every row names its device on its own (filtering a
// spreadsheet by device ID keeps whole rows).
constexpr std::array CommandColumns {
    Column {u"run_id", Kind::Number},
    Column {u"device_id", Kind::Text},
    Column {u"serial_number", Kind::Text},
    Column {u"fixture", Kind::Number},
    Column {u"step_seq", Kind::Number},
    Column {u"step", Kind::Text},
    Column {u"step_type", Kind::Text},
    Column {u"step_outcome", Kind::Text},
    Column {u"command_seq", Kind::Number},
    Column {u"command_line", Kind::Text},
    Column {u"tool_outcome", Kind::Text},
    Column {u"exit_code", Kind::Number},
    Column {u"started_utc", Kind::Text},
    Column {u"finished_utc", Kind::Text},
    Column {u"duration_ms", Kind::Number},
    Column {u"stdout", Kind::Text},
    Column {u"stderr", Kind::Text},
    Column {u"truncated", Kind::Number},
};

constexpr char16_t CommandRowSelect[]
    = u"SELECT r.id, r.device_id, r.serial_number, r.fixture, s.seq, s.name, s.type, s.outcome, "
      u"c.seq, c.command_line, c.outcome, c.exit_code, c.started_utc, c.finished_utc, "
      u"CAST(round((julianday(c.finished_utc) - julianday(c.started_utc)) * 86400000.0) "
      u"AS INTEGER), "
      u"c.stdout, c.stderr, c.truncated "
      u"FROM commands c JOIN steps s ON s.id = c.step_id JOIN runs r ON r.id = s.run_id";

// Oldest first; with runs_started and the (run_id, seq) / (step_id, seq) indexes SQLite walks
// these orders without sorting.
constexpr char16_t RunOrder[] = u" ORDER BY r.started_utc, r.id";
constexpr char16_t StepOrder[] = u" ORDER BY r.started_utc, r.id, s.seq";
constexpr char16_t CommandOrder[] = u" ORDER BY r.started_utc, r.id, s.seq, c.seq";
constexpr char16_t MeasurementOrder[] = u" ORDER BY r.started_utc, r.id, s.seq, m.seq";

// Buffered output is written to the device when it grows past this.
constexpr qsizetype FlushBytes = 256 * 1024;

bool isPlainNumber(const QString &text)
{
    qsizetype i = 0;
    if (i < text.size() && text.at(i) == u'-')
        ++i;
    const qsizetype digitsStart = i;
    while (i < text.size() && text.at(i).isDigit())
        ++i;
    if (i == digitsStart)
        return false;
    if (i < text.size() && text.at(i) == u'.') {
        ++i;
        const qsizetype fractionStart = i;
        while (i < text.size() && text.at(i).isDigit())
            ++i;
        if (i == fractionStart)
            return false;
    }
    if (i < text.size() && (text.at(i) == u'e' || text.at(i) == u'E')) {
        ++i;
        if (i < text.size() && (text.at(i) == u'+' || text.at(i) == u'-'))
            ++i;
        const qsizetype exponentStart = i;
        while (i < text.size() && text.at(i).isDigit())
            ++i;
        if (i == exponentStart)
            return false;
    }
    return i == text.size();
}

QString numberText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString cellText(const QVariant &value, Kind kind)
{
    if (value.isNull())
        return {};
    if (kind == Kind::Number) {
        const QString number
            = value.typeId() == QMetaType::Double ? numberText(value.toDouble()) : value.toString();
        if (isPlainNumber(number))
            return number;
        return neutralizeCsvText(number);
    }
    return neutralizeCsvText(value.toString());
}

void appendField(QByteArray &out, const QString &cell)
{
    bool quote = false;
    for (const QChar c : cell) {
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n') {
            quote = true;
            break;
        }
    }
    const QByteArray utf8 = cell.toUtf8();
    if (!quote) {
        out += utf8;
        return;
    }
    out += '"';
    for (const char c : utf8) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

template <size_t N> QStringList headerOf(const std::array<Column, N> &columns)
{
    QStringList header;
    for (const Column &column : columns)
        header << QString::fromUtf16(column.header);
    return header;
}

// "name=value unit [low,high] PASS"; NaN for a value that is not a number, empty limit ends.
QString measurementText(const QSqlQuery &query, int first)
{
    const QVariant value = query.value(first + 1);
    QString text = query.value(first).toString() + u'='
        + (value.isNull() ? u"NaN"_s : numberText(value.toDouble()));
    const QString unit = query.value(first + 2).toString();
    if (!unit.isEmpty())
        text += u' ' + unit;
    const QVariant low = query.value(first + 3);
    const QVariant high = query.value(first + 4);
    if (!low.isNull() || !high.isNull()) {
        text += u" ["_s + (low.isNull() ? QString() : numberText(low.toDouble())) + u','
            + (high.isNull() ? QString() : numberText(high.toDouble())) + u']';
    }
    text += query.value(first + 5).toInt() != 0 ? u" PASS"_s : u" FAIL"_s;
    return text;
}

class CsvWriter
{
public:
    CsvWriter(QIODevice &out,
        qint64 total,
        const CsvOptions &options,
        const CancelToken &cancel,
        const CsvProgress &progress)
        : m_out(out)
        , m_total(total)
        , m_chunk(std::max(options.rowsPerChunk, 1))
        , m_cancel(cancel)
        , m_progress(progress)
    { }

    void record(const QStringList &cells)
    {
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                m_buffer += ',';
            appendField(m_buffer, cells.at(i));
        }
        m_buffer += "\r\n";
    }

    void raw(const QByteArray &bytes) { m_buffer += bytes; }

    // After a data row: flushes when the buffer is large, reports progress and checks cancel
    // at chunk ends.
    [[nodiscard]] Result<void> rowDone()
    {
        ++m_rows;
        if (m_buffer.size() >= FlushBytes) {
            if (auto ok = flush(); !ok)
                return ok;
        }
        if (m_rows % m_chunk != 0)
            return {};
        if (m_cancel.isCancelled())
            return fail(ErrorCode::Cancelled, Tr::tr("The export was cancelled."));
        if (m_progress)
            m_progress(m_rows, m_total);
        return {};
    }

    [[nodiscard]] Result<void> finish()
    {
        if (auto ok = flush(); !ok)
            return ok;
        if (m_progress)
            m_progress(m_rows, m_total);
        return {};
    }

    [[nodiscard]] Result<void> flush()
    {
        if (m_buffer.isEmpty())
            return {};
        if (m_out.write(m_buffer) != m_buffer.size()) {
            return fail(ErrorCode::Io,
                Tr::tr("The export file could not be written."),
                m_out.errorString());
        }
        m_buffer.clear();
        return {};
    }

    qint64 rows() const { return m_rows; }

private:
    QIODevice &m_out;
    QByteArray m_buffer;
    qint64 m_total = 0;
    qint64 m_rows = 0;
    int m_chunk = 1;
    const CancelToken &m_cancel;
    const CsvProgress &m_progress;
};

Result<void> openQuery(
    QSqlQuery &query, const QString &sql, const QVariantList &binds, const QString &what)
{
    query.setForwardOnly(true);
    return RecordSql::exec(query, sql, binds, what);
}

Result<void> iterationError(const QSqlQuery &query, const QString &what)
{
    // next() returns false both at the end and on a read error; only the latter sets an error.
    if (query.lastError().isValid())
        return fail(RecordSql::sqlError(query.lastError(), what));
    return {};
}

Result<qint64> countRows(QSqlDatabase &db, CsvLayout layout, const FilterSql &filter)
{
    QString from;
    switch (layout) {
    case CsvLayout::RunPerRow:
        from = u"runs r"_s;
        break;
    case CsvLayout::StepPerRow:
        from = u"steps s JOIN runs r ON r.id = s.run_id"_s;
        break;
    case CsvLayout::MeasurementPerRow:
        from = u"measurements m JOIN steps s ON s.id = m.step_id JOIN runs r ON r.id = s.run_id"_s;
        break;
    case CsvLayout::CommandPerRow:
        from = u"commands c JOIN steps s ON s.id = c.step_id JOIN runs r ON r.id = s.run_id"_s;
        break;
    }
    QSqlQuery query(db);
    if (auto ok = openQuery(query,
            u"SELECT count(*) FROM "_s + from + filter.where,
            filter.binds,
            u"count export rows"_s);
        !ok)
        return fail(ok.error());
    if (!query.next())
        return fail(RecordSql::sqlError(query.lastError(), u"count export rows"_s));
    return query.value(0).toLongLong();
}

template <size_t N>
Result<void> writeFlat(QSqlDatabase &db,
    CsvWriter &writer,
    const FilterSql &filter,
    const QString &sql,
    const std::array<Column, N> &columns)
{
    const QString what = u"export rows"_s;
    QSqlQuery query(db);
    if (auto ok = openQuery(query, sql, filter.binds, what); !ok)
        return ok;
    QStringList cells;
    cells.reserve(qsizetype(N));
    while (query.next()) {
        cells.clear();
        for (size_t i = 0; i < N; ++i)
            cells << cellText(query.value(int(i)), columns[i].kind);
        writer.record(cells);
        if (auto ok = writer.rowDone(); !ok)
            return ok;
    }
    return iterationError(query, what);
}

// Walks the step query and, in step, the command and measurement queries: all three follow the
// same order, so each step's commands and measurements are the rows that carry its id next.
Result<void> writeSteps(QSqlDatabase &db, CsvWriter &writer, const FilterSql &filter)
{
    const QString what = u"export steps"_s;
    QSqlQuery steps(db);
    QSqlQuery commands(db);
    QSqlQuery measurements(db);
    if (auto ok = openQuery(steps,
            QString::fromUtf16(StepSelect) + filter.where + QString::fromUtf16(StepOrder),
            filter.binds,
            what);
        !ok)
        return ok;
    if (auto ok = openQuery(commands,
            QString::fromUtf16(CommandSelect) + filter.where + QString::fromUtf16(CommandOrder),
            filter.binds,
            what);
        !ok)
        return ok;
    if (auto ok = openQuery(measurements,
            QString::fromUtf16(StepMeasurementSelect) + filter.where
                + QString::fromUtf16(MeasurementOrder),
            filter.binds,
            what);
        !ok)
        return ok;

    bool haveCommand = commands.next();
    bool haveMeasurement = measurements.next();
    QStringList cells;
    QStringList lines;
    QStringList exitCodes;
    QStringList values;
    while (steps.next()) {
        const qint64 stepId = steps.value(0).toLongLong();
        lines.clear();
        exitCodes.clear();
        values.clear();
        while (haveCommand && commands.value(0).toLongLong() == stepId) {
            lines << commands.value(1).toString();
            exitCodes << commands.value(2).toString();
            haveCommand = commands.next();
        }
        while (haveMeasurement && measurements.value(0).toLongLong() == stepId) {
            values << measurementText(measurements, 1);
            haveMeasurement = measurements.next();
        }
        cells.clear();
        for (int i = 0; i < StepQueryColumns; ++i)
            cells << cellText(steps.value(i + 1), StepColumns[size_t(i)].kind);
        cells << neutralizeCsvText(lines.join(u'\n')) << neutralizeCsvText(exitCodes.join(u'\n'))
              << neutralizeCsvText(values.join(u'\n'));
        writer.record(cells);
        if (auto ok = writer.rowDone(); !ok)
            return ok;
    }
    if (auto ok = iterationError(steps, what); !ok)
        return ok;
    if (auto ok = iterationError(commands, what); !ok)
        return ok;
    return iterationError(measurements, what);
}

Result<qint64> writeExport(QSqlDatabase &db,
    const RunFilter &filter,
    QIODevice &out,
    const CsvOptions &options,
    const CancelToken &cancel,
    const CsvProgress &progress)
{
    const FilterSql sql = runFilterSql(filter);
    const Result<qint64> total = countRows(db, options.layout, sql);
    if (!total)
        return fail(total.error());
    if (progress)
        progress(0, *total);

    CsvWriter writer(out, *total, options, cancel, progress);
    if (options.byteOrderMark)
        writer.raw(QByteArrayLiteral("\xEF\xBB\xBF"));
    writer.record(csvHeader(options.layout));

    Result<void> written;
    switch (options.layout) {
    case CsvLayout::RunPerRow:
        written = writeFlat(db,
            writer,
            sql,
            QString::fromUtf16(RunSelect).arg(cliColumn(db)) + sql.where
                + QString::fromUtf16(RunOrder),
            RunColumns);
        break;
    case CsvLayout::StepPerRow:
        written = writeSteps(db, writer, sql);
        break;
    case CsvLayout::MeasurementPerRow:
        written = writeFlat(db,
            writer,
            sql,
            QString::fromUtf16(MeasurementSelect) + sql.where
                + QString::fromUtf16(MeasurementOrder),
            MeasurementColumns);
        break;
    case CsvLayout::CommandPerRow:
        written = writeFlat(db,
            writer,
            sql,
            QString::fromUtf16(CommandRowSelect) + sql.where + QString::fromUtf16(CommandOrder),
            CommandColumns);
        break;
    }
    if (!written)
        return fail(written.error());
    if (auto ok = writer.finish(); !ok)
        return fail(ok.error());
    return writer.rows();
}

} // namespace

QStringList csvHeader(CsvLayout layout)
{
    switch (layout) {
    case CsvLayout::RunPerRow:
        return headerOf(RunColumns);
    case CsvLayout::StepPerRow:
        return headerOf(StepColumns);
    case CsvLayout::MeasurementPerRow:
        return headerOf(MeasurementColumns);
    case CsvLayout::CommandPerRow:
        return headerOf(CommandColumns);
    }
    return {};
}

QString neutralizeCsvText(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.front();
    if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
        || first == u'\r')
        return u'\'' + text;
    return text;
}

QByteArray csvRecord(const QStringList &cells)
{
    QByteArray line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += ',';
        appendField(line, cells.at(i));
    }
    line += "\r\n";
    return line;
}

Result<qint64> exportCsv(const QString &recordPath,
    const RunFilter &filter,
    QIODevice &out,
    const CsvOptions &options,
    const CancelToken &cancel,
    const CsvProgress &progress)
{
    if (!out.isOpen() || !out.isWritable()) {
        return fail(
            ErrorCode::Io, Tr::tr("The export file is not open for writing."), out.errorString());
    }
    Result<QSqlDatabase> db = RecordSql::openConnection(recordPath,
        RecordSql::uniqueConnectionName(u"station-record-export"_s),
        RecordSql::Access::ReadOnly);
    if (!db)
        return fail(db.error());

    // One read transaction: the count and the ordered queries see the same snapshot
    // while fixtures keep writing.
    Result<qint64> rows;
    {
        QSqlQuery begin(*db);
        if (auto ok = RecordSql::exec(begin, u"BEGIN"_s, u"begin export snapshot"_s); !ok)
            rows = fail(ok.error());
    }
    if (rows) {
        rows = writeExport(*db, filter, out, options, cancel, progress);
        QSqlQuery end(*db);
        (void)end.exec(u"ROLLBACK"_s); // read-only: nothing to keep or lose
    }
    RecordSql::closeConnection(*db);
    return rows;
}

} // namespace Station
