#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <vector>

// Shared plumbing of the benchmarks: the figures a benchmark measured, printed as fixed
// "name: value unit" lines and written as JSON, plus the machine they were measured on.
// Used on the main thread of a benchmark executable only.
namespace Bench {

// The value after `name` on the command line ("--repeat 3"), else `fallback`.
QString argument(const QStringList &arguments, const QString &name, const QString &fallback);

// Where a benchmark writes its JSON: `--json FILE` on the command line, else the environment
// variable STATION_BENCH_JSON, else <build>/bench/results/<benchmark>.json.
QString jsonPath(const QString &benchmark, const QStringList &arguments);

// The machine: processors (nproc), CPU model (/proc/cpuinfo), RAM (/proc/meminfo), kernel,
// Qt and SQLite versions, build type.
QJsonObject machineInfo();

// Median / percentile (nearest rank) of samples; 0 for none.
double median(std::vector<double> samples);
double percentile(std::vector<double> samples, double p);

// Milliseconds since `start` on the steady clock.
double msSince(std::chrono::steady_clock::time_point start);

class Report
{
public:
    Report(const QString &benchmark, const QStringList &arguments);

    // One figure. Printed at once as "name: value unit" (value with up to 3 decimals).
    void add(const QString &name, double value, const QString &unit);
    // A parameter of the measurement (record size, time scale, ...), kept in the JSON and
    // printed as "# name = value".
    void parameter(const QString &name, const QString &value);
    // A target for an already added figure: value <= limit (or >= limit when `atLeast`).
    // Printed at the end as "# target name <= limit unit: met|MISSED (value)".
    void target(const QString &figure, double limit, bool atLeast = false);
    // A free-text remark (e.g. how UART steps are accounted for), kept in the JSON.
    void note(const QString &text);

    // Prints the targets, writes the JSON. Returns false (with a message on stderr) when the
    // JSON file cannot be written.
    bool finish();

    QString jsonFile() const { return m_jsonFile; }

private:
    struct Figure
    {
        QString name;
        double value = 0.0;
        QString unit;
    };
    struct Target
    {
        QString figure;
        double limit = 0.0;
        bool atLeast = false;
    };

    const Figure *figure(const QString &name) const;

    QString m_benchmark;
    QString m_jsonFile;
    QList<Figure> m_figures;
    QList<Target> m_targets;
    QJsonObject m_parameters;
    QStringList m_notes;
};

} // namespace Bench
