#include "services/station/presencemonitor.h"

#include "services/azsphere/azsphereclient.h"
#include "services/base/logging.h"
#include "services/hardware/ftdienumerator.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// One `list-attached` answers in about a second; a poll that takes longer than this is stuck.
constexpr std::chrono::milliseconds PollTimeout = 20s;

} // namespace

PresenceMonitor::PresenceMonitor(const QList<FixtureConfig> &fixtures,
    const ToolSetup &tools,
    std::chrono::milliseconds interval,
    QObject *parent)
    : QObject(parent)
    , m_fixtures(fixtures)
    , m_tools(tools)
    , m_interval(interval)
{ }

PresenceMonitor::~PresenceMonitor() = default;

QHash<int, AttachedDevice> PresenceMonitor::assign(
    const QList<FixtureConfig> &fixtures, const QList<AttachedDevice> &devices)
{
    QHash<int, AttachedDevice> byFixture;
    for (const AttachedDevice &device : devices) {
        for (const FixtureConfig &fixture : fixtures) {
            const bool byPath = !fixture.connectionPath.isEmpty()
                && device.connectionPath == fixture.connectionPath;
            // The real Linux SDK reports no connection path: there the IP address decides.
            const bool byIp = device.connectionPath.isEmpty() && !fixture.ipAddress.isEmpty()
                && device.ipAddress == fixture.ipAddress;
            if (byPath || byIp) {
                byFixture.insert(fixture.number, device);
                break;
            }
        }
    }
    return byFixture;
}

void PresenceMonitor::start()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(m_interval);
        connect(m_timer, &QTimer::timeout, this, &PresenceMonitor::pollNow);
    }
    m_timer->start();
    pollNow();
}

void PresenceMonitor::stop()
{
    if (m_timer)
        m_timer->stop();
}

void PresenceMonitor::pollNow()
{
    if (m_polling || m_cancel.isCancelled())
        return;
    if (m_source == Source::Ftdi) {
        pollFtdi();
        return;
    }
    m_polling = true;
    AzsphereTimeouts timeouts;
    timeouts.command = PollTimeout;
    AzsphereClient client(m_tools.dialect,
        m_tools.azsphere,
        m_tools.sphereToolEnvironment(u"presence"_s),
        m_cancel,
        {},
        timeouts);
    ToolReply<QList<AttachedDevice>> reply = client.listAttached();
    m_polling = false;
    if (m_cancel.isCancelled())
        return;
    if (!reply.isSuccess()) {
        Logging::station().warn(
            u"presence poll failed: %1 (%2)"_s.arg(reply.error().message, reply.error().detail));
        Q_EMIT pollFailed(reply.error().message);
        Q_EMIT polled();
        return;
    }

    const QHash<int, AttachedDevice> found = assign(m_fixtures, *reply.value);
    for (const FixtureConfig &fixture : m_fixtures) {
        if (const auto it = found.constFind(fixture.number); it != found.cend())
            update(fixture.number,
                it->isResponsive ? Presence::Present : Presence::Unresponsive,
                it->deviceId);
        else
            update(fixture.number, Presence::Empty, {});
    }
    Q_EMIT polled();
}

void PresenceMonitor::pollFtdi()
{
    FtdiEnumerator::Options options;
    options.readStrings = false; // opening each device would be slower and is not needed here
    Result<QList<FtdiInterface>> interfaces = FtdiEnumerator::enumerate(options);
    if (!interfaces) {
        Logging::station().warn(u"presence poll (FTDI) failed: %1 (%2)"_s.arg(
            interfaces.error().message, interfaces.error().detail));
        Q_EMIT pollFailed(interfaces.error().message);
        Q_EMIT polled();
        return;
    }
    for (const FixtureConfig &fixture : m_fixtures) {
        const bool plugged = std::any_of(interfaces->cbegin(),
            interfaces->cend(),
            [&](const FtdiInterface &i) { return i.locationId == fixture.connectionPath; });
        // FTDI knows no device ID: keep the last one seen (a run learns it at `details`).
        update(fixture.number,
            plugged ? Presence::Present : Presence::Empty,
            plugged ? m_seen.value(fixture.number).deviceId : QString());
    }
    Q_EMIT polled();
}

void PresenceMonitor::update(int fixture, Presence presence, const QString &deviceId)
{
    Seen now {presence, deviceId};
    Seen &before = m_seen[fixture];
    // A different device ID with no empty poll in between: someone swapped the device.
    if (!before.deviceId.isEmpty() && !now.deviceId.isEmpty() && before.deviceId != now.deviceId
        && before.presence != Presence::Empty) {
        Logging::station().warn(u"fixture %1: device swapped (%2 -> %3)"_s.arg(fixture).arg(
            before.deviceId.left(8), now.deviceId.left(8)));
        Q_EMIT deviceSwapped(fixture, before.deviceId, now.deviceId);
    }
    // An unresponsive device reports no ID: keep the last one known for the tile.
    if (now.presence == Presence::Unresponsive && now.deviceId.isEmpty())
        now.deviceId = before.deviceId;
    if (now.presence != before.presence || now.deviceId != before.deviceId) {
        before = now;
        Q_EMIT presenceChanged(fixture, now.presence, now.deviceId);
    }
}

} // namespace Station
