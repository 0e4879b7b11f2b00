#pragma once

class QCommandLineParser;
class QCoreApplication;

namespace Station {

// `sphere-station export --record FILE [--from ISO] [--to ISO]
// [--steps|--commands|--measurements] --out FILE.csv`: the record as CSV (CsvExport; one row
// per run by default), written atomically. Returns the exit code: 0 written, 2 bad options or
// an unreadable record.
int runExportCommand(QCoreApplication &app, QCommandLineParser &parser);

} // namespace Station
