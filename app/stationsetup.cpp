#include "app/stationsetup.h"

#include "services/azsphere/azsphereclient.h"
#include "services/base/logging.h"
#include "services/base/tr.h"
#include "services/plant/relay.h"
#include "services/records/recordlock.h"
#include "services/station/simulatorbackend.h"
#include "services/station/station.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// Devices a simulated station has when neither --simulate nor the configuration says.
constexpr int DefaultSimulatedFixtures = 8;

// Presence polls with hands-free on: one list-attached takes about a second, so a device is seen
// within about two seconds of its first answer (the issue asks for a start within 3 s).
constexpr std::chrono::milliseconds HandsFreePresenceInterval = 1s;

} // namespace

StationSetup::StationSetup() = default;

StationSetup::~StationSetup()
{
    // Delivery first (it reads the record), then the workers (they use the tools), then the
    // simulator's UART server.
    m_relay.reset();
    if (m_station)
        m_station->shutdown();
    m_station.reset();
    m_simulator.reset();
    m_recordLock.reset();
}

QString StationSetup::defaultRecordPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + u"/sphere-station-record.sqlite"_s;
}

QString StationSetup::azConfigRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/az-config"_s;
}

Result<> StationSetup::build(const AppOptions &options, bool presence)
{
    // Configuration: the named file, else the user's if it exists, else the system-wide
    // default (/etc/sphere-station/station.ini) if it exists, else defaults (the simulator back
    // end). A FIFO or a folder counts as existing: load() then says what it is.
    m_configPath = !options.configPath.isEmpty() ? options.configPath : StationConfig::pathToRead();
    if (!m_configPath.isEmpty()) {
        Result<StationConfig> loaded = StationConfig::load(m_configPath);
        if (!loaded)
            return fail(loaded.error());
        m_config = *loaded;
    }
    if (options.cli)
        m_config.cli = *options.cli;

    // One station process per record, decided before anything is started: a second station
    // refused here has not touched the tools, the bench or its UART links, which the live one
    // goes on using.
    m_recordPath = !options.recordPath.isEmpty() ? options.recordPath
        : !m_config.recordFile.isEmpty()         ? m_config.recordFile
                                                 : defaultRecordPath();
    m_recordPath = QFileInfo(m_recordPath).absoluteFilePath();
    if (!QDir().mkpath(QFileInfo(m_recordPath).absolutePath())) {
        return fail(
            ErrorCode::Io, Tr::tr("Cannot create the folder for the record %1.").arg(m_recordPath));
    }
    StationOptions station;
    station.processMode = options.headless ? u"headless"_s : u"window"_s;
    {
        Result<std::unique_ptr<RecordLock>> locked
            = RecordLock::acquire(m_recordPath, station.processMode);
        if (!locked)
            return fail(locked.error());
        m_recordLock = std::move(*locked);
        station.recordLock = m_recordLock;
    }

    // --simulate N on the command line chooses the simulator for this run whatever the
    // configuration says (backendDescription() then says so); otherwise the configuration's
    // back end, which is "real" whenever it names an azsphere tool without "backend=simulator".
    m_simulateOption = options.simulate > 0;
    const bool simulate = m_simulateOption || m_config.backend == Backend::Simulator;
    if (simulate) {
        SimulatorBackend::Options sim;
        sim.devices = options.simulate > 0
            ? options.simulate
            : (m_config.fixtures.isEmpty() ? DefaultSimulatedFixtures
                                           : int(m_config.fixtures.size()));
        sim.binDirectory = QCoreApplication::applicationDirPath();
        sim.environment = m_config.toolProcessEnvironment();
        sim.dialect = m_config.cli;
        m_simulator = std::make_unique<SimulatorBackend>();
        if (Result<> prepared = m_simulator->prepare(sim); !prepared)
            return prepared;
        station.tools = m_simulator->tools();
        station.fixtures = m_simulator->fixtures();
    } else {
        if (Result<> valid = m_config.validate(); !valid)
            return valid;
        // The configuration asks for the real tools: without them the station refuses to start,
        // it never runs the simulator instead.
        Result<QString> azsphere = m_config.sphereToolProgram();
        if (!azsphere) {
            return fail(azsphere.error().code,
                Tr::tr("The station configuration %1 selects the real back end, but %2")
                    .arg(QDir::toNativeSeparators(m_configPath), azsphere.error().message),
                azsphere.error().detail,
                m_config.cli == ToolDialect::Az
                    ? Tr::tr("Install the Azure CLI with its azure-sphere extension and the "
                             "Azure Sphere SDK, or correct tools/az in the station "
                             "configuration; to use the simulator, write backend=simulator in "
                             "its [station] section.")
                    : Tr::tr("Install the Azure Sphere SDK or correct tools/azsphere in the "
                             "station configuration; to use the simulator, write "
                             "backend=simulator in its [station] section."));
        }
        station.tools.azsphere = *azsphere;
        station.tools.dialect = m_config.cli;
        // az keeps per-call state in its configuration folder: one per fixture.
        if (m_config.cli == ToolDialect::Az)
            station.tools.azConfigRoot = azConfigRoot();
        // The RF tools are optional until a recipe needs them (checked below).
        station.tools.rfSettingsTool = m_config.rfSettingsToolProgram().value_or(QString());
        station.tools.rfToolCli = m_config.rfToolCliProgram().value_or(QString());
        station.tools.environment = m_config.toolProcessEnvironment();
        station.fixtures = m_config.fixtures;
        // Fixtures bound by FTDI location: presence comes from libftdi1, which needs no answer
        // from the device. Bound by IP (the real Linux SDK): only list-attached can tell.
        // Hands-free tells devices apart by their ID, which only list-attached reports.
        station.presenceByFtdi = !m_config.handsFree && !station.fixtures.isEmpty()
            && std::all_of(station.fixtures.cbegin(),
                station.fixtures.cend(),
                [](const FixtureConfig &f) { return !f.connectionPath.isEmpty(); });
    }

    // The tool's version goes into every run row; a tool that cannot even say it is refused.
    {
        AzsphereClient client(station.tools.dialect,
            station.tools.azsphere,
            station.tools.sphereToolEnvironment(u"setup"_s));
        ToolReply<QString> version = client.showVersion();
        if (!version.isSuccess()) {
            return fail(ErrorCode::ToolStartFailed,
                Tr::tr("%1 does not run: %2").arg(station.tools.azsphere, version.error().message),
                version.error().detail);
        }
        station.tools.azsphereVersion = *version.value;
    }

    station.recordPath = m_recordPath;
    station.recordSyncEveryWrite = m_config.recordSyncEveryWrite;
    station.plantConnection = m_config.plantConnection;
    station.stationName = !options.stationName.isEmpty() ? options.stationName
        : !m_config.stationName.isEmpty()                ? m_config.stationName
                                                         : QSysInfo::machineHostName();
    station.operatorName
        = !options.operatorName.isEmpty() ? options.operatorName : m_config.operatorName;
    station.appVersion = QCoreApplication::applicationVersion();
    station.presence = presence;
    station.handsFree = m_config.handsFree;
    station.handsFreeSettle = m_config.handsFreeSettle;
    // Hands-free polls faster: a start follows the first answer within the settle time plus
    // one poll.
    if (m_config.handsFree)
        station.presenceInterval = HandsFreePresenceInterval;

    if (!options.fixtures.isEmpty()) {
        for (int number : options.fixtures) {
            const bool known = std::any_of(station.fixtures.cbegin(),
                station.fixtures.cend(),
                [number](const FixtureConfig &f) { return f.number == number; });
            if (!known) {
                return fail(ErrorCode::InvalidArgument,
                    Tr::tr("There is no fixture %1 (the station has %2).")
                        .arg(number)
                        .arg(station.fixtures.size()));
            }
        }
    }

    m_station = std::make_unique<StationController>();
    if (Result<> opened = m_station->open(station); !opened)
        return opened;

    // The record is open and up to date (it has its outbox): delivery can start.
    if (const QStringList problems = m_config.plantProblems(); !problems.isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::raw(problems.join(u'\n')));
    if (!m_config.plantConnection.isEmpty()) {
        Plant::RelayOptions relay;
        relay.recordPath = m_recordPath;
        relay.conninfo = m_config.plantConnection;
        relay.stationId = !m_config.plantStationId.trimmed().isEmpty()
            ? m_config.plantStationId.trimmed()
            : station.stationName;
        m_relay = std::make_unique<Plant::Relay>(relay);
        m_relay->start();
    }
    if (m_station->interruptedRunsClosed() > 0) {
        Logging::station().warn(
            u"%1 run(s) closed as INTERRUPTED"_s.arg(m_station->interruptedRunsClosed()));
    }

    if (!options.recipePath.isEmpty()) {
        if (Result<> loaded = m_station->loadRecipe(options.recipePath); !loaded)
            return loaded;
        const ToolSetup &tools = m_station->tools();
        if (m_station->recipe().needsRfTools()
            && (tools.rfSettingsTool.isEmpty() || tools.rfToolCli.isEmpty())) {
            return fail(ErrorCode::ToolNotFound,
                Tr::tr("The recipe has RF steps, but RfSettingsTool or RfToolCli is not "
                       "configured or not found."));
        }
    }
    return {};
}

