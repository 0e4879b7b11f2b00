// The quality analytics over the station's record: capability (Cp/Cpk) against hand-computed
// values, the cases without a Cpk, histogram bins, yield by hour, fixture and operator, retests.

#include "services/records/analytics.h"
#include "services/records/recordstore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

struct SampleRun
{
    int id;
    QString deviceId;
    int fixture;
    QString operatorName;
    QString start; // on 2025-03-11, UTC
    QString outcome;
};

// Every figure the tests expect is worked out by hand from these runs (docs/analytics.md):
// D1 fails, then passes on a retest; D2 and D4 pass at once; D3 fails twice on two fixtures;
// run 7 never learned its device.
const QList<SampleRun> &sampleRuns()
{
    static const QList<SampleRun> runs {
        {1, u"D1"_s, 1, u"anna"_s, u"06:10"_s, u"FAIL"_s},
        {2, u"D1"_s, 1, u"anna"_s, u"06:40"_s, u"PASS"_s},
        {3, u"D2"_s, 2, u"ben"_s, u"06:20"_s, u"PASS"_s},
        {4, u"D3"_s, 2, u"ben"_s, u"07:05"_s, u"FAIL"_s},
        {5, u"D3"_s, 1, u"ben"_s, u"07:30"_s, u"FAIL"_s},
        {6, u"D4"_s, 1, u"anna"_s, u"07:45"_s, u"PASS"_s},
        {7, QString(), 2, u"ben"_s, u"07:50"_s, u"ABORTED"_s},
    };
    return runs;
}

struct SampleMeasurement
{
    int run;
    QString name;
    std::optional<double> value;
    QString unit;
    std::optional<double> low;
    std::optional<double> high;
    bool pass;
};

const QList<SampleMeasurement> &sampleMeasurements()
{
    static const QList<SampleMeasurement> list {
        // Two-sided, fixed limits: mean 15.333, σ 1.0328, Cpk 1.5062, Cp 1.6137.
        {1, u"tx_power"_s, 14.0, u"dBm"_s, 10.0, 20.0, true},
        {2, u"tx_power"_s, 15.0, u"dBm"_s, 10.0, 20.0, true},
        {3, u"tx_power"_s, 16.0, u"dBm"_s, 10.0, 20.0, true},
        {4, u"tx_power"_s, 15.0, u"dBm"_s, 10.0, 20.0, true},
        {5, u"tx_power"_s, 15.0, u"dBm"_s, 10.0, 20.0, true},
        {6, u"tx_power"_s, 17.0, u"dBm"_s, 10.0, 20.0, true},
        {7, u"tx_power"_s, std::nullopt, u"dBm"_s, 10.0, 20.0, false},
        // High limit only, and two different ones: the tightest (95) counts.
        {1, u"current"_s, 80.0, u"mA"_s, std::nullopt, 100.0, true},
        {2, u"current"_s, 90.0, u"mA"_s, std::nullopt, 95.0, true},
        // No spread.
        {1, u"voltage"_s, 3.3, u"V"_s, 3.0, 3.6, true},
        {2, u"voltage"_s, 3.3, u"V"_s, 3.0, 3.6, true},
        {3, u"voltage"_s, 3.3, u"V"_s, 3.0, 3.6, true},
        // One value.
        {1, u"temperature"_s, 25.0, u"C"_s, 0.0, 50.0, true},
        // No limits.
        {1, u"rssi"_s, -40.0, u"dBm"_s, std::nullopt, std::nullopt, true},
        {2, u"rssi"_s, -42.0, u"dBm"_s, std::nullopt, std::nullopt, true},
    };
    return list;
}

