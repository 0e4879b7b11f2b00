#include "services/base/logging.h"

#include "services/base/logformat.h"
#include "services/base/tr.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <map>
#include <mutex>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Station {

struct LoggingAccess
{
    static Logger make(std::shared_ptr<spdlog::logger> logger) { return Logger(std::move(logger)); }
};

namespace {

// ISO 8601 UTC, like the record: 2026-11-24T08:12:30.123Z [info] [fixture.3] [tid 4242] text
constexpr const char *Pattern = "%Y-%m-%dT%H:%M:%S.%eZ [%l] [%n] [tid %t] %v";
constexpr const char *StationLoggerName = "station";
constexpr const char *QtLoggerName = "qt";

spdlog::level::level_enum toSpdlog(LogLevel level)
{
    switch (level) {
    case LogLevel::Trace:
        return spdlog::level::trace;
    case LogLevel::Debug:
        return spdlog::level::debug;
    case LogLevel::Info:
        return spdlog::level::info;
    case LogLevel::Warn:
        return spdlog::level::warn;
    case LogLevel::Error:
        return spdlog::level::err;
    case LogLevel::Critical:
        return spdlog::level::critical;
    case LogLevel::Off:
        return spdlog::level::off;
    }
    return spdlog::level::info;
}

spdlog::level::level_enum fromQt(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return spdlog::level::debug;
    case QtInfoMsg:
        return spdlog::level::info;
    case QtWarningMsg:
        return spdlog::level::warn;
    case QtCriticalMsg:
        return spdlog::level::err;
    case QtFatalMsg:
        return spdlog::level::critical;
    }
    return spdlog::level::warn;
}

struct State
{
    bool initialized = false;
    Logging::Options options;
    QString directory;
    std::vector<spdlog::sink_ptr> sharedSinks; // station file (+ stderr)
    std::map<QString, std::shared_ptr<spdlog::logger>> loggers;
};

// Guards State: loggers are created on first use from any fixture thread, and
// create-or-get must not register the same name twice.
std::mutex stateMutex;
State &state()
{
    static State s;
    return s;
}

// The Qt message handler's view, under its own lock so that a Qt message emitted while
// stateMutex is held can never deadlock.
std::mutex handlerMutex;
std::shared_ptr<spdlog::logger> qtLogger;
QtMessageHandler previousHandler = nullptr;
bool forwardToPrevious = false;

void qtMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    std::shared_ptr<spdlog::logger> target;
    QtMessageHandler previous = nullptr;
    bool forward = false;
    {
        const std::lock_guard lock(handlerMutex);
        target = qtLogger;
        previous = previousHandler;
        forward = forwardToPrevious;
    }
    if (target) {
        const spdlog::level::level_enum level = fromQt(type);
        if (target->should_log(level)) {
            const QByteArray text = message.toUtf8();
            const fmt::string_view view(text.constData(), static_cast<size_t>(text.size()));
            if (context.category && std::strcmp(context.category, "default") != 0)
                target->log(level, "[{}] {}", context.category, view);
            else
                target->log(level, view);
        }
        if (type == QtFatalMsg)
            target->flush(); // Qt aborts right after this handler returns
    }
    if (previous && (forward || !target)) {
        previous(type, context, message);
    } else if (!target) {
        const QByteArray text = message.toLocal8Bit();
        std::fprintf(stderr, "%s\n", text.constData());
    }
}

void setFormatter(const spdlog::sink_ptr &sink)
{
    sink->set_formatter(
        std::make_unique<spdlog::pattern_formatter>(Pattern, spdlog::pattern_time_type::utc));
}

Result<spdlog::sink_ptr> makeFileSink(const QString &path, const Logging::Options &options)
{
    try {
        auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            QFile::encodeName(path).toStdString(),
            static_cast<std::size_t>(options.maxFileBytes),
            static_cast<std::size_t>(options.maxFiles));
        sink->set_level(toSpdlog(options.level));
        setFormatter(sink);
        return sink;
    } catch (const std::exception &e) {
        return fail(ErrorCode::Io,
            Tr::tr("Cannot open the log file %1.").arg(QDir::toNativeSeparators(path)),
            QString::fromLocal8Bit(e.what()));
    }
}

// Requires stateMutex.
std::shared_ptr<spdlog::logger> createLogger(
    State &s, const QString &name, const spdlog::sink_ptr &extraSink = {})
{
    std::vector<spdlog::sink_ptr> sinks = s.sharedSinks;
    if (extraSink)
        sinks.push_back(extraSink);
    auto logger = std::make_shared<spdlog::logger>(name.toStdString(), sinks.begin(), sinks.end());
    logger->set_level(toSpdlog(s.options.level));
    logger->flush_on(spdlog::level::warn);
    try {
        spdlog::register_logger(logger); // for the periodic flush
    } catch (const std::exception &) {
        // A name taken in spdlog's registry by someone else: the logger still works, only
        // the periodic flush misses it (warn and above flush at once anyway).
    }
    s.loggers.emplace(name, logger);
    return logger;
}

// Requires stateMutex.
std::shared_ptr<spdlog::logger> findOrCreate(State &s, const QString &name)
{
    if (!s.initialized)
        return {};
    if (const auto it = s.loggers.find(name); it != s.loggers.end())
        return it->second;
    return createLogger(s, name);
}

} // namespace

