#include "ui/deviceviewwidget.h"

#include "models/commandlistmodel.h"
#include "models/measurementmodel.h"
#include "models/recordsmodel.h"
#include "models/steplistmodel.h"
#include "services/plant/plantreader.h"
#include "ui/outputview.h"
#include "ui/pagelook.h"
#include "ui/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QStyleOptionFrame>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

enum Field {
    SerialField,
    FixtureField,
    RecipeField,
    OperatorField,
    StationField,
    RunField,
    StartedField,
    FinishedField,
    DurationField,
    OsField,
    StateField,
    ConnectionField,
    FieldCount
};
constexpr int FieldsPerRow = 6;

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(false);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return view;
}

// A table as tall as its rows (up to maxRows, then it scrolls), so the output panes below get
// the room.
void fitRows(QTableView *view, int maxRows)
{
    const int rows = std::clamp(view->model() ? view->model()->rowCount() : 0, 1, maxRows);
    const int height = view->horizontalHeader()->sizeHint().height()
        + rows * view->verticalHeader()->defaultSectionSize() + 2 * view->frameWidth();
    view->setFixedHeight(height);
}

QStringList stepOutcomeTexts()
{
    QStringList texts;
    for (StepOutcome outcome : {StepOutcome::Pending,
             StepOutcome::Running,
             StepOutcome::Passed,
             StepOutcome::Failed,
             StepOutcome::Skipped,
             StepOutcome::Aborted})
        texts << PageText::stepOutcome(outcome);
    return texts;
}

QStringList runOutcomeTexts()
{
    QStringList texts;
    for (RunOutcome outcome : {RunOutcome::Running,
             RunOutcome::Pass,
             RunOutcome::Fail,
             RunOutcome::Aborted,
             RunOutcome::Interrupted})
        texts << PageText::runOutcome(outcome);
    return texts;
}

QLabel *makeTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    PageLook::makeSectionTitle(label);
    return label;
}

QPixmap badgeIcon(FixtureModel::TileState state, const QColor &color, int size)
{
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    Theme::paintStateIcon(&painter, QRectF(0, 0, size, size), state, color);
    return pixmap;
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? u"\u2014"_s : text;
}

// What to do about a failed step. The catalogue's remedy for an untrusted image says to sideload
// the trusted keystore; when the station has already done that by itself (the recipe's
// auto_keystore, once per run, then the image again) and the device still refuses, repeating
// it would send the technician in a circle.
QString remedyOf(const StepResult &step)
{
    const QString keystore = step.data.value(u"autoKeystore"_s).toString();
    if (step.errorCode == ErrorCode::ImageNotTrusted && !keystore.isEmpty()) {
        return DeviceViewWidget::tr(
            "The station already sideloaded the trusted keystore %1 and tried the image again; "
            "the device still does not trust it. Check that this keystore package belongs to "
            "the key that signed the image (ask for the current one), or recover the device to "
            "a newer OS, then run the device again.")
            .arg(QFileInfo(keystore).fileName());
    }
    return step.remedy.translated();
}

} // namespace

// A read-only value in the header that need not set the view's width: when it does not fit,
// it shows its text elided (the 128-digit device ID in the middle, as the short IDs on tiles
// and in the records keep both ends), with the whole text in the tooltip. The line edit still
// holds all of it: a click shows it whole, scrolling, to select and copy.
class ElidingField final : public QLineEdit
{
public:
    // minimumChars: how narrow it may get, in characters; 0: never narrower than its text.
    ElidingField(QWidget *parent, int minimumChars)
        : QLineEdit(parent)
        , m_minimumChars(minimumChars)
    {
        setReadOnly(true);
        setFrame(false);
        setFocusPolicy(Qt::ClickFocus);
        // Flush left, under its field name, like a label.
        setTextMargins(-TextMargin, 0, 0, 0);
    }

    void showText(const QString &text, Qt::TextElideMode mode)
    {
        m_mode = mode;
        setText(text);
        setCursorPosition(0);
        if (m_minimumChars > 0)
            setToolTip(text);
        updateGeometry();
        update();
    }

    // As wide as the whole text when there is room; narrower when there is not.
    QSize sizeHint() const override { return fieldSize(fontMetrics().horizontalAdvance(text())); }
    QSize minimumSizeHint() const override
    {
        const int full = fontMetrics().horizontalAdvance(text());
        const int narrowest = m_minimumChars > 0
            ? std::min(full, fontMetrics().horizontalAdvance(QString(m_minimumChars, u'0')))
            : full;
        return fieldSize(narrowest);
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        const QRect box = textBox();
        if (hasFocus() || fontMetrics().horizontalAdvance(text()) <= box.width()) {
            QLineEdit::paintEvent(event);
            return;
        }
        QPainter painter(this);
        QStyleOptionFrame option;
        initStyleOption(&option);
        style()->drawPrimitive(QStyle::PE_PanelLineEdit, &option, &painter, this);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(box,
            int(Qt::AlignLeft | Qt::AlignVCenter) | Qt::TextSingleLine,
            fontMetrics().elidedText(text(), m_mode, box.width()));
    }

private:
    // QLineEdit keeps this many pixels between its contents rect and the text (a constant
    // inside Qt: QLineEditPrivate::horizontalMargin).
    static constexpr int TextMargin = 2;

    QRect textBox() const
    {
        QStyleOptionFrame option;
        initStyleOption(&option);
        const QRect contents = style()->subElementRect(QStyle::SE_LineEditContents, &option, this);
        return contents.marginsRemoved(textMargins()).adjusted(TextMargin, 0, -TextMargin, 0);
    }

