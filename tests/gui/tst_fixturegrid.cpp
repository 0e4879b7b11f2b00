#include "models/fixturemodel.h"
#include "ui/fixturegridwidget.h"
#include "ui/fixturetiledelegate.h"
#include "ui/fixturetileview.h"
#include "ui/theme.h"

#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Station::FixtureGridWidget;
using Station::FixtureModel;
using Station::FixtureSnapshot;
using Station::FixtureTileDelegate;
using Station::FixtureTileView;
using Station::Presence;
using Station::RunOutcome;
using Station::StartBlock;
using Station::Text;
using TileState = FixtureModel::TileState;
using Density = FixtureTileDelegate::Density;
using Action = FixtureTileDelegate::Action;

namespace {

const QList<TileState> AllStates = {TileState::Empty,
    TileState::Ready,
    TileState::Running,
    TileState::Pass,
    TileState::Fail,
    TileState::Aborted,
    TileState::Interrupted,
    TileState::Unresponsive};

FixtureSnapshot snapshotIn(TileState state, int fixture)
{
    FixtureSnapshot s;
    s.fixture = fixture;
    s.presence = Presence::Present;
    s.deviceId = u"352fe1f59e40ef8a9266415e81af32b5b07d8f2bbd6b5650cef4a70b86c7fcbc"_s;
    s.stepCount = 13;
    s.stepIndex = 3;
    s.stepName = u"Update OS (recover)"_s;
    s.runId = 1;
    s.startBlock = StartBlock::None; // as the controller's start rules say for an idle device
    switch (state) {
    case TileState::Empty:
        s = FixtureSnapshot {};
        s.fixture = fixture;
        s.presence = Presence::Empty;
        s.startBlock = StartBlock::Empty;
        break;
    case TileState::Ready:
        s.stepCount = 0;
        s.stepIndex = 0;
        break;
    case TileState::Running:
        s.running = true;
        s.verdict = RunOutcome::Running;
        s.startBlock = StartBlock::Running;
        break;
    case TileState::Pass:
        s.verdict = RunOutcome::Pass;
        s.stepIndex = 13;
        break;
    case TileState::Fail:
        s.verdict = RunOutcome::Fail;
        s.failedStep = u"Check keystore"_s;
        s.cause
            = Text::raw(u"The device's trusted keystore is older than the image's signing key"_s);
        break;
    case TileState::Aborted:
        s.verdict = RunOutcome::Aborted;
        break;
    case TileState::Interrupted:
        s.verdict = RunOutcome::Interrupted;
        break;
    case TileState::Unresponsive:
        s.presence = Presence::Unresponsive;
        s.startBlock = StartBlock::Unresponsive;
        s.stepCount = 0;
        s.stepIndex = 0;
        break;
    }
    return s;
}

QList<FixtureSnapshot> mixedFixtures(int count)
{
    QList<FixtureSnapshot> rows;
    for (int fixture = 1; fixture <= count; ++fixture)
        rows.append(snapshotIn(AllStates.at((fixture - 1) % AllStates.size()), fixture));
    return rows;
}

bool contains(const QRectF &outer, const QRectF &inner)
{
    return inner.isEmpty() || outer.adjusted(-0.5, -0.5, 0.5, 0.5).contains(inner);
}

// The first and last pixel columns of `rect` that hold anything but its most common colour
// (the background): where text was painted. {-1, -1} when nothing was.
QPair<int, int> inkColumns(const QImage &image, const QRect &rect)
{
    QHash<QRgb, int> counts;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            ++counts[image.pixel(x, y)];
    }
    QRgb background = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            background = it.key();
        }
    }
    int first = -1;
    int last = -1;
    for (int x = rect.left(); x <= rect.right(); ++x) {
        for (int y = rect.top(); y <= rect.bottom(); ++y) {
            if (image.pixel(x, y) != background) {
                if (first < 0)
                    first = x;
                last = x;
                break;
            }
        }
    }
    return {first, last};
}

} // namespace

