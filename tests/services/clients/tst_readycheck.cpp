#include "services/azsphere/readycheck.h"

#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

OsVersions sampleVersions()
{
    QFile file(QStringLiteral(STATION_SOURCE_DIR)
        + u"/tests/services/clients/data/mt3620an.sample.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return OsVersions::parse(file.readAll()).value_or(OsVersions {});
}

InstalledComponent component(const QString &cid, const QString &iid, int type, const QString &name)
{
    InstalledComponent c;
    c.componentId = cid;
    c.imageId = iid;
    c.imageType = type;
    c.name = name;
    return c;
}

// The OS components of a sample version, as `image list-installed --full` lists them.
QList<InstalledComponent> osComponents(const OsVersions &versions, const QString &name)
{
    QList<InstalledComponent> list;
    if (const std::optional<OsVersion> version = versions.version(name)) {
        for (const OsImagePair &pair : version->images)
            list.append(component(pair.componentId, pair.imageId, 9, u"os"_s));
    }
    return list;
}

const QString AppA = u"6415A939-C098-48CF-8E5C-02B52A9F0FFB"_s; // printed in lowercase
const QString AppB = u"11111111-2222-4333-8444-555555555555"_s;
const QString AppC = u"99999999-8888-4777-8666-555555555555"_s;

InstalledComponent appA()
{
    return component(
        u"2f074b0f-d99d-4692-82d9-ef93a7d6463c"_s, AppA, 10, u"AzureSphereBlinkTest"_s);
}
InstalledComponent appB()
{
    return component(u"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"_s, AppB, 10, u"Product"_s);
}
InstalledComponent rfTestServer()
{
    return component(QString::fromLatin1(RfTestServerComponentId),
        u"23367b15-f2ed-4a5f-b24a-aa613a78ecd4"_s,
        9,
        u"rftest_server"_s);
}
InstalledComponent boardConfig()
{
    return component(u"de293e2a-23be-4c68-9cd2-074c5657ac25"_s,
        u"1cc19bda-e2f5-4abf-9cb2-f4d262d75411"_s,
        21,
        u"lan-enc28j60-isu0-int5"_s);
}

WifiNetwork network(int id, const QString &ssid)
{
    WifiNetwork n;
    n.id = id;
    n.ssid = ssid;
    return n;
}

const QString StateLineM1 = u"Checking device is in manufacturing state Module1Complete..."_s;
const QString PassCaps = u"PASS: No capabilties on device"_s;
const QString PassImages = u"PASS: Installed images matches expected images"_s;
const QString FailImages = u"FAIL: Installed images do not match expected images"_s;
const QString PassWifi = u"PASS: Device has no wifi networks configured"_s;
const QString Dashes = u"------------------"_s;
const QString FinalFail = u"FAIL: Device ready check not successful."_s;
const QString Stamp = u"[2026-11-24 07:15:02.123][WARNING] "_s;

using Verdicts = QList<ReadyVerdict>;
constexpr ReadyVerdict P = ReadyVerdict::Passed;
constexpr ReadyVerdict F = ReadyVerdict::Failed;
constexpr ReadyVerdict S = ReadyVerdict::Skipped;

} // namespace

class tst_ReadyCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lines_data();
    void lines();
    void failureNamesTheFailedChecks();
    void names();

private:
    OsVersions m_versions;
};

void tst_ReadyCheck::initTestCase()
{
    m_versions = sampleVersions();
    QCOMPARE(m_versions.names(), QStringList({u"24.03"_s, u"25.10"_s, u"26.09"_s}));
}

