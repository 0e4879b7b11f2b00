#include "services/records/audittrail.h"

#include "services/base/tr.h"
#include "services/records/recordschema.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace Station::Audit {

namespace {

constexpr auto Columns = u"seq, event_uuid, time_utc, station, operator, user_role, fixture, "
                         u"kind, target, old_value, new_value, reason, detail, prev_hash, hash";

// The record schema whose events are chained.
constexpr int ChainedSince = 6;

Entry entryFrom(const QSqlQuery &query)
{
    Entry entry;
    entry.seq = query.value(0).toLongLong();
    entry.uuid = query.value(1).toString();
    entry.timeUtc = query.value(2).toString();
    entry.station = query.value(3).toString();
    entry.user = query.value(4).toString();
    entry.role = query.value(5).toString();
    entry.fixture = query.value(6).toInt();
    entry.action = query.value(7).toString();
    entry.target = query.value(8).toString();
    entry.oldValue = query.value(9).toString();
    entry.newValue = query.value(10).toString();
    entry.reason = query.value(11).toString();
    entry.detail = query.value(12).toString();
    entry.prevHash = query.value(13).toString();
    entry.hash = query.value(14).toString();
    return entry;
}

} // namespace

QString genesisHash()
{
    return QString(64, u'0');
}

QString entryHash(const Entry &entry)
{
    const QJsonArray fields {double(entry.seq),
        entry.uuid,
        entry.timeUtc,
        entry.station,
        entry.user,
        entry.role,
        entry.fixture,
        entry.action,
        entry.target,
        entry.oldValue,
        entry.newValue,
        entry.reason,
        entry.detail,
        entry.prevHash};
    return QString::fromLatin1(QCryptographicHash::hash(
        QJsonDocument(fields).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
                                   .toHex());
}

Result<Head> head(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (auto ok = RecordSql::exec(query,
            u"SELECT seq, hash FROM events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1"_s,
            u"read the audit trail's newest entry"_s);
        !ok)
        return fail(ok.error());
    if (!query.next())
        return Head {0, genesisHash()};
    return Head {query.value(0).toLongLong(), query.value(1).toString()};
}

Result<Verification> verify(QSqlDatabase &db)
{
    Verification result;
    result.headHash = genesisHash();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QString what = u"read the audit trail"_s;
    const auto version = RecordSql::userVersion(db);
    if (!version)
        return fail(version.error());
    if (*version < ChainedSince) {
        // A record from before the audit trail: every event is outside the chain.
        if (auto ok = RecordSql::exec(query, u"SELECT count(*) FROM events"_s, what); !ok)
            return fail(ok.error());
        if (query.next())
            result.unchained = query.value(0).toLongLong();
        return result;
    }
    // Events outside the chain: those from before schema 6 are expected; one recorded after the
    // chain began was put there by something other than the station.
    if (auto ok = RecordSql::exec(query,
            uR"(SELECT count(*),
                       (SELECT min(id) FROM events e2 WHERE e2.seq IS NULL AND e2.id >
                            (SELECT min(id) FROM events e3 WHERE e3.seq IS NOT NULL))
                FROM events WHERE seq IS NULL)"_s,
            what);
        !ok)
        return fail(ok.error());
    qint64 strayId = 0;
    if (query.next()) {
        result.unchained = query.value(0).toLongLong();
        strayId = query.value(1).isNull() ? 0 : query.value(1).toLongLong();
    }
    query.finish();

    if (auto ok = RecordSql::exec(query,
            u"SELECT %1 FROM events WHERE seq IS NOT NULL ORDER BY seq"_s.arg(Columns),
            what);
        !ok)
        return fail(ok.error());
    QString previous = genesisHash();
    qint64 expected = 1;
    while (query.next()) {
        const Entry entry = entryFrom(query);
        ++result.entries;
        QString problem;
        if (entry.seq != expected) {
            problem = Tr::tr("entry %1 is missing (the next entry is %2): entries were removed")
                          .arg(expected)
                          .arg(entry.seq);
        } else if (entry.prevHash != previous) {
            problem = Tr::tr("entry %1 does not link to entry %2 (its previous hash differs): "
                             "an entry was changed, removed or inserted before it")
                          .arg(entry.seq)
                          .arg(entry.seq - 1);
        } else if (entryHash(entry) != entry.hash) {
            problem = Tr::tr("entry %1 was changed after it was written (its hash does not match "
                             "its content)")
                          .arg(entry.seq);
        }
        if (!problem.isEmpty()) {
            result.firstBroken = entry.seq != expected ? expected : entry.seq;
            result.problem = problem;
            return result;
        }
        previous = entry.hash;
        result.headSeq = entry.seq;
        result.headHash = entry.hash;
        ++expected;
    }
    if (strayId != 0) {
        result.firstBroken = result.headSeq + 1;
        result.problem = Tr::tr("event %1 is outside the chain but was recorded after the chain "
                                "began: it was added by something other than the station")
                             .arg(strayId);
    }
    return result;
}

} // namespace Station::Audit

namespace Station::Audit {

namespace {

// A read-only connection to the record at `path` for the duration of `use`.
template <typename T>
Result<T> withRecord(const QString &path, const std::function<Result<T>(QSqlDatabase &)> &use)
{
    const QString name = RecordSql::uniqueConnectionName(u"audit"_s);
    QSqlDatabase db;
    {
        auto opened = RecordSql::openConnection(path, name, RecordSql::Access::ReadOnly);
        if (!opened)
            return fail(opened.error());
        db = *opened;
    }
    Result<T> result = use(db);
    RecordSql::closeConnection(db);
    return result;
}

} // namespace

Result<Verification> verifyFile(const QString &path)
{
    return withRecord<Verification>(path, [](QSqlDatabase &db) { return verify(db); });
}

Result<bool> hasTrail(const QString &path)
{
    return withRecord<bool>(path, [](QSqlDatabase &db) -> Result<bool> {
        // A file without any schema is read as an empty record in memory: no trail in the file.
        if (db.databaseName() == u":memory:"_s)
            return false;
        const auto version = RecordSql::userVersion(db);
        if (!version)
            return fail(version.error());
        return *version >= ChainedSince;
    });
}

Result<QList<Entry>> lastEntries(const QString &path, int count)
{
    return withRecord<QList<Entry>>(path, [count](QSqlDatabase &db) -> Result<QList<Entry>> {
        const auto version = RecordSql::userVersion(db);
        if (!version)
            return fail(version.error());
        if (*version < ChainedSince)
            return QList<Entry>();
        QSqlQuery query(db);
        if (auto ok = RecordSql::exec(query,
                u"SELECT * FROM (SELECT %1 FROM events WHERE seq IS NOT NULL ORDER BY seq DESC "
                u"LIMIT ?) ORDER BY seq"_s.arg(Columns),
                {count},
                u"read the audit trail"_s);
            !ok)
            return fail(ok.error());
        QList<Entry> entries;
        while (query.next())
            entries.append(entryFrom(query));
        return entries;
    });
}

} // namespace Station::Audit
