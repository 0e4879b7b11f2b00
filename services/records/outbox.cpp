#include "services/records/outbox.h"

#include "services/base/tr.h"
#include "services/records/recordschema.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

constexpr int FirstOutboxVersion = 5;

enum class Type { Text, Integer, Time, Boolean, Real, Uuid };

struct Column
{
    const char16_t *name; // the plant's column name, and the alias of the local expression
    const char16_t *local;
    Type type;
};

// The local expressions of each delivered table, aliased to the plant's column names.
const QList<Column> &runColumns()
{
    static const QList<Column> list {
        {u"run_uuid", u"run_uuid", Type::Uuid},
        {u"local_run_id", u"id", Type::Integer},
        {u"device_id", u"device_id", Type::Text},
        {u"serial_number", u"serial_number", Type::Text},
        {u"fixture", u"fixture", Type::Integer},
        {u"fixture_label", u"fixture_label", Type::Text},
        {u"connection_path", u"connection_path", Type::Text},
        {u"ip_address", u"ip_address", Type::Text},
        {u"recipe_name", u"recipe_name", Type::Text},
        {u"recipe_version", u"recipe_version", Type::Text},
        {u"recipe_sha256", u"recipe_sha256", Type::Text},
        {u"recipe_path", u"recipe_path", Type::Text},
        {u"station", u"station", Type::Text},
        {u"operator", u"operator", Type::Text},
        {u"operator_kind", u"operator_kind", Type::Text},
        {u"started_utc", u"started_utc", Type::Time},
        {u"finished_utc", u"finished_utc", Type::Time},
        {u"outcome", u"outcome", Type::Text},
        {u"failed_step", u"failed_step", Type::Text},
        {u"error_code", u"error_code", Type::Text},
        {u"cause", u"cause", Type::Text},
        {u"cause_text", u"cause_text", Type::Text},
        {u"app_version", u"app_version", Type::Text},
        {u"backend", u"backend", Type::Text},
        {u"azsphere_cli", u"azsphere_cli", Type::Text},
        {u"azsphere_path", u"azsphere_path", Type::Text},
        {u"azsphere_version", u"azsphere_version", Type::Text},
        {u"rf_tool_path", u"rf_tool_path", Type::Text},
        {u"rf_tool_version", u"rf_tool_version", Type::Text},
        {u"os_version", u"os_version", Type::Text},
        {u"image_ids", u"image_ids", Type::Text},
        {u"manufacturing_state", u"manufacturing_state", Type::Text},
        {u"product_name", u"product_name", Type::Text},
        {u"device_group_name", u"device_group_name", Type::Text},
    };
    return list;
}

const QList<Column> &stepColumns()
{
    static const QList<Column> list {
        {u"run_uuid", u"r.run_uuid", Type::Uuid},
        {u"seq", u"s.seq", Type::Integer},
        {u"name", u"s.name", Type::Text},
        {u"type", u"s.type", Type::Text},
        {u"started_utc", u"s.started_utc", Type::Time},
        {u"finished_utc", u"s.finished_utc", Type::Time},
        {u"outcome", u"s.outcome", Type::Text},
        {u"attempts", u"s.attempts", Type::Integer},
        {u"error_code", u"s.error_code", Type::Text},
        {u"cause", u"s.cause", Type::Text},
        {u"cause_text", u"s.cause_text", Type::Text},
        {u"remedy", u"s.remedy", Type::Text},
        {u"remedy_text", u"s.remedy_text", Type::Text},
        {u"note", u"s.note", Type::Text},
        {u"note_text", u"s.note_text", Type::Text},
        {u"data", u"s.data", Type::Text},
    };
    return list;
}

const QList<Column> &commandColumns()
{
    static const QList<Column> list {
        {u"seq", u"seq", Type::Integer},
        {u"command_line", u"command_line", Type::Text},
        {u"outcome", u"outcome", Type::Text},
        {u"exit_code", u"exit_code", Type::Integer},
        {u"stdout", u"stdout", Type::Text},
        {u"stderr", u"stderr", Type::Text},
        {u"truncated", u"truncated", Type::Boolean},
        {u"started_utc", u"started_utc", Type::Time},
        {u"finished_utc", u"finished_utc", Type::Time},
    };
    return list;
}

