#include "translations/translationfiles.h"

#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace Station {

QString translationDirectory()
{
    // RESOURCE prefix of the .qm files, set in translations/CMakeLists.txt.
    return u":/i18n"_s;
}

QString translationBaseName()
{
    return u"sphere-station"_s;
}

QString englishPlural(const char *context, const char *source, const char *disambiguation, int n)
{
    // Loaded once, on first use (C++ makes that thread-safe); never installed in the
    // application, so the window's language does not change what it says.
    static const QTranslator *const plurals = [] {
        auto *translator = new QTranslator; // lives as long as the process
        if (!translator->load(translationDirectory() + u'/' + translationBaseName() + u"_en.qm"_s))
            qWarning("The English plural forms (%s_en.qm) are missing",
                qPrintable(translationBaseName()));
        return translator;
    }();
    return plurals->translate(context, source, disambiguation, n);
}

} // namespace Station
