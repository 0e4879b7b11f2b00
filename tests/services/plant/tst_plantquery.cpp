// The plant's read side (PlantQuery, PlantReader) against a real PostgreSQL 15 started by this
// test (tests/helpers/pgserver.h): filters by station and line, keyset paging, a run's detail,
// a device's history across stations, and a yield report equal to the station record's own
// definition on the same runs.

#include "services/plant/plantquery.h"
#include "services/plant/plantreader.h"
#include "services/records/recordquery.h"
#include "services/records/recordstore.h"
#include "tests/helpers/pgserver.h"
#include "tests/helpers/plantdata.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

// A day in the past, so "now" never clips the ranges below.
QDateTime at(int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(2026, 11, 30), QTime(hour, minute, second), Qt::UTC);
}

QString deviceOf(int n)
{
    return QString::number(n, 16).rightJustified(128, u'0');
}

// One run of the station record's scenario: steps 1 s apart from the start; the last step fails
// when the run fails.
struct LocalRun
{
    QString deviceId;
    QDateTime started;
    QDateTime finished; // invalid: left RUNNING
    RunOutcome outcome = RunOutcome::Pass;
    QString failedStep;
    ErrorCode errorCode = ErrorCode::None;
    QString cause;
    int fixture = 1;
};

} // namespace

class tst_PlantQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void stations();
    void filtersByStationAndLine();
    void keysetPaging_data();
    void keysetPaging();
    void runDetail();
    void deviceHistoryAcrossStations();
    void yieldEqualsLocalDefinition_data();
    void yieldEqualsLocalDefinition();
    void readerAnswersOffTheGuiThread();
    void unreachableServer();

private:
    // Writes the scenario into a station record through RecordStore, then delivers every run
    // with its steps into the plant as station `stationId`, as the relay will.
    void writeScenario();
    void deliver(const QString &stationId);

    TestPg::PgServer m_server;
    TestPg::PlantDb m_plant;
    Plant::Connection m_admin;
    QTemporaryDir m_dir;
    QString m_recordPath;
    PlantQuery m_query;
};

void tst_PlantQuery::initTestCase()
{
    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(m_dir.isValid());
    const QString error = m_server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_plant = TestPg::makePlant(m_server,
        u"views"_s,
        {{u"LINE1-A"_s, u"Line 1"_s}, {u"LINE1-B"_s, u"Line 1"_s}, {u"LINE2-C"_s, u"Line 2"_s}});
    QVERIFY2(m_plant.error.isEmpty(), qPrintable(m_plant.error));
    QVERIFY(m_admin.open(m_plant.adminConninfo));

    // Station A: the station record's scenario, delivered.
    writeScenario();
    deliver(u"LINE1-A"_s);

    // Station B (line 1) and C (line 2): 30 runs each, some starting in the same millisecond,
    // and devices that also went through station A.
    QSqlDatabase db = m_admin.database();
    for (const QString &station : {u"LINE1-B"_s, u"LINE2-C"_s}) {
        for (int i = 0; i < 30; ++i) {
            TestPg::PlantRun run;
            run.stationId = station;
            run.station = station;
            run.localRunId = i + 1;
            run.deviceId = deviceOf(100 + i);
            run.serialNumber = u"SN-%1"_s.arg(i);
            run.fixture = 1 + i % 4;
            // Pairs start together: the run UUID orders them.
            run.started = at(15, i / 2);
            run.finished = run.started.addSecs(50);
            run.outcome = i % 5 == 0 ? u"FAIL"_s : u"PASS"_s;
            if (run.outcome == u"FAIL"_s) {
                run.failedStep = u"RF check"_s;
                run.errorCode = u"RfCheckFailed"_s;
                run.cause = u"The RF check failed."_s;
            }
            const QString e = TestPg::insertRun(db, run);
            QVERIFY2(e.isEmpty(), qPrintable(e));
        }
    }
    // The first device of the scenario also went through station B and C.
    for (const QString &station : {u"LINE1-B"_s, u"LINE2-C"_s}) {
        TestPg::PlantRun run;
        run.stationId = station;
        run.localRunId = 99;
        run.deviceId = deviceOf(1);
        run.started = at(16, station == u"LINE1-B"_s ? 0 : 30);
        run.finished = run.started.addSecs(60);
        const QString e = TestPg::insertRun(db, run);
        QVERIFY2(e.isEmpty(), qPrintable(e));
    }

    const Result<void> opened = m_query.open(m_plant.qualityConninfo);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().detail));
}

