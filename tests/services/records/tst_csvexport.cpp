#include "services/records/csvexport.h"
#include "services/records/recordquery.h"
#include "services/records/recordstore.h"
#include "tests/helpers/csvparse.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Station;
using Station::Tests::parseCsv;

namespace {

const QDate Day(2025, 3, 11);

QDateTime at(QTime time, QDate date = Day)
{
    return QDateTime(date, time, Qt::UTC);
}

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

CommandRecord command(const QString &line, int exitCode, const QDateTime &started)
{
    CommandRecord record;
    record.commandLine = line;
    record.exitCode = exitCode;
    record.outcome = exitCode == 0 ? ToolOutcome::Succeeded : ToolOutcome::ExitCode;
    record.started = started;
    record.finished = started.addSecs(1);
    return record;
}

StepResult step(int seq, const QString &name, StepOutcome outcome, const QDateTime &started)
{
    StepResult result;
    result.seq = seq;
    result.name = name;
    result.type = name;
    result.outcome = outcome;
    result.started = started;
    result.finished = started.addMSecs(1500);
    result.attempts = 1;
    return result;
}

QByteArray exportBytes(
    const QString &path, const RunFilter &filter, CsvOptions options = {}, qint64 *rows = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto written = exportCsv(path, filter, buffer, options);
    if (!written) {
        qWarning("export failed: %s / %s",
            qPrintable(written.error().message),
            qPrintable(written.error().detail));
        return {};
    }
    if (rows)
        *rows = *written;
    return buffer.data();
}

QStringList column(const QList<QStringList> &table, int index)
{
    QStringList values;
    for (qsizetype i = 1; i < table.size(); ++i)
        values << table.at(i).value(index);
    return values;
}

// Raw tool output as a spreadsheet would try to run it: a leading "=", several lines with CRLF
// and LF ends, commas and quotes.
const QString FormulaOutput
    = u"=SUM(A1,A2)\r\nregion: \"US\", power 3,25 dBm\n\n-last \"line\",\n"_s;

} // namespace

