#include "services/records/recordquery.h"
#include "services/records/recordstore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

// The generated record: every number the tests expect is worked out by hand from this table.
struct SampleRun
{
    int id;
    QString deviceId;
    QString serial;
    int fixture;
    QString recipe;
    QTime start;
    RunOutcome outcome;
    QString failedStep;
    ErrorCode code;
    QString cause;
};

// A day safely in the past: yield hours are capped at "now".
const QDate Day(2025, 3, 11);

const QList<SampleRun> &sampleRuns()
{
    static const QList<SampleRun> runs {
        {1,
            u"DEVA0001"_s,
            u"SN-A"_s,
            1,
            u"std"_s,
            QTime(6, 10),
            RunOutcome::Fail,
            u"sideload"_s,
            ErrorCode::ImageNotTrusted,
            u"Image not trusted"_s},
        {2,
            u"DEVA0001"_s,
            u"SN-A"_s,
            1,
            u"std"_s,
            QTime(6, 30),
            RunOutcome::Pass,
            {},
            ErrorCode::None,
            {}},
        {3,
            u"DEVB0002"_s,
            u"SN-B"_s,
            2,
            u"std"_s,
            QTime(7, 0),
            RunOutcome::Pass,
            {},
            ErrorCode::None,
            {}},
        {4,
            u"DEVC0003"_s,
            u"SN-C"_s,
            2,
            u"std"_s,
            QTime(8, 0),
            RunOutcome::Fail,
            u"rf-check"_s,
            ErrorCode::RfCheckFailed,
            u"TX power low"_s},
        {5,
            u"DEVC0003"_s,
            u"SN-C"_s,
            1,
            u"std"_s,
            QTime(9, 0),
            RunOutcome::Fail,
            u"rf-check"_s,
            ErrorCode::RfCheckFailed,
            u"TX power very low"_s},
        {6,
            u"DEVD0004"_s,
            u"SN-EX1"_s,
            1,
            u"rf"_s,
            QTime(10, 0),
            RunOutcome::Aborted,
            {},
            ErrorCode::Cancelled,
            u"Aborted by the operator"_s},
        {7,
            u"DEVE0005"_s,
            u"SN-E_1"_s,
            2,
            u"rf"_s,
            QTime(13, 59, 59, 999),
            RunOutcome::Pass,
            {},
            ErrorCode::None,
            {}},
        {8,
            u"DEVF0006"_s,
            u"SN-F"_s,
            2,
            u"std"_s,
            QTime(14, 0),
            RunOutcome::Fail,
            u"sideload"_s,
            ErrorCode::ImageNotTrusted,
            u"Image not trusted"_s},
        {9,
            {},
            {},
            1,
            u"std"_s,
            QTime(11, 0),
            RunOutcome::Fail,
            u"connect"_s,
            ErrorCode::DeviceNotConnected,
            u"No device"_s},
        {10,
            u"DEVG0007"_s,
            u"SN-G"_s,
            1,
            u"std"_s,
            QTime(12, 0),
            RunOutcome::Running,
            {},
            ErrorCode::None,
            {}},
        {11,
            QString(u"0123456789abcdef"_s).repeated(8),
            u"SN-H"_s,
            2,
            u"std"_s,
            QTime(5, 59, 59),
            RunOutcome::Pass,
            {},
            ErrorCode::None,
            {}},
    };
    return runs;
}

QDateTime at(QTime time, QDate date = Day)
{
    return QDateTime(date, time, Qt::UTC);
}

StepResult connectStep(const QDateTime &started)
{
    StepResult step;
    step.seq = 1;
    step.name = u"connect"_s;
    step.type = u"connect"_s;
    step.outcome = StepOutcome::Passed;
    step.started = started;
    step.finished = started.addSecs(10);
    step.attempts = 1;
    CommandRecord command;
    command.commandLine = u"azsphere device show-attached --output json"_s;
    command.stdOut = u"[{\"deviceId\": \"X\"}]"_s;
    command.started = step.started;
    command.finished = step.finished;
    step.commands = {command};
    step.data = {{u"ipAddress"_s, u"192.168.35.2"_s}};
    return step;
}

