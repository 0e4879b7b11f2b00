#include "ui/recordspage.h"

#include "models/recordsmodel.h"
#include "services/azsphere/devicedata.h"
#include "services/plant/plantreader.h"
#include "services/records/csvexport.h"
#include "services/records/handoff.h"
#include "ui/keyboardhelp.h"
#include "ui/pagelook.h"
#include "ui/rangeselector.h"
#include "ui/theme.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QStandardPaths>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Station {

namespace {

// Typing a serial shows results after a short pause, not a query per key.
constexpr auto SearchDelay = 300ms;
// Progress: the steps file is about ten times the runs file, so it gets most of the bar.
constexpr int ProgressMax = 1000;
constexpr int RunsShareWithSteps = 100;
// On a narrow screen the cause column keeps room for about this many characters before the
// other columns give way.
constexpr int MinCauseChars = 20;

const QList<RunOutcome> AllOutcomes = {RunOutcome::Pass,
    RunOutcome::Fail,
    RunOutcome::Aborted,
    RunOutcome::Interrupted,
    RunOutcome::Running};

QString errorText(const Error &error)
{
    return error.detail.isEmpty() ? error.message.translated()
                                  : u"%1 (%2)"_s.arg(error.message.translated(), error.detail);
}

// Runs on the page's pool: one QSaveFile per file, committed only when every file is complete,
// so a cancelled or failed export leaves nothing half-written behind. exportCsv opens (and
// removes) its own database connection on this thread.
RecordsExportResult runExport(QPromise<RecordsExportResult> &promise,
    const QString &recordPath,
    const RunFilter &filter,
    const QString &path,
    bool withSteps,
    const CancelToken &cancel)
{
    promise.setProgressRange(0, ProgressMax);
    RecordsExportResult result;
    auto progressInto = [&promise](int base, int share) {
        return [&promise, base, share](qint64 done, qint64 total) {
            const int value = total > 0 ? base + int(qint64(share) * done / total) : base + share;
            promise.setProgressValue(std::min(value, ProgressMax));
        };
    };
    auto failed = [&result, &cancel](const QString &message) {
        result.cancelled = cancel.isCancelled();
        result.message = result.cancelled
            ? RecordsPage::tr("Export cancelled; no file was written.")
            : RecordsPage::tr("Export failed: %1").arg(message);
        return result;
    };

    QSaveFile runsFile(path);
    if (!runsFile.open(QIODevice::WriteOnly))
        return failed(RecordsPage::tr("cannot write %1 (%2)").arg(path, runsFile.errorString()));
    CsvOptions options;
    options.layout = CsvLayout::RunPerRow;
    const Result<qint64> runs = exportCsv(recordPath,
        filter,
        runsFile,
        options,
        cancel,
        progressInto(0, withSteps ? RunsShareWithSteps : ProgressMax));
    if (!runs) {
        runsFile.cancelWriting();
        return failed(errorText(runs.error()));
    }
    result.runs = *runs;

    const QString stepsPath = RecordsPage::stepsFilePath(path);
    QSaveFile stepsFile(stepsPath);
    if (withSteps) {
        if (!stepsFile.open(QIODevice::WriteOnly)) {
            runsFile.cancelWriting();
            return failed(
                RecordsPage::tr("cannot write %1 (%2)").arg(stepsPath, stepsFile.errorString()));
        }
        options.layout = CsvLayout::StepPerRow;
        const Result<qint64> steps = exportCsv(recordPath,
            filter,
            stepsFile,
            options,
            cancel,
            progressInto(RunsShareWithSteps, ProgressMax - RunsShareWithSteps));
        if (!steps) {
            runsFile.cancelWriting();
            stepsFile.cancelWriting();
            return failed(errorText(steps.error()));
        }
        result.steps = *steps;
    }
    if (cancel.isCancelled()) {
        runsFile.cancelWriting();
        if (withSteps)
            stepsFile.cancelWriting();
        return failed({});
    }
    if (!runsFile.commit())
        return failed(RecordsPage::tr("cannot write %1 (%2)").arg(path, runsFile.errorString()));
    result.files << path;
    if (withSteps) {
        if (!stepsFile.commit()) {
            return failed(
                RecordsPage::tr("cannot write %1 (%2)").arg(stepsPath, stepsFile.errorString()));
        }
        result.files << stepsPath;
    }
    promise.setProgressValue(ProgressMax);
    result.ok = true;
    const QLocale locale;
    result.message = withSteps ? RecordsPage::tr("Exported %1 runs and %2 steps to %3 and %4.")
                                     .arg(locale.toString(result.runs),
                                         locale.toString(result.steps),
                                         QFileInfo(path).fileName(),
                                         QFileInfo(stepsPath).fileName())
                               : RecordsPage::tr("Exported %1 runs to %2.")
                                     .arg(locale.toString(result.runs), QFileInfo(path).fileName());
    return result;
}

// The device ID column: the model's short ID ("352fe1f5…b968") when it fits, else as many
// leading digits of the full ID as fit (never an ellipsis after the short ID's own).
class DeviceIdDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (option->rect.width() <= 0)
            return;
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        const int margin
            = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option->widget) + 1;
        const int room = option->rect.width() - 2 * margin;
        if (option->fontMetrics.horizontalAdvance(option->text) <= room)
            return;
        const QString id = index.data(RecordsModel::DeviceIdRole).toString();
        option->text = option->fontMetrics.elidedText(id, Qt::ElideRight, room);
    }
};

} // namespace

