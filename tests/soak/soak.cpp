// soak: a fault soak of the whole station. Rounds of `sphere-station --headless` runs over a
// simulated bench until --devices devices have been started: every round swaps a new device into
// each fixture, injects simulator faults at random (every kind the simulator has), and sometimes
// kills the station with SIGKILL at a random moment (the next start closes its runs as
// INTERRUPTED and the devices that never started are run again). A careless floor too: devices
// swapped out of their fixture right before or after a chosen command (swap-before-command) or
// at a random moment of the run, replies cut at the capture limit (oversized-output), a second
// station started on the same record, and finished devices put back into a fixture. Then it
// checks, from the record and the simulator's device state, that nothing was lost and every
// verdict is right:
// - every start has exactly one run, every run an outcome (INTERRUPTED only in killed rounds);
// - every verdict matches what the simulator did (an injected fault the recipe must hit is a
//   FAIL with the matching error code; a device without one PASSes);
// - no device is in DeviceComplete unless its run passed every step (and every full-recipe PASS
//   is DeviceComplete), cross-checked with `azsphere device manufacturing-state show`;
// - no untested device is DeviceComplete (every one at the end has a run that announced it after
//   every earlier step passed), no PASS for a device that left its fixture, a device swapped in
//   keeps no lasting change (OS, images, e-fuses, state, Wi-Fi), a finished device put back is
//   refused (DeviceFinalized) and left byte for byte as it was, and a second station is refused
//   (RecordInUse, naming the live one) without the live one's runs being touched;
// - every step and verdict line the station printed is in the record;
// - the station leaves no process behind after a normal exit;
// - PRAGMA integrity_check is ok; the CSV export parses back to the same rows.
// Exit code 0 only when every check held. Figures go to stdout ("name: value unit") and --json.
// (A second station once took the live one's simulated UART links before it was refused; the
// soak counted those runs apart. Since the record lock is taken before anything is started such
// a run is a wrong verdict like any other.)
//
//   soak --devices N [--fixtures 8] [--seed 1] [--time-scale 0.01] [--fault-rate 0.5]
//        [--kill-rate 0.15] [--second-station-rate 0.1] [--put-back-rate 0.03]
//        [--step-timeout 6] [--work DIR] [--json FILE] [--bin DIR]
#include "services/plant/plantschema.h"
#include "services/process/backgroundprocess.h"
#include "services/process/toolrunner.h"
#include "services/records/csvexport.h"
#include "tests/helpers/csvparse.h"
#include "tests/helpers/pgserver.h"
#include "tests/helpers/plantcompare.h"

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
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
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
    // Share of rounds (without a kill) in which a second station is started on the record.
    double secondStationRate = 0.1;
    // Chance that a fixture gets a finished device back instead of a new one.
    double putBackRate = 0.03;
    int stepTimeoutS = 6;
    int detailsTimeoutS = 3;
    QString workDir;
    QString json;
    // Which of Microsoft's tools the station drives (the simulator's stand-in for it).
    QString cli = QStringLiteral("azsphere");
    // Deliver to a plant database (a throwaway PostgreSQL 15) that is stopped, killed and made
    // unreachable at random moments, every `plantChaosS` seconds on average; at the end every
    // run must be in the plant exactly as in the record.
    bool plant = false;
    double plantChaosS = 20.0;
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

// How a fault that takes the device out of its fixture plays out (docs/simulator.md
// swap-before-command), for the checks after the round.
enum class Swap {
    None,
    Before,        // a new device comes in before the named command: the old one was tested
    BeforeDetails, // before details reads the ID: the new device is the one tested
    EfuseWindow,   // right before the e-fuse write: the new device may carry that write
    After,         // after the named command: the old device was tested (and changed by it)
    Random,        // the soak swaps the fixture at a random moment of the run
};

struct Fault
{
    QString label;     // figure name: the kind, with a variant where it matters
    QStringList args;  // after `sphere-sim fault set --device D` (empty: nothing to set)
    bool costsTimeout; // the station only notices at a deadline (seconds of wall time)
    // The verdict per recipe where the station's classification decides it alone: {quick, full},
    // each empty for PASS or the FAIL's error code. Unset: expected() knows it by the label.
    std::optional<QStringList> verdict = std::nullopt;
    Swap swap = Swap::None;
    // The run may fail inside finalize after the update was made: DeviceComplete, announced.
    bool mayFinalizeUnconfirmed = false;
    // How often it is drawn against the others (a cut reply keeps 1 MiB in the record).
    double weight = 1.0;
};

