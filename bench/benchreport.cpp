#include "benchreport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>
#include <QThread>
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace Bench {

namespace {

QString firstLineValue(const QString &file, const QString &key)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    // readAll(): /proc files report size 0, so atEnd() is true before the first read.
    const QStringList lines = QString::fromUtf8(in.readAll()).split(u'\n');
    for (const QString &line : lines) {
        if (line.startsWith(key)) {
            const qsizetype colon = line.indexOf(u':');
            if (colon > 0)
                return line.mid(colon + 1).trimmed();
        }
    }
    return {};
}

QString formatValue(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'f', 3);
}

} // namespace

QString argument(const QStringList &arguments, const QString &name, const QString &fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
}

QString jsonPath(const QString &benchmark, const QStringList &arguments)
{
    const qsizetype at = arguments.indexOf(u"--json"_s);
    if (at >= 0 && at + 1 < arguments.size())
        return arguments.at(at + 1);
    const QString fromEnv = qEnvironmentVariable("STATION_BENCH_JSON");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStringLiteral(STATION_BENCH_RESULTS_DIR) + u'/' + benchmark + u".json"_s;
}

QJsonObject machineInfo()
{
    QJsonObject machine;
    machine[u"nproc"_s] = QThread::idealThreadCount();
    machine[u"cpu"_s] = firstLineValue(u"/proc/cpuinfo"_s, u"model name"_s);
    const QString memTotal = firstLineValue(u"/proc/meminfo"_s, u"MemTotal"_s); // "24684 kB"
    machine[u"ramMiB"_s] = memTotal.section(u' ', 0, 0).toLongLong() / 1024;
    machine[u"kernel"_s] = QSysInfo::kernelVersion();
    machine[u"os"_s] = QSysInfo::prettyProductName();
    machine[u"qt"_s] = QString::fromLatin1(qVersion());
    machine[u"sqlite"_s] = QString::fromLatin1(sqlite3_libversion());
    machine[u"buildType"_s] = QStringLiteral(STATION_BENCH_BUILD_TYPE);
    return machine;
}

double median(std::vector<double> samples)
{
    return percentile(std::move(samples), 50.0);
}

double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0.0;
    std::sort(samples.begin(), samples.end());
    // Nearest rank: the smallest sample with at least p % of the samples at or below it.
    const double rank = std::ceil(p / 100.0 * double(samples.size()));
    const auto index
        = std::clamp<std::size_t>(std::size_t(std::max(rank, 1.0)) - 1, 0, samples.size() - 1);
    return samples[index];
}

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

Report::Report(const QString &benchmark, const QStringList &arguments)
    : m_benchmark(benchmark)
    , m_jsonFile(jsonPath(benchmark, arguments))
{ }

void Report::add(const QString &name, double value, const QString &unit)
{
    m_figures.append({name, value, unit});
    std::printf("%s: %s %s\n", qPrintable(name), qPrintable(formatValue(value)), qPrintable(unit));
    std::fflush(stdout);
}

void Report::parameter(const QString &name, const QString &value)
{
    m_parameters[name] = value;
    std::printf("# %s = %s\n", qPrintable(name), qPrintable(value));
    std::fflush(stdout);
}

void Report::target(const QString &figure, double limit, bool atLeast)
{
    m_targets.append({figure, limit, atLeast});
}

void Report::note(const QString &text)
{
    m_notes.append(text);
    std::printf("# note: %s\n", qPrintable(text));
    std::fflush(stdout);
}

const Report::Figure *Report::figure(const QString &name) const
{
    for (const Figure &f : m_figures) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

bool Report::finish()
{
    QJsonArray figures;
    for (const Figure &f : m_figures)
        figures.append(
            QJsonObject {{u"name"_s, f.name}, {u"value"_s, f.value}, {u"unit"_s, f.unit}});

    QJsonArray targets;
    for (const Target &t : m_targets) {
        const Figure *f = figure(t.figure);
        const bool measured = f != nullptr;
        const bool met = measured && (t.atLeast ? f->value >= t.limit : f->value <= t.limit);
        const QString unit = measured ? f->unit : QString();
        std::printf("# target %s %s %s %s: %s (%s)\n",
            qPrintable(t.figure),
            t.atLeast ? ">=" : "<=",
            qPrintable(formatValue(t.limit)),
            qPrintable(unit),
            measured ? (met ? "met" : "MISSED") : "not measured",
            measured ? qPrintable(formatValue(f->value)) : "-");
        targets.append(QJsonObject {{u"figure"_s, t.figure},
            {u"limit"_s, t.limit},
            {u"comparison"_s, t.atLeast ? u">="_s : u"<="_s},
            {u"unit"_s, unit},
            {u"measured"_s, measured},
            {u"met"_s, met}});
    }
    std::fflush(stdout);

    const QJsonObject root {{u"benchmark"_s, m_benchmark},
        {u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {u"machine"_s, machineInfo()},
        {u"parameters"_s, m_parameters},
        {u"figures"_s, figures},
        {u"targets"_s, targets},
        {u"notes"_s, QJsonArray::fromStringList(m_notes)}};

    QDir().mkpath(QFileInfo(m_jsonFile).absolutePath());
    QFile out(m_jsonFile);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || out.write(QJsonDocument(root).toJson()) < 0) {
        std::fprintf(
            stderr, "cannot write %s: %s\n", qPrintable(m_jsonFile), qPrintable(out.errorString()));
        return false;
    }
    std::printf("# json: %s\n", qPrintable(m_jsonFile));
    return true;
}

} // namespace Bench
