#include "app/plantcommand.h"

#include "app/usercommand.h"
#include "services/plant/plantschema.h"
#include "services/plant/relay.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

constexpr int ExitFailed = 1;
constexpr int ExitUsage = 2;

void print(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

int complain(const QString &message, int code = ExitUsage)
{
    std::fputs(qPrintable(u"sphere-station plant: "_s + message + u'\n'), stderr);
    std::fflush(stderr);
    return code;
}

int complain(const Plant::Problem &problem)
{
    const bool usage = problem.failure == Plant::Failure::SchemaTooNew
        || problem.failure == Plant::Failure::BadConnectionString
        || problem.failure == Plant::Failure::NotInitialized
        || problem.failure == Plant::Failure::AlreadyInitialized;
    QString message = problem.message;
    if (!problem.detail.isEmpty())
        message += u"\n  (%1)"_s.arg(problem.detail.trimmed());
    return complain(message, usage ? ExitUsage : ExitFailed);
}

int deadLetters(QCommandLineParser &parser)
{
    if (!parser.isSet(u"record"_s))
        return complain(u"dead-letters needs --record FILE"_s);
    const QString record = parser.value(u"record"_s);
    if (parser.isSet(u"retry"_s)) {
        auto moved = Plant::requeueDeadLetters(record);
        if (!moved)
            return complain(moved.error());
        print(u"%1 dead letter(s) put back into the outbox: the station delivers them when it "
              "runs (or run plant deliver)."_s.arg(*moved));
        return 0;
    }
    auto letters = Plant::readDeadLetters(record);
    if (!letters)
        return complain(letters.error());
    if (letters->isEmpty()) {
        print(u"No dead letters: the plant refused nothing."_s);
        return 0;
    }
    for (const Plant::DeadLetter &letter : *letters)
        print(u"%1  %2 %3 (%4)  refused %5  [%6] %7"_s.arg(letter.queued.toString(Qt::ISODate),
            letter.kind,
            QString::number(letter.itemId),
            letter.summary,
            letter.failed.toString(Qt::ISODate),
            letter.sqlState,
            letter.error));
    print(
        u"%1 dead letter(s). After fixing the cause: plant dead-letters --record ... --retry"_s.arg(
            letters->size()));
    return ExitFailed;
}

// Runs a relay until the record's outbox is empty (a station PC that stays off, a record
// copied from a retired one, the end of a soak).
int deliver(QCoreApplication &app, QCommandLineParser &parser)
{
    if (!parser.isSet(u"record"_s) || !parser.isSet(u"station"_s))
        return complain(u"deliver needs --record FILE and --station ID"_s);
    bool ok = false;
    const int timeout = parser.value(u"timeout"_s).toInt(&ok);
    if (!ok || timeout < 1)
        return complain(u"--timeout takes a number of seconds"_s);
    if (!QFileInfo(parser.value(u"record"_s)).isFile())
        return complain(u"no record at %1"_s.arg(parser.value(u"record"_s)));
    Plant::RelayOptions options;
    options.recordPath = parser.value(u"record"_s);
    options.conninfo = parser.value(u"connection"_s);
    options.stationId = parser.value(u"station"_s);
    options.pausedRecheck = std::chrono::seconds(5);
    Plant::Relay relay(options);
    int code = ExitFailed;
    QObject::connect(
        &relay, &Plant::Relay::statusChanged, &app, [&](const Plant::DeliveryStatus &status) {
            if (status.state == Plant::DeliveryStatus::State::UpToDate
                && status.itemsWaiting == 0) {
                code = status.deadLetters == 0 ? 0 : ExitFailed;
                app.quit();
            } else if (status.state == Plant::DeliveryStatus::State::Paused) {
                code = ExitUsage;
                app.quit();
            }
        });
    QTimer::singleShot(std::chrono::seconds(timeout), &app, &QCoreApplication::quit);
    relay.start();
    app.exec();
    print(Plant::describe(relay.status()));
    relay.stop();
    return code;
}

} // namespace

