#include "services/records/recordschema.h"

#include "services/base/boundedfile.h"
#include "services/base/tr.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <atomic>
#include <chrono>

using namespace Qt::Literals::StringLiterals;

namespace Station::RecordSql {

namespace {

// Eight fixtures commit steps at once; WAL lets one writer in at a time and a commit with
// a durable commit takes milliseconds, so a writer waiting this long means something is wrong
// (another program holding the file), and the write is reported and kept pending.
constexpr std::chrono::milliseconds BusyTimeout = std::chrono::seconds(30);
// The oldest schema the read-only connections (records page, export) understand: every later
// migration only added columns, which the readers leave out for an older file.
constexpr int OldestReadableVersion = 2;

// SQLite primary result codes (sqlite3.h) that the classification needs.
constexpr int SqliteError = 1;
constexpr int SqlitePerm = 3;
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteIoErr = 10;
constexpr int SqliteFull = 13;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteTooBig = 18;
constexpr int SqliteConstraint = 19;
constexpr int SqliteMismatch = 20;
constexpr int SqliteMisuse = 21;
constexpr int SqliteRange = 25;

struct Migration
{
    int version;
    QList<const char16_t *> statements;
};

// A random (version 4) UUID in SQL, for rows recorded before the station made them itself.
#define UUID_V4_SQL                                                                                \
    u"lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "                           \
    "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "       \
    "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"

// The ordered history of the record's schema. Never edit a released migration: append one.
const QList<Migration> &migrations()
{
    static const QList<Migration> list {
        // v1: the first record (DESIGN.md "Records").
        {1,
            {
                uR"(CREATE TABLE runs (
                    id INTEGER PRIMARY KEY,
                    device_id TEXT NOT NULL DEFAULT '',
                    serial_number TEXT NOT NULL DEFAULT '',
                    fixture INTEGER NOT NULL,
                    connection_path TEXT NOT NULL DEFAULT '',
                    ip_address TEXT NOT NULL DEFAULT '',
                    recipe_name TEXT NOT NULL DEFAULT '',
                    recipe_version TEXT NOT NULL DEFAULT '',
                    recipe_sha256 TEXT NOT NULL DEFAULT '',
                    station TEXT NOT NULL DEFAULT '',
                    operator TEXT NOT NULL DEFAULT '',
                    started_utc TEXT NOT NULL,
                    finished_utc TEXT,
                    outcome TEXT NOT NULL DEFAULT 'RUNNING'
                        CHECK (outcome IN ('RUNNING', 'PASS', 'FAIL', 'ABORTED', 'INTERRUPTED')),
                    failed_step TEXT NOT NULL DEFAULT '',
                    error_code TEXT NOT NULL DEFAULT '',
                    cause TEXT NOT NULL DEFAULT '')
                )",
                uR"(CREATE TABLE steps (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    name TEXT NOT NULL DEFAULT '',
                    type TEXT NOT NULL DEFAULT '',
                    started_utc TEXT,
                    finished_utc TEXT,
                    outcome TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    error_code TEXT NOT NULL DEFAULT '',
                    cause TEXT NOT NULL DEFAULT '',
                    remedy TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    data TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (run_id, seq))
                )",
                uR"(CREATE TABLE commands (
                    id INTEGER PRIMARY KEY,
                    step_id INTEGER NOT NULL REFERENCES steps (id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    command_line TEXT NOT NULL DEFAULT '',
                    outcome TEXT NOT NULL DEFAULT '',
                    exit_code INTEGER NOT NULL DEFAULT 0,
                    stdout TEXT NOT NULL DEFAULT '',
                    stderr TEXT NOT NULL DEFAULT '',
                    truncated INTEGER NOT NULL DEFAULT 0,
                    started_utc TEXT,
                    finished_utc TEXT,
                    UNIQUE (step_id, seq))
                )",
                uR"(CREATE TABLE measurements (
                    id INTEGER PRIMARY KEY,
                    step_id INTEGER NOT NULL REFERENCES steps (id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    value REAL, -- NULL: not a number
                    unit TEXT NOT NULL DEFAULT '',
                    low REAL,
                    high REAL,
                    pass INTEGER NOT NULL,
                    UNIQUE (step_id, seq))
                )",
                uR"(CREATE TABLE devices (
                    device_id TEXT PRIMARY KEY,
                    first_seen_utc TEXT NOT NULL,
                    last_seen_utc TEXT NOT NULL,
                    manufacturing_state TEXT NOT NULL DEFAULT '',
                    last_outcome TEXT NOT NULL DEFAULT '',
                    last_run_id INTEGER)
                )",
                uR"(CREATE TABLE events (
                    id INTEGER PRIMARY KEY,
                    time_utc TEXT NOT NULL,
                    station TEXT NOT NULL DEFAULT '',
                    operator TEXT NOT NULL DEFAULT '',
                    fixture INTEGER NOT NULL DEFAULT 0,
                    kind TEXT NOT NULL,
                    detail TEXT NOT NULL DEFAULT '')
                )",
                u"CREATE INDEX runs_started ON runs (started_utc)",
                u"CREATE INDEX runs_device ON runs (device_id, started_utc)",
                u"CREATE INDEX runs_outcome ON runs (outcome, started_utc)",
                u"CREATE INDEX runs_fixture ON runs (fixture, started_utc)",
                u"CREATE INDEX runs_recipe ON runs (recipe_name, started_utc)",
                u"CREATE INDEX events_time ON events (time_utc)",
            }},
        // v2: full traceability (tools, back end, images, OS) and serial-number bindings.
        {2,
            {
                u"ALTER TABLE runs ADD COLUMN fixture_label TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN recipe_path TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN app_version TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN backend TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN azsphere_path TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN azsphere_version TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN rf_tool_path TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN rf_tool_version TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN os_version TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN image_ids TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN manufacturing_state TEXT NOT NULL DEFAULT ''",
                uR"(CREATE TABLE serials (
                    serial_number TEXT PRIMARY KEY,
                    device_id TEXT NOT NULL,
                    first_run_id INTEGER,
                    bound_utc TEXT NOT NULL)
                )",
                u"CREATE INDEX runs_serial ON runs (serial_number)",
                // The first run that saw a serial with a device binds it (as v2 writers do).
                uR"(INSERT OR IGNORE INTO serials (serial_number, device_id, first_run_id, bound_utc)
                    SELECT serial_number, device_id, id, started_utc FROM runs
                    WHERE serial_number <> '' AND device_id <> '' ORDER BY id
                )",
            }},
        // v3: texts for people are stored language-neutral: `cause`, `remedy` and `note` hold
        // English; the *_text columns hold the source text and its parameters (Text::toStorage)
        // so that a window can translate them. Rows written before v3 keep what they hold.
        {3,
            {
                u"ALTER TABLE runs ADD COLUMN cause_text TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE steps ADD COLUMN cause_text TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE steps ADD COLUMN remedy_text TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE steps ADD COLUMN note_text TEXT NOT NULL DEFAULT ''",
            }},
        // v4: which of Microsoft's tools ran the device commands: "azsphere" (Legacy) or "az"
        // (az sphere, Integrated). Every run before v4 used azsphere.
        {4,
            {
                u"ALTER TABLE runs ADD COLUMN azsphere_cli TEXT NOT NULL DEFAULT ''",
                u"UPDATE runs SET azsphere_cli = 'azsphere' WHERE azsphere_path <> ''",
            }},
        // v5: delivery to the plant database (issue #14). Runs and events get a globally unique
        // ID (a UUID made by the station: the plant's idempotent key), runs the product and
        // device group their recipe names for cloud configuration, and the outbox lists what
        // the plant must still receive. Triggers fill it in the same transaction as the write
        // they follow, so nothing committed can be missed; the relay deletes an entry only
        // after the plant committed what it names. Everything recorded before v5 is queued too.
        {5,
            {
                u"ALTER TABLE runs ADD COLUMN run_uuid TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN product_name TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE runs ADD COLUMN device_group_name TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE events ADD COLUMN event_uuid TEXT NOT NULL DEFAULT ''",
                u"UPDATE runs SET run_uuid = " UUID_V4_SQL,
                u"UPDATE events SET event_uuid = " UUID_V4_SQL,
                u"CREATE UNIQUE INDEX runs_uuid ON runs (run_uuid) WHERE run_uuid <> ''",
                uR"(CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('run', 'step', 'event')),
                    item_id INTEGER NOT NULL,
                    queued_utc TEXT NOT NULL)
                )",
                // What the plant refused, for a person to see and retry (Records > Delivery).
                uR"(CREATE TABLE outbox_dead (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    item_id INTEGER NOT NULL,
                    queued_utc TEXT NOT NULL,
                    failed_utc TEXT NOT NULL,
                    sqlstate TEXT NOT NULL DEFAULT '',
                    error TEXT NOT NULL DEFAULT '')
                )",
                uR"(INSERT INTO outbox (kind, item_id, queued_utc)
                    SELECT kind, item_id, queued FROM (
                        SELECT 'run' AS kind, id AS item_id, coalesce(finished_utc, started_utc)
                            AS queued, 0 AS ord, id AS o1, 0 AS o2 FROM runs
                        UNION ALL
                        SELECT 'step', id, coalesce(finished_utc, started_utc, ''), 1, run_id, seq
                            FROM steps
                        UNION ALL
                        SELECT 'event', id, time_utc, 2, id, 0 FROM events)
                    ORDER BY ord, o1, o2
                )",
                uR"(CREATE TRIGGER outbox_run_insert AFTER INSERT ON runs BEGIN
                    INSERT INTO outbox (kind, item_id, queued_utc)
                    VALUES ('run', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END
                )",
                uR"(CREATE TRIGGER outbox_run_update AFTER UPDATE ON runs BEGIN
                    INSERT INTO outbox (kind, item_id, queued_utc)
                    VALUES ('run', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END
                )",
                uR"(CREATE TRIGGER outbox_step_insert AFTER INSERT ON steps BEGIN
                    INSERT INTO outbox (kind, item_id, queued_utc)
                    VALUES ('step', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END
                )",
                uR"(CREATE TRIGGER outbox_event_insert AFTER INSERT ON events BEGIN
                    INSERT INTO outbox (kind, item_id, queued_utc)
                    VALUES ('event', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END
                )",
            }},
        // v6: who did it (issue #15, docs/roles.md). The events become the audit trail: each
        // holds the user's role, what was changed (target, old and new value) and the reason
        // asked for, and is chained: `seq` counts 1, 2, 3 … and `hash` is the SHA-256 of the
        // entry and the hash before it (AuditTrail). The record refuses UPDATE and DELETE of
        // an event. Events from before v6 stay as they were, outside the chain (seq NULL).
        // The users who may sign in (this station's own, or cached from the plant database),
        // the recipes approved to make devices permanent (by the SHA-256 of the file), and who
        // started each run: a signed-in user, or automation (headless --operator).
        {6,
            {
                u"ALTER TABLE events ADD COLUMN user_role TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE events ADD COLUMN target TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE events ADD COLUMN old_value TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE events ADD COLUMN new_value TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE events ADD COLUMN reason TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE events ADD COLUMN seq INTEGER",
                u"ALTER TABLE events ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''",
                u"ALTER TABLE events ADD COLUMN hash TEXT NOT NULL DEFAULT ''",
                u"CREATE UNIQUE INDEX events_seq ON events (seq) WHERE seq IS NOT NULL",
                uR"(CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events BEGIN
                    SELECT RAISE(ABORT, 'the audit trail is append-only: an event cannot be changed');
                    END
                )",
                uR"(CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events BEGIN
                    SELECT RAISE(ABORT, 'the audit trail is append-only: an event cannot be deleted');
                    END
                )",
                u"ALTER TABLE runs ADD COLUMN operator_kind TEXT NOT NULL DEFAULT ''",
                uR"(CREATE TABLE users (
                    login TEXT PRIMARY KEY COLLATE NOCASE,
                    display_name TEXT NOT NULL DEFAULT '',
                    role TEXT NOT NULL CHECK (role IN
                        ('operator', 'technician', 'quality', 'engineer', 'admin')),
                    password_hash TEXT NOT NULL DEFAULT '',
                    badge_key TEXT NOT NULL DEFAULT '',
                    pin_hash TEXT NOT NULL DEFAULT '',
                    active INTEGER NOT NULL DEFAULT 1,
                    origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'plant')),
                    updated_utc TEXT NOT NULL,
                    failed_attempts INTEGER NOT NULL DEFAULT 0,
                    locked_until_utc TEXT NOT NULL DEFAULT '')
                )",
                u"CREATE UNIQUE INDEX users_badge ON users (badge_key) WHERE badge_key <> ''",
                uR"(CREATE TABLE recipe_approvals (
                    sha256 TEXT PRIMARY KEY,
                    recipe_name TEXT NOT NULL DEFAULT '',
                    recipe_version TEXT NOT NULL DEFAULT '',
                    approved_by TEXT NOT NULL,
                    approved_role TEXT NOT NULL,
                    approved_utc TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT '')
                )",
            }},
    };
    return list;
}

int primaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

Result<QVariant> scalar(QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery query(db);
    if (auto ok = exec(query, sql, what); !ok)
        return fail(ok.error());
    if (!query.next())
        return fail(ErrorCode::Database, Tr::tr("The record database returned no result."), what);
    return query.value(0);
}

// The first bytes of every SQLite database file.
constexpr char SqliteHeader[] = "SQLite format 3";

// Before SQLite opens an existing file: it must be a regular file (SQLite would block on a FIFO)
// holding a SQLite database. Reads only the header; writes nothing.
Result<void> checkRecordFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const Result<QByteArray> head = readRegularFileStart(path, 100);
    if (!head) {
        return fail(ErrorCode::RecordUnwritable,
            Tr::tr("The record file cannot be used: %1.").arg(head.error().message),
            head.error().detail,
            Tr::tr("Name a regular file for the record, or a new file the station creates."));
    }
    if (head->isEmpty()) {
        return fail(ErrorCode::Database,
            Tr::tr("The file %1 is empty, so it is not a Sphere Station record.").arg(shown),
            u"0 bytes"_s,
            Tr::tr("Name another record file, or delete this empty file and the station "
                   "creates a new record there."));
    }
    // sizeof includes the terminating NUL, which the header has as well.
    if (!head->startsWith(QByteArray(SqliteHeader, sizeof(SqliteHeader)))) {
        return fail(ErrorCode::Database,
            Tr::tr("The file %1 is not a Sphere Station record (it is not a SQLite database).")
                .arg(shown),
            u"header %1"_s.arg(QString::fromLatin1(head->left(16).toHex(' '))),
            Tr::tr("Name another record file."));
    }
    return {};
}

