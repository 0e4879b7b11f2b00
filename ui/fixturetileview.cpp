#include "ui/fixturetileview.h"

#include "models/fixturemodel.h"
#include "ui/theme.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace Station {

namespace {

using Action = FixtureTileDelegate::Action;

int spacingFor(int count)
{
    // Many tiles: thin gaps, so the tiles keep the space.
    return count > 16 ? 6 : 10;
}

} // namespace

FixtureTileView::FixtureTileView(QWidget *parent)
    : QAbstractItemView(parent)
    , m_delegate(new FixtureTileDelegate(this))
{
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    QPalette p = viewport()->palette();
    p.setColor(QPalette::Base, Theme::windowColor());
    viewport()->setPalette(p);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
}

FixtureTileView::~FixtureTileView() = default;

FixtureTileView::Grid FixtureTileView::gridFor(const QSize &viewport, int count)
{
    Grid grid;
    if (count <= 0 || viewport.isEmpty())
        return grid;
    const int s = spacingFor(count);
    const QSize minTile = FixtureTileDelegate::MinTileSize;
    grid.spacing = s;

    double best = -1;
    for (int columns = 1; columns <= count; ++columns) {
        const int rows = (count + columns - 1) / columns;
        int w = (viewport.width() - (columns + 1) * s) / columns;
        int h = (viewport.height() - (rows + 1) * s) / rows;
        if (w < minTile.width() || h < minTile.height())
            continue;
        w = std::min(w, MaxTileSize.width());
        h = std::min(h, MaxTileSize.height());
        // Neither tall slivers nor long strips: both waste the space around the text.
        h = std::min(h, int(w * 0.9));
        w = std::min(w, int(h * 3.2));
        const double score = std::min(double(w), h * PreferredAspect);
        if (score > best) {
            best = score;
            grid.columns = columns;
            grid.rows = rows;
            grid.tile = QSize(w, h);
        }
    }
    if (grid.columns == 0) {
        // Too many tiles for the viewport: keep them readable and scroll.
        grid.columns = std::max(1, (viewport.width() - s) / (minTile.width() + s));
        grid.rows = (count + grid.columns - 1) / grid.columns;
        const int w
            = std::max(minTile.width(), (viewport.width() - (grid.columns + 1) * s) / grid.columns);
        const int h = std::clamp(int(w / PreferredAspect), minTile.height(), MaxTileSize.height());
        grid.tile = QSize(w, h);
    }

    const int usedW = grid.columns * grid.tile.width() + (grid.columns - 1) * s;
    const int usedH = grid.rows * grid.tile.height() + (grid.rows - 1) * s;
    grid.origin = QPoint(
        std::max(s, (viewport.width() - usedW) / 2), std::max(s, (viewport.height() - usedH) / 2));
    grid.contentHeight = std::max(usedH + 2 * s, viewport.height());
    return grid;
}

void FixtureTileView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        disconnect(old, nullptr, this, nullptr);
    QAbstractItemView::setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::rowsRemoved, this, &FixtureTileView::relayout);
        connect(model, &QAbstractItemModel::modelReset, this, &FixtureTileView::relayout);
        connect(model, &QAbstractItemModel::layoutChanged, this, &FixtureTileView::relayout);
    }
    relayout();
}

QRect FixtureTileView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || m_grid.columns <= 0 || index.model() != model())
        return {};
    const int row = index.row() / m_grid.columns;
    const int column = index.row() % m_grid.columns;
    const int x = m_grid.origin.x() + column * (m_grid.tile.width() + m_grid.spacing);
    const int y = m_grid.origin.y() + row * (m_grid.tile.height() + m_grid.spacing);
    return QRect(QPoint(x, y - verticalOffset()), m_grid.tile);
}

QRect FixtureTileView::buttonRect(const QModelIndex &index) const
{
    if (FixtureTileDelegate::actionFor(index) == Action::None)
        return {};
    const QRect tile = visualRect(index);
    if (tile.isEmpty())
        return {};
    return FixtureTileDelegate::layoutFor(tile).button.toAlignedRect().intersected(tile);
}