void tst_PlantQuery::cleanupTestCase()
{
    m_query.close();
    m_server.stop();
}

void tst_PlantQuery::writeScenario()
{
    m_recordPath = m_dir.filePath(u"station-a.sqlite"_s);
    RecordStore store;
    QVERIFY(store.open(m_recordPath));
    const QString installFailed = u"The OS installation failed."_s;
    const QList<LocalRun> runs {
        // Before the shift: outside the range below.
        {deviceOf(7), at(5, 0), at(5, 30), RunOutcome::Pass, {}, ErrorCode::None, {}},
        {deviceOf(1),
            at(8, 0),
            at(8, 10),
            RunOutcome::Fail,
            u"Update OS"_s,
            ErrorCode::InstallationFailed,
            installFailed},
        {deviceOf(2), at(8, 5), at(8, 15), RunOutcome::Pass, {}, ErrorCode::None, {}, 2},
        {deviceOf(1), at(8, 20), at(8, 30), RunOutcome::Pass, {}, ErrorCode::None, {}},
        {deviceOf(3),
            at(9, 0),
            at(9, 20),
            RunOutcome::Fail,
            u"RF check"_s,
            ErrorCode::RfCheckFailed,
            u"The RF check failed."_s},
        // Still running: lasts to its latest step.
        {deviceOf(4), at(9, 10), {}, RunOutcome::Running, {}, ErrorCode::None, {}, 2},
        // Ended before the device ID was read.
        {QString(), at(10, 0), at(10, 2), RunOutcome::Aborted, {}, ErrorCode::None, {}},
        {deviceOf(5), at(10, 30), at(10, 40), RunOutcome::Interrupted, {}, ErrorCode::None, {}},
        {deviceOf(6),
            at(11, 0),
            at(11, 5),
            RunOutcome::Fail,
            u"Update OS"_s,
            ErrorCode::InstallationFailed,
            u"The OS installation failed again."_s},
        // Runs past the end of the shift: clipped.
        {deviceOf(8), at(13, 50), at(14, 30), RunOutcome::Pass, {}, ErrorCode::None, {}},
    };
    for (const LocalRun &run : runs) {
        RunStart start;
        start.fixture = run.fixture;
        start.fixtureLabel = u"A%1"_s.arg(run.fixture);
        start.deviceId = run.deviceId;
        start.recipeName = u"Full line"_s;
        start.station = u"Station A"_s;
        start.started = run.started;
        const Result<qint64> id = store.beginRun(start);
        QVERIFY(id);
        // Two steps; the second fails for a failed run. A running run's second step ended at
        // +15 minutes (its latest step time).
        for (int seq = 1; seq <= 2; ++seq) {
            StepResult step;
            step.seq = seq;
            step.name = seq == 1 ? u"Connect"_s
                                 : (run.failedStep.isEmpty() ? u"Update OS"_s : run.failedStep);
            step.type = seq == 1 ? u"connect"_s : u"check"_s;
            step.started = run.started.addSecs(seq);
            step.finished = run.finished.isValid() ? run.started.addSecs(seq + 1)
                                                   : run.started.addSecs(seq == 1 ? 2 : 15 * 60);
            step.outcome = seq == 2 && run.outcome == RunOutcome::Fail ? StepOutcome::Failed
                                                                       : StepOutcome::Passed;
            QVERIFY(store.commitStep(*id, step, std::nullopt, RecordSync::Deferred));
        }
        if (run.outcome != RunOutcome::Running) {
            QVERIFY(store.finishRun(*id,
                run.outcome,
                run.failedStep,
                run.errorCode,
                run.cause.isEmpty() ? Text() : Text::raw(run.cause),
                run.finished));
        }
    }
}

