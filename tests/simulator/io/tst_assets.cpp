#include "simulator/package/assetscommand.h"
#include "simulator/package/imagepackage.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

QJsonObject catalog()
{
    return readJson(QStringLiteral(STATION_SOURCE_DIR "/simulator/data/sim-catalog.json"));
}

// Every file under dir, relative path -> bytes.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(dir).relativeFilePath(path), readAll(path));
    }
    return files;
}

} // namespace

class tst_Assets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyFileExists_data();
    void everyFileExists();
    void applications();
    void extraPackagesUseCatalogIds();
    void recoveryFoldersMatchCatalog();
    void rfProductFiles();
    void wifiJson();
    void manifest();
    void deterministic();
    void staleRecoveryFilesRemoved();
    void usageErrors_data();
    void usageErrors();
    void throughSphereSim();

private:
    QTemporaryDir m_dir;
    QString m_out;
};

void tst_Assets::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_out = m_dir.filePath(u"assets"_s);
    QCOMPARE(Sim::runAssetsCommand({u"--out"_s, m_out}), 0);
}

void tst_Assets::everyFileExists_data()
{
    QTest::addColumn<QString>("path");
    for (const char *path : {"apps/ProductApp.imagepackage",
             "apps/ProductApp-dev.imagepackage",
             "apps/FunctionalTestApp.imagepackage",
             "keystore/TrustedKeystore-v2.imagepackage",
             "boardconfig/lan-enc28j60-isu0-int5.imagepackage",
             "boardconfig/lan-w5500-isu0-int5.imagepackage",
             "mt3620an.json",
             "rf/product-US.bin",
             "rf/product-JP.bin",
             "wifi.json",
             "manifest.json"})
        QTest::newRow(path) << QString::fromLatin1(path);
}

void tst_Assets::everyFileExists()
{
    QFETCH(QString, path);
    QVERIFY2(QFileInfo(QDir(m_out).filePath(path)).size() > 0, qPrintable(path));
}

void tst_Assets::applications()
{
    const QDir dir(m_out);
    const auto product = Sim::readImagePackageFile(dir.filePath(u"apps/ProductApp.imagepackage"_s));
    const auto dev = Sim::readImagePackageFile(dir.filePath(u"apps/ProductApp-dev.imagepackage"_s));
    const auto ft
        = Sim::readImagePackageFile(dir.filePath(u"apps/FunctionalTestApp.imagepackage"_s));
    QVERIFY(product && dev && ft);

    QCOMPARE(product->imageType, 10);
    QCOMPARE(product->name, u"ProductApp"_s);
    QCOMPARE(product->thumbprint, u"e7da166741ccfabee1623ca315d0b208df11e1f8"_s); // prod-g2
    QVERIFY(!product->hasTemporaryImage);
    QCOMPARE(product->abiDepends, (QList<Sim::AbiDepend> {{5, 3}}));
    QVERIFY(product->hasSimulatedSignature && product->hashMatches);

    QCOMPARE(dev->componentId, product->componentId);
    QVERIFY(dev->imageId != product->imageId);
    QCOMPARE(dev->thumbprint, u"a8d5cc6958f48710140d7a26160fc1cfc31f5df0"_s); // sdk-dev

    QCOMPARE(ft->name, u"FunctionalTestApp"_s);
    QVERIFY(ft->componentId != product->componentId);
    QVERIFY(ft->hasTemporaryImage);
    QCOMPARE(ft->temporaryFlags, 1u);
    QCOMPARE(ft->thumbprint, product->thumbprint);

    // Both fit the 1 MiB application limit together, and sizes are about 192 / 64 KiB.
    QVERIFY(product->size + ft->size <= 1048576);
    QCOMPARE(product->size, 192 * 1024);
    QCOMPARE(ft->size, 64 * 1024);
}

