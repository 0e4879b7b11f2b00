#include "ui/rangeselector.h"

#include "ui/pagelook.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

const QString DateTimeFormat = u"yyyy-MM-dd HH:mm"_s;

} // namespace

RangeSelector::RangeSelector(QWidget *parent)
    : QWidget(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_combo = new QComboBox(this);
    m_combo->setObjectName(u"rangePreset"_s);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_from = new QDateTimeEdit(this);
    m_from->setObjectName(u"rangeFrom"_s);
    m_to = new QDateTimeEdit(this);
    m_to->setObjectName(u"rangeTo"_s);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(DateTimeFormat);
        edit->setCalendarPopup(true);
    }
    m_dash = new QLabel(u"\u2013"_s, this);
    m_text = new QLabel(this);
    m_text->setObjectName(u"rangeText"_s);
    PageLook::makeFieldName(m_text);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_combo);
    layout->addWidget(m_from);
    layout->addWidget(m_dash);
    layout->addWidget(m_to);
    layout->addWidget(m_text);

    fillPresets();
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_preset = Preset(m_combo->itemData(index).toInt());
        // A custom range starts from what was shown, so it only needs adjusting.
        if (m_preset == Preset::Custom)
            setEdits(m_range.from.isValid() ? m_range : compute(Preset::Today).range);
        updateCustomVisibility();
        refreshRange();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &RangeSelector::onCustomEdited);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &RangeSelector::onCustomEdited);
    updateCustomVisibility();
    const Choice choice = compute(m_preset);
    m_range = choice.range;
    m_hint = choice.hint;
    m_text->setText(rangeText());
}

RangeSelector::~RangeSelector() = default;

void RangeSelector::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refreshRange();
}

void RangeSelector::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    refreshRange();
}

void RangeSelector::setShifts(const QList<Shift> &shifts)
{
    m_shifts = shifts.isEmpty() ? defaultShifts() : shifts;
    fillPresets();
    refreshRange();
}

void RangeSelector::setPreset(Preset preset)
{
    const int index = m_combo->findData(int(preset));
    if (index >= 0)
        m_combo->setCurrentIndex(index);
}

void RangeSelector::setCustomRange(const QDateTime &from, const QDateTime &to)
{
    setEdits({from, to});
    const QSignalBlocker blocker(m_combo);
    m_combo->setCurrentIndex(m_combo->findData(int(Preset::Custom)));
    m_preset = Preset::Custom;
    updateCustomVisibility();
    refreshRange();
}

// The edits hold wall-clock times of m_zone.
void RangeSelector::setEdits(const TimeRange &range)
{
    const QSignalBlocker fromBlocker(m_from);
    const QSignalBlocker toBlocker(m_to);
    const QDateTime from = range.from.isValid() ? range.from : m_clock().addDays(-1);
    const QDateTime to = range.to.isValid() ? range.to : m_clock();
    const QDateTime localFrom = from.toTimeZone(m_zone);
    const QDateTime localTo = to.toTimeZone(m_zone);
    m_from->setDateTime(QDateTime(localFrom.date(), localFrom.time()));
    m_to->setDateTime(QDateTime(localTo.date(), localTo.time()));
}

QString RangeSelector::rangeText() const
{
    if (!m_range.from.isValid() && !m_range.to.isValid())
        return tr("All runs");
    const QDateTime from = m_range.from.toTimeZone(m_zone);
    const QDateTime to = m_range.to.isValid() ? m_range.to.toTimeZone(m_zone) : QDateTime();
    if (!to.isValid())
        return tr("from %1").arg(from.toString(DateTimeFormat));
    const bool sameDay = from.date() == to.date()
        || (to.time() == QTime(0, 0) && from.date().addDays(1) == to.date());
    const QString end = sameDay ? (to.time() == QTime(0, 0) ? u"24:00"_s : to.toString(u"HH:mm"_s))
                                : to.toString(DateTimeFormat);
    return u"%1 \u2013 %2"_s.arg(from.toString(DateTimeFormat), end);
}

QString RangeSelector::fileNameHint() const
{
    return m_hint;
}

void RangeSelector::refreshRange()
{
    const Choice choice = compute(m_preset);
    const bool moved = choice.range.from != m_range.from || choice.range.to != m_range.to;
    m_range = choice.range;
    m_hint = choice.hint;
    m_text->setText(rangeText());
    if (moved)
        Q_EMIT rangeChanged();
}

