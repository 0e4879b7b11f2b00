#include "services/records/csvexport.h"
#include "simbench.h"
#include "stationprocess.h"
#include "tests/helpers/csvparse.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <signal.h>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

// One station process per record, seen from outside as a line script sees it: while a headless
// station runs a long recipe, a second `sphere-station --headless` on the same record is refused
// (exit 2, naming the holder's pid) and leaves the first one's runs alone (they end PASS, not
// INTERRUPTED); `sphere-station export` still reads the record; a station killed with SIGKILL
// leaves the record to the next one, which closes the killed run as INTERRUPTED. And an export
// of a record a power cut left without its schema reads as an empty record.
class tst_RecordOwner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void secondStationRefusedWhileFirstRuns();
    void killedStationLeavesRecordToNext();
    void exportOfRecordWithoutSchema_data();
    void exportOfRecordWithoutSchema();
};

namespace {

const QString FullRecipe = SimBench::recipesDir() + u"/full.json"_s;
const QString QuickRecipe = SimBench::recipesDir() + u"/quick.json"_s;

// AZSPHERE_SIM_TIME_SCALE at which one device's full.json takes about 45 s, the recovery right
// after details about 25 s of it: long enough for a second station and an export to come and go
// meanwhile, on a loaded machine too.
const QString SlowScale = u"0.2"_s;

// A headless station on `bench` (its own bench, with the given time scale) running full.json
// on one device.
class LongRun
{
public:
    LongRun(const SimBench &bench, const QString &record)
    {
        m_process.setProcessEnvironment(bench.environment());
        m_process.start(SimBench::bin(u"sphere-station"_s),
            {u"--headless"_s,
                u"--simulate"_s,
                u"1"_s,
                u"--recipe"_s,
                FullRecipe,
                u"--record"_s,
                record});
    }
    ~LongRun()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    QProcess &process() { return m_process; }
    // Everything printed so far.
    const QByteArray &out()
    {
        m_out += m_process.readAllStandardOutput();
        return m_out;
    }

private:
    QProcess m_process;
    QByteArray m_out;
};

} // namespace

void tst_RecordOwner::initTestCase()
{
    QVERIFY2(QFile::exists(SimBench::bin(u"sphere-station"_s)), "sphere-station is not built");
    QVERIFY2(QFile::exists(SimBench::recipesDir() + u"/sim-assets/manifest.json"_s),
        "the simulator assets are not generated");
}

void tst_RecordOwner::secondStationRefusedWhileFirstRuns()
{
    SimBench bench(SlowScale);
    QVERIFY(bench.create(1));
    const QString record = bench.recordPath();
    LongRun first(bench, record);
    QVERIFY(first.process().waitForStarted());
    const qint64 firstPid = first.process().processId();
    // The run has a row and a device: the record is live.
    QTRY_VERIFY_WITH_TIMEOUT(first.out().contains("Record device details"), 120000);

    // A second headless station (its own simulator bench) on the same record is refused
    // before it runs anything, naming the holder.
    QProcessEnvironment secondEnv = bench.environment();
    secondEnv.remove(u"AZSPHERE_SIM_HOME"_s);
    secondEnv.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, u"0"_s);
    secondEnv.insert(u"TMPDIR"_s, bench.path());
    const StationProcess::Exit second = StationProcess::run({u"--headless"_s,
                                                                u"--simulate"_s,
                                                                u"1"_s,
                                                                u"--recipe"_s,
                                                                QuickRecipe,
                                                                u"--record"_s,
                                                                record},
        secondEnv);
    QVERIFY2(second.exitCode == 2, qPrintable(second.out + second.err));
    QVERIFY2(
        second.err.contains(u"is in use by another station: process %1 (headless)"_s.arg(firstPid)),
        qPrintable(second.err));
    QVERIFY2(!second.out.contains(u" ABORTED in "_s), qPrintable(second.out));

    // Quality staff export the record while the station runs.
    const QString csv = bench.path() + u"/runs.csv"_s;
    const StationProcess::Exit exported = StationProcess::run(
        {u"export"_s, u"--record"_s, record, u"--out"_s, csv}, bench.environment());
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.out + exported.err));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = Station::Tests::parseCsv(file.readAll());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.first(), csvHeader(CsvLayout::RunPerRow));
    QCOMPARE(rows.at(1).at(rows.first().indexOf(u"outcome"_s)), u"RUNNING"_s);

    // All of that happened while the first station was still on its run.
    QVERIFY2(first.process().state() == QProcess::Running,
        "the long run ended before the test was done with it: slow the bench further");
    QVERIFY(!first.out().contains("summary"));

    // The first station finishes undisturbed.
    QVERIFY(first.process().waitForFinished(300000));
    const QByteArray out = first.out();
    QVERIFY2(
        first.process().exitStatus() == QProcess::NormalExit && first.process().exitCode() == 0,
        out.constData());
    QVERIFY2(out.contains("1 run: 1 PASS, 0 FAIL, 0 ABORTED"), out.constData());
    QCOMPARE(StationProcess::value(record, u"SELECT group_concat(outcome) FROM runs"_s), u"PASS"_s);
    // Only one station ever opened it.
    QCOMPARE(
        StationProcess::value(record, u"SELECT count(*) FROM events WHERE kind = 'station-open'"_s),
        u"1"_s);
    // The refused station's own bench is gone with it.
    QCOMPARE(QDir(bench.path()).entryList({u"sphere-bench-*"_s}, QDir::AllEntries), QStringList());
}

