#include "simulator/uart/uartfirmware.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString DeviceId = QString(128, u'a').replace(0, 4, u"0123"_s);

Sim::UartFirmware::Options options()
{
    Sim::UartFirmware::Options o;
    o.deviceId = DeviceId;
    o.measurements = {
        {u"VCC_3V3"_s, u"V"_s, 3.3, 0.01, 3},
        {u"VCC_1V8"_s, u"V"_s, 1.8, 0.006, 3},
        {u"CURRENT_MA"_s, u"mA"_s, 85.0, 2.5, 1},
        {u"TEMP_C"_s, u"C"_s, 32.0, 1.0, 1},
    };
    o.replyDelayMs = 50;
    o.selftestMs = 2000;
    return o;
}

// Sends one line at t=0 and returns every reply due within 10 s.
QStringList exchange(Sim::UartFirmware &fw, const QByteArray &bytes)
{
    fw.receive(bytes, 0);
    return fw.takeDueLines(10000);
}

} // namespace

class tst_UartFirmware : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commands_data();
    void commands();
    void gpioRemembersValues();
    void replyDelay();
    void selftestBusy();
    void bootBanner();
    void framing();
    void lineLimit_data();
    void lineLimit();
    void measurementsAreSeededPerDevice();
    void faults_data();
    void faults();
};

void tst_UartFirmware::commands_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected"); // whole-line regular expression

    QTest::newRow("PING") << "PING\n"_ba << u"PONG"_s;
    QTest::newRow("PING CRLF") << "PING\r\n"_ba << u"PONG"_s;
    QTest::newRow("VERSION") << "VERSION\n"_ba << u"VERSION sphere-ft 1\\.4\\.0"_s;
    QTest::newRow("ID") << "ID\n"_ba << QString(u"ID "_s + DeviceId);
    QTest::newRow("GPIO SET") << "GPIO SET 8 1\n"_ba << u"OK"_s;
    QTest::newRow("GPIO SET 0") << "GPIO SET 0 0\n"_ba << u"OK"_s;
    QTest::newRow("GPIO SET 71") << "GPIO SET 71 1\n"_ba << u"OK"_s;
    QTest::newRow("GPIO GET unset") << "GPIO GET 5\n"_ba << u"GPIO 5 0"_s;
    QTest::newRow("MEASURE VCC_3V3") << "MEASURE VCC_3V3\n"_ba << u"VCC_3V3 3\\.[2-3][0-9]{2} V"_s;
    QTest::newRow("MEASURE VCC_1V8") << "MEASURE VCC_1V8\n"_ba << u"VCC_1V8 1\\.[78][0-9]{2} V"_s;
    QTest::newRow("MEASURE CURRENT_MA")
        << "MEASURE CURRENT_MA\n"_ba << u"CURRENT_MA (7[5-9]|8[0-9]|9[0-5])\\.[0-9] mA"_s;
    QTest::newRow("MEASURE TEMP_C")
        << "MEASURE TEMP_C\n"_ba << u"TEMP_C (2[7-9]|3[0-7])\\.[0-9] C"_s;
    QTest::newRow("SELFTEST") << "SELFTEST\n"_ba << u"PASS"_s;

    QTest::newRow("unknown") << "FOO\n"_ba << u"ERR UNKNOWN_COMMAND"_s;
    QTest::newRow("lower case") << "ping\n"_ba << u"ERR UNKNOWN_COMMAND"_s;
    QTest::newRow("PING arg") << "PING 1\n"_ba << u"ERR BAD_ARGUMENT PING takes no arguments"_s;
    QTest::newRow("ID arg") << "ID X\n"_ba << u"ERR BAD_ARGUMENT ID takes no arguments"_s;
    QTest::newRow("VERSION arg") << "VERSION X\n"_ba
                                 << u"ERR BAD_ARGUMENT VERSION takes no arguments"_s;
    QTest::newRow("GPIO 99") << "GPIO SET 99 1\n"_ba << u"ERR BAD_ARGUMENT GPIO 99 out of range"_s;
    QTest::newRow("GPIO 72") << "GPIO GET 72\n"_ba << u"ERR BAD_ARGUMENT GPIO 72 out of range"_s;
    QTest::newRow("GPIO -1") << "GPIO GET -1\n"_ba << u"ERR BAD_ARGUMENT GPIO -1 out of range"_s;
    QTest::newRow("GPIO x") << "GPIO GET x\n"_ba << u"ERR BAD_ARGUMENT GPIO x is not a number"_s;
    QTest::newRow("GPIO value 2") << "GPIO SET 3 2\n"_ba
                                  << u"ERR BAD_ARGUMENT GPIO value 2 must be 0 or 1"_s;
    QTest::newRow("GPIO SET short")
        << "GPIO SET 3\n"_ba << u"ERR BAD_ARGUMENT GPIO SET needs <n> <0\\|1>"_s;
    QTest::newRow("GPIO GET long")
        << "GPIO GET 3 4\n"_ba << u"ERR BAD_ARGUMENT GPIO GET needs <n>"_s;
    QTest::newRow("GPIO alone") << "GPIO\n"_ba << u"ERR BAD_ARGUMENT GPIO needs .*"_s;
    QTest::newRow("GPIO FLIP") << "GPIO FLIP 3\n"_ba << u"ERR BAD_ARGUMENT GPIO needs .*"_s;
    QTest::newRow("MEASURE unknown") << "MEASURE VBAT\n"_ba << u"ERR UNKNOWN_MEASUREMENT VBAT"_s;
    QTest::newRow("MEASURE lower")
        << "MEASURE vcc_3v3\n"_ba << u"ERR UNKNOWN_MEASUREMENT vcc_3v3"_s;
    QTest::newRow("MEASURE alone") << "MEASURE\n"_ba << u"ERR BAD_ARGUMENT MEASURE needs <name>"_s;
    QTest::newRow("SELFTEST arg") << "SELFTEST NOW\n"_ba
                                  << u"ERR BAD_ARGUMENT SELFTEST takes no arguments"_s;
}

