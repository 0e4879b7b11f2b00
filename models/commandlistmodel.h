#pragma once

#include "services/run/runtypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace Station {

// The tool calls (and UART exchanges) of one step, in the order they ran, for the device view.
// GUI thread.
class CommandListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandListModel)

public:
    enum Column { IndexColumn, CommandColumn, OutcomeColumn, DurationColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        CommandRole = Qt::UserRole + 1, // Station::CommandRecord
        SucceededRole,                  // bool
    };
    Q_ENUM(Role)

    explicit CommandListModel(QObject *parent = nullptr);
    ~CommandListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setCommands(const QList<Station::CommandRecord> &commands);
    const QList<Station::CommandRecord> &commands() const { return m_commands; }
    Station::CommandRecord command(int row) const { return m_commands.value(row); }
    // The last command that did not succeed (what a technician looks at first), else the last.
    int mostTellingRow() const;
    // What the command column shows: the program's name and the arguments, every absolute path
    // reduced to its file name ("azsphere device sideload deploy --image-package
    // app.imagepackage"); the full command line is the tooltip.
    static QString shortCommand(const QString &commandLine);

private:
    QList<Station::CommandRecord> m_commands;
};

} // namespace Station
