#include "services/recipe/recipeloader.h"
#include "services/recipe/recipeloadtask.h"
#include "tests/helpers/largerecipe.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

// 3 sparse packages of 32 MiB: about 100 MB to read and hash, a second or so, and every one
// under the loader's limit of 64 MiB per package.
constexpr int PackageCount = 3;
constexpr qint64 PackageBytes = 32LL * 1024 * 1024;
constexpr qint64 TotalBytes = PackageCount * PackageBytes;
constexpr int LoadTimeout = 120000;

} // namespace

class tst_RecipeLoadTask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void controlledLoadMatchesPlainLoad();
    void cancelledBeforeStart();
    void guiThreadKeepsRunning();
    void cancel();
    void oneLoadAtATime();
    void destroyedWhileLoading();
    void refusedRecipeReported();

private:
    QTemporaryDir m_dir;
    QString m_recipe;
    std::optional<Recipe> m_plain; // as the plain loader gives it
};

void tst_RecipeLoadTask::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_recipe = LargeRecipe::write(m_dir.path(), PackageCount, PackageBytes);
    QVERIFY(!m_recipe.isEmpty());
    const Result<Recipe> plain = loadRecipe(m_recipe);
    QVERIFY2(plain, qPrintable(plain ? QString() : plain.error().message.english()));
    m_plain = *plain;
}

// The loader with a control: progress per slice up to the total, the same recipe as without.
void tst_RecipeLoadTask::controlledLoadMatchesPlainLoad()
{
    const std::optional<Recipe> &plain = m_plain;
    QList<RecipeLoadProgress> seen;
    RecipeLoadControl control;
    control.progress = [&seen](const RecipeLoadProgress &progress) { seen.append(progress); };
    const Result<Recipe> controlled = loadRecipe(m_recipe, control);
    QVERIFY(controlled);
    QCOMPARE(controlled->sha256, plain->sha256);
    QCOMPARE(controlled->fileSha256, plain->fileSha256);
    QCOMPARE(controlled->fileSha256.size(), PackageCount);
    QCOMPARE(controlled->path, plain->path);
    QCOMPARE(controlled->steps.size(), plain->steps.size());

    QVERIFY(seen.size() > PackageCount * 2);
    QCOMPARE(seen.first().bytesDone, 0);
    QCOMPARE(seen.first().bytesTotal, TotalBytes); // known before the first byte is read
    for (qsizetype i = 1; i < seen.size(); ++i) {
        QVERIFY(seen.at(i).bytesDone >= seen.at(i - 1).bytesDone);
        QCOMPARE(seen.at(i).bytesTotal, TotalBytes);
    }
    QCOMPARE(seen.last().bytesDone, TotalBytes);
    QVERIFY(seen.last().currentFile.endsWith(u"large-3.imagepackage"_s));
}

void tst_RecipeLoadTask::cancelledBeforeStart()
{
    RecipeLoadControl control;
    control.cancel.cancel();
    const Result<Recipe> loaded = loadRecipe(m_recipe, control);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::Cancelled);
}