void tst_UartFirmware::commands()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    Sim::UartFirmware fw(options());
    const QStringList replies = exchange(fw, input);
    QCOMPARE(replies.size(), 1);
    const QRegularExpression re(QRegularExpression::anchoredPattern(expected));
    QVERIFY2(re.match(replies.first()).hasMatch(), qPrintable(replies.first()));
}

void tst_UartFirmware::gpioRemembersValues()
{
    Sim::UartFirmware fw(options());
    QCOMPARE(exchange(fw, "GPIO SET 8 1\nGPIO GET 8\nGPIO SET 8 0\nGPIO GET 8\nGPIO GET 9\n"),
        (QStringList {u"OK"_s, u"GPIO 8 1"_s, u"OK"_s, u"GPIO 8 0"_s, u"GPIO 9 0"_s}));
    fw.receive("GPIO SET 70 1\n", 0);
    QCOMPARE(fw.gpio(70), 1);
    fw.boot(100); // a reboot clears the GPIOs
    QCOMPARE(fw.gpio(70), 0);
}

void tst_UartFirmware::replyDelay()
{
    Sim::UartFirmware fw(options());
    fw.receive("PING\n", 1000);
    QCOMPARE(fw.nextDueMs(), std::optional<qint64>(1050));
    QVERIFY(fw.takeDue(1049).isEmpty());
    QCOMPARE(fw.takeDue(1050), "PONG\r\n"_ba);
    QVERIFY(!fw.nextDueMs());
}

void tst_UartFirmware::selftestBusy()
{
    Sim::UartFirmware fw(options());
    fw.receive("SELFTEST\n", 0);
    QCOMPARE(fw.nextDueMs(), std::optional<qint64>(2000));
    fw.receive("PING\n", 500);
    fw.receive("SELFTEST\n", 1000);
    fw.receive("MEASURE VCC_3V3\n", 1999);
    QCOMPARE(fw.takeDueLines(1999), (QStringList {u"ERR BUSY"_s, u"ERR BUSY"_s}));
    QCOMPARE(fw.takeDueLines(2000), QStringList {u"PASS"_s});
    QCOMPARE(fw.takeDueLines(3000), QStringList {u"ERR BUSY"_s}); // sent at 1999
    fw.receive("PING\n", 2000);
    QCOMPARE(fw.takeDueLines(3000), QStringList {u"PONG"_s});
}

void tst_UartFirmware::bootBanner()
{
    Sim::UartFirmware fw(options());
    fw.receive("SELFTEST\n", 0);
    fw.receive("GPIO SE", 10); // partial input dropped by the reboot
    fw.boot(100);
    QCOMPARE(fw.takeDue(100), "BOOT sphere-ft 1.4.0\r\nREADY\r\n"_ba);
    QVERIFY(!fw.nextDueMs()); // the SELFTEST result was abandoned
    fw.receive("T 1 1\nPING\n", 200);
    QCOMPARE(fw.takeDueLines(1000), (QStringList {u"ERR UNKNOWN_COMMAND"_s, u"PONG"_s}));
}