class tst_CsvExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void record_data();
    void record();
    void neutralize_data();
    void neutralize();
    void parse_data();
    void parse();
    void roundTrip();
    void headers();
    void runsMatchRecord();
    void runCells();
    void steps();
    void measurements();
    void commands();
    void filters_data();
    void filters();
    void byteOrderMark();
    void progressAndCancel();
    void errors();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_CsvExport::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"record.sqlite"_s);
    RecordStore store;
    QVERIFY(store.open(m_path));

    // Run 1 (night shift of 10 March): passes; a serial number with a comma.
    RunStart start;
    start.fixture = 1;
    start.fixtureLabel = u"Left"_s;
    start.connectionPath = u"1211"_s;
    start.deviceId = u"dev1"_s;
    start.serialNumber = u"SN,1"_s;
    start.recipeName = u"std"_s;
    start.recipeVersion = u"1.0"_s;
    start.recipeSha256 = QString(64, u'f');
    start.recipePath = u"/recipes/std.json"_s;
    start.station = u"Grüße 站"_s;
    start.operatorName = u"alice"_s;
    start.appVersion = u"0.1.0"_s;
    start.backend = u"simulated"_s;
    start.azsphereToolPath = u"/sim/azsphere"_s;
    start.azsphereToolVersion = u"24.09"_s;
    start.azsphereCli = u"az"_s;
    start.rfToolPath = u"/sim/RfSettingsTool"_s;
    start.rfToolVersion = u"3.1"_s;
    start.ipAddress = u"192.168.35.2"_s;
    start.osVersion = u"24.09"_s;
    start.imageIds = {u"aaa"_s, u"bbb"_s};
    start.started = at(QTime(5, 30));
    auto run1 = store.beginRun(start);
    QVERIFY(run1);
    StepResult connect = step(1, u"connect"_s, StepOutcome::Passed, start.started);
    QVERIFY(store.commitStep(*run1, connect)); // no commands, no measurements
    StepResult rf = step(2, u"rf"_s, StepOutcome::Passed, start.started.addSecs(2));
    rf.attempts = 2;
    rf.commands = {command(u"RfSettingsTool check --device dev1"_s, 0, rf.started),
        command(u"RfSettingsTool read \"tx power\""_s, 0, rf.started.addSecs(1))};
    rf.commands[0].stdOut = FormulaOutput;
    rf.commands[1].stdOut = u"tx power: 18 dBm\n"_s;
    rf.commands[1].stdErr = u"warning: \"slow\" adapter\n"_s;
    rf.commands[1].truncated = true;
    rf.measurements = {Measurement {u"txPower"_s, -3.25, u"dBm"_s, -10.0, 20.0, true},
        Measurement {u"evm"_s, std::nan(""), QString(), std::nullopt, 5.0, false},
        Measurement {u"freq"_s, 2412.0, u"MHz"_s, 2400.0, std::nullopt, true}};
    QVERIFY(store.commitStep(*run1, rf));
    QVERIFY(store.finishRun(*run1, RunOutcome::Pass, {}, ErrorCode::None, {}, at(QTime(5, 31))));

    // Run 2 (early shift): fails; text that a spreadsheet would run as formulas.
    start.fixture = 2;
    start.fixtureLabel = u"Tab\tinside"_s;
    start.deviceId = u"dev2"_s;
    start.serialNumber = u"SN \"2\""_s;
    start.recipeName = u"+std"_s;
    start.operatorName = u"@admin"_s;
    start.started = at(QTime(7, 0));
    auto run2 = store.beginRun(start);
    QVERIFY(run2);
    StepResult failed = step(1, u"-rf"_s, StepOutcome::Failed, start.started);
    failed.commands = {command(u"=cmd|' /C calc'!A0"_s, -1, failed.started)};
    failed.commands[0].stdErr = u"@error: out of spec"_s;
    failed.errorCode = ErrorCode::RfCheckFailed;
    failed.cause = Text::raw(u"=HYPERLINK(\"http://x\",\"y\")"_s);
    QVERIFY(store.commitStep(*run2, failed));
    QVERIFY(store.finishRun(*run2,
        RunOutcome::Fail,
        u"-rf"_s,
        ErrorCode::RfCheckFailed,
        Text::raw(u"=HYPERLINK(\"http://x\",\"y\")"_s),
        at(QTime(7, 0, 2))));

    // Run 3 (late shift): aborted; the clock stepped back (negative duration); a two-line cause.
    start.fixture = 1;
    start.fixtureLabel = u"Left"_s;
    start.deviceId = u"dev3"_s;
    start.serialNumber = u"SN-3"_s;
    start.recipeName = u"std"_s;
    start.operatorName = u"alice"_s;
    start.started = at(QTime(15, 0));
    auto run3 = store.beginRun(start);
    QVERIFY(run3);
    QVERIFY(store.finishRun(*run3,
        RunOutcome::Aborted,
        {},
        ErrorCode::Cancelled,
        Text::raw(u"line1\r\nline2"_s),
        at(QTime(14, 59, 58, 500))));

    // Run 4 (night shift of 11 March): still running.
    start.deviceId = u"dev4"_s;
    start.serialNumber = u"SN-4"_s;
    start.started = at(QTime(23, 0));
    auto run4 = store.beginRun(start);
    QVERIFY(run4);
    QCOMPARE(*run4, 4);
}

void tst_CsvExport::cleanupTestCase()
{
    m_dir.reset();
}

