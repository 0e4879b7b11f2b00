#include "models/fixturemodel.h"
#include "models/recordsmodel.h"
#include "models/startgatemodel.h"
#include "services/recipe/recipeloader.h"
#include "simulatedline.h"
#include "tests/helpers/largerecipe.h"
#include "tests/helpers/wedgescanner.h"
#include "tests/helpers/windowrecipe.h"
#include "ui/analyticspage.h"
#include "ui/deviceviewwidget.h"
#include "ui/elidedlabel.h"
#include "ui/fixturegridwidget.h"
#include "ui/fixturetileview.h"
#include "ui/mainwindow.h"
#include "ui/outputview.h"
#include "ui/rangeselector.h"
#include "ui/recipebadge.h"
#include "ui/recipeloadbar.h"
#include "ui/recorderrorbanner.h"
#include "ui/recordspage.h"
#include "ui/serialscanfilter.h"
#include "ui/settingsdialog.h"
#include "ui/stationstatusbar.h"
#include "ui/yieldpage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <atomic>

using namespace Qt::Literals::StringLiterals;
using namespace Station;
using TileState = FixtureModel::TileState;

namespace {

// The large recipe: 3 sparse image packages of 32 MiB (about 100 MB to read and hash).
constexpr int LargePackages = 3;
constexpr qint64 LargePackageBytes = 32LL * 1024 * 1024;

// A full run of quick.json at time scale 0 takes well under a second per device; the bound is
// for a loaded CI machine running tests in parallel.
constexpr int RunTimeout = 60000;

} // namespace

// The station window over the real StationController on a simulated bench (offscreen): runs
// to PASS, a fault to FAIL with its cause, stop to ABORTED, label scans, the record banner, the
// permanent-recipe confirmation and the keyboard.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void startAllReachesPass();
    void faultShowsFailWithCause();
    void deviceViewFollowsLiveRun();
    void recordsPageOpensRun();
    void stopOneFixtureAborts();
    void scanBindsLabelAndRefusesDuplicate();
    void scanTargetsSelectedFixture();
    void clearedLabelReachesTile();
    void requiredSerialRefusesStart();
    void recordErrorBannerBlocksStart_data();
    void recordErrorBannerBlocksStart();
    void permanentRecipeConfirmedOnceOnLoad();
    void keyboardShortcuts();
    void typingInTextFieldsStartsNothing();
    void scannerReachesLabelFromAnyFocus_data();
    void scannerReachesLabelFromAnyFocus();
    void labelPatternRefusesWrongForm();
    void scanWhileAllRunAdvises();
    void fixtureNumbersAboveNine();
    void failuresNamedAndReachable();
    void shortcutsUniqueAndShown();
    void deviceViewOpensAtTop();
    void statusBarNamesBackendAndRecord();
    void settingsDialogSavesConfiguration();
    void largeRecipeLoadsOffGuiThread();
    void recipeLoadCancelled();
    void fixtureStartedDuringLoadKeepsRecipe();

private:
    struct Line
    {
        std::unique_ptr<SimulatedLine> sim;
        std::unique_ptr<MainWindow> window;
        int permanentAsked = 0;
        bool permanentAnswer = true;
        QStringList againAsked; // why a passed device was asked about
        bool againAnswer = true;
    };
    // A bench of `fixtures` devices, the station and its window, shown and active, with every
    // device detected.
    std::unique_ptr<Line> makeLine(int fixtures, SimulatedLine::Options options = {});
    static QVariant role(const MainWindow &window, int fixture, int role);
    static TileState tileState(const MainWindow &window, int fixture);
    static void clickTile(MainWindow &window, int fixture);

    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(SimulatedLine::recipe(u"quick.json"_s)));
    QVERIFY2(QFile::exists(SimulatedLine::recipe(u"sim-assets/manifest.json"_s)),
        "the simulator's assets are missing: build the sim-assets target");
}

void tst_MainWindow::init()
{
    // The window keeps the last recipe and the operator in QSettings: never the user's own.
    m_settingsDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_settingsDir->isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir->path());
}

void tst_MainWindow::cleanup()
{
    m_settingsDir.reset();
}

std::unique_ptr<tst_MainWindow::Line> tst_MainWindow::makeLine(
    int fixtures, SimulatedLine::Options options)
{
    auto line = std::make_unique<Line>();
    options.fixtures = fixtures;
    line->sim = std::make_unique<SimulatedLine>(options);
    if (Result<> opened = line->sim->open(); !opened) {
        qWarning("station not opened: %s %s",
            qPrintable(opened.error().message),
            qPrintable(opened.error().detail));
        return nullptr;
    }
    MainWindow::Options windowOptions;
    windowOptions.backendText = u"Simulator: %1 devices"_s.arg(fixtures);
    windowOptions.recipeFolder = SimulatedLine::recipe({});
    windowOptions.configPath = line->sim->directory() + u"/station.ini"_s;
    line->window = std::make_unique<MainWindow>(line->sim->station(), windowOptions);
    Line *raw = line.get();
    line->window->setPermanentConfirmation([raw](const Recipe &) {
        ++raw->permanentAsked;
        return raw->permanentAnswer;
    });
    line->window->setCloseConfirmation([](int) { return true; });
    line->window->setAgainConfirmation([raw](const QString &why) {
        raw->againAsked.append(why);
        return raw->againAnswer;
    });
    line->window->resize(1280, 800);
    line->window->show();
    QApplication::setActiveWindow(line->window.get());
    if (!QTest::qWaitForWindowActive(line->window.get()))
        return nullptr;
    line->window->grid()->view()->setFocus();
    // Presence is polled: wait until the tiles know their devices.
    const MainWindow &window = *line->window;
    const bool detected = QTest::qWaitFor(
        [&window, fixtures] {
            for (int f = 1; f <= fixtures; ++f) {
                if (tileState(window, f) != TileState::Ready)
                    return false;
            }
            return true;
        },
        RunTimeout);
    if (!detected) {
        qWarning("the devices were not detected");
        return nullptr;
    }
    return line;
}

QVariant tst_MainWindow::role(const MainWindow &window, int fixture, int role)
{
    return window.fixtureModel()->indexOfFixture(fixture).data(role);
}

TileState tst_MainWindow::tileState(const MainWindow &window, int fixture)
{
    return role(window, fixture, FixtureModel::TileStateRole).value<TileState>();
}

void tst_MainWindow::clickTile(MainWindow &window, int fixture)
{
    FixtureGridWidget *grid = window.grid();
    const QRect button = grid->buttonRect(fixture);
    QVERIFY(!button.isEmpty());
    const QPoint at = grid->view()->viewport()->mapFrom(grid, button.center());
    QTest::mouseClick(grid->view()->viewport(), Qt::LeftButton, {}, at);
}

