#include "ui/analyticspage.h"

#include "models/capabilitymodel.h"
#include "services/plant/plantanalytics.h"
#include "ui/histogramchart.h"
#include "ui/keyboardhelp.h"
#include "ui/pagelook.h"
#include "ui/rangeselector.h"
#include "ui/theme.h"
#include "ui/yieldbarchart.h"

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

void setColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

QColor ratingColor(CapabilityRating rating)
{
    switch (rating) {
    case CapabilityRating::Capable:
        return Theme::stateStyle(FixtureModel::TileState::Pass).accent;
    case CapabilityRating::Marginal:
        // Okabe-Ito orange: a warning, told apart from the red of "not capable".
        return QColor::fromRgb(0xB86E00);
    case CapabilityRating::NotCapable:
        return Theme::stateStyle(FixtureModel::TileState::Fail).accent;
    case CapabilityRating::Undefined:
        break;
    }
    return Theme::mutedTextColor();
}

QString percent(double fraction)
{
    //: A percentage, e.g. "96.4 %"
    return AnalyticsPage::tr("%1 %").arg(QLocale().toString(fraction * 100.0, 'f', 1));
}

// The plant's failure kinds in words a quality engineer acts on; the server's own text goes
// into the tooltip.
QString plantCause(int failure)
{
    switch (Plant::Failure(failure)) {
    case Plant::Failure::DriverMissing:
        return AnalyticsPage::tr("Qt's PostgreSQL driver is not installed (libqt6sql6-psql).");
    case Plant::Failure::BadConnectionString:
        return AnalyticsPage::tr("The [plant] connection in the station configuration is not "
                                 "valid.");
    case Plant::Failure::Unreachable:
        return AnalyticsPage::tr("The plant database cannot be reached (server down, or wrong "
                                 "host, port or network).");
    case Plant::Failure::AuthenticationFailed:
        return AnalyticsPage::tr("The plant database refused the login.");
    case Plant::Failure::InsufficientPrivilege:
        return AnalyticsPage::tr("The plant login may not read the quality data (it needs the "
                                 "role plant_quality).");
    case Plant::Failure::SchemaTooNew:
        return AnalyticsPage::tr("The plant database is newer than this station understands.");
    case Plant::Failure::NotInitialized:
        return AnalyticsPage::tr("The plant database has no plant schema yet.");
    case Plant::Failure::AlreadyInitialized:
    case Plant::Failure::Database:
        break;
    }
    return AnalyticsPage::tr("The plant database reported an error.");
}

} // namespace

