#include "simulator/core/bench.h"
#include "simulator/package/assetscommand.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QStringList out; // stdout lines
    QString err;
};

} // namespace

class tst_RfTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void show();
    void hexdump();
    void checkAgainstProductFile_data();
    void checkAgainstProductFile();
    void checkBadExpectedFile_data();
    void checkBadExpectedFile();
    void programRegionThenCheck();
    void efuseRule_data();
    void efuseRule();
    void programMac();
    void unsavedWritesAreLost();
    void cliReplies_data();
    void cliReplies();
    void refusedOutsideBlank_data();
    void refusedOutsideBlank();
    void couldNotConnect_data();
    void couldNotConnect();
    void deviceSelection_data();
    void deviceSelection();
    void rfOutOfSpec();
    void usageErrors_data();
    void usageErrors();

private:
    Run run(const QString &tool, const QStringList &args, const QByteArray &input = {}) const;
    Run settings(const QStringList &args) const { return run(u"RfSettingsTool"_s, args); }
    Run cli(const QByteArray &input, const QString &device = u"1211"_s) const
    {
        return run(u"RfToolCli"_s, {u"--device"_s, device}, input);
    }
    void createBench(int devices, bool macProgrammed = true);
    Sim::DeviceState device(int fixture) const;
    void modify(int fixture, const std::function<void(Sim::DeviceState &)> &fn);
    QString assets(const QString &file) const { return m_assets + u'/' + file; }

    QTemporaryDir m_assetsDir;
    QString m_assets;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_home;
};

void tst_RfTools::initTestCase()
{
    QVERIFY(m_assetsDir.isValid());
    m_assets = m_assetsDir.path();
    QString why;
    QVERIFY2(Sim::writeAssets(m_assets, u"sphere-station"_s, &why), qPrintable(why));
    for (const char *tool : {"RfSettingsTool", "RfToolCli"}) {
        const QString path = QStringLiteral(STATION_SIM_BIN_DIR "/") + QLatin1String(tool);
        QVERIFY2(QFileInfo(path).isExecutable(), qPrintable(path));
    }
}

void tst_RfTools::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_home = m_dir->filePath(u"bench"_s);
    createBench(1);
}

void tst_RfTools::cleanup()
{
    m_dir.reset();
}

void tst_RfTools::createBench(int devices, bool macProgrammed)
{
    Sim::CreateOptions options;
    options.devices = devices;
    options.macProgrammed = macProgrammed;
    QString why;
    QVERIFY2(Sim::Bench::create(m_home, options, &why), qPrintable(why));
}

Sim::DeviceState tst_RfTools::device(int fixture) const
{
    Sim::Bench bench(m_home);
    if (!bench.load())
        return {};
    const auto slot = bench.slotOfFixture(fixture);
    return slot ? bench.readDevice(slot->serial).value_or(Sim::DeviceState {})
                : Sim::DeviceState {};
}

void tst_RfTools::modify(int fixture, const std::function<void(Sim::DeviceState &)> &fn)
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

Run tst_RfTools::run(const QString &tool, const QStringList &args, const QByteArray &input) const
{
    QProcess proc;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AZSPHERE_SIM_HOME"_s, m_home);
    env.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, u"0"_s);
    proc.setProcessEnvironment(env);
    proc.start(QStringLiteral(STATION_SIM_BIN_DIR "/") + tool, args);
    if (!proc.waitForStarted())
        return {};
    proc.write(input);
    proc.closeWriteChannel();
    if (!proc.waitForFinished(30000)) {
        proc.kill();
        proc.waitForFinished();
        return {};
    }
    Run r;
    r.exitCode = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -1;
    QString out = QString::fromUtf8(proc.readAllStandardOutput());
    if (out.endsWith(u'\n'))
        out.chop(1);
    r.out = out.isEmpty() ? QStringList() : out.split(u'\n');
    r.err = QString::fromUtf8(proc.readAllStandardError());
    return r;
}

