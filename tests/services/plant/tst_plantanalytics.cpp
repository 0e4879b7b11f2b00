// The quality analytics over the plant database, against a real PostgreSQL 15 that this test
// starts itself (tests/helpers/pgserver.h). The rows are inserted as the plant's owner; the
// report is read by a quality login, as the analytics page does.

#include "services/plant/plantanalytics.h"
#include "tests/helpers/pgserver.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <cmath>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

struct SampleRun
{
    int id;
    QString station;
    QString deviceId;
    int fixture;
    QString operatorName;
    QString start; // on 2025-03-11, UTC
    QString outcome;
};

// The runs of tst_analytics, split over two stations on two lines: LINE1-A has D1 (fail, then
// pass) and D2 (pass); LINE2-B has D3 (fail, fail), D4 (pass) and a run without a device.
const QList<SampleRun> &sampleRuns()
{
    static const QList<SampleRun> runs {
        {1, u"LINE1-A"_s, u"D1"_s, 1, u"anna"_s, u"06:10"_s, u"FAIL"_s},
        {2, u"LINE1-A"_s, u"D1"_s, 1, u"anna"_s, u"06:40"_s, u"PASS"_s},
        {3, u"LINE1-A"_s, u"D2"_s, 2, u"ben"_s, u"06:20"_s, u"PASS"_s},
        {4, u"LINE2-B"_s, u"D3"_s, 2, u"ben"_s, u"07:05"_s, u"FAIL"_s},
        {5, u"LINE2-B"_s, u"D3"_s, 1, u"ben"_s, u"07:30"_s, u"FAIL"_s},
        {6, u"LINE2-B"_s, u"D4"_s, 1, u"anna"_s, u"07:45"_s, u"PASS"_s},
        {7, u"LINE2-B"_s, QString(), 2, u"ben"_s, u"07:50"_s, u"ABORTED"_s},
    };
    return runs;
}

struct SampleMeasurement
{
    int run;
    QString name;
    QString value; // SQL literal: a number, NULL or 'NaN'
    QString unit;
    QString low;
    QString high;
    bool pass;
};

const QList<SampleMeasurement> &sampleMeasurements()
{
    static const QList<SampleMeasurement> list {
        {1, u"tx_power"_s, u"14"_s, u"dBm"_s, u"10"_s, u"20"_s, true},
        {2, u"tx_power"_s, u"15"_s, u"dBm"_s, u"10"_s, u"20"_s, true},
        {3, u"tx_power"_s, u"16"_s, u"dBm"_s, u"10"_s, u"20"_s, true},
        {4, u"tx_power"_s, u"15"_s, u"dBm"_s, u"10"_s, u"20"_s, true},
        {5, u"tx_power"_s, u"15"_s, u"dBm"_s, u"10"_s, u"20"_s, true},
        {6, u"tx_power"_s, u"17"_s, u"dBm"_s, u"10"_s, u"20"_s, true},
        // PostgreSQL keeps a NaN as a number: it must count as not a number.
        {7, u"tx_power"_s, u"'NaN'"_s, u"dBm"_s, u"10"_s, u"20"_s, false},
        {1, u"current"_s, u"80"_s, u"mA"_s, u"NULL"_s, u"100"_s, true},
        {2, u"current"_s, u"90"_s, u"mA"_s, u"NULL"_s, u"100"_s, true},
        {1, u"voltage"_s, u"3.3"_s, u"V"_s, u"3.0"_s, u"3.6"_s, true},
        {2, u"voltage"_s, u"3.3"_s, u"V"_s, u"3.0"_s, u"3.6"_s, true},
    };
    return list;
}

QString uuidOf(int run)
{
    return u"00000000-0000-4000-8000-%1"_s.arg(run, 12, 10, QLatin1Char('0'));
}

const MeasurementStats *find(const AnalyticsReport &report, const QString &name)
{
    for (const MeasurementStats &stats : report.measurements) {
        if (stats.name == name)
            return &stats;
    }
    return nullptr;
}

const GroupYield *group(const QList<GroupYield> &groups, const QString &key)
{
    for (const GroupYield &g : groups) {
        if (g.key == key)
            return &g;
    }
    return nullptr;
}

} // namespace

class tst_PlantAnalytics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void measurements();
    void yieldByStationFixtureOperatorHour();
    void retests();
    void filterByStationAndLine();
    void unreachableAndEmptyDatabase();

private:
    Plant::PlantResult<AnalyticsReport> read(const Plant::AnalyticsFilter &filter = {});

    TestPg::PgServer m_server;
    QString m_quality; // the quality login's conninfo
};

