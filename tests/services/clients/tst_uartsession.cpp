#include "services/hardware/uartsession.h"
#include "services/steps/step.h"
#include "services/steps/uartteststep.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <functional>
#include <poll.h>
#include <stdlib.h>
#include <termios.h>
#include <thread>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

const QByteArray DeviceId
    = "62dfbf427437a0058a51eefa7e27e4654827a6d3241a821cf46a9222d1bfbad0a7f8473da39f09856e60dec1"
      "ccc2eeb7516f3c8380e8a8adcb6d1b7275fc675d";

// Plays the device's test firmware (REFERENCE.md section 8) on the master side of a
// pseudo-terminal, in its own thread; the session under test opens the slave side.
class FakeDevice
{
public:
    FakeDevice()
    {
        // Non-blocking: a reply the session no longer reads must not hang the device thread.
        m_master = ::posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
        if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0)
            return;
        m_slavePath = QString::fromLocal8Bit(::ptsname(m_master));
        // Holding a slave descriptor keeps the master from seeing a hang-up before the
        // session opens the port; raw mode: no echo, no line discipline.
        m_slave = ::open(::ptsname(m_master), O_RDWR | O_NOCTTY);
        termios attributes {};
        ::tcgetattr(m_slave, &attributes);
        ::cfmakeraw(&attributes);
        ::tcsetattr(m_slave, TCSANOW, &attributes);
        m_thread = std::thread([this] { serve(); });
    }

    ~FakeDevice()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        if (m_master >= 0)
            ::close(m_master);
        if (m_slave >= 0)
            ::close(m_slave);
    }

    bool isValid() const { return m_slave >= 0 && !m_slavePath.isEmpty(); }
    QString slavePath() const { return m_slavePath; }

    QStringList received() const
    {
        QMutexLocker lock(&m_mutex); // shared with the device thread
        return m_received;
    }

    // The line's output speed (B9600, ...) when the last command arrived: what the session set.
    speed_t speedAtLastCommand() const
    {
        QMutexLocker lock(&m_mutex);
        return m_speed;
    }

    // Written before the reply to the next command (e.g. a boot banner).
    void setBanner(const QByteArray &bytes)
    {
        QMutexLocker lock(&m_mutex);
        m_banner = bytes;
    }
    void setSelfTestFailure(const QByteArray &reason)
    {
        QMutexLocker lock(&m_mutex);
        m_selfTestFailure = reason;
    }
    void setMeasurement(const QByteArray &name, const QByteArray &valueAndUnit)
    {
        QMutexLocker lock(&m_mutex);
        m_measurements.insert(name, valueAndUnit);
    }

