#pragma once

#include <QWidget>

class QAbstractItemModel;

namespace Station {

class FixtureTileView;

// The operator's main view: every fixture as a tile in a grid that reflows for 1 to 64
// fixtures. Shows a FixtureModel and passes on what the operator asks for (start, stop, open a
// device); it holds no fixture state itself. GUI thread.
class FixtureGridWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixtureGridWidget)

public:
    explicit FixtureGridWidget(QWidget *parent = nullptr);
    ~FixtureGridWidget() override;

    // A FixtureModel (or a proxy of one); the widget does not take ownership.
    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const;

    // The selected fixture number (the target of a serial-number scan), 0 when none.
    int selectedFixture() const;
    void selectFixture(int fixture);

    // Geometry of a fixture's tile and of its Start/Stop button, in this widget's coordinates;
    // empty when the model has no such fixture (or the tile no button).
    QRect tileRect(int fixture) const;
    QRect buttonRect(int fixture) const;
    int columnCount() const;

    FixtureTileView *view() const { return m_view; }

Q_SIGNALS:
    void startRequested(int fixture);
    void stopRequested(int fixture);
    void openDeviceRequested(int fixture);
    void selectedFixtureChanged(int fixture);

private:
    QModelIndex indexOfFixture(int fixture) const;
    void onSelectionChanged();

    FixtureTileView *m_view = nullptr;
};

} // namespace Station
