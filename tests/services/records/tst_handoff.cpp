// The hand-off to cloud configuration from the station's record (services/records/handoff.h)
// and `sphere-station export --handoff` end to end.

#include "services/records/handoff.h"
#include "services/records/recordstore.h"
#include "tests/helpers/csvparse.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Station;
using Station::Tests::parseCsv;

namespace {

const QDate Day(2026, 12, 1);

QDateTime at(QTime time, QDate date = Day)
{
    return QDateTime(date, time, Qt::UTC);
}

// A device ID as the details step records it: 128 lowercase hexadecimal digits.
QString device(int n)
{
    return QString::number(n, 16).rightJustified(128, u'0');
}

// How a run ends, as far as the hand-off cares.
enum class Ending {
    Finalized,       // finalize to DeviceComplete passed, run PASS
    Module1Complete, // finalize to Module1Complete passed, run PASS
    NoFinalize,      // run PASS without a finalize step
    FinalizeFailed,  // finalize FAIL, run FAIL
    AbortedAfter,    // finalize passed, then the run was aborted
    Running,         // finalize passed, run never finished
};

struct Run
{
    QString deviceId;
    QDateTime started;
    Ending ending = Ending::Finalized;
    QString product = u"Contoso"_s;
    QString group = u"Production"_s;
};

StepResult step(int seq, const QString &type, StepOutcome outcome, const QDateTime &started)
{
    StepResult result;
    result.seq = seq;
    result.name = type;
    result.type = type;
    result.outcome = outcome;
    result.started = started;
    result.finished = started.addSecs(5);
    result.attempts = 1;
    return result;
}

// Writes `runs` into a new record at `path`; an empty string when it worked.
QString writeRecord(const QString &path, const QList<Run> &runs)
{
    RecordStore store;
    if (auto opened = store.open(path); !opened)
        return opened.error().message;
    for (const Run &run : runs) {
        RunStart start;
        start.fixture = 1;
        start.deviceId = run.deviceId;
        start.recipeName = u"full"_s;
        start.recipeVersion = u"1"_s;
        start.station = u"LINE1-A"_s;
        start.productName = run.product;
        start.deviceGroupName = run.group;
        start.started = run.started;
        Result<qint64> id = store.beginRun(start);
        if (!id)
            return id.error().message;
        StepResult details = step(1, u"details"_s, StepOutcome::Passed, run.started);
        details.data.insert(u"deviceId"_s, run.deviceId);
        if (auto ok = store.commitStep(*id, details); !ok)
            return ok.error().message;
        if (run.ending != Ending::NoFinalize) {
            const bool passed = run.ending != Ending::FinalizeFailed;
            StepResult finalize = step(2,
                u"finalize"_s,
                passed ? StepOutcome::Passed : StepOutcome::Failed,
                run.started.addSecs(10));
            const QString state = run.ending == Ending::Module1Complete ? u"Module1Complete"_s
                                                                        : u"DeviceComplete"_s;
            finalize.data.insert(u"targetState"_s, state);
            if (passed)
                finalize.data.insert(u"manufacturingState"_s, state);
            if (auto ok = store.commitStep(*id, finalize); !ok)
                return ok.error().message;
        }
        const QDateTime end = run.started.addSecs(30);
        Result<void> finished;
        switch (run.ending) {
        case Ending::Finalized:
        case Ending::Module1Complete:
        case Ending::NoFinalize:
            finished = store.finishRun(*id, RunOutcome::Pass, {}, ErrorCode::None, {}, end);
            break;
        case Ending::FinalizeFailed:
            finished = store.finishRun(
                *id, RunOutcome::Fail, u"finalize"_s, ErrorCode::FinalizeRefused, {}, end);
            break;
        case Ending::AbortedAfter:
            finished = store.finishRun(*id, RunOutcome::Aborted, {}, ErrorCode::None, {}, end);
            break;
        case Ending::Running:
            break;
        }
        if (!finished)
            return finished.error().message;
    }
    return {};
}

QStringList ids(const QList<HandoffDevice> &devices)
{
    QStringList list;
    for (const HandoffDevice &d : devices)
        list << d.deviceId;
    return list;
}

// "N device(s) written to FILE": the English plural form comes from translations/ (filled in
// when the strings are extracted), so both forms are taken.
// The first line; an export from a record with an audit trail adds its entry's line after it.
bool writtenLine(const QString &out, int devices, const QString &file)
{
    const QString plural = devices == 1 ? u"device"_s : u"devices"_s;
    const QString first = out.section(u'\n', 0, 0) + u'\n';
    const QString rest = out.section(u'\n', 1);
    const bool audited = rest.isEmpty() || rest.startsWith(u"audit: "_s);
    return audited
        && (first == u"%1 %2 written to %3\n"_s.arg(devices).arg(plural, file)
            || first == u"%1 device(s) written to %2\n"_s.arg(devices).arg(file));
}

bool leftOutLine(const QString &err, int devices)
{
    return err.contains(u"%1 device left out"_s.arg(devices))
        || err.contains(u"%1 device(s) left out"_s.arg(devices));
}

} // namespace

