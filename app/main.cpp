// sphere-station: parses the command line, builds the object graph, and runs either the window
// (app/guimain.*), `--headless`, `export` (app/exportcommand.*), `probe-tool`
// (app/probecommand.*) or `plant` (app/plantcommand.*).

#include "app/exportcommand.h"
#include "app/guimain.h"
#include "app/plantcommand.h"
#include "app/probecommand.h"
#include "app/signalwatcher.h"
#include "app/stationsetup.h"
#include "app/usercommand.h"
#include "services/auth/accounts.h"
#include "services/base/logging.h"
#include "services/base/text.h"
#include "services/base/textcheck.h"
#include "services/base/tr.h"
#include "services/plant/relay.h"
#include "services/records/recordstore.h"
#include "services/station/headlessrunner.h"
#include "services/station/station.h"
#include "translations/translationfiles.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <utility>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

// Exit codes: 0 every device passed, 1 a device failed or was aborted, 2 the station could
// not run (bad option, bad recipe, missing tool, unusable record).
constexpr int ExitFailed = 1;
constexpr int ExitUsage = 2;

void printOut(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

void printErr(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stderr);
    std::fflush(stderr);
}

bool isExport(int argc, char *argv[])
{
    return argc > 1 && qstrcmp(argv[1], "export") == 0;
}

bool isProbe(int argc, char *argv[])
{
    return argc > 1 && qstrcmp(argv[1], "probe-tool") == 0;
}

bool isPlant(int argc, char *argv[])
{
    return argc > 1 && qstrcmp(argv[1], "plant") == 0;
}

bool isUser(int argc, char *argv[])
{
    return argc > 1 && qstrcmp(argv[1], "user") == 0;
}

bool isAudit(int argc, char *argv[])
{
    return argc > 1 && qstrcmp(argv[1], "audit") == 0;
}

bool isHeadless(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--headless") == 0)
            return true;
    }
    return false;
}

// --help and --version print and exit: they must work on a machine without a display, so they
// never create the GUI application.
bool isInfoRequest(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (qstrcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

void addStationOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"headless"_s, u"Run without a window; print one line per step."_s},
        {u"recipe"_s, u"The recipe to run."_s, u"file"_s},
        {u"fixtures"_s, u"Fixtures to run: all (default) or a list such as 1,3."_s, u"list"_s},
        {u"simulate"_s, u"Use the simulator with N devices."_s, u"N"_s},
        {u"record"_s, u"The SQLite record file."_s, u"file"_s},
        {u"repeat"_s, u"Run each fixture K times (headless)."_s, u"K"_s},
        {u"config"_s, u"The station configuration (ini)."_s, u"file"_s},
        {u"operator"_s,
            u"Headless automation: the name its runs are recorded under (as automation)."_s,
            u"name"_s},
        {u"user"_s,
            u"Headless: sign in as this user (the password is the first line of standard "
            "input); the runs and the audit trail name them, and their role applies."_s,
            u"login"_s},
        {u"station"_s, u"The station's name for the record."_s, u"name"_s},
        {u"cli"_s,
            u"The Azure Sphere tool: azsphere (Legacy) or az (az sphere, Integrated); "
            "overrides the configuration's [tools] cli."_s,
            u"tool"_s},
    });
}

