#pragma once

#include "services/station/fixturesnapshot.h"

#include <QSet>
#include <QString>

#include <chrono>
#include <optional>

namespace Station {

// When a hands-free fixture starts by itself (issue #16, docs/architecture.md): one per fixture,
// fed with what presence saw and the time, and told when a run starts and ends. Pure (no Qt
// objects, no clock of its own): the StationController owns one per fixture on the GUI thread,
// and the unit test and the hands-free soak drive it with a script.
//
// The rules: a device is due once it has answered with one device ID for the settle time without
// an interruption (an empty fixture, no answer or another ID starts the wait again), no run is
// on, and it is new: not the device of the fixture's last run, and not one that sat in the fixture
// when hands-free began watching it (until it has been out for the settle time). So a device left
// in after its run, a reboot or re-enumeration during a run and a bounce never start a second
// time; only another device does. A device swapped in during a run is the run's business while it
// runs and new once the run has ended (its settle time counts from the run's end), whether
// presence saw it during the run or only after. The controller starts a due device through the
// same start rules as a click and tells runStarted(), so it starts once.
class HandsFreeDecider final
{
public:
    using Clock = std::chrono::steady_clock;

    explicit HandsFreeDecider(std::chrono::milliseconds settle = DefaultSettle)
        : m_settle(settle)
    { }

    // Two polls a second apart must agree (a bounce or a device still enumerating does not), and
    // a start follows within 3 s of the device's first answer (issue #16) even though
    // list-attached takes about a second: poll phase (< 1 s) + the call (1 s) + the settle time.
    static constexpr std::chrono::milliseconds DefaultSettle = std::chrono::milliseconds(1000);

    std::chrono::milliseconds settle() const { return m_settle; }
    void setSettle(std::chrono::milliseconds settle) { m_settle = settle; }

    // Presence as polled: present and answering (with its ID), unresponsive, empty or unknown.
    // Only changes need to be fed (an observation holds until the next one).
    void observe(Clock::time_point now, Presence presence, const QString &deviceId);
    // A run started on the fixture (by this decider's due device or by a click): its device, if
    // known, is spent. runFinished: the run ended; the device it ran (empty: unknown).
    void runStarted(Clock::time_point now, const QString &deviceId);
    void runFinished(Clock::time_point now, const QString &deviceId);

    // The device to start now, as presence named it (empty: none): it has answered for the
    // settle time by `now`.
    // Asking does not change anything; a refused start is asked again later.
    QString due(Clock::time_point now) const;
    // When due() may next change without an observation (for the controller's timer).
    std::optional<Clock::time_point> nextDeadline() const;

    // Never HandsFree::Off (the controller knows whether hands-free is on).
    HandsFree state(Clock::time_point now) const;
    // The device settling or due, as presence named it (empty: none).
    QString candidate() const { return m_candidate.isEmpty() ? QString() : m_candidateId; }
    bool isSpent(const QString &deviceId) const;

private:
    static QString key(const QString &deviceId) { return deviceId.toLower(); }

    std::chrono::milliseconds m_settle;
    bool m_seen = false; // an observation arrived: the first one decides what is already in
    bool m_running = false;
    Presence m_presence = Presence::Unknown;
    QString m_present;     // the ID answering now (empty: none answering), lower case
    QString m_presentId;   // the same, as presence named it
    QString m_candidate;   // a new device answering since m_since (lower case)
    QString m_candidateId; // the same, as presence named it
    Clock::time_point m_since;
    // Lower-case IDs that do not start by themselves: the last run's device until another
    // device runs; the others (in the fixture when watching began, or started and swapped out
    // before details) until the fixture has been empty for the settle time.
    QString m_lastRun;
    QSet<QString> m_spent;
    std::optional<Clock::time_point> m_emptySince;
};

} // namespace Station
