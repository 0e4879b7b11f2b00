#include "services/plant/plantaudit.h"

#include "services/records/recordschema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station::Plant {

namespace {

// The record schema whose events are chained (Audit), and the plant schema that keeps them.
constexpr int ChainedSince = 6;

Problem recordProblem(const Error &error)
{
    return Problem {Failure::Database, error.message.english(), error.detail};
}

// One side's entries in order of seq, read as they come (a trail can be long).
struct Cursor
{
    QSqlQuery *query = nullptr;
    bool valid = false;
    qint64 seq = 0;
    QString hash;
    void next()
    {
        valid = query && query->next();
        if (valid) {
            seq = query->value(0).toLongLong();
            hash = query->value(1).toString();
        }
    }
};

} // namespace

PlantResult<AnchorCheck> checkAnchor(
    const QString &recordPath, QSqlDatabase &plant, const QString &stationId)
{
    AnchorCheck check;
    const PlantResult<int> server = serverVersion(plant);
    if (!server)
        return tl::make_unexpected(server.error());
    if (*server < ChainedSince) {
        return tl::make_unexpected(Problem {Failure::Database,
            u"The plant database has schema %1; it keeps the audit trail from schema 6 on: IT "
            "runs sphere-station plant migrate."_s.arg(*server),
            {}});
    }
    const QString name = RecordSql::uniqueConnectionName(u"anchor"_s);
    QSqlDatabase local;
    {
        auto opened = RecordSql::openConnection(recordPath, name, RecordSql::Access::ReadOnly);
        if (!opened)
            return tl::make_unexpected(recordProblem(opened.error()));
        local = *opened;
    }
    PlantResult<AnchorCheck> result = [&]() -> PlantResult<AnchorCheck> {
        const auto version = RecordSql::userVersion(local);
        if (!version)
            return tl::make_unexpected(recordProblem(version.error()));
        QSqlQuery localQuery(local);
        localQuery.setForwardOnly(true);
        if (*version >= ChainedSince
            && !localQuery.exec(
                u"SELECT seq, hash FROM events WHERE seq IS NOT NULL ORDER BY seq"_s))
            return tl::make_unexpected(Problem {Failure::Database,
                u"The record's audit trail cannot be read."_s,
                localQuery.lastError().text()});
        QSqlQuery plantQuery(plant);
        plantQuery.setForwardOnly(true);
        plantQuery.prepare(u"SELECT seq, hash FROM plant.events WHERE station_id = ? AND seq IS "
                           "NOT NULL ORDER BY seq"_s);
        plantQuery.addBindValue(stationId);
        if (!plantQuery.exec())
            return tl::make_unexpected(
                problemFrom(plantQuery.lastError(), u"read the plant's audit entries"_s));

        Cursor mine;
        mine.query = *version >= ChainedSince ? &localQuery : nullptr;
        Cursor theirs;
        theirs.query = &plantQuery;
        mine.next();
        theirs.next();
        while (mine.valid || theirs.valid) {
            if (theirs.valid)
                check.plantHead = std::max(check.plantHead, theirs.seq);
            if (mine.valid)
                check.recordHead = std::max(check.recordHead, mine.seq);
            if (mine.valid && (!theirs.valid || mine.seq < theirs.seq)) {
                ++check.undelivered;
                mine.next();
            } else if (theirs.valid && (!mine.valid || theirs.seq < mine.seq)) {
                // The record lacks this entry: a gap when it has later ones, else one of its
                // newest entries that were removed (newestRemoved()).
                if (mine.valid && check.firstMissing == 0)
                    check.firstMissing = theirs.seq;
                ++check.plantEntries;
                theirs.next();
            } else {
                ++check.plantEntries;
                if (mine.hash != theirs.hash && check.firstDifferent == 0) {
                    check.firstDifferent = mine.seq;
                    check.recordHash = mine.hash;
                    check.plantHash = theirs.hash;
                }
                mine.next();
                theirs.next();
            }
        }
        return check;
    }();
    RecordSql::closeConnection(local);
    return result;
}

} // namespace Station::Plant
