#include "services/azsphere/azsphereoutput.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

// Literal outputs from REFERENCE.md section 2 (compacted JSON as printed there).
const QByteArray DeviceIdHex
    = "62dfbf427437a0058a51eefa7e27e4654827a6d3241a821cf46a9222d1bfbad0a7f8473da39f09856e60dec1"
      "ccc2eeb7516f3c8380e8a8adcb6d1b7275fc675d";

QByteArray listAttachedOne()
{
    return R"([{"ConnectionPath": "1211", "DeviceId": ")" + DeviceIdHex
        + R"(", "IpAddress": "192.168.35.2", "IsResponsive": true}])";
}

const QByteArray ListInstalledBlink
    = R"([{"does_image_type_require_restart": false, "image_type": 10, "images": [{"length_in_bytes": 196608, "replica_type": 0, "uid": "6415a939-c098-48cf-8e5c-02b52a9f0ffb", "uncompressed_length_in_bytes": 196608}], "is_update_staged": false, "name": "AzureSphereBlinkTest", "uid": "2f074b0f-d99d-4692-82d9-ef93a7d6463c"}])";

const QByteArray WifiAdded
    = R"({"configName": "line3", "configState": "enabled", "connectionState": "disconnected", "id": 0, "securityState": "psk", "ssid": "SIM-FACTORY-AP", "targetedScan": false})";

const QByteArray WifiConnected
    = R"({"address": "02:5a:3c:11:90:7e", "configState": "enabled", "connectionState": "connected", "freq": 2437, "id": 0, "ip_address": "10.42.0.17", "key_mgmt": "WPA2-PSK", "mode": "station", "securityState": "psk", "ssid": "SIM-FACTORY-AP", "wpa_state": "COMPLETED"})";

const QByteArray ImagePackageJson
    = R"({"ABIDepends": [{"Name": "ApplicationRuntime", "Version": 5}], "Debug": {"BuildDateUtc": "2020-09-23T18:14:54Z", "ImageName": "AzureBusybox"},
 "Identity": {"ComponentId": "61ae5c57-98cd-4a0a-8b60-9509505c7617", "ImageId": "eef5d367-ae2c-42eb-861f-8f2c453133df", "ImageType": "Applications"},
 "Signature": {"CertThumbprint": "a8d5cc6958f48710140d7a26160fc1cfc31f5df0", "SigningType": "ECDsa256"}, "TemporaryImage": {"RemoveImageAtBoot": false, "UnderDevelopment": true}})";

const QByteArray RecoverOutput = "Starting device recovery. Please note that this may take up to "
                                 "10 minutes.\n"
                                 "Board found. Sending recovery bootloader.\n"
                                 "Erasing flash.\n"
                                 "Sending 16 images. (5558148 bytes to send)\n"
                                 "Sent 1 of 16 images. (5527016 of 5558148 bytes remaining)\n"
                                 "Sent 2 of 16 images. (5411124 of 5558148 bytes remaining)\n"
                                 "Sent 16 of 16 images. (0 of 5558148 bytes remaining)\n"
                                 "Finished writing images; rebooting board.\n"
                                 "Device ID: "
    + DeviceIdHex.toUpper()
    + "\n"
      "Device recovered successfully.\n";

void verifyUnparsable(const Error &error, const QString &reason)
{
    QCOMPARE(error.code, ErrorCode::OutputUnparsable);
    QCOMPARE(error.message, u"The tool printed something unreadable."_s);
    QVERIFY2(error.detail.contains(reason), qPrintable(error.detail));
}

} // namespace

class tst_AzsphereOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listAttached();
    void keyVariants_data();
    void keyVariants();
    void azShapes();
    void listAttachedUnresponsiveAndEmpty();
    void showAttachedAndRescan();
    void imageListInstalled();
    void manufacturingState_data();
    void manufacturingState();
    void capabilities();
    void wifi();
    void wifiStatus_data();
    void wifiStatus();
    void versions();
    void imagePackageShow();
    void unparsable_data();
    void unparsable();
    void recoverProgress_data();
    void recoverProgress();
    void recover();
    void sideloadDeploy_data();
    void sideloadDeploy();
    void sideloadDelete_data();
    void sideloadDelete();
    void forgetAndRestart();
};