void tst_PlantAnalytics::initTestCase()
{
    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    const QString error = m_server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    {
        Plant::Connection admin;
        QVERIFY(admin.open(m_server.adminConninfo()));
        QSqlQuery query(admin.database());
        QVERIFY2(query.exec(u"CREATE DATABASE analytics"_s), qPrintable(query.lastError().text()));
        QVERIFY(query.exec(u"CREATE DATABASE empty"_s));
    }
    Plant::Connection owner;
    QVERIFY(owner.open(m_server.adminConninfo(u"analytics"_s)));
    QSqlDatabase db = owner.database();
    const Plant::PlantResult<void> created = Plant::init(db);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QStringList statements {
        u"CREATE ROLE analytics_q LOGIN PASSWORD 'secret-q' IN ROLE plant_quality"_s,
        u"SET ROLE plant_owner"_s,
        u"INSERT INTO plant.stations (station_id, login_role, line) VALUES "
        "('LINE1-A', 'station_a', 'L1'), ('LINE2-B', 'station_b', 'L2')"_s,
    };
    for (const SampleRun &run : sampleRuns()) {
        const QString start = u"2025-03-11T"_s + run.start + u":00Z"_s;
        statements << uR"(INSERT INTO plant.runs (station_id, run_uuid, local_run_id, device_id,
                              fixture, fixture_label, operator, started_utc, finished_utc, outcome,
                              station_utc)
                          VALUES ('%1', '%2', %3, '%4', %5, 'F%5', '%6', '%7', '%7', '%8', now()))"_s
                          .arg(run.station, uuidOf(run.id))
                          .arg(run.id)
                          .arg(run.deviceId)
                          .arg(run.fixture)
                          .arg(run.operatorName, start, run.outcome);
        statements << uR"(INSERT INTO plant.steps (station_id, run_uuid, seq, name, outcome,
                              station_utc) VALUES ('%1', '%2', 1, 'measure', 'PASS', now()))"_s.arg(
            run.station, uuidOf(run.id));
    }
    int seq = 0;
    for (const SampleMeasurement &m : sampleMeasurements()) {
        const QString station = sampleRuns().at(m.run - 1).station;
        statements << uR"(INSERT INTO plant.measurements (station_id, run_uuid, step_seq, seq, name,
                              value, unit, low, high, pass, station_utc)
                          VALUES ('%1', '%2', 1, %3, '%4', %5, '%6', %7, %8, %9, now()))"_s
                          .arg(station, uuidOf(m.run))
                          .arg(++seq)
                          .arg(m.name, m.value, m.unit, m.low, m.high)
                          .arg(m.pass ? u"true"_s : u"false"_s);
    }
    QSqlQuery query(db);
    for (const QString &statement : statements)
        QVERIFY2(
            query.exec(statement), qPrintable(query.lastError().text() + u" in "_s + statement));

    const QString passfile = m_server.directory() + u"/pgpass-analytics"_s;
    QFile file(passfile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"127.0.0.1:%1:*:analytics_q:secret-q\n"_s.arg(m_server.port()).toUtf8());
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    m_quality = m_server.tcpConninfo(u"analytics_q"_s, u"analytics"_s, passfile);
}

void tst_PlantAnalytics::cleanupTestCase()
{
    m_server.stop();
}

Plant::PlantResult<AnalyticsReport> tst_PlantAnalytics::read(const Plant::AnalyticsFilter &filter)
{
    Plant::PlantResult<AnalyticsReport> report = Plant::readAnalytics(m_quality, filter);
    if (!report)
        qWarning("%s (%s)", qPrintable(report.error().message), qPrintable(report.error().detail));
    return report;
}

void tst_PlantAnalytics::measurements()
{
    const auto report = read();
    QVERIFY(report);
    const MeasurementStats *tx = find(*report, u"tx_power"_s);
    QVERIFY(tx);
    QCOMPARE(tx->count, 6);
    QCOMPARE(tx->notANumber, 1);
    QCOMPARE(tx->failed, 1);
    QVERIFY(std::abs(tx->mean - 92.0 / 6.0) < 1e-9);
    QVERIFY2(std::abs(tx->sigma - std::sqrt(16.0 / 15.0)) < 1e-9,
        qPrintable(QString::number(tx->sigma, 'g', 17)));
    QVERIFY(tx->capability.cpk);
    QVERIFY(std::abs(*tx->capability.cpk - 1.506160190191773) < 1e-9);
    QCOMPARE(tx->capability.rating, CapabilityRating::Capable);
    QList<int> bins(HistogramBins, 0);
    bins[0] = 1;
    bins[6] = 3;
    bins[13] = 1;
    bins[19] = 1;
    QCOMPARE(tx->bins, bins);

    const MeasurementStats *current = find(*report, u"current"_s);
    QVERIFY(current);
    QVERIFY(current->capability.oneSided);
    QVERIFY(std::abs(*current->capability.cpk - 0.7071067811865475) < 1e-9);
    QVERIFY(!current->limitsVary);

    const MeasurementStats *voltage = find(*report, u"voltage"_s);
    QVERIFY(voltage);
    QCOMPARE(voltage->capability.gap, CapabilityGap::NoSpread);
    QVERIFY(!voltage->capability.cpk);
}

