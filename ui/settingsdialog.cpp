#include "ui/settingsdialog.h"

#include "models/fixtureconfigmodel.h"
#include "services/azsphere/azsphereclient.h"
#include "ui/pagelook.h"
#include "ui/theme.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QSysInfo>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Station {

namespace {

enum PathKind { ExecutableFile, Folder, SaveFile };

const QString LanguageKey = u"ui/language"_s;

// A check is a short call: it answers in a second, and a tool that does not is broken.
const AzsphereTimeouts CheckTimeouts = [] {
    AzsphereTimeouts timeouts;
    timeouts.command = 20s;
    return timeouts;
}();

QString describe(const Error &error)
{
    return error.remedy.isEmpty()
        ? error.message.translated()
        : u"%1 %2"_s.arg(error.message.translated(), error.remedy.translated());
}

// Runs on the dialog's pool: the AzsphereClient blocks this thread only, and the dialog's
// CancelToken ends the call if the dialog closes.
SettingsToolCheck runCheck(ToolDialect dialect,
    const QString &program,
    const QProcessEnvironment &environment,
    const CancelToken &cancel,
    bool detect)
{
    SettingsToolCheck check;
    AzsphereClient client(dialect, program, environment, cancel, {}, CheckTimeouts);
    auto detailOf = [](const ToolResult &tool) {
        QString detail = tool.commandLine;
        if (!tool.stdOut.isEmpty())
            detail += u'\n' + tool.stdOutText().trimmed();
        if (!tool.stdErr.isEmpty())
            detail += u'\n' + tool.stdErrText().trimmed();
        return detail;
    };
    if (detect) {
        ToolReply<QList<AttachedDevice>> reply = client.listAttached();
        check.detail = detailOf(reply.tool);
        check.ok = reply.isSuccess();
        if (check.ok)
            check.devices = *reply.value;
        else
            check.text = describe(reply.error());
    } else {
        ToolReply<QString> reply = client.showVersion();
        check.detail = detailOf(reply.tool);
        check.ok = reply.isSuccess();
        check.text = check.ok ? *reply.value : describe(reply.error());
    }
    return check;
}

QString environmentText(const QMap<QString, QString> &environment)
{
    QStringList lines;
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        lines << u"%1=%2"_s.arg(it.key(), it.value());
    return lines.join(u'\n');
}

QMap<QString, QString> environmentFromText(const QString &text)
{
    QMap<QString, QString> environment;
    const QStringList lines = text.split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype equals = line.indexOf(u'=');
        // A line without "=" is kept as a name, so problems() can say what is wrong with it.
        if (equals < 0)
            environment.insert(line, QString());
        else
            environment.insert(line.left(equals).trimmed(), line.mid(equals + 1));
    }
    return environment;
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_fixtures(new FixtureConfigModel(this))
{
    qRegisterMetaType<Station::SettingsToolCheck>();
    setWindowTitle(tr("Station settings"));
    m_pool.setMaxThreadCount(1);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(u"tabs"_s);
    tabs->addTab(buildStationTab(), tr("Station"));
    tabs->addTab(buildToolsTab(), tr("Tools"));
    tabs->addTab(buildFixturesTab(), tr("Fixtures"));
    tabs->addTab(buildTimeoutsTab(), tr("Timeouts"));
    tabs->addTab(buildPlantTab(), tr("Plant database"));
    tabs->addTab(buildSignInTab(), tr("Sign-in"));

    m_problemsPanel = new QFrame(this);
    m_problemsPanel->setObjectName(u"problemsPanel"_s);
    const Theme::StateStyle warning = Theme::stateStyle(FixtureModel::TileState::Fail);
    m_problemsPanel->setStyleSheet(u"QFrame#problemsPanel { background: %1; border: 1px solid %2; "
                                   "border-left: 6px solid %2; border-radius: 3px; }"_s.arg(
                                       warning.tile.name(), warning.accent.name()));
    m_problems = new QLabel(m_problemsPanel);
    m_problems->setObjectName(u"problems"_s);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::RichText);
    auto *problemsLayout = new QVBoxLayout(m_problemsPanel);
    problemsLayout->setContentsMargins(14, 8, 10, 8);
    problemsLayout->addWidget(m_problems);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_problemsPanel);
    layout->addWidget(m_buttons);

    connect(m_fixtures, &FixtureConfigModel::dataChanged, this, &SettingsDialog::updateProblems);
    connect(m_fixtures, &FixtureConfigModel::rowsInserted, this, &SettingsDialog::updateProblems);
    connect(m_fixtures, &FixtureConfigModel::rowsRemoved, this, &SettingsDialog::updateProblems);
    connect(m_fixtures, &FixtureConfigModel::modelReset, this, &SettingsDialog::updateProblems);

    setConfig({});
    setLanguage(savedLanguage());
    resize(980, 680);
}

SettingsDialog::~SettingsDialog()
{
    m_cancel.cancel();
    m_pool.waitForDone();
}

