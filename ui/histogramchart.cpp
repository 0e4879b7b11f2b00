#include "ui/histogramchart.h"

#include "ui/theme.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// The bars in the station's slate (as the Pareto), the limits in Okabe-Ito vermilion and the
// mean in blue: told apart by colour-blind readers too, and by the dash of the mean.
const QColor BarColor = QColor::fromRgb(0x4F5A66);
const QColor LimitColor = QColor::fromRgb(0xD55E00);
const QColor MeanColor = QColor::fromRgb(0x0072B2);

QLineSeries *verticalLine(double x, double top, const QColor &color, Qt::PenStyle style)
{
    auto *line = new QLineSeries;
    line->append(x, 0.0);
    line->append(x, top);
    QPen pen(color, 3.0, style);
    line->setPen(pen);
    return line;
}

} // namespace

HistogramChart::HistogramChart(QWidget *parent)
    : QWidget(parent)
{
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    m_empty = new QLabel(tr("No values in this range"), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setFont(Theme::font(18));
    QPalette palette = m_empty->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor());
    m_empty->setPalette(palette);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    clear();
}

HistogramChart::~HistogramChart() = default;

bool HistogramChart::isEmpty() const
{
    return m_stack->currentWidget() == m_empty;
}

void HistogramChart::clear()
{
    m_stack->setCurrentWidget(m_empty);
}

void HistogramChart::setMeasurement(const MeasurementStats &stats)
{
    if (stats.count == 0 || stats.bins.isEmpty()) {
        clear();
        return;
    }
    const int peak = *std::max_element(stats.bins.cbegin(), stats.bins.cend());
    const double top = std::max(1.0, std::ceil(peak * 1.15));
    // Equal values: one narrow bar around them, a hundredth of the value (or 1) wide.
    const double width
        = stats.binWidth > 0.0 ? stats.binWidth : std::max(std::abs(stats.min) * 0.01, 1e-9) / 2.0;
    const double low = stats.binWidth > 0.0 ? stats.binLow : stats.min - width / 2.0;
    const qsizetype binCount = stats.binWidth > 0.0 ? stats.bins.size() : 1;

    // The bars as one stepped outline filled down to zero.
    auto *upper = new QLineSeries;
    upper->append(low, 0.0);
    for (qsizetype i = 0; i < binCount; ++i) {
        const double left = low + double(i) * width;
        upper->append(left, stats.bins.at(i));
        upper->append(left + width, stats.bins.at(i));
    }
    upper->append(low + double(binCount) * width, 0.0);
    auto *bars = new QAreaSeries(upper);
    bars->setName(tr("Values"));
    bars->setColor(BarColor);
    bars->setBorderColor(Theme::tileColor());

    double minimum = low;
    double maximum = low + double(binCount) * width;
    if (stats.lsl)
        minimum = std::min(minimum, *stats.lsl);
    if (stats.usl)
        maximum = std::max(maximum, *stats.usl);
    const double margin = std::max((maximum - minimum) * 0.06, 1e-9);
    m_axisMin = minimum - margin;
    m_axisMax = maximum + margin;

    auto *chart = new QChart;
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 12, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setFont(Theme::font(13));
    chart->legend()->setLabelColor(Theme::textColor());
    chart->addSeries(bars);
    QList<QLineSeries *> lines;
    if (stats.lsl) {
        lines << verticalLine(*stats.lsl, top, LimitColor, Qt::SolidLine);
        //: The lower specification limit in the histogram's legend: "LSL 10"
        lines.last()->setName(tr("LSL %1").arg(QLocale().toString(*stats.lsl, 'g', 4)));
    }
    if (stats.usl) {
        lines << verticalLine(*stats.usl, top, LimitColor, Qt::SolidLine);
        lines.last()->setName(tr("USL %1").arg(QLocale().toString(*stats.usl, 'g', 4)));
    }
    lines << verticalLine(stats.mean, top, MeanColor, Qt::DashLine);
    lines.last()->setName(tr("Mean %1").arg(QLocale().toString(stats.mean, 'g', 4)));
    for (QLineSeries *line : lines)
        chart->addSeries(line);

    auto *valueAxis = new QValueAxis;
    valueAxis->setRange(m_axisMin, m_axisMax);
    valueAxis->setTickCount(6);
    // Round ticks (3.10, 3.15, ...) rather than the range's own ends.
    valueAxis->applyNiceNumbers();
    m_axisMin = valueAxis->min();
    m_axisMax = valueAxis->max();
    valueAxis->setLabelFormat(u"%.4g"_s);
    valueAxis->setLabelsFont(Theme::font(12));
    valueAxis->setLabelsColor(Theme::mutedTextColor());
    valueAxis->setGridLineColor(Theme::trackColor());
    if (!stats.unit.isEmpty()) {
        valueAxis->setTitleText(stats.unit);
        valueAxis->setTitleFont(Theme::font(12));
    }
    chart->addAxis(valueAxis, Qt::AlignBottom);
    auto *countAxis = new QValueAxis;
    countAxis->setRange(0, top);
    countAxis->setLabelFormat(u"%d"_s);
    countAxis->setTickCount(5);
    countAxis->setLabelsFont(Theme::font(12));
    countAxis->setLabelsColor(Theme::mutedTextColor());
    countAxis->setGridLineColor(Theme::trackColor());
    chart->addAxis(countAxis, Qt::AlignLeft);
    bars->attachAxis(valueAxis);
    bars->attachAxis(countAxis);
    for (QLineSeries *line : lines) {
        line->attachAxis(valueAxis);
        line->attachAxis(countAxis);
    }

    QChart *old = m_view->chart();
    m_view->setChart(chart);
    // setChart() releases the previous chart to the caller.
    if (old && old != chart)
        delete old;
    m_stack->setCurrentWidget(m_view);
}

} // namespace Station
