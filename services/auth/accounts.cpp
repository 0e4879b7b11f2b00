#include "services/auth/accounts.h"

#include "services/auth/credentials.h"
#include "services/base/tr.h"
#include "services/records/recordstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace Station::Auth {

namespace {

User userOf(const UserRow &row)
{
    return User {row.login, row.displayName, roleFromName(row.role).value_or(Role::Operator)};
}

// The audit's summary of a user (never a hash): "Ana Weber, engineer, active, password, badge".
QString describe(const UserRow &row)
{
    QStringList parts {row.displayName, row.role, row.active ? u"active"_s : u"inactive"_s};
    if (!row.passwordHash.isEmpty())
        parts << u"password"_s;
    if (!row.badgeKey.isEmpty())
        parts << u"badge"_s;
    if (row.lockedUntil.isValid())
        parts << u"locked until %1"_s.arg(row.lockedUntil.toUTC().toString(Qt::ISODate));
    else if (row.failedAttempts > 0)
        parts << u"%1 wrong attempts"_s.arg(row.failedAttempts);
    return parts.join(u", "_s);
}

} // namespace

QString User::shownName() const
{
    if (displayName.isEmpty() || displayName == login)
        return login;
    return u"%1 (%2)"_s.arg(displayName, login);
}

Accounts::Accounts(RecordStore &record, QString station)
    : m_record(record)
    , m_station(std::move(station))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{ }

RecordEvent Accounts::event(const std::optional<User> &actor, const QString &kind) const
{
    RecordEvent entry;
    entry.time = m_now();
    entry.station = m_station;
    if (actor) {
        entry.operatorName = actor->login;
        entry.role = roleName(actor->role);
    }
    entry.kind = kind;
    return entry;
}

Result<User> Accounts::refused(const QString &target, const QString &how, const Text &why)
{
    RecordEvent entry = event(std::nullopt, u"sign-in-refused"_s);
    entry.target = target;
    entry.detail = u"%1: %2"_s.arg(how, why.english());
    if (auto logged = m_record.logEvent(entry, RecordSync::Durable); !logged)
        return fail(logged.error());
    return fail(ErrorCode::SignInRefused, why);
}

Result<User> Accounts::checkSecret(const UserRow &row, bool secretOk, const QString &how)
{
    const QDateTime now = m_now();
    if (!row.active) {
        return refused(
            row.login, how, Tr::tr("This account is deactivated. An admin can activate it again."));
    }
    if (row.lockedUntil.isValid() && row.lockedUntil > now) {
        return refused(row.login,
            how,
            Tr::tr("This account is locked after %1 wrong attempts until %2 UTC. An admin can "
                   "unlock it sooner.")
                .arg(MaxFailedAttempts)
                .arg(row.lockedUntil.toString(u"HH:mm"_s)));
    }
    if (!secretOk) {
        const int failed = row.failedAttempts + 1;
        const bool lock = failed >= MaxFailedAttempts;
        const QDateTime until
            = lock ? now.addSecs(std::chrono::seconds(LockOutTime).count()) : QDateTime();
        RecordEvent entry = event(std::nullopt, lock ? u"user-locked"_s : u"sign-in-refused"_s);
        entry.target = row.login;
        entry.oldValue = QString::number(row.failedAttempts);
        entry.newValue = QString::number(lock ? 0 : failed);
        entry.detail = lock
            ? u"%1: %2 wrong attempts in a row, locked until %3"_s.arg(how).arg(failed).arg(
                until.toString(Qt::ISODate))
            : u"%1: wrong secret"_s.arg(how);
        if (auto saved = m_record.setSignInState(row.login, lock ? 0 : failed, until, entry);
            !saved)
            return fail(saved.error());
        if (lock) {
            return fail(ErrorCode::SignInRefused,
                Tr::tr("Wrong again: the account is now locked for %1 minutes. An admin can "
                       "unlock it sooner.")
                    .arg(qint64(LockOutTime.count())));
        }
        return fail(ErrorCode::SignInRefused,
            Tr::tr("The name or the password (or the badge or the PIN) is not right."));
    }
    const User user = userOf(row);
    RecordEvent entry = event(user, u"sign-in"_s);
    entry.target = row.login;
    entry.detail = how;
    if (auto saved = m_record.setSignInState(row.login, 0, {}, entry); !saved)
        return fail(saved.error());
    return user;
}

Result<User> Accounts::signInWithPassword(const QString &login, const QString &password)
{
    const auto row = m_record.user(login.trimmed());
    if (!row)
        return fail(row.error());
    if (!*row || (*row)->passwordHash.isEmpty()) {
        // The same work as a real check, so the time does not tell a login exists.
        (void)verifyPassword(u"$argon2id$v=19$m=65536,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$"
                             u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s,
            password);
        return refused(login.trimmed(),
            u"password"_s,
            Tr::tr("The name or the password (or the badge or the PIN) is not right."));
    }
    return checkSecret(**row, verifyPassword((*row)->passwordHash, password), u"password"_s);
}

