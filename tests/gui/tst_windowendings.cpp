#include "models/fixturemodel.h"
#include "simulatedline.h"
#include "tests/helpers/benchprobe.h"
#include "tests/helpers/windowrecipe.h"
#include "ui/fixturegridwidget.h"
#include "ui/fixturetileview.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDirIterator>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace Qt::Literals::StringLiterals;
using namespace Station;
using TileState = FixtureModel::TileState;

// How a run in the station window ends, as the record says it: the operator's Stop, the window
// closed, or the station ended by a signal (MainWindow::endBySignal, which the application
// calls for SIGTERM, SIGHUP and SIGINT). Each cause names what happened; only the operator's
// stop says "the operator". And the operator's name: control characters are refused, in the
// controller and so in the window.
class tst_WindowEndings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void runEndsWithItsCause_data();
    void runEndsWithItsCause();
    void operatorNameRefused_data();
    void operatorNameRefused();

private:
    struct Line
    {
        std::unique_ptr<SimulatedLine> sim;
        std::unique_ptr<MainWindow> window;
    };
    static std::unique_ptr<Line> makeLine(SimulatedLine::Options options = {});
    static TileState tileState(const MainWindow &window, int fixture);

    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

namespace {

constexpr int RunTimeout = 60000;

} // namespace

using TestProbe::processesOnBench;
using TestProbe::recordValue;

void tst_WindowEndings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFile::exists(SimulatedLine::recipe(u"sim-assets/manifest.json"_s)),
        "the simulator's assets are missing: build the sim-assets target");
}

void tst_WindowEndings::init()
{
    // The window keeps the operator in QSettings: never the user's own.
    m_settingsDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_settingsDir->isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir->path());
}

void tst_WindowEndings::cleanup()
{
    m_settingsDir.reset();
}

