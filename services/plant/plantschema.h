#pragma once

#include <QSqlDatabase>
#include <QString>

#include <tl/expected.hpp>

class QSqlError;

// The plant database (issue #14): one PostgreSQL that every station delivers its record into.
// This is its versioned schema, its roles and the connection to it through Qt's QPSQL driver.
// Delivery is the relay (relay.h); the user accounts are plantusers.h.
namespace Station::Plant {

// The roles every plant database has (roles are cluster-wide; init creates the missing ones).
// Owner: owns the schema and its tables; migrations run as it (SET ROLE). Station: a group role;
// each station logs in as its own member role, registered in plant.stations, and may insert and
// update (and read back) only rows of its own station ID. Quality: a group role that reads.
inline constexpr char16_t OwnerRole[] = u"plant_owner";
inline constexpr char16_t StationRole[] = u"plant_station";
inline constexpr char16_t QualityRole[] = u"plant_quality";

// What went wrong, in the kinds a person acts on differently.
enum class Failure {
    DriverMissing,         // Qt's PostgreSQL driver (libqt6sql6-psql) is not installed
    BadConnectionString,   // the conninfo is not one the station accepts
    Unreachable,           // no server answers at the address (down, wrong host/port, network)
    AuthenticationFailed,  // the server refused the login (password, pg_hba.conf, no such role)
    InsufficientPrivilege, // the login may not do this (e.g. a station login running migrate)
    SchemaTooNew,          // the server's schema is newer than this station understands
    NotInitialized,        // no plant schema in this database: run `plant init`
    AlreadyInitialized,    // init on a database that has the plant schema: run `plant migrate`
    Database,              // anything else the server or the driver reported
};

struct Problem
{
    Failure failure = Failure::Database;
    QString message; // one plain English sentence or two, with the remedy
    QString detail;  // the server's or driver's own text
};

template <typename T = void> using PlantResult = tl::expected<T, Problem>;

// The schema version this station writes and understands (the last migration).
int latestVersion();

// An open connection to the plant database, removed again when this object goes.
// Used on the thread that opened it only.
class Connection final
{
public:
    Connection();
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Opens `conninfo`: libpq key=value pairs ("host=db.plant port=5432 dbname=plant
    // sslmode=verify-full") or "service=NAME" (pg_service.conf). The password comes only from
    // libpq's own places (.pgpass, PGPASSFILE, a service file): a conninfo naming a password
    // is refused, so it never stands on a command line.
    // `options` are libpq keywords put before the conninfo (which wins on a repeated key);
    // empty: a connect_timeout of 10 s.
    [[nodiscard]] PlantResult<void> open(const QString &conninfo, const QString &options = {});
    QSqlDatabase database() const;
    QString name() const { return m_name; }

private:
    QString m_name;
};

// The schema version on the server: 0 when the database has no plant schema.
[[nodiscard]] PlantResult<int> serverVersion(QSqlDatabase &db);
// SchemaTooNew when `version` is newer than this station's latestVersion().
[[nodiscard]] PlantResult<void> checkUnderstood(int version);
// On a database without the plant schema: creates the missing roles, the schema (owned by
// the owner role, which the connected login joins) and applies every migration. Needs a login
// that may create roles and schemas (a superuser or CREATEROLE + CREATE on the database).
// `upTo` > 0 stops after that schema version (a server as an older station release left it).
[[nodiscard]] PlantResult<void> init(QSqlDatabase &db, int upTo = 0);
// Applies the migrations the server lacks, each in its own transaction (under an advisory lock,
// so two stations migrating at once apply each migration once). Returns how many it applied.
// `upTo` > 0 stops after that schema version.
[[nodiscard]] PlantResult<int> migrate(QSqlDatabase &db, int upTo = 0);

// Registers a station (IT, as a superuser or a login with CREATEROLE that may insert into
// plant.stations): creates the login role `login` (LOGIN, member of plant_station, without a
// password: set it with psql's \\password, which never sends it in clear) unless it exists, and
// records that `stationId` writes as it. Registering the same pair again updates the line and
// description; a station ID or login already registered with another partner is refused.
[[nodiscard]] PlantResult<void> registerStation(QSqlDatabase &db,
    const QString &stationId,
    const QString &login,
    const QString &line,
    const QString &description);

// The failure kind of a server error (SQLSTATE first, then the libpq text for connections).
Problem problemFrom(const QSqlError &error, const QString &what);

} // namespace Station::Plant