void tst_PlantQuery::deliver(const QString &stationId)
{
    RecordQuery local;
    QVERIFY(local.open(m_recordPath));
    const Result<QList<RunRow>> rows = local.fetchRuns({}, 0, 1000);
    QVERIFY(rows);
    QSqlDatabase db = m_admin.database();
    for (const RunRow &row : *rows) {
        const Result<RunDetail> detail = local.runDetail(row.id);
        QVERIFY(detail);
        TestPg::PlantRun run;
        run.stationId = stationId;
        run.localRunId = row.id;
        run.deviceId = row.deviceId;
        run.serialNumber = row.serialNumber;
        run.fixture = row.fixture;
        run.fixtureLabel = row.fixtureLabel;
        run.recipeName = row.recipeName;
        run.started = row.started;
        run.finished = row.finished;
        run.outcome = runOutcomeName(row.outcome);
        run.failedStep = row.failedStep;
        run.errorCode = row.errorCode == ErrorCode::None ? QString() : errorCodeName(row.errorCode);
        run.cause = row.cause.english();
        run.causeText = row.cause.toStorage();
        run.station = detail->run.start.station;
        QString e = TestPg::insertRun(db, run);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        for (const StepResult &step : detail->steps) {
            TestPg::PlantStep plantStep;
            plantStep.seq = step.seq;
            plantStep.name = step.name;
            plantStep.type = step.type;
            plantStep.started = step.started;
            plantStep.finished = step.finished;
            plantStep.outcome = stepOutcomeName(step.outcome);
            e = TestPg::insertStep(db, run, plantStep);
            QVERIFY2(e.isEmpty(), qPrintable(e));
        }
    }
}

void tst_PlantQuery::stations()
{
    const Result<QList<PlantStation>> stations = m_query.stations();
    QVERIFY(stations);
    QStringList ids;
    for (const PlantStation &station : *stations)
        ids << station.stationId + u'@' + station.line;
    QCOMPARE(ids, (QStringList {u"LINE1-A@Line 1"_s, u"LINE1-B@Line 1"_s, u"LINE2-C@Line 2"_s}));
}

void tst_PlantQuery::filtersByStationAndLine()
{
    // A: 10 runs; B and C: 31 each.
    QCOMPARE(m_query.countRuns({}).value_or(-1), qint64(72));
    // A bounded count stops one past its bound ("more than 10"), or is exact below it.
    QCOMPARE(m_query.countRuns({}, 10).value_or(-1), qint64(11));
    QCOMPARE(m_query.countRuns({}, 72).value_or(-1), qint64(72));
    RunFilter filter;
    filter.stationId = u"LINE1-B"_s;
    QCOMPARE(m_query.countRuns(filter).value_or(-1), qint64(31));
    const Result<QList<RunRow>> rows = m_query.fetchRuns(filter, 0, 100);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 31);
    for (const RunRow &row : *rows) {
        QCOMPARE(row.stationId, u"LINE1-B"_s);
        QVERIFY(!row.runUuid.isNull());
    }
    filter = {};
    filter.line = u"Line 1"_s;
    QCOMPARE(m_query.countRuns(filter).value_or(-1), qint64(41));
    filter.line = u"Line 2"_s;
    QCOMPARE(m_query.countRuns(filter).value_or(-1), qint64(31));
    filter.stationId = u"LINE1-A"_s; // not on line 2
    QCOMPARE(m_query.countRuns(filter).value_or(-1), qint64(0));

    // The station record's filters work on the plant too.
    filter = {};
    filter.outcomes = {RunOutcome::Fail};
    filter.stationId = u"LINE2-C"_s;
    QCOMPARE(m_query.countRuns(filter).value_or(-1), qint64(6));
    filter = {};
    filter.search = u"sn-1"_s; // SN-1, SN-10 .. SN-19 at B and C
    QCOMPARE(m_query.countRuns(filter).value_or(-1), qint64(22));
    filter.search = deviceOf(1).toUpper();
    QCOMPARE(m_query.countRuns(filter).value_or(-1), qint64(4));
    filter = {};
    filter.from = at(8, 0);
    filter.to = at(9, 0);
    filter.fixture = 2;
    QCOMPARE(m_query.countRuns(filter).value_or(-1), qint64(1));
}

