#include "services/station/fixtureworker.h"

#include "services/azsphere/devicedata.h"
#include "services/base/logging.h"
#include "services/base/tr.h"
#include "services/plant/plantlookup.h"
#include "services/records/recordschema.h"
#include "services/records/recordstore.h"

#include <QDeadlineTimer>

#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// A record write is retried in slices this long, so an abort is seen quickly.
constexpr std::chrono::milliseconds RetrySlice = 50ms;

bool isPassing(StepOutcome outcome)
{
    return outcome == StepOutcome::Passed || outcome == StepOutcome::Skipped;
}

RunDeviceInfo deviceInfo(const RunFacts &facts)
{
    RunDeviceInfo info;
    info.deviceId = facts.deviceId;
    info.ipAddress = facts.ipAddress;
    info.connectionPath = facts.connectionPath;
    info.osVersion = facts.osVersion;
    info.imageIds = facts.sideloadedImageIds;
    info.manufacturingState = facts.manufacturingState;
    info.serialNumber = facts.serialNumber;
    info.dropSerial = facts.labelRefused;
    return info;
}

// Manufacturing states in the order a device passes through them; -1 for Unknown or anything
// else (the station cannot tell, so it does not refuse on it).
int stateRank(const QString &state)
{
    const std::optional<ManufacturingState> known = manufacturingStateFromName(state);
    if (!known)
        return -1;
    switch (*known) {
    case ManufacturingState::Blank:
        return 0;
    case ManufacturingState::Module1Complete:
        return 1;
    case ManufacturingState::DeviceComplete:
        return 2;
    default:
        return -1;
    }
}

// A device already in the recipe's final state, or past it, must not be changed again: a
// DeviceComplete device refuses most changes anyway (but not `recover`), and a device put back
// into a fixture after it was finished belongs in the finished pile, not on the line.
bool isAlreadyFinished(const Recipe &recipe, const QString &deviceState)
{
    if (!recipe.changesDevice())
        return false;
    const int device = stateRank(deviceState);
    const QString target = recipe.finalState();
    const int wanted = target.isEmpty() ? stateRank(u"DeviceComplete"_s) : stateRank(target);
    return device >= 0 && wanted >= 0 && device >= wanted;
}

} // namespace

FixtureWorker::FixtureWorker(int fixture, const QString &recordPath, QObject *parent)
    : QObject(parent)
    , m_fixture(fixture)
    , m_recordPath(recordPath)
{
    m_snapshot.fixture = fixture;
}

FixtureWorker::~FixtureWorker()
{
    closeRecord();
}

void FixtureWorker::closeRecord()
{
    if (!m_record)
        return;
    // One last chance for results still queued (the record may be writable again).
    if (m_record->hasPending() && m_record->retryPending())
        Q_EMIT recordRecovered(m_fixture);
    if (m_record->hasPending()) {
        Logging::fixture(m_fixture).critical(
            u"closing the record with %1 unwritten operation(s)"_s.arg(m_record->pendingCount()));
    }
    m_record.reset();
}

void FixtureWorker::retryRecord()
{
    if (!m_record || !m_record->hasPending())
        return;
    if (m_recordHook)
        m_recordHook(m_record->connectionName(), 0, 0);
    if (m_record->retryPending()) {
        m_recordFailing = false;
        Logging::fixture(m_fixture).warn(u"record writable again; pending operations written"_s);
        Q_EMIT recordRecovered(m_fixture);
    }
}

Result<> FixtureWorker::ensureRecord()
{
    if (m_record && m_record->isOpen())
        return {};
    m_record = std::make_unique<RecordStore>();
    m_record->setSyncEveryWrite(m_syncEveryWrite);
    return m_record->open(m_recordPath);
}

void FixtureWorker::publish()
{
    Q_EMIT snapshotChanged(m_snapshot);
}

