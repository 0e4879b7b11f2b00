// Record at scale: builds (once, cached) a record of 1,000,000 realistic runs through the real
// schema, then measures what the quality staff feel: opening the records page, a shift's query
// and the CSV export. Prints "name: value unit" lines and writes the figures as JSON.
//
//   bench_record [--runs N] [--repeat K] [--cache DIR] [--json FILE]
#include "benchreport.h"
#include "recordgenerator.h"
#include "services/records/csvexport.h"
#include "services/records/recordquery.h"
#include "services/records/recordstore.h"
#include "tests/helpers/csvparse.h"

#ifdef STATION_BENCH_HAVE_RECORDS_MODEL
#include "models/recordsmodel.h"

#include <QGuiApplication>
#else
#include <QCoreApplication>
#endif
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <unistd.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace Station;
using Clock = std::chrono::steady_clock;

namespace {

// Rows on one screen of the records page.
constexpr int PageRows = 100;
// Rows per round trip when a report reads every run of a range.
constexpr int FetchChunk = 500;

using Bench::argument;

void fail(const QString &what, const Error &error)
{
    std::fprintf(stderr,
        "bench_record: %s: %s (%s)\n",
        qPrintable(what),
        qPrintable(error.message),
        qPrintable(error.detail));
}

// Evicts the record's pages from the operating system's cache, so the next read comes from disk
// as after a reboot (clean pages only; no privileges needed).
void dropFromPageCache(const QString &path)
{
    for (const QString &file : QStringList {path, path + u"-wal"_s, path + u"-shm"_s}) {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

struct PageOpen
{
    double openMs = 0;
    double countMs = 0;
    double pageMs = 0;
    double totalMs = 0;
};

// What the records page does when it opens: a connection, the count for "N runs", the first
// screen of rows (newest first).
std::optional<PageOpen> openPage(const QString &path, const RunFilter &filter, qint64 expected)
{
    PageOpen times;
    const auto start = Clock::now();
    RecordQuery query;
    if (auto ok = query.open(path); !ok) {
        fail(u"open record"_s, ok.error());
        return std::nullopt;
    }
    times.openMs = Bench::msSince(start);
    auto t = Clock::now();
    const auto count = query.countRuns(filter);
    if (!count) {
        fail(u"count runs"_s, count.error());
        return std::nullopt;
    }
    times.countMs = Bench::msSince(t);
    t = Clock::now();
    const auto rows = query.fetchRuns(filter, 0, PageRows);
    if (!rows) {
        fail(u"first page"_s, rows.error());
        return std::nullopt;
    }
    times.pageMs = Bench::msSince(t);
    times.totalMs = Bench::msSince(start);
    if ((expected >= 0 && *count != expected)
        || rows->size() != std::min<qint64>(*count, PageRows)) {
        std::fprintf(stderr,
            "bench_record: page open read %lld runs, %lld rows\n",
            static_cast<long long>(*count),
            static_cast<long long>(rows->size()));
        return std::nullopt;
    }
    return times;
}

struct RangeQuery
{
    double countMs = 0;
    double pageMs = 0;
    double yieldMs = 0;
    double fetchAllMs = 0;
    qint64 runs = 0;
};

// What the yield page does for a range: count, first screen, yield report; and what a report
// reading every run of the range costs (keyset pages).
std::optional<RangeQuery> queryRange(const RecordQuery &query, const RunFilter &filter)
{
    RangeQuery times;
    auto t = Clock::now();
    const auto count = query.countRuns(filter);
    if (!count) {
        fail(u"count range"_s, count.error());
        return std::nullopt;
    }
    times.countMs = Bench::msSince(t);
    times.runs = *count;
    t = Clock::now();
    const auto page = query.fetchRuns(filter, 0, PageRows);
    if (!page) {
        fail(u"first page of range"_s, page.error());
        return std::nullopt;
    }
    times.pageMs = Bench::msSince(t);
    t = Clock::now();
    const auto yield = query.yieldReport(filter);
    if (!yield) {
        fail(u"yield report"_s, yield.error());
        return std::nullopt;
    }
    times.yieldMs = Bench::msSince(t);
    if (yield->runs != *count) {
        std::fprintf(stderr,
            "bench_record: yield counts %d runs, count says %lld\n",
            yield->runs,
            static_cast<long long>(*count));
        return std::nullopt;
    }
    t = Clock::now();
    qint64 read = 0;
    auto rows = query.fetchRuns(filter, 0, FetchChunk);
    while (rows && !rows->isEmpty()) {
        read += rows->size();
        const RunKey key {rows->constLast().started, rows->constLast().id};
        rows = query.fetchRunsAfter(filter, key, FetchChunk);
    }
    if (!rows) {
        fail(u"read range"_s, rows.error());
        return std::nullopt;
    }
    times.fetchAllMs = Bench::msSince(t);
    if (read != *count) {
        std::fprintf(stderr,
            "bench_record: read %lld of %lld runs\n",
            static_cast<long long>(read),
            static_cast<long long>(*count));
        return std::nullopt;
    }
    return times;
}

#ifdef STATION_BENCH_HAVE_RECORDS_MODEL
// The records page's model as the page opens it: a connection, RecordsModel over it (its reload
// counts the runs and fetches the first page), and every cell of the first screen of rows
// (display text, as the view paints it).
std::optional<double> openRecordsModel(const QString &path, qint64 expected)
{
    const auto start = Clock::now();
    RecordQuery query;
    if (auto ok = query.open(path); !ok) {
        fail(u"open record"_s, ok.error());
        return std::nullopt;
    }
    RecordsModel model;
    model.setQuery(&query);
    qint64 cells = 0;
    const int rows = std::min(model.rowCount(), PageRows);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < model.columnCount(); ++column)
            cells += model.data(model.index(row, column)).isValid() ? 1 : 0;
    }
    const double ms = Bench::msSince(start);
    if (model.totalCount() != expected || rows != PageRows || cells == 0
        || !model.errorString().isEmpty()) {
        std::fprintf(stderr,
            "bench_record: RecordsModel shows %lld runs, %d rows: %s\n",
            static_cast<long long>(model.totalCount()),
            rows,
            qPrintable(model.errorString()));
        return std::nullopt;
    }
    return ms;
}
#endif

template <typename T> std::vector<double> collect(const std::vector<T> &samples, double T::*field)
{
    std::vector<double> values;
    for (const T &s : samples)
        values.push_back(s.*field);
    return values;
}

} // namespace

