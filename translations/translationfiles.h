#pragma once

#include <QString>

namespace Station {

// Where station_translations embeds the compiled translations:
// translationDirectory() + "/" + translationBaseName() + "_de.qm", and so on.
QString translationDirectory();
QString translationBaseName();

} // namespace Station