class tst_Handoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eachDeviceOnceNewestWins();
    void onlyPassedFinalizingRuns();
    void range_data();
    void range();
    void shift();
    void missingNamesAreLeftOut();
    void invalidLinesAreLeftOut();
    void exactBytes();
    void readsBackAsMicrosoftsScriptDoes();
    void writtenAtomically();
    void commandEndToEnd();
    void commandProblems_data();
    void commandProblems();

private:
    struct Ran
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Ran exportCommand(const QStringList &arguments);
    QString record(const QList<Run> &runs);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Handoff::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_Handoff::cleanup()
{
    m_dir.reset();
}

QString tst_Handoff::record(const QList<Run> &runs)
{
    const QString path = m_dir->filePath(u"record.sqlite"_s);
    const QString error = writeRecord(path, runs);
    if (!error.isEmpty()) {
        qWarning("cannot write the record: %s", qPrintable(error));
        return {};
    }
    return path;
}

tst_Handoff::Ran tst_Handoff::exportCommand(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TZ"_s, u"UTC"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(STATION_BIN_DIR) + u"/sphere-station"_s,
        QStringList {u"export"_s} + arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return Ran {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

void tst_Handoff::eachDeviceOnceNewestWins()
{
    const QString path = record({
        {device(1), at(QTime(8, 0)), Ending::Finalized, u"Contoso"_s, u"Field Test"_s},
        {device(1), at(QTime(9, 0)), Ending::Finalized, u"Contoso"_s, u"Production"_s},
        {device(2), at(QTime(8, 30)), Ending::Finalized, u"Fabrikam"_s, u"Production"_s},
        // A later run that failed does not undo the device's finalization.
        {device(2), at(QTime(10, 0)), Ending::FinalizeFailed},
        {device(3), at(QTime(9, 30)), Ending::Finalized, u"Contoso"_s, u"Development"_s},
    });
    QVERIFY(!path.isEmpty());
    const Result<HandoffReport> report = collectHandoff(path, TimeRange {});
    QVERIFY2(report, qPrintable(report ? QString() : report.error().detail));
    QCOMPARE(ids(report->devices), (QStringList {device(1), device(2), device(3)}));
    QCOMPARE(report->devices.at(0).deviceGroupName, u"Production"_s);
    QCOMPARE(report->devices.at(1).productName, u"Fabrikam"_s);
    QCOMPARE(report->devices.at(2).deviceGroupName, u"Development"_s);
    QVERIFY(report->withoutNames.isEmpty());
    QVERIFY(report->invalid.isEmpty());
}

void tst_Handoff::onlyPassedFinalizingRuns()
{
    const QString path = record({
        {device(1), at(QTime(8, 0)), Ending::Finalized},
        {device(2), at(QTime(8, 1)), Ending::FinalizeFailed},
        {device(3), at(QTime(8, 2)), Ending::AbortedAfter},
        {device(4), at(QTime(8, 3)), Ending::NoFinalize},
        {device(5), at(QTime(8, 4)), Ending::Module1Complete},
        {device(6), at(QTime(8, 5)), Ending::Running},
        {QString(), at(QTime(8, 6)), Ending::NoFinalize},
    });
    QVERIFY(!path.isEmpty());
    const Result<HandoffReport> report = collectHandoff(path, TimeRange {});
    QVERIFY(report);
    QCOMPARE(ids(report->devices), QStringList {device(1)});
    QVERIFY(report->withoutNames.isEmpty());
}

void tst_Handoff::range_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<QStringList>("devices");

    QTest::newRow("open") << QDateTime() << QDateTime()
                          << QStringList {device(1), device(2), device(3)};
    QTest::newRow("from inclusive")
        << at(QTime(9, 0)) << QDateTime() << QStringList {device(2), device(3)};
    QTest::newRow("to exclusive") << QDateTime() << at(QTime(10, 0))
                                  << QStringList {device(1), device(2)};
    QTest::newRow("one hour") << at(QTime(9, 0)) << at(QTime(10, 0)) << QStringList {device(2)};
    QTest::newRow("nothing") << at(QTime(11, 0)) << at(QTime(12, 0)) << QStringList {};
}

void tst_Handoff::range()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(QStringList, devices);
    const QString path = record({
        {device(1), at(QTime(8, 0))},
        {device(2), at(QTime(9, 0))},
        {device(3), at(QTime(10, 0))},
    });
    QVERIFY(!path.isEmpty());
    const Result<HandoffReport> report = collectHandoff(path, TimeRange {from, to});
    QVERIFY(report);
    QCOMPARE(ids(report->devices), devices);
}