// Every fault kind the simulator has (docs/simulator.md "Faults"), with variants whose verdicts
// differ. Probability 1 and no count (every call fails) unless said: a retry cannot hide them.
QList<Fault> faultCatalog()
{
    QList<Fault> catalog {
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
    // A device swapped out of its fixture (sphere-sim swap) right before (or after) one command.
    // Every command after `details` is addressed to the recorded device ID, so a command that
    // would have reached the new device fails instead and is told apart as DeviceSwapped.
    const QString swapped = u"DeviceSwapped"_s;
    const auto swap = [&](const QString &label,
                          const QString &command,
                          const QString &variant,
                          const QStringList &verdict,
                          Swap kind) {
        QStringList args {u"swap-before-command"_s, u"--command"_s, command, u"--count"_s, u"1"_s};
        if (!variant.isEmpty())
            args << u"--variant"_s << variant;
        catalog.append(Fault {label, args, false, verdict, kind, kind == Swap::After, 1.0});
    };
    swap(u"swap/before-details"_s, u"show-attached"_s, {}, {{}, {}}, Swap::BeforeDetails);
    swap(u"swap/before-details-state"_s,
        u"manufacturing-state show"_s,
        {},
        {swapped, swapped},
        Swap::Before);
    swap(u"swap/before-recover"_s, u"recover"_s, {}, {{}, swapped}, Swap::Before);
    swap(u"swap/before-rf-read"_s, u"RfSettingsTool"_s, {}, {{}, swapped}, Swap::Before);
    swap(u"swap/before-efuse-write"_s, u"RfToolCli"_s, {}, {{}, swapped}, Swap::EfuseWindow);
    swap(u"swap/before-deploy"_s, u"sideload deploy"_s, {}, {swapped, swapped}, Swap::Before);
    swap(u"swap/before-update"_s, u"manufacturing-state update"_s, {}, {{}, swapped}, Swap::Before);
    swap(u"swap/after-update"_s,
        u"manufacturing-state update"_s,
        u"after"_s,
        {{}, swapped},
        Swap::After);
    // The soak itself swaps the fixture at a random moment of the run (no fault is set).
    catalog.append(Fault {u"swap/random"_s, {}, false, std::nullopt, Swap::Random, true, 2.0});
    // A reply valid at its head, then more than the station keeps (1 MiB), then an error line.
    const QString cut = u"OutputTooLarge"_s;
    const auto oversized = [&](const QString &label,
                               const QString &command,
                               int skip,
                               const QString &variant,
                               const QStringList &verdict,
                               bool afterUpdate) {
        QStringList args {u"oversized-output"_s, u"--command"_s, command};
        if (skip > 0)
            args << u"--skip"_s << QString::number(skip);
        if (!variant.isEmpty())
            args << u"--variant"_s << variant;
        catalog.append(Fault {label, args, false, verdict, Swap::None, afterUpdate, 0.4});
    };
    oversized(u"oversized/details"_s, u"show-attached"_s, 0, {}, {cut, cut}, false);
    oversized(u"oversized/details-stderr"_s, u"show-attached"_s, 0, u"stderr"_s, {cut, cut}, false);
    // manufacturing-state show: details, ready-to-ship, then (full recipe) after the update.
    oversized(u"oversized/ready-state"_s, u"manufacturing-state show"_s, 1, {}, {cut, cut}, false);
    oversized(u"oversized/ready-capabilities"_s,
        u"capability show-attached"_s,
        0,
        u"stderr"_s,
        {cut, cut},
        false);
    oversized(u"oversized/list-installed"_s, u"image list-installed"_s, 0, {}, {cut, cut}, false);
    oversized(u"oversized/deploy"_s, u"sideload deploy"_s, 0, {}, {cut, cut}, false);
    oversized(u"oversized/rf-read"_s, u"RfSettingsTool"_s, 0, {}, {{}, cut}, false);
    oversized(u"oversized/update"_s, u"manufacturing-state update"_s, 0, {}, {{}, cut}, true);
    oversized(u"oversized/confirm"_s, u"manufacturing-state show"_s, 2, {}, {{}, cut}, true);
    return catalog;
}

struct Expectation
{
    QString outcome;   // PASS or FAIL
    QString errorCode; // for FAIL
};

// What the station must conclude for a device with `fault` (null: none) under `recipe`.
// REFERENCE.md 3.1 names the station's classification; quick.json has no recover, RF or UART
// step, so those faults are never hit there and the device passes.
Expectation expected(const Fault *spec, Recipe recipe, double timeScale)
{
    const bool full = recipe == Recipe::Full;
    const auto failWith = [](const QString &code) { return Expectation {u"FAIL"_s, code}; };
    const Expectation pass {u"PASS"_s, {}};
    if (spec && spec->verdict) {
        const QString code = spec->verdict->value(full ? 1 : 0);
        return code.isEmpty() ? pass : failWith(code);
    }
    const QString fault = spec ? spec->label : QString();
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
    // A finished device put back into the fixture (sphere-sim swap --with): the run that
    // finalized it, and its state file as it went in (it must come out byte for byte).
    qint64 putBackFrom = 0;
    QByteArray putBackState;
};

// A finished device that left its fixture, ready to be put back.
struct FinishedDevice
{
    QString serial;
    qint64 runId = 0;
};

// When the soak swapped a fixture during a run (UTC ms around `sphere-sim swap`).
struct SwapWindow
{
    qint64 from = 0;
    qint64 to = 0;
};

struct StationExit
{
    QStringList lines;
    int exitCode = -1;
    bool killed = false;
    bool hung = false;
    qint64 ms = 0;
    qint64 killAfterMs = -1;
    qint64 pid = 0;
    QHash<int, SwapWindow> swaps; // swap/random: fixture -> when
    // A second station started on the same record while this one ran.
    bool secondStarted = false;
    bool firstAliveAfterSecond = false; // the live station still ran when the second had ended
    int secondExit = -1;
    QString secondText;
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
    qint64 finishedMs = 0;
};

class Soak
{
public:
    explicit Soak(const Options &options);
    ~Soak();
    int exec();

private:
    bool setUpPlant();
    void plantChaos();
    void checkPlant();
    std::unique_ptr<TestPg::PgServer> m_pg;
    QString m_plantAdmin;
    QString m_plantStation;
    QString m_config;
    std::thread m_chaos;
    std::atomic<bool> m_chaosStop {false};
    std::atomic<int> m_outages {0};
    std::atomic<int> m_serverKills {0};
    int m_plantRuns = 0;

    bool setUp();
    void writeRecipes();
    [[nodiscard]] std::optional<QByteArray> sphereSim(const QStringList &args);
    [[nodiscard]] std::optional<QJsonArray> benchFixtures();
    StationExit runStation(Recipe recipe,
        const QList<int> &fixtures,
        bool kill,
        const QList<int> &randomSwaps,
        bool secondStation);
    ToolCall stationCall(Recipe recipe, const QList<int> &fixtures) const;
    QStringList sweepOrphans(std::chrono::milliseconds grace);
    QSqlDatabase &record();
    QList<RunRow> runsAfter(qint64 id);
    QMap<int, QString> stepOutcomes(qint64 runId);
    bool finalizeAnnounced(qint64 runId);
    bool earlierStepsPassed(qint64 runId, bool failedAtFinalize);
    QStringList commandLines(qint64 runId);
    qint64 lastCommandStartMs(qint64 runId);
    QString failedStepData(qint64 runId);
    QJsonObject deviceFile(const QString &serial) const;
    QByteArray deviceFileBytes(const QString &serial) const;
    void checkUntouched(const QString &where, const QJsonObject &row, qint64 runId, bool window);
    void checkDeviceCompleteDevices();
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
    // Trust on a real floor (issue #10).
    QJsonObject m_freshDevice; // a device as the bench makes it (what an untouched one looks like)
    QList<FinishedDevice> m_finished; // finished devices that left their fixture
    int m_unconfirmedFinalizes = 0;   // failed in finalize after the (announced) update
    int m_untouchedChecked = 0;       // devices swapped in, found without any lasting change
    int m_efuseWindowWrites = 0;      // written in the window no ID closes, named in the record
    int m_randomSwaps = 0;
    int m_randomSwapsMissed = 0; // the run ended before the moment came
    int m_randomBeforeDetails = 0;
    int m_randomAfterRun = 0;
    QMap<QString, int> m_randomSwapFailures; // error code -> runs
    int m_secondStations = 0;
    int m_secondRefused = 0;
    int m_secondAfterExit = 0; // the first station had already ended: nothing to refuse
    int m_putBacks = 0;
    int m_putBacksRefused = 0;
    int m_completeDevices = 0; // DeviceComplete at the end, each with its announced run
    int m_finalizeSeq = 0;     // the full recipe's finalize step
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
    if (m_options.plant && !setUpPlant())
        return false;
    // Orphans of a killed station are re-parented to the soak, which reaps them.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    if (!sphereSim({u"bench"_s,
            u"create"_s,
            u"--devices"_s,
            QString::number(m_options.fixtures),
            u"--seed"_s,
            u"soak-%1"_s.arg(m_options.seed)}))
        return false;
    // What every new device looks like: a device swapped in and never tested must stay so.
    m_freshDevice = deviceFile(u"SIM00001"_s);
    return !m_freshDevice.isEmpty();
}

