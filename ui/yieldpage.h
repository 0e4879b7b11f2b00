#pragma once

#include "services/records/recordquery.h"

#include <QTimeZone>
#include <QWidget>

#include <functional>

class QLabel;
class QTimer;

namespace Station {

class ParetoChart;
class ParetoModel;
class RangeSelector;

// The quality staff's yield board for a shift or a range: devices started, passed and failed,
// first-pass yield and devices per hour as big numbers, and the failure Pareto by step and by
// error (bar charts, most frequent on top, with the cumulative share) from
// RecordQuery::yieldReport. Re-reads every minute while shown. GUI thread.
class YieldPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YieldPage)

public:
    explicit YieldPage(QWidget *parent = nullptr);
    ~YieldPage() override;

    // Not owned, GUI thread. Reads the report.
    void setRecordQuery(const Station::RecordQuery *query);
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

    const Station::RecordQuery *m_query = nullptr;
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
