#include "app/usercommand.h"

#include "services/auth/accounts.h"
#include "services/auth/credentials.h"
#include "services/plant/plantaudit.h"
#include "services/plant/plantschema.h"
#include "services/plant/plantusers.h"
#include "services/records/audittrail.h"
#include "services/records/recordstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

constexpr int ExitRefused = 1;
constexpr int ExitUsage = 2;

void print(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

int complain(const QString &command, const QString &message, int code = ExitUsage)
{
    std::fputs(qPrintable(u"sphere-station %1: %2\n"_s.arg(command, message)), stderr);
    std::fflush(stderr);
    return code;
}

// One line of standard input; on a terminal the prompt is shown and the typing is not echoed.
QString readSecret(const QString &prompt)
{
    const bool terminal = isatty(STDIN_FILENO) != 0;
    termios saved {};
    if (terminal) {
        std::fputs(qPrintable(prompt + u": "_s), stderr);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    static QTextStream in(stdin);
    const QString line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    return line;
}

QString describe(const UserRow &row)
{
    QString how;
    if (!row.passwordHash.isEmpty())
        how += u" password"_s;
    if (!row.badgeKey.isEmpty())
        how += u" badge+PIN"_s;
    QString state = row.active ? u"active"_s : u"inactive"_s;
    if (row.lockedUntil.isValid() && row.lockedUntil > QDateTime::currentDateTimeUtc())
        state += u", locked until %1"_s.arg(row.lockedUntil.toString(Qt::ISODate));
    return u"%1\t%2\t%3\t%4\t%5\t%6"_s.arg(
        row.login, row.role, row.displayName, state, how.trimmed(), row.origin);
}

QString loginProblem(const QString &login)
{
    bool printable = true;
    for (const QChar c : login)
        printable = printable && c.isPrint();
    if (login.isEmpty() || login.size() > 64 || login.contains(u' ') || !printable)
        return u"a login is 1 to 64 characters without spaces"_s;
    return {};
}

QString describe(const Plant::PlantUser &user)
{
    QString how;
    if (!user.passwordHash.isEmpty())
        how += u" password"_s;
    if (!user.badgeKey.isEmpty())
        how += u" badge+PIN"_s;
    return u"%1\t%2\t%3\t%4\t%5\t%6 by %7"_s.arg(user.login,
        user.role,
        user.displayName,
        user.active ? u"active"_s : u"inactive"_s,
        how.trimmed(),
        user.updated.toString(Qt::ISODate),
        user.updatedBy);
}

int complainPlant(const QString &command, const Plant::Problem &problem)
{
    QString message = problem.message;
    if (!problem.detail.isEmpty())
        message += u"\n  (%1)"_s.arg(problem.detail.trimmed());
    const bool usage = problem.failure == Plant::Failure::BadConnectionString
        || problem.failure == Plant::Failure::NotInitialized
        || problem.failure == Plant::Failure::SchemaTooNew;
    return complain(command, message, usage ? ExitUsage : ExitRefused);
}

} // namespace

int runUserCommand(QCoreApplication &app, QCommandLineParser &parser)
{
    const QString command = u"user"_s;
    parser.addPositionalArgument(u"user"_s, u"The users who may sign in (docs/roles.md)."_s);
    parser.addPositionalArgument(u"action"_s,
        u"first-admin: create the first admin (only while the record has none); add, set: add "
        "or change a user, as an admin (--admin LOGIN); list: show the users."_s);
    parser.addOption({u"record"_s, u"The station's record (SQLite)."_s, u"file"_s});
    parser.addOption({u"station"_s, u"The station's name in the audit trail."_s, u"name"_s});
    parser.addOption({u"admin"_s,
        u"add, set: act as this admin; the first line of standard input is its password."_s,
        u"login"_s});
    parser.addOption({u"login"_s, u"The user's login."_s, u"login"_s});
    parser.addOption({u"name"_s, u"The user's full name."_s, u"name"_s});
    parser.addOption(
        {u"role"_s, u"operator, technician, quality, engineer or admin."_s, u"role"_s});
    parser.addOption(
        {u"password"_s, u"Set a password: read as the next line of standard input."_s});
    parser.addOption({u"badge"_s,
        u"Set the badge (as the scanner reads it) and its PIN (the next line of standard "
        "input)."_s,
        u"badge"_s});
    parser.addOption({u"deactivate"_s, u"set: the user can no longer sign in."_s});
    parser.addOption({u"activate"_s, u"set: the user can sign in again."_s});
    parser.addOption({u"unlock"_s, u"set: end a lock-out after wrong attempts."_s});
    parser.process(app);

    const QStringList actions {u"first-admin"_s, u"add"_s, u"set"_s, u"list"_s};
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || !actions.contains(positional.at(1)))
        return complain(command, u"give one action: %1"_s.arg(actions.join(u", "_s)));
    const QString action = positional.at(1);
    const QString recordPath = parser.value(u"record"_s);
    if (recordPath.isEmpty())
        return complain(command, u"give the station's record with --record FILE"_s);
    if (action != u"first-admin"_s && !QFileInfo(recordPath).isFile())
        return complain(command, u"no record at %1"_s.arg(recordPath));
    if (!Auth::available())
        return complain(command, u"libsodium did not initialise"_s, ExitRefused);

    RecordStore record;
    if (auto opened = record.open(recordPath); !opened)
        return complain(command, opened.error().message, ExitRefused);
    const QString station
        = parser.value(u"station"_s).isEmpty() ? u"command"_s : parser.value(u"station"_s);
    Auth::Accounts accounts(record, station);

    if (action == u"list"_s) {
        const auto rows = accounts.users();
        if (!rows)
            return complain(command, rows.error().message, ExitRefused);
        print(u"login\trole\tname\tstate\tsign-in\torigin"_s);
        for (const UserRow &row : *rows)
            print(describe(row));
        return 0;
    }

    const QString login = parser.value(u"login"_s).trimmed();
    if (login.isEmpty())
        return complain(command, u"give the user's --login"_s);

    std::optional<Auth::User> actor;
    if (action != u"first-admin"_s) {
        if (!parser.isSet(u"admin"_s))
            return complain(command, u"%1 acts as an admin: give --admin LOGIN"_s.arg(action));
        const auto admin = accounts.signInWithPassword(parser.value(u"admin"_s),
            readSecret(u"Password of %1"_s.arg(parser.value(u"admin"_s))));
        if (!admin)
            return complain(command, admin.error().message, ExitRefused);
        actor = *admin;
    }

    Auth::UserChange change;
    change.login = login;
    change.displayName = parser.value(u"name"_s);
    std::optional<UserRow> existing;
    if (const auto found = record.user(login); found && *found)
        existing = **found;
    if (existing) {
        change.role = Auth::roleFromName(existing->role).value_or(Auth::Role::Operator);
        change.active = existing->active;
    }
    if (parser.isSet(u"role"_s)) {
        const auto role = Auth::roleFromName(parser.value(u"role"_s));
        if (!role) {
            return complain(command,
                u"unknown role '%1': give operator, technician, quality, engineer or admin"_s.arg(
                    parser.value(u"role"_s)));
        }
        change.role = *role;
    } else if (action == u"add"_s) {
        return complain(command, u"add needs --role"_s);
    }
    if (action == u"add"_s && existing)
        return complain(command, u"%1 exists already: use set"_s.arg(login), ExitRefused);
    if (action == u"set"_s && !existing)
        return complain(command, u"no user %1: use add"_s.arg(login), ExitRefused);
    if (parser.isSet(u"deactivate"_s))
        change.active = false;
    if (parser.isSet(u"activate"_s))
        change.active = true;
    change.unlock = parser.isSet(u"unlock"_s);
    if (parser.isSet(u"password"_s) || action == u"first-admin"_s)
        change.password = readSecret(u"Password of %1"_s.arg(login));
    if (parser.isSet(u"badge"_s)) {
        change.badge = parser.value(u"badge"_s);
        change.pin = readSecret(u"PIN of %1"_s.arg(login));
    }

    if (action == u"first-admin"_s) {
        const auto admin = accounts.createFirstAdmin(change, u"command"_s);
        if (!admin)
            return complain(command, admin.error().message, ExitRefused);
        print(u"%1 is the first admin of this record."_s.arg(admin->login));
        return 0;
    }
    if (auto saved = accounts.saveUser(*actor, change); !saved)
        return complain(command, saved.error().message, ExitRefused);
    const auto row = record.user(login);
    if (row && *row)
        print(describe(**row));
    return 0;
}