void FixtureTileView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    const QRect rect = visualRect(index);
    if (rect.isEmpty())
        return;
    const QRect area = viewport()->rect();
    QScrollBar *bar = verticalScrollBar();
    const int margin = m_grid.spacing;
    if (hint == PositionAtTop || (hint == EnsureVisible && rect.top() < area.top()))
        bar->setValue(bar->value() + rect.top() - margin);
    else if (hint == PositionAtBottom || (hint == EnsureVisible && rect.bottom() > area.bottom()))
        bar->setValue(bar->value() + rect.bottom() - area.bottom() + margin);
    else if (hint == PositionAtCenter)
        bar->setValue(bar->value() + rect.center().y() - area.center().y());
    viewport()->update();
}

QModelIndex FixtureTileView::indexAt(const QPoint &point) const
{
    if (!model() || m_grid.columns <= 0)
        return {};
    const int stepX = m_grid.tile.width() + m_grid.spacing;
    const int stepY = m_grid.tile.height() + m_grid.spacing;
    const int x = point.x() - m_grid.origin.x();
    const int y = point.y() + verticalOffset() - m_grid.origin.y();
    if (x < 0 || y < 0)
        return {};
    const int column = x / stepX;
    const int row = y / stepY;
    if (column >= m_grid.columns || x % stepX >= m_grid.tile.width()
        || y % stepY >= m_grid.tile.height())
        return {};
    const int modelRow = row * m_grid.columns + column;
    if (modelRow >= model()->rowCount(rootIndex()))
        return {};
    return model()->index(modelRow, 0, rootIndex());
}

QModelIndex FixtureTileView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    if (!model())
        return {};
    const int count = model()->rowCount(rootIndex());
    if (count == 0)
        return {};
    const QModelIndex current = currentIndex();
    int row = current.isValid() ? current.row() : 0;
    const int columns = std::max(1, m_grid.columns);
    const int stepY = std::max(1, m_grid.tile.height() + m_grid.spacing);
    const int page = columns * std::max(1, viewport()->height() / stepY);
    switch (cursorAction) {
    case MoveLeft:
    case MovePrevious:
        row -= 1;
        break;
    case MoveRight:
    case MoveNext:
        row += 1;
        break;
    case MoveUp:
        row -= columns;
        break;
    case MoveDown:
        row += columns;
        break;
    case MoveHome:
        row = 0;
        break;
    case MoveEnd:
        row = count - 1;
        break;
    case MovePageUp:
        row -= page;
        break;
    case MovePageDown:
        row += page;
        break;
    }
    if (!current.isValid())
        row = 0;
    return model()->index(std::clamp(row, 0, count - 1), 0, rootIndex());
}

int FixtureTileView::horizontalOffset() const
{
    return 0;
}

int FixtureTileView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool FixtureTileView::isIndexHidden(const QModelIndex &) const
{
    return false;
}

void FixtureTileView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    if (!model() || !selectionModel())
        return;
    const QRect normalized = rect.normalized();
    QItemSelection selection;
    for (int row = 0; row < model()->rowCount(rootIndex()); ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        if (visualRect(index).intersects(normalized))
            selection.select(index, index);
    }
    selectionModel()->select(selection, command);
}

QRegion FixtureTileView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    for (const QModelIndex &index : selection.indexes())
        region += visualRect(index);
    return region;
}

void FixtureTileView::updateGeometries()
{
    const int count = model() ? model()->rowCount(rootIndex()) : 0;
    m_grid = gridFor(viewport()->size(), count);
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, std::max(0, m_grid.contentHeight - viewport()->height()));
    bar->setPageStep(viewport()->height());
    bar->setSingleStep(std::max(1, m_grid.tile.height() / 4));
    QAbstractItemView::updateGeometries();
}

void FixtureTileView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsInserted(parent, start, end);
    relayout();
}

void FixtureTileView::relayout()
{
    updateGeometries();
    viewport()->update();
}

