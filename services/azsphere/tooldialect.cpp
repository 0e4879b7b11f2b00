#include "services/azsphere/tooldialect.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace Station {

QString toolDialectName(ToolDialect dialect)
{
    return dialect == ToolDialect::Az ? u"az"_s : u"azsphere"_s;
}

std::optional<ToolDialect> toolDialectFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == "azsphere"_L1 || key == "legacy"_L1)
        return ToolDialect::Azsphere;
    if (key == "az"_L1 || key == "az sphere"_L1 || key == "integrated"_L1)
        return ToolDialect::Az;
    return std::nullopt;
}

QString toolDialectCommand(ToolDialect dialect)
{
    return dialect == ToolDialect::Az ? u"az sphere"_s : u"azsphere"_s;
}

QString toolDialectProgramName(ToolDialect dialect)
{
    return dialect == ToolDialect::Az ? u"az"_s : u"azsphere"_s;
}

QProcessEnvironment toolDialectEnvironment(
    ToolDialect dialect, const QProcessEnvironment &base, const QString &configDir)
{
    QProcessEnvironment environment = base;
    if (dialect != ToolDialect::Az)
        return environment;
    // The AZURE_{section}_{name} form of `az config` settings.
    environment.insert(u"AZURE_CORE_NO_COLOR"_s, u"true"_s);
    environment.insert(u"AZURE_EXTENSION_USE_DYNAMIC_INSTALL"_s, u"no"_s);
    environment.insert(u"AZURE_CORE_COLLECT_TELEMETRY"_s, u"false"_s);
    environment.insert(u"AZURE_CORE_SURVEY_MESSAGE"_s, u"false"_s);
    if (!configDir.isEmpty()) {
        if (!environment.contains(u"AZURE_EXTENSION_DIR"_s)) {
            // Where az looks for extensions by default: <config dir>/cliextensions.
            const QString ownConfig = environment.contains(u"AZURE_CONFIG_DIR"_s)
                ? environment.value(u"AZURE_CONFIG_DIR"_s)
                : QDir(environment.value(u"HOME"_s, QDir::homePath())).filePath(u".azure"_s);
            environment.insert(
                u"AZURE_EXTENSION_DIR"_s, QDir(ownConfig).filePath(u"cliextensions"_s));
        }
        environment.insert(u"AZURE_CONFIG_DIR"_s, configDir);
    }
    return environment;
}

} // namespace Station
