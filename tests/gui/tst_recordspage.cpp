#include "models/recordsmodel.h"
#include "pagesrecord.h"
#include "services/records/csvexport.h"
#include "services/records/recordquery.h"
#include "tests/helpers/csvparse.h"
#include "ui/rangeselector.h"
#include "ui/recordspage.h"
#include "ui/theme.h"
#include "ui/translation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(PagesRecord::knownDay(), QTime(hour, minute), Qt::UTC);
}

QList<qint64> idsOf(const RecordsModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.run(row).id;
    return ids;
}

} // namespace

class tst_RecordsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rangePresets_data();
    void rangePresets();
    void filters_data();
    void filters();
    void lastOutcomeStaysChecked();
    void columnsFitTheirValues_data();
    void columnsFitTheirValues();
    void keepsColumnTheUserResized();
    void searchWaitsForTyping();
    void openRun();
    void exportRuns_data();
    void exportRuns();
    void exportToUnwritableFolder();
    void exportForCloudConfiguration();

private:
    QTemporaryDir m_dir;
    QString m_record;
    RecordQuery m_query;
    RecordsPage *m_page = nullptr;
};

void tst_RecordsPage::initTestCase()
{
    // English as the station shows it: with its plural forms ("1 run", "8 runs").
    QVERIFY(Station::installTranslations(u"en"_s).has_value());
    QVERIFY(m_dir.isValid());
    m_record = m_dir.filePath(u"record.sqlite"_s);
    const Result<void> written = PagesRecord::writeKnownRecord(m_record);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    QVERIFY(m_query.open(m_record));
    // The station's look (fonts of at least 11 pt): column widths as an operator gets them.
    Theme::apply();
}

void tst_RecordsPage::init()
{
    m_page = new RecordsPage;
    m_page->setTimeZone(QTimeZone::utc());
    // Half past three in the afternoon: the late shift runs, the early one is over.
    m_page->setClock([] { return at(15, 30); });
    m_page->setRecord(&m_query, m_record);
    m_page->resize(1600, 900);
    m_page->show();
}

void tst_RecordsPage::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void tst_RecordsPage::rangePresets_data()
{
    QTest::addColumn<RangeSelector::Preset>("preset");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<QList<qint64>>("ids");

    QTest::newRow("current shift (late)")
        << RangeSelector::Preset::CurrentShift << at(14) << at(22) << QList<qint64> {8, 7};
    QTest::newRow("previous shift (early)") << RangeSelector::Preset::PreviousShift << at(6)
                                            << at(14) << QList<qint64> {6, 5, 4, 3, 2, 1};
    QTest::newRow("early") << RangeSelector::Preset::Early << at(6) << at(14)
                           << QList<qint64> {6, 5, 4, 3, 2, 1};
    QTest::newRow("night that began yesterday")
        << RangeSelector::Preset::Night << at(22).addDays(-1) << at(6) << QList<qint64> {};
    QTest::newRow("today") << RangeSelector::Preset::Today << at(0) << at(0).addDays(1)
                           << QList<qint64> {8, 7, 6, 5, 4, 3, 2, 1};
    QTest::newRow("all") << RangeSelector::Preset::All << QDateTime() << QDateTime()
                         << QList<qint64> {8, 7, 6, 5, 4, 3, 2, 1};
}

void tst_RecordsPage::rangePresets()
{
    QFETCH(RangeSelector::Preset, preset);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(QList<qint64>, ids);

    m_page->rangeSelector()->setPreset(preset);
    QCOMPARE(m_page->rangeSelector()->preset(), preset);
    const TimeRange range = m_page->rangeSelector()->range();
    QCOMPARE(range.from, from);
    QCOMPARE(range.to, to);
    QCOMPARE(idsOf(*m_page->model()), ids);
}

void tst_RecordsPage::filters_data()
{
    QTest::addColumn<QStringList>("outcomes"); // stable names of the ticked boxes; empty: all
    QTest::addColumn<int>("fixture");
    QTest::addColumn<QString>("recipe");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<QString>("count");

    QTest::newRow("whole day") << QStringList() << 0 << QString() << QString()
                               << QList<qint64> {8, 7, 6, 5, 4, 3, 2, 1} << u"8 runs"_s;
    QTest::newRow("failed") << QStringList {u"FAIL"_s} << 0 << QString() << QString()
                            << QList<qint64> {7, 6, 4, 1} << u"4 runs"_s;
    QTest::newRow("failed in fixture 2") << QStringList {u"FAIL"_s} << 2 << QString() << QString()
                                         << QList<qint64> {6, 4} << u"2 runs"_s;
    QTest::newRow("recipe Quick") << QStringList() << 0 << u"Quick"_s << QString()
                                  << QList<qint64> {5} << u"1 run"_s;
    QTest::newRow("serial") << QStringList() << 0 << QString() << u"SN-0006"_s
                            << QList<qint64> {8, 7} << u"2 runs"_s;
    QTest::newRow("aborted serial") << QStringList {u"ABORTED"_s} << 0 << QString() << u"SN-0006"_s
                                    << QList<qint64> {8} << u"1 run"_s;
    QTest::newRow("no match") << QStringList() << 0 << QString() << u"SN-9999"_s << QList<qint64> {}
                              << u"0 runs"_s;
}

