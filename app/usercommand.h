#pragma once

class QCoreApplication;
class QCommandLineParser;
class QString;

namespace Station {

// `sphere-station user first-admin|add|set|list --record FILE ...`: the users who may sign in
// at this station (docs/roles.md). Secrets are read from standard input (one per line; without
// echo when it is a terminal), never from the command line. add and set act as an admin
// (--admin LOGIN, whose password is the first line). Exit 0 on success, 1 when refused, 2 for a
// usage error.
int runUserCommand(QCoreApplication &app, QCommandLineParser &parser);

// `sphere-station audit verify|show --record FILE`: checks the audit trail's chain and names the
// first broken link (exit 1), or prints the newest entries.
// With --plant CONNINFO --station ID, verify also compares the record with the plant
// database's copy of the station's entries (the anchor) and names entries removed from the
// record (exit 1), and says how many entries are not delivered yet.
int runAuditCommand(QCoreApplication &app, QCommandLineParser &parser);

// `sphere-station plant users|user-add|user-set --connection CONNINFO ...`: the plant's user
// accounts (docs/plant.md), which sign in at every station; as a login in the role plant_owner.
// The options of `user add|set` (the plant command has --login already); secrets come from
// standard input as there. Exit 0 on success, 1 when refused, 2 for a usage error.
void addPlantUserOptions(QCommandLineParser &parser);
int runPlantUserAction(QCommandLineParser &parser, const QString &action);

} // namespace Station
