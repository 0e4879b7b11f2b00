#pragma once

#include "services/base/result.h"
#include "services/config/stationconfig.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Station {

namespace Plant {
class Relay;
}

class RecordLock;
class SimulatorBackend;
class StationController;

// What the command line asks for (shared by the headless runner and the GUI).
struct AppOptions
{
    bool headless = false;
    QString recipePath;
    QList<int> fixtures; // empty: all
    int simulate = 0;    // > 0: --simulate N
    QString recordPath;
    int repeat = 1;
    QString configPath;
    QString operatorName;
    // Headless: the user who runs it (--user; the password is read from standard input). Empty:
    // automation, recorded under operatorName.
    QString user;
    QString stationName;
    std::optional<ToolDialect> cli; // --cli azsphere|az: overrides "[tools] cli="
};

// Builds the station's object graph from the options and the station configuration: the
// back end (simulator bench + UART server, or the configured real tools), the record, the
// StationController with one worker thread per fixture, and the recipe. Main thread.
class StationSetup
{
public:
    StationSetup();
    ~StationSetup();
    Q_DISABLE_COPY_MOVE(StationSetup)

    // `presence`: poll list-attached for the tiles (the GUI wants it; headless does not need it).
    [[nodiscard]] Result<> build(const AppOptions &options, bool presence);

    StationController &station() { return *m_station; }
    SimulatorBackend *simulator() { return m_simulator.get(); }
    const StationConfig &config() const { return m_config; }
    QString recordPath() const { return m_recordPath; }
    // The delivery of the record to the plant database: null without a [plant] connection.
    // Started by build(); stopped before the station shuts down.
    Plant::Relay *relay() const { return m_relay.get(); }
    // The back end in use, for the status bar and the headless output, e.g.
    // "Back end: simulated (azsphere /…/sim-bin/azsphere, bench /tmp/sphere-bench-x1)" or
    // "Back end: real (azsphere /opt/azurespheresdk/Tools_v2/azsphere 25.10.0.1)". With the
    // simulator it also says what of the configuration it leaves unused (a configured azsphere,
    // or backend=real overridden by --simulate). Valid after a successful build().
    Text backendDescription() const;

    // <AppLocalDataLocation>/sphere-station-record.sqlite
    static QString defaultRecordPath();
    // <AppLocalDataLocation>/az-config: below it, az's configuration folder per fixture
    // (ToolSetup::azConfigRoot) when the real az drives the devices.
    static QString azConfigRoot();

private:
    // Held until the simulator's UART server has ended too: a next station starts its own only
    // once this one's is gone.
    std::shared_ptr<RecordLock> m_recordLock;
    StationConfig m_config;
    QString m_recordPath;
    QString m_configPath;          // the configuration file read, or empty
    bool m_simulateOption = false; // --simulate N chose the simulator
    std::unique_ptr<SimulatorBackend> m_simulator;
    std::unique_ptr<StationController> m_station;
    std::unique_ptr<Plant::Relay> m_relay; // with a [plant] connection: delivery to the plant
};

} // namespace Station
