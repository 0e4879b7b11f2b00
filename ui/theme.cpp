#include "ui/theme.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <QStyleFactory>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Station::Theme {

namespace {

// Okabe & Ito, "Color Universal Design": blue, vermillion, orange, yellow stay distinct for the
// common colour-vision deficiencies. Shades are darkened where white text must reach 4.5:1.
constexpr QRgb Blue = 0x0072B2;
constexpr QRgb DeepBlue = 0x0B5FA5;
constexpr QRgb Vermillion = 0xC85000;
constexpr QRgb Orange = 0xE69F00;
constexpr QRgb Yellow = 0xF0E442;
constexpr QRgb Slate = 0x4F5A66;
constexpr QRgb Ink = 0x1A1F24;

QColor rgb(QRgb value)
{
    return QColor::fromRgb(value);
}

QPen strokePen(const QRectF &rect, const QColor &color)
{
    QPen pen(color, std::max(1.5, rect.width() * 0.1));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

// The square inside rect where the icon is drawn, leaving room for the stroke.
QRectF iconBox(const QRectF &rect)
{
    const qreal side = std::min(rect.width(), rect.height());
    QRectF box(0, 0, side, side);
    box.moveCenter(rect.center());
    const qreal inset = std::max(1.0, side * 0.06);
    return box.adjusted(inset, inset, -inset, -inset);
}

QPolygonF octagon(const QRectF &r)
{
    const qreal a = r.width() * 0.2929 / 1.0; // (1 - 1/sqrt(2)) of the side: regular octagon
    return QPolygonF({QPointF(r.left() + a, r.top()),
        QPointF(r.right() - a, r.top()),
        QPointF(r.right(), r.top() + a),
        QPointF(r.right(), r.bottom() - a),
        QPointF(r.right() - a, r.bottom()),
        QPointF(r.left() + a, r.bottom()),
        QPointF(r.left(), r.bottom() - a),
        QPointF(r.left(), r.top() + a),
        QPointF(r.left() + a, r.top())});
}

} // namespace

StateStyle stateStyle(FixtureModel::TileState state)
{
    using S = FixtureModel::TileState;
    switch (state) {
    case S::Empty:
        return {rgb(0x66717C), rgb(0xFFFFFF), rgb(0xE6E9EC), rgb(0xEDF0F2), false};
    case S::Ready:
        return {rgb(0x2E3640), rgb(0xFFFFFF), rgb(0xE2E7EC), rgb(0xFAFBFC), false};
    case S::Running:
        return {rgb(Blue), rgb(0xFFFFFF), rgb(0xD9EAF6), rgb(0xFAFBFC), false};
    case S::Pass:
        return {rgb(DeepBlue), rgb(0xFFFFFF), rgb(DeepBlue), rgb(0xEAF2FA), true};
    case S::Fail:
        return {rgb(Vermillion), rgb(0xFFFFFF), rgb(Vermillion), rgb(0xFCEDE3), true};
    case S::Aborted:
        return {rgb(Slate), rgb(0xFFFFFF), rgb(Slate), rgb(0xEEF0F2), true};
    case S::Interrupted:
        return {rgb(0xB07800), rgb(Ink), rgb(Orange), rgb(0xFDF3DE), true};
    case S::Unresponsive:
        return {rgb(0x9C8F00), rgb(Ink), rgb(Yellow), rgb(0xFCFAE0), true};
    }
    return {rgb(Slate), rgb(0xFFFFFF), rgb(0xE6E9EC), rgb(0xFAFBFC), false};
}

QColor windowColor()
{
    return rgb(0xD3D8DD);
}

QColor tileColor()
{
    return rgb(0xFAFBFC);
}

QColor textColor()
{
    return rgb(Ink);
}

QColor mutedTextColor()
{
    return rgb(0x56616C);
}

QColor borderColor()
{
    return rgb(0xA3ADB7);
}

QColor selectionColor()
{
    return rgb(0x0A0D10);
}

QColor badgeColor()
{
    return rgb(0x2E3640);
}

QColor onBadgeColor()
{
    return rgb(0xFFFFFF);
}

QColor trackColor()
{
    return rgb(0xD3D9DF);
}

QColor buttonColor()
{
    return rgb(0x2E3640);
}

QColor onButtonColor()
{
    return rgb(0xFFFFFF);
}

void paintStateIcon(
    QPainter *painter, const QRectF &rect, FixtureModel::TileState state, const QColor &color)
{
    using S = FixtureModel::TileState;
    const QRectF box = iconBox(rect);
    const qreal s = box.width();
    const QPen pen = strokePen(box, color);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    switch (state) {
    case S::Empty: {
        QPen dashed = pen;
        dashed.setWidthF(pen.widthF() * 0.6);
        dashed.setCapStyle(Qt::FlatCap);
        dashed.setDashPattern({2.0, 2.0});
        painter->setPen(dashed);
        painter->drawEllipse(box);
        break;
    }
    case S::Ready: {
        painter->drawEllipse(box);
        const qreal r = s * 0.17;
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(box.center(), r, r);
        break;
    }
    case S::Running: {
        // A three-quarter ring with an arrow head: "in progress", drawn still (nothing spins).
        const QRectF ring = box.adjusted(s * 0.05, s * 0.05, -s * 0.05, -s * 0.05);
        painter->drawArc(ring, 90 * 16, -270 * 16);
        const qreal head = s * 0.26;
        const QPointF tip(ring.left(), ring.center().y());
        // The arc runs clockwise and ends at nine o'clock, so the head points up.
        QPolygonF arrow({tip + QPointF(-head * 0.55, head * 0.15),
            tip + QPointF(head * 0.55, head * 0.15),
            tip + QPointF(0, -head * 0.65)});
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPolygon(arrow);
        break;
    }
    case S::Pass: {
        painter->drawEllipse(box);
        QPainterPath check;
        check.moveTo(box.left() + s * 0.27, box.top() + s * 0.52);
        check.lineTo(box.left() + s * 0.44, box.top() + s * 0.69);
        check.lineTo(box.left() + s * 0.74, box.top() + s * 0.34);
        painter->drawPath(check);
        break;
    }
    case S::Fail: {
        painter->drawPolygon(octagon(box));
        const qreal a = s * 0.32;
        const qreal b = s * 0.68;
        painter->drawLine(
            QPointF(box.left() + a, box.top() + a), QPointF(box.left() + b, box.top() + b));
        painter->drawLine(
            QPointF(box.left() + b, box.top() + a), QPointF(box.left() + a, box.top() + b));
        break;
    }
    case S::Aborted: {
        painter->drawEllipse(box);
        QRectF square(0, 0, s * 0.36, s * 0.36);
        square.moveCenter(box.center());
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRect(square);
        break;
    }
    case S::Interrupted: {
        const QPolygonF triangle({QPointF(box.center().x(), box.top() + s * 0.04),
            QPointF(box.right(), box.bottom() - s * 0.06),
            QPointF(box.left(), box.bottom() - s * 0.06),
            QPointF(box.center().x(), box.top() + s * 0.04)});
        painter->drawPolygon(triangle);
        const qreal x = box.center().x();
        painter->drawLine(QPointF(x, box.top() + s * 0.38), QPointF(x, box.top() + s * 0.64));
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(
            QPointF(x, box.top() + s * 0.78), pen.widthF() * 0.6, pen.widthF() * 0.6);
        break;
    }
    case S::Unresponsive: {
        painter->drawEllipse(box);
        QPainterPath hook;
        const qreal cx = box.center().x();
        const QRectF top(cx - s * 0.16, box.top() + s * 0.22, s * 0.32, s * 0.30);
        hook.arcMoveTo(top, 160);
        hook.arcTo(top, 160, -230);
        hook.lineTo(cx, box.top() + s * 0.62);
        painter->drawPath(hook);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(
            QPointF(cx, box.top() + s * 0.77), pen.widthF() * 0.6, pen.widthF() * 0.6);
        break;
    }
    }
    painter->restore();
}

QIcon stateIcon(FixtureModel::TileState state, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const StateStyle style = stateStyle(state);
    paintStateIcon(&painter, QRectF(0, 0, size, size), state, style.accent);
    painter.end();
    return QIcon(pixmap);
}

void paintStartShape(QPainter *painter, const QRectF &rect, const QColor &color)
{
    const QRectF box = iconBox(rect);
    const qreal s = box.width();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF({QPointF(box.left() + s * 0.18, box.top() + s * 0.08),
        QPointF(box.right() - s * 0.06, box.center().y()),
        QPointF(box.left() + s * 0.18, box.bottom() - s * 0.08)}));
    painter->restore();
}

