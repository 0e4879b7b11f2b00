#include "services/base/boundedfile.h"
#include "services/base/textcheck.h"
#include "tests/helpers/hostilefiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Station::ErrorCode;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A bound unix socket at `path` (kept open by the returned descriptor).
int makeSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray name = QFile::encodeName(path);
    if (size_t(name.size()) >= sizeof(address.sun_path)) {
        ::close(fd);
        return -1;
    }
    std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

class tst_BoundedFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void readRegularFile_data();
    void readRegularFile();
    void readStart_data();
    void readStart();
    void limitText_data();
    void limitText();
    void nameText_data();
    void nameText();

private:
    // Makes the file a row names: "regular:<n>", "sparse:<n>", "missing", "folder", "fifo",
    // "fifo link", "socket", "/dev/zero" (used as is). Returns its path.
    QString make(const QString &kind);

    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_fifos;
    int m_socket = -1;
};

void tst_BoundedFile::initTestCase()
{
    HostileFiles::limitAddressSpace();
}

void tst_BoundedFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fifos.clear();
}

void tst_BoundedFile::cleanup()
{
    if (m_socket >= 0)
        ::close(m_socket);
    m_socket = -1;
}

QString tst_BoundedFile::make(const QString &kind)
{
    if (kind.startsWith(u'/'))
        return kind;
    const QString path = m_dir->filePath(u"file"_s);
    if (kind.startsWith("regular:"_L1)) {
        if (!writeFile(path, QByteArray(kind.section(u':', 1).toInt(), 'x')))
            return {};
    } else if (kind.startsWith("sparse:"_L1)) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !file.resize(kind.section(u':', 1).toLongLong()))
            return {};
    } else if (kind == "folder"_L1) {
        if (!QDir().mkpath(path))
            return {};
    } else if (kind == "fifo"_L1) {
        if (!HostileFiles::makeFifo(path))
            return {};
        m_fifos.append(path);
    } else if (kind == "fifo link"_L1) {
        const QString fifo = m_dir->filePath(u"fifo"_s);
        if (!HostileFiles::makeFifo(fifo) || !QFile::link(fifo, path))
            return {};
        m_fifos.append(fifo);
    } else if (kind == "socket"_L1) {
        m_socket = makeSocket(path);
        if (m_socket < 0)
            return {};
    }
    return path; // "missing": nothing made
}

void tst_BoundedFile::readRegularFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<int>("size");        // bytes read; -1: refused
    QTest::addColumn<ErrorCode>("code");  // when refused
    QTest::addColumn<QString>("message"); // when refused; {path} is the file's path

    QTest::newRow("regular") << u"regular:100"_s << qint64(1000) << 100 << ErrorCode::None
                             << QString();
    QTest::newRow("empty") << u"regular:0"_s << qint64(10) << 0 << ErrorCode::None << QString();
    QTest::newRow("exactly at the limit")
        << u"regular:10"_s << qint64(10) << 10 << ErrorCode::None << QString();
    QTest::newRow("one byte over the limit") << u"regular:11"_s << qint64(10) << -1 << ErrorCode::Io
                                             << u"{path} is larger than the limit of 10 bytes"_s;
    QTest::newRow("sparse, far over the limit")
        << u"sparse:%1"_s.arg(8LL << 30) << qint64(1 << 20) << -1 << ErrorCode::Io
        << u"{path} is larger than the limit of 1 MiB"_s;
    QTest::newRow("missing") << u"missing"_s << qint64(10) << -1 << ErrorCode::FileMissing
                             << u"file not found: {path}"_s;
    QTest::newRow("folder") << u"folder"_s << qint64(10) << -1 << ErrorCode::Io
                            << u"{path} is a folder, not a file"_s;
    QTest::newRow("FIFO without a writer")
        << u"fifo"_s << qint64(10) << -1 << ErrorCode::Io
        << u"{path} is a FIFO (named pipe), not a regular file"_s;
    QTest::newRow("link to a FIFO") << u"fifo link"_s << qint64(10) << -1 << ErrorCode::Io
                                    << u"{path} is a FIFO (named pipe), not a regular file"_s;
    QTest::newRow("socket") << u"socket"_s << qint64(10) << -1 << ErrorCode::Io
                            << u"{path} is a socket, not a regular file"_s;
    QTest::newRow("/dev/zero") << u"/dev/zero"_s << qint64(1 << 20) << -1 << ErrorCode::Io
                               << u"/dev/zero is a character device, not a regular file"_s;
    QTest::newRow("/dev/null") << u"/dev/null"_s << qint64(10) << -1 << ErrorCode::Io
                               << u"/dev/null is a character device, not a regular file"_s;
}

