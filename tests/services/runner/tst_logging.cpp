#include "services/base/logformat.h"
#include "services/base/logging.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using Station::Logger;
using Station::LogLevel;
namespace Logging = Station::Logging;

Q_DECLARE_METATYPE(Station::LogLevel)

Q_LOGGING_CATEGORY(lcTest, "station.test", QtDebugMsg)

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class tst_Logging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void linesLandInTheStationFile();
    void levels_data();
    void levels();
    void qtMessagesAreRouted_data();
    void qtMessagesAreRouted();
    void qtMessagesFromAnotherThread();
    void fixtureLoggers();
    void fixtureLoggersFromManyThreads();
    void rotation();
    void unwritableDirectoryFails();
    void secondInitializeFails();
    void shutdownSilencesLoggersAndRestoresHandler();
    void loggerWithoutSetupIsSilent();
    void defaultDirectory();
    void qstringFormatter();

private:
    Logging::Options options(LogLevel level = LogLevel::Trace) const
    {
        Logging::Options o;
        o.directory = m_dir->path();
        o.level = level;
        o.logToStderr = false;
        return o;
    }
    QByteArray stationLog() const
    {
        Logging::flush();
        return readFile(m_dir->filePath(u"sphere-station.log"_s));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Logging::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Logging::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_Logging::cleanup()
{
    Logging::shutdown();
    QVERIFY(!Logging::isInitialized());
}

void tst_Logging::linesLandInTheStationFile()
{
    QVERIFY(Logging::initialize(options()).has_value());
    QVERIFY(Logging::isInitialized());
    QCOMPARE(Logging::directory(), QDir(m_dir->path()).absolutePath());
    QCOMPARE(Logging::stationLogFile(), m_dir->filePath(u"sphere-station.log"_s));

    const Logger logger = Logging::station();
    QCOMPARE(logger.name(), u"station"_s);
    logger.info(u"hello station, grüße"_s);

    const QByteArray log = stationLog();
    const QRegularExpression line(
        uR"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[info\] \[station\] \[tid \d+\] hello station, grüße$)"_s,
        QRegularExpression::MultilineOption);
    QVERIFY2(line.match(QString::fromUtf8(log)).hasMatch(), log.constData());
}

void tst_Logging::levels_data()
{
    QTest::addColumn<LogLevel>("threshold");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("trace")
        << LogLevel::Trace
        << QStringList {u"trace"_s, u"debug"_s, u"info"_s, u"warn"_s, u"error"_s, u"critical"_s};
    QTest::newRow("info") << LogLevel::Info
                          << QStringList {u"info"_s, u"warn"_s, u"error"_s, u"critical"_s};
    QTest::newRow("warn") << LogLevel::Warn << QStringList {u"warn"_s, u"error"_s, u"critical"_s};
    QTest::newRow("critical") << LogLevel::Critical << QStringList {u"critical"_s};
    QTest::newRow("off") << LogLevel::Off << QStringList();
}

void tst_Logging::levels()
{
    QFETCH(LogLevel, threshold);
    QFETCH(QStringList, expected);

    QVERIFY(Logging::initialize(options(threshold)).has_value());
    const Logger logger = Logging::logger(u"records"_s);
    logger.trace(u"message-trace"_s);
    logger.debug(u"message-debug"_s);
    logger.info(u"message-info"_s);
    logger.warn(u"message-warn"_s);
    logger.error(u"message-error"_s);
    logger.critical(u"message-critical"_s);

    const QString log = QString::fromUtf8(stationLog());
    for (const QString &level :
        {u"trace"_s, u"debug"_s, u"info"_s, u"warn"_s, u"error"_s, u"critical"_s}) {
        QCOMPARE(log.contains(u"[records] [tid"_s) && log.contains(u"message-"_s + level),
            expected.contains(level));
    }
    QCOMPARE(logger.isEnabled(LogLevel::Info), expected.contains(u"info"_s));
    QVERIFY(!logger.isEnabled(LogLevel::Off));
}

void tst_Logging::qtMessagesAreRouted_data()
{
    QTest::addColumn<QtMsgType>("type");
    QTest::addColumn<bool>("withCategory");
    QTest::addColumn<QString>("expected");

    // Qt's critical is spdlog's error.
    QTest::newRow("debug") << QtDebugMsg << false
                           << uR"(\[debug\] \[qt\] \[tid \d+\] qt says 1$)"_s;
    QTest::newRow("info") << QtInfoMsg << false << uR"(\[info\] \[qt\] \[tid \d+\] qt says 1$)"_s;
    QTest::newRow("warning") << QtWarningMsg << false
                             << uR"(\[warning\] \[qt\] \[tid \d+\] qt says 1$)"_s;
    QTest::newRow("critical") << QtCriticalMsg << false
                              << uR"(\[error\] \[qt\] \[tid \d+\] qt says 1$)"_s;
    QTest::newRow("category warning")
        << QtWarningMsg << true
        << uR"(\[warning\] \[qt\] \[tid \d+\] \[station.test\] qt says 1$)"_s;
}

void tst_Logging::qtMessagesAreRouted()
{
    QFETCH(QtMsgType, type);
    QFETCH(bool, withCategory);
    QFETCH(QString, expected);

    QVERIFY(Logging::initialize(options(LogLevel::Debug)).has_value());
    switch (type) {
    case QtDebugMsg:
        qDebug("qt says %d", 1);
        break;
    case QtInfoMsg:
        qInfo("qt says %d", 1);
        break;
    case QtWarningMsg:
        if (withCategory)
            qCWarning(lcTest, "qt says %d", 1);
        else
            qWarning("qt says %d", 1);
        break;
    case QtCriticalMsg:
        qCritical("qt says %d", 1);
        break;
    case QtFatalMsg:
        QFAIL("not testable");
    }
    const QString log = QString::fromUtf8(stationLog());
    const QRegularExpression pattern(expected, QRegularExpression::MultilineOption);
    QVERIFY2(pattern.match(log).hasMatch(), qPrintable(log));
}

void tst_Logging::qtMessagesFromAnotherThread()
{
    QVERIFY(Logging::initialize(options()).has_value());
    std::thread thread([] { qWarning("warning from a worker thread"); });
    thread.join();
    QVERIFY(stationLog().contains("[warning] [qt]"));
    QVERIFY(stationLog().contains("warning from a worker thread"));
}

void tst_Logging::fixtureLoggers()
{
    QVERIFY(Logging::initialize(options()).has_value());
    const Logger three = Logging::fixture(3);
    const Logger four = Logging::fixture(4);
    QCOMPARE(three.name(), u"fixture.3"_s);
    QCOMPARE(four.name(), u"fixture.4"_s);
    QCOMPARE(Logging::fixture(3).name(), u"fixture.3"_s);
    three.info(u"step sideload passed on three"_s);
    four.error(u"step recover failed on four"_s);
    Logging::fixture(3).debug(u"again on three"_s);

    const QByteArray station = stationLog();
    const QByteArray fixture3 = readFile(m_dir->filePath(u"fixture-3.log"_s));
    const QByteArray fixture4 = readFile(m_dir->filePath(u"fixture-4.log"_s));
    QCOMPARE(Logging::fixtureLogFile(3), m_dir->filePath(u"fixture-3.log"_s));

    // Each fixture's lines go to the station log and to its own file, not to the others'.
    QVERIFY(station.contains("[info] [fixture.3]"));
    QVERIFY(station.contains("step sideload passed on three"));
    QVERIFY(station.contains("[error] [fixture.4]"));
    QVERIFY(station.contains("step recover failed on four"));
    QVERIFY(fixture3.contains("step sideload passed on three"));
    QVERIFY(fixture3.contains("again on three"));
    QVERIFY(!fixture3.contains("on four"));
    QVERIFY(fixture4.contains("step recover failed on four"));
    QVERIFY(!fixture4.contains("on three"));
}

void tst_Logging::fixtureLoggersFromManyThreads()
{
    QVERIFY(Logging::initialize(options()).has_value());
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([i] {
            for (int n = 0; n < 50; ++n)
                Logging::fixture(1 + i % 2).info(u"thread %1 line %2"_s.arg(i).arg(n));
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    Logging::flush();
    const QByteArray one = readFile(m_dir->filePath(u"fixture-1.log"_s));
    const QByteArray two = readFile(m_dir->filePath(u"fixture-2.log"_s));
    QCOMPARE(one.count('\n'), 4 * 50);
    QCOMPARE(two.count('\n'), 4 * 50);
    QCOMPARE(stationLog().count('\n'), 8 * 50);
}

void tst_Logging::rotation()
{
    Logging::Options o = options();
    o.maxFileBytes = 4096;
    o.maxFiles = 2;
    QVERIFY(Logging::initialize(o).has_value());
    const Logger logger = Logging::station();
    for (int i = 0; i < 200; ++i)
        logger.info(u"line %1 %2"_s.arg(i).arg(QString(40, u'r')));
    Logging::flush();
    const QDir dir(m_dir->path());
    QVERIFY(dir.exists(u"sphere-station.log"_s));
    QVERIFY(dir.exists(u"sphere-station.1.log"_s));
    QVERIFY(dir.exists(u"sphere-station.2.log"_s));
    QVERIFY(!dir.exists(u"sphere-station.3.log"_s));
    QVERIFY(QFileInfo(dir.filePath(u"sphere-station.1.log"_s)).size() <= 4096);
    QVERIFY(readFile(dir.filePath(u"sphere-station.log"_s)).contains("line 199"));
}

void tst_Logging::unwritableDirectoryFails()
{
    const QString file = m_dir->filePath(u"plain-file"_s);
    QFile plain(file);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();

    Logging::Options o = options();
    o.directory = file + u"/logs"_s;
    const Station::Result<> result = Logging::initialize(o);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, Station::ErrorCode::Io);
    QVERIFY2(result.error().message.english().contains(u"plain-file"_s),
        qPrintable(result.error().message));
    QVERIFY(!Logging::isInitialized());
    QVERIFY(Logging::station().name().isEmpty());
}

void tst_Logging::secondInitializeFails()
{
    QVERIFY(Logging::initialize(options()).has_value());
    const Station::Result<> again = Logging::initialize(options());
    QVERIFY(!again.has_value());
    QCOMPARE(again.error().code, Station::ErrorCode::InvalidArgument);
    QVERIFY(Logging::isInitialized());
}

void tst_Logging::shutdownSilencesLoggersAndRestoresHandler()
{
    QVERIFY(Logging::initialize(options()).has_value());
    const Logger kept = Logging::fixture(7);
    kept.info(u"before shutdown"_s);
    Logging::shutdown();
    QVERIFY(!Logging::isInitialized());
    QVERIFY(Logging::directory().isEmpty());

    kept.error(u"after shutdown"_s);
    QVERIFY(!kept.isEnabled(LogLevel::Critical));
    // QTest's own handler is back: it sees (and swallows) this warning.
    QTest::ignoreMessage(QtWarningMsg, "qt after shutdown");
    qWarning("qt after shutdown");

    const QByteArray station = readFile(m_dir->filePath(u"sphere-station.log"_s));
    const QByteArray fixture = readFile(m_dir->filePath(u"fixture-7.log"_s));
    QVERIFY(station.contains("before shutdown"));
    QVERIFY(fixture.contains("before shutdown"));
    QVERIFY(!station.contains("after shutdown"));
    QVERIFY(!fixture.contains("after shutdown"));

    // Set up again, in a fresh folder.
    QTemporaryDir second;
    Logging::Options o = options();
    o.directory = second.path();
    QVERIFY(Logging::initialize(o).has_value());
    Logging::station().warn(u"second life"_s);
    QVERIFY(readFile(second.filePath(u"sphere-station.log"_s)).contains("second life"));
}

void tst_Logging::loggerWithoutSetupIsSilent()
{
    QVERIFY(!Logging::isInitialized());
    const Logger none;
    QVERIFY(none.name().isEmpty());
    QVERIFY(!none.isEnabled(LogLevel::Critical));
    none.critical(u"nowhere"_s);
    QVERIFY(Logging::fixture(1).name().isEmpty());
    Logging::fixture(1).info(u"nowhere"_s);
    QVERIFY(Logging::stationLogFile().isEmpty());
    QVERIFY(QDir(m_dir->path()).isEmpty());
}

void tst_Logging::defaultDirectory()
{
    const QString expected
        = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/logs"_s;
    const bool existed = QDir(expected).exists();
    Logging::Options o = options();
    o.directory.clear();
    QVERIFY(Logging::initialize(o).has_value());
    QCOMPARE(Logging::directory(), QDir::cleanPath(expected));
    Logging::station().info(u"default folder"_s);
    Logging::flush();
    QVERIFY(readFile(expected + u"/sphere-station.log"_s).contains("default folder"));
    Logging::shutdown();
    if (!existed)
        QDir(expected).removeRecursively();
}

void tst_Logging::qstringFormatter()
{
    QCOMPARE(
        fmt::format("{}|{:>6}|{}", u"grüße"_s, u"ab"_s, QString()), std::string("grüße|    ab|"));
}

QTEST_GUILESS_MAIN(tst_Logging)

#include "tst_logging.moc"
