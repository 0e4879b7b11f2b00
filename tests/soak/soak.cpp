// soak: a fault soak of the whole station. Rounds of `sphere-station --headless` runs over a
// simulated bench until --devices devices have been started: every round swaps a new device into
// each fixture, injects simulator faults at random (every kind the simulator has), and sometimes
// kills the station with SIGKILL at a random moment (the next start closes its runs as
// INTERRUPTED and the devices that never started are run again). Then it checks, from the record
// and the simulator's device state, that nothing was lost and every verdict is right:
// - every start has exactly one run, every run an outcome (INTERRUPTED only in killed rounds);
// - every verdict matches what the simulator did (an injected fault the recipe must hit is a
//   FAIL with the matching error code; a device without one PASSes);
// - no device is in DeviceComplete unless its run passed every step (and every full-recipe PASS
//   is DeviceComplete), cross-checked with `azsphere device manufacturing-state show`;
// - every step and verdict line the station printed is in the record;
// - the station leaves no process behind after a normal exit;
// - PRAGMA integrity_check is ok; the CSV export parses back to the same rows.
// Exit code 0 only when every check held. Figures go to stdout ("name: value unit") and --json.
//
//   soak --devices N [--fixtures 8] [--seed 1] [--time-scale 0.01] [--fault-rate 0.5]
//        [--kill-rate 0.15] [--step-timeout 6] [--work DIR] [--json FILE] [--bin DIR]
#include "services/backgroundprocess.h"
#include "services/csvexport.h"
#include "services/toolrunner.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

// ----- options -------------------------------------------------------------------------------

struct Options
{
    int devices = 200;
    int fixtures = 8;
    quint32 seed = 1;
    // 0.01: steps last tens of milliseconds (a recover about a second), so the random kills land
    // inside tool calls, UART scripts and record writes rather than between runs, and the "slow"
    // fault still slows something down.
    double timeScale = 0.01;
    double faultRate = 0.5;
    double killRate = 0.15;
    // Share of rounds that may carry the faults that cost a step timeout (hang, slow, ...).
    double slowRoundRate = 0.25;
    int stepTimeoutS = 6;
    int detailsTimeoutS = 3;
    QString workDir;
    QString json;
    // Folder of sphere-station and sphere-sim (the simulator's tools are in ../sim-bin). A long
    // soak runs a copy, so that builds in the build folder meanwhile cannot pull the programs
    // away under it.
    QString binDir = QStringLiteral(STATION_BIN_DIR);
};

void copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo &entry :
        source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + u'/' + entry.fileName();
        if (entry.isDir())
            copyTree(entry.absoluteFilePath(), target);
        else
            QFile::copy(entry.absoluteFilePath(), target);
    }
}