void tst_RfTools::show()
{
    const QString mac = device(1).macAddress().toUpper();
    QCOMPARE(mac.size(), 17);
    QVERIFY(mac.startsWith(u"02:5A:"_s));
    const Run r = settings({u"show"_s, u"--device"_s, u"1211"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
        (QStringList {u"Reading configuration data from device."_s,
            u"MAC address:          "_s + mac,
            u"Region code:          (not set)"_s,
            u"Rx diversity:         0x29"_s,
            u"Target power 2.4 GHz: 17.0 dBm"_s,
            u"Target power 5 GHz:   15.0 dBm"_s}));
}

void tst_RfTools::hexdump()
{
    const Run r = settings({u"show"_s, u"-hexdump"_s, u"--device"_s, u"1211"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.size(), 1 + 64);
    QCOMPARE(r.out.first(), u"Reading configuration data from device."_s);
    const QString mac = device(1).macAddress().toUpper().replace(u':', u' ');
    QCOMPARE(r.out[1], u"0000: 20 36 00 00 "_s + mac + u" 00 00 00 00 00 00"_s);
    QCOMPARE(r.out[4], u"0030: 00 00 00 00 00 00 00 00 00 00 00 00 00 29 00 00"_s);
    QCOMPARE(r.out[7], u"0060: 22 1E 00 00 00 00 00 00 00 00 00 00 00 00 00 00"_s);
    QCOMPARE(r.out.last(), u"03F0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"_s);
}

void tst_RfTools::checkAgainstProductFile_data()
{
    QTest::addColumn<QByteArray>("region"); // saved before the check; empty = unset
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("regionLine");

    QTest::newRow("unset") << QByteArray() << 1
                           << u"ERROR: Region code: expected US, device (not set)"_s;
    QTest::newRow("US") << "US"_ba << 0 << u"OK: Region code: US"_s;
    QTest::newRow("JP") << "JP"_ba << 1 << u"ERROR: Region code: expected US, device JP"_s;
}

void tst_RfTools::checkAgainstProductFile()
{
    QFETCH(QByteArray, region);
    QFETCH(int, exitCode);
    QFETCH(QString, regionLine);
    if (!region.isEmpty()) {
        modify(1, [&](Sim::DeviceState &s) { s.efuse.replace(0x36, 2, region); });
    }
    const Run r = settings(
        {u"check"_s, u"--expected"_s, assets(u"rf/product-US.bin"_s), u"--device"_s, u"1211"_s});
    QCOMPARE(r.exitCode, exitCode);
    const QStringList expected {
        u"Reading configuration data from device."_s,
        u"Comparing configurations."_s,
        u"SKIPPED: MAC address (per device)"_s,
        regionLine,
        u"OK: Rx diversity: 0x29"_s,
        u"OK: Target power 2.4 GHz: 17.0 dBm"_s,
        u"OK: Target power 5 GHz: 15.0 dBm"_s,
        QString(),
        exitCode == 0 ? u"Configuration check passed."_s : u"Configuration check failed."_s,
    };
    QCOMPARE(r.out, expected);
}

void tst_RfTools::checkBadExpectedFile_data()
{
    QTest::addColumn<QByteArray>("content"); // null = missing file
    QTest::addColumn<QString>("message");

    QTest::newRow("missing") << QByteArray() << u"ERROR: Cannot open '%1'."_s;
    QTest::newRow("empty") << ""_ba
                           << u"ERROR: Expected configuration file '%1' must be 1024 bytes."_s;
    QTest::newRow("1025 bytes") << QByteArray(1025, '\0')
                                << u"ERROR: Expected configuration file '%1' must be 1024 bytes."_s;
}

void tst_RfTools::checkBadExpectedFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString path = m_dir->filePath(u"expected.bin"_s);
    if (!content.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const Run r = settings({u"check"_s, u"--expected"_s, path});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QStringList {message.arg(path)});
}

void tst_RfTools::programRegionThenCheck()
{
    // The station's region step (§7.2).
    Run r = cli("config write data 0x36 0x55\nconfig write data 0x37 0x53\nconfig save\nexit\n");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, (QStringList {u"OK"_s, u"OK"_s, u"Configuration saved."_s}));
    QCOMPARE(device(1).efuse.mid(0x36, 2), "US"_ba);

    r = settings({u"show"_s, u"--device"_s, u"1211"_s});
    QCOMPARE(r.out.value(2), u"Region code:          US"_s);
    r = settings(
        {u"check"_s, u"--expected"_s, assets(u"rf/product-US.bin"_s), u"--device"_s, u"1211"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.last(), u"Configuration check passed."_s);
    r = settings(
        {u"check"_s, u"--expected"_s, assets(u"rf/product-JP.bin"_s), u"--device"_s, u"1211"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains(u"ERROR: Region code: expected JP, device US"_s));
}

void tst_RfTools::efuseRule_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("saveReply");

    QTest::newRow("same value again")
        << "config write data 0x36 0x55\nconfig save\n"_ba << u"Configuration saved."_s;
    QTest::newRow("new byte elsewhere")
        << "config write data 0x80 18\nconfig save\n"_ba << u"Configuration saved."_s;
    QTest::newRow("change region")
        << "config write data 0x36 0x4A\nconfig write data 0x37 0x50\nconfig save\n"_ba
        << u"ERROR: Offset 0x36 is already programmed (0x55); e-fuse values cannot be changed."_s;
    QTest::newRow("clear a byte")
        << "config write data 0x37 0\nconfig save\n"_ba
        << u"ERROR: Offset 0x37 is already programmed (0x53); e-fuse values cannot be changed."_s;
    QTest::newRow("chip id")
        << "config write data 0x00 0x21\nconfig save\n"_ba
        << u"ERROR: Offset 0x00 is already programmed (0x20); e-fuse values cannot be changed."_s;
}

void tst_RfTools::efuseRule()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, saveReply);
    QCOMPARE(
        cli("config write data 0x36 0x55\nconfig write data 0x37 0x53\nconfig save\n").exitCode, 0);
    const QByteArray before = device(1).efuse;

    const Run r = cli(input);
    QCOMPARE(r.out.last(), saveReply);
    const bool saved = saveReply == u"Configuration saved."_s;
    QCOMPARE(r.exitCode, saved ? 0 : 1);
    if (!saved)
        QCOMPARE(device(1).efuse, before); // nothing saved
    else if (input.contains("0x80"))
        QCOMPARE(device(1).efuse.at(0x80), '\x12');
}

