#pragma once

#include <QString>

namespace Station {

// Why `text` cannot be a name that reaches the record or the headless output (recipe name and
// version, step names, OS version names, fixture labels, station and operator names), or an
// empty string when it can. Refused: NUL and every other control character (C0, DEL, C1,
// including tab and line breaks), the line and paragraph separators, the bidirectional
// embedding/override/isolate controls (they reorder what a reader sees), and unpaired
// surrogates. The reason names the first such character: "contains the control character
// U+0000 (NUL)". Any thread.
QString nameTextProblem(const QString &text);

} // namespace Station
