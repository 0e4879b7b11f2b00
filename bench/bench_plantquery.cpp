// Plant views at scale: starts a throwaway PostgreSQL 15 (tests/helpers/pgserver.h), generates a
// plant record of 1,000,000 runs with their steps from several stations on the server itself
// (INSERT ... SELECT over generate_series, in chunks), then measures what the plant views ask
// through PlantQuery with a quality login over TCP: a shift's yield for the whole plant, the
// first page of the records page (count up to PlantReader::CountLimit and newest rows;
// unfiltered and one station), and the record's size per run. Prints "name: value unit" lines and
// writes the figures as JSON.
//
//   bench_plantquery [--runs N] [--stations S] [--repeat K] [--json FILE]
#include "benchreport.h"
#include "services/plant/plantquery.h"
#include "services/plant/plantreader.h"
#include "tests/helpers/pgserver.h"
#include "tests/helpers/plantdata.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace Station;
using Clock = std::chrono::steady_clock;

namespace {

using Bench::argument;

// Rows on one screen of the records page.
constexpr int PageRows = 100;
// Runs generated per statement (one transaction each).
constexpr qint64 Chunk = 100'000;
// The plant's calendar: a run starts every 4.8 s somewhere in the plant (round robin over the
// stations, each with 8 fixtures and runs of 4 to 7 minutes), from this day on: about 6,000
// runs per 8-hour shift, a million runs in about 56 days.
constexpr double RunIntervalS = 4.8;
const QDateTime PlantStart(QDate(2026, 1, 5), QTime(0, 0), Qt::UTC);

// A server sized like a small plant database server rather than the tests' 16 MB.
constexpr char16_t ServerConfiguration[] = u"shared_buffers = '512MB'\n"
                                           u"work_mem = '32MB'\n"
                                           u"maintenance_work_mem = '256MB'\n"
                                           u"max_wal_size = '4GB'\n"
                                           u"effective_cache_size = '4GB'\n";

void failWith(const QString &what, const QString &message)
{
    std::fprintf(stderr, "bench_plantquery: %s: %s\n", qPrintable(what), qPrintable(message));
}

void failWith(const QString &what, const Error &error)
{
    failWith(what, error.message.english() + u" ("_s + error.detail + u')');
}

QString stationId(int n)
{
    return u"ST-%1"_s.arg(n, 2, 10, QChar(u'0'));
}

// One chunk of runs [first, last) and their steps, in one statement: the runs are inserted and
// RETURNING feeds the steps. Every value derives from the run number g (two multiplicative
// hashes), so the record is the same every time except for the run UUIDs.
QString generateChunkSql(int stations)
{
    return uR"(
WITH g AS (
    SELECT g,
           (g * 2654435761) % 1000 AS h,
           (g * 40503 + 7) % 1000 AS o
    FROM generate_series(?::bigint, ?::bigint - 1) AS g),
d AS (
    SELECT g, h, o,
           -- 4 % of the runs are a retest of a device an earlier run (up to 150 back) had
           CASE WHEN h < 40 AND g >= 200 THEN g - 97 - (h % 50) ELSE g END AS device,
           date_trunc('milliseconds', timestamptz '%1'
               + make_interval(secs => g * %2 + (h % 1000) / 1000.0)) AS started,
           CASE WHEN o < 50 THEN 'FAIL' WHEN o < 60 THEN 'ABORTED'
                WHEN o < 63 THEN 'INTERRUPTED' ELSE 'PASS' END AS outcome
    FROM g),
names AS (
    SELECT ARRAY['Wait for device', 'Record device details', 'Check OS version', 'Recover OS',
                 'Update OS', 'Sideload image', 'Check RF', 'Write keystore', 'Configure Wi-Fi',
                 'Ready check', 'Finalize', 'Record verdict'] AS step_name,
           ARRAY['connect', 'details', 'osversion', 'recover', 'update', 'sideload', 'rf-check',
                 'keystore', 'wifi', 'ready', 'finalize', 'verdict'] AS step_type,
           ARRAY['DeviceNotResponding', 'OsVersionMismatch', 'RecoveryFailed',
                 'InstallationFailed', 'ImageNotTrusted', 'RfCheckFailed',
                 'MeasurementOutOfLimits', 'WifiNotConnected'] AS codes),
new AS (
    INSERT INTO plant.runs (station_id, run_uuid, local_run_id, device_id, serial_number, fixture,
        fixture_label, connection_path, recipe_name, recipe_version, recipe_sha256, recipe_path,
        station, operator, started_utc, finished_utc, outcome, failed_step, error_code, cause,
        app_version, backend, azsphere_cli, azsphere_path, azsphere_version, os_version,
        image_ids, manufacturing_state, product_name, device_group_name, station_utc)
    SELECT 'ST-' || lpad(((g % %3) + 1)::text, 2, '0'),
           gen_random_uuid(),
           g / %3 + 1,
           repeat(lpad(to_hex(device), 16, '0'), 8),
           'SN-' || lpad(device::text, 9, '0'),
           (g / %3) % 8 + 1,
           'F' || ((g / %3) % 8 + 1),
           '1-' || ((g / %3) % 8 + 1),
           'Full line',
           '1.4.2',
           repeat('9f', 32),
           '/srv/recipes/full-line.json',
           'ST-' || lpad(((g % %3) + 1)::text, 2, '0'),
           'operator-' || (g % 17),
           started,
           started + make_interval(secs => 240 + (o * 7) % 180),
           outcome,
           CASE WHEN outcome IN ('FAIL', 'ABORTED') THEN n.step_name[1 + h % 12] ELSE '' END,
           CASE WHEN outcome = 'FAIL' THEN n.codes[1 + h % 8] ELSE '' END,
           CASE WHEN outcome = 'FAIL' THEN 'The step ' || n.step_name[1 + h % 12]
                || ' failed: ' || n.codes[1 + h % 8] || '.' ELSE '' END,
           '1.0.0', 'real', 'azsphere', '/opt/azurespheresdk/Tools_v2/azsphere', '25.10.1',
           '25.10',
           'a1b2c3d4-0000-4000-8000-00000000000' || (h % 10)
               || ' b5c6d7e8-0000-4000-8000-00000000000' || (o % 10),
           CASE WHEN outcome = 'PASS' THEN 'DeviceComplete' ELSE 'Module1Complete' END,
           'Widget', 'Production',
           started + make_interval(secs => 240 + (o * 7) % 180)
    FROM d CROSS JOIN names n
    RETURNING station_id, run_uuid, started_utc, finished_utc, outcome, failed_step, error_code)
INSERT INTO plant.steps (station_id, run_uuid, seq, name, type, started_utc, finished_utc,
    outcome, attempts, error_code, cause, station_utc)
SELECT r.station_id, r.run_uuid, s.seq, n.step_name[s.seq], n.step_type[s.seq],
       r.started_utc + (r.finished_utc - r.started_utc) * (s.seq - 1) / x.last,
       r.started_utc + (r.finished_utc - r.started_utc) * s.seq / x.last,
       CASE WHEN s.seq < x.last OR r.outcome = 'PASS' THEN 'PASS'
            WHEN r.outcome = 'FAIL' THEN 'FAIL' ELSE 'ABORTED' END,
       1,
       CASE WHEN s.seq = x.last THEN r.error_code ELSE '' END,
       CASE WHEN s.seq = x.last AND r.outcome = 'FAIL' THEN 'See the run''s cause.' ELSE '' END,
       r.finished_utc
FROM new r CROSS JOIN names n
CROSS JOIN LATERAL (SELECT coalesce(array_position(n.step_name, nullif(r.failed_step, '')),
                                    CASE WHEN r.outcome = 'INTERRUPTED' THEN 6 ELSE 12 END)
                           AS last) x
CROSS JOIN LATERAL generate_series(1, x.last) AS s(seq)
)"_s.arg(PlantStart.toString(Qt::ISODate), QString::number(RunIntervalS))
        .arg(stations);
}

