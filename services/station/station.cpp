#include "services/station/station.h"

#include "services/azsphere/devicedata.h"
#include "services/base/logging.h"
#include "services/base/textcheck.h"
#include "services/base/tr.h"
#include "services/recipe/recipeloader.h"
#include "services/records/recordlock.h"
#include "services/records/recordstore.h"
#include "services/station/fixtureworker.h"
#include "services/station/presencemonitor.h"
#include "services/station/recordwriter.h"

#include <QDeadlineTimer>
#include <QSemaphore>
#include <QThread>
#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// A worker thread asked to quit is normally idle (its run was cancelled first).
constexpr std::chrono::milliseconds ThreadStopBound = 5s;

void registerMetaTypes()
{
    qRegisterMetaType<Station::FixtureSnapshot>();
    qRegisterMetaType<Station::StepResult>();
    qRegisterMetaType<Station::RunRequest>();
    qRegisterMetaType<Station::Presence>();
    qRegisterMetaType<Station::Text>();
}

} // namespace

void ThreadStopper::operator()(QThread *thread) const
{
    if (!thread)
        return;
    thread->quit();
    if (!thread->wait(QDeadlineTimer(ThreadStopBound))) {
        // Destroying a running QThread aborts the process; leaking it at shutdown does not.
        Logging::station().critical(
            u"a worker thread did not stop within %1 ms; left running"_s.arg(
                ThreadStopBound.count()));
        return;
    }
    delete thread;
}

StationController::StationController(QObject *parent)
    : QObject(parent)
    , m_recordRetry(new QTimer(this))
    , m_handsFreeTimer(new QTimer(this))
{
    registerMetaTypes();
    m_handsFreeTimer->setSingleShot(true);
    connect(m_handsFreeTimer, &QTimer::timeout, this, &StationController::runHandsFree);
    // A worker that is between runs has nobody to retry its queued results: ask it, so the
    // station can accept starts again as soon as the record is writable.
    m_recordRetry->setInterval(FixtureWorker::RecordRetryInterval);
    connect(m_recordRetry, &QTimer::timeout, this, [this] {
        for (int fixture : std::as_const(m_failingRecords)) {
            const auto it = m_slots.find(fixture);
            if (it != m_slots.end() && !it->second.running && it->second.worker) {
                QMetaObject::invokeMethod(
                    it->second.worker, &FixtureWorker::retryRecord, Qt::QueuedConnection);
            }
        }
    });
}

StationController::~StationController()
{
    shutdown();
}

QList<int> StationController::fixtureNumbers() const
{
    QList<int> numbers;
    for (const auto &[number, slot] : m_slots)
        numbers.append(number);
    return numbers;
}