void tst_MainWindow::startAllReachesPass()
{
    auto line = makeLine(4);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(!w.startAllAction()->isEnabled()); // no recipe yet
    // The controller's start rules reach the tile through its snapshot: no recipe, no Start.
    QCOMPARE(role(w, 1, FixtureModel::CanStartRole).toBool(), false);
    QCOMPARE(w.gateModel()->index(0, 0).data(FixtureModel::CanStartRole).toBool(), false);
    QCOMPARE(role(w, 1, FixtureModel::SnapshotRole).value<FixtureSnapshot>().startBlock,
        StartBlock::NoRecipe);
    QCOMPARE(role(w, 1, FixtureModel::HintRole).toString(), u"No recipe is loaded."_s);

    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QCOMPARE(line->permanentAsked, 0); // quick.json ends Blank
    QCOMPARE(w.recipeBadge()->recipeText(), u"Quick sideload (simulator) 1.0.0"_s);
    QVERIFY(!w.recipeBadge()->isPermanentShown());
    QVERIFY(w.startAllAction()->isEnabled());
    QCOMPARE(QSettings().value(u"recipe/last"_s).toString(),
        QFileInfo(SimulatedLine::recipe(u"quick.json"_s)).absoluteFilePath());

    w.startAllAction()->trigger();
    for (int f = 1; f <= 4; ++f) {
        QTRY_COMPARE_WITH_TIMEOUT(tileState(w, f), TileState::Pass, RunTimeout);
        QCOMPARE(role(w, f, FixtureModel::VerdictRole).value<FixtureModel::Verdict>(),
            FixtureModel::Verdict::Pass);
        QCOMPARE(role(w, f, FixtureModel::StepIndexRole).toInt(), 5);
        QVERIFY(!role(w, f, FixtureModel::DeviceIdRole).toString().isEmpty());
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        w.messageArea()->latestText().contains(u"All runs finished: 4 PASS, 0 FAIL"_s), 10000);

    // Start all again is not new work: the passed devices are left alone, and said so.
    w.startAllAction()->trigger();
    QVERIFY(!line->sim->station().isAnyRunning());
    QVERIFY2(w.messageArea()->latestText().contains(u"Skipped (F1, F2, F3, F4)"_s),
        qPrintable(w.messageArea()->latestText()));
    QVERIFY(line->againAsked.isEmpty());
    // By hand: asked first, naming the earlier run; "no" starts nothing.
    const qint64 run1 = role(w, 1, FixtureModel::SnapshotRole).value<FixtureSnapshot>().runId;
    line->againAnswer = false;
    w.startFixture(1);
    QCOMPARE(line->againAsked.size(), 1);
    QVERIFY2(line->againAsked.first().contains(u"run %1"_s.arg(run1)),
        qPrintable(line->againAsked.first()));
    QVERIFY(!line->sim->station().isRunning(1));
    line->againAnswer = true;
    w.startFixture(1);
    QCOMPARE(line->againAsked.size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(line->sim->station().isRunning(1)
            || role(w, 1, FixtureModel::SnapshotRole).value<FixtureSnapshot>().runId != run1,
        10000);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Pass, RunTimeout);

    // A verdict belongs to its device: unplugged, the tile asks for a device; another device
    // in the fixture makes it ready; neither keeps PASS.
    QVERIFY(line->sim->sphereSim({u"unplug"_s, u"--fixture"_s, u"3"_s}).isSuccess());
    QVERIFY(line->sim->sphereSim({u"swap"_s, u"--fixture"_s, u"4"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 3), TileState::Empty, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 4), TileState::Ready, 10000);
    QCOMPARE(role(w, 3, FixtureModel::HintRole).toString(), u"Insert a device"_s);
    QCOMPARE(role(w, 4, FixtureModel::HintRole).toString(), u"Ready to start"_s);
    QCOMPARE(tileState(w, 2), TileState::Pass);
}

void tst_MainWindow::faultShowsFailWithCause()
{
    auto line = makeLine(3);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(line->sim->setFault(2, {u"insufficient-space"_s}));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    w.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 2), TileState::Fail, RunTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Pass, RunTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 3), TileState::Pass, RunTimeout);
    QCOMPARE(
        role(w, 2, FixtureModel::ErrorCodeRole).value<ErrorCode>(), ErrorCode::InsufficientSpace);
    QCOMPARE(role(w, 2, FixtureModel::FailedStepRole).toString(), u"Install ProductApp"_s);
    const QString cause = role(w, 2, FixtureModel::CauseRole).toString();
    QVERIFY2(!cause.isEmpty(), "a FAIL tile says why");
    // The tile shows the cause as its hint, through the window's gate as well.
    QCOMPARE(w.gateModel()->index(1, 0).data(FixtureModel::HintRole).toString(), cause);
    QTRY_VERIFY_WITH_TIMEOUT(w.messageArea()->latestText().contains(u"1 FAIL"_s), 10000);

    // A double click on the tile opens the device view on that run, at the failing step.
    FixtureGridWidget *grid = w.grid();
    const QPoint tile
        = grid->view()->viewport()->mapFrom(grid, grid->tileRect(2).topLeft()) + QPoint(12, 12);
    QTest::mouseDClick(grid->view()->viewport(), Qt::LeftButton, {}, tile);
    QCOMPARE(w.currentPage(), MainWindow::Page::Device);
    DeviceViewWidget *view = w.deviceView();
    QVERIFY(view->isVisible());
    QCOMPARE(view->runId(), role(w, 2, FixtureModel::SnapshotRole).value<FixtureSnapshot>().runId);
    QCOMPARE(view->selectedStepSeq(), 3);
    const auto *causeText = view->findChild<QLabel *>(u"causeText"_s);
    QVERIFY(causeText);
    QCOMPARE(causeText->text(), cause);
    // The failing command as typed, and the tool's raw output.
    const auto *command = view->findChild<QPlainTextEdit *>(u"commandLine"_s);
    QVERIFY(command);
    QVERIFY2(
        command->toPlainText().contains(u"sideload deploy"_s), qPrintable(command->toPlainText()));
    // Addressed to the device recorded at details, never only to the fixture's port.
    static const QRegularExpression byId(u"--device [0-9a-f]{128}"_s);
    QVERIFY2(byId.match(command->toPlainText()).hasMatch(), qPrintable(command->toPlainText()));
    const auto *out = view->findChild<OutputView *>(u"stdout"_s);
    const auto *err = view->findChild<OutputView *>(u"stderr"_s);
    QVERIFY(out && err);
    const QString raw = out->text() + err->text();
    QVERIFY2(raw.contains(u"space"_s, Qt::CaseInsensitive), qPrintable(raw));

    // Escape goes back to the tiles.
    QTest::keyClick(view, Qt::Key_Escape);
    QCOMPARE(w.currentPage(), MainWindow::Page::Line);
}

void tst_MainWindow::deviceViewFollowsLiveRun()
{
    auto line = makeLine(1);
    QVERIFY(line);
    MainWindow &w = *line->window;
    // The sideload hangs, so the run is caught mid-way.
    QVERIFY(line->sim->setFault(1, {u"hang"_s, u"--command"_s, u"sideload deploy"_s}));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    w.startFixture(1);
    QTRY_COMPARE_WITH_TIMEOUT(role(w, 1, FixtureModel::StepIndexRole).toInt(), 3, RunTimeout);
    w.openDevice(1);
    QCOMPARE(w.currentPage(), MainWindow::Page::Device);
    DeviceViewWidget *view = w.deviceView();
    QCOMPARE(view->liveFixture(), 1);
    w.stopFixture(1);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Aborted, RunTimeout);
    // When the run ends the view shows it from the record.
    QTRY_VERIFY_WITH_TIMEOUT(view->runId() > 0, 10000);
    QCOMPARE(view->runId(), role(w, 1, FixtureModel::SnapshotRole).value<FixtureSnapshot>().runId);
}

