#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace Station {

// The tools every step runs, and the environment they run in.
struct ToolSetup
{
    QString azsphere;
    QString rfSettingsTool;
    QString rfToolCli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString azsphereVersion; // as `azsphere show-version` reported it
    QString rfToolVersion;
    bool simulated = false; // for the record only: no step behaves differently
};

} // namespace Station