QWidget *SettingsDialog::pathRow(QLineEdit *edit, int kind)
{
    auto *row = new QWidget(this);
    auto *browse = new QPushButton(tr("Browse\u2026"), row);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, kind] {
        const QString start = edit->text();
        QString chosen;
        switch (PathKind(kind)) {
        case ExecutableFile:
            chosen = QFileDialog::getOpenFileName(this, tr("Choose the program"), start);
            break;
        case Folder:
            chosen = QFileDialog::getExistingDirectory(this, tr("Choose a folder"), start);
            break;
        case SaveFile:
            chosen = QFileDialog::getSaveFileName(this,
                tr("Choose the record file"),
                start,
                tr("Station record (*.sqlite)"),
                nullptr,
                QFileDialog::DontConfirmOverwrite);
            break;
        }
        if (!chosen.isEmpty())
            edit->setText(QDir::toNativeSeparators(chosen));
    });
    return row;
}

QWidget *SettingsDialog::buildStationTab()
{
    auto *tab = new QWidget(this);
    m_stationName = new QLineEdit(tab);
    m_stationName->setObjectName(u"stationName"_s);
    m_stationName->setPlaceholderText(tr("e.g. LINE2-ST04"));
    m_operatorName = new QLineEdit(tab);
    m_operatorName->setObjectName(u"operatorName"_s);
    m_language = new QComboBox(tab);
    m_language->setObjectName(u"language"_s);
    m_language->addItem(tr("System language"), QString());
    // Each language in its own name, so whoever needs it can find it.
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Deutsch"_s, u"de"_s);
    m_language->addItem(u"\u7b80\u4f53\u4e2d\u6587"_s, u"zh_CN"_s);
    auto *languageNote = new QLabel(tr("Takes effect when the station starts next."), tab);
    PageLook::makeFieldName(languageNote);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_language);
    languageRow->addWidget(languageNote, 1);

    m_recipeFolder = new QLineEdit(tab);
    m_recipeFolder->setObjectName(u"recipeFolder"_s);
    m_recipeFolder->setPlaceholderText(tr("The sample recipes"));
    m_recordFile = new QLineEdit(tab);
    m_recordFile->setObjectName(u"recordFile"_s);
    m_recordFile->setPlaceholderText(tr("The application's data folder"));
    m_logFolder = new QLineEdit(tab);
    m_logFolder->setObjectName(u"logFolder"_s);
    m_logFolder->setPlaceholderText(tr("The application's data folder"));

    auto *form = new QFormLayout(tab);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Station name"), m_stationName);
    form->addRow(tr("Operator"), m_operatorName);
    form->addRow(tr("Language"), languageRow);
    form->addRow(tr("Recipe folder"), pathRow(m_recipeFolder, Folder));
    form->addRow(tr("Record file"), pathRow(m_recordFile, SaveFile));
    form->addRow(tr("Log folder"), pathRow(m_logFolder, Folder));

    for (QLineEdit *edit :
        {m_stationName, m_operatorName, m_recipeFolder, m_recordFile, m_logFolder})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::updateProblems);
    return tab;
}

