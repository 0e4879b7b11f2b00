#include "models/fixturemodel.h"
#include "services/recipe/recipeloader.h"
#include "simulatedline.h"
#include "tests/helpers/windowrecipe.h"
#include "ui/deviceviewwidget.h"
#include "ui/fixturegridwidget.h"
#include "ui/fixturetileview.h"
#include "ui/mainwindow.h"
#include "ui/permanentrecipedialog.h"
#include "ui/rangeselector.h"
#include "ui/recordspage.h"
#include "ui/settingsdialog.h"
#include "ui/translation.h"
#include "ui/yieldpage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTextDocument>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;
using namespace Station;
using TileState = FixtureModel::TileState;

namespace {

constexpr int RunTimeout = 60000;

QString describe(const QWidget *widget)
{
    QString path;
    for (const QObject *o = widget; o; o = o->parent()) {
        if (!o->objectName().isEmpty()) {
            path = o->objectName() + (path.isEmpty() ? QString() : u"/"_s + path);
            if (path.count(u'/') >= 2)
                break;
        }
    }
    return u"%1 [%2]"_s.arg(QString::fromLatin1(widget->metaObject()->className()), path);
}

// Every text that does not fit its widget: a label's line wider than the label, a wrapped
// label taller than it is, a button or combo box narrower than its text, a header shorter
// than its title, a tab narrower than its title.
QStringList misfits(const QWidget *root)
{
    QStringList found;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->width() <= 0)
            continue;
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            const QString text = label->text();
            if (text.isEmpty() || !label->pixmap().isNull())
                continue;
            const QRect room = label->contentsRect();
            if (label->wordWrap() || Qt::mightBeRichText(text)) {
                const int need = label->heightForWidth(label->width());
                if (need > label->height() + 1)
                    found << u"%1 \"%2\": needs %3 px high, has %4"_s
                                 .arg(describe(label), text.left(60))
                                 .arg(need)
                                 .arg(label->height());
                continue;
            }
            int widest = 0;
            for (const QString &line : text.split(u'\n'))
                widest = std::max(widest, label->fontMetrics().horizontalAdvance(line));
            if (widest > room.width() + 1)
                found << u"%1 \"%2\": %3 px wide, has %4"_s.arg(describe(label), text.left(60))
                             .arg(widest)
                             .arg(room.width());
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            if (button->text().isEmpty())
                continue;
            if (button->sizeHint().width() > button->width() + 1)
                found << u"%1 \"%2\": wants %3 px, has %4"_s.arg(describe(button), button->text())
                             .arg(button->sizeHint().width())
                             .arg(button->width());
        } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            const int text = combo->fontMetrics().horizontalAdvance(combo->currentText());
            // The arrow and the frame take about this much.
            const int chrome = combo->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 16;
            if (text + chrome > combo->width() + 1)
                found << u"%1 \"%2\": %3 px wide, has %4"_s
                             .arg(describe(combo), combo->currentText())
                             .arg(text + chrome)
                             .arg(combo->width());
        } else if (auto *header = qobject_cast<QHeaderView *>(widget)) {
            if (header->orientation() != Qt::Horizontal || !header->model())
                continue;
            const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin) * 2;
            const QFontMetrics metrics(header->font());
            for (int section = 0; section < header->count(); ++section) {
                if (header->isSectionHidden(section))
                    continue;
                const QString title
                    = header->model()->headerData(section, Qt::Horizontal).toString();
                const int need = metrics.horizontalAdvance(title) + margin;
                if (need > header->sectionSize(section) + 1)
                    found << u"%1 column \"%2\": %3 px wide, has %4"_s.arg(describe(header), title)
                                 .arg(need)
                                 .arg(header->sectionSize(section));
            }
        } else if (auto *bar = qobject_cast<QToolBar *>(widget)) {
            // A tool bar too narrow for its items hides the last ones behind a ">>" button.
            const auto *more = bar->findChild<QToolButton *>(u"qt_toolbar_ext_button"_s);
            if (more && more->isVisible())
                found << u"%1: items hidden behind its extension button"_s.arg(describe(bar));
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (!tabs->isTabVisible(i))
                    continue;
                const int need = tabs->fontMetrics().horizontalAdvance(tabs->tabText(i)) + 16;
                if (need > tabs->tabRect(i).width() + 1)
                    found << u"%1 tab \"%2\": %3 px wide, has %4"_s
                                 .arg(describe(tabs), tabs->tabText(i))
                                 .arg(need)
                                 .arg(tabs->tabRect(i).width());
            }
        }
    }
    return found;
}

} // namespace

