// The simulated device behind azsphere (REFERENCE.md §2.2-§2.10, §4): sideload checks and their
// order, delete, manufacturing-state transitions and DeviceComplete's refusals, recovery and
// its effects, restart, the simulated radio, board configurations.

#include "simclitest.h"

#include <QTest>
#include <QUuid>

using namespace SimTest;

namespace {

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

const QString Dev = QStringLiteral(" ('azsphere device enable-development').");
const QString NotTrusted
    = QStringLiteral(
          "error: Could not deploy application to device: Image not trusted by device; check if "
          "application development capability is enabled")
    + Dev + QLatin1Char('\n');
const QString NotStaged = QStringLiteral("error: Could not deploy application to device: Image "
                                         "could not be staged; check that it is a valid image "
                                         "package.\n");
const QString DeployDenied
    = QStringLiteral("error: Could not deploy application to device: Permission denied; check if "
                     "application development capability is enabled")
    + Dev + QLatin1Char('\n');
const QString Generic403 = QStringLiteral(
    "error: You do not have permission to perform this operation on this device. Permission "
    "denied; application "
    "development capability may be required ('azsphere device enable-development').\n");

QByteArray bytesLe(const QString &guid)
{
    QByteArray b = QUuid::fromString(guid).toRfc4122();
    std::reverse(b.begin(), b.begin() + 4);
    std::reverse(b.begin() + 4, b.begin() + 6);
    std::reverse(b.begin() + 6, b.begin() + 8);
    return b;
}

QStringList componentIds(const RunResult &r)
{
    QStringList ids;
    for (const QJsonValue &v : parseJson(r.out).array())
        ids.append(v[QStringLiteral("uid")].toString());
    return ids;
}

} // namespace

class tst_AzsphereDevice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sideloadTrustPath();
    void deployChecks_data();
    void deployChecks();
    void deleteComponents();
    void manufacturingStates();
    void deviceCompleteRefusals_data();
    void deviceCompleteRefusals();
    void recoverOutputAndEffects();
    void azRecoverAndDeploy();
    void recoverDownload();
    void recoverBadFolder_data();
    void recoverBadFolder();
    void recoverCapability();
    void restartRemovesTemporaryImages();
    void wifiRadio();
    void wifiLimit();
    void boardConfiguration();

private:
    QStringList deploy(const QString &relative) const
    {
        return {QStringLiteral("device"),
            QStringLiteral("sideload"),
            QStringLiteral("deploy"),
            QStringLiteral("-p"),
            m_assets.path(relative)};
    }
    QString cid(const QString &relative) const
    {
        return m_assets.package(relative).value(QStringLiteral("componentId")).toString();
    }
    QString iid(const QString &relative) const
    {
        return m_assets.package(relative).value(QStringLiteral("imageId")).toString();
    }

    Bench m_assetBench;
    Assets m_assets;
    QTemporaryDir m_work;
};

void tst_AzsphereDevice::initTestCase()
{
    QVERIFY(m_assets.make(m_assetBench));
    QVERIFY(m_work.isValid());
    // Damaged and odd packages, made from the product package.
    const QByteArray product
        = readFile(m_assets.path(QStringLiteral("apps/ProductApp.imagepackage")));
    QVERIFY(product.size() > 100000);
    const QByteArray cidLe = bytesLe(cid(QStringLiteral("apps/ProductApp.imagepackage")));
    QVERIFY(product.contains(cidLe));
    QByteArray nilComponent = product;
    nilComponent.replace(nilComponent.lastIndexOf(cidLe), 16, QByteArray(16, '\0'));
    QVERIFY(writeFile(
        m_work.filePath(QStringLiteral("nil-component.imagepackage")), resign(nilComponent)));
    QByteArray badHash = product;
    badHash[100] = char(badHash.at(100) ^ 0x55);
    QVERIFY(writeFile(m_work.filePath(QStringLiteral("bad-hash.imagepackage")), badHash));
    const QByteArray thumb = QByteArray::fromHex("e7da166741ccfabee1623ca315d0b208df11e1f8");
    QVERIFY(product.contains(thumb));
    QByteArray unknownKey = product;
    unknownKey.replace(unknownKey.lastIndexOf(thumb), 20, QByteArray(20, '\x11'));
    QVERIFY(
        writeFile(m_work.filePath(QStringLiteral("unknown-key.imagepackage")), resign(unknownKey)));
    // A bigger payload in front keeps the metadata intact: 900 KiB + 192 KiB > 1 MiB.
    QVERIFY(writeFile(m_work.filePath(QStringLiteral("too-big.imagepackage")),
        resign(QByteArray(900 * 1024, '\x42') + product)));
    QVERIFY(
        writeFile(m_work.filePath(QStringLiteral("garbage.imagepackage")), QByteArray(500, 'x')));
}

