#pragma once

#include "services/result.h"

#include <QLocale>
#include <QStringList>

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

} // namespace Station