class tst_FixtureGrid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layout_data();
    void layout();
    void scrollsWhenTilesWouldBeTooSmall();
    void reflowsOnResize();
    void stateTexts_data();
    void stateTexts();
    void stepTexts();
    void serialOnSmallTiles_data();
    void serialOnSmallTiles();
    void startStopClicks();
    void stopPressDoesNotBecomeStart();
    void doubleClickOpensDevice();
    void selection();
};

void tst_FixtureGrid::layout_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<int>("count");
    QTest::addColumn<Density>("density");

    QTest::newRow("1280x800, 4") << QSize(1280, 800) << 4 << Density::Full;
    QTest::newRow("1280x800, 8") << QSize(1280, 800) << 8 << Density::Full;
    QTest::newRow("1280x800, 32") << QSize(1280, 800) << 32 << Density::Medium;
    QTest::newRow("1280x800, 64") << QSize(1280, 800) << 64 << Density::Compact;
    QTest::newRow("1920x1080, 4") << QSize(1920, 1080) << 4 << Density::Full;
    QTest::newRow("1920x1080, 8") << QSize(1920, 1080) << 8 << Density::Full;
    QTest::newRow("1920x1080, 32") << QSize(1920, 1080) << 32 << Density::Medium;
    QTest::newRow("1920x1080, 64") << QSize(1920, 1080) << 64 << Density::Medium;
    QTest::newRow("1920x1080, 1") << QSize(1920, 1080) << 1 << Density::Full;
    // The grid's room in the station window (tool bar, tabs, scan strip and status bar around).
    QTest::newRow("window 1920x1080, 8") << QSize(1920, 880) << 8 << Density::Full;
    QTest::newRow("window 1920x1080, 32") << QSize(1920, 880) << 32 << Density::Medium;
    QTest::newRow("window 1280x800, 4") << QSize(1280, 600) << 4 << Density::Full;
    QTest::newRow("window 1280x800, 32") << QSize(1280, 600) << 32 << Density::Compact;
}

