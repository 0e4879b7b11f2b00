#include "simulator/core/filelock.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Sim {

FileLock::FileLock(FileLock &&other) noexcept
    : m_fd(other.m_fd)
{
    other.m_fd = -1;
}

FileLock &FileLock::operator=(FileLock &&other) noexcept
{
    if (this != &other) {
        release();
        m_fd = other.m_fd;
        other.m_fd = -1;
    }
    return *this;
}

FileLock::~FileLock()
{
    release();
}

void FileLock::release()
{
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
        m_fd = -1;
    }
}

FileLock FileLock::acquire(const QString &path, QString *why)
{
    return lock(path, true, why);
}

FileLock FileLock::tryAcquire(const QString &path, QString *why)
{
    return lock(path, false, why);
}

FileLock FileLock::lock(const QString &path, bool block, QString *why)
{
    FileLock result;
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (why)
            *why = u"cannot open lock file %1: %2"_s.arg(
                path, QString::fromLocal8Bit(std::strerror(errno)));
        return result;
    }
    int rc;
    do {
        rc = ::flock(fd, LOCK_EX | (block ? 0 : LOCK_NB));
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        if (why && (block || errno != EWOULDBLOCK))
            *why = u"cannot lock %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return result;
    }
    result.m_fd = fd;
    return result;
}

} // namespace Sim
