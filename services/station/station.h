#pragma once

#include "services/auth/accounts.h"
#include "services/base/canceltoken.h"
#include "services/base/result.h"
#include "services/config/stationconfig.h"
#include "services/recipe/recipe.h"
#include "services/records/recordstore.h"
#include "services/run/runtypes.h"
#include "services/station/fixturesnapshot.h"
#include "services/station/handsfreedecider.h"
#include "services/steps/toolsetup.h"

#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <map>
#include <memory>

class QThread;
class QTimer;

namespace Station {

class FixtureWorker;
class PresenceMonitor;
class RecordLock;
class RecordStore;
class RecordWriter;

// Stops a worker thread: quit, then wait with a bound (qBittorrent's deleter idea). A thread
// that does not end in time is left to the OS rather than destroyed while running.
struct ThreadStopper
{
    void operator()(QThread *thread) const;
};
using ThreadHandle = std::unique_ptr<QThread, ThreadStopper>;

// What the station is started with (the app builds it from the command line, the ini file and,
// in simulation, the SimulatorBackend).
struct StationOptions
{
    QList<FixtureConfig> fixtures;
    ToolSetup tools;
    QString recordPath;
    QString stationName;
    // Who runs start: the signed-in user (setUser), or automation with this name (headless
    // --operator, the soak, older configurations).
    QString operatorName;
    // Starts need a signed-in user whose role allows them (docs/roles.md): the window. Off for
    // automation (headless without --user), whose runs record operator_kind "automation".
    bool requireSignIn = false;
    QString appVersion;
    // Who holds the record, as a second station is told: "window" or "headless".
    QString processMode = QStringLiteral("window");
    // The record's lock when the caller took it before anything else (the app does, before it
    // starts the simulator's UART server on a bench another station may be using); open()
    // takes it over. Empty: open() takes the lock itself.
    std::shared_ptr<RecordLock> recordLock;
    bool presence = true; // poll for the tiles
    // Real hardware whose fixtures are bound by FTDI location may poll libftdi1 instead of
    // list-attached (see PresenceMonitor::Source).
    bool presenceByFtdi = false;
    std::chrono::milliseconds presenceInterval = 3s;
    // Hands-free ([station] handsFree): a new device that answered for handsFreeSettle starts by
    // itself, through the same start rules as a click (HandsFreeDecider). Needs presence.
    bool handsFree = false;
    std::chrono::milliseconds handsFreeSettle = HandsFreeDecider::DefaultSettle;
    // Every record write survives a power cut (RecordStore::setSyncEveryWrite).
    bool recordSyncEveryWrite = false;
    // The plant database's connection ([plant] connection): the plant-wide rules while it
    // answers (FixtureWorker::setPlantConnection). Empty: the local rules only.
    QString plantConnection;
    // Test seam handed to every FixtureWorker (see FixtureWorker::setRecordHook).
    std::function<void(const QString &connectionName, int seq, int attempt)> recordHook;
    // Test seam: called on the record-events thread before each station event is written
    // (see RecordWriter::setHook).
    std::function<void(const QString &kind)> eventHook;
};

// The station's controller, on the GUI/main thread: owns one QThread + FixtureWorker per
// fixture (Qt's Worker/Controller pattern), the presence monitor, the current recipe and
// operator, serial-number bindings, and one FixtureSnapshot per fixture. Starts and aborts runs,
// refuses new starts while the record cannot be written, and closes runs a crash left open.
// Owns each fixture's state and its start rules: every snapshot it emits says whether the
// fixture can start now and why not (FixtureSnapshot::startBlock). Never writes the record on
// the GUI thread: its own events go to a RecordWriter thread, in order (it only reads there).
// (Named StationController because a class `Station` would hide the namespace `Station`.)
class StationController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StationController)

