// stationgallery: the README's screenshots of the station window, taken from the REAL station
// (StationController, fixture workers, record) on a simulated bench whose tools run at
// AZSPHERE_SIM_TIME_SCALE 0.05, so runs are caught mid-way; faults are injected with
// `sphere-sim fault set` like on any bench. Not a test (nothing is asserted); run it by hand:
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/tests/stationgallery docs/screenshots
//       [--check DIR]   also 1280x800 with 4 and with 32 fixtures, into DIR (for checking by eye)
//       [--only NAME]   one of: line8, line32, check4
//       [--language L]  the window in language L (de, zh_CN); file names end in -L
#include "models/fixturemodel.h"
#include "services/base/tr.h"
#include "simulatedline.h"
#include "tests/helpers/windowrecipe.h"
#include "ui/deviceviewwidget.h"
#include "ui/fixturegridwidget.h"
#include "ui/mainwindow.h"
#include "ui/theme.h"
#include "ui/translation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QPixmap>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace Station;
using TileState = FixtureModel::TileState;

namespace {

QString &stagedRoot();
QString recipe(const QString &name);

const QSize FullHd(1920, 1080);
const QSize Small(1280, 800);

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

// Runs the event loop for `ms` milliseconds (the station's signals arrive meanwhile).
void pump(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        pump(25);
    }
    return true;
}

// "-de" with --language de: every file name carries the language.
QString &languageSuffix()
{
    static QString suffix;
    return suffix;
}

bool save(QWidget &window, const QString &pathWithoutLanguage)
{
    QString path = pathWithoutLanguage;
    if (!languageSuffix().isEmpty())
        path.insert(path.size() - 4, languageSuffix()); // before ".png"
    pump(150); // let pending paints and the tiles' clocks settle
    const QPixmap shot = window.grab();
    if (!shot.save(path)) {
        say(u"cannot write %1"_s.arg(path));
        return false;
    }
    say(u"wrote %1 (%2x%3)"_s.arg(path).arg(shot.width()).arg(shot.height()));
    return true;
}

// One station window on a bench of its own.
struct Bench
{
    std::unique_ptr<SimulatedLine> line;
    std::unique_ptr<MainWindow> window;

    bool open(int fixtures, const QString &directory, const QSize &size)
    {
        SimulatedLine::Options options;
        options.fixtures = fixtures;
        options.timeScale = u"0.05"_s;
        options.directory = directory;
        options.stationName = u"Line 3 · PC-07"_s;
        options.operatorName = u"M. Keller"_s;
        options.presenceInterval = std::chrono::milliseconds(500);
        options.binDirectory = stagedRoot() + u"/bin"_s;
        QDir(directory).removeRecursively();
        line = std::make_unique<SimulatedLine>(options);
        if (Result<> opened = line->open(); !opened) {
            say(u"station not opened: %1 %2"_s.arg(opened.error().message, opened.error().detail));
            return false;
        }
        MainWindow::Options windowOptions;
        // As the station's set-up says it (app/stationsetup.cpp), in the window's language.
        windowOptions.backendText
            = Tr::tr("Back end: simulated (azsphere %1, bench %2)")
                  .arg(stagedRoot() + u"/sim-bin/azsphere"_s, line->benchDir())
                  .translated();
        windowOptions.recipeFolder = recipe({});
        window = std::make_unique<MainWindow>(line->station(), windowOptions);
        // The one confirmation a permanent recipe asks for is answered as an operator would.
        window->setPermanentConfirmation([](const Recipe &) { return true; });
        window->setCloseConfirmation([](int) { return true; });
        window->setAgainConfirmation([](const QString &) { return true; });
        window->resize(size);
        window->show();
        QApplication::setActiveWindow(window.get());
        return waitFor(
            [this, fixtures] {
                for (int f = 1; f <= fixtures; ++f) {
                    const FixtureSnapshot s = line->station().snapshot(f);
                    if (s.presence == Presence::Unknown)
                        return false;
                }
                return true;
            },
            60000);
    }

    StationController &station() { return line->station(); }

    int stepOf(int fixture) { return station().snapshot(fixture).stepIndex; }

    bool waitIdle(int timeoutMs = 180000)
    {
        return waitFor([this] { return !station().isAnyRunning(); }, timeoutMs);
    }