void tst_FixtureGrid::layout()
{
    QFETCH(QSize, screen);
    QFETCH(int, count);
    QFETCH(Density, density);

    FixtureModel model;
    model.resetFixtures(mixedFixtures(count));
    FixtureGridWidget grid;
    grid.setModel(&model);
    grid.resize(screen);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));

    // Every tile is on screen without scrolling, inside the widget, large enough, and apart.
    QCOMPARE(grid.view()->verticalScrollBar()->maximum(), 0);
    QList<QRect> tiles;
    for (int fixture = 1; fixture <= count; ++fixture) {
        const QRect tile = grid.tileRect(fixture);
        QVERIFY2(grid.rect().contains(tile), qPrintable(u"fixture %1"_s.arg(fixture)));
        QVERIFY(tile.width() >= FixtureTileDelegate::MinTileSize.width());
        QVERIFY(tile.height() >= FixtureTileDelegate::MinTileSize.height());
        for (const QRect &other : std::as_const(tiles))
            QVERIFY2(!tile.intersects(other), qPrintable(u"fixture %1 overlaps"_s.arg(fixture)));
        tiles.append(tile);
    }
    QVERIFY(grid.columnCount() > 0);
    QVERIFY(grid.columnCount() * ((count + grid.columnCount() - 1) / grid.columnCount()) >= count);

    // The parts of a tile stay inside it and apart from each other.
    const QRect tile = grid.tileRect(1);
    const FixtureTileDelegate::Layout l = FixtureTileDelegate::layoutFor(tile);
    QCOMPARE(l.density, density);
    for (const QRectF &part :
        {l.header, l.banner, l.step, l.detail, l.serial, l.progress, l.footer, l.button})
        QVERIFY(contains(l.frame, part));
    QVERIFY(!l.button.intersects(l.banner));
    QVERIFY(!l.button.intersects(l.step));
    QVERIFY(!l.button.intersects(l.progress));
    QVERIFY(!l.button.intersects(l.serial));
    QVERIFY(!l.banner.intersects(l.step));
    QVERIFY(!l.serial.intersects(l.detail) && !l.serial.intersects(l.progress));

    // The step position of the longest recipe fits its slot at a readable size.
    const QString position = u"14/14"_s;
    const QFont stepFont = l.density == Density::Compact
        ? FixtureTileDelegate::fittedFont(position,
            l.textFontPx,
            l.step.width(),
            FixtureTileDelegate::MinStateFontPx,
            QFont::Unstretched,
            QFont::DemiBold)
        : Station::Theme::font(l.textFontPx, QFont::DemiBold);
    QVERIFY(stepFont.pixelSize() >= FixtureTileDelegate::MinStateFontPx);
    QVERIFY2(QFontMetricsF(stepFont).horizontalAdvance(position) <= l.step.width(),
        qPrintable(u"%1 px in %2"_s.arg(stepFont.pixelSize()).arg(l.step.width())));

    // A Full tile's footer holds the short device ID and a 16-character label whole.
    if (l.density == Density::Full) {
        const QFontMetricsF footer(FixtureTileDelegate::footerFont(l));
        QVERIFY(footer.horizontalAdvance(u"ID 352fe1f5\u2026b968"_s) <= l.footer.width());
        QVERIFY(footer.horizontalAdvance(u"SN SN-2026-000123-A"_s) <= l.footer.width());
        QVERIFY(FixtureTileDelegate::footerFont(l).pixelSize() >= 11);
    }

    // Every state's text fits its banner at a readable size (nothing clipped).
    for (TileState state : AllStates) {
        const QString text = FixtureModel::tileStateText(state);
        const auto fit = FixtureTileDelegate::fitState(
            text, l.stateFontPx, l.stateText.size(), FixtureTileDelegate::MinStateFontPx);
        QVERIFY(fit.font.pixelSize() >= FixtureTileDelegate::MinStateFontPx);
        const QFontMetricsF metrics(fit.font);
        for (const QString &line : fit.lines)
            QVERIFY2(metrics.horizontalAdvance(line) <= l.stateText.width(), qPrintable(text));
        QVERIFY(metrics.height() * fit.lines.size() <= l.stateText.height() + 1);
    }
    // Short verdicts are drawn large: at least 20 px even with 64 tiles on 1280x800.
    const auto pass = FixtureTileDelegate::fitState(FixtureModel::tileStateText(TileState::Pass),
        l.stateFontPx,
        l.stateText.size(),
        FixtureTileDelegate::MinStateFontPx);
    QVERIFY2(pass.font.pixelSize() >= 20, qPrintable(QString::number(pass.font.pixelSize())));
}

void tst_FixtureGrid::scrollsWhenTilesWouldBeTooSmall()
{
    const auto grid = FixtureTileView::gridFor(QSize(600, 400), 64);
    QVERIFY(grid.tile.width() >= FixtureTileDelegate::MinTileSize.width());
    QVERIFY(grid.tile.height() >= FixtureTileDelegate::MinTileSize.height());
    QVERIFY(grid.contentHeight > 400);
    QVERIFY(grid.columns * grid.tile.width() + (grid.columns + 1) * grid.spacing <= 600);

    const auto none = FixtureTileView::gridFor(QSize(600, 400), 0);
    QCOMPARE(none.columns, 0);
}

void tst_FixtureGrid::reflowsOnResize()
{
    FixtureModel model;
    model.resetFixtures(mixedFixtures(8));
    FixtureGridWidget grid;
    grid.setModel(&model);
    grid.resize(1280, 800);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    const QSize small = grid.tileRect(1).size();
    grid.resize(1920, 1080);
    QTRY_VERIFY(grid.tileRect(1).width() > small.width());
    QVERIFY(grid.tileRect(1).height() > small.height());

    // More fixtures: more columns, smaller tiles.
    const int columns = grid.columnCount();
    model.setFixtureCount(64);
    QVERIFY(grid.columnCount() > columns);
    QVERIFY(grid.tileRect(64).isValid());
    QVERIFY(grid.tileRect(1).width() < small.width());
}

