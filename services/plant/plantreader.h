#pragma once

#include "services/base/result.h"
#include "services/plant/plantquery.h"
#include "services/records/recordquery.h"

#include <QObject>
#include <QString>
#include <QUuid>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace Station {

// The plant views' reader: a PlantQuery on a thread of its own, so that no plant query ever
// blocks the GUI thread (the connection alone may take seconds to time out). Requests return at
// once with an ID; the answer comes as a signal with that ID, emitted on the thread that owns
// this object (the GUI thread). Requests run one at a time, in order, on one connection, opened
// at the first request and again after the server could not be reached.
// Lives on the GUI thread; its worker and the connection live on the reader's thread.
class PlantReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlantReader)

public:
    // `conninfo`: a login that reads every station's rows (StationConfig::plantReadConnection).
    explicit PlantReader(const QString &conninfo, QObject *parent = nullptr);
    // Quits the thread and waits for the request going on (bounded by the statement timeout).
    ~PlantReader() override;

    QString conninfo() const { return m_conninfo; }
    // The last answer: false after a failure, until a request succeeds again.
    bool isReachable() const { return m_reachable; }
    // The last failure's message (translatable) and detail; empty after a success.
    Station::Error lastError() const { return m_lastError; }

    // requestRuns counts no further: a total above it means "more than CountLimit runs".
    static constexpr qint64 CountLimit = 100'000;

    quint64 requestStations();
    // The page after `after` (none: the first page); withCount also counts the runs (up to
    // CountLimit + 1).
    quint64 requestRuns(const Station::RunFilter &filter,
        const std::optional<Station::RunKey> &after,
        int limit,
        bool withCount);
    quint64 requestYield(const Station::RunFilter &filter);
    quint64 requestRunsOfDevice(const QString &deviceId);
    quint64 requestRunDetail(const QString &stationId, const QUuid &runUuid);

Q_SIGNALS:
    void stationsRead(quint64 request, const QList<Station::PlantStation> &stations);
    // total: the count when asked for, else -1.
    void runsRead(quint64 request, qint64 total, const QList<Station::RunRow> &rows);
    void yieldRead(quint64 request, const Station::YieldReport &report);
    void deviceRunsRead(quint64 request, const QList<Station::RunRow> &runs);
    void runDetailRead(quint64 request, const Station::RunDetail &detail);
    void requestFailed(quint64 request, const Station::Error &error);
    void reachableChanged(bool reachable);

private:
    // Runs `work` on the reader's thread with an open query; `deliver` (or the failure) then
    // runs on this object's thread.
    template <typename T>
    quint64 post(std::function<Result<T>(const PlantQuery &)> work,
        std::function<void(quint64, const T &)> deliver);
    void succeeded();
    void failed(quint64 request, const Station::Error &error);

    QString m_conninfo;
    quint64 m_nextRequest = 1;
    bool m_reachable = true;
    Station::Error m_lastError;
    QObject *m_worker = nullptr; // lives on m_thread
    // False once the destructor runs: the worker then posts no more answers.
    std::shared_ptr<std::atomic<bool>> m_alive = std::make_shared<std::atomic<bool>>(true);
    std::unique_ptr<QThread> m_thread;
};

} // namespace Station
