#pragma once

#include "services/config/stationconfig.h"
#include "services/process/toolrunner.h"
#include "services/recipe/recipe.h"
#include "services/recipe/recipeloader.h"
#include "services/steps/step.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

// A simulator bench of its own for one test: a temporary folder, the tool stand-ins from the
// build (STATION_SIM_BIN_DIR, never PATH) and AZSPHERE_SIM_TIME_SCALE=0 unless told otherwise.
class SimBench
{
public:
    explicit SimBench(const QString &timeScale = QStringLiteral("0"))
    {
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("AZSPHERE_SIM_HOME"), benchDir());
        m_env.insert(QStringLiteral("AZSPHERE_SIM_TIME_SCALE"), timeScale);
        // A station started by a test keeps its logs, default record and configuration here,
        // never in the user's folders.
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path() + QStringLiteral("/data"));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path() + QStringLiteral("/config"));
    }

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString benchDir() const { return m_dir.path() + QStringLiteral("/bench"); }
    QString recordPath() const { return m_dir.path() + QStringLiteral("/record.sqlite"); }
    QProcessEnvironment environment() const { return m_env; }

    static QString simBin(const QString &tool)
    {
        return QStringLiteral(STATION_SIM_BIN_DIR) + QLatin1Char('/') + tool;
    }
    static QString bin(const QString &tool)
    {
        return QStringLiteral(STATION_BIN_DIR) + QLatin1Char('/') + tool;
    }
    static QString recipesDir() { return QStringLiteral(STATION_SOURCE_DIR "/resources/recipes"); }

    // Runs `sphere-sim <arguments>` on this bench.
    Station::ToolResult sphereSim(const QStringList &arguments) const
    {
        Station::ToolCall call;
        call.program = bin(QStringLiteral("sphere-sim"));
        call.arguments = arguments;
        call.environment = m_env;
        call.timeout = std::chrono::seconds(60);
        return Station::ToolRunner::run(call);
    }

    // Runs `azsphere <arguments>` on this bench.
    Station::ToolResult azsphere(const QStringList &arguments) const
    {
        Station::ToolCall call;
        call.program = simBin(QStringLiteral("azsphere"));
        call.arguments = arguments;
        call.environment = m_env;
        call.timeout = std::chrono::seconds(60);
        return Station::ToolRunner::run(call);
    }

    bool create(int devices, const QStringList &extra = {}) const
    {
        QStringList arguments {QStringLiteral("bench"),
            QStringLiteral("create"),
            QStringLiteral("--devices"),
            QString::number(devices)};
        return sphereSim(arguments + extra).isSuccess();
    }

    Station::ToolSetup tools() const
    {
        Station::ToolSetup tools;
        // STATION_TEST_CLI=az runs the same test through the az sphere stand-in (CTest
        // registers such tests twice: every step runs in both dialects).
        if (qEnvironmentVariable("STATION_TEST_CLI") == QLatin1String("az")) {
            tools.azsphere = simBin(QStringLiteral("az"));
            tools.dialect = Station::ToolDialect::Az;
            tools.azConfigRoot = m_dir.path() + QStringLiteral("/az-config");
        } else {
            tools.azsphere = simBin(QStringLiteral("azsphere"));
        }
        tools.rfSettingsTool = simBin(QStringLiteral("RfSettingsTool"));
        tools.rfToolCli = simBin(QStringLiteral("RfToolCli"));
        tools.environment = m_env;
        tools.simulated = true;
        return tools;
    }

    Station::FixtureConfig fixture(int number) const
    {
        Station::FixtureConfig fixture;
        fixture.number = number;
        fixture.label = QStringLiteral("F%1").arg(number);
        fixture.connectionPath = QString::number(1210 + number);
        fixture.uartPort = benchDir() + QStringLiteral("/uart/") + fixture.connectionPath;
        return fixture;
    }

    // A recipe from JSON text whose relative paths resolve against resources/recipes (so
    // "sim-assets/..." names the generated simulator assets).
    static Station::Result<Station::Recipe> recipe(const QByteArray &json)
    {
        return Station::loadRecipeFromBytes(
            json, recipesDir(), recipesDir() + QStringLiteral("/test.json"));
    }

    // The current manufacturing state of the device in connection path `path`, as the device
    // itself reports it.
    QString manufacturingState(const QString &path) const
    {
        const Station::ToolResult result = azsphere({QStringLiteral("device"),
            QStringLiteral("manufacturing-state"),
            QStringLiteral("show"),
            QStringLiteral("--device"),
            path,
            QStringLiteral("--output"),
            QStringLiteral("json")});
        return QJsonDocument::fromJson(result.stdOut)
            .object()
            .value(QStringLiteral("manufacturingState"))
            .toString();
    }

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
};
