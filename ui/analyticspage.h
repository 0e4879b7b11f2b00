#pragma once

#include "services/records/analytics.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimeZone>
#include <QWidget>

#include <functional>
#include <optional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QRadioButton;
class QTableView;

namespace Station {

class CapabilityModel;
class HistogramChart;
class RangeSelector;
class YieldBarChart;

// The quality staff's analytics for a range, from this station's record or from the plant
// database: each measurement's distribution against its limits with Cp/Cpk and a plain-word
// rating, yield by hour, fixture, operator (and station, for the plant) as bar charts, and the
// retest counts. The reports are read on a pool thread of the page's own, each with its own
// connection; the GUI thread only shows them. GUI thread.
class AnalyticsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsPage)

public:
    enum class Source { Station, Plant };
    Q_ENUM(Source)

    explicit AnalyticsPage(QWidget *parent = nullptr);
    ~AnalyticsPage() override;

    // The station's record file (read with a read-only connection of the page's own).
    void setRecordPath(const QString &path);
    // The [plant] connection (libpq conninfo); empty: the station has no plant, and the Plant
    // source stays disabled with that reason. A conninfo is checked off the GUI thread.
    void setPlantConnection(const QString &conninfo);
    void setClock(std::function<QDateTime()> clock);
    void setTimeZone(const QTimeZone &zone);

    void setSource(Source source);
    Source source() const { return m_source; }
    bool isPlantAvailable() const;
    // Why the Plant source is disabled (empty when it is available or still being checked).
    QString plantUnavailableReason() const { return m_plantReason; }
    // Whether a report is being read.
    bool isBusy() const;

    RangeSelector *rangeSelector() const { return m_range; }
    CapabilityModel *capabilityModel() const { return m_capability; }
    const Station::AnalyticsReport &report() const { return m_report; }
    // Picks the measurement shown in the histogram (a row of capabilityModel()).
    void selectMeasurement(int row);
    // The measurement in the histogram, -1 when none.
    int selectedMeasurement() const { return m_selected; }
    // The Cpk headline as shown: "Cpk 1.51 · capable".
    QString cpkText() const;

public Q_SLOTS:
    // Reads the report for the current source, range and filters (again).
    void refresh();

Q_SIGNALS:
    // A report (or the error instead) is on the page.
    void reportShown();
    // The Plant source became available or unavailable (checked).
    void plantAvailabilityChanged();

private:
    struct Fetched
    {
        int generation = 0;
        std::optional<Station::AnalyticsReport> report;
        std::optional<Station::Error> error; // from the station's record
        int plantFailure = -1;               // Plant::Failure
        QString detail;
    };

    QWidget *makePane(const QString &title, QWidget *content, QLabel **titleLabel = nullptr);
    QWidget *makeRetestPane();
    void onFetched();
    void onPlantChecked();
    void showReport();
    void showMeasurement();
    void updateSourceControls();
    void setPlantUnavailable(const QString &reason);

    QString m_recordPath;
    QString m_plantConninfo;
    Source m_source = Source::Station;
    Station::AnalyticsReport m_report;
    int m_selected = -1;
    int m_generation = 0;
    bool m_pending = false;
    enum class PlantState { None, Checking, Available, Unavailable };
    PlantState m_plantState = PlantState::None;
    QString m_plantReason;

    // One thread: reports are read one after another, never two connections at once.
    QThreadPool m_pool;
    QFutureWatcher<Fetched> m_fetch;
    QFutureWatcher<Fetched> m_plantCheck;

    CapabilityModel *m_capability = nullptr;
    QRadioButton *m_stationButton = nullptr;
    QRadioButton *m_plantButton = nullptr;
    QButtonGroup *m_sourceGroup = nullptr;
    QLabel *m_plantStatus = nullptr;
    QComboBox *m_stationFilter = nullptr;
    QComboBox *m_lineFilter = nullptr;
    RangeSelector *m_range = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_histogramTitle = nullptr;
    QLabel *m_cpk = nullptr;
    QLabel *m_cpkDetail = nullptr;
    HistogramChart *m_histogram = nullptr;
    QLabel *m_retestDevices = nullptr;
    QLabel *m_retestNote = nullptr;
    QLabel *m_retestRecovered = nullptr;
    QLabel *m_retestRecoveredNote = nullptr;
    QLabel *m_runsPerDevice = nullptr;
    YieldBarChart *m_byHour = nullptr;
    YieldBarChart *m_byFixture = nullptr;
    YieldBarChart *m_byOperator = nullptr;
    YieldBarChart *m_byStation = nullptr;
    QWidget *m_stationPane = nullptr;
};

} // namespace Station
