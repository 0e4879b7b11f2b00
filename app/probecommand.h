#pragma once

class QCoreApplication;
class QCommandLineParser;

namespace Station {

// `sphere-station probe-tool [--device ID] ...`: the conformance probe (docs/tools.md).
// Exit 0 when the station understood every command, 1 otherwise, 2 for a usage error.
int runProbeCommand(QCoreApplication &app, QCommandLineParser &parser);

} // namespace Station