    // Starts the fixtures one after another, as an operator going down the line does, so the
    // shot shows devices at different steps.
    void startStaggered(const QList<int> &fixtures, int gapMs)
    {
        for (int fixture : fixtures) {
            window->startFixture(fixture);
            pump(gapMs);
        }
    }

    // Takes the finished devices out and puts new ones in, as between two batches.
    void swapAll(int fixtures)
    {
        for (int f = 1; f <= fixtures; ++f)
            line->sphereSim({u"swap"_s, u"--fixture"_s, QString::number(f)});
        // Wait until presence has seen the new devices.
        pump(1500);
    }

    void fault(int fixture, const QStringList &fault) { line->setFault(fixture, fault); }

    void close()
    {
        if (window)
            window->close();
        window.reset();
        line.reset();
    }
};

// The station's programs and the sample recipes seen through symbolic links in the scratch
// folder: command lines in the screenshots then name that folder, not the build's.
QString &stagedRoot()
{
    static QString root;
    return root;
}

bool stage(const QString &root)
{
    QDir().mkpath(root);
    const bool ok = QFile::link(QStringLiteral(STATION_BIN_DIR), root + u"/bin"_s)
        && QFile::link(QStringLiteral(STATION_BIN_DIR "/../sim-bin"), root + u"/sim-bin"_s)
        && QFile::link(SimulatedLine::recipe({}), root + u"/recipes"_s);
    if (ok)
        stagedRoot() = root;
    return ok;
}

QString recipe(const QString &name)
{
    return stagedRoot() + u"/recipes/"_s + name;
}

// 8 fixtures: two batches for the record (with faults), then a third caught mid-run; the failed
// device's view; the records and yield pages.
bool line8(const QString &out, const QString &work)
{
    Bench bench;
    if (!bench.open(8, work + u"/line8"_s, FullHd))
        return false;
    MainWindow &w = *bench.window;
    if (!openRecipeAndWait(w, recipe(u"full.json"_s)))
        return false;

    say(u"batch 1"_s);
    bench.fault(3, {u"recover-fails"_s, u"--variant"_s, u"communication"_s, u"--count"_s, u"1"_s});
    bench.fault(6, {u"uart-selftest-fail"_s, u"--count"_s, u"1"_s});
    w.startAll();
    bench.waitIdle();
    bench.swapAll(8);

    say(u"batch 2"_s);
    bench.fault(5, {u"insufficient-space"_s, u"--count"_s, u"1"_s});
    bench.fault(7, {u"rf-out-of-spec"_s, u"--count"_s, u"1"_s});
    const qint64 previousRun = bench.station().snapshot(2).runId;
    w.startAll();
    // Fixture 2 is stopped by its operator half-way through.
    waitFor(
        [&] {
            const FixtureSnapshot s = bench.station().snapshot(2);
            return s.runId != previousRun && s.stepIndex >= 5;
        },
        60000);
    w.stopFixture(2);
    bench.waitIdle();
    bench.swapAll(8);

    say(u"batch 3 (shot mid-run)"_s);
    bench.fault(4, {u"recover-fails"_s, u"--variant"_s, u"communication"_s, u"--count"_s, u"1"_s});
    for (int f : {1, 2, 3, 4, 6}) {
        w.grid()->selectFixture(f);
        w.bindScannedLabel(u"SPH-24-%1"_s.arg(10400 + f));
    }
    bench.startStaggered({1, 2, 3, 4, 5, 6, 7, 8}, 700);
    waitFor([&] { return bench.stepOf(1) >= 9 || !bench.station().isRunning(1); }, 60000);
    bool ok = save(w, out + u"/grid-8-running.png"_s);
    bench.waitIdle();

    say(u"device view"_s);
    w.openDevice(4);
    ok = save(w, out + u"/device-failed.png"_s) && ok;

    if (w.showPage(MainWindow::Page::Records), w.currentPage() == MainWindow::Page::Records)
        ok = save(w, out + u"/records.png"_s) && ok;
    else
        say(u"no records page in this build"_s);
    if (w.showPage(MainWindow::Page::Yield), w.currentPage() == MainWindow::Page::Yield)
        ok = save(w, out + u"/yield.png"_s) && ok;
    else
        say(u"no yield page in this build"_s);
    bench.close();
    return ok;
}