AnalyticsPage::AnalyticsPage(QWidget *parent)
    : QWidget(parent)
    , m_capability(new CapabilityModel(this))
{
    setFocusPolicy(Qt::StrongFocus);
    m_pool.setMaxThreadCount(1);

    // Top: the source, the plant's filters, the range, Refresh and what is going on.
    m_stationButton = new QRadioButton(tr("This station"), this);
    m_stationButton->setObjectName(u"sourceStation"_s);
    m_stationButton->setChecked(true);
    m_plantButton = new QRadioButton(tr("Plant"), this);
    m_plantButton->setObjectName(u"sourcePlant"_s);
    m_sourceGroup = new QButtonGroup(this);
    m_sourceGroup->addButton(m_stationButton, int(Source::Station));
    m_sourceGroup->addButton(m_plantButton, int(Source::Plant));
    m_plantStatus = new QLabel(this);
    m_plantStatus->setObjectName(u"plantStatus"_s);
    m_plantStatus->setWordWrap(true);
    setColor(m_plantStatus, Theme::mutedTextColor());
    m_stationFilter = new QComboBox(this);
    m_stationFilter->setObjectName(u"stationFilter"_s);
    m_stationFilter->addItem(tr("Every station"), QString());
    m_lineFilter = new QComboBox(this);
    m_lineFilter->setObjectName(u"lineFilter"_s);
    m_lineFilter->addItem(tr("Every line"), QString());
    m_range = new RangeSelector(this);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(u"refresh"_s);
    const QAction *refreshAction = Keys::addPageAction(this,
        tr("Refresh"),
        tr("Read the analytics again"),
        QKeySequence(Qt::CTRL | Qt::Key_R),
        [this] { refresh(); });
    refreshButton->setToolTip(refreshAction->toolTip());
    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);

    auto *source = new QHBoxLayout;
    source->setSpacing(10);
    source->addWidget(m_stationButton);
    source->addWidget(m_plantButton);
    source->addWidget(m_plantStatus, 1);
    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    top->addWidget(m_stationFilter);
    top->addWidget(m_lineFilter);
    top->addWidget(m_range);
    top->addWidget(refreshButton);
    top->addWidget(m_status, 1);

    // Middle: the measurements (the picker) and the chosen one's histogram and Cpk.
    m_table = new QTableView(this);
    m_table->setObjectName(u"measurements"_s);
    m_table->setModel(m_capability);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Numbers as wide as they are (a few rows: measuring them costs nothing); the name takes
    // what is left, so every column shows at 1280 pixels.
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CapabilityModel::NameColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(40);
    m_table->setMinimumHeight(120);
    connect(m_table->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        [this](const QModelIndex &current) {
            m_selected = current.isValid() ? current.row() : -1;
            showMeasurement();
        });

    m_cpk = new QLabel(this);
    m_cpk->setObjectName(u"cpk"_s);
    m_cpk->setFont(Theme::font(30, QFont::Bold));
    m_cpkDetail = new QLabel(this);
    m_cpkDetail->setObjectName(u"cpkDetail"_s);
    m_cpkDetail->setFont(Theme::font(14));
    m_cpkDetail->setWordWrap(true);
    setColor(m_cpkDetail, Theme::mutedTextColor());
    m_histogram = new HistogramChart(this);
    m_histogram->setObjectName(u"histogram"_s);
    auto *distribution = new QWidget(this);
    auto *distributionLayout = new QVBoxLayout(distribution);
    distributionLayout->setContentsMargins(0, 0, 0, 0);
    distributionLayout->setSpacing(2);
    distributionLayout->addWidget(m_cpk);
    distributionLayout->addWidget(m_cpkDetail);
    distributionLayout->addWidget(m_histogram, 1);

    auto *middle = new QHBoxLayout;
    middle->setSpacing(12);
    auto *left = new QVBoxLayout;
    left->setSpacing(12);
    left->addWidget(makePane(tr("Measurements"), m_table), 1);
    left->addWidget(makeRetestPane());
    middle->addLayout(left, 5);
    middle->addWidget(makePane(tr("Distribution"), distribution, &m_histogramTitle), 6);

    // Bottom: retests and the yield charts.
    m_byHour = new YieldBarChart(YieldBarChart::Kind::Hour, this);
    m_byHour->setObjectName(u"yieldByHour"_s);
    m_byFixture = new YieldBarChart(YieldBarChart::Kind::Fixture, this);
    m_byFixture->setObjectName(u"yieldByFixture"_s);
    m_byOperator = new YieldBarChart(YieldBarChart::Kind::Operator, this);
    m_byOperator->setObjectName(u"yieldByOperator"_s);
    m_byStation = new YieldBarChart(YieldBarChart::Kind::Station, this);
    m_byStation->setObjectName(u"yieldByStation"_s);
    auto *bottom = new QHBoxLayout;
    bottom->setSpacing(12);
    bottom->addWidget(makePane(tr("Yield by hour"), m_byHour), 4);
    bottom->addWidget(makePane(tr("Yield by fixture"), m_byFixture), 3);
    bottom->addWidget(makePane(tr("Yield by operator"), m_byOperator), 3);
    m_stationPane = makePane(tr("Yield by station"), m_byStation);
    bottom->addWidget(m_stationPane, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addLayout(source);
    layout->addLayout(top);
    layout->addLayout(middle, 3);
    layout->addLayout(bottom, 2);

    connect(&m_fetch, &QFutureWatcher<Fetched>::finished, this, &AnalyticsPage::onFetched);
    connect(
        &m_plantCheck, &QFutureWatcher<Fetched>::finished, this, &AnalyticsPage::onPlantChecked);
    connect(
        m_sourceGroup, &QButtonGroup::idClicked, this, [this](int id) { setSource(Source(id)); });
    connect(refreshButton, &QPushButton::clicked, this, &AnalyticsPage::refresh);
    connect(m_range, &RangeSelector::rangeChanged, this, &AnalyticsPage::refresh);
    connect(m_stationFilter, &QComboBox::activated, this, &AnalyticsPage::refresh);
    connect(m_lineFilter, &QComboBox::activated, this, &AnalyticsPage::refresh);
    setPlantConnection({});
    showReport();
}