Result<> StationController::open(const StationOptions &options)
{
    if (m_open)
        return fail(ErrorCode::InvalidArgument, Tr::tr("The station is already open."));
    if (options.fixtures.isEmpty())
        return fail(ErrorCode::InvalidArgument, Tr::tr("No fixtures are configured."));
    m_options = options;
    // Hands-free knows a device only from presence.
    m_options.handsFree = options.handsFree && options.presence;

    // One station process per record: a second one is refused before it touches the file (and
    // above all before it could close this station's live runs as INTERRUPTED).
    if (options.recordLock) {
        m_recordLock = options.recordLock;
        m_options.recordLock.reset(); // held once, by m_recordLock
    } else {
        Result<std::unique_ptr<RecordLock>> locked
            = RecordLock::acquire(options.recordPath, options.processMode);
        if (!locked)
            return fail(locked.error());
        m_recordLock = std::move(*locked);
    }

    m_record = std::make_unique<RecordStore>();
    m_record->setSyncEveryWrite(options.recordSyncEveryWrite);
    if (Result<> opened = m_record->open(options.recordPath); !opened)
        return opened;
    // A run the station did not finish (crash, power cut) is closed before anything else runs.
    Result<int> closed = m_record->closeInterruptedRuns();
    if (!closed)
        return fail(closed.error());
    m_interruptedClosed = *closed;
    if (*closed > 0) {
        Logging::station().warn(
            u"closed %1 run(s) left open by an earlier session as INTERRUPTED"_s.arg(*closed));
    }

    // The station's own events are written on a thread of their own: a record write never holds
    // up the GUI thread (a busy record would, for up to SQLite's busy timeout).
    {
        auto *thread = new QThread;
        thread->setObjectName(u"record-events"_s);
        m_writerThread.reset(thread);
        m_writer = new RecordWriter(options.recordPath, options.recordSyncEveryWrite);
        if (options.eventHook)
            m_writer->setHook(options.eventHook);
        m_writer->moveToThread(thread);
        connect(thread, &QThread::finished, m_writer, &QObject::deleteLater);
        thread->start();
    }

    for (const FixtureConfig &config : options.fixtures) {
        auto [it, inserted] = m_slots.try_emplace(config.number);
        if (!inserted) {
            return fail(ErrorCode::InvalidArgument,
                Tr::tr("Fixture %1 is configured twice.").arg(config.number));
        }
        Slot &slot = it->second;
        slot.config = config;
        slot.handsFree.setSettle(options.handsFreeSettle);
        // After a restart the tile shows the fixture's last run (its verdict, or INTERRUPTED)
        // until presence says that another device, or none, is in the fixture.
        if (auto last = m_record->lastRunOfFixture(config.number); last && last->has_value()) {
            const RecordStore::LastRun &run = **last;
            FixtureSnapshot &s = slot.snapshot;
            s.runId = run.runId;
            s.deviceId = run.deviceId;
            s.verdictDeviceId = run.deviceId;
            s.verdict = run.outcome;
            s.failedStep = run.failedStep;
            s.errorCode = run.errorCode;
            s.cause = run.cause;
            s.started = run.started;
            s.finished = run.finished;
            s.stepIndex = run.stepsRecorded;
            s.stepCount = run.stepsRecorded;
            s.serialNumber = run.serialNumber;
            // Hands-free: the fixture's last run's device does not start by itself after a
            // restart either.
            slot.handsFree.runFinished(HandsFreeDecider::Clock::now(), run.deviceId);
        }
        slot.snapshot.fixture = config.number;
        slot.snapshot.label = config.label;
        slot.snapshot.connectionPath = config.connectionPath;

        auto *thread = new QThread;
        thread->setObjectName(u"fixture.%1"_s.arg(config.number));
        slot.thread.reset(thread);
        // No parent: the worker is moved to its thread and deleted there when it finishes.
        slot.worker = new FixtureWorker(config.number, options.recordPath);
        if (options.recordHook)
            slot.worker->setRecordHook(options.recordHook);
        slot.worker->setRecordSyncEveryWrite(options.recordSyncEveryWrite);
        slot.worker->setPlantConnection(options.plantConnection);
        slot.worker->moveToThread(thread);
        connect(thread, &QThread::finished, slot.worker, &QObject::deleteLater);
        // QThread::started is emitted on the new thread: the worker lowers that thread's priority.
        connect(
            thread,
            &QThread::started,
            slot.worker,
            [worker = slot.worker] { worker->lowerThreadPriority(); },
            Qt::DirectConnection);
        connect(slot.worker,
            &FixtureWorker::snapshotChanged,
            this,
            &StationController::onWorkerSnapshot);
        connect(slot.worker, &FixtureWorker::stepStarted, this, &StationController::stepStarted);
        connect(slot.worker, &FixtureWorker::stepProgress, this, &StationController::stepProgress);
        connect(slot.worker, &FixtureWorker::stepFinished, this, &StationController::stepFinished);
        connect(slot.worker, &FixtureWorker::outputLine, this, &StationController::outputLine);
        connect(slot.worker, &FixtureWorker::runFinished, this, &StationController::onRunFinished);
        connect(slot.worker, &FixtureWorker::recordError, this, &StationController::onRecordError);
        connect(slot.worker,
            &FixtureWorker::recordRecovered,
            this,
            &StationController::onRecordRecovered);
        thread->start();
    }

    if (options.presence) {
        auto *thread = new QThread;
        thread->setObjectName(u"presence"_s);
        m_presenceThread.reset(thread);
        m_presence = new PresenceMonitor(options.fixtures, options.tools, options.presenceInterval);
        if (options.presenceByFtdi)
            m_presence->setSource(PresenceMonitor::Source::Ftdi);
        m_presence->moveToThread(thread);
        connect(thread, &QThread::finished, m_presence, &QObject::deleteLater);
        connect(
            m_presence, &PresenceMonitor::presenceChanged, this, &StationController::onPresence);
        connect(
            m_presence, &PresenceMonitor::deviceSwapped, this, &StationController::deviceSwapped);
        connect(m_presence, &PresenceMonitor::polled, this, &StationController::presencePolled);
        thread->start();
        QMetaObject::invokeMethod(m_presence, &PresenceMonitor::start, Qt::QueuedConnection);
    }
    m_open = true;
    logEvent(0, u"station-open"_s, u"%1 fixture(s)"_s.arg(options.fixtures.size()));
    // The trail says that runs may start without a click from now on.
    if (m_options.handsFree)
        logEvent(0, u"hands-free"_s, u"on, settle %1 ms"_s.arg(m_options.handsFreeSettle.count()));
    publishAll();
    return {};
}