void tst_RecordsPage::filters()
{
    QFETCH(QStringList, outcomes);
    QFETCH(int, fixture);
    QFETCH(QString, recipe);
    QFETCH(QString, search);
    QFETCH(QList<qint64>, ids);
    QFETCH(QString, count);

    m_page->rangeSelector()->setPreset(RangeSelector::Preset::Today);
    // Through the controls, as a person does it.
    if (!outcomes.isEmpty()) {
        const auto boxes = m_page->findChildren<QCheckBox *>();
        for (QCheckBox *box : boxes) {
            if (box->objectName().startsWith(u"outcome-"_s)) {
                const bool wanted = outcomes.contains(box->objectName().mid(8));
                if (box->isChecked() != wanted)
                    box->click();
            }
        }
    }
    auto *fixtureBox = m_page->findChild<QComboBox *>(u"fixtureFilter"_s);
    QVERIFY(fixtureBox);
    // The record's fixtures and recipes are offered without any configuration.
    QVERIFY(fixtureBox->findData(1) > 0);
    QVERIFY(fixtureBox->findData(2) > 0);
    fixtureBox->setCurrentIndex(fixtureBox->findData(fixture));
    auto *recipeBox = m_page->findChild<QComboBox *>(u"recipeFilter"_s);
    QVERIFY(recipeBox);
    QVERIFY(recipeBox->findData(u"Quick"_s) > 0);
    recipeBox->setCurrentIndex(recipeBox->findData(recipe));
    auto *searchEdit = m_page->findChild<QLineEdit *>(u"search"_s);
    QVERIFY(searchEdit);
    searchEdit->setText(search);
    QTest::keyClick(searchEdit, Qt::Key_Return);

    QCOMPARE(idsOf(*m_page->model()), ids);
    QCOMPARE(m_page->model()->totalCount(), ids.size());
    QCOMPARE(m_page->findChild<QLabel *>(u"count"_s)->text(), count);
    QCOMPARE(m_page->findChild<QWidget *>(u"export"_s)->isEnabled(), !ids.isEmpty());

    const RunFilter f = m_page->filter();
    QCOMPARE(f.fixture, fixture);
    QCOMPARE(f.recipeName, recipe);
    QCOMPARE(f.search, search);
    QCOMPARE(f.outcomes.size(), outcomes.size());
}

void tst_RecordsPage::columnsFitTheirValues_data()
{
    QTest::addColumn<QSize>("screen");
    // The device ID column is narrowed to fit (then, if need be, failed step and recipe).
    QTest::addColumn<bool>("deviceGivesWay");
    QTest::newRow("1920x1080") << QSize(1920, 1080) << false;
    QTest::newRow("1280x800") << QSize(1280, 800) << true;
}

void tst_RecordsPage::columnsFitTheirValues()
{
    QFETCH(QSize, screen);
    QFETCH(bool, deviceGivesWay);

    m_page->rangeSelector()->setPreset(RangeSelector::Preset::Today);
    m_page->resize(screen);
    QTRY_COMPARE(m_page->size(), screen);
    auto *view = m_page->findChild<QTableView *>(u"runs"_s);
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 8);
    const QFontMetrics metrics(view->font());

    // A scanned label as the line prints them fits its column whole.
    const int label = metrics.horizontalAdvance(u"SN-2026-000123-A"_s);
    const int serial = view->columnWidth(RecordsModel::SerialColumn);
    QVERIFY2(serial >= label, qPrintable(u"serial column %1 < %2"_s.arg(serial).arg(label)));

    // Every value of the other columns (but the cause, which takes what is left) fits too,
    // except, on a small screen, in the columns that give way.
    const QList<int> giveWay
        = {RecordsModel::DeviceColumn, RecordsModel::FailedStepColumn, RecordsModel::RecipeColumn};
    for (int column = 0; column < RecordsModel::CauseColumn; ++column) {
        // The station column shows only with the plant's record.
        if ((deviceGivesWay && giveWay.contains(column)) || view->isColumnHidden(column))
            continue;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QString text = view->model()->index(row, column).data().toString();
            QVERIFY2(metrics.horizontalAdvance(text) < view->columnWidth(column),
                qPrintable(u"column %1: %2"_s.arg(column).arg(text)));
        }
    }
    const int device = view->columnWidth(RecordsModel::DeviceColumn);
    const int shortId = metrics.horizontalAdvance(
        view->model()->index(0, RecordsModel::DeviceColumn).data().toString());
    QCOMPARE(device < shortId, deviceGivesWay);
    // Given way, it still shows the ID's first eight digits.
    QVERIFY(device > metrics.horizontalAdvance(PagesRecord::deviceIdOf(u'A').left(8)));

    // The row reads without scrolling sideways, the cause keeping room for its first words.
    QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
    QVERIFY2(view->columnWidth(RecordsModel::CauseColumn) >= metrics.averageCharWidth() * 15,
        qPrintable(QString::number(view->columnWidth(RecordsModel::CauseColumn))));
}

