#pragma once

#include <QString>

// An exclusive advisory lock (flock) on a lock file, held while the object lives. The kernel
// drops it when the process dies (even by SIGKILL), so a killed command never leaves a device
// locked. Part of the API sim-io uses.
namespace Sim {

class FileLock final
{
public:
    FileLock() = default;
    FileLock(FileLock &&other) noexcept;
    FileLock &operator=(FileLock &&other) noexcept;
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;
    ~FileLock();

    // Blocks until the lock is held. Creates the file if needed. False (with why) on I/O error.
    static FileLock acquire(const QString &path, QString *why = nullptr);
    // Returns an unlocked object at once when another process holds the lock.
    static FileLock tryAcquire(const QString &path, QString *why = nullptr);

    bool isLocked() const { return m_fd >= 0; }
    void release();

private:
    static FileLock lock(const QString &path, bool block, QString *why);
    int m_fd = -1;
};

} // namespace Sim