void tst_RecordOwner::killedStationLeavesRecordToNext()
{
    SimBench bench(SlowScale);
    QVERIFY(bench.create(1));
    const QString record = bench.recordPath();
    {
        LongRun first(bench, record);
        QVERIFY(first.process().waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(first.out().contains("Record device details"), 120000);
        ::kill(pid_t(first.process().processId()), SIGKILL);
        QVERIFY(first.process().waitForFinished());
        QCOMPARE(first.process().exitStatus(), QProcess::CrashExit);
    }
    QCOMPARE(StationProcess::value(record, u"SELECT outcome FROM runs"_s), u"RUNNING"_s);
    // The killed station's tools and UART server end (the next station needs the device).
    const QByteArray onBench = "AZSPHERE_SIM_HOME=" + bench.benchDir().toUtf8();
    QTRY_VERIFY_WITH_TIMEOUT(StationProcess::processesWithEnvironment(onBench).isEmpty(), 60000);

    // The kernel dropped the killed station's lock: the next one opens the record, closes the
    // killed run as INTERRUPTED and runs.
    QProcessEnvironment env = bench.environment();
    env.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, u"0"_s);
    const StationProcess::Exit next = StationProcess::run({u"--headless"_s,
                                                              u"--simulate"_s,
                                                              u"1"_s,
                                                              u"--recipe"_s,
                                                              QuickRecipe,
                                                              u"--record"_s,
                                                              record},
        env);
    QVERIFY2(next.exitCode == 0, qPrintable(next.out + next.err));
    QVERIFY2(next.out.contains(u"1 run left open earlier was closed as INTERRUPTED"_s),
        qPrintable(next.out));
    QCOMPARE(
        StationProcess::value(record, u"SELECT group_concat(outcome, ',') FROM runs ORDER BY id"_s),
        u"INTERRUPTED,PASS"_s);
    QCOMPARE(
        StationProcess::value(record, u"SELECT cause FROM runs WHERE outcome = 'INTERRUPTED'"_s),
        u"The station stopped before the run finished (crash or power loss)."_s);
}

void tst_RecordOwner::exportOfRecordWithoutSchema_data()
{
    QTest::addColumn<QString>("making"); // how the schema-less database came to be
    QTest::addColumn<QString>("layout"); // the export option

    // A power cut after the switch to WAL (which writes page 1), before the schema's commit.
    QTest::newRow("WAL page only, runs") << u"wal"_s << QString();
    QTest::newRow("WAL page only, steps") << u"wal"_s << u"--steps"_s;
    QTest::newRow("WAL page only, commands") << u"wal"_s << u"--commands"_s;
    QTest::newRow("WAL page only, measurements") << u"wal"_s << u"--measurements"_s;
    QTest::newRow("rollback journal, no table left") << u"dropped"_s << QString();
}

void tst_RecordOwner::exportOfRecordWithoutSchema()
{
    QFETCH(QString, making);
    QFETCH(QString, layout);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString record = dir.filePath(u"cut.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"cut"_s);
        db.setDatabaseName(record);
        QVERIFY(db.open());
        QSqlQuery query(db);
        if (making == "wal"_L1) {
            QVERIFY(query.exec(u"PRAGMA journal_mode = WAL"_s));
        } else {
            QVERIFY(query.exec(u"CREATE TABLE t (x)"_s));
            QVERIFY(query.exec(u"DROP TABLE t"_s));
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"cut"_s);
    QFile file(record);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    QVERIFY(before.startsWith("SQLite format 3"));

    const QString csv = dir.filePath(u"out.csv"_s);
    QStringList arguments {u"export"_s, u"--record"_s, record, u"--out"_s, csv};
    if (!layout.isEmpty())
        arguments.append(layout);
    SimBench bench;
    const StationProcess::Exit exported = StationProcess::run(arguments, bench.environment());
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.out + exported.err));
    QVERIFY2(exported.out.contains(u"0 rows written"_s), qPrintable(exported.out));
    QFile out(csv);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = Station::Tests::parseCsv(out.readAll());
    QCOMPARE(rows.size(), 1);
    const CsvLayout expected = layout == "--steps"_L1 ? CsvLayout::StepPerRow
        : layout == "--commands"_L1                   ? CsvLayout::CommandPerRow
        : layout == "--measurements"_L1               ? CsvLayout::MeasurementPerRow
                                                      : CsvLayout::RunPerRow;
    QCOMPARE(rows.first(), csvHeader(expected));

    // Read, never written: the file is as the cut left it.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256),
        QCryptographicHash::hash(before, QCryptographicHash::Sha256));
    QCOMPARE(StationProcess::value(record, u"PRAGMA user_version"_s), u"0"_s);
    QCOMPARE(StationProcess::value(record, u"SELECT count(*) FROM sqlite_master"_s), u"0"_s);
}

QTEST_GUILESS_MAIN(tst_RecordOwner)

#include "tst_recordowner.moc"