Result<AppOptions> readOptions(const QCommandLineParser &parser)
{
    AppOptions options;
    options.headless = parser.isSet(u"headless"_s);
    options.recipePath = parser.value(u"recipe"_s);
    options.recordPath = parser.value(u"record"_s);
    options.configPath = parser.value(u"config"_s);
    options.operatorName = parser.value(u"operator"_s);
    options.user = parser.value(u"user"_s).trimmed();
    if (parser.isSet(u"user"_s) && parser.isSet(u"operator"_s))
        return fail(ErrorCode::InvalidArgument,
            Text::raw(u"--user (a person) and --operator (automation) exclude each other"_s));
    if (parser.isSet(u"user"_s) && !parser.isSet(u"headless"_s))
        return fail(ErrorCode::InvalidArgument,
            Text::raw(u"--user is for --headless; the window asks people to sign in"_s));
    options.stationName = parser.value(u"station"_s);
    // An empty --config would silently fall back to the default configuration.
    if (parser.isSet(u"config"_s) && options.configPath.isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::raw(u"--config takes a file name"_s));
    if (parser.isSet(u"recipe"_s) && options.recipePath.isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::raw(u"--recipe takes a file name"_s));
    // These names go into the record and the headless output.
    for (const auto &[option, value] : {std::pair {u"--operator"_s, options.operatorName},
             std::pair {u"--station"_s, options.stationName}}) {
        if (const QString problem = nameTextProblem(value); !problem.isEmpty())
            return fail(ErrorCode::InvalidArgument, Text::raw(option + u": "_s + problem));
    }
    if (parser.isSet(u"cli"_s)) {
        options.cli = toolDialectFromName(parser.value(u"cli"_s));
        if (!options.cli)
            return fail(ErrorCode::InvalidArgument,
                Text::raw(
                    u"--cli takes azsphere or az (not \"%1\")"_s.arg(parser.value(u"cli"_s))));
    }
    bool ok = true;
    if (parser.isSet(u"simulate"_s)) {
        options.simulate = parser.value(u"simulate"_s).toInt(&ok);
        if (!ok || options.simulate < 1 || options.simulate > 253)
            return fail(ErrorCode::InvalidArgument,
                Text::raw(u"--simulate takes a number from 1 to 253"_s));
    }
    if (parser.isSet(u"repeat"_s)) {
        options.repeat = parser.value(u"repeat"_s).toInt(&ok);
        if (!ok || options.repeat < 1)
            return fail(
                ErrorCode::InvalidArgument, Text::raw(u"--repeat takes a positive number"_s));
    }
    const QString fixtures = parser.value(u"fixtures"_s).trimmed();
    if (!fixtures.isEmpty() && fixtures != "all"_L1) {
        for (const QString &part : fixtures.split(u',', Qt::SkipEmptyParts)) {
            const int number = part.trimmed().toInt(&ok);
            if (!ok || number < 1)
                return fail(ErrorCode::InvalidArgument,
                    Text::raw(u"--fixtures takes \"all\" or numbers such as 1,3 (not \"%1\")"_s.arg(
                        part)));
            if (!options.fixtures.contains(number))
                options.fixtures.append(number);
        }
    }
    return options;
}

// --user LOGIN: the password is the first line of standard input. The user must be allowed to
// load the recipe and to start; a recipe that makes devices permanent must be approved. Every
// rule of docs/roles.md then applies to the runs, as in the window.
Result<> signInHeadless(StationSetup &setup, const QString &login)
{
    StationController &station = setup.station();
    QTextStream in(stdin);
    const QString password = in.readLine();
    RecordStore record;
    if (Result<> opened = record.open(setup.recordPath()); !opened)
        return opened;
    Auth::Accounts accounts(record, station.stationName());
    const Result<Auth::User> user = accounts.signInWithPassword(login, password);
    if (!user)
        return fail(user.error());
    for (const Auth::Permission needed :
        {Auth::Permission::LoadRecipe, Auth::Permission::StartStop}) {
        if (!user->may(needed))
            return fail(ErrorCode::NotAllowed, Auth::refusal(needed, user->role));
    }
    const Recipe &recipe = station.recipe();
    if (recipe.isPermanent()) {
        const auto approval = accounts.approval(recipe.sha256);
        if (!approval)
            return fail(approval.error());
        if (!*approval) {
            return fail(ErrorCode::NotAllowed,
                Tr::tr("The recipe %1 makes devices permanent and this file (SHA-256 %2) is not "
                       "approved. Someone with the role Engineer or Admin approves it when they "
                       "load it in the window.")
                    .arg(recipe.name, recipe.sha256.left(12)));
        }
    }
    if (auto logged = accounts.audit(*user,
            u"recipe-load"_s,
            u"%1 %2"_s.arg(recipe.name, recipe.version),
            {},
            u"sha256 %1"_s.arg(recipe.sha256));
        !logged)
        return logged;
    station.setRequireSignIn(true);
    station.setUser(*user);
    return {};
}

