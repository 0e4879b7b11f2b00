#pragma once

#include "services/plant/plantquery.h"
#include "services/records/recordquery.h"

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QTimer;

namespace Station {

class ParetoChart;
class PlantReader;
class ParetoModel;
class RangeSelector;

// The quality staff's yield board for a shift or a range: devices started, passed and failed,
// first-pass yield and devices per hour as big numbers, and the failure Pareto by step and by
// error (bar charts, most frequent on top, with the cumulative share) from
// RecordQuery::yieldReport. Re-reads every minute while shown. With a plant configured, a source
// switch shows the plant's yield instead (every station, or one station or line), computed by
// the server with the same definitions and read by a PlantReader off the GUI thread. GUI thread.
class YieldPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YieldPage)

public:
    explicit YieldPage(QWidget *parent = nullptr);
    ~YieldPage() override;

    // Not owned, GUI thread. Reads the report.
    void setRecordQuery(const Station::RecordQuery *query);
    enum class Source { Station, Plant };
    // The plant's reader (not owned); nullptr: no plant, and the source switch is disabled
    // with `unavailable` (translated) as the reason.
    void setPlantReader(Station::PlantReader *reader, const QString &unavailable = {});
    void setSource(Source source);
    Source source() const;
    void setStationFilter(const QString &stationId);
    void setLineFilter(const QString &line);
    // A plant report is being read.
    bool isLoading() const { return m_pending != 0; }
    // The message the page shows above the cards (an error or "Reading the plant..."), if any.
    QString statusText() const;
    void setClock(std::function<QDateTime()> clock);
    void setTimeZone(const QTimeZone &zone);

    RangeSelector *rangeSelector() const { return m_range; }
    Station::YieldReport report() const { return m_report; }
    ParetoModel *stepPareto() const { return m_byStep; }
    ParetoModel *errorPareto() const { return m_byError; }

public Q_SLOTS:
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *makeCard(const QString &caption, const QString &name, QLabel **value, QLabel **note);
    QWidget *makeParetoPane(const QString &title, ParetoModel *model, ParetoChart **chart);
    void showReport();
    void applySource();
    void showStatus(const QString &text, bool error);

    const Station::RecordQuery *m_query = nullptr;
    QPointer<Station::PlantReader> m_plant;
    quint64 m_pending = 0;
    quint64 m_stationsRequest = 0;
    QComboBox *m_source = nullptr;
    QComboBox *m_station = nullptr;
    QComboBox *m_line = nullptr;
    Station::YieldReport m_report;
    ParetoModel *m_byStep = nullptr;
    ParetoModel *m_byError = nullptr;

    RangeSelector *m_range = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_started = nullptr;
    QLabel *m_startedNote = nullptr;
    QLabel *m_passed = nullptr;
    QLabel *m_passedNote = nullptr;
    QLabel *m_failed = nullptr;
    QLabel *m_failedNote = nullptr;
    QLabel *m_firstPass = nullptr;
    QLabel *m_firstPassNote = nullptr;
    QLabel *m_perHour = nullptr;
    QLabel *m_perHourNote = nullptr;
    ParetoChart *m_stepChart = nullptr;
    ParetoChart *m_errorChart = nullptr;
    QTimer *m_autoRefresh = nullptr;
};

} // namespace Station