std::unique_ptr<tst_WindowEndings::Line> tst_WindowEndings::makeLine(SimulatedLine::Options options)
{
    auto line = std::make_unique<Line>();
    line->sim = std::make_unique<SimulatedLine>(options);
    if (Result<> opened = line->sim->open(); !opened) {
        qWarning("station not opened: %s", qPrintable(opened.error().message.english()));
        return nullptr;
    }
    MainWindow::Options windowOptions;
    windowOptions.backendText = u"Simulator"_s;
    windowOptions.recipeFolder = SimulatedLine::recipe({});
    windowOptions.configPath = line->sim->directory() + u"/station.ini"_s;
    line->window = std::make_unique<MainWindow>(line->sim->station(), windowOptions);
    line->window->setPermanentConfirmation([](const Recipe &) { return true; });
    line->window->setCloseConfirmation([](int) { return true; });
    line->window->resize(1280, 800);
    line->window->show();
    QApplication::setActiveWindow(line->window.get());
    if (!QTest::qWaitForWindowActive(line->window.get()))
        return nullptr;
    // Presence is polled: wait until the tiles know their devices.
    const MainWindow &window = *line->window;
    const int fixtures = options.fixtures;
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

TileState tst_WindowEndings::tileState(const MainWindow &window, int fixture)
{
    return window.fixtureModel()
        ->indexOfFixture(fixture)
        .data(FixtureModel::TileStateRole)
        .value<TileState>();
}

void tst_WindowEndings::runEndsWithItsCause_data()
{
    QTest::addColumn<QString>("ending");
    QTest::addColumn<QString>("cause");

    QTest::newRow("operator stop") << u"stop"_s << u"The operator stopped the run."_s;
    QTest::newRow("operator stop all") << u"stop all"_s << u"The operator stopped the run."_s;
    QTest::newRow("window closed")
        << u"close"_s << u"The station window was closed during the run."_s;
    QTest::newRow("SIGTERM") << u"SIGTERM"_s
                             << u"The station was ended by signal 15 (SIGTERM) during the run."_s;
    QTest::newRow("SIGHUP") << u"SIGHUP"_s
                            << u"The station was ended by signal 1 (SIGHUP) during the run."_s;
    QTest::newRow("SIGTERM, a dialog open")
        << u"SIGTERM dialog"_s << u"The station was ended by signal 15 (SIGTERM) during the run."_s;
}

void tst_WindowEndings::runEndsWithItsCause()
{
    QFETCH(QString, ending);
    QFETCH(QString, cause);

    // The record is read after the line is gone: it lives in a folder of the test's own.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SimulatedLine::Options options;
    options.fixtures = 2;
    options.directory = dir.path();
    auto line = makeLine(options);
    QVERIFY(line);
    MainWindow &w = *line->window;
    const QString record = line->sim->recordPath();
    const QString bench = line->sim->benchDir();
    // Both sideloads hang until the run is ended.
    for (int fixture : {1, 2})
        QVERIFY(line->sim->setFault(fixture, {u"hang"_s, u"--command"_s, u"sideload deploy"_s}));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    w.startAll();
    for (int fixture : {1, 2}) {
        QTRY_COMPARE_WITH_TIMEOUT(
            w.fixtureModel()->indexOfFixture(fixture).data(FixtureModel::StepIndexRole).toInt(),
            3,
            RunTimeout);
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        recordValue(record, u"SELECT count(*) FROM steps"_s), u"4"_s, RunTimeout);

    if (ending == "stop"_L1) {
        w.stopFixture(1);
        w.stopFixture(2);
    } else if (ending == "stop all"_L1) {
        w.stopAllAction()->trigger();
    } else if (ending == "close"_L1) {
        QVERIFY(w.close());
    } else if (ending == "SIGTERM dialog"_L1) {
        // A modal dialog waits for an answer (here a message box, as the window's questions
        // are): the signal must not wait for it.
        QMessageBox box(QMessageBox::Question,
            u"?"_s,
            u"Start again?"_s,
            QMessageBox::Yes | QMessageBox::No,
            &w);
        QTimer::singleShot(0, &w, [&w] { w.endBySignal(SIGTERM); });
        box.exec();
        QVERIFY(!box.isVisible());
        QVERIFY(!w.isVisible());
    } else {
        w.endBySignal(ending == "SIGTERM"_L1 ? SIGTERM : SIGHUP);
        QVERIFY(!w.isVisible());
    }
    if (ending.startsWith(u"stop"_s)) {
        for (int fixture : {1, 2}) {
            QTRY_COMPARE_WITH_TIMEOUT(tileState(w, fixture), TileState::Aborted, RunTimeout);
            // The tile says why, as the record does.
            QCOMPARE(
                w.fixtureModel()->indexOfFixture(fixture).data(FixtureModel::CauseRole).toString(),
                cause);
        }
        line->sim->station().shutdown();
    } else {
        QVERIFY(!w.isVisible());
    }
    line->window.reset();
    line.reset(); // the UART server ends with the line

    QCOMPARE(
        recordValue(record, u"SELECT group_concat(DISTINCT outcome || ': ' || cause) FROM runs"_s),
        u"ABORTED: "_s + cause);
    QCOMPARE(recordValue(record, u"SELECT count(*) FROM runs WHERE outcome = 'ABORTED'"_s), u"2"_s);
    QCOMPARE(recordValue(record,
                 u"SELECT group_concat(DISTINCT outcome || ': ' || cause) FROM steps"
                 " WHERE seq = 3"_s),
        u"ABORTED: "_s + cause);
    // The abort event says the same.
    QCOMPARE(recordValue(record,
                 u"SELECT group_concat(DISTINCT detail) FROM events WHERE kind = 'run-abort'"_s),
        cause);
    // The hanging tools were ended with their runs.
    QCOMPARE(processesOnBench(bench), 0);
}

void tst_WindowEndings::operatorNameRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");

    QTest::newRow("bell") << u"Eve\u0007"_s << u"U+0007"_s;
    QTest::newRow("escape") << u"Eve\u001b[31m"_s << u"U+001B"_s;
    QTest::newRow("bidirectional override") << u"Eve\u202Eeve"_s << u"U+202E"_s;
    QTest::newRow("DEL") << u"Eve\u007f"_s << u"U+007F"_s;
}

void tst_WindowEndings::operatorNameRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, problem);

    SimulatedLine::Options options;
    options.fixtures = 1;
    options.operatorName = u"Ada"_s;
    auto line = makeLine(options);
    QVERIFY(line);
    StationController &station = line->sim->station();
    const QString record = line->sim->recordPath();

    // The controller refuses it, for every caller (automation's name: people sign in).
    const Result<> refused = station.setOperatorName(name);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.english().contains(problem),
        qPrintable(refused.error().message.english()));
    QCOMPARE(station.operatorName(), u"Ada"_s);

    // A good name is taken and recorded.
    QVERIFY(station.setOperatorName(u"Grace Hopper"_s));
    QCOMPARE(station.operatorName(), u"Grace Hopper"_s);
    station.shutdown();
    QCOMPARE(recordValue(
                 record, u"SELECT group_concat(detail, '|') FROM events WHERE kind = 'operator'"_s),
        u"Grace Hopper"_s);
}

QTEST_MAIN(tst_WindowEndings)

#include "tst_windowendings.moc"
