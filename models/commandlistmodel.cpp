#include "models/commandlistmodel.h"

#include "models/pagetext.h"

namespace Station {

CommandListModel::CommandListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

CommandListModel::~CommandListModel() = default;

int CommandListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_commands.size());
}

int CommandListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommandListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CommandRecord &command = m_commands.at(index.row());
    switch (role) {
    case CommandRole:
        return QVariant::fromValue(command);
    case SucceededRole:
        return command.outcome == ToolOutcome::Succeeded;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IndexColumn:
            return index.row() + 1;
        case CommandColumn:
            return command.commandLine;
        case OutcomeColumn:
            return PageText::toolOutcome(command.outcome, command.exitCode);
        case DurationColumn:
            return PageText::duration(command.started, command.finished);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == CommandColumn)
            return command.commandLine;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IndexColumn || index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant CommandListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IndexColumn:
        //: Column header: the call's position within the step
        return tr("#");
    case CommandColumn:
        return tr("Command");
    case OutcomeColumn:
        return tr("Tool outcome");
    case DurationColumn:
        return tr("Duration");
    case ColumnCount:
        break;
    }
    return {};
}

void CommandListModel::setCommands(const QList<CommandRecord> &commands)
{
    beginResetModel();
    m_commands = commands;
    endResetModel();
}

int CommandListModel::mostTellingRow() const
{
    for (qsizetype row = m_commands.size() - 1; row >= 0; --row) {
        if (m_commands.at(row).outcome != ToolOutcome::Succeeded)
            return int(row);
    }
    return int(m_commands.size()) - 1;
}

} // namespace Station