Text StationSetup::backendDescription() const
{
    if (!m_station)
        return {};
    const ToolSetup &tools = m_station->tools();
    const QString azsphere = QDir::toNativeSeparators(tools.azsphere);
    if (!m_simulator) {
        //: Status bar and headless output: the real tools, e.g. "Back end: real (azsphere
        //: /opt/azurespheresdk/Tools_v2/azsphere 25.10.0.1)" or "Back end: real (az sphere
        //: /usr/bin/az azure-cli 2.75.0, azure-sphere 1.0.4, SDK 25.10.0.1)"
        return Tr::tr("Back end: real (%1 %2 %3)")
            .arg(toolDialectCommand(tools.dialect), azsphere, tools.azsphereVersion);
    }
    //: Status bar and headless output: the simulator's stand-in (azsphere or az sphere) and its
    //: bench folder
    Text text = Tr::tr("Back end: simulated (%1 %2, bench %3)")
                    .arg(toolDialectCommand(tools.dialect),
                        azsphere,
                        QDir::toNativeSeparators(m_simulator->benchDirectory()));
    if (m_simulateOption && m_config.backend == Backend::Real) {
        text = Text::raw(u"%1; %2"_s)
                   .arg(text,
                       Tr::tr("--simulate overrides backend=real of the station configuration %1")
                           .arg(QDir::toNativeSeparators(m_configPath)));
    } else if (!m_config.sphereToolPath().isEmpty()) {
        text = Text::raw(u"%1; %2"_s)
                   .arg(text,
                       Tr::tr("the configured %1 %2 is not used")
                           .arg(toolDialectProgramName(m_config.cli),
                               QDir::toNativeSeparators(m_config.sphereToolPath())));
    }
    return text;
}

} // namespace Station