// The schema version of the record open in `db` (0 for an empty database, which becomes a new
// record), or a refusal of a file that is not a record or is newer than this station. Only
// reads; called before anything writes to the file, and again inside the migration.
Result<int> recordVersion(QSqlDatabase &db)
{
    const Result<int> version = userVersion(db);
    if (!version)
        return fail(version.error());
    auto appId = scalar(db, u"PRAGMA application_id"_s, u"read application id"_s);
    if (!appId)
        return fail(appId.error());
    auto tables = scalar(
        db, u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s, u"count tables"_s);
    if (!tables)
        return fail(tables.error());

    const QString file = QDir::toNativeSeparators(db.databaseName());
    const int id = appId->toInt();
    if ((id != 0 && id != ApplicationId) || (id == 0 && (*version != 0 || tables->toInt() != 0))) {
        return fail(ErrorCode::Database,
            Tr::tr("The file %1 is not a Sphere Station record.").arg(file),
            u"application_id %1, user_version %2, %3 table(s)"_s.arg(id).arg(*version).arg(
                tables->toInt()),
            Tr::tr("Name another record file."));
    }
    if (*version > schemaVersion()) {
        return fail(ErrorCode::Database,
            Tr::tr("The record file %1 was written by a newer station (schema version %2; this "
                   "station knows versions up to %3). Use a newer station or another record "
                   "file.")
                .arg(file)
                .arg(*version)
                .arg(schemaVersion()));
    }
    return *version;
}

