#include "services/plant/plantusers.h"

#include "services/records/recordquery.h"
#include "services/records/recordstore.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace Station::Plant {

namespace {

constexpr auto UserColumns = u"login, display_name, role, password_hash, badge_key, pin_hash, "
                             u"active, updated_at, updated_by";

PlantUser userFrom(const QSqlQuery &query)
{
    PlantUser user;
    user.login = query.value(0).toString();
    user.displayName = query.value(1).toString();
    user.role = query.value(2).toString();
    user.passwordHash = query.value(3).toString();
    user.badgeKey = query.value(4).toString();
    user.pinHash = query.value(5).toString();
    user.active = query.value(6).toBool();
    user.updated = query.value(7).toDateTime().toUTC();
    user.updatedBy = query.value(8).toString();
    return user;
}

Problem refusedWith(const QString &message)
{
    return Problem {Failure::Database, message, {}};
}

// Never NULL: a null QString binds as SQL NULL.
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

UserRow cachedRow(const PlantUser &user)
{
    UserRow row;
    row.login = user.login;
    row.displayName = user.displayName;
    row.role = user.role;
    row.passwordHash = user.passwordHash;
    row.badgeKey = user.badgeKey;
    row.pinHash = user.pinHash;
    row.active = user.active;
    row.origin = u"plant"_s;
    row.updated = user.updated.isValid() ? user.updated : QDateTime::currentDateTimeUtc();
    return row;
}

bool sameAccount(const UserRow &a, const UserRow &b)
{
    return a.login == b.login && a.displayName == b.displayName && a.role == b.role
        && a.passwordHash == b.passwordHash && a.badgeKey == b.badgeKey && a.pinHash == b.pinHash
        && a.active == b.active && a.origin == b.origin;
}

} // namespace

PlantResult<QList<PlantUser>> readUsers(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT %1 FROM plant.users ORDER BY lower(login)"_s.arg(UserColumns)))
        return tl::make_unexpected(problemFrom(query.lastError(), u"read the plant's users"_s));
    QList<PlantUser> users;
    while (query.next())
        users.append(userFrom(query));
    return users;
}

PlantResult<std::optional<PlantUser>> readUser(QSqlDatabase &db, const QString &login)
{
    QSqlQuery query(db);
    query.prepare(u"SELECT %1 FROM plant.users WHERE lower(login) = lower(?)"_s.arg(UserColumns));
    query.addBindValue(text(login));
    if (!query.exec())
        return tl::make_unexpected(problemFrom(query.lastError(), u"look up a plant user"_s));
    if (!query.next())
        return std::optional<PlantUser>();
    return std::optional<PlantUser>(userFrom(query));
}

