#include "ui/fixturegridwidget.h"

#include "models/fixturemodel.h"
#include "ui/fixturetileview.h"

#include <QItemSelectionModel>
#include <QVBoxLayout>

namespace Station {

FixtureGridWidget::FixtureGridWidget(QWidget *parent)
    : QWidget(parent)
    , m_view(new FixtureTileView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(m_view, &FixtureTileView::startRequested, this, &FixtureGridWidget::startRequested);
    connect(m_view, &FixtureTileView::stopRequested, this, &FixtureGridWidget::stopRequested);
    connect(m_view,
        &FixtureTileView::openDeviceRequested,
        this,
        &FixtureGridWidget::openDeviceRequested);
}

FixtureGridWidget::~FixtureGridWidget() = default;

void FixtureGridWidget::setModel(QAbstractItemModel *model)
{
    m_view->setModel(model);
    if (QItemSelectionModel *selection = m_view->selectionModel()) {
        connect(selection,
            &QItemSelectionModel::selectionChanged,
            this,
            &FixtureGridWidget::onSelectionChanged);
    }
}

QAbstractItemModel *FixtureGridWidget::model() const
{
    return m_view->model();
}

int FixtureGridWidget::selectedFixture() const
{
    const QItemSelectionModel *selection = m_view->selectionModel();
    if (!selection)
        return 0;
    const QModelIndexList rows = selection->selectedIndexes();
    return rows.isEmpty() ? 0 : rows.first().data(FixtureModel::FixtureRole).toInt();
}

void FixtureGridWidget::selectFixture(int fixture)
{
    QItemSelectionModel *selection = m_view->selectionModel();
    if (!selection)
        return;
    const QModelIndex index = indexOfFixture(fixture);
    if (index.isValid()) {
        selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        m_view->scrollTo(index);
    } else {
        selection->clear();
    }
}

QRect FixtureGridWidget::tileRect(int fixture) const
{
    const QRect rect = m_view->visualRect(indexOfFixture(fixture));
    return rect.isEmpty() ? QRect() : rect.translated(m_view->viewport()->mapTo(this, QPoint()));
}

QRect FixtureGridWidget::buttonRect(int fixture) const
{
    const QRect rect = m_view->buttonRect(indexOfFixture(fixture));
    return rect.isEmpty() ? QRect() : rect.translated(m_view->viewport()->mapTo(this, QPoint()));
}

int FixtureGridWidget::columnCount() const
{
    return m_view->grid().columns;
}

QModelIndex FixtureGridWidget::indexOfFixture(int fixture) const
{
    const QAbstractItemModel *model = m_view->model();
    if (!model || fixture <= 0)
        return {};
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(FixtureModel::FixtureRole).toInt() == fixture)
            return index;
    }
    return {};
}

void FixtureGridWidget::onSelectionChanged()
{
    Q_EMIT selectedFixtureChanged(selectedFixture());
}

} // namespace Station