// True for a database with no schema at all: no table, user_version 0, no application_id.
// That is what a power cut leaves of a new record before its schema's first commit reached the
// disk (the switch to WAL wrote page 1): an empty record, which the station's next start fills.
Result<bool> isEmptyDatabase(QSqlDatabase &db)
{
    const Result<int> version = userVersion(db);
    if (!version)
        return fail(version.error());
    auto appId = scalar(db, u"PRAGMA application_id"_s, u"read application id"_s);
    if (!appId)
        return fail(appId.error());
    auto objects = scalar(db, u"SELECT count(*) FROM sqlite_master"_s, u"count schema objects"_s);
    if (!objects)
        return fail(objects.error());
    return *version == 0 && appId->toInt() == 0 && objects->toInt() == 0;
}

// Readers of an empty database see an empty record of the current schema: the connection is
// moved to a private in-memory database that gets the schema. The file itself is only read.
Result<void> openAsEmptyRecord(QSqlDatabase &db)
{
    db.close();
    db.setDatabaseName(u":memory:"_s);
    if (!db.open())
        return fail(sqlError(db.lastError(), u"open an empty record in memory"_s));
    return migrate(db);
}

Result<void> configure(QSqlDatabase &db, Access access)
{
    QSqlQuery query(db);
    const QString busy = u"PRAGMA busy_timeout = %1"_s.arg(BusyTimeout.count());
    if (auto ok = exec(query, busy, u"set busy timeout"_s); !ok)
        return ok;
    if (auto ok = exec(query, u"PRAGMA foreign_keys = ON"_s, u"enable foreign keys"_s); !ok)
        return ok;
    // Before journal_mode = WAL, which rewrites the file's header: a file that is not a record
    // is refused exactly as it was found.
    if (const Result<int> version = recordVersion(db); !version)
        return fail(version.error());
    if (access == Access::ReadWrite) {
        auto mode = scalar(db, u"PRAGMA journal_mode = WAL"_s, u"set WAL journal mode"_s);
        if (!mode)
            return fail(mode.error());
        if (mode->toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
            return fail(ErrorCode::RecordUnwritable,
                Tr::tr("The record file cannot use write-ahead logging."),
                u"journal_mode is %1"_s.arg(mode->toString()));
        }
    }
    // NORMAL: in WAL mode every commit survives the station crashing or being killed, and the
    // file is never corrupted by a power cut; a commit that must also survive a power cut asks
    // for FULL around itself (setSynchronous), whose fsync covers every earlier commit too.
    return setSynchronous(db, Synchronous::Normal);
}