void tst_AzsphereOutput::listAttached()
{
    const auto devices = AzsphereOutput::parseListAttached(listAttachedOne() + "\n");
    QVERIFY(devices.has_value());
    QCOMPARE(devices->size(), 1);
    QCOMPARE(devices->first().deviceId, QString::fromLatin1(DeviceIdHex));
    QCOMPARE(devices->first().ipAddress, u"192.168.35.2"_s);
    QCOMPARE(devices->first().connectionPath, u"1211"_s);
    QVERIFY(devices->first().isResponsive);
}

// Either tool, any case, the known spellings of the device ID (REFERENCE-az 3.1, 6).
void tst_AzsphereOutput::keyVariants_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("readable");
    const QByteArray id = DeviceIdHex;
    QTest::newRow("azsphere") << QByteArray(R"([{"ConnectionPath": "1211", "DeviceId": ")" + id
        + R"(", "IpAddress": "192.168.35.2", "IsResponsive": true}])")
                              << true;
    QTest::newRow("az: deviceIdentifier") << QByteArray(R"([{"deviceIdentifier": ")" + id.toUpper()
        + R"(", "ipAddress": "192.168.35.2", "isResponsive": true, "localConnectionId": "1211"}])")
                                          << true;
    QTest::newRow("az: deviceId") << QByteArray(R"([{"deviceId": ")" + id
        + R"(", "ipAddress": "192.168.35.2", "isResponsive": true, "connectionPath": "1211"}])")
                                  << true;
    QTest::newRow("az: DEVICEID, snake case") << QByteArray(R"([{"DEVICEID": ")" + id
        + R"(", "ip_address": "192.168.35.2", "is_responsive": true, "local_connection_id": "1211"}])")
                                              << true;
    QTest::newRow("two keys for one meaning") << QByteArray(R"([{"deviceId": ")" + id
        + R"(", "DeviceId": ")" + id.toUpper()
        + R"(", "ipAddress": "192.168.35.2", "isResponsive": true, "connectionPath": "1211"}])")
                                              << false;
}

void tst_AzsphereOutput::keyVariants()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, readable);
    const auto devices = AzsphereOutput::parseListAttached(json);
    QCOMPARE(devices.has_value(), readable);
    if (!readable) {
        QCOMPARE(devices.error().code, ErrorCode::OutputUnparsable);
        return;
    }
    QCOMPARE(devices->size(), 1);
    QCOMPARE(devices->first().deviceId, QString::fromLatin1(DeviceIdHex));
    QCOMPARE(devices->first().ipAddress, QStringLiteral("192.168.35.2"));
    QCOMPARE(devices->first().connectionPath, QStringLiteral("1211"));
    QVERIFY(devices->first().isResponsive);
}

// The shapes the project chose for az sphere where no public source shows them
// (docs/tools.md), and the variants the parsers take.
void tst_AzsphereOutput::azShapes()
{
    QCOMPARE(AzsphereOutput::parseRescanAttached("{\n  \"count\": 2\n}\n").value_or(-1), 2);
    QCOMPARE(AzsphereOutput::parseRescanAttached("3\n").value_or(-1), 3);
    QCOMPARE(
        AzsphereOutput::parseOsVersion("{\n  \"osVersion\": \"26.09\"\n}\n").value_or(QString()),
        QStringLiteral("26.09"));
    QCOMPARE(
        AzsphereOutput::parseSdkVersion("{\n  \"version\": \"25.10.0.1\"\n}\n").value_or(QString()),
        QStringLiteral("25.10.0.1"));
    QCOMPARE(AzsphereOutput::parseManufacturingState("{\"ManufacturingState\": \"DeviceComplete\"}")
                 .value_or(ManufacturingState::Blank),
        ManufacturingState::DeviceComplete);
    QCOMPARE(AzsphereOutput::parseCapabilities(R"({"device_capabilities": [11, 12]})")
                 .value_or(QStringList()),
        QStringList({QStringLiteral("EnableAppDevelopment"), QStringLiteral("EnableRfTestMode")}));
    QCOMPARE(AzsphereOutput::parseCapabilities(R"(["EnableRfTestMode"])").value_or(QStringList()),
        QStringList({QStringLiteral("EnableRfTestMode")}));
    QVERIFY(!AzsphereOutput::parseCapabilities(R"({"capabilities": [11]})").has_value());
    QVERIFY(!AzsphereOutput::parseCapabilities(R"([1.5])").has_value());
    const auto az = AzsphereOutput::parseAzVersion(
        R"({"azure-cli": "2.75.0", "azure-cli-core": "2.75.0", "azure-cli-telemetry": "1.1.0", "extensions": {"azure-sphere": "1.0.4"}})");
    QVERIFY(az.has_value());
    QCOMPARE(az->cli, QStringLiteral("2.75.0"));
    QCOMPARE(az->extension, QStringLiteral("1.0.4"));
    const auto none
        = AzsphereOutput::parseAzVersion(R"({"azure-cli": "2.45.0", "extensions": {}})");
    QVERIFY(!none.has_value());
    QCOMPARE(none.error().code, ErrorCode::ToolExtensionMissing);
    QCOMPARE(AzsphereOutput::statusText("", "WARNING: Sent 1 of 2 images.\nERROR: x\nINFO: y\n"),
        QByteArray("Sent 1 of 2 images.\ny"));
}

