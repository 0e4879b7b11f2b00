#include "ui/yieldbarchart.h"

#include "ui/theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFontMetrics>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// First pass in the slate of the other charts, final in Okabe-Ito bluish green: the gap
// between the two bars is what retests recovered.
const QColor FirstPassColor = QColor::fromRgb(0x4F5A66);
const QColor FinalColor = QColor::fromRgb(0x009E73);

QBarSet *barSet(const QString &name, const QColor &color)
{
    auto *set = new QBarSet(name);
    set->setColor(color);
    set->setBorderColor(color);
    set->setLabelColor(Theme::textColor());
    return set;
}

} // namespace

YieldBarChart::YieldBarChart(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
{
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(200);
    m_empty = new QLabel(tr("No devices in this range"), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setFont(Theme::font(16));
    QPalette palette = m_empty->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor());
    m_empty->setPalette(palette);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_stack->setCurrentWidget(m_empty);
}

YieldBarChart::~YieldBarChart() = default;

bool YieldBarChart::isEmpty() const
{
    return m_stack->currentWidget() == m_empty;
}

QString YieldBarChart::labelOf(const GroupYield &group, bool oneDay) const
{
    switch (m_kind) {
    case Kind::Hour: {
        const QDateTime local = group.hour.toTimeZone(m_zone);
        //: An hour on the yield-by-hour chart, within one day: "06" (06:00 to 07:00)
        return oneDay ? local.toString(u"HH"_s)
                      //: An hour on the yield-by-hour chart over several days: "11 06h"
                      : tr("%1 %2h").arg(local.toString(u"d"_s), local.toString(u"HH"_s));
    }
    case Kind::Fixture:
        return group.label.isEmpty() ? group.key : group.label;
    case Kind::Operator:
        //: An operator bar for runs that recorded no operator
        return group.key.isEmpty() ? tr("(none)") : group.key;
    case Kind::Station:
        return group.key;
    }
    return group.key;
}

void YieldBarChart::setGroups(const QList<GroupYield> &groups)
{
    // Hours: the newest MaxBars. Fixtures, operators and stations: every one (a line of 64
    // fixtures gets thin bars, but none is left out).
    m_groups = m_kind == Kind::Hour && groups.size() > MaxBars ? groups.mid(groups.size() - MaxBars)
                                                               : groups;
    rebuild();
}

bool YieldBarChart::needsUpright() const
{
    if (m_categories.isEmpty())
        return false;
    const QFontMetrics metrics(Theme::font(12));
    int widest = 0;
    for (const QString &category : m_categories)
        widest = std::max(widest, metrics.horizontalAdvance(category));
    // QtCharts gives a label less than its bar group's width (the axis and margins take their
    // share) and cuts it short early: be generous.
    const int perCategory = std::max(1, (width() - 100) / int(m_categories.size()));
    return widest + 24 > perCategory;
}

void YieldBarChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_categories.isEmpty() && needsUpright() != m_upright)
        rebuild();
}

void YieldBarChart::rebuild()
{
    m_categories.clear();
    const QList<GroupYield> &shown = m_groups;
    if (shown.isEmpty()) {
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    bool oneDay = true;
    if (m_kind == Kind::Hour) {
        const QDate first = shown.constFirst().hour.toTimeZone(m_zone).date();
        const QDate last = shown.constLast().hour.toTimeZone(m_zone).date();
        oneDay = first == last;
    }
    QBarSet *firstPass = barSet(tr("First pass"), FirstPassColor);
    QBarSet *finalSet = barSet(tr("Final"), FinalColor);
    for (const GroupYield &group : shown) {
        m_categories << labelOf(group, oneDay);
        *firstPass << group.firstPassYield * 100.0;
        *finalSet << group.finalYield * 100.0;
    }
    auto *series = new QBarSeries;
    series->append(firstPass);
    series->append(finalSet);
    series->setBarWidth(0.8);

    auto *chart = new QChart;
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(2, 2, 6, 2));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setFont(Theme::font(12));
    chart->legend()->setLabelColor(Theme::textColor());
    chart->addSeries(series);

    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(m_categories);
    categoryAxis->setLabelsFont(Theme::font(12));
    categoryAxis->setLabelsColor(Theme::textColor());
    categoryAxis->setGridLineVisible(false);
    // More labels than fit side by side: upright ones keep each one whole (QtCharts would cut
    // them down to "...").
    m_upright = needsUpright();
    if (m_upright)
        categoryAxis->setLabelsAngle(-90);
    chart->addAxis(categoryAxis, Qt::AlignBottom);
    series->attachAxis(categoryAxis);

    auto *percentAxis = new QValueAxis;
    percentAxis->setRange(0, 100);
    percentAxis->setTickCount(5);
    percentAxis->setLabelFormat(u"%d %%"_s);
    percentAxis->setLabelsFont(Theme::font(12));
    percentAxis->setLabelsColor(Theme::mutedTextColor());
    percentAxis->setGridLineColor(Theme::trackColor());
    chart->addAxis(percentAxis, Qt::AlignLeft);
    series->attachAxis(percentAxis);

    QChart *old = m_view->chart();
    m_view->setChart(chart);
    // setChart() releases the previous chart to the caller.
    if (old && old != chart)
        delete old;
    m_stack->setCurrentWidget(m_view);
}

} // namespace Station