void tst_CsvExport::record_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringList {u"a"_s, u"b c"_s} << QByteArray("a,b c\r\n");
    QTest::newRow("empty cells") << QStringList {QString(), QString(), QString()}
                                 << QByteArray(",,\r\n");
    QTest::newRow("comma") << QStringList {u"a,b"_s} << QByteArray("\"a,b\"\r\n");
    QTest::newRow("quotes doubled")
        << QStringList {u"say \"hi\""_s, u"\""_s} << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\r\n");
    QTest::newRow("CRLF inside") << QStringList {u"one\r\ntwo"_s}
                                 << QByteArray("\"one\r\ntwo\"\r\n");
    QTest::newRow("LF inside") << QStringList {u"one\ntwo"_s} << QByteArray("\"one\ntwo\"\r\n");
    QTest::newRow("CR inside") << QStringList {u"one\rtwo"_s} << QByteArray("\"one\rtwo\"\r\n");
    QTest::newRow("spaces kept, not quoted")
        << QStringList {u" padded "_s} << QByteArray(" padded \r\n");
    QTest::newRow("UTF-8") << QStringList {u"Grüße 站 µs"_s}
                           << QByteArray("Gr\xC3\xBC\xC3\x9F"
                                         "e \xE7\xAB\x99 \xC2\xB5s\r\n");
    QTest::newRow("single quote kept") << QStringList {u"it's"_s} << QByteArray("it's\r\n");
}

void tst_CsvExport::record()
{
    QFETCH(QStringList, cells);
    QFETCH(QByteArray, expected);
    QCOMPARE(csvRecord(cells), expected);
}

void tst_CsvExport::neutralize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("equals") << u"=1+2"_s << u"'=1+2"_s;
    QTest::newRow("plus") << u"+41 1234"_s << u"'+41 1234"_s;
    QTest::newRow("minus") << u"-2+3"_s << u"'-2+3"_s;
    QTest::newRow("negative number as text") << u"-1"_s << u"'-1"_s;
    QTest::newRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
    QTest::newRow("tab") << u"\t=1"_s << u"'\t=1"_s;
    QTest::newRow("carriage return") << u"\r=1"_s << u"'\r=1"_s;
    QTest::newRow("inside is fine") << u"a=b-c"_s << u"a=b-c"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("leading space") << u" =1"_s << u" =1"_s;
    QTest::newRow("already quoted") << u"'=1"_s << u"'=1"_s;
}

void tst_CsvExport::neutralize()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(neutralizeCsvText(text), expected);
}

void tst_CsvExport::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QList<QStringList>>("expected");
    QTest::newRow("empty") << QByteArray() << QList<QStringList> {};
    QTest::newRow("one record, no final line end")
        << QByteArray("a,b") << QList<QStringList> {{u"a"_s, u"b"_s}};
    QTest::newRow("final CRLF adds no record")
        << QByteArray("a,b\r\nc,d\r\n") << QList<QStringList> {{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}};
    QTest::newRow("LF and CR line ends")
        << QByteArray("a\nb\rc") << QList<QStringList> {{u"a"_s}, {u"b"_s}, {u"c"_s}};
    QTest::newRow("empty fields") << QByteArray(",,\r\n")
                                  << QList<QStringList> {{QString(), QString(), QString()}};
    QTest::newRow("trailing empty field")
        << QByteArray("a,\r\n") << QList<QStringList> {{u"a"_s, QString()}};
    QTest::newRow("empty line is one empty field")
        << QByteArray("a\r\n\r\nb\r\n") << QList<QStringList> {{u"a"_s}, {QString()}, {u"b"_s}};
    QTest::newRow("quoted comma, quotes, line breaks")
        << QByteArray("\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\"\r\n")
        << QList<QStringList> {{u"a,b"_s, u"say \"hi\""_s, u"x\r\ny"_s}};
    QTest::newRow("quoted empty") << QByteArray("\"\",x")
                                  << QList<QStringList> {{QString(), u"x"_s}};
    QTest::newRow("byte order mark dropped")
        << QByteArray("\xEF\xBB\xBFh1,h2\r\n") << QList<QStringList> {{u"h1"_s, u"h2"_s}};
    QTest::newRow("UTF-8") << QByteArray("\xE7\xAB\x99,\xC2\xB5")
                           << QList<QStringList> {{u"站"_s, u"µ"_s}};
    QTest::newRow("lenient: quote inside unquoted field")
        << QByteArray("a\"b,c") << QList<QStringList> {{u"a\"b"_s, u"c"_s}};
    QTest::newRow("lenient: unterminated quote runs to the end")
        << QByteArray("\"a,b\r\nc") << QList<QStringList> {{u"a,b\r\nc"_s}};
}

