#include "models/paretomodel.h"

#include <QHash>
#include <QLocale>
#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

ParetoModel::ParetoModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{ }

ParetoModel::~ParetoModel() = default;

int ParetoModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ParetoModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParetoModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ParetoEntry &entry = m_entries.at(index.row());
    const double share = m_total > 0 ? double(entry.count) / m_total : 0.0;
    switch (role) {
    case KeyRole:
        return entry.key;
    case CountRole:
        return entry.count;
    case ShareRole:
        return share;
    case CumulativeRole:
        return cumulativeShare(index.row());
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return name(index.row());
        case CountColumn:
            return entry.count;
        case ShareColumn:
            //: A percentage, e.g. "12.5 %"
            return tr("%1 %").arg(QLocale().toString(share * 100.0, 'f', 1));
        case CumulativeColumn:
            return tr("%1 %").arg(QLocale().toString(cumulativeShare(index.row()) * 100.0, 'f', 1));
        case DetailColumn:
            return m_kind == Kind::Error ? entry.label.translated() : QString();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (m_kind == Kind::Error)
            return u"%1\n%2"_s.arg(entry.key, entry.label.translated());
        return entry.key;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case CountColumn:
        case ShareColumn:
        case CumulativeColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    default:
        return {};
    }
}

QVariant ParetoModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return m_kind == Kind::Step ? tr("Step") : tr("Error");
    case CountColumn:
        return tr("Failures");
    case ShareColumn:
        return tr("Share");
    case CumulativeColumn:
        //: Column header: running total of the shares in a Pareto table
        return tr("Cumulative");
    case DetailColumn:
        return m_kind == Kind::Error ? tr("Latest cause") : QString();
    case ColumnCount:
        break;
    }
    return {};
}

void ParetoModel::setEntries(const QList<ParetoEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    std::stable_sort(
        m_entries.begin(), m_entries.end(), [](const ParetoEntry &a, const ParetoEntry &b) {
            return a.count != b.count ? a.count > b.count : a.key < b.key;
        });
    m_total = 0;
    for (const ParetoEntry &entry : std::as_const(m_entries))
        m_total += entry.count;
    endResetModel();
}

QString ParetoModel::name(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return {};
    const ParetoEntry &entry = m_entries.at(row);
    if (m_kind == Kind::Step)
        return entry.key.isEmpty() ? tr("(unknown step)") : entry.key;
    return errorCodeWords(entry.key);
}

double ParetoModel::cumulativeShare(int row) const
{
    if (m_total <= 0 || row < 0)
        return 0.0;
    int sum = 0;
    for (int i = 0; i <= row && i < m_entries.size(); ++i)
        sum += m_entries.at(i).count;
    return double(sum) / m_total;
}

QString ParetoModel::errorCodeWords(const QString &codeName)
{
    // The enum spells acronyms in CamelCase; people read them in capitals.
    static const QHash<QString, QString> acronyms = {{u"uart"_s, u"UART"_s},
        {u"rf"_s, u"RF"_s},
        {u"os"_s, u"OS"_s},
        {u"ota"_s, u"OTA"_s},
        {u"id"_s, u"ID"_s},
        {u"wifi"_s, u"Wi-Fi"_s},
        {u"efuse"_s, u"e-fuse"_s}};
    QString words;
    for (qsizetype i = 0; i < codeName.size(); ++i) {
        const QChar c = codeName.at(i);
        const bool boundary = i > 0 && c.isUpper()
            && (codeName.at(i - 1).isLower()
                || (i + 1 < codeName.size() && codeName.at(i + 1).isLower()));
        if (boundary) {
            words += u' ';
            // Keep acronyms (UART, OS, RF) as they are.
            const bool acronym = i + 1 < codeName.size() && codeName.at(i + 1).isUpper();
            words += acronym ? c : c.toLower();
        } else {
            words += c;
        }
    }
    QStringList parts = words.split(u' ');
    for (QString &part : parts)
        part = acronyms.value(part.toLower(), part);
    return parts.join(u' ');
}

} // namespace Station
