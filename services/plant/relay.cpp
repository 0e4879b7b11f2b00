#include "services/plant/relay.h"

#include "services/base/logging.h"
#include "services/plant/plantusers.h"
#include "services/records/outbox.h"
#include "services/records/recordstore.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Station::Plant {

namespace {

// A delivered table: its columns as jsonb_to_recordset() declares them, and its key.
struct Target
{
    QString table;
    QStringList columns; // "name type"
    QStringList key;
};

Target runsTarget()
{
    return {u"runs"_s,
        {u"run_uuid uuid"_s,
            u"local_run_id bigint"_s,
            u"device_id text"_s,
            u"serial_number text"_s,
            u"fixture integer"_s,
            u"fixture_label text"_s,
            u"connection_path text"_s,
            u"ip_address text"_s,
            u"recipe_name text"_s,
            u"recipe_version text"_s,
            u"recipe_sha256 text"_s,
            u"recipe_path text"_s,
            u"station text"_s,
            u"operator text"_s,
            u"operator_kind text"_s,
            u"started_utc timestamptz"_s,
            u"finished_utc timestamptz"_s,
            u"outcome text"_s,
            u"failed_step text"_s,
            u"error_code text"_s,
            u"cause text"_s,
            u"cause_text text"_s,
            u"app_version text"_s,
            u"backend text"_s,
            u"azsphere_cli text"_s,
            u"azsphere_path text"_s,
            u"azsphere_version text"_s,
            u"rf_tool_path text"_s,
            u"rf_tool_version text"_s,
            u"os_version text"_s,
            u"image_ids text"_s,
            u"manufacturing_state text"_s,
            u"product_name text"_s,
            u"device_group_name text"_s,
            u"station_utc timestamptz"_s},
        {u"run_uuid"_s}};
}

Target stepsTarget()
{
    return {u"steps"_s,
        {u"run_uuid uuid"_s,
            u"seq integer"_s,
            u"name text"_s,
            u"type text"_s,
            u"started_utc timestamptz"_s,
            u"finished_utc timestamptz"_s,
            u"outcome text"_s,
            u"attempts integer"_s,
            u"error_code text"_s,
            u"cause text"_s,
            u"cause_text text"_s,
            u"remedy text"_s,
            u"remedy_text text"_s,
            u"note text"_s,
            u"note_text text"_s,
            u"data text"_s,
            u"station_utc timestamptz"_s},
        {u"run_uuid"_s, u"seq"_s}};
}

Target commandsTarget()
{
    return {u"commands"_s,
        {u"run_uuid uuid"_s,
            u"step_seq integer"_s,
            u"seq integer"_s,
            u"command_line text"_s,
            u"outcome text"_s,
            u"exit_code integer"_s,
            u"stdout text"_s,
            u"stderr text"_s,
            u"truncated boolean"_s,
            u"started_utc timestamptz"_s,
            u"finished_utc timestamptz"_s,
            u"station_utc timestamptz"_s},
        {u"run_uuid"_s, u"step_seq"_s, u"seq"_s}};
}

Target measurementsTarget()
{
    return {u"measurements"_s,
        {u"run_uuid uuid"_s,
            u"step_seq integer"_s,
            u"seq integer"_s,
            u"name text"_s,
            u"value double precision"_s,
            u"unit text"_s,
            u"low double precision"_s,
            u"high double precision"_s,
            u"pass boolean"_s,
            u"station_utc timestamptz"_s},
        {u"run_uuid"_s, u"step_seq"_s, u"seq"_s}};
}

Target eventsTarget()
{
    return {u"events"_s,
        {u"event_uuid uuid"_s,
            u"local_event_id bigint"_s,
            u"time_utc timestamptz"_s,
            u"station text"_s,
            u"operator text"_s,
            u"fixture integer"_s,
            u"kind text"_s,
            u"detail text"_s,
            u"user_role text"_s,
            u"target text"_s,
            u"old_value text"_s,
            u"new_value text"_s,
            u"reason text"_s,
            u"seq bigint"_s,
            u"prev_hash text"_s,
            u"hash text"_s,
            u"station_utc timestamptz"_s},
        {u"event_uuid"_s}};
}

// INSERT ... SELECT FROM jsonb_to_recordset(?) ... ON CONFLICT (key) DO UPDATE: one statement
// per table and batch, whatever the number of rows; a resend updates the same row and leaves
// received_at (the first arrival) as it was. Parameters: the station ID, the JSON array.
QString upsertSql(const Target &target)
{
    QStringList names;
    QStringList updates;
    for (const QString &column : target.columns) {
        const QString name = column.section(u' ', 0, 0);
        names.append(name);
        if (!target.key.contains(name))
            updates.append(u"%1 = EXCLUDED.%1"_s.arg(name));
    }
    QStringList keys = target.key;
    keys.prepend(u"station_id"_s);
    return u"INSERT INTO plant.%1 (station_id, %2) SELECT ?, %3 FROM jsonb_to_recordset(?::jsonb) "
           "AS x(%4) ON CONFLICT (%5) DO UPDATE SET %6"_s.arg(target.table,
               names.join(u", "_s),
               QStringList(names)
                   .replaceInStrings(QRegularExpression(u"^"_s), u"x."_s)
                   .join(u", "_s),
               target.columns.join(u", "_s),
               keys.join(u", "_s),
               updates.join(u", "_s));
}

struct Payload
{
    QJsonArray runs, steps, commands, measurements, events;
    bool empty() const
    {
        return runs.isEmpty() && steps.isEmpty() && commands.isEmpty() && measurements.isEmpty()
            && events.isEmpty();
    }
};

void add(Payload &payload, const OutboxItem &item)
{
    switch (item.kind) {
    case OutboxItem::Kind::Run:
        payload.runs.append(item.row);
        break;
    case OutboxItem::Kind::Step: {
        QJsonObject step = item.row;
        const QJsonValue runUuid = step.value(u"run_uuid");
        const QJsonValue seq = step.value(u"seq");
        const QJsonValue stationUtc = step.value(u"station_utc");
        const QJsonArray commands = step.take(u"commands"_s).toArray();
        const QJsonArray measurements = step.take(u"measurements"_s).toArray();
        payload.steps.append(step);
        for (const QJsonValue &value : commands) {
            QJsonObject command = value.toObject();
            command.insert(u"run_uuid"_s, runUuid);
            command.insert(u"step_seq"_s, seq);
            command.insert(u"station_utc"_s, stationUtc);
            payload.commands.append(command);
        }
        for (const QJsonValue &value : measurements) {
            QJsonObject measurement = value.toObject();
            measurement.insert(u"run_uuid"_s, runUuid);
            measurement.insert(u"step_seq"_s, seq);
            measurement.insert(u"station_utc"_s, stationUtc);
            payload.measurements.append(measurement);
        }
        break;
    }
    case OutboxItem::Kind::Event:
        payload.events.append(item.row);
        break;
    }
}

Logger relayLog()
{
    return Logging::logger(u"plant"_s);
}

enum class SendFault {
    None,
    Connection, // the link or the server went away: reconnect with backoff
    Schema,     // the server's tables are not what this station writes: pause
    Refused,    // the server refused a row (constraint, type): find it, dead-letter it
    Access,     // row-level security or privileges: this login is not this station's
    Other,
};

SendFault faultOf(const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    if (state.startsWith(u"08"_s) || state.startsWith(u"57P"_s) || state == u"53300"_s
        || state.isEmpty())
        return SendFault::Connection;
    if (state == u"42P01"_s || state == u"42703"_s || state == u"42883"_s || state == u"3F000"_s)
        return SendFault::Schema;
    if (state == u"42501"_s)
        return SendFault::Access;
    if (state.startsWith(u"22"_s) || state.startsWith(u"23"_s))
        return SendFault::Refused;
    return SendFault::Other;
}

} // namespace