void tst_FixtureGrid::stateTexts_data()
{
    QTest::addColumn<TileState>("state");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("button");

    QTest::newRow("empty") << TileState::Empty << u"EMPTY"_s << Action::None << QString();
    QTest::newRow("ready") << TileState::Ready << u"READY"_s << Action::Start << u"Start"_s;
    QTest::newRow("running") << TileState::Running << u"RUNNING"_s << Action::Stop << u"Stop"_s;
    QTest::newRow("pass") << TileState::Pass << u"PASS"_s << Action::Start << u"Start"_s;
    QTest::newRow("fail") << TileState::Fail << u"FAIL"_s << Action::Start << u"Start"_s;
    QTest::newRow("aborted") << TileState::Aborted << u"ABORTED"_s << Action::Start << u"Start"_s;
    QTest::newRow("interrupted") << TileState::Interrupted << u"INTERRUPTED"_s << Action::Start
                                 << u"Start"_s;
    QTest::newRow("unresponsive") << TileState::Unresponsive << u"NO RESPONSE"_s << Action::None
                                  << QString();
}

void tst_FixtureGrid::stateTexts()
{
    QFETCH(TileState, state);
    QFETCH(QString, text);
    QFETCH(Action, action);
    QFETCH(QString, button);

    FixtureModel model;
    model.resetFixtures({snapshotIn(state, 5)});
    const QModelIndex index = model.index(0);
    QCOMPARE(index.data(FixtureModel::TileStateRole).value<TileState>(), state);
    for (Density density : {Density::Compact, Density::Medium, Density::Full}) {
        const auto texts = FixtureTileDelegate::textsFor(index, density);
        QCOMPARE(texts.state, text);
        QCOMPARE(texts.badge, u"5"_s);
        QCOMPARE(texts.action, action);
        QCOMPARE(texts.button, button);
    }
    // The cause of a failure is on the tile.
    if (state == TileState::Fail) {
        const auto full = FixtureTileDelegate::textsFor(index, Density::Full);
        QVERIFY(full.detail.contains(u"keystore is older"_s));
        QCOMPARE(full.step, u"Step 3 of 13 · Check keystore"_s);
    }
}

void tst_FixtureGrid::stepTexts()
{
    FixtureModel model;
    model.resetFixtures({snapshotIn(TileState::Running, 1), snapshotIn(TileState::Pass, 2)});
    const QModelIndex running = model.index(0);
    QCOMPARE(FixtureTileDelegate::textsFor(running, Density::Compact).step, u"3/13"_s);
    QCOMPARE(FixtureTileDelegate::textsFor(running, Density::Medium).step,
        u"3/13 · Update OS (recover)"_s);
    QCOMPARE(FixtureTileDelegate::textsFor(running, Density::Full).step,
        u"Step 3 of 13 · Update OS (recover)"_s);
    const QModelIndex pass = model.index(1);
    QCOMPARE(FixtureTileDelegate::textsFor(pass, Density::Full).step, u"All 13 steps passed"_s);
    QCOMPARE(FixtureTileDelegate::textsFor(pass, Density::Full).detail, u"Remove the device"_s);
}

void tst_FixtureGrid::serialOnSmallTiles_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<TileState>("state");
    QTest::addColumn<bool>("ownLine");  // the layout has a line for the label
    QTest::addColumn<bool>("inDetail"); // else the label takes the device ID's line

    QTest::newRow("1920x1080, running") << QSize(1920, 1080) << TileState::Running << true << false;
    QTest::newRow("1920x1080, ready") << QSize(1920, 1080) << TileState::Ready << true << false;
    QTest::newRow("1920x1080, fail") << QSize(1920, 1080) << TileState::Fail << true << false;
    QTest::newRow("1280x800, running") << QSize(1280, 800) << TileState::Running << false << true;
    QTest::newRow("1280x800, ready") << QSize(1280, 800) << TileState::Ready << false << true;
    // No room, and the line under the step holds the cause: the cause stays.
    QTest::newRow("1280x800, fail") << QSize(1280, 800) << TileState::Fail << false << false;
}