void tst_AzsphereOutput::listAttachedUnresponsiveAndEmpty()
{
    const auto devices = AzsphereOutput::parseListAttached(
        R"([{"ConnectionPath": "", "DeviceId": null, "IpAddress": "192.168.35.3", "IsResponsive": false},
            {"ConnectionPath": "1212", "DeviceId": ")"
        + DeviceIdHex.toUpper() + R"(", "IpAddress": "192.168.35.4", "IsResponsive": true}])");
    QVERIFY(devices.has_value());
    QCOMPARE(devices->size(), 2);
    QVERIFY(devices->at(0).deviceId.isEmpty());
    QVERIFY(!devices->at(0).isResponsive);
    QVERIFY(devices->at(0).connectionPath.isEmpty());
    QCOMPARE(devices->at(1).deviceId, QString::fromLatin1(DeviceIdHex)); // lowercased

    const auto none = AzsphereOutput::parseListAttached("[]\n");
    QVERIFY(none.has_value());
    QVERIFY(none->isEmpty());
}

void tst_AzsphereOutput::showAttachedAndRescan()
{
    const auto device
        = AzsphereOutput::parseShowAttached(R"({"ConnectionPath": "12113", "DeviceId": ")"
            + DeviceIdHex + R"(", "IpAddress": "192.168.35.2"})");
    QVERIFY(device.has_value());
    QCOMPARE(device->connectionPath, u"12113"_s);
    QCOMPARE(device->ipAddress, u"192.168.35.2"_s);
    QCOMPARE(device->deviceId, QString::fromLatin1(DeviceIdHex));

    const auto count = AzsphereOutput::parseRescanAttached(R"({"Count": 2})");
    QVERIFY(count.has_value());
    QCOMPARE(*count, 2);
}

void tst_AzsphereOutput::imageListInstalled()
{
    const auto components = AzsphereOutput::parseImageListInstalled(ListInstalledBlink);
    QVERIFY(components.has_value());
    QCOMPARE(components->size(), 1);
    const InstalledComponent &blink = components->first();
    QCOMPARE(blink.componentId, u"2f074b0f-d99d-4692-82d9-ef93a7d6463c"_s);
    QCOMPARE(blink.imageId, u"6415a939-c098-48cf-8e5c-02b52a9f0ffb"_s);
    QCOMPARE(blink.imageType, 10);
    QVERIFY(blink.isApplication());
    QCOMPARE(blink.name, u"AzureSphereBlinkTest"_s);
    QCOMPARE(blink.lengthInBytes, 196608);
    QVERIFY(!blink.requiresRestart);

    const auto osComponent = AzsphereOutput::parseImageListInstalled(
        R"([{"does_image_type_require_restart": true, "image_type": 9, "images": [{"uid": "23367B15-F2ED-4A5F-B24A-AA613A78ECD4"}], "is_update_staged": false, "name": "rftest_server", "uid": "508EDDF2-B8C3-4A99-93D9-A045D9A060EB"}])");
    QVERIFY(osComponent.has_value());
    QCOMPARE(osComponent->first().componentId, QString::fromLatin1(RfTestServerComponentId));
    QCOMPARE(osComponent->first().imageId, u"23367b15-f2ed-4a5f-b24a-aa613a78ecd4"_s);
    QVERIFY(osComponent->first().requiresRestart);
    QVERIFY(!osComponent->first().isApplication());

    QVERIFY(AzsphereOutput::parseImageListInstalled("[]").value().isEmpty());
}