    // Frameless: the text and its margins, as tall as a label's line (the header keeps a
    // label's rhythm).
    QSize fieldSize(int textWidth) const
    {
        const QMargins margins = textMargins();
        return QSize(textWidth + 2 * TextMargin + margins.left() + margins.right() + 1,
            fontMetrics().height() + 2);
    }

    int m_minimumChars = 0;
    Qt::TextElideMode m_mode = Qt::ElideRight;
};

DeviceViewWidget::DeviceViewWidget(QWidget *parent)
    : QWidget(parent)
    , m_steps(new StepListModel(this))
    , m_commands(new CommandListModel(this))
    , m_measurements(new MeasurementModel(this))
    , m_history(new RunHistoryModel(this))
{
    const StepOutcomeLook stepLook = PageLook::stepOutcomeLooks();
    m_steps->setOutcomeLook(stepLook);
    m_measurements->setOutcomeLook(stepLook);
    m_history->setOutcomeLook(PageLook::runOutcomeLooks());

    buildHeader();
    buildCausePanel();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"mainSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildStepsPane());
    splitter->addWidget(buildDetailPane());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    // Proportions: the steps need about 560 pixels on a 1280-pixel screen.
    splitter->setSizes({900, 1100});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(m_header);
    layout->addWidget(m_causePanel);
    layout->addWidget(splitter, 1);

    clear();
}

DeviceViewWidget::~DeviceViewWidget() = default;

void DeviceViewWidget::buildHeader()
{
    m_header = new QFrame(this);
    m_header->setObjectName(u"header"_s);
    m_header->setFrameShape(QFrame::StyledPanel);
    m_header->setAutoFillBackground(true);
    QPalette palette = m_header->palette();
    palette.setColor(QPalette::Window, Theme::tileColor());
    m_header->setPalette(palette);

    m_badge = new QFrame(m_header);
    m_badge->setObjectName(u"outcomeBadge"_s);
    m_badge->setAutoFillBackground(true);
    m_badgeIcon = new QLabel(m_badge);
    m_badgeText = new QLabel(m_badge);
    m_badgeText->setObjectName(u"outcome"_s);
    m_badgeText->setFont(Theme::font(22, QFont::Bold));
    auto *badgeLayout = new QHBoxLayout(m_badge);
    badgeLayout->setContentsMargins(14, 8, 18, 8);
    badgeLayout->setSpacing(10);
    badgeLayout->addWidget(m_badgeIcon);
    badgeLayout->addWidget(m_badgeText);

    auto *deviceName = new QLabel(tr("Device ID"), m_header);
    PageLook::makeFieldName(deviceName);
    // About 24 digits: both ends of an elided ID stay readable.
    m_deviceId = new ElidingField(m_header, 24);
    m_deviceId->setObjectName(u"deviceId"_s);
    m_deviceId->setFont(Theme::monoFont(13, QFont::DemiBold));
    m_copyDevice = new QPushButton(tr("Copy"), m_header);
    m_copyDevice->setObjectName(u"copyDeviceId"_s);
    m_copyDevice->setToolTip(tr("Copy the full device ID"));
    connect(m_copyDevice, &QPushButton::clicked, this, [this] {
        copyToClipboard(m_run.start.deviceId);
    });

    auto *idLayout = new QHBoxLayout;
    idLayout->setSpacing(8);
    idLayout->addWidget(m_deviceId);
    idLayout->addWidget(m_copyDevice);
    idLayout->addStretch(1);
    auto *idColumn = new QVBoxLayout;
    idColumn->setSpacing(2);
    idColumn->addWidget(deviceName);
    idColumn->addLayout(idLayout);

    const QStringList names = {tr("Serial"),
        tr("Fixture"),
        tr("Recipe"),
        tr("Operator"),
        tr("Station"),
        tr("Run"),
        tr("Started"),
        tr("Finished"),
        tr("Duration"),
        tr("OS version"),
        tr("Manufacturing state"),
        tr("Connection")};
    m_fields = new QGridLayout;
    m_fields->setHorizontalSpacing(24);
    m_fields->setVerticalSpacing(0);
    // Free text (names, paths) may give way on a small screen; times, numbers, the fixture
    // and the serial, which the operator matches to the device's label, are shown whole.
    const QList<int> mayElide
        = {RecipeField, OperatorField, StationField, StateField, ConnectionField};
    for (int i = 0; i < FieldCount; ++i) {
        auto *name = new QLabel(names.at(i), m_header);
        PageLook::makeFieldName(name);
        auto *value = new ElidingField(m_header, mayElide.contains(i) ? 10 : 0);
        value->setFont(Theme::font(15, QFont::DemiBold));
        const int row = (i / FieldsPerRow) * 2;
        const int column = i % FieldsPerRow;
        m_fields->addWidget(name, row, column);
        m_fields->addWidget(value, row + 1, column);
        if (row > 0)
            m_fields->setRowMinimumHeight(row, 28);
        m_fieldValues << value;
    }
    m_fieldValues.at(SerialField)->setObjectName(u"serial"_s);
    m_fieldValues.at(FixtureField)->setObjectName(u"fixture"_s);
    m_fieldValues.at(RecipeField)->setObjectName(u"recipe"_s);

    // The 128-digit ID gets a row of its own: beside the badge it would not fit a 1280-pixel
    // screen.
    auto *top = new QHBoxLayout;
    top->setSpacing(20);
    top->addWidget(m_badge, 0, Qt::AlignTop);
    top->addLayout(m_fields, 1);

    auto *layout = new QVBoxLayout(m_header);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(10);
    layout->addLayout(top);
    layout->addLayout(idColumn);
}