RecordsPage::RecordsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new RecordsModel(this))
{
    qRegisterMetaType<Station::RecordsExportResult>();
    // One export at a time, off the GUI thread and off the global pool.
    m_pool.setMaxThreadCount(1);
    m_model->setOutcomeLook(PageLook::runOutcomeLooks());
    m_exportFolder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);

    m_range = new RangeSelector(this);

    const RunOutcomeLook look = PageLook::runOutcomeLooks();
    auto *outcomes = new QHBoxLayout;
    outcomes->setSpacing(10);
    for (RunOutcome outcome : AllOutcomes) {
        auto *box = new QCheckBox(PageText::runOutcome(outcome), this);
        box->setObjectName(u"outcome-"_s + runOutcomeName(outcome));
        box->setIcon(look(outcome).icon);
        box->setChecked(true);
        box->setProperty("outcome", int(outcome));
        outcomes->addWidget(box);
        m_outcomeBoxes << box;
        connect(box, &QCheckBox::toggled, this, [this, box](bool checked) {
            // At least one outcome stays selected: an empty choice would mean "all" in the
            // record's filter and surprise whoever unticked the last box.
            const bool none = std::none_of(m_outcomeBoxes.cbegin(),
                m_outcomeBoxes.cend(),
                [](const QCheckBox *other) { return other->isChecked(); });
            if (!checked && none) {
                const QSignalBlocker blocker(box);
                box->setChecked(true);
                return;
            }
            applyFilter();
        });
    }

    m_fixture = new QComboBox(this);
    m_fixture->setObjectName(u"fixtureFilter"_s);
    m_fixture->addItem(tr("All fixtures"), 0);
    m_fixture->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_recipe = new QComboBox(this);
    m_recipe->setObjectName(u"recipeFilter"_s);
    m_recipe->addItem(tr("All recipes"), QString());
    m_recipe->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_source = new QComboBox(this);
    m_source->setObjectName(u"source"_s);
    //: Records page source switch: the runs of this station's own record
    m_source->addItem(tr("This station"), int(Source::Station));
    //: Records page source switch: the runs of every station in the plant database
    m_source->addItem(tr("Plant"), int(Source::Plant));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_source->setEnabled(false);
    m_source->setToolTip(tr("No plant database is configured."));
    m_station = new QComboBox(this);
    m_station->setObjectName(u"stationFilter"_s);
    m_station->addItem(tr("All stations"), QString());
    m_station->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_station->setVisible(false);
    m_line = new QComboBox(this);
    m_line->setObjectName(u"lineFilter"_s);
    m_line->addItem(tr("All lines"), QString());
    m_line->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_line->setVisible(false);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Device ID or serial"));
    m_search->setClearButtonEnabled(true);
    // Room for its placeholder in every language.
    m_search->setMinimumWidth(
        std::max(220, m_search->fontMetrics().horizontalAdvance(m_search->placeholderText()) + 40));
    m_search->setMaximumWidth(520);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelay);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(u"refresh"_s);
    // The page's keys act while the focus is on the page; F5 stays the window's Start all.
    const QAction *refreshAction = Keys::addPageAction(this,
        tr("Refresh"),
        tr("Read the record again"),
        QKeySequence(Qt::CTRL | Qt::Key_R),
        [this] { refresh(); });
    m_refresh->setToolTip(refreshAction->toolTip());
    Keys::addPageAction(this,
        tr("Find"),
        tr("Search for a device ID or serial"),
        QKeySequence(Qt::CTRL | Qt::Key_F),
        [this] {
            m_search->setFocus(Qt::ShortcutFocusReason);
            m_search->selectAll();
        });

    // Two rows, so the page fits a 1280-pixel screen (in German too, whose outcome names are
    // long): when and what outcome, then which fixture, recipe or device, and what to do with
    // the result.
    auto *filterBar = new QHBoxLayout;
    filterBar->setSpacing(14);
    filterBar->addWidget(m_range);
    filterBar->addSpacing(16);
    filterBar->addLayout(outcomes);
    filterBar->addStretch(1);

    m_count = new QLabel(this);
    m_count->setObjectName(u"count"_s);
    m_count->setFont(Theme::font(18, QFont::Bold));
    m_shown = new QLabel(this);
    m_shown->setObjectName(u"shown"_s);
    // A hint: on a small screen it wraps rather than widen the page.
    m_shown->setWordWrap(true);
    PageLook::makeFieldName(m_shown);
    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long file name must not widen the page.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_withSteps = new QCheckBox(tr("With steps"), this);
    m_withSteps->setObjectName(u"withSteps"_s);
    m_withSteps->setToolTip(tr("Also write each run's steps (command lines, exit codes, "
                               "measurements) to a second file, <name>-steps.csv"));
    m_export = new QPushButton(tr("Export CSV\u2026"), this);
    m_export->setObjectName(u"export"_s);
    const QAction *exportAction = Keys::addPageAction(this,
        tr("Export CSV"),
        tr("Write the runs shown to a CSV file"),
        QKeySequence(Qt::CTRL | Qt::Key_E),
        [this] {
            if (m_export->isEnabled())
                exportWithDialog();
        });
    m_export->setToolTip(exportAction->toolTip());
    //: Button: export the finalized devices for cloud configuration (tool tip says more)
    m_handoff = new QPushButton(tr("Cloud hand-off\u2026"), this);
    m_handoff->setObjectName(u"handoff"_s);
    const QAction *handoffAction = Keys::addPageAction(this,
        tr("Export for cloud configuration"),
        tr("Write the devices finalized in this range, with their product and device group, "
           "for Microsoft's cloud configuration script"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
        [this] {
            if (m_handoff->isEnabled())
                handoffWithDialog();
        });
    m_handoff->setToolTip(handoffAction->toolTip());

    // Which runs (source, line, station, fixture, recipe, device), then how many and what to do
    // with them: two rows, so that German and a plant's three extra filters fit 1280 px and the
    // hint stays on one line.
    auto *searchBar = new QHBoxLayout;
    searchBar->setSpacing(12);
    searchBar->addWidget(m_source);
    searchBar->addWidget(m_line);
    searchBar->addWidget(m_station);
    searchBar->addWidget(m_fixture);
    searchBar->addWidget(m_recipe);
    searchBar->addWidget(m_search, 1);
    searchBar->addWidget(m_refresh);

    auto *summaryBar = new QHBoxLayout;
    summaryBar->setSpacing(12);
    summaryBar->addWidget(m_count);
    // The hint takes the spare room.
    summaryBar->addWidget(m_shown, 1);
    summaryBar->addWidget(m_withSteps);
    summaryBar->addWidget(m_export);
    summaryBar->addWidget(m_handoff);

    m_view = new QTableView(this);
    m_view->setObjectName(u"runs"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, which keeps a long table fast.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Columns fit their values (fitColumns); the cause is last and takes what is left. A
    // column the user resized keeps that width.
    header->setStretchLastSection(true);
    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_fitting)
            m_resizedColumns.insert(column);
    });
    m_view->setItemDelegateForColumn(RecordsModel::DeviceColumn, new DeviceIdDelegate(m_view));
    // The station column says something only when the page shows the plant.
    m_view->setColumnHidden(RecordsModel::StationColumn, true);
    m_view->installEventFilter(this);
    fitColumns();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addLayout(filterBar);
    layout->addLayout(searchBar);
    layout->addLayout(summaryBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_range, &RangeSelector::rangeChanged, this, &RecordsPage::applyFilter);
    connect(m_fixture, &QComboBox::currentIndexChanged, this, &RecordsPage::applyFilter);
    connect(m_recipe, &QComboBox::currentIndexChanged, this, &RecordsPage::applyFilter);
    connect(m_source, &QComboBox::currentIndexChanged, this, &RecordsPage::applySource);
    connect(m_station, &QComboBox::currentIndexChanged, this, &RecordsPage::applyFilter);
    connect(m_line, &QComboBox::currentIndexChanged, this, &RecordsPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &RecordsPage::applyFilter);
    connect(m_searchDelay, &QTimer::timeout, this, &RecordsPage::applyFilter);
    connect(m_refresh, &QPushButton::clicked, this, &RecordsPage::refresh);
    connect(m_export, &QPushButton::clicked, this, &RecordsPage::exportWithDialog);
    connect(m_handoff, &QPushButton::clicked, this, &RecordsPage::handoffWithDialog);
    connect(m_model, &RecordsModel::totalCountChanged, this, &RecordsPage::updateCount);
    connect(m_model, &RecordsModel::rowsInserted, this, [this] {
        updateCount();
        learnChoices();
        if (std::exchange(m_fitPending, false))
            fitColumns();
    });
    // A reset is followed by the first page of the new selection: the columns fit to it.
    connect(m_model, &RecordsModel::modelReset, this, [this] {
        updateCount();
        m_fitPending = true;
    });
    connect(m_model, &RecordsModel::queryFailed, this, [this](const QString &message) {
        QPalette palette = m_status->palette();
        palette.setColor(
            QPalette::WindowText, Theme::stateStyle(FixtureModel::TileState::Fail).accent);
        m_status->setPalette(palette);
        m_status->setText(m_model->isPlant()
                ? tr("Cannot read the plant: %1 This station's own record is still available "
                     "(This station).")
                      .arg(message)
                : tr("Cannot read the record: %1").arg(message));
    });
    connect(m_model, &RecordsModel::loadingChanged, this, [this](bool loading) {
        if (loading && m_model->rowCount() == 0) {
            QPalette palette = m_status->palette();
            palette.setColor(QPalette::WindowText, Theme::mutedTextColor());
            m_status->setPalette(palette);
            m_status->setText(tr("Reading the plant\u2026"));
        } else if (!loading && m_model->errorString().isEmpty()
            && m_status->text() == tr("Reading the plant\u2026")) {
            m_status->clear();
        }
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        openRow(index.row());
    });
    connect(m_view, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        const RunRow run = m_model->run(index.row());
        QMenu menu(this);
        menu.addAction(tr("Open device view"), this, [this, row = index.row()] { openRow(row); });
        QAction *copy = menu.addAction(tr("Copy device ID"), this, [run] {
            if (QClipboard *clipboard = QGuiApplication::clipboard())
                clipboard->setText(run.deviceId);
        });
        QAction *device = menu.addAction(tr("Show only this device"), this, [this, run] {
            m_search->setText(run.deviceId);
            applyFilter();
        });
        copy->setEnabled(!run.deviceId.isEmpty());
        device->setEnabled(!run.deviceId.isEmpty());
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    updateCount();
}