QString argument(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

// ----- faults and what the station must make of them ----------------------------------------

enum class Recipe { Quick, Full };

QString recipeName(Recipe recipe)
{
    return recipe == Recipe::Full ? u"full"_s : u"quick"_s;
}

struct Fault
{
    QString label;     // figure name: the kind, with a variant where it matters
    QStringList args;  // after `sphere-sim fault set --device D`
    bool costsTimeout; // the station only notices at a deadline (seconds of wall time)
};

// Every fault kind the simulator has (docs/simulator.md "Faults"), with variants whose verdicts
// differ. Probability 1 and no count (every call fails) unless said: a retry cannot hide them.
QList<Fault> faultCatalog()
{
    return {
        {u"hang"_s, {u"hang"_s}, true},
        {u"slow"_s, {u"slow"_s, u"--factor"_s, u"100000"_s}, true},
        {u"slow-within"_s, {u"slow"_s, u"--factor"_s, u"3"_s}, false},
        {u"garbage"_s, {u"garbage"_s}, false},
        {u"not-responding"_s, {u"not-responding"_s}, true},
        {u"recover-fails/enter-recovery"_s,
            {u"recover-fails"_s, u"--variant"_s, u"enter-recovery"_s},
            false},
        {u"recover-fails/boot-timeout"_s,
            {u"recover-fails"_s, u"--variant"_s, u"boot-timeout"_s},
            false},
        {u"recover-fails/security-state"_s,
            {u"recover-fails"_s, u"--variant"_s, u"security-state"_s},
            false},
        {u"recover-fails/communication"_s,
            {u"recover-fails"_s, u"--variant"_s, u"communication"_s},
            false},
        {u"recover-fails/images"_s, {u"recover-fails"_s, u"--variant"_s, u"images"_s}, false},
        {u"untrusted-keystore"_s, {u"untrusted-keystore"_s}, false},
        {u"untrusted-keystore/once"_s, {u"untrusted-keystore"_s, u"--count"_s, u"1"_s}, false},
        {u"insufficient-space"_s, {u"insufficient-space"_s}, false},
        {u"ota-in-progress"_s, {u"ota-in-progress"_s}, false},
        {u"unplug-mid-step"_s, {u"unplug-mid-step"_s}, false},
        {u"uart-silent"_s, {u"uart-silent"_s}, true},
        {u"uart-selftest-fail"_s, {u"uart-selftest-fail"_s}, false},
        {u"measurement-out-of-limits"_s, {u"measurement-out-of-limits"_s}, false},
        {u"rf-out-of-spec"_s, {u"rf-out-of-spec"_s}, false},
    };
}

struct Expectation
{
    QString outcome;   // PASS or FAIL
    QString errorCode; // for FAIL
};

// What the station must conclude for a device with `fault` (empty: none) under `recipe`.
// REFERENCE.md 3.1 names the station's classification; quick.json has no recover, RF or UART
// step, so those faults are never hit there and the device passes.
Expectation expected(const QString &fault, Recipe recipe, double timeScale)
{
    const bool full = recipe == Recipe::Full;
    const auto failWith = [](const QString &code) { return Expectation {u"FAIL"_s, code}; };
    const Expectation pass {u"PASS"_s, {}};
    if (fault.isEmpty() || fault == "slow-within"_L1 || fault == "untrusted-keystore/once"_L1)
        return pass;
    if (fault == "hang"_L1)
        return failWith(u"ToolTimedOut"_s);
    if (fault == "slow"_L1) // at time scale 0 every delay is 0, and so is 100000 times it
        return timeScale > 0 ? failWith(u"ToolTimedOut"_s) : pass;
    if (fault == "garbage"_L1)
        return failWith(u"OutputUnparsable"_s);
    if (fault == "not-responding"_L1)
        return failWith(u"DeviceNotResponding"_s);
    if (fault == "untrusted-keystore"_L1)
        return failWith(u"ImageNotTrusted"_s);
    if (fault == "insufficient-space"_L1)
        return failWith(u"InsufficientSpace"_s);
    if (fault == "ota-in-progress"_L1)
        return failWith(u"OtaInProgress"_s);
    if (fault == "unplug-mid-step"_L1)
        return failWith(u"DeviceNotConnected"_s);
    if (!full)
        return pass;
    if (fault == "recover-fails/enter-recovery"_L1)
        return failWith(u"RecoveryModeFailed"_s);
    if (fault == "recover-fails/images"_L1)
        return failWith(u"RecoveryFailed"_s);
    if (fault.startsWith("recover-fails/"_L1))
        return failWith(u"RecoveryRebootFailed"_s);
    if (fault == "uart-silent"_L1)
        return failWith(u"UartTimeout"_s);
    if (fault == "uart-selftest-fail"_L1)
        return failWith(u"UartUnexpectedReply"_s);
    if (fault == "measurement-out-of-limits"_L1)
        return failWith(u"MeasurementOutOfLimits"_s);
    if (fault == "rf-out-of-spec"_L1)
        return failWith(u"RfCheckFailed"_s);
    return failWith(u"?"_s);
}

// ----- the soak ------------------------------------------------------------------------------

// One device in a fixture, from its swap-in to its (single) run.
struct Device
{
    QString id;
    QString serial;
    int fixture = 0;
    QString fault; // label, empty = none
    const Fault *faultSpec = nullptr;
    int attempts = 0; // station starts it was offered (more than one only after a kill)
};

struct StationExit
{
    QStringList lines;
    int exitCode = -1;
    bool killed = false;
    bool hung = false;
    qint64 ms = 0;
    qint64 killAfterMs = -1;
};

struct RunRow
{
    qint64 id = 0;
    int fixture = 0;
    QString deviceId;
    QString outcome;
    QString failedStep;
    QString errorCode;
    QString cause;
};

class Soak
{
public:
    explicit Soak(const Options &options);
    int exec();

private:
    bool setUp();
    void writeRecipes();
    [[nodiscard]] std::optional<QByteArray> sphereSim(const QStringList &args);
    [[nodiscard]] std::optional<QJsonArray> benchFixtures();
    StationExit runStation(Recipe recipe, const QList<int> &fixtures, bool kill);
    QStringList sweepOrphans(std::chrono::milliseconds grace);
    QSqlDatabase &record();
    QList<RunRow> runsAfter(qint64 id);
    QMap<int, QString> stepOutcomes(qint64 runId);
    bool finalizeAnnounced(qint64 runId);
    qint64 recordNumber(const QString &sql);
    qint64 maxRunId();
    int countRunning();
    QString pragma(const QString &name);
    void checkPrinted(const StationExit &exit, const QList<RunRow> &runs);
    void checkFinal();
    void violation(const QString &kind, const QString &text);
    void report(double wallS);

    Options m_options;
    QRandomGenerator m_rng;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_work;
    QString m_binDir;
    QString m_bench;
    QString m_record;
    QHash<int, QString> m_recipes; // Recipe -> file
    QProcessEnvironment m_env;
    QList<Fault> m_catalog;
    QString m_dbName = u"soak-record"_s;
    QSqlDatabase m_db; // read-only, opened once the station has made the record
    QElapsedTimer m_clock;

    // Figures.
    int m_rounds = 0;
    int m_started = 0; // devices with a run
    int m_kills = 0;
    int m_interrupted = 0;
    int m_rerun = 0;   // devices offered again after a kill that came before their run
    int m_orphans = 0; // processes left behind by a killed station (swept)
    int m_completed = 0;
    int m_wrongVerdicts = 0;
    int m_lostRecords = 0;
    int m_pendingInterrupted = 0; // RUNNING runs a kill left, to be closed by the next start
    QMap<QString, int> m_faultsByKind;
    QMap<QString, int> m_outcomes;
    QMap<QString, int> m_violationsByKind;
    int m_announcedFinalizes = 0; // killed after the announced update, before its commit
    int m_finalizeSeq = 0;        // the full recipe's finalize step
    QStringList m_violations;
    QList<qint64> m_killedRunIds;
    QHash<int, qint64> m_typicalMs; // Recipe -> wall time of its last whole round
};

Soak::Soak(const Options &options)
    : m_options(options)
    , m_rng(options.seed)
    , m_binDir(QDir(options.binDir).absolutePath())
    , m_catalog(faultCatalog())
{ }

void Soak::violation(const QString &kind, const QString &text)
{
    ++m_violationsByKind[kind];
    if (m_violations.size() < 200)
        m_violations.append(u"[%1] %2"_s.arg(kind, text));
    std::fprintf(stderr, "VIOLATION [%s] %s\n", qPrintable(kind), qPrintable(text));
}

std::optional<QByteArray> Soak::sphereSim(const QStringList &args)
{
    ToolCall call;
    call.program = m_binDir + u"/sphere-sim"_s;
    call.arguments = args;
    call.environment = m_env;
    call.timeout = std::chrono::seconds(60);
    const ToolResult result = ToolRunner::run(call);
    if (!result.isSuccess()) {
        violation(u"simulator"_s,
            u"%1: exit %2 %3 %4"_s.arg(result.commandLine)
                .arg(result.exitCode)
                .arg(result.stdErrText(), result.errorString));
        return std::nullopt;
    }
    return result.stdOut;
}

std::optional<QJsonArray> Soak::benchFixtures()
{
    const auto out = sphereSim({u"bench"_s, u"show"_s, u"--json"_s});
    if (!out)
        return std::nullopt;
    return QJsonDocument::fromJson(*out).object().value(u"fixtures"_s).toArray();
}

// The sample recipes with absolute asset paths and deadlines short enough that a hung tool
// costs seconds, not minutes (the defaults are minutes for real devices).
void Soak::writeRecipes()
{
    const QString recipes = QStringLiteral(STATION_SOURCE_DIR "/resources/recipes/");
    // The assets are copied: a build regenerates the checkout's copy, maybe during a long soak.
    const QString assets = m_work + u"/sim-assets/"_s;
    copyTree(recipes + u"sim-assets"_s, assets);
    const auto absolute = [&](auto &&self, const QJsonValue &value) -> QJsonValue {
        if (value.isObject()) {
            QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                it.value() = self(self, it.value());
            return object;
        }
        if (value.isArray()) {
            QJsonArray array = value.toArray();
            for (auto it = array.begin(); it != array.end(); ++it)
                *it = self(self, *it);
            return array;
        }
        if (value.isString() && value.toString().startsWith(u"sim-assets/"_s))
            return QString(assets + value.toString().mid(11));
        return value;
    };
    for (const Recipe recipe : {Recipe::Quick, Recipe::Full}) {
        QFile in(recipes + recipeName(recipe) + u".json"_s);
        if (!in.open(QIODevice::ReadOnly)) {
            violation(u"setup"_s, in.errorString());
            continue;
        }
        QJsonObject root
            = absolute(absolute, QJsonDocument::fromJson(in.readAll()).object()).toObject();
        QJsonArray steps = root.value(u"steps"_s).toArray();
        for (auto it = steps.begin(); it != steps.end(); ++it) {
            QJsonObject step = it->toObject();
            QJsonObject params = step.value(u"params"_s).toObject();
            const QString type = step.value(u"type"_s).toString();
            step[u"timeout_s"_s] = m_options.stepTimeoutS;
            if (type == "details"_L1)
                step[u"timeout_s"_s] = m_options.detailsTimeoutS;
            if (type == "connect"_L1) {
                params[u"wait_s"_s] = 2;
                step[u"timeout_s"_s] = 3;
            }
            if (type == "wifi-verify"_L1)
                params[u"connect_timeout_s"_s] = std::max(1, m_options.stepTimeoutS - 3);
            if (!params.isEmpty() || step.contains(u"params"_s))
                step[u"params"_s] = params;
            *it = step;
        }
        root[u"steps"_s] = steps;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            if (recipe == Recipe::Full
                && steps.at(i).toObject().value(u"type"_s).toString() == "finalize"_L1)
                m_finalizeSeq = int(i + 1);
        }
        root[u"name"_s] = QString(root.value(u"name"_s).toString() + u" (soak)"_s);
        const QString file = m_work + u"/soak-"_s + recipeName(recipe) + u".json"_s;
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson()) < 0)
            violation(u"setup"_s, out.errorString());
        m_recipes.insert(int(recipe), file);
    }
}