private:
    QByteArray reply(const QByteArray &command, bool &hangUp)
    {
        QMutexLocker lock(&m_mutex);
        m_received.append(QString::fromUtf8(command));
        termios attributes {};
        m_speed = ::tcgetattr(m_slave, &attributes) == 0 ? ::cfgetospeed(&attributes) : B0;
        const QList<QByteArray> words = command.split(' ');
        QByteArray out = m_banner;
        m_banner.clear();
        if (command == "PING")
            return out + "PONG\r\n";
        if (command == "VERSION")
            return out + "VERSION sphere-ft 1.4.0\r\n";
        if (command == "ID")
            return out + "ID " + DeviceId + "\r\n";
        if (command == "SILENT" || command == "NOISE")
            return out + (command == "NOISE" ? "BOOT sphere-ft 1.4.0\r\n" : "");
        if (command == "BYE") {
            hangUp = true;
            return out;
        }
        if (command == "SELFTEST")
            return out
                + (m_selfTestFailure.isEmpty() ? QByteArray("PASS\r\n")
                                               : "FAIL " + m_selfTestFailure + "\r\n");
        if (words.size() == 4 && words[0] == "GPIO" && words[1] == "SET") {
            if (words[2].toInt() > 71)
                return out + "ERR BAD_ARGUMENT GPIO " + words[2] + " out of range\r\n";
            m_gpio.insert(words[2].toInt(), words[3]);
            return out + "OK\r\n";
        }
        if (words.size() == 3 && words[0] == "GPIO" && words[1] == "GET")
            return out + "GPIO " + words[2] + " " + m_gpio.value(words[2].toInt(), "0") + "\r\n";
        if (words.size() == 2 && words[0] == "MEASURE") {
            if (!m_measurements.contains(words[1]))
                return out + "ERR UNKNOWN_MEASUREMENT " + words[1] + "\r\n";
            return out + words[1] + " " + m_measurements.value(words[1]) + "\r\n";
        }
        return out + "ERR UNKNOWN_COMMAND\r\n";
    }

    // Writes as the line takes it; gives up when the device is stopped.
    void writeAll(const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size() && !m_stop) {
            pollfd fd {m_master, POLLOUT, 0};
            if (::poll(&fd, 1, 20) <= 0)
                continue;
            const ssize_t n
                = ::write(m_master, bytes.constData() + done, size_t(bytes.size() - done));
            if (n > 0)
                done += n;
            else if (n < 0 && errno != EAGAIN && errno != EINTR)
                return;
        }
    }

    void serve()
    {
        QByteArray pending;
        while (!m_stop) {
            pollfd fd {m_master, POLLIN, 0};
            if (::poll(&fd, 1, 20) <= 0 || !(fd.revents & POLLIN))
                continue;
            char buffer[512];
            const ssize_t n = ::read(m_master, buffer, sizeof buffer);
            if (n <= 0)
                continue;
            pending.append(buffer, n);
            qsizetype end;
            while ((end = pending.indexOf('\n')) >= 0) {
                QByteArray line = pending.left(end);
                pending.remove(0, end + 1);
                if (line.endsWith('\r'))
                    line.chop(1);
                bool hangUp = false;
                const QByteArray answer = reply(line, hangUp);
                if (!answer.isEmpty())
                    writeAll(answer);
                if (hangUp) {
                    // The device is unplugged: every descriptor of the pair goes away.
                    ::close(m_master);
                    m_master = -1;
                    ::close(m_slave);
                    m_slave = -1;
                    return;
                }
            }
        }
    }

    int m_master = -1;
    int m_slave = -1;
    QString m_slavePath;
    std::thread m_thread;
    std::atomic_bool m_stop {false};
    mutable QMutex m_mutex;
    QStringList m_received;
    speed_t m_speed = B0;
    QByteArray m_banner;
    QByteArray m_selfTestFailure;
    QHash<QByteArray, QByteArray> m_measurements {{"VCC_3V3", "3.301 V"},
        {"VCC_1V8", "1.799 V"},
        {"CURRENT_MA", "85.2 mA"},
        {"TEMP_C", "-3.5 C"}};
    QHash<int, QByteArray> m_gpio;
};

// Runs `work` on a worker thread, as a fixture worker runs a step, and waits for it.
bool runInWorker(const std::function<void()> &work)
{
    std::unique_ptr<QThread> thread(QThread::create(work));
    thread->start();
    return thread->wait(QDeadlineTimer(60000));
}

QList<UartScriptAction> script(const QByteArray &json)
{
    const auto parsed = UartSession::parseScript(QJsonDocument::fromJson(json).array());
    return parsed.value_or(QList<UartScriptAction> {});
}

// The example script of REFERENCE.md section 8.
const QByteArray ReferenceScript = R"([{"send": "PING", "expect": "^PONG$", "timeout_ms": 1000},
 {"send": "ID", "expect": "^ID ([0-9a-f]{128})$", "check": "device_id"},
 {"send": "GPIO SET 8 1", "expect": "^OK$"}, {"send": "GPIO GET 8", "expect": "^GPIO 8 1$"},
 {"measure": "VCC_3V3", "unit": "V", "low": 3.20, "high": 3.40, "timeout_ms": 1000},
 {"send": "SELFTEST", "expect": "^PASS$", "fail": "^FAIL (.*)$", "timeout_ms": 5000}])";

constexpr std::chrono::milliseconds Short {300};
constexpr std::chrono::milliseconds Long {5000};

} // namespace

class tst_UartSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendAndExpect();
    void bannerAndOtherLinesAreSkipped();
    void expectTimesOutWithLinesSeen();
    void tooLongLineIsNeverCutIntoAMatch();
    void endlessLineFailsTheExchange();
    void babblingDeviceFailsTheExchange();
    void errLineFailsAtOnce();
    void errLineMatchedByExpectPasses();
    void failPatternFailsAtOnce();
    void measure_data();
    void measure();
    void referenceScriptPasses();
    void scriptStopsAtFirstFailure_data();
    void scriptStopsAtFirstFailure();
    void parseScriptRejects_data();
    void parseScriptRejects();
    void hangUpIsUartError();
    void cancelEndsTheWait();
    void missingPort();
    void commandTooLong();
    void transcriptFormat();
    void baudRate_data();
    void baudRate();
    void nonStandardBaudRateRefused_data();
    void nonStandardBaudRateRefused();
    void stepUsesTheRecipeBaud_data();
    void stepUsesTheRecipeBaud();
};

