// The plant views (offscreen) against a real PostgreSQL 15 started by this test: the records
// page switches to the plant and shows another station's run, the yield page reads the plant's
// yield, the device view lists a device's runs at every station; without a plant the switch is
// disabled with its reason, and a plant that cannot be reached is said so while the station's
// own record stays usable.

#include "models/recordsmodel.h"
#include "pagesrecord.h"
#include "services/plant/plantreader.h"
#include "services/records/recordquery.h"
#include "tests/helpers/pgserver.h"
#include "tests/helpers/plantdata.h"
#include "ui/deviceviewwidget.h"
#include "ui/rangeselector.h"
#include "ui/recordspage.h"
#include "ui/theme.h"
#include "ui/translation.h"
#include "ui/yieldpage.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

constexpr int Timeout = 20000;

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(PagesRecord::knownDay(), QTime(hour, minute), Qt::UTC);
}

const QString OtherDevice = QString(124, u'b') + u"0042"_s;

// The newest run of the known record that has a device ID.
RunRow runWithDevice(const QList<RunRow> &runs)
{
    for (const RunRow &run : runs) {
        if (!run.deviceId.isEmpty())
            return run;
    }
    return {};
}

int rowOfStation(const RecordsModel &model, const QString &stationId)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.run(row).stationId == stationId)
            return row;
    }
    return -1;
}

} // namespace

class tst_PlantViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void withoutPlantTheSwitchSaysWhy();
    void recordsPageShowsAnotherStationsRun();
    void recordsPageFiltersByStationAndLine();
    void yieldPageReadsThePlant();
    void deviceViewListsRunsAtEveryStation();
    void unreachablePlantKeepsTheLocalRecord();

private:
    TestPg::PgServer m_server;
    TestPg::PlantDb m_plant;
    QTemporaryDir m_dir;
    QString m_record;
    RecordQuery m_query;
    RecordsPage *m_page = nullptr;
};

void tst_PlantViews::initTestCase()
{
    QVERIFY(Station::installTranslations(u"en"_s).has_value());
    Theme::apply();
    QVERIFY(m_dir.isValid());
    m_record = m_dir.filePath(u"record.sqlite"_s);
    const Result<void> written = PagesRecord::writeKnownRecord(m_record);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    QVERIFY(m_query.open(m_record));

    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    const QString error = m_server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_plant = TestPg::makePlant(m_server,
        u"guiplant"_s,
        {{u"LINE1-PC1"_s, u"Line 1"_s},
            {u"LINE1-PC2"_s, u"Line 1"_s},
            {u"LINE2-PC1"_s, u"Line 2"_s}});
    QVERIFY2(m_plant.error.isEmpty(), qPrintable(m_plant.error));

    Plant::Connection admin;
    QVERIFY(admin.open(m_plant.adminConninfo));
    // This station (LINE1-PC1) delivered its runs of the known record; two other stations
    // have runs of their own, one of them with a device this station also saw.
    const Result<QList<RunRow>> local = m_query.fetchRuns({}, 0, 1000);
    QVERIFY(local);
    QVERIFY(!local->isEmpty());
    for (const RunRow &row : *local) {
        TestPg::PlantRun run;
        run.stationId = u"LINE1-PC1"_s;
        run.localRunId = row.id;
        run.deviceId = row.deviceId;
        run.serialNumber = row.serialNumber;
        run.fixture = row.fixture;
        run.fixtureLabel = row.fixtureLabel;
        run.started = row.started;
        run.finished = row.finished;
        run.outcome = runOutcomeName(row.outcome);
        run.failedStep = row.failedStep;
        QCOMPARE(TestPg::insertRun(admin.database(), run), QString());
    }
    const QString sharedDevice = runWithDevice(*local).deviceId;
    QVERIFY(!sharedDevice.isEmpty());
    TestPg::PlantRun other;
    other.stationId = u"LINE1-PC2"_s;
    other.station = u"Line 1 PC 2"_s;
    other.localRunId = 501;
    other.deviceId = OtherDevice;
    other.serialNumber = u"SN-OTHER-STATION"_s;
    other.fixture = 5;
    other.fixtureLabel = u"B5"_s;
    other.started = at(9, 15);
    other.finished = at(9, 21);
    other.outcome = u"FAIL"_s;
    other.failedStep = u"Check RF"_s;
    other.errorCode = u"RfCheckFailed"_s;
    other.cause = u"The RF check failed at station 2."_s;
    QCOMPARE(TestPg::insertRun(admin.database(), other), QString());
    TestPg::PlantStep step;
    step.started = at(9, 15);
    step.finished = at(9, 16);
    QCOMPARE(TestPg::insertStep(admin.database(), other, step), QString());
    TestPg::PlantRun retest;
    retest.stationId = u"LINE2-PC1"_s;
    retest.localRunId = 77;
    retest.deviceId = sharedDevice;
    retest.started = at(20, 0);
    retest.finished = at(20, 4);
    QCOMPARE(TestPg::insertRun(admin.database(), retest), QString());
}