const QList<Column> &measurementColumns()
{
    static const QList<Column> list {
        {u"seq", u"seq", Type::Integer},
        {u"name", u"name", Type::Text},
        {u"value", u"value", Type::Real},
        {u"unit", u"unit", Type::Text},
        {u"low", u"low", Type::Real},
        {u"high", u"high", Type::Real},
        {u"pass", u"pass", Type::Boolean},
    };
    return list;
}

const QList<Column> &eventColumns()
{
    static const QList<Column> list {
        {u"event_uuid", u"event_uuid", Type::Uuid},
        {u"local_event_id", u"id", Type::Integer},
        {u"time_utc", u"time_utc", Type::Time},
        {u"station", u"station", Type::Text},
        {u"operator", u"operator", Type::Text},
        {u"fixture", u"fixture", Type::Integer},
        {u"kind", u"kind", Type::Text},
        {u"detail", u"detail", Type::Text},
        // The audit trail (schema 6); seq is NULL for events from before it.
        {u"user_role", u"user_role", Type::Text},
        {u"target", u"target", Type::Text},
        {u"old_value", u"old_value", Type::Text},
        {u"new_value", u"new_value", Type::Text},
        {u"reason", u"reason", Type::Text},
        {u"seq", u"seq", Type::Integer},
        {u"prev_hash", u"prev_hash", Type::Text},
        {u"hash", u"hash", Type::Text},
    };
    return list;
}

QString selectList(const QList<Column> &columns)
{
    QStringList parts;
    for (const Column &column : columns)
        parts.append(QString::fromUtf16(column.local));
    return parts.join(u", "_s);
}

// PostgreSQL's text cannot hold U+0000; everything else passes as recorded.
QString plantText(QString text)
{
    if (text.contains(QChar(0)))
        text.replace(QChar(0), QChar(0xFFFD));
    return text;
}

QJsonValue jsonValue(const QVariant &value, Type type)
{
    if (value.isNull())
        return type == Type::Text ? QJsonValue(QString()) : QJsonValue(QJsonValue::Null);
    switch (type) {
    case Type::Text:
    case Type::Uuid:
        return plantText(value.toString());
    case Type::Time: {
        const QString text = value.toString();
        return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
    }
    case Type::Integer:
        return QJsonValue(value.toLongLong());
    case Type::Boolean:
        return QJsonValue(value.toLongLong() != 0);
    case Type::Real: {
        const double number = value.toDouble();
        return std::isfinite(number) ? QJsonValue(number) : QJsonValue(QJsonValue::Null);
    }
    }
    return QJsonValue(QJsonValue::Null);
}

QJsonObject rowObject(const QSqlQuery &query, const QList<Column> &columns, int first = 0)
{
    QJsonObject row;
    for (int i = 0; i < columns.size(); ++i)
        row.insert(QString::fromUtf16(columns[i].name),
            jsonValue(query.value(first + i), columns[i].type));
    return row;
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u',');
}

Result<void> failWith(const QSqlQuery &query, const QString &what)
{
    return fail(RecordSql::sqlError(query.lastError(), what));
}

} // namespace

QString OutboxItem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Run:
        return u"run"_s;
    case Kind::Step:
        return u"step"_s;
    case Kind::Event:
        return u"event"_s;
    }
    return {};
}

QString OutboxItem::key() const
{
    switch (kind) {
    case Kind::Run:
        return row.value(u"run_uuid").toString();
    case Kind::Step:
        return u"%1/%2"_s.arg(row.value(u"run_uuid").toString()).arg(row.value(u"seq").toInteger());
    case Kind::Event:
        return row.value(u"event_uuid").toString();
    }
    return {};
}

Outbox::Outbox()
    : m_connectionName(RecordSql::uniqueConnectionName(u"outbox"_s))
{ }

Outbox::~Outbox()
{
    close();
}