void tst_UartSession::sendAndExpect()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    QList<UartLine> transcript;
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (!session.open(device.slavePath()))
            return;
        if (!session.send(u"PING"_s))
            return;
        match = session.expect(QRegularExpression(u"PONG"_s), Long);
        transcript = session.transcript();
    }));
    QVERIFY2(match.has_value(), qPrintable(match ? QString() : match.error().message));
    QCOMPARE(match->captured(0), u"PONG"_s);
    QCOMPARE(device.received(), QStringList {u"PING"_s});
    QCOMPARE(transcript.size(), 3); // opened note, PING, PONG
    QCOMPARE(transcript.at(1).direction, UartLine::Direction::Sent);
    QCOMPARE(transcript.at(1).text, u"PING"_s);
    QCOMPARE(transcript.at(2).direction, UartLine::Direction::Received);
    QCOMPARE(transcript.at(2).text, u"PONG"_s); // without \r\n
    QVERIFY(transcript.at(2).time >= transcript.at(1).time);
    QCOMPARE(transcript.at(2).time.timeSpec(), Qt::UTC);
}

void tst_UartSession::bannerAndOtherLinesAreSkipped()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    device.setBanner("BOOT sphere-ft 1.4.0\r\nREADY\r\n");
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (!session.open(device.slavePath()) || !session.send(u"VERSION"_s))
            return;
        // A whole-line match: "VERSION" alone must not match the longer reply line.
        match = session.expect(QRegularExpression(u"VERSION sphere-ft (\\S+)"_s), Long);
    }));
    QVERIFY(match.has_value());
    QCOMPARE(match->captured(1), u"1.4.0"_s);
}

void tst_UartSession::expectTimesOutWithLinesSeen()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    Result<QRegularExpressionMatch> partial = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (!session.open(device.slavePath()) || !session.send(u"NOISE"_s))
            return;
        match = session.expect(QRegularExpression(u"^PONG$"_s), Short);
        if (!session.send(u"PING"_s))
            return;
        // "PON" is not a whole-line match for "PONG".
        partial = session.expect(QRegularExpression(u"PON"_s), Short);
    }));
    QVERIFY(!match.has_value());
    QCOMPARE(match.error().code, ErrorCode::UartTimeout);
    QVERIFY2(match.error().message.english().contains(u"BOOT sphere-ft 1.4.0"_s),
        qPrintable(match.error().message));
    QVERIFY(match.error().detail.contains(u"BOOT sphere-ft 1.4.0"_s));
    QCOMPARE(partial.error().code, ErrorCode::UartTimeout);
    QVERIFY(partial.error().message.english().contains(u"PONG"_s));
}

// A line longer than MaxLineLength was cut into pieces, and a piece could match: here the
// expected "PONG" is only the end of a 4100-byte line. Now the line fails the exchange.
void tst_UartSession::tooLongLineIsNeverCutIntoAMatch()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    device.setBanner(QByteArray(UartSession::MaxLineLength, 'A')); // no line end yet
    Result<QRegularExpressionMatch> waiting = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    QList<UartLine> transcript;
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (!session.open(device.slavePath()) || !session.send(u"SILENT"_s))
            return;
        // The first MaxLineLength bytes arrive and wait for their line end.
        waiting = session.expect(QRegularExpression(u"^PONG$"_s), Short);
        if (!session.send(u"PING"_s))
            return;
        match = session.expect(QRegularExpression(u"^PONG$"_s), Long);
        transcript = session.transcript();
    }));
    QCOMPARE(waiting.error().code, ErrorCode::UartTimeout);
    QVERIFY(!match.has_value());
    QCOMPARE(errorCodeName(match.error().code), u"OutputTooLarge"_s);
    QVERIFY2(
        match.error().message.english().contains(u"4096"_s), qPrintable(match.error().message));
    QVERIFY(match.error().detail.contains(QString(64, u'A')));
    QVERIFY(!transcript.isEmpty());
    QCOMPARE(transcript.last().direction, UartLine::Direction::Note);
    // The kept part is the capped head of the line, never its end.
    const auto received = std::find_if(transcript.cbegin(),
        transcript.cend(),
        [](const UartLine &l) { return l.direction == UartLine::Direction::Received; });
    QVERIFY(received != transcript.cend());
    QCOMPARE(received->text, QString(UartSession::MaxLineLength, u'A'));
}