void tst_MainWindow::stopOneFixtureAborts()
{
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    // Fixture 1's sideload hangs until stopped; fixture 2 runs through.
    QVERIFY(line->sim->setFault(1, {u"hang"_s, u"--command"_s, u"sideload deploy"_s}));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    w.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 2), TileState::Pass, RunTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(role(w, 1, FixtureModel::StepIndexRole).toInt(), 3, RunTimeout);
    QCOMPARE(tileState(w, 1), TileState::Running);
    QCOMPARE(role(w, 1, FixtureModel::CanStopRole).toBool(), true);
    clickTile(w, 1); // the tile's Stop button
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Aborted, RunTimeout);
    QCOMPARE(tileState(w, 2), TileState::Pass);
}

void tst_MainWindow::recordsPageOpensRun()
{
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(line->sim->setFault(1, {u"insufficient-space"_s}));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    w.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Fail, RunTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 2), TileState::Pass, RunTimeout);

    // The page reads the record when it is shown (all of it: a test may run at a shift change).
    w.recordsPage()->rangeSelector()->setPreset(RangeSelector::Preset::All);
    w.showPage(MainWindow::Page::Records);
    QCOMPARE(w.currentPage(), MainWindow::Page::Records);
    RecordsModel *runs = w.recordsPage()->model();
    QTRY_COMPARE_WITH_TIMEOUT(runs->rowCount(), 2, 10000);
    int failed = -1;
    for (int row = 0; row < runs->rowCount(); ++row) {
        if (runs->index(row, 0).data(RecordsModel::OutcomeRole).value<RunOutcome>()
            == RunOutcome::Fail)
            failed = row;
    }
    QVERIFY(failed >= 0);
    const qint64 runId = runs->index(failed, 0).data(RecordsModel::RunIdRole).toLongLong();
    QCOMPARE(runId, role(w, 1, FixtureModel::SnapshotRole).value<FixtureSnapshot>().runId);

    // A row opens the device view on that run.
    Q_EMIT w.recordsPage()->openRunRequested(runId);
    QCOMPARE(w.currentPage(), MainWindow::Page::Device);
    QCOMPARE(w.deviceView()->runId(), runId);
    QCOMPARE(w.deviceView()->selectedStepSeq(), 3);

    // Runs finishing while the page shows appear without a click.
    w.showPage(MainWindow::Page::Records);
    w.startFixture(2);
    QTRY_COMPARE_WITH_TIMEOUT(runs->rowCount(), 3, RunTimeout);

    // The yield page counts the same runs: two devices, one passed (twice), one failed.
    QTRY_VERIFY_WITH_TIMEOUT(!line->sim->station().isAnyRunning(), RunTimeout);
    w.yieldPage()->rangeSelector()->setPreset(RangeSelector::Preset::All);
    w.showPage(MainWindow::Page::Yield);
    QCOMPARE(w.currentPage(), MainWindow::Page::Yield);
    const YieldReport report = w.yieldPage()->report();
    QCOMPARE(report.runs, 3);
    QCOMPARE(report.runsFailed, 1);
    QCOMPARE(report.devicesStarted, 2);
    QCOMPARE(report.devicesPassed, 1);
    QCOMPARE(report.devicesFailed, 1);

    // Ctrl+5 shows the analytics, read off the GUI thread: the same two devices, one retested.
    w.analyticsPage()->rangeSelector()->setPreset(RangeSelector::Preset::All);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), MainWindow::Page::Analytics);
    QTRY_COMPARE_WITH_TIMEOUT(w.analyticsPage()->report().retests.devices, 2, RunTimeout);
    QCOMPARE(w.analyticsPage()->report().retests.devicesRetested, 1);
    QVERIFY(!w.analyticsPage()->isPlantAvailable());
}

void tst_MainWindow::scanBindsLabelAndRefusesDuplicate()
{
    auto line = makeLine(3);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QWidget *tiles = w.grid()->view();
    QCOMPARE(QApplication::focusWidget(), tiles);
    QCOMPARE(w.scanTarget(), 1);

    // A scanner: the characters in a burst, then Enter, while the tiles have the focus.
    QSignalSpy digits(w.scanFilter(), &SerialScanFilter::digitPressed);
    QTest::keyClicks(tiles, u"SN-24-0001"_s);
    QTest::keyClick(tiles, Qt::Key_Return);
    QCOMPARE(role(w, 1, FixtureModel::SerialNumberRole).toString(), u"SN-24-0001"_s);
    QVERIFY(w.messageArea()->latestText().contains(u"SN-24-0001"_s));
    QCOMPARE(w.scanTarget(), 2); // the next fixture without a label

    // The same label again would go to fixture 2: refused, with the controller's reason.
    QTest::keyClicks(tiles, u"SN-24-0001"_s);
    QTest::keyClick(tiles, Qt::Key_Return);
    QCOMPARE(role(w, 2, FixtureModel::SerialNumberRole).toString(), QString());
    QCOMPARE(w.messageArea()->messages().constFirst().severity, MessageArea::Severity::Error);
    QVERIFY2(w.messageArea()->latestText().contains(u"refused"_s),
        qPrintable(w.messageArea()->latestText()));
    QVERIFY(w.messageArea()->latestText().contains(u"fixture 1"_s));

    // A label typed into the scan field works too.
    w.scanField()->setFocus();
    QTest::keyClicks(w.scanField(), u"SN-24-0002"_s);
    QTest::keyClick(w.scanField(), Qt::Key_Return);
    QCOMPARE(role(w, 2, FixtureModel::SerialNumberRole).toString(), u"SN-24-0002"_s);
    QVERIFY(w.scanField()->text().isEmpty());

    // Scanning never started anything, though the labels hold digits: every key went into a
    // label (nothing is held back any more), none was a fixture key.
    QVERIFY(!w.scanFilter()->isCapturing());
    QCOMPARE(digits.size(), 0);
    for (int f = 1; f <= 3; ++f)
        QCOMPARE(tileState(w, f), TileState::Ready);

    // The label goes into the run's record.
    w.startFixture(1);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Pass, RunTimeout);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(line->sim->recordPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT serial_number FROM runs WHERE fixture = 1"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"SN-24-0001"_s);
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
}