StepResult secondStep(const SampleRun &run, const QDateTime &started)
{
    StepResult step;
    step.seq = 2;
    step.name = run.failedStep.isEmpty() ? u"sideload"_s : run.failedStep;
    step.type = step.name;
    step.started = started.addSecs(10);
    step.finished = started.addSecs(100);
    step.attempts = 2;
    step.outcome = run.outcome == RunOutcome::Fail ? StepOutcome::Failed
        : run.outcome == RunOutcome::Aborted       ? StepOutcome::Aborted
                                                   : StepOutcome::Passed;
    step.errorCode = run.code;
    step.cause = Text::raw(run.cause);
    step.remedy = Text::raw(run.cause.isEmpty() ? QString() : u"Check it"_s);
    step.note = Text::raw(u"run %1"_s.arg(run.id));
    CommandRecord first;
    first.commandLine = u"RfSettingsTool check --device X"_s;
    first.outcome = ToolOutcome::Succeeded;
    first.stdOut = u"ok\n"_s;
    first.started = step.started;
    first.finished = step.started.addSecs(40);
    CommandRecord second = first;
    second.outcome
        = step.outcome == StepOutcome::Failed ? ToolOutcome::ExitCode : ToolOutcome::Succeeded;
    second.exitCode = step.outcome == StepOutcome::Failed ? 3 : 0;
    second.stdErr = u"error: \"quoted\", comma"_s;
    second.truncated = true;
    second.started = first.finished;
    second.finished = step.finished;
    step.commands = {first, second};
    step.measurements = {
        Measurement {u"txPower"_s, -3.25, u"dBm"_s, -10.0, 20.0, true},
        Measurement {u"evm"_s, std::nan(""), {}, std::nullopt, 5.0, false},
        Measurement {u"freq"_s, 2412.0, u"MHz"_s, 2400.0, std::nullopt, true},
    };
    return step;
}

QList<qint64> idsOf(const QList<RunRow> &rows)
{
    QList<qint64> ids;
    for (const RunRow &row : rows)
        ids << row.id;
    return ids;
}

} // namespace

class tst_RecordQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fetch_data();
    void fetch();
    void paging();
    void rowFields();
    void runDetail();
    void runDetailMissing();
    void devices();
    void yield_data();
    void yield();
    void pareto();
    void shifts_data();
    void shifts();
    void shiftAt_data();
    void shiftAt();
    void readOnlyConnection();
    void refusesMissingOrOldFile();
    void databaseWithoutSchema_data();
    void databaseWithoutSchema();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<RecordQuery> m_query;
    QHash<qint64, QList<StepResult>> m_steps;
};

void tst_RecordQuery::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"record.sqlite"_s);
    RecordStore store;
    QVERIFY(store.open(m_path));
    for (const SampleRun &run : sampleRuns()) {
        RunStart start;
        start.fixture = run.fixture;
        start.fixtureLabel = u"Fixture %1"_s.arg(run.fixture);
        start.connectionPath = u"ftdi:%1"_s.arg(run.fixture);
        start.serialNumber = run.serial;
        start.recipeName = run.recipe;
        start.recipeVersion = u"1.0"_s;
        start.recipeSha256 = QString(64, u'c');
        start.recipePath = u"/recipes/%1.json"_s.arg(run.recipe);
        start.station = u"line-2"_s;
        start.operatorName = u"eve"_s;
        start.appVersion = u"0.1.0"_s;
        start.backend = u"real"_s;
        start.azsphereToolPath = u"/usr/bin/azsphere"_s;
        start.azsphereToolVersion = u"24.09"_s;
        start.rfToolPath = u"/opt/rf/RfSettingsTool"_s;
        start.rfToolVersion = u"3.1"_s;
        start.started = at(run.start);
        // Run 2 learns its device at the details step; the others know it from the start.
        if (run.id != 2)
            start.deviceId = run.deviceId;
        auto runId = store.beginRun(start);
        QVERIFY(runId);
        QCOMPARE(*runId, run.id);
        if (run.id == 2) {
            RunDeviceInfo info;
            info.deviceId = run.deviceId;
            info.ipAddress = u"192.168.35.2"_s;
            info.osVersion = u"24.09"_s;
            info.imageIds = {u"img-a"_s, u"img-b"_s};
            info.manufacturingState = u"Module1Complete"_s;
            QVERIFY(store.updateRunDevice(*runId, info));
        }
        QList<StepResult> steps {connectStep(start.started)};
        if (run.id != 9)
            steps << secondStep(run, start.started);
        for (const StepResult &step : steps)
            QVERIFY(store.commitStep(*runId, step));
        m_steps.insert(*runId, steps);
        if (run.outcome != RunOutcome::Running) {
            auto finished = store.finishRun(*runId,
                run.outcome,
                run.failedStep,
                run.code,
                Text::raw(run.cause),
                start.started.addSecs(120));
            QVERIFY(finished);
        }
    }
    store.close();

    m_query = std::make_unique<RecordQuery>();
    auto opened = m_query->open(m_path);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
}

void tst_RecordQuery::cleanupTestCase()
{
    m_query.reset();
    m_dir.reset();
}