QVariant optionalValue(std::optional<double> value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
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

class tst_Analytics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void capability_data();
    void capability();
    void cpkAgainstHandComputed();
    void oneSidedAndVaryingLimits();
    void noCpkWithoutSpreadValuesOrLimits();
    void histogramBins();
    void yieldByFixture();
    void yieldByOperator();
    void yieldByHour();
    void retests();
    void rangeFilters();
    void missingRecordIsAnError();

private:
    AnalyticsReport read(const RunFilter &filter = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_Analytics::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"record.sqlite"_s);
    {
        RecordStore store;
        QVERIFY(store.open(m_path));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"writer"_s);
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"BEGIN"_s));
        for (const SampleRun &run : sampleRuns()) {
            query.prepare(uR"(INSERT INTO runs (id, device_id, fixture, fixture_label, operator,
                                  started_utc, finished_utc, outcome)
                              VALUES (?, coalesce(?, ''), ?, ?, ?, ?, ?, ?))"_s);
            const QString start = u"2025-03-11T"_s + run.start + u":00.000Z"_s;
            const QString end = u"2025-03-11T"_s + run.start + u":59.000Z"_s;
            for (const QVariant &value : {QVariant(run.id),
                     QVariant(run.deviceId),
                     QVariant(run.fixture),
                     QVariant(u"F%1"_s.arg(run.fixture)),
                     QVariant(run.operatorName),
                     QVariant(start),
                     QVariant(end),
                     QVariant(run.outcome)})
                query.addBindValue(value);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            query.prepare(u"INSERT INTO steps (id, run_id, seq, name, outcome) "
                          "VALUES (?, ?, 1, 'measure', 'PASS')"_s);
            query.addBindValue(run.id);
            query.addBindValue(run.id);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        int seq = 0;
        for (const SampleMeasurement &m : sampleMeasurements()) {
            query.prepare(uR"(INSERT INTO measurements (step_id, seq, name, value, unit, low, high,
                                  pass) VALUES (?, ?, ?, ?, ?, ?, ?, ?))"_s);
            for (const QVariant &value : {QVariant(m.run),
                     QVariant(++seq),
                     QVariant(m.name),
                     optionalValue(m.value),
                     QVariant(m.unit),
                     optionalValue(m.low),
                     optionalValue(m.high),
                     QVariant(m.pass ? 1 : 0)})
                query.addBindValue(value);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        QVERIFY(query.exec(u"COMMIT"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"writer"_s);
}

AnalyticsReport tst_Analytics::read(const RunFilter &filter)
{
    const Result<AnalyticsReport> report = Analytics::readReport(m_path, filter);
    if (!report) {
        qWarning(
            "%s", qPrintable(report.error().message.english() + u" "_s + report.error().detail));
        return {};
    }
    return *report;
}

void tst_Analytics::capability_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("sigma");
    QTest::addColumn<QVariant>("lsl");
    QTest::addColumn<QVariant>("usl");
    QTest::addColumn<int>("gap");
    QTest::addColumn<double>("cpk");
    QTest::addColumn<int>("rating");

    const QVariant none;
    // Centred at 5 in [2, 8] with σ 0.5: (8 - 5) / 1.5 = 2.
    QTest::newRow("capable") << 10 << 5.0 << 0.5 << QVariant(2.0) << QVariant(8.0)
                             << int(CapabilityGap::None) << 2.0 << int(CapabilityRating::Capable);
    // Off centre: min(8 - 6.8, 6.8 - 2) / 1.5 = 0.8.
    QTest::newRow("not capable") << 10 << 6.8 << 0.5 << QVariant(2.0) << QVariant(8.0)
                                 << int(CapabilityGap::None) << 0.8
                                 << int(CapabilityRating::NotCapable);
    // (8 - 6.2) / 1.5 = 1.2.
    QTest::newRow("marginal") << 10 << 6.2 << 0.5 << QVariant(2.0) << QVariant(8.0)
                              << int(CapabilityGap::None) << 1.2 << int(CapabilityRating::Marginal);
    // Low limit only: (5 - 2) / 1.5 = 2.
    QTest::newRow("low only") << 10 << 5.0 << 0.5 << QVariant(2.0) << none
                              << int(CapabilityGap::None) << 2.0 << int(CapabilityRating::Capable);
    QTest::newRow("sigma zero") << 10 << 5.0 << 0.0 << QVariant(2.0) << QVariant(8.0)
                                << int(CapabilityGap::NoSpread) << 0.0
                                << int(CapabilityRating::Undefined);
    QTest::newRow("one value") << 1 << 5.0 << 0.5 << QVariant(2.0) << QVariant(8.0)
                               << int(CapabilityGap::TooFewValues) << 0.0
                               << int(CapabilityRating::Undefined);
    QTest::newRow("no limits") << 10 << 5.0 << 0.5 << none << none << int(CapabilityGap::NoLimits)
                               << 0.0 << int(CapabilityRating::Undefined);
}