// Operators match the label on the device to its tile: the 32-fixture grid's tiles show it.
void tst_FixtureGrid::serialOnSmallTiles()
{
    QFETCH(QSize, screen);
    QFETCH(TileState, state);
    QFETCH(bool, ownLine);
    QFETCH(bool, inDetail);

    constexpr int Fixture = 3;
    const QString label = u"SN-2026-000123-A"_s;
    QList<FixtureSnapshot> rows = mixedFixtures(32);
    rows[Fixture - 1] = snapshotIn(state, Fixture);
    FixtureModel model;
    model.resetFixtures(rows);
    FixtureGridWidget grid;
    grid.setModel(&model);
    grid.resize(screen);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));

    const QRect tile = grid.tileRect(Fixture);
    const FixtureTileDelegate::Layout l = FixtureTileDelegate::layoutFor(tile);
    QCOMPARE(l.density, Density::Medium);
    QCOMPARE(!l.serial.isEmpty(), ownLine);
    const QImage without = grid.grab(tile).toImage();

    FixtureSnapshot withLabel = rows.at(Fixture - 1);
    withLabel.serialNumber = label;
    model.updateFixture(withLabel);
    const QModelIndex index = model.index(Fixture - 1);
    const auto texts = FixtureTileDelegate::textsFor(index, l.density, ownLine);
    const QString expected = u"SN "_s + label;
    QCOMPARE(texts.serial, ownLine ? expected : QString());
    QCOMPARE(texts.detailIsSerial, inDetail);
    if (inDetail)
        QCOMPARE(texts.detail, expected);
    else if (state == TileState::Fail)
        QVERIFY(texts.detail.contains(u"keystore is older"_s));
    const QImage with = grid.grab(tile).toImage();

    // (a pixel in from above and below: the button's edge may share the boundary row)
    const QRect line = (ownLine ? l.serial : l.detail)
                           .toAlignedRect()
                           .adjusted(0, 1, 0, -1)
                           .translated(-tile.topLeft())
        & with.rect();
    if (!ownLine && !inDetail) {
        QCOMPARE(with, without);
        return;
    }
    // The label is painted whole (not elided) in its line, in the monospace face.
    const auto [first, last] = inkColumns(with, line);
    QVERIFY2(first >= 0, "nothing painted in the label's line");
    const qreal advance
        = QFontMetricsF(Station::Theme::monoFont(l.detailFontPx)).horizontalAdvance(expected);
    QVERIFY(advance <= line.width());
    const int inkWidth = last - first + 1;
    QVERIFY2(inkWidth >= advance - 6 && inkWidth <= advance + 2,
        qPrintable(u"ink %1 px, text %2 px"_s.arg(inkWidth).arg(advance)));
    if (ownLine) {
        // A line of its own: empty without a label, and nothing else on the tile changes.
        QCOMPARE(inkColumns(without, line).first, -1);
        for (int y = 0; y < with.height(); ++y) {
            for (int x = 0; x < with.width(); ++x) {
                if (!line.contains(x, y) && with.pixel(x, y) != without.pixel(x, y))
                    QFAIL(qPrintable(
                        u"pixel %1,%2 changed outside the label's line"_s.arg(x).arg(y)));
            }
        }
    } else {
        QVERIFY(with.copy(line) != without.copy(line));
    }
}

void tst_FixtureGrid::startStopClicks()
{
    FixtureModel model;
    model.resetFixtures({snapshotIn(TileState::Ready, 1),
        snapshotIn(TileState::Running, 2),
        snapshotIn(TileState::Empty, 3),
        snapshotIn(TileState::Fail, 4)});
    FixtureGridWidget grid;
    grid.setModel(&model);
    grid.resize(1280, 800);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QSignalSpy starts(&grid, &FixtureGridWidget::startRequested);
    QSignalSpy stops(&grid, &FixtureGridWidget::stopRequested);
    QWidget *viewport = grid.view()->viewport();
    const auto buttonCenter = [&](int fixture) {
        return grid.view()->buttonRect(model.indexOfFixture(fixture)).center();
    };

    QTest::mouseClick(viewport, Qt::LeftButton, {}, buttonCenter(1));
    QCOMPARE(starts.size(), 1);
    QCOMPARE(starts.takeFirst().at(0).toInt(), 1);

    QTest::mouseClick(viewport, Qt::LeftButton, {}, buttonCenter(2));
    QCOMPARE(stops.size(), 1);
    QCOMPARE(stops.takeFirst().at(0).toInt(), 2);

    QTest::mouseClick(viewport, Qt::LeftButton, {}, buttonCenter(4));
    QCOMPARE(starts.size(), 1);
    QCOMPARE(starts.takeFirst().at(0).toInt(), 4);

    // An empty fixture has no button; a click where it would be does nothing.
    QVERIFY(grid.buttonRect(3).isEmpty());
    const QRect emptyTile = grid.view()->visualRect(model.indexOfFixture(3));
    const QRectF wouldBe = FixtureTileDelegate::layoutFor(emptyTile).button;
    QTest::mouseClick(viewport, Qt::LeftButton, {}, wouldBe.center().toPoint());
    // A click on a tile outside its button starts nothing either.
    QTest::mouseClick(viewport,
        Qt::LeftButton,
        {},
        grid.view()->visualRect(model.indexOfFixture(1)).topLeft() + QPoint(20, 20));
    QCOMPARE(starts.size(), 0);
    QCOMPARE(stops.size(), 0);
}

