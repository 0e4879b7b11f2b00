#include "services/records/recordlock.h"

#include "services/base/tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <system_error>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// A holder's description is a few short lines; anything longer is not ours.
constexpr qsizetype MaxHolderBytes = 4096;

QString errnoText(int error)
{
    return QString::fromStdString(std::generic_category().message(error));
}

RecordLock::Holder readHolder(int fd)
{
    RecordLock::Holder holder;
    QByteArray bytes(MaxHolderBytes, Qt::Uninitialized);
    const ssize_t got = ::pread(fd, bytes.data(), size_t(bytes.size()), 0);
    if (got <= 0)
        return holder;
    bytes.truncate(got);
    for (const QByteArray &line : bytes.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray key = line.left(eq);
        const QString value = QString::fromUtf8(line.mid(eq + 1));
        if (key == "pid")
            holder.pid = value.toLongLong();
        else if (key == "host")
            holder.host = value;
        else if (key == "mode")
            holder.mode = value;
        else if (key == "since")
            holder.since = QDateTime::fromString(value, Qt::ISODate);
    }
    return holder;
}

} // namespace

RecordLock::RecordLock(int fd)
    : m_fd(fd)
{ }

RecordLock::~RecordLock()
{
    // The file stays: removing it would race with a station that has just opened it.
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
}

QString RecordLock::lockPath(const QString &recordPath)
{
    // One lock per record file however it is named: symbolic links (to the file, or to a folder
    // on its path) are resolved, so that two names of one record never get two locks.
    const QFileInfo info(recordPath);
    const QString file = info.canonicalFilePath(); // empty while the record does not exist
    if (!file.isEmpty())
        return file + u".lock"_s;
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return (folder.isEmpty() ? QDir::cleanPath(info.absolutePath()) : folder) + u'/'
        + info.fileName() + u".lock"_s;
}

Result<std::unique_ptr<RecordLock>> RecordLock::acquire(
    const QString &recordPath, const QString &mode)
{
    const QString path = lockPath(recordPath);
    const QString shown = QDir::toNativeSeparators(recordPath);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return fail(ErrorCode::RecordUnwritable,
            Tr::tr("The folder for the record file %1 cannot be created.").arg(shown));
    }
    const QByteArray encoded = QFile::encodeName(path);
    const int fd = ::open(encoded.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        const int error = errno;
        return fail(ErrorCode::RecordUnwritable,
            Tr::tr("The lock file of the record %1 cannot be opened.").arg(shown),
            u"open %1: %2"_s.arg(path, errnoText(error)));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        if (error != EWOULDBLOCK) {
            ::close(fd);
            return fail(ErrorCode::RecordUnwritable,
                Tr::tr("The lock file of the record %1 cannot be locked.").arg(shown),
                u"flock %1: %2"_s.arg(path, errnoText(error)));
        }
        const Holder holder = readHolder(fd);
        ::close(fd);
        const Text who = holder.pid > 0
            ? Tr::tr("process %1 (%2) on %3, since %4 UTC")
                  .arg(holder.pid)
                  .arg(holder.mode.isEmpty() ? u"?"_s : holder.mode)
                  .arg(holder.host.isEmpty() ? u"?"_s : holder.host)
                  .arg(holder.since.isValid()
                          ? holder.since.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s)
                          : u"?"_s)
            : Tr::tr("another process");
        return fail(ErrorCode::RecordInUse,
            Tr::tr("The record %1 is in use by another station: %2.").arg(shown).arg(who),
            u"lock %1 held"_s.arg(path),
            Tr::tr("Use that station, or close it first; to run both, give this one its own "
                   "record (--record FILE)."));
    }

    const QByteArray description = "pid=" + QByteArray::number(qint64(::getpid()))
        + "\nhost=" + QSysInfo::machineHostName().toUtf8() + "\nmode=" + mode.toUtf8()
        + "\nsince=" + QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + '\n';
    // Who holds the lock is information only: failing to write it does not stop the station.
    if (::ftruncate(fd, 0) == 0)
        (void)!::pwrite(fd, description.constData(), size_t(description.size()), 0);
    return std::unique_ptr<RecordLock>(new RecordLock(fd));
}

} // namespace Station
