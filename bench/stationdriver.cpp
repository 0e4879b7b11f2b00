#include "stationdriver.h"

#include "benchreport.h"
#include "services/process/toolrunner.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using Station::ErrorCode;
using Station::fail;

namespace Bench {

namespace {

// The benchmarks speak English only: their messages are plain text, never translated.
tl::unexpected<Station::Error> fail(
    Station::ErrorCode code, const QString &message, const QString &detail = {})
{
    return Station::fail(code, Station::Text::raw(message), detail);
}

QString &binDirectory()
{
    static QString directory = QStringLiteral(STATION_BIN_DIR);
    return directory;
}

} // namespace

void setBinDirectory(const QString &directory)
{
    binDirectory() = QDir(directory).absolutePath();
}

void setBinDirectoryFromArguments(const QStringList &arguments)
{
    const qsizetype at = arguments.indexOf(u"--bin"_s);
    if (at >= 0 && at + 1 < arguments.size())
        setBinDirectory(arguments.at(at + 1));
}

QString stationProgram()
{
    return binDirectory() + u"/sphere-station"_s;
}

QString sphereSimProgram()
{
    return binDirectory() + u"/sphere-sim"_s;
}

QString recipePath(const QString &name)
{
    return QStringLiteral(STATION_SOURCE_DIR "/resources/recipes/") + name;
}

QString recipeFromArguments(const QStringList &arguments)
{
    const QString name
        = argument(arguments, QStringLiteral("--recipe"), QStringLiteral("full.json"));
    return QDir::isAbsolutePath(name) ? name : recipePath(name);
}

QProcessEnvironment simEnvironment(const QString &benchHome, double timeScale)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"AZSPHERE_SIM_HOME"_s, benchHome);
    environment.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, QString::number(timeScale));
    return environment;
}

Station::Result<QByteArray> sphereSim(
    const QStringList &arguments, const QProcessEnvironment &environment)
{
    Station::ToolCall call;
    call.program = sphereSimProgram();
    call.arguments = arguments;
    call.environment = environment;
    call.timeout = std::chrono::minutes(2);
    const Station::ToolResult result = Station::ToolRunner::run(call);
    if (!result.isSuccess()) {
        return fail(ErrorCode::ToolFailed,
            u"%1 failed (exit %2)"_s.arg(result.commandLine).arg(result.exitCode),
            result.stdErrText() + result.stdOutText() + result.errorString);
    }
    return result.stdOut;
}

Station::Result<StationRun> runStation(const StationRunOptions &options)
{
    Station::ToolCall call;
    call.program = stationProgram();
    call.arguments = {u"--headless"_s,
        u"--simulate"_s,
        QString::number(options.devices),
        u"--recipe"_s,
        options.recipe,
        u"--record"_s,
        options.record};
    call.arguments += options.extraArguments;
    call.environment = simEnvironment(options.benchHome, options.timeScale);
    call.timeout = options.timeout;
    const Station::ToolResult result = Station::ToolRunner::run(call);
    if (result.outcome == Station::ToolOutcome::StartFailed
        || result.outcome == Station::ToolOutcome::TimedOut) {
        return fail(ErrorCode::ToolFailed,
            u"%1: %2"_s.arg(result.commandLine, result.errorString),
            result.stdErrText());
    }
    StationRun run;
    run.processMs = double(result.duration.count());
    run.exitCode = result.exitCode;
    run.crashed = result.outcome == Station::ToolOutcome::Crashed;
    run.stdOut = result.stdOutText();
    run.stdErr = result.stdErrText();
    return run;
}

Station::Result<QList<QVariantList>> queryRecord(const QString &recordPath, const QString &sql)
{
    sqlite3 *db = nullptr;
    const int opened = sqlite3_open_v2(
        QFile::encodeName(recordPath).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    const auto close = qScopeGuard([&] { sqlite3_close(db); });
    if (opened != SQLITE_OK) {
        return fail(ErrorCode::Database,
            u"open %1: %2"_s.arg(recordPath, QString::fromUtf8(sqlite3_errmsg(db))));
    }
    sqlite3_busy_timeout(db, 30'000);
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK) {
        return fail(
            ErrorCode::Database, u"prepare: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(db))), sql);
    }
    const auto finalize = qScopeGuard([&] { sqlite3_finalize(stmt); });
    QList<QVariantList> rows;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        QVariantList row;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            switch (sqlite3_column_type(stmt, i)) {
            case SQLITE_INTEGER:
                row.append(qint64(sqlite3_column_int64(stmt, i)));
                break;
            case SQLITE_FLOAT:
                row.append(sqlite3_column_double(stmt, i));
                break;
            case SQLITE_NULL:
                row.append(QVariant());
                break;
            default:
                row.append(
                    QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, i)),
                        sqlite3_column_bytes(stmt, i)));
                break;
            }
        }
        rows.append(row);
    }
    if (rc != SQLITE_DONE) {
        return fail(
            ErrorCode::Database, u"query: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(db))), sql);
    }
    return rows;
}

qint64 recordTimeMs(const QVariant &text)
{
    const QDateTime time = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

QStringList splitCommandLine(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'\'')
                quoted = false;
            else
                word += c;
        } else if (c == u'\'') {
            quoted = true;
            inWord = true;
        } else if (c == u'\\' && i + 1 < line.size()) {
            word += line.at(++i);
            inWord = true;
        } else if (c == u' ' || c == u'\t') {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

namespace {

// A "Vm...:   1234 kB" field of /proc/self/status, in MiB; 0 if it cannot be read.
double statusFieldMiB(const QByteArray &field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0.0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0.0;
}

} // namespace

double peakRssMiB()
{
    return statusFieldMiB("VmHWM:");
}

double currentRssMiB()
{
    return statusFieldMiB("VmRSS:");
}

} // namespace Bench