void tst_RfTools::programMac()
{
    createBench(1, false);
    QCOMPARE(device(1).macAddress(), u"00:00:00:00:00:00"_s);
    Run r = cli("config write MacAddress 00:02:B5:01:E6:03\nconfig save\n");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, (QStringList {u"OK"_s, u"Configuration saved."_s}));
    QCOMPARE(device(1).macAddress(), u"00:02:b5:01:e6:03"_s);
    r = settings({u"show"_s});
    QCOMPARE(r.out.value(1), u"MAC address:          00:02:B5:01:E6:03"_s);

    // A second MAC cannot be burnt over the first.
    r = cli("config write MacAddress 00:02:B5:01:E6:04\nconfig save\n");
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out.last(),
        u"ERROR: Offset 0x09 is already programmed (0x03); e-fuse values cannot be changed."_s);
}

void tst_RfTools::unsavedWritesAreLost()
{
    const QByteArray before = device(1).efuse;
    Run r = cli("config write data 0x36 0x55\nconfig read data\nexit\nconfig save\n");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.size(), 1 + 64); // OK, then the working buffer; nothing after exit
    QCOMPARE(r.out[4], u"0030: 00 00 00 00 00 00 55 00 00 00 00 00 00 29 00 00"_s);
    QCOMPARE(device(1).efuse, before);
    r = cli("config write data 0x36 0x55\n"); // end of input without save
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(device(1).efuse, before);
}

