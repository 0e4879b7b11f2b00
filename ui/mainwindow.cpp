#include "ui/mainwindow.h"

#include "models/fixturemodel.h"
#include "services/boundedfile.h"
#include "services/recipeloader.h"
#include "services/recordquery.h"
#include "services/station.h"
#include "ui/deviceviewwidget.h"
#include "ui/fixturegridwidget.h"
#include "ui/fixturetileview.h"
#include "ui/permanentrecipedialog.h"
#include "ui/recipebadge.h"
#include "ui/recorderrorbanner.h"
#include "ui/recordspage.h"
#include "ui/serialscanfilter.h"
#include "ui/settingsdialog.h"
#include "ui/startgatemodel.h"
#include "ui/stationstatusbar.h"
#include "ui/theme.h"
#include "ui/yieldpage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QTabBar>
#include <QTabWidget>
#include <QTimeZone>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Station {

namespace {

using Severity = MessageArea::Severity;

// The shift label follows the clock; a minute late at a shift change is harmless.
constexpr auto ShiftRefreshInterval = 30s;

const QString LastRecipeKey = u"recipe/last"_s;
const QString OperatorKey = u"operator/name"_s;

bool needsRfTools(const Recipe &recipe)
{
    for (const RecipeStep &step : recipe.steps) {
        if (step.type == "rf-calibrate"_L1 || step.type == "rf-verify"_L1)
            return true;
    }
    return false;
}

bool wantsLabelMac(const Recipe &recipe)
{
    for (const RecipeStep &step : recipe.steps) {
        if (step.type == "rf-calibrate"_L1
            && step.params.value(u"mac_source"_s).toString() == "label"_L1)
            return true;
    }
    return false;
}

// A MAC address as printed on a label: 12 hex digits, optionally in pairs separated by ':' or
// '-'. Serial numbers of this product never look like that.
bool looksLikeMac(const QString &text)
{
    static const QRegularExpression mac(u"^[0-9A-Fa-f]{2}([:-]?[0-9A-Fa-f]{2}){5}$"_s);
    return mac.match(text).hasMatch();
}

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
    , m_model(new FixtureModel(this))
    , m_gate(new StartGateModel(this))
{
    setObjectName(u"mainWindow"_s);
    m_model->resetFixtures(m_station.snapshots());
    m_gate->setSourceModel(m_model);
    connect(&m_station, &StationController::fixtureChanged, m_model, &FixtureModel::updateFixture);

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

    m_scanFilter = new SerialScanFilter(this);
    m_scanFilter->setActivePredicate([this] { return isScanCaptureActive(); });
    connect(m_scanFilter, &SerialScanFilter::scanned, this, &MainWindow::bindScannedLabel);
    connect(m_scanFilter, &SerialScanFilter::incompleteScan, this, &MainWindow::onIncompleteScan);
    connect(m_scanFilter, &SerialScanFilter::digitPressed, this, &MainWindow::onDigit);
    qApp->installEventFilter(m_scanFilter);

    connect(&m_station, &StationController::recipeChanged, this, &MainWindow::updateRecipe);
    connect(&m_station, &StationController::recordError, this, &MainWindow::onRecordError);
    connect(&m_station, &StationController::recordRecovered, this, &MainWindow::onRecordRecovered);
    connect(&m_station, &StationController::runFinished, this, [this](int fixture) {
        onRunFinished(fixture);
    });
    connect(&m_station, &StationController::allFinished, this, &MainWindow::onAllFinished);
    connect(&m_station, &StationController::deviceSwapped, this, &MainWindow::onDeviceSwapped);
    connect(&m_station, &StationController::fixtureChanged, this, &MainWindow::updateScanTarget);

    m_shiftTimer.setInterval(ShiftRefreshInterval);
    connect(&m_shiftTimer, &QTimer::timeout, this, &MainWindow::updateShift);
    m_shiftTimer.start();

    if (!m_station.isRecordWritable())
        onRecordError(tr("an earlier write failed"));
    updateWindowTitle();
    updateRecipe();
    updateShift();
    updateScanTarget();
    resize(1280, 800);
    // The tiles take the keys first: digits start fixtures and the scanner is heard.
    m_grid->view()->setFocus();
}

MainWindow::~MainWindow()
{
    if (qApp)
        qApp->removeEventFilter(m_scanFilter);
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

void MainWindow::createActions()
{
    m_openRecipe = new QAction(tr("Open recipe…"), this);
    m_openRecipe->setToolTip(tr("Load a recipe file"));
    connect(m_openRecipe, &QAction::triggered, this, &MainWindow::chooseRecipe);

    const Theme::StateStyle running = Theme::stateStyle(FixtureModel::TileState::Running);
    m_startAll
        = new QAction(shapeIcon(&Theme::paintStartShape, running.accent), tr("Start all"), this);
    m_startAll->setShortcut(QKeySequence(Qt::Key_F5));
    m_startAll->setShortcutContext(Qt::WindowShortcut);
    m_startAll->setToolTip(
        tr("Start every fixture that holds an idle device (F5). Keys 1–9 start one fixture."));
    connect(m_startAll, &QAction::triggered, this, &MainWindow::startAll);

    m_stopAll = new QAction(shapeIcon(&Theme::paintStopShape,
                                Theme::stateStyle(FixtureModel::TileState::Aborted).accent),
        tr("Stop all"),
        this);
    m_stopAll->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stopAll->setShortcutContext(Qt::WindowShortcut);
    m_stopAll->setToolTip(tr("Stop every running fixture (Shift+F5)"));
    connect(m_stopAll, &QAction::triggered, this, &MainWindow::stopAll);

    m_settings = new QAction(tr("Settings…"), this);
    m_settings->setToolTip(tr("Station configuration: back end, tools, fixtures, language"));
    connect(m_settings, &QAction::triggered, this, &MainWindow::openSettings);
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

    m_operator = new QLineEdit(bar);
    m_operator->setObjectName(u"operatorField"_s);
    m_operator->setPlaceholderText(tr("Your name"));
    m_operator->setFixedWidth(200);
    m_operator->setClearButtonEnabled(true);
    QString name = m_station.operatorName();
    if (name.isEmpty())
        name = QSettings().value(OperatorKey).toString();
    if (!name.isEmpty() && name != m_station.operatorName())
        m_station.setOperatorName(name);
    m_operator->setText(name);
    connect(m_operator, &QLineEdit::editingFinished, this, &MainWindow::onOperatorEdited);
    connect(m_operator, &QLineEdit::returnPressed, this, [this] {
        // Back to the tiles, so the digit keys and the scanner work again.
        m_grid->view()->setFocus();
    });
    bar->addWidget(captioned(tr("Operator"), m_operator, bar));

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
        tr("The scanner works wherever the focus is, except in a text field. You can also type "
           "a label here and press Enter."));
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

bool MainWindow::openRecipe(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    if (m_station.isAnyRunning()) {
        post(Severity::Error,
            tr("Recipe %1 not loaded: wait until every running fixture has finished, or stop "
               "them, before changing the recipe.")
                .arg(name));
        return false;
    }
    Result<Recipe> loaded = loadRecipe(path);
    if (!loaded) {
        post(Severity::Error,
            tr("Recipe %1 not loaded: %2").arg(name, loaded.error().message.translated()));
        return false;
    }
    const ToolSetup &tools = m_station.tools();
    if (needsRfTools(*loaded) && (tools.rfSettingsTool.isEmpty() || tools.rfToolCli.isEmpty())) {
        post(Severity::Error,
            tr("Recipe %1 not loaded: it has RF steps, but RfSettingsTool or RfToolCli is not "
               "configured or not found.")
                .arg(name));
        return false;
    }
    // Once per load, never per device: the operator has agreed to what the recipe does.
    if (loaded->isPermanent() && !m_confirmPermanent(*loaded)) {
        post(Severity::Warning,
            tr("Recipe %1 %2 not loaded: it sets devices to %3 and was declined.")
                .arg(loaded->name, loaded->version, loaded->finalState()));
        return false;
    }
    m_station.setRecipe(*loaded);
    QSettings().setValue(LastRecipeKey, loaded->path);
    post(Severity::Info, tr("Recipe loaded: %1 %2").arg(loaded->name, loaded->version));
    return true;
}

void MainWindow::chooseRecipe()
{
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
    // Window-modal but not blocking: the line keeps running and its tiles keep updating.
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const ToolSetup &tools = m_station.tools();
    if (tools.simulated)
        dialog->setToolSearchPaths({QFileInfo(tools.azsphere).absolutePath()});
    dialog->setToolEnvironment(tools.environment);
    dialog->load(
        m_options.configPath.isEmpty() ? StationConfig::defaultPath() : m_options.configPath);
    connect(dialog, &SettingsDialog::saved, this, [this, dialog](const StationConfig &config) {
        // The station's name shows at once; tools, fixtures and files are set up at start-up.
        if (!config.stationName.isEmpty() && config.stationName != m_station.stationName()) {
            m_station.setStationName(config.stationName);
            updateWindowTitle();
        }
        post(Severity::Info,
            tr("Settings saved to %1. Back end, tools, fixtures and files take effect when the "
               "station starts next.")
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
    m_gate->setSerialRequired(m_station.hasRecipe() && m_station.recipe().requireSerial);
    updateStartGate();
}

void MainWindow::updateStartGate()
{
    QString reason;
    if (m_recordBroken)
        reason = tr("The record cannot be written: no new start");
    else if (!m_station.hasRecipe())
        reason = tr("Open a recipe to start");
    m_gate->setBlockedReason(reason);
    m_startAll->setEnabled(reason.isEmpty());
    m_startAll->setToolTip(reason.isEmpty()
            ? tr("Start every fixture that holds an idle device (F5). Keys 1–9 start one "
                 "fixture.")
            : reason);
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

void MainWindow::onOperatorEdited()
{
    const QString name = m_operator->text().simplified();
    if (name == m_station.operatorName())
        return;
    m_station.setOperatorName(name);
    QSettings().setValue(OperatorKey, name);
    if (name.isEmpty())
        post(Severity::Warning, tr("No operator name: runs are recorded without one."));
    else
        post(Severity::Info, tr("Operator: %1").arg(name));
}

QString MainWindow::fixtureTitle(int fixture) const
{
    const QModelIndex index = m_model->indexOfFixture(fixture);
    return index.isValid() ? index.data(FixtureModel::TitleRole).toString()
                           : FixtureModel::tr("Fixture %1").arg(fixture);
}

// Why a fixture cannot start now, before the controller is asked (it knows nothing of
// presence); empty when it may.
QString MainWindow::refusalFor(int fixture) const
{
    const FixtureSnapshot s = m_station.snapshot(fixture);
    if (s.fixture == 0)
        return tr("there is no fixture %1.").arg(fixture);
    switch (s.presence) {
    case Presence::Empty:
        return tr("the fixture is empty: insert a device first.");
    case Presence::Unknown:
        return tr("no device detected yet: wait a moment and try again.");
    case Presence::Unresponsive:
        return tr("the device does not answer: reseat its USB cable.");
    case Presence::Present:
        break;
    }
    if (m_station.hasRecipe() && m_station.recipe().requireSerial && s.serialNumber.isEmpty())
        return tr("scan the device's label first.");
    return {};
}

void MainWindow::startFixture(int fixture)
{
    if (m_station.isRunning(fixture))
        return;
    const QString title = fixtureTitle(fixture);
    QString refusal;
    if (m_recordBroken)
        refusal = tr("the record cannot be written; no new run can start until it can.");
    else if (!m_station.hasRecipe())
        refusal = tr("no recipe is loaded: open one first.");
    else
        refusal = refusalFor(fixture);
    if (refusal.isEmpty()) {
        if (Result<> started = m_station.startFixture(fixture); !started)
            refusal = started.error().message.translated();
    }
    if (!refusal.isEmpty()) {
        //: A refused start: "F3 not started: scan the device's label first."
        post(Severity::Error, tr("%1 not started: %2").arg(title, refusal));
        return;
    }
    m_batch.insert(fixture);
}

void MainWindow::startAll()
{
    if (m_recordBroken) {
        post(Severity::Error,
            tr("Nothing started: the record cannot be written; no new run can start until it "
               "can."));
        return;
    }
    if (!m_station.hasRecipe()) {
        post(Severity::Error, tr("Nothing started: no recipe is loaded; open one first."));
        return;
    }
    int started = 0;
    // Refusals grouped by reason, so eight missing labels make one line, not eight.
    QList<std::pair<QString, QStringList>> refused;
    for (int fixture : m_station.fixtureNumbers()) {
        if (m_station.isRunning(fixture))
            continue;
        const FixtureSnapshot s = m_station.snapshot(fixture);
        // Start all means every fixture that holds a device; empty ones are not an error.
        if (s.presence != Presence::Present)
            continue;
        QString refusal = refusalFor(fixture);
        if (refusal.isEmpty()) {
            if (Result<> ok = m_station.startFixture(fixture); ok) {
                m_batch.insert(fixture);
                ++started;
                continue;
            } else {
                refusal = ok.error().message.translated();
            }
        }
        auto it = std::find_if(refused.begin(), refused.end(), [&](const auto &entry) {
            return entry.first == refusal;
        });
        if (it == refused.end())
            refused.append({refusal, {fixtureTitle(fixture)}});
        else
            it->second.append(fixtureTitle(fixture));
    }
    for (const auto &[reason, fixtures] : refused) {
        //: "Not started (F3, F5): scan the device's label first."
        post(Severity::Error, tr("Not started (%1): %2").arg(fixtures.join(u", "_s), reason));
    }
    if (started > 0)
        post(Severity::Info, tr("Started %n fixture(s).", nullptr, started));
    else if (refused.isEmpty())
        post(Severity::Warning, tr("Nothing to start: no fixture holds an idle device."));
}

void MainWindow::stopFixture(int fixture)
{
    if (!m_station.isRunning(fixture))
        return;
    m_station.stopFixture(fixture);
    post(Severity::Info, tr("%1: stopping…").arg(fixtureTitle(fixture)));
}

void MainWindow::stopAll()
{
    int running = 0;
    for (int fixture : m_station.fixtureNumbers())
        running += m_station.isRunning(fixture) ? 1 : 0;
    if (running == 0)
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

bool MainWindow::bindScannedLabel(const QString &scanned)
{
    const QString label = scanned.trimmed();
    if (label.isEmpty())
        return false;
    const int fixture = scanTarget();
    if (fixture == 0) {
        post(Severity::Warning,
            tr("Label %1 read, but no fixture is waiting for a label: select a tile, then scan "
               "again.")
                .arg(label));
        return false;
    }
    const QString title = fixtureTitle(fixture);
    if (m_station.hasRecipe() && wantsLabelMac(m_station.recipe()) && looksLikeMac(label)) {
        m_station.setLabelMacAddress(fixture, label);
        post(Severity::Success, tr("MAC address %1 → %2").arg(label, title));
        return true;
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
    m_scanField->setFocus();
    post(Severity::Warning,
        tr("Read \"%1\" without an Enter at the end: check it in the scan field and press Enter.")
            .arg(text));
}

void MainWindow::onDigit(int digit)
{
    if (digit > m_station.fixtureCount())
        return;
    const QList<int> numbers = m_station.fixtureNumbers();
    if (numbers.contains(digit))
        startFixture(digit);
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
    return m_pages->currentWidget() == m_linePage && isActiveWindow();
}

void MainWindow::onRecordError(const QString &message)
{
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
    for (int fixture : std::as_const(m_batch)) {
        const FixtureSnapshot s = m_station.snapshot(fixture);
        if (s.verdict == RunOutcome::Pass)
            ++pass;
        else if (s.verdict == RunOutcome::Fail)
            ++fail;
        else
            ++other;
    }
    m_batch.clear();
    //: Summary when the line falls idle: "All runs finished: 7 PASS, 1 FAIL, 0 stopped"
    post(fail > 0 ? Severity::Warning : Severity::Success,
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
            .arg(fixtureTitle(fixture),
                FixtureModel::shortDeviceId(previousId),
                FixtureModel::shortDeviceId(newId)));
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
    //: Page of the recorded runs (quality staff)
    m_recordsTab = scrollable(m_recordsPage, this);
    m_pages->addTab(m_recordsTab, tr("Records"));

    m_yieldPage = new YieldPage(this);
    m_yieldPage->setObjectName(u"yieldPage"_s);
    //: Page of the yield figures and failure Pareto (quality staff)
    m_yieldTab = scrollable(m_yieldPage, this);
    m_pages->addTab(m_yieldTab, tr("Yield"));
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
    if (m_pages->currentWidget() == m_linePage)
        m_grid->view()->setFocus();
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
    // Escape goes back to the tiles, as the operator expects after a look at a device.
    auto *back = new QShortcut(QKeySequence(Qt::Key_Escape), m_deviceView);
    back->setContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QShortcut::activated, this, [this] { showPage(Page::Line); });
    m_deviceTab = scrollable(m_deviceView, this);
    const int index = m_pages->addTab(m_deviceTab, tr("Device"));
    // Hidden until a device is opened: an empty device page only raises questions.
    m_pages->setTabVisible(index, false);
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
    if (current && current == m_deviceTab)
        return Page::Device;
    return Page::Line;
}

void MainWindow::post(Severity severity, const QString &text)
{
    m_messages->post(severity, text);
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
    // with the signal as their cause, the record closed, and the window then closes.
    m_station.shutdown(StationController::ShutdownBound, CancelReason::Signal, signal);
    close();
}

} // namespace Station
