#pragma once

class QCoreApplication;
class QCommandLineParser;

namespace Station {

// `sphere-station plant init|migrate|status --connection "<libpq conninfo or service=NAME>"`:
// creates, updates or reports the plant database's schema (docs/plant.md). Exit 0 on success,
// 1 when the server could not be used (unreachable, login refused, privilege, driver), 2 for a
// usage error or a server schema newer than this station.
int runPlantCommand(QCoreApplication &app, QCommandLineParser &parser);

} // namespace Station
