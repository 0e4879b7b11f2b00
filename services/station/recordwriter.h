#pragma once

#include "services/records/recordstore.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QTimer;

namespace Station {

// Writes the station's own record events (station open and close, recipe loads, operator
// changes, aborts, released labels) on a thread of its own, with its own record connection:
// the GUI thread never waits for the record (a busy record holds a writer up to SQLite's busy
// timeout). One thread, so the events are written in the order they were asked for. A write
// that fails for a reason a retry can fix stays in the store's pending queue (RecordStore):
// the next write flushes it first, and while any is pending a retry runs every
// FixtureWorker::RecordRetryInterval; closeRecord() tries once more. Created by the
// StationController and moved to its thread; every slot runs there.
class RecordWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordWriter)

public:
    explicit RecordWriter(
        const QString &recordPath, bool syncEveryWrite, QObject *parent = nullptr);
    ~RecordWriter() override;

    // Test seam: called on the writer's thread before each event is written, with its kind.
    using Hook = std::function<void(const QString &kind)>;
    void setHook(Hook hook) { m_hook = std::move(hook); }

public Q_SLOTS:
    void write(const Station::RecordEvent &event, Station::RecordSync sync);
    // Closes the connection (on this thread), after one last try of what is still pending.
    void closeRecord();

private:
    bool ensureRecord();
    void retry();

    const QString m_recordPath;
    const bool m_syncEveryWrite;
    std::unique_ptr<RecordStore> m_record; // created, used and destroyed on the writer's thread
    QTimer *m_retry = nullptr;             // created on the writer's thread
    Hook m_hook;
};

} // namespace Station