void tst_RecordQuery::fetch_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<QList<int>>("outcomes");
    QTest::addColumn<int>("fixture");
    QTest::addColumn<QString>("recipe");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QList<qint64>>("expected");

    const QDateTime none;
    const QTimeZone utc(0);
    const QList<Shift> shifts = defaultShifts();
    const TimeRange early = shiftRange(shifts.at(0), Day, utc);
    const TimeRange late = shiftRange(shifts.at(1), Day, utc);
    const QList<int> any;
    auto outcomes = [](std::initializer_list<RunOutcome> list) {
        QList<int> result;
        for (RunOutcome outcome : list)
            result << int(outcome);
        return result;
    };

    QTest::newRow("everything") << none << none << any << 0 << QString() << QString()
                                << QList<qint64> {8, 7, 10, 9, 6, 5, 4, 3, 2, 1, 11};
    QTest::newRow("early shift: 06:00 inclusive, 14:00 exclusive")
        << early.from << early.to << any << 0 << QString() << QString()
        << QList<qint64> {7, 10, 9, 6, 5, 4, 3, 2, 1};
    QTest::newRow("late shift") << late.from << late.to << any << 0 << QString() << QString()
                                << QList<qint64> {8};
    QTest::newRow("from only") << at(QTime(9, 0)) << none << any << 0 << QString() << QString()
                               << QList<qint64> {8, 7, 10, 9, 6, 5};
    QTest::newRow("to only, exclusive") << none << at(QTime(7, 0)) << any << 0 << QString()
                                        << QString() << QList<qint64> {2, 1, 11};
    QTest::newRow("other day") << at(QTime(0, 0), Day.addDays(1)) << none << any << 0 << QString()
                               << QString() << QList<qint64> {};
    QTest::newRow("FAIL") << none << none << outcomes({RunOutcome::Fail}) << 0 << QString()
                          << QString() << QList<qint64> {8, 9, 5, 4, 1};
    QTest::newRow("PASS or ABORTED")
        << none << none << outcomes({RunOutcome::Pass, RunOutcome::Aborted}) << 0 << QString()
        << QString() << QList<qint64> {7, 6, 3, 2, 11};
    QTest::newRow("RUNNING") << none << none << outcomes({RunOutcome::Running}) << 0 << QString()
                             << QString() << QList<qint64> {10};
    QTest::newRow("INTERRUPTED") << none << none << outcomes({RunOutcome::Interrupted}) << 0
                                 << QString() << QString() << QList<qint64> {};
    QTest::newRow("fixture 2") << none << none << any << 2 << QString() << QString()
                               << QList<qint64> {8, 7, 4, 3, 11};
    QTest::newRow("recipe") << none << none << any << 0 << u"rf"_s << QString()
                            << QList<qint64> {7, 6};
    QTest::newRow("device ID substring, any case")
        << none << none << any << 0 << QString() << u"a0001"_s << QList<qint64> {2, 1};
    QTest::newRow("serial substring")
        << none << none << any << 0 << QString() << u"SN-C"_s << QList<qint64> {5, 4};
    QTest::newRow("whole device ID, upper case")
        << none << none << any << 0 << QString() << u"0123456789ABCDEF"_s.repeated(8)
        << QList<qint64> {11};
    QTest::newRow("device ID fragment")
        << none << none << any << 0 << QString() << u"CDEF01"_s << QList<qint64> {11};
    QTest::newRow("underscore is literal")
        << none << none << any << 0 << QString() << u"E_1"_s << QList<qint64> {7};
    QTest::newRow("percent is literal")
        << none << none << any << 0 << QString() << u"%"_s << QList<qint64> {};
    QTest::newRow("quotes are data, not SQL")
        << none << none << any << 0 << QString() << u"' OR 1=1 --"_s << QList<qint64> {};
    QTest::newRow("blank search ignored")
        << none << none << any << 2 << QString() << u"  "_s << QList<qint64> {8, 7, 4, 3, 11};
    QTest::newRow("combined") << at(QTime(6, 0)) << none << outcomes({RunOutcome::Fail}) << 1
                              << u"std"_s << QString() << QList<qint64> {9, 5, 1};
}

void tst_RecordQuery::fetch()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(QList<int>, outcomes);
    QFETCH(int, fixture);
    QFETCH(QString, recipe);
    QFETCH(QString, search);
    QFETCH(QList<qint64>, expected);

    RunFilter filter;
    filter.from = from;
    filter.to = to;
    for (int outcome : outcomes)
        filter.outcomes << RunOutcome(outcome);
    filter.fixture = fixture;
    filter.recipeName = recipe;
    filter.search = search;

    auto count = m_query->countRuns(filter);
    QVERIFY(count);
    QCOMPARE(*count, qint64(expected.size()));
    auto rows = m_query->fetchRuns(filter, 0, 100);
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().detail));
    QCOMPARE(idsOf(*rows), expected);
}