void tst_Assets::extraPackagesUseCatalogIds()
{
    const QMap<QString, QString> files = {
        {u"keystore/TrustedKeystore-v2.imagepackage"_s, u"TrustedKeystore-v2"_s},
        {u"boardconfig/lan-enc28j60-isu0-int5.imagepackage"_s, u"lan-enc28j60-isu0-int5"_s},
        {u"boardconfig/lan-w5500-isu0-int5.imagepackage"_s, u"lan-w5500-isu0-int5"_s},
    };
    const QJsonArray extras = catalog()[u"extraComponents"_s].toArray();
    for (auto it = files.begin(); it != files.end(); ++it) {
        const auto pkg = Sim::readImagePackageFile(QDir(m_out).filePath(it.key()));
        QVERIFY2(pkg, qPrintable(it.key()));
        QJsonObject entry;
        for (const QJsonValue &e : extras) {
            if (e[u"name"_s].toString() == it.value())
                entry = e.toObject();
        }
        QVERIFY(!entry.isEmpty());
        QCOMPARE(pkg->name, it.value());
        QCOMPARE(pkg->imageType, entry[u"imageType"_s].toInt());
        QCOMPARE(Sim::formatGuid(pkg->componentId), entry[u"cid"_s].toString());
        QCOMPARE(Sim::formatGuid(pkg->imageId), entry[u"iid"_s].toString());
        QCOMPARE(pkg->size, entry[u"bytes"_s].toInteger());
        QCOMPARE(pkg->thumbprint, u"c47de4f25b43e9719e1876a81e706f83d19e639b"_s); // prod-g1
    }
}

void tst_Assets::recoveryFoldersMatchCatalog()
{
    const QJsonObject mt = readJson(QDir(m_out).filePath(u"mt3620an.json"_s));
    const QJsonObject sample
        = readJson(QStringLiteral(STATION_SOURCE_DIR "/simulator/data/mt3620an.sample.json"));
    QCOMPARE(mt[u"versions"_s], sample[u"versions"_s]);
    QVERIFY(!mt.contains(u"_comment"_s));

    const QJsonArray components = catalog()[u"osComponents"_s].toArray();
    QCOMPARE(components.size(), 16);
    const QJsonArray versions = mt[u"versions"_s].toArray();
    QCOMPARE(versions.size(), 3);
    for (const QJsonValue &version : versions) {
        const QString name = version[u"name"_s].toString();
        const QDir dir(QDir(m_out).filePath(u"recovery/"_s + name));
        const QStringList files = dir.entryList({u"*.imagepackage"_s}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 16);
        qint64 total = 0;
        QSet<QString> pairs;
        for (const QString &file : files) {
            const auto pkg = Sim::readImagePackageFile(dir.filePath(file));
            QVERIFY2(pkg, qPrintable(file));
            QVERIFY(pkg->passesHashCheck());
            total += pkg->size;
            pairs.insert(Sim::formatGuid(pkg->componentId) + u'/' + Sim::formatGuid(pkg->imageId));
            // Type, name and size from the catalog entry with this component ID.
            bool found = false;
            for (const QJsonValue &c : components) {
                if (c[u"cid"_s].toString() == Sim::formatGuid(pkg->componentId)) {
                    QCOMPARE(pkg->imageType, c[u"imageType"_s].toInt());
                    QCOMPARE(pkg->name, c[u"name"_s].toString());
                    QCOMPARE(pkg->size, c[u"bytes"_s].toInteger());
                    found = true;
                }
            }
            QVERIFY2(found, qPrintable(file));
        }
        // REFERENCE §2.2: "Sending 16 images. (5558148 bytes to send)"
        QCOMPARE(total, qint64(5558148));
        QSet<QString> expected;
        for (const QJsonValue &image : version[u"images"_s].toArray())
            expected.insert(image[u"cid"_s].toString() + u'/' + image[u"iid"_s].toString());
        QCOMPARE(pairs, expected);
    }
}