void RangeSelector::fillPresets()
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    m_combo->addItem(tr("Current shift"), int(Preset::CurrentShift));
    m_combo->addItem(tr("Previous shift"), int(Preset::PreviousShift));
    const Preset named[] = {Preset::Early, Preset::Late, Preset::Night};
    for (int i = 0; i < 3 && i < m_shifts.size(); ++i) {
        const Shift &shift = m_shifts.at(i);
        m_combo->addItem(tr("%1 (%2\u2013%3)")
                             .arg(shiftName(shift),
                                 shift.start.toString(u"HH:mm"_s),
                                 shift.end.toString(u"HH:mm"_s)),
            int(named[i]));
    }
    m_combo->addItem(tr("Today"), int(Preset::Today));
    m_combo->addItem(tr("Last 24 hours"), int(Preset::Last24Hours));
    m_combo->addItem(tr("Last 7 days"), int(Preset::Last7Days));
    m_combo->addItem(tr("All runs"), int(Preset::All));
    m_combo->addItem(tr("Custom range\u2026"), int(Preset::Custom));
    m_combo->setCurrentIndex(std::max(0, m_combo->findData(int(m_preset))));
}

RangeSelector::Choice RangeSelector::compute(Preset preset) const
{
    const QDateTime now = m_clock().toUTC();
    const QDate today = now.toTimeZone(m_zone).date();
    auto named = [this](const TimeRange &range, const QString &what) {
        return Choice {range,
            u"%1-%2"_s.arg(range.from.toTimeZone(m_zone).date().toString(Qt::ISODate), what)};
    };
    switch (preset) {
    case Preset::CurrentShift:
    case Preset::PreviousShift: {
        std::optional<ShiftDay> current = shiftAt(now, m_shifts, m_zone);
        if (!current)
            return compute(Preset::Today);
        if (preset == Preset::PreviousShift) {
            const TimeRange currentRange = shiftRange(current->shift, current->date, m_zone);
            current = shiftAt(currentRange.from.addMSecs(-1), m_shifts, m_zone);
            if (!current)
                return named({currentRange.from.addDays(-1), currentRange.from}, u"previous"_s);
        }
        return named(shiftRange(current->shift, current->date, m_zone), current->shift.name);
    }
    case Preset::Early:
        return shiftOfToday(0, false);
    case Preset::Late:
        return shiftOfToday(1, false);
    case Preset::Night:
        return shiftOfToday(2, true);
    case Preset::Today:
        return named({QDateTime(today, QTime(0, 0), m_zone).toUTC(),
                         QDateTime(today.addDays(1), QTime(0, 0), m_zone).toUTC()},
            u"day"_s);
    case Preset::Last24Hours:
        return named({now.addDays(-1), now}, u"24h"_s);
    case Preset::Last7Days:
        return named({now.addDays(-7), now}, u"7d"_s);
    case Preset::All:
        return {{}, u"all"_s};
    case Preset::Custom: {
        const QDateTime from(m_from->dateTime().date(), m_from->dateTime().time(), m_zone);
        const QDateTime to(m_to->dateTime().date(), m_to->dateTime().time(), m_zone);
        return named({from.toUTC(), to.toUTC()}, u"custom"_s);
    }
    }
    return {};
}

// Today's shift number `shiftIndex`, or, for a shift that runs over midnight (lastStarted), the
// latest one that has begun: at 03:00 the night shift is the one that began yesterday at 22:00.
RangeSelector::Choice RangeSelector::shiftOfToday(int shiftIndex, bool lastStarted) const
{
    if (shiftIndex >= m_shifts.size())
        return compute(Preset::Today);
    const Shift &shift = m_shifts.at(shiftIndex);
    const QDateTime now = m_clock().toUTC();
    QDate date = now.toTimeZone(m_zone).date();
    TimeRange range = shiftRange(shift, date, m_zone);
    if (lastStarted && range.from > now) {
        date = date.addDays(-1);
        range = shiftRange(shift, date, m_zone);
    }
    return {range, u"%1-%2"_s.arg(date.toString(Qt::ISODate), shift.name)};
}

void RangeSelector::updateCustomVisibility()
{
    const bool custom = m_preset == Preset::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    m_dash->setVisible(custom);
    m_text->setVisible(!custom);
}

void RangeSelector::onCustomEdited()
{
    if (m_preset == Preset::Custom)
        refreshRange();
}

QString RangeSelector::shiftName(const Shift &shift) const
{
    if (shift.name == u"early")
        return tr("Early shift");
    if (shift.name == u"late")
        return tr("Late shift");
    if (shift.name == u"night")
        return tr("Night shift");
    return shift.name;
}

} // namespace Station