void tst_AzsphereDevice::sideloadTrustPath()
{
    Bench bench;
    QVERIFY(bench.create(1));
    const QString product = m_assets.path(QStringLiteral("apps/ProductApp.imagepackage"));
    const QString keystore
        = m_assets.path(QStringLiteral("keystore/TrustedKeystore-v2.imagepackage"));

    // A new device (24.03, keystore 1) refuses prod-g2 images.
    RunResult r = bench.az(deploy(QStringLiteral("apps/ProductApp.imagepackage")));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QStringLiteral("Deploying '%1' to the attached device.\n").arg(product));
    QCOMPARE(r.err, NotTrusted);

    // The keystore package (prod-g1) is accepted and raises the keystore to 2.
    r = bench.az(deploy(QStringLiteral("keystore/TrustedKeystore-v2.imagepackage")));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out,
        QStringLiteral("Deploying '%1' to the attached device.\nImage package '%1' has been "
                       "deployed to the attached device.\n")
            .arg(keystore));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(bench.deviceState(1).value(QStringLiteral("trustedKeystore")).toInt(), 2);

    r = bench.az(
        deploy(QStringLiteral("apps/ProductApp.imagepackage")) << QStringLiteral("--manual-start"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
        QStringLiteral("Deploying '%1' to the attached device.\nImage package '%1' has been "
                       "deployed to the attached device.\n"
                       "The application was not automatically started. Use 'azsphere device app "
                       "start' to start it.\n")
            .arg(product));
    r = bench.az(deploy(QStringLiteral("apps/ProductApp.imagepackage")));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count(QLatin1Char('\n')), 2);

    // The development-signed build needs capability 11.
    r = bench.az(deploy(QStringLiteral("apps/ProductApp-dev.imagepackage")));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, NotTrusted);

    // Redeploying replaced the image: one application, the product's IDs.
    r = bench.az(words("device image list-installed -o json"));
    const QJsonArray apps = parseJson(r.out).array();
    QCOMPARE(apps.size(), 1);
    QCOMPARE(apps.at(0)[QStringLiteral("uid")].toString(),
        cid(QStringLiteral("apps/ProductApp.imagepackage")));
    QCOMPARE(apps.at(0)[QStringLiteral("images")][0][QStringLiteral("uid")].toString(),
        iid(QStringLiteral("apps/ProductApp.imagepackage")));
    QCOMPARE(apps.at(0)[QStringLiteral("name")].toString(), QStringLiteral("ProductApp"));
    QCOMPARE(apps.at(0)[QStringLiteral("does_image_type_require_restart")].toBool(), false);
    r = bench.az(words("device image list-installed --full -o json"));
    QVERIFY(componentIds(r).contains(
        QStringLiteral("6ce93845-da18-4620-b1d1-0e13a8189494"))); // keystore update
    r = bench.az(words("device image list-installed"));
    QCOMPARE(r.out.split(QLatin1Char('\n')).at(3),
        QStringLiteral(" ProductApp Application %1 %2")
            .arg(cid(QStringLiteral("apps/ProductApp.imagepackage")),
                iid(QStringLiteral("apps/ProductApp.imagepackage"))));
}

void tst_AzsphereDevice::deployChecks_data()
{
    QTest::addColumn<QString>("tool"); // azsphere, or az: the same checks in az's dialect
    QTest::addColumn<QStringList>("createArgs");
    QTest::addColumn<QString>("file"); // under the work dir, or "assets:" + relative
    QTest::addColumn<QString>("err");

    // Each row runs for azsphere and for az.
    auto add = [](const char *name,
                   const QStringList &createArgs,
                   const QString &file,
                   const QString &err) {
        QTest::newRow(name) << QStringLiteral("azsphere") << createArgs << file << err;
        QTest::addRow("az: %s", name) << QStringLiteral("az") << createArgs << file << err;
    };
    const QStringList os2510 {QStringLiteral("--os"), QStringLiteral("25.10")};
    const QStringList finished {QStringLiteral("--os"),
        QStringLiteral("25.10"),
        QStringLiteral("--state"),
        QStringLiteral("DeviceComplete")};
    add("not a package", os2510, QStringLiteral("garbage.imagepackage"), NotStaged);
    add("nil component ID",
        os2510,
        QStringLiteral("nil-component.imagepackage"),
        QStringLiteral("error: Could not deploy application to device: Image has an invalid "
                       "component ID. Re-package your image and retry.\n"));
    add("bad hash", os2510, QStringLiteral("bad-hash.imagepackage"), NotStaged);
    add("unknown key", os2510, QStringLiteral("unknown-key.imagepackage"), NotTrusted);
    add("development key",
        os2510,
        QStringLiteral("assets:apps/ProductApp-dev.imagepackage"),
        NotTrusted);
    add("over 1 MiB",
        os2510,
        QStringLiteral("too-big.imagepackage"),
        QStringLiteral("error: Could not deploy application to device: "
                       "Insufficient free space on the device.\n"));
    add("DeviceComplete",
        finished,
        QStringLiteral("assets:apps/ProductApp.imagepackage"),
        DeployDenied);
    // Check order (§2.3): parsing comes before the state, the state before trust.
    add("DeviceComplete, not a package",
        finished,
        QStringLiteral("garbage.imagepackage"),
        NotStaged);
    add("DeviceComplete, development key",
        finished,
        QStringLiteral("assets:apps/ProductApp-dev.imagepackage"),
        DeployDenied);
    add("trust before hash", QStringList(), QStringLiteral("bad-hash.imagepackage"), NotTrusted);
}