void DeviceViewWidget::buildCausePanel()
{
    m_causePanel = new QFrame(this);
    m_causePanel->setObjectName(u"causePanel"_s);
    m_causeTitle = new QLabel(m_causePanel);
    m_causeTitle->setObjectName(u"causeTitle"_s);
    m_causeTitle->setFont(Theme::font(15, QFont::Bold));
    m_causeText = new QLabel(m_causePanel);
    m_causeText->setObjectName(u"causeText"_s);
    m_causeText->setWordWrap(true);
    m_causeText->setFont(Theme::font(18, QFont::DemiBold));
    m_causeText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remedyText = new QLabel(m_causePanel);
    m_remedyText->setObjectName(u"remedyText"_s);
    m_remedyText->setWordWrap(true);
    m_remedyText->setFont(Theme::font(16));
    m_remedyText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_causeCode = new QLabel(m_causePanel);
    m_causeCode->setObjectName(u"causeCode"_s);
    m_causeCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    PageLook::makeFieldName(m_causeCode);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_causeTitle, 1);
    titleRow->addWidget(m_causeCode, 0, Qt::AlignRight);
    auto *layout = new QVBoxLayout(m_causePanel);
    layout->setContentsMargins(18, 10, 14, 12);
    layout->setSpacing(4);
    layout->addLayout(titleRow);
    layout->addWidget(m_causeText);
    layout->addWidget(m_remedyText);
}

QWidget *DeviceViewWidget::buildStepsPane()
{
    auto *pane = new QWidget(this);
    m_stepsView = makeTable(pane, u"steps"_s);
    m_stepsView->setModel(m_steps);
    QHeaderView *header = m_stepsView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    PageLook::fitColumn(m_stepsView, StepListModel::SeqColumn, {u"88"_s});
    m_stepsView->setColumnWidth(StepListModel::StepColumn, 200);
    PageLook::fitColumn(m_stepsView, StepListModel::OutcomeColumn, stepOutcomeTexts(), true);
    PageLook::fitColumn(m_stepsView, StepListModel::DurationColumn, {u"88.8 s"_s, u"88:88"_s});
    PageLook::fitColumn(m_stepsView, StepListModel::AttemptsColumn, {u"8"_s});
    connect(m_stepsView->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        [this](const QModelIndex &current) {
            if (!m_selecting)
                m_follow = current.row() == m_steps->rowOfSeq(m_liveSeq);
            showStep(current.row());
        });

    m_historyTitle = makeTitle(tr("Runs of this device"), pane);
    m_historyView = makeTable(pane, u"history"_s);
    m_historyView->setModel(m_history);
    m_historyView->horizontalHeader()->setSectionResizeMode(
        RunHistoryModel::FailedStepColumn, QHeaderView::Stretch);
    PageLook::fitColumn(m_historyView, RunHistoryModel::StartedColumn, {u"2026-12-28 23:58:58"_s});
    PageLook::fitColumn(
        m_historyView, RunHistoryModel::FixtureColumn, {PageText::fixture(32, u"A32"_s)});
    PageLook::fitColumn(m_historyView, RunHistoryModel::OutcomeColumn, runOutcomeTexts(), true);
    PageLook::fitColumn(m_historyView, RunHistoryModel::DurationColumn, {u"8:88:88"_s});
    m_historyView->setMaximumHeight(m_historyView->verticalHeader()->defaultSectionSize() * 6 + 30);
    m_historyView->setColumnHidden(RunHistoryModel::StationColumn, true);
    PageLook::fitColumn(m_historyView, RunHistoryModel::StationColumn, {u"LINE1-PC12"_s});
    connect(m_historyView, &QTableView::activated, this, [this](const QModelIndex &index) {
        openHistoryRow(index.row());
    });
    connect(m_historyView, &QTableView::clicked, m_historyView, &QTableView::activated);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(makeTitle(tr("Steps"), pane));
    layout->addWidget(m_stepsView, 1);
    layout->addSpacing(6);
    layout->addWidget(m_historyTitle);
    layout->addWidget(m_historyView);
    return pane;
}