bool Soak::setUp()
{
    if (m_options.workDir.isEmpty()) {
        m_tmp = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/soak-XXXXXX"_s);
        if (!m_tmp->isValid())
            return false;
        m_work = m_tmp->path();
    } else {
        m_work = QDir(m_options.workDir).absolutePath();
        QDir(m_work).removeRecursively();
        QDir().mkpath(m_work);
    }
    m_bench = m_work + u"/bench"_s;
    m_record = m_work + u"/record.sqlite"_s;
    QDir().mkpath(m_bench);
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(u"AZSPHERE_SIM_HOME"_s, m_bench);
    m_env.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, QString::number(m_options.timeScale));
    // The station's logs and settings stay inside the soak's folder.
    m_env.insert(u"XDG_DATA_HOME"_s, m_work + u"/xdg-data"_s);
    m_env.insert(u"XDG_CONFIG_HOME"_s, m_work + u"/xdg-config"_s);
    writeRecipes();
    // Orphans of a killed station are re-parented to the soak, which reaps them.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    return sphereSim({u"bench"_s,
                         u"create"_s,
                         u"--devices"_s,
                         QString::number(m_options.fixtures),
                         u"--seed"_s,
                         u"soak-%1"_s.arg(m_options.seed)})
        .has_value();
}

StationExit Soak::runStation(Recipe recipe, const QList<int> &fixtures, bool kill)
{
    StationExit result;
    QStringList list;
    for (int f : fixtures)
        list.append(QString::number(f));
    ToolCall call;
    call.program = m_binDir + u"/sphere-station"_s;
    call.arguments = {u"--headless"_s,
        u"--simulate"_s,
        QString::number(m_options.fixtures),
        u"--recipe"_s,
        m_recipes.value(int(recipe)),
        u"--record"_s,
        m_record,
        u"--fixtures"_s,
        list.join(u','),
        u"--station"_s,
        u"soak"_s,
        u"--operator"_s,
        u"soak"_s};
    call.environment = m_env;
    QElapsedTimer clock;
    clock.start();
    auto process = ToolRunner::startBackground(call);
    if (!process) {
        violation(
            u"station-start"_s, process.error().message.english() + u' ' + process.error().detail);
        return result;
    }
    BackgroundProcess &station = **process;
    const qint64 pid = station.processId();
    QEventLoop loop;
    QObject::connect(&station, &BackgroundProcess::exited, &loop, [&](int code) {
        result.exitCode = code;
        loop.quit();
    });
    QTimer killer;
    killer.setSingleShot(true);
    if (kill) {
        // A random moment of the run: from before the record is open to past the last step.
        const double typical = double(m_typicalMs.value(int(recipe), 3000));
        result.killAfterMs = qint64(m_rng.bounded(typical * 1.2));
        QObject::connect(&killer, &QTimer::timeout, &loop, [&] {
            if (station.isRunning()) {
                ::kill(pid_t(pid), SIGKILL);
                result.killed = true;
            }
        });
        killer.start(int(result.killAfterMs));
    }
    // A station that does not end within this has hung: a finding in itself.
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, [&] {
        result.hung = true;
        ::kill(pid_t(pid), SIGKILL);
    });
    watchdog.start(std::chrono::minutes(5));
    if (station.isRunning())
        loop.exec();
    result.ms = clock.elapsed();
    result.lines = station.outputLines();
    process->reset();
    return result;
}