void paintStopShape(QPainter *painter, const QRectF &rect, const QColor &color)
{
    const QRectF box = iconBox(rect);
    const qreal s = box.width();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(
        box.adjusted(s * 0.12, s * 0.12, -s * 0.12, -s * 0.12), s * 0.06, s * 0.06);
    painter->restore();
}

void paintClockShape(QPainter *painter, const QRectF &rect, const QColor &color)
{
    const QRectF box = iconBox(rect);
    const qreal s = box.width();
    QPen pen = strokePen(box, color);
    pen.setWidthF(std::max(1.2, s * 0.09));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawEllipse(box);
    const QPointF c = box.center();
    painter->drawLine(c, c + QPointF(0, -s * 0.30));
    painter->drawLine(c, c + QPointF(s * 0.22, s * 0.08));
    painter->restore();
}

QFont font(qreal pixelSize, QFont::Weight weight)
{
    QFont f = QApplication::font();
    f.setPixelSize(std::max(1, int(std::lround(pixelSize))));
    f.setWeight(weight);
    return f;
}

QFont monoFont(qreal pixelSize, QFont::Weight weight)
{
    QFont f(u"monospace"_s);
    f.setStyleHint(QFont::Monospace);
    f.setPixelSize(std::max(1, int(std::lround(pixelSize))));
    f.setWeight(weight);
    return f;
}

