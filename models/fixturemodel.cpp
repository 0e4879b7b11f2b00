#include "models/fixturemodel.h"

#include "services/azsphere/devicedata.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Station {

namespace {

// Every role a snapshot can change; compared old against new to emit only what changed.
constexpr int FirstDataRole = FixtureModel::FixtureRole;
constexpr int LastDataRole = FixtureModel::CanStopRole;

// The clock roles change with time alone; the tick refreshes just these.
const QList<int> ClockRoles = {FixtureModel::ElapsedRole, FixtureModel::ElapsedTextRole};

constexpr auto TickInterval = 1s;

} // namespace

FixtureModel::FixtureModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_tick.setInterval(TickInterval);
    // A precise timer: a coarse one may drift enough to make the clock skip a second.
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &FixtureModel::onTick);
}

FixtureModel::~FixtureModel() = default;

int FixtureModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FixtureModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return roleData(m_rows.at(index.row()), role, m_clock());
}

QHash<int, QByteArray> FixtureModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({
        {FixtureRole, "fixture"},
        {LabelRole, "label"},
        {TitleRole, "title"},
        {PresenceRole, "presence"},
        {PresenceTextRole, "presenceText"},
        {DeviceIdRole, "deviceId"},
        {ShortDeviceIdRole, "shortDeviceId"},
        {SerialNumberRole, "serialNumber"},
        {RunningRole, "running"},
        {StepNameRole, "stepName"},
        {StepIndexRole, "stepIndex"},
        {StepCountRole, "stepCount"},
        {StepTextRole, "stepText"},
        {ProgressRole, "progress"},
        {ElapsedRole, "elapsed"},
        {ElapsedTextRole, "elapsedText"},
        {VerdictRole, "verdict"},
        {VerdictTextRole, "verdictText"},
        {CauseRole, "cause"},
        {FailedStepRole, "failedStep"},
        {ErrorCodeRole, "errorCode"},
        {TileStateRole, "tileState"},
        {TileStateTextRole, "tileStateText"},
        {HintRole, "hint"},
        {CanStartRole, "canStart"},
        {CanStopRole, "canStop"},
        {SnapshotRole, "snapshot"},
    });
    return names;
}

void FixtureModel::setFixtureCount(int count)
{
    count = std::max(count, 0);
    QList<FixtureSnapshot> rows;
    rows.reserve(count);
    for (int fixture = 1; fixture <= count; ++fixture) {
        const int row = rowOfFixture(fixture);
        if (row >= 0) {
            rows.append(m_rows.at(row));
        } else {
            FixtureSnapshot snapshot;
            snapshot.fixture = fixture;
            rows.append(snapshot);
        }
    }
    resetFixtures(rows);
}

void FixtureModel::resetFixtures(const QList<FixtureSnapshot> &snapshots)
{
    beginResetModel();
    m_rows = snapshots;
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const auto &a, const auto &b) {
        return a.fixture < b.fixture;
    });
    m_rowOfFixture.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOfFixture.insert(m_rows.at(row).fixture, row);
    endResetModel();
    updateTick();
}

int FixtureModel::rowOfFixture(int fixture) const
{
    return m_rowOfFixture.value(fixture, -1);
}

QModelIndex FixtureModel::indexOfFixture(int fixture) const
{
    const int row = rowOfFixture(fixture);
    return row < 0 ? QModelIndex() : index(row);
}

FixtureSnapshot FixtureModel::snapshot(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : FixtureSnapshot();
}

void FixtureModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), ClockRoles);
}

void FixtureModel::updateFixture(const FixtureSnapshot &incoming)
{
    int row = rowOfFixture(incoming.fixture);
    if (row < 0) {
        const auto pos = std::lower_bound(m_rows.cbegin(),
            m_rows.cend(),
            incoming.fixture,
            [](const FixtureSnapshot &s, int fixture) { return s.fixture < fixture; });
        row = int(pos - m_rows.cbegin());
        beginInsertRows({}, row, row);
        m_rows.insert(row, incoming);
        for (int r = row; r < m_rows.size(); ++r)
            m_rowOfFixture.insert(m_rows.at(r).fixture, r);
        endInsertRows();
        updateTick();
        return;
    }

    const FixtureSnapshot old = m_rows.at(row);
    // The station decides what a tile shows (a verdict stays until the device that earned it
    // leaves: StationController::onPresence); the model only maps it.
    const FixtureSnapshot &next = incoming;

    const QDateTime now = m_clock();
    QList<int> changed;
    for (int role = FirstDataRole; role <= LastDataRole; ++role) {
        if (roleData(old, role, now) != roleData(next, role, now))
            changed.append(role);
    }
    m_rows[row] = next;
    if (!changed.isEmpty()) {
        // Qt::DisplayRole, ToolTipRole and SnapshotRole are derived from the rest.
        changed.append({Qt::DisplayRole, Qt::ToolTipRole, SnapshotRole});
        const QModelIndex idx = index(row);
        Q_EMIT dataChanged(idx, idx, changed);
    }
    if (old.running != next.running)
        updateTick();
}