Logger::Logger(std::shared_ptr<spdlog::logger> logger)
    : m_logger(std::move(logger))
{ }

QString Logger::name() const
{
    return m_logger ? QString::fromStdString(m_logger->name()) : QString();
}

bool Logger::isEnabled(LogLevel level) const
{
    return m_logger && level != LogLevel::Off && m_logger->should_log(toSpdlog(level));
}

void Logger::log(LogLevel level, const QString &message) const
{
    if (!isEnabled(level))
        return;
    const QByteArray utf8 = message.toUtf8();
    m_logger->log(
        toSpdlog(level), spdlog::string_view_t(utf8.constData(), static_cast<size_t>(utf8.size())));
}

namespace Logging {

Result<> initialize(const Options &options)
{
    const std::lock_guard lock(stateMutex);
    State &s = state();
    if (s.initialized)
        return fail(ErrorCode::InvalidArgument, Tr::tr("Logging is already set up."));

    QString dir = options.directory;
    if (dir.isEmpty()) {
        const QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
        if (base.isEmpty())
            return fail(ErrorCode::Io, Tr::tr("No folder for the log files is known."));
        dir = base + u"/logs"_s;
    }
    dir = QDir::cleanPath(QDir(dir).absolutePath());
    if (!QDir().mkpath(dir)) {
        return fail(ErrorCode::Io,
            Tr::tr("Cannot create the log folder %1.").arg(QDir::toNativeSeparators(dir)));
    }

    auto fileSink = makeFileSink(dir + u"/sphere-station.log"_s, options);
    if (!fileSink)
        return fail(fileSink.error());

    std::vector<spdlog::sink_ptr> sinks {*fileSink};
    if (options.logToStderr) {
        try {
            auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
            err->set_level(toSpdlog(options.stderrLevel));
            setFormatter(err);
            sinks.push_back(std::move(err));
        } catch (const std::exception &e) {
            return fail(ErrorCode::Io,
                Tr::tr("Cannot log to the standard error stream."),
                QString::fromLocal8Bit(e.what()));
        }
    }

    s.options = options;
    s.directory = dir;
    s.sharedSinks = std::move(sinks);
    s.initialized = true;
    createLogger(s, QString::fromLatin1(StationLoggerName));
    const auto qt = createLogger(s, QString::fromLatin1(QtLoggerName));
    spdlog::flush_every(std::chrono::seconds(1));

    if (options.routeQtMessages) {
        const std::lock_guard handlerLock(handlerMutex);
        qtLogger = qt;
        forwardToPrevious = options.forwardQtMessages;
        previousHandler = qInstallMessageHandler(qtMessageHandler);
    }
    return {};
}

void shutdown()
{
    const std::lock_guard lock(stateMutex);
    State &s = state();
    if (!s.initialized)
        return;
    if (s.options.routeQtMessages) {
        QtMessageHandler previous = nullptr;
        {
            const std::lock_guard handlerLock(handlerMutex);
            previous = previousHandler;
            qtLogger.reset();
            previousHandler = nullptr;
        }
        const QtMessageHandler current = qInstallMessageHandler(previous);
        if (current != qtMessageHandler)
            qInstallMessageHandler(current); // someone installed a handler on top: keep it
    }
    for (const auto &[name, logger] : s.loggers) {
        logger->flush();
        logger->set_level(spdlog::level::off); // handles still held elsewhere go silent
    }
    s.loggers.clear();
    s.sharedSinks.clear();
    s.directory.clear();
    s.initialized = false;
    spdlog::shutdown();
}

bool isInitialized()
{
    const std::lock_guard lock(stateMutex);
    return state().initialized;
}

QString directory()
{
    const std::lock_guard lock(stateMutex);
    return state().directory;
}

QString stationLogFile()
{
    const QString dir = directory();
    return dir.isEmpty() ? QString() : dir + u"/sphere-station.log"_s;
}

QString fixtureLogFile(int fixture)
{
    const QString dir = directory();
    return dir.isEmpty() ? QString() : dir + u"/fixture-%1.log"_s.arg(fixture);
}

void flush()
{
    const std::lock_guard lock(stateMutex);
    for (const auto &[name, logger] : state().loggers)
        logger->flush();
}

Logger station()
{
    return logger(QString::fromLatin1(StationLoggerName));
}

Logger logger(const QString &name)
{
    const std::lock_guard lock(stateMutex);
    return LoggingAccess::make(findOrCreate(state(), name));
}

Logger fixture(int fixture)
{
    const QString name = u"fixture.%1"_s.arg(fixture);
    std::shared_ptr<spdlog::logger> created;
    QString problem;
    {
        const std::lock_guard lock(stateMutex);
        State &s = state();
        if (!s.initialized)
            return {};
        if (const auto it = s.loggers.find(name); it != s.loggers.end())
            return LoggingAccess::make(it->second);
        const QString path = s.directory + u"/fixture-%1.log"_s.arg(fixture);
        auto sink = makeFileSink(path, s.options);
        if (sink)
            return LoggingAccess::make(createLogger(s, name, *sink));
        problem
            = u"Cannot open the log file %1 (%2); fixture %3 logs to the station log only"_s.arg(
                path, sink.error().detail, QString::number(fixture));
        created = createLogger(s, name);
    }
    station().error(problem);
    return LoggingAccess::make(std::move(created));
}

} // namespace Logging

} // namespace Station