class RelayWorker final : public QObject
{
    Q_OBJECT

public:
    explicit RelayWorker(RelayOptions options)
        : m_options(std::move(options))
    {
        m_status.stationId = m_options.stationId;
    }

public Q_SLOTS:
    void begin()
    {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &RelayWorker::tick);
        m_sql = {{runsTarget(), upsertSql(runsTarget())},
            {stepsTarget(), upsertSql(stepsTarget())},
            {commandsTarget(), upsertSql(commandsTarget())},
            {measurementsTarget(), upsertSql(measurementsTarget())},
            {eventsTarget(), upsertSql(eventsTarget())}};
        schedule(0ms);
    }

    void finish()
    {
        m_stopping = true;
        if (m_timer)
            m_timer->stop();
        dropServer();
        m_outbox.close();
        m_users.reset();
    }

    void wakeUp()
    {
        // The next look publishes fresh counts, even when nothing changed.
        m_forcePublish = true;
        if (!m_stopping && m_status.state != DeliveryStatus::State::Offline
            && m_status.state != DeliveryStatus::State::Paused)
            schedule(0ms);
    }

    void retryDead()
    {
        if (!ensureOutbox())
            return;
        auto moved = m_outbox.requeueDeadLetters();
        if (!moved) {
            recordError(moved.error());
            return;
        }
        relayLog().info(u"plant delivery: %1 dead letters put back into the outbox"_s.arg(*moved));
        m_lastCounts = {};
        // A person asked: try now, also when paused or offline.
        m_pausedUntil = {};
        m_failures = 0;
        schedule(0ms);
    }