void tst_PlantQuery::keysetPaging_data()
{
    QTest::addColumn<QString>("station");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("plant, pages of 7") << QString() << 7;
    QTest::newRow("plant, pages of 1") << QString() << 1;
    QTest::newRow("station B, pages of 4") << u"LINE1-B"_s << 4;
}

void tst_PlantQuery::keysetPaging()
{
    QFETCH(QString, station);
    QFETCH(int, pageSize);
    RunFilter filter;
    filter.stationId = station;
    const Result<QList<RunRow>> all = m_query.fetchRuns(filter, 0, 1000);
    QVERIFY(all);
    QList<RunRow> paged;
    Result<QList<RunRow>> page = m_query.fetchRuns(filter, 0, pageSize);
    QVERIFY(page);
    while (!page->isEmpty()) {
        paged << *page;
        const RunRow &last = page->constLast();
        page = m_query.fetchRunsAfter(filter, {last.started, last.id, last.runUuid}, pageSize);
        QVERIFY(page);
    }
    QCOMPARE(paged.size(), all->size());
    QSet<QUuid> seen;
    for (qsizetype i = 0; i < paged.size(); ++i) {
        QCOMPARE(paged.at(i).runUuid, all->at(i).runUuid);
        seen.insert(paged.at(i).runUuid);
        if (i > 0)
            QVERIFY(paged.at(i - 1).started >= paged.at(i).started);
    }
    QCOMPARE(seen.size(), paged.size());
}

void tst_PlantQuery::runDetail()
{
    QSqlDatabase db = m_admin.database();
    TestPg::PlantRun run;
    run.stationId = u"LINE2-C"_s;
    run.station = u"Station C"_s;
    run.localRunId = 4711;
    run.deviceId = deviceOf(42);
    run.serialNumber = u"SN-42"_s;
    run.fixture = 3;
    run.fixtureLabel = u"C3"_s;
    run.started = at(20, 0);
    run.finished = at(20, 5);
    run.outcome = u"FAIL"_s;
    run.failedStep = u"RF check"_s;
    run.errorCode = u"MeasurementOutOfLimits"_s;
    run.cause = u"TX power 9.5 dBm is above 8 dBm."_s;
    QCOMPARE(TestPg::insertRun(db, run), QString());
    TestPg::PlantStep step;
    step.seq = 1;
    step.started = at(20, 0, 1);
    step.finished = at(20, 0, 2);
    QCOMPARE(TestPg::insertStep(db, run, step), QString());
    step.seq = 2;
    step.name = u"RF check"_s;
    step.type = u"rf-check"_s;
    step.started = at(20, 0, 3);
    step.finished = at(20, 4, 59);
    step.outcome = u"FAIL"_s;
    QCOMPARE(TestPg::insertStep(db, run, step), QString());
    const QString uuid = run.runUuid.toString(QUuid::WithoutBraces);
    QCOMPARE(TestPg::execSql(db,
                 u"INSERT INTO plant.commands (station_id, run_uuid, step_seq, seq, command_line, "
                 "outcome, exit_code, stdout, station_utc) VALUES ('LINE2-C', ?::uuid, 2, 1, "
                 "'rftool check', 'Succeeded', 0, 'tx 9.5', now())"_s,
                 {uuid}),
        QString());
    QCOMPARE(TestPg::execSql(db,
                 u"INSERT INTO plant.measurements (station_id, run_uuid, step_seq, seq, name, "
                 "value, unit, low, high, pass, station_utc) VALUES ('LINE2-C', ?::uuid, 2, 1, "
                 "'tx_power', 9.5, 'dBm', NULL, 8, false, now())"_s,
                 {uuid}),
        QString());

    const Result<RunDetail> detail = m_query.runDetail(u"LINE2-C"_s, run.runUuid);
    QVERIFY2(detail, qPrintable(detail ? QString() : detail.error().detail));
    QCOMPARE(detail->run.id, qint64(4711));
    QCOMPARE(detail->run.start.station, u"Station C"_s);
    QCOMPARE(detail->run.start.deviceId, deviceOf(42));
    QCOMPARE(detail->run.start.fixtureLabel, u"C3"_s);
    QCOMPARE(detail->run.start.started, at(20, 0));
    QCOMPARE(detail->run.finished, at(20, 5));
    QCOMPARE(detail->run.outcome, RunOutcome::Fail);
    QCOMPARE(detail->run.errorCode, ErrorCode::MeasurementOutOfLimits);
    QCOMPARE(detail->run.cause.english(), run.cause);
    QCOMPARE(detail->steps.size(), 2);
    QCOMPARE(detail->steps.at(1).name, u"RF check"_s);
    QCOMPARE(detail->steps.at(1).outcome, StepOutcome::Failed);
    QCOMPARE(detail->steps.at(1).finished, at(20, 4, 59));
    QCOMPARE(detail->steps.at(1).commands.size(), 1);
    QCOMPARE(detail->steps.at(1).commands.at(0).commandLine, u"rftool check"_s);
    QCOMPARE(detail->steps.at(1).commands.at(0).stdOut, u"tx 9.5"_s);
    QCOMPARE(detail->steps.at(1).measurements.size(), 1);
    const Measurement &m = detail->steps.at(1).measurements.at(0);
    QCOMPARE(m.name, u"tx_power"_s);
    QCOMPARE(m.value, 9.5);
    QVERIFY(!m.low.has_value());
    QCOMPARE(m.high.value_or(0), 8.0);
    QVERIFY(!m.passed);

    // The same UUID at another station is not this run.
    const Result<RunDetail> missing = m_query.runDetail(u"LINE1-A"_s, run.runUuid);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::InvalidArgument);
}