void tst_RfTools::cliReplies_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reply");

    const QString unknown = u"ERROR: Unknown command."_s;
    const QString invalid = u"ERROR: Invalid arguments."_s;
    QTest::newRow("hex") << "config write data 0x3D 0x29"_ba << u"OK"_s;
    QTest::newRow("decimal") << "config write data 1023 255"_ba << u"OK"_s;
    QTest::newRow("CRLF") << "config write data 0x60 0x22\r"_ba << u"OK"_s;
    QTest::newRow("offset too big") << "config write data 0x400 1"_ba << invalid;
    QTest::newRow("value too big") << "config write data 0x36 0x100"_ba << invalid;
    QTest::newRow("negative") << "config write data -1 1"_ba << invalid;
    QTest::newRow("not a number") << "config write data 0x36 US"_ba << invalid;
    QTest::newRow("missing value") << "config write data 0x36"_ba << invalid;
    QTest::newRow("extra") << "config write data 0x36 1 2"_ba << invalid;
    QTest::newRow("bad mac") << "config write MacAddress 00:02:B5:01:E6"_ba << invalid;
    QTest::newRow("mac garbage") << "config write MacAddress zz:02:B5:01:E6:03"_ba << invalid;
    QTest::newRow("save extra") << "config save now"_ba << invalid;
    QTest::newRow("unknown") << "hello"_ba << unknown;
    QTest::newRow("config unknown") << "config erase"_ba << unknown;
    QTest::newRow("write unknown") << "config write region US"_ba << unknown;
}

void tst_RfTools::cliReplies()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, reply);
    const Run r = cli(line + "\n\nexit\n");
    QCOMPARE(r.out, QStringList {reply});
    QCOMPARE(r.exitCode, reply.startsWith(u"ERROR"_s) ? 1 : 0);
}

void tst_RfTools::refusedOutsideBlank_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<bool>("capability12");
    QTest::newRow("Module1Complete") << u"Module1Complete"_s << false;
    QTest::newRow("DeviceComplete") << u"DeviceComplete"_s << false;
    QTest::newRow("Blank without capability 12") << u"Blank"_s << false;
    QTest::newRow("Module1Complete with a stale 12") << u"Module1Complete"_s << true;
}

void tst_RfTools::refusedOutsideBlank()
{
    QFETCH(QString, state);
    QFETCH(bool, capability12);
    modify(1, [&](Sim::DeviceState &s) {
        s.manufacturingState = state;
        s.capabilities = capability12 ? QList<int> {12} : QList<int> {};
    });
    const QString refusal = u"ERROR: RF test mode is not available on this device. RF tools need "
                            u"a device in the Blank manufacturing state."_s;
    Run r = settings({u"show"_s, u"--device"_s, u"1211"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QStringList {refusal});
    const QByteArray before = device(1).efuse;
    r = cli("config write data 0x36 0x55\nconfig save\n");
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QStringList {refusal}); // no input read
    QCOMPARE(device(1).efuse, before);
}

void tst_RfTools::couldNotConnect_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("unknown path") << u"path"_s;
    QTest::newRow("unplugged") << u"unplugged"_s;
    QTest::newRow("no bench") << u"nobench"_s;
    QTest::newRow("rebooting") << u"rebooting"_s;
    QTest::newRow("not-responding fault") << u"fault"_s;
}

