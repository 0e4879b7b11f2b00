#pragma once

#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace Station {

// Which of Microsoft's two Azure Sphere tools the station drives. Both run the same factory
// commands on the same devices; they differ in the executable, option names, output defaults
// and error forms (docs/tools.md).
enum class ToolDialect {
    Azsphere, // Azure Sphere (Legacy): the `azsphere` CLI v2 of the Azure Sphere SDK
    Az,       // Azure Sphere (Integrated): `az sphere ...`, the Azure CLI extension azure-sphere
};

// Stable names as written in the ini file and the record: "azsphere", "az".
QString toolDialectName(ToolDialect dialect);
// Also takes "az sphere" and "legacy"/"integrated", in any case.
std::optional<ToolDialect> toolDialectFromName(const QString &name);
// For people: "azsphere" or "az sphere".
QString toolDialectCommand(ToolDialect dialect);
// The executable's usual name: "azsphere" or "az".
QString toolDialectProgramName(ToolDialect dialect);

// The environment every `az` call gets on top of `base` (nothing changes for azsphere):
// - no colour and no level-tag hiding (AZURE_CORE_NO_COLOR), no extension installed on its own
//   (AZURE_EXTENSION_USE_DYNAMIC_INSTALL=no), no telemetry upload, no survey prompt;
// - with `configDir` set, AZURE_CONFIG_DIR points there, so that parallel fixtures do not
//   contend for one configuration folder; AZURE_EXTENSION_DIR then keeps pointing at the
//   extensions of the user's own configuration (the extension is installed once per PC).
QProcessEnvironment toolDialectEnvironment(
    ToolDialect dialect, const QProcessEnvironment &base, const QString &configDir = {});

} // namespace Station