// Processes re-parented to the soak (left behind by a station): each reaped when it ends by
// itself within `grace` (tools get PR_SET_PDEATHSIG from the station, which takes a moment), the
// rest killed. Returns the names of those still running after the grace period.
QStringList Soak::sweepOrphans(std::chrono::milliseconds grace)
{
    const pid_t self = ::getpid();
    const auto children = [self] {
        QHash<int, QString> found; // pid -> name
        const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &entry : entries) {
            bool ok = false;
            const int pid = entry.toInt(&ok);
            if (!ok)
                continue;
            QFile stat(u"/proc/%1/stat"_s.arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray text = stat.readAll();
            const qsizetype open = text.indexOf('(');
            const qsizetype close = text.lastIndexOf(')');
            if (open < 0 || close < 0)
                continue;
            const QList<QByteArray> fields = text.mid(close + 2).split(' '); // state ppid ...
            if (fields.size() < 2 || fields.at(1).toInt() != self)
                continue;
            if (fields.at(0) == "Z") { // ended: reap it
                int status = 0;
                ::waitpid(pid, &status, WNOHANG);
                continue;
            }
            found.insert(pid, QString::fromLocal8Bit(text.mid(open + 1, close - open - 1)));
        }
        return found;
    };
    QElapsedTimer clock;
    clock.start();
    QHash<int, QString> alive = children();
    while (!alive.isEmpty() && clock.elapsed() < grace.count()) {
        QEventLoop wait;
        QTimer::singleShot(20, &wait, &QEventLoop::quit);
        wait.exec();
        alive = children();
    }
    QStringList names;
    for (auto it = alive.cbegin(); it != alive.cend(); ++it) {
        names.append(it.value());
        ::kill(it.key(), SIGKILL);
        int status = 0;
        ::waitpid(it.key(), &status, 0);
    }
    return names;
}

QSqlDatabase &Soak::record()
{
    QSqlDatabase &db = m_db;
    if (!db.isValid()) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_dbName);
        db.setDatabaseName(m_record);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=30000"_s);
    }
    if (!db.isOpen() && QFile::exists(m_record) && !db.open())
        violation(u"record"_s, db.lastError().text());
    return db;
}

// One number from the record (0 before the station has made it).
qint64 Soak::recordNumber(const QString &sql)
{
    if (!QFile::exists(m_record))
        return 0;
    QSqlQuery query(record());
    if (!query.exec(sql) || !query.next()) {
        violation(u"record"_s, query.lastError().text());
        return 0;
    }
    return query.value(0).toLongLong();
}

int Soak::countRunning()
{
    return int(recordNumber(u"SELECT count(*) FROM runs WHERE outcome = 'RUNNING'"_s));
}

qint64 Soak::maxRunId()
{
    return recordNumber(u"SELECT coalesce(max(id), 0) FROM runs"_s);
}

QList<RunRow> Soak::runsAfter(qint64 id)
{
    QList<RunRow> rows;
    if (!QFile::exists(m_record))
        return rows;
    QSqlQuery query(record());
    query.prepare(uR"(SELECT id, fixture, device_id, outcome, failed_step, error_code, cause
                      FROM runs WHERE id > ? ORDER BY id)"_s);
    query.addBindValue(id);
    if (!query.exec()) {
        violation(u"record"_s, query.lastError().text());
        return rows;
    }
    while (query.next()) {
        rows.append({query.value(0).toLongLong(),
            query.value(1).toInt(),
            query.value(2).toString(),
            query.value(3).toString(),
            query.value(4).toString(),
            query.value(5).toString(),
            query.value(6).toString()});
    }
    return rows;
}

QMap<int, QString> Soak::stepOutcomes(qint64 runId)
{
    QMap<int, QString> steps;
    QSqlQuery query(record());
    query.prepare(u"SELECT seq, outcome FROM steps WHERE run_id = ?"_s);
    query.addBindValue(runId);
    if (!query.exec())
        violation(u"record"_s, query.lastError().text());
    while (query.next())
        steps.insert(query.value(0).toInt(), query.value(1).toString());
    return steps;
}

bool Soak::finalizeAnnounced(qint64 runId)
{
    QSqlQuery query(record());
    query.prepare(
        u"SELECT count(*) FROM events WHERE kind = 'finalize-intent' AND detail LIKE ?"_s);
    query.addBindValue(u"run %1: %"_s.arg(runId));
    if (!query.exec() || !query.next()) {
        violation(u"record"_s, query.lastError().text());
        return false;
    }
    return query.value(0).toInt() > 0;
}

QString Soak::pragma(const QString &name)
{
    QSqlQuery query(record());
    if (!query.exec(u"PRAGMA "_s + name) || !query.next())
        return u"error: "_s + query.lastError().text();
    QStringList lines {query.value(0).toString()};
    while (query.next() && lines.size() < 10)
        lines.append(query.value(0).toString());
    return lines.join(u"; "_s);
}