void tst_AzsphereDevice::deployChecks()
{
    QFETCH(QString, tool);
    QFETCH(QStringList, createArgs);
    QFETCH(QString, file);
    QFETCH(QString, err);
    Bench bench;
    QVERIFY(bench.create(1, createArgs));
    const QString path = file.startsWith(QLatin1String("assets:")) ? m_assets.path(file.mid(7))
                                                                   : m_work.filePath(file);
    const QJsonObject before = bench.deviceState(1);
    const QStringList args = {QStringLiteral("device"),
        QStringLiteral("sideload"),
        QStringLiteral("deploy"),
        QStringLiteral("--image-package"),
        path};
    const QString first = QStringLiteral("Deploying '%1' to the attached device.\n").arg(path);
    if (tool == QLatin1String("az")) {
        // The status line goes to stderr as a WARNING, the error is ERROR-tagged.
        const RunResult r = bench.azCli(QStringList {QStringLiteral("sphere")} + args);
        QCOMPARE(r.err,
            QStringLiteral("WARNING: ") + first + QStringLiteral("ERROR: ")
                + err.mid(int(qstrlen("error: "))));
        QCOMPARE(r.out, QString());
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(bench.deviceState(1), before);
        return;
    }
    const RunResult r = bench.az(args);
    QCOMPARE(r.err, err);
    QCOMPARE(r.out, first);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(bench.deviceState(1), before); // nothing installed
}

void tst_AzsphereDevice::deleteComponents()
{
    Bench bench;
    QVERIFY(bench.create(1, {QStringLiteral("--os"), QStringLiteral("25.10")}));
    for (const char *p : {"apps/ProductApp.imagepackage",
             "apps/FunctionalTestApp.imagepackage",
             "boardconfig/lan-enc28j60-isu0-int5.imagepackage"})
        QCOMPARE(bench.az(deploy(QString::fromUtf8(p))).exitCode, 0);
    const QString product = cid(QStringLiteral("apps/ProductApp.imagepackage"));
    const QString functional = cid(QStringLiteral("apps/FunctionalTestApp.imagepackage"));
    const QString board = cid(QStringLiteral("boardconfig/lan-enc28j60-isu0-int5.imagepackage"));

    // -e keeps the functional test app; the board configuration is not an application.
    RunResult r = bench.az({QStringLiteral("device"),
        QStringLiteral("sideload"),
        QStringLiteral("delete"),
        QStringLiteral("-e"),
        functional.toUpper()});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("Component '%1' deleted.\n").arg(product));
    r = bench.az(words("device sideload delete"));
    QCOMPARE(r.out, QStringLiteral("Component '%1' deleted.\n").arg(functional));
    r = bench.az(words("device sideload delete"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, QString());
    r = bench.az(words("device image list-installed --full -o json"));
    QVERIFY(componentIds(r).contains(board));

    // -i: present, absent, board configuration, rftest_server, OS component.
    r = bench.az({QStringLiteral("device"),
        QStringLiteral("sideload"),
        QStringLiteral("delete"),
        QStringLiteral("--component-id"),
        board});
    QCOMPARE(r.out, QStringLiteral("Component '%1' deleted.\n").arg(board));
    r = bench.az({QStringLiteral("device"),
        QStringLiteral("sideload"),
        QStringLiteral("delete"),
        QStringLiteral("-i"),
        board});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
        QStringLiteral("Component '%1' deleted or was not present beforehand.\n").arg(board));
    r = bench.az(words("device sideload delete -i 508eddf2-b8c3-4a99-93d9-a045d9a060eb"));
    QCOMPARE(r.out, QStringLiteral("Component '508eddf2-b8c3-4a99-93d9-a045d9a060eb' deleted.\n"));
    r = bench.az(words("device sideload delete -i 81d07cd3-85c2-4ab3-a0e5-79c100ea7cca"));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err,
        QStringLiteral("error: Could not delete component '81d07cd3-85c2-4ab3-a0e5-79c100ea7cca': "
                       "Operation not permitted; "
                       "check if application development capability is enabled")
            + Dev + QLatin1Char('\n'));
    r = bench.az(words("device image list-installed --full -o json"));
    QCOMPARE(componentIds(r).size(), 16); // the OS components alone
}

