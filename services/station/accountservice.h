#pragma once

#include "services/auth/accounts.h"
#include "services/base/result.h"

#include <QFuture>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <optional>

namespace Station {

// The window's way to Auth::Accounts (docs/roles.md): every call runs on a thread of its own,
// one at a time and in order, with a record connection made for it, so the GUI thread never
// waits for an argon2id hash (0.1 s, 64 MiB) or for the record's write lock. Each returns a
// future; a window watches it with QFutureWatcher. Created and used on the GUI thread.
class AccountService final
{
public:
    AccountService(QString recordPath, QString station);
    ~AccountService(); // waits for the call that is running
    Q_DISABLE_COPY_MOVE(AccountService)

    QFuture<Result<Auth::User>> signInWithPassword(const QString &login, const QString &password);
    QFuture<Result<Auth::User>> signInWithBadge(const QString &badge, const QString &pin);
    QFuture<Result<void>> signOut(const Auth::User &user, const QString &why);
    QFuture<Result<bool>> needsFirstAdmin();
    QFuture<Result<Auth::User>> createFirstAdmin(const Auth::UserChange &admin);
    QFuture<Result<void>> saveUser(const Auth::User &actor, const Auth::UserChange &change);
    QFuture<Result<QList<UserRow>>> users();
    QFuture<Result<std::optional<RecipeApproval>>> approval(const QString &sha256);
    QFuture<Result<void>> approveRecipe(const Auth::User &actor,
        const QString &sha256,
        const QString &recipeName,
        const QString &recipeVersion,
        const QString &reason);
    // An entry in the audit trail (settings change, export, rerun override …).
    QFuture<Result<void>> audit(const std::optional<Auth::User> &actor,
        const QString &kind,
        const QString &target = {},
        const QString &oldValue = {},
        const QString &newValue = {},
        const QString &reason = {},
        int fixture = 0);

    QFuture<Result<QString>> auditExport(
        const std::optional<Auth::User> &actor, const QStringList &files, const QString &what);

    // Waits for every call made so far (tests, and the window before it closes).
    void waitForDone();

private:
    template <typename T> QFuture<Result<T>> call(std::function<Result<T>(Auth::Accounts &)> work);

    const QString m_recordPath;
    const QString m_station;
    QThreadPool m_pool;
};

} // namespace Station