// Everything the station printed must be in the record: step lines ("F3  1a2b..cdef  4/14  Name
// PASS  0.01 s") and verdict lines ("F3  1a2b..cdef  record run 17: FAIL (...)").
void Soak::checkPrinted(const StationExit &exit, const QList<RunRow> &runs)
{
    static const QRegularExpression stepLine(
        u"^F(\\d+)\\s.*?\\s(\\d+)/(\\d+)\\s{2,}.*?\\s{2,}(PASS|FAIL|SKIPPED|ABORTED)\\s+-?[0-9.]+ s"_s);
    static const QRegularExpression verdictLine(u"^F(\\d+)\\s.*\\srecord run (\\d+): ([A-Z]+)"_s);
    QHash<int, const RunRow *> byFixture;
    QHash<qint64, const RunRow *> byId;
    for (const RunRow &run : runs) {
        byFixture.insert(run.fixture, &run);
        byId.insert(run.id, &run);
    }
    QHash<qint64, QMap<int, QString>> steps;
    for (const QString &line : exit.lines) {
        if (const auto m = verdictLine.match(line); m.hasMatch()) {
            const RunRow *run = byId.value(m.captured(2).toLongLong());
            if (!run || run->fixture != m.captured(1).toInt() || run->outcome != m.captured(3)) {
                ++m_lostRecords;
                violation(u"lost-record"_s,
                    u"the station printed \"%1\" but the record has %2"_s.arg(
                        line, run ? run->outcome : u"no such run"_s));
            }
            continue;
        }
        if (const auto m = stepLine.match(line); m.hasMatch()) {
            const RunRow *run = byFixture.value(m.captured(1).toInt());
            if (!run) {
                ++m_lostRecords;
                violation(u"lost-record"_s, u"printed step without a run: %1"_s.arg(line));
                continue;
            }
            if (!steps.contains(run->id))
                steps.insert(run->id, stepOutcomes(run->id));
            const QString recorded = steps.value(run->id).value(m.captured(2).toInt());
            if (recorded != m.captured(4)) {
                ++m_lostRecords;
                violation(u"lost-record"_s,
                    u"run %1: printed \"%2\", recorded step %3 is \"%4\""_s.arg(run->id).arg(
                        line, m.captured(2), recorded));
            }
        }
    }
}

