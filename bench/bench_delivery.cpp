// Delivery into the plant database: starts a throwaway PostgreSQL 15 (tests/helpers/pgserver.h)
// and measures, with the station's own relay (services/plant/relay.cpp):
// 1. a shift's backlog: a station record of --backlog-runs runs (10,000: a shift of a 64-fixture
//    station) with their steps, commands, measurements and events, generated as the record
//    benchmark does, delivered after an outage: the time until the outbox is empty;
// 2. the delivery lag while online: --stations relays (20), each fed by a writer thread that runs
//    --fixtures fixtures (64) through 10-step runs, one step per fixture every
//    --step-interval-ms (5,000), for --duration-s (60); the lag of a step is the server's
//    received_at minus the station's station_utc (the time its outbox entry was written; one
//    machine, one clock).
// Prints "name: value unit" lines and writes the figures as JSON.
//
//   bench_delivery [--backlog-runs N] [--stations S] [--fixtures F] [--step-interval-ms MS]
//                  [--duration-s S] [--json FILE]
#include "benchreport.h"
#include "recordgenerator.h"
#include "services/plant/plantschema.h"
#include "services/plant/relay.h"
#include "services/records/recordstore.h"
#include "tests/helpers/pgserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace Station;
using Clock = std::chrono::steady_clock;

namespace {

using Bench::argument;

constexpr char16_t ServerConfiguration[] = u"shared_buffers = '256MB'\n"
                                           u"work_mem = '16MB'\n"
                                           u"max_wal_size = '2GB'\n"
                                           u"max_connections = 60\n";

int failWith(const QString &what, const QString &message)
{
    std::fprintf(stderr, "bench_delivery: %s: %s\n", qPrintable(what), qPrintable(message));
    return 1;
}

QString exec(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql) ? QString() : query.lastError().text();
}

double scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toDouble();
}