void tst_CsvExport::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QList<QStringList>, expected);
    QCOMPARE(parseCsv(data), expected);
}

void tst_CsvExport::roundTrip()
{
    const QList<QStringList> table {
        {u"run_id"_s, u"cause"_s, u"measurements"_s},
        {u"1"_s, u"plain"_s, QString()},
        {u"-12.5"_s, u"a,b \"c\"\r\nd"_s, u"x=1 V [0,2] PASS\ny=NaN FAIL"_s},
        {QString(), u"\r\n"_s, u"\""_s},
        {u"'=1"_s, u"Grüße, 站"_s, u",,,"_s},
    };
    QByteArray data;
    for (const QStringList &row : table)
        data += csvRecord(row);
    QCOMPARE(parseCsv(data), table);
}

void tst_CsvExport::headers()
{
    const QStringList runs = csvHeader(CsvLayout::RunPerRow);
    QCOMPARE(runs.size(), 30);
    QCOMPARE(runs.mid(0, 8),
        (QStringList {u"run_id"_s,
            u"started_utc"_s,
            u"finished_utc"_s,
            u"duration_ms"_s,
            u"outcome"_s,
            u"failed_step"_s,
            u"error_code"_s,
            u"cause"_s}));
    for (const QString &name : {u"device_id"_s,
             u"serial_number"_s,
             u"recipe_sha256"_s,
             u"operator"_s,
             u"backend"_s,
             u"azsphere_version"_s,
             u"rf_tool_version"_s,
             u"azsphere_cli"_s,
             u"image_ids"_s,
             u"os_version"_s}) {
        QVERIFY2(runs.contains(name), qPrintable(name));
    }
    QCOMPARE(csvHeader(CsvLayout::StepPerRow),
        (QStringList {u"run_id"_s,
            u"device_id"_s,
            u"serial_number"_s,
            u"seq"_s,
            u"step"_s,
            u"type"_s,
            u"outcome"_s,
            u"started_utc"_s,
            u"finished_utc"_s,
            u"duration_ms"_s,
            u"attempts"_s,
            u"error_code"_s,
            u"cause"_s,
            u"note"_s,
            u"command_lines"_s,
            u"exit_codes"_s,
            u"measurements"_s}));
    QCOMPARE(csvHeader(CsvLayout::MeasurementPerRow).size(), 13);
    QCOMPARE(csvHeader(CsvLayout::CommandPerRow),
        (QStringList {u"run_id"_s,
            u"device_id"_s,
            u"serial_number"_s,
            u"fixture"_s,
            u"step_seq"_s,
            u"step"_s,
            u"step_type"_s,
            u"step_outcome"_s,
            u"command_seq"_s,
            u"command_line"_s,
            u"tool_outcome"_s,
            u"exit_code"_s,
            u"started_utc"_s,
            u"finished_utc"_s,
            u"duration_ms"_s,
            u"stdout"_s,
            u"stderr"_s,
            u"truncated"_s}));
}

