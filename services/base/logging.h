#pragma once

#include "services/base/result.h"

#include <QString>

#include <memory>

namespace spdlog {
class logger;
}

namespace Station {

enum class LogLevel { Trace, Debug, Info, Warn, Error, Critical, Off };

// A cheap, copyable handle on one named logger (station, fixture.3, qt, ...). Thread-safe.
// A default-constructed Logger, or any Logger before Logging::initialize() or after
// Logging::shutdown(), discards everything, so code under test needs no logging set up.
// Levels (STYLE 3.8): trace raw tool lines, debug internals, info step start/end, warn retries,
// error step failure with cause, critical station-level trouble. English only, no secrets.
class Logger
{
public:
    Logger() = default;

    QString name() const;
    bool isEnabled(LogLevel level) const;
    void log(LogLevel level, const QString &message) const;

    void trace(const QString &message) const { log(LogLevel::Trace, message); }
    void debug(const QString &message) const { log(LogLevel::Debug, message); }
    void info(const QString &message) const { log(LogLevel::Info, message); }
    void warn(const QString &message) const { log(LogLevel::Warn, message); }
    void error(const QString &message) const { log(LogLevel::Error, message); }
    void critical(const QString &message) const { log(LogLevel::Critical, message); }

private:
    friend struct LoggingAccess;
    explicit Logger(std::shared_ptr<spdlog::logger> logger);

    std::shared_ptr<spdlog::logger> m_logger;
};

// Process-wide logging set up once by the application (spdlog underneath; only .cpp files
// include spdlog). Files: <directory>/sphere-station.log, plus fixture-N.log per fixture logger,
// each rotating at 10 MiB with 5 old files kept.
namespace Logging {

constexpr qint64 DefaultMaxFileBytes = 10 * 1024 * 1024;
constexpr int DefaultMaxFiles = 5;

struct Options
{
    QString directory;                     // empty: <QStandardPaths::AppLocalDataLocation>/logs
    LogLevel level = LogLevel::Info;       // threshold of the loggers and the files
    LogLevel stderrLevel = LogLevel::Warn; // threshold of the stderr copy
    bool logToStderr = true;
    bool routeQtMessages = true;               // qInstallMessageHandler: Qt's messages land here
    bool forwardQtMessages = false;            // also pass them on to the previous handler
    qint64 maxFileBytes = DefaultMaxFileBytes; // per file, before rotating
    int maxFiles = DefaultMaxFiles;            // rotated files kept besides the current one
};

// Creates the directory and the sinks. Fails (Io) if the directory or a file cannot be created,
// and (InvalidArgument) if logging is already initialised.
[[nodiscard]] Result<> initialize(const Options &options = {});
// Restores the previous Qt message handler, flushes and closes everything. Loggers handed out
// before become silent. Safe to call when not initialised; initialize() may be called again.
void shutdown();
bool isInitialized();
// The folder holding the log files ("" when not initialised).
QString directory();
// The station's own file, e.g. for "open log" in the UI ("" when not initialised).
QString stationLogFile();
QString fixtureLogFile(int fixture);
// Writes buffered lines to disk now (lines at warn and above are flushed at once anyway).
void flush();

// The station-wide logger ("station").
Logger station();
// A named logger sharing the station's sinks, e.g. "records", "uart". Created on first use.
Logger logger(const QString &name);
// "fixture.<n>": the station's sinks plus its own rotating file fixture-<n>.log. If that file
// cannot be created, the reason is logged on the station logger and the shared sinks are used.
Logger fixture(int fixture);

} // namespace Logging

} // namespace Station