int runAuditCommand(QCoreApplication &app, QCommandLineParser &parser)
{
    const QString command = u"audit"_s;
    parser.addPositionalArgument(u"audit"_s, u"The audit trail (docs/roles.md)."_s);
    parser.addPositionalArgument(u"action"_s,
        u"verify: check every link of the chain and name the first broken one; show: print the "
        "newest entries."_s);
    parser.addOption({u"record"_s, u"The station's record (SQLite)."_s, u"file"_s});
    parser.addOption({u"last"_s, u"show: how many entries (default 50)."_s, u"n"_s, u"50"_s});
    parser.addOption({u"plant"_s,
        u"verify: also compare with the plant database's copy of the station's entries (libpq "
        "key=value pairs or service=NAME; a quality login, the station's own, or the owner)."_s,
        u"conninfo"_s});
    parser.addOption({u"station"_s,
        u"verify --plant: the station ID the plant database knows this record's station by."_s,
        u"id"_s});
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2
        || (positional.at(1) != u"verify"_s && positional.at(1) != u"show"_s))
        return complain(command, u"give one action: verify or show"_s);
    const QString recordPath = parser.value(u"record"_s);
    if (recordPath.isEmpty() || !QFileInfo(recordPath).isFile())
        return complain(command, u"give the station's record with --record FILE"_s);
    const bool withPlant = parser.isSet(u"plant"_s);
    if (withPlant && positional.at(1) != u"verify"_s)
        return complain(command, u"--plant is for verify"_s);
    const QString stationId = parser.value(u"station"_s).trimmed();
    if (withPlant && stationId.isEmpty())
        return complain(command, u"verify --plant needs the station's ID: --station ID"_s);

    if (positional.at(1) == u"show"_s) {
        bool ok = false;
        const int last = parser.value(u"last"_s).toInt(&ok);
        if (!ok || last < 1)
            return complain(command, u"--last takes a positive number"_s);
        const auto entries = Audit::lastEntries(recordPath, last);
        if (!entries)
            return complain(command, entries.error().message, ExitRefused);
        for (const Audit::Entry &e : *entries) {
            QString line = u"#%1 %2 %3 %4%5 %6"_s.arg(QString::number(e.seq),
                e.timeUtc,
                e.station,
                e.user.isEmpty() ? u"(station)"_s : e.user,
                e.role.isEmpty() ? QString() : u"/"_s + e.role,
                e.action);
            if (e.fixture > 0)
                line += u" fixture %1"_s.arg(e.fixture);
            if (!e.target.isEmpty())
                line += u" target=%1"_s.arg(e.target);
            if (!e.oldValue.isEmpty() || !e.newValue.isEmpty())
                line += u" [%1 -> %2]"_s.arg(e.oldValue, e.newValue);
            if (!e.reason.isEmpty())
                line += u" reason=\"%1\""_s.arg(e.reason);
            if (!e.detail.isEmpty())
                line += u" (%1)"_s.arg(e.detail);
            print(line);
        }
        return 0;
    }

    const auto result = Audit::verifyFile(recordPath);
    if (!result)
        return complain(command, result.error().message, ExitRefused);
    int code = 0;
    if (!result->ok()) {
        print(u"audit: BROKEN at entry %1: %2. %3 entries checked before it."_s.arg(
            QString::number(result->firstBroken),
            result->problem,
            QString::number(result->headSeq)));
        if (!withPlant)
            return ExitRefused;
        code = ExitRefused;
    } else {
        print(u"audit: the chain holds: %1 entries, head #%2 sha256 %3"_s.arg(
            QString::number(result->entries), QString::number(result->headSeq), result->headHash));
    }
    if (result->unchained > 0)
        print(u"audit: %1 event(s) from before the audit trail (record schema 6) are not "
              "chained"_s.arg(result->unchained));
    if (!withPlant)
        return code;

    // The anchor: the plant's copy of this station's entries.
    Plant::Connection connection;
    if (auto opened = connection.open(parser.value(u"plant"_s)); !opened)
        return complainPlant(command, opened.error());
    QSqlDatabase db = connection.database();
    const auto anchor = Plant::checkAnchor(recordPath, db, stationId);
    if (!anchor)
        return complainPlant(command, anchor.error());
    if (anchor->plantEntries == 0)
        print(u"audit: the plant holds no chained entries of station %1"_s.arg(stationId));
    else if (anchor->ok())
        print(u"audit: the plant holds %1 entries of station %2, up to #%3: each equals the "
              "record's"_s.arg(QString::number(anchor->plantEntries),
                  stationId,
                  QString::number(anchor->plantHead)));
    if (anchor->newestRemoved()) {
        print(u"audit: BROKEN: entries after #%1 were removed from the record: the plant holds "
              "up to #%2"_s.arg(
                  QString::number(anchor->recordHead), QString::number(anchor->plantHead)));
        code = ExitRefused;
    }
    if (anchor->firstMissing > 0) {
        print(u"audit: BROKEN: entry #%1 was removed from the record: the plant holds it"_s.arg(
            QString::number(anchor->firstMissing)));
        code = ExitRefused;
    }
    if (anchor->firstDifferent > 0) {
        print(u"audit: BROKEN: entry #%1 differs from the plant's copy (record sha256 %2, plant "
              "sha256 %3)"_s.arg(
                  QString::number(anchor->firstDifferent), anchor->recordHash, anchor->plantHash));
        code = ExitRefused;
    }
    if (anchor->undelivered == 0)
        print(u"audit: every entry of the record is in the plant"_s);
    else
        print(u"audit: %1 of the record %2 not in the plant yet (delivery is "
              "store-and-forward)"_s.arg(anchor->undelivered == 1
                      ? u"1 entry"_s
                      : u"%1 entries"_s.arg(QString::number(anchor->undelivered)),
                  anchor->undelivered == 1 ? u"is"_s : u"are"_s));
    return code;
}