void tst_RecordsPage::keepsColumnTheUserResized()
{
    auto *view = m_page->findChild<QTableView *>(u"runs"_s);
    QVERIFY(view);
    const int fitted = view->columnWidth(RecordsModel::SerialColumn);
    view->horizontalHeader()->resizeSection(RecordsModel::SerialColumn, fitted + 60);
    m_page->refresh();
    m_page->setSearchText(u"SN-0006"_s);
    m_page->resize(1280, 800);
    QTRY_COMPARE(m_page->width(), 1280);
    QCOMPARE(view->columnWidth(RecordsModel::SerialColumn), fitted + 60);
}

void tst_RecordsPage::lastOutcomeStaysChecked()
{
    m_page->setOutcomeFilter({RunOutcome::Pass});
    auto *pass = m_page->findChild<QCheckBox *>(u"outcome-PASS"_s);
    QVERIFY(pass);
    QVERIFY(pass->isChecked());
    pass->click();
    QVERIFY(pass->isChecked());
    QCOMPARE(m_page->filter().outcomes, QList<RunOutcome> {RunOutcome::Pass});
}

void tst_RecordsPage::searchWaitsForTyping()
{
    m_page->rangeSelector()->setPreset(RangeSelector::Preset::All);
    auto *searchEdit = m_page->findChild<QLineEdit *>(u"search"_s);
    QTest::keyClicks(searchEdit, u"SN-0003"_s);
    // Not a query per key: the table changes once typing pauses.
    QCOMPARE(m_page->model()->rowCount(), 8);
    QTRY_COMPARE(idsOf(*m_page->model()), QList<qint64> {4});
}