void tst_Handoff::shift()
{
    // UTC+1: the early shift of 1 December is 05:00-13:00 UTC.
    const QTimeZone zone(3600);
    const QString path = record({
        {device(1), at(QTime(4, 59))},  // night shift of 30 November
        {device(2), at(QTime(5, 0))},   // early
        {device(3), at(QTime(12, 59))}, // early
        {device(4), at(QTime(13, 0))},  // late
    });
    QVERIFY(!path.isEmpty());
    const Result<HandoffReport> early
        = collectHandoff(path, shiftRange(defaultShifts().at(0), Day, zone));
    QVERIFY(early);
    QCOMPARE(ids(early->devices), (QStringList {device(2), device(3)}));
    const Result<HandoffReport> night
        = collectHandoff(path, shiftRange(defaultShifts().at(2), Day.addDays(-1), zone));
    QVERIFY(night);
    QCOMPARE(ids(night->devices), QStringList {device(1)});
}

void tst_Handoff::missingNamesAreLeftOut()
{
    const QString path = record({
        {device(1), at(QTime(8, 0)), Ending::Finalized, QString(), QString()},
        {device(2), at(QTime(8, 1)), Ending::Finalized, u"Contoso"_s, QString()},
        {device(3), at(QTime(8, 2)), Ending::Finalized, QString(), u"Production"_s},
        // The newest passing run decides: its recipe had no "cloud" object.
        {device(4), at(QTime(8, 3)), Ending::Finalized, u"Contoso"_s, u"Production"_s},
        {device(4), at(QTime(8, 4)), Ending::Finalized, QString(), QString()},
        {device(5), at(QTime(8, 5)), Ending::Finalized, u"Contoso"_s, u"Production"_s},
    });
    QVERIFY(!path.isEmpty());
    const QString out = m_dir->filePath(u"handoff.csv"_s);
    const Result<HandoffReport> report = exportHandoff(path, TimeRange {}, out);
    QVERIFY(report);
    QCOMPARE(ids(report->devices), QStringList {device(5)});
    QCOMPARE(report->withoutNames, (QStringList {device(1), device(2), device(3), device(4)}));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> table = parseCsv(file.readAll());
    QCOMPARE(table.size(), 2);
    QCOMPARE(table.at(1), (QStringList {device(5), u"Contoso"_s, u"Production"_s}));
}

void tst_Handoff::invalidLinesAreLeftOut()
{
    // Names a recipe could not hold (an older station, a record edited by hand) and a device ID
    // the script cannot read (int(id, 16)) never reach the file.
    const HandoffReport report = handoffFromNewestFirst({
        {u"dev-1"_s, u"Contoso"_s, u"Production"_s},
        {device(2), u"Contoso/EU"_s, u"Production"_s},
        {device(3), u"Contoso"_s, u"Line\nBreak"_s},
        {device(4), u"Contoso"_s, u"Production"_s},
    });
    QCOMPARE(ids(report.devices), QStringList {device(4)});
    QCOMPARE(report.invalid.size(), 3);
    QVERIFY(report.invalid.at(0).startsWith(device(2) + u": product \"Contoso/EU\" contains"_s));
    QVERIFY(report.invalid.at(1).startsWith(device(3) + u": device group"_s));
    QCOMPARE(report.invalid.at(2), u"dev-1: the device ID is not hexadecimal"_s);
}