// Export -> parse gives back exactly the record's runs (as RecordQuery reads them), cell by
// cell, under the documented formatting and formula rules.
void tst_CsvExport::runsMatchRecord()
{
    qint64 rows = 0;
    const QList<QStringList> table = parseCsv(exportBytes(m_path, RunFilter {}, {}, &rows));
    QCOMPARE(rows, 4);
    QCOMPARE(table.size(), 5);
    QCOMPARE(table.first(), csvHeader(CsvLayout::RunPerRow));

    RecordQuery query;
    QVERIFY(query.open(m_path));
    for (qint64 id = 1; id <= 4; ++id) {
        auto detail = query.runDetail(id);
        QVERIFY(detail);
        const RunInfo &run = detail->run;
        const RunStart &s = run.start;
        const QString duration
            = run.finished.isValid() ? QString::number(s.started.msecsTo(run.finished)) : QString();
        const QStringList expected {
            QString::number(run.id),
            iso(s.started),
            iso(run.finished),
            duration,
            runOutcomeName(run.outcome),
            neutralizeCsvText(run.failedStep),
            run.errorCode == ErrorCode::None ? QString() : errorCodeName(run.errorCode),
            neutralizeCsvText(run.cause),
            QString::number(s.fixture),
            neutralizeCsvText(s.fixtureLabel),
            s.connectionPath,
            s.deviceId,
            neutralizeCsvText(s.serialNumber),
            s.ipAddress,
            s.manufacturingState,
            s.osVersion,
            s.imageIds.join(u' '),
            neutralizeCsvText(s.recipeName),
            s.recipeVersion,
            s.recipeSha256,
            s.recipePath,
            s.station,
            neutralizeCsvText(s.operatorName),
            s.appVersion,
            s.backend,
            s.azsphereToolPath,
            s.azsphereToolVersion,
            s.rfToolPath,
            s.rfToolVersion,
            s.azsphereCli,
        };
        // Oldest first: the runs were started in id order.
        QCOMPARE(table.at(id), expected);
    }
}

void tst_CsvExport::runCells()
{
    const QByteArray bytes = exportBytes(m_path, RunFilter {});
    const QList<QStringList> table = parseCsv(bytes);
    QCOMPARE(table.size(), 5);
    const QStringList header = table.first();
    auto cell
        = [&](int row, const QString &name) { return table.at(row).value(header.indexOf(name)); };

    QCOMPARE(cell(1, u"serial_number"_s), u"SN,1"_s);
    QCOMPARE(cell(1, u"station"_s), u"Grüße 站"_s);
    QCOMPARE(cell(1, u"started_utc"_s), u"2025-03-11T05:30:00.000Z"_s);
    QCOMPARE(cell(1, u"duration_ms"_s), u"60000"_s);
    QCOMPARE(cell(1, u"image_ids"_s), u"aaa bbb"_s);
    // Formula-like text is neutralised...
    QCOMPARE(cell(2, u"cause"_s), u"'=HYPERLINK(\"http://x\",\"y\")"_s);
    QCOMPARE(cell(2, u"failed_step"_s), u"'-rf"_s);
    QCOMPARE(cell(2, u"operator"_s), u"'@admin"_s);
    QCOMPARE(cell(2, u"recipe_name"_s), u"'+std"_s);
    QCOMPARE(cell(2, u"fixture_label"_s), u"Tab\tinside"_s);
    QCOMPARE(cell(2, u"serial_number"_s), u"SN \"2\""_s);
    QCOMPARE(cell(2, u"error_code"_s), u"RfCheckFailed"_s);
    // ...but a negative number in a numeric column stays a number.
    QCOMPARE(cell(3, u"duration_ms"_s), u"-1500"_s);
    QCOMPARE(cell(3, u"cause"_s), u"line1\r\nline2"_s);
    QCOMPARE(cell(3, u"outcome"_s), u"ABORTED"_s);
    QCOMPARE(cell(4, u"outcome"_s), u"RUNNING"_s);
    QCOMPARE(cell(4, u"finished_utc"_s), QString());
    QCOMPARE(cell(4, u"duration_ms"_s), QString());

    // Every record ends with CRLF; the raw bytes carry the quoting.
    QVERIFY(bytes.endsWith("\r\n"));
    QVERIFY(bytes.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""));
    QVERIFY(bytes.contains(",-1500,"));
    QCOMPARE(bytes.count("\r\n"), 5 + 1); // five records, plus the CRLF inside run 3's cause
}

