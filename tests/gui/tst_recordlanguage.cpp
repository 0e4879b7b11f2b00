#include "models/fixturemodel.h"
#include "models/recordsmodel.h"
#include "models/steplistmodel.h"
#include "services/records/csvexport.h"
#include "services/records/recordquery.h"
#include "simulatedline.h"
#include "tests/helpers/csvparse.h"
#include "tests/helpers/oldrecordschema.h"
#include "ui/translation.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

// The record is a plant document in one language (DESIGN.md "Record"): a station whose window
// speaks German writes English causes and remedies with their source and parameters, the
// window's models translate them when they show them, and the CSV for quality holds the English
// and the code. A record of schema 2 (written before the texts were stored language-neutral)
// stays readable and exportable, read-only, with its texts as stored.
class tst_RecordLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void germanWindowWritesEnglish();
    void schema2RecordReadOnly();
};

namespace {

constexpr int RunTimeout = 120000;

// As the catalogue (services/azsphere/errorcatalog.cpp) and the German translation say it.
const QString NoRoom = u"No room left for this application."_s;
const QString NoRoomRemedy = u"Delete old or test applications, then retry."_s;
const QString NoRoomGerman = u"Kein Speicherplatz mehr für diese Anwendung."_s;
const QString NoRoomRemedyGerman
    = u"Alte Anwendungen oder Testanwendungen löschen, dann erneut versuchen."_s;

QList<QVariantList> sqlRows(const QString &path, const QString &sql)
{
    static int count = 0;
    const QString name = u"inspect-%1"_s.arg(++count);
    QList<QVariantList> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql)) {
                while (query.next()) {
                    QVariantList row;
                    for (int i = 0; i < query.record().count(); ++i)
                        row.append(query.value(i));
                    rows.append(row);
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QList<QStringList> exported(const QString &record, CsvLayout layout)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvOptions options;
    options.layout = layout;
    const Result<qint64> rows = exportCsv(record, RunFilter {}, buffer, options);
    if (!rows) {
        qWarning("export failed: %s", qPrintable(rows.error().message.english()));
        return {};
    }
    return Station::Tests::parseCsv(buffer.data());
}

QString cell(const QList<QStringList> &csv, int row, const QString &column)
{
    return csv.value(row).value(csv.value(0).indexOf(column));
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

void tst_RecordLanguage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<Station::FixtureSnapshot>();
    QVERIFY2(QFile::exists(SimulatedLine::recipe(u"sim-assets/manifest.json"_s)),
        "the simulator's assets are missing: build the sim-assets target");
}

void tst_RecordLanguage::cleanupTestCase()
{
    removeTranslations();
}

void tst_RecordLanguage::germanWindowWritesEnglish()
{
    QVERIFY(installTranslations(u"de"_s));
    SimulatedLine::Options options;
    options.fixtures = 2;
    SimulatedLine line(options);
    const Result<> opened = line.open();
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message.english()));
    StationController &station = line.station();
    QVERIFY(line.setFault(2, {u"insufficient-space"_s}));
    QVERIFY(station.loadRecipe(SimulatedLine::recipe(u"quick.json"_s)));
    FixtureModel tiles;
    tiles.resetFixtures(station.snapshots());
    connect(&station, &StationController::fixtureChanged, &tiles, &FixtureModel::updateFixture);
    QSignalSpy finished(&station, &StationController::runFinished);
    // Start all starts the fixtures seen holding a device: wait for the first presence poll.
    QTRY_VERIFY_WITH_TIMEOUT(station.snapshot(1).presence == Presence::Present
            && station.snapshot(2).presence == Presence::Present,
        10000);
    QCOMPARE(station.startAll().started.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, RunTimeout);
    QCOMPARE(station.snapshot(1).verdict, RunOutcome::Pass);
    QCOMPARE(station.snapshot(2).verdict, RunOutcome::Fail);
    QCOMPARE(station.snapshot(2).errorCode, ErrorCode::InsufficientSpace);
    // The live tile speaks the window's language.
    QCOMPARE(tiles.indexOfFixture(2).data(FixtureModel::CauseRole).toString(), NoRoomGerman);
    const QString record = line.recordPath();

    // The record: English in cause/remedy, the source sentence in the *_text columns.
    const QList<QVariantList> run = sqlRows(
        record, u"SELECT id, cause, cause_text, error_code FROM runs WHERE outcome = 'FAIL'"_s);
    QCOMPARE(run.size(), 1);
    const qint64 runId = run.first().at(0).toLongLong();
    QCOMPARE(run.first().at(1).toString(), NoRoom);
    QVERIFY2(run.first().at(2).toString().contains(u"\"s\":\""_s + NoRoom + u'"'),
        qPrintable(run.first().at(2).toString()));
    QCOMPARE(run.first().at(3).toString(), u"InsufficientSpace"_s);
    const QList<QVariantList> step = sqlRows(record,
        u"SELECT cause, remedy, cause_text, remedy_text, error_code FROM steps"
        " WHERE outcome = 'FAIL'"_s);
    QCOMPARE(step.size(), 1);
    QCOMPARE(step.first().at(0).toString(), NoRoom);
    QCOMPARE(step.first().at(1).toString(), NoRoomRemedy);
    QVERIFY(step.first().at(2).toString().contains(NoRoom));
    QVERIFY(step.first().at(3).toString().contains(NoRoomRemedy));
    QCOMPARE(step.first().at(4).toString(), u"InsufficientSpace"_s);
    // No German anywhere in the texts the station wrote: not in causes, remedies, notes or
    // events.
    for (const QString &sql : {u"SELECT cause FROM runs"_s,
             u"SELECT cause || remedy || note FROM steps"_s,
             u"SELECT detail FROM events"_s}) {
        for (const QVariantList &row : sqlRows(record, sql)) {
            const QString text = row.first().toString();
            QVERIFY2(!text.contains(u"Speicher"_s) && !text.contains(u"Prüf"_s)
                    && !text.contains(u'ä') && !text.contains(u'ü') && !text.contains(u'ö'),
                qPrintable(text));
        }
    }

    // The records page and the device view translate.
    RecordQuery query;
    QVERIFY(query.open(record));
    RecordsModel records;
    QAbstractItemModelTester tester(
        &records, QAbstractItemModelTester::FailureReportingMode::QtTest);
    records.setQuery(&query);
    records.setFilter(RunFilter {});
    QCOMPARE(records.rowCount(), 2);
    int failedRow = -1;
    for (int row = 0; row < records.rowCount(); ++row) {
        if (records.run(row).id == runId)
            failedRow = row;
    }
    QVERIFY(failedRow >= 0);
    QCOMPARE(
        records.data(records.index(failedRow, RecordsModel::CauseColumn)).toString(), NoRoomGerman);
    QCOMPARE(records.run(failedRow).cause.english(), NoRoom);

    const Result<RunDetail> detail = query.runDetail(runId);
    QVERIFY(detail);
    QCOMPARE(detail->run.cause.translated(), NoRoomGerman);
    StepListModel steps;
    steps.setSteps(detail->steps);
    const int failedStep = steps.firstFailedRow();
    QVERIFY(failedStep >= 0);
    QCOMPARE(
        steps.data(steps.index(failedStep, StepListModel::CauseColumn)).toString(), NoRoomGerman);
    QCOMPARE(
        steps.data(steps.index(failedStep, StepListModel::CauseColumn), Qt::ToolTipRole).toString(),
        NoRoomGerman + u"\n\n"_s + NoRoomRemedyGerman);
    // The yield page's Pareto names the error in German too.
    const Result<YieldReport> yield = query.yieldReport(RunFilter {});
    QVERIFY(yield);
    QCOMPARE(yield->failuresByError.size(), 1);
    QCOMPARE(yield->failuresByError.first().label.translated(), NoRoomGerman);
    query.close();

    // The CSV for quality: English and the code, whatever the window's language.
    const QList<QStringList> runsCsv = exported(record, CsvLayout::RunPerRow);
    QCOMPARE(runsCsv.size(), 3);
    const int failedCsv = cell(runsCsv, 1, u"outcome"_s) == "FAIL"_L1 ? 1 : 2;
    QCOMPARE(cell(runsCsv, failedCsv, u"outcome"_s), u"FAIL"_s);
    QCOMPARE(cell(runsCsv, failedCsv, u"cause"_s), NoRoom);
    QCOMPARE(cell(runsCsv, failedCsv, u"error_code"_s), u"InsufficientSpace"_s);
    const QList<QStringList> stepsCsv = exported(record, CsvLayout::StepPerRow);
    QVERIFY(stepsCsv.size() > 1);
    int failedSteps = 0;
    for (int row = 1; row < stepsCsv.size(); ++row) {
        if (cell(stepsCsv, row, u"outcome"_s) != "FAIL"_L1)
            continue;
        ++failedSteps;
        QCOMPARE(cell(stepsCsv, row, u"cause"_s), NoRoom);
        QCOMPARE(cell(stepsCsv, row, u"error_code"_s), u"InsufficientSpace"_s);
    }
    QCOMPARE(failedSteps, 1);
    removeTranslations();
}

