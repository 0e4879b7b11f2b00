// Speed of the records page, yield page and CSV export on a record of 1,000,000 runs (label
// "bench": excluded from the default test run; speed is measured here, never asserted).
#include "services/records/analytics.h"
#include "services/records/csvexport.h"
#include "services/records/recordquery.h"
#include "services/records/recordstore.h"

#include <QBuffer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

constexpr int Runs = 1'000'000;
// Runs start every 30 s from 2024-01-01; runs 400,001-410,000 have ten steps each.
const QDateTime Epoch(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);

QDateTime runStart(qint64 run)
{
    return Epoch.addSecs(run * 30);
}

} // namespace

class tst_RecordBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void countAll();
    void countShift();
    void firstPage();
    void deepOffsetPage();
    void keysetPage();
    void failedFirstPage();
    void searchFragment();
    void searchWholeDeviceId();
    void runDetail();
    void yieldShift();
    void yieldWeek();
    void yieldEverything();
    void analyticsShift();
    void analyticsWeek();
    void analyticsEverything();
    void exportRuns100k();
    void exportSteps100k();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<RecordQuery> m_query;
};

void tst_RecordBench::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"big.sqlite"_s);
    {
        RecordStore store;
        QVERIFY(store.open(m_path));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fill"_s);
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        const QStringList fill {
            u"PRAGMA synchronous = OFF"_s,
            u"BEGIN"_s,
            uR"(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < )"_s
                + QString::number(Runs) + uR"()
                INSERT INTO runs (fixture, fixture_label, connection_path, device_id,
                    serial_number, recipe_name, recipe_version, recipe_sha256, station,
                    operator, app_version, backend, started_utc, finished_utc, outcome,
                    failed_step, error_code, cause)
                SELECT 1 + i % 8, 'Fixture ' || (1 + i % 8), 'ftdi:' || (i % 8),
                    printf('%0128x', i / 2), printf('SN-%08d', i / 2),
                    CASE WHEN i % 3 = 0 THEN 'rf' ELSE 'std' END, '1.0', printf('%064d', 0),
                    'line-1', 'op', '0.1.0', 'simulated',
                    strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || (i * 30) || ' seconds'),
                    strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || (i * 30 + 25) || ' seconds'),
                    CASE WHEN i % 10 = 0 THEN 'FAIL' WHEN i % 97 = 0 THEN 'ABORTED' ELSE 'PASS' END,
                    CASE WHEN i % 10 = 0 THEN 'rf-check' ELSE '' END,
                    CASE WHEN i % 10 = 0 THEN 'RfCheckFailed' ELSE '' END,
                    CASE WHEN i % 10 = 0 THEN 'TX power low' ELSE '' END
                FROM n)"_s,
            uR"(WITH RECURSIVE k(seq) AS (SELECT 1 UNION ALL SELECT seq + 1 FROM k WHERE seq < 10)
                INSERT INTO steps (run_id, seq, name, type, started_utc, finished_utc, outcome,
                                   attempts)
                SELECT r.id, k.seq, 'step ' || k.seq, 'sideload', r.started_utc, r.finished_utc,
                       'PASS', 1
                FROM runs r, k WHERE r.id BETWEEN 400001 AND 410000 ORDER BY r.id, k.seq)"_s,
            uR"(INSERT INTO commands (step_id, seq, command_line, outcome, exit_code, stdout)
                SELECT id, 1, 'azsphere device sideload deploy --image-package a.imagepackage',
                       'Succeeded', 0, 'ok' FROM steps)"_s,
            uR"(INSERT INTO measurements (step_id, seq, name, value, unit, low, high, pass)
                SELECT id, 1, 'txPower', -3.5, 'dBm', -10, 20, 1 FROM steps)"_s,
            u"COMMIT"_s,
            u"ANALYZE"_s,
        };
        for (const QString &sql : fill)
            QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"fill"_s);
    m_query = std::make_unique<RecordQuery>();
    QVERIFY(m_query->open(m_path));
}

void tst_RecordBench::cleanupTestCase()
{
    m_query.reset();
    m_dir.reset();
}

void tst_RecordBench::countAll()
{
    QBENCHMARK {
        auto count = m_query->countRuns(RunFilter {});
        QVERIFY(count);
        QCOMPARE(*count, qint64(Runs));
    }
}

void tst_RecordBench::countShift()
{
    RunFilter filter;
    filter.from = runStart(500'000);
    filter.to = filter.from.addSecs(8 * 3600);
    QBENCHMARK {
        auto count = m_query->countRuns(filter);
        QVERIFY(count);
        QCOMPARE(*count, qint64(960));
    }
}

void tst_RecordBench::firstPage()
{
    QBENCHMARK {
        auto rows = m_query->fetchRuns(RunFilter {}, 0, 100);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 100);
    }
}

