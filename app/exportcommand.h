#pragma once

class QCommandLineParser;
class QCoreApplication;

namespace Station {

// `sphere-station export --record FILE [--from ISO] [--to ISO | --shift NAME --date DATE]
// [--steps|--commands|--measurements] --out FILE.csv`: the record as CSV (CsvExport; one row
// per run by default), written atomically.
// `sphere-station export --handoff (--record FILE | --plant CONNINFO [--station ID] [--line L])
// [range] --out FILE.csv`: the hand-off CSV to cloud configuration (docs/handoff.md).
// Returns the exit code: 0 written, 1 the plant database failed (unreachable, login refused,
// server error), 2 bad options, an unreadable record or an unusable plant database.
int runExportCommand(QCoreApplication &app, QCommandLineParser &parser);

} // namespace Station
