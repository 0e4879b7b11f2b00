#pragma once

#include "services/config/stationconfig.h"

#include <QAbstractTableModel>
#include <QList>

namespace Station {

// The settings dialog's fixture map: one editable row per fixture (number, label, connection
// path, IP address, UART port). Edits stay here until the dialog saves the configuration.
// GUI thread.
class FixtureConfigModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixtureConfigModel)

public:
    enum Column {
        NumberColumn,
        LabelColumn,
        ConnectionPathColumn,
        IpAddressColumn,
        UartPortColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        FixtureRole = Qt::UserRole + 1, // Station::FixtureConfig
    };
    Q_ENUM(Role)

    explicit FixtureConfigModel(QObject *parent = nullptr);
    ~FixtureConfigModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Inserts empty fixtures numbered after the highest number.
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    void setFixtures(const QList<Station::FixtureConfig> &fixtures);
    const QList<Station::FixtureConfig> &fixtures() const { return m_fixtures; }
    // Appends a fixture numbered after the highest number, labelled like the others ("A5").
    int addFixture();
    void setFixture(int row, const Station::FixtureConfig &fixture);
    int nextNumber() const;

private:
    QString suggestedLabel(int number) const;

    QList<Station::FixtureConfig> m_fixtures;
};

} // namespace Station