// 32 fixtures mid-run (and, for --check, the same moment at 1280x800).
bool line32(const QString &out, const QString &work, const QString &check)
{
    Bench bench;
    if (!bench.open(32, work + u"/line32"_s, FullHd))
        return false;
    MainWindow &w = *bench.window;
    if (!openRecipeAndWait(w, recipe(u"full.json"_s)))
        return false;
    bench.fault(9, {u"uart-selftest-fail"_s});
    bench.fault(20, {u"recover-fails"_s, u"--variant"_s, u"communication"_s});
    bench.fault(14, {u"not-responding"_s});
    bench.line->sphereSim({u"unplug"_s, u"--fixture"_s, u"27"_s});
    for (int f : {2, 5, 11, 17, 23, 30}) {
        w.grid()->selectFixture(f);
        w.bindScannedLabel(u"SPH-24-%1"_s.arg(10500 + f));
    }
    QList<int> fixtures;
    for (int f = 1; f <= 32; ++f)
        fixtures.append(f);
    bench.startStaggered(fixtures, 250);
    // Shot once the recover fault on fixture 20 has shown, with the first fixtures near the end
    // (on a busy machine fixture 1 may have finished by then).
    waitFor([&] { return !bench.station().isRunning(20); }, 90000);
    bool ok = save(w, out + u"/grid-32-running.png"_s);
    if (!check.isEmpty()) {
        w.resize(Small);
        ok = save(w, check + u"/grid-32-1280x800.png"_s) && ok;
    }
    w.stopAll();
    bench.waitIdle();
    bench.close();
    return ok;
}

// 4 fixtures at 1280x800, mid-run, then the device view at that size (for checking by eye).
bool check4(const QString &check, const QString &work)
{
    Bench bench;
    if (!bench.open(4, work + u"/check4"_s, Small))
        return false;
    MainWindow &w = *bench.window;
    if (!openRecipeAndWait(w, recipe(u"full.json"_s)))
        return false;
    bench.fault(2, {u"insufficient-space"_s});
    w.bindScannedLabel(u"SPH-24-10601"_s);
    bench.startStaggered({1, 2, 3}, 1000);
    waitFor([&] { return bench.stepOf(1) >= 8 || !bench.station().isRunning(1); }, 60000);
    bool ok = save(w, check + u"/grid-4-1280x800.png"_s);
    bench.waitIdle();
    w.openDevice(2);
    ok = save(w, check + u"/device-1280x800.png"_s) && ok;
    bench.close();
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"stationgallery"_s);
    QCoreApplication::setOrganizationName(u"SphereStationGallery"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Screenshots of the station window for the README."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"dir"_s, u"Where the PNGs go (docs/screenshots)."_s);
    parser.addOption({u"check"_s, u"Also write 1280x800 views into DIR."_s, u"DIR"_s});
    parser.addOption({u"only"_s, u"Only one part: line8, line32 or check4."_s, u"NAME"_s});
    parser.addOption({u"language"_s, u"The window's language (de, zh_CN)."_s, u"L"_s});
    parser.process(app);
    if (const QString language = parser.value(u"language"_s); !language.isEmpty()) {
        if (Result<QLocale> installed = installTranslations(language); !installed) {
            say(installed.error().message.translated());
            return 2;
        }
        languageSuffix() = u'-' + language;
    } else {
        static_cast<void>(installTranslations(u"en"_s)); // English plural forms
    }
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    const QString out = QDir(parser.positionalArguments().constFirst()).absolutePath();
    const QString check = parser.value(u"check"_s);
    const QString only = parser.value(u"only"_s);
    QDir().mkpath(out);
    if (!check.isEmpty())
        QDir().mkpath(check);

    // Settings and the bench live in a scratch folder, never in the user's.
    QTemporaryDir work;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, work.path() + u"/settings"_s);
    Theme::apply();
    if (!stage(work.path() + u"/station"_s)) {
        say(u"cannot stage the programs in %1"_s.arg(work.path()));
        return 1;
    }

    bool ok = true;
    if (only.isEmpty() || only == "line8"_L1)
        ok = line8(out, work.path()) && ok;
    if (only.isEmpty() || only == "line32"_L1)
        ok = line32(out, work.path(), check) && ok;
    if (!check.isEmpty() && (only.isEmpty() || only == "check4"_L1))
        ok = check4(check, work.path()) && ok;
    return ok ? 0 : 1;
}
