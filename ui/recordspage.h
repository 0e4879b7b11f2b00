#pragma once

#include "services/base/canceltoken.h"
#include "services/config/stationconfig.h"
#include "services/plant/plantquery.h"
#include "services/records/recordquery.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QUuid>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QTableView;
class QTimer;

namespace Station {

class PlantReader;
class RangeSelector;
class RecordsModel;

// What a CSV export ended with (the worker's result, delivered on the GUI thread).
struct RecordsExportResult
{
    bool ok = false;
    bool cancelled = false;
    qint64 runs = 0;    // data rows of the runs file
    qint64 steps = 0;   // data rows of the steps file
    qint64 devices = 0; // lines of a hand-off file to cloud configuration
    QStringList files;
    QString message; // translated, for the page's status line
};

// The quality staff's records page: the runs of a shift or range, filtered by outcome, fixture,
// recipe and device ID or serial, fetched lazily; double-click opens the device view; Export
// writes the filtered runs (and optionally their steps) to CSV on a worker thread with a
// progress dialog; Export for cloud configuration writes the hand-off CSV of the range
// (services/records/handoff.h). With a plant configured, a source switch shows the plant's
// record instead (every station, filtered by station and line), read by a PlantReader off the
// GUI thread. GUI thread; the exports run on a pool of their own with their own connection.
class RecordsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsPage)

public:
    explicit RecordsPage(QWidget *parent = nullptr);
    // Cancels a running export and waits for it.
    ~RecordsPage() override;

    // The GUI thread's read connection (not owned) and the record file (for the export's own
    // connection). Reloads.
    void setRecord(const Station::RecordQuery *query, const QString &recordPath);
    // Where the runs come from: this station's record, or the plant's (every station).
    enum class Source { Station, Plant };
    // The plant's reader (not owned); nullptr: no plant, and the source switch is disabled
    // with `unavailable` (translated) as the reason. Stays on (or goes back to) the station's
    // record.
    void setPlantReader(Station::PlantReader *reader, const QString &unavailable = {});
    void setSource(Source source);
    Source source() const;
    // The plant's station and line filters (Source::Plant only); empty: all.
    void setStationFilter(const QString &stationId);
    void setLineFilter(const QString &line);
    // Offered in the fixture filter (fixtures seen in the record are added as they show up).
    void setFixtures(const QList<Station::FixtureConfig> &fixtures);
    // Offered in the recipe filter, e.g. the recipe folder's recipes.
    void setRecipeNames(const QStringList &names);
    void setClock(std::function<QDateTime()> clock);
    void setTimeZone(const QTimeZone &zone);

    RangeSelector *rangeSelector() const { return m_range; }
    RecordsModel *model() const { return m_model; }
    // The keyboard focus to the table of runs.
    void focusRuns();
    // The filter the controls select (what the table and an export show).
    Station::RunFilter filter() const;
    void setOutcomeFilter(const QList<Station::RunOutcome> &outcomes);
    void setFixtureFilter(int fixture);
    void setRecipeFilter(const QString &recipeName);
    void setSearchText(const QString &text);

    // Writes the runs filter() selects to `path` and, withSteps, their steps to
    // "<path without .csv>-steps.csv", on a worker thread, both committed only when both are
    // complete. False when an export is already running. Ends with exportFinished.
    bool startExport(const QString &path, bool withSteps);
    bool isExporting() const;
    // Asked before an export from the buttons (docs/roles.md: export needs a role that may);
    // false leaves it (the gate says why). Default: always allowed.
    void setExportGate(std::function<bool()> gate) { m_exportGate = std::move(gate); }
    // Writes the hand-off CSV to cloud configuration of the range the page shows (the other
    // filters do not apply: it is every device finalized in that time) to `path`, on a worker
    // thread. False when an export is already running. Ends with exportFinished.
    bool startHandoffExport(const QString &path);
    // Where startExport(path, true) writes the steps.
    static QString stepsFilePath(const QString &path);

public Q_SLOTS:
    void refresh();
    // The Export button: asks for a file, then startExport().
    void exportWithDialog();
    // Export for cloud configuration: asks for a file, then startHandoffExport().
    void handoffWithDialog();
    void cancelExport();

Q_SIGNALS:
    void openRunRequested(qint64 runId);
    // A run of the plant's record: its station, UUID and ID in that station's record.
    void openPlantRunRequested(const QString &stationId, const QUuid &runUuid, qint64 runId);
    void exportFinished(const Station::RecordsExportResult &result);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    void applySource();
    void showStations(const QList<Station::PlantStation> &stations);
    void openRow(int row);
    void updateCount();
    void learnChoices();
    void onExportDone();
    void fitColumns();
    void applyColumnWidths();

    const Station::RecordQuery *m_query = nullptr;
    QString m_recordPath;
    QString m_exportFolder;

    RecordsModel *m_model = nullptr;
    RangeSelector *m_range = nullptr;
    QList<QCheckBox *> m_outcomeBoxes;
    QComboBox *m_fixture = nullptr;
    QComboBox *m_recipe = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_source = nullptr;
    QComboBox *m_station = nullptr;
    QComboBox *m_line = nullptr;
    QPointer<Station::PlantReader> m_plant;
    quint64 m_stationsRequest = 0;
    QTimer *m_searchDelay = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_shown = nullptr;
    QLabel *m_status = nullptr;
    QCheckBox *m_withSteps = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_handoff = nullptr;
    QTableView *m_view = nullptr;
    // Per column: the width its values want and the narrowest it may give way to.
    struct ColumnWidth
    {
        int preferred = 0;
        int narrowest = 0;
    };
    QList<ColumnWidth> m_columnWidths;
    // Columns the user has resized: fitting leaves them alone.
    QSet<int> m_resizedColumns;
    bool m_fitting = false;
    bool m_fitPending = false;

    QThreadPool m_pool;
    Station::CancelToken m_cancel;
    QFutureWatcher<Station::RecordsExportResult> *m_watcher = nullptr;
    QProgressDialog *m_progress = nullptr;
    std::function<bool()> m_exportGate;
};

} // namespace Station

Q_DECLARE_METATYPE(Station::RecordsExportResult)