// A device that sends one line without end (a wrong baud rate looks like this) fails the
// exchange as soon as the line passes MaxLineLength, not at the timeout, and memory stays
// bounded meanwhile.
void tst_UartSession::endlessLineFailsTheExchange()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    device.setBanner(QByteArray(2 * UartSession::MaxLineLength, '\xff'));
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (!session.open(device.slavePath()) || !session.send(u"SILENT"_s))
            return;
        match = session.expect(QRegularExpression(u"^PONG$"_s), std::chrono::minutes(1));
    }));
    QVERIFY(!match.has_value());
    QCOMPARE(errorCodeName(match.error().code), u"OutputTooLarge"_s);
}

// More lines than a session keeps: the exchange fails instead of growing the transcript.
void tst_UartSession::babblingDeviceFailsTheExchange()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    QByteArray noise;
    for (qsizetype i = 0; i <= UartSession::MaxReceivedLines; ++i)
        noise += "NOISE\r\n";
    device.setBanner(noise);
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    qsizetype transcriptLines = 0;
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (!session.open(device.slavePath()) || !session.send(u"SILENT"_s))
            return;
        match = session.expect(QRegularExpression(u"^PONG$"_s), std::chrono::minutes(1));
        transcriptLines = session.transcript().size();
    }));
    QVERIFY(!match.has_value());
    QCOMPARE(errorCodeName(match.error().code), u"OutputTooLarge"_s);
    QVERIFY2(match.error().message.english().contains(u"10000 lines"_s),
        qPrintable(match.error().message));
    // "opened", ">" SILENT, the lines kept, the note.
    QCOMPARE(transcriptLines, UartSession::MaxReceivedLines + 3);
}

void tst_UartSession::errLineFailsAtOnce()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    QElapsedTimer timer;
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (!session.open(device.slavePath()) || !session.send(u"GPIO SET 99 1"_s))
            return;
        timer.start();
        match = session.expect(QRegularExpression(u"^OK$"_s), std::chrono::seconds(30));
    }));
    QVERIFY(!match.has_value());
    QCOMPARE(match.error().code, ErrorCode::UartUnexpectedReply);
    QVERIFY(match.error().message.english().contains(u"ERR BAD_ARGUMENT GPIO 99 out of range"_s));
    // Not a timeout: it failed on the ERR line, long before the 30 s deadline.
    QVERIFY(timer.elapsed() < 20000);
}

void tst_UartSession::errLineMatchedByExpectPasses()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (!session.open(device.slavePath()) || !session.send(u"FROB"_s))
            return;
        match = session.expect(QRegularExpression(u"^ERR (\\S+)$"_s), Long);
    }));
    QVERIFY(match.has_value());
    QCOMPARE(match->captured(1), u"UNKNOWN_COMMAND"_s);
}

void tst_UartSession::failPatternFailsAtOnce()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    device.setSelfTestFailure("FLASH_CRC");
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (!session.open(device.slavePath()) || !session.send(u"SELFTEST"_s))
            return;
        match = session.expect(QRegularExpression(u"^PASS$"_s),
            std::chrono::seconds(30),
            QRegularExpression(u"^FAIL (.*)$"_s));
    }));
    QVERIFY(!match.has_value());
    QCOMPARE(match.error().code, ErrorCode::UartUnexpectedReply);
    QVERIFY(match.error().message.english().contains(u"FAIL FLASH_CRC"_s));
}

void tst_UartSession::measure_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<bool>("recorded");
    QTest::addColumn<double>("value");

    QTest::newRow("in limits") << u"VCC_3V3"_s << u"V"_s << 3.2 << 3.4 << ErrorCode::None << true
                               << 3.301;
    QTest::newRow("low limit inclusive")
        << u"VCC_3V3"_s << u"V"_s << 3.301 << 3.4 << ErrorCode::None << true << 3.301;
    QTest::newRow("high limit inclusive")
        << u"VCC_1V8"_s << u"V"_s << 1.7 << 1.799 << ErrorCode::None << true << 1.799;
    QTest::newRow("negative value")
        << u"TEMP_C"_s << u"C"_s << -10.0 << 50.0 << ErrorCode::None << true << -3.5;
    QTest::newRow("too high") << u"CURRENT_MA"_s << u"mA"_s << 60.0 << 80.0
                              << ErrorCode::MeasurementOutOfLimits << true << 85.2;
    QTest::newRow("too low") << u"VCC_3V3"_s << u"V"_s << 3.31 << 3.4
                             << ErrorCode::MeasurementOutOfLimits << true << 3.301;
    QTest::newRow("wrong unit") << u"CURRENT_MA"_s << u"A"_s << 0.0 << 1000.0
                                << ErrorCode::UartUnexpectedReply << true << 85.2;
    QTest::newRow("unknown measurement") << u"HUMIDITY"_s << u"%"_s << 0.0 << 100.0
                                         << ErrorCode::UartUnexpectedReply << false << 0.0;
}

