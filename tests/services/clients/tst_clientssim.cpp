#include "services/azsphere/azsphereclient.h"
#include "services/azsphere/imagepackage.h"
#include "services/azsphere/osversions.h"
#include "services/azsphere/readycheck.h"
#include "services/hardware/uartsession.h"
#include "services/process/backgroundprocess.h"
#include "services/rf/rftoolclient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

// The typed clients against the bundled simulator (a black box built from REFERENCE.md alone):
// every command line, output and error the clients parse comes from the real stand-ins.
class tst_ClientsSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void attachedDevicesAndState();
    void imagePackageShowAgreesWithReader();
    void sideloadAndImageNotTrusted();
    void recoverWithProgress();
    void wifiRoundTrip();
    void readyCheckOnRealOutputs();
    void failuresAreClassified();
    void rfTools();
    void uartScriptOverServe();

private:
    QProcessEnvironment environment() const;
    void simulator(const QStringList &arguments);
    QString deviceId(const QString &connectionPath);
    AzsphereClient client(const AzsphereTimeouts &timeouts = {}) const;
    RfToolClient rfClient() const;

    QTemporaryDir m_assetsDir;
    QString m_assets;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_bench;
    const QString m_simBin = QStringLiteral(STATION_SIM_BIN_DIR);
    const QString m_sphereSim = QStringLiteral(STATION_BIN_DIR) + u"/sphere-sim"_s;
};

QProcessEnvironment tst_ClientsSim::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AZSPHERE_SIM_HOME"_s, m_bench);
    env.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, u"0"_s);
    return env;
}

void tst_ClientsSim::simulator(const QStringList &arguments)
{
    ToolCall call;
    call.program = m_sphereSim;
    call.arguments = arguments;
    call.environment = environment();
    call.timeout = std::chrono::seconds(120);
    const ToolResult result = ToolRunner::run(call);
    QVERIFY2(result.isSuccess(),
        qPrintable(result.commandLine + u'\n' + result.stdOutText() + result.stdErrText()));
}

QString tst_ClientsSim::deviceId(const QString &connectionPath)
{
    const auto attached = client().showAttached(connectionPath);
    return attached.isSuccess() ? attached.value->deviceId : QString();
}

AzsphereClient tst_ClientsSim::client(const AzsphereTimeouts &timeouts) const
{
    // STATION_TEST_CLI=az: the same calls through the az sphere stand-in (CTest runs both).
    const bool az = qEnvironmentVariable("STATION_TEST_CLI") == "az"_L1;
    return AzsphereClient(az ? ToolDialect::Az : ToolDialect::Azsphere,
        m_simBin + (az ? u"/az"_s : u"/azsphere"_s),
        environment(),
        {},
        {},
        timeouts);
}

RfToolClient tst_ClientsSim::rfClient() const
{
    return RfToolClient(m_simBin + u"/RfSettingsTool"_s, m_simBin + u"/RfToolCli"_s, environment());
}

void tst_ClientsSim::initTestCase()
{
    QVERIFY(QFileInfo(m_simBin + u"/azsphere"_s).isExecutable());
    QVERIFY(QFileInfo(m_sphereSim).isExecutable());
    QVERIFY(m_assetsDir.isValid());
    m_assets = m_assetsDir.path();
    m_bench = m_assets + u"/unused-bench"_s;
    simulator({u"assets"_s, u"--out"_s, m_assets});
    QVERIFY(QFileInfo::exists(m_assets + u"/mt3620an.json"_s));
}

void tst_ClientsSim::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_bench = m_dir->filePath(u"bench"_s);
    simulator({u"bench"_s, u"create"_s, u"--devices"_s, u"2"_s, u"--seed"_s, u"clients"_s});
}

void tst_ClientsSim::cleanup()
{
    m_dir.reset();
}