void tst_RecordQuery::paging()
{
    const RunFilter all;
    auto page = m_query->fetchRuns(all, 3, 4);
    QVERIFY(page);
    QCOMPARE(idsOf(*page), (QList<qint64> {9, 6, 5, 4}));
    auto beyond = m_query->fetchRuns(all, 20, 4);
    QVERIFY(beyond);
    QVERIFY(beyond->isEmpty());

    // Keyset paging walks the same order without offsets.
    QList<qint64> walked;
    auto first = m_query->fetchRuns(all, 0, 4);
    QVERIFY(first);
    walked << idsOf(*first);
    RunKey key {first->last().started, first->last().id};
    for (;;) {
        auto next = m_query->fetchRunsAfter(all, key, 4);
        QVERIFY(next);
        if (next->isEmpty())
            break;
        walked << idsOf(*next);
        key = RunKey {next->last().started, next->last().id};
    }
    QCOMPARE(walked, (QList<qint64> {8, 7, 10, 9, 6, 5, 4, 3, 2, 1, 11}));

    RunFilter failed;
    failed.outcomes = {RunOutcome::Fail};
    auto afterFive = m_query->fetchRunsAfter(failed, RunKey {at(QTime(9, 0)), 5}, 10);
    QVERIFY(afterFive);
    QCOMPARE(idsOf(*afterFive), (QList<qint64> {4, 1}));
}