QWidget *SettingsDialog::buildToolsTab()
{
    auto *tab = new QWidget(this);
    auto *backendBox = new QGroupBox(tr("Back end"), tab);
    m_simulator
        = new QRadioButton(tr("Simulator: a bench of simulated devices, no hardware"), backendBox);
    m_simulator->setObjectName(u"backendSimulator"_s);
    m_real = new QRadioButton(tr("Real devices through the Azure Sphere SDK"), backendBox);
    m_real->setObjectName(u"backendReal"_s);
    auto *group = new QButtonGroup(backendBox);
    group->addButton(m_simulator);
    group->addButton(m_real);
    auto *backendLayout = new QVBoxLayout(backendBox);
    backendLayout->addWidget(m_simulator);
    backendLayout->addWidget(m_real);
    m_cli = new QComboBox(backendBox);
    m_cli->setObjectName(u"cli"_s);
    //: The two Microsoft tools; Legacy retires on 27 September 2027
    m_cli->addItem(tr("azsphere (Azure Sphere Legacy)"), toolDialectName(ToolDialect::Azsphere));
    m_cli->addItem(tr("az sphere (Azure Sphere Integrated)"), toolDialectName(ToolDialect::Az));
    auto *cliRow = new QHBoxLayout;
    auto *cliLabel = new QLabel(tr("Tool:"), backendBox);
    cliLabel->setBuddy(m_cli);
    // The label keeps its whole text; the list gives way on a narrow dialog.
    cliLabel->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    m_cli->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_cli->setMinimumContentsLength(16);
    cliRow->addWidget(cliLabel);
    cliRow->addWidget(m_cli, 1);
    backendLayout->addLayout(cliRow);

    m_realTools = new QGroupBox(tr("Tools"), tab);
    m_azsphere = new QLineEdit(m_realTools);
    m_azsphere->setObjectName(u"azspherePath"_s);
    m_azsphere->setPlaceholderText(tr("Found on the PATH"));
    m_az = new QLineEdit(m_realTools);
    m_az->setObjectName(u"azPath"_s);
    m_az->setPlaceholderText(tr("Found on the PATH"));
    m_check = new QPushButton(tr("Check"), m_realTools);
    m_check->setObjectName(u"checkAzsphere"_s);
    m_check->setToolTip(tr("Ask the selected tool for its version"));
    m_azsphereStatus = new QLabel(m_realTools);
    m_azsphereStatus->setObjectName(u"azsphereStatus"_s);
    m_azsphereStatus->setWordWrap(true);
    m_azsphereStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *azsphereRow = new QHBoxLayout;
    azsphereRow->addWidget(pathRow(m_azsphere, ExecutableFile), 1);
    azsphereRow->addWidget(m_check);

    m_rfSettingsTool = new QLineEdit(m_realTools);
    m_rfSettingsTool->setObjectName(u"rfSettingsToolPath"_s);
    m_rfSettingsTool->setPlaceholderText(tr("Found on the PATH"));
    m_rfToolCli = new QLineEdit(m_realTools);
    m_rfToolCli->setObjectName(u"rfToolCliPath"_s);
    m_rfToolCli->setPlaceholderText(tr("Found on the PATH"));
    m_toolEnvironment = new QPlainTextEdit(m_realTools);
    m_toolEnvironment->setObjectName(u"toolEnvironment"_s);
    m_toolEnvironment->setFont(Theme::monoFont(13));
    m_toolEnvironment->setPlaceholderText(tr("One NAME=value per line"));
    m_toolEnvironment->setFixedHeight(QFontMetrics(Theme::monoFont(13)).lineSpacing() * 4 + 14);

    auto *form = new QFormLayout(m_realTools);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("azsphere"), azsphereRow);
    form->addRow(tr("az"), pathRow(m_az, ExecutableFile));
    form->addRow(QString(), m_azsphereStatus);
    form->addRow(tr("RfSettingsTool"), pathRow(m_rfSettingsTool, ExecutableFile));
    form->addRow(tr("RfToolCli"), pathRow(m_rfToolCli, ExecutableFile));
    form->addRow(tr("Environment"), m_toolEnvironment);

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(backendBox);
    layout->addWidget(m_realTools);
    layout->addStretch(1);

    connect(m_simulator, &QRadioButton::toggled, this, &SettingsDialog::updateBackend);
    connect(m_check, &QPushButton::clicked, this, &SettingsDialog::checkAzsphere);
    for (QLineEdit *edit : {m_azsphere, m_az, m_rfSettingsTool, m_rfToolCli})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::updateProblems);
    connect(m_azsphere, &QLineEdit::textChanged, m_azsphereStatus, &QLabel::clear);
    connect(m_az, &QLineEdit::textChanged, m_azsphereStatus, &QLabel::clear);
    connect(m_cli, &QComboBox::currentIndexChanged, this, [this] {
        m_azsphereStatus->clear();
        updateBackend();
    });
    connect(m_toolEnvironment, &QPlainTextEdit::textChanged, this, &SettingsDialog::updateProblems);
    return tab;
}

QWidget *SettingsDialog::buildTimeoutsTab()
{
    auto *tab = new QWidget(this);
    m_defaultTimeout = new QSpinBox(tab);
    m_defaultTimeout->setObjectName(u"defaultTimeout"_s);
    m_defaultTimeout->setRange(1, 24 * 3600);
    m_defaultTimeout->setSuffix(tr(" s"));
    m_stepTimeouts = new QTableWidget(0, 2, tab);
    m_stepTimeouts->setObjectName(u"stepTimeouts"_s);
    m_stepTimeouts->setHorizontalHeaderLabels({tr("Step type"), tr("Timeout (s)")});
    m_stepTimeouts->horizontalHeader()->setStretchLastSection(true);
    m_stepTimeouts->setColumnWidth(0, 240);
    m_stepTimeouts->verticalHeader()->hide();
    auto *add = new QPushButton(tr("Add"), tab);
    auto *remove = new QPushButton(tr("Remove"), tab);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *timeouts = new QVBoxLayout;
    timeouts->addWidget(m_stepTimeouts);
    timeouts->addLayout(buttons);

    m_baudRate = new QComboBox(tab);
    m_baudRate->setObjectName(u"uartBaudRate"_s);
    m_baudRate->setEditable(true);
    for (int rate : {9600, 57600, 115200, 230400, 460800, 921600})
        m_baudRate->addItem(QString::number(rate), rate);
    m_uartPattern = new QLineEdit(tab);
    m_uartPattern->setObjectName(u"uartPortPattern"_s);

    auto *form = new QFormLayout(tab);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Default step timeout"), m_defaultTimeout);
    form->addRow(tr("Per step type"), timeouts);
    form->addRow(tr("UART baud rate"), m_baudRate);
    form->addRow(tr("UART ports offered"), m_uartPattern);

    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_stepTimeouts->rowCount();
        m_stepTimeouts->insertRow(row);
        m_stepTimeouts->setItem(row, 0, new QTableWidgetItem(u"recover"_s));
        m_stepTimeouts->setItem(row, 1, new QTableWidgetItem(u"900"_s));
        m_stepTimeouts->editItem(m_stepTimeouts->item(row, 0));
        updateProblems();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_stepTimeouts->currentRow();
        if (row >= 0)
            m_stepTimeouts->removeRow(row);
        updateProblems();
    });
    connect(m_stepTimeouts, &QTableWidget::itemChanged, this, &SettingsDialog::updateProblems);
    connect(m_defaultTimeout, &QSpinBox::valueChanged, this, &SettingsDialog::updateProblems);
    connect(m_baudRate, &QComboBox::currentTextChanged, this, &SettingsDialog::updateProblems);
    return tab;
}

