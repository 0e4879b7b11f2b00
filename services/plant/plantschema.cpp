#include "services/plant/plantschema.h"

#include <QAtomicInteger>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace Station::Plant {

namespace {

// How long a connection attempt may take before the server counts as unreachable. A conninfo
// that names its own connect_timeout wins (libpq takes the last value of a key).
constexpr int ConnectTimeoutS = 10;
// The advisory lock that serialises migrations of one database ("PLNT").
constexpr qint64 MigrationLock = 0x504c4e54;

struct Migration
{
    int version;
    QList<const char16_t *> statements;
};

// The ordered history of the plant schema. Never edit a released migration: append one.
// Every statement runs as the owner role, in one transaction per migration.
//
// Keys: a run is (station_id, run_uuid); the UUID is made by the station and is unique in the
// plant by itself too. Steps, commands and measurements hang below it by their sequence numbers
// in the station's record, events are (station_id, event_uuid): a resend of any row is an
// INSERT ... ON CONFLICT DO UPDATE on its key, so delivering it twice leaves one row.
// Every delivered row carries station_utc (the station's clock when it wrote the row) and
// received_at (the server's clock when it first arrived; a resend leaves it as it is).
const QList<Migration> &migrations()
{
    static const QList<Migration> list {
        {1,
            {
                uR"(CREATE TABLE plant.stations (
                    station_id text PRIMARY KEY CHECK (station_id <> ''),
                    login_role name NOT NULL UNIQUE,
                    line text NOT NULL DEFAULT '',
                    description text NOT NULL DEFAULT '',
                    registered_at timestamptz NOT NULL DEFAULT now())
                )",
                // The station ID of a login role: what the row-level security compares with.
                // SECURITY DEFINER so the stations need no access to plant.stations.
                uR"(CREATE FUNCTION plant.station_of(login name) RETURNS text
                    LANGUAGE sql STABLE SECURITY DEFINER
                    SET search_path = pg_catalog, pg_temp
                    AS $$ SELECT station_id FROM plant.stations WHERE login_role = login $$
                )",
                uR"(CREATE TABLE plant.runs (
                    station_id text NOT NULL REFERENCES plant.stations (station_id),
                    run_uuid uuid NOT NULL UNIQUE,
                    local_run_id bigint NOT NULL,
                    device_id text NOT NULL DEFAULT '',
                    serial_number text NOT NULL DEFAULT '',
                    fixture integer NOT NULL,
                    fixture_label text NOT NULL DEFAULT '',
                    connection_path text NOT NULL DEFAULT '',
                    ip_address text NOT NULL DEFAULT '',
                    recipe_name text NOT NULL DEFAULT '',
                    recipe_version text NOT NULL DEFAULT '',
                    recipe_sha256 text NOT NULL DEFAULT '',
                    recipe_path text NOT NULL DEFAULT '',
                    station text NOT NULL DEFAULT '',
                    operator text NOT NULL DEFAULT '',
                    started_utc timestamptz NOT NULL,
                    finished_utc timestamptz,
                    outcome text NOT NULL DEFAULT 'RUNNING'
                        CHECK (outcome IN ('RUNNING', 'PASS', 'FAIL', 'ABORTED', 'INTERRUPTED')),
                    failed_step text NOT NULL DEFAULT '',
                    error_code text NOT NULL DEFAULT '',
                    cause text NOT NULL DEFAULT '',
                    cause_text text NOT NULL DEFAULT '',
                    app_version text NOT NULL DEFAULT '',
                    backend text NOT NULL DEFAULT '',
                    azsphere_cli text NOT NULL DEFAULT '',
                    azsphere_path text NOT NULL DEFAULT '',
                    azsphere_version text NOT NULL DEFAULT '',
                    rf_tool_path text NOT NULL DEFAULT '',
                    rf_tool_version text NOT NULL DEFAULT '',
                    os_version text NOT NULL DEFAULT '',
                    image_ids text NOT NULL DEFAULT '',
                    manufacturing_state text NOT NULL DEFAULT '',
                    station_utc timestamptz NOT NULL,
                    received_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (station_id, run_uuid))
                )",
                uR"(CREATE TABLE plant.steps (
                    station_id text NOT NULL,
                    run_uuid uuid NOT NULL,
                    seq integer NOT NULL,
                    name text NOT NULL DEFAULT '',
                    type text NOT NULL DEFAULT '',
                    started_utc timestamptz,
                    finished_utc timestamptz,
                    outcome text NOT NULL,
                    attempts integer NOT NULL DEFAULT 0,
                    error_code text NOT NULL DEFAULT '',
                    cause text NOT NULL DEFAULT '',
                    cause_text text NOT NULL DEFAULT '',
                    remedy text NOT NULL DEFAULT '',
                    remedy_text text NOT NULL DEFAULT '',
                    note text NOT NULL DEFAULT '',
                    note_text text NOT NULL DEFAULT '',
                    data text NOT NULL DEFAULT '{}',
                    station_utc timestamptz NOT NULL,
                    received_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (station_id, run_uuid, seq),
                    FOREIGN KEY (station_id, run_uuid)
                        REFERENCES plant.runs (station_id, run_uuid) ON DELETE CASCADE)
                )",
                uR"(CREATE TABLE plant.commands (
                    station_id text NOT NULL,
                    run_uuid uuid NOT NULL,
                    step_seq integer NOT NULL,
                    seq integer NOT NULL,
                    command_line text NOT NULL DEFAULT '',
                    outcome text NOT NULL DEFAULT '',
                    exit_code integer NOT NULL DEFAULT 0,
                    stdout text NOT NULL DEFAULT '',
                    stderr text NOT NULL DEFAULT '',
                    truncated boolean NOT NULL DEFAULT false,
                    started_utc timestamptz,
                    finished_utc timestamptz,
                    station_utc timestamptz NOT NULL,
                    received_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (station_id, run_uuid, step_seq, seq),
                    FOREIGN KEY (station_id, run_uuid, step_seq)
                        REFERENCES plant.steps (station_id, run_uuid, seq) ON DELETE CASCADE)
                )",
                uR"(CREATE TABLE plant.measurements (
                    station_id text NOT NULL,
                    run_uuid uuid NOT NULL,
                    step_seq integer NOT NULL,
                    seq integer NOT NULL,
                    name text NOT NULL,
                    value double precision,
                    unit text NOT NULL DEFAULT '',
                    low double precision,
                    high double precision,
                    pass boolean NOT NULL,
                    station_utc timestamptz NOT NULL,
                    received_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (station_id, run_uuid, step_seq, seq),
                    FOREIGN KEY (station_id, run_uuid, step_seq)
                        REFERENCES plant.steps (station_id, run_uuid, seq) ON DELETE CASCADE)
                )",
                uR"(CREATE TABLE plant.events (
                    station_id text NOT NULL REFERENCES plant.stations (station_id),
                    event_uuid uuid NOT NULL UNIQUE,
                    local_event_id bigint NOT NULL,
                    time_utc timestamptz NOT NULL,
                    station text NOT NULL DEFAULT '',
                    operator text NOT NULL DEFAULT '',
                    fixture integer NOT NULL DEFAULT 0,
                    kind text NOT NULL,
                    detail text NOT NULL DEFAULT '',
                    station_utc timestamptz NOT NULL,
                    received_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (station_id, event_uuid))
                )",
                // What the server refused, kept for a person to see and retry: the item's kind
                // (runs, steps, ...), its key as text, what was sent, and why it was refused.
                uR"(CREATE TABLE plant.dead_letters (
                    station_id text NOT NULL REFERENCES plant.stations (station_id),
                    item_kind text NOT NULL,
                    item_key text NOT NULL,
                    payload text NOT NULL,
                    error text NOT NULL DEFAULT '',
                    sqlstate text NOT NULL DEFAULT '',
                    station_utc timestamptz NOT NULL,
                    received_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (station_id, item_kind, item_key))
                )",
                u"CREATE INDEX runs_started ON plant.runs (started_utc)",
                u"CREATE INDEX runs_station ON plant.runs (station_id, started_utc)",
                u"CREATE INDEX runs_device ON plant.runs (device_id, started_utc)",
                u"CREATE INDEX runs_serial ON plant.runs (serial_number)",
                u"CREATE INDEX events_time ON plant.events (time_utc)",
                // Privileges: nothing for PUBLIC; quality reads everything; a station inserts
                // and updates the delivery tables. INSERT ... ON CONFLICT DO UPDATE reads the
                // existing row, so PostgreSQL needs SELECT as well: the row-level security
                // below limits it to the station's own rows. No station may DELETE anything.
                u"REVOKE ALL ON FUNCTION plant.station_of(name) FROM PUBLIC",
                u"GRANT EXECUTE ON FUNCTION plant.station_of(name) TO plant_station, plant_quality",
                u"GRANT SELECT ON plant.stations TO plant_quality",
                uR"(GRANT SELECT, INSERT, UPDATE ON plant.runs, plant.steps, plant.commands,
                    plant.measurements, plant.events, plant.dead_letters TO plant_station)",
                uR"(GRANT SELECT ON plant.runs, plant.steps, plant.commands, plant.measurements,
                    plant.events, plant.dead_letters TO plant_quality)",
            }},
        // 2: the product and device group a run's recipe names (the hand-off to cloud
        // configuration), and conflicts found on delivery: a label that reached a second device
        // (a station that was offline could not ask the plant). A trigger that runs as the
        // owner finds them, since a station cannot see other stations' rows; quality reads them
        // and marks them resolved, nothing is merged.
        {2,
            {
                u"ALTER TABLE plant.runs ADD COLUMN product_name text NOT NULL DEFAULT ''",
                u"ALTER TABLE plant.runs ADD COLUMN device_group_name text NOT NULL DEFAULT ''",
                uR"(CREATE TABLE plant.conflicts (
                    id bigserial PRIMARY KEY,
                    kind text NOT NULL CHECK (kind IN ('label')),
                    station_id text NOT NULL,
                    run_uuid uuid NOT NULL,
                    device_id text NOT NULL DEFAULT '',
                    serial_number text NOT NULL DEFAULT '',
                    other_station_id text NOT NULL,
                    other_run_uuid uuid NOT NULL,
                    other_device_id text NOT NULL DEFAULT '',
                    found_at timestamptz NOT NULL DEFAULT now(),
                    resolved_at timestamptz,
                    resolved_by text NOT NULL DEFAULT '',
                    resolution text NOT NULL DEFAULT '',
                    UNIQUE (kind, run_uuid, other_run_uuid))
                )",
                uR"(CREATE FUNCTION plant.find_conflicts() RETURNS trigger
                    LANGUAGE plpgsql SECURITY DEFINER
                    SET search_path = pg_catalog, pg_temp
                    AS $$
                    BEGIN
                        IF NEW.serial_number <> '' AND NEW.device_id <> '' THEN
                            INSERT INTO plant.conflicts (kind, station_id, run_uuid, device_id,
                                serial_number, other_station_id, other_run_uuid, other_device_id)
                            SELECT 'label', NEW.station_id, NEW.run_uuid, NEW.device_id,
                                NEW.serial_number, r.station_id, r.run_uuid, r.device_id
                            FROM plant.runs r
                            WHERE r.serial_number = NEW.serial_number AND r.device_id <> ''
                                AND r.device_id <> NEW.device_id AND r.run_uuid <> NEW.run_uuid
                            ORDER BY r.started_utc
                            LIMIT 1
                            ON CONFLICT DO NOTHING;
                        END IF;
                        RETURN NULL;
                    END
                    $$
                )",
                uR"(CREATE TRIGGER runs_find_conflicts
                    AFTER INSERT OR UPDATE OF serial_number, device_id ON plant.runs
                    FOR EACH ROW EXECUTE FUNCTION plant.find_conflicts()
                )",
                u"REVOKE ALL ON FUNCTION plant.find_conflicts() FROM PUBLIC",
                u"GRANT SELECT ON plant.conflicts TO plant_quality",
                u"GRANT UPDATE (resolved_at, resolved_by, resolution) ON plant.conflicts TO "
                u"plant_quality",
                u"CREATE INDEX runs_device_state ON plant.runs (device_id) WHERE "
                u"manufacturing_state = 'DeviceComplete'",
            }},
        // 3: the plant views (docs/plant-views.md) page the runs newest first by (started_utc,
        // run_uuid), the whole plant or one station: keyset paging needs the UUID in the index
        // to stay an index scan. The new indexes start with the columns of runs_started and
        // runs_station, which they replace.
        {3,
            {
                u"CREATE INDEX runs_started_uuid ON plant.runs (started_utc, run_uuid)",
                u"CREATE INDEX runs_station_started_uuid ON plant.runs (station_id, started_utc, "
                u"run_uuid)",
                u"DROP INDEX plant.runs_started",
                u"DROP INDEX plant.runs_station",
            }},
        // 4: the row-level security asks for the station's ID once per statement instead of once
        // per row: plant.station_of() is SECURITY DEFINER, so PostgreSQL cannot inline it, and
        // called per row it made a batch of 20,000 rows spend seconds in it. Wrapped in a
        // scalar subquery it is an init plan, evaluated once. The policies themselves are
        // unchanged (statementsOf() adds the ALTER POLICY statements).
        {4, {}},
        // 5: the plant-wide rules a station asks before it binds a label or names who finalized
        // a device. A station sees only its own rows; these two functions answer for the whole
        // plant (as the owner) and return nothing but the answer.
        {5,
            {
                uR"(CREATE FUNCTION plant.label_owner(label text)
                    RETURNS TABLE (device_id text, station_id text, started_utc timestamptz)
                    LANGUAGE sql STABLE SECURITY DEFINER
                    SET search_path = pg_catalog, pg_temp
                    AS $$ SELECT r.device_id, r.station_id, r.started_utc FROM plant.runs r
                          WHERE r.serial_number = label AND r.device_id <> ''
                          ORDER BY r.started_utc LIMIT 1 $$
                )",
                uR"(CREATE FUNCTION plant.finalized_by(device text)
                    RETURNS TABLE (station_id text, run_uuid uuid, finished_utc timestamptz)
                    LANGUAGE sql STABLE SECURITY DEFINER
                    SET search_path = pg_catalog, pg_temp
                    AS $$ SELECT r.station_id, r.run_uuid, r.finished_utc FROM plant.runs r
                          WHERE r.device_id = device AND r.outcome = 'PASS'
                              AND r.manufacturing_state = 'DeviceComplete'
                          ORDER BY r.finished_utc LIMIT 1 $$
                )",
                u"REVOKE ALL ON FUNCTION plant.label_owner(text), plant.finalized_by(text) FROM "
                u"PUBLIC",
                u"GRANT EXECUTE ON FUNCTION plant.label_owner(text), plant.finalized_by(text) TO "
                u"plant_station, plant_quality",
            }},
        // 6: who did it (issue #15, docs/roles.md). The events are the stations' audit trails:
        // each chained entry carries its number in the station's chain (seq), its hash and the
        // hash before it, the user's role, what was changed and why. The plant keeps the copy it
        // received as the anchor: one entry per number and station, and a chained entry never
        // changes once here (a changed resend is refused and kept as a dead letter). Events
        // from records before the chain have no seq. A run says who started it (operator_kind).
        // The plant's user accounts, the one account that signs in at every station: the
        // stations read them with their hashes (they sign people in while the plant is away);
        // quality sees them without hashes; every change is kept in plant.user_changes, which
        // nobody changes.
        {6,
            {
                u"ALTER TABLE plant.events ADD COLUMN user_role text NOT NULL DEFAULT ''",
                u"ALTER TABLE plant.events ADD COLUMN target text NOT NULL DEFAULT ''",
                u"ALTER TABLE plant.events ADD COLUMN old_value text NOT NULL DEFAULT ''",
                u"ALTER TABLE plant.events ADD COLUMN new_value text NOT NULL DEFAULT ''",
                u"ALTER TABLE plant.events ADD COLUMN reason text NOT NULL DEFAULT ''",
                u"ALTER TABLE plant.events ADD COLUMN seq bigint",
                u"ALTER TABLE plant.events ADD COLUMN prev_hash text NOT NULL DEFAULT ''",
                u"ALTER TABLE plant.events ADD COLUMN hash text NOT NULL DEFAULT ''",
                u"CREATE UNIQUE INDEX events_station_seq ON plant.events (station_id, seq) WHERE "
                u"seq IS NOT NULL",
                u"ALTER TABLE plant.runs ADD COLUMN operator_kind text NOT NULL DEFAULT ''",
                uR"(CREATE FUNCTION plant.keep_audit_entry() RETURNS trigger
                    LANGUAGE plpgsql
                    SET search_path = pg_catalog, pg_temp
                    AS $$
                    BEGIN
                        IF OLD.seq IS NOT NULL AND (NEW.seq, NEW.hash, NEW.prev_hash,
                                NEW.event_uuid, NEW.time_utc, NEW.station, NEW.operator,
                                NEW.user_role, NEW.fixture, NEW.kind, NEW.target, NEW.old_value,
                                NEW.new_value, NEW.reason, NEW.detail)
                            IS DISTINCT FROM (OLD.seq, OLD.hash, OLD.prev_hash, OLD.event_uuid,
                                OLD.time_utc, OLD.station, OLD.operator, OLD.user_role,
                                OLD.fixture, OLD.kind, OLD.target, OLD.old_value, OLD.new_value,
                                OLD.reason, OLD.detail) THEN
                            RAISE EXCEPTION 'the plant keeps audit entry #% of station % as received: a changed copy is refused',
                                OLD.seq, OLD.station_id USING ERRCODE = '23000';
                        END IF;
                        RETURN NEW;
                    END
                    $$
                )",
                uR"(CREATE TRIGGER events_keep_audit_entry BEFORE UPDATE ON plant.events
                    FOR EACH ROW EXECUTE FUNCTION plant.keep_audit_entry()
                )",
                u"REVOKE ALL ON FUNCTION plant.keep_audit_entry() FROM PUBLIC",
                uR"(CREATE TABLE plant.users (
                    login text PRIMARY KEY
                        CHECK (login <> '' AND length(login) <= 64 AND login !~ '\s'),
                    display_name text NOT NULL DEFAULT '',
                    role text NOT NULL
                        CHECK (role IN ('operator', 'technician', 'quality', 'engineer', 'admin')),
                    password_hash text NOT NULL DEFAULT '',
                    badge_key text NOT NULL DEFAULT '',
                    pin_hash text NOT NULL DEFAULT '',
                    active boolean NOT NULL DEFAULT true,
                    updated_at timestamptz NOT NULL DEFAULT now(),
                    updated_by name NOT NULL DEFAULT session_user,
                    CHECK (password_hash <> '' OR pin_hash <> ''),
                    CHECK ((badge_key = '') = (pin_hash = '')))
                )",
                u"CREATE UNIQUE INDEX users_login_nocase ON plant.users (lower(login))",
                u"CREATE UNIQUE INDEX users_badge ON plant.users (badge_key) WHERE badge_key <> ''",
                uR"(CREATE TABLE plant.user_changes (
                    id bigserial PRIMARY KEY,
                    changed_at timestamptz NOT NULL DEFAULT now(),
                    changed_by name NOT NULL,
                    action text NOT NULL CHECK (action IN ('add', 'change', 'remove')),
                    login text NOT NULL,
                    old_value jsonb,
                    new_value jsonb)
                )",
                // What a change is kept as: everything but the hashes; whether a password or a
                // badge is set, and whether this change set one.
                uR"(CREATE FUNCTION plant.user_summary(u plant.users, before plant.users)
                    RETURNS jsonb LANGUAGE sql IMMUTABLE
                    SET search_path = pg_catalog, pg_temp
                    AS $$ SELECT jsonb_build_object('login', u.login,
                            'display_name', u.display_name, 'role', u.role, 'active', u.active,
                            'password', u.password_hash <> '', 'badge', u.badge_key <> '')
                        || CASE WHEN before IS NULL THEN '{}'::jsonb ELSE jsonb_build_object(
                            'password_changed', u.password_hash <> before.password_hash,
                            'badge_changed', u.badge_key <> before.badge_key
                                OR u.pin_hash <> before.pin_hash) END $$
                )",
                // Who changed an account and when is the server's to say, not the writer's.
                uR"(CREATE FUNCTION plant.stamp_user() RETURNS trigger
                    LANGUAGE plpgsql
                    SET search_path = pg_catalog, pg_temp
                    AS $$
                    BEGIN
                        NEW.updated_at := now();
                        NEW.updated_by := session_user;
                        RETURN NEW;
                    END
                    $$
                )",
                uR"(CREATE TRIGGER users_stamp BEFORE INSERT OR UPDATE ON plant.users
                    FOR EACH ROW EXECUTE FUNCTION plant.stamp_user()
                )",
                uR"(CREATE FUNCTION plant.log_user_change() RETURNS trigger
                    LANGUAGE plpgsql SECURITY DEFINER
                    SET search_path = pg_catalog, pg_temp
                    AS $$
                    BEGIN
                        IF TG_OP = 'INSERT' THEN
                            INSERT INTO plant.user_changes (changed_by, action, login, new_value)
                            VALUES (session_user, 'add', NEW.login,
                                plant.user_summary(NEW, NULL));
                        ELSIF TG_OP = 'UPDATE' THEN
                            INSERT INTO plant.user_changes (changed_by, action, login,
                                old_value, new_value)
                            VALUES (session_user, 'change', NEW.login,
                                plant.user_summary(OLD, NULL), plant.user_summary(NEW, OLD));
                        ELSE
                            INSERT INTO plant.user_changes (changed_by, action, login, old_value)
                            VALUES (session_user, 'remove', OLD.login,
                                plant.user_summary(OLD, NULL));
                        END IF;
                        RETURN NULL;
                    END
                    $$
                )",
                uR"(CREATE TRIGGER users_log_change AFTER INSERT OR UPDATE OR DELETE ON plant.users
                    FOR EACH ROW EXECUTE FUNCTION plant.log_user_change()
                )",
                // Append-only, for the owner too (only dropping the trigger, as the owner,
                // changes that; PostgreSQL's own log shows who did).
                uR"(CREATE FUNCTION plant.refuse_change() RETURNS trigger
                    LANGUAGE plpgsql
                    SET search_path = pg_catalog, pg_temp
                    AS $$
                    BEGIN
                        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
                            USING ERRCODE = '42501';
                    END
                    $$
                )",
                uR"(CREATE TRIGGER user_changes_append_only BEFORE UPDATE OR DELETE
                    ON plant.user_changes FOR EACH ROW EXECUTE FUNCTION plant.refuse_change()
                )",
                uR"(CREATE TRIGGER user_changes_no_truncate BEFORE TRUNCATE ON plant.user_changes
                    FOR EACH STATEMENT EXECUTE FUNCTION plant.refuse_change()
                )",
                uR"(CREATE VIEW plant.users_overview AS
                    SELECT login, display_name, role, active, password_hash <> '' AS has_password,
                        badge_key <> '' AS has_badge, updated_at, updated_by
                    FROM plant.users
                )",
                u"REVOKE ALL ON FUNCTION plant.user_summary(plant.users, plant.users), "
                u"plant.stamp_user(), plant.log_user_change(), plant.refuse_change() FROM PUBLIC",
                u"GRANT SELECT ON plant.users TO plant_station",
                u"GRANT SELECT ON plant.users_overview TO plant_station, plant_quality",
                u"GRANT SELECT ON plant.user_changes TO plant_quality",
            }},
    };
    return list;
}