void tst_ClientsSim::attachedDevicesAndState()
{
    AzsphereClient azsphere = client();
    const auto list = azsphere.listAttached();
    QVERIFY2(list.isSuccess(), qPrintable(list.isSuccess() ? QString() : list.error().detail));
    QCOMPARE(list.value->size(), 2);
    QCOMPARE(list.value->at(0).ipAddress, u"192.168.35.2"_s);
    QCOMPARE(list.value->at(0).connectionPath, u"1211"_s);
    QCOMPARE(list.value->at(0).deviceId.size(), 128);
    QVERIFY(list.value->at(0).isResponsive);

    // By connection path (WARNING line on stderr) and by IP: the same device.
    const auto byPath = azsphere.showAttached(u"1212"_s);
    QVERIFY(byPath.isSuccess());
    QVERIFY(byPath.tool.stdErrText().startsWith(u"WARNING:"_s));
    const auto byIp = azsphere.showAttached(u"192.168.35.3"_s);
    QVERIFY(byIp.isSuccess());
    QCOMPARE(byIp.value->deviceId, byPath.value->deviceId);
    QCOMPARE(byIp.value->deviceId, list.value->at(1).deviceId);

    QCOMPARE(azsphere.rescanAttached().value.value_or(-1), 2);
    QCOMPARE(azsphere.manufacturingStateShow(u"1211"_s).value.value_or(ManufacturingState::Unknown),
        ManufacturingState::Blank);
    QCOMPARE(azsphere.capabilityShowAttached(u"1211"_s).value.value_or(QStringList()),
        QStringList {u"EnableRfTestMode"_s});
    QCOMPARE(azsphere.showOsVersion(u"1211"_s).value.value_or(QString()), u"24.03"_s);
    QVERIFY(!azsphere.showVersion().value.value_or(QString()).isEmpty());

    const auto installed = azsphere.imageListInstalled(u"1211"_s, true);
    QVERIFY(installed.isSuccess());
    const auto versions = OsVersions::load(m_assets + u"/mt3620an.json"_s);
    QVERIFY(versions.has_value());
    QCOMPARE(versions->identify(*installed.value), u"24.03"_s);
    bool hasRfTestServer = false;
    for (const InstalledComponent &component : *installed.value)
        hasRfTestServer |= component.componentId == QLatin1String(RfTestServerComponentId);
    QVERIFY(hasRfTestServer);
    // Without --full: applications only (none on a new device).
    QVERIFY(azsphere.imageListInstalled(u"1211"_s, false)
                .value.value_or(QList<InstalledComponent> {1})
                .isEmpty());
}

void tst_ClientsSim::imagePackageShowAgreesWithReader()
{
    AzsphereClient azsphere = client();
    for (const QString &relative : {u"apps/ProductApp.imagepackage"_s,
             u"apps/ProductApp-dev.imagepackage"_s,
             u"keystore/TrustedKeystore-v2.imagepackage"_s,
             u"boardconfig/lan-w5500-isu0-int5.imagepackage"_s}) {
        const QString path = m_assets + u'/' + relative;
        const auto shown = azsphere.imagePackageShow(path);
        QVERIFY2(shown.isSuccess(), qPrintable(relative));
        const auto read = ImagePackage::read(path);
        QVERIFY2(read.has_value(), qPrintable(relative));
        QCOMPARE(read->imageType, shown.value->imageType);
        QCOMPARE(read->componentId, shown.value->componentId);
        QCOMPARE(read->imageId, shown.value->imageId);
        QCOMPARE(read->thumbprint, shown.value->thumbprint);
        QCOMPARE(read->name, shown.value->name);
        QCOMPARE(read->buildTime, shown.value->buildTime);
        QCOMPARE(read->temporary.has_value(), shown.value->temporary.has_value());
        QCOMPARE(read->abiDepends.size(), shown.value->abiDepends.size());
        QCOMPARE(read->isDevelopmentSigned(), relative.contains(u"-dev"_s));
    }
    const auto notPackage = azsphere.imagePackageShow(m_assets + u"/mt3620an.json"_s);
    QVERIFY(!notPackage.isSuccess());
    QCOMPARE(notPackage.error().code, ErrorCode::ToolFailed);
}