QWidget *SettingsDialog::buildFixturesTab()
{
    auto *tab = new QWidget(this);
    auto *intro = new QLabel(tr("Each fixture is bound to the USB port it is wired to (its FTDI "
                                "location ID), or to an IP address where the SDK reports no "
                                "connection path."),
        tab);
    intro->setWordWrap(true);
    PageLook::makeFieldName(intro);

    m_fixtureView = new QTableView(tab);
    m_fixtureView->setObjectName(u"fixtures"_s);
    m_fixtureView->setModel(m_fixtures);
    m_fixtureView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fixtureView->setEditTriggers(QAbstractItemView::DoubleClicked
        | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_fixtureView->verticalHeader()->hide();
    m_fixtureView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_fixtureView->horizontalHeader()->setStretchLastSection(true);
    m_fixtureView->setColumnWidth(FixtureConfigModel::NumberColumn, 80);
    m_fixtureView->setColumnWidth(FixtureConfigModel::LabelColumn, 120);
    m_fixtureView->setColumnWidth(FixtureConfigModel::ConnectionPathColumn, 160);
    m_fixtureView->setColumnWidth(FixtureConfigModel::IpAddressColumn, 160);

    auto *add = new QPushButton(tr("Add fixture"), tab);
    add->setObjectName(u"addFixture"_s);
    auto *remove = new QPushButton(tr("Remove"), tab);
    remove->setObjectName(u"removeFixture"_s);
    m_detect = new QPushButton(tr("Detect attached"), tab);
    m_detect->setObjectName(u"detectAttached"_s);
    m_detect->setToolTip(tr("Run azsphere device list-attached and fill in the connection paths "
                            "of the devices plugged in now"));
    m_detectStatus = new QLabel(tab);
    m_detectStatus->setObjectName(u"detectStatus"_s);
    m_detectStatus->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addSpacing(20);
    buttons->addWidget(m_detect);
    buttons->addWidget(m_detectStatus, 1);

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(intro);
    layout->addWidget(m_fixtureView, 1);
    layout->addLayout(buttons);
    layout->addWidget(buildHandsFreeBox(tab));

    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_fixtures->addFixture();
        m_fixtureView->setCurrentIndex(m_fixtures->index(row, FixtureConfigModel::LabelColumn));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_fixtureView->selectionModel()->selectedRows();
        QList<int> numbers;
        for (const QModelIndex &index : rows)
            numbers << index.row();
        std::sort(numbers.rbegin(), numbers.rend());
        for (int row : std::as_const(numbers))
            m_fixtures->removeRows(row, 1);
    });
    connect(m_detect, &QPushButton::clicked, this, &SettingsDialog::detectAttached);
    return tab;
}

QWidget *SettingsDialog::buildHandsFreeBox(QWidget *parent)
{
    auto *box = new QGroupBox(tr("Hands-free"), parent);
    m_handsFree = new QCheckBox(tr("Start a new device by itself once it has answered for the "
                                   "settle time"),
        box);
    m_handsFree->setObjectName(u"handsFree"_s);
    m_handsFree->setToolTip(tr("Only a device that was not in the fixture before starts; the "
                               "start rules (sign-in, label, recipe) apply as for a click. Takes "
                               "effect when the station starts next."));
    m_handsFreeSettle = new QDoubleSpinBox(box);
    m_handsFreeSettle->setObjectName(u"handsFreeSettle"_s);
    m_handsFreeSettle->setDecimals(1);
    m_handsFreeSettle->setSingleStep(0.5);
    m_handsFreeSettle->setRange(StationConfig::HandsFreeSettleMin.count() / 1000.0,
        StationConfig::HandsFreeSettleMax.count() / 1000.0);
    m_handsFreeSettle->setSuffix(tr(" s"));
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(m_handsFree);
    form->addRow(tr("Settle time"), m_handsFreeSettle);
    connect(m_handsFree, &QCheckBox::toggled, m_handsFreeSettle, &QWidget::setEnabled);
    connect(m_handsFree, &QCheckBox::toggled, this, &SettingsDialog::updateProblems);
    connect(
        m_handsFreeSettle, &QDoubleSpinBox::valueChanged, this, &SettingsDialog::updateProblems);
    return box;
}