const QStringList &deliveryTables()
{
    static const QStringList tables {
        u"runs"_s, u"steps"_s, u"commands"_s, u"measurements"_s, u"events"_s, u"dead_letters"_s};
    return tables;
}

// Row-level security of one delivery table: a station sees, inserts and updates only rows of
// the station ID its login role is registered with; quality reads every row. The owner (and
// with it every migration) is not subject to it.
QStringList rowSecurity(const QString &table)
{
    const QString mine = u"station_id = plant.station_of(current_user)"_s;
    return {
        u"ALTER TABLE plant.%1 ENABLE ROW LEVEL SECURITY"_s.arg(table),
        u"CREATE POLICY station_insert ON plant.%1 FOR INSERT TO plant_station WITH CHECK (%2)"_s
            .arg(table, mine),
        u"CREATE POLICY station_update ON plant.%1 FOR UPDATE TO plant_station USING (%2) "
        "WITH CHECK (%2)"_s.arg(table, mine),
        u"CREATE POLICY station_select ON plant.%1 FOR SELECT TO plant_station USING (%2)"_s.arg(
            table, mine),
        u"CREATE POLICY quality_select ON plant.%1 FOR SELECT TO plant_quality USING (true)"_s.arg(
            table),
    };
}

QStringList statementsOf(const Migration &migration)
{
    QStringList statements;
    for (const char16_t *statement : migration.statements)
        statements.append(QString::fromUtf16(statement));
    if (migration.version == 1) {
        for (const QString &table : deliveryTables())
            statements.append(rowSecurity(table));
    }
    if (migration.version == 4) {
        const QString mine = u"station_id = (SELECT plant.station_of(current_user))"_s;
        for (const QString &table : deliveryTables()) {
            statements.append(
                u"ALTER POLICY station_insert ON plant.%1 WITH CHECK (%2)"_s.arg(table, mine));
            statements.append(
                u"ALTER POLICY station_update ON plant.%1 USING (%2) WITH CHECK (%2)"_s.arg(
                    table, mine));
            statements.append(
                u"ALTER POLICY station_select ON plant.%1 USING (%2)"_s.arg(table, mine));
        }
    }
    return statements;
}