Result<void> Outbox::open(const QString &path)
{
    close();
    auto db = RecordSql::openConnection(path, m_connectionName, RecordSql::Access::ReadWrite);
    if (!db)
        return fail(db.error());
    m_db = *db;
    auto version = RecordSql::userVersion(m_db);
    if (!version)
        return fail(version.error());
    if (*version < FirstOutboxVersion) {
        close();
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("The record %1 has no outbox (schema %2).").arg(path).arg(*version));
    }
    return {};
}

void Outbox::close()
{
    if (m_db.isValid())
        RecordSql::closeConnection(m_db);
}

bool Outbox::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

Result<OutboxBatch> Outbox::read(int limit)
{
    OutboxBatch batch;
    if (!isOpen())
        return fail(ErrorCode::Internal, Tr::tr("The outbox is not open."));
    QSqlQuery query(m_db);
    // One read transaction: the rows are read in the same snapshot as the entries.
    if (!query.exec(u"BEGIN"_s))
        return fail(RecordSql::sqlError(query.lastError(), u"read the outbox"_s));
    struct Rollback
    {
        QSqlDatabase &db;
        ~Rollback() { QSqlQuery(db).exec(u"COMMIT"_s); }
    } endRead {m_db};

    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT id, kind, item_id, queued_utc FROM outbox ORDER BY id LIMIT ?"_s))
        return fail(RecordSql::sqlError(query.lastError(), u"read the outbox"_s));
    query.addBindValue(limit);
    if (!query.exec())
        return fail(RecordSql::sqlError(query.lastError(), u"read the outbox"_s));

    struct Wanted
    {
        QList<qint64> entries;
        QString queued;
    };
    std::map<qint64, Wanted> runs, steps, events;
    while (query.next()) {
        const qint64 entry = query.value(0).toLongLong();
        const QString kind = query.value(1).toString();
        const qint64 item = query.value(2).toLongLong();
        const QString queued = query.value(3).toString();
        auto &map = kind == u"run"_s ? runs : kind == u"step"_s ? steps : events;
        Wanted &wanted = map[item];
        wanted.entries.append(entry);
        wanted.queued = std::max(wanted.queued, queued);
        ++batch.entries;
    }
    query.finish();

    auto keysOf = [](const std::map<qint64, Wanted> &map) {
        QList<qint64> keys;
        for (const auto &[key, value] : map)
            keys.append(key);
        return keys;
    };
    auto take
        = [&](std::map<qint64, Wanted> &map, OutboxItem::Kind kind, qint64 id, QJsonObject row) {
              auto found = map.find(id);
              OutboxItem item;
              item.kind = kind;
              item.itemId = id;
              item.entries = found->second.entries;
              item.queued = found->second.queued;
              row.insert(u"station_utc"_s, item.queued);
              item.row = row;
              map.erase(found);
              return item;
          };

    if (!runs.empty()) {
        QSqlQuery rows(m_db);
        rows.setForwardOnly(true);
        if (!rows.exec(u"SELECT id, %1 FROM runs WHERE id IN (%2) ORDER BY id"_s.arg(
                selectList(runColumns()), idList(keysOf(runs)))))
            return fail(RecordSql::sqlError(rows.lastError(), u"read runs to deliver"_s));
        while (rows.next()) {
            OutboxItem item = take(runs,
                OutboxItem::Kind::Run,
                rows.value(0).toLongLong(),
                rowObject(rows, runColumns(), 1));
            if (item.row.value(u"run_uuid").toString().isEmpty())
                item.unusable = u"The run has no UUID."_s;
            batch.items.append(item);
        }
    }

    if (!steps.empty()) {
        QSqlQuery rows(m_db);
        rows.setForwardOnly(true);
        if (!rows.exec(u"SELECT s.id, %1 FROM steps s JOIN runs r ON r.id = s.run_id "
                       "WHERE s.id IN (%2) ORDER BY s.run_id, s.seq"_s.arg(
                           selectList(stepColumns()), idList(keysOf(steps)))))
            return fail(RecordSql::sqlError(rows.lastError(), u"read steps to deliver"_s));
        QHash<qint64, int> stepIndex; // steps.id -> index in batch.items
        while (rows.next()) {
            OutboxItem item = take(steps,
                OutboxItem::Kind::Step,
                rows.value(0).toLongLong(),
                rowObject(rows, stepColumns(), 1));
            item.row.insert(u"commands"_s, QJsonArray());
            item.row.insert(u"measurements"_s, QJsonArray());
            if (item.row.value(u"run_uuid").toString().isEmpty())
                item.unusable = u"The step's run has no UUID."_s;
            stepIndex.insert(item.itemId, int(batch.items.size()));
            batch.items.append(item);
        }
        if (!stepIndex.isEmpty()) {
            const QString ids = idList(stepIndex.keys());
            for (const auto &[table, columns] : {std::pair {u"commands"_s, &commandColumns()},
                     std::pair {u"measurements"_s, &measurementColumns()}}) {
                QSqlQuery children(m_db);
                children.setForwardOnly(true);
                if (!children.exec(u"SELECT step_id, %1 FROM %2 WHERE step_id IN (%3) "
                                   "ORDER BY step_id, seq"_s.arg(selectList(*columns), table, ids)))
                    return fail(RecordSql::sqlError(
                        children.lastError(), u"read %1 to deliver"_s.arg(table)));
                QHash<qint64, QJsonArray> arrays;
                while (children.next())
                    arrays[children.value(0).toLongLong()].append(rowObject(children, *columns, 1));
                for (auto it = arrays.cbegin(); it != arrays.cend(); ++it)
                    batch.items[stepIndex.value(it.key())].row.insert(table, it.value());
            }
        }
    }

    if (!events.empty()) {
        QSqlQuery rows(m_db);
        rows.setForwardOnly(true);
        if (!rows.exec(u"SELECT id, %1 FROM events WHERE id IN (%2) ORDER BY id"_s.arg(
                selectList(eventColumns()), idList(keysOf(events)))))
            return fail(RecordSql::sqlError(rows.lastError(), u"read events to deliver"_s));
        while (rows.next()) {
            OutboxItem item = take(events,
                OutboxItem::Kind::Event,
                rows.value(0).toLongLong(),
                rowObject(rows, eventColumns(), 1));
            if (item.row.value(u"event_uuid").toString().isEmpty())
                item.unusable = u"The event has no UUID."_s;
            batch.items.append(item);
        }
    }

    // Entries whose row is gone (nothing deletes rows today; a future retention might).
    for (const auto *map : {&runs, &steps, &events})
        for (const auto &[id, wanted] : *map)
            batch.vanished.append(wanted.entries);
    return batch;
}