void tst_Analytics::capability()
{
    QFETCH(int, count);
    QFETCH(double, mean);
    QFETCH(double, sigma);
    QFETCH(QVariant, lsl);
    QFETCH(QVariant, usl);
    QFETCH(int, gap);
    QFETCH(double, cpk);
    QFETCH(int, rating);
    const auto limit = [](const QVariant &v) {
        return v.isValid() ? std::optional<double>(v.toDouble()) : std::nullopt;
    };
    const Capability c = Station::capability(count, mean, sigma, limit(lsl), limit(usl));
    QCOMPARE(int(c.gap), gap);
    QCOMPARE(int(c.rating), rating);
    QCOMPARE(c.cpk.has_value(), gap == int(CapabilityGap::None));
    if (c.cpk)
        QVERIFY2(std::abs(*c.cpk - cpk) < 1e-12, qPrintable(QString::number(*c.cpk)));
    QCOMPARE(c.oneSided, c.cpk.has_value() && (!lsl.isValid() || !usl.isValid()));
    QCOMPARE(c.cp.has_value(), c.cpk.has_value() && lsl.isValid() && usl.isValid());
}

void tst_Analytics::cpkAgainstHandComputed()
{
    const AnalyticsReport report = read();
    const MeasurementStats *tx = find(report, u"tx_power"_s);
    QVERIFY(tx);
    QCOMPARE(tx->unit, u"dBm"_s);
    QCOMPARE(tx->count, 6);
    QCOMPARE(tx->notANumber, 1);
    QCOMPARE(tx->failed, 1);
    QCOMPARE(tx->min, 14.0);
    QCOMPARE(tx->max, 17.0);
    QCOMPARE(tx->lsl, std::optional<double>(10.0));
    QCOMPARE(tx->usl, std::optional<double>(20.0));
    QVERIFY(!tx->limitsVary);
    // By hand: mean 92 / 6; Σ(x - mean)² = 16 / 3; σ = sqrt(16 / 15).
    QVERIFY(std::abs(tx->mean - 92.0 / 6.0) < 1e-12);
    QVERIFY(std::abs(tx->sigma - std::sqrt(16.0 / 15.0)) < 1e-12);
    QCOMPARE(tx->capability.gap, CapabilityGap::None);
    QVERIFY(tx->capability.cpk);
    QVERIFY2(std::abs(*tx->capability.cpk - 1.506160190191773) < 1e-9,
        qPrintable(QString::number(*tx->capability.cpk, 'g', 16)));
    QVERIFY(tx->capability.cp);
    QVERIFY(std::abs(*tx->capability.cp - 1.613743060919757) < 1e-9);
    QVERIFY(!tx->capability.oneSided);
    QCOMPARE(tx->capability.rating, CapabilityRating::Capable);
}

void tst_Analytics::oneSidedAndVaryingLimits()
{
    const AnalyticsReport report = read();
    const MeasurementStats *current = find(report, u"current"_s);
    QVERIFY(current);
    QVERIFY(!current->lsl);
    QCOMPARE(current->usl, std::optional<double>(95.0));
    QVERIFY(current->limitsVary);
    QVERIFY(current->capability.oneSided);
    QVERIFY(!current->capability.cp);
    // (95 - 85) / (3 σ), σ = sqrt(50).
    QVERIFY(current->capability.cpk);
    QVERIFY(std::abs(*current->capability.cpk - 0.4714045207910317) < 1e-9);
    QCOMPARE(current->capability.rating, CapabilityRating::NotCapable);
}

