#pragma once

#include "services/azsphere/tooldialect.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QString>

namespace Station {

// The tools every step runs, and the environment they run in.
struct ToolSetup
{
    // The Azure Sphere tool: the azsphere CLI, or az with the azure-sphere extension.
    QString azsphere;
    ToolDialect dialect = ToolDialect::Azsphere;
    // az only: each fixture's az calls get their own AZURE_CONFIG_DIR below this folder
    // ("fixture-3", "presence"), so that parallel calls never contend for one; empty: az's own.
    QString azConfigRoot;
    QString rfSettingsTool;
    QString rfToolCli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // As the tool reported it: `azsphere show-version` ("25.10.0.1"), or for az the CLI's,
    // the extension's and the SDK's ("azure-cli 2.75.0, azure-sphere 1.0.4, SDK 25.10.0.1").
    QString azsphereVersion;
    QString rfToolVersion;
    bool simulated = false; // for the record only: no step behaves differently

    // The environment of the Azure Sphere tool's calls for one user of it ("fixture-3").
    QProcessEnvironment sphereToolEnvironment(const QString &user) const
    {
        return toolDialectEnvironment(dialect,
            environment,
            azConfigRoot.isEmpty() || user.isEmpty() ? QString()
                                                     : QDir(azConfigRoot).filePath(user));
    }
};

} // namespace Station
