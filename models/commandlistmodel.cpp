#include "models/commandlistmodel.h"

#include "models/pagetext.h"

#include <QFileInfo>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// The words of a command line as ToolRunner writes it: plain words, or words in single quotes
// with a quote inside written '\''.
QStringList shellWords(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'\'')
                quoted = false;
            else
                word += c;
            continue;
        }
        if (c == u'\'') {
            quoted = true;
            inWord = true;
        } else if (c == u'\\' && i + 1 < line.size()) {
            word += line.at(++i);
            inWord = true;
        } else if (c == u' ') {
            if (inWord)
                words << std::exchange(word, QString());
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words << word;
    return words;
}

} // namespace

QString CommandListModel::shortCommand(const QString &commandLine)
{
    // Every call of a step runs the same program from the same folder: the full paths would
    // fill the column with what the calls share. Show the program's name and each path's file
    // name, so the subcommand and what differs stay in view; the tooltip keeps it all.
    QStringList shown;
    for (const QString &word : shellWords(commandLine)) {
        QString text = word.startsWith(u'/') && word.size() > 1 ? QFileInfo(word).fileName() : word;
        if (text.isEmpty())
            text = word;
        if (text.contains(u' ') || text.isEmpty())
            text = u"'%1'"_s.arg(text);
        shown << text;
    }
    return shown.join(u' ');
}

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
            return shortCommand(command.commandLine);
        case OutcomeColumn:
            return PageText::toolOutcomeShort(command.outcome, command.exitCode);
        case DurationColumn:
            return PageText::duration(command.started, command.finished);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == CommandColumn)
            return command.commandLine;
        if (index.column() == OutcomeColumn)
            return PageText::toolOutcome(command.outcome, command.exitCode);
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