void tst_RecordQuery::rowFields()
{
    RunFilter filter;
    filter.search = u"DEVC"_s;
    auto rows = m_query->fetchRuns(filter, 0, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 2);
    const RunRow &row = rows->first();
    QCOMPARE(row.id, 5);
    QCOMPARE(row.started, at(QTime(9, 0)));
    QCOMPARE(row.finished, at(QTime(9, 2)));
    QCOMPARE(row.fixture, 1);
    QCOMPARE(row.fixtureLabel, u"Fixture 1"_s);
    QCOMPARE(row.deviceId, u"DEVC0003"_s);
    QCOMPARE(row.serialNumber, u"SN-C"_s);
    QCOMPARE(row.recipeName, u"std"_s);
    QCOMPARE(row.recipeVersion, u"1.0"_s);
    QCOMPARE(row.outcome, RunOutcome::Fail);
    QCOMPARE(row.failedStep, u"rf-check"_s);
    QCOMPARE(row.errorCode, ErrorCode::RfCheckFailed);
    QCOMPARE(row.cause, u"TX power very low"_s);
    QCOMPARE(row.duration.count(), 120'000);

    auto running = m_query->runsOfDevice(u"DEVG0007"_s);
    QVERIFY(running);
    QCOMPARE(running->size(), 1);
    QCOMPARE(running->first().outcome, RunOutcome::Running);
    QVERIFY(!running->first().finished.isValid());
    QCOMPARE(running->first().duration.count(), 0);
    QCOMPARE(running->first().errorCode, ErrorCode::None);
}

void tst_RecordQuery::runDetail()
{
    auto detail = m_query->runDetail(2);
    QVERIFY(detail);
    const RunInfo &run = detail->run;
    QCOMPARE(run.id, 2);
    QCOMPARE(run.outcome, RunOutcome::Pass);
    QCOMPARE(run.finished, at(QTime(6, 32)));
    QCOMPARE(run.start.started, at(QTime(6, 30)));
    QCOMPARE(run.start.deviceId, u"DEVA0001"_s);
    QCOMPARE(run.start.serialNumber, u"SN-A"_s);
    QCOMPARE(run.start.ipAddress, u"192.168.35.2"_s);
    QCOMPARE(run.start.osVersion, u"24.09"_s);
    QCOMPARE(run.start.imageIds, (QStringList {u"img-a"_s, u"img-b"_s}));
    QCOMPARE(run.start.manufacturingState, u"Module1Complete"_s);
    QCOMPARE(run.start.fixture, 1);
    QCOMPARE(run.start.fixtureLabel, u"Fixture 1"_s);
    QCOMPARE(run.start.connectionPath, u"ftdi:1"_s);
    QCOMPARE(run.start.recipeName, u"std"_s);
    QCOMPARE(run.start.recipeVersion, u"1.0"_s);
    QCOMPARE(run.start.recipeSha256, QString(64, u'c'));
    QCOMPARE(run.start.recipePath, u"/recipes/std.json"_s);
    QCOMPARE(run.start.station, u"line-2"_s);
    QCOMPARE(run.start.operatorName, u"eve"_s);
    QCOMPARE(run.start.appVersion, u"0.1.0"_s);
    QCOMPARE(run.start.backend, u"real"_s);
    QCOMPARE(run.start.azsphereToolPath, u"/usr/bin/azsphere"_s);
    QCOMPARE(run.start.azsphereToolVersion, u"24.09"_s);
    QCOMPARE(run.start.rfToolPath, u"/opt/rf/RfSettingsTool"_s);
    QCOMPARE(run.start.rfToolVersion, u"3.1"_s);
    QCOMPARE(run.errorCode, ErrorCode::None);

    const QList<StepResult> &expected = m_steps.value(2);
    QCOMPARE(detail->steps.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const StepResult &got = detail->steps.at(i);
        const StepResult &want = expected.at(i);
        QCOMPARE(got.seq, want.seq);
        QCOMPARE(got.name, want.name);
        QCOMPARE(got.type, want.type);
        QCOMPARE(got.outcome, want.outcome);
        QCOMPARE(got.started, want.started);
        QCOMPARE(got.finished, want.finished);
        QCOMPARE(got.attempts, want.attempts);
        QCOMPARE(got.errorCode, want.errorCode);
        QCOMPARE(got.cause, want.cause);
        QCOMPARE(got.remedy, want.remedy);
        QCOMPARE(got.note, want.note);
        QCOMPARE(got.data, want.data);
        QCOMPARE(got.commands.size(), want.commands.size());
        for (qsizetype c = 0; c < want.commands.size(); ++c) {
            QCOMPARE(got.commands.at(c).commandLine, want.commands.at(c).commandLine);
            QCOMPARE(got.commands.at(c).outcome, want.commands.at(c).outcome);
            QCOMPARE(got.commands.at(c).exitCode, want.commands.at(c).exitCode);
            QCOMPARE(got.commands.at(c).stdOut, want.commands.at(c).stdOut);
            QCOMPARE(got.commands.at(c).stdErr, want.commands.at(c).stdErr);
            QCOMPARE(got.commands.at(c).truncated, want.commands.at(c).truncated);
            QCOMPARE(got.commands.at(c).started, want.commands.at(c).started);
            QCOMPARE(got.commands.at(c).finished, want.commands.at(c).finished);
        }
        QCOMPARE(got.measurements.size(), want.measurements.size());
        for (qsizetype m = 0; m < want.measurements.size(); ++m) {
            const Measurement &g = got.measurements.at(m);
            const Measurement &w = want.measurements.at(m);
            QCOMPARE(g.name, w.name);
            if (std::isnan(w.value))
                QVERIFY(std::isnan(g.value));
            else
                QCOMPARE(g.value, w.value);
            QCOMPARE(g.unit, w.unit);
            QCOMPARE(g.low, w.low);
            QCOMPARE(g.high, w.high);
            QCOMPARE(g.passed, w.passed);
        }
    }

    auto failed = m_query->runDetail(4);
    QVERIFY(failed);
    QCOMPARE(failed->run.errorCode, ErrorCode::RfCheckFailed);
    QCOMPARE(failed->steps.last().outcome, StepOutcome::Failed);
    QCOMPARE(failed->steps.last().commands.last().exitCode, 3);
}

void tst_RecordQuery::runDetailMissing()
{
    auto missing = m_query->runDetail(999);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::InvalidArgument);
}

void tst_RecordQuery::devices()
{
    auto runs = m_query->runsOfDevice(u"DEVA0001"_s);
    QVERIFY(runs);
    QCOMPARE(idsOf(*runs), (QList<qint64> {2, 1}));
    auto none = m_query->runsOfDevice(u"DEVA"_s); // exact ID, not a substring
    QVERIFY(none);
    QVERIFY(none->isEmpty());

    auto device = m_query->device(u"DEVA0001"_s);
    QVERIFY(device);
    QVERIFY(device->has_value());
    QCOMPARE((*device)->lastOutcome, std::optional<RunOutcome>(RunOutcome::Pass));
    QCOMPARE((*device)->lastRunId, 2);
    QCOMPARE((*device)->manufacturingState, u"Module1Complete"_s);
    QVERIFY((*device)->lastSeen >= at(QTime(6, 32)));
    QVERIFY((*device)->firstSeen.isValid());
    auto running = m_query->device(u"DEVG0007"_s);
    QVERIFY(running);
    QCOMPARE((*running)->lastOutcome, std::optional<RunOutcome>(RunOutcome::Running));
    auto unknown = m_query->device(u"nope"_s);
    QVERIFY(unknown);
    QVERIFY(!unknown->has_value());

    auto serial = m_query->deviceForSerial(u"SN-C"_s);
    QVERIFY(serial);
    QCOMPARE(serial->value_or(QString()), u"DEVC0003"_s);
}