void tst_MainWindow::scanTargetsSelectedFixture()
{
    auto line = makeLine(3);
    QVERIFY(line);
    MainWindow &w = *line->window;
    w.grid()->selectFixture(3);
    QCOMPARE(w.scanTarget(), 3);
    QWidget *tiles = w.grid()->view();
    tiles->setFocus();
    QTest::keyClicks(tiles, u"LBL-3"_s);
    QTest::keyClick(tiles, Qt::Key_Return);
    QCOMPARE(role(w, 3, FixtureModel::SerialNumberRole).toString(), u"LBL-3"_s);
    QCOMPARE(role(w, 1, FixtureModel::SerialNumberRole).toString(), QString());
    // The selection was for that label; the next one goes to the first waiting fixture.
    QCOMPARE(w.grid()->selectedFixture(), 0);
    QCOMPARE(w.scanTarget(), 1);

    // A burst that stops without Enter is handed to the scan field to be checked.
    QTest::keyClicks(tiles, u"LBL-X"_s);
    QTRY_COMPARE(w.scanField()->text(), u"LBL-X"_s);
    QCOMPARE(QApplication::focusWidget(), w.scanField());
    QCOMPARE(role(w, 1, FixtureModel::SerialNumberRole).toString(), QString());
    QTest::keyClick(w.scanField(), Qt::Key_Return);
    QCOMPARE(role(w, 1, FixtureModel::SerialNumberRole).toString(), u"LBL-X"_s);
}

// A label is good for one run, and belongs to the device it was scanned for: when the
// controller clears it (the run ended, or its device left the fixture) the tile stops showing it.
void tst_MainWindow::clearedLabelReachesTile()
{
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    StationController &station = line->sim->station();

    QVERIFY(station.bindSerialNumber(1, u"SN-RUN-1"_s));
    QCOMPARE(role(w, 1, FixtureModel::SerialNumberRole).toString(), u"SN-RUN-1"_s);
    w.startFixture(1);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Pass, RunTimeout);
    QCOMPARE(station.snapshot(1).serialNumber, QString());
    QCOMPARE(role(w, 1, FixtureModel::SerialNumberRole).toString(), QString());
    QCOMPARE(
        role(w, 1, FixtureModel::SnapshotRole).value<FixtureSnapshot>().serialNumber, QString());
    QVERIFY(!role(w, 1, Qt::ToolTipRole).toString().contains(u"SN-RUN-1"_s));

    QSignalSpy released(&station, &StationController::labelReleased);
    QVERIFY(station.bindSerialNumber(2, u"SN-LEFT-2"_s));
    QCOMPARE(role(w, 2, FixtureModel::SerialNumberRole).toString(), u"SN-LEFT-2"_s);
    QVERIFY(line->sim->sphereSim({u"unplug"_s, u"--fixture"_s, u"2"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(released.size(), 1, 10000);
    QCOMPARE(role(w, 2, FixtureModel::SerialNumberRole).toString(), QString());
    QCOMPARE(
        role(w, 2, FixtureModel::SnapshotRole).value<FixtureSnapshot>().serialNumber, QString());
    QCOMPARE(tileState(w, 2), TileState::Empty);
}

void tst_MainWindow::requiredSerialRefusesStart()
{
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QFile file(SimulatedLine::recipe(u"quick.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    json.insert(u"require_serial"_s, true);
    const Result<Recipe> recipe = loadRecipeFromBytes(QJsonDocument(json).toJson(),
        SimulatedLine::recipe({}),
        SimulatedLine::recipe(u"serial.json"_s));
    QVERIFY(recipe);
    line->sim->station().setRecipe(*recipe);
    QCOMPARE(role(w, 1, FixtureModel::SnapshotRole).value<FixtureSnapshot>().startBlock,
        StartBlock::LabelMissing);
    QCOMPARE(w.gateModel()->index(0, 0).data(FixtureModel::HintRole).toString(),
        u"Scan the device's label first."_s);

    w.startAll();
    QCOMPARE(tileState(w, 1), TileState::Ready);
    QCOMPARE(tileState(w, 2), TileState::Ready);
    QVERIFY2(w.messageArea()->latestText().contains(u"label"_s),
        qPrintable(w.messageArea()->latestText()));
    // Both refusals in one line.
    QVERIFY(w.messageArea()->latestText().contains(u"F1, F2"_s));

    QVERIFY(w.bindScannedLabel(u"SER-0001"_s));
    w.startAll();
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Pass, RunTimeout);
    QCOMPARE(tileState(w, 2), TileState::Ready);
}

void tst_MainWindow::recordErrorBannerBlocksStart_data()
{
    QTest::addColumn<bool>("recovers");
    QTest::newRow("stays broken") << false;
    QTest::newRow("recovers") << true;
}

void tst_MainWindow::recordErrorBannerBlocksStart()
{
    QFETCH(bool, recovers);
    // The first run to reach step 3 finds its record read-only (a disk gone read-only is the
    // same to SQLite); with `recovers` it becomes writable again at the second retry.
    auto broken = std::make_shared<std::atomic_bool>(false);
    auto released = std::make_shared<std::atomic_bool>(false);
    auto retries = std::make_shared<std::atomic_int>(0);
    SimulatedLine::Options options;
    options.recordHook
        = [broken, released, retries, recovers](const QString &connection, int seq, int attempt) {
              if (attempt > 0)
                  ++*retries;
              QSqlQuery query(QSqlDatabase::database(connection, false));
              if (seq == 3 && attempt == 0 && !broken->exchange(true))
                  query.exec(u"PRAGMA query_only = ON"_s);
              if (attempt >= 2 && (recovers || released->load()))
                  query.exec(u"PRAGMA query_only = OFF"_s);
          };
    auto line = makeLine(2, options);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QVERIFY(!w.recordBanner()->isShowingError());
    QVERIFY(w.recordBanner()->isHidden());
    w.startFixture(1);
    QTRY_VERIFY_WITH_TIMEOUT(w.recordBanner()->isShowingError(), RunTimeout);
    QVERIFY(w.recordBanner()->isVisible());
    QVERIFY(w.recordBanner()->text().contains(u"cannot be written"_s));
    // Start is disabled everywhere: the action, the tile button, the keys.
    QVERIFY(!w.startAllAction()->isEnabled());
    QCOMPARE(w.gateModel()->index(1, 0).data(FixtureModel::CanStartRole).toBool(), false);
    QVERIFY(w.grid()->buttonRect(2).isEmpty());
    w.startFixture(2);
    QCOMPARE(tileState(w, 2), TileState::Ready);
    QVERIFY(w.messageArea()->latestText().contains(u"record"_s));
    // The key is heard (its refusal is posted) and starts nothing.
    w.messageArea()->clear();
    QTest::keyClick(w.grid()->view(), Qt::Key_2);
    QTRY_VERIFY(w.messageArea()->latestText().contains(u"F2 not started"_s));
    QVERIFY(w.messageArea()->latestText().contains(u"record"_s));
    QCOMPARE(tileState(w, 2), TileState::Ready);
    QVERIFY(!line->sim->station().isRunning(2));

    if (!recovers) {
        // The banner cannot be dismissed; it stays while the record is broken, through
        // retries that keep failing.
        const int seen = retries->load();
        QTRY_VERIFY_WITH_TIMEOUT(retries->load() >= seen + 2, RunTimeout);
        QVERIFY(w.recordBanner()->isShowingError());
        released->store(true);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!w.recordBanner()->isShowingError(), RunTimeout);
    QVERIFY(w.recordBanner()->isHidden());
    QVERIFY(w.startAllAction()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Pass, RunTimeout);
    w.startFixture(2);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 2), TileState::Pass, RunTimeout);
}

void tst_MainWindow::permanentRecipeConfirmedOnceOnLoad()
{
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    StationController &station = line->sim->station();
    QSignalSpy changed(&station, &StationController::recipeChanged);

    // Declined: not loaded, and the window says so.
    line->permanentAnswer = false;
    QVERIFY(!openRecipeAndWait(w, SimulatedLine::recipe(u"full.json"_s)));
    QCOMPARE(line->permanentAsked, 1);
    QVERIFY(!station.hasRecipe());
    QCOMPARE(changed.size(), 0);
    QVERIFY(!w.recipeBadge()->isPermanentShown());
    QVERIFY(w.messageArea()->latestText().contains(u"declined"_s));
    QVERIFY(!w.startAllAction()->isEnabled());

    // A recipe that stays Blank is not asked about; declining full.json keeps it.
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QCOMPARE(line->permanentAsked, 1);
    QVERIFY(!openRecipeAndWait(w, SimulatedLine::recipe(u"full.json"_s)));
    QCOMPARE(line->permanentAsked, 2);
    QCOMPARE(station.recipe().name, u"Quick sideload (simulator)"_s);

    // Accepted: loaded, with the badge; starting devices asks nothing more.
    line->permanentAnswer = true;
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"full.json"_s)));
    QCOMPARE(line->permanentAsked, 3);
    QVERIFY(station.recipe().isPermanent());
    QVERIFY(w.recipeBadge()->isPermanentShown());
    QCOMPARE(w.recipeBadge()->permanentText(), u"PERMANENT: DeviceComplete"_s);
    w.startAll();
    QTRY_VERIFY_WITH_TIMEOUT(station.isRunning(1) || tileState(w, 1) != TileState::Ready, 5000);
    w.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!station.isAnyRunning(), RunTimeout);
    QCOMPARE(line->permanentAsked, 3);
}