void tst_RfTools::couldNotConnect()
{
    QFETCH(QString, scenario);
    QString selector = u"1211"_s;
    if (scenario == u"path"_s) {
        selector = u"1299"_s;
    } else if (scenario == u"unplugged"_s) {
        Sim::Bench bench(m_home);
        QVERIFY(bench.load());
        QVERIFY(bench.unplug(1));
    } else if (scenario == u"nobench"_s) {
        QVERIFY(QDir(m_home).removeRecursively());
    } else if (scenario == u"rebooting"_s) {
        modify(1, [](Sim::DeviceState &s) {
            s.busyUntilMs = QDateTime::currentMSecsSinceEpoch() + 600000;
            s.busyReason = u"restart"_s;
        });
    } else {
        modify(1, [](Sim::DeviceState &s) {
            Sim::Fault f;
            f.kind = u"not-responding"_s;
            s.faults.append(f);
        });
    }
    const QStringList expected {u"ERROR: Could not connect to the device."_s};
    Run r = settings({u"show"_s, u"--device"_s, selector});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, expected);
    r = cli("config read data\n", selector);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, expected);
}

void tst_RfTools::deviceSelection_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<int>("fixture"); // 0 = refused
    QTest::newRow("connection path") << u"1212"_s << 2;
    QTest::newRow("ip") << u"192.168.35.3"_s << 2;
    QTest::newRow("id") << u"id2"_s << 2;
    QTest::newRow("id upper case") << u"ID2"_s << 2;
    QTest::newRow("first") << u"1211"_s << 1;
    QTest::newRow("none with two attached") << QString() << 0;
}

void tst_RfTools::deviceSelection()
{
    QFETCH(QString, selector);
    QFETCH(int, fixture);
    createBench(2);
    if (selector == u"id2"_s)
        selector = device(2).deviceId;
    else if (selector == u"ID2"_s)
        selector = device(2).deviceId.toUpper();
    // Tell the devices apart by region.
    modify(1, [](Sim::DeviceState &s) { s.efuse.replace(0x36, 2, "US"); });
    modify(2, [](Sim::DeviceState &s) { s.efuse.replace(0x36, 2, "JP"); });

    QStringList args {u"show"_s};
    if (!selector.isEmpty())
        args += {u"--device"_s, selector};
    const Run r = settings(args);
    if (fixture == 0) {
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out,
            QStringList {u"ERROR: Multiple devices are attached; use --device to specify one."_s});
        return;
    }
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.value(2),
        fixture == 1 ? u"Region code:          US"_s : u"Region code:          JP"_s);
}

void tst_RfTools::rfOutOfSpec()
{
    modify(1, [](Sim::DeviceState &s) {
        Sim::Fault f;
        f.kind = u"rf-out-of-spec"_s;
        s.faults.append(f);
    });
    QCOMPARE(
        cli("config write data 0x36 0x55\nconfig write data 0x37 0x53\nconfig save\n").exitCode, 0);
    const Run r = settings(
        {u"check"_s, u"--expected"_s, assets(u"rf/product-US.bin"_s), u"--device"_s, u"1211"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains(u"OK: Region code: US"_s));
    QVERIFY2(r.out.contains(u"ERROR: Target power 5 GHz: expected 15.0 dBm, device 14.0 dBm"_s),
        qPrintable(r.out.join(u'\n')));
    QCOMPARE(r.out.last(), u"Configuration check failed."_s);
    // The saved bytes differ for good (they are e-fuses).
    QCOMPARE(device(1).efuse.at(0x61), '\x1C');
}

void tst_RfTools::usageErrors_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << u"RfSettingsTool"_s << QStringList {};
    QTest::newRow("bad command") << u"RfSettingsTool"_s << QStringList {u"write"_s};
    QTest::newRow("check without file") << u"RfSettingsTool"_s << QStringList {u"check"_s};
    QTest::newRow("device without value")
        << u"RfSettingsTool"_s << QStringList {u"show"_s, u"--device"_s};
    QTest::newRow("cli unknown arg") << u"RfToolCli"_s << QStringList {u"--bogus"_s};
}

void tst_RfTools::usageErrors()
{
    QFETCH(QString, tool);
    QFETCH(QStringList, args);
    const Run r = run(tool, args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
}

QTEST_GUILESS_MAIN(tst_RfTools)

#include "tst_rftools.moc"