void tst_RecordQuery::yield_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<int>("fixture");
    // runs, passed, failed, aborted, running, without device
    QTest::addColumn<QList<int>>("runCounts");
    // started, passed, failed, in progress, first pass
    QTest::addColumn<QList<int>>("deviceCounts");
    QTest::addColumn<double>("firstPassYield");
    QTest::addColumn<double>("finalYield");
    QTest::addColumn<double>("hours");

    const TimeRange early = shiftRange(defaultShifts().at(0), Day, QTimeZone(0));
    // Early shift: runs 1-7, 9, 10. Devices A (FAIL then PASS), B (PASS), C (FAIL, FAIL),
    // D (ABORTED), E (PASS), G (RUNNING); run 9 has no device.
    // First pass: B, E of the 5 devices whose first run has a verdict (G's has not).
    // Production time (hours): the union of the runs' intervals. Each finished run lasts 120 s;
    // run 10, still RUNNING, lasts to its last step's end (100 s); run 7 starts 1 ms before the
    // shift ends and counts that 1 ms.
    QTest::newRow("early shift") << early.from << early.to << 0 << QList<int> {9, 3, 4, 1, 1, 1}
                                 << QList<int> {6, 3, 2, 1, 2} << 2.0 / 5.0 << 3.0 / 5.0
                                 << (7 * 120 + 100 + 0.001) / 3600.0;
    // Fixture 2 over the day: runs 3 (B PASS), 4 (C FAIL), 7 (E PASS), 8 (F FAIL), 11 (H PASS);
    // C's second run was on fixture 1.
    QTest::newRow("fixture 2, whole day")
        << at(QTime(0, 0)) << at(QTime(0, 0), Day.addDays(1)) << 2 << QList<int> {5, 3, 2, 0, 0, 0}
        << QList<int> {5, 3, 2, 0, 3} << 3.0 / 5.0
        << 3.0 / 5.0
        // Runs 7 (13:59:59.999) and 8 (14:00) overlap: together 120.001 s, not 240.
        << (3 * 120 + 120.001) / 3600.0;
    // No range: every run, the overlapping 7 and 8 once, the running 10 to its last step.
    // Devices A-H: passed A, B, E, H; in progress G; failed C, D, F; first pass B, E, H of
    // the 7 whose first run has a verdict.
    QTest::newRow("everything") << QDateTime() << QDateTime() << 0 << QList<int> {11, 4, 5, 1, 1, 1}
                                << QList<int> {8, 4, 3, 1, 3} << 3.0 / 7.0 << 4.0 / 7.0
                                << (8 * 120 + 100 + 120.001) / 3600.0;
    QTest::newRow("empty range") << at(QTime(0, 0), Day.addDays(5))
                                 << at(QTime(1, 0), Day.addDays(5)) << 0
                                 << QList<int> {0, 0, 0, 0, 0, 0} << QList<int> {0, 0, 0, 0, 0}
                                 << 0.0 << 0.0 << 0.0;
}

void tst_RecordQuery::yield()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(int, fixture);
    QFETCH(QList<int>, runCounts);
    QFETCH(QList<int>, deviceCounts);
    QFETCH(double, firstPassYield);
    QFETCH(double, finalYield);
    QFETCH(double, hours);

    RunFilter filter;
    filter.from = from;
    filter.to = to;
    filter.fixture = fixture;
    auto report = m_query->yieldReport(filter);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().detail));
    QCOMPARE((QList<int> {report->runs,
                 report->runsPassed,
                 report->runsFailed,
                 report->runsAborted,
                 report->runsRunning,
                 report->runsWithoutDevice}),
        runCounts);
    QCOMPARE(report->runsInterrupted, 0);
    QCOMPARE((QList<int> {report->devicesStarted,
                 report->devicesPassed,
                 report->devicesFailed,
                 report->devicesInProgress,
                 report->devicesFirstPass}),
        deviceCounts);
    QCOMPARE(report->firstPassYield, firstPassYield);
    QCOMPARE(report->finalYield, finalYield);
    QCOMPARE(report->hours, hours);
    QCOMPARE(report->devicesPerHour, hours > 0 ? deviceCounts.at(0) / hours : 0.0);
    QCOMPARE(report->passedPerHour, hours > 0 ? deviceCounts.at(1) / hours : 0.0);
}