int Soak::exec()
{
    m_clock.start();
    if (!setUp()) {
        std::fprintf(stderr, "soak: set-up failed\n");
        return 2;
    }
    std::printf("# work = %s\n", qPrintable(m_work));
    std::fflush(stdout);

    QHash<int, Device> inFixture; // devices offered but not started yet (after a kill)
    bool firstRound = true;
    while (m_started < m_options.devices) {
        ++m_rounds;
        const Recipe recipe = m_rounds % 2 == 0 ? Recipe::Full : Recipe::Quick;
        const bool slowRound = m_rng.generateDouble() < m_options.slowRoundRate;
        const int wanted = m_options.devices - m_started;
        // Never kill the last round, so every run is closed by a later start.
        const bool kill
            = wanted > m_options.fixtures && m_rng.generateDouble() < m_options.killRate;

        // 1. The devices: a new one in every fixture, unless its device has not run yet.
        QList<int> fixtures;
        for (int f = 1; f <= m_options.fixtures && fixtures.size() < wanted; ++f)
            fixtures.append(f);
        for (int f : std::as_const(fixtures)) {
            Device &device = inFixture[f];
            if (device.id.isEmpty()) {
                if (!firstRound && !sphereSim({u"swap"_s, u"--fixture"_s, QString::number(f)}))
                    return 2;
                device = Device {};
                device.fixture = f;
                if (m_rng.generateDouble() < m_options.faultRate) {
                    QList<const Fault *> candidates;
                    for (const Fault &fault : std::as_const(m_catalog)) {
                        if (slowRound || !fault.costsTimeout)
                            candidates.append(&fault);
                    }
                    device.faultSpec = candidates.at(int(m_rng.bounded(candidates.size())));
                    device.fault = device.faultSpec->label;
                }
            }
        }
        firstRound = false;
        const auto shown = benchFixtures();
        if (!shown)
            return 2;
        for (int f : std::as_const(fixtures)) {
            Device &device = inFixture[f];
            const QJsonObject row = shown->at(f - 1).toObject();
            if (device.id.isEmpty()) {
                device.id = row.value(u"deviceId"_s).toString();
                device.serial = row.value(u"serial"_s).toString();
            } else if (device.id != row.value(u"deviceId"_s).toString()) {
                violation(u"simulator"_s, u"fixture %1 holds another device than planned"_s.arg(f));
            }
            if (!row.value(u"attached"_s).toBool()
                && !sphereSim({u"plug"_s, u"--fixture"_s, QString::number(f)}))
                return 2;
            // (Re)apply the planned fault: the last round's checks cleared every fault.
            if (device.faultSpec) {
                if (!sphereSim(QStringList {u"fault"_s, u"set"_s, u"--device"_s, device.id}
                        + device.faultSpec->args))
                    return 2;
            }
            ++device.attempts;
        }

        // 2. The station.
        const qint64 before = maxRunId();
        const StationExit exit = runStation(recipe, fixtures, kill);
        const QStringList orphans = sweepOrphans(std::chrono::seconds(2));
        if (exit.hung)
            violation(u"station-hung"_s, u"round %1: no exit within 5 minutes"_s.arg(m_rounds));
        if (exit.killed) {
            ++m_kills;
            m_orphans += int(orphans.size());
        }
        if (!orphans.isEmpty()) {
            // Tools die with the station (PR_SET_PDEATHSIG), and a station that exits stops
            // what it started: nothing may run on after it.
            violation(u"orphans"_s,
                u"round %1: the station %2 and left %3 running 2 s later"_s.arg(m_rounds).arg(
                    exit.killed ? u"was killed"_s : u"exited"_s, orphans.join(u", "_s)));
        }
        if (!exit.killed && !exit.hung)
            m_typicalMs[int(recipe)] = exit.ms;
        // The runs an earlier kill left open must have been closed by this start, which says so
        // right after its first line ("recipe ...", printed once the record is open).
        const bool opened = std::any_of(exit.lines.cbegin(),
            exit.lines.cend(),
            [](const QString &l) { return l.startsWith(u"recipe "_s); });
        if (m_pendingInterrupted > 0 && opened) {
            const QString expectedLine
                = u"%1 run(s) left open earlier were closed as INTERRUPTED"_s.arg(
                    m_pendingInterrupted);
            if (!exit.lines.contains(expectedLine)) {
                violation(u"interrupted"_s,
                    u"round %1 did not report \"%2\""_s.arg(m_rounds).arg(expectedLine));
            }
        }
        const QList<RunRow> runs = runsAfter(before);
        // Also what a killed station printed before it died must be in the record.
        checkPrinted(exit, runs);

        // 3. The simulator's view, faults cleared and unplugged devices (unplug-mid-step)
        //    plugged back, so every device answers.
        if (!sphereSim({u"fault"_s, u"clear"_s, u"--all"_s}))
            return 2;
        auto after = benchFixtures();
        if (!after)
            return 2;
        bool plugged = false;
        for (int f : std::as_const(fixtures)) {
            if (!after->at(f - 1).toObject().value(u"attached"_s).toBool()) {
                if (!sphereSim({u"plug"_s, u"--fixture"_s, QString::number(f)}))
                    return 2;
                plugged = true;
            }
        }
        if (plugged && !(after = benchFixtures()))
            return 2;

        // 4. Each fixture: one run, the right verdict, the right device state.
        QHash<int, QList<const RunRow *>> runsOf;
        for (const RunRow &run : runs)
            runsOf[run.fixture].append(&run);
        for (auto it = runsOf.cbegin(); it != runsOf.cend(); ++it) {
            if (!fixtures.contains(it.key())) {
                violation(u"extra-run"_s,
                    u"round %1: a run on fixture %2, which was not started"_s.arg(m_rounds).arg(
                        it.key()));
            }
        }
        for (int f : std::as_const(fixtures)) {
            Device &device = inFixture[f];
            const QList<const RunRow *> found = runsOf.value(f);
            const QJsonObject state = after->at(f - 1).toObject();
            const QString manufacturingState = state.value(u"manufacturingState"_s).toString();
            const QString where
                = u"round %1 (%2%3), fixture %4, device %5 (%6), fault %7"_s.arg(m_rounds)
                      .arg(recipeName(recipe), exit.killed ? u", killed"_s : u""_s)
                      .arg(f)
                      .arg(device.id.left(16), device.serial)
                      .arg(device.fault.isEmpty() ? u"none"_s : device.fault);
            if (found.size() > 1) {
                violation(u"runs-per-start"_s, u"%1: %2 runs"_s.arg(where).arg(found.size()));
            }
            if (found.isEmpty()) {
                if (exit.killed || exit.hung) {
                    // Killed before this fixture's run began: the device is offered again.
                    if (manufacturingState != "Blank"_L1) {
                        violation(u"device-state"_s,
                            u"%1: no run, but the device is %2"_s.arg(where, manufacturingState));
                    }
                    ++m_rerun;
                    continue;
                }
                ++m_lostRecords;
                violation(u"lost-record"_s, u"%1: started, but no run in the record"_s.arg(where));
                device = Device {};
                continue;
            }
            const RunRow &run = *found.constFirst();
            ++m_started;
            ++m_faultsByKind[device.fault.isEmpty() ? u"none"_s : device.fault];
            if (!run.deviceId.isEmpty() && run.deviceId != device.id) {
                violation(u"device-mixup"_s,
                    u"%1: run %2 recorded device %3"_s.arg(where).arg(run.id).arg(run.deviceId));
            }
            const bool complete = manufacturingState == "DeviceComplete"_L1;
            if (run.outcome == "RUNNING"_L1 && (exit.killed || exit.hung)) {
                // Closed as INTERRUPTED by the next start; checked there and at the end.
                ++m_interrupted;
                m_killedRunIds.append(run.id);
                ++m_outcomes[u"INTERRUPTED"_s];
                if (complete) {
                    // Killed between the irreversible `manufacturing-state update` and the
                    // finalize step's commit. Accepted only as docs/recipe.md section 8 says it
                    // must look: every earlier step passed and is recorded, and the record
                    // announced the change (a finalize-intent event of this run) before it was
                    // made. Anything else is a violation.
                    const QMap<int, QString> steps = stepOutcomes(run.id);
                    const bool earlierPassed = !steps.isEmpty()
                        && steps.lastKey() == m_finalizeSeq - 1
                        && int(steps.size()) == steps.lastKey()
                        && std::all_of(steps.cbegin(), steps.cend(), [](const QString &o) {
                               return o == "PASS"_L1 || o == "SKIPPED"_L1;
                           });
                    if (earlierPassed && finalizeAnnounced(run.id)) {
                        ++m_announcedFinalizes;
                    } else {
                        violation(u"device-complete"_s,
                            u"%1: DeviceComplete, but run %2 was interrupted after step %3 "
                            "without a finalize-intent event or with an earlier step not passed"_s
                                .arg(where)
                                .arg(run.id)
                                .arg(steps.isEmpty() ? 0 : steps.lastKey()));
                    }
                }
            } else if (run.outcome != "PASS"_L1 && run.outcome != "FAIL"_L1) {
                violation(
                    u"outcome"_s, u"%1: run %2 is %3"_s.arg(where).arg(run.id).arg(run.outcome));
            } else {
                ++m_outcomes[run.outcome];
                const Expectation want = expected(device.fault, recipe, m_options.timeScale);
                if (run.outcome != want.outcome
                    || (want.outcome == "FAIL"_L1 && run.errorCode != want.errorCode)) {
                    ++m_wrongVerdicts;
                    violation(u"verdict"_s,
                        u"%1: expected %2 %3, run %4 is %5 %6 at \"%7\": %8"_s
                            .arg(where, want.outcome, want.errorCode)
                            .arg(run.id)
                            .arg(run.outcome, run.errorCode, run.failedStep, run.cause));
                }
                const bool shouldBeComplete = run.outcome == "PASS"_L1 && recipe == Recipe::Full;
                if (complete != shouldBeComplete) {
                    violation(u"device-complete"_s,
                        u"%1: run %2 is %3 (%4 recipe), the device is %5"_s.arg(where)
                            .arg(run.id)
                            .arg(run.outcome, recipeName(recipe), manufacturingState));
                }
                if (complete) {
                    // Every step of a run that left the device DeviceComplete passed.
                    const QMap<int, QString> steps = stepOutcomes(run.id);
                    for (auto s = steps.cbegin(); s != steps.cend(); ++s) {
                        if (s.value() != "PASS"_L1 && s.value() != "SKIPPED"_L1) {
                            violation(u"device-complete"_s,
                                u"%1: DeviceComplete, but step %2 of run %3 is %4"_s.arg(where)
                                    .arg(s.key())
                                    .arg(run.id)
                                    .arg(s.value()));
                        }
                    }
                    ++m_completed;
                }
            }
            // The device's state as azsphere reports it, for every device whose state matters.
            if (complete || exit.killed || recipe == Recipe::Full) {
                ToolCall call;
                call.program = m_binDir + u"/../sim-bin/azsphere"_s;
                call.arguments = {u"device"_s,
                    u"manufacturing-state"_s,
                    u"show"_s,
                    u"--device"_s,
                    device.id,
                    u"--output"_s,
                    u"json"_s};
                call.environment = m_env;
                // A station killed in a recover or restart leaves the device rebooting for a
                // moment (its simulated reboot time): ask again until it answers.
                ToolResult shownState;
                QString reported;
                for (int attempt = 0; attempt < 50; ++attempt) {
                    shownState = ToolRunner::run(call);
                    reported = QJsonDocument::fromJson(shownState.stdOut)
                                   .object()
                                   .value(u"manufacturingState"_s)
                                   .toString();
                    if (!reported.isEmpty()
                        || !shownState.stdErrText().contains(u"not responding"_s))
                        break;
                    QEventLoop wait;
                    QTimer::singleShot(100, &wait, &QEventLoop::quit);
                    wait.exec();
                }
                if (reported != manufacturingState) {
                    violation(u"device-state"_s,
                        u"%1: bench show says %2, azsphere says %3 (%4)"_s.arg(where,
                            manufacturingState,
                            reported,
                            shownState.stdErrText().trimmed()));
                }
            }
            device = Device {}; // started: a new device comes next round
        }
        m_pendingInterrupted = countRunning();
        if (exit.killed) {
            const QString check = pragma(u"quick_check"_s);
            if (check != "ok"_L1)
                violation(
                    u"integrity"_s, u"after the kill in round %1: %2"_s.arg(m_rounds).arg(check));
        }
        if (m_rounds % 25 == 0 || m_started >= m_options.devices) {
            std::printf("# round %d: %d/%d devices, %d kills, %d violations, %.0f s\n",
                m_rounds,
                m_started,
                m_options.devices,
                m_kills,
                int(m_violations.size()),
                m_clock.elapsed() / 1000.0);
            std::fflush(stdout);
        }
    }
    checkFinal();
    report(m_clock.elapsed() / 1000.0);
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_dbName);
    return m_violationsByKind.isEmpty() ? 0 : 1;
}