void tst_BoundedFile::readRegularFile()
{
    QFETCH(QString, kind);
    QFETCH(qint64, limit);
    QFETCH(int, size);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);
    const QString path = make(kind);
    QVERIFY2(!path.isEmpty(), qPrintable(kind));

    const auto read = HostileFiles::returnsWithin(
        [path, limit] { return Station::readRegularFile(path, limit); }, m_fifos, 10s);
    QVERIFY2(read.has_value(), "the read blocked");
    if (size >= 0) {
        QVERIFY2(
            read->has_value(), qPrintable(read->has_value() ? QString() : read->error().message));
        QCOMPARE(read->value().size(), size);
        return;
    }
    QVERIFY(!read->has_value());
    QCOMPARE(read->error().code, code);
    QCOMPARE(read->error().message, QString(message).replace(u"{path}"_s, path));
    QVERIFY(!read->error().detail.isEmpty());
}

void tst_BoundedFile::readStart_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("size"); // -1: refused
    QTest::newRow("longer file") << u"regular:1000"_s << 16;
    QTest::newRow("shorter file") << u"regular:5"_s << 5;
    QTest::newRow("sparse huge file") << u"sparse:%1"_s.arg(8LL << 30) << 16;
    QTest::newRow("FIFO") << u"fifo"_s << -1;
    QTest::newRow("/dev/zero") << u"/dev/zero"_s << -1;
}

void tst_BoundedFile::readStart()
{
    QFETCH(QString, kind);
    QFETCH(int, size);
    const QString path = make(kind);
    QVERIFY(!path.isEmpty());
    const auto read = HostileFiles::returnsWithin(
        [path] { return Station::readRegularFileStart(path, 16); }, m_fifos, 10s);
    QVERIFY2(read.has_value(), "the read blocked");
    QCOMPARE(read->has_value(), size >= 0);
    if (size >= 0)
        QCOMPARE(read->value().size(), size);
}

void tst_BoundedFile::limitText_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("MiB") << qint64(64) * 1024 * 1024 << u"64 MiB"_s;
    QTest::newRow("KiB") << qint64(64) * 1024 << u"64 KiB"_s;
    QTest::newRow("bytes") << qint64(1000) << u"1000 bytes"_s;
}

void tst_BoundedFile::limitText()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(Station::fileLimitText(bytes), text);
}

void tst_BoundedFile::nameText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("problem"); // empty: allowed

    QTest::newRow("plain") << u"Line 3, PC 1"_s << QString();
    QTest::newRow("accents and dots") << u"Zoë Müller · Line 3"_s << QString();
    QTest::newRow("CJK") << u"三号线"_s << QString();
    QTest::newRow("emoji (surrogate pair)") << u"ok \U0001F600"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("NUL") << QString(u"a\0b"_s) << u"contains the control character U+0000 (NUL)"_s;
    QTest::newRow("line feed") << u"a\nb"_s << u"contains the control character U+000A"_s;
    QTest::newRow("tab") << u"a\tb"_s << u"contains the control character U+0009"_s;
    QTest::newRow("escape") << u"a\x1b[2Jb"_s << u"contains the control character U+001B"_s;
    QTest::newRow("DEL") << u"a\x7f"_s << u"contains the control character U+007F"_s;
    QTest::newRow("C1 NEL") << u"a\u0085b"_s << u"contains the control character U+0085"_s;
    QTest::newRow("line separator")
        << u"a\u2028b"_s << u"contains a line or paragraph separator (U+2028)"_s;
    QTest::newRow("right-to-left override")
        << u"a\u202eb"_s << u"contains the bidirectional control character U+202E"_s;
    QTest::newRow("unpaired surrogate")
        << QString(QChar(0xd800)) << u"contains an unpaired surrogate (U+D800)"_s;
}

void tst_BoundedFile::nameText()
{
    QFETCH(QString, text);
    QFETCH(QString, problem);
    QCOMPARE(Station::nameTextProblem(text), problem);
}

QTEST_APPLESS_MAIN(tst_BoundedFile)

#include "tst_boundedfile.moc"