void tst_CsvExport::steps()
{
    CsvOptions options;
    options.layout = CsvLayout::StepPerRow;
    qint64 rows = 0;
    const QList<QStringList> table = parseCsv(exportBytes(m_path, RunFilter {}, options, &rows));
    QCOMPARE(rows, 3);
    QCOMPARE(table.size(), 4);
    QCOMPARE(table.at(0), csvHeader(CsvLayout::StepPerRow));
    QCOMPARE(table.at(1),
        (QStringList {u"1"_s,
            u"dev1"_s,
            u"SN,1"_s,
            u"1"_s,
            u"connect"_s,
            u"connect"_s,
            u"PASS"_s,
            u"2025-03-11T05:30:00.000Z"_s,
            u"2025-03-11T05:30:01.500Z"_s,
            u"1500"_s,
            u"1"_s,
            QString(),
            QString(),
            QString(),
            QString(),
            QString(),
            QString()}));
    QCOMPARE(table.at(2),
        (QStringList {u"1"_s,
            u"dev1"_s,
            u"SN,1"_s,
            u"2"_s,
            u"rf"_s,
            u"rf"_s,
            u"PASS"_s,
            u"2025-03-11T05:30:02.000Z"_s,
            u"2025-03-11T05:30:03.500Z"_s,
            u"1500"_s,
            u"2"_s,
            QString(),
            QString(),
            QString(),
            u"RfSettingsTool check --device dev1\nRfSettingsTool read \"tx power\""_s,
            u"0\n0"_s,
            u"txPower=-3.25 dBm [-10,20] PASS\nevm=NaN [,5] FAIL\nfreq=2412 MHz [2400,] PASS"_s}));
    const QStringList failed = table.at(3);
    QCOMPARE(failed.at(0), u"2"_s);
    QCOMPARE(failed.at(4), u"'-rf"_s);
    QCOMPARE(failed.at(6), u"FAIL"_s);
    QCOMPARE(failed.at(11), u"RfCheckFailed"_s);
    QCOMPARE(failed.at(12), u"'=HYPERLINK(\"http://x\",\"y\")"_s);
    QCOMPARE(failed.at(14), u"'=cmd|' /C calc'!A0"_s);
    QCOMPARE(failed.at(15), u"'-1"_s); // a list of exit codes is text
}

void tst_CsvExport::measurements()
{
    CsvOptions options;
    options.layout = CsvLayout::MeasurementPerRow;
    const QList<QStringList> table = parseCsv(exportBytes(m_path, RunFilter {}, options));
    QCOMPARE(table.size(), 4);
    QCOMPARE(table.at(0),
        (QStringList {u"run_id"_s,
            u"run_started_utc"_s,
            u"device_id"_s,
            u"serial_number"_s,
            u"fixture"_s,
            u"step_seq"_s,
            u"step"_s,
            u"measurement"_s,
            u"value"_s,
            u"unit"_s,
            u"low"_s,
            u"high"_s,
            u"result"_s}));
    QCOMPARE(table.at(1),
        (QStringList {u"1"_s,
            u"2025-03-11T05:30:00.000Z"_s,
            u"dev1"_s,
            u"SN,1"_s,
            u"1"_s,
            u"2"_s,
            u"rf"_s,
            u"txPower"_s,
            u"-3.25"_s,
            u"dBm"_s,
            u"-10"_s,
            u"20"_s,
            u"PASS"_s}));
    QCOMPARE(table.at(2).mid(7),
        (QStringList {u"evm"_s, QString(), QString(), QString(), u"5"_s, u"FAIL"_s}));
    QCOMPARE(table.at(3).mid(7),
        (QStringList {u"freq"_s, u"2412"_s, u"MHz"_s, u"2400"_s, QString(), u"PASS"_s}));
}