QWidget *DeviceViewWidget::buildDetailPane()
{
    auto *pane = new QWidget(this);

    m_stepTitle = new QLabel(pane);
    m_stepTitle->setObjectName(u"stepTitle"_s);
    m_stepTitle->setFont(Theme::font(17, QFont::Bold));
    m_stepFacts = new QLabel(pane);
    m_stepFacts->setObjectName(u"stepFacts"_s);
    PageLook::makeFieldName(m_stepFacts);
    m_stepCause = new QLabel(pane);
    m_stepCause->setObjectName(u"stepCause"_s);
    m_stepCause->setWordWrap(true);
    m_stepCause->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_commandsView = makeTable(pane, u"commands"_s);
    m_commandsView->setModel(m_commands);
    m_commandsView->setFont(Theme::monoFont(12));
    m_commandsView->horizontalHeader()->setFont(font());
    m_commandsView->verticalHeader()->setDefaultSectionSize(
        QFontMetrics(Theme::monoFont(12)).height() + 8);
    QHeaderView *commandHeader = m_commandsView->horizontalHeader();
    commandHeader->setSectionResizeMode(CommandListModel::CommandColumn, QHeaderView::Stretch);
    // The command takes the room; the outcome is a word or two (in full in its tooltip).
    PageLook::fitColumn(m_commandsView, CommandListModel::IndexColumn, {u"88"_s});
    PageLook::fitColumn(m_commandsView,
        CommandListModel::OutcomeColumn,
        {PageText::toolOutcomeShort(ToolOutcome::Succeeded, 0),
            PageText::toolOutcomeShort(ToolOutcome::ExitCode, 255),
            PageText::toolOutcomeShort(ToolOutcome::Crashed, 0),
            PageText::toolOutcomeShort(ToolOutcome::StartFailed, 0),
            PageText::toolOutcomeShort(ToolOutcome::TimedOut, 0),
            PageText::toolOutcomeShort(ToolOutcome::Cancelled, 0)});
    PageLook::fitColumn(m_commandsView, CommandListModel::DurationColumn, {u"888.8 s"_s});

    connect(m_commandsView->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        [this](const QModelIndex &current) { showCommand(current.row()); });

    m_commandLine = new QPlainTextEdit(pane);
    m_commandLine->setObjectName(u"commandLine"_s);
    m_commandLine->setReadOnly(true);
    m_commandLine->setFont(Theme::monoFont(13));
    m_commandLine->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_commandLine->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_commandLine->setFixedHeight(QFontMetrics(Theme::monoFont(13)).lineSpacing() * 3 + 14);
    m_copyCommand = new QPushButton(tr("Copy"), pane);
    m_copyCommand->setObjectName(u"copyCommand"_s);
    m_copyCommand->setToolTip(tr("Copy this command line"));
    connect(m_copyCommand, &QPushButton::clicked, this, [this] {
        copyToClipboard(m_commandLine->toPlainText());
    });
    m_copyAllCommands = new QPushButton(tr("Copy all"), pane);
    m_copyAllCommands->setToolTip(tr("Copy every command line of this step, one per line"));
    connect(m_copyAllCommands, &QPushButton::clicked, this, [this] {
        QStringList lines;
        for (const CommandRecord &command : m_commands->commands())
            lines << command.commandLine;
        copyToClipboard(lines.join(u'\n'));
    });
    m_toolOutcome = new QLabel(pane);
    m_toolOutcome->setObjectName(u"toolOutcome"_s);
    m_toolOutcome->setFont(Theme::font(14, QFont::DemiBold));

    auto *commandButtons = new QVBoxLayout;
    commandButtons->addWidget(m_copyCommand);
    commandButtons->addWidget(m_copyAllCommands);
    commandButtons->addStretch(1);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(m_commandLine, 1);
    commandRow->addLayout(commandButtons);
    auto *commandTitleRow = new QHBoxLayout;
    commandTitleRow->addWidget(makeTitle(tr("Command line"), pane));
    commandTitleRow->addStretch(1);
    commandTitleRow->addWidget(m_toolOutcome);

    m_measurementsBox = new QWidget(pane);
    m_measurementsView = makeTable(m_measurementsBox, u"measurements"_s);
    m_measurementsView->setModel(m_measurements);
    m_measurementsView->horizontalHeader()->setStretchLastSection(true);
    m_measurementsView->setColumnWidth(MeasurementModel::NameColumn, 260);
    m_measurementsView->setColumnWidth(MeasurementModel::ValueColumn, 110);
    m_measurementsView->setColumnWidth(MeasurementModel::UnitColumn, 70);
    m_measurementsView->setColumnWidth(MeasurementModel::LowColumn, 90);
    m_measurementsView->setColumnWidth(MeasurementModel::HighColumn, 90);

    auto *measurementsLayout = new QVBoxLayout(m_measurementsBox);
    measurementsLayout->setContentsMargins(0, 0, 0, 0);
    measurementsLayout->setSpacing(4);
    measurementsLayout->addWidget(makeTitle(tr("Measurements"), m_measurementsBox));
    measurementsLayout->addWidget(m_measurementsView);

    m_stdout = new OutputView(tr("Standard output"), pane);
    m_stdout->setObjectName(u"stdout"_s);
    m_stderr = new OutputView(tr("Standard error"), pane);
    m_stderr->setObjectName(u"stderr"_s);
    auto *outputs = new QSplitter(Qt::Vertical, pane);
    m_outputs = outputs;
    outputs->setChildrenCollapsible(false);
    outputs->addWidget(m_stdout);
    outputs->addWidget(m_stderr);
    outputs->setStretchFactor(0, 3);
    outputs->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_stepTitle);
    layout->addWidget(m_stepFacts);
    layout->addWidget(m_stepCause);
    m_commandsTitle = makeTitle(tr("Tool calls"), pane);
    layout->addWidget(m_commandsTitle);
    layout->addWidget(m_commandsView);
    layout->addLayout(commandTitleRow);
    layout->addLayout(commandRow);
    layout->addWidget(m_measurementsBox);
    layout->addWidget(outputs, 1);
    return pane;
}

void DeviceViewWidget::setRecordQuery(const RecordQuery *query)
{
    m_query = query;
}

void DeviceViewWidget::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    m_history->setTimeZone(zone);
    showHeader();
}