// The process exists and has not ended (a zombie, ended but not yet reaped, counts as ended).
bool processAlive(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close >= 0 && close + 2 < text.size() && text.at(close + 2) != 'Z'
        && text.at(close + 2) != 'X';
}

ToolCall Soak::stationCall(Recipe recipe, const QList<int> &fixtures) const
{
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
        u"soak"_s,
        u"--cli"_s,
        m_options.cli};
    if (!m_config.isEmpty())
        call.arguments += {u"--config"_s, m_config};
    call.environment = m_env;
    return call;
}

StationExit Soak::runStation(Recipe recipe,
    const QList<int> &fixtures,
    bool kill,
    const QList<int> &randomSwaps,
    bool secondStation)
{
    StationExit result;
    const ToolCall call = stationCall(recipe, fixtures);
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
    result.pid = pid;
    QEventLoop loop;
    QObject::connect(&station, &BackgroundProcess::exited, &loop, [&](int code) {
        result.exitCode = code;
        loop.quit();
    });
    const double typical = double(m_typicalMs.value(int(recipe), 3000));
    QTimer killer;
    killer.setSingleShot(true);
    if (kill) {
        // A random moment of the run: from before the record is open to past the last step.
        result.killAfterMs = qint64(m_rng.bounded(typical * 1.2));
        QObject::connect(&killer, &QTimer::timeout, &loop, [&] {
            if (station.isRunning()) {
                ::kill(pid_t(pid), SIGKILL);
                result.killed = true;
            }
        });
        killer.start(int(result.killAfterMs));
    }
    // swap/random: the device leaves its fixture at a random moment of the run, as an operator
    // would take it out (a new device goes in at once).
    std::vector<std::unique_ptr<QTimer>> swappers;
    for (int f : randomSwaps) {
        auto timer = std::make_unique<QTimer>();
        timer->setSingleShot(true);
        QObject::connect(timer.get(), &QTimer::timeout, &loop, [&, f] {
            if (!station.isRunning())
                return;
            SwapWindow window;
            window.from = QDateTime::currentMSecsSinceEpoch();
            if (sphereSim({u"swap"_s, u"--fixture"_s, QString::number(f)})) {
                window.to = QDateTime::currentMSecsSinceEpoch();
                result.swaps.insert(f, window);
            }
        });
        timer->start(int(m_rng.bounded(typical)));
        swappers.push_back(std::move(timer));
    }
    // A second station on the same record (an operator starting it twice): refused at once,
    // naming the live one, which goes on untouched.
    QTimer second;
    second.setSingleShot(true);
    if (secondStation) {
        QObject::connect(&second, &QTimer::timeout, &loop, [&] {
            if (!station.isRunning())
                return;
            // It asks for a fixture the station does not have: refused by the lock it says so
            // (RecordInUse); had it got the lock, it stops at the fixture check, before it opens
            // the record or touches the bench. So a live station that ended just before this
            // one's lock (its exit not yet seen by this loop) costs no device a second run.
            ToolCall again = stationCall(recipe, {m_options.fixtures + 1});
            again.timeout = std::chrono::seconds(60);
            result.secondStarted = true;
            const ToolResult other = ToolRunner::run(again);
            result.firstAliveAfterSecond = processAlive(pid);
            result.secondExit
                = other.outcome == ToolOutcome::Succeeded || other.outcome == ToolOutcome::ExitCode
                ? other.exitCode
                : -1;
            result.secondText = other.stdOutText() + other.stdErrText();
        });
        second.start(int(m_rng.bounded(typical * 0.8)));
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
    // With --plant the soak's own PostgreSQL (pg_ctl daemonizes it, and the soak is the
    // subreaper) is a child too: it is not the station's.
    const bool plant = m_options.plant;
    const auto children = [self, plant] {
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
            const QString name = QString::fromLocal8Bit(text.mid(open + 1, close - open - 1));
            if (plant && name == u"postgres"_s)
                continue;
            found.insert(pid, name);
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
    query.prepare(uR"(SELECT id, fixture, device_id, outcome, failed_step, error_code, cause,
                             coalesce(finished_utc, '')
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
            query.value(6).toString(),
            QDateTime::fromString(query.value(7).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch()});
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

// Every step before finalize passed (or was skipped), and (failedAtFinalize) the run stopped in
// finalize, or it got no further than that.
bool Soak::earlierStepsPassed(qint64 runId, bool failedAtFinalize)
{
    QMap<int, QString> steps = stepOutcomes(runId);
    if (failedAtFinalize) {
        if (steps.value(m_finalizeSeq) != "FAIL"_L1)
            return false;
        steps.remove(m_finalizeSeq);
    }
    return !steps.isEmpty() && steps.lastKey() == m_finalizeSeq - 1
        && int(steps.size()) == steps.lastKey()
        && std::all_of(steps.cbegin(), steps.cend(), [](const QString &o) {
               return o == "PASS"_L1 || o == "SKIPPED"_L1;
           });
}

QStringList Soak::commandLines(qint64 runId)
{
    QStringList lines;
    QSqlQuery query(record());
    query.prepare(u"SELECT c.command_line FROM commands c JOIN steps s ON s.id = c.step_id"
                  " WHERE s.run_id = ? ORDER BY s.seq, c.seq"_s);
    query.addBindValue(runId);
    if (!query.exec())
        violation(u"record"_s, query.lastError().text());
    while (query.next())
        lines.append(query.value(0).toString());
    return lines;
}

qint64 Soak::lastCommandStartMs(qint64 runId)
{
    QSqlQuery query(record());
    // Tool calls addressed to a device only: the record also lists evaluations (the
    // ready-to-ship checks' "device_ready.py" row) that ask the device nothing; a device that
    // left after the last real call but before such a row was fully tested.
    query.prepare(u"SELECT max(c.started_utc) FROM commands c JOIN steps s ON s.id = c.step_id"
                  " WHERE s.run_id = ? AND c.command_line LIKE '%--device %'"_s);
    query.addBindValue(runId);
    if (!query.exec() || !query.next()) {
        violation(u"record"_s, query.lastError().text());
        return 0;
    }
    return QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QString Soak::failedStepData(qint64 runId)
{
    QSqlQuery query(record());
    query.prepare(u"SELECT data FROM steps WHERE run_id = ? AND outcome = 'FAIL'"_s);
    query.addBindValue(runId);
    if (!query.exec())
        violation(u"record"_s, query.lastError().text());
    return query.next() ? query.value(0).toString() : QString();
}

QByteArray Soak::deviceFileBytes(const QString &serial) const
{
    QFile file(m_bench + u"/devices/"_s + serial + u".json"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The simulator's own state of a device (docs/simulator.md "The bench directory"): the soak
// reads it for devices that are no longer in a fixture, where no tool can ask them.
QJsonObject Soak::deviceFile(const QString &serial) const
{
    return QJsonDocument::fromJson(deviceFileBytes(serial)).object();
}

// A device that came into a fixture during a run it was not tested in: nothing lasting may have
// reached it (OS, images, e-fuses, manufacturing state, Wi-Fi, keystore, board configuration).
// Only in the window no ID can close (`window`: right before an e-fuse write through the port)
// may its region code carry that write, and then the failed step must name it.
void Soak::checkUntouched(const QString &where, const QJsonObject &row, qint64 runId, bool window)
{
    const QString serial = row.value(u"serial"_s).toString();
    const QString id = row.value(u"deviceId"_s).toString();
    const QJsonObject now = deviceFile(serial);
    QStringList changed;
    for (const QString &key : {u"manufacturingState"_s,
             u"osVersion"_s,
             u"images"_s,
             u"wifi"_s,
             u"trustedKeystore"_s,
             u"boardConfig"_s,
             u"capabilities"_s}) {
        if (now.value(key) != m_freshDevice.value(key))
            changed.append(key);
    }
    // The e-fuses, but for the MAC (per device): chip ID, region, Rx diversity, powers.
    const QByteArray efuse = QByteArray::fromHex(now.value(u"efuse"_s).toString().toLatin1());
    const QByteArray fresh
        = QByteArray::fromHex(m_freshDevice.value(u"efuse"_s).toString().toLatin1());
    constexpr int MacFirst = 0x04, MacLast = 0x09, RegionFirst = 0x36, RegionLast = 0x37;
    bool otherBytes = efuse.size() != fresh.size();
    bool region = false;
    for (qsizetype i = 0; !otherBytes && i < efuse.size(); ++i) {
        if ((i >= MacFirst && i <= MacLast) || efuse.at(i) == fresh.at(i))
            continue;
        if (i >= RegionFirst && i <= RegionLast)
            region = true;
        else
            otherBytes = true;
    }
    if (otherBytes) {
        changed.append(u"efuse"_s);
    } else if (region) {
        const QString uncertain = QJsonDocument::fromJson(failedStepData(runId).toUtf8())
                                      .object()
                                      .value(u"efuseWriteUncertain"_s)
                                      .toString();
        if (window && uncertain.contains(id))
            ++m_efuseWindowWrites;
        else
            changed.append(u"efuse region"_s);
    }
    if (changed.isEmpty()) {
        ++m_untouchedChecked;
        return;
    }
    violation(u"swapped-in-changed"_s,
        u"%1: device %2 (%3) came in during run %4 and was changed: %5"_s.arg(
            where, id.left(16), serial, QString::number(runId), changed.join(u", "_s)));
}

// No untested device ever becomes DeviceComplete: every device the bench holds in that state was
// finalized by a run of this record that announced it (finalize-intent) after every earlier step
// had passed.
void Soak::checkDeviceCompleteDevices()
{
    const QStringList files
        = QDir(m_bench + u"/devices"_s).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QJsonObject device = deviceFile(file.chopped(5));
        if (device.value(u"manufacturingState"_s).toString() != "DeviceComplete"_L1)
            continue;
        const QString id = device.value(u"deviceId"_s).toString();
        QSqlQuery query(record());
        query.prepare(uR"(SELECT r.id FROM runs r WHERE r.device_id = ? AND EXISTS
                             (SELECT 1 FROM events e WHERE e.kind = 'finalize-intent'
                              AND e.detail = 'run ' || r.id || ': device ' || r.device_id
                                             || ' to DeviceComplete'))"_s);
        query.addBindValue(id);
        if (!query.exec())
            violation(u"record"_s, query.lastError().text());
        QList<qint64> announced;
        while (query.next())
            announced.append(query.value(0).toLongLong());
        query.finish();
        const bool proven = std::any_of(announced.cbegin(), announced.cend(), [&](qint64 run) {
            return earlierStepsPassed(run, false) || earlierStepsPassed(run, true)
                || stepOutcomes(run).value(m_finalizeSeq) == "PASS"_L1;
        });
        if (proven) {
            ++m_completeDevices;
        } else {
            violation(u"device-complete"_s,
                u"device %1 (%2) is DeviceComplete without a run that announced it after every "
                "earlier step passed"_s.arg(id.left(16), file.chopped(5)));
        }
    }
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

// Everything the station printed must be in the record: step lines ("F3  1a2b3c4d…cdef  4/14
// Name  PASS  0.01 s") and verdict lines ("F3  1a2b3c4d…cdef  record run 17: FAIL (...)").
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
        bool kill = wanted > m_options.fixtures && m_rng.generateDouble() < m_options.killRate;
        // A second station on the same record, in rounds without a kill (the live one must end).
        const bool second = !kill && m_rng.generateDouble() < m_options.secondStationRate;

        // 1. The devices: a new one in every fixture, unless its device has not run yet. Swaps
        //    and finished devices put back come only in rounds without a kill (their checks
        //    need the run to end), as does a second station.
        QList<int> fixtures;
        for (int f = 1; f <= m_options.fixtures && fixtures.size() < wanted; ++f)
            fixtures.append(f);
        // A device carried over (its run never began) keeps what was planned for it, so this
        // round has no kill if that was a swap or a put-back.
        for (int f : std::as_const(fixtures)) {
            const Device &device = inFixture.value(f);
            if (!device.id.isEmpty()
                && (device.putBackFrom > 0
                    || (device.faultSpec && device.faultSpec->swap != Swap::None)))
                kill = false;
        }
        // Finished devices that can be put back: those in no fixture now.
        QSet<QString> seated;
        if (!m_finished.isEmpty()) {
            const auto now = benchFixtures();
            if (!now)
                return 2;
            for (const QJsonValue &row : *now)
                seated.insert(row.toObject().value(u"serial"_s).toString());
        }
        for (int f : std::as_const(fixtures)) {
            Device &device = inFixture[f];
            if (!device.id.isEmpty())
                continue;
            device = Device {};
            device.fixture = f;
            QList<qsizetype> free;
            for (qsizetype i = 0; i < m_finished.size(); ++i) {
                if (!seated.contains(m_finished.at(i).serial))
                    free.append(i);
            }
            const bool putBack = !firstRound && !kill && !free.isEmpty()
                && m_rng.generateDouble() < m_options.putBackRate;
            if (putBack) {
                const FinishedDevice back
                    = m_finished.takeAt(free.at(qsizetype(m_rng.bounded(int(free.size())))));
                seated.insert(back.serial);
                if (!sphereSim(
                        {u"swap"_s, u"--fixture"_s, QString::number(f), u"--with"_s, back.serial}))
                    return 2;
                device.putBackFrom = back.runId;
                ++m_putBacks;
                continue;
            }
            if (!firstRound && !sphereSim({u"swap"_s, u"--fixture"_s, QString::number(f)}))
                return 2;
            if (m_rng.generateDouble() < m_options.faultRate) {
                QList<const Fault *> candidates;
                double total = 0;
                for (const Fault &fault : std::as_const(m_catalog)) {
                    if ((slowRound || !fault.costsTimeout) && (!kill || fault.swap == Swap::None)) {
                        candidates.append(&fault);
                        total += fault.weight;
                    }
                }
                double pick = m_rng.generateDouble() * total;
                device.faultSpec = candidates.constLast();
                for (const Fault *fault : std::as_const(candidates)) {
                    if ((pick -= fault->weight) < 0) {
                        device.faultSpec = fault;
                        break;
                    }
                }
                device.fault = device.faultSpec->label;
            }
        }
        firstRound = false;
        // A device carried over from a killed round never has a swap (drawn without a kill).
        const auto shown = benchFixtures();
        if (!shown)
            return 2;
        QList<int> randomSwaps;
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
            if (device.faultSpec && !device.faultSpec->args.isEmpty()) {
                if (!sphereSim(QStringList {u"fault"_s, u"set"_s, u"--device"_s, device.id}
                        + device.faultSpec->args))
                    return 2;
            }
            if (device.faultSpec && device.faultSpec->swap == Swap::Random)
                randomSwaps.append(f);
            if (device.putBackFrom > 0)
                device.putBackState = deviceFileBytes(device.serial);
            ++device.attempts;
        }

        // 2. The station.
        const qint64 before = maxRunId();
        const StationExit exit = runStation(recipe, fixtures, kill, randomSwaps, second);
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
        if (exit.secondStarted) {
            // Refused before it touches the record (exit 2), naming the live station.
            ++m_secondStations;
            const QString holder
                = u"is in use by another station: process %1 (headless)"_s.arg(exit.pid);
            const QString gotLock = u"There is no fixture %1"_s.arg(m_options.fixtures + 1);
            if (exit.secondExit == 2 && exit.secondText.contains(holder)) {
                ++m_secondRefused;
            } else if (exit.secondExit == 2 && exit.secondText.contains(gotLock)
                && !exit.firstAliveAfterSecond) {
                // The live station had ended (its exit not yet seen): the lock was free.
                ++m_secondAfterExit;
            } else {
                violation(u"second-station"_s,
                    u"round %1: a second station on the record exited %2, expected 2 naming "
                    "process %3: %4"_s.arg(m_rounds)
                        .arg(exit.secondExit)
                        .arg(exit.pid)
                        .arg(exit.secondText.trimmed().left(400)));
            }
        }
        if (!exit.killed && !exit.hung)
            m_typicalMs[int(recipe)] = exit.ms;
        // The runs an earlier kill left open must have been closed by this start, which says so
        // right after its first line ("recipe ...", printed once the record is open).
        const bool opened = std::any_of(exit.lines.cbegin(),
            exit.lines.cend(),
            [](const QString &l) { return l.startsWith(u"recipe "_s); });
        if (m_pendingInterrupted > 0 && opened) {
            // The English plural forms (sphere-station_en.ts).
            const QString expectedLine = m_pendingInterrupted == 1
                ? u"1 run left open earlier was closed as INTERRUPTED"_s
                : u"%1 runs left open earlier were closed as INTERRUPTED"_s.arg(
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
            // The fixture now: after a swap it holds another device than the one planned.
            const QJsonObject row = after->at(f - 1).toObject();
            const QString inFixtureNow = row.value(u"deviceId"_s).toString();
            const Swap swap = device.faultSpec ? device.faultSpec->swap : Swap::None;
            const QString where
                = u"round %1 (%2%3), fixture %4, device %5 (%6), %7"_s.arg(m_rounds)
                      .arg(recipeName(recipe), exit.killed ? u", killed"_s : u""_s)
                      .arg(f)
                      .arg(device.id.left(16), device.serial)
                      .arg(device.putBackFrom > 0
                              ? u"put back (finalized by run %1)"_s.arg(device.putBackFrom)
                              : u"fault "_s + (device.fault.isEmpty() ? u"none"_s : device.fault));
            if (found.size() > 1) {
                violation(u"runs-per-start"_s, u"%1: %2 runs"_s.arg(where).arg(found.size()));
            }
            if (found.isEmpty()) {
                const QString state
                    = deviceFile(device.serial).value(u"manufacturingState"_s).toString();
                if (exit.killed || exit.hung) {
                    // Killed before this fixture's run began: the device is offered again.
                    if (state != "Blank"_L1) {
                        violation(u"device-state"_s,
                            u"%1: no run, but the device is %2"_s.arg(where, state));
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
            ++m_faultsByKind[device.putBackFrom > 0 ? u"put-back"_s
                    : device.fault.isEmpty()        ? u"none"_s
                                                    : device.fault];
            // Which device the run was about: the planned one, or the one that came in before
            // details read the ID.
            const bool swappedOut = inFixtureNow != device.id;
            const bool newOneTested = swappedOut && run.deviceId == inFixtureNow
                && (swap == Swap::BeforeDetails || swap == Swap::Random);
            const QString tested = newOneTested ? inFixtureNow : device.id;
            const QString testedSerial
                = newOneTested ? row.value(u"serial"_s).toString() : device.serial;
            if (swappedOut && swap == Swap::None && device.putBackFrom == 0)
                violation(u"simulator"_s, u"%1: swapped out without a swap"_s.arg(where));
            if (!run.deviceId.isEmpty() && run.deviceId != tested) {
                violation(u"device-mixup"_s,
                    u"%1: run %2 recorded device %3"_s.arg(where).arg(run.id).arg(run.deviceId));
            }
            const QString manufacturingState
                = deviceFile(testedSerial).value(u"manufacturingState"_s).toString();
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
                    if (earlierStepsPassed(run.id, false) && finalizeAnnounced(run.id)) {
                        ++m_announcedFinalizes;
                    } else {
                        violation(u"device-complete"_s,
                            u"%1: DeviceComplete, but run %2 was interrupted without a "
                            "finalize-intent event or with an earlier step not passed"_s.arg(where)
                                .arg(run.id));
                    }
                }
            } else if (run.outcome != "PASS"_L1 && run.outcome != "FAIL"_L1) {
                violation(
                    u"outcome"_s, u"%1: run %2 is %3"_s.arg(where).arg(run.id).arg(run.outcome));
            } else {
                ++m_outcomes[run.outcome];
                const auto wrong = [&](const QString &want) {
                    ++m_wrongVerdicts;
                    violation(u"verdict"_s,
                        u"%1: expected %2, run %3 is %4 %5 at \"%6\": %7"_s.arg(where, want)
                            .arg(run.id)
                            .arg(run.outcome, run.errorCode, run.failedStep, run.cause));
                };
                if (device.putBackFrom > 0) {
                    // A finished device is refused at details, naming its run, and nothing is
                    // done to it: only questions asked, its state file exactly as it went in.
                    if (run.outcome != "FAIL"_L1 || run.errorCode != "DeviceFinalized"_L1
                        || !run.cause.contains(u"run %1 finalized it"_s.arg(device.putBackFrom))) {
                        wrong(u"FAIL DeviceFinalized naming run %1"_s.arg(device.putBackFrom));
                    }
                    bool onlyQuestions = true;
                    for (const QString &line : commandLines(run.id)) {
                        if (!line.contains(u"list-attached"_s) && !line.contains(u"show-attached"_s)
                            && !line.contains(u"manufacturing-state show"_s)
                            && !line.contains(u"show-os-version"_s)) {
                            onlyQuestions = false;
                            violation(u"put-back-changed"_s,
                                u"%1: run %2 sent %3"_s.arg(where).arg(run.id).arg(line));
                        }
                    }
                    if (deviceFileBytes(device.serial) != device.putBackState) {
                        violation(u"put-back-changed"_s,
                            u"%1: the device's state changed during run %2"_s.arg(where).arg(
                                run.id));
                    } else if (onlyQuestions && run.errorCode == "DeviceFinalized"_L1) {
                        ++m_putBacksRefused;
                    }
                    m_finished.append({device.serial, device.putBackFrom});
                } else if (swap == Swap::Random) {
                    // Judged by when the device left (the soak's swap) against the record.
                    const auto window = exit.swaps.constFind(f);
                    if (window == exit.swaps.cend()) {
                        ++m_randomSwapsMissed;
                        if (run.outcome != "PASS"_L1)
                            wrong(u"PASS (the run ended before the swap)"_s);
                    } else if (newOneTested) {
                        ++m_randomSwaps;
                        ++m_randomBeforeDetails;
                        if (run.outcome != "PASS"_L1)
                            wrong(u"PASS (the new device came in before details)"_s);
                    } else {
                        ++m_randomSwaps;
                        if (run.outcome == "PASS"_L1) {
                            // Every recipe ends with a command addressed to the device ID: a
                            // PASS is possible only if the device left after it started.
                            if (lastCommandStartMs(run.id) > window->to)
                                wrong(u"FAIL (the device left before its last command)"_s);
                            else
                                ++m_randomAfterRun;
                        } else if (run.finishedMs < window->from) {
                            wrong(u"PASS (the run ended before the swap, without a fault)"_s);
                        } else {
                            ++m_randomSwapFailures[run.errorCode];
                        }
                    }
                } else {
                    const Expectation want
                        = expected(device.faultSpec, recipe, m_options.timeScale);
                    if (run.outcome != want.outcome
                        || (want.outcome == "FAIL"_L1 && run.errorCode != want.errorCode))
                        wrong(want.outcome + u' ' + want.errorCode);
                }
                // No PASS for a device that left: the tested device is still in its fixture,
                // or (a random swap) left after the run's last command began (checked above).
                if (run.outcome == "PASS"_L1 && swappedOut && !newOneTested
                    && swap != Swap::Random) {
                    ++m_wrongVerdicts;
                    violation(u"pass-left"_s,
                        u"%1: run %2 PASSed, but the device left its fixture"_s.arg(where).arg(
                            run.id));
                }
                // DeviceComplete: a passing full run, or a run that failed inside finalize after
                // the announced update (its reply cut, or the device gone right after it).
                const bool shouldBeComplete = device.putBackFrom > 0
                    || (run.outcome == "PASS"_L1 && recipe == Recipe::Full);
                if (complete && !shouldBeComplete) {
                    const bool allowed = device.faultSpec
                        && device.faultSpec->mayFinalizeUnconfirmed && run.outcome == "FAIL"_L1
                        && earlierStepsPassed(run.id, true) && finalizeAnnounced(run.id);
                    if (allowed) {
                        ++m_unconfirmedFinalizes;
                    } else {
                        violation(u"device-complete"_s,
                            u"%1: run %2 is %3 %4 (%5 recipe), the device is DeviceComplete"_s
                                .arg(where)
                                .arg(run.id)
                                .arg(run.outcome, run.errorCode, recipeName(recipe)));
                    }
                } else if (complete != shouldBeComplete) {
                    violation(u"device-complete"_s,
                        u"%1: run %2 is %3 (%4 recipe), the device is %5"_s.arg(where)
                            .arg(run.id)
                            .arg(run.outcome, recipeName(recipe), manufacturingState));
                }
                if (complete && run.outcome == "PASS"_L1) {
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
                    m_finished.append({testedSerial, run.id});
                }
            }
            // A device that came in during the run and was not the one tested: untouched.
            if (swappedOut && !newOneTested && device.putBackFrom == 0)
                checkUntouched(
                    where, row, run.id, swap == Swap::EfuseWindow || swap == Swap::Random);
            // Before details the old device was only looked for: untouched too.
            if (newOneTested) {
                QJsonObject old;
                old.insert(u"serial"_s, device.serial);
                old.insert(u"deviceId"_s, device.id);
                checkUntouched(where, old, run.id, false);
            }
            // The device's state as azsphere reports it, for every device whose state matters
            // and that can still be asked (it is in its fixture).
            if ((complete || exit.killed || recipe == Recipe::Full) && tested == inFixtureNow) {
                ToolCall call;
                call.program = m_binDir + u"/../sim-bin/azsphere"_s;
                call.arguments = {u"device"_s,
                    u"manufacturing-state"_s,
                    u"show"_s,
                    u"--device"_s,
                    tested,
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
                        u"%1: the state file says %2, azsphere says %3 (%4)"_s.arg(where,
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
    if (m_options.plant)
        checkPlant();
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
    checkDeviceCompleteDevices();

    // The CSV export parses back to the same rows.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto written = exportCsv(m_record, RunFilter {}, buffer);
    if (!written) {
        violation(u"csv"_s, written.error().message.english() + u' ' + written.error().detail);
        return;
    }
    const QList<QStringList> parsed = Station::Tests::parseCsv(buffer.data());
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
    if (m_options.plant) {
        add(u"plant.outages"_s, m_outages.load(), u"outages"_s);
        add(u"plant.server_kills"_s, m_serverKills.load(), u"kills"_s);
        add(u"plant.runs"_s, m_plantRuns, u"runs"_s);
    }
    add(u"fixtures"_s, m_options.fixtures, u"fixtures"_s);
    add(u"time_scale"_s, m_options.timeScale, u"x"_s);
    std::printf("cli: %s\n", qPrintable(m_options.cli));
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
        if (it.key() != "none"_L1 && it.key() != "put-back"_L1)
            faulted += it.value();
    }
    add(u"faulted_devices"_s, faulted, u"devices"_s);
    add(u"swapped_in_untouched"_s, m_untouchedChecked, u"devices"_s);
    add(u"efuse_window_writes_recorded"_s, m_efuseWindowWrites, u"devices"_s);
    add(u"random_swaps"_s, m_randomSwaps, u"devices"_s);
    add(u"random_swaps.missed"_s, m_randomSwapsMissed, u"devices"_s);
    add(u"random_swaps.before_details"_s, m_randomBeforeDetails, u"runs"_s);
    add(u"random_swaps.after_last_command"_s, m_randomAfterRun, u"runs"_s);
    for (auto it = m_randomSwapFailures.cbegin(); it != m_randomSwapFailures.cend(); ++it)
        add(u"random_swaps.fail."_s + it.key(), it.value(), u"runs"_s);
    add(u"finalize_failed_after_announced_update"_s, m_unconfirmedFinalizes, u"runs"_s);
    add(u"second_stations"_s, m_secondStations, u"starts"_s);
    add(u"second_stations_refused"_s, m_secondRefused, u"starts"_s);
    add(u"second_stations_after_first_ended"_s, m_secondAfterExit, u"starts"_s);
    add(u"put_back_finished"_s, m_putBacks, u"devices"_s);
    add(u"put_back_refused_untouched"_s, m_putBacksRefused, u"runs"_s);
    add(u"device_complete_at_end_announced"_s, m_completeDevices, u"devices"_s);
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

Soak::~Soak()
{
    m_chaosStop = true;
    if (m_chaos.joinable())
        m_chaos.join();
}

bool Soak::setUpPlant()
{
    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty()) {
        std::fprintf(stderr, "soak: --plant: %s\n", qPrintable(reason));
        return false;
    }
    m_pg = std::make_unique<TestPg::PgServer>();
    if (const QString problem = m_pg->start(); !problem.isEmpty()) {
        std::fprintf(stderr, "soak: --plant: %s\n", qPrintable(problem));
        return false;
    }
    {
        Station::Plant::Connection postgres;
        if (!postgres.open(m_pg->adminConninfo()))
            return false;
        QSqlQuery query(postgres.database());
        if (!query.exec(u"CREATE DATABASE soak"_s))
            return false;
    }
    m_plantAdmin = m_pg->adminConninfo(u"soak"_s);
    {
        Station::Plant::Connection admin;
        if (!admin.open(m_plantAdmin))
            return false;
        QSqlDatabase db = admin.database();
        if (!Station::Plant::init(db)
            || !Station::Plant::registerStation(db, u"soak"_s, u"soak_pc"_s, u"Line 1"_s, {}))
            return false;
    }
    // Over the server's socket (trust): the soak is about outages, not passwords.
    m_plantStation
        = u"host=%1 port=%2 dbname=soak user=soak_pc"_s.arg(m_pg->directory()).arg(m_pg->port());
    m_config = m_work + u"/station.ini"_s;
    QFile ini(m_config);
    if (!ini.open(QIODevice::WriteOnly))
        return false;
    ini.write(u"[station]\nbackend=simulator\n[plant]\nconnection=\"%1\"\nstation=soak\n"_s
                  .arg(m_plantStation)
                  .toUtf8());
    ini.close();
    m_chaos = std::thread([this] { plantChaos(); });
    return true;
}

// Outages at random moments: an orderly stop, a kill (immediate: no checkpoint, recovery at the
// next start) or a longer absence, each for 1 to 8 s (the longer one up to 20 s).
void Soak::plantChaos()
{
    QRandomGenerator rng(m_options.seed ^ 0x504c4e54u);
    auto sleepFor = [this](double seconds) {
        for (double slept = 0; slept < seconds && !m_chaosStop.load(); slept += 0.1)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    };
    while (!m_chaosStop.load()) {
        sleepFor(m_options.plantChaosS * (0.25 + 1.5 * rng.generateDouble()));
        if (m_chaosStop.load())
            break;
        const int kind = int(rng.bounded(3));
        const bool killed = kind == 1;
        if (!m_pg->halt(killed ? u"immediate"_s : u"fast"_s))
            continue;
        ++m_outages;
        if (killed)
            ++m_serverKills;
        sleepFor(kind == 2 ? 8 + 12 * rng.generateDouble() : 1 + 7 * rng.generateDouble());
        for (int attempt = 0; attempt < 5 && !m_pg->resume(); ++attempt)
            std::this_thread::sleep_for(std::chrono::seconds(1));
    }
}

void Soak::checkPlant()
{
    m_chaosStop = true;
    if (m_chaos.joinable())
        m_chaos.join();
    if (!m_pg->isRunning() && !m_pg->resume()) {
        violation(u"plant"_s, u"the plant server does not start again"_s);
        return;
    }
    // What the last station wrote after its relay stopped is delivered as a retired PC's
    // record would be.
    ToolCall call;
    call.program = m_binDir + u"/sphere-station"_s;
    call.arguments = {u"plant"_s,
        u"deliver"_s,
        u"--record"_s,
        m_record,
        u"--station"_s,
        u"soak"_s,
        u"--connection"_s,
        m_plantStation,
        u"--timeout"_s,
        u"300"_s};
    call.environment = m_env;
    call.timeout = std::chrono::seconds(330);
    const ToolResult delivered = ToolRunner::run(call);
    if (delivered.exitCode != 0)
        violation(u"plant"_s,
            u"plant deliver: exit %1: %2 %3"_s.arg(delivered.exitCode)
                .arg(delivered.stdOutText(), QString::fromUtf8(delivered.stdErr)));
    Station::Plant::Connection plant;
    if (!plant.open(m_plantAdmin)) {
        violation(u"plant"_s, u"cannot open the plant database"_s);
        return;
    }
    const QList<TestPlant::Difference> differences
        = TestPlant::compare(m_db, plant.database(), u"soak"_s);
    for (const TestPlant::Difference &d : differences)
        violation(u"plant-content"_s,
            u"%1: %2 rows in the record, %3 in the plant; record only: %4; plant only: %5"_s
                .arg(d.table)
                .arg(d.localRows)
                .arg(d.plantRows)
                .arg(d.firstLocalOnly.left(200), d.firstPlantOnly.left(200)));
    QSqlQuery query(plant.database());
    if (query.exec(u"SELECT (SELECT count(*) FROM plant.runs), (SELECT count(*) FROM "
                   "plant.dead_letters)"_s)
        && query.next()) {
        m_plantRuns = query.value(0).toInt();
        if (query.value(1).toInt() != 0)
            violation(u"plant"_s, u"%1 dead letters"_s.arg(query.value(1).toInt()));
    }
    m_pg->stop();
}

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
    options.secondStationRate = argument(args, u"--second-station-rate"_s, u"0.1"_s).toDouble();
    options.putBackRate = argument(args, u"--put-back-rate"_s, u"0.03"_s).toDouble();
    options.workDir = argument(args, u"--work"_s, {});
    options.json = argument(args, u"--json"_s, {});
    options.binDir = argument(args, u"--bin"_s, options.binDir);
    options.cli = argument(args, u"--cli"_s, options.cli);
    options.plant = args.contains(u"--plant"_s);
    options.plantChaosS = argument(args, u"--plant-chaos"_s, u"20"_s).toDouble();
    if (options.devices < 1 || options.fixtures < 1 || options.fixtures > 64
        || options.stepTimeoutS < 4
        || (options.cli != QLatin1String("azsphere") && options.cli != QLatin1String("az"))) {
        std::fprintf(stderr,
            "usage: soak --devices N [--fixtures 1..64] [--seed S] [--time-scale X] "
            "[--fault-rate P] [--kill-rate P] [--second-station-rate P] [--put-back-rate P] "
            "[--step-timeout S>=4] [--work DIR] [--json FILE] [--bin DIR] [--cli azsphere|az] "
            "[--plant [--plant-chaos S]]\n");
        return 2;
    }
    Soak soak(options);
    return soak.exec();
}