QWidget *SettingsDialog::buildPlantTab()
{
    auto *tab = new QWidget(this);
    auto *intro = new QLabel(tr("The station delivers its record to the plant database and, while "
                                "the plant answers, asks it whether a label or a device is known "
                                "at another station. Without a connection the record stays on "
                                "this station. Changes take effect when the station starts next."),
        tab);
    intro->setWordWrap(true);
    PageLook::makeFieldName(intro);

    // A field with a line or two under it saying what it is for.
    auto withNote = [tab](QLineEdit *edit, const QString &note) {
        auto *label = new QLabel(note, tab);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        PageLook::makeFieldName(label);
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(edit);
        column->addWidget(label);
        return column;
    };
    const QString conninfoHelp = tr("libpq key=value pairs (host, port, dbname, user, sslmode, "
                                    "sslrootcert) or service=NAME from a pg_service.conf");
    m_plantConnection = new QLineEdit(tab);
    m_plantConnection->setObjectName(u"plantConnection"_s);
    //: %1 is an example of a setting that stays as it is (a PostgreSQL connection string)
    m_plantConnection->setPlaceholderText(
        tr("e.g. %1").arg(u"host=plant-db dbname=plant user=station_l2s1 sslmode=verify-full"_s));
    m_plantConnection->setToolTip(conninfoHelp);
    m_plantStationId = new QLineEdit(tab);
    m_plantStationId->setObjectName(u"plantStationId"_s);
    m_plantReadConnection = new QLineEdit(tab);
    m_plantReadConnection->setObjectName(u"plantReadConnection"_s);
    m_plantReadConnection->setPlaceholderText(
        tr("e.g. %1").arg(u"host=plant-db dbname=plant user=quality_l2 sslmode=verify-full"_s));
    m_plantReadConnection->setToolTip(conninfoHelp);

    auto *passwordHint = new QLabel(
        tr("Passwords come from ~/.pgpass, PGPASSFILE or a service file, never from here."), tab);
    passwordHint->setObjectName(u"plantPasswordHint"_s);
    passwordHint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(12);
    form->addRow(tr("Connection"),
        withNote(m_plantConnection,
            tr("The station's own login: it delivers the record and checks labels and devices "
               "against the plant.")));
    form->addRow(tr("Station ID"),
        withNote(
            m_plantStationId, tr("The station ID that IT registered for this station's login.")));
    form->addRow(tr("Read connection"),
        withNote(m_plantReadConnection,
            tr("A quality login (role plant_quality) for the plant views and the analytics. "
               "Empty: they show this station's record only.")));

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(passwordHint);
    layout->addStretch(1);

    for (QLineEdit *edit : {m_plantConnection, m_plantStationId, m_plantReadConnection})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::updateProblems);
    // The station ID it falls back to follows the station's name as it is typed.
    connect(m_stationName,
        &QLineEdit::textChanged,
        this,
        &SettingsDialog::updatePlantStationPlaceholder);
    updatePlantStationPlaceholder();
    return tab;
}

QWidget *SettingsDialog::buildSignInTab()
{
    auto *tab = new QWidget(this);
    auto *intro = new QLabel(tr("Who may do what is set per user (Users…, Ctrl+U) and described in "
                                "the roles table. These two settings take effect when saved."),
        tab);
    intro->setWordWrap(true);
    PageLook::makeFieldName(intro);

    m_idleMinutes = new QSpinBox(tab);
    m_idleMinutes->setObjectName(u"idleMinutes"_s);
    m_idleMinutes->setRange(0, 24 * 60);
    //: The idle time before an automatic sign-out, when it is 0
    m_idleMinutes->setSpecialValueText(tr("Never"));
    //: After a number of minutes, e.g. "15 min"
    m_idleMinutes->setSuffix(tr(" min"));
    auto *idleNote = new QLabel(tr("A user is signed out after this long without a key or a click, "
                                   "never while a run they started is going on."),
        tab);
    idleNote->setWordWrap(true);
    PageLook::makeFieldName(idleNote);

    m_badgePattern = new QLineEdit(tab);
    m_badgePattern->setObjectName(u"badgePattern"_s);
    //: %1 is an example regular expression that stays as it is
    m_badgePattern->setPlaceholderText(tr("e.g. %1").arg(u"^SPH-Badge-\\d+$"_s));
    auto *patternNote = new QLabel(tr("A regular expression. A scan that matches it is a badge and "
                                      "opens the sign-in, also while someone is signed in and "
                                      "also when the station does not know the badge yet. A "
                                      "user's badge opens the sign-in with or without a pattern."),
        tab);
    patternNote->setWordWrap(true);
    PageLook::makeFieldName(patternNote);

    m_badgeTry = new QLineEdit(tab);
    m_badgeTry->setObjectName(u"badgeTry"_s);
    m_badgeTry->setPlaceholderText(tr("Scan or type a badge or a device label"));
    m_badgeTryResult = new QLabel(tab);
    m_badgeTryResult->setObjectName(u"badgeTryResult"_s);
    m_badgeTryResult->setWordWrap(true);

    auto column = [](QWidget *field, QWidget *note) {
        auto *layout = new QVBoxLayout;
        layout->setSpacing(2);
        layout->addWidget(field);
        layout->addWidget(note);
        return layout;
    };
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(12);
    form->addRow(tr("Automatic sign-out"), column(m_idleMinutes, idleNote));
    form->addRow(tr("Badge pattern"), column(m_badgePattern, patternNote));
    form->addRow(tr("Try a scan"), column(m_badgeTry, m_badgeTryResult));

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addStretch(1);

    connect(m_idleMinutes, &QSpinBox::valueChanged, this, &SettingsDialog::updateProblems);
    connect(m_badgePattern, &QLineEdit::textChanged, this, &SettingsDialog::updateProblems);
    connect(m_badgePattern, &QLineEdit::textChanged, this, &SettingsDialog::updateBadgeTry);
    connect(m_badgeTry, &QLineEdit::textChanged, this, &SettingsDialog::updateBadgeTry);
    updateBadgeTry();
    return tab;
}