void tst_UartFirmware::framing()
{
    Sim::UartFirmware fw(options());
    // Byte by byte, empty lines ignored, extra spaces tolerated, replies end in \r\n.
    for (const char c : "\n\r\nPI"_ba)
        fw.receive(QByteArray(1, c), 0);
    QVERIFY(!fw.nextDueMs());
    fw.receive("NG\r\n  GPIO  SET 1  1 \n", 0);
    QCOMPARE(fw.takeDue(1000), "PONG\r\nOK\r\n"_ba);
}

void tst_UartFirmware::lineLimit_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");

    const QByteArray pad128 = "GPIO SET 1 1" + QByteArray(128 - 12, ' ');
    QTest::newRow("128 characters") << pad128 + "\n" << u"OK"_s;
    QTest::newRow("128 characters + CR") << pad128 + "\r\n" << u"OK"_s;
    QTest::newRow("129 characters") << pad128 + " \n"
                                    << u"ERR BAD_ARGUMENT line longer than 128 characters"_s;
    QTest::newRow("1000 characters") << QByteArray(1000, 'A') + "\n"
                                     << u"ERR BAD_ARGUMENT line longer than 128 characters"_s;
}

void tst_UartFirmware::lineLimit()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    Sim::UartFirmware fw(options());
    QCOMPARE(exchange(fw, line + "PING\n"), (QStringList {expected, u"PONG"_s}));
}

void tst_UartFirmware::measurementsAreSeededPerDevice()
{
    const auto series = [](const QString &deviceId) {
        Sim::UartFirmware::Options o = options();
        o.deviceId = deviceId;
        Sim::UartFirmware fw(o);
        QStringList values;
        for (int i = 0; i < 20; ++i)
            values += exchange(fw, "MEASURE VCC_3V3\n");
        return values;
    };
    const QStringList a = series(DeviceId);
    QCOMPARE(series(DeviceId), a);
    QVERIFY(series(QString(128, u'b')) != a);
    QVERIFY(QSet<QString>(a.begin(), a.end()).size() > 5); // values vary
    double sum = 0;
    for (const QString &v : a)
        sum += v.split(u' ').at(1).toDouble();
    QVERIFY(qAbs(sum / a.size() - 3.3) < 0.01);
}

void tst_UartFirmware::faults_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("uart-silent") << u"uart-silent"_s << QString() << "PING\nID\nSELFTEST\n"_ba
                                 << QStringList();
    QTest::newRow("selftest-fail default")
        << u"uart-selftest-fail"_s << QString() << "PING\nSELFTEST\n"_ba
        << QStringList {u"PONG"_s, u"FAIL FLASH_CRC"_s};
    QTest::newRow("selftest-fail variant") << u"uart-selftest-fail"_s << u"RF_CAL"_s
                                           << "SELFTEST\n"_ba << QStringList {u"FAIL RF_CAL"_s};
    QTest::newRow("out of limits high")
        << u"measurement-out-of-limits"_s << QString() << "MEASURE VCC_3V3\nMEASURE CURRENT_MA\n"_ba
        << QStringList {u"VCC_3V3 3.800 V"_s, u"CURRENT_MA 210.0 mA"_s};
    QTest::newRow("out of limits low")
        << u"measurement-out-of-limits"_s << u"low"_s << "MEASURE VCC_1V8\nSELFTEST\n"_ba
        << QStringList {u"VCC_1V8 1.500 V"_s, u"PASS"_s};
}

void tst_UartFirmware::faults()
{
    QFETCH(QString, kind);
    QFETCH(QString, variant);
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);

    QStringList asked;
    Sim::UartFirmware fw(options(), [&](const QString &k, const QString &command) {
        asked += k + u'/' + command;
        return k == kind ? std::optional<QString>(variant) : std::nullopt;
    });
    QCOMPARE(exchange(fw, input), expected);
    QVERIFY(!asked.isEmpty());
    fw.boot(0);
    const QStringList banner = fw.takeDueLines(0);
    QCOMPARE(banner.isEmpty(), kind == u"uart-silent"_s);
}

QTEST_APPLESS_MAIN(tst_UartFirmware)

#include "tst_uartfirmware.moc"
