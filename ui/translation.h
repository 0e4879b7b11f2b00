#pragma once

#include "services/base/result.h"

#include <QLocale>
#include <QStringList>

class QFont;

namespace Station {

// Installs the station's translator (and Qt's own, for standard dialogs, when installed) for a
// language: "de", "zh_CN", or empty for the system locale's UI languages. English, the source
// language (also used for a system language we do not ship), gets only its plural forms
// ("%n fixture(s)" reads "1 fixture", "2 fixtures"). Replaces what an earlier call installed.
// Returns the locale now in use; an explicitly requested language without a translation is an
// error (the UI stays English). GUI thread, after the QApplication exists.
[[nodiscard]] Result<QLocale> installTranslations(const QString &language = {});
void removeTranslations();
// The languages with an embedded translation, e.g. {"de", "zh_CN"} (not English, the source).
QStringList availableLanguages();

// A few characters typical of the UI language now installed (its translation of a sample
// text): what the screen font must be able to show.
QString languageSample();
// The characters of `sample` that `font` (with the fonts the system falls back to) has no glyph
// for: they would show as boxes. Empty when every one can be shown.
QString missingGlyphs(const QString &sample, const QFont &font);

} // namespace Station
