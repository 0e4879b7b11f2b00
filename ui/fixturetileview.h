#pragma once

#include "ui/fixturetiledelegate.h"

#include <QAbstractItemView>
#include <QPersistentModelIndex>

namespace Station {

// An item view that lays a FixtureModel out as a grid of equal tiles painted by
// FixtureTileDelegate, reflowing rows and columns so tiles stay as large as the viewport allows.
//
// Why a view and a delegate rather than one widget per tile: 64 tiles would be ~1000 child
// widgets re-laid out on every resize, and a model change would touch widgets; here a
// dataChanged() repaints one tile rectangle, a resize is arithmetic, and tiles hold no state of
// their own (Qt's stardelegate example shows the painting side of the same idea). GUI thread.
class FixtureTileView final : public QAbstractItemView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixtureTileView)

public:
    struct Grid
    {
        int columns = 0;
        int rows = 0;
        QSize tile;
        int spacing = 0;
        QPoint origin; // top-left of the first tile, in content coordinates
        int contentHeight = 0;
    };

    // Tiles larger than this look empty; one fixture on a big screen stays at this size.
    static constexpr QSize MaxTileSize {960, 600};
    // Width over height that tiles are laid out for.
    static constexpr double PreferredAspect = 1.6;

    explicit FixtureTileView(QWidget *parent = nullptr);
    ~FixtureTileView() override;

    // Columns and tile size for count tiles in a viewport: the most columns that keeps tiles
    // the largest, never smaller than FixtureTileDelegate::MinTileSize (the grid scrolls then).
    static Grid gridFor(const QSize &viewport, int count);

    const Grid &grid() const { return m_grid; }
    FixtureTileDelegate *tileDelegate() const { return m_delegate; }
    // The Start/Stop button of a tile, in viewport coordinates (empty when the tile has none).
    QRect buttonRect(const QModelIndex &index) const;

    void setModel(QAbstractItemModel *model) override;
    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;

Q_SIGNALS:
    void startRequested(int fixture);
    void stopRequested(int fixture);
    void openDeviceRequested(int fixture);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void relayout();
    int fixtureOf(const QModelIndex &index) const;
    bool isOnButton(const QModelIndex &index, const QPoint &point) const;
    void setHotButton(const QModelIndex &index, bool pressed);

    FixtureTileDelegate *m_delegate = nullptr;
    Grid m_grid;
    QPersistentModelIndex m_hot;
    bool m_hotPressed = false;
    QPersistentModelIndex m_pressed;
    FixtureTileDelegate::Action m_pressedAction = FixtureTileDelegate::Action::None;
};

} // namespace Station
