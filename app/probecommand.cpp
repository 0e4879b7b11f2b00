#include "app/probecommand.h"

#include "app/stationsetup.h"
#include "services/azsphere/toolprobe.h"
#include "services/config/stationconfig.h"
#include "services/station/simulatorbackend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <cstdio>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

constexpr int ExitUsage = 2;

int complain(const QString &message)
{
    std::fputs(qPrintable(u"sphere-station probe-tool: "_s + message + u'\n'), stderr);
    return ExitUsage;
}

void print(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
}

} // namespace

int runProbeCommand(QCoreApplication &app, QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"probe-tool"_s,
        u"Run every read-only factory command of the configured Azure Sphere tool against an "
        "attached device and write a report."_s);
    parser.addOptions({
        {u"device"_s,
            u"The device: its connection path, IP address or ID (default: the only one "
            "attached)."_s,
            u"ID"_s},
        {u"config"_s, u"The station configuration (ini)."_s, u"file"_s},
        {u"cli"_s, u"The tool: azsphere or az (default: the configuration's)."_s, u"tool"_s},
        {u"simulate"_s, u"Probe the simulator's stand-in on a bench of N devices."_s, u"N"_s},
        {u"image-package"_s, u"An image package for image-package show."_s, u"file"_s},
        {u"out"_s, u"The report to write (Markdown)."_s, u"file"_s},
    });
    parser.process(app);

    StationConfig config;
    const QString configPath
        = parser.isSet(u"config"_s) ? parser.value(u"config"_s) : StationConfig::pathToRead();
    if (!configPath.isEmpty()) {
        Result<StationConfig> loaded = StationConfig::load(configPath);
        if (!loaded)
            return complain(loaded.error().message);
        config = *loaded;
    }
    if (parser.isSet(u"cli"_s)) {
        const std::optional<ToolDialect> cli = toolDialectFromName(parser.value(u"cli"_s));
        if (!cli)
            return complain(u"--cli takes azsphere or az"_s);
        config.cli = *cli;
    }
    int simulate = 0;
    if (parser.isSet(u"simulate"_s)) {
        bool ok = false;
        simulate = parser.value(u"simulate"_s).toInt(&ok);
        if (!ok || simulate < 1 || simulate > 253)
            return complain(u"--simulate takes a number from 1 to 253"_s);
    } else if (config.backend == Backend::Simulator) {
        simulate = 1;
    }

    ToolSetup tools;
    std::unique_ptr<SimulatorBackend> simulator;
    if (simulate > 0) {
        SimulatorBackend::Options options;
        options.devices = simulate;
        options.binDirectory = QCoreApplication::applicationDirPath();
        options.environment = config.toolProcessEnvironment();
        options.dialect = config.cli;
        simulator = std::make_unique<SimulatorBackend>();
        if (Result<> prepared = simulator->prepare(options); !prepared)
            return complain(prepared.error().message);
        tools = simulator->tools();
    } else {
        Result<QString> program = config.sphereToolProgram();
        if (!program)
            return complain(program.error().message);
        tools.azsphere = *program;
        tools.dialect = config.cli;
        tools.environment = config.toolProcessEnvironment();
        if (config.cli == ToolDialect::Az)
            tools.azConfigRoot = StationSetup::azConfigRoot();
    }

    AzsphereClient client(tools.dialect, tools.azsphere, tools.sphereToolEnvironment(u"probe"_s));
    ToolProbe::Report report
        = ToolProbe::run(client, parser.value(u"device"_s), parser.value(u"image-package"_s));
    report.simulated = simulator != nullptr;

    QString out = parser.value(u"out"_s);
    if (out.isEmpty()) {
        out = u"sphere-station-probe-%1-%2.md"_s.arg(
            toolDialectName(tools.dialect), report.started.toString(u"yyyyMMdd'T'HHmmss'Z'"_s));
    }
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(report.markdown().toUtf8()) < 0
        || !file.commit()) {
        return complain(u"cannot write the report %1: %2"_s.arg(out, file.errorString()));
    }

    if (report.simulated)
        print(u"Probing the station's simulator (--simulate, or the configuration's back end), "
              "not Microsoft's tool."_s);
    print(u"%1 %2 %3"_s.arg(toolDialectCommand(report.dialect),
        QDir::toNativeSeparators(report.program),
        report.version.isEmpty() ? u"(version not read)"_s : report.version));
    for (const ToolProbe::Entry &entry : report.entries)
        print(u"  %1  %2"_s.arg(entry.name, -40).arg(entry.verdict));
    print(u"%1 of %2 commands understood; report: %3"_s.arg(report.understoodCount())
              .arg(report.entries.size())
              .arg(QDir::toNativeSeparators(QFileInfo(out).absoluteFilePath())));
    print(report.complete()
            ? u"The station understands this tool."_s
            : u"INCOMPLETE or NOT UNDERSTOOD: read the report before production."_s);
    return report.complete() ? 0 : 1;
}

} // namespace Station