void DeviceViewWidget::setPlantReader(PlantReader *reader, const QString &ownStationId)
{
    if (m_plant)
        disconnect(m_plant, nullptr, this, nullptr);
    m_plant = reader;
    m_ownStation = ownStationId;
    m_detailRequest = 0;
    m_historyRequest = 0;
    m_historyView->setColumnHidden(RunHistoryModel::StationColumn, reader == nullptr);
    if (!reader)
        return;
    connect(reader, &PlantReader::runDetailRead, this, [this](quint64 request, const RunDetail &d) {
        if (request != m_detailRequest)
            return;
        m_detailRequest = 0;
        const QString station = m_shownStation;
        // Another station's run is never this station's live run.
        m_liveFixture = 0;
        m_liveRunId = 0;
        m_liveSeq = 0;
        m_liveSteps.clear();
        m_liveLines.clear();
        applyDetail(d, d.run.id, station);
        Q_EMIT plantRunShown(station, d.run.id);
    });
    connect(reader,
        &PlantReader::deviceRunsRead,
        this,
        [this](quint64 request, const QList<RunRow> &runs) {
            if (request != m_historyRequest)
                return;
            m_historyRequest = 0;
            // The plant has what was delivered; this station's runs not delivered yet come
            // from its own record.
            QList<RunRow> merged = runs;
            for (const RunRow &local : std::as_const(m_localHistory)) {
                const bool delivered
                    = std::any_of(runs.cbegin(), runs.cend(), [&](const RunRow &run) {
                          return run.stationId == local.stationId && run.id == local.id;
                      });
                if (!delivered)
                    merged.append(local);
            }
            std::stable_sort(merged.begin(), merged.end(), [](const RunRow &a, const RunRow &b) {
                return a.started > b.started;
            });
            showHistoryRuns(merged);
            Q_EMIT plantHistoryShown();
        });
    connect(reader, &PlantReader::requestFailed, this, [this](quint64 request, const Error &e) {
        if (request == m_historyRequest) {
            // The list keeps this station's runs; its title says why the others are missing.
            m_historyRequest = 0;
            m_historyTitle->setText(tr("Runs of this device (%1 at this station; the plant "
                                       "cannot be read: %2)")
                                        .arg(m_localHistory.size())
                                        .arg(e.message.translated()));
            m_historyTitle->setToolTip(e.detail);
        } else if (request == m_detailRequest) {
            m_detailRequest = 0;
            showError(tr("Cannot read the plant: %1").arg(e.message.translated()));
        }
    });
}

void DeviceViewWidget::showPlantRun(const QString &stationId, const QUuid &runUuid)
{
    if (!m_plant) {
        showError(tr("No plant database is configured."));
        return;
    }
    m_shownStation = stationId;
    m_detailRequest = m_plant->requestRunDetail(stationId, runUuid);
}

void DeviceViewWidget::openHistoryRow(int row)
{
    const RunRow run = m_history->run(row);
    if (run.id == 0)
        return;
    const bool ownRun = run.stationId.isEmpty() || run.stationId == m_ownStation;
    const QString shown = m_shownStation.isEmpty() ? m_ownStation : m_shownStation;
    if (run.id == m_runId && (run.stationId.isEmpty() || run.stationId == shown))
        return;
    if (ownRun && m_query && m_query->isOpen())
        showRun(run.id);
    else if (!run.runUuid.isNull())
        showPlantRun(run.stationId, run.runUuid);
}

bool DeviceViewWidget::showRun(qint64 runId)
{
    if (!m_query || !m_query->isOpen()) {
        showError(tr("The record is not open."));
        return false;
    }
    const Result<RunDetail> detail = m_query->runDetail(runId);
    if (!detail) {
        showError(detail.error().message.translated());
        return false;
    }
    // A newer choice than a plant run still being read.
    m_detailRequest = 0;
    applyDetail(*detail, runId, {});
    Q_EMIT runShown(runId);
    return true;
}

void DeviceViewWidget::applyDetail(const RunDetail &detail, qint64 runId, const QString &stationId)
{
    m_error.clear();
    m_shownStation = stationId;
    m_run = detail.run;
    // Another station's run: its plant station ID where it recorded no station name.
    if (m_run.start.station.isEmpty())
        m_run.start.station = stationId;
    m_runId = runId;
    m_steps->setSteps(detail.steps);
    if (isShowingLiveRun()) {
        // The record has the finished steps; the running one is only known live.
        for (const StepResult &step : std::as_const(m_liveSteps))
            m_steps->updateStep(step);
    }
    showHeader();
    showCause();
    showHistory();

    int row = m_steps->firstFailedRow();
    if (isShowingLiveRun() && m_follow)
        row = m_steps->rowOfSeq(m_liveSeq);
    if (row < 0)
        row = m_steps->rowCount() - 1;
    selectStepRow(row);
}

void DeviceViewWidget::showLive(int fixture, qint64 runId)
{
    clear();
    m_liveFixture = fixture;
    m_liveRunId = runId;
    m_follow = true;
    m_run.start.fixture = fixture;
    m_run.outcome = RunOutcome::Running;
    if (runId != 0 && m_query && m_query->isOpen())
        showRun(runId);
    showHeader();
    showCause();
}

void DeviceViewWidget::clear()
{
    m_run = {};
    m_runId = 0;
    m_shownStation.clear();
    m_localHistory.clear();
    m_detailRequest = 0;
    m_historyRequest = 0;
    m_liveFixture = 0;
    m_liveRunId = 0;
    m_liveSeq = 0;
    m_liveSteps.clear();
    m_liveLines.clear();
    m_follow = true;
    m_error.clear();
    m_steps->clear();
    m_history->setRuns({});
    showHeader();
    showCause();
    showHistory();
    showStep(-1);
}

void DeviceViewWidget::focusSteps()
{
    m_stepsView->setFocus();
}

int DeviceViewWidget::selectedStepSeq() const
{
    const QModelIndex current = m_stepsView->currentIndex();
    return current.isValid() ? m_steps->step(current.row()).seq : 0;
}