Problem problem(Failure failure, const QString &message, const QString &detail = {})
{
    return Problem {failure, message, detail};
}

PlantResult<void> exec(QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return tl::make_unexpected(problemFrom(query.lastError(), what));
    return {};
}

PlantResult<QVariant> scalar(QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return tl::make_unexpected(problemFrom(query.lastError(), what));
    if (!query.next())
        return tl::make_unexpected(problem(Failure::Database, u"%1: no result."_s.arg(what)));
    return query.value(0);
}

// Ends an open transaction on an error path; the error already being reported wins.
void rollback(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.exec(u"ROLLBACK"_s);
}

PlantResult<void> inTransaction(
    QSqlDatabase &db, const std::function<PlantResult<void>()> &work, const QString &what)
{
    if (auto begun = exec(db, u"BEGIN"_s, what); !begun)
        return begun;
    if (PlantResult<void> done = work(); !done) {
        rollback(db);
        return done;
    }
    return exec(db, u"COMMIT"_s, what);
}

QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\'', u"''"_s);
    return u'\'' + escaped + u'\'';
}

} // namespace

int latestVersion()
{
    return migrations().constLast().version;
}

Problem problemFrom(const QSqlError &error, const QString &what)
{
    const QString state = error.nativeErrorCode();
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString lower = text.toLower();
    const QString detail = u"%1: %2"_s.arg(what, error.text());
    // libpq's own refusals of the connection string, before it tries any server.
    if (lower.contains(u"definition of service"_s) || lower.contains(u"invalid connection option"_s)
        || lower.contains(u"missing \"=\""_s) || lower.contains(u"invalid sslmode value"_s)
        || lower.contains(u"unterminated quoted string"_s)) {
        return problem(Failure::BadConnectionString,
            u"The connection string is not one libpq understands: %1"_s.arg(text.trimmed()),
            detail);
    }
    if (state == u"42501"_s || lower.contains(u"permission denied"_s)
        || lower.contains(u"must be owner"_s) || lower.contains(u"must be superuser"_s)) {
        return problem(Failure::InsufficientPrivilege,
            u"The login may not do this on the plant database (insufficient privilege). Use a "
            "login with the right role: plant init needs one that may create roles and schemas, "
            "plant migrate one in the role plant_owner."_s,
            detail);
    }
    if (state.startsWith(u"28"_s) || lower.contains(u"authentication failed"_s)
        || lower.contains(u"no password supplied"_s) || lower.contains(u"fe_sendauth"_s)
        || lower.contains(u"pg_hba.conf"_s)
        || (lower.contains(u"role \""_s) && lower.contains(u"does not exist"_s))) {
        return problem(Failure::AuthenticationFailed,
            u"The plant database refused the login (authentication failed). Check the user in "
            "the connection string and its password in .pgpass (or PGPASSFILE or the service "
            "file), and that the server's pg_hba.conf admits this station."_s,
            detail);
    }
    if (state.startsWith(u"08"_s) || lower.contains(u"could not connect"_s)
        || lower.contains(u"connection refused"_s) || lower.contains(u"could not translate"_s)
        || lower.contains(u"timeout expired"_s) || lower.contains(u"no route to host"_s)
        || lower.contains(u"network is unreachable"_s)
        || lower.contains(u"server closed the connection"_s)
        || lower.contains(u"no such file or directory"_s)) {
        return problem(Failure::Unreachable,
            u"The plant database cannot be reached (the server is down, or the host, port or "
            "network is wrong). Check the connection string and that the server runs."_s,
            detail);
    }
    return problem(Failure::Database,
        u"The plant database reported an error: %1"_s.arg(text.trimmed()),
        detail);
}