QPalette palette()
{
    QPalette p;
    p.setColor(QPalette::Window, windowColor());
    p.setColor(QPalette::WindowText, textColor());
    p.setColor(QPalette::Base, tileColor());
    p.setColor(QPalette::AlternateBase, rgb(0xEEF1F4));
    p.setColor(QPalette::Text, textColor());
    p.setColor(QPalette::Button, rgb(0xE6EAEE));
    p.setColor(QPalette::ButtonText, textColor());
    p.setColor(QPalette::Highlight, rgb(DeepBlue));
    p.setColor(QPalette::HighlightedText, rgb(0xFFFFFF));
    p.setColor(QPalette::ToolTipBase, rgb(0xFFFFFF));
    p.setColor(QPalette::ToolTipText, textColor());
    p.setColor(QPalette::PlaceholderText, mutedTextColor());
    p.setColor(QPalette::Disabled, QPalette::Text, rgb(0x8A949E));
    p.setColor(QPalette::Disabled, QPalette::WindowText, rgb(0x8A949E));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, rgb(0x8A949E));
    return p;
}

void apply()
{
    if (QStyle *fusion = QStyleFactory::create(u"Fusion"_s))
        QApplication::setStyle(fusion);
    QApplication::setPalette(palette());
    QFont base = QApplication::font();
    // Operators read the station at arm's length and beyond: never below 11 pt.
    if (base.pointSizeF() > 0 && base.pointSizeF() < 11)
        base.setPointSizeF(11);
    QApplication::setFont(base);
}

} // namespace Station::Theme