struct Timing
{
    std::vector<double> samples;
    double p50() const { return Bench::percentile(samples, 50); }
    double p95() const { return Bench::percentile(samples, 95); }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Bench::Report report(u"bench_plantquery"_s, args);
    const qint64 runs = argument(args, u"--runs"_s, u"1000000"_s).toLongLong();
    const int stations = std::clamp(argument(args, u"--stations"_s, u"8"_s).toInt(), 1, 99);
    const int repeat = std::max(3, argument(args, u"--repeat"_s, u"30"_s).toInt());
    if (runs < 10'000) {
        std::fprintf(stderr, "bench_plantquery: --runs must be at least 10000\n");
        return 2;
    }
    if (const QString reason = TestPg::PgServer::notInstalledReason(); !reason.isEmpty()) {
        failWith(u"server"_s, reason);
        return 2;
    }
    report.parameter(u"runs"_s, QString::number(runs));
    report.parameter(u"stations"_s, QString::number(stations));
    report.parameter(u"repeat"_s, QString::number(repeat));
    report.parameter(u"server"_s,
        u"PostgreSQL 15, throwaway, fsync off; "_s
            + QString::fromUtf16(ServerConfiguration).replace(u'\n', u"; "_s));

    TestPg::PgServer server;
    server.setExtraConfiguration(QString::fromUtf16(ServerConfiguration));
    if (const QString error = server.start(); !error.isEmpty()) {
        failWith(u"start the server"_s, error);
        return 1;
    }
    QList<std::pair<QString, QString>> registered;
    for (int n = 1; n <= stations; ++n)
        registered.append({stationId(n), n % 2 == 1 ? u"Line 1"_s : u"Line 2"_s});
    const TestPg::PlantDb plant = TestPg::makePlant(server, u"bench"_s, registered);
    if (!plant.error.isEmpty()) {
        failWith(u"create the plant database"_s, plant.error);
        return 1;
    }