int main(int argc, char **argv)
{
#ifdef STATION_BENCH_HAVE_RECORDS_MODEL
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    const QStringList args = app.arguments();
    Bench::Report report(u"bench_record"_s, args);

    Bench::RecordSpec spec;
    spec.runs = argument(args, u"--runs"_s, u"1000000"_s).toLongLong();
    const int repeat = std::max(1, argument(args, u"--repeat"_s, u"5"_s).toInt());
    const QString cacheDir = argument(args,
        u"--cache"_s,
        qEnvironmentVariable("STATION_BENCH_CACHE", QStringLiteral(STATION_BENCH_CACHE_DIR)));
    if (spec.runs < 20'000) {
        std::fprintf(stderr, "bench_record: --runs must be at least 20000\n");
        return 2;
    }

    // The cache key: schema version, generator version and size.
    const QString cached = QDir(cacheDir).filePath(
        u"record-schema%1-gen%2-runs%3-fix%4.sqlite"_s.arg(RecordStore::schemaVersion())
            .arg(Bench::GeneratorVersion)
            .arg(spec.runs)
            .arg(spec.fixtures));
    report.parameter(u"record"_s, cached);
    report.parameter(u"schema_version"_s, QString::number(RecordStore::schemaVersion()));

    Bench::RecordCounts counts;
    if (QFile::exists(cached)) {
        auto existing = Bench::countRecord(cached);
        if (!existing) {
            fail(u"read cached record"_s, existing.error());
            return 1;
        }
        counts = *existing;
        report.parameter(u"record_source"_s, u"cache"_s);
    } else {
        QDir().mkpath(cacheDir);
        const QString partial = cached + u".partial"_s;
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
            QFile::remove(partial + suffix);
        const auto start = Clock::now();
        auto made = Bench::generateRecord(partial, spec, [&](qint64 done) {
            if (done % 100'000 == 0) {
                std::printf("# generated %lld runs in %.1f s\n",
                    static_cast<long long>(done),
                    Bench::msSince(start) / 1000.0);
                std::fflush(stdout);
            }
        });
        if (!made) {
            fail(u"generate record"_s, made.error());
            return 1;
        }
        const double seconds = Bench::msSince(start) / 1000.0;
        if (!QFile::rename(partial, cached)) {
            std::fprintf(stderr, "bench_record: cannot rename %s\n", qPrintable(partial));
            return 1;
        }
        counts = *made;
        report.parameter(u"record_source"_s, u"generated"_s);
        report.add(u"record.generate_time"_s, seconds, u"s"_s);
        report.add(u"record.generate_rate"_s,
            double(counts.runs + counts.steps + counts.commands + counts.measurements) / seconds,
            u"rows/s"_s);
    }

    report.add(u"record.runs"_s, double(counts.runs), u"runs"_s);
    report.add(u"record.steps"_s, double(counts.steps), u"steps"_s);
    report.add(u"record.commands"_s, double(counts.commands), u"commands"_s);
    report.add(u"record.measurements"_s, double(counts.measurements), u"measurements"_s);
    report.add(u"record.devices"_s, double(counts.devices), u"devices"_s);
    report.add(
        u"record.file_size"_s, double(QFileInfo(cached).size()) / (1024.0 * 1024.0), u"MiB"_s);
    report.add(
        u"record.bytes_per_run"_s, double(QFileInfo(cached).size()) / double(counts.runs), u"B"_s);

    // 1. Opening the records page (no filter: every run, newest first).
    std::vector<PageOpen> warm;
    std::vector<PageOpen> cold;
    for (int i = 0; i < repeat + 1; ++i) {
        auto page = openPage(cached, RunFilter {}, counts.runs);
        if (!page)
            return 1;
        if (i > 0) // the first warms the cache
            warm.push_back(*page);
    }
    for (int i = 0; i < std::min(repeat, 3); ++i) {
        dropFromPageCache(cached);
        auto page = openPage(cached, RunFilter {}, counts.runs);
        if (!page)
            return 1;
        cold.push_back(*page);
    }
    report.add(u"page_open.connect"_s, Bench::median(collect(warm, &PageOpen::openMs)), u"ms"_s);
    report.add(u"page_open.count"_s, Bench::median(collect(warm, &PageOpen::countMs)), u"ms"_s);
    report.add(u"page_open.first_page"_s, Bench::median(collect(warm, &PageOpen::pageMs)), u"ms"_s);
    report.add(u"page_open.total"_s, Bench::median(collect(warm, &PageOpen::totalMs)), u"ms"_s);
    report.add(
        u"page_open.cold_total"_s, Bench::median(collect(cold, &PageOpen::totalMs)), u"ms"_s);
    report.add(
        u"page_open.cold_count"_s, Bench::median(collect(cold, &PageOpen::countMs)), u"ms"_s);
    report.target(u"page_open.total"_s, 500);
    report.target(u"page_open.cold_total"_s, 500);

    // The page filtered to failures (a technician's usual view).
    {
        RunFilter failed;
        failed.outcomes = {RunOutcome::Fail};
        std::vector<PageOpen> samples;
        for (int i = 0; i < repeat; ++i) {
            auto page = openPage(cached, failed, -1);
            if (!page)
                return 1;
            samples.push_back(*page);
        }
        report.add(u"page_open.failed_only_total"_s,
            Bench::median(collect(samples, &PageOpen::totalMs)),
            u"ms"_s);
    }

#ifdef STATION_BENCH_HAVE_RECORDS_MODEL
    {
        std::vector<double> warmModel;
        std::vector<double> coldModel;
        for (int i = 0; i < repeat + 1; ++i) {
            auto ms = openRecordsModel(cached, counts.runs);
            if (!ms)
                return 1;
            if (i > 0)
                warmModel.push_back(*ms);
        }
        for (int i = 0; i < std::min(repeat, 3); ++i) {
            dropFromPageCache(cached);
            auto ms = openRecordsModel(cached, counts.runs);
            if (!ms)
                return 1;
            coldModel.push_back(*ms);
        }
        report.add(u"records_model.open"_s, Bench::median(warmModel), u"ms"_s);
        report.add(u"records_model.cold_open"_s, Bench::median(coldModel), u"ms"_s);
        report.target(u"records_model.open"_s, 500);
        report.target(u"records_model.cold_open"_s, 500);
    }
#else
    report.note(u"models/recordsmodel was not built: the records page's model is not measured"_s);
#endif

    RecordQuery query;
    if (auto ok = query.open(cached); !ok) {
        fail(u"open record"_s, ok.error());
        return 1;
    }

    // 2. A shift's query: one real shift (the line's density, ~1,900 runs), and a range of
    //    10,000 runs (a busy line's shift).
    const auto measureRange
        = [&](const QString &name, const RunFilter &filter) -> std::optional<RangeQuery> {
        std::vector<RangeQuery> samples;
        for (int i = 0; i < repeat + 1; ++i) {
            auto times = queryRange(query, filter);
            if (!times)
                return std::nullopt;
            if (i > 0)
                samples.push_back(*times);
        }
        const double count = Bench::median(collect(samples, &RangeQuery::countMs));
        const double page = Bench::median(collect(samples, &RangeQuery::pageMs));
        const double yield = Bench::median(collect(samples, &RangeQuery::yieldMs));
        report.add(name + u".runs"_s, double(samples.front().runs), u"runs"_s);
        report.add(name + u".count"_s, count, u"ms"_s);
        report.add(name + u".first_page"_s, page, u"ms"_s);
        report.add(name + u".yield"_s, yield, u"ms"_s);
        report.add(name + u".query"_s, count + page + yield, u"ms"_s);
        report.add(name + u".fetch_all"_s,
            Bench::median(collect(samples, &RangeQuery::fetchAllMs)),
            u"ms"_s);
        return samples.front();
    };
    {
        const int day = 130; // a Tuesday in July
        RunFilter shift;
        shift.from = Bench::shiftStart(day, 0);
        shift.to = shift.from.addSecs(Bench::ShiftSeconds);
        report.parameter(u"shift"_s,
            shift.from.toString(Qt::ISODate) + u" .. "_s + shift.to.toString(Qt::ISODate));
        if (!measureRange(u"shift"_s, shift))
            return 1;
        report.target(u"shift.query"_s, 100);
    }
    {
        const qint64 first = counts.runs / 2;
        RunFilter range;
        range.from = Bench::runStart(spec, first);
        range.to = Bench::runStart(spec, first + 10'000);
        report.parameter(u"range_10k"_s,
            range.from.toString(Qt::ISODateWithMs) + u" .. "_s
                + range.to.toString(Qt::ISODateWithMs));
        if (!measureRange(u"range_10k"_s, range))
            return 1;
        report.target(u"range_10k.query"_s, 100);
    }
    query.close();

    // 3. CSV export of 100,000 runs, to a file beside the record (the same disk).
    {
        const qint64 first = counts.runs / 4;
        RunFilter range;
        range.from = Bench::runStart(spec, first);
        range.to = Bench::runStart(spec, first + 100'000);
        qint64 expected = 0;
        {
            RecordQuery counter;
            auto count = counter.open(cached).and_then([&] { return counter.countRuns(range); });
            if (!count) {
                fail(u"count export range"_s, count.error());
                return 1;
            }
            expected = *count;
        }
        report.parameter(u"export_range"_s,
            range.from.toString(Qt::ISODateWithMs) + u" .. "_s
                + range.to.toString(Qt::ISODateWithMs));
        QTemporaryDir out(cacheDir + u"/export-XXXXXX"_s);
        const struct
        {
            CsvLayout layout;
            QString name;
        } layouts[] {{CsvLayout::RunPerRow, u"export_runs"_s},
            {CsvLayout::StepPerRow, u"export_steps"_s},
            {CsvLayout::MeasurementPerRow, u"export_measurements"_s}};
        for (const auto &layout : layouts) {
            const QString file = out.filePath(layout.name + u".csv"_s);
            CsvOptions options;
            options.layout = layout.layout;
            std::vector<double> seconds;
            qint64 rows = 0;
            for (int i = 0; i < std::min(repeat, 3); ++i) {
                QFile csv(file);
                if (!csv.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                    std::fprintf(stderr, "bench_record: %s\n", qPrintable(csv.errorString()));
                    return 1;
                }
                const auto start = Clock::now();
                auto written = exportCsv(cached, range, csv, options);
                csv.flush();
                seconds.push_back(Bench::msSince(start) / 1000.0);
                if (!written) {
                    fail(u"export"_s, written.error());
                    return 1;
                }
                rows = *written;
            }
            report.add(layout.name + u".rows"_s, double(rows), u"rows"_s);
            report.add(layout.name + u".time"_s, Bench::median(seconds), u"s"_s);
            report.add(layout.name + u".size"_s,
                double(QFileInfo(file).size()) / (1024.0 * 1024.0),
                u"MiB"_s);
            if (layout.layout == CsvLayout::RunPerRow) {
                // The export must be the runs asked for: parse it back (not timed).
                QFile csv(file);
                if (!csv.open(QIODevice::ReadOnly)) {
                    std::fprintf(stderr, "bench_record: %s\n", qPrintable(csv.errorString()));
                    return 1;
                }
                const QList<QStringList> parsed = Station::Tests::parseCsv(csv.readAll());
                if (parsed.size() != rows + 1 || rows != expected
                    || parsed.constFirst() != csvHeader(CsvLayout::RunPerRow)) {
                    std::fprintf(stderr,
                        "bench_record: export of %lld runs parsed back as %lld records\n",
                        static_cast<long long>(expected),
                        static_cast<long long>(parsed.size()));
                    return 1;
                }
            }
        }
        report.target(u"export_runs.time"_s, 2.0);
    }

    return report.finish() ? 0 : 1;
}