void DeviceViewWidget::selectStep(int seq)
{
    selectStepRow(m_steps->rowOfSeq(seq));
}

void DeviceViewWidget::appendStepResult(const StepResult &step)
{
    if (m_liveFixture == 0)
        return;
    if (step.outcome == StepOutcome::Running || step.seq > m_liveSeq) {
        if (step.seq != m_liveSeq)
            m_liveLines.clear();
        m_liveSeq = step.seq;
    }
    // Keep the live steps apart too: showing another run and coming back must not lose them.
    bool replaced = false;
    for (StepResult &known : m_liveSteps) {
        if (known.seq == step.seq) {
            known = step;
            replaced = true;
        }
    }
    if (!replaced)
        m_liveSteps << step;
    // The details step learns the device ID; show it before the record is read again.
    if (!isShowingLiveRun())
        return;
    const QString deviceId = step.data.value(u"deviceId"_s).toString();
    if (!deviceId.isEmpty() && m_run.start.deviceId.isEmpty())
        m_run.start.deviceId = deviceId;
    const int row = m_steps->updateStep(step);
    showHeader();
    if (m_follow)
        selectStepRow(row);
    else if (m_stepsView->currentIndex().row() == row)
        showStep(row);
}

void DeviceViewWidget::appendOutputLine(const QString &line)
{
    if (m_liveFixture == 0)
        return;
    m_liveLines << line;
    if (isShowingLiveRun() && selectedStepSeq() == m_liveSeq
        && m_steps->step(m_steps->rowOfSeq(m_liveSeq)).outcome == StepOutcome::Running)
        m_stdout->appendLine(line);
}

void DeviceViewWidget::onStepStarted(int fixture, const StepResult &step)
{
    if (fixture == m_liveFixture && fixture != 0)
        appendStepResult(step);
}

void DeviceViewWidget::onStepFinished(int fixture, const StepResult &step)
{
    if (fixture == m_liveFixture && fixture != 0)
        appendStepResult(step);
}

void DeviceViewWidget::onOutputLine(int fixture, const QString &line)
{
    if (fixture == m_liveFixture && fixture != 0)
        appendOutputLine(line);
}

void DeviceViewWidget::onRunFinished(int fixture, const FixtureSnapshot &snapshot)
{
    if (fixture != m_liveFixture || fixture == 0)
        return;
    const qint64 runId = snapshot.runId != 0 ? snapshot.runId : m_liveRunId;
    const bool wasShowingLive = isShowingLiveRun();
    m_liveFixture = 0;
    m_liveRunId = 0;
    m_liveSeq = 0;
    m_liveSteps.clear();
    m_liveLines.clear();
    if (wasShowingLive && runId != 0)
        showRun(runId);
}

void DeviceViewWidget::showHeader()
{
    const RunStart &start = m_run.start;
    const bool hasRun = m_runId != 0 || m_liveFixture != 0;
    const RunOutcome outcome = m_run.outcome;
    const FixtureModel::TileState state = PageLook::tileState(outcome);
    const Theme::StateStyle style = Theme::stateStyle(state);

    m_badge->setVisible(hasRun);
    QPalette badgePalette = m_badge->palette();
    badgePalette.setColor(QPalette::Window, style.filled ? style.banner : Theme::tileColor());
    badgePalette.setColor(QPalette::WindowText, style.filled ? style.onAccent : style.accent);
    m_badge->setPalette(badgePalette);
    m_badgeText->setPalette(badgePalette);
    m_badgeText->setText(PageText::runOutcome(outcome));
    m_badgeIcon->setPixmap(badgeIcon(state, style.filled ? style.onAccent : style.accent, 28));

    if (!hasRun)
        m_deviceId->showText(m_error.isEmpty() ? tr("No run selected") : m_error, Qt::ElideRight);
    else if (start.deviceId.isEmpty())
        m_deviceId->showText(tr("Not read yet"), Qt::ElideRight);
    else
        m_deviceId->showText(start.deviceId, Qt::ElideMiddle);
    m_copyDevice->setEnabled(!start.deviceId.isEmpty());

    QStringList values(FieldCount);
    values[SerialField] = start.serialNumber;
    values[FixtureField] = PageText::fixture(start.fixture, start.fixtureLabel);
    values[RecipeField] = start.recipeVersion.isEmpty()
        ? start.recipeName
        : u"%1 %2"_s.arg(start.recipeName, start.recipeVersion);
    values[OperatorField] = start.operatorName;
    values[StationField] = start.station;
    values[RunField] = m_runId != 0 ? QString::number(m_runId) : QString();
    values[StartedField] = PageText::localTime(start.started, m_zone);
    values[FinishedField] = PageText::localTime(m_run.finished, m_zone);
    values[DurationField] = PageText::duration(start.started, m_run.finished);
    values[OsField] = start.osVersion;
    values[StateField] = start.manufacturingState;
    values[ConnectionField] = start.ipAddress.isEmpty()
        ? start.connectionPath
        : (start.connectionPath.isEmpty()
                ? start.ipAddress
                : u"%1 \u00b7 %2"_s.arg(start.connectionPath, start.ipAddress));
    for (int i = 0; i < FieldCount; ++i)
        m_fieldValues.at(i)->showText(hasRun ? orDash(values.at(i)) : QString(), Qt::ElideRight);
    // Spare room goes to the columns in proportion to what they hold: every value is shown
    // whole while the header has room, and only when it has not do the free-text ones give way.
    for (int column = 0; column < FieldsPerRow; ++column) {
        int widest = 1;
        for (int row = 0; row < m_fields->rowCount(); ++row) {
            if (const QLayoutItem *item = m_fields->itemAtPosition(row, column))
                widest = std::max(widest, item->sizeHint().width());
        }
        m_fields->setColumnStretch(column, widest);
    }
}