// One row per tool call, with the raw output exactly as recorded (text cells neutralised).
void tst_CsvExport::commands()
{
    CsvOptions options;
    options.layout = CsvLayout::CommandPerRow;
    qint64 rows = 0;
    const QByteArray bytes = exportBytes(m_path, RunFilter {}, options, &rows);
    const QList<QStringList> table = parseCsv(bytes);
    QCOMPARE(rows, 3);
    QCOMPARE(table.size(), 4);
    QCOMPARE(table.at(0), csvHeader(CsvLayout::CommandPerRow));
    QCOMPARE(table.at(1),
        (QStringList {u"1"_s,
            u"dev1"_s,
            u"SN,1"_s,
            u"1"_s,
            u"2"_s,
            u"rf"_s,
            u"rf"_s,
            u"PASS"_s,
            u"1"_s,
            u"RfSettingsTool check --device dev1"_s,
            u"Succeeded"_s,
            u"0"_s,
            u"2025-03-11T05:30:02.000Z"_s,
            u"2025-03-11T05:30:03.000Z"_s,
            u"1000"_s,
            u'\'' + FormulaOutput,
            QString(),
            u"0"_s}));
    QCOMPARE(table.at(2),
        (QStringList {u"1"_s,
            u"dev1"_s,
            u"SN,1"_s,
            u"1"_s,
            u"2"_s,
            u"rf"_s,
            u"rf"_s,
            u"PASS"_s,
            u"2"_s,
            u"RfSettingsTool read \"tx power\""_s,
            u"Succeeded"_s,
            u"0"_s,
            u"2025-03-11T05:30:03.000Z"_s,
            u"2025-03-11T05:30:04.000Z"_s,
            u"1000"_s,
            u"tx power: 18 dBm\n"_s,
            u"warning: \"slow\" adapter\n"_s,
            u"1"_s}));
    const QStringList failed = table.at(3);
    QCOMPARE(failed.size(), 18);
    QCOMPARE(failed.at(0), u"2"_s);
    QCOMPARE(failed.at(1), u"dev2"_s);
    QCOMPARE(failed.at(2), u"SN \"2\""_s);
    QCOMPARE(failed.at(3), u"2"_s);
    QCOMPARE(failed.at(5), u"'-rf"_s);
    QCOMPARE(failed.at(7), u"FAIL"_s);
    QCOMPARE(failed.at(9), u"'=cmd|' /C calc'!A0"_s);
    QCOMPARE(failed.at(10), u"ExitCode"_s);
    QCOMPARE(failed.at(11), u"-1"_s); // one exit code is a number, not neutralised
    QCOMPARE(failed.at(15), QString());
    QCOMPARE(failed.at(16), u"'@error: out of spec"_s);

    // The multi-line output is one quoted field with its quotes doubled and its line ends kept.
    QVERIFY(bytes.contains(",\"'=SUM(A1,A2)\r\nregion: \"\"US\"\", power 3,25 dBm\n\n-last "
                           "\"\"line\"\",\n\","));
}

void tst_CsvExport::filters_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<QList<int>>("outcomes");
    QTest::addColumn<QStringList>("runIds");

    const QList<Shift> shifts = defaultShifts();
    const QTimeZone utc(0);
    auto shift = [&](int index, QDate date) { return shiftRange(shifts.at(index), date, utc); };
    const TimeRange nightBefore = shift(2, Day.addDays(-1));
    const TimeRange early = shift(0, Day);
    const TimeRange late = shift(1, Day);
    const TimeRange night = shift(2, Day);
    QTest::newRow("night of 10 March")
        << nightBefore.from << nightBefore.to << QList<int> {} << QStringList {u"1"_s};
    QTest::newRow("early") << early.from << early.to << QList<int> {} << QStringList {u"2"_s};
    QTest::newRow("late") << late.from << late.to << QList<int> {} << QStringList {u"3"_s};
    QTest::newRow("night of 11 March")
        << night.from << night.to << QList<int> {} << QStringList {u"4"_s};
    QTest::newRow("whole day") << at(QTime(0, 0)) << at(QTime(0, 0), Day.addDays(1))
                               << QList<int> {} << QStringList {u"1"_s, u"2"_s, u"3"_s, u"4"_s};
    QTest::newRow("FAIL or ABORTED") << QDateTime() << QDateTime()
                                     << QList<int> {int(RunOutcome::Fail), int(RunOutcome::Aborted)}
                                     << QStringList {u"2"_s, u"3"_s};
    QTest::newRow("nothing") << at(QTime(0, 0), Day.addDays(3)) << QDateTime() << QList<int> {}
                             << QStringList {};
}