void tst_ClientsSim::sideloadAndImageNotTrusted()
{
    AzsphereClient azsphere = client();
    const QString product = m_assets + u"/apps/ProductApp.imagepackage"_s;
    const QString development = m_assets + u"/apps/ProductApp-dev.imagepackage"_s;

    // A production package of a newer key generation on a 24.03 device: cause (b).
    const auto untrusted = azsphere.sideloadDeploy(u"1211"_s, product);
    QVERIFY(!untrusted.isSuccess());
    QCOMPARE(untrusted.error().code, ErrorCode::ImageNotTrusted);
    QVERIFY2(untrusted.error().message.english().startsWith(u"Production thumbprint"_s),
        qPrintable(untrusted.error().message));

    // A development build: cause (a).
    const auto dev = azsphere.sideloadDeploy(u"1211"_s, development);
    QCOMPARE(dev.error().code, ErrorCode::ImageNotTrusted);
    QVERIFY(dev.error().message.english().startsWith(u"SDK development thumbprint"_s));

    // The keystore package, then the product package.
    QVERIFY(
        azsphere
            .sideloadDeploy(u"1211"_s, m_assets + u"/keystore/TrustedKeystore-v2.imagepackage"_s)
            .isSuccess());
    const auto deployed = azsphere.sideloadDeploy(u"1211"_s, product, true);
    QVERIFY2(deployed.isSuccess(),
        qPrintable(deployed.isSuccess() ? QString() : deployed.error().detail));
    QVERIFY(!deployed.value->startedAutomatically);

    const auto apps = azsphere.imageListInstalled(u"1211"_s, false);
    QVERIFY(apps.isSuccess());
    QCOMPARE(apps.value->size(), 1);
    QCOMPARE(apps.value->first().name, u"ProductApp"_s);
    QCOMPARE(apps.value->first().imageId,
        ImagePackage::read(product)->imageId.toString(QUuid::WithoutBraces));

    const QString componentId = apps.value->first().componentId;
    const auto deleted = azsphere.sideloadDelete(u"1211"_s, componentId);
    QVERIFY(deleted.isSuccess());
    QCOMPARE(deleted.value->size(), 1);
    QVERIFY(deleted.value->first().wasPresent);
    const auto again = azsphere.sideloadDelete(u"1211"_s, componentId);
    QVERIFY(again.isSuccess());
    QVERIFY(!again.value->first().wasPresent);
    QVERIFY(azsphere.sideloadDeleteAllExcept(u"1211"_s, {}).isSuccess());

    // An OS component cannot be deleted.
    const auto os = azsphere.sideloadDelete(u"1211"_s, u"007e32d7-5d8c-44c6-a8d9-4a8f0fe39011"_s);
    QCOMPARE(os.error().code, ErrorCode::PermissionDenied);
}

void tst_ClientsSim::recoverWithProgress()
{
    AzsphereClient azsphere = client();
    QList<RecoverProgress> progress;
    const auto recovered = azsphere.recover(
        u"1211"_s, m_assets + u"/recovery/26.09"_s, {}, [&progress](const RecoverProgress &p) {
            progress.append(p);
        });
    QVERIFY2(recovered.isSuccess(),
        qPrintable(recovered.isSuccess() ? QString() : recovered.error().detail));
    QCOMPARE(recovered.value->deviceId, deviceId(u"1211"_s));
    QCOMPARE(recovered.value->imageCount, 16);
    QCOMPARE(recovered.value->imagesSent, 16);
    QCOMPARE(progress.size(), 17); // "Sending 16 images" and 16 "Sent" lines
    QCOMPARE(progress.last().imagesSent, 16);
    QCOMPARE(progress.last().bytesRemaining, 0);

    const auto installed = azsphere.imageListInstalled(u"1211"_s, true);
    QVERIFY(installed.isSuccess());
    QCOMPARE(
        OsVersions::load(m_assets + u"/mt3620an.json"_s)->identify(*installed.value), u"26.09"_s);

    // An unusable folder.
    const auto wrong = azsphere.recover(u"1211"_s, m_assets + u"/apps"_s);
    QCOMPARE(wrong.error().code, ErrorCode::RecoveryFailed);
}