void tst_PlantQuery::deviceHistoryAcrossStations()
{
    const Result<QList<RunRow>> runs = m_query.runsOfDevice(deviceOf(1));
    QVERIFY(runs);
    QStringList where;
    for (const RunRow &run : *runs)
        where << u"%1 %2 %3"_s.arg(
            run.stationId, run.started.toString(u"HH:mm"_s), runOutcomeName(run.outcome));
    // Newest first, every station.
    QCOMPARE(where,
        (QStringList {u"LINE2-C 16:30 PASS"_s,
            u"LINE1-B 16:00 PASS"_s,
            u"LINE1-A 08:20 PASS"_s,
            u"LINE1-A 08:00 FAIL"_s}));
}

void tst_PlantQuery::yieldEqualsLocalDefinition_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::newRow("early shift") << at(6) << at(14);
    QTest::newRow("whole record") << QDateTime() << QDateTime();
    QTest::newRow("from 8:10 on") << at(8, 10) << QDateTime();
    QTest::newRow("nothing") << at(22) << at(23);
}

void tst_PlantQuery::yieldEqualsLocalDefinition()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    RecordQuery local;
    QVERIFY(local.open(m_recordPath));
    RunFilter filter;
    filter.from = from;
    filter.to = to;
    const Result<YieldReport> mine = local.yieldReport(filter);
    QVERIFY(mine);
    filter.stationId = u"LINE1-A"_s;
    const Result<YieldReport> plant = m_query.yieldReport(filter);
    QVERIFY2(plant, qPrintable(plant ? QString() : plant.error().detail));

    const YieldReport &a = *mine;
    const YieldReport &b = *plant;
    QCOMPARE(b.runs, a.runs);
    QCOMPARE(b.runsPassed, a.runsPassed);
    QCOMPARE(b.runsFailed, a.runsFailed);
    QCOMPARE(b.runsAborted, a.runsAborted);
    QCOMPARE(b.runsInterrupted, a.runsInterrupted);
    QCOMPARE(b.runsRunning, a.runsRunning);
    QCOMPARE(b.runsWithoutDevice, a.runsWithoutDevice);
    QCOMPARE(b.devicesStarted, a.devicesStarted);
    QCOMPARE(b.devicesPassed, a.devicesPassed);
    QCOMPARE(b.devicesFailed, a.devicesFailed);
    QCOMPARE(b.devicesInProgress, a.devicesInProgress);
    QCOMPARE(b.devicesFirstPass, a.devicesFirstPass);
    QCOMPARE(b.firstPassYield, a.firstPassYield);
    QCOMPARE(b.finalYield, a.finalYield);
    // Milliseconds on both sides: equal to well below a millisecond.
    QVERIFY2(std::abs(b.hours - a.hours) < 1e-9,
        qPrintable(u"plant %1 h, station %2 h"_s.arg(b.hours).arg(a.hours)));
    QVERIFY(std::abs(b.devicesPerHour - a.devicesPerHour) < 1e-6);
    QVERIFY(std::abs(b.passedPerHour - a.passedPerHour) < 1e-6);
    auto pareto = [](const QList<ParetoEntry> &entries) {
        QStringList out;
        for (const ParetoEntry &e : entries)
            out << u"%1=%2 (%3)"_s.arg(e.key).arg(e.count).arg(e.label.english());
        return out;
    };
    QCOMPARE(pareto(b.failuresByStep), pareto(a.failuresByStep));
    QCOMPARE(pareto(b.failuresByError), pareto(a.failuresByError));
    if (from == at(6)) {
        // The scenario's figures, so that "equal" is not "both empty".
        QCOMPARE(a.runs, 9);
        QCOMPARE(a.devicesStarted, 7);
        QCOMPARE(a.devicesPassed, 3);
        QCOMPARE(a.devicesInProgress, 1);
        QCOMPARE(a.devicesFirstPass, 2);
        QCOMPARE(
            a.failuresByError.value(0).label.english(), u"The OS installation failed again."_s);
    }

    // The whole plant counts more than station A.
    filter.stationId.clear();
    const Result<YieldReport> whole = m_query.yieldReport(filter);
    QVERIFY(whole);
    QVERIFY(whole->runs >= a.runs);
}