void SettingsDialog::updateBadgeTry()
{
    const QString pattern = m_badgePattern->text().trimmed();
    const QString scan = m_badgeTry->text().trimmed();
    QString text;
    if (scan.isEmpty()) {
        text.clear();
    } else if (pattern.isEmpty()) {
        text = tr("No pattern: this scan opens the sign-in if it is a user's badge or nobody is "
                  "signed in; otherwise it is a device label.");
    } else {
        const QRegularExpression expression(pattern);
        if (!expression.isValid())
            text = tr("The pattern is not a valid regular expression: %1")
                       .arg(expression.errorString());
        else if (expression.match(scan).hasMatch())
            text = tr("A badge: this scan opens the sign-in.");
        else
            text = tr("No match: this scan is a device label, unless it is a user's badge.");
    }
    m_badgeTryResult->setText(text);
    m_badgeTryResult->setVisible(!text.isEmpty());
}

void SettingsDialog::updatePlantStationPlaceholder()
{
    const QString name = m_stationName->text().trimmed();
    QString fallback;
    if (name.isEmpty()) {
        //: The station ID used when none is set and the station has no name: %1 is the host name
        fallback = tr("%1 (this computer's name)").arg(QSysInfo::machineHostName());
    } else {
        //: The station ID used when none is set: %1 is the station's name
        fallback = tr("%1 (the station name)").arg(name);
    }
    m_plantStationId->setPlaceholderText(fallback);
}

bool SettingsDialog::load(const QString &path, const QString &defaultsPath)
{
    m_path = path;
    const QString readPath = QFileInfo::exists(path)                 ? path
        : !defaultsPath.isEmpty() && QFileInfo::exists(defaultsPath) ? defaultsPath
                                                                     : QString();
    if (readPath.isEmpty()) {
        setConfig({});
        return true;
    }
    const Result<StationConfig> loaded = StationConfig::load(readPath);
    if (!loaded) {
        setConfig({});
        m_problemsPanel->show();
        m_problems->setText(tr("<b>%1 cannot be read:</b> %2")
                                .arg(readPath.toHtmlEscaped(),
                                    loaded.error().message.translated().toHtmlEscaped()));
        return false;
    }
    setConfig(*loaded);
    return true;
}

void SettingsDialog::setConfig(const StationConfig &config)
{
    m_config = config;
    m_simulator->setChecked(config.backend == Backend::Simulator);
    m_real->setChecked(config.backend == Backend::Real);
    m_cli->setCurrentIndex(m_cli->findData(toolDialectName(config.cli)));
    m_azsphere->setText(config.azspherePath);
    m_az->setText(config.azPath);
    m_rfSettingsTool->setText(config.rfSettingsToolPath);
    m_rfToolCli->setText(config.rfToolCliPath);
    m_toolEnvironment->setPlainText(environmentText(config.toolEnvironment));
    m_stationName->setText(config.stationName);
    m_operatorName->setText(config.operatorName);
    m_recipeFolder->setText(config.recipeFolder);
    m_recordFile->setText(config.recordFile);
    m_logFolder->setText(config.logFolder);
    m_plantConnection->setText(config.plantConnection);
    m_plantStationId->setText(config.plantStationId);
    m_plantReadConnection->setText(config.plantReadConnection);
    m_idleMinutes->setValue(config.idleMinutes);
    m_badgePattern->setText(config.badgePattern);
    m_defaultTimeout->setValue(
        int(std::chrono::duration_cast<std::chrono::seconds>(config.defaultStepTimeout).count()));
    {
        const QSignalBlocker blocker(m_stepTimeouts);
        m_stepTimeouts->setRowCount(0);
        for (auto it = config.stepTimeouts.cbegin(); it != config.stepTimeouts.cend(); ++it) {
            const int row = m_stepTimeouts->rowCount();
            m_stepTimeouts->insertRow(row);
            m_stepTimeouts->setItem(row, 0, new QTableWidgetItem(it.key()));
            const qint64 seconds
                = std::chrono::duration_cast<std::chrono::seconds>(it.value()).count();
            m_stepTimeouts->setItem(row, 1, new QTableWidgetItem(QString::number(seconds)));
        }
    }
    m_baudRate->setCurrentText(QString::number(config.uartBaudRate));
    m_uartPattern->setText(config.uartPortPattern);
    m_fixtures->setFixtures(config.fixtures);
    m_handsFree->setChecked(config.handsFree);
    m_handsFreeSettle->setEnabled(config.handsFree);
    m_handsFreeSettle->setValue(double(config.handsFreeSettle.count()) / 1000.0);
    m_azsphereStatus->clear();
    m_detectStatus->clear();
    updateBackend();
    updateProblems();
}