void tst_Analytics::noCpkWithoutSpreadValuesOrLimits()
{
    const AnalyticsReport report = read();
    const MeasurementStats *voltage = find(report, u"voltage"_s);
    QVERIFY(voltage);
    QCOMPARE(voltage->count, 3);
    QCOMPARE(voltage->sigma, 0.0);
    QCOMPARE(voltage->capability.gap, CapabilityGap::NoSpread);
    QVERIFY(!voltage->capability.cpk);
    QVERIFY(!voltage->capability.cp);
    QCOMPARE(voltage->capability.rating, CapabilityRating::Undefined);

    const MeasurementStats *temperature = find(report, u"temperature"_s);
    QVERIFY(temperature);
    QCOMPARE(temperature->count, 1);
    QCOMPARE(temperature->capability.gap, CapabilityGap::TooFewValues);
    QVERIFY(!temperature->capability.cpk);

    const MeasurementStats *rssi = find(report, u"rssi"_s);
    QVERIFY(rssi);
    QCOMPARE(rssi->capability.gap, CapabilityGap::NoLimits);
    QVERIFY(!rssi->capability.cpk);
}

void tst_Analytics::histogramBins()
{
    const AnalyticsReport report = read();
    const MeasurementStats *tx = find(report, u"tx_power"_s);
    QVERIFY(tx);
    QCOMPARE(tx->bins.size(), HistogramBins);
    QCOMPARE(tx->binLow, 14.0);
    QVERIFY(std::abs(tx->binWidth - 3.0 / HistogramBins) < 1e-12);
    // 14 -> 0; 15 -> 6 (6.67); 16 -> 13 (13.3); 17, the maximum, in the last bin.
    QList<int> expected(HistogramBins, 0);
    expected[0] = 1;
    expected[6] = 3;
    expected[13] = 1;
    expected[19] = 1;
    QCOMPARE(tx->bins, expected);
    for (double value : {14.0, 15.0, 16.0, 17.0})
        QCOMPARE(tx->bins.at(Analytics::binOf(value, tx->binLow, tx->binWidth)) > 0, true);

    // Equal values: one bin holds all.
    const MeasurementStats *voltage = find(report, u"voltage"_s);
    QVERIFY(voltage);
    QCOMPARE(voltage->binWidth, 0.0);
    QCOMPARE(voltage->bins.at(0), 3);
}

void tst_Analytics::yieldByFixture()
{
    const AnalyticsReport report = read();
    QCOMPARE(report.byFixture.size(), 2);
    const GroupYield *f1 = group(report.byFixture, u"1"_s);
    QVERIFY(f1);
    QCOMPARE(f1->label, u"F1"_s);
    // D1 (fail, pass), D3 (fail), D4 (pass).
    QCOMPARE(f1->devices, 3);
    QCOMPARE(f1->runs, 4);
    QCOMPARE(f1->runsPassed, 2);
    QCOMPARE(f1->devicesPassed, 2);
    QCOMPARE(f1->devicesFailed, 1);
    QCOMPARE(f1->devicesFirstPass, 1);
    QCOMPARE(f1->firstPassYield, 1.0 / 3.0);
    QCOMPARE(f1->finalYield, 2.0 / 3.0);
    // D2 (pass), D3 (fail); the aborted run without a device does not count.
    const GroupYield *f2 = group(report.byFixture, u"2"_s);
    QVERIFY(f2);
    QCOMPARE(f2->devices, 2);
    QCOMPARE(f2->runs, 2);
    QCOMPARE(f2->firstPassYield, 0.5);
    QCOMPARE(f2->finalYield, 0.5);
}

