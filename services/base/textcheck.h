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

// The longest product or device group name Azure Sphere accepts.
inline constexpr int CloudNameMaxLength = 50;

// Why `text` cannot be an Azure Sphere product or device group name in the hand-off CSV to cloud
// configuration (docs/handoff.md), or an empty string when it can: 1 to 50 printable ASCII
// characters without "/" and without a space at either end. Microsoft's
// multi_board_ota_configuration.py reads the CSV in the cloud PC's own code page (non-ASCII
// would be misread on Windows) and passes "<product>/<group>" to `device update --device-group`
// (a "/" in either name would split it elsewhere). Commas and quotes are quoted in the CSV.
QString cloudNameProblem(const QString &text);

} // namespace Station
