#pragma once

#include "services/plant/plantschema.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

class QThread;

// Store-and-forward delivery of the station's record into the plant database (issue #14).
// The local record is the journal: every write that the plant must know also adds an entry to
// the record's outbox in the same SQLite transaction (triggers, schema v5). The relay, on its
// own thread with its own SQLite and PostgreSQL connections, reads the outbox in order, sends
// the rows it names as one PostgreSQL transaction of idempotent upserts (keys made by the
// station: the station ID and the run's or event's UUID), and deletes the entries only after
// the plant committed. A crash between the two resends the batch: at-least-once delivery,
// exactly-once effect. The line never waits on it.
namespace Station::Plant {

struct DeliveryStatus
{
    enum class State {
        Starting,   // not connected yet
        UpToDate,   // nothing waits
        Sending,    // connected, a backlog is being delivered
        Offline,    // the server cannot be reached or refused the login: retrying with backoff
        Paused,     // the server's schema is not one this station writes, or this login is not
                    // registered as this station: nothing is sent or dropped until a person acts
        RecordError // the local record cannot be read (the station shows that itself)
    };
    State state = State::Starting;
    QString stationId;
    int itemsWaiting = 0;    // outbox entries
    int runsWaiting = 0;     // distinct runs with something undelivered
    QDateTime oldestWaiting; // UTC: when the oldest undelivered entry was written
    int deadLetters = 0;     // entries the server refused, waiting for a person
    qint64 delivered = 0;    // entries delivered since the relay started
    QDateTime lastDelivery;  // UTC
    // What is wrong (Offline, Paused, RecordError): the kind and one or two plain sentences.
    Failure failure = Failure::Database;
    QString message;
    QString detail;
    QDateTime nextAttempt; // UTC, while Offline
    // The server's clock minus the station's, measured at connect and every minute.
    bool clockSkewKnown = false;
    qint64 clockSkewMs = 0;
    bool clockSkewLarge = false; // beyond RelayOptions::skewLimit
    int serverSchema = 0;
    // The plant's user accounts, copied into the record (RelayOptions::cacheUsers): when they were
    // last read, how many the plant has, and what could not be copied (English, for the log).
    QDateTime usersCached; // UTC; invalid: not yet
    int plantUsers = 0;
    QStringList userProblems;
};

struct RelayOptions
{
    QString recordPath;                   // the station's SQLite record (schema 5 or later)
    QString conninfo;                     // libpq key=value pairs or service=NAME, no password
    QString stationId;                    // must be the station ID this login is registered as
    int batchSize = 2000;                 // outbox entries per PostgreSQL transaction
    std::chrono::milliseconds poll {250}; // how often an idle relay looks for new entries
    std::chrono::milliseconds backoffMin {500};
    std::chrono::milliseconds backoffMax {60'000};
    std::chrono::milliseconds pausedRecheck {30'000};
    std::chrono::milliseconds skewLimit {30'000};
    std::chrono::milliseconds statusInterval {1'000}; // how often the counts are refreshed
    // The plant's user accounts are copied into the record's users table at every connect and
    // then this often, so that the station signs them in also while the plant is away.
    bool cacheUsers = true;
    std::chrono::milliseconds usersInterval {60'000};
    int connectTimeoutS = 5;
};

class RelayWorker;

// Owns the relay's thread. Create and destroy it on one thread (the GUI's or the headless
// runner's); statusChanged() arrives there.
class Relay final : public QObject
{
    Q_OBJECT

public:
    explicit Relay(RelayOptions options, QObject *parent = nullptr);
    ~Relay() override;

    void start();
    // Stops after the current batch (its PostgreSQL transaction commits or rolls back; the
    // outbox keeps whatever was not confirmed). Waits up to `timeout`.
    void stop(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    DeliveryStatus status() const { return m_status; }
    const RelayOptions &options() const { return m_options; }

    // Puts every dead letter back into the outbox; the relay tries them again.
    void retryDeadLetters();
    // Looks for new entries now instead of at the next poll, and publishes fresh counts.
    void wake();

Q_SIGNALS:
    void statusChanged(const Station::Plant::DeliveryStatus &status);

private:
    RelayOptions m_options;
    DeliveryStatus m_status;
    QThread *m_thread = nullptr;
    RelayWorker *m_worker = nullptr;
};

// One line for logs and the headless runner (English).
QString describe(const DeliveryStatus &status);

// The local side of the dead letters, for the command line and the delivery dialog: opened,
// used and closed on the calling thread.
struct DeadLetter
{
    qint64 id = 0;
    QString kind; // run, step, event
    qint64 itemId = 0;
    QDateTime queued;
    QDateTime failed;
    QString sqlState;
    QString error;
    QString summary; // the run's device and fixture, the step's name, the event's kind
};
[[nodiscard]] PlantResult<QList<DeadLetter>> readDeadLetters(const QString &recordPath);
// Moves every dead letter back into the outbox (one transaction). Returns how many.
[[nodiscard]] PlantResult<int> requeueDeadLetters(const QString &recordPath);

} // namespace Station::Plant

Q_DECLARE_METATYPE(Station::Plant::DeliveryStatus)