RecordsPage::~RecordsPage()
{
    m_cancel.cancel();
    m_pool.waitForDone();
    // QWidget's destructor hides the children after this class's members are gone, and a
    // hidden table resizes its header: its slot must not reach m_resizedColumns then.
    m_view->horizontalHeader()->disconnect(this);
}

void RecordsPage::setRecord(const RecordQuery *query, const QString &recordPath)
{
    m_query = query;
    m_recordPath = recordPath;
    m_model->setFilter(filter());
    m_model->setQuery(query);
}

void RecordsPage::openRow(int row)
{
    const RunRow run = m_model->run(row);
    if (!run.stationId.isEmpty())
        Q_EMIT openPlantRunRequested(run.stationId, run.runUuid, run.id);
    else if (run.id != 0)
        Q_EMIT openRunRequested(run.id);
}

void RecordsPage::setPlantReader(PlantReader *reader, const QString &unavailable)
{
    if (m_plant)
        disconnect(m_plant, nullptr, this, nullptr);
    m_plant = reader;
    m_source->setEnabled(reader != nullptr);
    m_source->setToolTip(reader ? tr("Show this station's own record or the plant's record "
                                     "(every station)")
                                : unavailable);
    m_source->setAccessibleDescription(m_source->toolTip());
    if (reader) {
        connect(reader,
            &PlantReader::stationsRead,
            this,
            [this](quint64 request, const QList<PlantStation> &stations) {
                if (request == m_stationsRequest)
                    showStations(stations);
            });
    }
    if (!reader && source() == Source::Plant) {
        const QSignalBlocker blocker(m_source);
        m_source->setCurrentIndex(m_source->findData(int(Source::Station)));
    }
    applySource();
}