void tst_ReadyCheck::lines_data()
{
    QTest::addColumn<ManufacturingState>("expectedState");
    QTest::addColumn<ManufacturingState>("deviceState");
    QTest::addColumn<QStringList>("capabilities");
    QTest::addColumn<QList<InstalledComponent>>("components");
    QTest::addColumn<QStringList>("expectedOs");
    QTest::addColumn<QStringList>("expectedImages");
    QTest::addColumn<QList<WifiNetwork>>("wifi");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<Verdicts>("verdicts");

    const auto M1 = ManufacturingState::Module1Complete;
    const auto DC = ManufacturingState::DeviceComplete;
    const auto Blank = ManufacturingState::Blank;
    const QList<InstalledComponent> os2609 = osComponents(m_versions, u"26.09"_s);
    const QList<InstalledComponent> os2510 = osComponents(m_versions, u"25.10"_s);
    const QStringList only2609 {u"26.09"_s};

    QTest::newRow("all pass") << M1 << M1 << QStringList {} << (os2609 + QList {appA()}) << only2609
                              << QStringList {AppA} << QList<WifiNetwork> {}
                              << QStringList {StateLineM1,
                                     u"PASS: Device manufacturing state is Module1Complete"_s,
                                     u"Checking capabilities..."_s,
                                     PassCaps,
                                     u"Checking OS version..."_s,
                                     u"PASS: OS '26.09' is an expected version"_s,
                                     u"Checking installed images..."_s,
                                     PassImages,
                                     u"Checking wifi networks..."_s,
                                     PassWifi,
                                     Dashes,
                                     u"PASS"_s}
                              << Verdicts {P, P, P, P, P};

    // Rule 1: the state check comes first and a failure does not stop the others.
    QTest::newRow("state mismatch")
        << DC << M1 << QStringList {} << os2609 << only2609 << QStringList {}
        << QList<WifiNetwork> {}
        << QStringList {u"Checking device is in manufacturing state DeviceComplete..."_s,
               u"FAIL: Device manufacturing state is Module1Complete, expected state "
               "DeviceComplete"_s,
               u"Checking capabilities..."_s,
               PassCaps,
               u"Checking OS version..."_s,
               u"PASS: OS '26.09' is an expected version"_s,
               u"Checking installed images..."_s,
               PassImages,
               u"Checking wifi networks..."_s,
               PassWifi,
               Dashes,
               FinalFail}
        << Verdicts {F, P, P, P, P};

    // Rule 2 (capabilities skipped on an actual Blank device) and rule 4 (rftest_server).
    QTest::newRow("blank device, rftest_server present")
        << Blank << Blank << QStringList {u"EnableRfTestMode"_s}
        << (QList {rfTestServer()} + os2609) << only2609 << QStringList {} << QList<WifiNetwork> {}
        << QStringList {u"Checking device is in manufacturing state Blank..."_s,
               u"PASS: Device manufacturing state is Blank"_s,
               u"Checking capabilities..."_s,
               u"SKIPPED: Capability check skipped for devices in Blank manufacturing "
               "state."_s,
               u"Checking OS version..."_s,
               u"OS component '508eddf2-b8c3-4a99-93d9-a045d9a060eb' should not be "
               "present on the device"_s,
               u"FAIL: OS version '26.09' is not an expected version"_s,
               u"Checking installed images..."_s,
               PassImages,
               u"Checking wifi networks..."_s,
               PassWifi,
               Dashes,
               FinalFail}
        << Verdicts {P, S, F, P, P};

    // The skip follows the ACTUAL state: expected Blank, device Module1Complete -> checked.
    QTest::newRow("expected blank, actual module1")
        << Blank << M1 << QStringList {u"EnableAppDevelopment"_s} << os2609 << only2609
        << QStringList {} << QList<WifiNetwork> {}
        << QStringList {u"Checking device is in manufacturing state Blank..."_s,
               u"FAIL: Device manufacturing state is Module1Complete, expected state "
               "Blank"_s,
               u"Checking capabilities..."_s,
               u"FAIL: Device contains capabilities:"_s,
               u"11"_s,
               u"Checking OS version..."_s,
               u"PASS: OS '26.09' is an expected version"_s,
               u"Checking installed images..."_s,
               PassImages,
               u"Checking wifi networks..."_s,
               PassWifi,
               Dashes,
               FinalFail}
        << Verdicts {F, F, P, P, P};

    // Rule 3: DeviceComplete replaces the OS, image and Wi-Fi checks (their data is ignored).
    QTest::newRow("device complete")
        << DC << DC << QStringList {} << (os2510 + QList {appA()}) << only2609 << QStringList {}
        << QList<WifiNetwork> {network(0, u"x"_s)}
        << QStringList {u"Checking device is in manufacturing state DeviceComplete..."_s,
               u"PASS: Device manufacturing state is DeviceComplete"_s,
               u"Checking capabilities..."_s,
               PassCaps,
               u"Checking OS version..."_s,
               u"SKIPPED: Device OS cannot be checked when device is in DeviceComplete "
               "state."_s,
               u"Checking installed images..."_s,
               u"SKIPPED: Installed images list cannot be checked when device is in "
               "DeviceComplete state."_s,
               u"Checking wifi networks..."_s,
               u"SKIPPED: Wifi network list cannot be checked when device is in "
               "DeviceComplete state."_s,
               Dashes,
               u"PASS"_s}
        << Verdicts {P, P, S, S, S};

    QTest::newRow("device complete with capabilities")
        << DC << DC << QStringList {u"EnableAppDevelopment"_s, u"EnableFieldServicing"_s}
        << QList<InstalledComponent> {} << QStringList {} << QStringList {} << QList<WifiNetwork> {}
        << QStringList {u"Checking device is in manufacturing state DeviceComplete..."_s,
               u"PASS: Device manufacturing state is DeviceComplete"_s,
               u"Checking capabilities..."_s,
               u"FAIL: Device contains capabilities:"_s,
               u"11,13"_s,
               u"Checking OS version..."_s,
               u"SKIPPED: Device OS cannot be checked when device is in DeviceComplete "
               "state."_s,
               u"Checking installed images..."_s,
               u"SKIPPED: Installed images list cannot be checked when device is in "
               "DeviceComplete state."_s,
               u"Checking wifi networks..."_s,
               u"SKIPPED: Wifi network list cannot be checked when device is in "
               "DeviceComplete state."_s,
               Dashes,
               FinalFail}
        << Verdicts {P, F, S, S, S};

    const auto osOnly = [&](const char *row,
                            const QList<InstalledComponent> &components,
                            const QStringList &expectedOs,
                            const QString &verdictLine,
                            ReadyVerdict osVerdict) {
        QTest::newRow(row) << M1 << M1 << QStringList {} << components << expectedOs
                           << QStringList {} << QList<WifiNetwork> {}
                           << QStringList {StateLineM1,
                                  u"PASS: Device manufacturing state is Module1Complete"_s,
                                  u"Checking capabilities..."_s,
                                  PassCaps,
                                  u"Checking OS version..."_s,
                                  verdictLine,
                                  u"Checking installed images..."_s,
                                  PassImages,
                                  u"Checking wifi networks..."_s,
                                  PassWifi,
                                  Dashes,
                                  osVerdict == P ? u"PASS"_s : FinalFail}
                           << Verdicts {P, P, osVerdict, P, P};
    };
    // Rule 4: only a matched, expected name passes.
    osOnly(
        "older OS", os2510, only2609, u"FAIL: OS version '25.10' is not an expected version"_s, F);
    osOnly("either of two",
        os2510,
        QStringList {u"25.10"_s, u"26.09"_s},
        u"PASS: OS '25.10' is an expected version"_s,
        P);
    osOnly("incomplete OS",
        os2609.mid(1),
        only2609,
        u"FAIL: OS version 'unknown' is not an expected version"_s,
        F);
    osOnly("empty expected list",
        os2609,
        QStringList {},
        u"FAIL: OS version '26.09' is not an expected version"_s,
        F);

    // Rule 5: type 10 only; unexpected first (device order, lowercase), then missing ones.
    QTest::newRow("images unexpected and missing")
        << M1 << M1 << QStringList {} << (os2609 + QList {appA(), boardConfig(), appB()})
        << only2609 << QStringList {AppB.toUpper(), AppC} << QList<WifiNetwork> {}
        << QStringList {StateLineM1,
               u"PASS: Device manufacturing state is Module1Complete"_s,
               u"Checking capabilities..."_s,
               PassCaps,
               u"Checking OS version..."_s,
               u"PASS: OS '26.09' is an expected version"_s,
               u"Checking installed images..."_s,
               u"Image ID: 6415a939-c098-48cf-8e5c-02b52a9f0ffb (Component ID: "
               "2f074b0f-d99d-4692-82d9-ef93a7d6463c, AzureSphereBlinkTest) not expected to "
               "be present on the device"_s,
               u"Expected image ID 99999999-8888-4777-8666-555555555555 is not on the "
               "device"_s,
               FailImages,
               u"Checking wifi networks..."_s,
               PassWifi,
               Dashes,
               FinalFail}
        << Verdicts {P, P, P, F, P};

    QTest::newRow("image expected twice")
        << M1 << M1 << QStringList {} << (os2609 + QList {appB()}) << only2609
        << QStringList {AppB, AppB} << QList<WifiNetwork> {}
        << QStringList {StateLineM1,
               u"PASS: Device manufacturing state is Module1Complete"_s,
               u"Checking capabilities..."_s,
               PassCaps,
               u"Checking OS version..."_s,
               u"PASS: OS '26.09' is an expected version"_s,
               u"Checking installed images..."_s,
               u"Expected image ID 11111111-2222-4333-8444-555555555555 is not on the "
               "device"_s,
               FailImages,
               u"Checking wifi networks..."_s,
               PassWifi,
               Dashes,
               FinalFail}
        << Verdicts {P, P, P, F, P};

    // Rule 6: one `<id>: <ssid>` line per network.
    QTest::newRow("wifi networks")
        << M1 << M1 << QStringList {} << os2609 << only2609 << QStringList {}
        << QList<WifiNetwork> {network(0, u"SIM-FACTORY-AP"_s), network(3, u"SIM-OPEN-AP"_s)}
        << QStringList {StateLineM1,
               u"PASS: Device manufacturing state is Module1Complete"_s,
               u"Checking capabilities..."_s,
               PassCaps,
               u"Checking OS version..."_s,
               u"PASS: OS '26.09' is an expected version"_s,
               u"Checking installed images..."_s,
               PassImages,
               u"Checking wifi networks..."_s,
               u"FAIL: Device contains configured networks:"_s,
               u"0: SIM-FACTORY-AP"_s,
               u"3: SIM-OPEN-AP"_s,
               Dashes,
               FinalFail}
        << Verdicts {P, P, P, P, F};

    // Rule 7: unknown expected names log a warning (after "Checking OS version...") and
    // change no verdict.
    osOnly("warning, one unknown name",
        os2609,
        QStringList {u"23.05"_s, u"26.09"_s},
        u"PASS: OS '26.09' is an expected version"_s,
        P);
    QTest::newRow("warning, two unknown names")
        << M1 << M1 << QStringList {} << os2609 << QStringList {u"23.05"_s, u"22.11"_s}
        << QStringList {} << QList<WifiNetwork> {}
        << QStringList {StateLineM1,
               u"PASS: Device manufacturing state is Module1Complete"_s,
               u"Checking capabilities..."_s,
               PassCaps,
               u"Checking OS version..."_s,
               Stamp
                   + u"Requested OS versions '23.05, 22.11' are not recognised as possible "
                     "OS versions; options are: ['24.03', '25.10', '26.09']"_s,
               u"FAIL: OS version '26.09' is not an expected version"_s,
               u"Checking installed images..."_s,
               PassImages,
               u"Checking wifi networks..."_s,
               PassWifi,
               Dashes,
               FinalFail}
        << Verdicts {P, P, F, P, P};
}

