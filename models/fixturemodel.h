#pragma once

#include "services/run/runtypes.h"
#include "services/station/fixturesnapshot.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QTimer>

#include <chrono>
#include <functional>

namespace Station {

// One row per fixture, fed by Station::fixtureChanged (FixtureSnapshot value types). Lives on
// the GUI thread. Emits dataChanged only for the roles that changed in the row that changed, and
// ticks once a second while any fixture runs so the tiles' clocks advance.
class FixtureModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixtureModel)

public:
    enum Role {
        FixtureRole = Qt::UserRole + 1, // int, 1-based fixture number
        LabelRole,                      // QString, the configured label (may be empty)
        TitleRole,                      // QString, the label or "Fixture 3" when there is none
        PresenceRole,                   // Station::Presence
        PresenceTextRole,               // QString, translated
        DeviceIdRole,                   // QString, full 128-hex device ID
        ShortDeviceIdRole,              // QString, "352fe1f5…eb96" (Station::shortDeviceId)
        SerialNumberRole,               // QString
        RunningRole,                    // bool
        StepNameRole,                   // QString
        StepIndexRole,                  // int, 1-based, 0 when no step
        StepCountRole,                  // int
        StepTextRole,                   // QString, translated "Step 3 of 13"
        ProgressRole,                   // double 0..1: finished steps / all steps
        ElapsedRole,                    // std::chrono::seconds; invalid before the first run
        ElapsedTextRole,                // QString, "4:07" or "1:02:03"
        VerdictRole,                    // FixtureModel::Verdict
        VerdictTextRole,                // QString, translated; empty for Verdict::None
        CauseRole,                      // QString, the failing step's plain-language cause
        FailedStepRole,                 // QString
        ErrorCodeRole,                  // Station::ErrorCode
        TileStateRole,                  // FixtureModel::TileState
        TileStateTextRole,              // QString, translated "PASS", "NO RESPONSE", ...
        HintRole,                       // QString, translated: what the operator does next
        CanStartRole,                   // bool: a Start click makes sense now (the snapshot's
                                        // start verdict: FixtureSnapshot::startOffered())
        CanStopRole,                    // bool: a Stop click makes sense now
        SnapshotRole,                   // Station::FixtureSnapshot as last received
    };
    Q_ENUM(Role)

    // The last run's verdict as the tile shows it; None while running or before any run.
    enum class Verdict { None, Pass, Fail, Aborted, Interrupted };
    Q_ENUM(Verdict)

    // What the tile shows, combining presence, running and verdict. A verdict stays until the
    // next device is started on that fixture, even when the device is taken out.
    enum class TileState { Empty, Ready, Running, Pass, Fail, Aborted, Interrupted, Unresponsive };
    Q_ENUM(TileState)

    using Clock = std::function<QDateTime()>;

    explicit FixtureModel(QObject *parent = nullptr);
    ~FixtureModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Rows for fixtures 1..count; rows that stay keep their data.
    void setFixtureCount(int count);
    // Replaces every row (sorted by fixture number).
    void resetFixtures(const QList<Station::FixtureSnapshot> &snapshots);

    int fixtureCount() const { return int(m_rows.size()); }
    // Row of a fixture number, -1 when the model has no such fixture.
    int rowOfFixture(int fixture) const;
    QModelIndex indexOfFixture(int fixture) const;
    Station::FixtureSnapshot snapshot(int row) const;

    // Replaces "now" (UTC) for the elapsed time; tests and the screenshot tool use a fixed clock.
    void setClock(Clock clock);
    bool isTicking() const { return m_tick.isActive(); }

    static Verdict verdictOf(const Station::FixtureSnapshot &snapshot);
    static TileState tileStateOf(const Station::FixtureSnapshot &snapshot);
    static QString tileStateText(TileState state);
    static QString verdictText(Verdict verdict);
    static QString presenceText(Station::Presence presence);
    static QString elapsedText(std::chrono::seconds elapsed);

public Q_SLOTS:
    // Connected to Station::fixtureChanged. A fixture the model does not have yet is inserted.
    void updateFixture(const Station::FixtureSnapshot &snapshot);

private:
    QVariant roleData(
        const Station::FixtureSnapshot &snapshot, int role, const QDateTime &now) const;
    std::optional<std::chrono::seconds> elapsed(
        const Station::FixtureSnapshot &snapshot, const QDateTime &now) const;
    void updateTick();
    void onTick();

    QList<Station::FixtureSnapshot> m_rows;
    QHash<int, int> m_rowOfFixture;
    Clock m_clock;
    QTimer m_tick;
};

} // namespace Station
