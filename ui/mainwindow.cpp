#include "ui/mainwindow.h"

#include "models/fixturemodel.h"
#include "models/startgatemodel.h"
#include "services/auth/credentials.h"
#include "services/azsphere/devicedata.h"
#include "services/base/boundedfile.h"
#include "services/plant/plantreader.h"
#include "services/plant/relay.h"
#include "services/recipe/recipeloader.h"
#include "services/recipe/recipeloadtask.h"
#include "services/records/recordquery.h"
#include "services/station/accountservice.h"
#include "services/station/station.h"
#include "ui/analyticspage.h"
#include "ui/deviceviewwidget.h"
#include "ui/elidedlabel.h"
#include "ui/fixturegridwidget.h"
#include "ui/fixturetileview.h"
#include "ui/keyboardhelp.h"
#include "ui/permanentrecipedialog.h"
#include "ui/recipebadge.h"
#include "ui/recipeloadbar.h"
#include "ui/recorderrorbanner.h"
#include "ui/recordspage.h"
#include "ui/serialscanfilter.h"
#include "ui/settingsdialog.h"
#include "ui/signindialog.h"
#include "ui/stationstatusbar.h"
#include "ui/theme.h"
#include "ui/translation.h"
#include "ui/yieldpage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTimeZone>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Station {

namespace {

using Severity = MessageArea::Severity;

// The shift label follows the clock; a minute late at a shift change is harmless.
constexpr auto ShiftRefreshInterval = 30s;

const QString LastRecipeKey = u"recipe/last"_s;

// A MAC address as printed on a label: 12 hex digits, optionally in pairs separated by ':' or
// '-'. Serial numbers of this product never look like that.
bool looksLikeMac(const QString &text)
{
    static const QRegularExpression mac(u"^[0-9A-Fa-f]{2}([:-]?[0-9A-Fa-f]{2}){5}$"_s);
    return mac.match(text).hasMatch();
}

// Milliseconds to wait for the next digit of a fixture number (10 and above) before starting the
// fixture typed so far: long enough for a person to type the second digit.
constexpr auto FixtureNumberWait = 1200ms;

// How many fixture titles a message or the attention line names before it says "and N more".
constexpr int NamedFixtures = 8;

// How long a message mirrored to the status bar stays (the strip keeps it longer).
constexpr auto StatusMessageTime = 15s;

QIcon shapeIcon(void (*paint)(QPainter *, const QRectF &, const QColor &), const QColor &color)
{
    constexpr int Size = 32;
    QPixmap pixmap(Size, Size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(&painter, QRectF(2, 2, Size - 4, Size - 4), color);
    painter.end();
    return QIcon(pixmap);
}

// A tool bar item in two rows: a small muted caption over the value, so the bar fits a
// 1280-pixel screen.
QWidget *captioned(const QString &caption, QWidget *value, QWidget *parent)
{
    auto *box = new QWidget(parent);
    // Only as wide as it needs: the tool bar gives spare room to the spacer before Settings.
    box->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    auto *label = new QLabel(caption, box);
    QPalette muted = label->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedTextColor());
    label->setPalette(muted);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(8, 2, 8, 2);
    layout->setSpacing(1);
    layout->addWidget(label);
    layout->addWidget(value);
    return box;
}

// A page in a scroll area: a page wider than a 1280-pixel screen then scrolls instead of
// pushing the whole window off the screen.
QScrollArea *scrollable(QWidget *page, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(page);
    return area;
}

// Every key=value of an ini file ("section/key"), for the audit of a settings change.
QMap<QString, QString> iniValues(const QString &path)
{
    QMap<QString, QString> values;
    if (!QFileInfo(path).isFile())
        return values;
    const QSettings ini(path, QSettings::IniFormat);
    for (const QString &key : ini.allKeys()) {
        const QVariant value = ini.value(key);
        values.insert(key,
            value.typeId() == QMetaType::QStringList ? value.toStringList().join(u", "_s)
                                                     : value.toString());
    }
    return values;
}

QString shiftName(const QString &id)
{
    if (id == "early"_L1)
        return MainWindow::tr("Early");
    if (id == "late"_L1)
        return MainWindow::tr("Late");
    if (id == "night"_L1)
        return MainWindow::tr("Night");
    return id;
}

} // namespace

MainWindow::MainWindow(StationController &station, const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_station(station)
    , m_options(options)
    , m_confirmPermanent(
          [this](const Recipe &recipe) { return PermanentRecipeDialog::confirm(this, recipe); })
    , m_confirmClose([this](int running) {
        const auto answer = QMessageBox::warning(this,
            tr("Runs are active"),
            tr("%n fixture(s) are still running. Closing stops them; their devices will need "
               "to be run again.\n\nStop every run and close?",
                nullptr,
                running),
            QMessageBox::Yes | QMessageBox::Cancel,
            QMessageBox::Cancel);
        return answer == QMessageBox::Yes;
    })
    , m_confirmAgain([this](const QString &why) {
        const auto answer = QMessageBox::question(this,
            tr("Run this device again?"),
            tr("%1\n\nRun it through the recipe again?").arg(why),
            QMessageBox::Yes | QMessageBox::No,
            QMessageBox::No);
        return answer == QMessageBox::Yes;
    })
    , m_model(new FixtureModel(this))
    , m_gate(new StartGateModel(this))
{
    setObjectName(u"mainWindow"_s);
    m_model->resetFixtures(m_station.snapshots());
    m_gate->setSourceModel(m_model);
    connect(&m_station, &StationController::fixtureChanged, m_model, &FixtureModel::updateFixture);

    m_accounts = std::make_unique<AccountService>(m_station.recordPath(), m_station.stationName());
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(std::chrono::minutes(std::max(0, m_options.idleMinutes)));
    connect(&m_idleTimer, &QTimer::timeout, this, &MainWindow::onIdle);
    m_badgeWatcher = new QFutureWatcher<Result<QList<UserRow>>>(this);
    connect(m_badgeWatcher, &QFutureWatcher<Result<QList<UserRow>>>::finished, this, [this] {
        const Result<QList<UserRow>> rows = m_badgeWatcher->result();
        if (rows) {
            QSet<QString> keys;
            for (const UserRow &row : *rows) {
                if (!row.badgeKey.isEmpty())
                    keys.insert(row.badgeKey);
            }
            m_badgeKeys = keys;
        }
        if (std::exchange(m_badgeRefreshAgain, false))
            refreshBadges();
    });
    m_badgeRefresh.setInterval(std::chrono::minutes(1));
    connect(&m_badgeRefresh, &QTimer::timeout, this, &MainWindow::refreshBadges);
    m_badgeRefresh.start();
    refreshBadges();
    createActions();
    createToolBar();

    m_banner = new RecordErrorBanner(this);
    m_pages = new QTabWidget(this);
    m_pages->setDocumentMode(true);
    m_pages->tabBar()->setFocusPolicy(Qt::NoFocus);
    m_linePage = createLinePage();
    //: Page with the fixture tiles
    m_pages->addTab(m_linePage, tr("Line"));
    createRecordsPage();
    createDevicePage();
    setUpPlant();
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::onPageChanged);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_statusBar = new StationStatusBar(this);
    m_statusBar->setBackend(m_options.backendText);
    m_statusBar->setRecordPath(m_station.recordPath());
    setStatusBar(m_statusBar);
    m_recipeLoadBar = new RecipeLoadBar(m_statusBar);
    m_statusBar->addTask(m_recipeLoadBar);
    m_recipeLoad = new RecipeLoadTask(this);
    connect(m_recipeLoad,
        &RecipeLoadTask::progressChanged,
        m_recipeLoadBar,
        &RecipeLoadBar::setProgress);
    connect(m_recipeLoad, &RecipeLoadTask::finished, this, &MainWindow::onRecipeLoaded);
    connect(m_recipeLoadBar, &RecipeLoadBar::cancelRequested, this, &MainWindow::cancelRecipeLoad);

    m_scanFilter = new SerialScanFilter(this);
    m_scanFilter->setActivePredicate([this] { return isScanCaptureActive(); });
    m_scanFilter->setDigitPredicate([this](const QWidget *) { return digitsStartFixtures(); });
    connect(m_scanFilter, &SerialScanFilter::scanned, this, &MainWindow::onScanned);
    connect(m_scanFilter, &SerialScanFilter::incompleteScan, this, &MainWindow::onIncompleteScan);
    connect(m_scanFilter, &SerialScanFilter::digitPressed, this, &MainWindow::onDigit);
    qApp->installEventFilter(m_scanFilter);
    qApp->installEventFilter(this); // activity, for the automatic sign-out

    connect(&m_station, &StationController::recipeChanged, this, &MainWindow::updateRecipe);
    connect(&m_station, &StationController::recordError, this, &MainWindow::onRecordError);
    connect(&m_station, &StationController::recordRecovered, this, &MainWindow::onRecordRecovered);
    connect(&m_station, &StationController::runFinished, this, [this](int fixture) {
        onRunFinished(fixture);
    });
    connect(&m_station, &StationController::allFinished, this, &MainWindow::onAllFinished);
    connect(&m_station, &StationController::deviceSwapped, this, &MainWindow::onDeviceSwapped);
    connect(&m_station,
        &StationController::labelReleased,
        this,
        [this](int fixture, const QString &label) {
            post(Severity::Warning,
                tr("%1: the label %2 was released because its device left the fixture. Scan the "
                   "label of the device now in it.")
                    .arg(fixtureTitle(fixture), label));
        });
    connect(&m_station, &StationController::fixtureChanged, this, &MainWindow::updateScanTarget);
    connect(&m_station, &StationController::fixtureChanged, this, &MainWindow::onFixtureChanged);
    for (const FixtureSnapshot &s : m_station.snapshots())
        m_tileStates.insert(s.fixture, int(FixtureModel::tileStateOf(s)));

    m_numberTimer.setSingleShot(true);
    m_numberTimer.setInterval(FixtureNumberWait);
    connect(&m_numberTimer, &QTimer::timeout, this, &MainWindow::startTypedFixture);

    m_shiftTimer.setInterval(ShiftRefreshInterval);
    connect(&m_shiftTimer, &QTimer::timeout, this, &MainWindow::updateShift);
    m_shiftTimer.start();

    if (!m_station.isRecordWritable())
        onRecordError(Text::raw(tr("an earlier write failed")));
    checkFont();
    updateWindowTitle();
    updateRecipe();
    updateShift();
    updateScanTarget();
    updateAttention();
    resize(1280, 800);
    // The tiles take the keys first: digits start fixtures and the scanner is heard.
    m_grid->view()->setFocus();
}

