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

QString handsFreeName(HandsFree state)
{
    switch (state) {
    case HandsFree::Off:
        return u"OFF"_s;
    case HandsFree::Waiting:
        return u"WAITING"_s;
    case HandsFree::Settling:
        return u"SETTLING"_s;
    case HandsFree::Due:
        return u"DUE"_s;
    case HandsFree::Running:
        return u"RUNNING"_s;
    case HandsFree::Done:
        return u"DONE"_s;
    }
    return u"OFF"_s;
}

} // namespace Station
