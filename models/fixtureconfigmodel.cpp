#include "models/fixtureconfigmodel.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

FixtureConfigModel::FixtureConfigModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

FixtureConfigModel::~FixtureConfigModel() = default;

int FixtureConfigModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fixtures.size());
}

int FixtureConfigModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FixtureConfigModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FixtureConfig &fixture = m_fixtures.at(index.row());
    if (role == FixtureRole)
        return QVariant::fromValue(fixture);
    if (role == Qt::TextAlignmentRole) {
        return index.column() == NumberColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                              : int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (Column(index.column())) {
    case NumberColumn:
        return fixture.number;
    case LabelColumn:
        return fixture.label;
    case ConnectionPathColumn:
        return fixture.connectionPath;
    case IpAddressColumn:
        return fixture.ipAddress;
    case UartPortColumn:
        return fixture.uartPort;
    case ColumnCount:
        break;
    }
    return {};
}

bool FixtureConfigModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    FixtureConfig &fixture = m_fixtures[index.row()];
    const QString text = value.toString().trimmed();
    switch (Column(index.column())) {
    case NumberColumn: {
        bool ok = false;
        const int number = text.toInt(&ok);
        if (!ok)
            return false;
        fixture.number = number;
        break;
    }
    case LabelColumn:
        fixture.label = text;
        break;
    case ConnectionPathColumn:
        fixture.connectionPath = text;
        break;
    case IpAddressColumn:
        fixture.ipAddress = text;
        break;
    case UartPortColumn:
        fixture.uartPort = text;
        break;
    case ColumnCount:
        return false;
    }
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, FixtureRole});
    return true;
}

Qt::ItemFlags FixtureConfigModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

QVariant FixtureConfigModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case ConnectionPathColumn:
            return tr("The FTDI location ID of the fixture's USB port (digits, e.g. 1243). It "
                      "stays the same across reboots.");
        case IpAddressColumn:
            return tr("Used where the SDK reports no connection path (Linux): 192.168.35.2 for "
                      "the first device.");
        case UartPortColumn:
            return tr("The serial port of the fixture's UART, e.g. /dev/ttyUSB3.");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NumberColumn:
        //: Column header: fixture number
        return tr("Fixture");
    case LabelColumn:
        return tr("Label");
    case ConnectionPathColumn:
        return tr("Connection path");
    case IpAddressColumn:
        return tr("IP address");
    case UartPortColumn:
        return tr("UART port");
    case ColumnCount:
        break;
    }
    return {};
}

bool FixtureConfigModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > rowCount() || count <= 0)
        return false;
    beginInsertRows({}, row, row + count - 1);
    for (int i = 0; i < count; ++i) {
        FixtureConfig fixture;
        fixture.number = nextNumber();
        fixture.label = suggestedLabel(fixture.number);
        m_fixtures.insert(row + i, fixture);
    }
    endInsertRows();
    return true;
}

bool FixtureConfigModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_fixtures.remove(row, count);
    endRemoveRows();
    return true;
}

void FixtureConfigModel::setFixtures(const QList<FixtureConfig> &fixtures)
{
    beginResetModel();
    m_fixtures = fixtures;
    endResetModel();
}

int FixtureConfigModel::addFixture()
{
    const int row = rowCount();
    insertRows(row, 1);
    return row;
}

void FixtureConfigModel::setFixture(int row, const FixtureConfig &fixture)
{
    if (row < 0 || row >= rowCount())
        return;
    m_fixtures[row] = fixture;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int FixtureConfigModel::nextNumber() const
{
    int highest = 0;
    for (const FixtureConfig &fixture : m_fixtures)
        highest = std::max(highest, fixture.number);
    return highest + 1;
}

// Follows the existing labels' pattern ("A3" -> "A4", "Slot 7" -> "Slot 8"), else the number.
QString FixtureConfigModel::suggestedLabel(int number) const
{
    static const QRegularExpression pattern(uR"(^(.*?)(\d+)$)"_s);
    for (qsizetype i = m_fixtures.size() - 1; i >= 0; --i) {
        const QRegularExpressionMatch match = pattern.match(m_fixtures.at(i).label);
        if (match.hasMatch() && match.captured(2).toInt() == m_fixtures.at(i).number)
            return match.captured(1) + QString::number(number);
    }
    return QString::number(number);
}

} // namespace Station