MainWindow::~MainWindow()
{
    if (qApp) {
        qApp->removeEventFilter(m_scanFilter);
        qApp->removeEventFilter(this);
    }
    // The pages hold a pointer to the query, which goes first.
    if (m_deviceView)
        m_deviceView->setRecordQuery(nullptr);
    if (m_recordsPage)
        m_recordsPage->setRecord(nullptr, m_station.recordPath());
    if (m_yieldPage)
        m_yieldPage->setRecordQuery(nullptr);
}

void MainWindow::setPermanentConfirmation(PermanentConfirmation confirm)
{
    m_confirmPermanent = std::move(confirm);
}

void MainWindow::setCloseConfirmation(CloseConfirmation confirm)
{
    m_confirmClose = std::move(confirm);
}

QAction *MainWindow::addKeyAction(const QString &text,
    const QString &toolTip,
    const QKeySequence &key,
    std::function<void()> slot)
{
    auto *action = new QAction(text, this);
    action->setShortcut(key);
    // Window-wide: the keys work wherever the focus is in the window (the line's keys on every
    // page, as the operator expects of a station).
    action->setShortcutContext(Qt::WindowShortcut);
    action->setToolTip(Keys::withKey(toolTip, key));
    action->setData(toolTip); // for the keyboard help
    connect(action, &QAction::triggered, this, std::move(slot));
    addAction(action);
    return action;
}

void MainWindow::createActions()
{
    m_openRecipe = addKeyAction(
        tr("Open recipe…"), tr("Load a recipe file"), QKeySequence(Qt::CTRL | Qt::Key_O), [this] {
            chooseRecipe();
        });

    const Theme::StateStyle running = Theme::stateStyle(FixtureModel::TileState::Running);
    m_startAll = addKeyAction(tr("Start all"),
        tr("Start every fixture that holds an idle device"),
        QKeySequence(Qt::Key_F5),
        [this] { startAll(); });
    m_startAll->setIcon(shapeIcon(&Theme::paintStartShape, running.accent));

    m_stopAll = addKeyAction(tr("Stop all"),
        tr("Stop every running fixture"),
        QKeySequence(Qt::SHIFT | Qt::Key_F5),
        [this] { stopAll(); });
    m_stopAll->setIcon(shapeIcon(
        &Theme::paintStopShape, Theme::stateStyle(FixtureModel::TileState::Aborted).accent));

    m_startSelected = addKeyAction(
        tr("Start selected"), tr("Start the selected fixture"), QKeySequence(Qt::Key_F6), [this] {
            startSelected();
        });
    m_stopSelected = addKeyAction(tr("Stop selected"),
        tr("Stop the selected fixture"),
        QKeySequence(Qt::SHIFT | Qt::Key_F6),
        [this] { stopSelected(); });

    m_nextTrouble = addKeyAction(tr("Next failure"),
        tr("Select the next fixture that failed or does not answer"),
        QKeySequence(Qt::Key_F8),
        [this] { jumpToTrouble(true); });
    m_previousTrouble = addKeyAction(tr("Previous failure"),
        tr("Select the previous fixture that failed or does not answer"),
        QKeySequence(Qt::SHIFT | Qt::Key_F8),
        [this] { jumpToTrouble(false); });

    m_settings = addKeyAction(tr("Settings…"),
        tr("Station configuration: back end, tools, fixtures, language"),
        QKeySequence(Qt::CTRL | Qt::Key_Comma),
        [this] { openSettings(); });

    m_signIn = addKeyAction(tr("Sign in…"),
        tr("Sign in, or switch to another user (badge and PIN, or name and password)"),
        QKeySequence(Qt::Key_F2),
        [this] { openSignIn(); });
    m_signOut = addKeyAction(tr("Sign out"),
        tr("Sign out; runs that are going on continue"),
        QKeySequence(Qt::SHIFT | Qt::Key_F2),
        [this] { signOut(u"user"_s); });
    m_users = addKeyAction(tr("Users…"),
        tr("Add users, change their role, badge or password, unlock them (admins)"),
        QKeySequence(Qt::CTRL | Qt::Key_U),
        [this] { openUsers(); });

    m_keyboardHelp = addKeyAction(
        tr("Keys…"), tr("Every key of the station"), QKeySequence(Qt::Key_F1), [this] {
            showKeyboardHelp();
        });
    // In the tool bar a question mark: the bar must fit a 1280-pixel screen in German too.
    m_keyboardHelp->setIconText(tr("?"));

    // The pages, from anywhere in the window.
    struct PageKey
    {
        QString text;
        QString tip;
        Page page;
        Qt::Key key;
    };
    const QList<PageKey> pages
        = {{tr("Line page"), tr("Show the fixture tiles"), Page::Line, Qt::Key_1},
            {tr("Records page"), tr("Show the recorded runs"), Page::Records, Qt::Key_2},
            {tr("Yield page"), tr("Show the yield and the failure Pareto"), Page::Yield, Qt::Key_3},
            {tr("Device view"), tr("Show the device opened last"), Page::Device, Qt::Key_4},
            {tr("Analytics page"),
                tr("Show the measurements' capability, yield by group and retests"),
                Page::Analytics,
                Qt::Key_5}};
    for (const PageKey &page : pages) {
        const Page shown = page.page;
        m_pageActions << addKeyAction(
            page.text, page.tip, QKeySequence(Qt::CTRL | page.key), [this, shown] {
                showPage(shown);
            });
    }
    // Escape leaves the device view for the tiles wherever the focus is; it is enabled only
    // while the device view shows, so Escape keeps its usual meaning everywhere else.
    m_backToLine = addKeyAction(tr("Back to the line"),
        tr("Leave the device view for the tiles"),
        QKeySequence(Qt::Key_Escape),
        [this] { showPage(Page::Line); });
    m_backToLine->setEnabled(false);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Station"));
    bar->setObjectName(u"stationToolBar"_s);
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(24, 24));

    m_recipeBadge = new RecipeBadge(bar);
    bar->addWidget(m_recipeBadge);
    bar->addAction(m_openRecipe);
    bar->addSeparator();
    bar->addAction(m_startAll);
    bar->addAction(m_stopAll);
    bar->addSeparator();

    // Who is signed in (docs/roles.md): the button's menu signs in, switches and signs out.
    m_userButton = new QToolButton(bar);
    m_userButton->setObjectName(u"userButton"_s);
    m_userButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_userButton->setPopupMode(QToolButton::InstantPopup);
    m_userButton->setMinimumWidth(160);
    m_userButton->setMaximumWidth(260);
    auto *userMenu = new QMenu(m_userButton);
    userMenu->addAction(m_signIn);
    userMenu->addAction(m_signOut);
    userMenu->addSeparator();
    userMenu->addAction(m_users);
    m_userButton->setMenu(userMenu);
    bar->addWidget(captioned(tr("Signed in"), m_userButton, bar));
    updateUser();

    m_shift = new QLabel(bar);
    m_shift->setObjectName(u"shift"_s);
    QFont bold = m_shift->font();
    bold.setBold(true);
    m_shift->setFont(bold);
    bar->addWidget(captioned(tr("Shift"), m_shift, bar));

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_settings);
    bar->addAction(m_keyboardHelp);
}