bool FixtureWorker::write(
    const std::function<Result<>()> &operation, const CancelToken &cancel, int seq)
{
    const Logger log = Logging::fixture(m_fixture);
    int attempt = 0;
    if (m_recordHook && seq > 0)
        m_recordHook(m_record->connectionName(), seq, attempt);
    Result<> written = operation();
    if (written) {
        if (m_recordFailing && !m_record->hasPending()) {
            m_recordFailing = false;
            Q_EMIT recordRecovered(m_fixture);
        }
        return true;
    }
    const Error error = written.error();
    if (!m_record->hasPending()) {
        // Not queued: no retry can fix it (the data breaks the record's rules).
        log.critical(u"record write refused: %1 (%2)"_s.arg(error.message, error.detail));
        Q_EMIT recordError(m_fixture, error.message);
        return false;
    }
    log.critical(u"record write failed, retrying: %1 (%2)"_s.arg(error.message, error.detail));
    m_recordFailing = true;
    Q_EMIT recordError(m_fixture, error.message);
    // The result stays in the store's queue, in order; nothing goes on until it is written.
    while (!cancel.isCancelled()) {
        QDeadlineTimer next(RecordRetryInterval);
        while (!next.hasExpired() && !cancel.isCancelled())
            std::this_thread::sleep_for(RetrySlice);
        if (cancel.isCancelled())
            break;
        if (m_recordHook && seq > 0)
            m_recordHook(m_record->connectionName(), seq, ++attempt);
        if (m_record->retryPending()) {
            m_recordFailing = false;
            log.warn(u"record writable again; pending operations written"_s);
            Q_EMIT recordRecovered(m_fixture);
            return true;
        }
    }
    return false;
}

void FixtureWorker::lowerThreadPriority()
{
    // On Linux, nice is per thread: this lowers the worker thread only (and what it starts).
    const auto thread = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, thread);
    if (errno == 0 && ::setpriority(PRIO_PROCESS, thread, nice + ThreadNiceIncrement) != 0) {
        Logging::fixture(m_fixture).warn(u"cannot lower the worker thread's priority: %1"_s.arg(
            QString::fromLocal8Bit(std::strerror(errno))));
    }
}

