#pragma once

#include "services/records/analytics.h"

#include <QTimeZone>
#include <QWidget>

class QChartView;
class QLabel;
class QStackedWidget;

namespace Station {

// Yield by group as a bar chart: first-pass and final yield side by side for each hour,
// fixture, operator or station, against a 0-100 % axis. Shows the newest MaxBars hours and
// every other group; "No devices" when there are none. GUI thread.
class YieldBarChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YieldBarChart)

public:
    static constexpr int MaxBars = 24;

    enum class Kind { Hour, Fixture, Operator, Station };

    explicit YieldBarChart(Kind kind, QWidget *parent = nullptr);
    ~YieldBarChart() override;

    void setGroups(const QList<Station::GroupYield> &groups);
    // The zone the hours are shown in (the station's).
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    // The category labels as drawn (for tests).
    QStringList categories() const { return m_categories; }
    bool isEmpty() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QString labelOf(const Station::GroupYield &group, bool oneDay) const;
    // Whether the labels stand upright at the chart's width.
    bool needsUpright() const;
    void rebuild();

    Kind m_kind;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QStackedWidget *m_stack = nullptr;
    QChartView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QList<Station::GroupYield> m_groups;
    QStringList m_categories;
    bool m_upright = false;
};

} // namespace Station