void tst_PlantAnalytics::yieldByStationFixtureOperatorHour()
{
    const auto report = read();
    QVERIFY(report);
    QCOMPARE(report->byStation.size(), 2);
    const GroupYield *a = group(report->byStation, u"LINE1-A"_s);
    QVERIFY(a);
    QCOMPARE(a->label, u"L1"_s);
    QCOMPARE(a->devices, 2);
    QCOMPARE(a->devicesPassed, 2);
    QCOMPARE(a->firstPassYield, 0.5);
    QCOMPARE(a->finalYield, 1.0);
    const GroupYield *b = group(report->byStation, u"LINE2-B"_s);
    QVERIFY(b);
    QCOMPARE(b->devices, 2);
    QCOMPARE(b->runs, 3);
    QCOMPARE(b->devicesFailed, 1);
    QCOMPARE(b->finalYield, 0.5);

    // A plant fixture is a station's fixture.
    QCOMPARE(report->byFixture.size(), 4);
    const GroupYield *b1 = group(report->byFixture, u"LINE2-B/1"_s);
    QVERIFY(b1);
    QCOMPARE(b1->label, u"LINE2-B F1"_s);
    QCOMPARE(b1->devices, 2); // D3 (its second run), D4
    QCOMPARE(b1->firstPassYield, 0.5);

    const GroupYield *ben = group(report->byOperator, u"ben"_s);
    QVERIFY(ben);
    QCOMPARE(ben->devices, 2);
    QCOMPARE(ben->runs, 3);
    QCOMPARE(ben->finalYield, 0.5);

    QCOMPARE(report->byHour.size(), 2);
    QCOMPARE(report->byHour.at(0).hour, QDateTime(QDate(2025, 3, 11), QTime(6, 0), Qt::UTC));
    QCOMPARE(report->byHour.at(0).finalYield, 1.0);
    QCOMPARE(report->byHour.at(1).firstPassYield, 0.5);

    QCOMPARE(report->stations, QStringList({u"LINE1-A"_s, u"LINE2-B"_s}));
    QCOMPARE(report->lines, QStringList({u"L1"_s, u"L2"_s}));
}

void tst_PlantAnalytics::retests()
{
    const auto report = read();
    QVERIFY(report);
    const RetestReport &r = report->retests;
    QCOMPARE(r.devices, 4);
    QCOMPARE(r.runs, 6);
    QCOMPARE(r.devicesRetested, 2);
    QCOMPARE(r.retestRuns, 2);
    QCOMPARE(r.devicesPassedOnRetest, 1);
    const QList<QPair<int, int>> perDevice {{1, 2}, {2, 2}};
    QCOMPARE(r.runsPerDevice, perDevice);
}

void tst_PlantAnalytics::filterByStationAndLine()
{
    Plant::AnalyticsFilter filter;
    filter.stationId = u"LINE2-B"_s;
    auto report = read(filter);
    QVERIFY(report);
    QCOMPARE(report->byStation.size(), 1);
    QCOMPARE(find(*report, u"tx_power"_s)->count, 3);
    QCOMPARE(find(*report, u"tx_power"_s)->notANumber, 1);
    QVERIFY(!find(*report, u"current"_s));

    filter = {};
    filter.line = u"L1"_s;
    report = read(filter);
    QVERIFY(report);
    QCOMPARE(report->byStation.size(), 1);
    QCOMPARE(report->byStation.at(0).key, u"LINE1-A"_s);
    QCOMPARE(report->retests.devicesPassedOnRetest, 1);

    filter = {};
    filter.from = QDateTime(QDate(2025, 3, 11), QTime(7, 0), Qt::UTC);
    filter.to = QDateTime(QDate(2025, 3, 11), QTime(7, 40), Qt::UTC);
    report = read(filter);
    QVERIFY(report);
    QCOMPARE(report->retests.devices, 1); // D3's runs 4 and 5
    QCOMPARE(report->retests.runs, 2);
}

void tst_PlantAnalytics::unreachableAndEmptyDatabase()
{
    const Plant::PlantResult<void> empty = Plant::checkReadable(m_server.adminConninfo(u"empty"_s));
    QVERIFY(!empty);
    QCOMPARE(empty.error().failure, Plant::Failure::NotInitialized);
    QVERIFY(Plant::checkReadable(m_quality));

    // Nothing listens on port 1 of 127.0.0.1: the connection is refused at once.
    const Plant::PlantResult<AnalyticsReport> none = Plant::readAnalytics(
        u"host=127.0.0.1 port=1 dbname=analytics user=nobody connect_timeout=5"_s, {});
    QVERIFY(!none);
    QCOMPARE(none.error().failure, Plant::Failure::Unreachable);
}

QTEST_GUILESS_MAIN(tst_PlantAnalytics)
#include "tst_plantanalytics.moc"