void tst_MainWindow::keyboardShortcuts()
{
    auto line = makeLine(3);
    QVERIFY(line);
    MainWindow &w = *line->window;
    StationController &station = line->sim->station();
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QWidget *tiles = w.grid()->view();

    // 2 starts fixture 2 only.
    QTest::keyClick(tiles, Qt::Key_2);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 2), TileState::Pass, RunTimeout);
    QCOMPARE(tileState(w, 1), TileState::Ready);
    QCOMPARE(tileState(w, 3), TileState::Ready);
    // 9 names no fixture: said so, and nothing starts.
    QTest::keyClick(tiles, Qt::Key_9);
    QTRY_VERIFY(w.messageArea()->latestText().contains(u"no fixture 9"_s));
    QVERIFY(!station.isAnyRunning());

    // F5 starts every idle fixture with a device.
    QTest::keyClick(tiles, Qt::Key_F5);
    for (int f = 1; f <= 3; ++f)
        QTRY_COMPARE_WITH_TIMEOUT(tileState(w, f), TileState::Pass, RunTimeout);

    // F5 again is not new work: every device has passed, nothing starts.
    QTest::keyClick(tiles, Qt::Key_F5);
    QTRY_VERIFY(w.messageArea()->latestText().contains(u"Skipped (F1, F2, F3)"_s));
    QVERIFY(!station.isAnyRunning());

    // Shift+F5 stops every run (new devices in fixtures 1 and 3).
    QVERIFY(line->sim->sphereSim({u"swap"_s, u"--fixture"_s, u"1"_s}).isSuccess());
    QVERIFY(line->sim->sphereSim({u"swap"_s, u"--fixture"_s, u"3"_s}).isSuccess());
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Ready, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 3), TileState::Ready, 10000);
    QVERIFY(line->sim->setFault(1, {u"hang"_s, u"--command"_s, u"sideload deploy"_s}));
    QVERIFY(line->sim->setFault(3, {u"hang"_s, u"--command"_s, u"sideload deploy"_s}));
    QTest::keyClick(tiles, Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(role(w, 1, FixtureModel::StepIndexRole).toInt(), 3, RunTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(role(w, 3, FixtureModel::StepIndexRole).toInt(), 3, RunTimeout);
    QCOMPARE(tileState(w, 1), TileState::Running);
    QTest::keyClick(tiles, Qt::Key_F5, Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Aborted, RunTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 3), TileState::Aborted, RunTimeout);
}

void tst_MainWindow::typingInTextFieldsStartsNothing()
{
    auto line = makeLine(3);
    QVERIFY(line);
    MainWindow &w = *line->window;
    StationController &station = line->sim->station();
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));

    // A person types (a key every 120 ms): the keys reach the field.
    constexpr int PersonKeyMs = 120;
    w.showPage(MainWindow::Page::Records);
    auto *search = w.recordsPage()->findChild<QLineEdit *>(u"search"_s);
    QVERIFY(search);
    search->setFocus();
    QTest::keyClicks(search, u"Operator 23"_s, Qt::NoModifier, PersonKeyMs);
    QTRY_COMPARE(search->text(), u"Operator 23"_s);
    QVERIFY(!station.isAnyRunning());
    search->clear();
    w.showPage(MainWindow::Page::Line);

    w.scanField()->setFocus();
    QTest::keyClicks(w.scanField(), u"1"_s);
    // Held for the scanner's gap, then typed into the field: a digit there is text.
    QTRY_COMPARE(w.scanField()->text(), u"1"_s);
    QVERIFY(!station.isAnyRunning());
    for (int f = 1; f <= 3; ++f)
        QCOMPARE(tileState(w, f), TileState::Ready);
    QCOMPARE(w.scanField()->text(), u"1"_s);
}

void tst_MainWindow::statusBarNamesBackendAndRecord()
{
    auto line = makeLine(1);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QCOMPARE(w.stationStatusBar()->backendText(), u"Simulator: 1 devices"_s);
    QVERIFY(w.stationStatusBar()->recordText().contains(line->sim->recordPath()));
    QVERIFY(w.stationStatusBar()->freeBytes() > 0);
    QVERIFY(w.stationStatusBar()->freeSpaceText().contains(u"Free"_s, Qt::CaseInsensitive));
    QVERIFY(w.windowTitle().contains(u"Line 1 / PC-01"_s));
    QVERIFY(!w.shiftLabel()->text().isEmpty());
}

void tst_MainWindow::settingsDialogSavesConfiguration()
{
    auto line = makeLine(1);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(w.settingsAction()->isEnabled());
    w.settingsAction()->trigger();
    // Not blocking: the line keeps running behind it.
    auto *dialog = w.findChild<SettingsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QString ini = line->sim->directory() + u"/station.ini"_s;
    QCOMPARE(dialog->path(), ini);
    StationConfig config = dialog->config();
    config.stationName = u"Line 9 / PC-02"_s;
    dialog->setConfig(config);
    QVERIFY2(dialog->save(), qPrintable(dialog->problems().join(u'\n')));
    QVERIFY(w.windowTitle().contains(u"Line 9 / PC-02"_s));
    QCOMPARE(line->sim->station().stationName(), u"Line 9 / PC-02"_s);
    QVERIFY(w.messageArea()->latestText().contains(u"Settings saved"_s));
    const Result<StationConfig> saved = StationConfig::load(ini);
    QVERIFY(saved);
    QCOMPARE(saved->stationName, u"Line 9 / PC-02"_s);
    dialog->reject();
}