Result<> StationController::loadRecipe(const QString &path)
{
    Result<Recipe> recipe = Station::loadRecipe(path);
    if (!recipe)
        return fail(recipe.error());
    setRecipe(*recipe);
    return {};
}

void StationController::setRecipe(const Recipe &recipe)
{
    m_recipe = recipe;
    m_hasRecipe = true;
    logEvent(0, u"recipe-load"_s, u"%1 %2 %3"_s.arg(recipe.name, recipe.version, recipe.sha256));
    // "Passed" is per recipe: what each present device passed changes with it, and so may
    // whether it can start.
    for (auto &[number, slot] : m_slots) {
        if (!slot.running)
            refreshDeviceHistory(slot);
    }
    publishAll();
    Q_EMIT recipeChanged();
}

Result<> StationController::setOperatorName(const QString &name)
{
    if (const QString problem = nameTextProblem(name); !problem.isEmpty()) {
        //: A refused operator name: "The operator name is refused: it contains the control
        //: character U+0007."
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("The operator name is refused: it %1.").arg(problem),
            {},
            Tr::tr("Type the name again with letters, digits and spaces only."));
    }
    m_options.operatorName = name;
    logEvent(0, u"operator"_s, name);
    return {};
}

void StationController::setStationName(const QString &name)
{
    m_options.stationName = name;
}

FixtureSnapshot StationController::snapshot(int fixture) const
{
    const auto it = m_slots.find(fixture);
    return it == m_slots.end() ? FixtureSnapshot {} : it->second.snapshot;
}

QList<FixtureSnapshot> StationController::snapshots() const
{
    QList<FixtureSnapshot> all;
    for (const auto &[number, slot] : m_slots)
        all.append(slot.snapshot);
    return all;
}

Result<> StationController::bindSerialNumber(int fixture, const QString &serialNumber)
{
    const auto it = m_slots.find(fixture);
    if (it == m_slots.end())
        return fail(ErrorCode::InvalidArgument, Tr::tr("There is no fixture %1.").arg(fixture));
    Slot &slot = it->second;
    const QString serial = serialNumber.trimmed();
    if (slot.running)
        return fail(ErrorCode::InvalidArgument, Tr::tr("Fixture %1 is running.").arg(fixture));
    // The same refusal whoever binds the label (the window's scan, a headless caller).
    if (!serial.isEmpty() && m_hasRecipe && !m_recipe.acceptsLabel(serial)) {
        const QString pattern = m_recipe.labelPattern.pattern();
        return fail(ErrorCode::InvalidArgument,
            m_recipe.labelExample.isEmpty()
                ? Tr::tr("The label %1 does not match the recipe's label pattern %2.")
                      .arg(serial, pattern)
                : Tr::tr("The label %1 does not have the form %2 that the recipe expects "
                         "(pattern %3).")
                      .arg(serial, m_recipe.labelExample, pattern));
    }
    if (!serial.isEmpty()) {
        for (const auto &[number, other] : m_slots) {
            if (number != fixture && other.snapshot.serialNumber == serial) {
                return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The label %1 is already scanned for fixture %2.")
                        .arg(serial)
                        .arg(number));
            }
        }
        Result<std::optional<QString>> bound = m_record->deviceForSerial(serial);
        if (!bound)
            return fail(bound.error());
        const QString present = slot.snapshot.deviceId;
        if (bound->has_value() && !present.isEmpty() && **bound != present) {
            return fail(ErrorCode::InvalidArgument,
                Tr::tr("The label %1 already belongs to another device (%2).")
                    .arg(serial, shortDeviceId(**bound)));
        }
    }
    slot.snapshot.serialNumber = serial;
    // The device the label was scanned for: the run refuses another one at details.
    slot.labelDeviceId = serial.isEmpty() ? QString() : slot.snapshot.deviceId;
    publish(slot);
    return {};
}

void StationController::setLabelMacAddress(int fixture, const QString &macAddress)
{
    if (const auto it = m_slots.find(fixture); it != m_slots.end())
        it->second.labelMacAddress = macAddress.trimmed();
}

Result<> StationController::startGate() const
{
    const StartRule rule = stationStartRule();
    if (rule.block != StartBlock::None)
        return fail(rule.error);
    return {};
}

