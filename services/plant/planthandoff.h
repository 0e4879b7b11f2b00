#pragma once

#include "services/plant/plantschema.h"
#include "services/run/handofffile.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

// The hand-off to cloud configuration from the plant database (docs/handoff.md): the rule of
// the station's own export (services/records/handoff.h) over plant.runs and plant.steps, for the
// whole plant, one station or one line. Uses the caller's connection, on its thread.
namespace Station::Plant {

struct HandoffScope
{
    QDateTime from;    // run start >= from (UTC); invalid = no lower bound
    QDateTime to;      // run start < to (UTC); invalid = no upper bound
    QString stationId; // plant.runs.station_id; empty = every station
    QString line;      // plant.stations.line; empty = every line
};

// Every device a run in `scope` finalized to DeviceComplete and passed, each once with its
// newest such run's product and device group. A run started at one station and a later one at
// another are one device: the newest decides, whichever station ran it. The login sees what
// its role may read: a quality login every station, a station login its own rows only.
[[nodiscard]] PlantResult<HandoffReport> collectHandoff(
    QSqlDatabase &db, const HandoffScope &scope);

} // namespace Station::Plant