void tst_RecordLanguage::schema2RecordReadOnly()
{
    // A record as a station before schema 3 left it: its window spoke German, so its texts are
    // German, and there are no *_text columns.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString record = dir.filePath(u"v2.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v2"_s);
        db.setDatabaseName(record);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QStringList statements = TestRecords::schemaV1() + TestRecords::schemaV2Additions();
        statements += QStringList {
            // One failed run, its two steps, a command and a measurement.
            uR"(INSERT INTO runs (id, device_id, fixture, connection_path, recipe_name,
                recipe_version, station, operator, started_utc, finished_utc, outcome,
                failed_step, error_code, cause, backend, manufacturing_state, azsphere_path)
                VALUES (1, 'ab12cd34', 2, '1212', 'Quick', '1.0.0', 'Linie 1', 'Ada',
                '2026-11-24T08:00:00.000Z', '2026-11-24T08:01:00.000Z', 'FAIL',
                'Install ProductApp', 'InsufficientSpace',
                'Kein Speicherplatz mehr für diese Anwendung.', 'simulated', 'Blank',
                '/opt/azurespheresdk/Tools_v2/azsphere'))"_s,
            uR"(INSERT INTO steps (id, run_id, seq, name, type, started_utc, finished_utc,
                outcome, attempts) VALUES (1, 1, 1, 'connect', 'connect',
                '2026-11-24T08:00:00.000Z', '2026-11-24T08:00:01.000Z', 'PASS', 1))"_s,
            uR"(INSERT INTO steps (id, run_id, seq, name, type, started_utc, finished_utc,
                outcome, attempts, error_code, cause, remedy, note) VALUES (2, 1, 2,
                'Install ProductApp', 'sideload', '2026-11-24T08:00:01.000Z',
                '2026-11-24T08:01:00.000Z', 'FAIL', 1, 'InsufficientSpace',
                'Kein Speicherplatz mehr für diese Anwendung.',
                'Alte Anwendungen oder Testanwendungen löschen, dann erneut versuchen.',
                'vertrauenswürdiger Schlüsselspeicher automatisch geladen'))"_s,
            uR"(INSERT INTO commands (step_id, seq, command_line, outcome, exit_code, stderr)
                VALUES (2, 1, 'azsphere device sideload deploy', 'ExitCode', 1,
                'error: Insufficient free space'))"_s,
            uR"(INSERT INTO measurements (step_id, seq, name, value, unit, low, high, pass)
                VALUES (2, 1, 'VCC_3V3', 3.3, 'V', 3.2, 3.4, 1))"_s,
            u"PRAGMA application_id = 1397773140"_s,
            u"PRAGMA user_version = 2"_s,
        };
        for (const QString &statement : statements)
            QVERIFY2(q.exec(statement), qPrintable(statement + u": "_s + q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v2"_s);
    const QByteArray hash = fileHash(record);

    RecordQuery query;
    const Result<void> opened = query.open(record);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message.english()));
    const Result<QList<RunRow>> runs = query.fetchRuns(RunFilter {}, 0, 10);
    QVERIFY(runs);
    QCOMPARE(runs->size(), 1);
    // The texts as stored: shown as they are in any language.
    QCOMPARE(runs->first().cause.english(), u"Kein Speicherplatz mehr für diese Anwendung."_s);
    QVERIFY(!runs->first().cause.isTranslatable());
    const Result<RunDetail> detail = query.runDetail(1);
    QVERIFY(detail);
    QCOMPARE(detail->steps.size(), 2);
    // Before schema 4 every run used azsphere.
    QCOMPARE(detail->run.start.azsphereCli, u"azsphere"_s);
    QCOMPARE(
        detail->steps.at(1).cause.english(), u"Kein Speicherplatz mehr für diese Anwendung."_s);
    QCOMPARE(detail->steps.at(1).remedy.english(),
        u"Alte Anwendungen oder Testanwendungen löschen, dann erneut versuchen."_s);
    QCOMPARE(detail->steps.at(1).note.english(),
        u"vertrauenswürdiger Schlüsselspeicher automatisch geladen"_s);
    QCOMPARE(detail->steps.at(1).commands.size(), 1);
    QCOMPARE(detail->steps.at(1).measurements.size(), 1);
    const Result<YieldReport> yield = query.yieldReport(RunFilter {});
    QVERIFY(yield);
    QCOMPARE(yield->runsFailed, 1);
    QVERIFY(query.device(u"ab12cd34"_s));

    // The models show it (read as it is; an English window shows the German as stored).
    RecordsModel records;
    records.setQuery(&query);
    records.setFilter(RunFilter {});
    QCOMPARE(records.rowCount(), 1);
    QCOMPARE(records.data(records.index(0, RecordsModel::CauseColumn)).toString(),
        u"Kein Speicherplatz mehr für diese Anwendung."_s);
    // Read-only: the connection refuses writes.
    QSqlQuery write(QSqlDatabase::database(query.connectionName(), false));
    QVERIFY(!write.exec(u"DELETE FROM runs"_s));
    write.finish();
    query.close();

    // Exportable in every layout.
    const QList<QStringList> runsCsv = exported(record, CsvLayout::RunPerRow);
    QCOMPARE(runsCsv.size(), 2);
    QCOMPARE(runsCsv.first(), csvHeader(CsvLayout::RunPerRow));
    QCOMPARE(cell(runsCsv, 1, u"cause"_s), u"Kein Speicherplatz mehr für diese Anwendung."_s);
    QCOMPARE(cell(runsCsv, 1, u"error_code"_s), u"InsufficientSpace"_s);
    QCOMPARE(cell(runsCsv, 1, u"azsphere_cli"_s), u"azsphere"_s);
    const QList<QStringList> stepsCsv = exported(record, CsvLayout::StepPerRow);
    QCOMPARE(stepsCsv.size(), 3);
    QCOMPARE(cell(stepsCsv, 2, u"note"_s),
        u"vertrauenswürdiger Schlüsselspeicher automatisch geladen"_s);
    QCOMPARE(exported(record, CsvLayout::CommandPerRow).size(), 2);
    QCOMPARE(exported(record, CsvLayout::MeasurementPerRow).size(), 2);

    // Nothing was written: the file is as it was, still schema 2.
    QCOMPARE(fileHash(record), hash);
    QCOMPARE(sqlRows(record, u"PRAGMA user_version"_s).value(0).value(0).toInt(), 2);
    QCOMPARE(sqlRows(record,
                 u"SELECT count(*) FROM pragma_table_info('runs')"
                 " WHERE name = 'cause_text'"_s)
                 .value(0)
                 .value(0)
                 .toInt(),
        0);
}

QTEST_MAIN(tst_RecordLanguage)

#include "tst_recordlanguage.moc"