StationConfig SettingsDialog::config() const
{
    StationConfig c = m_config;
    c.backend = m_real->isChecked() ? Backend::Real : Backend::Simulator;
    c.cli = toolDialectFromName(m_cli->currentData().toString()).value_or(ToolDialect::Azsphere);
    c.azspherePath = m_azsphere->text().trimmed();
    c.azPath = m_az->text().trimmed();
    c.rfSettingsToolPath = m_rfSettingsTool->text().trimmed();
    c.rfToolCliPath = m_rfToolCli->text().trimmed();
    c.toolEnvironment = environmentFromText(m_toolEnvironment->toPlainText());
    c.stationName = m_stationName->text().trimmed();
    c.operatorName = m_operatorName->text().trimmed();
    c.recipeFolder = m_recipeFolder->text().trimmed();
    c.recordFile = m_recordFile->text().trimmed();
    c.logFolder = m_logFolder->text().trimmed();
    c.plantConnection = m_plantConnection->text().trimmed();
    c.plantStationId = m_plantStationId->text().trimmed();
    c.plantReadConnection = m_plantReadConnection->text().trimmed();
    c.idleMinutes = m_idleMinutes->value();
    c.badgePattern = m_badgePattern->text().trimmed();
    c.defaultStepTimeout = std::chrono::seconds(m_defaultTimeout->value());
    c.stepTimeouts.clear();
    for (int row = 0; row < m_stepTimeouts->rowCount(); ++row) {
        const QTableWidgetItem *type = m_stepTimeouts->item(row, 0);
        const QTableWidgetItem *seconds = m_stepTimeouts->item(row, 1);
        if (!type || type->text().trimmed().isEmpty())
            continue;
        // Not a number: 0, which problems() reports as not positive.
        const qint64 value = seconds ? seconds->text().trimmed().toLongLong() : 0;
        c.stepTimeouts.insert(type->text().trimmed(), std::chrono::seconds(value));
    }
    bool ok = false;
    const int baud = m_baudRate->currentText().trimmed().toInt(&ok);
    c.uartBaudRate = ok ? baud : 0;
    c.uartPortPattern = m_uartPattern->text().trimmed();
    c.fixtures = m_fixtures->fixtures();
    c.handsFree = m_handsFree->isChecked();
    c.handsFreeSettle = std::chrono::milliseconds(qRound64(m_handsFreeSettle->value() * 1000.0));
    return c;
}

QStringList SettingsDialog::problems() const
{
    return config().problems();
}

void SettingsDialog::setToolSearchPaths(const QStringList &paths)
{
    m_searchPaths = paths;
}

bool SettingsDialog::isSimulatorTool(const QString &program) const
{
    const QString folder = QFileInfo(program).canonicalPath();
    return std::any_of(
        m_searchPaths.cbegin(), m_searchPaths.cend(), [&folder](const QString &path) {
            return !folder.isEmpty() && QFileInfo(path).canonicalFilePath() == folder;
        });
}

void SettingsDialog::setToolEnvironment(const QProcessEnvironment &environment)
{
    m_environment = environment;
}

