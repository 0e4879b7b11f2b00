#pragma once

#include <QPersistentModelIndex>
#include <QRectF>
#include <QStringList>
#include <QStyledItemDelegate>

namespace Station {

// Paints one fixture tile from a FixtureModel row: number, state banner (colour, icon and
// text), step k of n, progress, elapsed time, cause and a Start/Stop button. Holds no fixture
// state: everything it draws comes from the model. GUI thread.
class FixtureTileDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixtureTileDelegate)

public:
    // How much a tile shows; chosen from its size. Compact keeps the essentials for 64 tiles
    // on a small screen: state, number, step k/n, progress, button.
    enum class Density { Compact, Medium, Full };
    Q_ENUM(Density)
    enum class Action { None, Start, Stop };
    Q_ENUM(Action)

    // Where each part of a tile goes: pure geometry, so the view and the tests can use it.
    struct Layout
    {
        Density density = Density::Compact;
        QRectF frame;
        QRectF header; // empty in Compact
        QRectF badge;
        QRectF title;
        QRectF clock;
        QRectF banner;
        QRectF icon;
        QRectF stateText;
        QRectF step;
        QRectF detail; // cause, hint, device ID or scanned label; empty in Compact
        QRectF serial; // the scanned label's own line: Medium tiles with room for it
        QRectF progress;
        QRectF footer; // empty unless Full
        QRectF button;
        qreal radius = 4;
        qreal stateFontPx = 12;
        qreal textFontPx = 12;
        qreal detailFontPx = 12;
        qreal badgeFontPx = 12;
        qreal buttonFontPx = 12;
    };

    // The texts a tile shows for a model row at a density: what the tests check.
    struct Texts
    {
        QString badge;
        QString title;
        QString clock;
        QString state;
        QString step;
        QString detail;
        QString serial;              // "SN <label>" on its own line (Layout::serial), else empty
        bool detailIsSerial = false; // no line of its own: the label took the ID's place
        QString footer;
        QString button;
        Action action = Action::None;
    };

    static constexpr QSize MinTileSize {140, 84};
    // Below this the state text would be unreadable; layouts never shrink it further.
    static constexpr qreal MinStateFontPx = 11;
    // A Medium tile adds the scanned label's line only if its text lines stay this large.
    static constexpr qreal MinLineFontPx = 12;

    explicit FixtureTileDelegate(QObject *parent = nullptr);
    ~FixtureTileDelegate() override;

    void paint(QPainter *painter,
        const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static Density densityFor(const QSize &tileSize);
    static Layout layoutFor(const QRect &tileRect);
    // serialLine: the layout has a line of its own for the scanned label (Layout::serial).
    static Texts textsFor(const QModelIndex &index, Density density, bool serialLine = false);
    static Action actionFor(const QModelIndex &index);
    static QString buttonText(Action action);
    // The state text's font: bold, at most maxPx, shrunk (or condensed, or set on two lines at
    // a word break) until it fits box; never below minPx.
    struct StateFit
    {
        QFont font;
        QStringList lines;
    };
    static StateFit fitState(const QString &text, qreal maxPx, const QSizeF &box, qreal minPx);
    // A bold font at most maxPx high, shrunk until text fits width (not below minPx).
    static QFont fittedFont(const QString &text,
        qreal maxPx,
        qreal width,
        qreal minPx,
        QFont::Stretch stretch = QFont::Unstretched,
        QFont::Weight weight = QFont::Bold);

    // The Full footer's monospace font (device ID and label lines).
    static QFont footerFont(const Layout &layout);

    // Hover and press feedback for a tile's button (the view tracks the mouse).
    void setHotButton(const QModelIndex &index, bool pressed);

private:
    QPersistentModelIndex m_hotButton;
    bool m_hotPressed = false;
};

} // namespace Station