void FixtureTileView::paintEvent(QPaintEvent *event)
{
    if (!model())
        return;
    QPainter painter(viewport());
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QModelIndex current = currentIndex();
    for (int row = 0; row < model()->rowCount(rootIndex()); ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        const QRect rect = visualRect(index);
        if (!rect.intersects(event->rect()))
            continue;
        QStyleOptionViewItem tile = option;
        tile.rect = rect;
        tile.state.setFlag(
            QStyle::State_Selected, selectionModel() && selectionModel()->isSelected(index));
        tile.state.setFlag(QStyle::State_HasFocus, hasFocus() && index == current);
        tile.state.setFlag(QStyle::State_MouseOver, index == m_hot);
        itemDelegateForIndex(index)->paint(&painter, tile, index);
    }
}

void FixtureTileView::resizeEvent(QResizeEvent *event)
{
    QAbstractItemView::resizeEvent(event);
    relayout();
}

void FixtureTileView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    if (event->button() == Qt::LeftButton && isOnButton(index, pos)) {
        // The action is fixed at press: if the run ends before release, a Stop press must not
        // turn into a Start.
        m_pressed = index;
        m_pressedAction = FixtureTileDelegate::actionFor(index);
        if (selectionModel())
            selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        setHotButton(index, true);
        event->accept();
        return;
    }
    QAbstractItemView::mousePressEvent(event);
}

void FixtureTileView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    if (m_pressed.isValid()) {
        const bool inside = index == m_pressed && isOnButton(index, pos);
        setHotButton(inside ? QModelIndex(m_pressed) : QModelIndex(), inside);
        event->accept();
        return;
    }
    setHotButton(isOnButton(index, pos) ? index : QModelIndex(), false);
    QAbstractItemView::mouseMoveEvent(event);
}

void FixtureTileView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_pressed.isValid()) {
        QAbstractItemView::mouseReleaseEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    const QPersistentModelIndex pressed = m_pressed;
    const Action action = m_pressedAction;
    m_pressed = QPersistentModelIndex();
    m_pressedAction = Action::None;
    const bool onButton = index == pressed && isOnButton(index, pos);
    setHotButton(onButton ? index : QModelIndex(), false);
    event->accept();
    if (!onButton || FixtureTileDelegate::actionFor(index) != action)
        return;
    if (action == Action::Start)
        Q_EMIT startRequested(fixtureOf(index));
    else if (action == Action::Stop)
        Q_EMIT stopRequested(fixtureOf(index));
}

void FixtureTileView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    event->accept();
    // A double click on the button is not a second start; elsewhere it opens the device.
    if (!index.isValid() || isOnButton(index, pos) || event->button() != Qt::LeftButton)
        return;
    Q_EMIT openDeviceRequested(fixtureOf(index));
}

void FixtureTileView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && currentIndex().isValid()) {
        Q_EMIT openDeviceRequested(fixtureOf(currentIndex()));
        event->accept();
        return;
    }
    QAbstractItemView::keyPressEvent(event);
}

void FixtureTileView::leaveEvent(QEvent *event)
{
    if (!m_pressed.isValid())
        setHotButton({}, false);
    QAbstractItemView::leaveEvent(event);
}

int FixtureTileView::fixtureOf(const QModelIndex &index) const
{
    return index.data(FixtureModel::FixtureRole).toInt();
}

bool FixtureTileView::isOnButton(const QModelIndex &index, const QPoint &point) const
{
    return index.isValid() && buttonRect(index).contains(point);
}

void FixtureTileView::setHotButton(const QModelIndex &index, bool pressed)
{
    if (index == m_hot && pressed == m_hotPressed)
        return;
    const QModelIndex old = m_hot;
    m_hot = index;
    m_hotPressed = pressed;
    m_delegate->setHotButton(index, pressed);
    if (old.isValid())
        viewport()->update(visualRect(old));
    if (index.isValid())
        viewport()->update(visualRect(index));
}

} // namespace Station