public:
    // A cancelled run ends within a second plus the tool's kill grace period; after that the
    // thread is given up on.
    static constexpr std::chrono::milliseconds ShutdownBound = 10s;

    explicit StationController(QObject *parent = nullptr);
    ~StationController() override;

    // Opens the record (closing runs left RUNNING by a crash as INTERRUPTED), starts one worker
    // thread per fixture and the presence monitor. Call once.
    [[nodiscard]] Result<> open(const StationOptions &options);
    bool isOpen() const { return m_open; }
    int interruptedRunsClosed() const { return m_interruptedClosed; }

    [[nodiscard]] Result<> loadRecipe(const QString &path);
    void setRecipe(const Recipe &recipe);
    bool hasRecipe() const { return m_hasRecipe; }
    const Recipe &recipe() const { return m_recipe; }

    QString operatorName() const { return m_options.operatorName; }
    // The signed-in user (nullopt: nobody). Runs started from now on record them as their
    // operator; runs already going keep the user who started them. Changes every fixture's
    // start verdict when sign-in is required.
    void setUser(const std::optional<Auth::User> &user);
    const std::optional<Auth::User> &user() const { return m_user; }
    bool requiresSignIn() const { return m_options.requireSignIn; }
    void setRequireSignIn(bool require);
    // Whether the signed-in user may do `permission` (always, for automation); the refusal
    // names the roles that may.
    [[nodiscard]] Result<> permit(Auth::Permission permission) const;
    // The name goes into every run row and the headless output: refused (InvalidArgument, the
    // name kept as it was) when it holds control characters (nameTextProblem()).
    [[nodiscard]] Result<> setOperatorName(const QString &name);
    QString stationName() const { return m_options.stationName; }
    void setStationName(const QString &name);
    const ToolSetup &tools() const { return m_options.tools; }
    QString recordPath() const { return m_options.recordPath; }

    QList<int> fixtureNumbers() const;
    int fixtureCount() const { return int(m_slots.size()); }
    FixtureSnapshot snapshot(int fixture) const;
    QList<FixtureSnapshot> snapshots() const;

    // Binds a scanned label to the fixture's next run. Refused when it does not have the form
    // the recipe's label_pattern asks for, another fixture holds the label, or the record binds
    // it to a different device than the one in the fixture.
    [[nodiscard]] Result<> bindSerialNumber(int fixture, const QString &serialNumber);

    // The MAC address scanned from the device label, for rf-calibrate's "mac_source": "label".
    void setLabelMacAddress(int fixture, const QString &macAddress);

    // Normal: a device that already passed the loaded recipe is refused (AlreadyPassed), so
    // that the window can ask first. Again: the operator confirmed running it again.
    enum class StartRequest { Normal, Again };
    // The start rules (DESIGN: the controller owns them; fixtureStartRule() is the only place
    // they live): the station open with a recipe and a writable record, the fixture idle, its
    // label scanned when the recipe requires one; with presence polled, a device present and
    // answering, not finalized by a run of this record when the recipe would change it, and
    // not already passed this recipe (unless Again). Every snapshot carries their verdict.
    [[nodiscard]] Result<> startFixture(int fixture, StartRequest request = StartRequest::Normal);
    // The station-wide part of the start rules (open, a recipe, a writable record): refused
    // when no fixture can start whatever it holds. For the window's Start all action.
    [[nodiscard]] Result<> startGate() const;

    struct StartAllReport
    {
        QList<int> started;
        QList<int> skippedPassed;                    // devices that already passed the recipe
        QList<std::pair<Error, QList<int>>> refused; // by reason
    };
    // Starts every idle fixture that holds a device (all idle fixtures when presence is not
    // polled) whose device has not already passed the loaded recipe.
    StartAllReport startAll();
    // `reason` becomes the cause of the aborted runs (DESIGN: endings tell the truth).
    void stopFixture(int fixture, CancelReason reason = CancelReason::Operator, int signal = 0);
    void stopAll(CancelReason reason = CancelReason::Operator, int signal = 0);
    bool isRunning(int fixture) const;
    bool isAnyRunning() const;
    bool isRecordWritable() const { return m_failingRecords.isEmpty(); }

    // Hands-free on or off while the station runs (StationOptions::handsFree). Devices in a
    // fixture when it is switched on count as left in: only the next device starts by itself.
    void setHandsFree(bool on, std::chrono::milliseconds settle = HandsFreeDecider::DefaultSettle);
    bool isHandsFree() const { return m_options.handsFree; }

    // Cancels every run, waits (bounded) for the threads, then closes the record.
    void shutdown(std::chrono::milliseconds bound = ShutdownBound,
        CancelReason reason = CancelReason::Shutdown,
        int signal = 0);

