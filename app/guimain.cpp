#include "app/guimain.h"

#include "app/signalwatcher.h"
#include "services/logging.h"
#include "services/station.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/theme.h"
#include "ui/translation.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

constexpr int ExitUsage = 2;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Station::GuiMain)
};

// The sample recipes of the source checkout the binary was built from (build/bin sits two
// levels below the checkout), so a fresh demo starts with a recipe.
QString sampleRecipeFolder()
{
    QDir dir(QCoreApplication::applicationDirPath());
    for (int level = 0; level < 4; ++level) {
        if (QFileInfo::exists(dir.filePath(u"resources/recipes/full.json"_s)))
            return dir.filePath(u"resources/recipes"_s);
        if (!dir.cdUp())
            break;
    }
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
    return std::make_unique<QApplication>(argc, argv);
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
        box.exec();
        return ExitUsage;
    }
    StationController &station = setup.station();

    const QString samples = sampleRecipeFolder();
    MainWindow::Options windowOptions;
    windowOptions.backendText = setup.backendDescription().translated();
    windowOptions.recipeFolder
        = !setup.config().recipeFolder.isEmpty() ? setup.config().recipeFolder : samples;
    windowOptions.configPath
        = !options.configPath.isEmpty() ? options.configPath : StationConfig::defaultPath();
    MainWindow window(station, windowOptions);
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
    const QString recipe = startupRecipe(options, samples);
    if (!recipe.isEmpty())
        QTimer::singleShot(0, &window, [&window, recipe] { window.openRecipe(recipe); });

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::signalled, &window, [&window](int signal) {
        Logging::station().warn(u"signal %1: stopping every run and closing"_s.arg(signal));
        window.endBySignal(signal);
    });
    const int code = QApplication::exec();
    // Closing the window has stopped the runs; the set-up's destructor stops the controller
    // (and with it the record) and then the simulator. main() shuts logging down last.
    return code;
}