RecordsPage::Source RecordsPage::source() const
{
    return Source(m_source->currentData().toInt());
}

void RecordsPage::setSource(Source source)
{
    if (source == Source::Plant && !m_plant)
        return;
    m_source->setCurrentIndex(m_source->findData(int(source)));
}

void RecordsPage::setStationFilter(const QString &stationId)
{
    if (!stationId.isEmpty() && m_station->findData(stationId) < 0)
        m_station->addItem(stationId, stationId);
    m_station->setCurrentIndex(std::max(0, m_station->findData(stationId)));
}

void RecordsPage::setLineFilter(const QString &line)
{
    if (!line.isEmpty() && m_line->findData(line) < 0)
        m_line->addItem(line, line);
    m_line->setCurrentIndex(std::max(0, m_line->findData(line)));
}

void RecordsPage::applySource()
{
    const bool plant = source() == Source::Plant && m_plant;
    m_station->setVisible(plant);
    m_line->setVisible(plant);
    // The export writes this station's record (the plant has its own tools).
    m_withSteps->setVisible(!plant);
    m_export->setVisible(!plant);
    m_view->setColumnHidden(RecordsModel::StationColumn, !plant);
    m_status->clear();
    if (plant)
        m_stationsRequest = m_plant->requestStations();
    m_model->setFilter(filter());
    m_model->setPlantReader(plant ? m_plant.data() : nullptr);
    m_fitPending = true;
    applyColumnWidths();
}