Result<void> Outbox::acknowledge(const QList<qint64> &entries)
{
    if (entries.isEmpty())
        return {};
    RecordSql::WriteTransaction transaction(m_db);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    QSqlQuery query(m_db);
    // In chunks: SQLite's statement length is bounded.
    for (qsizetype from = 0; from < entries.size(); from += 5000) {
        if (!query.exec(
                u"DELETE FROM outbox WHERE id IN (%1)"_s.arg(idList(entries.mid(from, 5000)))))
            return failWith(query, u"acknowledge delivered entries"_s);
    }
    return transaction.commit();
}

Result<void> Outbox::bury(
    const QList<OutboxItem> &items, const QString &sqlState, const QString &error)
{
    RecordSql::WriteTransaction transaction(m_db);
    if (auto ok = transaction.begin(); !ok)
        return ok;
    const QString now = RecordSql::timeText(QDateTime::currentDateTimeUtc());
    for (const OutboxItem &item : items) {
        QSqlQuery insert(m_db);
        if (auto ok = RecordSql::exec(insert,
                u"INSERT INTO outbox_dead (kind, item_id, queued_utc, failed_utc, sqlstate, error) "
                "VALUES (?, ?, ?, ?, ?, ?)"_s,
                {OutboxItem::kindName(item.kind),
                    item.itemId,
                    item.queued,
                    now,
                    RecordSql::textValue(sqlState),
                    RecordSql::textValue(item.unusable.isEmpty() ? error : item.unusable)},
                u"keep a dead letter"_s);
            !ok)
            return ok;
        QSqlQuery remove(m_db);
        if (!remove.exec(u"DELETE FROM outbox WHERE id IN (%1)"_s.arg(idList(item.entries))))
            return failWith(remove, u"keep a dead letter"_s);
    }
    return transaction.commit();
}