void tst_ReadyCheck::lines()
{
    QFETCH(ManufacturingState, expectedState);
    QFETCH(ManufacturingState, deviceState);
    QFETCH(QStringList, capabilities);
    QFETCH(QList<InstalledComponent>, components);
    QFETCH(QStringList, expectedOs);
    QFETCH(QStringList, expectedImages);
    QFETCH(QList<WifiNetwork>, wifi);
    QFETCH(QStringList, lines);
    QFETCH(Verdicts, verdicts);

    ReadyCheckInput input;
    input.expectedState = expectedState;
    input.deviceState = deviceState;
    input.capabilities = capabilities;
    input.components = components;
    input.expectedOsVersions = expectedOs;
    input.expectedImageIds = expectedImages;
    input.wifiNetworks = wifi;
    input.osVersions = m_versions;
    input.now = QDateTime(QDate(2026, 11, 24), QTime(7, 15, 2, 123));

    QStringList want = lines;
    if (QByteArray(QTest::currentDataTag()) == "warning, one unknown name")
        want.insert(5,
            Stamp
                + u"Requested OS version '23.05' is not recognised as a possible OS "
                  "version; options are: ['24.03', '25.10', '26.09']"_s);

    const ReadyCheckReport report = ReadyCheck::evaluate(input);
    QCOMPARE(report.lines, want);
    QCOMPARE(report.checks.size(), 5);
    Verdicts got;
    for (const ReadyCheckItem &item : report.checks)
        got.append(item.verdict);
    QCOMPARE(got, verdicts);
    QCOMPARE(report.passed, !verdicts.contains(ReadyVerdict::Failed));
    QCOMPARE(report.passed, lines.last() == "PASS"_L1);
    QCOMPARE(report.text(), want.join(u'\n'));
}