void tst_UartSession::measure()
{
    QFETCH(QString, name);
    QFETCH(QString, unit);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(ErrorCode, code);
    QFETCH(bool, recorded);
    QFETCH(double, value);

    FakeDevice device;
    QVERIFY(device.isValid());
    Result<Measurement> result = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    QList<Measurement> measurements;
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (!session.open(device.slavePath()))
            return;
        result = session.measure(name, unit, low, high, Long);
        measurements = session.measurements();
    }));
    QCOMPARE(device.received(), QStringList {u"MEASURE "_s + name});
    QCOMPARE(result.has_value(), code == ErrorCode::None);
    if (!result)
        QCOMPARE(errorCodeName(result.error().code), errorCodeName(code));
    QCOMPARE(measurements.size(), recorded ? 1 : 0);
    if (!recorded)
        return;
    const Measurement &m = measurements.first();
    QCOMPARE(m.name, name);
    QCOMPARE(m.value, value);
    QCOMPARE(m.low, low);
    QCOMPARE(m.high, high);
    QCOMPARE(m.passed, code == ErrorCode::None);
}

void tst_UartSession::referenceScriptPasses()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    const QList<UartScriptAction> actions = script(ReferenceScript);
    QCOMPARE(actions.size(), 6);
    UartScriptResult result;
    QVERIFY(runInWorker([&] {
        result = UartSession::runScript(
            device.slavePath(), actions, QString::fromLatin1(DeviceId).toUpper(), CancelToken());
    }));
    QVERIFY2(result.isSuccess(), qPrintable(result.error ? result.error->message : QString()));
    QCOMPARE(result.failedAction, -1);
    QCOMPARE(result.deviceId, QString::fromLatin1(DeviceId));
    QCOMPARE(device.received(),
        QStringList({u"PING"_s,
            u"ID"_s,
            u"GPIO SET 8 1"_s,
            u"GPIO GET 8"_s,
            u"MEASURE VCC_3V3"_s,
            u"SELFTEST"_s}));
    QCOMPARE(result.measurements.size(), 1);
    QCOMPARE(result.measurements.first().name, u"VCC_3V3"_s);
    QCOMPARE(result.measurements.first().unit, u"V"_s);
    QVERIFY(result.measurements.first().passed);
    // Every line sent and received is in the transcript.
    const QString text = UartSession::formatTranscript(result.transcript);
    const QStringList wanted {u"> PING"_s,
        u"< PONG"_s,
        u"< ID "_s + QString::fromLatin1(DeviceId),
        u"< GPIO 8 1"_s,
        u"< VCC_3V3 3.301 V"_s,
        u"> SELFTEST"_s,
        u"< PASS"_s};
    for (const QString &expected : wanted)
        QVERIFY2(text.contains(expected), qPrintable(expected));
}

void tst_UartSession::scriptStopsAtFirstFailure_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("deviceId");
    QTest::addColumn<QByteArray>("selfTestFailure");
    QTest::addColumn<int>("failedAction");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("commandsSent");
    QTest::addColumn<int>("measurements");

    const QString id = QString::fromLatin1(DeviceId);
    QTest::newRow("swapped device") << ReferenceScript << QString(129, u'a').left(128)
                                    << QByteArray() << 1 << ErrorCode::DeviceSwapped << 2 << 0;
    QTest::newRow("no recorded id") << ReferenceScript << QString() << QByteArray() << 1
                                    << ErrorCode::InvalidArgument << 2 << 0;
    QTest::newRow("selftest fails") << ReferenceScript << id << QByteArray("FLASH_CRC") << 5
                                    << ErrorCode::UartUnexpectedReply << 6 << 1;
    QTest::newRow("measurement out of limits, recorded")
        << QByteArray(R"([{"measure": "CURRENT_MA", "unit": "mA", "low": 10, "high": 20},
                          {"send": "PING", "expect": "^PONG$"}])")
        << id << QByteArray() << 0 << ErrorCode::MeasurementOutOfLimits << 1 << 1;
    QTest::newRow("timeout") << QByteArray(R"([{"send": "PING", "expect": "^PONG$"},
                          {"send": "SILENT", "expect": "^OK$", "timeout_ms": 200},
                          {"send": "PING", "expect": "^PONG$"}])")
                             << id << QByteArray() << 1 << ErrorCode::UartTimeout << 2 << 0;
    QTest::newRow("expect only, then send only")
        << QByteArray(R"([{"send": "GPIO SET 3 1"}, {"expect": "^OK$"}, {"send": "GPIO GET 3",
                          "expect": "^GPIO 3 0$", "timeout_ms": 300}])")
        << id << QByteArray() << 2 << ErrorCode::UartTimeout << 2 << 0;
}