void tst_AzsphereDevice::manufacturingStates()
{
    Bench bench;
    QVERIFY(bench.create(1));
    const QStringList show = words("device manufacturing-state show -o json");
    RunResult r = bench.az(words("device manufacturing-state update -s Module1Complete"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, QString());
    QCOMPARE(bench.az(show).out,
        QStringLiteral("{\n  \"manufacturingState\": \"Module1Complete\"\n}\n"));
    QCOMPARE(bench.az(words("device capability show-attached -o json")).out,
        QStringLiteral("[]\n")); // RF test mode gone
    r = bench.az(words("device manufacturing-state update --state Module1Complete"));
    QCOMPARE(r.exitCode, 0); // the same state again: a no-op
    QCOMPARE(r.out, QString());
    r = bench.az(words("device manufacturing-state update --state=DeviceComplete"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(
        bench.az(show).out, QStringLiteral("{\n  \"manufacturingState\": \"DeviceComplete\"\n}\n"));

    // Permanent: no update, not even to the same state, and recovery keeps it.
    for (const char *state : {"Module1Complete", "DeviceComplete"}) {
        r = bench.az(QStringList {QStringLiteral("device"),
                         QStringLiteral("manufacturing-state"),
                         QStringLiteral("update"),
                         QStringLiteral("-s")}
            << QString::fromUtf8(state));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, Generic403);
    }
    r = bench.az({QStringLiteral("device"),
        QStringLiteral("recover"),
        QStringLiteral("--images"),
        m_assets.path(QStringLiteral("recovery/25.10"))});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(
        bench.az(show).out, QStringLiteral("{\n  \"manufacturingState\": \"DeviceComplete\"\n}\n"));
    QCOMPARE(bench.az(words("device show-os-version -o json")).out,
        QStringLiteral("{\n  \"osversion\": \"25.10\"\n}\n"));
    QCOMPARE(
        bench.az(words("device capability show-attached -o json")).out, QStringLiteral("[]\n"));
    QCOMPARE(bench.az(words("device manufacturing-state update -s Module1Complete")).exitCode, 1);
}

void tst_AzsphereDevice::deviceCompleteRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("err");

    QTest::newRow("sideload deploy")
        << QStringList {QStringLiteral("{PRODUCT}")} << 1 << DeployDenied;
    QTest::newRow("sideload delete") << words("device sideload delete") << 1 << Generic403;
    QTest::newRow("sideload delete -i")
        << words("device sideload delete -i 508eddf2-b8c3-4a99-93d9-a045d9a060eb") << 1
        << QStringLiteral("error: Could not delete component "
                          "'508eddf2-b8c3-4a99-93d9-a045d9a060eb': Permission denied; check if "
                          "application development capability is enabled")
            + Dev + QLatin1Char('\n');
    QTest::newRow("image list-installed")
        << words("device image list-installed") << 1 << Generic403;
    QTest::newRow("image list-installed --full")
        << words("device image list-installed --full -o json") << 1 << Generic403;
    QTest::newRow("wifi add") << words("device wifi add -s SIM-OPEN-AP") << 1 << Generic403;
    QTest::newRow("wifi list") << words("device wifi list -o json") << 1 << Generic403;
    QTest::newRow("wifi show-status")
        << words("device wifi show-status -o json") << 1 << Generic403;
    QTest::newRow("wifi forget") << words("device wifi forget -i 0") << 1 << Generic403;
    QTest::newRow("restart") << words("device restart") << 1 << Generic403;
    QTest::newRow("manufacturing-state update")
        << words("device manufacturing-state update -s DeviceComplete") << 1 << Generic403;
    QTest::newRow("app start") << words("device app start") << 1 << Generic403;
    QTest::newRow("app stop") << words("device app stop") << 1 << Generic403;
    QTest::newRow("app show-status") << words("device app show-status -o json") << 1 << Generic403;
    QTest::newRow("wifi show") << words("device wifi show -i 0") << 1 << Generic403;
    QTest::newRow("wifi enable") << words("device wifi enable -i 0") << 1 << Generic403;
    QTest::newRow("wifi disable") << words("device wifi disable -i 0") << 1 << Generic403;
    QTest::newRow("wifi scan") << words("device wifi scan -o json") << 1 << Generic403;
    QTest::newRow("wifi reload-config") << words("device wifi reload-config") << 1 << Generic403;
    QTest::newRow("sideload show-deployment-timeout")
        << words("device sideload show-deployment-timeout -o json") << 0 << QString();
    QTest::newRow("list-attached") << words("device list-attached -o json") << 0 << QString();
    QTest::newRow("show-attached") << words("device show-attached -o json") << 0 << QString();
    QTest::newRow("rescan-attached") << words("device rescan-attached -o json") << 0 << QString();
    QTest::newRow("manufacturing-state show")
        << words("device manufacturing-state show -o json") << 0 << QString();
    QTest::newRow("capability show-attached")
        << words("device capability show-attached -o json") << 0 << QString();
    QTest::newRow("show-os-version") << words("device show-os-version -o json") << 0 << QString();
    QTest::newRow("show-version") << words("show-version -o json") << 0 << QString();
    QTest::newRow("image-package show") << QStringList {QStringLiteral("{SHOW}")} << 0 << QString();
    QTest::newRow("recover") << QStringList {QStringLiteral("{RECOVER}")} << 0 << QString();
}

void tst_AzsphereDevice::deviceCompleteRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, err);
    Bench bench;
    QVERIFY(bench.create(1, {QStringLiteral("--state"), QStringLiteral("DeviceComplete")}));
    const QString product = m_assets.path(QStringLiteral("apps/ProductApp.imagepackage"));
    if (args == QStringList {QStringLiteral("{PRODUCT}")})
        args = deploy(QStringLiteral("apps/ProductApp.imagepackage"));
    else if (args == QStringList {QStringLiteral("{SHOW}")})
        args = {QStringLiteral("image-package"),
            QStringLiteral("show"),
            QStringLiteral("--image-package"),
            product};
    else if (args == QStringList {QStringLiteral("{RECOVER}")})
        args = {QStringLiteral("device"),
            QStringLiteral("recover"),
            QStringLiteral("--images"),
            m_assets.path(QStringLiteral("recovery/26.09"))};
    const RunResult r = bench.az(args);
    QCOMPARE(r.err, err);
    QCOMPARE(r.exitCode, exitCode);
}