void tst_RecordQuery::pareto()
{
    RunFilter filter;
    const TimeRange early = shiftRange(defaultShifts().at(0), Day, QTimeZone(0));
    filter.from = early.from;
    filter.to = early.to;
    auto report = m_query->yieldReport(filter);
    QVERIFY(report);
    // FAIL runs of the early shift: 1 (sideload), 4 and 5 (rf-check), 9 (connect).
    QCOMPARE(report->failuresByStep.size(), 3);
    QCOMPARE(report->failuresByStep.at(0).key, u"rf-check"_s);
    QCOMPARE(report->failuresByStep.at(0).count, 2);
    QCOMPARE(report->failuresByStep.at(1).key, u"connect"_s);
    QCOMPARE(report->failuresByStep.at(1).count, 1);
    QCOMPARE(report->failuresByStep.at(2).key, u"sideload"_s);
    QCOMPARE(report->failuresByStep.at(2).count, 1);
    QCOMPARE(report->failuresByError.size(), 3);
    QCOMPARE(report->failuresByError.at(0).key, u"RfCheckFailed"_s);
    QCOMPARE(report->failuresByError.at(0).count, 2);
    QCOMPARE(report->failuresByError.at(0).label, u"TX power very low"_s); // the latest cause
    QCOMPARE(report->failuresByError.at(1).key, u"DeviceNotConnected"_s);
    QCOMPARE(report->failuresByError.at(2).key, u"ImageNotTrusted"_s);
    QCOMPARE(report->failuresByError.at(2).label, u"Image not trusted"_s);
}

void tst_RecordQuery::shifts_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("shift");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");

    QTest::newRow("early, UTC") << u"UTC"_s << 0 << Day << at(QTime(6, 0)) << at(QTime(14, 0));
    QTest::newRow("night crosses midnight, UTC")
        << u"UTC"_s << 2 << Day << at(QTime(22, 0)) << at(QTime(6, 0), Day.addDays(1));
    QTest::newRow("late, UTC-5") << u"UTC-05:00"_s << 1 << Day << at(QTime(19, 0))
                                 << at(QTime(3, 0), Day.addDays(1));
    // Berlin in winter is UTC+1.
    QTest::newRow("early, Berlin winter")
        << u"Europe/Berlin"_s << 0 << Day << at(QTime(5, 0)) << at(QTime(13, 0));
    // The clocks go forward at 02:00 on 29 March 2026: that night shift lasts 7 hours.
    QTest::newRow("night, Berlin DST start")
        << u"Europe/Berlin"_s << 2 << QDate(2026, 3, 28) << at(QTime(21, 0), QDate(2026, 3, 28))
        << at(QTime(4, 0), QDate(2026, 3, 29));
    // ...and back at 03:00 on 25 October 2026: 9 hours.
    QTest::newRow("night, Berlin DST end")
        << u"Europe/Berlin"_s << 2 << QDate(2026, 10, 24) << at(QTime(20, 0), QDate(2026, 10, 24))
        << at(QTime(5, 0), QDate(2026, 10, 25));
}

void tst_RecordQuery::shifts()
{
    QFETCH(QString, zone);
    QFETCH(int, shift);
    QFETCH(QDate, date);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    const QTimeZone timeZone(zone.toUtf8());
    if (!timeZone.isValid())
        QSKIP("time zone data not installed");
    const TimeRange range = shiftRange(defaultShifts().at(shift), date, timeZone);
    QCOMPARE(range.from, from);
    QCOMPARE(range.to, to);
    QCOMPARE(range.from.timeSpec(), Qt::UTC);
}

void tst_RecordQuery::shiftAt_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QDate>("date");
    QTest::newRow("early start") << at(QTime(6, 0)) << u"early"_s << Day;
    QTest::newRow("early end is late") << at(QTime(14, 0)) << u"late"_s << Day;
    QTest::newRow("night before midnight") << at(QTime(23, 30)) << u"night"_s << Day;
    QTest::newRow("night after midnight belongs to the day before")
        << at(QTime(2, 0)) << u"night"_s << Day.addDays(-1);
}

void tst_RecordQuery::shiftAt()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, name);
    QFETCH(QDate, date);
    const std::optional<ShiftDay> found = Station::shiftAt(time, defaultShifts(), QTimeZone(0));
    QVERIFY(found);
    QCOMPARE(found->shift.name, name);
    QCOMPARE(found->date, date);
    const QList<Shift> dayOnly {Shift {u"day"_s, QTime(8, 0), QTime(16, 0)}};
    QCOMPARE(Station::shiftAt(at(QTime(7, 0)), dayOnly, QTimeZone(0)).has_value(), false);
}

void tst_RecordQuery::readOnlyConnection()
{
    QSqlDatabase db = QSqlDatabase::database(m_query->connectionName(), false);
    QVERIFY(db.isOpen());
    QSqlQuery query(db);
    QVERIFY(!query.exec(u"DELETE FROM runs"_s));
    query.finish();
    auto count = m_query->countRuns(RunFilter {});
    QVERIFY(count);
    QCOMPARE(*count, 11);
}

