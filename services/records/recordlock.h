#pragma once

#include "services/base/result.h"

#include <QDateTime>
#include <QString>

#include <memory>

namespace Station {

// One writer process per record (DESIGN.md "Record"): the station holds an exclusive lock on
// `<record>.lock` for as long as it has the record open, so a second station (the window opened
// twice, a headless run beside the window) is refused before it touches the record, and never
// closes the live station's runs as INTERRUPTED. The kernel drops the lock when the holder dies
// (even by SIGKILL), so a crashed station never blocks the next start. The file says who holds
// it. Readers (the records page, `export`) take no lock. Any thread; not copyable.
class RecordLock final
{
public:
    struct Holder
    {
        qint64 pid = 0;
        QString host;
        QString mode; // "window" or "headless"
        QDateTime since;
    };

    ~RecordLock();
    Q_DISABLE_COPY_MOVE(RecordLock)

    // RecordInUse (naming the holder) when another process holds the lock; RecordUnwritable when
    // the lock file cannot be created.
    [[nodiscard]] static Result<std::unique_ptr<RecordLock>> acquire(
        const QString &recordPath, const QString &mode);
    // <record>.lock beside the record file, symbolic links resolved.
    static QString lockPath(const QString &recordPath);

private:
    explicit RecordLock(int fd);
    int m_fd = -1;
};

} // namespace Station