AnalyticsPage::~AnalyticsPage()
{
    // The pool's tasks hold no pointer to the page; wait for them so no connection outlives it
    // (a plant that does not answer ends its attempt within the connection's timeout).
    m_fetch.disconnect(this);
    m_plantCheck.disconnect(this);
    m_pool.waitForDone();
}

QWidget *AnalyticsPage::makePane(const QString &title, QWidget *content, QLabel **titleLabel)
{
    auto *pane = new QFrame(this);
    pane->setFrameShape(QFrame::StyledPanel);
    pane->setAutoFillBackground(true);
    QPalette palette = pane->palette();
    palette.setColor(QPalette::Window, Theme::tileColor());
    pane->setPalette(palette);
    auto *label = new QLabel(title, pane);
    label->setFont(Theme::font(17, QFont::Bold));
    if (titleLabel)
        *titleLabel = label;
    content->setParent(pane);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(12, 8, 12, 10);
    layout->setSpacing(6);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return pane;
}

QWidget *AnalyticsPage::makeRetestPane()
{
    auto *content = new QWidget(this);
    auto bigNumber = [content](const QString &name) {
        auto *label = new QLabel(content);
        label->setObjectName(name);
        label->setFont(Theme::font(36, QFont::Bold));
        return label;
    };
    auto note = [content](const QString &name) {
        auto *label = new QLabel(content);
        label->setObjectName(name);
        label->setFont(Theme::font(14));
        label->setWordWrap(true);
        setColor(label, Theme::mutedTextColor());
        return label;
    };
    m_retestDevices = bigNumber(u"retestDevices"_s);
    m_retestNote = note(u"retestNote"_s);
    m_retestRecovered = bigNumber(u"retestRecovered"_s);
    m_retestRecoveredNote = note(u"retestRecoveredNote"_s);
    m_runsPerDevice = note(u"runsPerDevice"_s);
    // Three columns side by side: the pane sits under the measurements, where width is.
    auto column = [](QLabel *number, QLabel *text) {
        auto *box = new QVBoxLayout;
        box->setSpacing(0);
        if (number)
            box->addWidget(number);
        box->addWidget(text);
        box->addStretch(1);
        return box;
    };
    // Room for the number and three lines of text: word-wrapped labels in nested layouts do
    // not ask for their height themselves.
    content->setMinimumHeight(QFontMetrics(Theme::font(36, QFont::Bold)).height()
        + 3 * QFontMetrics(Theme::font(14)).lineSpacing());
    auto *layout = new QHBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addLayout(column(m_retestDevices, m_retestNote), 1);
    layout->addLayout(column(m_retestRecovered, m_retestRecoveredNote), 1);
    layout->addLayout(column(nullptr, m_runsPerDevice), 1);
    return makePane(tr("Retests"), content);
}

void AnalyticsPage::setRecordPath(const QString &path)
{
    m_recordPath = path;
}