void tst_CsvExport::filters()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(QList<int>, outcomes);
    QFETCH(QStringList, runIds);
    RunFilter filter;
    filter.from = from;
    filter.to = to;
    for (int outcome : outcomes)
        filter.outcomes << RunOutcome(outcome);
    for (CsvLayout layout :
        {CsvLayout::RunPerRow, CsvLayout::StepPerRow, CsvLayout::CommandPerRow}) {
        CsvOptions options;
        options.layout = layout;
        const QList<QStringList> table = parseCsv(exportBytes(m_path, filter, options));
        QVERIFY(!table.isEmpty()); // the header is always there
        QStringList ids = column(table, 0);
        ids.removeDuplicates();
        if (layout != CsvLayout::RunPerRow) {
            // Runs 3 and 4 have no steps (and so no commands).
            QStringList withSteps = runIds;
            withSteps.removeAll(u"3"_s);
            withSteps.removeAll(u"4"_s);
            QCOMPARE(ids, withSteps);
        } else {
            QCOMPARE(ids, runIds);
        }
    }
}

void tst_CsvExport::byteOrderMark()
{
    const QByteArray with = exportBytes(m_path, RunFilter {});
    QVERIFY(with.startsWith("\xEF\xBB\xBFrun_id,started_utc,"));
    CsvOptions options;
    options.byteOrderMark = false;
    const QByteArray without = exportBytes(m_path, RunFilter {}, options);
    QVERIFY(without.startsWith("run_id,started_utc,"));
    QCOMPARE(with.mid(3), without);
}

void tst_CsvExport::progressAndCancel()
{
    CsvOptions options;
    options.rowsPerChunk = 1;
    QList<QPair<qint64, qint64>> reports;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto done
        = exportCsv(m_path, RunFilter {}, buffer, options, {}, [&](qint64 rows, qint64 total) {
              reports << qMakePair(rows, total);
          });
    QVERIFY(done);
    QCOMPARE(*done, 4);
    QVERIFY(reports.size() >= 5);
    QCOMPARE(reports.first(), qMakePair(qint64(0), qint64(4)));
    QCOMPARE(reports.last(), qMakePair(qint64(4), qint64(4)));
    for (qsizetype i = 1; i < reports.size(); ++i)
        QVERIFY(reports.at(i).first >= reports.at(i - 1).first);

    // The dialog's Cancel button sets the token; the export stops at the next chunk.
    CancelToken cancel;
    QBuffer partial;
    partial.open(QIODevice::WriteOnly);
    auto cancelled
        = exportCsv(m_path, RunFilter {}, partial, options, cancel, [&](qint64 rows, qint64) {
              if (rows >= 2)
                  cancel.cancel();
          });
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    const QList<QStringList> table = parseCsv(partial.data());
    QVERIFY(table.size() < 5);
}

void tst_CsvExport::errors()
{
    QBuffer readOnly;
    readOnly.open(QIODevice::ReadOnly);
    auto notWritable = exportCsv(m_path, RunFilter {}, readOnly);
    QVERIFY(!notWritable);
    QCOMPARE(notWritable.error().code, ErrorCode::Io);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto missing = exportCsv(m_dir->filePath(u"missing.sqlite"_s), RunFilter {}, buffer);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::FileMissing);
    QVERIFY(buffer.data().isEmpty());
}

QTEST_GUILESS_MAIN(tst_CsvExport)

#include "tst_csvexport.moc"