void FixtureWorker::run(const RunRequest &request)
{
    const Logger log = Logging::fixture(m_fixture);
    const CancelToken cancel = request.cancel;
    const Recipe &recipe = request.recipe;

    m_snapshot = FixtureSnapshot {};
    m_snapshot.fixture = m_fixture;
    m_snapshot.label = request.fixture.label;
    m_snapshot.connectionPath = request.fixture.connectionPath;
    m_snapshot.serialNumber = request.serialNumber;
    m_snapshot.running = true;
    m_snapshot.stepCount = int(recipe.steps.size());
    m_snapshot.started = QDateTime::currentDateTimeUtc();
    m_runId = 0;
    publish();

    // Traceability first: the run row exists before the first command touches the device.
    Result<qint64> runId = ensureRecord().and_then([&]() {
        RunStart start;
        start.fixture = m_fixture;
        start.fixtureLabel = request.fixture.label;
        start.connectionPath = request.fixture.connectionPath;
        start.ipAddress = request.fixture.ipAddress;
        start.serialNumber = request.serialNumber;
        start.recipeName = recipe.name;
        start.recipeVersion = recipe.version;
        start.recipeSha256 = recipe.sha256;
        start.recipePath = recipe.path;
        start.productName = recipe.cloudProduct;
        start.deviceGroupName = recipe.cloudDeviceGroup;
        start.station = request.stationName;
        start.operatorName = request.operatorName;
        start.operatorKind = request.operatorKind;
        start.operatorRole = request.operatorRole;
        start.appVersion = request.appVersion;
        start.backend = request.tools.simulated ? u"simulated"_s : u"real"_s;
        start.azsphereCli = toolDialectName(request.tools.dialect);
        start.azsphereToolPath = request.tools.azsphere;
        start.azsphereToolVersion = request.tools.azsphereVersion;
        start.rfToolPath = request.tools.rfSettingsTool;
        start.rfToolVersion = request.tools.rfToolVersion;
        start.started = m_snapshot.started;
        return m_record->beginRun(start);
    });
    if (!runId) {
        log.critical(u"run not started, the record refused it: %1 (%2)"_s.arg(
            runId.error().message, runId.error().detail));
        Q_EMIT recordError(m_fixture, runId.error().message);
        m_snapshot.running = false;
        m_snapshot.verdict = RunOutcome::Fail;
        m_snapshot.errorCode = ErrorCode::RecordUnwritable;
        m_snapshot.cause = Tr::tr("The run was not started: the record cannot be written (%1).")
                               .arg(runId.error().message);
        m_snapshot.finished = QDateTime::currentDateTimeUtc();
        publish();
        Q_EMIT runFinished(m_fixture, m_snapshot);
        return;
    }
    m_runId = *runId;
    m_snapshot.runId = m_runId;
    publish();
    log.info(u"run %1 started: recipe %2 %3, %4 steps"_s.arg(m_runId)
                 .arg(recipe.name, recipe.version)
                 .arg(recipe.steps.size()));

    RunFacts facts;
    facts.serialNumber = request.serialNumber;
    facts.labelMacAddress = request.labelMacAddress;
    facts.connectionPath = request.fixture.connectionPath;
    facts.ipAddress = request.fixture.ipAddress;

    bool deviceIdDurable = false;
    for (qsizetype i = 0; i < recipe.steps.size(); ++i) {
        const RecipeStep &recipeStep = recipe.steps.at(i);
        const int seq = int(i) + 1;
        if (cancel.isCancelled()) {
            finish(RunOutcome::Aborted, nullptr, cancel);
            return;
        }

        StepResult started;
        started.seq = seq;
        started.name = recipeStep.name;
        started.type = recipeStep.type;
        started.outcome = StepOutcome::Running;
        started.started = QDateTime::currentDateTimeUtc();
        m_snapshot.stepIndex = seq;
        m_snapshot.stepName = recipeStep.name;
        publish();
        Q_EMIT stepStarted(m_fixture, started);
        log.info(u"step %1/%2 %3 started"_s.arg(seq).arg(recipe.steps.size()).arg(recipeStep.name));

        StepContext context(request.fixture, request.tools, recipe, recipeStep, facts, cancel);
        context.setLineHandler([this](const QString &line) { Q_EMIT outputLine(m_fixture, line); });
        context.setProgressHandler([this](const StepProgress &progress) {
            Q_EMIT stepProgress(m_fixture, progress.fraction, progress.text);
        });
        // An irreversible device change (DeviceComplete) is announced in the record first, so a
        // station killed between the change and the step's commit leaves a record that says the
        // change may have happened. The step refuses to go on if the record cannot hold it.
        context.setIntentHandler([&](const QString &kind, const QString &detail) -> Result<> {
            RecordEvent event;
            event.station = request.stationName;
            event.operatorName = request.operatorName;
            event.role = request.operatorRole;
            event.fixture = m_fixture;
            event.kind = kind;
            event.detail = u"run %1: %2"_s.arg(m_runId).arg(detail);
            if (!write([&] { return m_record->logEvent(event, RecordSync::Durable); }, cancel))
                return fail(ErrorCode::RecordUnwritable,
                    Tr::tr("The record cannot be written, so the station will not make a "
                           "permanent change to the device."));
            return {};
        });
        StepResult result = runStep(context, seq);

        // A scanned label belongs to the device it was scanned for, and to one device only.
        if (recipeStep.type == "details"_L1 && isPassing(result.outcome)
            && !facts.serialNumber.isEmpty() && !request.labelDeviceId.isEmpty()
            && request.labelDeviceId.compare(facts.deviceId, Qt::CaseInsensitive) != 0) {
            result.outcome = StepOutcome::Failed;
            result.errorCode = ErrorCode::DeviceSwapped;
            result.cause = Tr::tr("The label %1 was scanned for device %2, but device %3 is in "
                                  "the fixture.")
                               .arg(facts.serialNumber,
                                   shortDeviceId(request.labelDeviceId),
                                   shortDeviceId(facts.deviceId));
            result.remedy = Tr::tr("Scan the label of the device in the fixture, then start it.");
            facts.serialNumber.clear();
            facts.labelRefused = true;
        }
        if (recipeStep.type == "details"_L1 && isPassing(result.outcome)
            && !facts.serialNumber.isEmpty()) {
            Result<std::optional<QString>> bound = m_record->deviceForSerial(facts.serialNumber);
            if (!bound) {
                // Not knowing the label's owner is no reason to take it: the check fails.
                log.error(u"cannot read the owner of label %1: %2 (%3)"_s.arg(
                    facts.serialNumber, bound.error().message, bound.error().detail));
                result.outcome = StepOutcome::Failed;
                result.errorCode = bound.error().code;
                result.cause = Tr::tr("The record cannot be read, so the station cannot check "
                                      "that the label %1 belongs to no other device (%2).")
                                   .arg(facts.serialNumber, bound.error().message);
                result.remedy = bound.error().remedy.isEmpty()
                    ? Tr::tr("Check the record file, then start the device again.")
                    : bound.error().remedy;
            } else if (bound->has_value() && **bound != facts.deviceId) {
                result.outcome = StepOutcome::Failed;
                result.errorCode = ErrorCode::InvalidArgument;
                result.cause = Tr::tr("The label %1 already belongs to another device (%2).")
                                   .arg(facts.serialNumber, shortDeviceId(**bound));
                result.remedy = Tr::tr("Check the label; scan the right one.");
            } else if (Plant::Lookup *plant = plantLookup()) {
                // The plant knows the labels of every station; offline the local rule stands.
                auto owner = plant->labelOwner(facts.serialNumber);
                if (!owner) {
                    log.warn(u"plant rules unavailable, the local rules apply: %1"_s.arg(
                        owner.error().message));
                } else if (owner->has_value()
                    && (*owner)->deviceId.compare(facts.deviceId, Qt::CaseInsensitive) != 0) {
                    result.outcome = StepOutcome::Failed;
                    result.errorCode = ErrorCode::InvalidArgument;
                    result.cause
                        = Tr::tr("The label %1 already belongs to another device (%2) at station "
                                 "%3 (plant record).")
                              .arg(facts.serialNumber,
                                  shortDeviceId((*owner)->deviceId),
                                  (*owner)->stationId);
                    result.remedy = Tr::tr("Check the label; scan the right one.");
                    // As with a swap: the refused label stays off this run and this device, so
                    // neither this record nor the plant (on delivery) binds it to a second device.
                    facts.serialNumber.clear();
                    facts.labelRefused = true;
                }
            }
        }
        // A device that is already finished stops here, before any step changes it.
        if (recipeStep.type == "details"_L1 && isPassing(result.outcome)
            && isAlreadyFinished(recipe, facts.manufacturingState))
            refuseFinishedDevice(result, recipe, facts);
        if (!isPassing(result.outcome))
            facts.everyStepPassed = false;

        // Device facts go in the step's own transaction. The first commit that names the device
        // is Durable (it survives a power cut), so the record can always say which device was in
        // the fixture; the steps between it and the verdict are Deferred (they survive a crash,
        // and the next Durable write of any fixture makes them survive a power cut too).
        std::optional<RunDeviceInfo> device;
        RecordSync sync = RecordSync::Deferred;
        if (facts.deviceInfoChanged) {
            facts.deviceInfoChanged = false;
            device = deviceInfo(facts);
            if (!deviceIdDurable && !facts.deviceId.isEmpty()) {
                deviceIdDurable = true;
                sync = RecordSync::Durable;
            }
        }
        if (!facts.deviceId.isEmpty())
            m_snapshot.deviceId = facts.deviceId;
        else if (result.data.contains(u"deviceId"_s))
            m_snapshot.deviceId = result.data.value(u"deviceId"_s).toString();

        // The step is in the record before anything else happens.
        if (!write(
                [&] { return m_record->commitStep(m_runId, result, device, sync); }, cancel, seq)) {
            finish(RunOutcome::Aborted, &result, cancel);
            return;
        }
        const qint64 ms = result.started.msecsTo(result.finished);
        if (isPassing(result.outcome)) {
            log.info(u"step %1 %2 %3 in %4 ms"_s.arg(seq)
                         .arg(recipeStep.name, stepOutcomeName(result.outcome))
                         .arg(ms));
        } else {
            log.error(u"step %1 %2 %3 in %4 ms: %5 [%6]"_s.arg(seq)
                          .arg(recipeStep.name, stepOutcomeName(result.outcome))
                          .arg(ms)
                          .arg(result.cause, errorCodeName(result.errorCode)));
        }
        Q_EMIT stepFinished(m_fixture, result);

        // Stop on the first failure: later steps (and above all finalize) never run.
        if (result.outcome == StepOutcome::Aborted) {
            finish(RunOutcome::Aborted, &result, cancel);
            return;
        }
        if (result.outcome == StepOutcome::Failed) {
            finish(RunOutcome::Fail, &result, cancel);
            return;
        }
    }
    finish(RunOutcome::Pass, nullptr, cancel);
}