StationController::StartRule StationController::stationStartRule() const
{
    if (!m_open || m_shutDown)
        return {StartBlock::NotOpen,
            Error::make(ErrorCode::InvalidArgument, Tr::tr("The station is not open."))};
    // Who may start comes first: without a user nothing else can be fixed (docs/roles.md).
    if (m_options.requireSignIn && !m_user) {
        return {StartBlock::NotSignedIn,
            Error::make(ErrorCode::NotAllowed, Tr::tr("Sign in to start."))};
    }
    if (Result<> may = permit(Auth::Permission::StartStop); !may)
        return {StartBlock::NotAllowed, may.error()};
    if (!m_hasRecipe)
        return {StartBlock::NoRecipe,
            Error::make(ErrorCode::RecipeInvalid, Tr::tr("No recipe is loaded."))};
    // A run whose steps cannot be recorded must not start: nothing may happen untraced.
    if (!isRecordWritable()) {
        return {StartBlock::RecordUnwritable,
            Error::make(ErrorCode::RecordUnwritable,
                Tr::tr("The record cannot be written; no new run can start until it can."))};
    }
    return {};
}

StationController::StartRule StationController::fixtureStartRule(const Slot &slot) const
{
    if (!m_open || m_shutDown)
        return stationStartRule();
    if (slot.running) {
        return {StartBlock::Running,
            Error::make(ErrorCode::InvalidArgument,
                Tr::tr("Fixture %1 is already running.").arg(slot.config.number))};
    }
    if (StartRule station = stationStartRule(); station.block != StartBlock::None)
        return station;
    if (m_recipe.requireSerial && slot.snapshot.serialNumber.isEmpty()) {
        return {StartBlock::LabelMissing,
            Error::make(ErrorCode::InvalidArgument, Tr::tr("Scan the device's label first."))};
    }
    if (!m_options.presence)
        return {};
    switch (slot.snapshot.presence) {
    case Presence::Empty:
        return {StartBlock::Empty,
            Error::make(
                ErrorCode::DeviceAbsent, Tr::tr("The fixture is empty: insert a device first."))};
    case Presence::Unknown:
        return {StartBlock::NotDetected,
            Error::make(ErrorCode::DeviceAbsent,
                Tr::tr("No device detected yet: wait a moment and try again."))};
    case Presence::Unresponsive:
        return {StartBlock::Unresponsive,
            Error::make(ErrorCode::DeviceNotResponding,
                Tr::tr("The device does not answer: reseat its USB cable."))};
    case Presence::Present:
        break;
    }
    const QString device = shortDeviceId(slot.snapshot.deviceId);
    if (slot.snapshot.finalizedRunId > 0 && m_recipe.changesDevice()) {
        return {StartBlock::Finalized,
            Error::make(ErrorCode::DeviceFinalized,
                Tr::tr("Device %1 was finalized by run %2; this recipe would change it.")
                    .arg(device)
                    .arg(slot.snapshot.finalizedRunId),
                {},
                Tr::tr("Set the device aside with the finished devices."))};
    }
    if (slot.snapshot.passedRunId > 0) {
        return {StartBlock::AlreadyPassed,
            Error::make(ErrorCode::AlreadyPassed,
                Tr::tr("Device %1 already passed this recipe (run %2).")
                    .arg(device)
                    .arg(slot.snapshot.passedRunId),
                {},
                Tr::tr("Insert the next device, or confirm that this one must run again."))};
    }
    if (slot.snapshot.failedRunId > 0) {
        if (Result<> may = permit(Auth::Permission::Rerun); !may) {
            return {StartBlock::NotAllowed,
                Error::make(ErrorCode::NotAllowed,
                    Tr::tr("Device %1 failed this recipe in run %2: %3")
                        .arg(device)
                        .arg(slot.snapshot.failedRunId)
                        .arg(may.error().message),
                    {},
                    Tr::tr("Set the device aside for a technician."))};
        }
    }
    return {};
}

Result<> StationController::permit(Auth::Permission permission) const
{
    if (!m_options.requireSignIn)
        return {};
    if (!m_user)
        return fail(ErrorCode::NotAllowed, Auth::refusal(permission, std::nullopt));
    if (!m_user->may(permission))
        return fail(ErrorCode::NotAllowed, Auth::refusal(permission, m_user->role));
    return {};
}

void StationController::setRequireSignIn(bool require)
{
    m_options.requireSignIn = require;
    publishAll();
}

void StationController::setUser(const std::optional<Auth::User> &user)
{
    m_user = user;
    m_options.operatorName = user ? user->login : QString();
    publishAll();
}

