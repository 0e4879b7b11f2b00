#pragma once

#include "services/records/recordquery.h"

#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

#include <functional>

class QComboBox;
class QDateTimeEdit;
class QLabel;

namespace Station {

// Picks the time range the records and yield pages show: the current or previous shift, today's
// early/late/night shift, today, the last 24 hours or 7 days, everything, or a custom range. The
// relative choices follow the clock (call refreshRange() to move them on). GUI thread.
class RangeSelector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangeSelector)

public:
    enum class Preset {
        CurrentShift,
        PreviousShift,
        Early,
        Late,
        Night,
        Today,
        Last24Hours,
        Last7Days,
        All,
        Custom,
    };
    Q_ENUM(Preset)

    using Clock = std::function<QDateTime()>;

    explicit RangeSelector(QWidget *parent = nullptr);
    ~RangeSelector() override;

    // "Now" in UTC; tests and the screenshot tool use a fixed clock.
    void setClock(Clock clock);
    // The clock's "now" (UTC).
    QDateTime now() const { return m_clock(); }
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }
    // The plant's shifts; defaultShifts() unless set. Early/Late/Night are the first three.
    void setShifts(const QList<Station::Shift> &shifts);

    void setPreset(Preset preset);
    Preset preset() const { return m_preset; }
    // Switches to Custom with [from, to) (UTC).
    void setCustomRange(const QDateTime &from, const QDateTime &to);

    // The selected range in UTC; invalid ends do not bound (All).
    Station::TimeRange range() const { return m_range; }
    // The range as people read it: "2025-03-11 06:00 – 14:00".
    QString rangeText() const;
    // A short name for file names: "2025-03-11-early", "2025-03-11-today", "all".
    QString fileNameHint() const;

public Q_SLOTS:
    // Recomputes the relative presets against the clock; emits rangeChanged if it moved.
    void refreshRange();

Q_SIGNALS:
    void rangeChanged();

private:
    struct Choice
    {
        Station::TimeRange range;
        QString hint; // for fileNameHint()
    };

    void fillPresets();
    Choice compute(Preset preset) const;
    Choice shiftOfToday(int shiftIndex, bool lastStarted) const;
    void setEdits(const Station::TimeRange &range);
    void updateCustomVisibility();
    void onCustomEdited();
    QString shiftName(const Station::Shift &shift) const;

    Clock m_clock;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QList<Station::Shift> m_shifts = Station::defaultShifts();
    Preset m_preset = Preset::CurrentShift;
    Station::TimeRange m_range;
    QString m_hint;

    QComboBox *m_combo = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QLabel *m_dash = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace Station
