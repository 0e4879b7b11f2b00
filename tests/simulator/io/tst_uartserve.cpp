#include "simulator/core/bench.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSerialPort>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// Reads "\r\n"-terminated lines from a port, keeping partial input between calls.
class LineReader
{
public:
    explicit LineReader(QSerialPort &port)
        : m_port(port)
    { }

    // The next line, or a null string after timeoutMs.
    QString next(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n");
            if (end >= 0) {
                const QString line = QString::fromLatin1(m_buffer.left(end));
                m_buffer.remove(0, end + 2);
                return line;
            }
            if (deadline.hasExpired())
                return {};
            if (m_port.waitForReadyRead(50) || m_port.bytesAvailable() > 0)
                m_buffer += m_port.readAll();
        }
    }

    // Sends a command and returns the first reply line that is not part of a boot banner.
    QString ask(const QByteArray &command, int timeoutMs = 5000)
    {
        m_port.write(command + '\n');
        m_port.waitForBytesWritten(1000);
        for (;;) {
            const QString line = next(timeoutMs);
            if (line.isNull() || (!line.startsWith(u"BOOT "_s) && line != u"READY"_s))
                return line;
        }
    }

private:
    QSerialPort &m_port;
    QByteArray m_buffer;
};

} // namespace

class tst_UartServe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void publishesEveryAttachedDevice();
    void roundTrip();
    void selftestBusy();
    void faults_data();
    void faults();
    void unplugClosesAndPlugReopens();
    void bannerAfterRestart();
    void bannerAfterAzsphereRestart();
    void rebootAppliedBeforeNextLine_data();
    void rebootAppliedBeforeNextLine();

private:
    // (Re)starts serve with this time scale and, when pollMs > 0, that state poll interval;
    // waits for the UART lines of the attached devices.
    void startServe(const QString &timeScale, int pollMs, const QStringList &connectionPaths);
    void stopServe();
    bool openPort(QSerialPort &port, const QString &connectionPath);
    QString deviceId(int fixture) const;
    void modify(int fixture, const std::function<void(Sim::DeviceState &)> &fn);
    // Waits for a "UART <path> <pty>" line on serve's stdout; returns the pty.
    QString waitForUartLine(const QString &connectionPath);

    QString m_sphereSim;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_home;
    std::unique_ptr<QProcess> m_serve;
    QByteArray m_serveOut;
};

void tst_UartServe::initTestCase()
{
    m_sphereSim = QStringLiteral(STATION_BIN_DIR "/sphere-sim");
    QVERIFY2(QFileInfo(m_sphereSim).isExecutable(), qPrintable(m_sphereSim));
}

void tst_UartServe::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_home = m_dir->filePath(u"bench"_s);
    Sim::CreateOptions options;
    options.devices = 2;
    QString why;
    QVERIFY2(Sim::Bench::create(m_home, options, &why), qPrintable(why));
    startServe(u"0.01"_s, 0, {u"1211"_s, u"1212"_s});
}

void tst_UartServe::cleanup()
{
    stopServe();
    m_dir.reset();
}

void tst_UartServe::startServe(
    const QString &timeScale, int pollMs, const QStringList &connectionPaths)
{
    m_serveOut.clear();
    m_serve = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AZSPHERE_SIM_HOME"_s, m_home);
    env.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, timeScale);
    if (pollMs > 0)
        env.insert(u"AZSPHERE_SIM_SERVE_POLL_MS"_s, QString::number(pollMs));
    else
        env.remove(u"AZSPHERE_SIM_SERVE_POLL_MS"_s);
    m_serve->setProcessEnvironment(env);
    m_serve->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_serve->start(m_sphereSim, {u"serve"_s});
    QVERIFY(m_serve->waitForStarted());
    for (const QString &path : connectionPaths)
        QVERIFY2(!waitForUartLine(path).isEmpty(), qPrintable(path));
}

void tst_UartServe::stopServe()
{
    if (m_serve && m_serve->state() != QProcess::NotRunning) {
        m_serve->terminate(); // SIGTERM: serve removes its symlinks and exits 0
        QVERIFY(m_serve->waitForFinished(10000));
        QCOMPARE(m_serve->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_serve->exitCode(), 0);
        QVERIFY(QDir(m_home + u"/uart"_s).entryList(QDir::System | QDir::Files).isEmpty());
    }
    m_serve.reset();
}

