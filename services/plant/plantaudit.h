#pragma once

#include "services/plant/plantschema.h"

#include <QString>

// The plant's copy of a station's audit trail as its anchor (issue #15, docs/roles.md). The
// record's chain finds an entry that was changed, inserted or removed in the middle; removing
// the newest entries leaves a shorter chain that still holds. The plant keeps every chained entry
// it received (and refuses a changed copy of one), so comparing the two finds that too.
namespace Station::Plant {

struct AnchorCheck
{
    qint64 recordHead = 0;   // the record's newest chained entry (0: none)
    qint64 plantHead = 0;    // the newest entry the plant holds of this station (0: none)
    qint64 plantEntries = 0; // chained entries the plant holds of this station
    // An entry the plant holds that the record lacks, below the record's newest (0: none).
    qint64 firstMissing = 0;
    // The first entry whose hash differs between the two (0: none), and both hashes.
    qint64 firstDifferent = 0;
    QString recordHash;
    QString plantHash;
    qint64 undelivered = 0; // the record's entries the plant does not hold yet
    // The record's newest entries are gone: the plant holds entries after its head.
    bool newestRemoved() const { return plantHead > recordHead; }
    bool ok() const { return !newestRemoved() && firstMissing == 0 && firstDifferent == 0; }
};

// Walks the record's chained entries (opened read-only: a running station may be writing it)
// and the plant's entries of `stationId` side by side, by entry number. `plant` is any login
// that may read the station's events (quality, the station's own, the owner).
[[nodiscard]] PlantResult<AnchorCheck> checkAnchor(
    const QString &recordPath, QSqlDatabase &plant, const QString &stationId);

} // namespace Station::Plant
