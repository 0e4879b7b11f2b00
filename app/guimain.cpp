#include "app/guimain.h"

#include "app/signalwatcher.h"
#include "services/base/logging.h"
#include "services/station/station.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/theme.h"
#include "ui/translation.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

constexpr int ExitUsage = 2;
// Ended by a signal before the window was shown (nothing was started).
constexpr int ExitSignalled = 1;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Station::GuiMain)
};

// The sample recipes, so a fresh demo starts with a recipe: those of the source checkout the
// binary was built from (build/bin sits two levels below the checkout), else the installed ones
// (e.g. /usr/share/sphere-station/recipes, which CMake gives relative to the binary's folder).
QString sampleRecipeFolder()
{
    const QString binDirectory = QCoreApplication::applicationDirPath();
    QDir dir(binDirectory);
    for (int level = 0; level < 4; ++level) {
        if (QFileInfo::exists(dir.filePath(u"resources/recipes/full.json"_s)))
            return dir.filePath(u"resources/recipes"_s);
        if (!dir.cdUp())
            break;
    }
    const QString installed
        = QDir::cleanPath(binDirectory + u'/' + QStringLiteral(STATION_INSTALLED_RECIPES));
    if (QFileInfo::exists(installed + u"/full.json"_s))
        return installed;
    return {};
}

// --recipe, else the last one used (if it is still there), else the demo's full.json.
QString startupRecipe(const AppOptions &options, const QString &sampleFolder)
{
    if (!options.recipePath.isEmpty())
        return options.recipePath;
    const QString last = QSettings().value(u"recipe/last"_s).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        return last;
    if (!sampleFolder.isEmpty())
        return sampleFolder + u"/full.json"_s;
    return {};
}

} // namespace

std::unique_ptr<QCoreApplication> createGuiApplication(int &argc, char **argv)
{
    auto app = std::make_unique<QApplication>(argc, argv);
    // The installed desktop entry's name (packaging/), so a Wayland desktop shows its icon.
    QGuiApplication::setDesktopFileName(u"org.spherestation.SphereStation"_s);
    return app;
}

int runGui(const AppOptions &options)
{
    Theme::apply();
    // The language chosen in the settings, else the system's.
    const QString language = SettingsDialog::savedLanguage();
    if (Result<QLocale> installed = installTranslations(language); !installed) {
        Logging::station().warn(
            u"translation %1 not installed: %2"_s.arg(language, installed.error().message));
    }

    // SIGINT, SIGTERM and SIGHUP stop every run with the signal as its cause and close the
    // window. Watched from before the set-up (which makes the bench and starts the UART
    // server): a signal then ends the station as cleanly, where the default action would kill it
    // and leave the bench behind.
    SignalWatcher watcher;
    QPointer<MainWindow> shown;
    int startUpSignal = 0;
    QObject::connect(&watcher, &SignalWatcher::signalled, qApp, [&](int signal) {
        Logging::station().warn(u"signal %1: stopping every run and closing"_s.arg(signal));
        if (!shown) {
            startUpSignal = signal;
            QCoreApplication::exit(ExitSignalled); // ends the loop of a message box
            return;
        }
        shown->endBySignal(signal);
    });

    // The window loads the recipe itself, so that a permanent one is confirmed first.
    AppOptions setupOptions = options;
    setupOptions.recipePath.clear();
    StationSetup setup;
    if (Result<> built = setup.build(setupOptions, true); !built) {
        QMessageBox box(QMessageBox::Critical,
            Tr::tr("Sphere Station cannot start"),
            built.error().message.translated(),
            QMessageBox::Close);
        box.setDetailedText(built.error().detail);
        if (startUpSignal == 0)
            box.exec();
        return ExitUsage;
    }
    // The set-up blocked the event loop: a signal that came meanwhile is read now.
    QCoreApplication::processEvents();
    if (startUpSignal != 0)
        return ExitSignalled;
    StationController &station = setup.station();

    const QString samples = sampleRecipeFolder();
    MainWindow::Options windowOptions;
    windowOptions.backendText = setup.backendDescription().translated();
    windowOptions.recipeFolder
        = !setup.config().recipeFolder.isEmpty() ? setup.config().recipeFolder : samples;
    windowOptions.configPath
        = !options.configPath.isEmpty() ? options.configPath : StationConfig::defaultPath();
    if (options.configPath.isEmpty())
        windowOptions.configDefaultsPath = StationConfig::systemPath();
    // The analytics page and the plant views read the plant through the quality login.
    windowOptions.plantConnection = setup.config().plantReadConnection;
    windowOptions.plantReadConnection = setup.config().plantReadConnection;
    windowOptions.plantStationId = setup.config().plantStation();
    windowOptions.idleMinutes = setup.config().idleMinutes;
    windowOptions.badgePattern = setup.config().badgePattern;
    // People sign in at the window (docs/roles.md); their role decides what they may do.
    station.setRequireSignIn(true);
    MainWindow window(station, windowOptions);
    window.setRelay(setup.relay());
    // The station PC is there for the station: the window takes the screen.
    window.showMaximized();
    if (station.interruptedRunsClosed() > 0) {
        window.messageArea()->post(MessageArea::Severity::Warning,
            Tr::tr("%n run(s) left open when the station last stopped were closed as "
                   "INTERRUPTED.",
                nullptr,
                station.interruptedRunsClosed()));
    }
    // After the window shows, so a confirmation for a permanent recipe sits on top of it.
    // The recipe of the last session (or --recipe) is the station's own state: it loads without
    // a sign-in; a permanent one only when its file is approved.
    const QString recipe = startupRecipe(options, samples);
    if (!recipe.isEmpty())
        QTimer::singleShot(0, &window, [&window, recipe] {
            window.openRecipe(recipe, MainWindow::LoadBy::Station);
        });
    // Nobody is signed in yet: the first start asks for the first admin, later ones for a user.
    QTimer::singleShot(0, &window, [&window] { window.openSignIn(); });

    // Nothing reads the signal pipe until exec(): a signal from here on goes to the window.
    shown = &window;
    const int code = QApplication::exec();
    // Closing the window has stopped the runs; the set-up's destructor stops the controller
    // (and with it the record) and then the simulator. main() shuts logging down last.
    return code;
}
