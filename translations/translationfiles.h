#pragma once

#include <QString>

namespace Station {

// Where station_translations embeds the compiled translations:
// translationDirectory() + "/" + translationBaseName() + "_de.qm", and so on.
QString translationDirectory();
QString translationBaseName();

// The English plural forms (sphere-station_en.qm), for texts rendered in English whatever the
// window's language (the record, headless output): "1 run was closed", "2 runs were closed".
// Thread-safe (a QTranslator only read); an empty string when the source has no plural form
// there. Hand it to Text::setEnglishLookup once at start-up.
QString englishPlural(const char *context, const char *source, const char *disambiguation, int n);

} // namespace Station