void tst_Analytics::yieldByOperator()
{
    const AnalyticsReport report = read();
    QCOMPARE(report.byOperator.size(), 2);
    const GroupYield *anna = group(report.byOperator, u"anna"_s);
    QVERIFY(anna);
    QCOMPARE(anna->devices, 2); // D1, D4
    QCOMPARE(anna->devicesPassed, 2);
    QCOMPARE(anna->devicesFirstPass, 1);
    QCOMPARE(anna->firstPassYield, 0.5);
    QCOMPARE(anna->finalYield, 1.0);
    const GroupYield *ben = group(report.byOperator, u"ben"_s);
    QVERIFY(ben);
    QCOMPARE(ben->devices, 2); // D2, D3
    QCOMPARE(ben->runs, 3);
    QCOMPARE(ben->devicesPassed, 1);
    QCOMPARE(ben->devicesFailed, 1);
    QCOMPARE(ben->finalYield, 0.5);
}

void tst_Analytics::yieldByHour()
{
    const AnalyticsReport report = read();
    QCOMPARE(report.byHour.size(), 2);
    const GroupYield &six = report.byHour.at(0);
    QCOMPARE(six.hour, QDateTime(QDate(2025, 3, 11), QTime(6, 0), Qt::UTC));
    QCOMPARE(six.devices, 2); // D1 (fail, pass), D2 (pass)
    QCOMPARE(six.devicesPassed, 2);
    QCOMPARE(six.firstPassYield, 0.5);
    QCOMPARE(six.finalYield, 1.0);
    const GroupYield &seven = report.byHour.at(1);
    QCOMPARE(seven.hour, QDateTime(QDate(2025, 3, 11), QTime(7, 0), Qt::UTC));
    QCOMPARE(seven.devices, 2); // D3 (fail, fail), D4 (pass)
    QCOMPARE(seven.devicesFailed, 1);
    QCOMPARE(seven.firstPassYield, 0.5);
    QCOMPARE(seven.finalYield, 0.5);
    QVERIFY(report.byStation.isEmpty());
}

void tst_Analytics::retests()
{
    const RetestReport r = read().retests;
    QCOMPARE(r.devices, 4);
    QCOMPARE(r.runs, 6);
    QCOMPARE(r.devicesRetested, 2);       // D1, D3
    QCOMPARE(r.retestRuns, 2);            // D1's and D3's second runs
    QCOMPARE(r.devicesPassedOnRetest, 1); // D1
    const QList<QPair<int, int>> perDevice {{1, 2}, {2, 2}};
    QCOMPARE(r.runsPerDevice, perDevice);
}

void tst_Analytics::rangeFilters()
{
    RunFilter filter;
    filter.from = QDateTime(QDate(2025, 3, 11), QTime(7, 0), Qt::UTC);
    const AnalyticsReport report = read(filter);
    QCOMPARE(report.byHour.size(), 1);
    const MeasurementStats *tx = find(report, u"tx_power"_s);
    QVERIFY(tx);
    QCOMPARE(tx->count, 3); // runs 4, 5, 6 (and the NaN of run 7)
    QCOMPARE(tx->notANumber, 1);
    QCOMPARE(report.retests.devices, 2);
    QCOMPARE(report.retests.devicesPassedOnRetest, 0);
    filter.from = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    const AnalyticsReport empty = read(filter);
    QVERIFY(empty.measurements.isEmpty());
    QVERIFY(empty.byFixture.isEmpty());
    QCOMPARE(empty.retests.devices, 0);
}

void tst_Analytics::missingRecordIsAnError()
{
    const Result<AnalyticsReport> report
        = Analytics::readReport(m_dir->filePath(u"none.sqlite"_s), {});
    QVERIFY(!report);
    QCOMPARE(report.error().code, ErrorCode::FileMissing);
}

QTEST_GUILESS_MAIN(tst_Analytics)
#include "tst_analytics.moc"
