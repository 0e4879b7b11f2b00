#include "ui/fixturetiledelegate.h"

#include "models/fixturemodel.h"
#include "services/azsphere/devicedata.h"
#include "ui/theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

using TileState = FixtureModel::TileState;
using Density = FixtureTileDelegate::Density;

qreal clampTo(qreal value, qreal low, qreal high)
{
    return std::clamp(value, low, high);
}

// States whose step position means something: the run is going, or it stopped at that step.
bool showsStep(TileState state)
{
    return state == TileState::Running || state == TileState::Fail || state == TileState::Aborted
        || state == TileState::Interrupted;
}

QRectF square(const QRectF &row, qreal side, qreal left)
{
    return QRectF(left, row.center().y() - side / 2, side, side);
}

void drawLine(QPainter *painter,
    const QRectF &rect,
    const QString &text,
    const QFont &font,
    const QColor &color,
    Qt::Alignment align = Qt::AlignLeft)
{
    if (text.isEmpty() || rect.width() <= 0 || rect.height() <= 0)
        return;
    const QFontMetricsF metrics(font);
    painter->setFont(font);
    painter->setPen(color);
    painter->drawText(rect,
        int(align | Qt::AlignVCenter) | Qt::TextSingleLine,
        metrics.elidedText(text, Qt::ElideRight, rect.width()));
}

// Word-wrapped text in as many lines as fit the rect; the last line is elided.
void drawWrapped(QPainter *painter,
    const QRectF &rect,
    const QString &text,
    const QFont &font,
    const QColor &color)
{
    if (text.isEmpty() || rect.width() <= 0)
        return;
    const QFontMetricsF metrics(font);
    const int maxLines = std::max(1, int(rect.height() / metrics.lineSpacing()));
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList lines;
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(rect.width());
        if (lines.size() == maxLines - 1) {
            lines.append(metrics.elidedText(
                text.mid(line.textStart()).simplified(), Qt::ElideRight, rect.width()));
            break;
        }
        lines.append(text.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();

    painter->setFont(font);
    painter->setPen(color);
    qreal y = rect.top();
    for (const QString &line : std::as_const(lines)) {
        painter->drawText(QRectF(rect.left(), y, rect.width(), metrics.lineSpacing()),
            Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            line);
        y += metrics.lineSpacing();
    }
}

} // namespace

FixtureTileDelegate::FixtureTileDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

FixtureTileDelegate::~FixtureTileDelegate() = default;

QSize FixtureTileDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    return option.rect.isValid() ? option.rect.size() : MinTileSize;
}

FixtureTileDelegate::Density FixtureTileDelegate::densityFor(const QSize &size)
{
    if (size.height() < 118 || size.width() < 180)
        return Density::Compact;
    if (size.height() >= 200 && size.width() >= 300)
        return Density::Full;
    return Density::Medium;
}

