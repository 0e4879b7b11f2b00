#include "ui/yieldpage.h"

#include "models/paretomodel.h"
#include "services/plant/plantreader.h"
#include "ui/keyboardhelp.h"
#include "ui/pagelook.h"
#include "ui/paretochart.h"
#include "ui/rangeselector.h"
#include "ui/theme.h"

#include <QAction>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Station {

namespace {

// A shift board is looked at, not clicked: re-read once a minute while it is shown.
constexpr auto AutoRefreshInterval = 60s;
// A shift that ended a moment ago still gets its last runs' verdicts.
constexpr int AutoRefreshSlack = 15 * 60;

QString percent(double fraction)
{
    //: A percentage, e.g. "96.4 %"
    return YieldPage::tr("%1 %").arg(QLocale().toString(fraction * 100.0, 'f', 1));
}

void setColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace

YieldPage::YieldPage(QWidget *parent)
    : QWidget(parent)
    , m_byStep(new ParetoModel(ParetoModel::Kind::Step, this))
    , m_byError(new ParetoModel(ParetoModel::Kind::Error, this))
{
    // The page takes the focus when it is shown, so its key (Ctrl+R) works at once.
    setFocusPolicy(Qt::StrongFocus);
    m_range = new RangeSelector(this);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(u"refresh"_s);
    // Active while the focus is on the page; F5 stays the window's Start all.
    const QAction *refreshAction = Keys::addPageAction(this,
        tr("Refresh"),
        tr("Read the record again"),
        QKeySequence(Qt::CTRL | Qt::Key_R),
        [this] { refresh(); });
    refreshButton->setToolTip(refreshAction->toolTip());
    m_error = new QLabel(this);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setColor(m_error, Theme::stateStyle(FixtureModel::TileState::Fail).accent);

    m_source = new QComboBox(this);
    m_source->setObjectName(u"source"_s);
    //: Yield page source switch: the runs of this station's own record
    m_source->addItem(tr("This station"), int(Source::Station));
    //: Yield page source switch: the runs of every station in the plant database
    m_source->addItem(tr("Plant"), int(Source::Plant));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_source->setEnabled(false);
    m_source->setToolTip(tr("No plant database is configured."));
    m_line = new QComboBox(this);
    m_line->setObjectName(u"lineFilter"_s);
    m_line->addItem(tr("All lines"), QString());
    m_line->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_line->setVisible(false);
    m_station = new QComboBox(this);
    m_station->setObjectName(u"stationFilter"_s);
    m_station->addItem(tr("All stations"), QString());
    m_station->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_station->setVisible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_range);
    top->addWidget(m_source);
    top->addWidget(m_line);
    top->addWidget(m_station);
    top->addWidget(refreshButton);
    top->addWidget(m_error, 1);

    auto *cards = new QHBoxLayout;
    cards->setSpacing(12);
    cards->addWidget(
        makeCard(tr("Devices started"), u"devicesStarted"_s, &m_started, &m_startedNote));
    cards->addWidget(makeCard(tr("Passed"), u"devicesPassed"_s, &m_passed, &m_passedNote));
    cards->addWidget(makeCard(tr("Failed"), u"devicesFailed"_s, &m_failed, &m_failedNote));
    cards->addWidget(
        makeCard(tr("First-pass yield"), u"firstPassYield"_s, &m_firstPass, &m_firstPassNote));
    QWidget *perHourCard
        = makeCard(tr("Devices per hour"), u"devicesPerHour"_s, &m_perHour, &m_perHourNote);
    perHourCard->setToolTip(
        tr("Devices started per hour of production time. Production time is the time in which "
           "at least one run was in progress (from its start to its end; a run still going, "
           "to its latest step), within the range shown: breaks and idle fixtures do not "
           "count, and runs side by side count their common time once."));
    cards->addWidget(perHourCard);
    setColor(m_passed, Theme::stateStyle(FixtureModel::TileState::Pass).accent);

