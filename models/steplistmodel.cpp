#include "models/steplistmodel.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

StepListModel::StepListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

StepListModel::~StepListModel() = default;

int StepListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

int StepListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StepListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StepResult &step = m_steps.at(index.row());
    switch (role) {
    case StepResultRole:
        return QVariant::fromValue(step);
    case OutcomeRole:
        return QVariant::fromValue(step.outcome);
    case SeqRole:
        return step.seq;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case SeqColumn:
            return step.seq;
        case StepColumn:
            return step.name;
        case OutcomeColumn:
            return PageText::stepOutcome(step.outcome);
        case DurationColumn:
            return PageText::duration(step.started, step.finished);
        case AttemptsColumn:
            return step.attempts > 0 ? QVariant(step.attempts) : QVariant();
        case CauseColumn:
            return (step.cause.isEmpty() ? step.note : step.cause).translated();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == CauseColumn && !step.cause.isEmpty())
            return step.remedy.isEmpty()
                ? step.cause.translated()
                : step.cause.translated() + u"\n\n"_s + step.remedy.translated();
        if (index.column() == StepColumn)
            return step.type;
        return {};
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn && m_look)
            return m_look(step.outcome).icon;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn && m_look) {
            const QColor color = m_look(step.outcome).text;
            return color.isValid() ? QVariant(color) : QVariant();
        }
        return {};
    case Qt::BackgroundRole:
        if (m_look) {
            const QColor color = m_look(step.outcome).background;
            return color.isValid() ? QVariant(color) : QVariant();
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case SeqColumn:
        case DurationColumn:
        case AttemptsColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    default:
        return {};
    }
}

QVariant StepListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case SeqColumn:
        //: Column header: the step's position in the recipe
        return tr("#");
    case StepColumn:
        return tr("Step");
    case OutcomeColumn:
        return tr("Outcome");
    case DurationColumn:
        return tr("Duration");
    case AttemptsColumn:
        return tr("Attempts");
    case CauseColumn:
        return tr("Cause");
    case ColumnCount:
        break;
    }
    return {};
}

void StepListModel::setOutcomeLook(const StepOutcomeLook &look)
{
    m_look = look;
    if (!m_steps.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void StepListModel::setSteps(const QList<StepResult> &steps)
{
    beginResetModel();
    m_steps = steps;
    std::stable_sort(m_steps.begin(), m_steps.end(), [](const StepResult &a, const StepResult &b) {
        return a.seq < b.seq;
    });
    endResetModel();
}

void StepListModel::clear()
{
    setSteps({});
}

int StepListModel::updateStep(const StepResult &step)
{
    const int existing = rowOfSeq(step.seq);
    if (existing >= 0) {
        m_steps[existing] = step;
        Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        return existing;
    }
    const auto at = std::upper_bound(
        m_steps.cbegin(), m_steps.cend(), step.seq, [](int seq, const StepResult &other) {
            return seq < other.seq;
        });
    const int row = int(at - m_steps.cbegin());
    beginInsertRows({}, row, row);
    m_steps.insert(row, step);
    endInsertRows();
    return row;
}

int StepListModel::rowOfSeq(int seq) const
{
    for (qsizetype row = 0; row < m_steps.size(); ++row) {
        if (m_steps.at(row).seq == seq)
            return int(row);
    }
    return -1;
}

int StepListModel::firstFailedRow() const
{
    for (qsizetype row = 0; row < m_steps.size(); ++row) {
        if (m_steps.at(row).outcome == StepOutcome::Failed)
            return int(row);
    }
    return -1;
}

} // namespace Station
