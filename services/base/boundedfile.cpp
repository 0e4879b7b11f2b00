#include "services/base/boundedfile.h"

#include "services/base/tr.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// Reads in slices, so a file that claims a small size but keeps growing costs at most one slice
// beyond the limit.
constexpr qint64 ReadSlice = 64 * FileLimit::KiB;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Closes the descriptor when the read ends, whichever way.
class Descriptor
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    { }
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(Descriptor)

    int fd() const { return m_fd; }

private:
    int m_fd = -1;
};

// Why a file of this mode is not read, or empty for a regular file.
Text notRegularReason(mode_t mode, const QString &path)
{
    if (S_ISREG(mode))
        return {};
    if (S_ISDIR(mode))
        return Tr::tr("%1 is a folder, not a file").arg(path);
    if (S_ISFIFO(mode))
        return Tr::tr("%1 is a FIFO (named pipe), not a regular file").arg(path);
    if (S_ISCHR(mode))
        return Tr::tr("%1 is a character device, not a regular file").arg(path);
    if (S_ISBLK(mode))
        return Tr::tr("%1 is a block device, not a regular file").arg(path);
    if (S_ISSOCK(mode))
        return Tr::tr("%1 is a socket, not a regular file").arg(path);
    return Tr::tr("%1 is not a regular file").arg(path);
}

// Technical detail: "file type S_IFIFO (mode 10600)".
QString modeName(mode_t mode)
{
    const char *type = S_ISDIR(mode) ? "S_IFDIR"
        : S_ISFIFO(mode)             ? "S_IFIFO"
        : S_ISCHR(mode)              ? "S_IFCHR"
        : S_ISBLK(mode)              ? "S_IFBLK"
        : S_ISSOCK(mode)             ? "S_IFSOCK"
                                     : "unknown";
    return u"file type %1 (mode %2)"_s.arg(QLatin1StringView(type)).arg(uint(mode), 0, 8);
}

enum class Oversize { Refuse, Truncate };

Result<QByteArray> readBounded(
    const QString &path, qint64 limit, Oversize oversize, const FileSliceObserver &observer = {})
{
    const QByteArray name = QFile::encodeName(path);
    int fd = -1;
    do {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
        // O_NOCTTY: a terminal given as a file must not become our controlling terminal.
        fd = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR) {
            return fail(ErrorCode::FileMissing,
                Tr::tr("file not found: %1").arg(path),
                u"open: "_s + systemError(error));
        }
        // A socket cannot be opened at all (ENXIO): say what it is rather than "No such device".
        struct stat info
        { };
        if (::stat(name.constData(), &info) == 0 && !S_ISREG(info.st_mode)) {
            return fail(ErrorCode::Io,
                notRegularReason(info.st_mode, path),
                u"open: %1; %2"_s.arg(systemError(error), modeName(info.st_mode)));
        }
        return fail(ErrorCode::Io,
            Tr::tr("cannot read %1: %2").arg(path, systemError(error)),
            u"open: "_s + systemError(error));
    }
    const Descriptor file(fd);

    struct stat info
    { };
    if (::fstat(file.fd(), &info) != 0) {
        const int error = errno;
        return fail(ErrorCode::Io,
            Tr::tr("cannot read %1: %2").arg(path, systemError(error)),
            u"fstat: "_s + systemError(error));
    }
    if (const Text reason = notRegularReason(info.st_mode, path); !reason.isEmpty())
        return fail(ErrorCode::Io, reason, modeName(info.st_mode));

    const auto tooLarge = [&](qint64 size) {
        return fail(ErrorCode::Io,
            Tr::tr("%1 is larger than the limit of %2").arg(path, fileLimitText(limit)),
            size >= 0 ? u"%1 bytes, limit %2"_s.arg(size).arg(limit)
                      : u"more than %1 bytes"_s.arg(limit));
    };
    if (oversize == Oversize::Refuse && info.st_size > limit)
        return tooLarge(info.st_size);

    // Read at most limit + 1 bytes: the extra byte tells "exactly at the limit" from "larger".
    const qint64 wanted = oversize == Oversize::Refuse ? limit + 1 : limit;
    QByteArray bytes;
    bytes.reserve(qsizetype(std::min<qint64>(std::max<qint64>(info.st_size, 0), limit) + 1));
    while (bytes.size() < wanted) {
        const qint64 slice = std::min<qint64>(ReadSlice, wanted - bytes.size());
        const qsizetype at = bytes.size();
        bytes.resize(at + qsizetype(slice));
        ssize_t got = -1;
        do {
            got = ::read(file.fd(), bytes.data() + at, size_t(slice));
        } while (got < 0 && errno == EINTR);
        if (got < 0) {
            const int error = errno;
            return fail(ErrorCode::Io,
                Tr::tr("cannot read %1: %2").arg(path, systemError(error)),
                u"read: "_s + systemError(error));
        }
        bytes.resize(at + qsizetype(got));
        if (got == 0)
            break;
        if (observer
            && !observer(QByteArrayView(bytes.constData() + at, qsizetype(got)), info.st_size)) {
            return fail(ErrorCode::Cancelled,
                Tr::tr("reading %1 was cancelled").arg(path),
                u"cancelled after %1 bytes"_s.arg(bytes.size()));
        }
    }
    if (oversize == Oversize::Refuse && bytes.size() > limit)
        return tooLarge(-1);
    return bytes;
}

} // namespace

QString fileLimitText(qint64 bytes)
{
    if (bytes >= FileLimit::MiB && bytes % FileLimit::MiB == 0)
        return u"%1 MiB"_s.arg(bytes / FileLimit::MiB);
    if (bytes >= FileLimit::KiB && bytes % FileLimit::KiB == 0)
        return u"%1 KiB"_s.arg(bytes / FileLimit::KiB);
    return u"%1 bytes"_s.arg(bytes);
}

Result<QByteArray> readRegularFile(const QString &path, qint64 maxBytes)
{
    return readBounded(path, std::max<qint64>(maxBytes, 0), Oversize::Refuse);
}

Result<QByteArray> readRegularFile(
    const QString &path, qint64 maxBytes, const FileSliceObserver &observer)
{
    return readBounded(path, std::max<qint64>(maxBytes, 0), Oversize::Refuse, observer);
}

Result<QByteArray> readRegularFileStart(const QString &path, qint64 count)
{
    return readBounded(path, std::max<qint64>(count, 0), Oversize::Truncate);
}

} // namespace Station