Result<OutboxCounts> Outbox::counts()
{
    OutboxCounts counts;
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT count(*), min(queued_utc) FROM outbox"_s) || !query.next())
        return fail(RecordSql::sqlError(query.lastError(), u"count the outbox"_s));
    counts.entries = query.value(0).toInt();
    counts.oldest = RecordSql::timeFromText(query.value(1).toString());
    query.finish();
    if (counts.entries > 0) {
        if (!query.exec(
                u"SELECT count(DISTINCT CASE o.kind WHEN 'run' THEN o.item_id ELSE s.run_id "
                "END) FROM outbox o LEFT JOIN steps s ON o.kind = 'step' AND s.id = "
                "o.item_id WHERE o.kind <> 'event'"_s)
            || !query.next())
            return fail(RecordSql::sqlError(query.lastError(), u"count the outbox"_s));
        counts.runs = query.value(0).toInt();
        query.finish();
    }
    if (!query.exec(u"SELECT count(*) FROM outbox_dead"_s) || !query.next())
        return fail(RecordSql::sqlError(query.lastError(), u"count the dead letters"_s));
    counts.deadLetters = query.value(0).toInt();
    return counts;
}

Result<QList<OutboxDeadLetter>> Outbox::deadLetters()
{
    QList<OutboxDeadLetter> letters;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(uR"(SELECT d.id, d.kind, d.item_id, d.queued_utc, d.failed_utc, d.sqlstate,
                               d.error,
                               CASE d.kind
                                   WHEN 'run' THEN (SELECT 'fixture ' || fixture || ', device '
                                       || device_id FROM runs WHERE id = d.item_id)
                                   WHEN 'step' THEN (SELECT 'run ' || run_id || ', step ' || seq
                                       || ' ' || name FROM steps WHERE id = d.item_id)
                                   ELSE (SELECT kind || ' ' || time_utc FROM events
                                       WHERE id = d.item_id)
                               END
                        FROM outbox_dead d ORDER BY d.id)"_s))
        return fail(RecordSql::sqlError(query.lastError(), u"read the dead letters"_s));
    while (query.next()) {
        OutboxDeadLetter letter;
        letter.id = query.value(0).toLongLong();
        letter.kind = query.value(1).toString();
        letter.itemId = query.value(2).toLongLong();
        letter.queued = RecordSql::timeFromText(query.value(3).toString());
        letter.failed = RecordSql::timeFromText(query.value(4).toString());
        letter.sqlState = query.value(5).toString();
        letter.error = query.value(6).toString();
        letter.summary = query.value(7).toString();
        letters.append(letter);
    }
    return letters;
}

Result<int> Outbox::requeueDeadLetters()
{
    RecordSql::WriteTransaction transaction(m_db);
    if (auto ok = transaction.begin(); !ok)
        return fail(ok.error());
    QSqlQuery query(m_db);
    if (!query.exec(u"INSERT INTO outbox (kind, item_id, queued_utc) SELECT kind, item_id, "
                    "queued_utc FROM outbox_dead ORDER BY CASE kind WHEN 'run' THEN 0 WHEN "
                    "'step' THEN 1 ELSE 2 END, id"_s))
        return fail(RecordSql::sqlError(query.lastError(), u"retry the dead letters"_s));
    const int moved = query.numRowsAffected();
    if (!query.exec(u"DELETE FROM outbox_dead"_s))
        return fail(RecordSql::sqlError(query.lastError(), u"retry the dead letters"_s));
    if (auto ok = transaction.commit(); !ok)
        return fail(ok.error());
    return moved;
}

} // namespace Station