QWidget *MainWindow::createLinePage()
{
    auto *page = new QWidget(this);
    m_grid = new FixtureGridWidget(page);
    m_grid->setModel(m_gate);
    connect(m_grid, &FixtureGridWidget::startRequested, this, &MainWindow::startFixture);
    connect(m_grid, &FixtureGridWidget::stopRequested, this, &MainWindow::stopFixture);
    connect(m_grid, &FixtureGridWidget::openDeviceRequested, this, &MainWindow::openDevice);
    connect(
        m_grid, &FixtureGridWidget::selectedFixtureChanged, this, &MainWindow::updateScanTarget);

    auto *scanCaption = new QLabel(tr("Label scan:"), page);
    m_scanField = new QLineEdit(page);
    m_scanField->setObjectName(u"scanField"_s);
    m_scanField->setPlaceholderText(tr("Scan a device label"));
    m_scanField->setToolTip(
        tr("The scanner works wherever the focus is, on every page. You can also type a label "
           "here and press Enter."));
    m_scanField->setMinimumWidth(240);
    m_scanField->setMaximumWidth(360);
    connect(m_scanField, &QLineEdit::returnPressed, this, &MainWindow::onScanFieldReturn);
    m_scanTarget = new QLabel(page);
    m_scanTarget->setObjectName(u"scanTarget"_s);
    m_scanTarget->setTextFormat(Qt::PlainText);
    QPalette muted = m_scanTarget->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedTextColor());
    m_scanTarget->setPalette(muted);

    auto *scan = new QVBoxLayout;
    scan->setSpacing(2);
    auto *scanRow = new QHBoxLayout;
    scanRow->addWidget(scanCaption);
    scanRow->addWidget(m_scanField, 1);
    scan->addLayout(scanRow);
    scan->addWidget(m_scanTarget);

    // Failed and silent fixtures by name, so none is out of sight when the grid scrolls.
    m_attention = new ElidedLabel(page);
    m_attention->setObjectName(u"attention"_s);
    QPalette alarm = m_attention->palette();
    alarm.setColor(QPalette::WindowText, Theme::stateStyle(FixtureModel::TileState::Fail).accent);
    m_attention->setPalette(alarm);
    QFont bold = m_attention->font();
    bold.setBold(true);
    m_attention->setFont(bold);
    m_attentionButton = new QPushButton(m_nextTrouble->text(), page);
    m_attentionButton->setObjectName(u"nextFailure"_s);
    m_attentionButton->setFocusPolicy(Qt::NoFocus);
    m_attentionButton->setToolTip(m_nextTrouble->toolTip());
    connect(m_attentionButton, &QPushButton::clicked, m_nextTrouble, &QAction::trigger);
    auto *attentionRow = new QHBoxLayout;
    attentionRow->setSpacing(8);
    attentionRow->addWidget(m_attention, 1);
    attentionRow->addWidget(m_attentionButton);
    scan->addLayout(attentionRow);
    scan->addStretch();

    m_messages = new MessageArea(page);
    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(10, 4, 10, 6);
    bottom->setSpacing(12);
    bottom->addLayout(scan);
    bottom->addWidget(m_messages, 1);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_grid, 1);
    layout->addLayout(bottom);
    return page;
}

void MainWindow::updateWindowTitle()
{
    const QString station = m_station.stationName();
    setWindowTitle(
        station.isEmpty() ? tr("Sphere Station") : tr("Sphere Station — %1").arg(station));
}

void MainWindow::setRelay(Plant::Relay *relay)
{
    m_relay = relay;
    if (!relay)
        return;
    m_statusBar->setDelivery(relay->status());
    connect(relay, &Plant::Relay::statusChanged, m_statusBar, &StationStatusBar::setDelivery);
    // The plant's accounts arriving while the first-admin form waits: sign in with one of them.
    connect(relay, &Plant::Relay::statusChanged, this, [this](const Plant::DeliveryStatus &status) {
        if (!status.usersCached.isValid() || !m_signInDialog
            || m_signInDialog->mode() != SignInDialog::Mode::FirstAdmin
            || m_signInDialog->isChecking())
            return;
        const Result<bool> first = m_accounts->needsFirstAdmin().result();
        if (!first || *first)
            return;
        m_signInDialog->reject();
        m_signInDialog = nullptr;
        post(Severity::Info, tr("The plant database's accounts have arrived: sign in with yours."));
        openSignIn();
    });
    connect(m_statusBar, &StationStatusBar::deliveryClicked, this, [this] {
        auto letters = Plant::readDeadLetters(m_station.recordPath());
        QMessageBox box(this);
        box.setWindowTitle(tr("Delivery to the plant"));
        QStringList lines;
        lines.append(StationStatusBar::deliveryText(m_relay->status()));
        if (!m_relay->status().message.isEmpty())
            lines.append(m_relay->status().message);
        if (!letters) {
            lines.append(letters.error().message);
        } else if (letters->isEmpty()) {
            lines.append(tr("The plant has refused no rows."));
        } else {
            lines.append(tr("The plant refused %n row(s); they are kept here until retried:",
                nullptr,
                int(letters->size())));
        }
        box.setText(lines.join(u"\n\n"_s));
        QPushButton *retry = nullptr;
        if (letters && !letters->isEmpty()) {
            QStringList detail;
            for (const Plant::DeadLetter &letter : *letters)
                detail.append(u"%1 %2 (%3): [%4] %5"_s.arg(letter.kind,
                    QString::number(letter.itemId),
                    letter.summary,
                    letter.sqlState,
                    letter.error));
            box.setDetailedText(detail.join(u'\n'));
            retry = box.addButton(tr("Retry all"), QMessageBox::AcceptRole);
        }
        box.addButton(QMessageBox::Close);
        box.exec();
        if (retry && box.clickedButton() == retry)
            m_relay->retryDeadLetters();
    });
}

bool MainWindow::openRecipe(const QString &path, LoadBy by)
{
    const QString name = QFileInfo(path).fileName();
    if ((by == LoadBy::User && !permitted(Auth::Permission::LoadRecipe))
        || refuseWhileLoading(name))
        return false;
    m_recipeLoadBy = by;
    if (m_station.isAnyRunning()) {
        post(Severity::Error,
            tr("Recipe %1 not loaded: wait until every running fixture has finished, or stop "
               "them, before changing the recipe.")
                .arg(name));
        return false;
    }
    if (!m_recipeLoad->start(path))
        return false;
    m_recipeLoadBar->begin(path);
    return true;
}

// One load at a time: a second is refused with the reason (the action stays enabled, so Open
// recipe… says why).
bool MainWindow::refuseWhileLoading(const QString &name)
{
    if (!m_recipeLoad->isRunning())
        return false;
    post(Severity::Error,
        tr("Recipe %1 not loaded: the recipe %2 is still loading; wait for it or cancel it "
           "first.")
            .arg(name, QFileInfo(m_recipeLoad->path()).fileName()));
    return true;
}

bool MainWindow::isLoadingRecipe() const
{
    return m_recipeLoad->isRunning();
}

void MainWindow::cancelRecipeLoad()
{
    if (!m_recipeLoad->isRunning())
        return;
    m_recipeLoad->cancel(CancelReason::Operator);
    m_recipeLoadBar->cancelButton()->setEnabled(false);
}

void MainWindow::onRecipeLoaded()
{
    m_recipeLoadBar->end();
    std::optional<Result<Recipe>> loaded = m_recipeLoad->takeResult();
    if (!loaded || m_shutDown)
        return;
    const QString name = QFileInfo(m_recipeLoad->path()).fileName();
    bool applied = false;
    if (!*loaded && loaded->error().code == ErrorCode::Cancelled) {
        post(Severity::Warning, tr("Recipe %1 not loaded: the load was cancelled.").arg(name));
    } else if (!*loaded) {
        post(Severity::Error,
            tr("Recipe %1 not loaded: %2").arg(name, loaded->error().message.translated()));
    } else {
        applied = applyRecipe(**loaded, name);
    }
    Q_EMIT recipeLoadFinished(applied);
}

// The checks of the window on a loaded recipe, then the station takes it.
bool MainWindow::applyRecipe(const Recipe &loaded, const QString &name)
{
    // A fixture may have started while the recipe loaded: the rule of openRecipe holds when the
    // recipe is set, not only when its load starts.
    const auto startedMeanwhile = [this, &name] {
        if (!m_station.isAnyRunning())
            return false;
        post(Severity::Error,
            tr("Recipe %1 not loaded: a fixture started while it was loading. Wait until every "
               "running fixture has finished, or stop them, and open it again.")
                .arg(name));
        return true;
    };
    if (startedMeanwhile())
        return false;
    const ToolSetup &tools = m_station.tools();
    if (loaded.needsRfTools() && (tools.rfSettingsTool.isEmpty() || tools.rfToolCli.isEmpty())) {
        post(Severity::Error,
            tr("Recipe %1 not loaded: it has RF steps, but RfSettingsTool or RfToolCli is not "
               "configured or not found.")
                .arg(name));
        return false;
    }
    // A recipe that makes devices permanent loads only when its file is approved (docs/roles.md):
    // the one who may approve it approves it now, with a reason; anyone else is refused.
    if (loaded.isPermanent() && m_station.requiresSignIn()) {
        const Result<std::optional<RecipeApproval>> approval
            = m_accounts->approval(loaded.sha256).result();
        if (!approval) {
            post(Severity::Error,
                tr("Recipe %1 not loaded: %2").arg(name, approval.error().message.translated()));
            return false;
        }
        if (!*approval) {
            if (!m_station.user() && m_recipeLoadBy == LoadBy::Station) {
                // The station's own choice at start (the last recipe, or the demo's): nobody
                // did anything wrong, so say what to do rather than raise an alarm.
                post(Severity::Info,
                    tr("Recipe %1 %2 makes devices permanent and this file (SHA-256 %3…) is not "
                       "approved yet, so no recipe is loaded. An engineer or admin approves it by "
                       "opening it (Open recipe…) after signing in.")
                        .arg(loaded.name, loaded.version, loaded.sha256.left(12)));
                return false;
            }
            if (!m_station.user() || !m_station.user()->may(Auth::Permission::ApproveRecipe)) {
                post(Severity::Error,
                    tr("Recipe %1 %2 not loaded: it makes devices permanent and this file "
                       "(SHA-256 %3…) is not approved. %4")
                        .arg(loaded.name,
                            loaded.version,
                            loaded.sha256.left(12),
                            Auth::refusal(Auth::Permission::ApproveRecipe,
                                m_station.user() ? std::optional(m_station.user()->role)
                                                 : std::nullopt)
                                .translated()));
                return false;
            }
            QString reason;
            if (!PermanentRecipeDialog::approve(
                    this, loaded, m_station.user()->shownName(), &reason)) {
                post(Severity::Warning,
                    tr("Recipe %1 %2 not loaded: its approval was declined.")
                        .arg(loaded.name, loaded.version));
                return false;
            }
            const Result<void> approved
                = m_accounts
                      ->approveRecipe(
                          *m_station.user(), loaded.sha256, loaded.name, loaded.version, reason)
                      .result();
            if (!approved) {
                post(Severity::Error,
                    tr("Recipe %1 not loaded: %2")
                        .arg(name, approved.error().message.translated()));
                return false;
            }
            post(Severity::Info,
                tr("Recipe %1 %2 approved by %3 (SHA-256 %4…).")
                    .arg(loaded.name,
                        loaded.version,
                        m_station.user()->shownName(),
                        loaded.sha256.left(12)));
        } else if (!m_confirmPermanent(loaded)) {
            post(Severity::Warning,
                tr("Recipe %1 %2 not loaded: it sets devices to %3 and was declined.")
                    .arg(loaded.name, loaded.version, loaded.finalState()));
            return false;
        }
    } else if (loaded.isPermanent() && !m_confirmPermanent(loaded)) {
        // Once per load, never per device: the operator has agreed to what the recipe does.
        post(Severity::Warning,
            tr("Recipe %1 %2 not loaded: it sets devices to %3 and was declined.")
                .arg(loaded.name, loaded.version, loaded.finalState()));
        return false;
    }
    // The confirmation waited for the operator while the line went on.
    if (m_shutDown || startedMeanwhile())
        return false;
    m_station.setRecipe(loaded);
    QSettings().setValue(LastRecipeKey, loaded.path);
    post(Severity::Info, tr("Recipe loaded: %1 %2").arg(loaded.name, loaded.version));
    return true;
}