void StationController::publish(Slot &slot)
{
    const StartRule rule = fixtureStartRule(slot);
    slot.snapshot.startBlock = rule.block;
    slot.snapshot.startBlockText = rule.block == StartBlock::None ? Text() : rule.error.message;
    const auto now = HandsFreeDecider::Clock::now();
    slot.snapshot.handsFree = m_options.handsFree ? slot.handsFree.state(now) : HandsFree::Off;
    Q_EMIT fixtureChanged(slot.snapshot);
    // A rule that changed may let a device that is due start now (runHandsFree re-arms the timer
    // for the next deadline).
    if (m_options.handsFree && !slot.running && !slot.handsFree.due(now).isEmpty())
        m_handsFreeTimer->start(0);
}

void StationController::publishAll()
{
    for (auto &[number, slot] : m_slots)
        publish(slot);
}

Result<> StationController::startFixture(int fixture, StartRequest how)
{
    const auto it = m_slots.find(fixture);
    if (it == m_slots.end()) {
        if (Result<> gate = startGate(); !gate)
            return gate;
        return fail(ErrorCode::InvalidArgument, Tr::tr("There is no fixture %1.").arg(fixture));
    }
    return start(it->second, how, false);
}

Result<> StationController::start(Slot &slot, StartRequest how, bool handsFree)
{
    const StartRule rule = fixtureStartRule(slot);
    if (rule.block != StartBlock::None
        && !(rule.block == StartBlock::AlreadyPassed && how == StartRequest::Again))
        return fail(rule.error);
    if (rule.block == StartBlock::AlreadyPassed) {
        if (Result<> may = permit(Auth::Permission::Rerun); !may)
            return may;
    }

    slot.cancel = CancelToken {};
    RunRequest request;
    request.fixture = slot.config;
    request.tools = m_options.tools;
    request.recipe = m_recipe;
    request.stationName = m_options.stationName;
    request.operatorName = m_options.operatorName;
    // A hands-free run was started by the station, under the signed-in user who armed it (their
    // login is the operator; docs/roles.md).
    request.operatorKind = handsFree ? u"hands-free"_s : m_user ? u"user"_s : u"automation"_s;
    request.operatorRole = m_user ? Auth::roleName(m_user->role) : u"automation"_s;
    request.appVersion = m_options.appVersion;
    request.serialNumber = slot.snapshot.serialNumber;
    request.labelDeviceId = slot.labelDeviceId;
    request.labelMacAddress = slot.labelMacAddress;
    request.cancel = slot.cancel;
    slot.running = true;
    slot.snapshot.running = true;
    slot.verdictLeftSince.reset();
    // Started once: by a click or by itself, the device is spent for hands-free.
    slot.handsFree.runStarted(HandsFreeDecider::Clock::now(), slot.snapshot.deviceId);
    clearVerdict(slot.snapshot);
    publish(slot);
    // The run-start event is written by the worker, in the run row's transaction: a write here
    // would hold up the GUI thread behind every starting fixture's commit.
    QMetaObject::invokeMethod(
        slot.worker,
        [worker = slot.worker, request] { worker->run(request); },
        Qt::QueuedConnection);
    if (handsFree) {
        Logging::station().info(
            u"fixture %1: hands-free start of device %2"_s.arg(slot.config.number)
                .arg(shortDeviceId(slot.snapshot.deviceId)));
        Q_EMIT handsFreeStarted(slot.config.number, slot.snapshot.deviceId);
    }
    return {};
}

void StationController::runHandsFree()
{
    if (!m_options.handsFree || !m_open || m_shutDown)
        return;
    const auto now = HandsFreeDecider::Clock::now();
    for (auto &[number, slot] : m_slots) {
        if (slot.running)
            continue;
        if (slot.verdictLeftSince && now - *slot.verdictLeftSince >= slot.handsFree.settle()) {
            slot.verdictLeftSince.reset();
            clearVerdict(slot.snapshot);
            publish(slot);
        }
        const QString due = slot.handsFree.due(now);
        // The device the tile shows is the one that settled (both come from onPresence).
        if (!due.isEmpty() && due.compare(slot.snapshot.deviceId, Qt::CaseInsensitive) == 0
            && fixtureStartRule(slot).block == StartBlock::None) {
            if (Result<> started = start(slot, StartRequest::Normal, true); !started) {
                Logging::station().warn(
                    u"fixture %1: hands-free start refused: %2"_s.arg(number).arg(
                        started.error().message.english()));
            }
            continue;
        }
        // Settling became due (the tile says why it waits, if it does).
        if (slot.snapshot.handsFree != slot.handsFree.state(now))
            publish(slot);
    }
    std::optional<HandsFreeDecider::Clock::time_point> next;
    for (const auto &[number, slot] : m_slots) {
        for (auto deadline : {slot.handsFree.nextDeadline(),
                 slot.verdictLeftSince
                     ? std::optional(*slot.verdictLeftSince + slot.handsFree.settle())
                     : std::nullopt}) {
            if (deadline && *deadline > now && (!next || *deadline < *next))
                next = deadline;
        }
    }
    if (next) {
        // Rounded up: a timer that fires a little early would find nothing due and wait again.
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - now);
        m_handsFreeTimer->start(wait);
    } else {
        m_handsFreeTimer->stop();
    }
}