std::atomic<quint64> connectionCounter {0};

} // namespace

Result<void> setSynchronous(QSqlDatabase &db, Synchronous level)
{
    QSqlQuery query(db);
    return level == Synchronous::Full
        ? exec(query, u"PRAGMA synchronous = FULL"_s, u"set synchronous FULL"_s)
        : exec(query, u"PRAGMA synchronous = NORMAL"_s, u"set synchronous NORMAL"_s);
}

int schemaVersion()
{
    return migrations().constLast().version;
}

QString uniqueConnectionName(const QString &prefix)
{
    return u"%1-%2"_s.arg(prefix).arg(++connectionCounter);
}

Result<QSqlDatabase> openConnection(
    const QString &path, const QString &connectionName, Access access)
{
    const QFileInfo info(path);
    const bool exists = info.exists() || info.isSymLink();
    if (access == Access::ReadOnly && !exists) {
        return fail(ErrorCode::FileMissing,
            Tr::tr("The record file %1 does not exist.").arg(QDir::toNativeSeparators(path)));
    }
    if (exists) {
        if (Result<void> usable = checkRecordFile(path); !usable)
            return fail(usable.error());
    }
    if (access == Access::ReadWrite && !QDir().mkpath(info.absolutePath())) {
        return fail(ErrorCode::RecordUnwritable,
            Tr::tr("The folder for the record file %1 cannot be created.")
                .arg(QDir::toNativeSeparators(path)));
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeout.count()));
    if (!db.open()) {
        Error error = sqlError(db.lastError(), u"open %1"_s.arg(path));
        if (error.code == ErrorCode::Database)
            error.code = ErrorCode::RecordUnwritable;
        closeConnection(db);
        return fail(error);
    }

    Result<void> ready = configure(db, access);
    if (ready && access == Access::ReadWrite)
        ready = migrate(db);
    if (ready && access == Access::ReadOnly) {
        if (const Result<bool> empty = isEmptyDatabase(db); !empty)
            ready = fail(empty.error());
        else if (*empty)
            ready = openAsEmptyRecord(db);
    }
    if (ready && access == Access::ReadOnly) {
        const Result<int> version = userVersion(db);
        if (!version) {
            ready = fail(version.error());
        } else if (*version < OldestReadableVersion || *version > schemaVersion()) {
            ready = fail(ErrorCode::Database,
                Tr::tr("The record file %1 has schema version %2; this station reads versions "
                       "%3 to %4. Open it with a station of the matching version.")
                    .arg(QDir::toNativeSeparators(path))
                    .arg(*version)
                    .arg(OldestReadableVersion)
                    .arg(schemaVersion()));
        } else {
            QSqlQuery query(db);
            ready = exec(query, u"PRAGMA query_only = ON"_s, u"make connection read-only"_s);
        }
    }
    if (!ready) {
        closeConnection(db);
        return fail(ready.error());
    }
    return db;
}

