#pragma once

#include "services/records/recordquery.h"

#include <QAbstractTableModel>
#include <QList>

namespace Station {

// A failure Pareto (by step or by error) for the yield page: entries most frequent first, each
// with its share of all failures and the running total. GUI thread.
class ParetoModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParetoModel)

public:
    enum Column {
        NameColumn,
        CountColumn,
        ShareColumn,
        CumulativeColumn,
        DetailColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        KeyRole = Qt::UserRole + 1, // QString: step name or error code name
        CountRole,                  // int
        ShareRole,                  // double 0..1
        CumulativeRole,             // double 0..1
    };
    Q_ENUM(Role)

    enum class Kind { Step, Error };
    Q_ENUM(Kind)

    explicit ParetoModel(Kind kind, QObject *parent = nullptr);
    ~ParetoModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Kind kind() const { return m_kind; }
    // Sorted by count (descending, then by name) whatever the input order.
    void setEntries(const QList<Station::ParetoEntry> &entries);
    const QList<Station::ParetoEntry> &entries() const { return m_entries; }
    int total() const { return m_total; }
    // What a bar is called: the step name, or the error code in words
    // ("MeasurementOutOfLimits" -> "Measurement out of limits").
    QString name(int row) const;
    double cumulativeShare(int row) const;

    static QString errorCodeWords(const QString &codeName);

private:
    Kind m_kind;
    QList<Station::ParetoEntry> m_entries;
    int m_total = 0;
};

} // namespace Station