void tst_ClientsSim::wifiRoundTrip()
{
    AzsphereClient azsphere = client();
    const auto added
        = azsphere.wifiAdd(u"1211"_s, u"SIM-FACTORY-AP"_s, u"simulated-psk-1234"_s, u"line3"_s);
    QVERIFY2(added.isSuccess(), qPrintable(added.isSuccess() ? QString() : added.error().detail));
    QCOMPARE(added.value->ssid, u"SIM-FACTORY-AP"_s);
    QCOMPARE(added.value->securityState, u"psk"_s);
    QVERIFY(!added.tool.commandLine.contains(u"simulated-psk-1234"_s));

    QCOMPARE(azsphere.wifiAdd(u"1211"_s, u"SIM-FACTORY-AP"_s, u"simulated-psk-1234"_s).error().code,
        ErrorCode::WifiConfig);
    QCOMPARE(
        azsphere.wifiAdd(u"1211"_s, u"OTHER"_s, u"short"_s).error().code, ErrorCode::WifiConfig);

    QTRY_VERIFY_WITH_TIMEOUT(
        azsphere.wifiShowStatus(u"1211"_s).value.value_or(WifiStatus {}).isConnected(), 10000);
    const auto status = azsphere.wifiShowStatus(u"1211"_s);
    QCOMPARE(status.value->ssid, u"SIM-FACTORY-AP"_s);

    const auto list = azsphere.wifiList(u"1211"_s);
    QCOMPARE(list.value->size(), 1);
    QVERIFY(azsphere.wifiForget(u"1211"_s, list.value->first().id).isSuccess());
    QVERIFY(azsphere.wifiList(u"1211"_s).value->isEmpty());
    QCOMPARE(azsphere.wifiForget(u"1211"_s, 7).error().code, ErrorCode::WifiConfig);
    QCOMPARE(azsphere.wifiShowStatus(u"1211"_s).value->connectionState, u"disconnected"_s);
}