Connection::Connection()
{
    static QAtomicInteger<quint64> counter;
    m_name = u"plant-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

Connection::~Connection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_name))
        QSqlDatabase::removeDatabase(m_name);
}

PlantResult<void> Connection::open(const QString &conninfo, const QString &options)
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        return tl::make_unexpected(problem(Failure::DriverMissing,
            u"Qt's PostgreSQL driver (QPSQL) is not installed. Install the package "
            "libqt6sql6-psql."_s));
    }
    const QString trimmed = conninfo.trimmed();
    if (trimmed.isEmpty()) {
        return tl::make_unexpected(problem(Failure::BadConnectionString,
            u"No connection string: give libpq key=value pairs (host=... dbname=... user=...) "
            "or service=NAME."_s));
    }
    if (trimmed.startsWith(u"postgres://"_s) || trimmed.startsWith(u"postgresql://"_s)) {
        return tl::make_unexpected(problem(Failure::BadConnectionString,
            u"Give the connection as libpq key=value pairs (host=... dbname=...) or "
            "service=NAME, not as a URI."_s));
    }
    // Qt's driver turns ';' into a separator, so a value holding one would change meaning.
    if (trimmed.contains(u';')) {
        return tl::make_unexpected(problem(Failure::BadConnectionString,
            u"The connection string holds a ';', which Qt's PostgreSQL driver cannot pass on; "
            "use a service file for such a value."_s));
    }
    static const QRegularExpression password(
        u"(^|\\s)password\\s*="_s, QRegularExpression::CaseInsensitiveOption);
    if (password.match(trimmed).hasMatch()) {
        return tl::make_unexpected(problem(Failure::BadConnectionString,
            u"The connection string names a password. Keep it out of command lines and "
            "configuration: put it in .pgpass (or the file PGPASSFILE names) or a service "
            "file."_s));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
    const QString defaults
        = options.isEmpty() ? u"connect_timeout=%1"_s.arg(ConnectTimeoutS) : options;
    db.setConnectOptions(u"%1 %2"_s.arg(defaults, trimmed));
    if (!db.open())
        return tl::make_unexpected(problemFrom(db.lastError(), u"connect"_s));
    return {};
}

