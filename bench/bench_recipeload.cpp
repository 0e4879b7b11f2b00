// Recipe load: how long the loader takes to read and SHA-256-hash the files a recipe names, for
// a recipe whose image packages add up to about 1 GiB (sparse files: the figure is the reading
// and hashing, not the disk), with and without the progress and cancel checks the window uses.
//
//   bench_recipeload [--mib 1024] [--repeat 3] [--json FILE]
#include "benchreport.h"
#include "services/recipe/recipeloader.h"
#include "tests/helpers/largerecipe.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const qint64 mib = std::max(1LL, Bench::argument(args, u"--mib"_s, u"1024"_s).toLongLong());
    const int repeat = std::max(1, Bench::argument(args, u"--repeat"_s, u"3"_s).toInt());
    // Packages of 64 MiB less a little (the loader's limit is 64 MiB each).
    constexpr qint64 PackageBytes = 63LL * 1024 * 1024;
    const int packages = int((mib * 1024 * 1024 + PackageBytes - 1) / PackageBytes);
    const qint64 totalBytes = packages * PackageBytes;

    QTemporaryDir dir;
    const QString recipe = LargeRecipe::write(dir.path(), packages, PackageBytes);
    if (!dir.isValid() || recipe.isEmpty()) {
        std::fprintf(stderr, "bench_recipeload: cannot write the recipe's files\n");
        return 1;
    }

    Bench::Report report(u"bench_recipeload"_s, args);
    report.parameter(u"packages"_s, QString::number(packages));
    report.parameter(u"bytes"_s, QString::number(totalBytes));
    report.parameter(u"repeat"_s, QString::number(repeat));

    std::vector<double> plain;
    std::vector<double> controlled;
    std::atomic<qint64> reports = 0;
    for (int i = 0; i < repeat; ++i) {
        auto start = std::chrono::steady_clock::now();
        if (const Result<Recipe> loaded = loadRecipe(recipe); !loaded) {
            std::fprintf(stderr, "bench_recipeload: %s\n", qPrintable(loaded.error().message));
            return 1;
        }
        plain.push_back(Bench::msSince(start));

        RecipeLoadControl control;
        control.progress = [&reports](const RecipeLoadProgress &) { ++reports; };
        start = std::chrono::steady_clock::now();
        if (const Result<Recipe> loaded = loadRecipe(recipe, control); !loaded) {
            std::fprintf(stderr, "bench_recipeload: %s\n", qPrintable(loaded.error().message));
            return 1;
        }
        controlled.push_back(Bench::msSince(start));
    }
    const double plainMs = Bench::median(plain);
    const double controlledMs = Bench::median(controlled);
    const double mibTotal = double(totalBytes) / (1024.0 * 1024.0);
    report.add(u"load_plain_ms"_s, plainMs, u"ms"_s);
    report.add(u"load_with_progress_ms"_s, controlledMs, u"ms"_s);
    report.add(u"hash_rate"_s, plainMs > 0 ? mibTotal * 1000.0 / plainMs : 0.0, u"MiB/s"_s);
    report.add(u"progress_reports_per_load"_s, double(reports.load()) / repeat, u""_s);
    report.note(u"Median of the repeats; every file is read into memory (at most 64 MiB at a "
                u"time) and hashed slice by slice. Sparse files: no disk time."_s);
    return report.finish() ? 0 : 1;
}
