#pragma once

#include "services/base/result.h"
#include "services/plant/plantschema.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Station {
class RecordStore;
}

// The plant's user accounts (issue #15, docs/plant.md): one account that signs in at every
// station. The plant database keeps them in plant.users (hashes only, as the record does); every
// station's relay copies them into its record's users table (origin "plant"), which is what the
// station signs people in from, also while the plant is away.
namespace Station::Plant {

// One row of plant.users.
struct PlantUser
{
    QString login;
    QString displayName;
    QString role;         // "operator" … "admin"
    QString passwordHash; // argon2id, empty: no password
    QString badgeKey;     // Auth::badgeKey of the badge, empty: no badge
    QString pinHash;      // argon2id of the badge and PIN, empty: no PIN
    bool active = true;
    QDateTime updated; // UTC, set by the server
    QString updatedBy; // the login that made the last change (session_user)
};

// Every account with its hashes (a station's login, or the owner). Used on the thread of `db`.
[[nodiscard]] PlantResult<QList<PlantUser>> readUsers(QSqlDatabase &db);
// One account by its login, compared without case.
[[nodiscard]] PlantResult<std::optional<PlantUser>> readUser(
    QSqlDatabase &db, const QString &login);
// Adds the account (`add`) or changes the one with this login; as a member of the owner role.
// The server stamps updated_at and updated_by and keeps the change in plant.user_changes.
// Refuses to take away the last active admin of the plant.
[[nodiscard]] PlantResult<void> saveUser(QSqlDatabase &db, const PlantUser &user, bool add);

// What copying the plant's accounts into a record changed.
struct UserCacheResult
{
    int added = 0;
    int changed = 0;
    int deactivated = 0;  // cached accounts the plant no longer has, or has deactivated
    QStringList problems; // accounts that could not be copied as they are, and why (English)
    bool changedAnything() const { return added + changed + deactivated > 0; }
};

// Copies `users` into the record's users table with origin "plant" (no audit entry): a local
// account with the same login becomes the plant's; the sign-in counters (failed attempts, the
// lock-out) of an account already in the record stay as they are; a cached account that `users`
// lacks, or has inactive, becomes inactive. Writes only what differs. Use `record` on its thread.
[[nodiscard]] Result<UserCacheResult> cacheUsers(
    RecordStore &record, const QList<PlantUser> &users);

} // namespace Station::Plant