    // 1. The plant record, generated on the server. As the owner with triggers off (the bulk
    //    load of a restore): the label-conflict trigger and the foreign keys would otherwise run
    //    once per row; the indexes are kept up to date as delivery would.
    {
        Plant::Connection owner;
        if (auto opened = owner.open(plant.adminConninfo); !opened) {
            failWith(u"connect as the owner"_s, opened.error().message);
            return 1;
        }
        QSqlDatabase db = owner.database();
        if (QString e = TestPg::execSql(db, u"SET session_replication_role = replica"_s);
            !e.isEmpty()) {
            failWith(u"bulk load"_s, e);
            return 1;
        }
        const QString sql = generateChunkSql(stations);
        const auto start = Clock::now();
        for (qint64 first = 0; first < runs; first += Chunk) {
            const qint64 last = std::min(runs, first + Chunk);
            if (QString e = TestPg::execSql(db, sql, {first, last}); !e.isEmpty()) {
                failWith(u"generate runs"_s, e);
                return 1;
            }
            std::printf("# generated %lld runs in %.1f s\n",
                static_cast<long long>(last),
                Bench::msSince(start) / 1000.0);
            std::fflush(stdout);
        }
        const double generated = Bench::msSince(start) / 1000.0;
        const auto analyzeStart = Clock::now();
        if (QString e = TestPg::execSql(db, u"VACUUM ANALYZE"_s); !e.isEmpty()) {
            failWith(u"vacuum"_s, e);
            return 1;
        }
        report.add(u"plant.generate_time"_s, generated, u"s"_s);
        report.add(u"plant.vacuum_analyze_time"_s, Bench::msSince(analyzeStart) / 1000.0, u"s"_s);

        QSqlQuery query(db);
        if (!query.exec(u"SELECT (SELECT count(*) FROM plant.runs), (SELECT count(*) FROM "
                        u"plant.steps), pg_total_relation_size('plant.runs'), "
                        u"pg_total_relation_size('plant.steps'), "
                        u"pg_total_relation_size('plant.commands') "
                        u"+ pg_total_relation_size('plant.measurements') "
                        u"+ pg_total_relation_size('plant.events'), "
                        u"pg_indexes_size('plant.runs'), pg_database_size(current_database())"_s)
            || !query.next()) {
            failWith(u"measure the size"_s, query.lastError().text());
            return 1;
        }
        const double runCount = query.value(0).toDouble();
        const double runsBytes = query.value(2).toDouble();
        const double stepsBytes = query.value(3).toDouble();
        const double otherBytes = query.value(4).toDouble();
        const double mib = 1024.0 * 1024.0;
        report.add(u"plant.runs"_s, runCount, u"runs"_s);
        report.add(u"plant.steps"_s, query.value(1).toDouble(), u"steps"_s);
        report.add(u"plant.runs_size"_s, runsBytes / mib, u"MiB"_s);
        report.add(u"plant.runs_index_size"_s, query.value(5).toDouble() / mib, u"MiB"_s);
        report.add(u"plant.steps_size"_s, stepsBytes / mib, u"MiB"_s);
        report.add(u"plant.database_size"_s, query.value(6).toDouble() / mib, u"MiB"_s);
        report.add(u"plant.bytes_per_run"_s,
            (runsBytes + stepsBytes + otherBytes) / std::max(runCount, 1.0),
            u"B"_s);
        report.note(u"bytes_per_run: pg_total_relation_size (heap, TOAST, indexes) of "
                    u"plant.runs, steps, commands, measurements and events over the runs; the "
                    u"generator writes runs and their steps (12, fewer for a failed run), no "
                    u"commands or measurements."_s);
    }