QVariant FixtureModel::roleData(const FixtureSnapshot &s, int role, const QDateTime &now) const
{
    switch (role) {
    case Qt::DisplayRole:
        //: Accessible summary of a tile: "Fixture 3: PASS"
        return tr("%1: %2").arg(
            roleData(s, TitleRole, now).toString(), tileStateText(tileStateOf(s)));
    case Qt::ToolTipRole: {
        QStringList lines {roleData(s, TitleRole, now).toString(), tileStateText(tileStateOf(s))};
        if (!s.deviceId.isEmpty())
            lines.append(tr("Device ID: %1").arg(s.deviceId));
        if (!s.serialNumber.isEmpty())
            lines.append(tr("Serial number: %1").arg(s.serialNumber));
        if (!s.failedStep.isEmpty())
            lines.append(tr("Failed step: %1").arg(s.failedStep));
        if (!s.cause.isEmpty())
            lines.append(s.cause.translated());
        return lines.join(u'\n');
    }
    case FixtureRole:
        return s.fixture;
    case LabelRole:
        return s.label;
    case TitleRole:
        return s.label.isEmpty() ? tr("Fixture %1").arg(s.fixture) : s.label;
    case PresenceRole:
        return QVariant::fromValue(s.presence);
    case PresenceTextRole:
        return presenceText(s.presence);
    case DeviceIdRole:
        return s.deviceId;
    case ShortDeviceIdRole:
        return shortDeviceId(s.deviceId);
    case SerialNumberRole:
        return s.serialNumber;
    case RunningRole:
        return s.running;
    case StepNameRole:
        return s.stepName;
    case StepIndexRole:
        return s.stepIndex;
    case StepCountRole:
        return s.stepCount;
    case StepTextRole:
        if (s.stepIndex <= 0 || s.stepCount <= 0)
            return QString();
        //: Progress through the recipe: "Step 3 of 13"
        return tr("Step %1 of %2").arg(s.stepIndex).arg(s.stepCount);
    case ProgressRole: {
        if (s.stepCount <= 0)
            return 0.0;
        if (!s.running && verdictOf(s) == Verdict::Pass)
            return 1.0;
        const double done = double(std::max(s.stepIndex - 1, 0)) / s.stepCount;
        return std::clamp(done, 0.0, 1.0);
    }
    case ElapsedRole: {
        const auto e = elapsed(s, now);
        return e ? QVariant::fromValue(*e) : QVariant();
    }
    case ElapsedTextRole: {
        const auto e = elapsed(s, now);
        return e ? elapsedText(*e) : QString();
    }
    case VerdictRole:
        return QVariant::fromValue(verdictOf(s));
    case VerdictTextRole:
        return verdictText(verdictOf(s));
    case CauseRole:
        return s.cause.translated();
    case FailedStepRole:
        return s.failedStep;
    case ErrorCodeRole:
        return QVariant::fromValue(s.errorCode);
    case TileStateRole:
        return QVariant::fromValue(tileStateOf(s));
    case TileStateTextRole:
        return tileStateText(tileStateOf(s));
    case HintRole:
        switch (tileStateOf(s)) {
        case TileState::Empty:
            return s.handsFree == HandsFree::Off ? tr("Insert a device")
                                                 : tr("Insert a device: it starts by itself");
        case TileState::Ready:
            // Why it cannot start, as the controller's start rules say (never decided here).
            switch (s.startBlock) {
            case StartBlock::None:
                if (s.handsFree == HandsFree::Settling || s.handsFree == HandsFree::Due)
                    //: Hands-free: the device answers and starts once it has settled
                    return tr("Starts by itself in a moment");
                if (s.handsFree == HandsFree::Done)
                    //: Hands-free starts only a device that was not in the fixture before
                    return tr("Ready to start; hands-free starts the next device");
                return tr("Ready to start");
            case StartBlock::Finalized:
                //: A device put back after it was finished: "Finished in run 42: set aside"
                return tr("Finished in run %1: set aside").arg(s.finalizedRunId);
            case StartBlock::AlreadyPassed:
                //: The device in the fixture passed the loaded recipe before
                return tr("Already passed (run %1)").arg(s.passedRunId);
            default:
                return s.startBlockText.translated();
            }
        case TileState::Running:
            return s.stepName;
        case TileState::Pass:
            return s.presence == Presence::Present ? tr("Remove the device")
                                                   : tr("Insert the next device");
        case TileState::Fail:
            return s.cause.isEmpty() ? tr("Set the device aside for rework") : s.cause.translated();
        case TileState::Aborted:
            return s.cause.isEmpty() ? tr("Stopped by the operator") : s.cause.translated();
        case TileState::Interrupted:
            return s.cause.isEmpty() ? tr("The station stopped during the run: start again")
                                     : s.cause.translated();
        case TileState::Unresponsive:
            return tr("The device does not answer: reseat the USB cable");
        }
        return QString();
    case CanStartRole:
        return s.startOffered();
    case CanStopRole:
        return s.running;
    case SnapshotRole:
        return QVariant::fromValue(s);
    default:
        return {};
    }
}

