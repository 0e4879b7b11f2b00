#include "services/plant/plantreader.h"

#include "services/base/logging.h"

#include <QDeadlineTimer>
#include <QMetaObject>
#include <QThread>

#include <chrono>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Station {

namespace {

// The longest a request can take: the connect timeout (10 s) plus the statement timeout (30 s)
// of PlantQuery, with room to spare. The destructor waits this long at most.
constexpr auto ShutdownWait = 45s;

// Owns the PlantQuery on the reader's thread: opens it on the first request, and again after
// the server could not be reached (the connection is then gone).
class PlantReadWorker final : public QObject
{
public:
    explicit PlantReadWorker(const QString &conninfo)
        : m_conninfo(conninfo)
    { }

    Result<const PlantQuery *> query()
    {
        if (m_query.isOpen())
            return &m_query;
        if (Result<void> opened = m_query.open(m_conninfo); !opened)
            return fail(opened.error());
        return &m_query;
    }

    // After a failure: a lost server means a new connection next time.
    void afterFailure()
    {
        if (m_query.lastFailure() == Plant::Failure::Unreachable)
            m_query.close();
    }

private:
    QString m_conninfo;
    PlantQuery m_query;
};

} // namespace

PlantReader::PlantReader(const QString &conninfo, QObject *parent)
    : QObject(parent)
    , m_conninfo(conninfo)
    , m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(u"plant-reader"_s);
    auto *worker = new PlantReadWorker(conninfo);
    worker->moveToThread(m_thread.get());
    // Deleted on its own thread once the loop ends, closing the connection there.
    connect(m_thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    m_worker = worker;
    m_thread->start();
}

PlantReader::~PlantReader()
{
    m_alive->store(false);
    m_thread->quit();
    if (!m_thread->wait(QDeadlineTimer(ShutdownWait))) {
        // The request is stuck beyond every timeout: leave the thread (and its connection)
        // rather than destroy a running thread.
        Logging::station().error(u"plant reader: a request did not end within %1 s"_s.arg(
            std::chrono::duration_cast<std::chrono::seconds>(ShutdownWait).count()));
        static_cast<void>(m_thread.release());
    }
}

template <typename T>
quint64 PlantReader::post(std::function<Result<T>(const PlantQuery &)> work,
    std::function<void(quint64, const T &)> deliver)
{
    const quint64 request = m_nextRequest++;
    auto *worker = static_cast<PlantReadWorker *>(m_worker);
    PlantReader *reader = this;
    QMetaObject::invokeMethod(
        worker,
        [worker,
            reader,
            alive = m_alive,
            request,
            work = std::move(work),
            deliver = std::move(deliver)] {
            Result<T> result = [&]() -> Result<T> {
                Result<const PlantQuery *> query = worker->query();
                if (!query)
                    return fail(query.error());
                return work(**query);
            }();
            if (!result)
                worker->afterFailure();
            // Back on the reader's thread. A reader that is going away drops the answer (its
            // destructor waits for this thread, and QObject drops what is posted meanwhile).
            if (!alive->load())
                return;
            QMetaObject::invokeMethod(
                reader,
                [reader, request, deliver, result = std::move(result)] {
                    if (result) {
                        reader->succeeded();
                        deliver(request, *result);
                    } else {
                        reader->failed(request, result.error());
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return request;
}

void PlantReader::succeeded()
{
    m_lastError = {};
    if (!m_reachable) {
        m_reachable = true;
        Q_EMIT reachableChanged(true);
    }
}

void PlantReader::failed(quint64 request, const Error &error)
{
    m_lastError = error;
    Logging::station().warn(u"plant reader: %1 (%2)"_s.arg(error.message.english(), error.detail));
    if (m_reachable) {
        m_reachable = false;
        Q_EMIT reachableChanged(false);
    }
    Q_EMIT requestFailed(request, error);
}

quint64 PlantReader::requestStations()
{
    return post<QList<PlantStation>>([](const PlantQuery &query) { return query.stations(); },
        [this](quint64 request, const QList<PlantStation> &stations) {
            Q_EMIT stationsRead(request, stations);
        });
}

namespace {

struct RunsAnswer
{
    qint64 total = -1;
    QList<RunRow> rows;
};

} // namespace

quint64 PlantReader::requestRuns(
    const RunFilter &filter, const std::optional<RunKey> &after, int limit, bool withCount)
{
    return post<RunsAnswer>(
        [filter, after, limit, withCount](const PlantQuery &query) -> Result<RunsAnswer> {
            RunsAnswer answer;
            if (withCount) {
                const Result<qint64> count = query.countRuns(filter, CountLimit);
                if (!count)
                    return fail(count.error());
                answer.total = *count;
            }
            Result<QList<RunRow>> rows = after ? query.fetchRunsAfter(filter, *after, limit)
                                               : query.fetchRuns(filter, 0, limit);
            if (!rows)
                return fail(rows.error());
            answer.rows = std::move(*rows);
            return answer;
        },
        [this](quint64 request, const RunsAnswer &answer) {
            Q_EMIT runsRead(request, answer.total, answer.rows);
        });
}

quint64 PlantReader::requestYield(const RunFilter &filter)
{
    return post<YieldReport>(
        [filter](const PlantQuery &query) { return query.yieldReport(filter); },
        [this](quint64 request, const YieldReport &report) { Q_EMIT yieldRead(request, report); });
}

quint64 PlantReader::requestRunsOfDevice(const QString &deviceId)
{
    return post<QList<RunRow>>(
        [deviceId](const PlantQuery &query) { return query.runsOfDevice(deviceId); },
        [this](
            quint64 request, const QList<RunRow> &runs) { Q_EMIT deviceRunsRead(request, runs); });
}

quint64 PlantReader::requestRunDetail(const QString &stationId, const QUuid &runUuid)
{
    return post<RunDetail>(
        [stationId, runUuid](
            const PlantQuery &query) { return query.runDetail(stationId, runUuid); },
        [this](
            quint64 request, const RunDetail &detail) { Q_EMIT runDetailRead(request, detail); });
}

} // namespace Station