QSqlDatabase Connection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

PlantResult<int> serverVersion(QSqlDatabase &db)
{
    PlantResult<QVariant> table = scalar(
        db, u"SELECT to_regclass('plant.schema_version') IS NOT NULL"_s, u"read the schema"_s);
    if (!table)
        return tl::make_unexpected(table.error());
    if (!table->toBool())
        return 0;
    PlantResult<QVariant> version = scalar(db,
        u"SELECT coalesce(max(version), 0) FROM plant.schema_version"_s,
        u"read the schema version"_s);
    if (!version)
        return tl::make_unexpected(version.error());
    return version->toInt();
}

PlantResult<void> checkUnderstood(int version)
{
    if (version > latestVersion()) {
        return tl::make_unexpected(problem(Failure::SchemaTooNew,
            u"The plant database has schema version %1, newer than this station understands "
            "(%2). Update Sphere Station before it uses this database."_s.arg(version)
                .arg(latestVersion())));
    }
    return {};
}

PlantResult<void> init(QSqlDatabase &db, int upTo)
{
    PlantResult<QVariant> schema = scalar(db,
        u"SELECT count(*) FROM pg_namespace WHERE nspname = 'plant'"_s,
        u"look for the plant schema"_s);
    if (!schema)
        return tl::make_unexpected(schema.error());
    if (schema->toInt() > 0) {
        return tl::make_unexpected(problem(Failure::AlreadyInitialized,
            u"This database already has the plant schema. Use plant migrate to bring it up to "
            "date."_s));
    }
    PlantResult<void> created = inTransaction(
        db,
        [&]() -> PlantResult<void> {
            for (const QString &role : {QString::fromUtf16(OwnerRole),
                     QString::fromUtf16(StationRole),
                     QString::fromUtf16(QualityRole)}) {
                PlantResult<QVariant> exists = scalar(db,
                    u"SELECT count(*) FROM pg_roles WHERE rolname = %1"_s.arg(quoted(role)),
                    u"look for role %1"_s.arg(role));
                if (!exists)
                    return tl::make_unexpected(exists.error());
                if (exists->toInt() == 0) {
                    if (auto ok = exec(db,
                            u"CREATE ROLE %1 NOLOGIN"_s.arg(role),
                            u"create role %1"_s.arg(role));
                        !ok)
                        return ok;
                }
            }
            PlantResult<QVariant> member = scalar(db,
                u"SELECT pg_has_role(current_user, 'plant_owner', 'MEMBER')"_s,
                u"check the owner role"_s);
            if (!member)
                return tl::make_unexpected(member.error());
            if (!member->toBool()) {
                if (auto ok
                    = exec(db, u"GRANT plant_owner TO CURRENT_USER"_s, u"join the owner role"_s);
                    !ok)
                    return ok;
            }
            const QStringList statements {
                u"CREATE SCHEMA plant AUTHORIZATION plant_owner"_s,
                u"SET LOCAL ROLE plant_owner"_s,
                u"CREATE TABLE plant.schema_version (version integer PRIMARY KEY, "
                "applied_at timestamptz NOT NULL DEFAULT now(), "
                "applied_by name NOT NULL DEFAULT session_user)"_s,
                u"GRANT USAGE ON SCHEMA plant TO plant_station, plant_quality"_s,
                u"GRANT SELECT ON plant.schema_version TO plant_station, plant_quality"_s,
            };
            for (const QString &statement : statements) {
                if (auto ok = exec(db, statement, u"create the plant schema"_s); !ok)
                    return ok;
            }
            return {};
        },
        u"create the plant schema"_s);
    if (!created)
        return created;
    PlantResult<int> migrated = migrate(db, upTo);
    if (!migrated)
        return tl::make_unexpected(migrated.error());
    return {};
}