void RecordsPage::showStations(const QList<PlantStation> &stations)
{
    const QSignalBlocker stationBlocker(m_station);
    const QSignalBlocker lineBlocker(m_line);
    const QString station = m_station->currentData().toString();
    const QString line = m_line->currentData().toString();
    while (m_station->count() > 1)
        m_station->removeItem(1);
    while (m_line->count() > 1)
        m_line->removeItem(1);
    for (const PlantStation &s : stations) {
        //: A plant station in the station filter: "LINE1-PC1 (Line 1)"
        m_station->addItem(
            s.line.isEmpty() ? s.stationId : tr("%1 (%2)").arg(s.stationId, s.line), s.stationId);
        if (!s.line.isEmpty() && m_line->findData(s.line) < 0)
            m_line->addItem(s.line, s.line);
    }
    if (!station.isEmpty() && m_station->findData(station) < 0)
        m_station->addItem(station, station);
    if (!line.isEmpty() && m_line->findData(line) < 0)
        m_line->addItem(line, line);
    m_station->setCurrentIndex(std::max(0, m_station->findData(station)));
    m_line->setCurrentIndex(std::max(0, m_line->findData(line)));
}

void RecordsPage::focusRuns()
{
    m_view->setFocus(Qt::OtherFocusReason);
}

void RecordsPage::setFixtures(const QList<FixtureConfig> &fixtures)
{
    const QSignalBlocker blocker(m_fixture);
    const int current = m_fixture->currentData().toInt();
    while (m_fixture->count() > 1)
        m_fixture->removeItem(1);
    for (const FixtureConfig &fixture : fixtures)
        m_fixture->addItem(PageText::fixture(fixture.number, fixture.label), fixture.number);
    m_fixture->setCurrentIndex(std::max(0, m_fixture->findData(current)));
}

void RecordsPage::setRecipeNames(const QStringList &names)
{
    const QSignalBlocker blocker(m_recipe);
    for (const QString &name : names) {
        if (m_recipe->findData(name) < 0)
            m_recipe->addItem(name, name);
    }
}

void RecordsPage::setClock(std::function<QDateTime()> clock)
{
    m_range->setClock(std::move(clock));
}

void RecordsPage::setTimeZone(const QTimeZone &zone)
{
    m_model->setTimeZone(zone);
    m_range->setTimeZone(zone);
}

RunFilter RecordsPage::filter() const
{
    RunFilter f;
    const TimeRange range = m_range->range();
    f.from = range.from;
    f.to = range.to;
    QList<RunOutcome> outcomes;
    for (QCheckBox *box : m_outcomeBoxes) {
        if (box->isChecked())
            outcomes << RunOutcome(box->property("outcome").toInt());
    }
    if (outcomes.size() != AllOutcomes.size())
        f.outcomes = outcomes;
    f.fixture = m_fixture->currentData().toInt();
    f.recipeName = m_recipe->currentData().toString();
    f.search = m_search->text().trimmed();
    if (source() == Source::Plant && m_plant) {
        f.stationId = m_station->currentData().toString();
        f.line = m_line->currentData().toString();
    }
    return f;
}

