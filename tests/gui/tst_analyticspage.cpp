// The analytics page offscreen: it builds, reads the station's record off the GUI thread and
// shows a Cpk with its rating, keeps the Plant source disabled with the cause when there is no
// plant or it cannot be reached, and switches to a real plant database (a throwaway PostgreSQL,
// tests/helpers/pgserver.h) and back.

#include "models/capabilitymodel.h"
#include "services/plant/plantschema.h"
#include "services/records/recordstore.h"
#include "tests/helpers/pgserver.h"
#include "ui/analyticspage.h"
#include "ui/histogramchart.h"
#include "ui/rangeselector.h"
#include "ui/yieldbarchart.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

// tx_power of six runs (as tst_analytics): mean 15.33, σ 1.033, limits 10..20: Cpk 1.51.
const QList<double> TxPower {14.0, 15.0, 16.0, 15.0, 15.0, 17.0};
const QDate Day(2025, 3, 11);

} // namespace

class tst_AnalyticsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsCpkFromTheRecord();
    void plantDisabledWithoutConnection();
    void plantDisabledWhenUnreachable();
    void switchesToThePlantAndBack();

private:
    // Waits for the page's next report; false on a timeout.
    static bool waitForReport(QSignalSpy &spy);
    QString label(const AnalyticsPage &page, const QString &name) const;

    QTemporaryDir m_dir;
    QString m_record;
};

void tst_AnalyticsPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_dir.isValid());
    m_record = m_dir.filePath(u"record.sqlite"_s);
    {
        RecordStore store;
        QVERIFY(store.open(m_record));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"writer"_s);
    db.setDatabaseName(m_record);
    QVERIFY(db.open());
    QSqlQuery query(db);
    for (int i = 0; i < TxPower.size(); ++i) {
        const int id = i + 1;
        const QString start = u"2025-03-11T06:%1:00.000Z"_s.arg(10 + i * 5);
        QVERIFY2(query.exec(uR"(INSERT INTO runs (id, device_id, fixture, operator, started_utc,
                                    finished_utc, outcome)
                                VALUES (%1, 'D%2', %3, 'anna', '%4', '%4', '%5'))"_s.arg(id)
                                .arg(i < 2 ? 1 : id)
                                .arg(1 + i % 2)
                                .arg(start, i == 0 ? u"FAIL"_s : u"PASS"_s)),
            qPrintable(query.lastError().text()));
        QVERIFY(query.exec(
            u"INSERT INTO steps (id, run_id, seq, name, outcome) VALUES (%1, %1, 1, 'm', 'PASS')"_s
                .arg(id)));
        QVERIFY(query.exec(uR"(INSERT INTO measurements (step_id, seq, name, value, unit, low, high,
                                   pass) VALUES (%1, 1, 'tx_power', %2, 'dBm', 10, 20, 1))"_s
                               .arg(id)
                               .arg(TxPower.at(i))));
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"writer"_s);
}

