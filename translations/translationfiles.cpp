#include "translations/translationfiles.h"

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

} // namespace Station
