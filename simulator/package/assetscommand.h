#pragma once

#include <QString>
#include <QStringList>

// `sphere-sim assets --out DIR [--seed S]`: writes the deterministic asset set of
// docs ASSETS.md (apps, keystore, board configurations, recovery folders, mt3620an.json, RF
// product files, wifi.json, manifest.json).
namespace Sim {

inline constexpr auto DefaultAssetsSeed = "sphere-station";

// args are the arguments after "assets". Returns the process exit code: 0 on success, 1 when a
// file cannot be written, 2 on a usage error (message on stderr).
int runAssetsCommand(const QStringList &args);

// The same work without argument parsing. Returns false with a reason on failure.
bool writeAssets(const QString &outDir, const QString &seed, QString *why = nullptr);

} // namespace Sim