FixtureTileDelegate::Layout FixtureTileDelegate::layoutFor(const QRect &tileRect)
{
    Layout l;
    l.density = densityFor(tileRect.size());
    const qreal h = tileRect.height();
    // The frame leaves room around it for the selection ring.
    const qreal ring = clampTo(h * 0.025, 2, 4);
    l.frame = QRectF(tileRect).adjusted(ring, ring, -ring, -ring);
    l.radius = clampTo(h * 0.04, 3, 10);
    const qreal pad = clampTo(h * 0.05, 4, 14);
    const QRectF inner = l.frame.adjusted(pad, pad, -pad, -pad);
    const qreal gap = clampTo(h * 0.03, 3, 10);

    switch (l.density) {
    case Density::Compact: {
        const qreal avail = inner.height() - 2 * gap;
        const qreal bannerH = avail * 0.55;
        const qreal rowH = avail * 0.33;
        l.banner = QRectF(inner.left(), inner.top(), inner.width(), bannerH);
        const QRectF row(inner.left(), l.banner.bottom() + gap, inner.width(), rowH);
        l.progress = QRectF(
            inner.left(), row.bottom() + gap, inner.width(), inner.bottom() - row.bottom() - gap);
        l.badge = QRectF(row.left(), row.top(), std::max(rowH * 1.45, 28.0), rowH);
        const qreal buttonW = std::max(rowH * 1.8, 36.0);
        l.button = QRectF(row.right() - buttonW, row.top(), buttonW, rowH);
        l.step = QRectF(
            l.badge.right() + gap, row.top(), l.button.left() - l.badge.right() - 2 * gap, rowH);
        l.stateFontPx = bannerH * 0.62;
        l.textFontPx = rowH * 0.68;
        l.detailFontPx = l.textFontPx;
        l.badgeFontPx = rowH * 0.70;
        l.buttonFontPx = rowH * 0.5;
        break;
    }
    case Density::Medium: {
        const qreal avail = inner.height() - 3 * gap;
        // Operators match the label printed on the device to the tile, so a tile tall enough
        // gives the scanned label a line of its own under the step and detail lines; header
        // and banner give up some height for it (the state stays the largest text).
        const auto medium = [&](bool serialLine) {
            const qreal headerH = avail * (serialLine ? 0.16 : 0.18);
            const qreal bannerH = avail * (serialLine ? 0.34 : 0.42);
            const qreal progressH = avail * (serialLine ? 0.05 : 0.06);
            const qreal rowsH = avail - headerH - bannerH - progressH;
            l.header = QRectF(inner.left(), inner.top(), inner.width(), headerH);
            l.banner = QRectF(inner.left(), l.header.bottom() + gap, inner.width(), bannerH);
            const QRectF rows(inner.left(), l.banner.bottom() + gap, inner.width(), rowsH);
            l.progress = QRectF(inner.left(), rows.bottom() + gap, inner.width(), progressH);
            // The button stands beside the step and detail lines; the label's line runs on
            // under it.
            const qreal buttonH = serialLine ? rowsH * 0.68 : rowsH;
            // A labelled button only where the text lines keep most of the width.
            const qreal buttonW = inner.width() >= 320 ? inner.width() * 0.30 : buttonH * 1.25;
            l.button = QRectF(rows.right() - buttonW, rows.top(), buttonW, buttonH);
            const qreal textW = l.button.left() - gap - rows.left();
            l.step = QRectF(rows.left(), rows.top(), textW, buttonH * 0.55);
            l.detail = QRectF(rows.left(), l.step.bottom(), textW, buttonH - l.step.height());
            l.serial = serialLine
                ? QRectF(rows.left(), l.button.bottom(), rows.width(), rowsH - buttonH)
                : QRectF();
            l.stateFontPx = bannerH * 0.62;
            l.textFontPx = std::min(headerH * 0.78, l.step.height() * 0.80);
            l.detailFontPx = l.detail.height() * 0.78;
            if (serialLine)
                l.detailFontPx = std::min(l.detailFontPx, l.serial.height() * 0.78);
            l.badgeFontPx = headerH * 0.80;
            l.buttonFontPx = std::min(buttonH * 0.36, l.textFontPx * 1.1);
        };
        medium(true);
        if (l.detailFontPx < MinLineFontPx)
            medium(false);
        break;
    }
    case Density::Full: {
        const qreal avail = inner.height() - 5 * gap;
        const qreal headerH = avail * 0.11;
        const qreal bannerH = avail * 0.35;
        const qreal stepH = avail * 0.10;
        const qreal progressH = avail * 0.04;
        // Room for two lines (device ID, serial number) and a button big enough to hit.
        const qreal footerH = avail * 0.20;
        const qreal detailH = avail - headerH - bannerH - stepH - progressH - footerH;
        qreal y = inner.top();
        l.header = QRectF(inner.left(), y, inner.width(), headerH);
        y += headerH + gap;
        l.banner = QRectF(inner.left(), y, inner.width(), bannerH);
        y += bannerH + gap;
        l.step = QRectF(inner.left(), y, inner.width(), stepH);
        y += stepH + gap;
        l.progress = QRectF(inner.left(), y, inner.width(), progressH);
        y += progressH + gap;
        l.detail = QRectF(inner.left(), y, inner.width(), detailH);
        y += detailH + gap;
        l.footer = QRectF(inner.left(), y, inner.width(), footerH);
        const qreal buttonW = clampTo(inner.width() * 0.32, footerH * 2.5, footerH * 4);
        l.button = QRectF(l.footer.right() - buttonW, l.footer.top(), buttonW, footerH);
        l.footer.setRight(l.button.left() - gap);
        l.stateFontPx = bannerH * 0.60;
        l.textFontPx = stepH * 0.80;
        l.detailFontPx = std::min(l.textFontPx, detailH / 2.5);
        l.badgeFontPx = headerH * 0.76;
        l.buttonFontPx = footerH * 0.42;
        break;
    }
    }

    if (!l.header.isEmpty()) {
        const qreal hh = l.header.height();
        l.badge = QRectF(l.header.left(), l.header.top(), std::max(hh * 1.6, 28.0), hh);
        const QFontMetricsF clockMetrics(Theme::font(l.textFontPx));
        const qreal clockW = clockMetrics.horizontalAdvance(u"0:00:00"_s) + hh;
        l.clock = QRectF(l.header.right() - clockW, l.header.top(), clockW, hh);
        l.title = QRectF(
            l.badge.right() + gap, l.header.top(), l.clock.left() - l.badge.right() - 2 * gap, hh);
    }
    // Compact tiles give the state text every pixel they can; it is the one thing to read.
    const qreal bh = l.banner.height();
    const bool compact = l.density == Density::Compact;
    const qreal iconSide = bh * (compact ? 0.64 : 0.72);
    const qreal iconLeft = bh * (compact ? 0.10 : 0.16);
    const qreal textGap = bh * (compact ? 0.14 : 0.22);
    const qreal rightPad = bh * (compact ? 0.06 : 0.12);
    l.icon = square(l.banner, iconSide, l.banner.left() + iconLeft);
    l.stateText = QRectF(l.icon.right() + textGap,
        l.banner.top(),
        l.banner.right() - l.icon.right() - textGap - rightPad,
        bh);
    return l;
}