void tst_RecordsPage::openRun()
{
    m_page->rangeSelector()->setPreset(RangeSelector::Preset::All);
    QSignalSpy open(m_page, &RecordsPage::openRunRequested);
    auto *view = m_page->findChild<QTableView *>(u"runs"_s);
    QVERIFY(view);
    const QRect cell = view->visualRect(view->model()->index(2, RecordsModel::SerialColumn));
    QVERIFY(cell.isValid());
    // A double click is a press, a release and a double-click event, as the view sees it.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).at(0).toLongLong(), 6);
    view->setCurrentIndex(view->model()->index(4, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.at(1).at(0).toLongLong(), 4);
}

void tst_RecordsPage::exportRuns_data()
{
    QTest::addColumn<QStringList>("outcomes");
    QTest::addColumn<bool>("withSteps");
    QTest::addColumn<QList<qint64>>("ids"); // oldest first, as the file has them

    QTest::newRow("all runs") << QStringList() << false << QList<qint64> {1, 2, 3, 4, 5, 6, 7, 8};
    QTest::newRow("failed runs with steps")
        << QStringList {u"FAIL"_s} << true << QList<qint64> {1, 4, 6, 7};
}

void tst_RecordsPage::exportRuns()
{
    QFETCH(QStringList, outcomes);
    QFETCH(bool, withSteps);
    QFETCH(QList<qint64>, ids);

    m_page->rangeSelector()->setPreset(RangeSelector::Preset::All);
    QList<RunOutcome> wanted;
    for (const QString &name : outcomes)
        wanted << *runOutcomeFromName(name);
    m_page->setOutcomeFilter(wanted);

    const QString path = m_dir.filePath(
        u"export-%1.csv"_s.arg(QString::fromUtf8(QTest::currentDataTag()).replace(u' ', u'-')));
    QSignalSpy finished(m_page, &RecordsPage::exportFinished);
    QVERIFY(m_page->startExport(path, withSteps));
    QVERIFY(m_page->isExporting());
    QVERIFY(!m_page->startExport(path, withSteps)); // one at a time
    QVERIFY(finished.wait(10000));
    QVERIFY(!m_page->isExporting());
    const auto result = finished.at(0).at(0).value<RecordsExportResult>();
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.runs, ids.size());
    QVERIFY(m_page->findChild<QLabel *>(u"status"_s)->text().contains(u"Exported"_s));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = Station::Tests::parseCsv(file.readAll());
    QCOMPARE(rows.size(), ids.size() + 1);
    QCOMPARE(rows.first(), csvHeader(CsvLayout::RunPerRow));
    const qsizetype idColumn = rows.first().indexOf(u"run_id"_s);
    const qsizetype outcomeColumn = rows.first().indexOf(u"outcome"_s);
    const qsizetype deviceColumn = rows.first().indexOf(u"device_id"_s);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QStringList &row = rows.at(i + 1);
        QCOMPARE(row.at(idColumn).toLongLong(), ids.at(i));
        const Result<RunDetail> detail = m_query.runDetail(ids.at(i));
        QVERIFY(detail);
        QCOMPARE(row.at(outcomeColumn), runOutcomeName(detail->run.outcome));
        QCOMPARE(row.at(deviceColumn), detail->run.start.deviceId);
    }

    const QString stepsPath = RecordsPage::stepsFilePath(path);
    QCOMPARE(QFile::exists(stepsPath), withSteps);
    if (withSteps) {
        QFile steps(stepsPath);
        QVERIFY(steps.open(QIODevice::ReadOnly));
        const QList<QStringList> stepRows = Station::Tests::parseCsv(steps.readAll());
        QCOMPARE(stepRows.first(), csvHeader(CsvLayout::StepPerRow));
        qsizetype expected = 0;
        for (qint64 id : ids)
            expected += m_query.runDetail(id)->steps.size();
        QCOMPARE(stepRows.size() - 1, expected);
        QCOMPARE(result.steps, expected);
        const qsizetype lines = stepRows.first().indexOf(u"command_lines"_s);
        bool sawDeploy = false;
        for (const QStringList &row : stepRows)
            sawDeploy = sawDeploy || row.at(lines).contains(u"sideload deploy"_s);
        QVERIFY(sawDeploy);
    }
}

void tst_RecordsPage::exportToUnwritableFolder()
{
    m_page->rangeSelector()->setPreset(RangeSelector::Preset::All);
    const QString path = m_dir.filePath(u"no/such/folder/records.csv"_s);
    QSignalSpy finished(m_page, &RecordsPage::exportFinished);
    QVERIFY(m_page->startExport(path, true));
    QVERIFY(finished.wait(10000));
    const auto result = finished.at(0).at(0).value<RecordsExportResult>();
    QVERIFY(!result.ok);
    QVERIFY(!result.cancelled);
    QVERIFY2(result.message.contains(u"records.csv"_s), qPrintable(result.message));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(m_page->findChild<QLabel *>(u"status"_s)->text(), result.message);
}

void tst_RecordsPage::exportForCloudConfiguration()
{
    // A button and a page key (the keyboard help lists it).
    auto *button = m_page->findChild<QPushButton *>(u"handoff"_s);
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    const QList<QAction *> actions = m_page->actions();
    QVERIFY(std::any_of(actions.begin(), actions.end(), [](const QAction *action) {
        return action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    }));

    // The known record's runs name no product or device group, so the file has the header
    // alone (the rule itself is tst_handoff's).
    m_page->rangeSelector()->setPreset(RangeSelector::Preset::All);
    const QString path = m_dir.filePath(u"handoff.csv"_s);
    QSignalSpy finished(m_page, &RecordsPage::exportFinished);
    QVERIFY(m_page->startHandoffExport(path));
    QVERIFY(m_page->isExporting());
    QVERIFY(!button->isEnabled());
    QVERIFY(!m_page->startExport(m_dir.filePath(u"other.csv"_s), false)); // one at a time
    QVERIFY(finished.wait(10000));
    const auto result = finished.at(0).at(0).value<RecordsExportResult>();
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.devices, 0);
    QCOMPARE(result.files, QStringList {path});
    QCOMPARE(m_page->findChild<QLabel *>(u"status"_s)->text(), result.message);
    QVERIFY(button->isEnabled());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("DeviceId,ProductName,DeviceGroupName\r\n"));
}

QTEST_MAIN(tst_RecordsPage)
#include "tst_recordspage.moc"