// The task's thread reads and hashes; the thread that asked keeps running its events (here a
// 5 ms timer), and sees progress rising and then the recipe the plain loader gives.
void tst_RecipeLoadTask::guiThreadKeepsRunning()
{
    const std::optional<Recipe> &plain = m_plain;
    RecipeLoadTask task;
    QSignalSpy progress(&task, &RecipeLoadTask::progressChanged);
    QSignalSpy finished(&task, &RecipeLoadTask::finished);
    int ticksWhileLoading = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (task.isRunning())
            ++ticksWhileLoading;
    });
    ticker.start();

    QVERIFY(task.start(m_recipe));
    QVERIFY(task.isRunning());
    QCOMPARE(task.path(), m_recipe);
    QVERIFY(finished.wait(LoadTimeout));
    QVERIFY(!task.isRunning());
    ticker.stop();

    // Reading 100 MB takes far longer than a few 5 ms ticks, wherever it runs; on the GUI
    // thread no tick would come at all.
    QVERIFY2(ticksWhileLoading >= 3, qPrintable(u"%1 ticks"_s.arg(ticksWhileLoading)));
    QVERIFY(progress.size() >= 2);
    qint64 last = -1;
    for (const QList<QVariant> &args : std::as_const(progress)) {
        QVERIFY(args.at(0).toLongLong() >= last);
        last = args.at(0).toLongLong();
        QCOMPARE(args.at(1).toLongLong(), TotalBytes);
    }
    QVERIFY(progress.first().at(0).toLongLong() < TotalBytes);
    QCOMPARE(last, TotalBytes);
    QCOMPARE(task.progress().bytesDone, TotalBytes);

    std::optional<Result<Recipe>> result = task.takeResult();
    QVERIFY(result);
    QVERIFY(*result);
    QCOMPARE((*result)->sha256, plain->sha256);
    QCOMPARE((*result)->fileSha256, plain->fileSha256);
    QCOMPARE((*result)->name, plain->name);
    QCOMPARE((*result)->steps.size(), plain->steps.size());
    QVERIFY(!task.takeResult()); // taken
}

void tst_RecipeLoadTask::cancel()
{
    RecipeLoadTask task;
    QSignalSpy progress(&task, &RecipeLoadTask::progressChanged);
    QSignalSpy finished(&task, &RecipeLoadTask::finished);
    QVERIFY(task.start(m_recipe));
    QTRY_VERIFY_WITH_TIMEOUT(task.progress().bytesDone > 0 || !task.isRunning(), LoadTimeout);
    QVERIFY2(task.isRunning(), "the load ended before it could be cancelled");
    QElapsedTimer clock;
    clock.start();
    task.cancel();
    QVERIFY(finished.wait(LoadTimeout));
    const std::optional<Result<Recipe>> result = task.takeResult();
    QVERIFY(result);
    QVERIFY(!*result);
    QCOMPARE(result->error().code, ErrorCode::Cancelled);
    QVERIFY(task.progress().bytesDone < TotalBytes);
    qInfo("cancelled after %lld of %lld bytes, finished %lld ms after cancel()",
        task.progress().bytesDone,
        TotalBytes,
        qint64(clock.elapsed()));

    // The task loads again after a cancel.
    QVERIFY(task.start(m_recipe));
    QVERIFY(finished.wait(LoadTimeout));
    const std::optional<Result<Recipe>> again = task.takeResult();
    QVERIFY(again && *again);
}

void tst_RecipeLoadTask::oneLoadAtATime()
{
    RecipeLoadTask task;
    QSignalSpy finished(&task, &RecipeLoadTask::finished);
    QVERIFY(task.start(m_recipe));
    QVERIFY(!task.start(m_recipe));
    QCOMPARE(task.path(), m_recipe);
    task.cancel();
    QVERIFY(finished.wait(LoadTimeout));
    QCOMPARE(finished.size(), 1);
    const std::optional<Result<Recipe>> result = task.takeResult();
    QVERIFY(result && !*result);
    QVERIFY(!task.isRunning());
}

// Destroying the task (the window closing) cancels and waits: no thread outlives it.
void tst_RecipeLoadTask::destroyedWhileLoading()
{
    auto task = std::make_unique<RecipeLoadTask>();
    QVERIFY(task->start(m_recipe));
    QTRY_VERIFY_WITH_TIMEOUT(task->progress().bytesDone > 0 || !task->isRunning(), LoadTimeout);
    task.reset();
}

void tst_RecipeLoadTask::refusedRecipeReported()
{
    RecipeLoadTask task;
    QSignalSpy finished(&task, &RecipeLoadTask::finished);
    QVERIFY(task.start(m_dir.filePath(u"missing.json"_s)));
    QVERIFY(finished.wait(LoadTimeout));
    const std::optional<Result<Recipe>> result = task.takeResult();
    QVERIFY(result);
    QVERIFY(!*result);
    QCOMPARE(result->error().code, ErrorCode::FileMissing);
}

QTEST_GUILESS_MAIN(tst_RecipeLoadTask)
#include "tst_recipeloadtask.moc"