void tst_Assets::rfProductFiles()
{
    const QByteArray us = readAll(QDir(m_out).filePath(u"rf/product-US.bin"_s));
    const QByteArray jp = readAll(QDir(m_out).filePath(u"rf/product-JP.bin"_s));
    QCOMPARE(us.size(), 1024);
    QCOMPARE(jp.size(), 1024);
    QByteArray expected(1024, '\0');
    expected[0] = '\x20';
    expected[1] = '\x36';
    expected[0x36] = 'U';
    expected[0x37] = 'S';
    expected[0x3D] = '\x29';
    expected[0x60] = '\x22';
    expected[0x61] = '\x1E';
    QCOMPARE(us, expected);
    expected[0x36] = 'J';
    expected[0x37] = 'P';
    QCOMPARE(jp, expected);
}

void tst_Assets::wifiJson()
{
    const QJsonObject wifi = readJson(QDir(m_out).filePath(u"wifi.json"_s));
    QCOMPARE(wifi,
        (QJsonObject {{u"ssid"_s, u"SIM-FACTORY-AP"_s}, {u"psk"_s, u"simulated-psk-1234"_s}}));
}

void tst_Assets::manifest()
{
    const QJsonObject manifest = readJson(QDir(m_out).filePath(u"manifest.json"_s));
    QCOMPARE(
        manifest[u"osVersions"_s].toArray(), (QJsonArray {u"24.03"_s, u"25.10"_s, u"26.09"_s}));
    const QJsonArray packages = manifest[u"packages"_s].toArray();
    QCOMPARE(packages.size(), 6 + 3 * 16);

    // Every .imagepackage on disk is listed once, and every entry matches its file.
    QSet<QString> onDisk;
    QDirIterator it(m_out, {u"*.imagepackage"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        onDisk.insert(QDir(m_out).relativeFilePath(it.next()));
    QSet<QString> listed;
    for (const QJsonValue &entry : packages) {
        const QString path = entry[u"path"_s].toString();
        listed.insert(path);
        const QByteArray bytes = readAll(QDir(m_out).filePath(path));
        QCOMPARE(entry[u"sha256"_s].toString(),
            QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        const auto pkg = Sim::readImagePackage(bytes);
        QVERIFY2(pkg, qPrintable(path));
        QCOMPARE(entry[u"componentId"_s].toString(), Sim::formatGuid(pkg->componentId));
        QCOMPARE(entry[u"imageId"_s].toString(), Sim::formatGuid(pkg->imageId));
        QCOMPARE(entry[u"imageType"_s].toInt(), pkg->imageType);
        QCOMPARE(entry[u"name"_s].toString(), pkg->name);
        const QString signedBy = entry[u"signedBy"_s].toString();
        QVERIFY(signedBy == u"prod-g1"_s || signedBy == u"prod-g2"_s || signedBy == u"sdk-dev"_s);
    }
    QCOMPARE(listed, onDisk);
    QCOMPARE(packages[0][u"path"_s].toString(), u"apps/ProductApp.imagepackage"_s);
    QCOMPARE(packages[0][u"signedBy"_s].toString(), u"prod-g2"_s);
    QCOMPARE(packages[1][u"signedBy"_s].toString(), u"sdk-dev"_s);
}

void tst_Assets::deterministic()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString again = dir.filePath(u"again"_s);
    const QString other = dir.filePath(u"other"_s);
    QCOMPARE(Sim::runAssetsCommand({u"--out"_s, again, u"--seed"_s, u"sphere-station"_s}), 0);
    QCOMPARE(Sim::runAssetsCommand({u"--out="_s + other, u"--seed=line-7"_s}), 0);

    const auto first = snapshot(m_out);
    QCOMPARE(first.size(), 6 + 48 + 5);
    QCOMPARE(snapshot(again), first);

    // Another seed changes the applications' IDs and nothing that comes from the catalog.
    const auto second = snapshot(other);
    QCOMPARE(second.keys(), first.keys());
    const auto a = Sim::readImagePackage(first[u"apps/ProductApp.imagepackage"_s]);
    const auto b = Sim::readImagePackage(second[u"apps/ProductApp.imagepackage"_s]);
    QVERIFY(a && b);
    QVERIFY(a->componentId != b->componentId);
    QVERIFY(a->imageId != b->imageId);
    QCOMPARE(second[u"recovery/26.09/07-nw-kernel.imagepackage"_s],
        first[u"recovery/26.09/07-nw-kernel.imagepackage"_s]);
    QCOMPARE(second[u"keystore/TrustedKeystore-v2.imagepackage"_s],
        first[u"keystore/TrustedKeystore-v2.imagepackage"_s]);
}

void tst_Assets::staleRecoveryFilesRemoved()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir().mkpath(dir.filePath(u"recovery/25.10"_s)));
    QFile stale(dir.filePath(u"recovery/25.10/old.imagepackage"_s));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("x");
    stale.close();
    QCOMPARE(Sim::runAssetsCommand({u"--out"_s, dir.path()}), 0);
    QVERIFY(!QFile::exists(stale.fileName()));
    QCOMPARE(QDir(dir.filePath(u"recovery/25.10"_s)).entryList(QDir::Files).size(), 16);
}