void tst_MainWindow::scannerReachesLabelFromAnyFocus_data()
{
    QTest::addColumn<QString>("focus");
    QTest::addColumn<QString>("label");
    const QString label = u"SPH-24-00001"_s;
    QTest::newRow("tiles") << u"tiles"_s << label;
    QTest::newRow("user button") << u"user"_s << label;
    QTest::newRow("scan field") << u"scan"_s << label;
    QTest::newRow("records search") << u"records search"_s << label;
    QTest::newRow("records fixture filter") << u"records filter"_s << label;
    QTest::newRow("records table") << u"records table"_s << label;
    QTest::newRow("device view steps") << u"device steps"_s << label;
    QTest::newRow("device view output search") << u"device search"_s << label;
    QTest::newRow("settings operator") << u"settings operator"_s << label;
    // Exactly as printed: case, spaces inside, symbols, letters beyond ASCII.
    QTest::newRow("any printable character") << u"tiles"_s << u"sph-24/0001 #Ab_ä+@"_s;
    QTest::newRow("any printable character in the operator field")
        << u"user"_s << u"Lot 7: a/b-C_d"_s;
}

void tst_MainWindow::scannerReachesLabelFromAnyFocus()
{
    QFETCH(QString, focus);
    QFETCH(QString, label);
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    StationController &station = line->sim->station();
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QVERIFY(station.setOperatorName(u"Ada"_s));

    if (focus.startsWith(u"device"_s)) {
        // A run to look at; the label then goes to the other fixture.
        w.startFixture(1);
        QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Pass, RunTimeout);
        w.openDevice(1);
        QCOMPARE(w.currentPage(), MainWindow::Page::Device);
    }
    const int target = w.scanTarget();
    QVERIFY(target > 0);

    QPointer<SettingsDialog> dialog;
    QWidget *widget = nullptr;
    if (focus == "tiles"_L1) {
        widget = w.grid()->view();
    } else if (focus == "user"_L1) {
        widget = w.userButton();
    } else if (focus == "scan"_L1) {
        widget = w.scanField();
    } else if (focus.startsWith(u"records"_s)) {
        w.showPage(MainWindow::Page::Records);
        if (focus == "records search"_L1)
            widget = w.recordsPage()->findChild<QLineEdit *>(u"search"_s);
        else if (focus == "records filter"_L1)
            widget = w.recordsPage()->findChild<QComboBox *>(u"fixtureFilter"_s);
        else
            widget = w.recordsPage()->findChild<QTableView *>(u"runs"_s);
    } else if (focus == "device steps"_L1) {
        widget = w.deviceView()->findChild<QTableView *>(u"steps"_s);
    } else if (focus == "device search"_L1) {
        widget = w.deviceView()
                     ->findChild<OutputView *>(u"stdout"_s)
                     ->findChild<QLineEdit *>(u"search"_s);
    } else if (focus == "settings operator"_L1) {
        w.settingsAction()->trigger();
        dialog = w.findChild<SettingsDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QApplication::setActiveWindow(dialog);
        QTRY_VERIFY(dialog->isActiveWindow());
        widget = dialog->findChild<QLineEdit *>(u"operatorName"_s);
    }
    QVERIFY2(widget, qPrintable(focus));
    widget->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), widget);
    auto *edit = qobject_cast<QLineEdit *>(widget);
    const QString textBefore = edit ? edit->text() : QString();
    auto *combo = qobject_cast<QComboBox *>(widget);
    const int comboBefore = combo ? combo->currentIndex() : -1;
    QSignalSpy digits(w.scanFilter(), &SerialScanFilter::digitPressed);

    scanLikeWedge(label);
    if (QTest::currentTestFailed())
        return;

    // The label, exactly, on the fixture that waited for it.
    QCOMPARE(role(w, target, FixtureModel::SerialNumberRole).toString(), label);
    QVERIFY2(
        w.messageArea()->latestText().contains(label), qPrintable(w.messageArea()->latestText()));
    // Nothing of it anywhere else: not in the field, not the operator, no fixture started.
    if (edit)
        QCOMPARE(edit->text(), textBefore);
    if (combo)
        QCOMPARE(combo->currentIndex(), comboBefore);
    QCOMPARE(station.operatorName(), u"Ada"_s);
    QVERIFY(!w.scanFilter()->isCapturing());
    QCOMPARE(digits.size(), 0);
    QVERIFY(!station.isAnyRunning());
    // Off the Line page (or in a dialog) the status bar says what became of the scan.
    if (w.currentPage() != MainWindow::Page::Line || dialog)
        QVERIFY(w.stationStatusBar()->currentMessage().contains(label));
    if (dialog)
        dialog->reject();
}

void tst_MainWindow::labelPatternRefusesWrongForm()
{
    auto line = makeLine(1);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QFile file(SimulatedLine::recipe(u"quick.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    json.insert(u"label_pattern"_s, u"SPH-[0-9]{2}-[0-9]{5}"_s);
    json.insert(u"label_example"_s, u"SPH-24-00001"_s);
    const Result<Recipe> recipe = loadRecipeFromBytes(QJsonDocument(json).toJson(),
        SimulatedLine::recipe({}),
        SimulatedLine::recipe(u"labels.json"_s));
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().message));
    line->sim->station().setRecipe(*recipe);

    w.grid()->view()->setFocus();
    scanLikeWedge(u"SPH-24-0001"_s);
    QCOMPARE(role(w, 1, FixtureModel::SerialNumberRole).toString(), QString());
    QCOMPARE(w.messageArea()->messages().constFirst().severity, MessageArea::Severity::Error);
    // The message shows the form expected.
    QVERIFY2(w.messageArea()->latestText().contains(u"SPH-24-0001 refused"_s),
        qPrintable(w.messageArea()->latestText()));
    QVERIFY(w.messageArea()->latestText().contains(u"SPH-24-00001"_s));

    scanLikeWedge(u"SPH-24-00001"_s);
    QCOMPARE(role(w, 1, FixtureModel::SerialNumberRole).toString(), u"SPH-24-00001"_s);
}

void tst_MainWindow::scanWhileAllRunAdvises()
{
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    for (int f = 1; f <= 2; ++f)
        QVERIFY(line->sim->setFault(f, {u"hang"_s, u"--command"_s, u"sideload deploy"_s}));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    w.startAll();
    for (int f = 1; f <= 2; ++f)
        QTRY_COMPARE_WITH_TIMEOUT(tileState(w, f), TileState::Running, RunTimeout);

    // Nothing waits for a label: the advice says why, and what works.
    w.grid()->view()->setFocus();
    scanLikeWedge(u"SPH-24-00002"_s);
    QString text = w.messageArea()->latestText();
    QVERIFY2(text.contains(u"every fixture with a device is running (F1, F2)"_s), qPrintable(text));
    QVERIFY(text.contains(u"when a run has ended"_s));

    // The selected tile runs: not "select a tile", but why this one cannot take it.
    w.grid()->selectFixture(2);
    scanLikeWedge(u"SPH-24-00002"_s);
    text = w.messageArea()->latestText();
    QVERIFY2(text.contains(u"F2 is running"_s), qPrintable(text));
    QCOMPARE(role(w, 2, FixtureModel::SerialNumberRole).toString(), QString());
    w.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!line->sim->station().isAnyRunning(), RunTimeout);
}

