#pragma once

#include "services/base/result.h"
#include "services/config/stationconfig.h"
#include "services/process/backgroundprocess.h"
#include "services/steps/toolsetup.h"

#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <chrono>
#include <memory>

namespace Station {

// The simulator as the station's back end (no real azsphere configured, or --simulate N):
// makes a bench of N devices (or uses the one AZSPHERE_SIM_HOME names), starts `sphere-sim serve`
// for the UARTs, and hands out tool paths, environment and fixtures. Nothing else in the station
// knows it is talking to a simulator. Lives on the main thread; prepare() blocks briefly and is
// meant for start-up, before any window is shown.
class SimulatorBackend final
{
public:
    struct Options
    {
        int devices = 8;
        // Folder holding sphere-station and sphere-sim; the tool stand-ins are in ../sim-bin
        // (build tree) or the installed private folder (simBinDirectoryFor()).
        QString binDirectory;
        // Bench folder; empty: AZSPHERE_SIM_HOME if set, else a folder the backend owns.
        QString benchDirectory;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // Which stand-in drives the bench: sim-bin/azsphere or sim-bin/az.
        ToolDialect dialect = ToolDialect::Azsphere;
    };

    // How long `sphere-sim serve` may take to publish every device's UART.
    static constexpr std::chrono::milliseconds ServeStartTimeout = 15s;
    // Slot k of a simulator bench has connection path 1210 + k (ASSETS.md).
    static constexpr int ConnectionPathBase = 1210;

    SimulatorBackend();
    ~SimulatorBackend();
    Q_DISABLE_COPY_MOVE(SimulatorBackend)

    [[nodiscard]] Result<> prepare(const Options &options);
    // Stops `sphere-sim serve` (also done by the destructor).
    void stop();

    QString benchDirectory() const { return m_benchDirectory; }
    QString simBinDirectory() const { return m_simBinDirectory; }
    QString sphereSim() const { return m_sphereSim; }
    bool ownsBench() const { return m_ownedBench != nullptr; }
    // azsphere (or az), RfSettingsTool, RfToolCli from sim-bin, with AZSPHERE_SIM_HOME set.
    ToolSetup tools() const { return m_tools; }
    // Fixture k -> connection path 1210+k, UART <bench>/uart/<connection path>.
    QList<FixtureConfig> fixtures() const { return m_fixtures; }
    const BackgroundProcess *server() const { return m_server.get(); }

    // <binDirectory>/../sim-bin if it exists (the build tree), else the installed stand-ins'
    // folder (e.g. /usr/bin -> /usr/libexec/sphere-station, docs/packaging.md).
    static QString simBinDirectoryFor(const QString &binDirectory);

private:
    [[nodiscard]] Result<> runSphereSim(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_ownedBench;
    QString m_benchDirectory;
    QString m_simBinDirectory;
    QString m_sphereSim;
    ToolSetup m_tools;
    QList<FixtureConfig> m_fixtures;
    std::unique_ptr<BackgroundProcess> m_server;
};

} // namespace Station