void tst_AzsphereDevice::recoverOutputAndEffects()
{
    Bench bench;
    QVERIFY(bench.create(1));
    QCOMPARE(bench.az(words("device wifi add -s SIM-OPEN-AP")).exitCode, 0);
    QCOMPARE(
        bench.az(deploy(QStringLiteral("keystore/TrustedKeystore-v2.imagepackage"))).exitCode, 0);
    QCOMPARE(bench.az(deploy(QStringLiteral("apps/ProductApp.imagepackage"))).exitCode, 0);
    QCOMPARE(
        bench.az(deploy(QStringLiteral("boardconfig/lan-w5500-isu0-int5.imagepackage"))).exitCode,
        0);

    const RunResult r = bench.az({QStringLiteral("device"),
        QStringLiteral("recover"),
        QStringLiteral("--images"),
        m_assets.path(QStringLiteral("recovery/25.10"))});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    // The verified lines; the catalog sizes reproduce the verified "Sent 1" and "Sent 2" numbers.
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4 + 16 + 3 + 1);
    QCOMPARE(lines.at(0),
        QStringLiteral(
            "Starting device recovery. Please note that this may take up to 10 minutes."));
    QCOMPARE(lines.at(1), QStringLiteral("Board found. Sending recovery bootloader."));
    QCOMPARE(lines.at(2), QStringLiteral("Erasing flash."));
    QCOMPARE(lines.at(3), QStringLiteral("Sending 16 images. (5558148 bytes to send)"));
    QCOMPARE(
        lines.at(4), QStringLiteral("Sent 1 of 16 images. (5527016 of 5558148 bytes remaining)"));
    QCOMPARE(
        lines.at(5), QStringLiteral("Sent 2 of 16 images. (5411124 of 5558148 bytes remaining)"));
    QCOMPARE(lines.at(19), QStringLiteral("Sent 16 of 16 images. (0 of 5558148 bytes remaining)"));
    QCOMPARE(lines.at(20), QStringLiteral("Finished writing images; rebooting board."));
    QCOMPARE(lines.at(21), QStringLiteral("Device ID: ") + bench.deviceId(1));
    QCOMPARE(lines.at(22), QStringLiteral("Device recovered successfully."));

    // §4.5: the new OS only; applications, keystore update, board config, rftest_server and
    // Wi-Fi are gone; the keystore comes from 25.10; the state and capability 12 stay.
    QCOMPARE(bench.az(words("device show-os-version -o json")).out,
        QStringLiteral("{\n  \"osversion\": \"25.10\"\n}\n"));
    const QStringList installed
        = componentIds(bench.az(words("device image list-installed --full -o json")));
    QCOMPARE(installed.size(), 16);
    QVERIFY(!installed.contains(QStringLiteral("508eddf2-b8c3-4a99-93d9-a045d9a060eb")));
    QCOMPARE(bench.az(words("device wifi list -o json")).out, QStringLiteral("[]\n"));
    QCOMPARE(bench.az(words("device capability show-attached -o json")).out,
        QStringLiteral("[\n  \"EnableRfTestMode\"\n]\n"));
    QCOMPARE(bench.az(deploy(QStringLiteral("apps/ProductApp.imagepackage"))).exitCode, 0);
    QCOMPARE(bench.deviceState(1).value(QStringLiteral("boardConfig")).toString(), QString());
    QCOMPARE(bench.az(words("device show-attached -o json")).exitCode, 0); // same ID and IP
}

// az: the same recovery and deployment, its status lines on stderr as WARNING lines, stdout
// empty; the device ends as after azsphere's.
void tst_AzsphereDevice::azRecoverAndDeploy()
{
    Bench bench;
    QVERIFY(bench.create(1, {QStringLiteral("--os"), QStringLiteral("25.10")}));
    const QString package = m_assets.path(QStringLiteral("apps/ProductApp.imagepackage"));
    RunResult r = bench.azCli({QStringLiteral("sphere"),
        QStringLiteral("device"),
        QStringLiteral("sideload"),
        QStringLiteral("deploy"),
        QStringLiteral("--image-package"),
        package,
        QStringLiteral("--manual-start"),
        QStringLiteral("false")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err,
        QStringLiteral("WARNING: Deploying '%1' to the attached device.\nWARNING: Image package "
                       "'%1' has been deployed to the attached device.\n")
            .arg(package));
    QCOMPARE(bench.azCli(words("sphere device image list-installed --query [].name -o tsv")).out,
        QStringLiteral("ProductApp\n"));

    r = bench.azCli({QStringLiteral("sphere"),
        QStringLiteral("device"),
        QStringLiteral("recover"),
        QStringLiteral("--images"),
        m_assets.path(QStringLiteral("recovery/25.10"))});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
    const QStringList lines = r.err.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4 + 16 + 3 + 1);
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        QVERIFY2(lines.at(i).startsWith(QLatin1String("WARNING: ")), qPrintable(lines.at(i)));
    QCOMPARE(lines.at(3), QStringLiteral("WARNING: Sending 16 images. (5558148 bytes to send)"));
    QCOMPARE(lines.at(21), QStringLiteral("WARNING: Device ID: ") + bench.deviceId(1));
    QCOMPARE(lines.at(22), QStringLiteral("WARNING: Device recovered successfully."));
    QCOMPARE(bench.azCli(words("sphere device show-os-version")).out,
        QStringLiteral("{\n  \"osVersion\": \"25.10\"\n}\n"));
    QCOMPARE(bench.azCli(words("sphere device image list-installed")).out, QStringLiteral("[]\n"));
    QCOMPARE(bench.azCli(words("sphere device image list-installed --all --query length(@)")).out,
        QStringLiteral("16\n"));
}