void Soak::checkFinal()
{
    // Every run has an outcome; INTERRUPTED only for the runs a kill left open.
    QSqlQuery query(record());
    if (!query.exec(u"SELECT id, outcome FROM runs"_s))
        violation(u"record"_s, query.lastError().text());
    int runs = 0;
    while (query.next()) {
        ++runs;
        const qint64 id = query.value(0).toLongLong();
        const QString outcome = query.value(1).toString();
        const bool killed = m_killedRunIds.contains(id);
        if (outcome == "RUNNING"_L1 || (outcome == "INTERRUPTED"_L1) != killed) {
            violation(u"outcome"_s,
                u"run %1 is %2 (%3)"_s.arg(id).arg(
                    outcome, killed ? u"left open by a kill"_s : u"not killed"_s));
        }
    }
    query.finish();
    if (runs != m_started) {
        violation(u"runs-per-start"_s,
            u"%1 runs in the record for %2 started devices"_s.arg(runs).arg(m_started));
    }
    const QString integrity = pragma(u"integrity_check"_s);
    if (integrity != "ok"_L1)
        violation(u"integrity"_s, integrity);

    // The CSV export parses back to the same rows.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto written = exportCsv(m_record, RunFilter {}, buffer);
    if (!written) {
        violation(u"csv"_s, written.error().message.english() + u' ' + written.error().detail);
        return;
    }
    const QList<QStringList> parsed = parseCsv(buffer.data());
    const QStringList header = csvHeader(CsvLayout::RunPerRow);
    if (parsed.isEmpty() || parsed.constFirst() != header || parsed.size() != runs + 1) {
        violation(u"csv"_s,
            u"%1 records parsed for %2 runs (header %3)"_s.arg(parsed.size())
                .arg(runs)
                .arg(parsed.isEmpty() ? u"-"_s : parsed.constFirst().join(u',')));
        return;
    }
    const QStringList columns {u"run_id"_s,
        u"outcome"_s,
        u"fixture"_s,
        u"device_id"_s,
        u"error_code"_s,
        u"failed_step"_s,
        u"started_utc"_s,
        u"finished_utc"_s,
        u"recipe_name"_s};
    QSqlQuery rows(record());
    if (!rows.exec(uR"(SELECT id, outcome, fixture, device_id, error_code, failed_step,
                              started_utc, coalesce(finished_utc, ''), recipe_name
                       FROM runs ORDER BY started_utc, id)"_s)) {
        violation(u"record"_s, rows.lastError().text());
        return;
    }
    QHash<QString, QStringList> fromRecord;
    while (rows.next()) {
        QStringList cells;
        for (int i = 0; i < columns.size(); ++i)
            cells.append(rows.value(i).toString());
        fromRecord.insert(cells.constFirst(), cells);
    }
    int mismatches = 0;
    for (qsizetype r = 1; r < parsed.size(); ++r) {
        QStringList cells;
        for (const QString &column : columns) {
            QString cell = parsed.at(r).value(header.indexOf(column));
            if (cell.startsWith(u'\'')) // formula neutralisation (csvexport.h)
                cell.remove(0, 1);
            cells.append(cell);
        }
        if (fromRecord.value(cells.constFirst()) != cells && ++mismatches <= 5) {
            violation(u"csv"_s,
                u"row %1: %2 != record %3"_s.arg(r).arg(
                    cells.join(u'|'), fromRecord.value(cells.constFirst()).join(u'|')));
        }
    }
}

