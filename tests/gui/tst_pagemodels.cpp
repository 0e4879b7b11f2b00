#include "models/commandlistmodel.h"
#include "models/measurementmodel.h"
#include "models/recordsmodel.h"
#include "models/steplistmodel.h"
#include "pagesrecord.h"
#include "services/records/recordquery.h"
#include "services/records/recordstore.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(Station::RunFilter)

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

StepResult step(int seq, StepOutcome outcome, const QString &name = {})
{
    StepResult s;
    s.seq = seq;
    s.name = name.isEmpty() ? u"step %1"_s.arg(seq) : name;
    s.type = u"connect"_s;
    s.outcome = outcome;
    s.started = QDateTime(QDate(2025, 3, 11), QTime(6, 0), Qt::UTC).addSecs(seq * 10);
    s.finished = s.started.addMSecs(2500);
    s.attempts = 1;
    return s;
}

QList<qint64> idsOf(const RecordsModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.data(model.index(row, 0), RecordsModel::RunIdRole).toLongLong();
    return ids;
}

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(PagesRecord::knownDay(), QTime(hour, minute), Qt::UTC);
}

} // namespace

class tst_PageModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stepListModel();
    void stepListModelLive();
    void commandListModel();
    void measurementModel();
    void recordsModelFilter_data();
    void recordsModelFilter();
    void recordsModelPaging_data();
    void recordsModelPaging();
    void recordsModelWithoutQuery();
    void runHistoryModel();

private:
    QTemporaryDir m_dir;
    QString m_record;
    RecordQuery m_query;
};

void tst_PageModels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_record = m_dir.filePath(u"record.sqlite"_s);
    const Result<void> written = PagesRecord::writeKnownRecord(m_record);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    const Result<void> opened = m_query.open(m_record);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
}

void tst_PageModels::stepListModel()
{
    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSteps({step(3, StepOutcome::Failed),
        step(1, StepOutcome::Passed),
        step(2, StepOutcome::Skipped)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(StepListModel::ColumnCount));
    // Sorted by seq whatever the input order.
    QCOMPARE(model.data(model.index(0, StepListModel::SeqColumn)).toInt(), 1);
    QCOMPARE(model.data(model.index(2, StepListModel::SeqColumn)).toInt(), 3);
    QCOMPARE(model.data(model.index(2, StepListModel::OutcomeColumn)).toString(), u"Failed"_s);
    QCOMPARE(model.data(model.index(0, StepListModel::DurationColumn)).toString(), u"2.5 s"_s);
    QCOMPARE(model.firstFailedRow(), 2);
    QCOMPARE(model.rowOfSeq(2), 1);
    QCOMPARE(model.rowOfSeq(9), -1);
    QCOMPARE(model.data(model.index(1, 0), StepListModel::OutcomeRole).value<StepOutcome>(),
        StepOutcome::Skipped);

    // No look set: no icons or colours, and nothing breaks.
    QVERIFY(
        !model.data(model.index(0, StepListModel::OutcomeColumn), Qt::DecorationRole).isValid());
    model.setOutcomeLook([](StepOutcome outcome) {
        OutcomeLook look;
        if (outcome == StepOutcome::Failed)
            look.background = Qt::red;
        return look;
    });
    QCOMPARE(model.data(model.index(2, 0), Qt::BackgroundRole).value<QColor>(), QColor(Qt::red));
    QVERIFY(!model.data(model.index(0, 0), Qt::BackgroundRole).isValid());

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.firstFailedRow(), -1);
}

void tst_PageModels::stepListModelLive()
{
    StepListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &StepListModel::rowsInserted);
    QSignalSpy changed(&model, &StepListModel::dataChanged);

    QCOMPARE(model.updateStep(step(1, StepOutcome::Running)), 0);
    QCOMPARE(model.updateStep(step(1, StepOutcome::Passed)), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.step(0).outcome, StepOutcome::Passed);
    // A later step appends, an earlier one (out of order) goes before it.
    QCOMPARE(model.updateStep(step(4, StepOutcome::Running)), 1);
    QCOMPARE(model.updateStep(step(2, StepOutcome::Passed)), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.step(2).seq, 4);
}

