#pragma once

#include "services/base/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// The record's outbox (schema v5): what the plant database must still receive. Triggers add an
// entry in the same transaction as every run insert or update, step and event; the plant relay
// reads entries in order with this class, delivers the rows they name and then acknowledges
// them. A row is read as it is when the batch is read (a snapshot, in one read transaction), so
// an entry's row is never older than the entry: a later change has a later entry.
namespace Station {

// One row to deliver, with the outbox entries it answers.
struct OutboxItem
{
    enum class Kind { Run, Step, Event };
    Kind kind = Kind::Run;
    qint64 itemId = 0;     // runs.id, steps.id or events.id
    QList<qint64> entries; // outbox ids
    QString queued;        // the newest entry's time (UTC, ISO 8601): the row's station_utc
    // The row in the plant's column names (times as ISO 8601 UTC text or null; NUL characters
    // replaced by U+FFFD, which PostgreSQL's text cannot hold). A step also carries its
    // "commands" and "measurements" arrays; every row carries station_utc.
    QJsonObject row;
    // Empty when the row cannot be delivered as recorded (a run without a UUID): it goes
    // straight to the dead letters with this reason.
    QString unusable;
    // The plant's key as text: the run UUID, "run UUID/step seq", the event UUID.
    QString key() const;
    static QString kindName(Kind kind);
};

struct OutboxBatch
{
    QList<OutboxItem> items; // runs first, then steps (by run, seq), then events: parents first
    QList<qint64> vanished;  // entries whose row no longer exists: acknowledge them
    int entries = 0;
};

struct OutboxCounts
{
    int entries = 0;
    int runs = 0; // distinct runs with an undelivered run row or step
    QDateTime oldest;
    int deadLetters = 0;
};

struct OutboxDeadLetter
{
    qint64 id = 0;
    QString kind;
    qint64 itemId = 0;
    QDateTime queued;
    QDateTime failed;
    QString sqlState;
    QString error;
    QString summary;
};

// One SQLite connection to the record, used on one thread.
class Outbox final
{
public:
    Outbox();
    ~Outbox();
    Q_DISABLE_COPY_MOVE(Outbox)

    // The record must exist with schema 5 or later (the station's RecordStore made it).
    [[nodiscard]] Result<void> open(const QString &path);
    void close();
    bool isOpen() const;

    // Up to `limit` entries, oldest first, with their rows.
    [[nodiscard]] Result<OutboxBatch> read(int limit);
    // Deletes the entries (the plant committed what they name).
    [[nodiscard]] Result<void> acknowledge(const QList<qint64> &entries);
    // Moves the items' entries to the dead letters with the server's reason.
    [[nodiscard]] Result<void> bury(
        const QList<OutboxItem> &items, const QString &sqlState, const QString &error);
    [[nodiscard]] Result<OutboxCounts> counts();
    [[nodiscard]] Result<QList<OutboxDeadLetter>> deadLetters();
    // Puts every dead letter back into the outbox. Returns how many.
    [[nodiscard]] Result<int> requeueDeadLetters();

private:
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace Station