Q_SIGNALS:
    void statusChanged(const Station::Plant::DeliveryStatus &status);

private:
    void schedule(std::chrono::milliseconds delay)
    {
        if (m_stopping || !m_timer)
            return;
        m_timer->start(delay);
    }

    void publish() { Q_EMIT statusChanged(m_status); }

    bool ensureOutbox()
    {
        if (m_outbox.isOpen())
            return true;
        auto opened = m_outbox.open(m_options.recordPath);
        if (!opened) {
            recordError(opened.error());
            return false;
        }
        return true;
    }

    void recordError(const Error &error)
    {
        m_outbox.close();
        m_status.state = DeliveryStatus::State::RecordError;
        m_status.failure = Failure::Database;
        m_status.message = u"The plant delivery cannot read the station's record: %1"_s.arg(
            error.message.english());
        m_status.detail = error.detail;
        relayLog().warn(u"plant delivery: %1 (%2)"_s.arg(m_status.message, m_status.detail));
        publish();
        schedule(backoff());
    }

    std::chrono::milliseconds backoff()
    {
        // Exponential with jitter: each failure doubles the ceiling up to backoffMax, and the
        // wait is drawn between half the ceiling and the ceiling, so that twenty stations that
        // lost the server together do not come back in step.
        const int exponent = std::min(m_failures, 16);
        ++m_failures;
        const qint64 ceiling = std::min<qint64>(
            m_options.backoffMax.count(), m_options.backoffMin.count() << exponent);
        const qint64 wait = ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1);
        return std::chrono::milliseconds(wait);
    }

    void dropServer()
    {
        m_db = {};
        m_connection.reset();
    }

    void offline(const Problem &problem)
    {
        dropServer();
        const auto wait = backoff();
        m_status.state = DeliveryStatus::State::Offline;
        m_status.failure = problem.failure;
        m_status.message = problem.message;
        m_status.detail = problem.detail;
        m_status.nextAttempt = QDateTime::currentDateTimeUtc().addMSecs(wait.count());
        relayLog().warn(
            u"plant delivery: offline, next attempt in %1 ms: %2 (%3)"_s.arg(wait.count())
                .arg(problem.message, problem.detail));
        refreshCounts(true);
        publish();
        schedule(wait);
    }

    void pause(const Problem &problem)
    {
        dropServer();
        m_status.state = DeliveryStatus::State::Paused;
        m_status.failure = problem.failure;
        m_status.message = problem.message;
        m_status.detail = problem.detail;
        m_pausedUntil = QDeadlineTimer(m_options.pausedRecheck);
        relayLog().warn(u"plant delivery: PAUSED, nothing is sent or dropped: %1 (%2)"_s.arg(
            problem.message, problem.detail));
        refreshCounts(true);
        publish();
        schedule(m_options.pausedRecheck);
    }

    // Connects, checks the schema, the registration and the clock.
    bool connectServer()
    {
        auto connection = std::make_unique<Connection>();
        // Keepalives and a TCP user timeout: a pulled cable ends a connection in seconds
        // instead of the kernel's quarter of an hour, so the relay reconnects.
        auto opened = connection->open(m_options.conninfo,
            u"connect_timeout=%1 keepalives=1 keepalives_idle=10 keepalives_interval=5 "
            "keepalives_count=3 tcp_user_timeout=20000 application_name=sphere-station-relay"_s.arg(
                m_options.connectTimeoutS));
        if (!opened) {
            offline(opened.error());
            return false;
        }
        QSqlDatabase db = connection->database();
        auto version = serverVersion(db);
        if (!version) {
            offline(version.error());
            return false;
        }
        m_status.serverSchema = *version;
        if (*version == 0) {
            pause({Failure::NotInitialized,
                u"The plant database has no plant schema: IT runs sphere-station plant init."_s,
                {}});
            return false;
        }
        if (auto understood = checkUnderstood(*version); !understood) {
            pause(understood.error());
            return false;
        }
        if (*version < latestVersion()) {
            pause({Failure::SchemaTooNew,
                u"The plant database has schema %1 and this station writes schema %2: IT runs "
                "sphere-station plant migrate. Nothing is lost meanwhile."_s.arg(*version)
                    .arg(latestVersion()),
                {}});
            return false;
        }
        QSqlQuery who(db);
        if (!who.exec(u"SELECT current_user, plant.station_of(current_user)"_s) || !who.next()) {
            const SendFault fault = faultOf(who.lastError());
            if (fault == SendFault::Connection)
                offline(problemFrom(who.lastError(), u"read the station registration"_s));
            else
                pause(problemFrom(who.lastError(), u"read the station registration"_s));
            return false;
        }
        const QString login = who.value(0).toString();
        const QString registered = who.value(1).toString();
        if (registered.isEmpty()) {
            pause({Failure::InsufficientPrivilege,
                u"The login %1 is not registered as a station in the plant database: IT runs "
                "sphere-station plant register-station --station %2 --login %1."_s.arg(
                    login, m_options.stationId),
                {}});
            return false;
        }
        if (registered != m_options.stationId) {
            pause({Failure::InsufficientPrivilege,
                u"The login %1 is registered as station %2, but this station is %3: set "
                "[plant] station=%2, or use the login registered for %3."_s.arg(
                    login, registered, m_options.stationId),
                {}});
            return false;
        }
        m_connection = std::move(connection);
        m_db = db;
        m_failures = 0;
        relayLog().info(
            u"plant delivery: connected as %1 (station %2, schema %3)"_s.arg(login, registered)
                .arg(*version));
        measureClock();
        m_usersRead = {};
        return cacheUsers();
    }

    // Copies the plant's user accounts into the record (at connect, then every usersInterval).
    // False when the server went away meanwhile (the relay is offline then).
    bool cacheUsers()
    {
        if (!m_options.cacheUsers)
            return true;
        if (m_usersRead.isValid() && m_usersRead.elapsed() < m_options.usersInterval.count())
            return true;
        m_usersRead.start();
        auto users = readUsers(m_db);
        if (!users) {
            // The driver closes a connection it lost.
            if (users.error().failure == Failure::Unreachable || !m_db.isOpen()) {
                offline(users.error());
                return false;
            }
            // Delivery goes on; the station signs in from what it has.
            noteUserProblems({u"the plant's users cannot be read: %1 (%2)"_s.arg(
                users.error().message, users.error().detail)});
            return true;
        }
        if (!m_users) {
            m_users = std::make_unique<RecordStore>();
            if (auto opened = m_users->open(m_options.recordPath); !opened) {
                m_users.reset();
                noteUserProblems(
                    {u"the record cannot be opened to cache the plant's users: %1"_s.arg(
                        opened.error().message.english())});
                return true;
            }
        }
        auto cached = Plant::cacheUsers(*m_users, *users);
        if (!cached) {
            noteUserProblems({u"the plant's users cannot be cached in the record: %1 (%2)"_s.arg(
                cached.error().message.english(), cached.error().detail)});
            return true;
        }
        if (cached->changedAnything())
            relayLog().info(u"plant users: %1 added, %2 changed, %3 deactivated in the record "
                            "(%4 accounts in the plant)"_s.arg(cached->added)
                                .arg(cached->changed)
                                .arg(cached->deactivated)
                                .arg(users->size()));
        noteUserProblems(cached->problems);
        m_status.plantUsers = int(users->size());
        m_status.usersCached = QDateTime::currentDateTimeUtc();
        m_forcePublish = true;
        return true;
    }

    // Logs what could not be cached once, not at every sync.
    void noteUserProblems(const QStringList &problems)
    {
        if (problems != m_status.userProblems) {
            for (const QString &problem : problems)
                relayLog().warn(u"plant users: %1"_s.arg(problem));
        }
        m_status.userProblems = problems;
    }

    void measureClock()
    {
        QSqlQuery query(m_db);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        if (!query.exec(u"SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint"_s)
            || !query.next())
            return;
        const QDateTime after = QDateTime::currentDateTimeUtc();
        const qint64 local = (before.toMSecsSinceEpoch() + after.toMSecsSinceEpoch()) / 2;
        const qint64 skew = query.value(0).toLongLong() - local;
        const bool large = std::abs(skew) > m_options.skewLimit.count();
        if (large && !m_status.clockSkewLarge)
            relayLog().warn(
                u"plant delivery: the station's clock differs from the plant server's by "
                "%1 s; every row carries both times"_s.arg(double(skew) / 1000.0, 0, 'f', 1));
        m_status.clockSkewKnown = true;
        m_status.clockSkewMs = skew;
        m_status.clockSkewLarge = large;
        m_clockMeasured.start();
    }

    void refreshCounts(bool force)
    {
        if (!force && m_lastCounts.isValid()
            && m_lastCounts.elapsed() < m_options.statusInterval.count())
            return;
        if (!m_outbox.isOpen())
            return;
        auto counts = m_outbox.counts();
        if (!counts)
            return;
        m_status.itemsWaiting = counts->entries;
        m_status.runsWaiting = counts->runs;
        m_status.oldestWaiting = counts->oldest;
        m_status.deadLetters = counts->deadLetters;
        m_lastCounts.start();
    }

    // Sends `items` in one transaction. Returns the fault and the server's error.
    std::pair<SendFault, QSqlError> send(const QList<OutboxItem> &items)
    {
        Payload payload;
        for (const OutboxItem &item : items)
            add(payload, item);
        if (payload.empty())
            return {SendFault::None, {}};
        QSqlQuery query(m_db);
        auto fault = [&](const QSqlError &error) {
            QSqlQuery(m_db).exec(u"ROLLBACK"_s);
            return std::pair {faultOf(error), error};
        };
        if (!query.exec(u"BEGIN"_s))
            return fault(query.lastError());
        const QList<QJsonArray *> arrays {&payload.runs,
            &payload.steps,
            &payload.commands,
            &payload.measurements,
            &payload.events};
        for (int i = 0; i < arrays.size(); ++i) {
            if (arrays[i]->isEmpty())
                continue;
            if (!query.prepare(m_sql[i].second))
                return fault(query.lastError());
            query.addBindValue(m_options.stationId);
            query.addBindValue(
                QString::fromUtf8(QJsonDocument(*arrays[i]).toJson(QJsonDocument::Compact)));
            if (!query.exec())
                return fault(query.lastError());
        }
        if (!query.exec(u"COMMIT"_s))
            return fault(query.lastError());
        return {SendFault::None, {}};
    }

    // Keeps what the server refused in its dead letters too, so IT sees it (best effort: the
    // station's own list is the one a person retries from).
    void tellServer(const OutboxItem &item, const QSqlError &error)
    {
        QSqlQuery query(m_db);
        query.prepare(u"INSERT INTO plant.dead_letters (station_id, item_kind, item_key, payload, "
                      "error, sqlstate, station_utc) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                      "(station_id, item_kind, item_key) DO UPDATE SET payload = "
                      "EXCLUDED.payload, error = EXCLUDED.error, sqlstate = EXCLUDED.sqlstate, "
                      "station_utc = EXCLUDED.station_utc"_s);
        query.addBindValue(m_options.stationId);
        query.addBindValue(OutboxItem::kindName(item.kind));
        query.addBindValue(item.key().isEmpty() ? QString::number(item.itemId) : item.key());
        query.addBindValue(QString::fromUtf8(QJsonDocument(item.row).toJson(QJsonDocument::Compact))
                               .replace(QChar(0), QChar(0xFFFD)));
        query.addBindValue(error.databaseText().isEmpty() ? error.text() : error.databaseText());
        query.addBindValue(error.nativeErrorCode());
        query.addBindValue(item.queued);
        query.exec();
    }

    void tick()
    {
        if (m_stopping)
            return;
        if (!ensureOutbox())
            return;
        if (!m_db.isValid()) {
            if (m_status.state == DeliveryStatus::State::Paused && !m_pausedUntil.hasExpired()) {
                schedule(std::chrono::milliseconds(m_pausedUntil.remainingTime()));
                return;
            }
            if (!connectServer())
                return;
        } else {
            if (!m_clockMeasured.isValid() || m_clockMeasured.elapsed() > 60'000)
                measureClock();
            if (!cacheUsers())
                return;
        }

        auto batch = m_outbox.read(m_options.batchSize);
        if (!batch) {
            recordError(batch.error());
            return;
        }
        if (!batch->vanished.isEmpty()) {
            if (auto ok = m_outbox.acknowledge(batch->vanished); !ok) {
                recordError(ok.error());
                return;
            }
        }
        if (batch->items.isEmpty()) {
            // Idle: a server that went away is noticed within a few seconds, not only at the
            // next run's write.
            if (!m_lastPing.isValid() || m_lastPing.elapsed() > 5000) {
                m_lastPing.start();
                QSqlQuery ping(m_db);
                if (!ping.exec(u"SELECT 1"_s)) {
                    offline(problemFrom(ping.lastError(), u"check the connection"_s));
                    return;
                }
            }
            const bool changed = m_status.state != DeliveryStatus::State::UpToDate;
            m_status.state = DeliveryStatus::State::UpToDate;
            m_status.message.clear();
            m_status.detail.clear();
            refreshCounts(changed || m_forcePublish);
            if (changed || m_forcePublish
                || m_lastPublished.elapsed() >= m_options.statusInterval.count()) {
                m_forcePublish = false;
                publish();
                m_lastPublished.start();
            }
            schedule(m_options.poll);
            return;
        }

        QList<OutboxItem> usable;
        QList<OutboxItem> unusable;
        for (const OutboxItem &item : std::as_const(batch->items))
            (item.unusable.isEmpty() ? usable : unusable).append(item);
        if (!unusable.isEmpty()) {
            if (auto ok = m_outbox.bury(unusable, {}, {}); !ok) {
                recordError(ok.error());
                return;
            }
        }

        auto [fault, error] = send(usable);
        if (fault == SendFault::Refused) {
            // Find the rows the server refuses: each item alone, in order (a step whose run
            // was refused is refused as well). The others are delivered.
            QList<qint64> delivered;
            for (const OutboxItem &item : std::as_const(usable)) {
                auto [itemFault, itemError] = send({item});
                if (itemFault == SendFault::None) {
                    delivered.append(item.entries);
                    continue;
                }
                if (itemFault != SendFault::Refused) {
                    fault = itemFault;
                    error = itemError;
                    break;
                }
                relayLog().warn(
                    u"plant delivery: the server refused %1 %2 (%3): %4; kept as a dead "
                    "letter"_s.arg(OutboxItem::kindName(item.kind),
                        item.key(),
                        itemError.nativeErrorCode(),
                        itemError.databaseText()));
                tellServer(item, itemError);
                if (auto ok = m_outbox.bury({item},
                        itemError.nativeErrorCode(),
                        itemError.databaseText().isEmpty() ? itemError.text()
                                                           : itemError.databaseText());
                    !ok) {
                    recordError(ok.error());
                    return;
                }
            }
            if (auto ok = m_outbox.acknowledge(delivered); !ok) {
                recordError(ok.error());
                return;
            }
            m_status.delivered += delivered.size();
            if (fault == SendFault::Refused)
                fault = SendFault::None;
        } else if (fault == SendFault::None) {
            QList<qint64> entries;
            for (const OutboxItem &item : std::as_const(usable))
                entries.append(item.entries);
            // The plant committed. If the station dies before this delete, the next relay
            // sends the same rows again: the upserts leave them as they are.
            if (auto ok = m_outbox.acknowledge(entries); !ok) {
                recordError(ok.error());
                return;
            }
            m_status.delivered += entries.size();
        }

        switch (fault) {
        case SendFault::None:
            m_status.state = DeliveryStatus::State::Sending;
            m_status.lastDelivery = QDateTime::currentDateTimeUtc();
            m_status.message.clear();
            m_status.detail.clear();
            m_failures = 0;
            refreshCounts(false);
            if (m_lastPublished.elapsed() >= 200 || !m_lastPublished.isValid()) {
                publish();
                m_lastPublished.start();
            }
            schedule(0ms);
            return;
        case SendFault::Connection:
            offline(problemFrom(error, u"deliver"_s));
            return;
        case SendFault::Schema: {
            Problem problem = problemFrom(error, u"deliver"_s);
            problem.message
                = u"The plant database's tables are not what this station writes "
                  "(%1). Delivery is paused; nothing is dropped."_s.arg(error.databaseText());
            pause(problem);
            return;
        }
        case SendFault::Access: {
            Problem problem = problemFrom(error, u"deliver"_s);
            problem.message = u"The plant database refused this station's rows (%1): the login "
                              "may not write as station %2. Delivery is paused; nothing is "
                              "dropped."_s.arg(error.databaseText(), m_options.stationId);
            pause(problem);
            return;
        }
        case SendFault::Refused:
        case SendFault::Other:
            offline(problemFrom(error, u"deliver"_s));
            return;
        }
    }

    RelayOptions m_options;
    DeliveryStatus m_status;
    QTimer *m_timer = nullptr;
    Outbox m_outbox;
    std::unique_ptr<Connection> m_connection;
    QSqlDatabase m_db;
    QList<std::pair<Target, QString>> m_sql;
    int m_failures = 0;
    bool m_stopping = false;
    bool m_forcePublish = false;
    QDeadlineTimer m_pausedUntil;
    QElapsedTimer m_clockMeasured;
    QElapsedTimer m_lastCounts;
    QElapsedTimer m_lastPublished;
    QElapsedTimer m_lastPing;
    QElapsedTimer m_usersRead;
    // The record connection the user accounts are cached through (opened when first needed).
    std::unique_ptr<RecordStore> m_users;
};