// Runs the event loop until `done` holds or the deadline passes; false on the deadline.
bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds within)
{
    QDeadlineTimer deadline(within);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(20ms, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

bool delivered(const Plant::Relay &relay)
{
    const Plant::DeliveryStatus status = relay.status();
    return status.state == Plant::DeliveryStatus::State::UpToDate && status.itemsWaiting == 0;
}

Plant::RelayOptions relayOptions(const QString &record,
    const TestPg::PgServer &server,
    const QString &db,
    const QString &login,
    const QString &station)
{
    Plant::RelayOptions options;
    options.recordPath = record;
    // Over the server's socket (trust): the benchmark measures delivery, not TLS.
    options.conninfo = u"host=%1 port=%2 dbname=%3 user=%4"_s.arg(server.directory())
                           .arg(server.port())
                           .arg(db, login);
    options.stationId = station;
    options.statusInterval = 200ms;
    return options;
}

// One station's line: `fixtures` fixtures through 10-step runs, a step per fixture every
// `interval`, until `stop`.
void runLine(const QString &record,
    const QString &station,
    int fixtures,
    std::chrono::milliseconds interval,
    const std::atomic<bool> &stop,
    std::atomic<qint64> &steps)
{
    RecordStore store;
    if (!store.open(record))
        return;
    struct Fixture
    {
        qint64 run = 0;
        int step = 0;
    };
    std::vector<Fixture> state(fixtures);
    const auto tick = std::chrono::duration_cast<std::chrono::microseconds>(interval) / fixtures;
    auto next = Clock::now();
    quint64 serial = 0;
    while (!stop.load()) {
        for (int f = 0; f < fixtures && !stop.load(); ++f) {
            next += tick;
            std::this_thread::sleep_until(next);
            Fixture &fixture = state[f];
            if (fixture.run == 0) {
                RunStart start;
                start.fixture = f + 1;
                start.station = station;
                start.deviceId
                    = u"%1%2"_s.arg(station.toLower()).arg(++serial, 16, 10, QChar(u'0'));
                start.recipeName = u"factory"_s;
                start.operatorName = u"bench"_s;
                auto run = store.beginRun(start);
                if (!run)
                    continue;
                fixture.run = *run;
                fixture.step = 0;
                continue;
            }
            StepResult step;
            step.seq = ++fixture.step;
            step.name = u"Step %1"_s.arg(step.seq);
            step.type = u"sideload"_s;
            step.outcome = StepOutcome::Passed;
            step.started = QDateTime::currentDateTimeUtc();
            step.finished = step.started;
            CommandRecord command;
            command.commandLine
                = u"azsphere device sideload deploy --image-package app.imagepackage"_s;
            command.stdOut = QString(400, u'x');
            step.commands = {command, command};
            step.measurements = {{u"rssi"_s, -40.0, u"dBm"_s, -70.0, std::nullopt, true}};
            if (!store.commitStep(fixture.run, step))
                continue;
            ++steps;
            if (fixture.step == 10) {
                static_cast<void>(store.finishRun(fixture.run, RunOutcome::Pass));
                fixture.run = 0;
            }
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const qint64 backlogRuns = argument(arguments, u"--backlog-runs"_s, u"10000"_s).toLongLong();
    const int stations = argument(arguments, u"--stations"_s, u"20"_s).toInt();
    const int fixtures = argument(arguments, u"--fixtures"_s, u"64"_s).toInt();
    const auto interval = std::chrono::milliseconds(
        argument(arguments, u"--step-interval-ms"_s, u"5000"_s).toInt());
    const int duration = argument(arguments, u"--duration-s"_s, u"60"_s).toInt();

    Bench::Report report(u"bench_delivery"_s, arguments);
    report.parameter(u"backlog_runs"_s, QString::number(backlogRuns));
    report.parameter(u"stations"_s, QString::number(stations));
    report.parameter(u"fixtures"_s, QString::number(fixtures));
    report.parameter(u"step_interval_ms"_s, QString::number(interval.count()));
    report.parameter(u"duration_s"_s, QString::number(duration));

    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty())
        return failWith(u"server"_s, reason);
    TestPg::PgServer server;
    server.setExtraConfiguration(QString::fromUtf16(ServerConfiguration));
    if (const QString problem = server.start(); !problem.isEmpty())
        return failWith(u"server"_s, problem);
    QTemporaryDir work;
    const QString db = u"delivery"_s;
    Plant::Connection admin;
    {
        Plant::Connection postgres;
        if (!postgres.open(server.adminConninfo()))
            return failWith(u"connect"_s, u"postgres"_s);
        if (const QString e = exec(postgres.database(), u"CREATE DATABASE delivery"_s);
            !e.isEmpty())
            return failWith(u"create"_s, e);
    }
    if (auto opened = admin.open(server.adminConninfo(db)); !opened)
        return failWith(u"connect"_s, opened.error().message);
    QSqlDatabase adminDb = admin.database();
    if (auto created = Plant::init(adminDb); !created)
        return failWith(u"init"_s, created.error().message);

    // 1. The backlog of a shift.
    std::fprintf(stderr, "bench_delivery: generating the backlog record\n");
    {
        const QString record = work.filePath(u"backlog.sqlite"_s);
        Bench::RecordSpec spec;
        spec.runs = backlogRuns;
        spec.fixtures = fixtures;
        auto counts = Bench::generateRecord(record, spec);
        if (!counts)
            return failWith(u"generate"_s, counts.error().message.english());
        {
            // The generator writes rows as a station of schema 4 would; the UUIDs a station of
            // schema 5 makes are added here (their updates queue the runs once more, as a
            // station's finish does).
            QSqlDatabase local = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"uuid"_s);
            local.setDatabaseName(record);
            if (!local.open())
                return failWith(u"open"_s, record);
            const QString uuid = u"lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' "
                                 "|| substr(hex(randomblob(2)), 2) || '-a' || "
                                 "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"_s;
            const QStringList updates {QString(u"UPDATE runs SET run_uuid = "_s + uuid),
                QString(u"UPDATE events SET event_uuid = "_s + uuid)};
            for (const QString &sql : updates)
                if (const QString e = exec(local, sql); !e.isEmpty())
                    return failWith(u"uuid"_s, e);
            // The generator writes a run's row after its steps; a station writes it first. The
            // outbox is queued as the v5 migration queues a record's history: runs, then steps,
            // then events.
            for (const QString &sql : {u"DELETE FROM outbox"_s,
                     u"INSERT INTO outbox (kind, item_id, queued_utc) SELECT 'run', id, "
                     "started_utc FROM runs ORDER BY id"_s,
                     u"INSERT INTO outbox (kind, item_id, queued_utc) SELECT 'step', id, "
                     "coalesce(finished_utc, started_utc, '') FROM steps ORDER BY run_id, seq"_s,
                     u"INSERT INTO outbox (kind, item_id, queued_utc) SELECT 'event', id, "
                     "time_utc FROM events ORDER BY id"_s})
                if (const QString e = exec(local, sql); !e.isEmpty())
                    return failWith(u"outbox"_s, e);
            report.add(u"backlog.outbox_entries"_s,
                scalar(local, u"SELECT count(*) FROM outbox"_s),
                u"entries"_s);
            local.close();
        }
        QSqlDatabase::removeDatabase(u"uuid"_s);
        report.add(u"backlog.runs"_s, double(counts->runs), u"runs"_s);
        report.add(u"backlog.steps"_s, double(counts->steps), u"steps"_s);
        report.add(u"backlog.commands"_s, double(counts->commands), u"commands"_s);
        report.add(u"backlog.measurements"_s, double(counts->measurements), u"measurements"_s);
        if (auto registered
            = Plant::registerStation(adminDb, u"BACKLOG"_s, u"backlog_pc"_s, u"Line 1"_s, {});
            !registered)
            return failWith(u"register"_s, registered.error().message);
        std::fprintf(stderr, "bench_delivery: delivering the backlog\n");
        Plant::Relay relay(relayOptions(record, server, db, u"backlog_pc"_s, u"BACKLOG"_s));
        const auto start = Clock::now();
        relay.start();
        if (!waitFor([&] { return delivered(relay); }, 30min))
            return failWith(u"backlog"_s, Plant::describe(relay.status()));
        const double seconds = Bench::msSince(start) / 1000.0;
        relay.stop();
        report.add(u"backlog.delivery_time"_s, seconds, u"s"_s);
        report.target(u"backlog.delivery_time"_s, 60.0);
        const double plantRows = scalar(adminDb,
            u"SELECT (SELECT count(*) FROM plant.runs) + (SELECT count(*) FROM plant.steps) + "
            "(SELECT count(*) FROM plant.commands) + (SELECT count(*) FROM plant.measurements) + "
            "(SELECT count(*) FROM plant.events)"_s);
        report.add(u"backlog.rows_per_s"_s, plantRows / seconds, u"rows/s"_s);
        const double plantRuns = scalar(adminDb, u"SELECT count(*) FROM plant.runs"_s);
        const double plantCommands = scalar(adminDb, u"SELECT count(*) FROM plant.commands"_s);
        report.add(u"backlog.plant_runs"_s, plantRuns, u"runs"_s);
        if (plantRuns != double(counts->runs) || plantCommands != double(counts->commands))
            return failWith(u"backlog"_s,
                u"the plant holds %1 runs and %2 commands, the record "
                "%3 and %4"_s.arg(plantRuns)
                    .arg(plantCommands)
                    .arg(counts->runs)
                    .arg(counts->commands));
        const double bytes = scalar(adminDb,
            u"SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON "
            "n.oid = c.relnamespace WHERE n.nspname = 'plant' AND c.relkind = 'r'"_s);
        report.add(u"backlog.plant_bytes_per_run"_s, bytes / plantRuns, u"B/run"_s);
        report.note(u"plant_bytes_per_run: pg_total_relation_size (heap, TOAST, indexes) of the "
                    "plant tables over the runs, with every step, command (generated output) and "
                    "measurement"_s);
    }

    // 2. The lag while online.
    std::fprintf(stderr, "bench_delivery: %d stations delivering for %d s\n", stations, duration);
    {
        std::vector<std::unique_ptr<Plant::Relay>> relays;
        std::vector<QString> records;
        for (int s = 0; s < stations; ++s) {
            const QString station = u"LAG-%1"_s.arg(s + 1, 2, 10, QChar(u'0'));
            const QString login = u"lag_%1"_s.arg(s + 1, 2, 10, QChar(u'0'));
            if (auto registered = Plant::registerStation(adminDb, station, login, u"Line 2"_s, {});
                !registered)
                return failWith(u"register"_s, registered.error().message);
            const QString record = work.filePath(station + u".sqlite"_s);
            RecordStore create;
            if (!create.open(record))
                return failWith(u"record"_s, record);
            create.close();
            records.push_back(record);
            relays.push_back(
                std::make_unique<Plant::Relay>(relayOptions(record, server, db, login, station)));
            relays.back()->start();
        }
        std::atomic<bool> stop {false};
        std::atomic<qint64> steps {0};
        std::vector<QThread *> lines;
        const QDateTime began = QDateTime::currentDateTimeUtc();
        for (int s = 0; s < stations; ++s) {
            const QString station = u"LAG-%1"_s.arg(s + 1, 2, 10, QChar(u'0'));
            QThread *line = QThread::create([&, record = records[size_t(s)], station] {
                runLine(record, station, fixtures, interval, stop, steps);
            });
            line->start();
            lines.push_back(line);
        }
        waitFor([] { return false; }, std::chrono::seconds(duration));
        stop = true;
        for (QThread *line : lines) {
            line->wait();
            delete line;
        }
        // Drained when every record's outbox is empty (a relay's last status may predate the
        // lines' last writes).
        const bool drained = waitFor(
            [&] {
                for (const QString &record : records) {
                    QSqlDatabase local = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"drain"_s);
                    local.setDatabaseName(record);
                    const double left
                        = local.open() ? scalar(local, u"SELECT count(*) FROM outbox"_s) : -1;
                    local.close();
                    local = {};
                    QSqlDatabase::removeDatabase(u"drain"_s);
                    if (left != 0)
                        return false;
                }
                return true;
            },
            5min);
        for (auto &relay : relays)
            relay->stop();
        if (!drained)
            return failWith(u"lag"_s, u"the relays did not deliver everything"_s);
        report.add(u"lag.steps_written"_s, double(steps.load()), u"steps"_s);
        report.add(u"lag.steps_per_s"_s, double(steps.load()) / duration, u"steps/s"_s);
        const double plantSteps
            = scalar(adminDb, u"SELECT count(*) FROM plant.steps WHERE station_id LIKE 'LAG-%'"_s);
        report.add(u"lag.plant_steps"_s, plantSteps, u"steps"_s);
        QSqlQuery query(adminDb);
        if (!query.exec(u"SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY "
                        "extract(epoch FROM received_at - station_utc) * 1000), max(extract(epoch "
                        "FROM received_at - station_utc) * 1000) FROM plant.steps WHERE "
                        "station_id LIKE 'LAG-%' AND station_utc >= '%1'"_s.arg(
                            began.toString(Qt::ISODateWithMs)))
            || !query.next())
            return failWith(u"lag"_s, query.lastError().text());
        const QStringList percentiles
            = query.value(0).toString().remove(u'{').remove(u'}').split(u',');
        if (percentiles.size() == 3) {
            report.add(u"lag.p50"_s, percentiles[0].toDouble(), u"ms"_s);
            report.add(u"lag.p95"_s, percentiles[1].toDouble(), u"ms"_s);
            report.add(u"lag.p99"_s, percentiles[2].toDouble(), u"ms"_s);
            report.target(u"lag.p95"_s, 2000.0);
        }
        report.add(u"lag.max"_s, query.value(1).toDouble(), u"ms"_s);
        report.note(u"lag: received_at (the server's clock at the first arrival) minus "
                    "station_utc (the station's clock when the step's outbox entry was written), "
                    "over every step written while the lines ran; one machine, one clock"_s);
    }
    server.stop();
    return report.finish() ? 0 : 1;
}