void StationController::setHandsFree(bool on, std::chrono::milliseconds settle)
{
    const bool was = m_options.handsFree;
    m_options.handsFree = on && m_options.presence;
    m_options.handsFreeSettle = settle;
    const auto now = HandsFreeDecider::Clock::now();
    for (auto &[number, slot] : m_slots) {
        if (m_options.handsFree && !was) {
            // Watching starts now: what is in the fixture already is not new.
            slot.handsFree = HandsFreeDecider(settle);
            if (slot.snapshot.presence != Presence::Unknown)
                slot.handsFree.observe(now, slot.snapshot.presence, slot.snapshot.deviceId);
            if (slot.running)
                slot.handsFree.runStarted(now, slot.snapshot.deviceId);
        }
        slot.handsFree.setSettle(settle);
    }
    if (was != m_options.handsFree) {
        logEvent(0,
            u"hands-free"_s,
            m_options.handsFree ? u"on, settle %1 ms"_s.arg(settle.count()) : u"off"_s);
    }
    publishAll();
    runHandsFree();
}

StationController::StartAllReport StationController::startAll()
{
    StartAllReport report;
    for (const auto &[number, slot] : m_slots) {
        if (slot.running)
            continue;
        // Start all means the fixtures that hold a device; an empty one is not an error.
        if (m_options.presence && slot.snapshot.presence != Presence::Present)
            continue;
        Result<> started = startFixture(number);
        if (started) {
            report.started.append(number);
            continue;
        }
        if (started.error().code == ErrorCode::AlreadyPassed) {
            report.skippedPassed.append(number);
            continue;
        }
        auto same = std::find_if(report.refused.begin(), report.refused.end(), [&](const auto &r) {
            return r.first.code == started.error().code
                && r.first.message.toStorage() == started.error().message.toStorage()
                && r.first.message.english() == started.error().message.english();
        });
        if (same == report.refused.end())
            report.refused.append({started.error(), {number}});
        else
            same->second.append(number);
    }
    return report;
}

void StationController::stopFixture(int fixture, CancelReason reason, int signal)
{
    const auto it = m_slots.find(fixture);
    if (it == m_slots.end() || !it->second.running)
        return;
    it->second.cancel.cancel(reason, signal);
    logEvent(fixture, u"run-abort"_s, stopCause(it->second.cancel).english());
}

void StationController::stopAll(CancelReason reason, int signal)
{
    for (auto &[number, slot] : m_slots)
        stopFixture(number, reason, signal);
}

bool StationController::isRunning(int fixture) const
{
    const auto it = m_slots.find(fixture);
    return it != m_slots.end() && it->second.running;
}

bool StationController::isAnyRunning() const
{
    for (const auto &[number, slot] : m_slots) {
        if (slot.running)
            return true;
    }
    return false;
}

void StationController::mergeWorkerSnapshot(Slot &slot, const FixtureSnapshot &snapshot)
{
    FixtureSnapshot merged = snapshot;
    // Presence, the label, the bound serial number and what the record knows of the device
    // belong to the station; the run's fields to the worker. A finished run's verdict belongs
    // to the run's device. (The start verdict is set by publish().)
    merged.fixture = slot.config.number;
    merged.presence = slot.snapshot.presence;
    merged.label = slot.config.label;
    merged.connectionPath = slot.config.connectionPath;
    merged.serialNumber = slot.snapshot.serialNumber;
    if (merged.deviceId.isEmpty())
        merged.deviceId = slot.snapshot.deviceId;
    // (A run that ended before `details` knows no ID: the device present then earned it.)
    merged.verdictDeviceId = merged.verdict ? merged.deviceId : QString();
    merged.passedRunId = slot.snapshot.passedRunId;
    merged.finalizedRunId = slot.snapshot.finalizedRunId;
    merged.running = slot.running;
    slot.snapshot = merged;
}

void StationController::onWorkerSnapshot(const FixtureSnapshot &snapshot)
{
    const auto it = m_slots.find(snapshot.fixture);
    if (it == m_slots.end())
        return;
    mergeWorkerSnapshot(it->second, snapshot);
    publish(it->second);
}

