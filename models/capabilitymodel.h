#pragma once

#include "services/records/analytics.h"

#include <QAbstractTableModel>
#include <QList>

namespace Station {

// The measurements of an analytics report, one row each, with their statistics and capability:
// the analytics page's measurement picker. GUI thread.
class CapabilityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CapabilityModel)

public:
    enum Column {
        NameColumn,
        CountColumn,
        MeanColumn,
        SigmaColumn,
        LslColumn,
        UslColumn,
        CpkColumn,
        RatingColumn,
        FailedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        NameRole = Qt::UserRole + 1, // QString: the measurement's name as recorded
        UnitRole,                    // QString
        CpkRole,                     // double, or an invalid QVariant when there is no Cpk
        RatingRole,                  // int: CapabilityRating
    };
    Q_ENUM(Role)

    explicit CapabilityModel(QObject *parent = nullptr);
    ~CapabilityModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMeasurements(const QList<Station::MeasurementStats> &measurements);
    const QList<Station::MeasurementStats> &measurements() const { return m_measurements; }
    // The row of a measurement by name and unit, -1 when it is not there.
    int rowOf(const QString &name, const QString &unit) const;

    // "1.51", or the reason there is none ("no spread", "one value", "no limits").
    static QString cpkText(const Station::Capability &capability);
    // "capable", "marginal", "not capable", or "—" when undefined.
    static QString ratingText(Station::CapabilityRating rating);
    // Why there is no Cpk, as a sentence; empty when there is one.
    static QString gapText(Station::CapabilityGap gap);
    // A value with its unit: "15.33 dBm".
    static QString valueText(double value, const QString &unit);

private:
    QList<Station::MeasurementStats> m_measurements;
};

} // namespace Station