void closeConnection(QSqlDatabase &db)
{
    const QString name = db.connectionName();
    db.close();
    db = QSqlDatabase();
    if (!name.isEmpty())
        QSqlDatabase::removeDatabase(name);
}

Result<int> userVersion(QSqlDatabase &db)
{
    auto value = scalar(db, u"PRAGMA user_version"_s, u"read schema version"_s);
    if (!value)
        return fail(value.error());
    return value->toInt();
}

Result<void> migrate(QSqlDatabase &db)
{
    WriteTransaction transaction(db);
    if (auto ok = transaction.begin(); !ok)
        return ok;

    // Checked again under the write lock: another process may have changed the file.
    const Result<int> version = recordVersion(db);
    if (!version)
        return fail(version.error());
    if (*version == schemaVersion())
        return transaction.commit();

    QSqlQuery query(db);
    for (const Migration &migration : migrations()) {
        if (migration.version <= *version)
            continue;
        for (const char16_t *statement : migration.statements) {
            const QString what = u"migrate record to schema version %1"_s.arg(migration.version);
            if (auto ok = exec(query, QString::fromUtf16(statement), what); !ok)
                return ok;
        }
    }
    const QString setVersion = u"PRAGMA user_version = %1"_s.arg(schemaVersion());
    if (auto ok = exec(query, setVersion, u"set schema version"_s); !ok)
        return ok;
    const QString setId = u"PRAGMA application_id = %1"_s.arg(ApplicationId);
    if (auto ok = exec(query, setId, u"set application id"_s); !ok)
        return ok;
    return transaction.commit();
}

Error sqlError(const QSqlError &error, const QString &what)
{
    const QString detail
        = what + u": "_s + error.text() + u" (SQLite code "_s + error.nativeErrorCode() + u')';
    switch (primaryCode(error)) {
    case SqliteFull:
        return Error::make(ErrorCode::DiskFull,
            Tr::tr("The record could not be written: the disk is full."),
            detail,
            Tr::tr("Free space on the disk that holds the record file."));
    case SqliteReadOnly:
    case SqlitePerm:
    case SqliteCantOpen:
    case SqliteIoErr:
        return Error::make(ErrorCode::RecordUnwritable,
            Tr::tr("The record file cannot be written (read-only, missing or failing disk)."),
            detail,
            Tr::tr("Check that the record file and its folder are writable and the disk works."));
    case SqliteBusy:
    case SqliteLocked:
        return Error::make(ErrorCode::Database,
            Tr::tr("The record file is locked by another program."),
            detail,
            Tr::tr("Close other programs that have the record file open."));
    case SqliteConstraint:
    case SqliteMismatch:
    case SqliteRange:
    case SqliteTooBig:
        return Error::make(ErrorCode::InvalidArgument,
            Tr::tr("The record refused the data because it breaks the record's rules."),
            detail);
    case -1: // a Qt driver error (bad parameter count, no connection)
    case SqliteError:
    case SqliteMisuse:
        return Error::make(
            ErrorCode::Internal, Tr::tr("The station sent the record an invalid request."), detail);
    default:
        return Error::make(
            ErrorCode::Database, Tr::tr("The record database reported an error."), detail);
    }
}

