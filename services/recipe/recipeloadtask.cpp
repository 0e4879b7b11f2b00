#include "services/recipe/recipeloadtask.h"

#include <QMutex>
#include <QMutexLocker>
#include <QThread>

namespace Station {

// What the loading thread hands to the owner's thread.
struct RecipeLoadTask::Shared
{
    QMutex mutex;
    RecipeLoadProgress latest;
    bool progressQueued = false; // a deliverProgress() call is on its way
    std::optional<Result<Recipe>> result;
};

RecipeLoadTask::RecipeLoadTask(QObject *parent)
    : QObject(parent)
{ }

RecipeLoadTask::~RecipeLoadTask()
{
    if (m_thread) {
        m_cancel.cancel(CancelReason::Shutdown);
        m_thread->wait();
        delete m_thread;
    }
}

bool RecipeLoadTask::start(const QString &path)
{
    if (m_thread)
        return false;
    m_path = path;
    m_progress = {};
    m_result.reset();
    m_cancel = CancelToken();
    m_shared = std::make_shared<Shared>();

    RecipeLoadControl control;
    control.cancel = m_cancel;
    // The loading thread only queues a call; `this` outlives the thread (the destructor waits).
    control.progress = [this, shared = m_shared](const RecipeLoadProgress &progress) {
        {
            const QMutexLocker lock(&shared->mutex);
            shared->latest = progress;
            if (shared->progressQueued)
                return;
            shared->progressQueued = true;
        }
        QMetaObject::invokeMethod(this, &RecipeLoadTask::deliverProgress, Qt::QueuedConnection);
    };
    m_thread = QThread::create([path, control = std::move(control), shared = m_shared] {
        Result<Recipe> loaded = loadRecipe(path, control);
        const QMutexLocker lock(&shared->mutex);
        shared->result = std::move(loaded);
    });
    m_thread->setObjectName(QStringLiteral("recipe-load"));
    connect(m_thread, &QThread::finished, this, &RecipeLoadTask::onThreadFinished);
    m_thread->start();
    return true;
}

void RecipeLoadTask::cancel(CancelReason reason)
{
    if (m_thread)
        m_cancel.cancel(reason);
}

std::optional<Result<Recipe>> RecipeLoadTask::takeResult()
{
    std::optional<Result<Recipe>> result = std::move(m_result);
    m_result.reset();
    return result;
}

void RecipeLoadTask::deliverProgress()
{
    if (!m_shared)
        return;
    {
        const QMutexLocker lock(&m_shared->mutex);
        m_shared->progressQueued = false;
        m_progress = m_shared->latest;
    }
    Q_EMIT progressChanged(m_progress.bytesDone, m_progress.bytesTotal, m_progress.currentFile);
}

void RecipeLoadTask::onThreadFinished()
{
    if (!m_thread)
        return;
    // finished() comes right before the thread ends: wait for its last instructions.
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    {
        const QMutexLocker lock(&m_shared->mutex);
        m_result = std::move(m_shared->result);
        // The last figures, even if their queued call has not come yet.
        m_progress = m_shared->latest;
    }
    if (!m_result)
        m_result = fail(ErrorCode::Internal, Text::raw(QStringLiteral("no result")));
    m_shared.reset();
    Q_EMIT finished();
}

} // namespace Station