void tst_AzsphereDevice::recoverDownload()
{
    Bench bench;
    QVERIFY(bench.create(1));
    const RunResult r = bench.az(words("device recover"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QStringLiteral(
        "Downloading recovery images...\nDownload complete.\nStarting device recovery.")));
    QCOMPARE(bench.az(words("device show-os-version -o json")).out,
        QStringLiteral("{\n  \"osversion\": \"26.09\"\n}\n"));
}

void tst_AzsphereDevice::recoverBadFolder_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("missing folder") << QStringLiteral("missing");
    QTest::newRow("empty folder") << QStringLiteral("empty");
    QTest::newRow("one file short") << QStringLiteral("short");
    QTest::newRow("two versions mixed") << QStringLiteral("mixed");
    QTest::newRow("damaged package") << QStringLiteral("damaged");
    QTest::newRow("fault variant images") << QStringLiteral("fault");
}

void tst_AzsphereDevice::recoverBadFolder()
{
    QFETCH(QString, kind);
    Bench bench;
    QVERIFY(bench.create(1));
    QTemporaryDir folder;
    const QDir source(m_assets.path(QStringLiteral("recovery/25.10")));
    const QStringList files
        = source.entryList({QStringLiteral("*.imagepackage")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 16);
    QString images = folder.path();
    if (kind == QLatin1String("missing"))
        images = folder.path() + QStringLiteral("/nope");
    if (kind != QLatin1String("missing") && kind != QLatin1String("empty")) {
        for (const QString &f : files)
            QVERIFY(QFile::copy(source.filePath(f), folder.filePath(f)));
    }
    if (kind == QLatin1String("short"))
        QVERIFY(QFile::remove(folder.filePath(files.first())));
    if (kind == QLatin1String("mixed")) {
        const QDir other(m_assets.path(QStringLiteral("recovery/26.09")));
        QVERIFY(QFile::remove(folder.filePath(files.first())));
        QVERIFY(QFile::copy(
            other.filePath(
                other.entryList({QStringLiteral("*.imagepackage")}, QDir::Files, QDir::Name)
                    .first()),
            folder.filePath(QStringLiteral("zz.imagepackage"))));
    }
    if (kind == QLatin1String("damaged")) {
        QByteArray bytes = readFile(folder.filePath(files.first()));
        bytes[10] = char(bytes.at(10) ^ 1);
        QVERIFY(writeFile(folder.filePath(files.first()), bytes));
    }
    if (kind == QLatin1String("fault"))
        QCOMPARE(bench.sim(words("fault set --all recover-fails --variant images")).exitCode, 0);
    const QJsonObject before = bench.deviceState(1);
    const RunResult r = bench.az(
        {QStringLiteral("device"), QStringLiteral("recover"), QStringLiteral("--images"), images});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QString()); // before any stdout
    QCOMPARE(r.err,
        QStringLiteral("error: Device recovery failed. Please ensure you are using the correct "
                       "recovery images, and that the "
                       "SDK is up to date.\n"));
    QJsonObject after = bench.deviceState(1);
    after.remove(QStringLiteral("faults"));
    after.remove(QStringLiteral("faultRolls"));
    QJsonObject expected = before;
    expected.remove(QStringLiteral("faults"));
    expected.remove(QStringLiteral("faultRolls"));
    QCOMPARE(after, expected);
}