    // 2. The plant views' queries, as PlantReader's worker runs them: one connection, the
    //    quality login over TCP (row-level security on).
    PlantQuery query;
    {
        const auto start = Clock::now();
        if (auto opened = query.open(plant.qualityConninfo); !opened) {
            failWith(u"open the plant as quality"_s, opened.error());
            return 1;
        }
        report.add(u"connect"_s, Bench::msSince(start), u"ms"_s);
    }
    // A shift in the middle of the record: 06:00 to 14:00 on a day half way through.
    RunFilter shift;
    {
        const qint64 middle = runs / 2;
        const QDateTime when = PlantStart.addMSecs(qint64(double(middle) * RunIntervalS * 1000.0));
        shift.from = QDateTime(when.date(), QTime(6, 0), Qt::UTC);
        shift.to = shift.from.addSecs(8 * 3600);
        report.parameter(u"shift"_s,
            shift.from.toString(Qt::ISODate) + u" .. "_s + shift.to.toString(Qt::ISODate));
    }

    const auto measure
        = [&](const QString &name, const std::function<bool()> &work, double target) -> bool {
        Timing timing;
        for (int i = 0; i < repeat + 1; ++i) {
            const auto start = Clock::now();
            if (!work())
                return false;
            if (i > 0) // the first warms the cache
                timing.samples.push_back(Bench::msSince(start));
        }
        report.add(name + u".p50"_s, timing.p50(), u"ms"_s);
        report.add(name + u".p95"_s, timing.p95(), u"ms"_s);
        if (target > 0)
            report.target(name + u".p95"_s, target);
        return true;
    };

    // The yield page on the plant, one shift (every station).
    YieldReport lastYield;
    if (!measure(
            u"shift_yield"_s,
            [&] {
                const Result<YieldReport> yield = query.yieldReport(shift);
                if (!yield) {
                    failWith(u"shift yield"_s, yield.error());
                    return false;
                }
                lastYield = *yield;
                return true;
            },
            200))
        return 1;
    report.add(u"shift_yield.runs"_s, lastYield.runs, u"runs"_s);
    report.add(u"shift_yield.devices"_s, lastYield.devicesStarted, u"devices"_s);
    report.add(u"shift_yield.first_pass_yield"_s, lastYield.firstPassYield * 100.0, u"%"_s);
    report.add(u"shift_yield.hours"_s, lastYield.hours, u"h"_s);

    // The same shift, one station (the station filter of the yield page).
    RunFilter shiftOfStation = shift;
    shiftOfStation.stationId = stationId(1);
    if (!measure(
            u"shift_yield_station"_s,
            [&] {
                const Result<YieldReport> yield = query.yieldReport(shiftOfStation);
                if (!yield)
                    failWith(u"station yield"_s, yield.error());
                return bool(yield);
            },
            200))
        return 1;

    // The records page on the plant: the count ("N runs", or "More than 100,000 runs": the page
    // counts no further) and the newest screen of rows, as the page opens; then the next screen
    // (keyset). The exact count, which the page does not ask for, for comparison.
    const auto firstPage = [&](const QString &name, const RunFilter &filter) {
        qint64 total = 0;
        QList<RunRow> rows;
        const bool ok = measure(
            name,
            [&] {
                const Result<qint64> count = query.countRuns(filter, PlantReader::CountLimit);
                const Result<QList<RunRow>> page = query.fetchRuns(filter, 0, PageRows);
                if (!count || !page) {
                    failWith(name, count ? page.error() : count.error());
                    return false;
                }
                total = *count;
                rows = *page;
                return true;
            },
            200);
        if (!ok)
            return false;
        report.add(name + u".counted"_s, double(total), u"runs"_s);
        // Each part on its own, for where the time goes.
        if (!measure(
                name + u".count"_s,
                [&] { return bool(query.countRuns(filter, PlantReader::CountLimit)); },
                0)
            || !measure(
                name + u".exact_count"_s, [&] { return bool(query.countRuns(filter)); }, 0)
            || !measure(
                name + u".rows"_s, [&] { return bool(query.fetchRuns(filter, 0, PageRows)); }, 0))
            return false;
        if (rows.isEmpty())
            return true;
        const RunRow &last = rows.constLast();
        const RunKey key {last.started, last.id, last.runUuid};
        return measure(
            name + u".next_page"_s,
            [&] {
                const Result<QList<RunRow>> next = query.fetchRunsAfter(filter, key, PageRows);
                return next && next->size() == std::min<qint64>(PageRows, total - rows.size());
            },
            0);
    };
    if (!firstPage(u"first_page"_s, RunFilter {}))
        return 1;
    RunFilter oneStation;
    oneStation.stationId = stationId(1);
    if (!firstPage(u"first_page_station"_s, oneStation))
        return 1;
    RunFilter oneLine;
    oneLine.line = u"Line 2"_s;
    if (!firstPage(u"first_page_line"_s, oneLine))
        return 1;
    if (!firstPage(u"first_page_shift"_s, shift))
        return 1;

    query.close();
    return report.finish() ? 0 : 1;
}