std::optional<std::chrono::seconds> FixtureModel::elapsed(
    const FixtureSnapshot &s, const QDateTime &now) const
{
    if (!s.started.isValid())
        return std::nullopt;
    const QDateTime end = s.running ? now : s.finished;
    if (!end.isValid())
        return std::nullopt;
    return std::chrono::seconds(std::max<qint64>(s.started.secsTo(end), 0));
}

void FixtureModel::updateTick()
{
    const bool anyRunning
        = std::any_of(m_rows.cbegin(), m_rows.cend(), [](const auto &s) { return s.running; });
    if (anyRunning && !m_tick.isActive())
        m_tick.start();
    else if (!anyRunning)
        m_tick.stop();
}

void FixtureModel::onTick()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).running) {
            const QModelIndex idx = index(row);
            Q_EMIT dataChanged(idx, idx, ClockRoles);
        }
    }
}

FixtureModel::Verdict FixtureModel::verdictOf(const FixtureSnapshot &s)
{
    if (s.running || !s.verdict)
        return Verdict::None;
    switch (*s.verdict) {
    case RunOutcome::Running:
        return Verdict::None;
    case RunOutcome::Pass:
        return Verdict::Pass;
    case RunOutcome::Fail:
        return Verdict::Fail;
    case RunOutcome::Aborted:
        return Verdict::Aborted;
    case RunOutcome::Interrupted:
        return Verdict::Interrupted;
    }
    return Verdict::None;
}

FixtureModel::TileState FixtureModel::tileStateOf(const FixtureSnapshot &s)
{
    if (s.running)
        return TileState::Running;
    switch (verdictOf(s)) {
    case Verdict::Pass:
        return TileState::Pass;
    case Verdict::Fail:
        return TileState::Fail;
    case Verdict::Aborted:
        return TileState::Aborted;
    case Verdict::Interrupted:
        return TileState::Interrupted;
    case Verdict::None:
        break;
    }
    switch (s.presence) {
    case Presence::Present:
        return TileState::Ready;
    case Presence::Unresponsive:
        return TileState::Unresponsive;
    case Presence::Empty:
    case Presence::Unknown:
        break;
    }
    return TileState::Empty;
}

QString FixtureModel::tileStateText(TileState state)
{
    switch (state) {
    case TileState::Empty:
        //: Tile state: no device in the fixture. Short, upper case where the script has case.
        return tr("EMPTY");
    case TileState::Ready:
        //: Tile state: a device is present and idle.
        return tr("READY");
    case TileState::Running:
        //: Tile state: the recipe is running on the device.
        return tr("RUNNING");
    case TileState::Pass:
        //: Tile state: verdict of the last run.
        return tr("PASS");
    case TileState::Fail:
        //: Tile state: verdict of the last run.
        return tr("FAIL");
    case TileState::Aborted:
        //: Tile state: the operator stopped the last run.
        return tr("ABORTED");
    case TileState::Interrupted:
        //: Tile state: the station stopped (crash, power cut) during the last run.
        return tr("INTERRUPTED");
    case TileState::Unresponsive:
        //: Tile state: a device is attached but does not answer.
        return tr("NO RESPONSE");
    }
    return QString();
}

QString FixtureModel::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::None:
        return QString();
    case Verdict::Pass:
        return tileStateText(TileState::Pass);
    case Verdict::Fail:
        return tileStateText(TileState::Fail);
    case Verdict::Aborted:
        return tileStateText(TileState::Aborted);
    case Verdict::Interrupted:
        return tileStateText(TileState::Interrupted);
    }
    return QString();
}

QString FixtureModel::presenceText(Presence presence)
{
    switch (presence) {
    case Presence::Empty:
        return tr("No device");
    case Presence::Present:
        return tr("Device present");
    case Presence::Unresponsive:
        return tr("Not answering");
    case Presence::Unknown:
        //: Presence not polled yet
        return tr("Checking…");
    }
    return QString();
}

QString FixtureModel::elapsedText(std::chrono::seconds elapsed)
{
    const qint64 total = std::max<qint64>(elapsed.count(), 0);
    const qint64 hours = total / 3600;
    const qint64 minutes = (total / 60) % 60;
    const qint64 seconds = total % 60;
    if (hours > 0) {
        return u"%1:%2:%3"_s.arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(seconds, 2, 10, QLatin1Char('0'));
    }
    return u"%1:%2"_s.arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
}

} // namespace Station
