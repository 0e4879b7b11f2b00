#pragma once

#include "services/base/text.h"

namespace Station {

// tr() for code that is not a QObject (Qt Creator's pattern): Station::Tr::tr("...") gives a
// Text: English when stored or logged, translated only where a window shows it (.translated()).
// The translation context is "Station::Tr", as lupdate names it.
struct Tr
{
    static Text tr(const char *source, const char *disambiguation = nullptr, int n = -1)
    {
        return Text::translatable("Station::Tr", source, disambiguation, n);
    }
};

} // namespace Station
