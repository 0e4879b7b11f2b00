#pragma once

#include "services/azsphere/devicedata.h"
#include "services/base/canceltoken.h"
#include "services/config/stationconfig.h"
#include "services/run/runtypes.h"
#include "services/station/fixturesnapshot.h"
#include "services/steps/toolsetup.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>

class QTimer;

namespace Station {

// Watches which device sits in which fixture: polls every few seconds on its own thread (moved
// there by the StationController) and reports plug, unplug, unresponsive and SWAP (another device
// ID in the same fixture between two polls) as queued signals. Source ListAttached asks
// `azsphere device list-attached` and maps devices to fixtures by connection path, or by IP
// address where the tool reports no connection path (the real Linux SDK). Source Ftdi (real
// hardware) only enumerates the FTDI interfaces with libftdi1: cheaper, and it needs no answer
// from the device, but it sees a board's USB link only (no device ID, so no swap).
class PresenceMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenceMonitor)

public:
    // Cheap enough to run beside the fixtures (one `list-attached` for the whole bench), and
    // quick enough that a tile changes within a few seconds of a plug.
    static constexpr std::chrono::milliseconds DefaultInterval = 3s;

    enum class Source { ListAttached, Ftdi };

    PresenceMonitor(const QList<FixtureConfig> &fixtures,
        const ToolSetup &tools,
        std::chrono::milliseconds interval = DefaultInterval,
        QObject *parent = nullptr);

    // Before start(): where presence comes from (ListAttached by default).
    void setSource(Source source) { m_source = source; }
    ~PresenceMonitor() override;

    // Maps one `list-attached` answer to fixtures (pure; also used by tests).
    static QHash<int, AttachedDevice> assign(
        const QList<FixtureConfig> &fixtures, const QList<AttachedDevice> &devices);

    // Thread-safe: ends a poll in progress (the tool is stopped) and stops further polls.
    void cancel() const { m_cancel.cancel(); }

public Q_SLOTS:
    void start(); // on the monitor's thread: polls now, then every interval
    void stop();
    void pollNow();

Q_SIGNALS:
    void presenceChanged(int fixture, Station::Presence presence, const QString &deviceId);
    void deviceSwapped(int fixture, const QString &previousId, const QString &newId);
    void pollFailed(const QString &message);
    void polled(); // after every poll, for tests and diagnostics

private:
    void pollFtdi();
    void update(int fixture, Presence presence, const QString &deviceId);

    struct Seen
    {
        Presence presence = Presence::Unknown;
        QString deviceId;
    };

    const QList<FixtureConfig> m_fixtures;
    const ToolSetup m_tools;
    const std::chrono::milliseconds m_interval;
    CancelToken m_cancel;
    QTimer *m_timer = nullptr; // created on the monitor's thread in start()
    QHash<int, Seen> m_seen;
    bool m_polling = false;
    Source m_source = Source::ListAttached;
};

} // namespace Station
