#pragma once

#include "services/auth/roles.h"
#include "services/base/result.h"
#include "services/records/recordstore.h"
#include "services/records/users.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

namespace Station {

class RecordStore;

namespace Auth {

// Someone signed in: the record names them by login, with their role at the time.
struct User
{
    QString login;
    QString displayName;
    Role role = Role::Operator;

    // "Ana Weber (ana)" or "ana".
    QString shownName() const;
    bool may(Permission permission) const { return allows(role, permission); }
};

// A new user, or the changes to one (Accounts::saveUser). Secrets in clear text only here, on
// their way to be hashed; empty ones leave the stored hash as it is.
struct UserChange
{
    QString login;
    QString displayName;
    Role role = Role::Operator;
    bool active = true;
    QString password;
    QString badge;
    QString pin;
    bool clearPassword = false;
    bool clearBadge = false;
    bool unlock = false;
};

// Sign-in, users and recipe approvals over the station's record (docs/roles.md). Every decision
// is one record transaction together with its audit entry (RecordStore). Use it on the thread
// that opened `record`; hashing takes about 0.1 s, so a window runs it off the GUI thread.
class Accounts
{
public:
    // Five wrong secrets in a row lock an account for a quarter of an hour (an admin may unlock
    // it sooner).
    static constexpr int MaxFailedAttempts = 5;
    static constexpr std::chrono::minutes LockOutTime {15};

    Accounts(RecordStore &record, QString station);

    // Refused (ErrorCode::PermissionDenied) with a plain reason: unknown login or badge, wrong
    // secret, account locked or deactivated. An unknown login and a wrong password read the
    // same, so the message does not tell which logins exist.
    [[nodiscard]] Result<User> signInWithPassword(const QString &login, const QString &password);
    [[nodiscard]] Result<User> signInWithBadge(const QString &badge, const QString &pin);
    // `why`: "user", "idle", "switch" or "close".
    [[nodiscard]] Result<void> signOut(const User &user, const QString &why);

    [[nodiscard]] Result<QList<UserRow>> users();
    // True when no active admin exists: the first start asks for one.
    [[nodiscard]] Result<bool> needsFirstAdmin();
    // The first admin: only while needsFirstAdmin() (`by` names who made it in the trail:
    // "first start" or "command").
    [[nodiscard]] Result<User> createFirstAdmin(const UserChange &admin, const QString &by);
    // Adds or changes a user; `actor` must be an admin. Never removes the last active admin.
    [[nodiscard]] Result<void> saveUser(const User &actor, const UserChange &change);

    // The approval of a recipe file (by its SHA-256), if any.
    [[nodiscard]] Result<std::optional<RecipeApproval>> approval(const QString &sha256);
    // `actor` must be allowed ApproveRecipe; `reason` is required.
    [[nodiscard]] Result<void> approveRecipe(const User &actor,
        const QString &sha256,
        const QString &recipeName,
        const QString &recipeVersion,
        const QString &reason);

    // An entry in the audit trail by `actor` (nullopt: the station itself).
    [[nodiscard]] Result<void> audit(const std::optional<User> &actor,
        const QString &kind,
        const QString &target = {},
        const QString &oldValue = {},
        const QString &newValue = {},
        const QString &reason = {},
        int fixture = 0);

    // The audit entry of an export (docs/roles.md): the files and their SHA-256, and the chain
    // head the export was made at ("made at audit entry #N sha256 …"), which it returns.
    [[nodiscard]] Result<QString> auditExport(
        const std::optional<User> &actor, const QStringList &files, const QString &what);

    // Test seam: the clock of lock-outs.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

private:
    Result<User> checkSecret(const UserRow &row, bool secretOk, const QString &how);
    Result<User> refused(const QString &target, const QString &how, const Text &why);
    RecordEvent event(const std::optional<User> &actor, const QString &kind) const;
    Result<void> saveUserAs(
        const User &actor, const UserChange &change, const QString &reason, bool first);

    RecordStore &m_record;
    QString m_station;
    std::function<QDateTime()> m_now;
};

} // namespace Auth
} // namespace Station
