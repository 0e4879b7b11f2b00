#pragma once

#include "models/fixturemodel.h"
#include "models/pagetext.h"

#include <QColor>

class QLabel;
class QTableView;

// The technician's and quality pages' share of the station theme: outcome icons and colours for
// the item models, and a few label styles (section titles, big numbers). GUI thread.
namespace Station::PageLook {

FixtureModel::TileState tileState(StepOutcome outcome);
FixtureModel::TileState tileState(RunOutcome outcome);

// Lookups for the models' outcome columns, with the icons painted once (they hold pixmaps:
// keep them with the models, not in statics that outlive the application).
StepOutcomeLook stepOutcomeLooks();
RunOutcomeLook runOutcomeLooks();

// The colour that stands for an outcome (text on light ground, or a banner fill).
QColor accent(RunOutcome outcome);

// A small bold caption above a group of fields ("STEPS", "STANDARD OUTPUT").
void makeSectionTitle(QLabel *label);
// Grey, smaller text for a field's name in a header ("Serial").
void makeFieldName(QLabel *label);

// Sets a table column as wide as the widest of `texts` in the table's font (with room for an
// outcome icon), and never narrower than its title: the column fits in every language.
void fitColumn(QTableView *view, int column, const QStringList &texts, bool withIcon = false);

} // namespace Station::PageLook
