#pragma once

// Files an adversarial user gives the station instead of the one it expects (a FIFO nobody
// writes to, /dev/zero), and a guard that turns a reader that never stops into a test failure
// instead of a hung or swapping machine. Header-only; for tests.

#include <QFile>
#include <QString>
#include <QStringList>

#include <chrono>
#include <fcntl.h>
#include <future>
#include <optional>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace HostileFiles {

inline bool makeFifo(const QString &path)
{
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

// A reader blocked in open() or read() on these FIFOs returns (at end of file) once a writer
// has opened and closed them.
inline void releaseFifos(const QStringList &fifos)
{
    for (const QString &fifo : fifos) {
        const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0)
            ::close(fd);
    }
}

// Runs `work` on a thread of its own and returns its result, or nothing when it has not
// returned within `limit` (it was blocked on one of `fifos`: they are then released so that the
// thread ends). No writer ever opens the FIFOs otherwise.
template <typename Work>
auto returnsWithin(Work work, const QStringList &fifos, std::chrono::seconds limit)
    -> std::optional<decltype(work())>
{
    auto future = std::async(std::launch::async, std::move(work));
    if (future.wait_for(limit) == std::future_status::ready)
        return future.get();
    while (future.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready)
        releaseFifos(fifos);
    (void)future.get();
    return std::nullopt;
}

// A reader that ignores its limit on /dev/zero then fails with bad_alloc instead of taking every
// page of the machine (the tests run beside other work).
inline void limitAddressSpace(rlim_t bytes = rlim_t(4) << 30)
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_AS, &limit) == 0
        && (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > bytes)) {
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_AS, &limit);
    }
}

} // namespace HostileFiles