void DeviceViewWidget::showCause()
{
    const RunOutcome outcome = m_run.outcome;
    const bool troubled = outcome == RunOutcome::Fail || outcome == RunOutcome::Aborted
        || outcome == RunOutcome::Interrupted;
    const bool hasRun = m_runId != 0;
    m_causePanel->setVisible(hasRun && troubled);
    if (!hasRun || !troubled)
        return;

    const FixtureModel::TileState state = PageLook::tileState(outcome);
    const Theme::StateStyle style = Theme::stateStyle(state);
    m_causePanel->setStyleSheet(u"QFrame#causePanel { background: %1; border: 1px solid %2; "
                                "border-left: 8px solid %2; border-radius: 3px; }"_s.arg(
                                    style.tile.name(), style.accent.name()));

    // The failing step carries the cause and remedy; the run keeps the cause only.
    StepResult failed;
    const int failedRow = m_steps->firstFailedRow();
    if (failedRow >= 0)
        failed = m_steps->step(failedRow);
    QString cause = (!failed.cause.isEmpty() ? failed.cause : m_run.cause).translated();
    const ErrorCode code = m_run.errorCode != ErrorCode::None ? m_run.errorCode : failed.errorCode;

    QString title;
    if (outcome == RunOutcome::Fail) {
        title = failedRow >= 0
            ? tr("Why it failed \u2014 step %1: %2").arg(failed.seq).arg(failed.name)
            : (m_run.failedStep.isEmpty()
                    ? tr("Why it failed")
                    : tr("Why it failed \u2014 step %1").arg(m_run.failedStep));
    } else if (outcome == RunOutcome::Aborted) {
        title = tr("Stopped by the operator");
    } else {
        title = tr("Interrupted: the station stopped before the run finished");
        if (cause.isEmpty())
            cause = tr("The station closed or lost power while this run was going on. The steps "
                       "recorded before that are shown below.");
    }
    m_causeTitle->setText(title);
    QPalette titlePalette = m_causeTitle->palette();
    titlePalette.setColor(QPalette::WindowText, style.accent);
    m_causeTitle->setPalette(titlePalette);
    m_causeText->setText(cause.isEmpty() ? tr("No cause was recorded.") : cause);
    const QString remedy = remedyOf(failed);
    m_remedyText->setVisible(!remedy.isEmpty());
    m_remedyText->setText(tr("What to do: %1").arg(remedy));
    m_causeCode->setText(code == ErrorCode::None ? QString() : errorCodeName(code));
}

void DeviceViewWidget::showHistory()
{
    QList<RunRow> runs;
    const QString deviceId = m_run.start.deviceId;
    if (!deviceId.isEmpty() && m_query && m_query->isOpen()) {
        const Result<QList<RunRow>> read = m_query->runsOfDevice(deviceId);
        if (read)
            runs = *read;
    }
    if (m_plant) {
        // This station's runs at once; the plant's answer adds the other stations'.
        for (RunRow &run : runs)
            run.stationId = m_ownStation;
    }
    m_localHistory = runs;
    showHistoryRuns(runs);
    m_historyRequest = 0;
    if (m_plant && !deviceId.isEmpty())
        m_historyRequest = m_plant->requestRunsOfDevice(deviceId);
}

void DeviceViewWidget::showHistoryRuns(const QList<RunRow> &runs)
{
    m_history->setRuns(runs);
    m_history->setCurrentStationId(m_shownStation.isEmpty() ? m_ownStation : m_shownStation);
    m_history->setCurrentRunId(m_runId);
    m_historyTitle->setToolTip({});
    if (runs.isEmpty()) {
        m_historyTitle->setText(tr("Runs of this device"));
    } else if (m_plant) {
        QSet<QString> stations;
        for (const RunRow &run : runs)
            stations.insert(run.stationId);
        //: The device view's run list with the plant: "Runs of this device (5, at 3 stations)"
        m_historyTitle->setText(
            tr("Runs of this device (%1, at %n station(s))", nullptr, int(stations.size()))
                .arg(runs.size()));
    } else {
        m_historyTitle->setText(tr("Runs of this device (%1)").arg(runs.size()));
    }
    const int row = m_history->rowOfRun(m_runId);
    if (row >= 0)
        m_historyView->setCurrentIndex(m_history->index(row, 0));
}

