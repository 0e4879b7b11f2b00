#include "services/station/fixturesnapshot.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

QString presenceName(Presence presence)
{
    switch (presence) {
    case Presence::Empty:
        return u"EMPTY"_s;
    case Presence::Present:
        return u"PRESENT"_s;
    case Presence::Unresponsive:
        return u"UNRESPONSIVE"_s;
    case Presence::Unknown:
        return u"UNKNOWN"_s;
    }
    return u"UNKNOWN"_s;
}

} // namespace Station
