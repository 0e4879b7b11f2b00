#include "app/plantcommand.h"

#include "services/plant/plantschema.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSqlDatabase>

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

} // namespace

int runPlantCommand(QCoreApplication &app, QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"plant"_s, u"The plant database (PostgreSQL)."_s);
    parser.addPositionalArgument(u"action"_s,
        u"init: create the roles and the schema on an empty database; migrate: apply the "
        "missing migrations; status: show the schema version."_s);
    parser.addOption({u"connection"_s,
        u"libpq key=value pairs (host=... port=... dbname=... user=... sslmode=...) or "
        "service=NAME. The password comes from .pgpass, PGPASSFILE or the service file, never "
        "from the command line."_s,
        u"conninfo"_s});
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return complain(u"give one action: init, migrate or status"_s);
    const QString action = positional.at(1);
    if (action != u"init"_s && action != u"migrate"_s && action != u"status"_s)
        return complain(u"unknown action '%1': give init, migrate or status"_s.arg(action));
    if (!parser.isSet(u"connection"_s))
        return complain(u"give the database with --connection \"host=... dbname=...\" or "
                        "--connection service=NAME"_s);

    Plant::Connection connection;
    if (Plant::PlantResult<void> opened = connection.open(parser.value(u"connection"_s)); !opened)
        return complain(opened.error());
    QSqlDatabase db = connection.database();

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