Relay::Relay(RelayOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<Station::Plant::DeliveryStatus>();
    m_status.stationId = m_options.stationId;
}

Relay::~Relay()
{
    stop();
}

void Relay::start()
{
    if (m_thread)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(u"plant-relay"_s);
    m_worker = new RelayWorker(m_options);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &RelayWorker::begin);
    connect(m_worker, &RelayWorker::statusChanged, this, [this](const DeliveryStatus &status) {
        m_status = status;
        Q_EMIT statusChanged(status);
    });
    m_thread->start();
}

void Relay::stop(std::chrono::milliseconds timeout)
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, &RelayWorker::finish, Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_worker, &QObject::deleteLater, Qt::QueuedConnection);
    m_thread->quit();
    if (!m_thread->wait(QDeadlineTimer(timeout))) {
        // A server that stopped answering in the middle of a statement: the process is ending
        // or the relay is being replaced; the outbox keeps everything unconfirmed.
        relayLog().warn(
            u"plant delivery: the relay did not stop within %1 ms"_s.arg(timeout.count()));
        m_thread->setParent(nullptr);
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
        m_thread = nullptr;
        m_worker = nullptr;
        return;
    }
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
}

void Relay::retryDeadLetters()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &RelayWorker::retryDead, Qt::QueuedConnection);
}

