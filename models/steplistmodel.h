#pragma once

#include "models/pagetext.h"
#include "services/run/runtypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace Station {

// The steps of one run for the technician's device view: filled from the record
// (RecordQuery::runDetail) and updated live from Station::stepStarted/stepFinished, where a
// result replaces the row with the same seq. GUI thread.
class StepListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepListModel)

public:
    enum Column {
        SeqColumn,
        StepColumn,
        OutcomeColumn,
        DurationColumn,
        AttemptsColumn,
        CauseColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        StepResultRole = Qt::UserRole + 1, // Station::StepResult
        OutcomeRole,                       // Station::StepOutcome
        SeqRole,                           // int
    };
    Q_ENUM(Role)

    explicit StepListModel(QObject *parent = nullptr);
    ~StepListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setOutcomeLook(const StepOutcomeLook &look);
    void setSteps(const QList<Station::StepResult> &steps);
    void clear();
    // Replaces the step with the same seq, or inserts it in seq order. Returns its row.
    int updateStep(const Station::StepResult &step);

    const QList<Station::StepResult> &steps() const { return m_steps; }
    Station::StepResult step(int row) const { return m_steps.value(row); }
    // -1 when there is no step with that seq.
    int rowOfSeq(int seq) const;
    // The first failed step's row, -1 when none failed.
    int firstFailedRow() const;

private:
    QList<Station::StepResult> m_steps;
    StepOutcomeLook m_look;
};

} // namespace Station