bool isTransient(const Error &error)
{
    return error.code == ErrorCode::DiskFull || error.code == ErrorCode::RecordUnwritable
        || error.code == ErrorCode::Database;
}

Result<void> exec(
    QSqlQuery &query, const QString &sql, const QVariantList &binds, const QString &what)
{
    if (auto ok = prepare(query, sql, what); !ok)
        return ok;
    return run(query, binds, what);
}

Result<void> prepare(QSqlQuery &query, const QString &sql, const QString &what)
{
    if (!query.prepare(sql))
        return fail(sqlError(query.lastError(), what));
    return {};
}

Result<void> run(QSqlQuery &query, const QVariantList &binds, const QString &what)
{
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    if (!query.exec())
        return fail(sqlError(query.lastError(), what));
    return {};
}

Result<void> exec(QSqlQuery &query, const QString &sql, const QString &what)
{
    if (!query.exec(sql))
        return fail(sqlError(query.lastError(), what));
    return {};
}

void Statements::attach(const QSqlDatabase &db)
{
    clear();
    m_db = db;
}

void Statements::clear()
{
    m_queries.clear();
    m_db = QSqlDatabase();
}

Result<QSqlQuery *> Statements::exec(
    const QString &sql, const QVariantList &binds, const QString &what)
{
    std::shared_ptr<QSqlQuery> &slot = m_queries[sql];
    if (!slot) {
        auto query = std::make_shared<QSqlQuery>(m_db);
        if (auto ok = prepare(*query, sql, what); !ok) {
            m_queries.remove(sql);
            return fail(ok.error());
        }
        slot = std::move(query);
    }
    QSqlQuery *query = slot.get();
    query->finish();
    if (auto ok = run(*query, binds, what); !ok)
        return fail(ok.error());
    return query;
}

WriteTransaction::WriteTransaction(QSqlDatabase &db)
    : m_db(db)
{ }

WriteTransaction::~WriteTransaction()
{
    rollback();
}

Result<void> WriteTransaction::begin()
{
    QSqlQuery query(m_db);
    if (auto ok = exec(query, u"BEGIN IMMEDIATE"_s, u"begin write transaction"_s); !ok)
        return ok;
    m_active = true;
    return {};
}

Result<void> WriteTransaction::commit()
{
    QSqlQuery query(m_db);
    if (auto ok = exec(query, u"COMMIT"_s, u"commit write transaction"_s); !ok) {
        rollback();
        return ok;
    }
    m_active = false;
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    // SQLite may already have rolled back (after SQLITE_FULL or an I/O error); the error
    // "no transaction is active" is then expected and harmless.
    QSqlQuery query(m_db);
    (void)query.exec(u"ROLLBACK"_s);
}

QString timeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QVariant timeValue(const QDateTime &time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return timeText(time);
}

QDateTime timeFromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.toUTC();
}

QString cliColumn(int schemaVersion, QStringView table)
{
    const QString prefix = table.isEmpty() ? QString() : table.toString() + u'.';
    return schemaVersion >= 4
        ? prefix + u"azsphere_cli"_s
        : u"CASE WHEN %1azsphere_path <> '' THEN 'azsphere' ELSE '' END"_s.arg(prefix);
}

QVariant textValue(const QString &text)
{
    if (text.isNull())
        return QStringLiteral("");
    return text;
}

} // namespace Station::RecordSql