FixtureTileDelegate::Action FixtureTileDelegate::actionFor(const QModelIndex &index)
{
    if (index.data(FixtureModel::CanStopRole).toBool())
        return Action::Stop;
    if (index.data(FixtureModel::CanStartRole).toBool())
        return Action::Start;
    return Action::None;
}

QString FixtureTileDelegate::buttonText(Action action)
{
    switch (action) {
    case Action::None:
        return QString();
    case Action::Start:
        //: Tile button: start the recipe on this fixture
        return tr("Start");
    case Action::Stop:
        //: Tile button: abort the run on this fixture
        return tr("Stop");
    }
    return QString();
}

FixtureTileDelegate::Texts FixtureTileDelegate::textsFor(
    const QModelIndex &index, Density density, bool serialLine)
{
    Texts t;
    const auto state = index.data(FixtureModel::TileStateRole).value<TileState>();
    const int stepIndex = index.data(FixtureModel::StepIndexRole).toInt();
    const int stepCount = index.data(FixtureModel::StepCountRole).toInt();
    const bool hasStep = stepIndex > 0 && stepCount > 0;
    const QString shortId = index.data(FixtureModel::ShortDeviceIdRole).toString();
    QString stepName = index.data(FixtureModel::FailedStepRole).toString();
    if (stepName.isEmpty())
        stepName = index.data(FixtureModel::StepNameRole).toString();
    const QString hint = index.data(FixtureModel::HintRole).toString();
    //: Device ID on a tile, shortened: "ID 352fe1f5…b968"
    const QString idText = shortId.isEmpty() ? QString() : tr("ID %1").arg(shortId);
    const QString serial = index.data(FixtureModel::SerialNumberRole).toString();
    //: Serial number on a tile: "SN 12345"
    const QString serialText = serial.isEmpty() ? QString() : tr("SN %1").arg(serial);

    t.badge = QString::number(index.data(FixtureModel::FixtureRole).toInt());
    t.title = index.data(FixtureModel::LabelRole).toString();
    if (t.title.isEmpty())
        t.title = index.data(FixtureModel::PresenceTextRole).toString();
    t.clock = index.data(FixtureModel::ElapsedTextRole).toString();
    t.state = index.data(FixtureModel::TileStateTextRole).toString();
    t.action = actionFor(index);
    t.button = buttonText(t.action);

    const QString ofN = hasStep ? u"%1/%2"_s.arg(stepIndex).arg(stepCount) : QString();
    switch (density) {
    case Density::Compact:
        t.step = ofN;
        break;
    case Density::Medium:
        if (showsStep(state) && hasStep) {
            //: Step position and name on a tile: "3/13 · Update OS"
            t.step = stepName.isEmpty() ? ofN : tr("%1 · %2").arg(ofN, stepName);
            t.detail = state == TileState::Running ? idText : hint;
        } else {
            t.step = hint;
            t.detail = state == TileState::Empty ? QString() : idText;
        }
        if (serialText.isEmpty() || state == TileState::Empty)
            break;
        // Without a line of its own the label takes the device ID's place: an operator cannot
        // read the ID off a device (it is in the tooltip and the device view), but does read
        // the label. A cause or hint in that line stays: it says what went wrong or what to do.
        if (serialLine)
            t.serial = serialText;
        else if (t.detail == idText) {
            t.detail = serialText;
            t.detailIsSerial = true;
        }
        break;
    case Density::Full: {
        const QString stepText = index.data(FixtureModel::StepTextRole).toString();
        if (showsStep(state) && hasStep)
            t.step = stepName.isEmpty() ? stepText : tr("%1 · %2").arg(stepText, stepName);
        else if (state == TileState::Pass && stepCount > 0)
            t.step = tr("All %1 steps passed").arg(stepCount);
        t.detail = state == TileState::Running ? QString() : hint;
        QStringList footer;
        if (!idText.isEmpty())
            footer.append(idText);
        if (!serialText.isEmpty())
            footer.append(serialText);
        t.footer = footer.join(u'\n');
        break;
    }
    }
    return t;
}

