#pragma once

#include "services/base/canceltoken.h"
#include "services/base/result.h"
#include "services/recipe/recipe.h"
#include "services/recipe/recipeloader.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QThread;

namespace Station {

// Loads a recipe (loadRecipe with a RecipeLoadControl) on a thread of its own, so the thread
// that asks (the GUI thread) never waits on reading and hashing the files the recipe names.
// Progress and the result are delivered on the thread that owns the task, by its signals. One
// load at a time. Destroying the task cancels a running load and waits for its thread (at most
// one 64 KiB slice).
class RecipeLoadTask final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecipeLoadTask)

public:
    explicit RecipeLoadTask(QObject *parent = nullptr);
    ~RecipeLoadTask() override;

    // Starts loading `path`; false, and nothing starts, while a load is running.
    bool start(const QString &path);
    // Asks a running load to stop: it finishes soon with ErrorCode::Cancelled.
    void cancel(CancelReason reason = CancelReason::Operator);

    bool isRunning() const { return m_thread != nullptr; }
    // The recipe file of the running (or last) load, as given to start().
    QString path() const { return m_path; }
    // The latest progress delivered (RecipeLoadProgress of the running or last load).
    RecipeLoadProgress progress() const { return m_progress; }
    // The result of the load that has finished; empty while one runs or before the first.
    // Taking it leaves it empty.
    std::optional<Result<Recipe>> takeResult();

Q_SIGNALS:
    // At most one is queued at a time: a slow receiver sees fewer, never a backlog.
    void progressChanged(qint64 bytesDone, qint64 bytesTotal, const QString &currentFile);
    // The load has finished (loaded, refused or cancelled): takeResult() holds its result.
    void finished();

private:
    struct Shared;

    void deliverProgress();
    void onThreadFinished();

    QThread *m_thread = nullptr;
    std::shared_ptr<Shared> m_shared;
    CancelToken m_cancel;
    QString m_path;
    RecipeLoadProgress m_progress;
    std::optional<Result<Recipe>> m_result;
};

} // namespace Station