void tst_UartSession::scriptStopsAtFirstFailure()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, deviceId);
    QFETCH(QByteArray, selfTestFailure);
    QFETCH(int, failedAction);
    QFETCH(ErrorCode, code);
    QFETCH(int, commandsSent);
    QFETCH(int, measurements);

    FakeDevice device;
    QVERIFY(device.isValid());
    device.setSelfTestFailure(selfTestFailure);
    const QList<UartScriptAction> actions = script(json);
    QVERIFY(!actions.isEmpty());
    UartScriptResult result;
    QVERIFY(runInWorker([&] {
        result = UartSession::runScript(device.slavePath(), actions, deviceId, CancelToken());
    }));
    QVERIFY(!result.isSuccess());
    QCOMPARE(errorCodeName(result.error->code), errorCodeName(code));
    QCOMPARE(result.failedAction, failedAction);
    QCOMPARE(device.received().size(), commandsSent);
    QCOMPARE(result.measurements.size(), measurements);
    if (measurements > 0 && code == ErrorCode::MeasurementOutOfLimits)
        QVERIFY(!result.measurements.first().passed);
    QVERIFY(!result.transcript.isEmpty());
    QCOMPARE(result.transcript.last().direction, UartLine::Direction::Note);
}

void tst_UartSession::parseScriptRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");

    QTest::newRow("empty") << QByteArray("[]") << u"script"_s;
    QTest::newRow("not an object") << QByteArray(R"(["PING"])") << u"[0]"_s;
    QTest::newRow("unknown key") << QByteArray(R"([{"send": "PING", "expct": "^PONG$"}])")
                                 << u"[0].expct"_s;
    QTest::newRow("nothing to do") << QByteArray(R"([{"timeout_ms": 10}])") << u"[0]"_s;
    QTest::newRow("bad regex") << QByteArray(R"([{"send": "PING", "expect": "^PO(NG$"}])")
                               << u"[0].expect"_s;
    QTest::newRow("bad fail regex")
        << QByteArray(R"([{"send": "S", "expect": "^PASS$", "fail": "[x"}])") << u"[0].fail"_s;
    QTest::newRow("fail without expect")
        << QByteArray(R"([{"send": "S", "fail": "^F$"}])") << u"[0].fail"_s;
    QTest::newRow("unknown check")
        << QByteArray(R"([{"send": "ID", "expect": "^ID (.*)$", "check": "serial"}])")
        << u"[0].check"_s;
    QTest::newRow("measure with send")
        << QByteArray(R"([{"measure": "VCC_3V3", "unit": "V", "send": "X"}])") << u"[0].send"_s;
    QTest::newRow("measure without unit")
        << QByteArray(R"([{"measure": "VCC_3V3"}])") << u"[0].unit"_s;
    QTest::newRow("low above high")
        << QByteArray(R"([{"measure": "VCC_3V3", "unit": "V", "low": 3.4, "high": 3.2}])")
        << u"[0].low"_s;
    QTest::newRow("limit as text")
        << QByteArray(R"([{"measure": "VCC_3V3", "unit": "V", "low": "3.2"}])") << u"[0].low"_s;
    QTest::newRow("zero timeout") << QByteArray(R"([{"send": "PING", "timeout_ms": 0}])")
                                  << u"[0].timeout_ms"_s;
    QTest::newRow("fractional timeout")
        << QByteArray(R"([{"send": "PING", "timeout_ms": 1.5}])") << u"[0].timeout_ms"_s;
    QTest::newRow("long command") << QByteArray(R"([{"send": ")" + QByteArray(129, 'A') + R"("}])")
                                  << u"[0].send"_s;
    QTest::newRow("second action")
        << QByteArray(R"([{"send": "PING"}, {"send": ""}])") << u"[1].send"_s;
}

void tst_UartSession::parseScriptRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const auto parsed = UartSession::parseScript(doc.array());
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, ErrorCode::RecipeInvalid);
    QVERIFY2(parsed.error().detail.startsWith(path + u": "_s), qPrintable(parsed.error().detail));
}