void tst_PlantViews::cleanupTestCase()
{
    m_server.stop();
}

void tst_PlantViews::init()
{
    m_page = new RecordsPage;
    m_page->setTimeZone(QTimeZone::utc());
    m_page->setClock([] { return at(15, 30); });
    m_page->setRecord(&m_query, m_record);
    m_page->rangeSelector()->setPreset(RangeSelector::Preset::All);
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
}

void tst_PlantViews::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void tst_PlantViews::withoutPlantTheSwitchSaysWhy()
{
    auto *source = m_page->findChild<QComboBox *>(u"source"_s);
    QVERIFY(source);
    m_page->setPlantReader(nullptr, u"No plant database is configured."_s);
    QVERIFY(!source->isEnabled());
    QCOMPARE(source->toolTip(), u"No plant database is configured."_s);
    QCOMPARE(m_page->source(), RecordsPage::Source::Station);
    QVERIFY(m_page->model()->rowCount() > 0);
    QVERIFY(!m_page->findChild<QComboBox *>(u"stationFilter"_s)->isVisible());
}

void tst_PlantViews::recordsPageShowsAnotherStationsRun()
{
    PlantReader reader(m_plant.qualityConninfo);
    m_page->setPlantReader(&reader);
    auto *source = m_page->findChild<QComboBox *>(u"source"_s);
    QVERIFY(source->isEnabled());
    const qint64 localRuns = m_page->model()->totalCount();
    QCOMPARE(rowOfStation(*m_page->model(), u"LINE1-PC2"_s), -1);

    // The keyboard way: focus the switch and pick "Plant".
    source->setFocus();
    QTest::keyClick(source, Qt::Key_Down);
    QCOMPARE(m_page->source(), RecordsPage::Source::Plant);
    auto *view = m_page->findChild<QTableView *>(u"runs"_s);
    QVERIFY(!view->isColumnHidden(RecordsModel::StationColumn));
    QTRY_VERIFY_WITH_TIMEOUT(
        rowOfStation(*m_page->model(), u"LINE1-PC2"_s) >= 0 && !m_page->model()->isLoading(),
        Timeout);
    QCOMPARE(m_page->model()->totalCount(), localRuns + 2);
    const int row = rowOfStation(*m_page->model(), u"LINE1-PC2"_s);
    const RunRow run = m_page->model()->run(row);
    QCOMPARE(run.serialNumber, u"SN-OTHER-STATION"_s);
    QCOMPARE(
        m_page->model()->index(row, RecordsModel::StationColumn).data().toString(), u"LINE1-PC2"_s);
    QVERIFY(m_page->findChild<QComboBox *>(u"stationFilter"_s)->isVisible());
    // For a look by eye at 1280x800: STATION_SCREENSHOT_DIR=<folder> build/tests/tst_plantviews
    if (const QString dir = qEnvironmentVariable("STATION_SCREENSHOT_DIR"); !dir.isEmpty())
        m_page->grab().save(dir + u"/plant-records.png"_s);

    // Opening it asks for the plant's run, not this station's run with the same number.
    QSignalSpy plantRun(m_page, &RecordsPage::openPlantRunRequested);
    QSignalSpy localRun(m_page, &RecordsPage::openRunRequested);
    view->setCurrentIndex(m_page->model()->index(row, RecordsModel::SerialColumn));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(plantRun.size(), 1);
    QCOMPARE(localRun.size(), 0);
    QCOMPARE(plantRun.at(0).at(0).toString(), u"LINE1-PC2"_s);
    QCOMPARE(plantRun.at(0).at(2).toLongLong(), qint64(501));

    // And back to this station's record.
    source->setCurrentIndex(source->findData(int(RecordsPage::Source::Station)));
    QCOMPARE(m_page->model()->totalCount(), localRuns);
    QVERIFY(view->isColumnHidden(RecordsModel::StationColumn));
    m_page->setPlantReader(nullptr, u"gone"_s);
}

void tst_PlantViews::recordsPageFiltersByStationAndLine()
{
    PlantReader reader(m_plant.qualityConninfo);
    m_page->setPlantReader(&reader);
    m_page->setSource(RecordsPage::Source::Plant);
    auto *stations = m_page->findChild<QComboBox *>(u"stationFilter"_s);
    // The station list comes from the plant.
    QTRY_COMPARE_WITH_TIMEOUT(stations->count(), 4, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->model()->isLoading(), Timeout);
    m_page->setStationFilter(u"LINE1-PC2"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_page->model()->isLoading() && m_page->model()->totalCount() == 1, Timeout);
    QCOMPARE(m_page->model()->run(0).stationId, u"LINE1-PC2"_s);
    m_page->setStationFilter({});
    m_page->setLineFilter(u"Line 2"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_page->model()->isLoading() && m_page->model()->totalCount() == 1, Timeout);
    QCOMPARE(m_page->model()->run(0).stationId, u"LINE2-PC1"_s);
    m_page->setPlantReader(nullptr, u"gone"_s);
}