void AnalyticsPage::setPlantConnection(const QString &conninfo)
{
    m_plantConninfo = conninfo.trimmed();
    if (m_plantConninfo.isEmpty()) {
        m_plantState = PlantState::None;
        setPlantUnavailable(tr("No plant database is configured (the [plant] connection of the "
                               "station configuration is empty)."));
        return;
    }
    m_plantState = PlantState::Checking;
    m_plantReason.clear();
    m_plantStatus->setText(tr("Checking the plant database…"));
    m_plantStatus->setToolTip({});
    updateSourceControls();
    const QString conninfo2 = m_plantConninfo;
    m_plantCheck.setFuture(QtConcurrent::run(&m_pool, [conninfo2] {
        Fetched fetched;
        const Plant::PlantResult<void> readable = Plant::checkReadable(conninfo2);
        if (!readable) {
            fetched.plantFailure = int(readable.error().failure);
            fetched.detail = readable.error().detail.isEmpty() ? readable.error().message
                                                               : readable.error().detail;
        }
        return fetched;
    }));
}

void AnalyticsPage::onPlantChecked()
{
    const Fetched fetched = m_plantCheck.result();
    if (fetched.plantFailure >= 0) {
        setPlantUnavailable(plantCause(fetched.plantFailure));
        m_plantStatus->setToolTip(fetched.detail);
    } else {
        m_plantState = PlantState::Available;
        m_plantReason.clear();
        m_plantStatus->clear();
        m_plantStatus->setToolTip({});
        updateSourceControls();
    }
    Q_EMIT plantAvailabilityChanged();
}

void AnalyticsPage::setPlantUnavailable(const QString &reason)
{
    if (m_plantState != PlantState::None)
        m_plantState = PlantState::Unavailable;
    m_plantReason = reason;
    //: Next to the disabled Plant choice: why it is disabled
    m_plantStatus->setText(tr("Plant not available: %1").arg(reason));
    if (m_source == Source::Plant) {
        m_source = Source::Station;
        m_stationButton->setChecked(true);
    }
    updateSourceControls();
}

bool AnalyticsPage::isPlantAvailable() const
{
    return m_plantState == PlantState::Available;
}

bool AnalyticsPage::isBusy() const
{
    return m_fetch.isRunning();
}

void AnalyticsPage::updateSourceControls()
{
    m_plantButton->setEnabled(isPlantAvailable());
    m_plantButton->setToolTip(m_plantReason);
    const bool plant = m_source == Source::Plant;
    m_stationFilter->setVisible(plant);
    m_lineFilter->setVisible(plant);
    m_stationPane->setVisible(plant);
}

void AnalyticsPage::setClock(std::function<QDateTime()> clock)
{
    m_range->setClock(std::move(clock));
}

void AnalyticsPage::setTimeZone(const QTimeZone &zone)
{
    m_range->setTimeZone(zone);
    m_byHour->setTimeZone(zone);
}

void AnalyticsPage::setSource(Source source)
{
    if (source == Source::Plant && !isPlantAvailable())
        source = Source::Station;
    (source == Source::Plant ? m_plantButton : m_stationButton)->setChecked(true);
    if (source == m_source)
        return;
    m_source = source;
    updateSourceControls();
    refresh();
}