PlantResult<void> saveUser(QSqlDatabase &db, const PlantUser &user, bool add)
{
    QSqlQuery query(db);
    auto failed = [&](const QString &what) -> PlantResult<void> {
        const Problem problem = problemFrom(query.lastError(), what);
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return tl::make_unexpected(problem);
    };
    auto refused = [&](const QString &message) -> PlantResult<void> {
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return tl::make_unexpected(refusedWith(message));
    };
    if (!query.exec(u"BEGIN"_s))
        return failed(u"save a plant user"_s);
    // One writer of the accounts at a time: the last-admin rule reads them all.
    if (!query.exec(u"LOCK TABLE plant.users IN SHARE ROW EXCLUSIVE MODE"_s))
        return failed(u"lock the plant's users"_s);
    auto existing = readUser(db, user.login);
    if (!existing) {
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return tl::make_unexpected(existing.error());
    }
    if (add && *existing)
        return refused(
            u"%1 exists already in the plant database: use user-set."_s.arg((*existing)->login));
    if (!add && !*existing)
        return refused(u"The plant database has no user %1: use user-add."_s.arg(user.login));
    if (!user.badgeKey.isEmpty()) {
        query.prepare(u"SELECT login FROM plant.users WHERE badge_key = ? AND lower(login) <> "
                      "lower(?)"_s);
        query.addBindValue(user.badgeKey);
        query.addBindValue(text(user.login));
        if (!query.exec())
            return failed(u"look up a badge"_s);
        if (query.next())
            return refused(u"This badge belongs to %1 already."_s.arg(query.value(0).toString()));
    }
    const bool wasAdmin = *existing && (*existing)->active && (*existing)->role == u"admin"_s;
    if (wasAdmin && (!user.active || user.role != u"admin"_s)) {
        query.prepare(u"SELECT count(*) FROM plant.users WHERE active AND role = 'admin' AND "
                      "lower(login) <> lower(?)"_s);
        query.addBindValue(text(user.login));
        if (!query.exec() || !query.next())
            return failed(u"count the plant's admins"_s);
        if (query.value(0).toLongLong() == 0)
            return refused(u"%1 is the plant's last active admin: make another admin first."_s.arg(
                (*existing)->login));
    }
    if (add) {
        query.prepare(u"INSERT INTO plant.users (login, display_name, role, password_hash, "
                      "badge_key, pin_hash, active) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
        query.addBindValue(text(user.login));
    } else {
        query.prepare(u"UPDATE plant.users SET display_name = ?, role = ?, password_hash = ?, "
                      "badge_key = ?, pin_hash = ?, active = ? WHERE lower(login) = lower(?)"_s);
    }
    query.addBindValue(text(user.displayName));
    query.addBindValue(text(user.role));
    query.addBindValue(text(user.passwordHash));
    query.addBindValue(text(user.badgeKey));
    query.addBindValue(text(user.pinHash));
    query.addBindValue(user.active);
    if (!add)
        query.addBindValue(text(user.login));
    if (!query.exec())
        return failed(u"save plant user %1"_s.arg(user.login));
    if (!query.exec(u"COMMIT"_s))
        return failed(u"save plant user %1"_s.arg(user.login));
    return {};
}

Result<UserCacheResult> cacheUsers(RecordStore &record, const QList<PlantUser> &users)
{
    UserCacheResult result;
    const auto localRows = record.users();
    if (!localRows)
        return fail(localRows.error());
    // The record compares logins without case (SQLite's NOCASE: ASCII letters only).
    QHash<QString, UserRow> local;
    for (const UserRow &row : *localRows)
        local.insert(asciiLower(row.login), row);

    struct Write
    {
        UserRow row;
        bool isNew = false;
        bool deactivates = false;
    };
    QList<Write> writes;
    for (const PlantUser &user : users) {
        UserRow row = cachedRow(user);
        const auto found = local.constFind(asciiLower(user.login));
        if (found == local.cend()) {
            writes.append({row, true, false});
            continue;
        }
        // The lock-out is this station's own: the plant does not count wrong attempts.
        row.failedAttempts = found->failedAttempts;
        row.lockedUntil = found->lockedUntil;
        const bool deactivates = found->active && !row.active;
        if (!sameAccount(*found, row))
            writes.append({row, false, deactivates});
        local.erase(found);
    }
    // Cached accounts the plant no longer has.
    for (const UserRow &row : std::as_const(local)) {
        if (row.origin != u"plant"_s || !row.active)
            continue;
        UserRow inactive = row;
        inactive.active = false;
        inactive.updated = QDateTime::currentDateTimeUtc();
        writes.append({inactive, false, true});
    }

    auto count = [&](const Write &write) {
        if (write.isNew)
            ++result.added;
        else if (write.deactivates)
            ++result.deactivated;
        else
            ++result.changed;
    };
    // A badge that moved from one account to another is written once its old holder let go of
    // it: write in passes while any write succeeds. Whatever still clashes (two accounts that
    // swapped badges, or a local account that holds the badge) is written without its badge;
    // the next pass may then give the badge to the other account.
    QList<Write> pending = writes;
    bool withoutBadges = false;
    while (!pending.isEmpty()) {
        QList<Write> failed;
        QStringList reasons;
        for (const Write &write : std::as_const(pending)) {
            if (auto saved = record.saveUser(write.row, RecordEvent {}); saved) {
                count(write);
            } else {
                failed.append(write);
                reasons.append(u"%1: %2"_s.arg(write.row.login, saved.error().detail));
            }
        }
        if (failed.size() < pending.size()) {
            pending = failed;
            continue;
        }
        if (withoutBadges) {
            result.problems += reasons;
            break;
        }
        withoutBadges = true;
        bool anyBadge = false;
        for (Write &write : failed) {
            if (write.row.badgeKey.isEmpty())
                continue;
            const auto holder = record.userByBadge(write.row.badgeKey);
            if (!holder || !*holder || asciiLower((*holder)->login) == asciiLower(write.row.login))
                continue;
            anyBadge = true;
            result.problems.append(
                u"%1: the badge belongs to %2 in this record, so the account "
                "is cached without its badge for now"_s.arg(write.row.login, (*holder)->login));
            write.row.badgeKey.clear();
            write.row.pinHash.clear();
        }
        if (!anyBadge) {
            result.problems += reasons;
            break;
        }
        pending = failed;
    }
    return result;
}

} // namespace Station::Plant