void tst_AzsphereOutput::manufacturingState_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<ManufacturingState>("state");
    QTest::newRow("Blank") << QByteArray(R"({"manufacturingState": "Blank"})")
                           << ManufacturingState::Blank;
    QTest::newRow("Module1Complete") << QByteArray(R"({"manufacturingState": "Module1Complete"})")
                                     << ManufacturingState::Module1Complete;
    QTest::newRow("DeviceComplete") << QByteArray(R"({"manufacturingState": "DeviceComplete"})")
                                    << ManufacturingState::DeviceComplete;
    QTest::newRow("Unknown") << QByteArray(R"({"manufacturingState": "Unknown"})")
                             << ManufacturingState::Unknown;
}

void tst_AzsphereOutput::manufacturingState()
{
    QFETCH(QByteArray, json);
    QFETCH(ManufacturingState, state);
    const auto parsed = AzsphereOutput::parseManufacturingState(json);
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, state);
    QCOMPARE(manufacturingStateFromName(manufacturingStateName(state)), state);
}

void tst_AzsphereOutput::capabilities()
{
    const auto names = AzsphereOutput::parseCapabilities(
        R"(["EnableAppDevelopment", "EnableRfTestMode", "EnableFieldServicing", "7"])");
    QVERIFY(names.has_value());
    QCOMPARE(*names,
        QStringList(
            {u"EnableAppDevelopment"_s, u"EnableRfTestMode"_s, u"EnableFieldServicing"_s, u"7"_s}));
    QCOMPARE(capabilityNumber(names->at(0)), 11);
    QCOMPARE(capabilityNumber(names->at(1)), 12);
    QCOMPARE(capabilityNumber(names->at(2)), 13);
    QCOMPARE(capabilityNumber(names->at(3)), 7);
    QVERIFY(!capabilityNumber(u"EnableSomethingNew"_s).has_value());
    QCOMPARE(capabilityName(12), u"EnableRfTestMode"_s);
    QCOMPARE(capabilityName(7), u"7"_s);
    QVERIFY(AzsphereOutput::parseCapabilities("[]").value().isEmpty());
}

void tst_AzsphereOutput::wifi()
{
    const auto added = AzsphereOutput::parseWifiNetwork(WifiAdded);
    QVERIFY(added.has_value());
    QCOMPARE(added->id, 0);
    QCOMPARE(added->ssid, u"SIM-FACTORY-AP"_s);
    QCOMPARE(added->configName, u"line3"_s);
    QCOMPARE(added->configState, u"enabled"_s);
    QCOMPARE(added->connectionState, u"disconnected"_s);
    QCOMPARE(added->securityState, u"psk"_s);
    QVERIFY(!added->targetedScan);

    const auto list = AzsphereOutput::parseWifiList("[" + WifiAdded
        + R"(, {"configName": null, "configState": "disabled", "connectionState": "unknown", "id": 3, "securityState": "open", "ssid": "SIM-OPEN-AP", "targetedScan": true}])");
    QVERIFY(list.has_value());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(1).id, 3);
    QCOMPARE(list->at(1).ssid, u"SIM-OPEN-AP"_s);
    QVERIFY(list->at(1).configName.isEmpty());
    QVERIFY(list->at(1).targetedScan);
    QVERIFY(AzsphereOutput::parseWifiList("[]").value().isEmpty());
}

void tst_AzsphereOutput::wifiStatus_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<QString>("wpaState");
    QTest::newRow("connected") << WifiConnected << true << u"COMPLETED"_s;
    QTest::newRow("scanning") << QByteArray(
        R"({"address": "02:5a:3c:11:90:7e", "connectionState": "disconnected", "mode": "station", "wpa_state": "SCANNING"})")
                              << false << u"SCANNING"_s;
    QTest::newRow("inactive") << QByteArray(
        R"({"address": "02:5a:3c:11:90:7e", "connectionState": "disconnected", "mode": "station", "wpa_state": "INACTIVE"})")
                              << false << u"INACTIVE"_s;
}