void tst_MainWindow::fixtureNumbersAboveNine()
{
    auto line = makeLine(12);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QWidget *tiles = w.grid()->view();
    constexpr int PersonKeyMs = 150;

    // 1, then 2: fixture 12 (not 1, not 2).
    QTest::keyClick(tiles, Qt::Key_1, Qt::NoModifier, PersonKeyMs);
    QTRY_COMPARE(w.pendingFixtureNumber(), 1);
    QTest::keyClick(tiles, Qt::Key_2, Qt::NoModifier, PersonKeyMs);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 12), TileState::Pass, RunTimeout);
    QCOMPARE(tileState(w, 1), TileState::Ready);
    QCOMPARE(tileState(w, 2), TileState::Ready);

    // 1 alone starts fixture 1 once no second digit comes.
    QTest::keyClick(tiles, Qt::Key_1, Qt::NoModifier, PersonKeyMs);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Pass, RunTimeout);
    QCOMPARE(w.pendingFixtureNumber(), 0);
    // 7 cannot grow into a fixture number (70 > 12): it starts at once.
    QTest::keyClick(tiles, Qt::Key_7, Qt::NoModifier, PersonKeyMs);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 7), TileState::Pass, RunTimeout);
    QCOMPARE(tileState(w, 10), TileState::Ready);
}

void tst_MainWindow::failuresNamedAndReachable()
{
    auto line = makeLine(64);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QCOMPARE(w.size(), QSize(1280, 800));
    QVERIFY(line->sim->setFault(5, {u"insufficient-space"_s}));
    QVERIFY(line->sim->setFault(60, {u"insufficient-space"_s}));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    w.startFixture(5);
    w.startFixture(60);
    w.startFixture(61);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 60), TileState::Fail, RunTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 5), TileState::Fail, RunTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 61), TileState::Pass, RunTimeout);

    // 64 tiles do not fit 1280x800: fixture 60 is out of sight, yet named.
    QWidget *viewport = w.grid()->view()->viewport();
    QVERIFY(!viewport->rect().contains(w.grid()->tileRect(60)));
    QVERIFY(w.attentionLabel()->isVisible());
    QVERIFY2(w.attentionLabel()->fullText().contains(u"F5, F60"_s),
        qPrintable(w.attentionLabel()->fullText()));
    bool named = false;
    for (const MessageArea::Message &message : w.messageArea()->messages())
        named = named || message.text.startsWith(u"F60 FAIL"_s);
    QVERIFY(named);
    QCOMPARE(w.troubledFixtures(), (QList<int> {5, 60}));

    // F8 goes to the next failure, scrolled into view; again, the next; then round.
    QTest::keyClick(w.grid()->view(), Qt::Key_F8);
    QCOMPARE(w.grid()->selectedFixture(), 5);
    QTest::keyClick(w.grid()->view(), Qt::Key_F8);
    QCOMPARE(w.grid()->selectedFixture(), 60);
    QTRY_VERIFY(viewport->rect().intersects(
        w.grid()->tileRect(60).translated(-viewport->mapTo(w.grid(), QPoint()))));
    QTest::keyClick(w.grid()->view(), Qt::Key_F8);
    QCOMPARE(w.grid()->selectedFixture(), 5);
    QTest::keyClick(w.grid()->view(), Qt::Key_F8, Qt::ShiftModifier);
    QCOMPARE(w.grid()->selectedFixture(), 60);
    // From another page too.
    w.showPage(MainWindow::Page::Records);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8);
    QCOMPARE(w.currentPage(), MainWindow::Page::Line);
}

void tst_MainWindow::shortcutsUniqueAndShown()
{
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    struct Key
    {
        QString owner;
        QWidget *scope = nullptr; // nullptr: the whole window
        QString tip;
    };
    QMultiHash<QKeySequence, Key> keys;
    auto scopeOf = [&w](Qt::ShortcutContext context, QObject *parent) -> QWidget * {
        if (context == Qt::WindowShortcut || context == Qt::ApplicationShortcut)
            return nullptr;
        auto *widget = qobject_cast<QWidget *>(parent);
        return widget ? widget : &w;
    };
    for (QAction *action : w.findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            keys.insert(key,
                {action->text(),
                    scopeOf(action->shortcutContext(), action->parent()),
                    action->toolTip()});
        }
    }
    for (QShortcut *shortcut : w.findChildren<QShortcut *>()) {
        keys.insert(shortcut->key(),
            {shortcut->objectName(), scopeOf(shortcut->context(), shortcut->parent()), {}});
    }
    for (QAbstractButton *button : w.findChildren<QAbstractButton *>()) {
        if (!button->shortcut().isEmpty())
            keys.insert(button->shortcut(), {button->text(), nullptr, button->toolTip()});
    }
    QVERIFY(keys.size() >= 14);
    // Two keys collide when their scopes meet: a window key meets every other, two widget
    // keys meet when one widget holds the other.
    auto meet = [](const QWidget *a, const QWidget *b) {
        return !a || !b || a == b || a->isAncestorOf(b) || b->isAncestorOf(a);
    };
    for (const QKeySequence &key : keys.uniqueKeys()) {
        const QList<Key> same = keys.values(key);
        for (qsizetype i = 0; i < same.size(); ++i) {
            for (qsizetype j = i + 1; j < same.size(); ++j) {
                QVERIFY2(!meet(same.at(i).scope, same.at(j).scope),
                    qPrintable(u"%1: %2 and %3"_s.arg(
                        key.toString(), same.at(i).owner, same.at(j).owner)));
            }
        }
    }
    // The actions that the issue asks keys for.
    QCOMPARE(w.openRecipeAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));
    QVERIFY(!w.settingsAction()->shortcut().isEmpty());
    QVERIFY(!w.stopSelectedAction()->shortcut().isEmpty());
    QVERIFY(!w.backToLineAction()->shortcut().isEmpty());
    // Every key is named in its tooltip and in the keyboard help.
    QStringList help;
    for (const MainWindow::KeyHelp &entry : w.keyboardHelp()) {
        help << entry.keys;
        // Every key says what it does.
        QVERIFY2(!entry.action.isEmpty() && !entry.action.endsWith(u": "_s),
            qPrintable(entry.keys + u": "_s + entry.action));
    }
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        const QString text = it.key().toString(QKeySequence::NativeText);
        QVERIFY2(it.value().tip.contains(text),
            qPrintable(u"%1: tooltip \"%2\" does not name %3"_s.arg(
                it.value().owner, it.value().tip, text)));
        const bool inHelp = std::any_of(help.cbegin(), help.cend(), [&text](const QString &entry) {
            return entry == text || entry.split(u" / "_s).contains(text);
        });
        QVERIFY2(inHelp, qPrintable(u"%1 is not in the keyboard help"_s.arg(text)));
    }
    // The records page's refresh is no longer the window's F5.
    w.showPage(MainWindow::Page::Records);
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(
        line->sim->station().isAnyRunning() || tileState(w, 1) == TileState::Pass, RunTimeout);
    // F1 opens the help.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
    auto *helpDialog = w.findChild<QDialog *>(u"keyboardHelp"_s);
    QVERIFY(helpDialog);
    QTRY_VERIFY(helpDialog->isVisible());
    helpDialog->reject();
    QTRY_VERIFY_WITH_TIMEOUT(!line->sim->station().isAnyRunning(), RunTimeout);
}

