#pragma once

#include "services/base/result.h"
#include "services/process/toolrunner.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

class QSqlError;
class QSqlQuery;

// Plumbing shared by RecordStore, RecordQuery and the CSV export: opening a connection with the
// record's pragmas, the versioned schema and its migrations, SQL error classification and the
// text forms of times and tool outcomes as the record stores them. Not for use outside records.
namespace Station::RecordSql {

// The schema version this build writes and reads (PRAGMA user_version).
int schemaVersion();

// PRAGMA application_id of a record file ("SPST"), so a foreign SQLite file is refused.
constexpr int ApplicationId = 0x53505354;

enum class Access { ReadWrite, ReadOnly };

// Opens (ReadWrite: creates) the record at `path` as connection `connectionName` on the calling
// thread, with WAL, synchronous=NORMAL, foreign keys and a busy timeout. ReadWrite brings the
// schema up to date (one transaction); ReadOnly refuses a file whose version it cannot read,
// and reads a database without any schema (a new record cut off by a power cut before its
// schema's commit) as an empty record, without writing to it. On failure the connection is
// removed again.
[[nodiscard]] Result<QSqlDatabase> openConnection(
    const QString &path, const QString &connectionName, Access access);
// Closes and removes the connection. `db` is reset so no copy keeps it alive.
void closeConnection(QSqlDatabase &db);

// How far SQLite forces a commit to the disk (PRAGMA synchronous). In WAL mode both survive
// the process crashing or being killed; Full also survives a power cut or an OS crash: the
// commit waits for an fsync of the WAL, which makes every earlier commit (of any connection)
// durable as well. Set it outside a transaction.
enum class Synchronous { Normal, Full };
[[nodiscard]] Result<void> setSynchronous(QSqlDatabase &db, Synchronous level);
// A process-wide unique connection name with the given prefix.
QString uniqueConnectionName(const QString &prefix);

// Applies the ordered migrations to `db` (already open) in one IMMEDIATE transaction.
[[nodiscard]] Result<void> migrate(QSqlDatabase &db);
[[nodiscard]] Result<int> userVersion(QSqlDatabase &db);

// Error from a failed statement, with a plain message and lastError().text() as detail:
// DiskFull (SQLITE_FULL), RecordUnwritable (read-only, I/O error, cannot open, permission),
// InvalidArgument (constraint or type violation: the data breaks the record's rules), Internal
// (SQL or driver misuse: a programming error) or Database (locked, corrupt, anything else).
Error sqlError(const QSqlError &error, const QString &what);
// True when the same write may succeed later (DiskFull, RecordUnwritable, Database), false when
// no retry can fix it (InvalidArgument, Internal).
bool isTransient(const Error &error);

// Prepare + bind positionally + exec, checked. `what` names the operation for the message.
[[nodiscard]] Result<void> exec(
    QSqlQuery &query, const QString &sql, const QVariantList &binds, const QString &what);
// exec() for statements without parameters (pragmas, DDL, BEGIN/COMMIT).
[[nodiscard]] Result<void> exec(QSqlQuery &query, const QString &sql, const QString &what);
// Prepare once, then run() many times with new binds (loops over commands, measurements).
[[nodiscard]] Result<void> prepare(QSqlQuery &query, const QString &sql, const QString &what);
[[nodiscard]] Result<void> run(QSqlQuery &query, const QVariantList &binds, const QString &what);

// The prepared statements of one connection, each prepared once: SQLite parses the SQL on every
// prepare, which was a tenth of the station's own instructions when every write prepared anew.
// Used on the connection's thread only; clear() before the connection closes.
class Statements
{
public:
    Statements() = default;
    Q_DISABLE_COPY_MOVE(Statements)

    void attach(const QSqlDatabase &db);
    void clear();
    // Binds `binds` positionally to the statement for `sql` (prepared on its first use) and
    // executes it. The query stays valid until clear(); finish() it after reading a SELECT.
    [[nodiscard]] Result<QSqlQuery *> exec(
        const QString &sql, const QVariantList &binds, const QString &what);

private:
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
};

// BEGIN IMMEDIATE (takes the write lock at once, so the busy timeout applies instead of a
// deadlock-prone lock upgrade); rolls back in the destructor unless commit() succeeded.
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase &db);
    ~WriteTransaction();
    Q_DISABLE_COPY_MOVE(WriteTransaction)

    [[nodiscard]] Result<void> begin();
    [[nodiscard]] Result<void> commit();
    void rollback();

private:
    QSqlDatabase &m_db;
    bool m_active = false;
};

// Times: ISO 8601 UTC with milliseconds, "2026-11-24T08:15:14.123Z"; text order = time order.
QString timeText(const QDateTime &time);
// NULL for an invalid time.
QVariant timeValue(const QDateTime &time);
QDateTime timeFromText(const QString &text);

// A text bind that is never NULL (a null QString binds as SQL NULL).
QVariant textValue(const QString &text);

// The runs' tool column ("azsphere" or "az") for a record of `schemaVersion`, as an SQL
// expression over the runs table named `table` ("r", or empty): azsphere_cli came with schema 4,
// and every run before it used azsphere.
QString cliColumn(int schemaVersion, QStringView table = {});

} // namespace Station::RecordSql