void Soak::report(double wallS)
{
    QJsonArray figures;
    const auto add = [&](const QString &name, double value, const QString &unit) {
        std::printf("%s: %s %s\n",
            qPrintable(name),
            qPrintable(value == double(qint64(value)) ? QString::number(qint64(value))
                                                      : QString::number(value, 'g', 6)),
            qPrintable(unit));
        figures.append(QJsonObject {{u"name"_s, name}, {u"value"_s, value}, {u"unit"_s, unit}});
    };
    add(u"devices"_s, m_started, u"devices"_s);
    add(u"rounds"_s, m_rounds, u"rounds"_s);
    add(u"fixtures"_s, m_options.fixtures, u"fixtures"_s);
    add(u"time_scale"_s, m_options.timeScale, u"x"_s);
    add(u"kills"_s, m_kills, u"kills"_s);
    add(u"interrupted_runs"_s, m_interrupted, u"runs"_s);
    add(u"reoffered_after_kill"_s, m_rerun, u"devices"_s);
    add(u"orphans_after_kill"_s, m_orphans, u"processes"_s);
    add(u"device_complete"_s, m_completed, u"devices"_s);
    for (auto it = m_outcomes.cbegin(); it != m_outcomes.cend(); ++it)
        add(u"outcome."_s + it.key(), it.value(), u"runs"_s);
    int faulted = 0;
    for (auto it = m_faultsByKind.cbegin(); it != m_faultsByKind.cend(); ++it) {
        add(u"fault."_s + it.key(), it.value(), u"devices"_s);
        if (it.key() != "none"_L1)
            faulted += it.value();
    }
    add(u"faulted_devices"_s, faulted, u"devices"_s);
    add(u"wrong_verdicts"_s, m_wrongVerdicts, u"runs"_s);
    add(u"lost_records"_s, m_lostRecords, u"records"_s);
    int violations = 0;
    for (auto it = m_violationsByKind.cbegin(); it != m_violationsByKind.cend(); ++it) {
        add(u"violations."_s + it.key(), it.value(), u"violations"_s);
        violations += it.value();
    }
    add(u"violations"_s, violations, u"violations"_s);
    add(u"finalize_interrupted_announced"_s, m_announcedFinalizes, u"runs"_s);
    add(u"wall_time"_s, wallS, u"s"_s);
    std::fflush(stdout);
    if (!m_options.json.isEmpty()) {
        const QJsonObject root {{u"benchmark"_s, u"soak"_s},
            {u"seed"_s, qint64(m_options.seed)},
            {u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
            {u"figures"_s, figures},
            {u"violations"_s, QJsonArray::fromStringList(m_violations)}};
        QFile out(m_options.json);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson()) < 0)
            std::fprintf(stderr, "soak: cannot write %s\n", qPrintable(m_options.json));
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Options options;
    options.devices = argument(args, u"--devices"_s, u"200"_s).toInt();
    options.fixtures = argument(args, u"--fixtures"_s, u"8"_s).toInt();
    options.seed = argument(args, u"--seed"_s, u"1"_s).toUInt();
    options.timeScale = argument(args, u"--time-scale"_s, u"0.01"_s).toDouble();
    options.faultRate = argument(args, u"--fault-rate"_s, u"0.5"_s).toDouble();
    options.killRate = argument(args, u"--kill-rate"_s, u"0.15"_s).toDouble();
    options.stepTimeoutS = argument(args, u"--step-timeout"_s, u"6"_s).toInt();
    options.workDir = argument(args, u"--work"_s, {});
    options.json = argument(args, u"--json"_s, {});
    options.binDir = argument(args, u"--bin"_s, options.binDir);
    if (options.devices < 1 || options.fixtures < 1 || options.fixtures > 64
        || options.stepTimeoutS < 4) {
        std::fprintf(stderr,
            "usage: soak --devices N [--fixtures 1..64] [--seed S] [--time-scale X] "
            "[--fault-rate P] [--kill-rate P] [--step-timeout S>=4] [--work DIR] [--json FILE] "
            "[--bin DIR]\n");
        return 2;
    }
    Soak soak(options);
    return soak.exec();
}