// Every page and dialog of the station fits its text in German and Chinese at 1280x800: no
// label, button, combo box, column title or tab narrower than its text (QFontMetrics), on the
// real window over a simulated line that has run devices to PASS and FAIL.
class tst_TextFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fits_data();
    void fits();

private:
    QTemporaryDir m_settings;
};

void tst_TextFit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

void tst_TextFit::cleanupTestCase()
{
    removeTranslations();
}

void tst_TextFit::fits_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("fixtures");
    QTest::newRow("German, 4 fixtures") << u"de"_s << 4;
    QTest::newRow("Chinese, 4 fixtures") << u"zh_CN"_s << 4;
    QTest::newRow("German, 64 fixtures") << u"de"_s << 64;
    QTest::newRow("English, 4 fixtures") << u"en"_s << 4;
}

void tst_TextFit::fits()
{
    QFETCH(QString, language);
    QFETCH(int, fixtures);
    QVERIFY(installTranslations(language));

    SimulatedLine::Options options;
    options.fixtures = fixtures;
    SimulatedLine sim(options);
    QVERIFY(sim.open());
    MainWindow::Options windowOptions;
    windowOptions.backendText = u"Simulator"_s;
    windowOptions.recipeFolder = SimulatedLine::recipe({});
    windowOptions.configPath = sim.directory() + u"/station.ini"_s;
    MainWindow w(sim.station(), windowOptions);
    w.setCloseConfirmation([](int) { return true; });
    w.resize(1280, 800);
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTRY_VERIFY_WITH_TIMEOUT(
        w.fixtureModel()->indexOfFixture(2).data(FixtureModel::TileStateRole).value<TileState>()
            == TileState::Ready,
        RunTimeout);

    QVERIFY(sim.setFault(2, {u"insufficient-space"_s}));
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"quick.json"_s)));
    w.startFixture(1);
    w.startFixture(2);
    QTRY_VERIFY_WITH_TIMEOUT(!sim.station().isAnyRunning()
            && w.fixtureModel()
                    ->indexOfFixture(2)
                    .data(FixtureModel::TileStateRole)
                    .value<TileState>()
                == TileState::Fail,
        RunTimeout);

    // The widest tool bar: a recipe that makes devices permanent shows its badge.
    w.setPermanentConfirmation([](const Recipe &) { return true; });
    QVERIFY(openRecipeAndWait(w, SimulatedLine::recipe(u"full.json"_s)));

    QStringList problems;
    auto check = [&problems](const QString &where, const QWidget *root) {
        QCoreApplication::sendPostedEvents();
        for (const QString &problem : misfits(root))
            problems << where + u": "_s + problem;
    };
    check(u"Line"_s, &w);

    w.recordsPage()->rangeSelector()->setPreset(RangeSelector::Preset::All);
    w.showPage(MainWindow::Page::Records);
    QTRY_VERIFY(w.recordsPage()->isVisible());
    check(u"Records"_s, &w);

    w.yieldPage()->rangeSelector()->setPreset(RangeSelector::Preset::All);
    w.showPage(MainWindow::Page::Yield);
    QTRY_VERIFY(w.yieldPage()->isVisible());
    check(u"Yield"_s, &w);

    w.openDevice(2);
    QTRY_VERIFY(w.deviceView()->isVisible());
    check(u"Device view"_s, &w);

    w.settingsAction()->trigger();
    auto *settings = w.findChild<SettingsDialog *>();
    QVERIFY(settings);
    QTRY_VERIFY(settings->isVisible());
    auto *tabs = settings->findChild<QTabWidget *>(u"tabs"_s);
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        check(u"Settings, %1"_s.arg(tabs->tabText(i)), settings);
    }
    settings->reject();

    w.keyboardHelpAction()->trigger();
    auto *help = w.findChild<QDialog *>(u"keyboardHelp"_s);
    QVERIFY(help);
    QTRY_VERIFY(help->isVisible());
    check(u"Keys"_s, help);
    help->reject();

    const Result<Recipe> full = loadRecipe(SimulatedLine::recipe(u"full.json"_s));
    QVERIFY(full);
    PermanentRecipeDialog permanent(*full, &w);
    permanent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&permanent));
    check(u"Permanent recipe"_s, &permanent);
    permanent.reject();

    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

QTEST_MAIN(tst_TextFit)
#include "tst_textfit.moc"