void RecordsPage::setOutcomeFilter(const QList<RunOutcome> &outcomes)
{
    for (QCheckBox *box : std::as_const(m_outcomeBoxes)) {
        const QSignalBlocker blocker(box);
        box->setChecked(
            outcomes.isEmpty() || outcomes.contains(RunOutcome(box->property("outcome").toInt())));
    }
    applyFilter();
}

void RecordsPage::setFixtureFilter(int fixture)
{
    if (m_fixture->findData(fixture) < 0)
        m_fixture->addItem(PageText::fixture(fixture, {}), fixture);
    m_fixture->setCurrentIndex(m_fixture->findData(fixture));
}

void RecordsPage::setRecipeFilter(const QString &recipeName)
{
    if (!recipeName.isEmpty() && m_recipe->findData(recipeName) < 0)
        m_recipe->addItem(recipeName, recipeName);
    m_recipe->setCurrentIndex(std::max(0, m_recipe->findData(recipeName)));
}

void RecordsPage::setSearchText(const QString &text)
{
    m_search->setText(text);
    applyFilter();
}

void RecordsPage::refresh()
{
    // Relative ranges ("current shift") move on with the clock.
    const QSignalBlocker blocker(m_range);
    m_range->refreshRange();
    applyFilter();
}

void RecordsPage::applyFilter()
{
    m_searchDelay->stop();
    m_model->setFilter(filter());
}

void RecordsPage::updateCount()
{
    const QLocale locale;
    const qint64 total = m_model->totalCount();
    //: The plant's records page stops counting at 100,000: "More than 100,000 runs"
    m_count->setText(m_model->isTotalAtLeast() ? tr("More than %1 runs").arg(locale.toString(total))
                                               : tr("%Ln run(s)", nullptr, int(total)));
    const int loaded = m_model->rowCount();
    m_shown->setText(loaded < total
            ? tr("newest %1 shown, scroll for more").arg(locale.toString(loaded))
            : QString());
    m_export->setEnabled(
        total > 0 && !m_recordPath.isEmpty() && !isExporting() && !m_model->isPlant());
    m_handoff->setEnabled(!m_recordPath.isEmpty() && !isExporting() && !m_model->isPlant());
}

void RecordsPage::learnChoices()
{
    const QSignalBlocker fixtureBlocker(m_fixture);
    const QSignalBlocker recipeBlocker(m_recipe);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const RunRow run = m_model->run(row);
        if (run.fixture > 0 && m_fixture->findData(run.fixture) < 0) {
            // In fixture order, after "All fixtures".
            int at = 1;
            while (at < m_fixture->count() && m_fixture->itemData(at).toInt() < run.fixture)
                ++at;
            m_fixture->insertItem(
                at, PageText::fixture(run.fixture, run.fixtureLabel), run.fixture);
        }
        if (!run.recipeName.isEmpty() && m_recipe->findData(run.recipeName) < 0)
            m_recipe->addItem(run.recipeName, run.recipeName);
    }
}