int runHeadless(QCoreApplication &app, const AppOptions &options)
{
    if (options.recipePath.isEmpty()) {
        printErr(u"sphere-station: --headless needs --recipe FILE"_s);
        return ExitUsage;
    }
    // SIGINT, SIGTERM and SIGHUP abort every run with the signal as its cause; the tools are
    // ended and a temporary bench removed as the set-up unwinds. Watched from before the set-up
    // (which makes the bench and starts the UART server): a signal then ends the station as
    // cleanly, where the default action would kill it and leave the bench behind.
    SignalWatcher watcher;
    QPointer<HeadlessRunner> running; // set once the runs have been started
    int startUpSignal = 0;
    QObject::connect(&watcher, &SignalWatcher::signalled, &app, [&](int signal) {
        if (!running) {
            startUpSignal = signal;
            return;
        }
        printErr(u"sphere-station: signal %1; aborting every run"_s.arg(signal));
        running->abort(CancelReason::Signal, signal);
    });

    StationSetup setup;
    if (Result<> built = setup.build(options, false); !built) {
        const Error &error = built.error();
        printErr(u"sphere-station: %1"_s.arg(error.message));
        // A recipe's problems are in both the message and the detail: print them once.
        if (!error.detail.isEmpty() && !error.message.english().contains(error.detail))
            printErr(error.detail);
        return ExitUsage;
    }
    // The set-up blocked the event loop: a signal that came meanwhile is read now.
    QCoreApplication::processEvents();
    if (startUpSignal != 0) {
        printErr(
            u"sphere-station: signal %1 during start-up; no run was started"_s.arg(startUpSignal));
        return ExitFailed;
    }
    StationController &station = setup.station();
    printOut(setup.backendDescription());
    const int fixtures
        = options.fixtures.isEmpty() ? station.fixtureCount() : int(options.fixtures.size());
    //: Headless output: "recipe line3 1.2 (9 steps), 8 fixtures, record /srv/record.sqlite"
    printOut(Tr::tr("recipe %1 %2 (%3), %4, record %5")
                 .arg(station.recipe().name,
                     station.recipe().version,
                     Tr::tr("%n step(s)", nullptr, int(station.recipe().steps.size())),
                     Tr::tr("%n fixture(s)", nullptr, fixtures),
                     setup.recordPath()));
    if (station.interruptedRunsClosed() > 0) {
        printOut(Tr::tr("%n run(s) left open earlier were closed as INTERRUPTED",
            nullptr,
            station.interruptedRunsClosed()));
    }

    if (Plant::Relay *relay = setup.relay())
        printOut(Text::raw(
            u"plant: delivering the record as station %1"_s.arg(relay->options().stationId)));

    if (!options.user.isEmpty()) {
        if (Result<> signedIn = signInHeadless(setup, options.user); !signedIn) {
            printErr(u"sphere-station: %1"_s.arg(signedIn.error().message));
            return ExitUsage;
        }
        printOut(Text::raw(u"signed in as %1 (%2)"_s.arg(
            station.user()->shownName(), Auth::roleName(station.user()->role))));
    }

    HeadlessRunner runner(station, printOut);
    int exitCode = ExitFailed;
    QObject::connect(&runner, &HeadlessRunner::finished, &app, [&](int code) {
        exitCode = code;
        app.quit();
    });
    // Nothing reads the signal pipe until app.exec(): a signal from here on aborts the runs.
    running = &runner;
    if (!runner.start(options.fixtures, options.repeat))
        return runner.exitCode();
    app.exec();
    if (Plant::Relay *relay = setup.relay()) {
        // A few seconds for what the last runs wrote; the rest waits in the outbox for the
        // next start (or `sphere-station plant deliver`).
        QEventLoop wait;
        QTimer::singleShot(std::chrono::seconds(5), &wait, &QEventLoop::quit);
        auto delivered = [relay] {
            const Plant::DeliveryStatus status = relay->status();
            return status.state == Plant::DeliveryStatus::State::UpToDate
                && status.itemsWaiting == 0;
        };
        QObject::connect(relay, &Plant::Relay::statusChanged, &wait, [&] {
            if (delivered())
                wait.quit();
        });
        // The status in hand may predate the last runs' writes: wait for a fresh one.
        relay->wake();
        wait.exec();
        printOut(Text::raw(Plant::describe(relay->status())));
    }
    return exitCode;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool exportMode = isExport(argc, argv) || isProbe(argc, argv) || isPlant(argc, argv)
        || isUser(argc, argv) || isAudit(argc, argv);
    const bool headless = !exportMode && isHeadless(argc, argv);
    std::unique_ptr<QCoreApplication> app;
    if (!exportMode && !headless && !isInfoRequest(argc, argv))
        app = createGuiApplication(argc, argv);
    if (!app)
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(u"sphere-station"_s);
    QCoreApplication::setOrganizationName(u"SphereStation"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STATION_VERSION));
    // What the record and the headless lines say is English, with its own plural forms.
    Text::setEnglishLookup(&englishPlural);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Sphere Station: prepares Azure Sphere devices for shipping.\n"
        "  sphere-station [--simulate N] [--recipe FILE] ...      the station window\n"
        "  sphere-station --headless --recipe FILE [...]          no window, one line per step\n"
        "  sphere-station export --record FILE --out FILE.csv     export the record as CSV\n"
        "      [--steps | --commands | --measurements]            (default: one row per run)\n"
        "  sphere-station export --handoff (--record FILE | --plant CONNINFO) --out FILE.csv\n"
        "      [--from ISO --to ISO | --shift NAME --date DATE]   the CSV for cloud "
        "configuration\n"
        "  sphere-station probe-tool [--device ID] [--out FILE]   check the configured tool's "
        "replies\n"
        "  sphere-station plant init|migrate|status --connection CONNINFO   the plant database\n"
        "  sphere-station plant users|user-add|user-set --connection CONNINFO ...   the plant's "
        "users\n"
        "  sphere-station user first-admin|add|set|list --record FILE ...   who may sign in\n"
        "  sphere-station audit verify|show --record FILE [--plant CONNINFO --station ID]   the "
        "audit trail"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    if (isProbe(argc, argv))
        return runProbeCommand(*app, parser);
    if (isPlant(argc, argv))
        return runPlantCommand(*app, parser);
    if (isUser(argc, argv))
        return runUserCommand(*app, parser);
    if (isAudit(argc, argv))
        return runAuditCommand(*app, parser);
    if (exportMode)
        return runExportCommand(*app, parser);
    addStationOptions(parser);
    // parse(), not process(): a malformed command line (e.g. --config without its file) exits
    // with ExitUsage like every other refusal, not with process()'s 1 ("a device failed").
    if (!parser.parse(QCoreApplication::arguments())) {
        printErr(u"sphere-station: %1"_s.arg(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(u"version"_s) || parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s))
        parser.process(*app); // prints the help or version, and exits, as Qt does
    Result<AppOptions> options = readOptions(parser);
    if (!options) {
        printErr(u"sphere-station: %1"_s.arg(options.error().message));
        return ExitUsage;
    }

    Logging::Options logging;
    // Headless prints its own lines on stdout; the log's stderr copy keeps only the alarms.
    logging.stderrLevel = headless ? LogLevel::Critical : LogLevel::Warn;
    if (Result<> logs = Logging::initialize(logging); !logs)
        printErr(u"sphere-station: logging disabled: %1"_s.arg(logs.error().message));

    const int code = options->headless ? runHeadless(*app, *options) : runGui(*options);
    Logging::shutdown();
    return code;
}
