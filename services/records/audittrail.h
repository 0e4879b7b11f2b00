#pragma once

#include "services/base/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

// The audit trail (issue #15, docs/roles.md): the record's events, each chained to the one
// before it. An entry's hash is the SHA-256 of its fields and of the previous entry's hash, so
// an entry changed, removed or inserted in the file (with the sqlite3 shell, say, after dropping
// the record's append-only triggers) breaks the chain from that entry on, and verify() names
// the first broken link. Removing the newest entries leaves a valid but shorter chain: the plant
// database holds every delivered entry (its anchor) and `sphere-station audit verify --plant`
// compares the two.
namespace Station::Audit {

// One entry as the record stores it (table events, schema 6).
struct Entry
{
    qint64 seq = 0; // 1, 2, 3 … without gaps
    QString uuid;
    QString timeUtc; // as stored: ISO 8601 with milliseconds and Z
    QString station;
    QString user; // the signed-in user's login, or the automation's name
    QString role; // the user's role then, "automation", or "" (the station itself)
    int fixture = 0;
    QString action; // the event kind: "sign-in", "recipe-load", "run-abort" …
    QString target;
    QString oldValue;
    QString newValue;
    QString reason;
    QString detail;
    QString prevHash;
    QString hash;
};

// The previous hash of the first entry: 64 zeros.
QString genesisHash();
// The hash of `entry` chained to entry.prevHash: lowercase hex SHA-256 of the UTF-8 of a
// compact JSON array of every field but the hash, in the order of Entry.
QString entryHash(const Entry &entry);

struct Verification
{
    qint64 entries = 0;   // chained entries read
    qint64 unchained = 0; // events from before schema 6, outside the chain
    // The first entry whose link is broken (0: the chain holds), and what is wrong with it.
    qint64 firstBroken = 0;
    QString problem;
    qint64 headSeq = 0; // the newest entry of the intact chain
    QString headHash;
    bool ok() const { return firstBroken == 0; }
};

// Reads the chain of the record open in `db` in order and checks every link. A failure means
// the record could not be read, not that the chain is broken.
[[nodiscard]] Result<Verification> verify(QSqlDatabase &db);
// The newest entry's seq and hash (0 and genesisHash() for an empty chain), read in `db`.
struct Head
{
    qint64 seq = 0;
    QString hash;
};
[[nodiscard]] Result<Head> head(QSqlDatabase &db);

} // namespace Station::Audit

namespace Station::Audit {

// verify() on the record at `path`, opened read-only (a running station may be writing it).
[[nodiscard]] Result<Verification> verifyFile(const QString &path);

// Whether the record at `path` has an audit trail (schema 6 or later), read without writing:
// false for an older record or a file without any schema.
[[nodiscard]] Result<bool> hasTrail(const QString &path);

// The newest `count` entries of the record at `path`, newest last (for `audit show`).
[[nodiscard]] Result<QList<Entry>> lastEntries(const QString &path, int count);

} // namespace Station::Audit
