#pragma once

#include "services/plant/plantschema.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

#include <memory>
#include <optional>

// The plant-wide rules while the plant database answers (issue #14): whom a label is bound to
// anywhere in the plant, and where a device was finalized. A station's login sees only its own
// rows; these questions go through two functions of the plant schema (5) that answer for the
// whole plant and nothing more. Offline the station's local rules apply: every failure is
// returned, and for a while after one the lookup does not try again, so a details step never
// waits on a plant that is away.
namespace Station::Plant {

struct LabelOwner
{
    QString deviceId;
    QString stationId;
    QDateTime started; // UTC: the first run that bound it
};

struct Finalization
{
    QString stationId;
    QString runUuid;
    QDateTime finished; // UTC
};

// One connection, on the thread that uses it (a fixture worker's).
class Lookup final
{
public:
    explicit Lookup(QString conninfo);
    ~Lookup();
    Q_DISABLE_COPY_MOVE(Lookup)

    [[nodiscard]] PlantResult<std::optional<LabelOwner>> labelOwner(const QString &label);
    [[nodiscard]] PlantResult<std::optional<Finalization>> finalizedBy(const QString &deviceId);

private:
    [[nodiscard]] PlantResult<QSqlDatabase> database();
    Problem failed(const Problem &problem);

    QString m_conninfo;
    std::unique_ptr<Connection> m_connection;
    QElapsedTimer m_lastFailure;
    Problem m_lastProblem;
};

} // namespace Station::Plant
