#include "models/recordsmodel.h"

#include "services/azsphere/devicedata.h"
#include "services/plant/plantreader.h"

#include <QFont>
#include <QScopedValueRollback>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

QVariant lookColor(const RunOutcomeLook &look, RunOutcome outcome, bool background)
{
    if (!look)
        return {};
    const OutcomeLook l = look(outcome);
    const QColor color = background ? l.background : l.text;
    return color.isValid() ? QVariant(color) : QVariant();
}

QString recipeText(const RunRow &run)
{
    if (run.recipeVersion.isEmpty())
        return run.recipeName;
    return u"%1 %2"_s.arg(run.recipeName, run.recipeVersion);
}

QString durationText(const RunRow &run)
{
    if (!run.finished.isValid())
        return {};
    return PageText::duration(run.duration);
}

} // namespace

RecordsModel::RecordsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

RecordsModel::~RecordsModel() = default;

int RecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRow &run = m_rows.at(index.row());
    switch (role) {
    case RunIdRole:
        return run.id;
    case RunRowRole:
        return QVariant::fromValue(run);
    case OutcomeRole:
        return QVariant::fromValue(run.outcome);
    case DeviceIdRole:
        return run.deviceId;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case RunColumn:
            return run.id;
        case StationColumn:
            return run.stationId;
        case StartedColumn:
            return PageText::localTime(run.started, m_zone);
        case FixtureColumn:
            return PageText::fixture(run.fixture, run.fixtureLabel);
        case DeviceColumn:
            return shortDeviceId(run.deviceId);
        case SerialColumn:
            return run.serialNumber;
        case RecipeColumn:
            return recipeText(run);
        case OutcomeColumn:
            return PageText::runOutcome(run.outcome);
        case FailedStepColumn:
            return run.failedStep;
        case CauseColumn:
            return run.cause.translated();
        case DurationColumn:
            return durationText(run);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case DeviceColumn:
            return run.deviceId;
        case CauseColumn:
            return run.cause.translated();
        case StartedColumn:
            return run.finished.isValid()
                ? tr("Started %1\nFinished %2")
                      .arg(PageText::localTime(run.started, m_zone),
                          PageText::localTime(run.finished, m_zone))
                : tr("Started %1").arg(PageText::localTime(run.started, m_zone));
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn && m_look)
            return m_look(run.outcome).icon;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn)
            return lookColor(m_look, run.outcome, false);
        return {};
    case Qt::BackgroundRole:
        return lookColor(m_look, run.outcome, true);
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case RunColumn:
        case DurationColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    default:
        return {};
    }
}

QVariant RecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RunColumn:
        //: Column header: the run's number in the record
        return tr("Run");
    case StationColumn:
        //: Column header: the plant station ID that recorded the run
        return tr("Station");
    case StartedColumn:
        return tr("Started");
    case FixtureColumn:
        return tr("Fixture");
    case DeviceColumn:
        return tr("Device ID");
    case SerialColumn:
        return tr("Serial");
    case RecipeColumn:
        return tr("Recipe");
    case OutcomeColumn:
        return tr("Outcome");
    case FailedStepColumn:
        return tr("Failed step");
    case CauseColumn:
        return tr("Cause");
    case DurationColumn:
        return tr("Duration");
    case ColumnCount:
        break;
    }
    return {};
}

bool RecordsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && (m_query || m_plant) && !m_atEnd && !m_fetching;
}

void RecordsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (m_plant) {
        requestPlantPage();
        return;
    }
    // Views (and QAbstractItemModelTester) may ask for more while rows are being inserted.
    const QScopedValueRollback<bool> fetching(m_fetching, true);

    Result<QList<RunRow>> page = m_rows.isEmpty()
        ? m_query->fetchRuns(m_filter, 0, m_pageSize)
        : m_query->fetchRunsAfter(m_filter, {m_rows.last().started, m_rows.last().id}, m_pageSize);
    if (!page) {
        m_atEnd = true;
        setError(page.error());
        return;
    }
    appendPage(*page);
}

void RecordsModel::appendPage(const QList<RunRow> &page)
{
    // New runs start later and sort before the first page, so once the count is reached the
    // older end of the record is too.
    if (page.size() < m_pageSize || (!m_totalAtLeast && m_rows.size() + page.size() >= m_total))
        m_atEnd = true;
    if (page.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
    // The count may have grown since it was taken (runs recorded meanwhile): never claim fewer
    // runs than are shown.
    if (m_rows.size() > m_total) {
        m_total = m_rows.size();
        Q_EMIT totalCountChanged(m_total);
    }
}

void RecordsModel::setQuery(const RecordQuery *query)
{
    m_query = query;
    reload();
}

void RecordsModel::setPlantReader(PlantReader *reader)
{
    if (m_plant == reader) {
        reload();
        return;
    }
    if (m_plant)
        disconnect(m_plant, nullptr, this, nullptr);
    m_plant = reader;
    if (reader) {
        connect(reader,
            &PlantReader::runsRead,
            this,
            [this](quint64 request, qint64 total, const QList<RunRow> &rows) {
                if (request != m_pending)
                    return; // superseded by a newer filter
                m_pending = 0;
                m_fetching = false;
                if (total >= 0) {
                    // The first page: the count says whether more pages follow.
                    m_totalAtLeast = total > PlantReader::CountLimit;
                    m_total = m_totalAtLeast ? PlantReader::CountLimit : total;
                    m_atEnd = false;
                    Q_EMIT totalCountChanged(m_total);
                }
                appendPage(rows);
                if (m_rows.size() > m_total) {
                    m_total = m_rows.size();
                    Q_EMIT totalCountChanged(m_total);
                }
                Q_EMIT loadingChanged(false);
            });
        connect(reader, &PlantReader::requestFailed, this, [this](quint64 request, const Error &e) {
            if (request != m_pending)
                return;
            m_pending = 0;
            m_fetching = false;
            m_atEnd = true;
            Q_EMIT loadingChanged(false);
            setError(e);
        });
    }
    reload();
}

bool RecordsModel::isPlant() const
{
    return !m_plant.isNull();
}

void RecordsModel::requestPlantPage()
{
    const bool first = m_rows.isEmpty();
    std::optional<RunKey> after;
    if (!first)
        after = RunKey {m_rows.last().started, m_rows.last().id, m_rows.last().runUuid};
    // Until the answer comes, the view asks for nothing more; the answer appends the rows.
    m_fetching = true;
    m_pending = m_plant->requestRuns(m_filter, after, m_pageSize, first);
    Q_EMIT loadingChanged(true);
}

void RecordsModel::setFilter(const RunFilter &filter)
{
    m_filter = filter;
    reload();
}

void RecordsModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void RecordsModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, StartedColumn), index(rowCount() - 1, StartedColumn));
}