QString tst_UartServe::waitForUartLine(const QString &connectionPath)
{
    const QRegularExpression re(
        u"^UART %1 (\\S+)$"_s.arg(connectionPath), QRegularExpression::MultilineOption);
    QDeadlineTimer deadline(10000);
    for (;;) {
        m_serveOut += m_serve->readAllStandardOutput();
        const QRegularExpressionMatch m = re.match(QString::fromUtf8(m_serveOut));
        if (m.hasMatch()) {
            // Consume through this line so a later plug is seen as a new line.
            const qsizetype end = m_serveOut.indexOf('\n', m.capturedEnd(0));
            m_serveOut.remove(0, end + 1);
            return m.captured(1);
        }
        if (deadline.hasExpired() || m_serve->state() == QProcess::NotRunning)
            return {};
        m_serve->waitForReadyRead(100);
    }
}

bool tst_UartServe::openPort(QSerialPort &port, const QString &connectionPath)
{
    port.setPortName(m_home + u"/uart/"_s + connectionPath);
    if (!port.open(QIODevice::ReadWrite))
        return false;
    port.setBaudRate(QSerialPort::Baud115200);
    return true;
}

QString tst_UartServe::deviceId(int fixture) const
{
    Sim::Bench bench(m_home);
    if (!bench.load())
        return {};
    const auto slot = bench.slotOfFixture(fixture);
    const auto state = slot ? bench.readDevice(slot->serial) : std::nullopt;
    return state ? state->deviceId : QString();
}

void tst_UartServe::modify(int fixture, const std::function<void(Sim::DeviceState &)> &fn)
{
    Sim::Bench bench(m_home);
    QVERIFY(bench.load());
    const auto slot = bench.slotOfFixture(fixture);
    QVERIFY(slot);
    QVERIFY(bench.modifyDevice(slot->serial, [&](Sim::DeviceState &s) {
        fn(s);
        return true;
    }));
}

void tst_UartServe::publishesEveryAttachedDevice()
{
    for (const QString &path : {u"1211"_s, u"1212"_s}) {
        const QFileInfo link(m_home + u"/uart/"_s + path);
        QVERIFY(link.isSymLink());
        QVERIFY(link.symLinkTarget().startsWith(u"/dev/pts/"_s));
    }
    QVERIFY(QFileInfo(m_home + u"/uart/1211"_s).symLinkTarget()
        != QFileInfo(m_home + u"/uart/1212"_s).symLinkTarget());
}

void tst_UartServe::roundTrip()
{
    QSerialPort port;
    QVERIFY2(openPort(port, u"1212"_s), qPrintable(port.errorString()));
    LineReader uart(port);
    QCOMPARE(uart.ask("PING"), u"PONG"_s);
    QCOMPARE(uart.ask("ID"), u"ID "_s + deviceId(2));
    QCOMPARE(uart.ask("VERSION"), u"VERSION sphere-ft 1.4.0"_s);
    QCOMPARE(uart.ask("GPIO SET 8 1"), u"OK"_s);
    QCOMPARE(uart.ask("GPIO GET 8"), u"GPIO 8 1"_s);
    const QRegularExpression measured(u"^VCC_3V3 (3\\.[0-9]{3}) V$"_s);
    const QRegularExpressionMatch m = measured.match(uart.ask("MEASURE VCC_3V3"));
    QVERIFY(m.hasMatch());
    QVERIFY(qAbs(m.captured(1).toDouble() - 3.3) < 0.1);
    QCOMPARE(uart.ask("MEASURE VBAT"), u"ERR UNKNOWN_MEASUREMENT VBAT"_s);
    QCOMPARE(uart.ask("FOO\r"), u"ERR UNKNOWN_COMMAND"_s);
    QCOMPARE(uart.ask("SELFTEST"), u"PASS"_s);

    // The other port is another device.
    QSerialPort other;
    QVERIFY(openPort(other, u"1211"_s));
    LineReader uart1(other);
    QCOMPARE(uart1.ask("ID"), u"ID "_s + deviceId(1));
}

void tst_UartServe::selftestBusy()
{
    QSerialPort port;
    QVERIFY(openPort(port, u"1211"_s));
    LineReader uart(port);
    // SELFTEST takes 2 s scaled by 0.01 = 20 ms; the PING right behind it lands inside.
    port.write("SELFTEST\nPING\n");
    QCOMPARE(uart.next(), u"ERR BUSY"_s);
    QCOMPARE(uart.next(), u"PASS"_s);
    QCOMPARE(uart.ask("PING"), u"PONG"_s);
}