Result<User> Accounts::signInWithBadge(const QString &badge, const QString &pin)
{
    const auto row = m_record.userByBadge(badgeKey(badge));
    if (!row)
        return fail(row.error());
    if (!*row || (*row)->pinHash.isEmpty()) {
        return refused(u"badge …%1"_s.arg(badgeKey(badge).left(8)),
            u"badge"_s,
            Tr::tr("This badge is not known at this station. An admin can add it to your "
                   "account."));
    }
    return checkSecret(**row, verifyPin((*row)->pinHash, badge, pin), u"badge"_s);
}

Result<void> Accounts::signOut(const User &user, const QString &why)
{
    RecordEvent entry = event(user, u"sign-out"_s);
    entry.target = user.login;
    entry.detail = why;
    return m_record.logEvent(entry, RecordSync::Durable);
}

Result<QList<UserRow>> Accounts::users()
{
    return m_record.users();
}

Result<bool> Accounts::needsFirstAdmin()
{
    const auto rows = m_record.users();
    if (!rows)
        return fail(rows.error());
    for (const UserRow &row : *rows) {
        if (row.active && row.role == roleName(Role::Admin))
            return false;
    }
    return true;
}

Result<User> Accounts::createFirstAdmin(const UserChange &admin, const QString &by)
{
    const auto needed = needsFirstAdmin();
    if (!needed)
        return fail(needed.error());
    if (!*needed) {
        return fail(ErrorCode::NotAllowed,
            Tr::tr("An admin exists already: sign in as that admin to add users."));
    }
    UserChange change = admin;
    change.role = Role::Admin;
    change.active = true;
    // The first admin acts for itself: the entry names it, with `by` as the reason.
    const User self {change.login.trimmed(), change.displayName.trimmed(), Role::Admin};
    if (auto saved = saveUserAs(self, change, by, true); !saved)
        return fail(saved.error());
    return self;
}

Result<void> Accounts::saveUser(const User &actor, const UserChange &change)
{
    if (!actor.may(Permission::ManageUsers))
        return fail(ErrorCode::NotAllowed, refusal(Permission::ManageUsers, actor.role));
    return saveUserAs(actor, change, {}, false);
}

Result<void> Accounts::saveUserAs(
    const User &actor, const UserChange &change, const QString &reason, bool first)
{
    const QString login = change.login.trimmed();
    if (login.isEmpty() || login.size() > 64 || login.contains(u' ')) {
        return fail(
            ErrorCode::InvalidArgument, Tr::tr("A login is 1 to 64 characters without spaces."));
    }
    for (const QChar c : login) {
        if (!c.isPrint())
            return fail(ErrorCode::InvalidArgument,
                Tr::tr("A login is 1 to 64 characters without spaces."));
    }
    const auto existing = m_record.user(login);
    if (!existing)
        return fail(existing.error());
    UserRow row = existing->value_or(UserRow {});
    const UserRow before = row;
    const bool isNew = !existing->has_value();
    if (isNew) {
        row.login = login;
    } else if (row.origin == u"plant") {
        // The account is the plant's; its lock-out is this station's own, so ending it is the
        // one change a station makes (the next copy from the plant keeps it).
        const bool onlyUnlock = change.unlock && change.password.isEmpty() && change.badge.isEmpty()
            && change.pin.isEmpty() && !change.clearPassword && !change.clearBadge
            && roleName(change.role) == row.role && change.active == row.active
            && (change.displayName.trimmed().isEmpty()
                || change.displayName.trimmed() == row.displayName);
        if (!onlyUnlock) {
            return fail(ErrorCode::NotAllowed,
                Tr::tr("%1 is an account of the plant database: change it there (sphere-station "
                       "plant user-set). At this station only its lock-out can be ended.")
                    .arg(login));
        }
        row.failedAttempts = 0;
        row.lockedUntil = {};
        RecordEvent entry = event(actor, u"user-unlock"_s);
        entry.target = login;
        entry.oldValue = describe(before);
        entry.newValue = describe(row);
        entry.reason = reason;
        entry.detail = before.lockedUntil.isValid() || before.failedAttempts > 0
            ? u"plant account unlocked at this station"_s
            : u"plant account was not locked"_s;
        return m_record.saveUser(row, entry);
    }
    row.displayName
        = change.displayName.trimmed().isEmpty() ? row.displayName : change.displayName.trimmed();
    if (row.displayName.isEmpty())
        row.displayName = login;
    row.role = roleName(change.role);
    row.active = change.active;
    if (change.clearPassword)
        row.passwordHash.clear();
    if (!change.password.isEmpty()) {
        if (const Text problem = passwordProblem(change.password); !problem.isEmpty())
            return fail(ErrorCode::InvalidArgument, problem);
        const auto hash = hashPassword(change.password);
        if (!hash)
            return fail(hash.error());
        row.passwordHash = *hash;
    }
    if (change.clearBadge) {
        row.badgeKey.clear();
        row.pinHash.clear();
    }
    if (!change.badge.isEmpty()) {
        if (const Text problem = badgeProblem(change.badge); !problem.isEmpty())
            return fail(ErrorCode::InvalidArgument, problem);
        if (const Text problem = pinProblem(change.pin); !problem.isEmpty())
            return fail(ErrorCode::InvalidArgument, problem);
        const auto other = m_record.userByBadge(badgeKey(change.badge));
        if (!other)
            return fail(other.error());
        if (*other && (*other)->login.compare(login, Qt::CaseInsensitive) != 0) {
            return fail(ErrorCode::InvalidArgument,
                Tr::tr("This badge belongs to %1 already.").arg((*other)->login));
        }
        const auto hash = hashPin(change.badge, change.pin);
        if (!hash)
            return fail(hash.error());
        row.badgeKey = badgeKey(change.badge);
        row.pinHash = *hash;
    } else if (!change.pin.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, Tr::tr("A PIN is set together with its badge."));
    }
    if (row.passwordHash.isEmpty() && row.pinHash.isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("%1 needs a password, or a badge and a PIN, to sign in.").arg(login));
    }
    if (change.unlock) {
        row.failedAttempts = 0;
        row.lockedUntil = {};
    }
    row.updated = m_now();
    if (!first && before.active && before.role == roleName(Role::Admin)
        && (!row.active || row.role != roleName(Role::Admin))) {
        const auto needed = [&]() -> Result<bool> {
            const auto rows = m_record.users();
            if (!rows)
                return fail(rows.error());
            for (const UserRow &other : *rows) {
                if (other.active && other.role == roleName(Role::Admin)
                    && other.login.compare(login, Qt::CaseInsensitive) != 0)
                    return false;
            }
            return true;
        }();
        if (!needed)
            return fail(needed.error());
        if (*needed) {
            return fail(ErrorCode::NotAllowed,
                Tr::tr("%1 is the last active admin: make another admin first.").arg(login));
        }
    }
    RecordEvent entry = event(actor, isNew ? u"user-add"_s : u"user-change"_s);
    entry.target = login;
    entry.oldValue = isNew ? QString() : describe(before);
    entry.newValue = describe(row);
    entry.reason = reason;
    QStringList changed;
    if (!change.password.isEmpty())
        changed << u"password set"_s;
    if (!change.badge.isEmpty())
        changed << u"badge and PIN set"_s;
    if (change.unlock && before.lockedUntil.isValid())
        changed << u"unlocked"_s;
    entry.detail = changed.join(u", "_s);
    return m_record.saveUser(row, entry);
}

