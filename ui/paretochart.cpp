#include "ui/paretochart.h"

#include "models/paretomodel.h"
#include "ui/theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFontMetrics>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// Bars in the station's calm slate: the chart is about where failures come from, not an alarm.
const QColor BarColor = QColor::fromRgb(0x4F5A66);
// The cumulative line in Okabe-Ito orange, distinct from the bars for colour-blind readers too.
const QColor LineColor = QColor::fromRgb(0xD55E00);
// Category labels are elided to a share of the chart's width (the table below has the full
// text): left to itself, QtCharts cuts a label that does not fit down to a bare "…" on a small
// screen or at 150 % scale. Never narrower than a few words, never wider than needed.
constexpr double LabelShare = 0.36;
constexpr int MinLabelWidth = 90;
constexpr int MaxLabelWidth = 300;

// A value axis maximum with round ticks: 7 -> 8, 23 -> 25, 130 -> 150.
int niceMaximum(int value)
{
    if (value <= 4)
        return std::max(value, 1) + 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(double(value))));
    for (double step : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        if (step * magnitude >= value * 1.12)
            return int(std::lround(step * magnitude));
    }
    return int(std::lround(value * 1.2));
}

} // namespace

ParetoChart::ParetoChart(ParetoModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    // Room for the two axes' labels in every script: QtCharts cuts labels that do not fit
    // down to "…", and Chinese lines are taller. (The bars carry their counts, so the count
    // axis needs no title.)
    m_view->setMinimumHeight(240);
    m_empty = new QLabel(tr("No failures in this range"), this);
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

    connect(m_model, &ParetoModel::modelReset, this, &ParetoChart::rebuild);
    rebuild();
}

ParetoChart::~ParetoChart() = default;

int ParetoChart::labelWidthFor(int chartWidth)
{
    return std::clamp(int(chartWidth * LabelShare), MinLabelWidth, MaxLabelWidth);
}

QStringList ParetoChart::axisLabels() const
{
    QStringList labels;
    if (auto *chart = m_view->chart()) {
        for (QAbstractAxis *axis : chart->axes(Qt::Vertical)) {
            if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis))
                labels = categories->categories();
        }
    }
    return labels;
}

void ParetoChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The labels are elided for the width: a new width may give them more room, or less.
    if (!m_categories.isEmpty() && labelWidthFor(width()) != m_labelWidth)
        rebuild();
}

void ParetoChart::rebuild()
{
    m_categories.clear();
    m_counts.clear();
    const int rows = m_model->rowCount();
    const bool fold = rows > MaxBars;
    const int shown = fold ? MaxBars - 1 : rows;
    QList<double> cumulative;
    for (int row = 0; row < shown; ++row) {
        m_categories << m_model->name(row);
        m_counts << m_model->data(m_model->index(row, 0), ParetoModel::CountRole).toInt();
        cumulative << m_model->cumulativeShare(row);
    }
    if (fold) {
        int rest = 0;
        for (int row = shown; row < rows; ++row)
            rest += m_model->data(m_model->index(row, 0), ParetoModel::CountRole).toInt();
        m_categories << tr("Other (%1 kinds)").arg(rows - shown);
        m_counts << rest;
        cumulative << 1.0;
    }
    if (m_categories.isEmpty()) {
        m_stack->setCurrentWidget(m_empty);
        return;
    }

    const QFont labelFont = Theme::font(13);
    const QFontMetrics metrics(labelFont);
    const int labelWidth = labelWidthFor(width());
    m_labelWidth = labelWidth;
    auto *set = new QBarSet(tr("Failures"));
    set->setColor(BarColor);
    set->setBorderColor(BarColor);
    set->setLabelColor(Theme::textColor());
    set->setLabelFont(Theme::font(13, QFont::DemiBold));
    QStringList axisCategories;
    // A horizontal bar chart draws its first category at the bottom: add them in reverse so
    // the most frequent failure is on top, where a Pareto starts.
    for (qsizetype i = m_categories.size() - 1; i >= 0; --i) {
        *set << m_counts.at(i);
        axisCategories << metrics.elidedText(m_categories.at(i), Qt::ElideRight, labelWidth);
    }
    auto *bars = new QHorizontalBarSeries;
    bars->append(set);
    bars->setBarWidth(0.62);
    bars->setLabelsVisible(true);
    bars->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    bars->setLabelsFormat(u"@value"_s);

    auto *line = new QLineSeries;
    line->setName(tr("Cumulative %"));
    QPen pen(LineColor, 2.5);
    pen.setCapStyle(Qt::RoundCap);
    line->setPen(pen);
    line->setPointsVisible(true);
    line->setColor(LineColor);
    const qsizetype n = m_categories.size();
    for (qsizetype i = 0; i < n; ++i)
        line->append(cumulative.at(i) * 100.0, double(n - 1 - i));

    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 12, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addSeries(bars);
    chart->addSeries(line);

    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(axisCategories);
    categoryAxis->setLabelsFont(labelFont);
    categoryAxis->setLabelsColor(Theme::textColor());
    categoryAxis->setGridLineVisible(false);
    chart->addAxis(categoryAxis, Qt::AlignLeft);
    bars->attachAxis(categoryAxis);
    line->attachAxis(categoryAxis);

    auto *countAxis = new QValueAxis;
    const int maximum = niceMaximum(*std::max_element(m_counts.cbegin(), m_counts.cend()));
    countAxis->setRange(0, maximum);
    countAxis->setTickType(QValueAxis::TicksDynamic);
    countAxis->setTickAnchor(0);
    countAxis->setTickInterval(std::max(1, maximum / 5));
    countAxis->setLabelFormat(u"%d"_s);
    countAxis->setLabelsFont(Theme::font(12));
    countAxis->setLabelsColor(Theme::mutedTextColor());
    countAxis->setGridLineColor(Theme::trackColor());
    chart->addAxis(countAxis, Qt::AlignBottom);
    bars->attachAxis(countAxis);

    auto *percentAxis = new QValueAxis;
    percentAxis->setRange(0, 100);
    percentAxis->setTickCount(5);
    percentAxis->setLabelFormat(u"%d %%"_s);
    percentAxis->setLabelsFont(Theme::font(12));
    percentAxis->setLabelsColor(LineColor);
    percentAxis->setGridLineVisible(false);
    percentAxis->setLinePenColor(LineColor);
    chart->addAxis(percentAxis, Qt::AlignTop);
    line->attachAxis(percentAxis);

    QChart *old = m_view->chart();
    m_view->setChart(chart);
    // setChart() releases the previous chart to the caller.
    if (old && old != chart)
        delete old;
    m_stack->setCurrentWidget(m_view);
}

} // namespace Station
