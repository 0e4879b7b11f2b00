#include "models/measurementmodel.h"

namespace Station {

MeasurementModel::MeasurementModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

MeasurementModel::~MeasurementModel() = default;

int MeasurementModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_measurements.size());
}

int MeasurementModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MeasurementModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Measurement &m = m_measurements.at(index.row());
    const StepOutcome verdict = m.passed ? StepOutcome::Passed : StepOutcome::Failed;
    switch (role) {
    case MeasurementRole:
        return QVariant::fromValue(m);
    case PassedRole:
        return m.passed;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return m.name;
        case ValueColumn:
            return PageText::number(m.value);
        case UnitColumn:
            return m.unit;
        case LowColumn:
            return m.low ? PageText::number(*m.low) : QString();
        case HighColumn:
            return m.high ? PageText::number(*m.high) : QString();
        case ResultColumn:
            return m.passed ? tr("Pass") : tr("Out of limits");
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == ResultColumn && m_look)
            return m_look(verdict).icon;
        return {};
    case Qt::ForegroundRole:
        if ((index.column() == ResultColumn || index.column() == ValueColumn) && !m.passed
            && m_look) {
            const QColor color = m_look(verdict).text;
            return color.isValid() ? QVariant(color) : QVariant();
        }
        return {};
    case Qt::BackgroundRole:
        if (!m.passed && m_look) {
            const QColor color = m_look(verdict).background;
            return color.isValid() ? QVariant(color) : QVariant();
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case ValueColumn:
        case LowColumn:
        case HighColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    default:
        return {};
    }
}

QVariant MeasurementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Measurement");
    case ValueColumn:
        return tr("Value");
    case UnitColumn:
        return tr("Unit");
    case LowColumn:
        //: Column header: lower limit of a measurement
        return tr("Low");
    case HighColumn:
        //: Column header: upper limit of a measurement
        return tr("High");
    case ResultColumn:
        return tr("Result");
    case ColumnCount:
        break;
    }
    return {};
}

void MeasurementModel::setOutcomeLook(const StepOutcomeLook &look)
{
    beginResetModel();
    m_look = look;
    endResetModel();
}

void MeasurementModel::setMeasurements(const QList<Measurement> &measurements)
{
    beginResetModel();
    m_measurements = measurements;
    endResetModel();
}

} // namespace Station
