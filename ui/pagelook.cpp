#include "ui/pagelook.h"

#include "ui/theme.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QTableView>

#include <algorithm>
#include <utility>

namespace Station::PageLook {

using S = FixtureModel::TileState;

FixtureModel::TileState tileState(StepOutcome outcome)
{
    switch (outcome) {
    case StepOutcome::Pending:
    case StepOutcome::Skipped:
        return S::Empty;
    case StepOutcome::Running:
        return S::Running;
    case StepOutcome::Passed:
        return S::Pass;
    case StepOutcome::Failed:
        return S::Fail;
    case StepOutcome::Aborted:
        return S::Aborted;
    }
    return S::Empty;
}

FixtureModel::TileState tileState(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Running:
        return S::Running;
    case RunOutcome::Pass:
        return S::Pass;
    case RunOutcome::Fail:
        return S::Fail;
    case RunOutcome::Aborted:
        return S::Aborted;
    case RunOutcome::Interrupted:
        return S::Interrupted;
    }
    return S::Empty;
}

namespace {

// Table icons: 16 px reads next to 11 pt text; QIcon keeps the pixmap per state.
constexpr int IconSize = 16;

// The state's shape in its accent colour, and in white for a selected (highlighted) row, where
// a blue shape on the blue highlight would vanish.
QIcon icon(S state, const QColor &color)
{
    QIcon result;
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    for (const auto &[mode, ink] :
        {std::pair {QIcon::Normal, color}, std::pair {QIcon::Selected, QColor(Qt::white)}}) {
        QPixmap pixmap(QSize(IconSize, IconSize) * ratio);
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        Theme::paintStateIcon(&painter, QRectF(0, 0, IconSize, IconSize), state, ink);
        painter.end();
        result.addPixmap(pixmap, mode);
    }
    return result;
}

OutcomeLook lookOf(S state, bool markRow)
{
    const Theme::StateStyle style = Theme::stateStyle(state);
    OutcomeLook look;
    look.icon = icon(state, style.accent);
    // Calm outcomes keep the view's text colour; trouble gets its accent so it stands out.
    if (style.filled && state != S::Pass)
        look.text = style.accent;
    if (markRow)
        look.background = style.tile;
    return look;
}

} // namespace

StepOutcomeLook stepOutcomeLooks()
{
    QList<OutcomeLook> looks;
    for (StepOutcome o : {StepOutcome::Pending,
             StepOutcome::Running,
             StepOutcome::Passed,
             StepOutcome::Failed,
             StepOutcome::Skipped,
             StepOutcome::Aborted}) {
        OutcomeLook look = lookOf(tileState(o), o == StepOutcome::Failed);
        if (o == StepOutcome::Pending || o == StepOutcome::Skipped)
            look.text = Theme::mutedTextColor();
        looks << look;
    }
    return [looks](StepOutcome outcome) { return looks.value(int(outcome)); };
}

RunOutcomeLook runOutcomeLooks()
{
    QList<OutcomeLook> looks;
    for (RunOutcome o : {RunOutcome::Running,
             RunOutcome::Pass,
             RunOutcome::Fail,
             RunOutcome::Aborted,
             RunOutcome::Interrupted})
        looks << lookOf(tileState(o), o == RunOutcome::Fail);
    return [looks](RunOutcome outcome) { return looks.value(int(outcome)); };
}

QColor accent(RunOutcome outcome)
{
    return Theme::stateStyle(tileState(outcome)).accent;
}

void makeSectionTitle(QLabel *label)
{
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor());
    label->setPalette(palette);
}

void makeFieldName(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor());
    label->setPalette(palette);
}

void fitColumn(QTableView *view, int column, const QStringList &texts, bool withIcon)
{
    const QStyle *style = view->style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    const QFontMetrics metrics(view->font());
    int width = 0;
    for (const QString &text : texts)
        width = std::max(width, metrics.horizontalAdvance(text));
    width += 2 * margin + 8;
    if (withIcon)
        width += style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view) + 2 * margin;
    const QHeaderView *header = view->horizontalHeader();
    const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
    const int titleWidth = QFontMetrics(header->font()).horizontalAdvance(title)
        + 2 * style->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + 4;
    view->setColumnWidth(column, std::max(width, titleWidth));
}

} // namespace Station::PageLook