void tst_UartServe::faults_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QString>("reply");

    QTest::newRow("uart-selftest-fail")
        << u"uart-selftest-fail"_s << QString() << "SELFTEST"_ba << u"FAIL FLASH_CRC"_s;
    QTest::newRow("uart-selftest-fail RF_CAL")
        << u"uart-selftest-fail"_s << u"RF_CAL"_s << "SELFTEST"_ba << u"FAIL RF_CAL"_s;
    QTest::newRow("measurement-out-of-limits") << u"measurement-out-of-limits"_s << QString()
                                               << "MEASURE VCC_3V3"_ba << u"VCC_3V3 3.800 V"_s;
    // Silent once: the first PING gets nothing, so the only reply is the second PING's.
    QTest::newRow("uart-silent") << u"uart-silent"_s << QString() << "PING\nID"_ba << u"ID "_s;
}

void tst_UartServe::faults()
{
    QFETCH(QString, kind);
    QFETCH(QString, variant);
    QFETCH(QByteArray, command);
    QFETCH(QString, reply);

    modify(1, [&](Sim::DeviceState &s) {
        Sim::Fault f;
        f.kind = kind;
        f.variant = variant;
        f.count = 1;
        s.faults.append(f);
    });
    QSerialPort port;
    QVERIFY(openPort(port, u"1211"_s));
    LineReader uart(port);
    QVERIFY(uart.ask(command).startsWith(reply));
    // Used up: the device behaves again.
    QCOMPARE(uart.ask("SELFTEST"), u"PASS"_s);
}

void tst_UartServe::unplugClosesAndPlugReopens()
{
    QSerialPort port;
    QVERIFY(openPort(port, u"1211"_s));
    LineReader uart(port);
    QCOMPARE(uart.ask("PING"), u"PONG"_s);

    QSignalSpy errors(&port, &QSerialPort::errorOccurred);
    {
        Sim::Bench bench(m_home);
        QVERIFY(bench.load());
        QVERIFY(bench.unplug(1));
    }
    // The station sees a hang-up, as when a USB serial adapter disappears.
    // (Qt 6.4 reports it as ReadError, again and again until the port is closed.)
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 5000);
    const auto error = errors.first().first().value<QSerialPort::SerialPortError>();
    QVERIFY(error == QSerialPort::ReadError || error == QSerialPort::ResourceError);
    port.close();
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo(m_home + u"/uart/1211"_s).isSymLink(), 5000);
    QVERIFY(QFileInfo(m_home + u"/uart/1212"_s).isSymLink());

    {
        Sim::Bench bench(m_home);
        QVERIFY(bench.load());
        QVERIFY(bench.plug(1));
    }
    const QString pty = waitForUartLine(u"1211"_s);
    QVERIFY(!pty.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(m_home + u"/uart/1211"_s).symLinkTarget(), pty, 5000);
    QSerialPort again;
    QVERIFY(openPort(again, u"1211"_s));
    LineReader uart2(again);
    QCOMPARE(uart2.next(), u"BOOT sphere-ft 1.4.0"_s);
    QCOMPARE(uart2.next(), u"READY"_s);
    QCOMPARE(uart2.ask("PING"), u"PONG"_s);
}

void tst_UartServe::bannerAfterRestart()
{
    QSerialPort port;
    QVERIFY(openPort(port, u"1212"_s));
    LineReader uart(port);
    QCOMPARE(uart.ask("GPIO SET 3 1"), u"OK"_s);
    // What `azsphere device restart` does to the state: a boot, silent for a while.
    const qint64 busyUntil = QDateTime::currentMSecsSinceEpoch() + 300;
    modify(2, [&](Sim::DeviceState &s) {
        ++s.bootCount;
        s.busyUntilMs = busyUntil;
        s.busyReason = u"restart"_s;
    });
    QCOMPARE(uart.next(), u"BOOT sphere-ft 1.4.0"_s);
    QVERIFY(QDateTime::currentMSecsSinceEpoch() >= busyUntil); // only once it has rebooted
    QCOMPARE(uart.next(), u"READY"_s);
    QCOMPARE(uart.ask("GPIO GET 3"), u"GPIO 3 0"_s); // a reboot resets the GPIOs
}