void tst_AzsphereOutput::wifiStatus()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, connected);
    QFETCH(QString, wpaState);
    const auto status = AzsphereOutput::parseWifiStatus(json);
    QVERIFY(status.has_value());
    QCOMPARE(status->isConnected(), connected);
    QCOMPARE(status->wpaState, wpaState);
    QCOMPARE(status->address, u"02:5a:3c:11:90:7e"_s);
    QCOMPARE(status->mode, u"station"_s);
    if (connected) {
        QCOMPARE(status->ssid, u"SIM-FACTORY-AP"_s);
        QCOMPARE(status->ipAddress, u"10.42.0.17"_s);
        QCOMPARE(status->keyManagement, u"WPA2-PSK"_s);
        QCOMPARE(status->frequencyMhz, 2437);
        QCOMPARE(status->networkId, 0);
    } else {
        QVERIFY(!status->networkId.has_value());
        QVERIFY(status->ssid.isEmpty());
    }
}

void tst_AzsphereOutput::versions()
{
    QCOMPARE(AzsphereOutput::parseOsVersion(R"({"osversion": "26.09"})").value(), u"26.09"_s);
    QCOMPARE(AzsphereOutput::parseSdkVersion(R"({"Azure Sphere SDK": "25.10.0.1"})").value(),
        u"25.10.0.1"_s);
}

void tst_AzsphereOutput::imagePackageShow()
{
    const auto info = AzsphereOutput::parseImagePackageShow(ImagePackageJson);
    QVERIFY2(info.has_value(), qPrintable(info ? QString() : info.error().detail));
    QCOMPARE(info->imageType, 10);
    QCOMPARE(info->componentId.toString(QUuid::WithoutBraces),
        u"61ae5c57-98cd-4a0a-8b60-9509505c7617"_s);
    QCOMPARE(
        info->imageId.toString(QUuid::WithoutBraces), u"eef5d367-ae2c-42eb-861f-8f2c453133df"_s);
    QVERIFY(info->isDevelopmentSigned());
    QCOMPARE(info->signingType, 1u);
    QCOMPARE(info->name, u"AzureBusybox"_s);
    QCOMPARE(info->buildTime, QDateTime(QDate(2020, 9, 23), QTime(18, 14, 54), Qt::UTC));
    QVERIFY(info->temporary.has_value());
    QVERIFY(!info->temporary->removeAtBoot);
    QVERIFY(info->temporary->underDevelopment);
    QCOMPARE(info->abiDepends.size(), 1);
    QCOMPARE(info->abiDepends.first().kind, 3u);
    QCOMPARE(info->abiDepends.first().version, 5u);

    // Sections the file lacks are left out.
    const auto keystore = AzsphereOutput::parseImagePackageShow(
        R"({"Identity": {"ComponentId": "6ce93845-da18-4620-b1d1-0e13a8189494", "ImageId": "9c551086-6fdc-40a0-9a10-24845766627f", "ImageType": "TrustedKeystore"},
            "Signature": {"CertThumbprint": "c47de4f25b43e9719e1876a81e706f83d19e639b", "SigningType": "ECDsa256"}})");
    QVERIFY(keystore.has_value());
    QCOMPARE(keystore->imageType, 19);
    QVERIFY(!keystore->isDevelopmentSigned());
    QVERIFY(!keystore->temporary.has_value());
    QVERIFY(keystore->name.isEmpty());
}

