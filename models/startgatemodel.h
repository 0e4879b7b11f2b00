#pragma once

#include <QIdentityProxyModel>
#include <QString>

namespace Station {

// A pass-through over a FixtureModel for what only the window knows: while it refuses every
// start for a reason of its own (a pending dialog, say), tiles show no Start button and say why
// instead of "Ready to start". The start rules themselves are the controller's: each tile's
// snapshot already says whether it can start and why not (FixtureSnapshot::startBlock), and
// this model never decides them again. Holds no fixture state. GUI thread.
class StartGateModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartGateModel)

public:
    explicit StartGateModel(QObject *parent = nullptr);
    ~StartGateModel() override;

    // Empty: the window refuses nothing. Otherwise the reason, shown on ready tiles.
    void setBlockedReason(const QString &reason);
    QString blockedReason() const { return m_blockedReason; }
    bool isBlocked() const { return !m_blockedReason.isEmpty(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void refreshAll();

    QString m_blockedReason;
};

} // namespace Station