void tst_UartServe::bannerAfterAzsphereRestart()
{
    const QString azsphere = QStringLiteral(STATION_SIM_BIN_DIR "/azsphere");
    QVERIFY(QFileInfo(azsphere).isExecutable());
    QSerialPort port;
    QVERIFY(openPort(port, u"1211"_s));
    LineReader uart(port);
    QCOMPARE(uart.ask("PING"), u"PONG"_s);

    QProcess restart;
    restart.setProcessEnvironment(m_serve->processEnvironment());
    restart.start(azsphere, {u"device"_s, u"restart"_s, u"--device"_s, u"192.168.35.2"_s});
    QVERIFY(restart.waitForFinished(30000));
    QCOMPARE(restart.exitCode(), 0);
    QCOMPARE(uart.next(), u"BOOT sphere-ft 1.4.0"_s);
    QCOMPARE(uart.next(), u"READY"_s);
    QCOMPARE(uart.ask("PING"), u"PONG"_s);
}

void tst_UartServe::rebootAppliedBeforeNextLine_data()
{
    QTest::addColumn<bool>("viaAzsphere");
    QTest::addColumn<int>("rebootMs"); // how long the reboot lasts (wall time)

    // Time scale 0: the reboot takes no time, the station's next line follows at once.
    QTest::newRow("azsphere device restart") << true << 0;
    QTest::newRow("instant reboot") << false << 0;
    // Over before the line comes, but long before serve's next poll.
    QTest::newRow("reboot over before the line") << false << 30;
}

// A reboot takes effect as of its recorded time, not when serve's state poll notices it: the
// line that follows it is answered by the new firmware (after its banner), and the poll later
// does not restart the firmware a second time.
void tst_UartServe::rebootAppliedBeforeNextLine()
{
    QFETCH(bool, viaAzsphere);
    QFETCH(int, rebootMs);

    // A poll far slower than any reply, and fixture 2 out, so that its plug-in later shows (by
    // its UART line) when a poll has run.
    stopServe();
    {
        Sim::Bench bench(m_home);
        QVERIFY(bench.load());
        QVERIFY(bench.unplug(2));
    }
    startServe(u"0"_s, 1500, {u"1211"_s});
    if (QTest::currentTestFailed())
        return;

    QSerialPort port;
    QVERIFY(openPort(port, u"1211"_s));
    LineReader uart(port);
    QCOMPARE(uart.ask("GPIO SET 5 1"), u"OK"_s);

    if (viaAzsphere) {
        QProcess restart;
        restart.setProcessEnvironment(m_serve->processEnvironment());
        restart.start(QStringLiteral(STATION_SIM_BIN_DIR "/azsphere"),
            {u"device"_s, u"restart"_s, u"--device"_s, u"192.168.35.2"_s});
        QVERIFY(restart.waitForFinished(30000));
        QCOMPARE(restart.exitCode(), 0);
    } else {
        const qint64 busyUntil = QDateTime::currentMSecsSinceEpoch() + rebootMs;
        modify(1, [&](Sim::DeviceState &s) {
            ++s.bootCount;
            s.busyUntilMs = busyUntil;
            s.busyReason = u"restart"_s;
        });
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > busyUntil, 5000);
    }

    // The whole script at once, as fast as a station sends it.
    port.write("GPIO GET 5\nGPIO SET 5 1\nPING\nID\n");
    QVERIFY(port.waitForBytesWritten(1000));
    QCOMPARE(uart.next(), u"BOOT sphere-ft 1.4.0"_s);
    QCOMPARE(uart.next(), u"READY"_s);
    QCOMPARE(uart.next(), u"GPIO 5 0"_s); // the new firmware: GPIOs reset
    QCOMPARE(uart.next(), u"OK"_s);
    QCOMPARE(uart.next(), u"PONG"_s);
    QCOMPARE(uart.next(), u"ID "_s + deviceId(1));

    // Plug fixture 2 and wait for serve to publish it: a poll has run since the reboot.
    {
        Sim::Bench bench(m_home);
        QVERIFY(bench.load());
        QVERIFY(bench.plug(2));
    }
    QVERIFY(!waitForUartLine(u"1212"_s).isEmpty());
    // That poll did not boot fixture 1 again: no banner, and the GPIO set after the boot holds.
    port.write("GPIO GET 5\n");
    QVERIFY(port.waitForBytesWritten(1000));
    QCOMPARE(uart.next(), u"GPIO 5 1"_s);
}

QTEST_GUILESS_MAIN(tst_UartServe)

#include "tst_uartserve.moc"