void addPlantUserOptions(QCommandLineParser &parser)
{
    parser.addOption({u"name"_s, u"user-add, user-set: the user's full name."_s, u"name"_s});
    parser.addOption({u"role"_s,
        u"user-add, user-set: operator, technician, quality, engineer or admin."_s,
        u"role"_s});
    parser.addOption({u"password"_s,
        u"user-add, user-set: set a password, read as the next line of standard input."_s});
    parser.addOption({u"badge"_s,
        u"user-add, user-set: set the badge (as the scanner reads it) and its PIN (the next line "
        "of standard input)."_s,
        u"badge"_s});
    parser.addOption({u"deactivate"_s, u"user-set: the user can no longer sign in anywhere."_s});
    parser.addOption({u"activate"_s, u"user-set: the user can sign in again."_s});
}

int runPlantUserAction(QCommandLineParser &parser, const QString &action)
{
    const QString command = u"plant %1"_s.arg(action);
    if (!Auth::available())
        return complain(command, u"libsodium did not initialise"_s, ExitRefused);
    const bool add = action == u"user-add"_s;
    QString login;
    if (action != u"users"_s) {
        login = parser.value(u"login"_s).trimmed();
        if (const QString problem = loginProblem(login); !problem.isEmpty())
            return complain(command, u"give the user's --login: %1"_s.arg(problem));
        if (add && !parser.isSet(u"role"_s))
            return complain(command, u"user-add needs --role"_s);
        if (parser.isSet(u"deactivate"_s) && parser.isSet(u"activate"_s))
            return complain(command, u"give --deactivate or --activate, not both"_s);
    }
    std::optional<Auth::Role> role;
    if (parser.isSet(u"role"_s)) {
        role = Auth::roleFromName(parser.value(u"role"_s));
        if (!role)
            return complain(command,
                u"unknown role '%1': give operator, technician, quality, engineer or admin"_s.arg(
                    parser.value(u"role"_s)));
    }

    Plant::Connection connection;
    if (auto opened = connection.open(parser.value(u"connection"_s)); !opened)
        return complainPlant(command, opened.error());
    QSqlDatabase db = connection.database();
    const auto version = Plant::serverVersion(db);
    if (!version)
        return complainPlant(command, version.error());
    if (*version < 6)
        return complain(command,
            u"the plant database has schema %1 and keeps no user accounts before schema 6: run "
            "plant migrate first"_s.arg(*version));

    if (action == u"users"_s) {
        const auto users = Plant::readUsers(db);
        if (!users)
            return complainPlant(command, users.error());
        print(u"login\trole\tname\tstate\tsign-in\tchanged"_s);
        for (const Plant::PlantUser &user : *users)
            print(describe(user));
        return 0;
    }

    const auto existing = Plant::readUser(db, login);
    if (!existing)
        return complainPlant(command, existing.error());
    if (add && *existing)
        return complain(command,
            u"%1 exists already in the plant database: use user-set"_s.arg((*existing)->login),
            ExitRefused);
    if (!add && !*existing)
        return complain(
            command, u"the plant database has no user %1: use user-add"_s.arg(login), ExitRefused);
    Plant::PlantUser user = existing->value_or(Plant::PlantUser {});
    if (add)
        user.login = login;
    if (parser.isSet(u"name"_s))
        user.displayName = parser.value(u"name"_s).trimmed();
    if (user.displayName.isEmpty())
        user.displayName = user.login;
    if (role)
        user.role = Auth::roleName(*role);
    if (parser.isSet(u"deactivate"_s))
        user.active = false;
    if (parser.isSet(u"activate"_s))
        user.active = true;
    // Secrets: standard input, one per line, in the order password, PIN.
    if (parser.isSet(u"password"_s)) {
        const QString password = readSecret(u"Password of %1"_s.arg(user.login));
        if (const Text problem = Auth::passwordProblem(password); !problem.isEmpty())
            return complain(command, problem);
        const auto hash = Auth::hashPassword(password);
        if (!hash)
            return complain(command, hash.error().message, ExitRefused);
        user.passwordHash = *hash;
    }
    if (parser.isSet(u"badge"_s)) {
        const QString badge = parser.value(u"badge"_s);
        if (const Text problem = Auth::badgeProblem(badge); !problem.isEmpty())
            return complain(command, problem);
        const QString pin = readSecret(u"PIN of %1"_s.arg(user.login));
        if (const Text problem = Auth::pinProblem(pin); !problem.isEmpty())
            return complain(command, problem);
        const auto hash = Auth::hashPin(badge, pin);
        if (!hash)
            return complain(command, hash.error().message, ExitRefused);
        user.badgeKey = Auth::badgeKey(badge);
        user.pinHash = *hash;
    }
    if (user.passwordHash.isEmpty() && user.pinHash.isEmpty())
        return complain(command,
            u"%1 needs a password (--password), or a badge and a PIN (--badge), to sign in"_s.arg(
                user.login));
    if (auto saved = Plant::saveUser(db, user, add); !saved)
        return complainPlant(command, saved.error());
    if (const auto row = Plant::readUser(db, user.login); row && *row)
        print(describe(**row));
    return 0;
}

} // namespace Station
