#include "models/capabilitymodel.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// Four significant digits: a dBm or a millivolt reading, not the float's noise.
constexpr int ValueDigits = 4;

QString number(double value)
{
    return QLocale().toString(value, 'g', ValueDigits);
}

} // namespace

CapabilityModel::CapabilityModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

CapabilityModel::~CapabilityModel() = default;

int CapabilityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_measurements.size());
}

int CapabilityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CapabilityModel::valueText(double value, const QString &unit)
{
    //: A measured value and its unit: "15.33 dBm"
    return unit.isEmpty() ? number(value) : tr("%1 %2").arg(number(value), unit);
}

QString CapabilityModel::cpkText(const Capability &capability)
{
    if (capability.cpk)
        return QLocale().toString(*capability.cpk, 'f', 2);
    switch (capability.gap) {
    case CapabilityGap::TooFewValues:
        //: Instead of a Cpk: fewer than two values
        return tr("too few values");
    case CapabilityGap::NoSpread:
        //: Instead of a Cpk: every value is the same
        return tr("no spread");
    case CapabilityGap::NoLimits:
        //: Instead of a Cpk: the measurement has no limits
        return tr("no limits");
    case CapabilityGap::None:
        break;
    }
    return {};
}

QString CapabilityModel::gapText(CapabilityGap gap)
{
    switch (gap) {
    case CapabilityGap::TooFewValues:
        return tr("No Cpk: it needs at least two values.");
    case CapabilityGap::NoSpread:
        return tr("No Cpk: every value is the same (the standard deviation is 0).");
    case CapabilityGap::NoLimits:
        return tr("No Cpk: the measurement has neither a low nor a high limit.");
    case CapabilityGap::None:
        break;
    }
    return {};
}

QString CapabilityModel::ratingText(CapabilityRating rating)
{
    switch (rating) {
    case CapabilityRating::Capable:
        //: Cpk of 1.33 or more
        return tr("capable");
    case CapabilityRating::Marginal:
        //: Cpk from 1.0 up to 1.33
        return tr("marginal");
    case CapabilityRating::NotCapable:
        //: Cpk below 1.0
        return tr("not capable");
    case CapabilityRating::Undefined:
        break;
    }
    return u"\u2014"_s;
}

QVariant CapabilityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MeasurementStats &m = m_measurements.at(index.row());
    switch (role) {
    case NameRole:
        return m.name;
    case UnitRole:
        return m.unit;
    case CpkRole:
        return m.capability.cpk ? QVariant(*m.capability.cpk) : QVariant();
    case RatingRole:
        return int(m.capability.rating);
    case Qt::TextAlignmentRole:
        if (index.column() == NameColumn || index.column() == RatingColumn)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            //: A measurement and its unit: "tx_power (dBm)"
            return m.unit.isEmpty() ? m.name : tr("%1 (%2)").arg(m.name, m.unit);
        case CountColumn:
            return QLocale().toString(m.count);
        case MeanColumn:
            return m.count > 0 ? number(m.mean) : QString();
        case SigmaColumn:
            return m.count > 1 ? number(m.sigma) : QString();
        case LslColumn:
            return m.lsl ? number(*m.lsl) : QString();
        case UslColumn:
            return m.usl ? number(*m.usl) : QString();
        case CpkColumn:
            return cpkText(m.capability);
        case RatingColumn:
            return ratingText(m.capability.rating);
        case FailedColumn:
            return QLocale().toString(m.failed);
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CpkColumn && !m.capability.cpk)
            return gapText(m.capability.gap);
        if ((index.column() == LslColumn || index.column() == UslColumn) && m.limitsVary)
            return tr("The runs recorded different limits; the tightest are shown and used.");
        break;
    default:
        break;
    }
    return {};
}

QVariant CapabilityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Measurement");
    case CountColumn:
        //: Column: how many values
        return tr("n");
    case MeanColumn:
        return tr("Mean");
    case SigmaColumn:
        //: Column: the sample standard deviation
        return tr("σ");
    case LslColumn:
        //: Column: lower specification limit
        return tr("LSL");
    case UslColumn:
        //: Column: upper specification limit
        return tr("USL");
    case CpkColumn:
        return tr("Cpk");
    case RatingColumn:
        return tr("Rating");
    case FailedColumn:
        //: Column: values recorded out of limits
        return tr("Failed");
    case ColumnCount:
        break;
    }
    return {};
}

void CapabilityModel::setMeasurements(const QList<MeasurementStats> &measurements)
{
    beginResetModel();
    m_measurements = measurements;
    endResetModel();
}

int CapabilityModel::rowOf(const QString &name, const QString &unit) const
{
    for (qsizetype row = 0; row < m_measurements.size(); ++row) {
        if (m_measurements.at(row).name == name && m_measurements.at(row).unit == unit)
            return int(row);
    }
    return -1;
}

} // namespace Station