void tst_PlantViews::yieldPageReadsThePlant()
{
    YieldPage page;
    page.setTimeZone(QTimeZone::utc());
    page.setClock([] { return at(23, 0); });
    page.setRecordQuery(&m_query);
    page.rangeSelector()->setPreset(RangeSelector::Preset::All);
    page.resize(1280, 800);
    page.show();
    const int localRuns = page.report().runs;
    QVERIFY(localRuns > 0);

    PlantReader reader(m_plant.qualityConninfo);
    page.setPlantReader(&reader);
    page.setSource(YieldPage::Source::Plant);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading() && page.report().runs == localRuns + 2, Timeout);
    QCOMPARE(page.statusText(), QString());
    page.setStationFilter(u"LINE1-PC2"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading() && page.report().runs == 1, Timeout);
    QCOMPARE(page.report().runsFailed, 1);
    QCOMPARE(page.report().failuresByError.value(0).key, u"RfCheckFailed"_s);
    if (const QString dir = qEnvironmentVariable("STATION_SCREENSHOT_DIR"); !dir.isEmpty())
        page.grab().save(dir + u"/plant-yield.png"_s);

    page.setSource(YieldPage::Source::Station);
    QCOMPARE(page.report().runs, localRuns);
}

void tst_PlantViews::deviceViewListsRunsAtEveryStation()
{
    DeviceViewWidget view;
    view.setTimeZone(QTimeZone::utc());
    view.setRecordQuery(&m_query);
    PlantReader reader(m_plant.qualityConninfo);
    view.setPlantReader(&reader, u"LINE1-PC1"_s);
    view.resize(1280, 800);
    view.show();
    const Result<QList<RunRow>> local = m_query.fetchRuns({}, 0, 1000);
    QVERIFY(local);
    const RunRow first = runWithDevice(*local);
    QSignalSpy history(&view, &DeviceViewWidget::plantHistoryShown);
    QVERIFY(view.showRun(first.id));
    QVERIFY(history.wait(Timeout));
    auto *list = view.findChild<QTableView *>(u"history"_s);
    QVERIFY(list);
    QVERIFY(!list->isColumnHidden(RunHistoryModel::StationColumn));
    QStringList stations;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        stations << list->model()->index(row, RunHistoryModel::StationColumn).data().toString();
    QVERIFY2(stations.contains(u"LINE2-PC1"_s), qPrintable(stations.join(u", "_s)));
    QVERIFY(stations.contains(u"LINE1-PC1"_s));

    // The other station's run opens from the plant.
    QSignalSpy shown(&view, &DeviceViewWidget::plantRunShown);
    const int other = int(stations.indexOf(u"LINE2-PC1"_s));
    list->setCurrentIndex(list->model()->index(other, 0));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QVERIFY(shown.wait(Timeout));
    QCOMPARE(view.shownStationId(), u"LINE2-PC1"_s);
    QCOMPARE(view.runId(), qint64(77));
    if (const QString dir = qEnvironmentVariable("STATION_SCREENSHOT_DIR"); !dir.isEmpty())
        view.grab().save(dir + u"/plant-device.png"_s);
}

void tst_PlantViews::unreachablePlantKeepsTheLocalRecord()
{
    PlantReader reader(u"host=127.0.0.1 port=1 dbname=plant user=nobody connect_timeout=2"_s);
    m_page->setPlantReader(&reader);
    const qint64 localRuns = m_page->model()->totalCount();
    m_page->setSource(RecordsPage::Source::Plant);
    auto *status = m_page->findChild<QLabel *>(u"status"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"cannot be reached"_s), Timeout);
    QVERIFY2(status->text().contains(u"Cannot read the plant"_s), qPrintable(status->text()));
    // Still usable: the switch goes back to this station's record.
    auto *source = m_page->findChild<QComboBox *>(u"source"_s);
    QVERIFY(source->isEnabled());
    m_page->setSource(RecordsPage::Source::Station);
    QCOMPARE(m_page->model()->totalCount(), localRuns);
    QVERIFY(m_page->model()->errorString().isEmpty());
    m_page->setPlantReader(nullptr, u"gone"_s);
}

QTEST_MAIN(tst_PlantViews)
#include "tst_plantviews.moc"