void tst_PageModels::commandListModel()
{
    CommandListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.mostTellingRow(), -1);
    CommandRecord ok;
    ok.commandLine = u"azsphere device show-attached --device 1211 --output json"_s;
    ok.started = at(6);
    ok.finished = at(6).addMSecs(800);
    CommandRecord bad = ok;
    bad.commandLine = u"azsphere device sideload deploy --image-package a.imagepackage"_s;
    bad.outcome = ToolOutcome::ExitCode;
    bad.exitCode = 1;
    model.setCommands({ok, bad, ok});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(0, CommandListModel::IndexColumn)).toInt(), 1);
    QCOMPARE(
        model.data(model.index(1, CommandListModel::CommandColumn)).toString(), bad.commandLine);
    QCOMPARE(model.data(model.index(1, CommandListModel::OutcomeColumn)).toString(), u"exit 1"_s);
    QCOMPARE(
        model.data(model.index(1, CommandListModel::OutcomeColumn), Qt::ToolTipRole).toString(),
        u"Failed with exit code 1"_s);
    QCOMPARE(model.data(model.index(0, CommandListModel::DurationColumn)).toString(), u"0.8 s"_s);
    QVERIFY(!model.data(model.index(1, 0), CommandListModel::SucceededRole).toBool());
    // The failed call is what a technician looks at first, even when a later one succeeded.
    QCOMPARE(model.mostTellingRow(), 1);
    model.setCommands({ok, ok});
    QCOMPARE(model.mostTellingRow(), 1);

    // Calls of one step share the program's long path: the column shows the tool, the
    // subcommand and the file names, the tooltip the whole command line.
    CommandRecord deploy = ok;
    deploy.commandLine = u"/opt/azurespheresdk/Tools_v2/azsphere device sideload deploy "
                         "--image-package '/srv/line 3/images/ProductApp.imagepackage' "
                         "--device 1212"_s;
    CommandRecord show = ok;
    show.commandLine = u"/opt/azurespheresdk/Tools_v2/azsphere device image list-installed "
                       "--device 1212 --output json"_s;
    model.setCommands({deploy, show});
    QCOMPARE(model.data(model.index(0, CommandListModel::CommandColumn)).toString(),
        u"azsphere device sideload deploy --image-package ProductApp.imagepackage "
        "--device 1212"_s);
    QCOMPARE(model.data(model.index(1, CommandListModel::CommandColumn)).toString(),
        u"azsphere device image list-installed --device 1212 --output json"_s);
    QCOMPARE(
        model.data(model.index(0, CommandListModel::CommandColumn), Qt::ToolTipRole).toString(),
        deploy.commandLine);
    // Quoted words as ToolRunner writes them, a quote inside one included.
    QCOMPARE(CommandListModel::shortCommand(u"'/a b/tool' 'it'\\''s' x"_s), u"tool it's x"_s);
}

void tst_PageModels::measurementModel()
{
    MeasurementModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMeasurements({{u"VCC_3V3"_s, 3.12, u"V"_s, 3.2, 3.4, false},
        {u"TEMP_C"_s, -3.5, u"C"_s, std::nullopt, 70.0, true}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0, MeasurementModel::ValueColumn)).toString(), u"3.12"_s);
    QCOMPARE(model.data(model.index(0, MeasurementModel::LowColumn)).toString(), u"3.2"_s);
    QCOMPARE(
        model.data(model.index(0, MeasurementModel::ResultColumn)).toString(), u"Out of limits"_s);
    QCOMPARE(model.data(model.index(1, MeasurementModel::ValueColumn)).toString(), u"-3.5"_s);
    QCOMPARE(model.data(model.index(1, MeasurementModel::LowColumn)).toString(), QString());
    QCOMPARE(model.data(model.index(1, MeasurementModel::HighColumn)).toString(), u"70"_s);
    QCOMPARE(model.data(model.index(1, MeasurementModel::ResultColumn)).toString(), u"Pass"_s);
}

void tst_PageModels::recordsModelFilter_data()
{
    QTest::addColumn<RunFilter>("filter");
    QTest::addColumn<QList<qint64>>("ids"); // newest first

    QTest::newRow("everything") << RunFilter() << QList<qint64> {8, 7, 6, 5, 4, 3, 2, 1};
    RunFilter f;
    f.outcomes = {RunOutcome::Fail};
    QTest::newRow("failed") << f << QList<qint64> {7, 6, 4, 1};
    f.fixture = 1;
    QTest::newRow("failed in fixture 1") << f << QList<qint64> {7, 1};
    f = {};
    f.outcomes = {RunOutcome::Aborted, RunOutcome::Pass};
    QTest::newRow("aborted or passed") << f << QList<qint64> {8, 5, 3, 2};
    f = {};
    f.fixture = 2;
    QTest::newRow("fixture 2") << f << QList<qint64> {6, 5, 4, 3};
    f = {};
    f.recipeName = u"Quick"_s;
    QTest::newRow("recipe") << f << QList<qint64> {5};
    f = {};
    f.search = u"sn-0001"_s;
    QTest::newRow("serial, any case") << f << QList<qint64> {2, 1};
    f.search = PagesRecord::deviceIdOf(u'C');
    QTest::newRow("whole device ID") << f << QList<qint64> {4};
    f.search = PagesRecord::deviceIdOf(u'F').mid(40, 12);
    QTest::newRow("device ID fragment") << f << QList<qint64> {8, 7};
    f = {};
    f.from = at(6);
    f.to = at(14);
    QTest::newRow("early shift") << f << QList<qint64> {6, 5, 4, 3, 2, 1};
    f.outcomes = {RunOutcome::Interrupted};
    QTest::newRow("nothing") << f << QList<qint64> {};
}