void tst_AzsphereDevice::recoverCapability()
{
    Bench bench;
    QVERIFY(bench.create(2, {QStringLiteral("--state"), QStringLiteral("DeviceComplete")}));
    QTemporaryDir dir;
    // Binary capability files (the contract's §11), made by sphere-sim for the bench's devices.
    const auto makeCap = [&](const QString &name, const QString &device, const QString &caps) {
        const QString path = dir.filePath(name);
        const RunResult made = bench.sim({QStringLiteral("capability"),
            QStringLiteral("create"),
            QStringLiteral("--device"),
            device,
            QStringLiteral("--capabilities"),
            caps,
            QStringLiteral("--out"),
            path});
        return made.exitCode == 0 ? path : QString();
    };
    const QString good = makeCap(QStringLiteral("good.cap"),
        bench.deviceId(1).toUpper(),
        QStringLiteral("13,EnableAppDevelopment"));
    QVERIFY(!good.isEmpty());
    const QString other
        = makeCap(QStringLiteral("other.cap"), bench.deviceId(2), QStringLiteral("11"));
    QVERIFY(!other.isEmpty());
    // The old JSON form is no longer a capability file.
    const QString json = dir.filePath(QStringLiteral("cap.json"));
    QVERIFY(writeFile(json,
        QStringLiteral("{\"deviceId\": \"%1\", \"capabilities\": [11]}")
            .arg(bench.deviceId(1))
            .toUtf8()));
    QByteArray tamperedBytes = readFile(good);
    tamperedBytes[76] = 12; // a capability byte changed after signing
    const QString tampered = dir.filePath(QStringLiteral("tampered.cap"));
    QVERIFY(writeFile(tampered, tamperedBytes));
    const QString images = m_assets.path(QStringLiteral("recovery/25.10"));
    const QString invalid
        = QStringLiteral("error: The capability file is not valid for this device: %1.\n");
    const QList<QPair<QString, QString>> bad = {
        {other, QStringLiteral("it is for another device (%1...)").arg(bench.deviceId(2).left(16))},
        {json, QStringLiteral("it is not a capability file (no capability magic 0x5CFD5CFD)")},
        {tampered, QStringLiteral("its signature does not match its contents")},
        {dir.filePath(QStringLiteral("absent.cap")),
            QStringLiteral("'%1' cannot be read").arg(dir.filePath(QStringLiteral("absent.cap")))}};
    for (const auto &[file, reason] : bad) {
        const RunResult r = bench.az({QStringLiteral("device"),
            QStringLiteral("recover"),
            QStringLiteral("-d"),
            QStringLiteral("192.168.35.2"),
            QStringLiteral("--images"),
            images,
            QStringLiteral("--capability"),
            file});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, invalid.arg(reason));
    }
    RunResult r = bench.az({QStringLiteral("device"),
        QStringLiteral("recover"),
        QStringLiteral("-d"),
        QStringLiteral("192.168.35.2"),
        QStringLiteral("--images"),
        images,
        QStringLiteral("--capability"),
        good});
    QCOMPARE(r.exitCode, 0);
    const QStringList capsArgs {QStringLiteral("device"),
        QStringLiteral("capability"),
        QStringLiteral("show-attached"),
        QStringLiteral("-d"),
        QStringLiteral("192.168.35.2"),
        QStringLiteral("-o"),
        QStringLiteral("json")};
    QCOMPARE(bench.az(capsArgs).out,
        QStringLiteral("[\n  \"EnableAppDevelopment\",\n  \"EnableFieldServicing\"\n]\n"));
    // Capability 11 opens a DeviceComplete device and accepts development-signed images.
    QStringList dev = deploy(QStringLiteral("apps/ProductApp-dev.imagepackage"));
    dev << QStringLiteral("-d") << QStringLiteral("192.168.35.2");
    r = bench.az(dev);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(bench
                 .az({QStringLiteral("device"),
                     QStringLiteral("wifi"),
                     QStringLiteral("list"),
                     QStringLiteral("-d"),
                     QStringLiteral("192.168.35.2")})
                 .exitCode,
        0);
    // The state still never goes down.
    QCOMPARE(bench
                 .az({QStringLiteral("device"),
                     QStringLiteral("manufacturing-state"),
                     QStringLiteral("update"),
                     QStringLiteral("-s"),
                     QStringLiteral("Module1Complete"),
                     QStringLiteral("-d"),
                     QStringLiteral("192.168.35.2")})
                 .exitCode,
        1);
    // Recovery without --capability drops 11 and 13.
    r = bench.az({QStringLiteral("device"),
        QStringLiteral("recover"),
        QStringLiteral("-d"),
        QStringLiteral("192.168.35.2"),
        QStringLiteral("--images"),
        images});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(bench.az(capsArgs).out, QStringLiteral("[]\n"));
}