Q_SIGNALS:
    void fixtureChanged(const Station::FixtureSnapshot &snapshot);
    void stepStarted(int fixture, const Station::StepResult &step);
    void stepProgress(int fixture, double fraction, const QString &text);
    void stepFinished(int fixture, const Station::StepResult &step);
    void outputLine(int fixture, const QString &line);
    void runFinished(int fixture, const Station::FixtureSnapshot &snapshot);
    void allFinished();
    void recordError(const Station::Text &message);
    void recordRecovered();
    void deviceSwapped(int fixture, const QString &previousId, const QString &newId);
    // A scanned label was unbound because its device left the fixture (between runs).
    void labelReleased(int fixture, const QString &label);
    void recipeChanged();
    // A hands-free start (after fixtureChanged showed the run).
    void handsFreeStarted(int fixture, const QString &deviceId);
    // After every presence poll (tests, diagnostics).
    void presencePolled();

private:
    struct Slot
    {
        FixtureConfig config;
        ThreadHandle thread;
        FixtureWorker *worker = nullptr; // lives on `thread`; deleted when it finishes
        CancelToken cancel;
        FixtureSnapshot snapshot;
        QString labelMacAddress;
        QString labelDeviceId; // the device shown when the label was scanned (empty: unknown)
        bool running = false;
        HandsFreeDecider handsFree;
        // The last presence reported (also during a run).
        Presence seenPresence = Presence::Unknown;
        QString seenDeviceId;
        // Hands-free: since when the verdict's device is out (a bounce keeps the verdict).
        std::optional<HandsFreeDecider::Clock::time_point> verdictLeftSince;
    };

    // Why a fixture cannot start now (StartBlock::None: it can), and the refusal startFixture
    // gives. The one place of the start rules.
    struct StartRule
    {
        StartBlock block = StartBlock::None;
        Error error;
    };
    StartRule stationStartRule() const;
    StartRule fixtureStartRule(const Slot &slot) const;
    // Sets the slot's start verdict and emits its snapshot: every fixtureChanged goes through
    // here, so no snapshot leaves without an up-to-date verdict.
    void publish(Slot &slot);
    // After a change of the station-wide rules (open, recipe, record): every fixture.
    void publishAll();
    // The one merge rule of a worker's snapshot into the fixture's: the run's fields are the
    // worker's; presence, the label, the bound serial number, what the record knows of the
    // device and the start verdict are the station's.
    void mergeWorkerSnapshot(Slot &slot, const FixtureSnapshot &snapshot);
    void onWorkerSnapshot(const Station::FixtureSnapshot &snapshot);
    void onRunFinished(int fixture, const Station::FixtureSnapshot &snapshot);
    void onPresence(int fixture, Station::Presence presence, const QString &deviceId);
    // Presence as the tile shows it between runs: the device ID, the verdict and the label
    // follow the device in the fixture.
    void applyPresence(Slot &slot,
        Presence presence,
        const QString &deviceId,
        HandsFreeDecider::Clock::time_point now);
    // What the record knows of the device in the fixture (passed this recipe, finalized).
    void refreshDeviceHistory(Slot &slot);
    // The verdict's run leaves the tile (its device left, or another one came).
    static void clearVerdict(FixtureSnapshot &snapshot);
    void onRecordError(int fixture, const Station::Text &message);
    void onRecordRecovered(int fixture);
    // Starts every fixture whose hands-free device is due and that the start rules allow, then
    // arms m_handsFreeTimer for the next settle deadline.
    void runHandsFree();
    Result<> start(Slot &slot, StartRequest how, bool handsFree);
    void logEvent(int fixture,
        const QString &kind,
        const QString &detail,
        RecordSync sync = RecordSync::Deferred);

    StationOptions m_options;
    std::optional<Auth::User> m_user;
    bool m_open = false;
    bool m_shutDown = false;
    int m_interruptedClosed = 0;
    Recipe m_recipe;
    bool m_hasRecipe = false;
    std::map<int, Slot> m_slots; // by fixture number
    QList<int> m_failingRecords;
    std::shared_ptr<RecordLock> m_recordLock; // held from open() to the end of shutdown()
    std::unique_ptr<RecordStore> m_record;    // the main thread's own connection: reads only
    ThreadHandle m_writerThread;              // the station's events are written there
    RecordWriter *m_writer = nullptr;         // lives on m_writerThread
    QTimer *m_recordRetry = nullptr;          // asks idle workers to flush their queued results
    QTimer *m_handsFreeTimer = nullptr;       // the next hands-free settle deadline (single shot)
    ThreadHandle m_presenceThread;
    PresenceMonitor *m_presence = nullptr;
};

} // namespace Station