void tst_PlantQuery::readerAnswersOffTheGuiThread()
{
    PlantReader reader(m_plant.qualityConninfo);
    QSignalSpy runs(&reader, &PlantReader::runsRead);
    QSignalSpy yield(&reader, &PlantReader::yieldRead);
    QSignalSpy failed(&reader, &PlantReader::requestFailed);
    RunFilter filter;
    filter.stationId = u"LINE1-B"_s;
    const quint64 first = reader.requestRuns(filter, std::nullopt, 10, true);
    const quint64 second = reader.requestYield(filter);
    QVERIFY(second != first);
    QTRY_COMPARE_WITH_TIMEOUT(yield.size(), 1, 20000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).at(0).value<quint64>(), first);
    QCOMPARE(runs.at(0).at(1).value<qint64>(), qint64(31));
    QCOMPARE(runs.at(0).at(2).value<QList<RunRow>>().size(), 10);
    QCOMPARE(yield.at(0).at(1).value<YieldReport>().runs, 31);
    QVERIFY(reader.isReachable());
}

void tst_PlantQuery::unreachableServer()
{
    // A port nobody listens on.
    const QString conninfo = u"host=127.0.0.1 port=1 dbname=plant user=nobody connect_timeout=2"_s;
    PlantQuery query;
    const Result<void> opened = query.open(conninfo);
    QVERIFY(!opened);
    QVERIFY(query.lastFailure() == Plant::Failure::Unreachable);
    QVERIFY(opened.error().message.english().contains(u"cannot be reached"_s));

    PlantReader reader(conninfo);
    QSignalSpy failed(&reader, &PlantReader::requestFailed);
    QSignalSpy reachable(&reader, &PlantReader::reachableChanged);
    reader.requestYield({});
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QCOMPARE(reachable.size(), 1);
    QVERIFY(!reader.isReachable());
    QVERIFY(!reader.lastError().message.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PlantQuery)
#include "tst_plantquery.moc"
