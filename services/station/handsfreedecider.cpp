#include "services/station/handsfreedecider.h"

namespace Station {

void HandsFreeDecider::observe(Clock::time_point now, Presence presence, const QString &deviceId)
{
    if (presence == Presence::Unknown)
        return; // nothing seen yet (or the poll failed): no evidence either way
    const QString id = presence == Presence::Empty ? QString() : key(deviceId);
    if (!m_seen) {
        m_seen = true;
        // In the fixture before anyone watched: perhaps left in after its run (before a restart,
        // or before hands-free was switched on). Not new.
        if (!id.isEmpty())
            m_spent.insert(id);
    }
    m_presence = presence;

    if (m_running) {
        // A reboot or re-enumeration during the run is the run's device (spent at runStarted); a
        // swap is the run's business, and the device swapped in is new once the run has ended
        // (runFinished), whenever presence happens to see it.
        m_present = presence == Presence::Present ? id : QString();
        m_presentId = presence == Presence::Present ? deviceId : QString();
        m_candidate.clear();
        return;
    }

    if (presence == Presence::Empty) {
        if (!m_emptySince)
            m_emptySince = now;
        m_present.clear();
        m_candidate.clear();
        return;
    }
    // A device is back (or another one came). Out for the settle time: what was in before has
    // left, except the last run's device, which never starts by itself.
    if (m_emptySince && now - *m_emptySince >= m_settle)
        m_spent.clear();
    m_emptySince.reset();

    if (presence == Presence::Unresponsive) {
        // Not answering: the settle time starts again when it answers.
        m_present.clear();
        m_candidate.clear();
        return;
    }
    if (id.isEmpty() || isSpent(id)) {
        m_present = id;
        m_candidate.clear();
        return;
    }
    if (m_present != id || m_candidate != id) {
        m_candidate = id;
        m_candidateId = deviceId;
        m_since = now;
    }
    m_present = id;
    m_presentId = deviceId;
}

void HandsFreeDecider::runStarted(Clock::time_point now, const QString &deviceId)
{
    Q_UNUSED(now)
    m_running = true;
    m_candidate.clear();
    m_emptySince.reset();
    // Another device runs: what was spent before is history.
    m_spent.clear();
    m_lastRun = key(deviceId.isEmpty() ? m_present : deviceId);
    if (!m_present.isEmpty())
        m_spent.insert(m_present);
}

void HandsFreeDecider::runFinished(Clock::time_point now, const QString &deviceId)
{
    m_running = false;
    m_candidate.clear();
    // The run's device as details recorded it (a device swapped in before details ran).
    if (const QString ran = key(deviceId); !ran.isEmpty() && ran != m_lastRun) {
        if (!m_lastRun.isEmpty())
            m_spent.insert(m_lastRun);
        m_lastRun = ran;
    }
    if (m_presence == Presence::Empty)
        m_emptySince = now;
    // Another device answering now came during the run (a swap): it has answered since then.
    if (!m_present.isEmpty() && !isSpent(m_present)) {
        m_candidate = m_present;
        m_candidateId = m_presentId;
        m_since = now;
    }
}

QString HandsFreeDecider::due(Clock::time_point now) const
{
    if (m_running || m_candidate.isEmpty() || now - m_since < m_settle)
        return {};
    return m_candidateId;
}

std::optional<HandsFreeDecider::Clock::time_point> HandsFreeDecider::nextDeadline() const
{
    if (m_running || m_candidate.isEmpty())
        return std::nullopt;
    return m_since + m_settle;
}

HandsFree HandsFreeDecider::state(Clock::time_point now) const
{
    if (m_running)
        return HandsFree::Running;
    if (!m_candidate.isEmpty())
        return now - m_since >= m_settle ? HandsFree::Due : HandsFree::Settling;
    if (!m_present.isEmpty())
        return HandsFree::Done;
    return HandsFree::Waiting;
}

bool HandsFreeDecider::isSpent(const QString &deviceId) const
{
    const QString id = key(deviceId);
    return !id.isEmpty() && (id == m_lastRun || m_spent.contains(id));
}

} // namespace Station