QFont FixtureTileDelegate::fittedFont(const QString &text,
    qreal maxPx,
    qreal width,
    qreal minPx,
    QFont::Stretch stretch,
    QFont::Weight weight)
{
    const auto make = [stretch, weight](qreal px) {
        QFont font = Theme::font(px, weight);
        font.setStretch(stretch);
        return font;
    };
    QFont font = make(maxPx);
    const qreal textWidth = QFontMetricsF(font).horizontalAdvance(text);
    if (textWidth > width && textWidth > 0) {
        // Shrink in one step (advance scales with size), then nudge down until it fits.
        qreal px = std::max(minPx, std::floor(maxPx * width / textWidth));
        font = make(px);
        while (px > minPx && QFontMetricsF(font).horizontalAdvance(text) > width) {
            px -= 1;
            font = make(px);
        }
    }
    return font;
}

FixtureTileDelegate::StateFit FixtureTileDelegate::fitState(
    const QString &text, qreal maxPx, const QSizeF &box, qreal minPx)
{
    StateFit fit {fittedFont(text, maxPx, box.width(), minPx), {text}};
    if (fit.font.pixelSize() >= maxPx * 0.8)
        return fit;
    // Long words on a narrow tile: a condensed face, or two lines at the middle word break,
    // whichever keeps the text larger.
    const QFont condensed = fittedFont(text, maxPx, box.width(), minPx, QFont::Condensed);
    if (condensed.pixelSize() > fit.font.pixelSize())
        fit = {condensed, {text}};
    const int middle = int(text.size()) / 2;
    int split = -1;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i).isSpace() && (split < 0 || std::abs(i - middle) < std::abs(split - middle)))
            split = i;
    }
    if (split > 0) {
        const QStringList lines {text.left(split), text.mid(split + 1)};
        const QString longer = lines.at(0).size() >= lines.at(1).size() ? lines.at(0) : lines.at(1);
        const qreal linePx = box.height() / 2 / 1.2;
        QFont twoLine = fittedFont(longer, std::min(maxPx, linePx), box.width(), minPx);
        for (const QString &line : lines) {
            const QFont f = fittedFont(line, twoLine.pixelSize(), box.width(), minPx);
            if (f.pixelSize() < twoLine.pixelSize())
                twoLine = f;
        }
        if (twoLine.pixelSize() > fit.font.pixelSize() * 1.1)
            fit = {twoLine, lines};
    }
    return fit;
}

QFont FixtureTileDelegate::footerFont(const Layout &layout)
{
    // Sized for two lines whether or not there is a serial number, and for the short ID and a
    // 16-character label whether or not this tile has them, so all tiles match; the font gets
    // smaller rather than cut the ID's last digits off.
    const QString widest = std::max(tr("ID %1").arg(shortDeviceId(QString(128, u'0'))),
        tr("SN %1").arg(QString(16, u'0')),
        [](const QString &a, const QString &b) { return a.size() < b.size(); });
    qreal px = std::min(layout.detailFontPx, layout.footer.height() / 2 * 0.8);
    QFont mono = Theme::monoFont(px);
    while (px > MinStateFontPx
        && QFontMetricsF(mono).horizontalAdvance(widest) > layout.footer.width()) {
        px -= 1;
        mono = Theme::monoFont(px);
    }
    return mono;
}