void tst_Assets::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no --out") << QStringList {};
    QTest::newRow("--out without value") << QStringList {u"--out"_s};
    QTest::newRow("unknown argument") << QStringList {u"--out"_s, u"x"_s, u"--bogus"_s};
}

void tst_Assets::usageErrors()
{
    QFETCH(QStringList, args);
    QCOMPARE(Sim::runAssetsCommand(args), 2);
}

void tst_Assets::throughSphereSim()
{
    const QString sphereSim = QStringLiteral(STATION_BIN_DIR "/sphere-sim");
    const QString azsphere = QStringLiteral(STATION_SIM_BIN_DIR "/azsphere");
    if (!QFileInfo(sphereSim).isExecutable() || !QFileInfo(azsphere).isExecutable())
        QSKIP("sphere-sim / azsphere not built");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess proc;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AZSPHERE_SIM_TIME_SCALE"_s, u"0"_s);
    env.insert(u"AZSPHERE_SIM_HOME"_s, dir.filePath(u"bench"_s));
    proc.setProcessEnvironment(env);
    proc.start(sphereSim, {u"assets"_s, u"--out"_s, dir.filePath(u"a"_s)});
    QVERIFY(proc.waitForFinished(60000));
    QCOMPARE(proc.exitCode(), 0);
    QCOMPARE(snapshot(dir.filePath(u"a"_s)), snapshot(m_out));

    const QJsonArray packages
        = readJson(dir.filePath(u"a/manifest.json"_s))[u"packages"_s].toArray();
    for (const QJsonValue &entry : packages) {
        const QString path = entry[u"path"_s].toString();
        if (!path.startsWith(u"apps/"_s) && !path.startsWith(u"keystore/"_s))
            continue;
        proc.start(azsphere,
            {u"image-package"_s,
                u"show"_s,
                u"--image-package"_s,
                dir.filePath(u"a/"_s + path),
                u"-o"_s,
                u"json"_s});
        QVERIFY(proc.waitForFinished(60000));
        QCOMPARE(proc.exitCode(), 0);
        const QJsonObject shown = QJsonDocument::fromJson(proc.readAllStandardOutput()).object();
        const QJsonObject identity = shown[u"Identity"_s].toObject();
        QCOMPARE(identity[u"ComponentId"_s].toString(), entry[u"componentId"_s].toString());
        QCOMPARE(identity[u"ImageId"_s].toString(), entry[u"imageId"_s].toString());
        QCOMPARE(
            identity[u"ImageType"_s].toString(), Sim::imageTypeName(entry[u"imageType"_s].toInt()));
        QCOMPARE(shown[u"Debug"_s][u"ImageName"_s].toString(), entry[u"name"_s].toString());
    }
}

QTEST_GUILESS_MAIN(tst_Assets)

#include "tst_assets.moc"