void DeviceViewWidget::showStep(int row)
{
    const bool valid = row >= 0 && row < m_steps->rowCount();
    const StepResult step = valid ? m_steps->step(row) : StepResult();
    if (!valid) {
        m_stepTitle->setText(m_steps->rowCount() == 0 && m_liveFixture != 0
                ? tr("Waiting for the first step")
                : tr("No step selected"));
        m_stepFacts->clear();
        m_stepCause->hide();
        m_commands->setCommands({});
        m_measurements->setMeasurements({});
        m_measurementsBox->hide();
        showCommand(-1);
        return;
    }

    m_stepTitle->setText(tr("%1. %2").arg(step.seq).arg(step.name));
    QStringList facts;
    facts << PageText::stepOutcome(step.outcome);
    if (!step.type.isEmpty())
        facts << tr("type %1").arg(step.type);
    if (step.attempts > 1)
        facts << tr("%1 attempts").arg(step.attempts);
    const QString took = PageText::duration(step.started, step.finished);
    if (!took.isEmpty())
        facts << tr("took %1").arg(took);
    if (step.started.isValid())
        facts << tr("started %1").arg(PageText::localTime(step.started, m_zone));
    m_stepFacts->setText(facts.join(u"  \u00b7  "_s));

    QStringList causeLines;
    // The failing step's cause and remedy are in the panel at the top already.
    const bool inPanel = !m_causePanel->isHidden() && row == m_steps->firstFailedRow();
    if (!step.cause.isEmpty() && !inPanel)
        causeLines << tr("<b>Cause:</b> %1").arg(step.cause.translated().toHtmlEscaped());
    if (const QString remedy = remedyOf(step); !remedy.isEmpty() && !inPanel)
        causeLines << tr("<b>What to do:</b> %1").arg(remedy.toHtmlEscaped());
    if (!step.note.isEmpty())
        causeLines << tr("<b>Note:</b> %1").arg(step.note.translated().toHtmlEscaped());
    m_stepCause->setText(causeLines.join(u"<br>"_s));
    m_stepCause->setVisible(!causeLines.isEmpty());

    m_commands->setCommands(step.commands);
    fitRows(m_commandsView, 5);
    m_commandsTitle->setVisible(!step.commands.isEmpty());
    m_commandsView->setVisible(!step.commands.isEmpty());
    m_measurements->setMeasurements(step.measurements);
    fitRows(m_measurementsView, 6);
    m_measurementsBox->setVisible(!step.measurements.isEmpty());

    const bool live
        = isShowingLiveRun() && step.seq == m_liveSeq && step.outcome == StepOutcome::Running;
    if (live) {
        showLiveOutput();
        return;
    }
    const int command = m_commands->mostTellingRow();
    if (command >= 0)
        m_commandsView->setCurrentIndex(m_commands->index(command, 0));
    else
        showCommand(-1);
}

void DeviceViewWidget::showCommand(int row)
{
    const bool valid = row >= 0 && row < m_commands->rowCount();
    const CommandRecord command = valid ? m_commands->command(row) : CommandRecord();
    m_commandLine->setPlainText(command.commandLine);
    m_commandLine->setPlaceholderText(
        m_commands->rowCount() == 0 ? tr("This step ran no tool.") : QString());
    m_copyCommand->setEnabled(valid);
    m_copyAllCommands->setVisible(m_commands->rowCount() > 1);

    if (valid) {
        const bool ok = command.outcome == ToolOutcome::Succeeded;
        m_toolOutcome->setText(PageText::toolOutcome(command.outcome, command.exitCode));
        QPalette palette = m_toolOutcome->palette();
        palette.setColor(QPalette::WindowText,
            ok ? Theme::textColor() : Theme::stateStyle(FixtureModel::TileState::Fail).accent);
        m_toolOutcome->setPalette(palette);
    } else {
        m_toolOutcome->clear();
    }

    m_stdout->setTitle(tr("Standard output"));
    m_stdout->setPlaceholderText(tr("No output"));
    m_stdout->setText(command.stdOut);
    m_stderr->setText(command.stdErr);
    // An empty stderr keeps only a sliver, so stdout gets the room; otherwise 3:2.
    // (proportions: the splitter scales them to its height)
    if (command.stdErr.trimmed().isEmpty()) {
        m_outputs->setSizes({880, 120});
    } else {
        const int outLines = std::clamp(int(command.stdOut.count(u'\n')) + 1, 3, 30);
        const int errLines = std::clamp(int(command.stdErr.count(u'\n')) + 1, 3, 30);
        m_outputs->setSizes({outLines * 100, errLines * 100});
    }
    if (command.truncated) {
        m_stdout->appendLine(tr("[output truncated by the station at 1 MiB]"));
    }
}

void DeviceViewWidget::showLiveOutput()
{
    m_commandLine->clear();
    m_commandLine->setPlaceholderText(tr("The step is running; its command lines appear when "
                                         "it finishes."));
    m_copyCommand->setEnabled(false);
    m_copyAllCommands->hide();
    m_toolOutcome->setText(tr("Running\u2026"));
    m_stdout->setTitle(tr("Live output"));
    m_stdout->setPlaceholderText(tr("Waiting for output\u2026"));
    m_stdout->setText(m_liveLines.join(u'\n'));
    m_stderr->clear();
    m_outputs->setSizes({880, 120});
}

void DeviceViewWidget::showError(const QString &message)
{
    m_error = message;
    m_run = {};
    m_runId = 0;
    m_steps->clear();
    m_history->setRuns({});
    showHeader();
    showCause();
    showHistory();
    showStep(-1);
}

bool DeviceViewWidget::isShowingLiveRun() const
{
    return m_liveFixture != 0 && (m_liveRunId == 0 || m_runId == m_liveRunId || m_runId == 0);
}

void DeviceViewWidget::selectStepRow(int row)
{
    m_selecting = true;
    if (row >= 0 && row < m_steps->rowCount()) {
        const QModelIndex index = m_steps->index(row, 0);
        if (m_stepsView->currentIndex().row() == row)
            showStep(row);
        else
            m_stepsView->setCurrentIndex(index);
        m_stepsView->scrollTo(index);
    } else {
        m_stepsView->setCurrentIndex({});
        showStep(-1);
    }
    m_selecting = false;
}

void DeviceViewWidget::copyToClipboard(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

} // namespace Station