void tst_UartSession::hangUpIsUartError()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    bool openAfter = true;
    QElapsedTimer timer;
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (!session.open(device.slavePath()) || !session.send(u"BYE"_s))
            return;
        timer.start();
        match = session.expect(QRegularExpression(u"^OK$"_s), std::chrono::seconds(30));
        openAfter = session.isOpen();
    }));
    QVERIFY(!match.has_value());
    QCOMPARE(match.error().code, ErrorCode::UartError);
    QVERIFY(!match.error().message.isEmpty());
    QVERIFY(!openAfter);
    QVERIFY(timer.elapsed() < 20000); // the hang-up ended the wait, not the deadline
}

void tst_UartSession::cancelEndsTheWait()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    CancelToken cancel;
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    std::atomic_bool finished {false};
    std::unique_ptr<QThread> worker(QThread::create([&] {
        UartSession session(cancel);
        if (session.open(device.slavePath()) && session.send(u"SILENT"_s))
            match = session.expect(QRegularExpression(u"^OK$"_s), std::chrono::seconds(60));
        finished = true;
    }));
    worker->start();
    QTRY_COMPARE_WITH_TIMEOUT(device.received(), QStringList {u"SILENT"_s}, 10000);
    QVERIFY(!finished);
    cancel.cancel();
    QVERIFY(worker->wait(QDeadlineTimer(20000)));
    QVERIFY(!match.has_value());
    QCOMPARE(match.error().code, ErrorCode::Cancelled);
}

void tst_UartSession::missingPort()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"uart/1211"_s);
    Result<void> opened;
    UartScriptResult result;
    QVERIFY(runInWorker([&] {
        UartSession session;
        opened = session.open(path);
        result = UartSession::runScript(path, script(ReferenceScript), {}, CancelToken());
    }));
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().code, ErrorCode::UartError);
    QVERIFY(opened.error().message.english().contains(path));
    QCOMPARE(result.error->code, ErrorCode::UartError);
    QCOMPARE(result.failedAction, 0);

    // Not open: every call fails cleanly.
    UartSession closed;
    QCOMPARE(closed.send(u"PING"_s).error().code, ErrorCode::UartError);
    QCOMPARE(closed.expect(QRegularExpression(u"x"_s), Short).error().code, ErrorCode::UartError);
}

void tst_UartSession::commandTooLong()
{
    FakeDevice device;
    QVERIFY(device.isValid());
    Result<void> sent;
    QVERIFY(runInWorker([&] {
        UartSession session;
        if (session.open(device.slavePath()))
            sent = session.send(QString(129, u'A'));
    }));
    QCOMPARE(sent.error().code, ErrorCode::InvalidArgument);
}

void tst_UartSession::transcriptFormat()
{
    const QDateTime at(QDate(2026, 11, 24), QTime(7, 15, 2, 123), Qt::UTC);
    const QList<UartLine> lines {{at, UartLine::Direction::Sent, u"PING"_s},
        {at, UartLine::Direction::Received, u"PONG"_s},
        {at, UartLine::Direction::Note, u"timed out"_s}};
    QCOMPARE(UartSession::formatTranscript(lines),
        u"2026-11-24T07:15:02.123Z > PING\n2026-11-24T07:15:02.123Z < PONG\n"
        "2026-11-24T07:15:02.123Z ! timed out"_s);
}

void tst_UartSession::baudRate_data()
{
    QTest::addColumn<qint32>("baud");
    QTest::addColumn<speed_t>("speed");
    QTest::newRow("9600") << 9600 << speed_t(B9600);
    QTest::newRow("57600") << 57600 << speed_t(B57600);
    QTest::newRow("115200 (default)") << 0 << speed_t(B115200);
    QTest::newRow("921600") << 921600 << speed_t(B921600);
}

void tst_UartSession::baudRate()
{
    QFETCH(qint32, baud);
    QFETCH(speed_t, speed);
    FakeDevice device;
    QVERIFY(device.isValid());
    bool opened = false;
    qint32 used = 0;
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    QList<UartLine> transcript;
    QVERIFY(runInWorker([&] {
        UartSession session;
        opened = (baud == 0 ? session.open(device.slavePath())
                            : session.open(device.slavePath(), baud))
                     .has_value();
        used = session.baudRate();
        if (opened && session.send(u"PING"_s))
            match = session.expect(QRegularExpression(u"^PONG$"_s), Long);
        transcript = session.transcript();
    }));
    QVERIFY(opened);
    QVERIFY(match.has_value());
    const qint32 expected = baud == 0 ? UartSession::DefaultBaudRate : baud;
    QCOMPARE(used, expected);
    QCOMPARE(device.speedAtLastCommand(), speed);
    QVERIFY(!transcript.isEmpty());
    QCOMPARE(
        transcript.first().text, u"opened %1 at %2 baud"_s.arg(device.slavePath()).arg(expected));
}