void tst_AzsphereOutput::unparsable_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("stdOut");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty list-attached") << u"list-attached"_s << QByteArray() << u"not JSON"_s;
    QTest::newRow("garbage") << u"list-attached"_s << QByteArray("x%$ garbage\n") << u"not JSON"_s;
    QTest::newRow("table instead of json")
        << u"sdk-version"_s
        << QByteArray(" ----------------\n Azure Sphere SDK\n ================\n 21.2.1.28749\n "
                      "----------------\n")
        << u"not JSON"_s;
    QTest::newRow("two documents") << u"list-attached"_s << QByteArray("[]\n[]\n") << u"not JSON"_s;
    QTest::newRow("object, array wanted")
        << u"list-attached"_s << QByteArray(R"({"Count": 1})") << u"expected a JSON array"_s;
    QTest::newRow("missing IsResponsive")
        << u"list-attached"_s
        << QByteArray(
               R"([{"ConnectionPath": "1211", "DeviceId": null, "IpAddress": "192.168.35.2"}])")
        << u"IsResponsive"_s;
    QTest::newRow("short device id")
        << u"list-attached"_s
        << QByteArray(
               R"([{"ConnectionPath": "1211", "DeviceId": "abc", "IpAddress": "192.168.35.2", "IsResponsive": true}])")
        << u"128 hex"_s;
    QTest::newRow("show-attached null id")
        << u"show-attached"_s
        << QByteArray(
               R"({"ConnectionPath": "1211", "DeviceId": null, "IpAddress": "192.168.35.2"})")
        << u"DeviceId"_s;
    QTest::newRow("rescan without Count")
        << u"rescan-attached"_s << QByteArray(R"({"counts": 2})") << u"Count"_s;
    QTest::newRow("component without images")
        << u"list-installed"_s
        << QByteArray(
               R"([{"image_type": 10, "images": [], "name": "x", "uid": "2f074b0f-d99d-4692-82d9-ef93a7d6463c"}])")
        << u"images"_s;
    QTest::newRow("component without uid")
        << u"list-installed"_s
        << QByteArray(
               R"([{"image_type": 10, "images": [{"uid": "6415a939-c098-48cf-8e5c-02b52a9f0ffb"}], "name": "x"}])")
        << u"uid"_s;
    QTest::newRow("component bad guid")
        << u"list-installed"_s
        << QByteArray(
               R"([{"image_type": 10, "images": [{"uid": "not-a-guid"}], "name": "x", "uid": "2f074b0f-d99d-4692-82d9-ef93a7d6463c"}])")
        << u"GUID"_s;
    QTest::newRow("component type as string")
        << u"list-installed"_s
        << QByteArray(
               R"([{"image_type": "10", "images": [{"uid": "6415a939-c098-48cf-8e5c-02b52a9f0ffb"}], "name": "x", "uid": "2f074b0f-d99d-4692-82d9-ef93a7d6463c"}])")
        << u"image_type"_s;
    QTest::newRow("unknown state")
        << u"manufacturing-state"_s << QByteArray(R"({"manufacturingState": "Finished"})")
        << u"Finished"_s;
    QTest::newRow("state key missing")
        << u"manufacturing-state"_s << QByteArray(R"({"state": "Blank"})")
        << u"manufacturingState"_s;
    QTest::newRow("capability not a name")
        << u"capabilities"_s << QByteArray("[true, 13]") << u"not a name"_s;
    QTest::newRow("wifi without ssid")
        << u"wifi-add"_s
        << QByteArray(
               R"({"configState": "enabled", "connectionState": "disconnected", "id": 0, "securityState": "psk"})")
        << u"ssid"_s;
    QTest::newRow("wifi id text")
        << u"wifi-list"_s
        << QByteArray(
               R"([{"configState": "enabled", "connectionState": "disconnected", "id": "0", "securityState": "psk", "ssid": "a"}])")
        << u"id"_s;
    QTest::newRow("status without state")
        << u"wifi-status"_s << QByteArray(R"({"address": "x", "mode": "station"})")
        << u"connectionState"_s;
    QTest::newRow("os version empty")
        << u"os-version"_s << QByteArray(R"({"osversion": ""})") << u"empty"_s;
    QTest::newRow("sdk version missing")
        << u"sdk-version"_s << QByteArray(R"({"SDK": "1"})") << u"Azure Sphere SDK"_s;
    QTest::newRow("package without signature")
        << u"image-package"_s
        << QByteArray(
               R"({"Identity": {"ComponentId": "61ae5c57-98cd-4a0a-8b60-9509505c7617", "ImageId": "eef5d367-ae2c-42eb-861f-8f2c453133df", "ImageType": "Applications"}})")
        << u"Signature"_s;
    QTest::newRow("package unknown type")
        << u"image-package"_s
        << QByteArray(
               R"({"Identity": {"ComponentId": "61ae5c57-98cd-4a0a-8b60-9509505c7617", "ImageId": "eef5d367-ae2c-42eb-861f-8f2c453133df", "ImageType": "Gadget"}, "Signature": {"CertThumbprint": "a8d5cc6958f48710140d7a26160fc1cfc31f5df0", "SigningType": "ECDsa256"}})")
        << u"Gadget"_s;
}