int runPlantCommand(QCoreApplication &app, QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"plant"_s, u"The plant database (PostgreSQL)."_s);
    parser.addPositionalArgument(u"action"_s,
        u"init: create the roles and the schema on an empty database; migrate: apply the "
        "missing migrations; status: show the schema version; register-station: let a station "
        "login deliver; deliver: send a record's undelivered rows now; dead-letters: list (or "
        "--retry) the rows the plant refused; users, user-add, user-set: the user accounts that "
        "sign in at every station."_s);
    parser.addOption({u"connection"_s,
        u"libpq key=value pairs (host=... port=... dbname=... user=... sslmode=...) or "
        "service=NAME. The password comes from .pgpass, PGPASSFILE or the service file, never "
        "from the command line."_s,
        u"conninfo"_s});
    parser.addOption({u"station"_s, u"register-station, deliver: the station ID."_s, u"id"_s});
    parser.addOption({u"login"_s,
        u"register-station: the station's PostgreSQL login; user-add, user-set: the user's "
        "login."_s,
        u"login"_s});
    parser.addOption({u"line"_s, u"register-station: the production line."_s, u"line"_s});
    parser.addOption({u"description"_s, u"register-station: a description."_s, u"text"_s});
    parser.addOption({u"record"_s, u"deliver, dead-letters: the station's record."_s, u"file"_s});
    parser.addOption({u"timeout"_s,
        u"deliver: give up after this many seconds (default 600)."_s,
        u"seconds"_s,
        u"600"_s});
    parser.addOption({u"retry"_s, u"dead-letters: put them back into the outbox."_s});
    addPlantUserOptions(parser);
    parser.process(app);

    const QStringList actions {u"init"_s,
        u"migrate"_s,
        u"status"_s,
        u"register-station"_s,
        u"deliver"_s,
        u"dead-letters"_s,
        u"users"_s,
        u"user-add"_s,
        u"user-set"_s};
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return complain(u"give one action: %1"_s.arg(actions.join(u", "_s)));
    const QString action = positional.at(1);
    if (!actions.contains(action))
        return complain(u"unknown action '%1': give %2"_s.arg(action, actions.join(u", "_s)));
    if (action == u"dead-letters"_s)
        return deadLetters(parser);
    if (!parser.isSet(u"connection"_s))
        return complain(u"give the database with --connection \"host=... dbname=...\" or "
                        "--connection service=NAME"_s);

    if (action == u"deliver"_s)
        return deliver(app, parser);
    if (action.startsWith(u"user"_s))
        return runPlantUserAction(parser, action);

    Plant::Connection connection;
    if (Plant::PlantResult<void> opened = connection.open(parser.value(u"connection"_s)); !opened)
        return complain(opened.error());
    QSqlDatabase db = connection.database();

    if (action == u"register-station"_s) {
        if (!parser.isSet(u"station"_s) || !parser.isSet(u"login"_s))
            return complain(u"register-station needs --station ID and --login ROLE"_s);
        if (auto registered = Plant::registerStation(db,
                parser.value(u"station"_s),
                parser.value(u"login"_s),
                parser.value(u"line"_s),
                parser.value(u"description"_s));
            !registered)
            return complain(registered.error());
        print(u"Station %1 delivers as the login %2. Set its password with psql's \\password %2 "
              "(as a superuser), put it in the station's .pgpass, and give the station [plant] "
              "connection=... user=%2 and [plant] station=%1."_s.arg(
                  parser.value(u"station"_s), parser.value(u"login"_s)));
        return 0;
    }

    if (action == u"init"_s) {
        if (Plant::PlantResult<void> created = Plant::init(db); !created)
            return complain(created.error());
        print(u"The plant database is ready: schema version %1, roles plant_owner, "
              "plant_station and plant_quality."_s.arg(Plant::latestVersion()));
        return 0;
    }
    if (action == u"migrate"_s) {
        const Plant::PlantResult<int> applied = Plant::migrate(db);
        if (!applied)
            return complain(applied.error());
        if (*applied == 0)
            print(u"The plant database is up to date (schema version %1)."_s.arg(
                Plant::latestVersion()));
        else
            print(u"Applied %1 migration(s): the plant database has schema version %2."_s
                      .arg(*applied)
                      .arg(Plant::latestVersion()));
        return 0;
    }
    const Plant::PlantResult<int> version = Plant::serverVersion(db);
    if (!version)
        return complain(version.error());
    if (*version == 0) {
        print(u"The database has no plant schema (version 0): create it with plant init."_s);
        return 0;
    }
    print(u"Server schema version: %1"_s.arg(*version));
    print(u"This station's schema version: %1"_s.arg(Plant::latestVersion()));
    if (Plant::PlantResult<void> understood = Plant::checkUnderstood(*version); !understood)
        return complain(understood.error());
    if (*version < Plant::latestVersion())
        print(u"The station understands it; plant migrate brings it to version %1."_s.arg(
            Plant::latestVersion()));
    else
        print(u"The station understands it: up to date."_s);
    return 0;
}

} // namespace Station
