#include "models/startgatemodel.h"

#include "models/fixturemodel.h"

namespace Station {

StartGateModel::StartGateModel(QObject *parent)
    : QIdentityProxyModel(parent)
{ }

StartGateModel::~StartGateModel() = default;

void StartGateModel::setBlockedReason(const QString &reason)
{
    if (reason == m_blockedReason)
        return;
    m_blockedReason = reason;
    refreshAll();
}

QVariant StartGateModel::data(const QModelIndex &index, int role) const
{
    if (role == FixtureModel::CanStartRole && isBlocked())
        return false;
    if (role == FixtureModel::HintRole && isBlocked()) {
        const auto state = QIdentityProxyModel::data(index, FixtureModel::TileStateRole)
                               .value<FixtureModel::TileState>();
        if (state == FixtureModel::TileState::Ready)
            return m_blockedReason;
    }
    return QIdentityProxyModel::data(index, role);
}

void StartGateModel::refreshAll()
{
    const int rows = rowCount();
    if (rows > 0) {
        Q_EMIT dataChanged(index(0, 0),
            index(rows - 1, 0),
            {FixtureModel::CanStartRole, FixtureModel::HintRole, Qt::ToolTipRole});
    }
}

} // namespace Station