void tst_FixtureGrid::stopPressDoesNotBecomeStart()
{
    FixtureModel model;
    model.resetFixtures({snapshotIn(TileState::Running, 1)});
    FixtureGridWidget grid;
    grid.setModel(&model);
    grid.resize(1280, 800);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QSignalSpy starts(&grid, &FixtureGridWidget::startRequested);
    QSignalSpy stops(&grid, &FixtureGridWidget::stopRequested);

    const QPoint center = grid.view()->buttonRect(model.index(0)).center();
    QTest::mousePress(grid.view()->viewport(), Qt::LeftButton, {}, center);
    // The run ends between press and release: the Stop button turns into Start.
    model.updateFixture(snapshotIn(TileState::Pass, 1));
    QTest::mouseRelease(grid.view()->viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(starts.size(), 0);
    QCOMPARE(stops.size(), 0);
}

void tst_FixtureGrid::doubleClickOpensDevice()
{
    FixtureModel model;
    model.resetFixtures(mixedFixtures(8));
    FixtureGridWidget grid;
    grid.setModel(&model);
    grid.resize(1280, 800);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QSignalSpy opens(&grid, &FixtureGridWidget::openDeviceRequested);
    QSignalSpy starts(&grid, &FixtureGridWidget::startRequested);

    const QRect tile = grid.view()->visualRect(model.indexOfFixture(6));
    QTest::mouseDClick(
        grid.view()->viewport(), Qt::LeftButton, {}, tile.topLeft() + QPoint(30, 30));
    QCOMPARE(opens.size(), 1);
    QCOMPARE(opens.takeFirst().at(0).toInt(), 6);

    // A double click on the Start button opens nothing and starts once, not twice.
    const QPoint button = grid.view()->buttonRect(model.indexOfFixture(2)).center();
    QTest::mouseDClick(grid.view()->viewport(), Qt::LeftButton, {}, button);
    QCOMPARE(opens.size(), 0);
    QVERIFY(starts.size() <= 1);
}

void tst_FixtureGrid::selection()
{
    FixtureModel model;
    model.resetFixtures(mixedFixtures(8));
    FixtureGridWidget grid;
    grid.setModel(&model);
    grid.resize(1280, 800);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QSignalSpy changed(&grid, &FixtureGridWidget::selectedFixtureChanged);
    QCOMPARE(grid.selectedFixture(), 0);

    const QRect tile = grid.view()->visualRect(model.indexOfFixture(3));
    QTest::mouseClick(grid.view()->viewport(), Qt::LeftButton, {}, tile.topLeft() + QPoint(30, 30));
    QCOMPARE(grid.selectedFixture(), 3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.takeFirst().at(0).toInt(), 3);

    grid.selectFixture(7);
    QCOMPARE(grid.selectedFixture(), 7);
    QCOMPARE(changed.takeFirst().at(0).toInt(), 7);

    // Keyboard: Right moves to the next fixture.
    grid.view()->setFocus();
    QTest::keyClick(grid.view(), Qt::Key_Right);
    QCOMPARE(grid.selectedFixture(), 8);
}

QTEST_MAIN(tst_FixtureGrid)
#include "tst_fixturegrid.moc"