PlantResult<int> migrate(QSqlDatabase &db, int upTo)
{
    PlantResult<int> version = serverVersion(db);
    if (!version)
        return tl::make_unexpected(version.error());
    if (auto understood = checkUnderstood(*version); !understood)
        return tl::make_unexpected(understood.error());
    PlantResult<QVariant> schema = scalar(db,
        u"SELECT to_regclass('plant.schema_version') IS NOT NULL"_s,
        u"look for the plant schema"_s);
    if (!schema)
        return tl::make_unexpected(schema.error());
    if (!schema->toBool()) {
        return tl::make_unexpected(problem(Failure::NotInitialized,
            u"This database has no plant schema yet. Create it with plant init."_s));
    }
    PlantResult<QVariant> owner = scalar(db,
        u"SELECT pg_has_role(current_user, 'plant_owner', 'MEMBER')"_s,
        u"check the owner role"_s);
    if (!owner)
        return tl::make_unexpected(owner.error());
    if (!owner->toBool()) {
        return tl::make_unexpected(problem(Failure::InsufficientPrivilege,
            u"The login may not migrate the plant database (insufficient privilege): it is not a "
            "member of the role plant_owner."_s));
    }
    int applied = 0;
    for (const Migration &migration : migrations()) {
        if (migration.version <= *version)
            continue;
        if (upTo > 0 && migration.version > upTo)
            break;
        bool skipped = false;
        PlantResult<void> done = inTransaction(
            db,
            [&]() -> PlantResult<void> {
                if (auto locked = exec(db,
                        u"SELECT pg_advisory_xact_lock(%1)"_s.arg(MigrationLock),
                        u"lock the migration"_s);
                    !locked)
                    return locked;
                // Another process may have applied it while this one waited for the lock.
                PlantResult<int> now = serverVersion(db);
                if (!now)
                    return tl::make_unexpected(now.error());
                if (auto understood = checkUnderstood(*now); !understood)
                    return understood;
                if (*now >= migration.version) {
                    skipped = true;
                    return {};
                }
                if (auto ok = exec(db, u"SET LOCAL ROLE plant_owner"_s, u"become the owner"_s); !ok)
                    return ok;
                const QString what = u"apply migration %1"_s.arg(migration.version);
                for (const QString &statement : statementsOf(migration)) {
                    if (auto ok = exec(db, statement, what); !ok)
                        return ok;
                }
                return exec(db,
                    u"INSERT INTO plant.schema_version (version) VALUES (%1)"_s.arg(
                        migration.version),
                    what);
            },
            u"apply migration %1"_s.arg(migration.version));
        if (!done)
            return tl::make_unexpected(done.error());
        if (!skipped)
            ++applied;
    }
    return applied;
}