    auto *paretos = new QHBoxLayout;
    paretos->setSpacing(16);
    paretos->addWidget(makeParetoPane(tr("Failures by step"), m_byStep, &m_stepChart), 1);
    paretos->addWidget(makeParetoPane(tr("Failures by error"), m_byError, &m_errorChart), 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(12);
    layout->addLayout(top);
    layout->addLayout(cards);
    layout->addLayout(paretos, 1);

    m_autoRefresh = new QTimer(this);
    m_autoRefresh->setInterval(AutoRefreshInterval);
    connect(m_autoRefresh, &QTimer::timeout, this, [this] {
        // Only a live board moves on by itself (the range reaches now); a report over a
        // week or the whole record is read when someone asks for it, not every minute.
        const TimeRange range = m_range->range();
        const bool live = range.from.isValid() && range.to.isValid()
            && range.from.secsTo(range.to) <= 24 * 3600
            && range.to >= m_range->now().addSecs(-AutoRefreshSlack);
        if (live)
            refresh();
    });
    connect(refreshButton, &QPushButton::clicked, this, &YieldPage::refresh);
    connect(m_range, &RangeSelector::rangeChanged, this, &YieldPage::refresh);
    connect(m_source, &QComboBox::currentIndexChanged, this, &YieldPage::applySource);
    connect(m_station, &QComboBox::currentIndexChanged, this, &YieldPage::refresh);
    connect(m_line, &QComboBox::currentIndexChanged, this, &YieldPage::refresh);
    showReport();
}

void YieldPage::setPlantReader(PlantReader *reader, const QString &unavailable)
{
    if (m_plant)
        disconnect(m_plant, nullptr, this, nullptr);
    m_plant = reader;
    m_pending = 0;
    m_source->setEnabled(reader != nullptr);
    m_source->setToolTip(
        reader ? tr("Show this station's yield or the plant's (every station)") : unavailable);
    m_source->setAccessibleDescription(m_source->toolTip());
    if (reader) {
        connect(
            reader, &PlantReader::yieldRead, this, [this](quint64 request, const YieldReport &r) {
                if (request != m_pending)
                    return;
                m_pending = 0;
                m_report = r;
                showStatus({}, false);
                showReport();
            });
        connect(reader, &PlantReader::requestFailed, this, [this](quint64 request, const Error &e) {
            if (request != m_pending)
                return;
            m_pending = 0;
            m_report = {};
            showReport();
            showStatus(tr("Cannot read the plant: %1 This station's own yield is still available "
                          "(This station).")
                           .arg(e.message.translated()),
                true);
            m_error->setToolTip(e.detail);
        });
        connect(reader,
            &PlantReader::stationsRead,
            this,
            [this](quint64 request, const QList<PlantStation> &stations) {
                if (request != m_stationsRequest)
                    return;
                const QSignalBlocker stationBlocker(m_station);
                const QSignalBlocker lineBlocker(m_line);
                const QString station = m_station->currentData().toString();
                const QString line = m_line->currentData().toString();
                while (m_station->count() > 1)
                    m_station->removeItem(1);
                while (m_line->count() > 1)
                    m_line->removeItem(1);
                for (const PlantStation &s : stations) {
                    m_station->addItem(
                        s.line.isEmpty() ? s.stationId : tr("%1 (%2)").arg(s.stationId, s.line),
                        s.stationId);
                    if (!s.line.isEmpty() && m_line->findData(s.line) < 0)
                        m_line->addItem(s.line, s.line);
                }
                if (!station.isEmpty() && m_station->findData(station) < 0)
                    m_station->addItem(station, station);
                if (!line.isEmpty() && m_line->findData(line) < 0)
                    m_line->addItem(line, line);
                m_station->setCurrentIndex(std::max(0, m_station->findData(station)));
                m_line->setCurrentIndex(std::max(0, m_line->findData(line)));
            });
    }
    if (!reader && source() == Source::Plant) {
        const QSignalBlocker blocker(m_source);
        m_source->setCurrentIndex(m_source->findData(int(Source::Station)));
    }
    applySource();
}

YieldPage::Source YieldPage::source() const
{
    return Source(m_source->currentData().toInt());
}

void YieldPage::setSource(Source source)
{
    if (source == Source::Plant && !m_plant)
        return;
    m_source->setCurrentIndex(m_source->findData(int(source)));
}

void YieldPage::setStationFilter(const QString &stationId)
{
    if (!stationId.isEmpty() && m_station->findData(stationId) < 0)
        m_station->addItem(stationId, stationId);
    m_station->setCurrentIndex(std::max(0, m_station->findData(stationId)));
}

void YieldPage::setLineFilter(const QString &line)
{
    if (!line.isEmpty() && m_line->findData(line) < 0)
        m_line->addItem(line, line);
    m_line->setCurrentIndex(std::max(0, m_line->findData(line)));
}

QString YieldPage::statusText() const
{
    return m_error->text();
}

void YieldPage::showStatus(const QString &text, bool error)
{
    setColor(m_error,
        error ? Theme::stateStyle(FixtureModel::TileState::Fail).accent : Theme::mutedTextColor());
    m_error->setText(text);
    if (!error)
        m_error->setToolTip({});
}

void YieldPage::applySource()
{
    const bool plant = source() == Source::Plant && m_plant;
    m_station->setVisible(plant);
    m_line->setVisible(plant);
    if (plant)
        m_stationsRequest = m_plant->requestStations();
    refresh();
}

YieldPage::~YieldPage() = default;

QWidget *YieldPage::makeCard(
    const QString &caption, const QString &name, QLabel **value, QLabel **note)
{
    auto *card = new QFrame(this);
    card->setObjectName(name + u"Card"_s);
    card->setFrameShape(QFrame::StyledPanel);
    card->setAutoFillBackground(true);
    QPalette palette = card->palette();
    palette.setColor(QPalette::Window, Theme::tileColor());
    card->setPalette(palette);

    auto *captionLabel = new QLabel(caption, card);
    captionLabel->setFont(Theme::font(16, QFont::DemiBold));
    setColor(captionLabel, Theme::mutedTextColor());
    *value = new QLabel(card);
    (*value)->setObjectName(name);
    (*value)->setFont(Theme::font(52, QFont::Bold));
    *note = new QLabel(card);
    (*note)->setObjectName(name + u"Note"_s);
    (*note)->setFont(Theme::font(14));
    (*note)->setWordWrap(true);
    setColor(*note, Theme::mutedTextColor());

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(18, 12, 18, 14);
    layout->setSpacing(2);
    layout->addWidget(captionLabel);
    layout->addWidget(*value);
    layout->addWidget(*note);
    layout->addStretch(1);
    return card;
}

QWidget *YieldPage::makeParetoPane(const QString &title, ParetoModel *model, ParetoChart **chart)
{
    auto *pane = new QFrame(this);
    pane->setFrameShape(QFrame::StyledPanel);
    pane->setAutoFillBackground(true);
    QPalette palette = pane->palette();
    palette.setColor(QPalette::Window, Theme::tileColor());
    pane->setPalette(palette);

    auto *titleLabel = new QLabel(title, pane);
    titleLabel->setFont(Theme::font(17, QFont::Bold));
    *chart = new ParetoChart(model, pane);

    auto *table = new QTableView(pane);
    table->setObjectName(
        model->kind() == ParetoModel::Kind::Step ? u"stepPareto"_s : u"errorPareto"_s);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    QHeaderView *header = table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->setColumnWidth(ParetoModel::NameColumn, 250);
    // The numbers' columns as wide as their titles (long in German) or values need.
    PageLook::fitColumn(table, ParetoModel::CountColumn, {u"8888"_s});
    PageLook::fitColumn(table, ParetoModel::ShareColumn, {percent(1.0)});
    PageLook::fitColumn(table, ParetoModel::CumulativeColumn, {percent(1.0)});
    header->setStretchLastSection(true);
    table->setColumnHidden(ParetoModel::DetailColumn, model->kind() == ParetoModel::Kind::Step);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(14, 10, 14, 14);
    layout->setSpacing(8);
    layout->addWidget(titleLabel);
    layout->addWidget(*chart, 1);
    layout->addWidget(table);
    // The table is as tall as its rows (up to ten); the chart takes the rest.
    auto fit = [table, model] {
        const int rows = std::clamp(model->rowCount(), 3, 10);
        table->setFixedHeight(table->horizontalHeader()->sizeHint().height()
            + rows * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth());
    };
    connect(model, &ParetoModel::modelReset, table, fit);
    fit();
    return pane;
}

void YieldPage::setRecordQuery(const RecordQuery *query)
{
    m_query = query;
    refresh();
}

void YieldPage::setClock(std::function<QDateTime()> clock)
{
    m_range->setClock(std::move(clock));
    refresh();
}

void YieldPage::setTimeZone(const QTimeZone &zone)
{
    m_range->setTimeZone(zone);
    refresh();
}

void YieldPage::refresh()
{
    {
        const QSignalBlocker blocker(m_range);
        m_range->refreshRange();
    }
    m_error->clear();
    RunFilter filter;
    filter.from = m_range->range().from;
    filter.to = m_range->range().to;
    if (source() == Source::Plant && m_plant) {
        // The report shown stays until the plant's answer replaces it.
        filter.stationId = m_station->currentData().toString();
        filter.line = m_line->currentData().toString();
        m_pending = m_plant->requestYield(filter);
        showStatus(tr("Reading the plant\u2026"), false);
        return;
    }
    m_pending = 0;
    m_report = {};
    if (m_query && m_query->isOpen()) {
        const Result<YieldReport> report = m_query->yieldReport(filter);
        if (report)
            m_report = *report;
        else
            m_error->setText(
                tr("Cannot read the record: %1").arg(report.error().message.translated()));
    }
    showReport();
}

void YieldPage::showReport()
{
    const YieldReport &r = m_report;
    const QLocale locale;
    m_started->setText(locale.toString(r.devicesStarted));
    QStringList runs;
    runs << tr("%Ln run(s)", nullptr, r.runs);
    if (r.runsAborted > 0)
        runs << tr("%1 aborted").arg(r.runsAborted);
    if (r.runsInterrupted > 0)
        runs << tr("%1 interrupted").arg(r.runsInterrupted);
    m_startedNote->setText(runs.join(u", "_s));

    m_passed->setText(locale.toString(r.devicesPassed));
    m_passedNote->setText(r.devicesPassed + r.devicesFailed > 0
            ? tr("final yield %1").arg(percent(r.finalYield))
            : QString());

    m_failed->setText(locale.toString(r.devicesFailed));
    setColor(m_failed,
        r.devicesFailed > 0 ? Theme::stateStyle(FixtureModel::TileState::Fail).accent
                            : Theme::textColor());
    QStringList failedNotes;
    if (r.runsFailed > 0) {
        failedNotes << tr("%Ln failed run(s)", nullptr, r.runsFailed);
    }
    // A device counts as failed when it has no PASS run; say when that includes runs the
    // operator stopped or the station lost, so the card matches the Pareto (FAIL runs only).
    if (const int stopped = r.runsAborted + r.runsInterrupted; stopped > 0)
        failedNotes << tr("%1 aborted or interrupted").arg(locale.toString(stopped));
    if (r.devicesInProgress > 0)
        failedNotes << tr("%1 still in progress").arg(locale.toString(r.devicesInProgress));
    m_failedNote->setText(failedNotes.join(u", "_s));

    const bool anyVerdict = r.devicesPassed + r.devicesFailed > 0;
    m_firstPass->setText(anyVerdict ? percent(r.firstPassYield) : u"\u2014"_s);
    m_firstPassNote->setText(anyVerdict
            ? tr("%Ln device(s) passed their first run", nullptr, r.devicesFirstPass)
            : QString());

    m_perHour->setText(r.hours > 0 ? locale.toString(r.devicesPerHour, 'f', 1) : u"\u2014"_s);
    //: Under devices per hour: "in 3:12:40 of production; 11.8 passed per hour"
    m_perHourNote->setText(r.hours > 0
            ? tr("in %1 of production; %2 passed per hour")
                  .arg(PageText::duration(std::chrono::milliseconds(qint64(r.hours * 3'600'000))),
                      locale.toString(r.passedPerHour, 'f', 1))
            : QString());

    m_byStep->setEntries(r.failuresByStep);
    m_byError->setEntries(r.failuresByError);
}

void YieldPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_autoRefresh->start();
}

void YieldPage::hideEvent(QHideEvent *event)
{
    m_autoRefresh->stop();
    QWidget::hideEvent(event);
}

} // namespace Station