void RecordsPage::fitColumns()
{
    // Each column gets room for a typical value in the table's font, or for its header if
    // that is wider; where the first page of runs holds longer values the column grows to
    // them, up to a cap, so one odd label cannot push the cause off the screen.
    struct Fit
    {
        RecordsModel::Column column;
        QString typical;
        int cap;           // 0: the typical value's width is enough
        QString narrowest; // empty: never narrower than the typical value
    };
    QString outcomeText;
    for (RunOutcome outcome : AllOutcomes) {
        const QString text = PageText::runOutcome(outcome);
        if (text.size() > outcomeText.size())
            outcomeText = text;
    }
    const QList<Fit> fits = {
        {RecordsModel::RunColumn, u"888888"_s, 0, {}},
        {RecordsModel::StationColumn, u"LINE1-PC12"_s, 220, {}},
        {RecordsModel::StartedColumn, u"2026-12-28 23:58:58"_s, 0, {}},
        {RecordsModel::FixtureColumn, PageText::fixture(32, u"A32"_s), 200, {}},
        // The short ID ("352fe1f5…b968", all 128 digits in its tooltip) is the one to give way
        // on a small screen: its first eight digits still tell the devices apart.
        {RecordsModel::DeviceColumn,
            shortDeviceId(QString(128, u'd')),
            0,
            QString(8, u'd') + u'\u2026'},
        // A scanned label as the line prints them.
        {RecordsModel::SerialColumn, u"SN-2026-000123-A"_s, 260, {}},
        {RecordsModel::RecipeColumn, u"Full line 1.0.0"_s, 240, u"Full line\u2026"_s},
        {RecordsModel::OutcomeColumn, outcomeText, 0, {}},
        {RecordsModel::FailedStepColumn, u"Update OS (recover)"_s, 260, u"Update OS\u2026"_s},
        {RecordsModel::DurationColumn, u"0:00:00"_s, 0, {}},
    };

    const QFontMetrics metrics(m_view->font());
    const int textMargin
        = m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1;
    // The delegate's own margins plus a gap, as there are no grid lines between the columns.
    const int padding = 2 * textMargin + 8;
    const int iconRoom
        = m_view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_view) + 2 * textMargin;
    const QHeaderView *header = m_view->horizontalHeader();

    m_columnWidths.fill({}, RecordsModel::ColumnCount);
    for (const Fit &fit : fits) {
        const int headerWidth = header->sectionSizeHint(fit.column);
        int width = metrics.horizontalAdvance(fit.typical) + padding;
        if (fit.column == RecordsModel::OutcomeColumn)
            width += iconRoom;
        width = std::max(width, headerWidth);
        if (fit.cap > 0) {
            int widest = 0;
            for (int row = 0; row < m_model->rowCount(); ++row) {
                const QString text = m_model->index(row, fit.column).data().toString();
                widest = std::max(widest, metrics.horizontalAdvance(text));
            }
            width = std::max(width, std::min(widest + padding, fit.cap));
        }
        // Never narrower than the column's title: a title cut to "Fehlgeschlage" says nothing.
        const int narrowest = fit.narrowest.isEmpty()
            ? width
            : std::max(
                headerWidth, std::min(width, metrics.horizontalAdvance(fit.narrowest) + padding));
        m_columnWidths[fit.column] = {width, narrowest};
    }
    applyColumnWidths();
}

void RecordsPage::applyColumnWidths()
{
    if (m_columnWidths.size() != RecordsModel::ColumnCount)
        return;
    // The cause, last, stretches into what is left; it keeps room for its first words.
    const QFontMetrics metrics(m_view->font());
    const int causeRoom = metrics.averageCharWidth() * MinCauseChars;
    const int scrollBar = m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_view);
    const int room = m_view->contentsRect().width() - scrollBar - causeRoom;

    QList<int> widths;
    int total = 0;
    for (int column = 0; column < RecordsModel::CauseColumn; ++column) {
        const int width = m_view->isColumnHidden(column) ? 0
            : m_resizedColumns.contains(column)          ? m_view->columnWidth(column)
                                                         : m_columnWidths.at(column).preferred;
        widths << width;
        total += width;
    }
    // Too narrow (a 1280-pixel screen): the device ID gives way first, then the failed step
    // and the recipe, each down to its narrowest; only beyond that does the table scroll.
    for (int column :
        {RecordsModel::DeviceColumn, RecordsModel::FailedStepColumn, RecordsModel::RecipeColumn}) {
        if (total <= room)
            break;
        if (m_resizedColumns.contains(column))
            continue;
        const int give
            = std::min(total - room, widths.at(column) - m_columnWidths.at(column).narrowest);
        if (give > 0) {
            widths[column] -= give;
            total -= give;
        }
    }
    const QScopedValueRollback fitting(m_fitting, true);
    for (int column = 0; column < widths.size(); ++column) {
        if (!m_resizedColumns.contains(column) && !m_view->isColumnHidden(column))
            m_view->setColumnWidth(column, widths.at(column));
    }
}

bool RecordsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        applyColumnWidths();
    return QWidget::eventFilter(watched, event);
}

QString RecordsPage::stepsFilePath(const QString &path)
{
    const QFileInfo info(path);
    const QString base = info.suffix().compare(u"csv"_s, Qt::CaseInsensitive) == 0
        ? info.completeBaseName()
        : info.fileName();
    return info.dir().filePath(base + u"-steps.csv"_s);
}

bool RecordsPage::isExporting() const
{
    return m_watcher != nullptr;
}

