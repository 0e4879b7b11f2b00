#pragma once

#include "services/records/analytics.h"

#include <QWidget>

class QChartView;
class QLabel;
class QStackedWidget;

namespace Station {

// One measurement's histogram (bars over its bins) against its limits: LSL and USL as red
// vertical lines, the mean as a dashed one; the value axis reaches both limits so a process
// far inside them looks it. "No values" when it has none. GUI thread.
class HistogramChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistogramChart)

public:
    explicit HistogramChart(QWidget *parent = nullptr);
    ~HistogramChart() override;

    void setMeasurement(const Station::MeasurementStats &stats);
    void clear();
    // The value axis range as drawn (for tests).
    double axisMinimum() const { return m_axisMin; }
    double axisMaximum() const { return m_axisMax; }
    bool isEmpty() const;

private:
    QStackedWidget *m_stack = nullptr;
    QChartView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    double m_axisMin = 0.0;
    double m_axisMax = 0.0;
};

} // namespace Station