void tst_ClientsSim::readyCheckOnRealOutputs()
{
    AzsphereClient azsphere = client();
    QVERIFY(azsphere.recover(u"1211"_s, m_assets + u"/recovery/26.09"_s).isSuccess());
    const QString product = m_assets + u"/apps/ProductApp.imagepackage"_s;
    QVERIFY(azsphere.sideloadDeploy(u"1211"_s, product).isSuccess());
    QVERIFY(azsphere.manufacturingStateUpdate(u"1211"_s, ManufacturingState::Module1Complete)
                .isSuccess());

    const auto gather = [&](ManufacturingState expected) {
        ReadyCheckInput input;
        input.expectedState = expected;
        input.expectedOsVersions = {u"26.09"_s};
        input.expectedImageIds
            = {ImagePackage::read(product)->imageId.toString(QUuid::WithoutBraces)};
        input.osVersions = *OsVersions::load(m_assets + u"/mt3620an.json"_s);
        input.deviceState = *azsphere.manufacturingStateShow(u"1211"_s).value;
        input.capabilities = *azsphere.capabilityShowAttached(u"1211"_s).value;
        if (input.deviceState != ManufacturingState::DeviceComplete) {
            input.components = *azsphere.imageListInstalled(u"1211"_s, true).value;
            input.wifiNetworks = *azsphere.wifiList(u"1211"_s).value;
        }
        return ReadyCheck::evaluate(input);
    };
    const ReadyCheckReport module1 = gather(ManufacturingState::Module1Complete);
    QVERIFY2(module1.passed, qPrintable(module1.text()));
    QVERIFY(module1.lines.contains(u"PASS: OS '26.09' is an expected version"_s));

    QVERIFY(azsphere.manufacturingStateUpdate(u"1211"_s, ManufacturingState::DeviceComplete)
                .isSuccess());
    const ReadyCheckReport complete = gather(ManufacturingState::DeviceComplete);
    QVERIFY2(complete.passed, qPrintable(complete.text()));
    QCOMPARE(complete.checks.at(2).verdict, ReadyVerdict::Skipped);

    // A finalized device refuses changes.
    QCOMPARE(
        azsphere.imageListInstalled(u"1211"_s, true).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(azsphere.sideloadDeploy(u"1211"_s, product).error().code, ErrorCode::PermissionDenied);
}

void tst_ClientsSim::failuresAreClassified()
{
    AzsphereTimeouts quick;
    quick.command = std::chrono::seconds(3);
    AzsphereClient azsphere = client(quick);
    const QString second = deviceId(u"1212"_s);

    simulator({u"fault"_s, u"set"_s, u"--device"_s, second, u"garbage"_s, u"--count"_s, u"1"_s});
    const auto garbage = azsphere.manufacturingStateShow(u"1212"_s);
    QCOMPARE(garbage.tool.exitCode, 0);
    QCOMPARE(garbage.error().code, ErrorCode::OutputUnparsable);

    simulator({u"fault"_s, u"set"_s, u"--device"_s, second, u"hang"_s, u"--count"_s, u"1"_s});
    QCOMPARE(azsphere.showOsVersion(u"1212"_s).error().code, ErrorCode::ToolTimedOut);

    simulator({u"fault"_s, u"set"_s, u"--device"_s, second, u"not-responding"_s});
    QCOMPARE(azsphere.showOsVersion(u"1212"_s).error().code, ErrorCode::DeviceNotResponding);
    simulator({u"fault"_s, u"clear"_s, u"--all"_s});

    simulator({u"unplug"_s, u"--fixture"_s, u"2"_s});
    QCOMPARE(azsphere.showAttached(u"1212"_s).error().code, ErrorCode::DeviceNotConnected);
    QCOMPARE(azsphere.listAttached().value->size(), 1);
}

void tst_ClientsSim::rfTools()
{
    RfToolClient rf = rfClient();
    const auto blank = rf.show(u"1211"_s);
    QVERIFY2(blank.isSuccess(), qPrintable(blank.isSuccess() ? QString() : blank.error().detail));
    QVERIFY(!blank.value->isRegionSet());
    QVERIFY(blank.value->isMacProgrammed());

    const QString productUs = m_assets + u"/rf/product-US.bin"_s;
    const auto before = rf.check(u"1211"_s, productUs);
    QCOMPARE(before.error().code, ErrorCode::RfCheckFailed);
    QVERIFY(before.error().message.english().contains(u"Region code"_s));

    QVERIFY(rf.writeRegionCode(u"1211"_s, u"US"_s).isSuccess());
    const auto after = rf.show(u"1211"_s);
    QCOMPARE(after.value->regionCode, u"US"_s);
    const auto passed = rf.check(u"1211"_s, productUs);
    QVERIFY2(
        passed.isSuccess(), qPrintable(passed.isSuccess() ? QString() : passed.error().detail));
    QVERIFY(passed.value->passed);
    QCOMPARE(passed.value->summary, u"Configuration check passed."_s);

    const auto dump = rf.showHexdump(u"1211"_s);
    QVERIFY(dump.isSuccess());
    QCOMPARE(dump.value->size(), 1024);
    QCOMPARE(dump.value->mid(0x36, 2), QByteArray("US"));
    QCOMPARE(dump.value->mid(4, 6), after.value->mac);

    // An e-fuse is programmed once.
    const auto twice = rf.writeRegionCode(u"1211"_s, u"JP"_s);
    QCOMPARE(twice.error().code, ErrorCode::EfuseAlreadyProgrammed);
    QVERIFY(twice.error().message.english().contains(u"already programmed"_s));

    QCOMPARE(
        rf.check(u"1211"_s, m_assets + u"/mt3620an.json"_s).error().code, ErrorCode::RecipeInvalid);
    QCOMPARE(rf.check(u"1211"_s, m_assets + u"/none.bin"_s).error().code, ErrorCode::FileMissing);

    QVERIFY(client()
                .manufacturingStateUpdate(u"1211"_s, ManufacturingState::Module1Complete)
                .isSuccess());
    QCOMPARE(rf.show(u"1211"_s).error().code, ErrorCode::RfTestModeUnavailable);
    QCOMPARE(rf.writeRegionCode(u"1211"_s, u"US"_s).error().code, ErrorCode::RfTestModeUnavailable);
}

void tst_ClientsSim::uartScriptOverServe()
{
    ToolCall call;
    call.program = m_sphereSim;
    call.arguments = {u"serve"_s};
    call.environment = environment();
    auto serve = ToolRunner::startBackground(call);
    QVERIFY2(serve.has_value(), qPrintable(serve ? QString() : serve.error().detail));
    const auto line
        = (*serve)->waitForLine(QRegularExpression(u"^UART 1211 "_s), std::chrono::seconds(20));
    QVERIFY2(line.has_value(), qPrintable((*serve)->outputLines().join(u'\n')));

    const QString port = m_bench + u"/uart/1211"_s;
    const QString id = deviceId(u"1211"_s);
    const QByteArray json = R"([{"send": "PING", "expect": "^PONG$", "timeout_ms": 1000},
 {"send": "ID", "expect": "^ID ([0-9a-f]{128})$", "check": "device_id"},
 {"send": "GPIO SET 8 1", "expect": "^OK$"}, {"send": "GPIO GET 8", "expect": "^GPIO 8 1$"},
 {"measure": "VCC_3V3", "unit": "V", "low": 3.20, "high": 3.40, "timeout_ms": 1000},
 {"send": "SELFTEST", "expect": "^PASS$", "fail": "^FAIL (.*)$", "timeout_ms": 5000}])";
    const auto actions = UartSession::parseScript(QJsonDocument::fromJson(json).array());
    QVERIFY(actions.has_value());

    UartScriptResult result;
    std::unique_ptr<QThread> worker(QThread::create(
        [&] { result = UartSession::runScript(port, *actions, id, CancelToken()); }));
    worker->start();
    QVERIFY(worker->wait(QDeadlineTimer(30000)));
    QVERIFY2(result.isSuccess(),
        qPrintable(result.error->message.english() + u'\n'
            + UartSession::formatTranscript(result.transcript)));
    QCOMPARE(result.deviceId, id);
    QCOMPARE(result.measurements.size(), 1);

    // A wrong device ID is caught; a failing self-test fails with its reason.
    simulator({u"fault"_s,
        u"set"_s,
        u"--device"_s,
        id,
        u"uart-selftest-fail"_s,
        u"--variant"_s,
        u"FLASH_CRC"_s});
    worker.reset(QThread::create(
        [&] { result = UartSession::runScript(port, *actions, id, CancelToken()); }));
    worker->start();
    QVERIFY(worker->wait(QDeadlineTimer(30000)));
    QVERIFY(!result.isSuccess());
    QCOMPARE(result.failedAction, 5);
    QVERIFY2(result.error->message.english().contains(u"FAIL FLASH_CRC"_s),
        qPrintable(result.error->message.english()));

    // Unplugging during a wait is a hang-up, not a timeout.
    simulator({u"fault"_s, u"set"_s, u"--device"_s, id, u"uart-silent"_s});
    std::atomic_bool sent {false};
    Result<QRegularExpressionMatch> match = fail(ErrorCode::Internal, Text::raw(u"not run"_s));
    worker.reset(QThread::create([&] {
        UartSession session;
        if (!session.open(port) || !session.send(u"PING"_s))
            return;
        sent = true;
        match = session.expect(QRegularExpression(u"^PONG$"_s), std::chrono::seconds(30));
    }));
    worker->start();
    QTRY_VERIFY_WITH_TIMEOUT(sent.load(), 10000);
    simulator({u"unplug"_s, u"--device"_s, id});
    QVERIFY(worker->wait(QDeadlineTimer(25000)));
    QCOMPARE(match.error().code, ErrorCode::UartError);
}

QTEST_GUILESS_MAIN(tst_ClientsSim)

#include "tst_clientssim.moc"
