#pragma once

#include "services/base/result.h"
#include "services/run/runtypes.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Station {

enum class Presence { Empty, Present, Unresponsive, Unknown };

// Stable English name ("EMPTY", "PRESENT", ...), as logged.
QString presenceName(Presence presence);

// Why a fixture cannot start now. The controller's start rules (StationController, the only
// place they live) set it in every snapshot it emits; models and the window map it and never
// decide again.
enum class StartBlock {
    None,             // it can start
    NotOpen,          // the station is not open or is shut down (or nobody evaluated the rules)
    Running,          // a run is on
    NoRecipe,         // no recipe is loaded
    RecordUnwritable, // the record cannot be written: nothing may run untraced
    LabelMissing,     // the recipe requires a scanned label and there is none
    Empty,            // presence is polled and the fixture is empty
    NotDetected,      // presence is polled and has not seen the fixture yet
    Unresponsive,     // the device in the fixture does not answer
    Finalized,        // a run of this record finalized the device, and the recipe would change it
    AlreadyPassed,    // the device passed the loaded recipe: it starts once the operator confirms
    // Appended (issue #15, docs/roles.md)
    NotSignedIn, // sign-in is required and nobody is signed in
    NotAllowed,  // the signed-in user's role may not start (or rerun this device)
};

// Where a fixture is in hands-free mode (HandsFreeDecider, docs/architecture.md).
enum class HandsFree {
    Off,      // hands-free is off: a click starts
    Waiting,  // ready for the next device
    Settling, // a new device answers: it starts once it has answered for the settle time
    Due,     // it has settled: it starts as soon as the start rules allow (startBlock says why not)
    Running, // a run is on
    Done,    // the device of the last run (or one seen during it) is in: remove it
};

// Stable English name ("OFF", "WAITING", ...), as logged.
QString handsFreeName(HandsFree state);

// What a fixture tile shows; emitted by Station whenever any of it changes.
struct FixtureSnapshot
{
    int fixture = 0; // 1-based fixture number
    QString label;
    QString connectionPath;
    Presence presence = Presence::Unknown;
    QString deviceId;     // full 128-hex ID once known
    QString serialNumber; // scanned label, if any
    bool running = false;
    qint64 runId = 0;                  // record row of the current/last run, 0 if none
    std::optional<RunOutcome> verdict; // last run's outcome; empty before the first run
    int stepIndex = 0;                 // 1-based step being run (or last run)
    int stepCount = 0;
    QString stepName;
    QDateTime started;  // UTC, run start
    QDateTime finished; // UTC, run end
    ErrorCode errorCode = ErrorCode::None;
    Text cause; // failing step's plain-language cause (or why the run ended)
    QString failedStep;
    // The verdict's device (the run's), kept apart from `deviceId`, which is the device in the
    // fixture now: a verdict is shown only beside the device that earned it.
    QString verdictDeviceId;
    // The device in the fixture already passed the loaded recipe (its run, 0: no), or a run in
    // the record finalized it (0: not recorded). The controller's start rules use them.
    qint64 passedRunId = 0;
    // The device's newest run of the loaded recipe failed (that run; 0: it did not): starting
    // it again is a rerun (docs/roles.md).
    qint64 failedRunId = 0;
    qint64 finalizedRunId = 0;
    // Whether the fixture can start now and, when not, why (translatable; shown with
    // translated()). The same refusal StationController::startFixture gives.
    StartBlock startBlock = StartBlock::NotOpen;
    Text startBlockText;
    HandsFree handsFree = HandsFree::Off;

    bool canStart() const { return startBlock == StartBlock::None; }
    // A Start makes sense: the fixture can start, or can once the operator confirms that a
    // device that already passed must run again.
    bool startOffered() const { return canStart() || startBlock == StartBlock::AlreadyPassed; }
};

} // namespace Station

Q_DECLARE_METATYPE(Station::FixtureSnapshot)