void tst_UartSession::nonStandardBaudRateRefused_data()
{
    QTest::addColumn<qint32>("baud");
    QTest::newRow("zero") << 0;
    QTest::newRow("negative") << -115200;
    QTest::newRow("between standard rates") << 100000;
    QTest::newRow("off by one") << 115201;
    QTest::newRow("above the list") << 1000000;
}

void tst_UartSession::nonStandardBaudRateRefused()
{
    QFETCH(qint32, baud);
    QVERIFY(!UartSession::isStandardBaudRate(baud));
    FakeDevice device;
    QVERIFY(device.isValid());
    Result<void> opened;
    bool open = true;
    UartScriptResult result;
    QVERIFY(runInWorker([&] {
        UartSession session;
        opened = session.open(device.slavePath(), baud);
        open = session.isOpen();
        result = UartSession::runScript(
            device.slavePath(), script(ReferenceScript), QString(), CancelToken(), baud);
    }));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(opened.error().message.english().contains(QString::number(baud)),
        qPrintable(opened.error().message));
    QVERIFY(!open);
    QVERIFY(!result.isSuccess());
    QCOMPARE(result.error->code, ErrorCode::InvalidArgument);
    QCOMPARE(result.failedAction, 0);
    QVERIFY(device.received().isEmpty());
}

// The uart-test step opens the port at the recipe's `baud` (the loader's default when absent).
void tst_UartSession::stepUsesTheRecipeBaud_data()
{
    QTest::addColumn<QJsonValue>("baud");
    QTest::addColumn<int>("expected"); // 0: the step fails
    QTest::addColumn<speed_t>("speed");
    QTest::newRow("19200") << QJsonValue(19200) << 19200 << speed_t(B19200);
    QTest::newRow("460800") << QJsonValue(460800) << 460800 << speed_t(B460800);
    QTest::newRow("absent: 115200")
        << QJsonValue(QJsonValue::Undefined) << 115200 << speed_t(B115200);
    QTest::newRow("not standard") << QJsonValue(12345) << 0 << speed_t(B0);
}

void tst_UartSession::stepUsesTheRecipeBaud()
{
    QFETCH(QJsonValue, baud);
    QFETCH(int, expected);
    QFETCH(speed_t, speed);
    FakeDevice device;
    QVERIFY(device.isValid());

    FixtureConfig fixture;
    fixture.number = 1;
    fixture.uartPort = device.slavePath();
    const ToolSetup tools;
    const Recipe recipe;
    RecipeStep recipeStep;
    recipeStep.type = u"uart-test"_s;
    recipeStep.name = u"Functional test"_s;
    recipeStep.timeout = std::chrono::seconds(30);
    auto params = std::make_shared<UartTestParams>();
    params->script = script(R"([{"send": "PING", "expect": "^PONG$"}])");
    if (!baud.isUndefined())
        params->baud = baud.toInt();
    recipeStep.params = params;
    RunFacts facts;
    StepResult result;
    QVERIFY(runInWorker([&] {
        StepContext context(fixture, tools, recipe, recipeStep, facts, CancelToken());
        std::unique_ptr<Step> step = createStep(recipeStep.type);
        if (step)
            result = step->run(context);
    }));

    if (expected == 0) {
        QCOMPARE(result.outcome, StepOutcome::Failed);
        QCOMPARE(result.errorCode, ErrorCode::InvalidArgument);
        QVERIFY(device.received().isEmpty());
        return;
    }
    QVERIFY2(result.outcome == StepOutcome::Passed, qPrintable(result.cause));
    QCOMPARE(result.data.value(u"baud"_s).toInt(), expected);
    QCOMPARE(device.received(), QStringList {u"PING"_s});
    QCOMPARE(device.speedAtLastCommand(), speed);
    QCOMPARE(result.commands.size(), 1);
    QVERIFY2(result.commands.first().commandLine.contains(u" %1 8N1 "_s.arg(expected)),
        qPrintable(result.commands.first().commandLine));
}

QTEST_GUILESS_MAIN(tst_UartSession)

#include "tst_uartsession.moc"
