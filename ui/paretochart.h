#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QStackedWidget;

namespace Station {

class ParetoModel;

// A horizontal-bar Pareto chart of a ParetoModel: the most frequent failure on top, counts at
// the bars, the cumulative share as a line against a 0-100 % axis; "No failures" when empty.
// Shows the first MaxBars entries and folds the rest into "Other". GUI thread.
class ParetoChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParetoChart)

public:
    static constexpr int MaxBars = 8;

    explicit ParetoChart(ParetoModel *model, QWidget *parent = nullptr);
    ~ParetoChart() override;

    // The bar labels as drawn, top to bottom (for tests).
    QStringList categories() const { return m_categories; }
    QList<int> counts() const { return m_counts; }
    // The category axis labels as given to the chart (elided to fit), top to bottom reversed.
    QStringList axisLabels() const;
    // How wide a category label may be in a chart this wide.
    static int labelWidthFor(int chartWidth);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();

    ParetoModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QChartView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QStringList m_categories;
    QList<int> m_counts;
    int m_labelWidth = 0;
};

} // namespace Station
