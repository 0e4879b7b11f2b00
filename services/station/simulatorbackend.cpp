#include "services/station/simulatorbackend.h"

#include "services/base/logging.h"
#include "services/base/tr.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// `sphere-sim bench create` writes a few small files; anything longer is stuck.
constexpr std::chrono::milliseconds BenchCommandTimeout = 60s;

const QString SimHomeVariable = u"AZSPHERE_SIM_HOME"_s;

bool benchExists(const QString &directory)
{
    const QDir dir(directory);
    return dir.exists() && !dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty();
}

} // namespace

SimulatorBackend::SimulatorBackend() = default;

SimulatorBackend::~SimulatorBackend()
{
    stop();
}

QString SimulatorBackend::simBinDirectoryFor(const QString &binDirectory)
{
    // The build tree keeps the stand-ins in build/sim-bin beside build/bin. An installed
    // station keeps them in a private folder (never on PATH), which CMake gives relative to the
    // station's own folder, so a staged or relocated installation finds them too.
    const QString buildTree = QDir::cleanPath(binDirectory + u"/../sim-bin"_s);
    if (QFileInfo(buildTree).isDir())
        return buildTree;
    return QDir::cleanPath(binDirectory + u'/' + QStringLiteral(STATION_INSTALLED_SIM_BIN));
}

Result<> SimulatorBackend::runSphereSim(const QStringList &arguments)
{
    ToolCall call;
    call.program = m_sphereSim;
    call.arguments = arguments;
    call.environment = m_tools.environment;
    call.timeout = BenchCommandTimeout;
    const ToolResult result = ToolRunner::run(call);
    if (!result.isSuccess()) {
        return fail(ErrorCode::ToolFailed,
            Tr::tr("The simulator could not prepare its bench (%1).").arg(result.commandLine),
            result.stdErrText() + result.stdOutText() + result.errorString);
    }
    return {};
}

Result<> SimulatorBackend::prepare(const Options &options)
{
    const Logger log = Logging::station();
    if (options.devices < 1) {
        return fail(ErrorCode::InvalidArgument, Tr::tr("The simulator needs at least one device."));
    }
    m_simBinDirectory = simBinDirectoryFor(options.binDirectory);
    Result<QString> sphereSim = resolveToolPath({}, u"sphere-sim"_s, {options.binDirectory});
    if (!sphereSim)
        return fail(sphereSim.error());
    m_sphereSim = *sphereSim;
    Result<QString> azsphere
        = resolveToolPath({}, toolDialectProgramName(options.dialect), {m_simBinDirectory});
    Result<QString> rfSettings = resolveToolPath({}, u"RfSettingsTool"_s, {m_simBinDirectory});
    Result<QString> rfCli = resolveToolPath({}, u"RfToolCli"_s, {m_simBinDirectory});
    for (const Result<QString> *tool : {&azsphere, &rfSettings, &rfCli}) {
        if (!*tool)
            return fail(tool->error());
    }

    // The bench: the one named explicitly, else AZSPHERE_SIM_HOME's (a script may have made it
    // and injected faults first), else a fresh folder the station owns for this session.
    m_benchDirectory = options.benchDirectory;
    if (m_benchDirectory.isEmpty())
        m_benchDirectory = options.environment.value(SimHomeVariable);
    bool create = true;
    if (m_benchDirectory.isEmpty()) {
        m_ownedBench
            = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/sphere-bench-XXXXXX"_s);
        if (!m_ownedBench->isValid()) {
            return fail(ErrorCode::Io,
                Tr::tr("Could not create a folder for the simulator's bench."),
                m_ownedBench->errorString());
        }
        m_benchDirectory = m_ownedBench->path();
    } else {
        m_benchDirectory = QFileInfo(m_benchDirectory).absoluteFilePath();
        create = !benchExists(m_benchDirectory);
    }

    m_tools = ToolSetup {};
    m_tools.azsphere = *azsphere;
    m_tools.dialect = options.dialect;
    // az keeps per-call state in its configuration folder: one per fixture, in the bench.
    if (options.dialect == ToolDialect::Az)
        m_tools.azConfigRoot = QDir(m_benchDirectory).filePath(u"az-config"_s);
    m_tools.rfSettingsTool = *rfSettings;
    m_tools.rfToolCli = *rfCli;
    m_tools.simulated = true;
    m_tools.environment = options.environment;
    m_tools.environment.insert(SimHomeVariable, m_benchDirectory);

    if (create) {
        log.info(u"creating a simulator bench of %1 devices in %2"_s.arg(options.devices)
                     .arg(m_benchDirectory));
        if (Result<> created = runSphereSim(
                {u"bench"_s, u"create"_s, u"--devices"_s, QString::number(options.devices)});
            !created)
            return created;
    } else {
        log.info(u"using the simulator bench in %1"_s.arg(m_benchDirectory));
    }

    m_fixtures.clear();
    for (int k = 1; k <= options.devices; ++k) {
        FixtureConfig fixture;
        fixture.number = k;
        fixture.label = u"F%1"_s.arg(k);
        fixture.connectionPath = QString::number(ConnectionPathBase + k);
        fixture.uartPort = m_benchDirectory + u"/uart/"_s + fixture.connectionPath;
        m_fixtures.append(fixture);
    }

    // The UART server: one pseudo-terminal per attached device, symlinked under <bench>/uart.
    ToolCall serve;
    serve.program = m_sphereSim;
    serve.arguments = {u"serve"_s};
    serve.environment = m_tools.environment;
    Result<std::unique_ptr<BackgroundProcess>> server = ToolRunner::startBackground(serve);
    if (!server)
        return fail(server.error());
    m_server = std::move(*server);
    // Wait until the last fixture's port is published (the server prints them in order), so the
    // first uart-test never races the server. A missing device (unplugged on the bench) must not
    // block start-up for long, hence the bound.
    const QString lastPath = m_fixtures.constLast().connectionPath;
    Result<QString> ready = m_server->waitForLine(
        QRegularExpression(u"^UART %1 "_s.arg(lastPath)), ServeStartTimeout);
    if (!ready) {
        log.warn(
            u"sphere-sim serve did not publish UART %1: %2"_s.arg(lastPath, ready.error().detail));
        if (!m_server->isRunning())
            return fail(ready.error());
    }
    return {};
}

void SimulatorBackend::stop()
{
    m_server.reset();
}

} // namespace Station