void StationController::onRunFinished(int fixture, const FixtureSnapshot &snapshot)
{
    const auto it = m_slots.find(fixture);
    if (it == m_slots.end())
        return;
    Slot &slot = it->second;
    slot.running = false;
    slot.handsFree.runFinished(HandsFreeDecider::Clock::now(), snapshot.deviceId);
    // A label is good for one run: the next device gets its own (and the tile says so).
    slot.snapshot.serialNumber.clear();
    slot.labelMacAddress.clear();
    slot.labelDeviceId.clear();
    mergeWorkerSnapshot(slot, snapshot);
    if (m_options.presence)
        refreshDeviceHistory(slot);
    publish(slot);
    Q_EMIT runFinished(fixture, slot.snapshot);
    if (!isAnyRunning())
        Q_EMIT allFinished();
    if (m_options.handsFree) {
        // What presence saw during the run is the tile's from now on: a device swapped in is the
        // next one, and settles from now on (without hands-free the next presence change brings
        // it).
        if (slot.seenPresence != Presence::Unknown) {
            applyPresence(
                slot, slot.seenPresence, slot.seenDeviceId, HandsFreeDecider::Clock::now());
            publish(slot);
        }
        runHandsFree();
    }
}

void StationController::onPresence(int fixture, Presence presence, const QString &deviceId)
{
    const auto it = m_slots.find(fixture);
    if (it == m_slots.end())
        return;
    Slot &slot = it->second;
    const auto now = HandsFreeDecider::Clock::now();
    slot.handsFree.observe(now, presence, deviceId);
    slot.seenPresence = presence;
    slot.seenDeviceId = deviceId;
    slot.snapshot.presence = presence;
    // While a run is on, the device ID on the tile is the run's (recorded at details): a swap
    // is the run's business (its commands are addressed to the recorded ID).
    if (!slot.running)
        applyPresence(slot, presence, deviceId, now);
    publish(slot);
    if (m_options.handsFree)
        runHandsFree(); // arms the settle deadline of a device that just came
}

void StationController::applyPresence(
    Slot &slot, Presence presence, const QString &deviceId, HandsFreeDecider::Clock::time_point now)
{
    const int fixture = slot.config.number;
    FixtureSnapshot &s = slot.snapshot;
    const QString before = s.deviceId;
    const bool left = presence == Presence::Empty;
    const bool another = !deviceId.isEmpty() && !s.verdictDeviceId.isEmpty()
        && deviceId.compare(s.verdictDeviceId, Qt::CaseInsensitive) != 0;
    // A verdict stays until the device that earned it leaves: never beside another device.
    // Hands-free: out and back within the settle time is a bounce of the same device, so
    // the verdict leaves once the fixture has been empty that long (runHandsFree).
    if (s.verdict && left && m_options.handsFree) {
        if (!slot.verdictLeftSince)
            slot.verdictLeftSince = now;
    } else if (s.verdict && (left || another)) {
        clearVerdict(s);
    }
    if (!left)
        slot.verdictLeftSince.reset();
    // A scanned label belongs to the device it was scanned for: when that device leaves (or
    // another is found in its place) the label is released, never given to the next one.
    const bool otherDevice = !before.isEmpty() && !deviceId.isEmpty()
        && deviceId.compare(before, Qt::CaseInsensitive) != 0;
    if ((left || otherDevice) && !s.serialNumber.isEmpty()) {
        const QString released = s.serialNumber;
        s.serialNumber.clear();
        slot.labelDeviceId.clear();
        slot.labelMacAddress.clear();
        logEvent(fixture,
            u"label-released"_s,
            u"label %1 released: its device left the fixture"_s.arg(released));
        Q_EMIT labelReleased(fixture, released);
    }
    if (left)
        s.deviceId.clear();
    else if (!deviceId.isEmpty())
        s.deviceId = deviceId;
    if (s.deviceId != before)
        refreshDeviceHistory(slot);
}

void StationController::clearVerdict(FixtureSnapshot &s)
{
    s.verdict.reset();
    s.verdictDeviceId.clear();
    s.runId = 0;
    s.stepIndex = 0;
    s.stepCount = 0;
    s.stepName.clear();
    s.started = {};
    s.finished = {};
    s.errorCode = ErrorCode::None;
    s.cause = {};
    s.failedStep.clear();
}