void tst_MainWindow::deviceViewOpensAtTop()
{
    auto line = makeLine(1);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(line->sim->setFault(1, {u"insufficient-space"_s}));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    w.startFixture(1);
    QTRY_COMPARE_WITH_TIMEOUT(tileState(w, 1), TileState::Fail, RunTimeout);
    w.openDevice(1);
    auto *area = qobject_cast<QScrollArea *>(w.deviceView()->parentWidget()->parentWidget());
    QVERIFY(area);
    // Scrolled down, back to the line, and open again: at the top, with the cause in view.
    area->verticalScrollBar()->setValue(area->verticalScrollBar()->maximum());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(w.currentPage(), MainWindow::Page::Line);
    w.openDevice(1);
    QCOMPARE(area->verticalScrollBar()->value(), 0);
    const auto *cause = w.deviceView()->findChild<QLabel *>(u"causeText"_s);
    QVERIFY(cause && cause->isVisible());
    const QRect causeRect(cause->mapTo(area->viewport(), QPoint()), cause->size());
    QVERIFY(area->viewport()->rect().intersects(causeRect));
    // Escape from anywhere: a search field of the device view has the focus.
    w.openDevice(1);
    auto *search
        = w.deviceView()->findChild<OutputView *>(u"stdout"_s)->findChild<QLineEdit *>(u"search"_s);
    QVERIFY(search);
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(w.currentPage(), MainWindow::Page::Line);
}

// A recipe whose files take a while to read and hash loads off the GUI thread: the window goes
// on handling events, shows the load's progress and refuses a second load meanwhile; then the
// recipe is set as a quick one is.
void tst_MainWindow::largeRecipeLoadsOffGuiThread()
{
    auto line = makeLine(2);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QTemporaryDir dir;
    const QString large = LargeRecipe::write(dir.path(), LargePackages, LargePackageBytes);
    QVERIFY(!large.isEmpty());

    RecipeLoadBar *bar = w.recipeLoadBar();
    QVERIFY(bar->isHidden());
    QSignalSpy finished(&w, &MainWindow::recipeLoadFinished);
    QList<int> percents;
    int ticksWhileLoading = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (!w.isLoadingRecipe())
            return;
        ++ticksWhileLoading;
        if (percents.isEmpty() || percents.last() != bar->percent())
            percents.append(bar->percent());
    });
    ticker.start();

    QVERIFY(w.openRecipe(large));
    QVERIFY(w.isLoadingRecipe());
    QVERIFY(bar->isVisible());
    QVERIFY(bar->text().contains(u"large.json"_s));
    // A second load is refused while the first runs, and says why; Open recipe… says so before
    // its file dialog.
    QVERIFY(!w.openRecipe(SimulatedLine::recipe(u"quick.json"_s)));
    QVERIFY(w.messageArea()->latestText().contains(u"still loading"_s));
    w.openRecipeAction()->trigger();
    QVERIFY(w.messageArea()->latestText().contains(u"while the recipe large.json is loading"_s));
    QCOMPARE(w.recipeBadge()->recipeText(), u"Quick sideload (simulator) 1.0.0"_s);

    QVERIFY(finished.wait(RunTimeout));
    ticker.stop();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!w.isLoadingRecipe());
    QVERIFY(bar->isHidden());
    QVERIFY2(ticksWhileLoading >= 3, qPrintable(u"%1 ticks"_s.arg(ticksWhileLoading)));
    QVERIFY2(percents.size() >= 2, "the bar showed no progress");
    QVERIFY(std::is_sorted(percents.begin(), percents.end()));

    // Then exactly as a quick recipe: set, remembered, announced.
    const Result<Recipe> direct = loadRecipe(large);
    QVERIFY(direct);
    QCOMPARE(line->sim->station().recipe().sha256, direct->sha256);
    QCOMPARE(line->sim->station().recipe().fileSha256, direct->fileSha256);
    QCOMPARE(w.recipeBadge()->recipeText(), u"Large packages 1.0"_s);
    QCOMPARE(QSettings().value(u"recipe/last"_s).toString(), QFileInfo(large).absoluteFilePath());
    QVERIFY(w.messageArea()->latestText().contains(u"Recipe loaded: Large packages 1.0"_s));
}

// Cancel in the status bar stops the load; the previous recipe stays. Closing the window while
// a recipe loads neither waits for the load nor leaves its thread behind.
void tst_MainWindow::recipeLoadCancelled()
{
    auto line = makeLine(1);
    QVERIFY(line);
    MainWindow &w = *line->window;
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QTemporaryDir dir;
    const QString large = LargeRecipe::write(dir.path(), LargePackages, LargePackageBytes);
    QVERIFY(!large.isEmpty());

    QSignalSpy finished(&w, &MainWindow::recipeLoadFinished);
    QVERIFY(w.openRecipe(large));
    QTRY_VERIFY_WITH_TIMEOUT(w.recipeLoadBar()->text().contains(u".imagepackage"_s), RunTimeout);
    QVERIFY(finished.isEmpty());
    QVERIFY(w.recipeLoadBar()->cancelButton()->isVisible());
    QTest::mouseClick(w.recipeLoadBar()->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(RunTimeout));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(w.messageArea()->latestText().contains(u"cancelled"_s));
    QCOMPARE(line->sim->station().recipe().name, u"Quick sideload (simulator)"_s);
    QVERIFY(w.recipeLoadBar()->isHidden());

    QVERIFY(w.openRecipe(large));
    QVERIFY(w.isLoadingRecipe());
    QVERIFY(w.close());
    line->window.reset();
}

// A fixture started while the recipe loaded: the loaded recipe is not set under its run.
void tst_MainWindow::fixtureStartedDuringLoadKeepsRecipe()
{
    SimulatedLine::Options options;
    options.timeScale = u"0.05"_s; // a run long enough to outlast the load
    auto line = makeLine(1, options);
    QVERIFY(line);
    MainWindow &w = *line->window;
    StationController &station = line->sim->station();
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    QTemporaryDir dir;
    const QString large = LargeRecipe::write(dir.path(), LargePackages, LargePackageBytes);
    QVERIFY(!large.isEmpty());

    QSignalSpy finished(&w, &MainWindow::recipeLoadFinished);
    QVERIFY(w.openRecipe(large));
    w.startFixture(1);
    QVERIFY(station.isRunning(1));
    QVERIFY(finished.wait(RunTimeout));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(station.isRunning(1), "the run ended before the load: make the run longer");
    const QList<MessageArea::Message> &messages = w.messageArea()->messages();
    QVERIFY(std::any_of(messages.begin(), messages.end(), [](const MessageArea::Message &m) {
        return m.text.contains(u"started while it was loading"_s);
    }));
    QCOMPARE(station.recipe().name, u"Quick sideload (simulator)"_s);
    w.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!station.isAnyRunning(), RunTimeout);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