void AnalyticsPage::refresh()
{
    if (m_fetch.isRunning()) {
        // One read at a time: the newest request runs when the current one is done.
        m_pending = true;
        return;
    }
    m_pending = false;
    {
        const QSignalBlocker blocker(m_range);
        m_range->refreshRange();
    }
    const TimeRange range = m_range->range();
    const int generation = ++m_generation;
    if (m_source == Source::Station) {
        if (m_recordPath.isEmpty()) {
            m_status->setText(tr("No record to read."));
            return;
        }
        RunFilter filter;
        filter.from = range.from;
        filter.to = range.to;
        const QString path = m_recordPath;
        m_status->setText(tr("Reading the record…"));
        m_fetch.setFuture(QtConcurrent::run(&m_pool, [path, filter, generation] {
            Fetched fetched;
            fetched.generation = generation;
            Result<AnalyticsReport> report = Analytics::readReport(path, filter);
            if (report)
                fetched.report = std::move(*report);
            else
                fetched.error = report.error();
            return fetched;
        }));
        return;
    }
    Plant::AnalyticsFilter filter;
    filter.from = range.from;
    filter.to = range.to;
    filter.stationId = m_stationFilter->currentData().toString();
    filter.line = m_lineFilter->currentData().toString();
    const QString conninfo = m_plantConninfo;
    m_status->setText(tr("Reading the plant database…"));
    m_fetch.setFuture(QtConcurrent::run(&m_pool, [conninfo, filter, generation] {
        Fetched fetched;
        fetched.generation = generation;
        Plant::PlantResult<AnalyticsReport> report = Plant::readAnalytics(conninfo, filter);
        if (report) {
            fetched.report = std::move(*report);
        } else {
            fetched.plantFailure = int(report.error().failure);
            fetched.detail
                = report.error().detail.isEmpty() ? report.error().message : report.error().detail;
        }
        return fetched;
    }));
}

void AnalyticsPage::onFetched()
{
    const Fetched fetched = m_fetch.result();
    if (m_pending) {
        refresh();
        return;
    }
    if (fetched.generation != m_generation)
        return;
    m_status->setToolTip({});
    setColor(m_status, Theme::textColor());
    if (fetched.report) {
        m_report = *fetched.report;
        m_status->clear();
    } else {
        m_report = {};
        setColor(m_status, Theme::stateStyle(FixtureModel::TileState::Fail).accent);
        if (fetched.error) {
            m_status->setText(
                tr("Cannot read the record: %1").arg(fetched.error->message.translated()));
            m_status->setToolTip(fetched.error->detail);
        } else {
            const QString cause = plantCause(fetched.plantFailure);
            m_status->setText(tr("Cannot read the plant database: %1").arg(cause));
            m_status->setToolTip(fetched.detail);
            // Unreachable now: say so at the source switch too, and go back to the station.
            if (Plant::Failure(fetched.plantFailure) != Plant::Failure::Database) {
                m_plantState = PlantState::Unavailable;
                setPlantUnavailable(cause);
                m_plantStatus->setToolTip(fetched.detail);
            }
        }
    }
    showReport();
    Q_EMIT reportShown();
}

void AnalyticsPage::showReport()
{
    const AnalyticsReport &r = m_report;
    // Keep the measurement someone picked when the new report has it too.
    QString name;
    QString unit;
    if (m_selected >= 0 && m_selected < m_capability->rowCount()) {
        name = m_capability->measurements().at(m_selected).name;
        unit = m_capability->measurements().at(m_selected).unit;
    }
    m_capability->setMeasurements(r.measurements);
    int row = m_capability->rowOf(name, unit);
    if (row < 0 && !r.measurements.isEmpty())
        row = 0;
    selectMeasurement(row);

    // The plant's filters offer what the plant has; a chosen filter stays.
    if (m_source == Source::Plant) {
        const auto fill = [](QComboBox *combo, const QStringList &items) {
            const QString current = combo->currentData().toString();
            while (combo->count() > 1)
                combo->removeItem(1);
            for (const QString &item : items)
                combo->addItem(item, item);
            combo->setCurrentIndex(std::max(0, combo->findData(current)));
        };
        if (!r.stations.isEmpty())
            fill(m_stationFilter, r.stations);
        if (!r.lines.isEmpty())
            fill(m_lineFilter, r.lines);
    }

    const QLocale locale;
    const RetestReport &t = r.retests;
    m_retestDevices->setText(locale.toString(t.devicesRetested));
    //: Under the number of retested devices
    m_retestNote->setText(t.devices > 0
            ? tr("devices tested more than once (of %1); %Ln retest run(s)", nullptr, t.retestRuns)
                  .arg(locale.toString(t.devices))
            : tr("no devices in this range"));
    m_retestRecovered->setText(locale.toString(t.devicesPassedOnRetest));
    m_retestRecoveredNote->setText(tr("passed only on a retest"));
    QStringList perDevice;
    for (const auto &[runs, devices] : t.runsPerDevice)
        //: Runs per device: "2 runs: 14" (14 devices had two runs)
        perDevice << tr("%Ln run(s): %1", nullptr, runs).arg(locale.toString(devices));
    m_runsPerDevice->setText(perDevice.isEmpty()
            ? QString()
            //: Above the list "1 run(s): 470", "2 run(s): 47"
            : tr("Devices by their number of runs:") + u'\n' + perDevice.join(u"\n"_s));

    m_byHour->setGroups(r.byHour);
    m_byFixture->setGroups(r.byFixture);
    m_byOperator->setGroups(r.byOperator);
    m_byStation->setGroups(r.byStation);
}