void FixtureWorker::refuseFinishedDevice(
    StepResult &result, const Recipe &recipe, const RunFacts &facts)
{
    const QString device = shortDeviceId(facts.deviceId);
    const QString target
        = recipe.finalState().isEmpty() ? u"DeviceComplete"_s : recipe.finalState();
    result.outcome = StepOutcome::Failed;
    result.errorCode = ErrorCode::DeviceFinalized;
    result.remedy = Tr::tr("Set the device aside with the finished devices; check its label "
                           "against the record.");
    const Result<std::optional<RecordStore::FinalizingRun>> earlier
        = m_record->finalizingRun(facts.deviceId);
    if (earlier && earlier->has_value() && (*earlier)->runId > 0) {
        const RecordStore::FinalizingRun &run = **earlier;
        result.data.insert(u"finalizedByRun"_s, run.runId);
        result.cause = Tr::tr("Device %1 is already %2: run %3 finalized it (%4 UTC, station %5). "
                              "This recipe (to %6) would change it; the run stops before any "
                              "change.")
                           .arg(device, facts.manufacturingState)
                           .arg(run.runId)
                           .arg(run.time.toString(u"yyyy-MM-dd HH:mm"_s), run.station, target);
    } else if (auto elsewhere = plantLookup()
                   ? plantLookup()->finalizedBy(facts.deviceId)
                   : Plant::PlantResult<std::optional<Plant::Finalization>> {};
               elsewhere && elsewhere->has_value()) {
        result.cause = Tr::tr("Device %1 is already %2: station %3 finalized it (%4 UTC, plant "
                              "record). This recipe (to %5) would change it; the run stops before "
                              "any change.")
                           .arg(device,
                               facts.manufacturingState,
                               (*elsewhere)->stationId,
                               (*elsewhere)->finished.toString(u"yyyy-MM-dd HH:mm"_s),
                               target);
    } else {
        result.cause = Tr::tr("Device %1 is already %2 (no run in this record finalized it). This "
                              "recipe (to %3) would change it; the run stops before any change.")
                           .arg(device, facts.manufacturingState, target);
    }
}