void SettingsDialog::setLanguage(const QString &language)
{
    const int index = m_language->findData(language);
    m_language->setCurrentIndex(std::max(0, index));
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

QString SettingsDialog::savedLanguage()
{
    return QSettings().value(LanguageKey).toString();
}

bool SettingsDialog::save()
{
    updateProblems();
    const StationConfig c = config();
    if (!c.problems().isEmpty())
        return false;
    if (m_path.isEmpty()) {
        m_problemsPanel->show();
        m_problems->setText(tr("No configuration file was given to save to."));
        return false;
    }
    if (Result<> written = c.save(m_path); !written) {
        m_problemsPanel->show();
        m_problems->setText(tr("<b>The settings could not be saved:</b> %1")
                                .arg(describe(written.error()).toHtmlEscaped()));
        return false;
    }
    m_config = c;
    const QString chosen = language();
    const bool languageChanged = chosen != savedLanguage();
    QSettings().setValue(LanguageKey, chosen);
    Q_EMIT saved(c);
    if (languageChanged)
        Q_EMIT languageChosen(chosen);
    return true;
}

void SettingsDialog::accept()
{
    if (save())
        QDialog::accept();
}

bool SettingsDialog::isChecking() const
{
    return m_watcher != nullptr;
}

void SettingsDialog::checkAzsphere()
{
    runCheck(false);
}

void SettingsDialog::detectAttached()
{
    runCheck(true);
}

void SettingsDialog::runCheck(bool detect)
{
    if (isChecking())
        return;
    QLabel *status = detect ? m_detectStatus : m_azsphereStatus;
    const StationConfig c = config();
    auto refuse = [this, status, detect](const QString &text) {
        showStatus(status, false, text, {});
        if (detect)
            Q_EMIT detectFinished(false, 0, 0);
        else
            Q_EMIT azsphereChecked(false, status->text());
    };
    // Real devices: azsphere as configured, else from the PATH, never the simulator's folder
    // (a check that answered from the simulator would pass a station that has no real tool).
    const bool real = c.backend == Backend::Real;
    const Result<QString> program = c.sphereToolProgram(real ? QStringList() : m_searchPaths);
    if (!program) {
        refuse(describe(program.error()));
        return;
    }
    if (real && c.sphereToolPath().isEmpty() && isSimulatorTool(*program)) {
        refuse(tr("The %1 found on the PATH (%2) is the station's simulator, not "
                  "Microsoft's. Set the path of the real tool above, or choose the "
                  "simulator.")
                   .arg(toolDialectProgramName(c.cli), QDir::toNativeSeparators(*program)));
        return;
    }
    const ToolDialect dialect = c.cli;
    const QProcessEnvironment environment = c.toolProcessEnvironment(m_environment);
    const CancelToken cancel = m_cancel;
    const QString path = *program;
    m_watcherDetects = detect;
    m_watcher = new QFutureWatcher<SettingsToolCheck>(this);
    connect(m_watcher,
        &QFutureWatcher<SettingsToolCheck>::finished,
        this,
        &SettingsDialog::onCheckDone);
    m_watcher->setFuture(QtConcurrent::run(&m_pool, [dialect, path, environment, cancel, detect] {
        return Station::runCheck(dialect, path, environment, cancel, detect);
    }));
    m_check->setEnabled(false);
    m_detect->setEnabled(false);
    showStatus(status,
        true,
        detect ? tr("Looking for attached devices\u2026")
               : tr("Asking %1 for its version\u2026").arg(toolDialectCommand(dialect)),
        {});
}

void SettingsDialog::onCheckDone()
{
    const SettingsToolCheck check = m_watcher->future().resultCount() > 0
        ? m_watcher->result()
        : SettingsToolCheck {false, tr("The check ended without a result."), {}, {}};
    const bool detect = m_watcherDetects;
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_check->setEnabled(true);
    m_detect->setEnabled(true);
    if (!detect) {
        showStatus(m_azsphereStatus,
            check.ok,
            check.ok ? tr("%1: %2").arg(toolDialectCommand(config().cli), check.text) : check.text,
            check.detail);
        Q_EMIT azsphereChecked(check.ok, check.text);
        return;
    }
    if (!check.ok) {
        showStatus(m_detectStatus, false, check.text, check.detail);
        Q_EMIT detectFinished(false, 0, 0);
        return;
    }
    applyAttached(check.devices);
    showStatus(m_detectStatus, true, m_detectStatus->text(), check.detail);
}

// A device whose connection path (or, without one, IP address) a fixture already has is left
// alone; the others fill fixtures that have neither, in fixture order, then new fixtures.
void SettingsDialog::applyAttached(const QList<AttachedDevice> &devices)
{
    QList<AttachedDevice> sorted = devices;
    std::sort(sorted.begin(), sorted.end(), [](const AttachedDevice &a, const AttachedDevice &b) {
        if (a.connectionPath.size() != b.connectionPath.size())
            return a.connectionPath.size() < b.connectionPath.size();
        return a.connectionPath != b.connectionPath ? a.connectionPath < b.connectionPath
                                                    : a.ipAddress < b.ipAddress;
    });
    int known = 0;
    int filled = 0;
    for (const AttachedDevice &device : std::as_const(sorted)) {
        const QList<FixtureConfig> &fixtures = m_fixtures->fixtures();
        const bool mapped = std::any_of(fixtures.cbegin(), fixtures.cend(), [&](const auto &f) {
            return device.connectionPath.isEmpty()
                ? (!f.ipAddress.isEmpty() && f.ipAddress == device.ipAddress)
                : f.connectionPath == device.connectionPath;
        });
        if (mapped) {
            ++known;
            continue;
        }
        int row = -1;
        for (qsizetype i = 0; i < fixtures.size() && row < 0; ++i) {
            if (fixtures.at(i).connectionPath.isEmpty() && fixtures.at(i).ipAddress.isEmpty())
                row = int(i);
        }
        if (row < 0)
            row = m_fixtures->addFixture();
        FixtureConfig fixture = m_fixtures->fixtures().at(row);
        if (device.connectionPath.isEmpty())
            fixture.ipAddress = device.ipAddress;
        else
            fixture.connectionPath = device.connectionPath;
        m_fixtures->setFixture(row, fixture);
        ++filled;
    }
    QString text;
    if (sorted.isEmpty())
        text = tr("No device is attached.");
    else
        text = tr("%1 attached: %2 already in the map, %3 filled in. Check the labels, then save.")
                   .arg(tr("%n device(s)", nullptr, int(sorted.size())))
                   .arg(known)
                   .arg(filled);
    m_detectStatus->setText(text);
    Q_EMIT detectFinished(true, int(sorted.size()), filled);
}

void SettingsDialog::showStatus(QLabel *label, bool ok, const QString &text, const QString &detail)
{
    label->setText(text);
    label->setToolTip(detail);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
        ok ? Theme::textColor() : Theme::stateStyle(FixtureModel::TileState::Fail).accent);
    label->setPalette(palette);
}

void SettingsDialog::updateBackend()
{
    const bool real = m_real->isChecked();
    m_rfSettingsTool->setEnabled(real);
    m_rfToolCli->setEnabled(real);
    const bool az = m_cli->currentData().toString() == toolDialectName(ToolDialect::Az);
    m_azsphere->setEnabled(real && !az);
    m_az->setEnabled(real && az);
    m_azsphere->setPlaceholderText(
        real ? tr("Found on the PATH") : tr("The simulator's azsphere is used"));
    m_az->setPlaceholderText(real ? tr("Found on the PATH") : tr("The simulator's az is used"));
    updateProblems();
}

void SettingsDialog::updateProblems()
{
    const QList<Text> list = config().problemTexts();
    m_problemsPanel->setVisible(!list.isEmpty());
    QStringList items;
    for (const Text &problem : list)
        items << u"<li>%1</li>"_s.arg(problem.translated().toHtmlEscaped());
    m_problems->setText(list.isEmpty() ? QString()
                                       : tr("<b>Fix these before saving:</b>")
                + u"<ul style=\"margin:0\">"_s + items.join(QString()) + u"</ul>"_s);
    if (QPushButton *saveButton = m_buttons ? m_buttons->button(QDialogButtonBox::Save) : nullptr)
        saveButton->setEnabled(list.isEmpty());
}

} // namespace Station