void AnalyticsPage::selectMeasurement(int row)
{
    if (row < 0 || row >= m_capability->rowCount()) {
        m_selected = -1;
        m_table->clearSelection();
        showMeasurement();
        return;
    }
    m_selected = row;
    m_table->setCurrentIndex(m_capability->index(row, CapabilityModel::NameColumn));
    m_table->selectRow(row);
    showMeasurement();
}

QString AnalyticsPage::cpkText() const
{
    return m_cpk->text();
}

void AnalyticsPage::showMeasurement()
{
    if (m_selected < 0 || m_selected >= m_capability->rowCount()) {
        m_histogramTitle->setText(tr("Distribution"));
        m_cpk->setText(tr("No measurements in this range"));
        setColor(m_cpk, Theme::mutedTextColor());
        m_cpkDetail->clear();
        m_histogram->clear();
        return;
    }
    const MeasurementStats &m = m_capability->measurements().at(m_selected);
    const Capability &c = m.capability;
    //: Title of the histogram: "Distribution: tx_power (dBm)"
    m_histogramTitle->setText(
        tr("Distribution: %1")
            .arg(m.unit.isEmpty() ? m.name : CapabilityModel::tr("%1 (%2)").arg(m.name, m.unit)));
    const QLocale locale;
    if (c.cpk) {
        //: The capability headline: "Cpk 1.51 · capable"
        m_cpk->setText(
            tr("Cpk %1 · %2")
                .arg(locale.toString(*c.cpk, 'f', 2), CapabilityModel::ratingText(c.rating)));
    } else {
        m_cpk->setText(CapabilityModel::gapText(c.gap));
    }
    setColor(m_cpk, ratingColor(c.rating));
    QStringList detail;
    detail << tr("n = %1").arg(locale.toString(m.count));
    if (m.count > 0)
        detail << tr("mean %1").arg(CapabilityModel::valueText(m.mean, m.unit));
    if (m.count > 1)
        detail << tr("σ %1").arg(CapabilityModel::valueText(m.sigma, m.unit));
    if (c.cp)
        detail << tr("Cp %1").arg(locale.toString(*c.cp, 'f', 2));
    if (c.oneSided)
        detail << (m.lsl ? tr("low limit only") : tr("high limit only"));
    if (m.limitsVary)
        detail << tr("limits varied: the tightest are used");
    if (m.failed > 0)
        detail << tr("%Ln failed", nullptr, m.failed);
    if (m.notANumber > 0)
        detail << tr("%Ln not a number", nullptr, m.notANumber);
    const int recorded = m.count + m.notANumber;
    if (recorded > 0 && m.failed > 0)
        detail << tr("%1 out of limits").arg(percent(double(m.failed) / recorded));
    m_cpkDetail->setText(detail.join(u" · "_s));
    m_histogram->setMeasurement(m);
}

} // namespace Station