void tst_AzsphereOutput::unparsable()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, stdOut);
    QFETCH(QString, reason);

    std::optional<Error> error;
    const auto take = [&error](const auto &result) {
        QVERIFY(!result.has_value());
        error = result.error();
    };
    if (command == "list-attached"_L1)
        take(AzsphereOutput::parseListAttached(stdOut));
    else if (command == "show-attached"_L1)
        take(AzsphereOutput::parseShowAttached(stdOut));
    else if (command == "rescan-attached"_L1)
        take(AzsphereOutput::parseRescanAttached(stdOut));
    else if (command == "list-installed"_L1)
        take(AzsphereOutput::parseImageListInstalled(stdOut));
    else if (command == "manufacturing-state"_L1)
        take(AzsphereOutput::parseManufacturingState(stdOut));
    else if (command == "capabilities"_L1)
        take(AzsphereOutput::parseCapabilities(stdOut));
    else if (command == "wifi-add"_L1)
        take(AzsphereOutput::parseWifiNetwork(stdOut));
    else if (command == "wifi-list"_L1)
        take(AzsphereOutput::parseWifiList(stdOut));
    else if (command == "wifi-status"_L1)
        take(AzsphereOutput::parseWifiStatus(stdOut));
    else if (command == "os-version"_L1)
        take(AzsphereOutput::parseOsVersion(stdOut));
    else if (command == "sdk-version"_L1)
        take(AzsphereOutput::parseSdkVersion(stdOut));
    else if (command == "image-package"_L1)
        take(AzsphereOutput::parseImagePackageShow(stdOut));
    QVERIFY2(error.has_value(), "no parser for this command");
    verifyUnparsable(*error, reason);
    // The raw text is kept.
    QVERIFY(error->detail.contains(QString::fromUtf8(stdOut).trimmed()));
}

void tst_AzsphereOutput::recoverProgress_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("isProgress");
    QTest::addColumn<int>("sent");
    QTest::addColumn<int>("count");
    QTest::addColumn<qint64>("remaining");
    QTest::addColumn<qint64>("total");

    QTest::newRow("sending") << u"Sending 16 images. (5558148 bytes to send)"_s << true << 0 << 16
                             << qint64(5558148) << qint64(5558148);
    QTest::newRow("sent 1") << u"Sent 1 of 16 images. (5527016 of 5558148 bytes remaining)"_s
                            << true << 1 << 16 << qint64(5527016) << qint64(5558148);
    QTest::newRow("sent 2") << u"Sent 2 of 16 images. (5411124 of 5558148 bytes remaining)"_s
                            << true << 2 << 16 << qint64(5411124) << qint64(5558148);
    QTest::newRow("sent last") << u"Sent 16 of 16 images. (0 of 5558148 bytes remaining)"_s << true
                               << 16 << 16 << qint64(0) << qint64(5558148);
    QTest::newRow("sent, no bytes")
        << u"Sent 3 of 16 images."_s << true << 3 << 16 << qint64(-1) << qint64(-1);
    QTest::newRow("erasing") << u"Erasing flash."_s << false << 0 << 0 << qint64(0) << qint64(0);
    QTest::newRow("device id") << u"Device ID: abc"_s << false << 0 << 0 << qint64(0) << qint64(0);
}

void tst_AzsphereOutput::recoverProgress()
{
    QFETCH(QString, line);
    QFETCH(bool, isProgress);
    QFETCH(int, sent);
    QFETCH(int, count);
    QFETCH(qint64, remaining);
    QFETCH(qint64, total);

    const std::optional<RecoverProgress> progress = AzsphereOutput::parseRecoverProgressLine(line);
    QCOMPARE(progress.has_value(), isProgress);
    if (!progress)
        return;
    QCOMPARE(progress->imagesSent, sent);
    QCOMPARE(progress->imageCount, count);
    QCOMPARE(progress->bytesRemaining, remaining);
    QCOMPARE(progress->bytesTotal, total);
}

void tst_AzsphereOutput::recover()
{
    const auto report = AzsphereOutput::parseRecover(RecoverOutput);
    QVERIFY(report.has_value());
    QCOMPARE(report->deviceId, QString::fromLatin1(DeviceIdHex));
    QCOMPARE(report->imagesSent, 16);
    QCOMPARE(report->imageCount, 16);

    const QByteArray withDownload
        = "Downloading recovery images...\nDownload complete.\n" + RecoverOutput;
    QVERIFY(AzsphereOutput::parseRecover(withDownload).has_value());

    // Without the success line the recovery did not happen.
    QByteArray truncated = RecoverOutput;
    truncated.chop(qsizetype(strlen("Device recovered successfully.\n")));
    const auto missing = AzsphereOutput::parseRecover(truncated);
    QVERIFY(!missing.has_value());
    verifyUnparsable(missing.error(), u"Device recovered successfully."_s);
}

