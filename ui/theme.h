#pragma once

#include "models/fixturemodel.h"

#include <QColor>
#include <QFont>

class QIcon;
class QPainter;
class QPalette;
class QRectF;

// The station's look: a calm grey surface where colour is kept for states that need a person.
// State colours come from the Okabe-Ito colour-blind safe set (blue for good, orange/yellow for
// trouble), and every state also has its own text and icon shape, so colour never carries
// meaning alone. GUI thread only.
namespace Station::Theme {

struct StateStyle
{
    QColor accent;       // banner fill of attention states, text of calm states, progress, border
    QColor onAccent;     // text and icon on a filled banner
    QColor banner;       // banner background (the accent itself when filled)
    QColor tile;         // tile background
    bool filled = false; // the state wants attention: saturated banner, thick border
};

StateStyle stateStyle(FixtureModel::TileState state);

QColor windowColor();
QColor tileColor();
QColor textColor();
QColor mutedTextColor();
QColor borderColor();
QColor selectionColor();
QColor badgeColor();
QColor onBadgeColor();
QColor trackColor();
QColor buttonColor();
QColor onButtonColor();

// Draws the state's shape (check, cross in an octagon, stop square, warning triangle, ...) into
// rect, in one colour, at any size.
void paintStateIcon(
    QPainter *painter, const QRectF &rect, FixtureModel::TileState state, const QColor &color);
QIcon stateIcon(FixtureModel::TileState state, int size = 32);

// Start/stop shapes for the tile buttons.
void paintStartShape(QPainter *painter, const QRectF &rect, const QColor &color);
void paintStopShape(QPainter *painter, const QRectF &rect, const QColor &color);
void paintClockShape(QPainter *painter, const QRectF &rect, const QColor &color);

// The UI font at a pixel size (tiles scale their text with their size).
QFont font(qreal pixelSize, QFont::Weight weight = QFont::Normal);
// Fixed-width digits, for device IDs.
QFont monoFont(qreal pixelSize, QFont::Weight weight = QFont::Normal);

QPalette palette();
// Fusion style, the palette and a base font large enough to read at arm's length.
void apply();

} // namespace Station::Theme