void tst_AzsphereDevice::restartRemovesTemporaryImages()
{
    Bench bench(QStringLiteral("0.01"));
    QVERIFY(bench.create(1, {QStringLiteral("--os"), QStringLiteral("26.09")}));
    QCOMPARE(bench.az(deploy(QStringLiteral("apps/ProductApp.imagepackage"))).exitCode, 0);
    QCOMPARE(bench.az(deploy(QStringLiteral("apps/FunctionalTestApp.imagepackage"))).exitCode, 0);
    QCOMPARE(componentIds(bench.az(words("device image list-installed -o json"))).size(), 2);
    const qint64 boots = bench.deviceState(1).value(QStringLiteral("bootCount")).toInteger();
    const RunResult r = bench.az(words("device restart"));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, QStringLiteral("Restarting device.\nDevice restarted successfully.\n"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(bench.deviceState(1).value(QStringLiteral("bootCount")).toInteger(), boots + 1);
    // FunctionalTestApp is a temporary image (remove at boot).
    QCOMPARE(componentIds(bench.az(words("device image list-installed -o json"))),
        QStringList {cid(QStringLiteral("apps/ProductApp.imagepackage"))});
}

void tst_AzsphereDevice::wifiRadio()
{
    Bench bench(QStringLiteral("0.01"));
    QVERIFY(bench.create(1));
    QCOMPARE(bench.az(words("device wifi add -s SIM-FACTORY-AP -p wrong-psk-000")).exitCode,
        0);                                                                  // id 0: wrong key
    QCOMPARE(bench.az(words("device wifi add -s SIM-OPEN-AP")).exitCode, 0); // id 1
    QCOMPARE(bench.az(words("device wifi add -s OTHER-AP -p simulated-psk-1234")).exitCode,
        0); // id 2: no such AP
    const QStringList status = words("device wifi show-status -o json");
    QTRY_COMPARE_WITH_TIMEOUT(parseJson(bench.az(status).out)
                                  .object()
                                  .value(QStringLiteral("connectionState"))
                                  .toString(),
        QStringLiteral("connected"),
        10000);
    const QJsonObject s = parseJson(bench.az(status).out).object();
    QCOMPARE(s.value(QStringLiteral("ssid")).toString(), QStringLiteral("SIM-OPEN-AP"));
    QCOMPARE(s.value(QStringLiteral("id")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("securityState")).toString(), QStringLiteral("open"));
    QCOMPARE(s.value(QStringLiteral("freq")).toInt(), 5180);
    QCOMPARE(s.value(QStringLiteral("wpa_state")).toString(), QStringLiteral("COMPLETED"));
    QCOMPARE(s.keys().size(), 11);
    const QJsonArray list = parseJson(bench.az(words("device wifi list -o json")).out).array();
    QCOMPARE(list.size(), 3);
    QCOMPARE(
        list.at(0)[QStringLiteral("connectionState")].toString(), QStringLiteral("disconnected"));
    QCOMPARE(list.at(1)[QStringLiteral("connectionState")].toString(), QStringLiteral("connected"));
    QCOMPARE(
        list.at(2)[QStringLiteral("connectionState")].toString(), QStringLiteral("disconnected"));
    // Forget 1: nothing else can connect; the lowest free ID is reused.
    QCOMPARE(bench.az(words("device wifi forget --id 1")).out,
        QStringLiteral("Successfully removed network\n"));
    QCOMPARE(parseJson(bench.az(status).out).object().value(QStringLiteral("wpa_state")).toString(),
        QStringLiteral("SCANNING"));
    const RunResult again
        = bench.az(words("device wifi add -s SIM-FACTORY-AP2 -p simulated-psk-1234 -o json"));
    QCOMPARE(parseJson(again.out).object().value(QStringLiteral("id")).toInt(), 1);
    const RunResult alias = bench.az(words("device wifi delete -i 0"));
    QCOMPARE(alias.out, QStringLiteral("Successfully removed network\n"));
    QCOMPARE(alias.err,
        QStringLiteral("WARNING: This command has been deprecated and will be removed in a future "
                       "release. Use 'azsphere "
                       "device wifi forget' instead.\n"));
    const RunResult missing = bench.az(words("device wifi forget -i 0"));
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.err, QStringLiteral("error: Network not found.\n"));
}

void tst_AzsphereDevice::wifiLimit()
{
    Bench bench;
    QVERIFY(bench.create(1));
    RunResult r = bench.az(words("device wifi add -s 012345678901234567890123456789012"));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("error: SSID is too long.\n"));
    r = bench.az(words("device wifi add -s NET -p 1234567"));
    QCOMPARE(r.err, QStringLiteral("error: PSK is too short.\n"));
    for (int i = 0; i < 37; ++i)
        QCOMPARE(bench
                     .az({QStringLiteral("device"),
                         QStringLiteral("wifi"),
                         QStringLiteral("add"),
                         QStringLiteral("-s"),
                         QStringLiteral("NET-%1").arg(i)})
                     .exitCode,
            0);
    r = bench.az(words("device wifi add -s NET-5"));
    QCOMPARE(r.err, QStringLiteral("error: Network already exists.\n"));
    r = bench.az(words("device wifi add -s NET-37"));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err,
        QStringLiteral(
            "error: There are not enough resources to add additional Wi-Fi networks.\n"));
    QCOMPARE(parseJson(bench.az(words("device wifi list -o json")).out).array().size(), 37);
}

void tst_AzsphereDevice::boardConfiguration()
{
    Bench bench;
    QVERIFY(bench.create(1));
    const QString board = cid(QStringLiteral("boardconfig/lan-enc28j60-isu0-int5.imagepackage"));
    RunResult r
        = bench.az(deploy(QStringLiteral("boardconfig/lan-enc28j60-isu0-int5.imagepackage")));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count(QLatin1Char('\n')), 2);
    QCOMPARE(bench.deviceState(1).value(QStringLiteral("boardConfig")).toString(),
        QStringLiteral("ENC28J60"));
    const QJsonArray full
        = parseJson(bench.az(words("device image list-installed --full -o json")).out).array();
    const QJsonObject entry = full.last().toObject();
    QCOMPARE(entry.value(QStringLiteral("uid")).toString(), board);
    QCOMPARE(entry.value(QStringLiteral("image_type")).toInt(), 21);
    QCOMPARE(
        entry.value(QStringLiteral("name")).toString(), QStringLiteral("lan-enc28j60-isu0-int5"));
    QCOMPARE(bench.az(words("device image list-installed -o json")).out, QStringLiteral("[]\n"));
    QCOMPARE(bench.az(words("device recover")).exitCode, 0);
    QVERIFY(!componentIds(bench.az(words("device image list-installed --full -o json")))
                 .contains(board));
}

QTEST_GUILESS_MAIN(tst_AzsphereDevice)
#include "tst_azspheredevice.moc"
