#pragma once

#include <QIdentityProxyModel>
#include <QString>

namespace Station {

// A pass-through over a FixtureModel that withholds Start while the station cannot start
// anything (no recipe, the record cannot be written): tiles then show no Start button and say
// why instead of "Ready to start". Also reminds the operator to scan a label when the recipe
// requires one. Holds only the station-wide gate, no fixture state. GUI thread.
class StartGateModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartGateModel)

public:
    explicit StartGateModel(QObject *parent = nullptr);
    ~StartGateModel() override;

    // Empty: starts are allowed. Otherwise the reason, shown on ready tiles.
    void setBlockedReason(const QString &reason);
    QString blockedReason() const { return m_blockedReason; }
    bool isBlocked() const { return !m_blockedReason.isEmpty(); }
    void setSerialRequired(bool required);
    bool isSerialRequired() const { return m_serialRequired; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void refreshAll();

    QString m_blockedReason;
    bool m_serialRequired = false;
};

} // namespace Station