void tst_Handoff::exactBytes()
{
    const QString path = record({
        {device(2), at(QTime(8, 0)), Ending::Finalized, u"Contoso, \"DW100\""_s, u"Field Test"_s},
        {device(1), at(QTime(8, 1)), Ending::Finalized, u"Contoso"_s, u"Production"_s},
    });
    QVERIFY(!path.isEmpty());
    const QString out = m_dir->filePath(u"handoff.csv"_s);
    const Result<HandoffReport> report = exportHandoff(path, TimeRange {}, out);
    QVERIFY(report);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray expected = "DeviceId,ProductName,DeviceGroupName\r\n" + device(1).toLatin1()
        + ",Contoso,Production\r\n" + device(2).toLatin1()
        + ",\"Contoso, \"\"DW100\"\"\",Field Test\r\n";
    QCOMPARE(file.readAll(), expected);

    // Nothing qualifies: the header alone.
    QCOMPARE(handoffCsv({}), QByteArray("DeviceId,ProductName,DeviceGroupName\r\n"));
}

void tst_Handoff::readsBackAsMicrosoftsScriptDoes()
{
    // multi_board_ota_configuration.py reads the file with Python's csv.DictReader.
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    const QString out = m_dir->filePath(u"handoff.csv"_s);
    QVERIFY(writeHandoffFile(out,
        {{device(1), u"Contoso, \"DW100\""_s, u"Field Test OS Evaluation"_s},
            {device(2), u"Fabrikam"_s, u"Production"_s}}));
    const QString script = uR"(import csv, sys
with open(sys.argv[1]) as f:
    for row in csv.DictReader(f):
        print(row['DeviceId'][-1] + '|' + row['ProductName'] + '|' + row['DeviceGroupName'])
)"_s;
    QProcess process;
    process.start(python, {u"-c"_s, script, out});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()),
        u"1|Contoso, \"DW100\"|Field Test OS Evaluation\n2|Fabrikam|Production\n"_s);
}

void tst_Handoff::writtenAtomically()
{
    const QString out = m_dir->filePath(u"handoff.csv"_s);
    {
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous\n");
    }
    // A folder that does not exist: nothing is written, the error says where.
    const QString missing = m_dir->filePath(u"no-such-folder/handoff.csv"_s);
    const Result<void> failed = writeHandoffFile(missing, {{device(1), u"A"_s, u"B"_s}});
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, ErrorCode::Io);
    QVERIFY(!QFile::exists(missing));

    QVERIFY(writeHandoffFile(out, {{device(1), u"A"_s, u"B"_s}}));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
        "DeviceId,ProductName,DeviceGroupName\r\n" + device(1).toLatin1() + ",A,B\r\n");
    // Only the file itself: no temporary file left beside it.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList {u"handoff.csv"_s});
}