void tst_RecordBench::deepOffsetPage()
{
    QBENCHMARK {
        auto rows = m_query->fetchRuns(RunFilter {}, 500'000, 100);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 100);
    }
}

void tst_RecordBench::keysetPage()
{
    const RunKey key {runStart(500'000), 500'000};
    QBENCHMARK {
        auto rows = m_query->fetchRunsAfter(RunFilter {}, key, 100);
        QVERIFY(rows);
        QCOMPARE(rows->first().id, 499'999);
    }
}

void tst_RecordBench::failedFirstPage()
{
    RunFilter filter;
    filter.outcomes = {RunOutcome::Fail, RunOutcome::Aborted};
    QBENCHMARK {
        auto rows = m_query->fetchRuns(filter, 0, 100);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 100);
    }
}

void tst_RecordBench::searchFragment()
{
    RunFilter filter;
    filter.search = u"SN-0012345"_s;
    QBENCHMARK_ONCE {
        auto rows = m_query->fetchRuns(filter, 0, 100);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 20); // SN-00123450 ... SN-00123459, two runs each
    }
}

void tst_RecordBench::searchWholeDeviceId()
{
    RunFilter filter;
    filter.search = u"%1"_s.arg(123'456, 128, 16, QChar(u'0')).toUpper();
    QBENCHMARK {
        auto rows = m_query->fetchRuns(filter, 0, 100);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 2);
    }
}

void tst_RecordBench::runDetail()
{
    QBENCHMARK {
        auto detail = m_query->runDetail(405'000);
        QVERIFY(detail);
        QCOMPARE(detail->steps.size(), 10);
    }
}

void tst_RecordBench::yieldShift()
{
    RunFilter filter;
    filter.from = runStart(500'000);
    filter.to = filter.from.addSecs(8 * 3600);
    QBENCHMARK {
        auto report = m_query->yieldReport(filter);
        QVERIFY(report);
        QCOMPARE(report->runs, 960);
    }
}

void tst_RecordBench::yieldWeek()
{
    RunFilter filter;
    filter.from = runStart(500'000);
    filter.to = filter.from.addDays(7);
    QBENCHMARK {
        auto report = m_query->yieldReport(filter);
        QVERIFY(report);
        QCOMPARE(report->runs, 7 * 2880);
    }
}

void tst_RecordBench::yieldEverything()
{
    QBENCHMARK_ONCE {
        auto report = m_query->yieldReport(RunFilter {});
        QVERIFY(report);
        QCOMPARE(report->runs, Runs);
    }
}

// The analytics page's report (measurements, yield by hour, fixture and operator, retests),
// each read with its own connection as the page does.
void tst_RecordBench::analyticsShift()
{
    RunFilter filter;
    filter.from = runStart(500'000);
    filter.to = filter.from.addSecs(8 * 3600);
    QBENCHMARK {
        auto report = Analytics::readReport(m_path, filter);
        QVERIFY(report);
        QCOMPARE(report->byHour.size(), 9); // the range starts at 40 past the hour
    }
}

void tst_RecordBench::analyticsWeek()
{
    RunFilter filter;
    filter.from = runStart(400'000);
    filter.to = filter.from.addDays(7);
    QBENCHMARK {
        auto report = Analytics::readReport(m_path, filter);
        QVERIFY(report);
        QCOMPARE(report->byHour.size(), 7 * 24 + 1); // from 20 past the hour
        QCOMPARE(report->measurements.size(), 1);
    }
}

void tst_RecordBench::analyticsEverything()
{
    QBENCHMARK_ONCE {
        auto report = Analytics::readReport(m_path, RunFilter {});
        QVERIFY(report);
        QCOMPARE(report->byFixture.size(), 8);
        QCOMPARE(report->measurements.constFirst().count, 100'000);
    }
}

void tst_RecordBench::exportRuns100k()
{
    RunFilter filter;
    filter.from = runStart(600'001);
    filter.to = runStart(700'001);
    QBENCHMARK_ONCE {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        auto rows = exportCsv(m_path, filter, buffer);
        QVERIFY(rows);
        QCOMPARE(*rows, qint64(100'000));
    }
}

void tst_RecordBench::exportSteps100k()
{
    RunFilter filter;
    filter.from = runStart(400'001);
    filter.to = runStart(410'001);
    CsvOptions options;
    options.layout = CsvLayout::StepPerRow;
    QBENCHMARK_ONCE {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        auto rows = exportCsv(m_path, filter, buffer, options);
        QVERIFY(rows);
        QCOMPARE(*rows, qint64(100'000));
    }
}

QTEST_GUILESS_MAIN(tst_RecordBench)

#include "tst_recordbench.moc"