void Relay::wake()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &RelayWorker::wakeUp, Qt::QueuedConnection);
}

QString describe(const DeliveryStatus &status)
{
    const QString waiting = status.runsWaiting > 0 || status.itemsWaiting > 0
        ? u"%1 runs waiting (%2 entries), the oldest from %3"_s.arg(status.runsWaiting)
              .arg(status.itemsWaiting)
              .arg(status.oldestWaiting.toString(Qt::ISODate))
        : u"nothing waiting"_s;
    QString text;
    switch (status.state) {
    case DeliveryStatus::State::Starting:
        text = u"plant: connecting"_s;
        break;
    case DeliveryStatus::State::UpToDate:
        text = u"plant: up to date"_s;
        break;
    case DeliveryStatus::State::Sending:
        text = u"plant: delivering, %1"_s.arg(waiting);
        break;
    case DeliveryStatus::State::Offline:
        text = u"plant: offline, %1: %2"_s.arg(waiting, status.message);
        break;
    case DeliveryStatus::State::Paused:
        text = u"plant: PAUSED, %1: %2"_s.arg(waiting, status.message);
        break;
    case DeliveryStatus::State::RecordError:
        text = u"plant: %1"_s.arg(status.message);
        break;
    }
    if (status.deadLetters > 0)
        text += u"; %1 refused rows kept as dead letters"_s.arg(status.deadLetters);
    if (status.clockSkewLarge)
        text += u"; clock differs from the server's by %1 s"_s.arg(
            double(status.clockSkewMs) / 1000.0, 0, 'f', 1);
    return text;
}

PlantResult<QList<DeadLetter>> readDeadLetters(const QString &recordPath)
{
    Outbox outbox;
    if (auto opened = outbox.open(recordPath); !opened)
        return tl::make_unexpected(
            Problem {Failure::Database, opened.error().message.english(), opened.error().detail});
    auto letters = outbox.deadLetters();
    if (!letters)
        return tl::make_unexpected(
            Problem {Failure::Database, letters.error().message.english(), letters.error().detail});
    QList<DeadLetter> list;
    for (const OutboxDeadLetter &letter : *letters)
        list.append({letter.id,
            letter.kind,
            letter.itemId,
            letter.queued,
            letter.failed,
            letter.sqlState,
            letter.error,
            letter.summary});
    return list;
}

PlantResult<int> requeueDeadLetters(const QString &recordPath)
{
    Outbox outbox;
    if (auto opened = outbox.open(recordPath); !opened)
        return tl::make_unexpected(
            Problem {Failure::Database, opened.error().message.english(), opened.error().detail});
    auto moved = outbox.requeueDeadLetters();
    if (!moved)
        return tl::make_unexpected(
            Problem {Failure::Database, moved.error().message.english(), moved.error().detail});
    return *moved;
}

} // namespace Station::Plant

#include "relay.moc"
