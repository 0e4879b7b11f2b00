#include "services/plant/plantlookup.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace Station::Plant {

namespace {

// After a failure the plant is not asked again for this long (the local rules apply).
constexpr qint64 QuietAfterFailureMs = 30'000;

} // namespace

Lookup::Lookup(QString conninfo)
    : m_conninfo(std::move(conninfo))
{ }

Lookup::~Lookup() = default;

Problem Lookup::failed(const Problem &problem)
{
    m_connection.reset();
    m_lastFailure.start();
    m_lastProblem = problem;
    return problem;
}

PlantResult<QSqlDatabase> Lookup::database()
{
    if (m_connection)
        return m_connection->database();
    if (m_lastFailure.isValid() && m_lastFailure.elapsed() < QuietAfterFailureMs)
        return tl::make_unexpected(m_lastProblem);
    auto connection = std::make_unique<Connection>();
    // A details step may wait this long at most: two seconds to connect, three per question.
    if (auto opened = connection->open(m_conninfo,
            u"connect_timeout=2 keepalives=1 keepalives_idle=10 tcp_user_timeout=5000 "
            "options='-c statement_timeout=3000' application_name=sphere-station-rules"_s);
        !opened)
        return tl::make_unexpected(failed(opened.error()));
    m_connection = std::move(connection);
    return m_connection->database();
}

PlantResult<std::optional<LabelOwner>> Lookup::labelOwner(const QString &label)
{
    auto db = database();
    if (!db)
        return tl::make_unexpected(db.error());
    QSqlQuery query(*db);
    query.prepare(u"SELECT device_id, station_id, started_utc FROM plant.label_owner(?)"_s);
    query.addBindValue(label);
    if (!query.exec())
        return tl::make_unexpected(
            failed(problemFrom(query.lastError(), u"ask the label's owner"_s)));
    if (!query.next())
        return std::optional<LabelOwner> {};
    return std::optional<LabelOwner> {LabelOwner {
        query.value(0).toString(), query.value(1).toString(), query.value(2).toDateTime().toUTC()}};
}

PlantResult<std::optional<Finalization>> Lookup::finalizedBy(const QString &deviceId)
{
    auto db = database();
    if (!db)
        return tl::make_unexpected(db.error());
    QSqlQuery query(*db);
    query.prepare(u"SELECT station_id, run_uuid::text, finished_utc FROM plant.finalized_by(?)"_s);
    query.addBindValue(deviceId);
    if (!query.exec())
        return tl::make_unexpected(
            failed(problemFrom(query.lastError(), u"ask where the device was finalized"_s)));
    if (!query.next())
        return std::optional<Finalization> {};
    return std::optional<Finalization> {Finalization {
        query.value(0).toString(), query.value(1).toString(), query.value(2).toDateTime().toUTC()}};
}

} // namespace Station::Plant
