#include "ui/pagelook.h"

#include "ui/theme.h"

#include <QLabel>

namespace Station::PageLook {

using S = FixtureModel::TileState;

FixtureModel::TileState tileState(StepOutcome outcome)
{
    switch (outcome) {
    case StepOutcome::Pending:
    case StepOutcome::Skipped:
        return S::Empty;
    case StepOutcome::Running:
        return S::Running;
    case StepOutcome::Passed:
        return S::Pass;
    case StepOutcome::Failed:
        return S::Fail;
    case StepOutcome::Aborted:
        return S::Aborted;
    }
    return S::Empty;
}

FixtureModel::TileState tileState(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Running:
        return S::Running;
    case RunOutcome::Pass:
        return S::Pass;
    case RunOutcome::Fail:
        return S::Fail;
    case RunOutcome::Aborted:
        return S::Aborted;
    case RunOutcome::Interrupted:
        return S::Interrupted;
    }
    return S::Empty;
}

namespace {

// Table icons: 16 px reads next to 11 pt text; QIcon keeps the pixmap per state.
constexpr int IconSize = 16;

OutcomeLook lookOf(S state, bool markRow)
{
    const Theme::StateStyle style = Theme::stateStyle(state);
    OutcomeLook look;
    look.icon = Theme::stateIcon(state, IconSize);
    // Calm outcomes keep the view's text colour; trouble gets its accent so it stands out.
    if (style.filled && state != S::Pass)
        look.text = style.accent;
    if (markRow)
        look.background = style.tile;
    return look;
}

} // namespace

StepOutcomeLook stepOutcomeLooks()
{
    QList<OutcomeLook> looks;
    for (StepOutcome o : {StepOutcome::Pending,
             StepOutcome::Running,
             StepOutcome::Passed,
             StepOutcome::Failed,
             StepOutcome::Skipped,
             StepOutcome::Aborted}) {
        OutcomeLook look = lookOf(tileState(o), o == StepOutcome::Failed);
        if (o == StepOutcome::Pending || o == StepOutcome::Skipped)
            look.text = Theme::mutedTextColor();
        looks << look;
    }
    return [looks](StepOutcome outcome) { return looks.value(int(outcome)); };
}

RunOutcomeLook runOutcomeLooks()
{
    QList<OutcomeLook> looks;
    for (RunOutcome o : {RunOutcome::Running,
             RunOutcome::Pass,
             RunOutcome::Fail,
             RunOutcome::Aborted,
             RunOutcome::Interrupted})
        looks << lookOf(tileState(o), false);
    return [looks](RunOutcome outcome) { return looks.value(int(outcome)); };
}

QColor accent(RunOutcome outcome)
{
    return Theme::stateStyle(tileState(outcome)).accent;
}

void makeSectionTitle(QLabel *label)
{
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor());
    label->setPalette(palette);
}

void makeFieldName(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor());
    label->setPalette(palette);
}

} // namespace Station::PageLook