Plant::Lookup *FixtureWorker::plantLookup()
{
    if (m_plantConnection.isEmpty())
        return nullptr;
    if (!m_plant)
        m_plant = std::make_unique<Plant::Lookup>(m_plantConnection);
    return m_plant.get();
}

void FixtureWorker::finish(RunOutcome outcome, const StepResult *failed, const CancelToken &cancel)
{
    const Logger log = Logging::fixture(m_fixture);
    if (outcome == RunOutcome::Aborted && !failed) {
        m_snapshot.cause = stopCause(cancel);
        m_snapshot.errorCode = ErrorCode::Cancelled;
    }
    if (failed) {
        m_snapshot.failedStep = failed->name;
        m_snapshot.errorCode = failed->errorCode;
        m_snapshot.cause = failed->cause;
        if (outcome == RunOutcome::Aborted && failed->errorCode == ErrorCode::None) {
            m_snapshot.errorCode = ErrorCode::RecordUnwritable;
            m_snapshot.cause = Tr::tr("The run was stopped before its result was recorded.");
        }
    }
    const QDateTime finished = QDateTime::currentDateTimeUtc();
    // A PASS is shown only once the record holds it. An abort while the record is being waited
    // for leaves the finish queued in memory (and the run open in the file: INTERRUPTED later).
    const bool recorded = write(
        [&] {
            return m_record->finishRun(m_runId,
                outcome,
                m_snapshot.failedStep,
                m_snapshot.errorCode,
                m_snapshot.cause,
                finished);
        },
        cancel);
    if (!recorded && outcome == RunOutcome::Pass) {
        outcome = RunOutcome::Aborted;
        m_snapshot.errorCode = ErrorCode::RecordUnwritable;
        m_snapshot.cause = Tr::tr("The result could not be recorded; the device is not passed.");
    }
    m_snapshot.running = false;
    m_snapshot.verdict = outcome;
    m_snapshot.finished = finished;
    log.info(u"run %1 finished: %2%3"_s.arg(m_runId)
                 .arg(runOutcomeName(outcome))
                 .arg(m_snapshot.cause.isEmpty() ? QString()
                                                 : u" ("_s + m_snapshot.cause.english() + u")"_s));
    publish();
    Q_EMIT runFinished(m_fixture, m_snapshot);
}

} // namespace Station
