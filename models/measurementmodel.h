#pragma once

#include "models/pagetext.h"
#include "services/run/runtypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace Station {

// The measurements of one step with their limits and verdicts, for the device view. GUI thread.
class MeasurementModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MeasurementModel)

public:
    enum Column {
        NameColumn,
        ValueColumn,
        UnitColumn,
        LowColumn,
        HighColumn,
        ResultColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        MeasurementRole = Qt::UserRole + 1, // Station::Measurement
        PassedRole,                         // bool
    };
    Q_ENUM(Role)

    explicit MeasurementModel(QObject *parent = nullptr);
    ~MeasurementModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The icon and colours of the verdict column; a measurement looks like a step outcome.
    void setOutcomeLook(const StepOutcomeLook &look);
    void setMeasurements(const QList<Station::Measurement> &measurements);
    const QList<Station::Measurement> &measurements() const { return m_measurements; }

private:
    QList<Station::Measurement> m_measurements;
    StepOutcomeLook m_look;
};

} // namespace Station