void tst_PageModels::recordsModelFilter()
{
    QFETCH(RunFilter, filter);
    QFETCH(QList<qint64>, ids);

    RecordsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy total(&model, &RecordsModel::totalCountChanged);
    model.setQuery(&m_query);
    model.setFilter(filter);
    QCOMPARE(model.totalCount(), ids.size());
    QCOMPARE(total.last().at(0).toLongLong(), qint64(ids.size()));
    QCOMPARE(idsOf(model), ids);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(model.errorString().isEmpty());
    if (!ids.isEmpty()) {
        const RunRow first = model.run(0);
        QCOMPARE(first.id, ids.first());
        QCOMPARE(model.data(model.index(0, RecordsModel::RunColumn)).toLongLong(), ids.first());
        QCOMPARE(model.data(model.index(0, RecordsModel::DeviceColumn)).toString(),
            first.deviceId.left(8) + u'\u2026' + first.deviceId.right(4));
        QCOMPARE(model.data(model.index(0, RecordsModel::DeviceColumn), Qt::ToolTipRole),
            first.deviceId);
    }
}

void tst_PageModels::recordsModelPaging_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("1") << 1;
    QTest::newRow("3") << 3;
    QTest::newRow("8, exactly all") << 8;
    QTest::newRow("250") << 250;
}

void tst_PageModels::recordsModelPaging()
{
    QFETCH(int, pageSize);
    RecordsModel model;
    model.setPageSize(pageSize);
    model.setQuery(&m_query);
    QCOMPARE(model.totalCount(), 8);
    // One page at first; the rest when the view scrolls.
    QCOMPARE(model.rowCount(), std::min(pageSize, 8));
    QCOMPARE(model.canFetchMore({}), pageSize < 8);
    // The tester fetches more itself while it checks, also in the middle of an insertion.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int fetches = 0;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QVERIFY(++fetches <= 8);
    }
    // Keyset paging: every run once, newest first, however the pages fall.
    QCOMPARE(idsOf(model), (QList<qint64> {8, 7, 6, 5, 4, 3, 2, 1}));

    // A run recorded after the count: refresh() sees it.
    RecordStore store;
    QVERIFY(store.open(m_record));
    RunStart start;
    start.fixture = 3;
    start.recipeName = u"Full line"_s;
    start.started = at(17);
    const Result<qint64> id = store.beginRun(start);
    QVERIFY(id);
    store.close();
    model.refresh();
    QCOMPARE(model.totalCount(), 9);
    QCOMPARE(model.run(0).id, *id);
    QCOMPARE(model.data(model.index(0, RecordsModel::OutcomeColumn)).toString(), u"RUNNING"_s);
    QCOMPARE(model.data(model.index(0, RecordsModel::DurationColumn)).toString(), QString());

    // Leave the record as the other tests expect it.
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"cleanup"_s);
    db.setDatabaseName(m_record);
    QVERIFY(db.open());
    QSqlQuery remove(db);
    QVERIFY(remove.exec(u"DELETE FROM runs WHERE id = %1"_s.arg(*id)));
    remove.finish();
    db.close();
    db = {};
    QSqlDatabase::removeDatabase(u"cleanup"_s);
}

void tst_PageModels::recordsModelWithoutQuery()
{
    RecordsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    RecordQuery closed;
    model.setQuery(&closed);
    QCOMPARE(model.rowCount(), 0);
}

void tst_PageModels::runHistoryModel()
{
    RunHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Result<QList<RunRow>> runs = m_query.runsOfDevice(PagesRecord::deviceIdOf(u'A'));
    QVERIFY(runs);
    model.setRuns(*runs);
    QCOMPARE(model.rowCount(), 2);
    model.setCurrentRunId(1);
    const int row = model.rowOfRun(1);
    QVERIFY(row >= 0);
    QVERIFY(model.data(model.index(row, 0), RunHistoryModel::CurrentRole).toBool());
    QVERIFY(model.data(model.index(row, 0), Qt::FontRole).value<QFont>().bold());
    QCOMPARE(model.data(model.index(row, RunHistoryModel::OutcomeColumn)).toString(), u"FAIL"_s);
    QCOMPARE(model.data(model.index(row, RunHistoryModel::FailedStepColumn)).toString(),
        u"Functional test"_s);
    QCOMPARE(model.rowOfRun(99), -1);
}

QTEST_MAIN(tst_PageModels)
#include "tst_pagemodels.moc"
