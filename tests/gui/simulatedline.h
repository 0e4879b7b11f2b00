#pragma once

#include "services/process/toolrunner.h"
#include "services/station/simulatorbackend.h"
#include "services/station/station.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// The real station on a simulated bench, for the window's tests and the screenshot tool: the
// SimulatorBackend the application uses (bench + `sphere-sim serve`, tools from the build's
// sim-bin, never PATH) and a StationController over it, in a folder of its own.
class SimulatedLine
{
public:
    struct Options
    {
        int fixtures = 4;
        // AZSPHERE_SIM_TIME_SCALE: 0 runs as fast as the tools go; 0.05 makes a full run last
        // long enough to be caught mid-way.
        QString timeScale = QStringLiteral("0");
        std::chrono::milliseconds presenceInterval {250};
        QString stationName = QStringLiteral("Line 1 / PC-01");
        QString operatorName = QStringLiteral("A. Operator");
        // Where the bench and the record go; empty: a temporary folder removed afterwards.
        QString directory;
        // Where sphere-station's siblings are (sphere-sim; the tools in ../sim-bin); empty: the
        // build's. The screenshots use a staged folder, so no build path shows in them.
        QString binDirectory;
        std::function<void(const QString &connectionName, int seq, int attempt)> recordHook;
    };

    explicit SimulatedLine(Options options)
        : m_options(std::move(options))
    {
        if (m_options.directory.isEmpty()) {
            m_temp = std::make_unique<QTemporaryDir>();
            m_directory = m_temp->path();
        } else {
            m_directory = m_options.directory;
            QDir().mkpath(m_directory);
        }
    }

    ~SimulatedLine()
    {
        // Workers first (they use the tools), then the UART server.
        m_station.reset();
        m_backend.reset();
    }

    SimulatedLine(const SimulatedLine &) = delete;
    SimulatedLine &operator=(const SimulatedLine &) = delete;

    Station::Result<> open()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AZSPHERE_SIM_TIME_SCALE"), m_options.timeScale);
        env.remove(QStringLiteral("AZSPHERE_SIM_HOME"));
        Station::SimulatorBackend::Options sim;
        sim.devices = m_options.fixtures;
        sim.binDirectory = m_options.binDirectory.isEmpty() ? QStringLiteral(STATION_BIN_DIR)
                                                            : m_options.binDirectory;
        sim.benchDirectory = benchDir();
        sim.environment = env;
        m_backend = std::make_unique<Station::SimulatorBackend>();
        if (Station::Result<> prepared = m_backend->prepare(sim); !prepared)
            return prepared;

        Station::StationOptions options;
        options.fixtures = m_backend->fixtures();
        options.tools = m_backend->tools();
        options.tools.azsphereVersion = QStringLiteral("25.10.0.1");
        options.recordPath = recordPath();
        options.stationName = m_options.stationName;
        options.operatorName = m_options.operatorName;
        options.appVersion = QStringLiteral("test");
        options.presenceInterval = m_options.presenceInterval;
        options.recordHook = m_options.recordHook;
        m_station = std::make_unique<Station::StationController>();
        return m_station->open(options);
    }

    Station::StationController &station() { return *m_station; }
    Station::SimulatorBackend &backend() { return *m_backend; }
    QString directory() const { return m_directory; }
    QString benchDir() const { return m_directory + QStringLiteral("/bench"); }
    QString recordPath() const { return m_directory + QStringLiteral("/record.sqlite"); }

    static QString recipe(const QString &fileName)
    {
        return QStringLiteral(STATION_SOURCE_DIR "/resources/recipes/") + fileName;
    }

    // Connection path of a fixture on the bench (what `--device` takes).
    static QString devicePath(int fixture)
    {
        return QString::number(Station::SimulatorBackend::ConnectionPathBase + fixture);
    }

    // `sphere-sim <arguments>` on this bench.
    Station::ToolResult sphereSim(const QStringList &arguments) const
    {
        Station::ToolCall call;
        call.program = QStringLiteral(STATION_BIN_DIR "/sphere-sim");
        call.arguments = arguments;
        call.environment = m_backend->tools().environment;
        call.timeout = std::chrono::seconds(60);
        return Station::ToolRunner::run(call);
    }

    bool setFault(int fixture, const QStringList &fault) const
    {
        return sphereSim(QStringList {QStringLiteral("fault"),
                             QStringLiteral("set"),
                             QStringLiteral("--device"),
                             devicePath(fixture)}
            + fault)
            .isSuccess();
    }

private:
    Options m_options;
    std::unique_ptr<QTemporaryDir> m_temp;
    QString m_directory;
    std::unique_ptr<Station::SimulatorBackend> m_backend;
    std::unique_ptr<Station::StationController> m_station;
};