void tst_Handoff::commandEndToEnd()
{
    const QString path = record({
        {device(1), at(QTime(6, 30))},
        {device(2), at(QTime(7, 0)), Ending::Finalized, QString(), QString()},
        {device(3), at(QTime(15, 0))},
    });
    QVERIFY(!path.isEmpty());
    const QString out = m_dir->filePath(u"early.csv"_s);
    // The child runs with TZ=UTC: the early shift of 1 December is 06:00-14:00 UTC.
    Ran ran = exportCommand({u"--handoff"_s,
        u"--record"_s,
        path,
        u"--shift"_s,
        u"early"_s,
        u"--date"_s,
        u"2026-12-01"_s,
        u"--out"_s,
        out});
    QCOMPARE(ran.exitCode, 0);
    QVERIFY2(writtenLine(ran.out, 1, out), qPrintable(ran.out));
    QVERIFY2(leftOutLine(ran.err, 1), qPrintable(ran.err));
    QVERIFY(ran.err.contains(device(2)));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
        "DeviceId,ProductName,DeviceGroupName\r\n" + device(1).toLatin1()
            + ",Contoso,Production\r\n");

    const QString all = m_dir->filePath(u"all.csv"_s);
    ran = exportCommand({u"--handoff"_s,
        u"--record"_s,
        path,
        u"--from"_s,
        u"2026-12-01T00:00:00Z"_s,
        u"--to"_s,
        u"2026-12-02T00:00:00Z"_s,
        u"--out"_s,
        all});
    QCOMPARE(ran.exitCode, 0);
    QVERIFY2(writtenLine(ran.out, 2, all), qPrintable(ran.out));

    // Nothing in the range: the header alone, and a warning.
    const QString none = m_dir->filePath(u"none.csv"_s);
    ran = exportCommand({u"--handoff"_s,
        u"--record"_s,
        path,
        u"--from"_s,
        u"2027-01-01T00:00:00Z"_s,
        u"--out"_s,
        none});
    QCOMPARE(ran.exitCode, 0);
    QVERIFY(ran.err.contains(u"only the header"_s));
    QFile empty(none);
    QVERIFY(empty.open(QIODevice::ReadOnly));
    QCOMPARE(empty.readAll(), QByteArray("DeviceId,ProductName,DeviceGroupName\r\n"));
}

void tst_Handoff::commandProblems_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString record = u"{record}"_s;
    const QString out = u"{out}"_s;
    QTest::newRow("no source") << QStringList {u"--handoff"_s, u"--out"_s, out}
                               << u"--handoff reads one source"_s;
    QTest::newRow("two sources") << QStringList {u"--handoff"_s,
        u"--record"_s,
        record,
        u"--plant"_s,
        u"service=plant"_s,
        u"--out"_s,
        out} << u"--handoff reads one source"_s;
    QTest::newRow("no out") << QStringList {u"--handoff"_s, u"--record"_s, record}
                            << u"--handoff needs --out"_s;
    QTest::newRow("station without plant") << QStringList {u"--handoff"_s,
        u"--record"_s,
        record,
        u"--station"_s,
        u"A"_s,
        u"--out"_s,
        out} << u"give --plant"_s;
    QTest::newRow("layout")
        << QStringList {u"--handoff"_s, u"--record"_s, record, u"--steps"_s, u"--out"_s, out}
        << u"--steps is for the record's CSV"_s;
    QTest::newRow("unknown shift") << QStringList {u"--handoff"_s,
        u"--record"_s,
        record,
        u"--shift"_s,
        u"morning"_s,
        u"--date"_s,
        u"2026-12-01"_s,
        u"--out"_s,
        out} << u"unknown shift 'morning': give one of early, late, night"_s;
    QTest::newRow("shift without date") << QStringList {u"--handoff"_s,
        u"--record"_s,
        record,
        u"--shift"_s,
        u"early"_s,
        u"--out"_s,
        out} << u"--shift needs --date"_s;
    QTest::newRow("shift and range") << QStringList {u"--handoff"_s,
        u"--record"_s,
        record,
        u"--shift"_s,
        u"early"_s,
        u"--date"_s,
        u"2026-12-01"_s,
        u"--from"_s,
        u"2026-12-01T00:00:00Z"_s,
        u"--out"_s,
        out} << u"give either --shift or --from/--to"_s;
    QTest::newRow("missing record")
        << QStringList {u"--handoff"_s, u"--record"_s, u"{dir}/nothing.sqlite"_s, u"--out"_s, out}
        << u"does not exist"_s;
    QTest::newRow("plant option without handoff")
        << QStringList {u"--record"_s, record, u"--line"_s, u"1"_s, u"--out"_s, out}
        << u"--line belongs to --handoff"_s;
}

void tst_Handoff::commandProblems()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString path = record({{device(1), at(QTime(8, 0))}});
    QVERIFY(!path.isEmpty());
    const QString out = m_dir->filePath(u"out.csv"_s);
    for (QString &argument : arguments) {
        argument.replace(u"{record}"_s, path);
        argument.replace(u"{out}"_s, out);
        argument.replace(u"{dir}"_s, m_dir->path());
    }
    const Ran ran = exportCommand(arguments);
    QCOMPARE(ran.exitCode, 2);
    QVERIFY2(ran.err.contains(message), qPrintable(ran.err));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(tst_Handoff)
#include "tst_handoff.moc"
