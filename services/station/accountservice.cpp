#include "services/station/accountservice.h"

#include "services/records/recordstore.h"

#include <QtConcurrent>

namespace Station {

AccountService::AccountService(QString recordPath, QString station)
    : m_recordPath(std::move(recordPath))
    , m_station(std::move(station))
{
    m_pool.setMaxThreadCount(1); // one call at a time, in the order they were made
}

AccountService::~AccountService()
{
    m_pool.waitForDone();
}

void AccountService::waitForDone()
{
    m_pool.waitForDone();
}

template <typename T>
QFuture<Result<T>> AccountService::call(std::function<Result<T>(Auth::Accounts &)> work)
{
    return QtConcurrent::run(&m_pool, [path = m_recordPath, station = m_station, work] {
        // A connection of this call's own: a record connection belongs to the thread that
        // opened it, and the pool's thread may change between calls.
        RecordStore record;
        if (Result<void> opened = record.open(path); !opened)
            return Result<T>(tl::make_unexpected(opened.error()));
        Auth::Accounts accounts(record, station);
        return work(accounts);
    });
}

QFuture<Result<Auth::User>> AccountService::signInWithPassword(
    const QString &login, const QString &password)
{
    return call<Auth::User>(
        [=](Auth::Accounts &a) { return a.signInWithPassword(login, password); });
}

QFuture<Result<Auth::User>> AccountService::signInWithBadge(
    const QString &badge, const QString &pin)
{
    return call<Auth::User>([=](Auth::Accounts &a) { return a.signInWithBadge(badge, pin); });
}

QFuture<Result<void>> AccountService::signOut(const Auth::User &user, const QString &why)
{
    return call<void>([=](Auth::Accounts &a) { return a.signOut(user, why); });
}

QFuture<Result<bool>> AccountService::needsFirstAdmin()
{
    return call<bool>([](Auth::Accounts &a) { return a.needsFirstAdmin(); });
}

QFuture<Result<Auth::User>> AccountService::createFirstAdmin(const Auth::UserChange &admin)
{
    return call<Auth::User>([=](Auth::Accounts &a) {
        return a.createFirstAdmin(admin, QStringLiteral("first start"));
    });
}

QFuture<Result<void>> AccountService::saveUser(
    const Auth::User &actor, const Auth::UserChange &change)
{
    return call<void>([=](Auth::Accounts &a) { return a.saveUser(actor, change); });
}

QFuture<Result<QList<UserRow>>> AccountService::users()
{
    return call<QList<UserRow>>([](Auth::Accounts &a) { return a.users(); });
}

QFuture<Result<std::optional<RecipeApproval>>> AccountService::approval(const QString &sha256)
{
    return call<std::optional<RecipeApproval>>(
        [=](Auth::Accounts &a) { return a.approval(sha256); });
}

QFuture<Result<void>> AccountService::approveRecipe(const Auth::User &actor,
    const QString &sha256,
    const QString &recipeName,
    const QString &recipeVersion,
    const QString &reason)
{
    return call<void>([=](Auth::Accounts &a) {
        return a.approveRecipe(actor, sha256, recipeName, recipeVersion, reason);
    });
}

QFuture<Result<void>> AccountService::audit(const std::optional<Auth::User> &actor,
    const QString &kind,
    const QString &target,
    const QString &oldValue,
    const QString &newValue,
    const QString &reason,
    int fixture)
{
    return call<void>([=](Auth::Accounts &a) {
        return a.audit(actor, kind, target, oldValue, newValue, reason, fixture);
    });
}

QFuture<Result<QString>> AccountService::auditExport(
    const std::optional<Auth::User> &actor, const QStringList &files, const QString &what)
{
    return call<QString>([=](Auth::Accounts &a) { return a.auditExport(actor, files, what); });
}

} // namespace Station