void RecordsPage::exportWithDialog()
{
    if (isExporting() || (m_exportGate && !m_exportGate()))
        return;
    const QString suggested
        = QDir(m_exportFolder).filePath(u"records-%1.csv"_s.arg(m_range->fileNameHint()));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export records"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_exportFolder = QFileInfo(path).absolutePath();
    startExport(path, m_withSteps->isChecked());
}

bool RecordsPage::startExport(const QString &path, bool withSteps)
{
    if (isExporting() || m_recordPath.isEmpty())
        return false;
    m_cancel = CancelToken();
    const CancelToken cancel = m_cancel;
    const QString recordPath = m_recordPath;
    const RunFilter runFilter = m_model->filter();

    m_watcher = new QFutureWatcher<RecordsExportResult>(this);
    m_progress = new QProgressDialog(
        tr("Exporting %1 runs\u2026").arg(QLocale().toString(m_model->totalCount())),
        tr("Cancel"),
        0,
        ProgressMax,
        this);
    m_progress->setWindowTitle(tr("Export records"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &RecordsPage::cancelExport);
    connect(m_watcher,
        &QFutureWatcher<RecordsExportResult>::progressValueChanged,
        m_progress,
        &QProgressDialog::setValue);
    connect(m_watcher,
        &QFutureWatcher<RecordsExportResult>::finished,
        this,
        &RecordsPage::onExportDone);
    m_watcher->setFuture(QtConcurrent::run(&m_pool,
        [recordPath, runFilter, path, withSteps, cancel](QPromise<RecordsExportResult> &promise) {
            promise.addResult(runExport(promise, recordPath, runFilter, path, withSteps, cancel));
        }));
    m_status->setText(tr("Exporting\u2026"));
    m_export->setEnabled(false);
    return true;
}

void RecordsPage::handoffWithDialog()
{
    if (isExporting() || (m_exportGate && !m_exportGate()))
        return;
    const QString suggested
        = QDir(m_exportFolder).filePath(u"handoff-%1.csv"_s.arg(m_range->fileNameHint()));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export for cloud configuration"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_exportFolder = QFileInfo(path).absolutePath();
    startHandoffExport(path);
}

bool RecordsPage::startHandoffExport(const QString &path)
{
    if (isExporting() || m_recordPath.isEmpty())
        return false;
    const QString recordPath = m_recordPath;
    const RunFilter shown = m_model->filter();
    const TimeRange range {shown.from, shown.to};
    m_watcher = new QFutureWatcher<RecordsExportResult>(this);
    connect(m_watcher,
        &QFutureWatcher<RecordsExportResult>::finished,
        this,
        &RecordsPage::onExportDone);
    m_watcher->setFuture(QtConcurrent::run(&m_pool, [recordPath, range, path] {
        RecordsExportResult result;
        const Result<HandoffReport> report = exportHandoff(recordPath, range, path);
        if (!report) {
            result.message = tr("Export failed: %1").arg(report.error().message.translated());
            return result;
        }
        result.ok = true;
        result.devices = report->devices.size();
        result.files = QStringList {path};
        QStringList parts {tr("Wrote %n device(s) for cloud configuration to %1.",
            nullptr,
            int(report->devices.size()))
                               .arg(path)};
        if (!report->withoutNames.isEmpty())
            parts << tr("%n device(s) left out: their recipe names no product and device group.",
                nullptr,
                int(report->withoutNames.size()));
        if (!report->invalid.isEmpty())
            parts << tr("%n device(s) left out: a name or device ID the script cannot use.",
                nullptr,
                int(report->invalid.size()));
        result.message = parts.join(u' ');
        return result;
    }));
    m_status->setText(tr("Exporting\u2026"));
    m_export->setEnabled(false);
    m_handoff->setEnabled(false);
    return true;
}

void RecordsPage::cancelExport()
{
    m_cancel.cancel();
}

void RecordsPage::onExportDone()
{
    RecordsExportResult result;
    if (m_watcher->future().resultCount() > 0)
        result = m_watcher->result();
    else
        result.message = tr("Export failed: the export ended without a result.");
    m_watcher->deleteLater();
    m_watcher = nullptr;
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
        result.ok || result.cancelled ? Theme::mutedTextColor()
                                      : Theme::stateStyle(FixtureModel::TileState::Fail).accent);
    m_status->setPalette(palette);
    m_status->setText(result.message);
    m_status->setToolTip(result.files.join(u'\n'));
    updateCount();
    Q_EMIT exportFinished(result);
}

} // namespace Station