void StationController::refreshDeviceHistory(Slot &slot)
{
    FixtureSnapshot &s = slot.snapshot;
    s.passedRunId = 0;
    s.failedRunId = 0;
    s.finalizedRunId = 0;
    if (s.deviceId.isEmpty() || !m_record || !m_record->isOpen())
        return;
    // Reads on the main thread's own connection: WAL readers never wait for a writer.
    if (m_hasRecipe) {
        if (Result<qint64> passed = m_record->passedRun(s.deviceId, m_recipe.sha256); passed)
            s.passedRunId = *passed;
        if (Result<qint64> failed = m_record->failedRun(s.deviceId, m_recipe.sha256); failed)
            s.failedRunId = *failed;
    }
    if (Result<std::optional<RecordStore::FinalizingRun>> finalized
        = m_record->finalizingRun(s.deviceId);
        finalized && finalized->has_value()) {
        s.finalizedRunId = (*finalized)->runId;
    }
}

void StationController::onRecordError(int fixture, const Text &message)
{
    const bool first = m_failingRecords.isEmpty();
    if (!m_failingRecords.contains(fixture))
        m_failingRecords.append(fixture);
    if (first)
        Logging::station().critical(u"record unwritable: %1"_s.arg(message));
    m_recordRetry->start();
    if (first)
        publishAll(); // no fixture can start now
    Q_EMIT recordError(message);
}

void StationController::onRecordRecovered(int fixture)
{
    m_failingRecords.removeAll(fixture);
    if (m_failingRecords.isEmpty()) {
        m_recordRetry->stop();
        Logging::station().warn(u"record writable again"_s);
        publishAll();
        Q_EMIT recordRecovered();
    }
}

void StationController::logEvent(
    int fixture, const QString &kind, const QString &detail, RecordSync sync)
{
    if (!m_writer)
        return;
    RecordEvent event;
    event.time = QDateTime::currentDateTimeUtc(); // when it happened, not when it is written
    event.station = m_options.stationName;
    event.operatorName = m_options.operatorName;
    // The station's own events (open, close) name nobody; automation's name its role.
    event.role = m_user                    ? Auth::roleName(m_user->role)
        : m_options.operatorName.isEmpty() ? QString()
                                           : u"automation"_s;
    event.fixture = fixture;
    event.kind = kind;
    event.detail = detail;
    // Queued to the writer's thread, in order; the GUI thread never waits for the record.
    QMetaObject::invokeMethod(
        m_writer,
        [writer = m_writer, event, sync] { writer->write(event, sync); },
        Qt::QueuedConnection);
}

void StationController::shutdown(std::chrono::milliseconds bound, CancelReason reason, int signal)
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_recordRetry->stop();
    m_handsFreeTimer->stop();
    if (m_presence)
        m_presence->cancel();
    for (auto &[number, slot] : m_slots) {
        if (slot.running)
            logEvent(number, u"run-abort"_s, [&] {
                slot.cancel.cancel(reason, signal);
                return stopCause(slot.cancel).english();
            }());
        slot.cancel.cancel(reason, signal);
    }
    const QDeadlineTimer deadline(bound);
    if (m_presenceThread) {
        m_presenceThread->quit();
        m_presenceThread->wait(deadline);
        m_presenceThread.reset();
        m_presence = nullptr;
    }
    for (auto &[number, slot] : m_slots) {
        if (!slot.thread)
            continue;
        // Close the worker's record connection on its own thread, then end the thread.
        QMetaObject::invokeMethod(slot.worker, &FixtureWorker::closeRecord, Qt::QueuedConnection);
        slot.thread->quit();
        slot.thread->wait(deadline);
        slot.thread.reset();
        slot.worker = nullptr;
    }
    if (m_open)
        logEvent(0, u"station-close"_s, {}, RecordSync::Durable);
    if (m_writerThread) {
        // Every event asked for before is written first (one thread, in order), then the
        // connection is closed on its thread; only then does the thread end (a quit would drop
        // what is still queued).
        auto closed = std::make_shared<QSemaphore>();
        QMetaObject::invokeMethod(
            m_writer,
            [writer = m_writer, closed] {
                writer->closeRecord();
                closed->release();
            },
            Qt::QueuedConnection);
        // (At least ThreadStopBound: the close event is written even when a worker used up the
        // shutdown's bound.)
        const qint64 wait = std::max<qint64>(deadline.remainingTime(), ThreadStopBound.count());
        if (!closed->tryAcquire(1, int(wait))) {
            Logging::station().critical(
                u"the record events were not all written within the shutdown bound"_s);
        }
        m_writerThread.reset();
        m_writer = nullptr;
    }
    for (auto &[number, slot] : m_slots) {
        const StartRule rule = fixtureStartRule(slot); // NotOpen from now on
        slot.snapshot.startBlock = rule.block;
        slot.snapshot.startBlockText = rule.error.message;
    }
    if (m_record) {
        m_record->close();
        m_record.reset();
    }
    // Only now may another station open the record: this one has closed its connections.
    m_recordLock.reset();
}

} // namespace Station