void tst_RecordQuery::refusesMissingOrOldFile()
{
    RecordQuery query;
    auto missing = query.open(m_dir->filePath(u"nothing.sqlite"_s));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::FileMissing);
    QVERIFY(!QFile::exists(m_dir->filePath(u"nothing.sqlite"_s)));

    const QString old = m_dir->filePath(u"old.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
        db.setDatabaseName(old);
        QVERIFY(db.open());
        QSqlQuery q(db);
        // A station record (its application_id) of schema version 1: without the id it is
        // refused as "not a Sphere Station record" before its version is looked at.
        QVERIFY(q.exec(u"PRAGMA application_id = 1397773140"_s));
        QVERIFY(q.exec(u"PRAGMA user_version = 1"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"old"_s);
    auto outdated = query.open(old);
    QVERIFY(!outdated);
    QVERIFY2(outdated.error().message.english().contains(u"schema version 1"_s),
        qPrintable(outdated.error().message));
    QVERIFY(!query.isOpen());
    QVERIFY(!QSqlDatabase::connectionNames().contains(query.connectionName()));
}

void tst_RecordQuery::databaseWithoutSchema_data()
{
    QTest::addColumn<QStringList>("statements"); // run on a new SQLite file
    QTest::addColumn<bool>("emptyRecord");       // read as an empty record, else refused

    // What a power cut leaves of a new record before the schema's first commit: page 1 written
    // by the switch to WAL, nothing else.
    QTest::newRow("WAL page only") << QStringList {u"PRAGMA journal_mode = WAL"_s} << true;
    QTest::newRow("a table made and dropped")
        << QStringList {u"CREATE TABLE t (x)"_s, u"DROP TABLE t"_s} << true;
    // Not empty, or not ours: refused as before.
    QTest::newRow("a foreign table") << QStringList {u"CREATE TABLE t (x)"_s} << false;
    QTest::newRow("a foreign view") << QStringList {u"CREATE VIEW v AS SELECT 1"_s} << false;
    QTest::newRow("a foreign user_version") << QStringList {u"PRAGMA user_version = 7"_s} << false;
    QTest::newRow("a station record of schema 0")
        << QStringList {u"PRAGMA application_id = 1397773140"_s} << false;
    QTest::newRow("another application's id")
        << QStringList {u"PRAGMA application_id = 42"_s} << false;
}

void tst_RecordQuery::databaseWithoutSchema()
{
    QFETCH(QStringList, statements);
    QFETCH(bool, emptyRecord);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"cut.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"cut"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &statement : std::as_const(statements))
            QVERIFY2(q.exec(statement), qPrintable(statement));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"cut"_s);
    const auto contents = [&path] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray before = contents();
    QVERIFY(before.startsWith("SQLite format 3"));

    RecordQuery query;
    const Result<void> opened = query.open(path);
    if (!emptyRecord) {
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Database);
        QVERIFY(!QSqlDatabase::connectionNames().contains(query.connectionName()));
        QCOMPARE(contents(), before);
        return;
    }
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message.english()));
    const Result<qint64> count = query.countRuns(RunFilter {});
    QVERIFY(count);
    QCOMPARE(*count, 0);
    const Result<QList<RunRow>> runs = query.fetchRuns(RunFilter {}, 0, 10);
    QVERIFY(runs);
    QVERIFY(runs->isEmpty());
    const Result<YieldReport> yield = query.yieldReport(RunFilter {});
    QVERIFY(yield);
    QCOMPARE(yield->runs, 0);
    const Result<RunDetail> detail = query.runDetail(1);
    QVERIFY(!detail);
    QCOMPARE(detail.error().code, ErrorCode::InvalidArgument);
    const Result<std::optional<QString>> serial = query.deviceForSerial(u"SN-1"_s);
    QVERIFY(serial);
    QVERIFY(!serial->has_value());
    // Still read-only.
    QSqlQuery write(QSqlDatabase::database(query.connectionName(), false));
    QVERIFY(!write.exec(u"INSERT INTO events (time_utc, kind) VALUES ('x', 'y')"_s));
    write.finish();
    query.close();
    // Only read: the file is as the cut left it, still without a schema.
    QCOMPARE(contents(), before);

    // The station's next start makes it a record.
    RecordStore store;
    QVERIFY(store.open(path));
    store.close();
    QVERIFY(query.open(path));
    QCOMPARE(*query.countRuns(RunFilter {}), 0);
}

QTEST_GUILESS_MAIN(tst_RecordQuery)

#include "tst_recordquery.moc"