void RecordsModel::setOutcomeLook(const RunOutcomeLook &look)
{
    m_look = look;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, OutcomeColumn), index(rowCount() - 1, OutcomeColumn));
}

void RecordsModel::refresh()
{
    reload();
}

void RecordsModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_totalAtLeast = false;
    m_atEnd = true;
    m_error.clear();
    endResetModel();

    if (m_plant) {
        // The count and the first page in one request; the answer sets both.
        m_pending = 0;
        m_fetching = false;
        Q_EMIT totalCountChanged(m_total);
        requestPlantPage();
        return;
    }
    if (m_pending != 0) {
        m_pending = 0;
        m_fetching = false;
        Q_EMIT loadingChanged(false);
    }
    if (m_query && m_query->isOpen()) {
        const Result<qint64> count = m_query->countRuns(m_filter);
        if (count) {
            m_total = *count;
            m_atEnd = m_total == 0;
        } else {
            setError(count.error());
        }
    }
    Q_EMIT totalCountChanged(m_total);
    // The first page at once, so the view and the count label agree without a scroll.
    fetchMore({});
}

void RecordsModel::setError(const Error &error)
{
    m_error = error.detail.isEmpty() ? error.message.translated()
                                     : u"%1 (%2)"_s.arg(error.message.translated(), error.detail);
    Q_EMIT queryFailed(m_error);
}

// RunHistoryModel

RunHistoryModel::RunHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

RunHistoryModel::~RunHistoryModel() = default;

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRow &run = m_runs.at(index.row());
    switch (role) {
    case RunIdRole:
        return run.id;
    case RunRowRole:
        return QVariant::fromValue(run);
    case CurrentRole:
        return isCurrent(run);
    case StationIdRole:
        return run.stationId;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case StartedColumn:
            return PageText::localTime(run.started, m_zone);
        case StationColumn:
            return run.stationId;
        case FixtureColumn:
            return PageText::fixture(run.fixture, run.fixtureLabel);
        case OutcomeColumn:
            return PageText::runOutcome(run.outcome);
        case FailedStepColumn:
            return run.failedStep;
        case DurationColumn:
            return durationText(run);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (!run.cause.isEmpty())
            return run.cause.translated();
        return tr("Run %1").arg(run.id);
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn && m_look)
            return m_look(run.outcome).icon;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn)
            return lookColor(m_look, run.outcome, false);
        return {};
    case Qt::FontRole:
        if (isCurrent(run)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case StartedColumn:
        return tr("Started");
    case StationColumn:
        return tr("Station");
    case FixtureColumn:
        return tr("Fixture");
    case OutcomeColumn:
        return tr("Outcome");
    case FailedStepColumn:
        return tr("Failed step");
    case DurationColumn:
        return tr("Duration");
    case ColumnCount:
        break;
    }
    return {};
}

bool RunHistoryModel::isCurrent(const RunRow &run) const
{
    return run.id == m_current
        && (m_currentStation.isEmpty() || run.stationId.isEmpty()
            || run.stationId == m_currentStation);
}

void RunHistoryModel::setCurrentStationId(const QString &stationId)
{
    if (m_currentStation == stationId)
        return;
    m_currentStation = stationId;
    if (!m_runs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RunHistoryModel::setRuns(const QList<RunRow> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

void RunHistoryModel::setCurrentRunId(qint64 runId)
{
    if (m_current == runId)
        return;
    m_current = runId;
    if (!m_runs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RunHistoryModel::setTimeZone(const QTimeZone &zone)
{
    beginResetModel();
    m_zone = zone;
    endResetModel();
}

void RunHistoryModel::setOutcomeLook(const RunOutcomeLook &look)
{
    beginResetModel();
    m_look = look;
    endResetModel();
}

int RunHistoryModel::rowOfRun(qint64 runId) const
{
    for (qsizetype row = 0; row < m_runs.size(); ++row) {
        const RunRow &run = m_runs.at(row);
        if (run.id == runId
            && (m_currentStation.isEmpty() || run.stationId.isEmpty()
                || run.stationId == m_currentStation))
            return int(row);
    }
    return -1;
}

} // namespace Station