bool tst_AnalyticsPage::waitForReport(QSignalSpy &spy)
{
    return spy.wait(60'000);
}

QString tst_AnalyticsPage::label(const AnalyticsPage &page, const QString &name) const
{
    const auto *found = page.findChild<QLabel *>(name);
    return found ? found->text() : u"<no label %1>"_s.arg(name);
}

void tst_AnalyticsPage::showsCpkFromTheRecord()
{
    AnalyticsPage page;
    QAbstractItemModelTester tester(
        page.capabilityModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setTimeZone(QTimeZone::utc());
    page.setClock([] { return QDateTime(Day, QTime(20, 0), Qt::UTC); });
    page.rangeSelector()->setPreset(RangeSelector::Preset::All);
    page.setRecordPath(m_record);
    page.resize(1280, 800);
    page.show();
    QSignalSpy shown(&page, &AnalyticsPage::reportShown);
    page.refresh();
    QVERIFY(waitForReport(shown));
    QVERIFY2(label(page, u"status"_s).isEmpty(), qPrintable(label(page, u"status"_s)));

    QCOMPARE(page.capabilityModel()->rowCount(), 1);
    QCOMPARE(page.selectedMeasurement(), 0);
    QCOMPARE(page.cpkText(), u"Cpk 1.51 · capable"_s);
    const QModelIndex cpk = page.capabilityModel()->index(0, CapabilityModel::CpkColumn);
    QCOMPARE(cpk.data().toString(), u"1.51"_s);
    QCOMPARE(page.capabilityModel()->index(0, CapabilityModel::NameColumn).data().toString(),
        u"tx_power (dBm)"_s);
    QVERIFY(std::abs(cpk.data(CapabilityModel::CpkRole).toDouble() - 1.50616) < 1e-4);
    auto *histogram = page.findChild<HistogramChart *>(u"histogram"_s);
    QVERIFY(histogram);
    QVERIFY(!histogram->isEmpty());
    // The axis reaches both limits.
    QVERIFY(histogram->axisMinimum() < 10.0);
    QVERIFY(histogram->axisMaximum() > 20.0);

    // D1 failed, then passed on its retest; five devices in all.
    QCOMPARE(label(page, u"retestDevices"_s), u"1"_s);
    QCOMPARE(label(page, u"retestRecovered"_s), u"1"_s);
    auto *byFixture = page.findChild<YieldBarChart *>(u"yieldByFixture"_s);
    QVERIFY(byFixture);
    QCOMPARE(byFixture->categories().size(), 2);
    auto *byHour = page.findChild<YieldBarChart *>(u"yieldByHour"_s);
    QVERIFY(byHour);
    QCOMPARE(byHour->categories(), QStringList {u"06"_s});
    // The station's source has no yield by station.
    QVERIFY(!page.findChild<YieldBarChart *>(u"yieldByStation"_s)->isVisible());

    // A range without runs: no Cpk, said in words.
    page.rangeSelector()->setCustomRange(QDateTime(Day.addDays(1), QTime(0, 0), Qt::UTC),
        QDateTime(Day.addDays(2), QTime(0, 0), Qt::UTC));
    QVERIFY(waitForReport(shown));
    QCOMPARE(page.capabilityModel()->rowCount(), 0);
    QCOMPARE(page.cpkText(), u"No measurements in this range"_s);
    QVERIFY(histogram->isEmpty());
}

void tst_AnalyticsPage::plantDisabledWithoutConnection()
{
    AnalyticsPage page;
    page.setRecordPath(m_record);
    page.setPlantConnection({});
    QVERIFY(!page.isPlantAvailable());
    auto *plant = page.findChild<QRadioButton *>(u"sourcePlant"_s);
    QVERIFY(plant);
    QVERIFY(!plant->isEnabled());
    QVERIFY(page.plantUnavailableReason().contains(u"[plant]"_s));
    QVERIFY(label(page, u"plantStatus"_s).contains(page.plantUnavailableReason()));
    page.setSource(AnalyticsPage::Source::Plant);
    QCOMPARE(page.source(), AnalyticsPage::Source::Station);
}

void tst_AnalyticsPage::plantDisabledWhenUnreachable()
{
    AnalyticsPage page;
    QSignalSpy checked(&page, &AnalyticsPage::plantAvailabilityChanged);
    // Nothing listens on port 1 of 127.0.0.1: refused at once.
    page.setPlantConnection(u"host=127.0.0.1 port=1 dbname=plant user=quality"_s);
    QVERIFY(checked.wait(60'000));
    QVERIFY(!page.isPlantAvailable());
    QVERIFY2(page.plantUnavailableReason().contains(u"cannot be reached"_s),
        qPrintable(page.plantUnavailableReason()));
    QVERIFY(!page.findChild<QRadioButton *>(u"sourcePlant"_s)->isEnabled());
    // The server's own words are a hover away.
    QVERIFY(!page.findChild<QLabel *>(u"plantStatus"_s)->toolTip().isEmpty());
}

void tst_AnalyticsPage::switchesToThePlantAndBack()
{
    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    TestPg::PgServer server;
    const QString error = server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    {
        Plant::Connection admin;
        QVERIFY(admin.open(server.adminConninfo()));
        QSqlDatabase db = admin.database();
        QVERIFY(Plant::init(db));
        QSqlQuery query(db);
        QStringList statements {u"SET ROLE plant_owner"_s,
            u"INSERT INTO plant.stations (station_id, login_role, line) VALUES "
            "('LINE1-A', 'station_a', 'L1'), ('LINE1-B', 'station_b', 'L1')"_s};
        // Three runs on A, three on B, with the same tx_power values as the record.
        for (int i = 0; i < TxPower.size(); ++i) {
            const QString station = i < 3 ? u"LINE1-A"_s : u"LINE1-B"_s;
            const QString uuid
                = u"00000000-0000-4000-8000-%1"_s.arg(i + 1, 12, 10, QLatin1Char('0'));
            statements << uR"(INSERT INTO plant.runs (station_id, run_uuid, local_run_id, device_id,
                                  fixture, operator, started_utc, outcome, station_utc)
                              VALUES ('%1', '%2', %3, 'P%3', 1, 'ben', '2025-03-11T07:00:00Z',
                                  'PASS', now()))"_s.arg(station, uuid)
                              .arg(i + 1);
            statements << uR"(INSERT INTO plant.steps (station_id, run_uuid, seq, outcome,
                                  station_utc) VALUES ('%1', '%2', 1, 'PASS', now()))"_s.arg(
                station, uuid);
            statements << uR"(INSERT INTO plant.measurements (station_id, run_uuid, step_seq, seq,
                                  name, value, unit, low, high, pass, station_utc)
                              VALUES ('%1', '%2', 1, 1, 'tx_power', %3, 'dBm', 10, 20, true,
                                  now()))"_s.arg(station, uuid)
                              .arg(TxPower.at(i));
        }
        for (const QString &statement : statements)
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
    }

    AnalyticsPage page;
    page.setTimeZone(QTimeZone::utc());
    page.setClock([] { return QDateTime(Day, QTime(20, 0), Qt::UTC); });
    page.rangeSelector()->setPreset(RangeSelector::Preset::All);
    page.setRecordPath(m_record);
    page.resize(1280, 800);
    page.show();
    QSignalSpy checked(&page, &AnalyticsPage::plantAvailabilityChanged);
    QSignalSpy shown(&page, &AnalyticsPage::reportShown);
    page.setPlantConnection(server.adminConninfo());
    QVERIFY(checked.wait(60'000));
    QVERIFY2(page.isPlantAvailable(), qPrintable(page.plantUnavailableReason()));
    QVERIFY(page.findChild<QRadioButton *>(u"sourcePlant"_s)->isEnabled());

    page.findChild<QRadioButton *>(u"sourcePlant"_s)->click();
    QCOMPARE(page.source(), AnalyticsPage::Source::Plant);
    QVERIFY(waitForReport(shown));
    QVERIFY2(label(page, u"status"_s).isEmpty(), qPrintable(label(page, u"status"_s)));
    QCOMPARE(page.cpkText(), u"Cpk 1.51 · capable"_s);
    auto *byStation = page.findChild<YieldBarChart *>(u"yieldByStation"_s);
    QVERIFY(byStation->isVisible());
    QCOMPARE(byStation->categories(), QStringList({u"LINE1-A"_s, u"LINE1-B"_s}));
    QCOMPARE(page.report().stations.size(), 2);

    page.findChild<QRadioButton *>(u"sourceStation"_s)->click();
    QCOMPARE(page.source(), AnalyticsPage::Source::Station);
    QVERIFY(waitForReport(shown));
    QVERIFY(page.report().byStation.isEmpty());
    QVERIFY(!byStation->isVisible());
    QCOMPARE(page.cpkText(), u"Cpk 1.51 · capable"_s);
}

QTEST_MAIN(tst_AnalyticsPage)
#include "tst_analyticspage.moc"