PlantResult<void> registerStation(QSqlDatabase &db,
    const QString &stationId,
    const QString &login,
    const QString &line,
    const QString &description)
{
    static const QRegularExpression roleName(u"^[a-z_][a-z0-9_]{0,62}$"_s);
    if (!roleName.match(login).hasMatch())
        return tl::make_unexpected(problem(Failure::Database,
            u"The login '%1' is not a plain role name (lower-case letters, digits and _, at most "
            "63 characters)."_s.arg(login)));
    if (stationId.trimmed().isEmpty() || stationId.size() > 100)
        return tl::make_unexpected(
            problem(Failure::Database, u"Give a station ID of 1 to 100 characters."_s));
    PlantResult<int> version = serverVersion(db);
    if (!version)
        return tl::make_unexpected(version.error());
    if (*version == 0)
        return tl::make_unexpected(problem(Failure::NotInitialized,
            u"The database has no plant schema: create it with plant init first."_s));
    return inTransaction(
        db,
        [&]() -> PlantResult<void> {
            QSqlQuery query(db);
            query.prepare(
                u"SELECT station_id, login_role FROM plant.stations WHERE station_id = ? OR "
                "login_role = ?"_s);
            query.addBindValue(stationId);
            query.addBindValue(login);
            if (!query.exec())
                return tl::make_unexpected(problemFrom(query.lastError(), u"read stations"_s));
            while (query.next()) {
                if (query.value(0).toString() != stationId || query.value(1).toString() != login)
                    return tl::make_unexpected(problem(Failure::Database,
                        u"Station %1 is registered with the login %2: a station ID and a login "
                        "belong to one station each."_s.arg(
                            query.value(0).toString(), query.value(1).toString())));
            }
            PlantResult<QVariant> exists = scalar(db,
                u"SELECT count(*) FROM pg_roles WHERE rolname = %1"_s.arg(quoted(login)),
                u"look for the login"_s);
            if (!exists)
                return tl::make_unexpected(exists.error());
            const QString role = db.driver()->escapeIdentifier(login, QSqlDriver::TableName);
            if (exists->toInt() == 0) {
                if (auto created = exec(db,
                        u"CREATE ROLE %1 LOGIN IN ROLE plant_station"_s.arg(role),
                        u"create the login"_s);
                    !created)
                    return created;
            } else if (auto granted = exec(db,
                           u"GRANT plant_station TO %1"_s.arg(role),
                           u"let the login deliver"_s);
                       !granted) {
                return granted;
            }
            QSqlQuery insert(db);
            insert.prepare(
                u"INSERT INTO plant.stations (station_id, login_role, line, description) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (station_id) DO UPDATE SET line = "
                "EXCLUDED.line, description = EXCLUDED.description"_s);
            insert.addBindValue(stationId);
            insert.addBindValue(login);
            // Never NULL: a null QString binds as SQL NULL.
            insert.addBindValue(line.isNull() ? u""_s : line);
            insert.addBindValue(description.isNull() ? u""_s : description);
            if (!insert.exec())
                return tl::make_unexpected(problemFrom(insert.lastError(), u"register"_s));
            return {};
        },
        u"register the station"_s);
}

} // namespace Station::Plant