void tst_ReadyCheck::failureNamesTheFailedChecks()
{
    ReadyCheckInput input;
    input.expectedState = ManufacturingState::DeviceComplete;
    input.deviceState = ManufacturingState::Module1Complete;
    input.osVersions = m_versions;
    input.components = osComponents(m_versions, u"26.09"_s);
    input.expectedOsVersions = {u"26.09"_s};
    input.wifiNetworks = {network(0, u"SIM-FACTORY-AP"_s)};
    const ReadyCheckReport report = ReadyCheck::evaluate(input);
    QVERIFY(!report.passed);
    QCOMPARE(report.osVersion, u"26.09"_s);
    const Error error = report.failure();
    QCOMPARE(error.code, ErrorCode::ReadyCheckFailed);
    QVERIFY(error.message.english().contains(u"Device manufacturing state is Module1Complete"_s));
    QVERIFY(error.message.english().contains(u"Device contains configured networks"_s));
    QVERIFY(!error.message.english().contains(u"Device ready check not successful"_s));
    QCOMPARE(error.detail, report.text());
}

void tst_ReadyCheck::names()
{
    QCOMPARE(ReadyCheck::checkName(ReadyCheckKind::Capabilities), u"capabilities"_s);
    QCOMPARE(ReadyCheck::verdictName(ReadyVerdict::Skipped), u"SKIPPED"_s);
}

QTEST_APPLESS_MAIN(tst_ReadyCheck)

#include "tst_readycheck.moc"