void FixtureTileDelegate::setHotButton(const QModelIndex &index, bool pressed)
{
    m_hotButton = index;
    m_hotPressed = pressed;
}

void FixtureTileDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Layout l = layoutFor(option.rect);
    const auto state = index.data(FixtureModel::TileStateRole).value<TileState>();
    const Theme::StateStyle style = Theme::stateStyle(state);
    const Texts t = textsFor(index, l.density, !l.serial.isEmpty());
    const bool selected = option.state.testFlag(QStyle::State_Selected);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    // Frame: attention states get a thick border in their colour, so they stand out in a grid
    // of 64 even before the text is read.
    QPen framePen(style.filled ? style.accent : Theme::borderColor(),
        style.filled ? clampTo(l.frame.height() * 0.02, 2, 4) : 1.0);
    if (state == TileState::Empty)
        framePen.setStyle(Qt::DashLine);
    painter->setPen(framePen);
    painter->setBrush(style.tile);
    const qreal half = framePen.widthF() / 2;
    painter->drawRoundedRect(l.frame.adjusted(half, half, -half, -half), l.radius, l.radius);
    if (selected) {
        const qreal ringW = l.frame.left() - option.rect.left();
        QPen ringPen(Theme::selectionColor(), ringW + 1);
        painter->setPen(ringPen);
        painter->setBrush(Qt::NoBrush);
        const qreal inset = ringW / 2;
        painter->drawRoundedRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset),
            l.radius + inset,
            l.radius + inset);
    }

    // Number badge.
    painter->setPen(Qt::NoPen);
    painter->setBrush(Theme::badgeColor());
    painter->drawRoundedRect(l.badge, l.radius * 0.7, l.radius * 0.7);
    const QFont badgeFont = fittedFont(t.badge, l.badgeFontPx, l.badge.width() - 4, 8);
    drawLine(painter, l.badge, t.badge, badgeFont, Theme::onBadgeColor(), Qt::AlignHCenter);

    // Header: title (label or presence) and elapsed time.
    if (!l.header.isEmpty()) {
        drawLine(painter, l.title, t.title, Theme::font(l.textFontPx), Theme::mutedTextColor());
        if (!t.clock.isEmpty()) {
            const QFont clockFont = Theme::font(l.textFontPx, QFont::DemiBold);
            const qreal textW = QFontMetricsF(clockFont).horizontalAdvance(t.clock);
            const qreal iconSide = l.textFontPx * 0.95;
            const QRectF clockIcon(l.clock.right() - textW - iconSide * 1.35,
                l.clock.center().y() - iconSide / 2,
                iconSide,
                iconSide);
            Theme::paintClockShape(painter, clockIcon, Theme::textColor());
            drawLine(painter, l.clock, t.clock, clockFont, Theme::textColor(), Qt::AlignRight);
        }
    }

    // State banner: colour, icon shape and text carry the state together.
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.banner);
    painter->drawRoundedRect(l.banner, l.radius * 0.8, l.radius * 0.8);
    const QColor onBanner = style.filled ? style.onAccent : style.accent;
    Theme::paintStateIcon(painter, l.icon, state, onBanner);
    const StateFit fit = fitState(t.state, l.stateFontPx, l.stateText.size(), MinStateFontPx);
    const qreal lineH = l.stateText.height() / fit.lines.size();
    for (int i = 0; i < fit.lines.size(); ++i) {
        const QRectF lineRect(
            l.stateText.left(), l.stateText.top() + i * lineH, l.stateText.width(), lineH);
        drawLine(painter, lineRect, fit.lines.at(i), fit.font, onBanner);
    }

    // Step, detail and footer lines.
    const bool hasProgress = index.data(FixtureModel::StepCountRole).toInt() > 0;
    const QColor stepColor = state == TileState::Running ? style.accent : Theme::textColor();
    // A Compact tile's "14/14" shrinks to fit its narrow slot rather than lose digits.
    const QFont stepFont = l.density == Density::Compact
        ? fittedFont(t.step,
            l.textFontPx,
            l.step.width(),
            MinStateFontPx,
            QFont::Unstretched,
            QFont::DemiBold)
        : Theme::font(l.textFontPx, QFont::DemiBold);
    drawLine(painter, l.step, t.step, stepFont, stepColor);
    if (l.density == Density::Full) {
        // Without a step line and a progress bar the hint moves up under the banner.
        QRectF detail = l.detail;
        if (t.step.isEmpty() && !hasProgress)
            detail.setTop(l.step.top());
        const bool isCause = style.filled && state != TileState::Pass;
        drawWrapped(painter,
            detail,
            t.detail,
            Theme::font(l.detailFontPx, isCause ? QFont::DemiBold : QFont::Normal),
            isCause ? Theme::textColor() : Theme::mutedTextColor());
        const QStringList footer = t.footer.split(u'\n', Qt::SkipEmptyParts);
        if (!footer.isEmpty()) {
            const qreal footerLineH = l.footer.height() / 2;
            const QFont mono = footerFont(l);
            const qreal top = l.footer.center().y() - footer.size() * footerLineH / 2;
            for (int i = 0; i < footer.size(); ++i) {
                drawLine(painter,
                    QRectF(l.footer.left(), top + i * footerLineH, l.footer.width(), footerLineH),
                    footer.at(i),
                    mono,
                    Theme::mutedTextColor());
            }
        }
    } else {
        // The scanned label is set in the monospace face, as in the Full tiles' footer.
        drawLine(painter,
            l.detail,
            t.detail,
            t.detailIsSerial ? Theme::monoFont(l.detailFontPx) : Theme::font(l.detailFontPx),
            Theme::mutedTextColor());
        drawLine(
            painter, l.serial, t.serial, Theme::monoFont(l.detailFontPx), Theme::mutedTextColor());
    }

    // Progress through the recipe, once there is one.
    if (hasProgress && !l.progress.isEmpty()) {
        const qreal progress = index.data(FixtureModel::ProgressRole).toDouble();
        const qreal r = l.progress.height() / 2;
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::trackColor());
        painter->drawRoundedRect(l.progress, r, r);
        if (progress > 0) {
            QRectF done = l.progress;
            done.setWidth(std::max(l.progress.height(), l.progress.width() * progress));
            painter->setBrush(style.accent);
            painter->drawRoundedRect(done, r, r);
        }
    }

    // Start/Stop button, only when the click would do something.
    if (t.action != Action::None) {
        const bool hot = m_hotButton.isValid() && m_hotButton == index;
        const bool pressed = hot && m_hotPressed;
        const bool start = t.action == Action::Start;
        QColor fill = start ? Theme::buttonColor() : Theme::tileColor();
        if (pressed)
            fill = start ? fill.lighter(140) : QColor(0xDD, 0xE2, 0xE7);
        else if (hot)
            fill = start ? fill.lighter(120) : QColor(0xEE, 0xF1, 0xF4);
        const QColor fg = start ? Theme::onButtonColor() : Theme::buttonColor();
        const qreal br = l.button.height() * 0.18;
        painter->setPen(QPen(Theme::buttonColor(), start ? 0.0 : 2.0));
        if (start)
            painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(l.button.adjusted(1, 1, -1, -1), br, br);

        const QFont buttonFont = Theme::font(l.buttonFontPx, QFont::Bold);
        const qreal shape = std::min(l.button.height() * 0.42, l.buttonFontPx * 1.1);
        const qreal textW = QFontMetricsF(buttonFont).horizontalAdvance(t.button);
        const qreal space = shape * 0.5;
        const bool withText = l.density != Density::Compact
            && shape + space + textW <= l.button.width() - l.button.height() * 0.5;
        const qreal contentW = withText ? shape + space + textW : shape;
        const qreal x = l.button.center().x() - contentW / 2;
        const QRectF shapeRect(x, l.button.center().y() - shape / 2, shape, shape);
        if (start)
            Theme::paintStartShape(painter, shapeRect, fg);
        else
            Theme::paintStopShape(painter, shapeRect, fg);
        if (withText) {
            drawLine(painter,
                QRectF(shapeRect.right() + space, l.button.top(), textW + 2, l.button.height()),
                t.button,
                buttonFont,
                fg);
        }
    }

    painter->restore();
}

} // namespace Station
