#pragma once

#include <QCoreApplication>

namespace Station {

// tr() for code that is not a QObject (Qt Creator's pattern): Station::Tr::tr("...").
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Station)
};

} // namespace Station