Result<std::optional<RecipeApproval>> Accounts::approval(const QString &sha256)
{
    return m_record.recipeApproval(sha256);
}

Result<void> Accounts::approveRecipe(const User &actor,
    const QString &sha256,
    const QString &recipeName,
    const QString &recipeVersion,
    const QString &reason)
{
    if (!actor.may(Permission::ApproveRecipe))
        return fail(ErrorCode::NotAllowed, refusal(Permission::ApproveRecipe, actor.role));
    if (reason.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("An approval needs a reason (for example the change request it belongs to)."));
    }
    RecipeApproval approval;
    approval.sha256 = sha256;
    approval.recipeName = recipeName;
    approval.recipeVersion = recipeVersion;
    approval.approvedBy = actor.login;
    approval.approvedRole = roleName(actor.role);
    approval.approved = m_now();
    approval.reason = reason.trimmed();
    RecordEvent entry = event(actor, u"recipe-approve"_s);
    entry.target = u"%1 %2"_s.arg(recipeName, recipeVersion).trimmed();
    entry.newValue = u"sha256 %1"_s.arg(sha256.toLower());
    entry.reason = approval.reason;
    return m_record.approveRecipe(approval, entry);
}

Result<void> Accounts::audit(const std::optional<User> &actor,
    const QString &kind,
    const QString &target,
    const QString &oldValue,
    const QString &newValue,
    const QString &reason,
    int fixture)
{
    RecordEvent entry = event(actor, kind);
    entry.target = target;
    entry.oldValue = oldValue;
    entry.newValue = newValue;
    entry.reason = reason;
    entry.fixture = fixture;
    return m_record.logEvent(entry, RecordSync::Durable);
}

Result<QString> Accounts::auditExport(
    const std::optional<User> &actor, const QStringList &files, const QString &what)
{
    const auto head = m_record.auditHead();
    if (!head)
        return fail(head.error());
    QStringList hashes;
    for (const QString &path : files) {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
            hashes << u"%1: unreadable"_s.arg(QFileInfo(path).fileName());
            continue;
        }
        hashes << u"%1 sha256 %2"_s.arg(
            QFileInfo(path).fileName(), QString::fromLatin1(hash.result().toHex()));
    }
    const QString madeAt = u"made at audit entry #%1 sha256 %2"_s.arg(head->seq).arg(head->hash);
    RecordEvent entry = event(actor, u"export"_s);
    entry.target = files.join(u"; "_s);
    entry.newValue = hashes.join(u"; "_s);
    entry.detail = u"%1, %2"_s.arg(what, madeAt);
    if (auto logged = m_record.logEvent(entry, RecordSync::Durable); !logged)
        return fail(logged.error());
    return madeAt;
}

} // namespace Station::Auth