void MainWindow::chooseRecipe()
{
    if (!permitted(Auth::Permission::LoadRecipe))
        return;
    // Before the file dialog: nobody picks a file only to hear that it cannot load now.
    if (m_recipeLoad->isRunning()) {
        post(Severity::Error,
            tr("No other recipe can be opened while the recipe %1 is loading; wait for it or "
               "cancel it first.")
                .arg(QFileInfo(m_recipeLoad->path()).fileName()));
        return;
    }
    QString folder = m_options.recipeFolder;
    if (m_station.hasRecipe())
        folder = QFileInfo(m_station.recipe().path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open recipe"), folder, tr("Recipes (*.json);;All files (*)"));
    if (!path.isEmpty())
        openRecipe(path);
}

void MainWindow::openSettings()
{
    if (!permitted(Auth::Permission::ChangeSettings))
        return;
    // Window-modal but not blocking: the line keeps running and its tiles keep updating.
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const ToolSetup &tools = m_station.tools();
    if (tools.simulated)
        dialog->setToolSearchPaths({QFileInfo(tools.azsphere).absolutePath()});
    dialog->setToolEnvironment(tools.environment);
    const QString configPath
        = m_options.configPath.isEmpty() ? StationConfig::defaultPath() : m_options.configPath;
    dialog->load(configPath, m_options.configDefaultsPath);
    // What the file said before, for the audit trail's old and new values (the system default's
    // while the user has no file: saving turns those into the user's).
    const QString shownPath
        = QFileInfo::exists(configPath) || m_options.configDefaultsPath.isEmpty()
        ? configPath
        : m_options.configDefaultsPath;
    auto before = std::make_shared<QMap<QString, QString>>(iniValues(shownPath));
    connect(
        dialog, &SettingsDialog::saved, this, [this, dialog, before](const StationConfig &config) {
            auditSettings(*before, dialog->path());
            *before = iniValues(dialog->path());
            // The sign-in settings apply at once (a shorter idle time counts from now).
            m_options.idleMinutes = config.idleMinutes;
            m_options.badgePattern = config.badgePattern;
            setIdleTimeout(std::chrono::minutes(std::max(0, config.idleMinutes)));
            // The station's name shows at once; tools, fixtures and files are set up at start-up.
            if (!config.stationName.isEmpty() && config.stationName != m_station.stationName()) {
                m_station.setStationName(config.stationName);
                updateWindowTitle();
            }
            post(Severity::Info,
                tr("Settings saved to %1. Sign-in settings apply now; back end, tools, fixtures "
                   "and files take effect when the station starts next.")
                    .arg(QDir::toNativeSeparators(dialog->path())));
        });
    dialog->open();
}

void MainWindow::updateRecipe()
{
    if (m_station.hasRecipe())
        m_recipeBadge->setRecipe(m_station.recipe());
    else
        m_recipeBadge->clearRecipe();
    updateStartGate();
}

void MainWindow::updateStartGate()
{
    // The station-wide start rules are the controller's (each tile's snapshot carries its
    // own); the window only shows them on its Start all action.
    const Result<> gate = m_station.startGate();
    const QString reason = gate ? QString() : gate.error().message.translated();
    m_startAll->setEnabled(reason.isEmpty());
    // What the action does and its key, and while it cannot, why not.
    const QString tip = Keys::withKey(
        tr("Start every fixture that holds an idle device"), m_startAll->shortcut());
    m_startAll->setToolTip(reason.isEmpty() ? tip : tip + u'\n' + reason);
}

void MainWindow::updateShift()
{
    const std::optional<ShiftDay> shift
        = shiftAt(QDateTime::currentDateTimeUtc(), defaultShifts(), QTimeZone::systemTimeZone());
    if (!shift) {
        m_shift->clear();
        return;
    }
    //: Toolbar, under "Shift": "Early 06:00–14:00"
    m_shift->setText(tr("%1 %2–%3")
                         .arg(shiftName(shift->shift.name),
                             shift->shift.start.toString(u"HH:mm"_s),
                             shift->shift.end.toString(u"HH:mm"_s)));
}

QString MainWindow::fixtureTitle(int fixture) const
{
    const QModelIndex index = m_model->indexOfFixture(fixture);
    return index.isValid() ? index.data(FixtureModel::TitleRole).toString()
                           : FixtureModel::tr("Fixture %1").arg(fixture);
}

void MainWindow::startFixture(int fixture)
{
    if (m_station.isRunning(fixture))
        return;
    const QString title = fixtureTitle(fixture);
    // The station owns the start rules; the window only asks before running a device again.
    Result<> started = m_station.startFixture(fixture);
    if (!started && started.error().code == ErrorCode::AlreadyPassed
        && permitted(Auth::Permission::Rerun)
        && m_confirmAgain(started.error().message.translated())) {
        started = m_station.startFixture(fixture, StationController::StartRequest::Again);
        if (started) {
            const FixtureSnapshot snapshot = m_station.snapshot(fixture);
            (void)m_accounts->audit(m_station.user(),
                u"rerun-override"_s,
                snapshot.deviceId,
                u"passed run %1"_s.arg(snapshot.passedRunId),
                u"run again"_s,
                {},
                fixture);
        }
    }
    if (!started) {
        //: A refused start: "F3 not started: Scan the device's label first."
        post(Severity::Error,
            tr("%1 not started: %2").arg(title, started.error().message.translated()));
        // A start the user's role does not allow (a rerun by an operator, say) is in the trail.
        if (started.error().code == ErrorCode::NotAllowed && m_station.user()) {
            (void)m_accounts->audit(m_station.user(),
                u"start-refused"_s,
                m_station.snapshot(fixture).deviceId,
                {},
                {},
                {},
                fixture);
        }
        return;
    }
    m_batch.insert(fixture);
    m_runStartedBy.insert(fixture, m_station.user() ? m_station.user()->login : QString());
}

void MainWindow::startAll()
{
    if (Result<> gate = m_station.startGate(); !gate) {
        //: Start all refused for the whole station: "Nothing started: No recipe is loaded."
        post(Severity::Error, tr("Nothing started: %1").arg(gate.error().message.translated()));
        return;
    }
    const StationController::StartAllReport report = m_station.startAll();
    for (int fixture : report.started) {
        m_batch.insert(fixture);
        m_runStartedBy.insert(fixture, m_station.user() ? m_station.user()->login : QString());
    }
    const auto titles = [this](const QList<int> &fixtures) {
        QStringList list;
        for (int fixture : fixtures)
            list.append(fixtureTitle(fixture));
        return list.join(u", "_s);
    };
    for (const auto &[error, fixtures] : report.refused) {
        //: "Not started (F3, F5): Scan the device's label first."
        post(Severity::Error,
            tr("Not started (%1): %2").arg(titles(fixtures), error.message.translated()));
    }
    if (!report.skippedPassed.isEmpty()) {
        //: Start all leaves devices that already passed the loaded recipe alone
        post(Severity::Info,
            tr("Skipped (%1): these devices already passed this recipe; start one by itself to "
               "run it again.")
                .arg(titles(report.skippedPassed)));
    }
    if (!report.started.isEmpty())
        post(Severity::Info, tr("Started %n fixture(s).", nullptr, int(report.started.size())));
    else if (report.refused.isEmpty() && report.skippedPassed.isEmpty())
        post(Severity::Warning, tr("Nothing to start: no fixture holds an idle device."));
}

void MainWindow::stopFixture(int fixture)
{
    if (!m_station.isRunning(fixture) || !permitted(Auth::Permission::StartStop))
        return;
    m_station.stopFixture(fixture);
    post(Severity::Info, tr("%1: stopping…").arg(fixtureTitle(fixture)));
}

void MainWindow::stopAll()
{
    int running = 0;
    for (int fixture : m_station.fixtureNumbers())
        running += m_station.isRunning(fixture) ? 1 : 0;
    if (running == 0 || !permitted(Auth::Permission::StartStop))
        return;
    m_station.stopAll();
    post(Severity::Info, tr("Stopping %n fixture(s)…", nullptr, running));
}

int MainWindow::scanTarget() const
{
    if (const int selected = m_grid->selectedFixture(); selected > 0)
        return selected;
    int fallback = 0;
    for (const FixtureSnapshot &s : m_station.snapshots()) {
        if (s.presence != Presence::Present || s.running || !s.serialNumber.isEmpty())
            continue;
        // A fixture still showing a verdict probably holds the device just finished.
        if (FixtureModel::tileStateOf(s) == FixtureModel::TileState::Ready)
            return s.fixture;
        if (fallback == 0)
            fallback = s.fixture;
    }
    return fallback;
}

QString MainWindow::labelRefusal(const QString &label) const
{
    if (!m_station.hasRecipe() || m_station.recipe().acceptsLabel(label))
        return {};
    const Recipe &recipe = m_station.recipe();
    if (!recipe.labelExample.isEmpty()) {
        //: A label of the wrong shape: "it does not have the form SPH-24-00001 that the recipe
        //: expects (pattern ^SPH-\d{2}-\d{5}$)"
        return tr("it does not have the form %1 that the recipe expects (pattern %2).")
            .arg(recipe.labelExample, recipe.labelPattern.pattern());
    }
    return tr("it does not match the recipe's label pattern %1.")
        .arg(recipe.labelPattern.pattern());
}

bool MainWindow::bindScannedLabel(const QString &scanned)
{
    const QString label = scanned.trimmed();
    if (label.isEmpty())
        return false;
    const int fixture = scanTarget();
    if (fixture == 0) {
        QStringList running;
        for (const FixtureSnapshot &s : m_station.snapshots()) {
            if (s.running)
                running << fixtureTitle(s.fixture);
        }
        if (!running.isEmpty()) {
            //: A label scanned while every fixture with a device runs: "Label SN-1 not
            //: bound: every fixture with a device is running (F1, F2). Scan it again when a
            //: run has ended, or put the device into an empty fixture first."
            post(Severity::Warning,
                tr("Label %1 not bound: every fixture with a device is running (%2). Scan it "
                   "again when a run has ended, or put the device into an empty fixture first.")
                    .arg(label, namedList(running)));
        } else {
            post(Severity::Warning,
                tr("Label %1 not bound: no fixture holds a device waiting for a label. Put the "
                   "device into a fixture, then scan again.")
                    .arg(label));
        }
        return false;
    }
    const QString title = fixtureTitle(fixture);
    if (m_station.isRunning(fixture)) {
        post(Severity::Error,
            tr("Label %1 not bound: the selected %2 is running, and a running device keeps its "
               "label. Select a fixture that waits for a label (arrow keys or a click), then "
               "scan again.")
                .arg(label, title));
        return false;
    }
    if (m_station.hasRecipe() && m_station.recipe().usesLabelMac() && looksLikeMac(label)) {
        m_station.setLabelMacAddress(fixture, label);
        post(Severity::Success, tr("MAC address %1 → %2").arg(label, title));
        return true;
    }
    if (const QString refusal = labelRefusal(label); !refusal.isEmpty()) {
        post(Severity::Error, tr("Label %1 refused for %2: %3").arg(label, title, refusal));
        return false;
    }
    if (Result<> bound = m_station.bindSerialNumber(fixture, label); !bound) {
        //: A refused label scan: "Label SN-1 refused for F3: the label ... belongs to another
        //: device"
        post(Severity::Error,
            tr("Label %1 refused for %2: %3")
                .arg(label, title, bound.error().message.translated()));
        return false;
    }
    //: A label bound by a scan: "Label SN-1 → F3"
    post(Severity::Success, tr("Label %1 → %2").arg(label, title));
    if (m_scanField->text().trimmed() == label)
        m_scanField->clear();
    // The selection was for this one label; the next scan goes to the next waiting fixture.
    if (m_grid->selectedFixture() == fixture)
        m_grid->selectFixture(0);
    updateScanTarget();
    return true;
}

void MainWindow::onScanFieldReturn()
{
    const QString text = m_scanField->text().trimmed();
    if (text.isEmpty())
        return;
    if (bindScannedLabel(text))
        m_grid->view()->setFocus();
    else
        m_scanField->selectAll(); // to be corrected or scanned over
}

void MainWindow::onIncompleteScan(const QString &text)
{
    m_scanField->setText(text);
    if (currentPage() == Page::Line && isActiveWindow()) {
        m_scanField->setFocus();
        post(Severity::Warning,
            tr("Read \"%1\" without an Enter at the end: check it in the scan field and press "
               "Enter.")
                .arg(text));
        return;
    }
    post(Severity::Warning,
        tr("Read \"%1\" without an Enter at the end: it waits in the scan field of the Line "
           "page; check it there and press Enter.")
            .arg(text));
}

void MainWindow::onDigit(int digit)
{
    const QList<int> numbers = m_station.fixtureNumbers();
    if (numbers.isEmpty())
        return;
    const int highest = *std::max_element(numbers.cbegin(), numbers.cend());
    const int number = m_pendingNumber * 10 + digit;
    m_numberTimer.stop();
    if (number == 0)
        return;
    // A number no further digit can extend starts at once (every digit on a line of up to nine
    // fixtures); otherwise the next digit is awaited briefly: 1, then 2 starts fixture 12.
    if (number * 10 > highest) {
        m_pendingNumber = number;
        startTypedFixture();
        return;
    }
    m_pendingNumber = number;
    //: Status bar while a fixture number is typed: "Fixture 1…: type the next digit, or wait
    //: to start fixture 1"
    m_statusBar->showMessage(
        tr("Fixture %1…: type the next digit, or wait to start fixture %1").arg(number),
        int(FixtureNumberWait.count()) + 500);
    m_numberTimer.start();
}

void MainWindow::startTypedFixture()
{
    m_numberTimer.stop();
    const int number = std::exchange(m_pendingNumber, 0);
    m_statusBar->clearMessage();
    if (number <= 0)
        return;
    if (!m_station.fixtureNumbers().contains(number)) {
        post(Severity::Warning, tr("There is no fixture %1 on this station.").arg(number));
        return;
    }
    startFixture(number);
}

void MainWindow::startSelected()
{
    const int fixture = m_grid->selectedFixture();
    if (fixture == 0) {
        post(Severity::Warning,
            tr("No fixture is selected: select a tile with the arrow keys or a click first."));
        return;
    }
    startFixture(fixture);
}

void MainWindow::stopSelected()
{
    const int fixture = m_grid->selectedFixture();
    if (fixture == 0) {
        post(Severity::Warning,
            tr("No fixture is selected: select a tile with the arrow keys or a click first."));
        return;
    }
    if (!m_station.isRunning(fixture)) {
        post(Severity::Info, tr("%1 is not running.").arg(fixtureTitle(fixture)));
        return;
    }
    stopFixture(fixture);
}

QList<int> MainWindow::troubledFixtures() const
{
    QList<int> fixtures;
    for (const FixtureSnapshot &s : m_station.snapshots()) {
        switch (FixtureModel::tileStateOf(s)) {
        case FixtureModel::TileState::Fail:
        case FixtureModel::TileState::Unresponsive:
        case FixtureModel::TileState::Interrupted:
            fixtures << s.fixture;
            break;
        default:
            break;
        }
    }
    std::sort(fixtures.begin(), fixtures.end());
    return fixtures;
}

int MainWindow::jumpToTrouble(bool forward)
{
    const QList<int> troubled = troubledFixtures();
    if (troubled.isEmpty()) {
        m_statusBar->showMessage(tr("No fixture has failed or stopped answering."), 5000);
        return 0;
    }
    const int selected = m_grid->selectedFixture();
    int next = 0;
    if (forward) {
        const auto it = std::upper_bound(troubled.cbegin(), troubled.cend(), selected);
        next = it != troubled.cend() ? *it : troubled.constFirst();
    } else {
        const auto it = std::lower_bound(troubled.cbegin(), troubled.cend(), selected);
        next = it != troubled.cbegin() ? *std::prev(it) : troubled.constLast();
    }
    showPage(Page::Line);
    m_grid->selectFixture(next);
    m_grid->view()->setFocus();
    return next;
}

void MainWindow::checkFont()
{
    // A language whose characters the font cannot show must not turn into boxes unnoticed.
    const QString missing = missingGlyphs(languageSample(), font());
    if (missing.isEmpty()) {
        m_statusBar->setWarning({});
        return;
    }
    qWarning("The screen font cannot show characters of the UI language (%s): install a font "
             "for it (fonts-noto-cjk for Chinese).",
        qUtf8Printable(missing));
    m_statusBar->setWarning(
        tr("The font lacks characters of this language (%1); they show as boxes. Install a "
           "font for it (fonts-noto-cjk for Chinese).")
            .arg(missing.left(8)));
}

QList<MainWindow::KeyHelp> MainWindow::keyboardHelp() const
{
    QList<KeyHelp> keys;
    auto addActions = [&keys](const QList<QAction *> &actions, const QString &where) {
        for (const QAction *action : actions) {
            if (action->shortcut().isEmpty())
                continue;
            const QString what = action->data().toString();
            keys.append({Keys::text(action->shortcut()),
                where.isEmpty() ? what : tr("%1: %2").arg(where, what)});
        }
    };
    addActions(actions(), {});
    keys.append({tr("1 … 9"), tr("Start that fixture (Line page)")});
    keys.append({tr("10 and above"),
        tr("Type the fixture number's digits one after the other: 1, then 2 starts fixture "
           "12")});
    keys.append({tr("Arrow keys"), tr("Select a tile (the next label goes to it)")});
    keys.append(
        {Keys::text(QKeySequence(Qt::Key_Return)), tr("Open the selected tile's device view")});
    addActions(m_recordsPage->actions(), tr("Records page"));
    addActions(m_yieldPage->actions(), tr("Yield page"));
    addActions(m_analyticsPage->actions(), tr("Analytics page"));
    keys.append({Keys::text(QKeySequence(Qt::Key_Return)) + u" / "_s
            + Keys::text(QKeySequence(Qt::SHIFT | Qt::Key_Return)),
        tr("Device view, in a search of the output: next / previous match")});
    keys.append({tr("Scanner"),
        tr("A label read anywhere goes to the next fixture waiting for one (or the selected "
           "tile)")});
    return keys;
}

void MainWindow::showKeyboardHelp()
{
    QList<KeyboardHelpDialog::Entry> entries;
    for (const KeyHelp &key : keyboardHelp())
        entries.append({key.keys, key.action});
    auto *dialog = new KeyboardHelpDialog(entries, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QString MainWindow::namedList(const QStringList &titles) const
{
    if (titles.size() <= NamedFixtures)
        return titles.join(u", "_s);
    //: A list of fixtures cut short: "F1, F2, F3, F4, F5, F6, F7, F8 and 5 more"
    return tr("%1 and %n more", nullptr, int(titles.size() - NamedFixtures))
        .arg(titles.mid(0, NamedFixtures).join(u", "_s));
}

void MainWindow::onFixtureChanged(const FixtureSnapshot &snapshot)
{
    const auto state = FixtureModel::tileStateOf(snapshot);
    const int before = m_tileStates.value(snapshot.fixture, -1);
    m_tileStates.insert(snapshot.fixture, int(state));
    if (before == int(state))
        return;
    const QString title = fixtureTitle(snapshot.fixture);
    switch (state) {
    case FixtureModel::TileState::Fail:
        //: A run that failed: "F4 FAIL at Install ProductApp: The device has no room ..."
        post(Severity::Error,
            tr("%1 FAIL at %2: %3")
                .arg(title,
                    snapshot.failedStep.isEmpty() ? tr("an unknown step") : snapshot.failedStep,
                    snapshot.cause.translated()));
        break;
    case FixtureModel::TileState::Unresponsive:
        post(Severity::Error,
            tr("%1: the device does not answer; reseat its USB cable.").arg(title));
        break;
    case FixtureModel::TileState::Interrupted:
        post(Severity::Warning, tr("%1: the run was interrupted before it finished.").arg(title));
        break;
    default:
        break;
    }
    updateAttention();
}

void MainWindow::updateAttention()
{
    QStringList failed;
    QStringList silent;
    for (int fixture : troubledFixtures()) {
        const auto state = FixtureModel::TileState(m_tileStates.value(fixture));
        (state == FixtureModel::TileState::Unresponsive ? silent : failed) << fixtureTitle(fixture);
    }
    QStringList parts;
    if (!failed.isEmpty()) {
        //: Under the label scan: "Failed: F4, F12"
        parts << tr("Failed: %1").arg(namedList(failed));
    }
    if (!silent.isEmpty()) {
        //: Under the label scan: "No answer: F7"
        parts << tr("No answer: %1").arg(namedList(silent));
    }
    const QString text = parts.join(u"  \u00b7  "_s);
    m_attention->setFullText(text);
    m_attention->setVisible(!text.isEmpty());
    m_attentionButton->setVisible(!text.isEmpty());
    const int count = int(failed.size() + silent.size());
    const int index = m_pages->indexOf(m_linePage);
    //: Tab of the Line page while fixtures failed or do not answer: "Line (2 need attention)"
    m_pages->setTabText(
        index, count == 0 ? tr("Line") : tr("Line (%n need(s) attention)", nullptr, count));
}

void MainWindow::updateScanTarget()
{
    const int fixture = scanTarget();
    if (fixture == 0) {
        m_scanTarget->setText(tr("No fixture is waiting for a label"));
    } else if (fixture == m_grid->selectedFixture()) {
        //: Below the scan field: where the next scanned label goes
        m_scanTarget->setText(tr("Next label goes to %1 (selected)").arg(fixtureTitle(fixture)));
    } else {
        m_scanTarget->setText(tr("Next label goes to %1").arg(fixtureTitle(fixture)));
    }
}

bool MainWindow::isScanCaptureActive() const
{
    // The window or one of its dialogs (settings, file dialogs): a scan is a scan there too.
    for (const QWidget *window = QApplication::activeWindow(); window;
         window = window->parentWidget()) {
        if (window == this)
            return true;
    }
    return false;
}

bool MainWindow::digitsStartFixtures() const
{
    return m_pages->currentWidget() == m_linePage && isActiveWindow();
}

void MainWindow::onRecordError(const Text &text)
{
    const QString message = text.translated();
    const bool first = !m_recordBroken;
    m_recordBroken = true;
    m_banner->showError(message);
    updateStartGate();
    if (first)
        post(Severity::Error, tr("The record cannot be written: %1").arg(message));
}

void MainWindow::onRecordRecovered()
{
    if (!m_recordBroken)
        return;
    m_recordBroken = false;
    m_banner->clearError();
    updateStartGate();
    post(Severity::Success, tr("The record is writable again; fixtures can be started."));
}

void MainWindow::onRunFinished(int fixture)
{
    Q_UNUSED(fixture)
    updateScanTarget();
}

void MainWindow::onAllFinished()
{
    if (currentPage() == Page::Records)
        m_recordsPage->refresh();
    if (m_batch.isEmpty())
        return;
    int pass = 0;
    int fail = 0;
    int other = 0;
    QList<int> failedFixtures;
    for (int fixture : std::as_const(m_batch)) {
        const FixtureSnapshot s = m_station.snapshot(fixture);
        if (s.verdict == RunOutcome::Pass) {
            ++pass;
        } else if (s.verdict == RunOutcome::Fail) {
            ++fail;
            failedFixtures << fixture;
        } else {
            ++other;
        }
    }
    std::sort(failedFixtures.begin(), failedFixtures.end());
    QStringList failedTitles;
    for (int fixture : std::as_const(failedFixtures))
        failedTitles << fixtureTitle(fixture);
    m_batch.clear();
    if (fail > 0) {
        //: Summary when the line falls idle: "All runs finished: 7 PASS, 1 FAIL (F4), 0
        //: stopped"
        post(Severity::Warning,
            tr("All runs finished: %1 PASS, %2 FAIL (%4), %3 stopped.")
                .arg(pass)
                .arg(fail)
                .arg(other)
                .arg(namedList(failedTitles)));
        return;
    }
    //: Summary when the line falls idle: "All runs finished: 7 PASS, 0 FAIL, 0 stopped"
    post(Severity::Success,
        tr("All runs finished: %1 PASS, %2 FAIL, %3 stopped.").arg(pass).arg(fail).arg(other));
}

void MainWindow::onDeviceSwapped(int fixture, const QString &previousId, const QString &newId)
{
    // Between runs a new device is the normal course of production; only a swap during a run
    // matters (the run then fails its device check).
    if (!m_station.isRunning(fixture))
        return;
    post(Severity::Warning,
        tr("%1: the device was swapped during the run (%2 → %3).")
            .arg(fixtureTitle(fixture), shortDeviceId(previousId), shortDeviceId(newId)));
}

void MainWindow::createRecordsPage()
{
    m_recordsPage = new RecordsPage(this);
    m_recordsPage->setObjectName(u"recordsPage"_s);
    QList<FixtureConfig> fixtures;
    for (const FixtureSnapshot &s : m_station.snapshots()) {
        FixtureConfig fixture;
        fixture.number = s.fixture;
        fixture.label = s.label;
        fixture.connectionPath = s.connectionPath;
        fixtures.append(fixture);
    }
    m_recordsPage->setFixtures(fixtures);
    m_recordsPage->setRecipeNames(recipeNames());
    connect(m_recordsPage, &RecordsPage::openRunRequested, this, &MainWindow::openRun);
    m_recordsPage->setExportGate([this] { return permitted(Auth::Permission::Export); });
    connect(m_recordsPage,
        &RecordsPage::exportFinished,
        this,
        [this](const RecordsExportResult &result) {
            if (!result.ok || result.files.isEmpty())
                return;
            // Its entry names the files' SHA-256 and the chain head it was made at.
            auto *watcher = new QFutureWatcher<Result<QString>>(this);
            connect(watcher, &QFutureWatcher<Result<QString>>::finished, this, [this, watcher] {
                const Result<QString> madeAt = watcher->result();
                watcher->deleteLater();
                if (madeAt)
                    post(Severity::Info,
                        tr("Export recorded in the audit trail (%1).").arg(*madeAt));
                else
                    post(Severity::Error, madeAt.error().message.translated());
            });
            watcher->setFuture(m_accounts->auditExport(m_station.user(),
                result.files,
                result.devices > 0 ? u"hand-off to cloud configuration"_s : u"records CSV"_s));
        });
    //: Page of the recorded runs (quality staff)
    m_recordsTab = scrollable(m_recordsPage, this);
    m_pages->addTab(m_recordsTab, tr("Records"));

    m_yieldPage = new YieldPage(this);
    m_yieldPage->setObjectName(u"yieldPage"_s);
    //: Page of the yield figures and failure Pareto (quality staff)
    m_yieldTab = scrollable(m_yieldPage, this);
    m_pages->addTab(m_yieldTab, tr("Yield"));

    m_analyticsPage = new AnalyticsPage(this);
    m_analyticsPage->setObjectName(u"analyticsPage"_s);
    m_analyticsPage->setRecordPath(m_station.recordPath());
    m_analyticsPage->setPlantConnection(m_options.plantConnection);
    m_analyticsTab = scrollable(m_analyticsPage, this);
    //: Page of the measurement capability (Cpk), yield by group and retests (quality staff)
    m_pages->addTab(m_analyticsTab, tr("Analytics"));
}

// The names of the recipes in the recipe folder, for the records page's filter. Only the
// "name" is read: a recipe that does not load still has runs in the record.
QStringList MainWindow::recipeNames() const
{
    QStringList names;
    if (m_station.hasRecipe())
        names.append(m_station.recipe().name);
    const QDir folder(m_options.recipeFolder);
    if (!m_options.recipeFolder.isEmpty() && folder.exists()) {
        for (const QFileInfo &file : folder.entryInfoList({u"*.json"_s}, QDir::Files)) {
            // Bounded and regular files only, like every file the station reads by path.
            const Result<QByteArray> json
                = readRegularFile(file.absoluteFilePath(), FileLimit::Recipe);
            if (!json)
                continue;
            const QString name
                = QJsonDocument::fromJson(*json).object().value(u"name"_s).toString();
            if (!name.isEmpty() && !names.contains(name))
                names.append(name);
        }
    }
    return names;
}

void MainWindow::onPageChanged()
{
    // The quality pages read the record when they are looked at, not on every step.
    const Page page = currentPage();
    if (page == Page::Records && ensureRecordQuery())
        m_recordsPage->refresh();
    if (page == Page::Yield && ensureRecordQuery())
        m_yieldPage->refresh();
    // The analytics read on a thread of their own, with their own connection.
    if (page == Page::Analytics) {
        m_analyticsPage->setRecordPath(m_station.recordPath());
        m_analyticsPage->refresh();
    }
    // The focus follows the page, so the page's own keys (Ctrl+R, Ctrl+F) work at once.
    if (page == Page::Records)
        m_recordsPage->focusRuns();
    else if (page == Page::Yield)
        m_yieldPage->setFocus(Qt::OtherFocusReason);
    else if (page == Page::Analytics)
        m_analyticsPage->setFocus(Qt::OtherFocusReason);
    if (m_pages->currentWidget() == m_linePage)
        m_grid->view()->setFocus();
    m_backToLine->setEnabled(page == Page::Device);
    m_pendingNumber = 0;
    m_numberTimer.stop();
}

void MainWindow::createDevicePage()
{
    m_deviceView = new DeviceViewWidget(this);
    m_deviceView->setObjectName(u"deviceView"_s);
    // The view follows whichever fixture it shows; the rest it ignores.
    connect(&m_station,
        &StationController::stepStarted,
        m_deviceView,
        &DeviceViewWidget::onStepStarted);
    connect(&m_station,
        &StationController::stepFinished,
        m_deviceView,
        &DeviceViewWidget::onStepFinished);
    connect(
        &m_station, &StationController::outputLine, m_deviceView, &DeviceViewWidget::onOutputLine);
    connect(&m_station,
        &StationController::runFinished,
        m_deviceView,
        &DeviceViewWidget::onRunFinished);
    m_deviceTab = scrollable(m_deviceView, this);
    const int index = m_pages->addTab(m_deviceTab, tr("Device"));
    // Hidden until a device is opened: an empty device page only raises questions.
    m_pages->setTabVisible(index, false);
}

void MainWindow::setUpPlant()
{
    // Nothing connects before a plant page is looked at: the reader opens its connection with
    // its first request, on its own thread.
    if (m_options.plantReadConnection.trimmed().isEmpty()) {
        const QString reason = tr("No plant database is configured: set [plant] readConnection "
                                  "in the station's settings to a login that reads the plant "
                                  "(see docs/plant-views.md).");
        m_recordsPage->setPlantReader(nullptr, reason);
        m_yieldPage->setPlantReader(nullptr, reason);
        m_deviceView->setPlantReader(nullptr, {});
        return;
    }
    m_plantReader = new PlantReader(m_options.plantReadConnection.trimmed(), this);
    m_recordsPage->setPlantReader(m_plantReader);
    m_yieldPage->setPlantReader(m_plantReader);
    m_deviceView->setPlantReader(m_plantReader, m_options.plantStationId);
    connect(m_recordsPage, &RecordsPage::openPlantRunRequested, this, &MainWindow::openPlantRun);
}

void MainWindow::openPlantRun(const QString &stationId, const QUuid &runUuid, qint64 runId)
{
    if (stationId == m_options.plantStationId && runId > 0 && ensureRecordQuery()
        && m_deviceView->showRun(runId)) {
        showDeviceTab(tr("Device: run %1").arg(runId));
        return;
    }
    m_deviceView->clear();
    m_deviceView->showPlantRun(stationId, runUuid);
    //: Tab of the device view on another station's run: "Device: LINE1-PC2 run 1234"
    showDeviceTab(tr("Device: %1 run %2").arg(stationId).arg(runId));
}

bool MainWindow::ensureRecordQuery()
{
    if (m_query && m_query->isOpen())
        return true;
    m_query = std::make_unique<RecordQuery>();
    if (Result<> opened = m_query->open(m_station.recordPath()); !opened) {
        post(Severity::Error,
            tr("The record cannot be read: %1").arg(opened.error().message.translated()));
        m_deviceView->setRecordQuery(nullptr);
        m_recordsPage->setRecord(nullptr, m_station.recordPath());
        m_yieldPage->setRecordQuery(nullptr);
        m_query.reset();
        return false;
    }
    m_deviceView->setRecordQuery(m_query.get());
    m_recordsPage->setRecord(m_query.get(), m_station.recordPath());
    m_yieldPage->setRecordQuery(m_query.get());
    return true;
}

void MainWindow::showDeviceTab(const QString &title)
{
    const int index = m_pages->indexOf(m_deviceTab);
    m_pages->setTabText(index, title);
    m_pages->setTabVisible(index, true);
    m_pages->setCurrentIndex(index);
    // The view opens at its top, where the outcome and the cause are, whatever was scrolled
    // to before; the focus goes to its steps, so the arrow keys walk them.
    m_deviceView->focusSteps();
    if (auto *area = qobject_cast<QScrollArea *>(m_deviceTab)) {
        area->verticalScrollBar()->setValue(0);
        area->horizontalScrollBar()->setValue(0);
    }
}

void MainWindow::openDevice(int fixture)
{
    const FixtureSnapshot s = m_station.snapshot(fixture);
    if (s.fixture == 0)
        return;
    const QString title = fixtureTitle(fixture);
    if (!ensureRecordQuery())
        return;
    if (s.running) {
        m_deviceView->showLive(fixture, s.runId);
    } else if (s.runId > 0) {
        m_deviceView->showRun(s.runId);
    } else {
        post(Severity::Info, tr("%1 has no run to show yet.").arg(title));
        return;
    }
    //: Tab of the device view: "Device: F3"
    showDeviceTab(tr("Device: %1").arg(title));
}

void MainWindow::openRun(qint64 runId)
{
    if (runId <= 0 || !ensureRecordQuery())
        return;
    m_deviceView->showRun(runId);
    //: Tab of the device view opened from the records: "Device: run 1234"
    showDeviceTab(tr("Device: run %1").arg(runId));
}

void MainWindow::showPage(Page page)
{
    QWidget *widget = m_linePage;
    if (page == Page::Records && m_recordsTab)
        widget = m_recordsTab;
    else if (page == Page::Yield && m_yieldTab)
        widget = m_yieldTab;
    else if (page == Page::Analytics && m_analyticsTab)
        widget = m_analyticsTab;
    else if (page == Page::Device && m_deviceView
        && m_pages->isTabVisible(m_pages->indexOf(m_deviceTab)))
        widget = m_deviceTab;
    m_pages->setCurrentWidget(widget);
    if (widget == m_linePage)
        m_grid->view()->setFocus();
}

MainWindow::Page MainWindow::currentPage() const
{
    QWidget *current = m_pages->currentWidget();
    if (current && current == m_recordsTab)
        return Page::Records;
    if (current && current == m_yieldTab)
        return Page::Yield;
    if (current && current == m_analyticsTab)
        return Page::Analytics;
    if (current && current == m_deviceTab)
        return Page::Device;
    return Page::Line;
}

void MainWindow::post(Severity severity, const QString &text)
{
    m_messages->post(severity, text);
    // The message strip is on the Line page; elsewhere (another page, a dialog) the status bar
    // carries what needs an eye, so a scan or a failure is never answered out of sight.
    if (severity != Severity::Info && (currentPage() != Page::Line || !isActiveWindow()))
        m_statusBar->showMessage(text, int(std::chrono::milliseconds(StatusMessageTime).count()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_shutDown) {
        event->accept();
        return;
    }
    int running = 0;
    for (int fixture : m_station.fixtureNumbers())
        running += m_station.isRunning(fixture) ? 1 : 0;
    if (running > 0 && !m_confirmClose(running)) {
        event->ignore();
        return;
    }
    m_shutDown = true;
    if (m_station.user()) {
        // Signed out with the window (the runs are stopped next, with their own entries).
        (void)m_accounts->signOut(*m_station.user(), u"close"_s);
        m_accounts->waitForDone();
    }
    m_recipeLoad->cancel(CancelReason::WindowClosed);
    m_statusBar->showMessage(tr("Stopping the station…"));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    // Cancels every run and waits (bounded) for the workers, then closes the record.
    m_station.shutdown(StationController::ShutdownBound, CancelReason::WindowClosed);
    QApplication::restoreOverrideCursor();
    event->accept();
}

void MainWindow::endBySignal(int signal)
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    // No question asked: whoever sent the signal wants the station gone. The runs are aborted
    // with the signal as their cause, the record closed, and the window then closes. A dialog
    // waiting for an answer (a question, a file dialog, the settings) is dismissed first: left
    // open, it would keep the process alive until someone answered it.
    const QList<QWidget *> windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        if (auto *dialog = qobject_cast<QDialog *>(window); dialog && dialog->isVisible())
            dialog->reject();
    }
    m_recipeLoad->cancel(CancelReason::Signal);
    if (m_station.user()) {
        (void)m_accounts->signOut(*m_station.user(), u"signal"_s);
        m_accounts->waitForDone();
    }
    m_station.shutdown(StationController::ShutdownBound, CancelReason::Signal, signal);
    close();
}

void MainWindow::openUsers()
{
    if (!permitted(Auth::Permission::ManageUsers))
        return;
    if (!m_station.user()) {
        post(Severity::Error,
            Auth::refusal(Auth::Permission::ManageUsers, std::nullopt).translated());
        return;
    }
    if (m_usersDialog) {
        m_usersDialog->raise();
        return;
    }
    auto *dialog = new UsersDialog(*m_accounts, *m_station.user(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_usersDialog = dialog;
    // A badge given or taken there counts at once.
    connect(dialog, &QDialog::finished, this, &MainWindow::refreshBadges);
    dialog->open();
}

bool MainWindow::permitted(Auth::Permission permission)
{
    const Result<> may = m_station.permit(permission);
    if (may)
        return true;
    post(Severity::Error, may.error().message.translated());
    // A refused attempt by a signed-in user is part of who did what (nobody signed in: there is
    // no one to name, and the tiles say "sign in").
    if (m_station.user()) {
        (void)m_accounts->audit(
            m_station.user(), u"not-allowed"_s, Auth::permissionName(permission), {}, {}, {}, 0);
    }
    return false;
}

void MainWindow::updateUser()
{
    const std::optional<Auth::User> &user = m_station.user();
    if (user) {
        //: The signed-in user in the tool bar: "Ana Weber · Operator"
        m_userButton->setText(
            tr("%1 · %2").arg(user->displayName.isEmpty() ? user->login : user->displayName,
                Auth::roleTitle(user->role).translated()));
        m_userButton->setToolTip(
            tr("Signed in as %1 (%2). F2: switch user, Shift+F2: sign out.")
                .arg(user->shownName(), Auth::roleTitle(user->role).translated()));
    } else {
        m_userButton->setText(m_station.requiresSignIn() ? tr("Sign in (F2)") : tr("Automation"));
        m_userButton->setToolTip(tr("Nobody is signed in. F2: sign in with your badge and PIN, or "
                                    "your name and password."));
    }
    m_signOut->setEnabled(user.has_value());
    updateStartGate();
}

void MainWindow::openSignIn(const QString &badge)
{
    if (m_signInDialog) {
        if (!badge.isEmpty())
            m_signInDialog->setBadge(badge);
        m_signInDialog->raise();
        m_signInDialog->activateWindow();
        return;
    }
    // The first start of a record without users asks for the first admin.
    const Result<bool> first = m_accounts->needsFirstAdmin().result();
    const bool needsAdmin = first && *first;
    auto *dialog = new SignInDialog(*m_accounts,
        needsAdmin ? SignInDialog::Mode::FirstAdmin : SignInDialog::Mode::SignIn,
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_signInDialog = dialog;
    if (!badge.isEmpty() && !needsAdmin)
        dialog->setBadge(badge);
    if (needsAdmin && m_relay && !m_relay->status().usersCached.isValid()) {
        dialog->setNote(tr("This station takes its accounts from the plant database, which has "
                           "not sent them yet. When they arrive this form gives way to the "
                           "sign-in. Create a local admin only if the station must work before "
                           "that."));
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog, needsAdmin] {
        if (!dialog->user())
            return;
        if (needsAdmin) {
            post(Severity::Info,
                tr("%1 is the first admin of this station.").arg(dialog->user()->login));
            // Made and signed in with one form: the sign-in is an entry of its own.
            (void)m_accounts->audit(
                dialog->user(), u"sign-in"_s, dialog->user()->login, {}, {}, u"first admin"_s, 0);
        }
        onSignedIn(*dialog->user());
    });
    dialog->open();
}

void MainWindow::refreshBadges()
{
    if (m_badgeWatcher->isRunning()) {
        m_badgeRefreshAgain = true;
        return;
    }
    m_badgeWatcher->setFuture(m_accounts->users());
}

bool MainWindow::knowsBadge(const QString &scan) const
{
    return m_badgeKeys.contains(Auth::badgeKey(scan));
}

void MainWindow::onSignedIn(const Auth::User &user)
{
    refreshBadges();
    const std::optional<Auth::User> previous = m_station.user();
    if (previous && previous->login.compare(user.login, Qt::CaseInsensitive) != 0)
        (void)m_accounts->signOut(*previous, u"switch"_s);
    m_station.setUser(user);
    updateUser();
    if (m_idleTimer.interval() > 0)
        m_idleTimer.start();
    post(Severity::Info,
        tr("Signed in: %1 (%2).").arg(user.shownName(), Auth::roleTitle(user.role).translated()));
}

void MainWindow::signOut(const QString &why)
{
    const std::optional<Auth::User> user = m_station.user();
    if (!user)
        return;
    (void)m_accounts->signOut(*user, why);
    m_station.setUser(std::nullopt);
    m_idleTimer.stop();
    updateUser();
    if (why == u"idle"_s) {
        post(Severity::Info,
            tr("%1 was signed out after %n minute(s) without a key or a click.",
                nullptr,
                int(std::chrono::duration_cast<std::chrono::minutes>(
                    m_idleTimer.intervalAsDuration())
                        .count()))
                .arg(user->shownName()));
    } else {
        post(Severity::Info,
            tr("Signed out: %1. Runs that are going on continue.").arg(user->shownName()));
    }
}

void MainWindow::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimer.setInterval(timeout);
    if (m_station.user() && timeout.count() > 0)
        m_idleTimer.start();
    else
        m_idleTimer.stop(); // 0: never
}

void MainWindow::onIdle()
{
    const std::optional<Auth::User> &user = m_station.user();
    if (!user)
        return;
    // Never while a run that this user started is going on: it may still need them.
    for (const FixtureSnapshot &snapshot : m_station.snapshots()) {
        if (snapshot.running && m_runStartedBy.value(snapshot.fixture) == user->login) {
            m_idleTimer.start();
            return;
        }
    }
    signOut(u"idle"_s);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Any key or click in the station's windows counts as activity.
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        if (m_idleTimer.isActive() && isScanCaptureActive())
            m_idleTimer.start();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::onScanned(const QString &scan)
{
    // While the sign-in dialog (or Users…) is open, a scan is the badge.
    if (m_signInDialog) {
        m_signInDialog->setBadge(scan);
        return;
    }
    if (m_usersDialog) {
        m_usersDialog->setBadge(scan);
        return;
    }
    // A badge the station knows, or one the pattern says is a badge, is never a device label.
    const bool badge = knowsBadge(scan)
        || (!m_options.badgePattern.isEmpty()
            && QRegularExpression(m_options.badgePattern).match(scan).hasMatch());
    if (badge || (m_station.requiresSignIn() && !m_station.user())) {
        openSignIn(scan);
        return;
    }
    bindScannedLabel(scan);
}

void MainWindow::auditSettings(const QMap<QString, QString> &before, const QString &path)
{
    const QMap<QString, QString> after = iniValues(path);
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : keys) {
        const QString old = before.value(key);
        const QString now = after.value(key);
        if (old == now && before.contains(key) == after.contains(key))
            continue;
        (void)m_accounts->audit(m_station.user(), u"settings-change"_s, key, old, now);
    }
}

} // namespace Station