void tst_AzsphereOutput::sideloadDeploy_data()
{
    QTest::addColumn<QByteArray>("stdOut");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("started");

    const QString path = u"/srv/line 3/app.imagepackage"_s;
    const QByteArray deploying = "Deploying '" + path.toUtf8() + "' to the attached device.\n";
    const QByteArray deployed
        = "Image package '" + path.toUtf8() + "' has been deployed to the attached device.\n";
    QTest::newRow("started") << deploying + deployed << path << true << true;
    QTest::newRow("manual start") << deploying + deployed
            + "The application was not automatically started. Use 'azsphere device app start' "
              "to start it.\n" << path
                                  << true << false;
    QTest::newRow("only deploying line") << deploying << path << false << false;
    QTest::newRow("other path") << deploying + deployed << u"/srv/other.imagepackage"_s << false
                                << false;
    QTest::newRow("empty") << QByteArray() << path << false << false;
}

void tst_AzsphereOutput::sideloadDeploy()
{
    QFETCH(QByteArray, stdOut);
    QFETCH(QString, path);
    QFETCH(bool, ok);
    QFETCH(bool, started);

    const auto report = AzsphereOutput::parseSideloadDeploy(stdOut, path);
    QCOMPARE(report.has_value(), ok);
    if (ok)
        QCOMPARE(report->startedAutomatically, started);
    else
        verifyUnparsable(report.error(), u"has been deployed"_s);
}

void tst_AzsphereOutput::sideloadDelete_data()
{
    QTest::addColumn<QByteArray>("stdOut");
    QTest::addColumn<QString>("componentId");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("firstWasPresent");

    const QString cid = u"2f074b0f-d99d-4692-82d9-ef93a7d6463c"_s;
    QTest::newRow("deleted") << QByteArray("Component '" + cid.toUtf8() + "' deleted.\n") << cid
                             << true << 1 << true;
    QTest::newRow("not present") << QByteArray(
        "Component '" + cid.toUtf8() + "' deleted or was not present beforehand.\n")
                                 << cid << true << 1 << false;
    QTest::newRow("upper-case id")
        << QByteArray("Component '" + cid.toUpper().toUtf8() + "' deleted.\n") << cid << true << 1
        << true;
    QTest::newRow("named id missing") << QByteArray() << cid << false << 0 << false;
    QTest::newRow("other id") << QByteArray(
        "Component '508eddf2-b8c3-4a99-93d9-a045d9a060eb' deleted.\n")
                              << cid << false << 0 << false;
    QTest::newRow("delete-all, none") << QByteArray() << QString() << true << 0 << false;
    QTest::newRow("delete-all, two") << QByteArray("Component '" + cid.toUtf8()
        + "' deleted.\nComponent '6ce93845-da18-4620-b1d1-0e13a8189494' deleted.\n")
                                     << QString() << true << 2 << true;
    QTest::newRow("unexpected line")
        << QByteArray("Removing things...\n") << QString() << false << 0 << false;
}

void tst_AzsphereOutput::sideloadDelete()
{
    QFETCH(QByteArray, stdOut);
    QFETCH(QString, componentId);
    QFETCH(bool, ok);
    QFETCH(int, count);
    QFETCH(bool, firstWasPresent);

    const auto deleted = AzsphereOutput::parseSideloadDelete(stdOut, componentId);
    QCOMPARE(deleted.has_value(), ok);
    if (!ok) {
        QCOMPARE(deleted.error().code, ErrorCode::OutputUnparsable);
        return;
    }
    QCOMPARE(deleted->size(), count);
    if (count > 0) {
        QCOMPARE(deleted->first().wasPresent, firstWasPresent);
        QCOMPARE(deleted->first().componentId, deleted->first().componentId.toLower());
    }
}

void tst_AzsphereOutput::forgetAndRestart()
{
    QVERIFY(AzsphereOutput::parseWifiForget("Successfully removed network\n").has_value());
    QVERIFY(!AzsphereOutput::parseWifiForget("").has_value());
    QVERIFY(AzsphereOutput::parseRestart("Restarting device.\nDevice restarted successfully.\n")
                .has_value());
    const auto notRestarted = AzsphereOutput::parseRestart("Restarting device.\n");
    QVERIFY(!notRestarted.has_value());
    verifyUnparsable(notRestarted.error(), u"Device restarted successfully."_s);
}

QTEST_APPLESS_MAIN(tst_AzsphereOutput)

#include "tst_azsphereoutput.moc"
