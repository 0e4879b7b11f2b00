#include "simulator/package/imagepackage.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray u16(quint16 v)
{
    QByteArray b(2, '\0');
    qToLittleEndian(v, b.data());
    return b;
}

QByteArray u32(quint32 v)
{
    QByteArray b(4, '\0');
    qToLittleEndian(v, b.data());
    return b;
}

QByteArray section(quint16 id, const QByteArray &data)
{
    return u16(id) + u16(quint16(data.size())) + data;
}

// A package built by hand, independent of the writer: payload, an unknown section between
// Identity and Signature, the sample's bytes for Temporary image and ABI depends.
QByteArray handBuilt(bool simulatedSignature)
{
    const QByteArray cid = QByteArray::fromHex("575cae61cd980a4a8b609509505c7617");
    const QByteArray iid = QByteArray::fromHex("67d3f5ee2caeeb42861f8f2c453133df");
    QByteArray debug = u32(1600884894) + u32(0) + "AzureBusybox"_ba;
    debug.resize(40, '\0');
    const QList<QByteArray> sections = {
        section(0x4449, u16(10) + u16(0) + cid + iid),
        section(0x4D43, "\x01\x02\x03"_ba), // Compression: unknown to the reader, skipped
        section(0x4753, QByteArray::fromHex("a8d5cc6958f48710140d7a26160fc1cfc31f5df0") + u32(1)),
        section(0x4244, debug),
        section(0x5054, QByteArray::fromHex("02000000")),
        section(0x444E, QByteArray::fromHex("010000000500000003000000")),
    };
    QByteArray meta = u32(0x4D345834) + u32(quint32(sections.size()));
    for (const QByteArray &s : sections)
        meta += s;
    meta += u32(quint32(meta.size() + 4));
    QByteArray bytes = QByteArray(1000, 'P') + meta;
    if (simulatedSignature)
        bytes += QCryptographicHash::hash(bytes, QCryptographicHash::Sha256) + QByteArray(32, '\0');
    else
        bytes += QByteArray(64, '\x5A');
    return bytes;
}

Sim::ImagePackageSpec appSpec()
{
    Sim::ImagePackageSpec spec;
    spec.imageType = 10;
    spec.componentId = QUuid(u"2f074b0f-d99d-4692-82d9-ef93a7d6463c"_s);
    spec.imageId = QUuid(u"6415a939-c098-48cf-8e5c-02b52a9f0ffb"_s);
    spec.thumbprint = u"E7DA166741CCFABEE1623CA315D0B208DF11E1F8"_s;
    spec.buildTime = 1764000000;
    spec.name = u"ProductApp"_s;
    spec.temporaryFlags = 1;
    spec.abiDepends = {{5, Sim::ApplicationRuntimeAbiKind}};
    spec.payloadSize = 4096;
    return spec;
}

} // namespace

class tst_ImagePackage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guidByteOrder();
    void readsHandBuiltPackage();
    void roundTrip_data();
    void roundTrip();
    void totalSizeIsExact();
    void deterministicPayload();
    void hashCheck();
    void rejects_data();
    void rejects();
    void readsFile();
    void names();
};

void tst_ImagePackage::guidByteOrder()
{
    const QByteArray bytes = QByteArray::fromHex("575CAE61CD980A4A8B609509505C7617");
    const QUuid id = Sim::guidFromBytesLe(bytes);
    QCOMPARE(Sim::formatGuid(id), u"61ae5c57-98cd-4a0a-8b60-9509505c7617"_s);
    QCOMPARE(Sim::guidToBytesLe(id), bytes);
    QVERIFY(Sim::guidFromBytesLe(bytes.left(15)).isNull());
}

void tst_ImagePackage::readsHandBuiltPackage()
{
    QString why;
    const auto pkg = Sim::readImagePackage(handBuilt(false), &why);
    QVERIFY2(pkg, qPrintable(why));
    QCOMPARE(pkg->imageType, 10);
    QCOMPARE(Sim::formatGuid(pkg->componentId), u"61ae5c57-98cd-4a0a-8b60-9509505c7617"_s);
    QCOMPARE(Sim::formatGuid(pkg->imageId), u"eef5d367-ae2c-42eb-861f-8f2c453133df"_s);
    QVERIFY(pkg->hasSignature);
    QCOMPARE(pkg->thumbprint, u"a8d5cc6958f48710140d7a26160fc1cfc31f5df0"_s);
    QCOMPARE(pkg->signingType, 1u);
    QVERIFY(pkg->hasDebug);
    QCOMPARE(pkg->name, u"AzureBusybox"_s);
    QCOMPARE(pkg->buildTime, qint64(1600884894));
    QVERIFY(pkg->hasTemporaryImage);
    QCOMPARE(pkg->removeImageAtBoot(), false);
    QCOMPARE(pkg->underDevelopment(), true);
    QVERIFY(pkg->hasAbiDepends);
    QCOMPARE(pkg->abiDepends, (QList<Sim::AbiDepend> {{5, 3}}));
    QCOMPARE(pkg->payloadSize, qint64(1000));
    QVERIFY(!pkg->hasSimulatedSignature);
    QVERIFY(pkg->passesHashCheck());

    const auto simulated = Sim::readImagePackage(handBuilt(true));
    QVERIFY(simulated);
    QVERIFY(simulated->hasSimulatedSignature);
    QVERIFY(simulated->hashMatches);
}

void tst_ImagePackage::roundTrip_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("temporary");
    QTest::addColumn<bool>("abi");

    QTest::newRow("application, temporary") << 10 << true << true;
    QTest::newRow("application") << 10 << false << true;
    QTest::newRow("os component") << 7 << false << false;
    QTest::newRow("board config") << 21 << false << false;
}

void tst_ImagePackage::roundTrip()
{
    QFETCH(int, type);
    QFETCH(bool, temporary);
    QFETCH(bool, abi);

    Sim::ImagePackageSpec spec = appSpec();
    spec.imageType = type;
    if (!temporary)
        spec.temporaryFlags.reset();
    if (!abi)
        spec.abiDepends.clear();
    const QByteArray bytes = Sim::writeImagePackage(spec);
    QCOMPARE(bytes.size(), spec.payloadSize + Sim::imagePackageOverhead(spec));

    QString why;
    const auto pkg = Sim::readImagePackage(bytes, &why);
    QVERIFY2(pkg, qPrintable(why));
    QCOMPARE(pkg->imageType, type);
    QCOMPARE(pkg->componentId, spec.componentId);
    QCOMPARE(pkg->imageId, spec.imageId);
    QCOMPARE(pkg->thumbprint, spec.thumbprint.toLower());
    QCOMPARE(pkg->signingType, Sim::Ecdsa256SigningType);
    QCOMPARE(pkg->name, spec.name);
    QCOMPARE(pkg->buildTime, spec.buildTime);
    QCOMPARE(pkg->hasTemporaryImage, temporary);
    if (temporary) {
        QVERIFY(pkg->removeImageAtBoot());
        QVERIFY(!pkg->underDevelopment());
    }
    QCOMPARE(pkg->hasAbiDepends, abi);
    QCOMPARE(pkg->abiDepends, spec.abiDepends);
    QCOMPARE(pkg->payloadSize, spec.payloadSize);
    QVERIFY(pkg->hasSimulatedSignature);
    QVERIFY(pkg->hashMatches);

    // Section order of §6.3: Identity right after magic and count.
    const qsizetype metaStart = pkg->payloadSize;
    QCOMPARE(bytes.mid(metaStart, 4), QByteArray::fromHex("3458344D"));
    QCOMPARE(bytes.mid(metaStart + 8, 2), QByteArray("ID"));
    QCOMPARE(bytes.mid(metaStart + 8 + 40, 2), QByteArray("SG"));
    QCOMPARE(bytes.mid(metaStart + 8 + 40 + 28, 2), QByteArray("DB"));
}

void tst_ImagePackage::totalSizeIsExact()
{
    Sim::ImagePackageSpec spec = appSpec();
    spec.temporaryFlags.reset();
    spec.abiDepends.clear();
    for (qint64 total : {1248, 31132, 2544816}) {
        spec.totalSize = total;
        const QByteArray bytes = Sim::writeImagePackage(spec);
        QCOMPARE(bytes.size(), total);
        QVERIFY(Sim::readImagePackage(bytes));
    }
}

void tst_ImagePackage::deterministicPayload()
{
    Sim::ImagePackageSpec spec = appSpec();
    const QByteArray a = Sim::writeImagePackage(spec);
    QCOMPARE(Sim::writeImagePackage(spec), a);
    spec.imageId = QUuid(u"6415a939-c098-48cf-8e5c-02b52a9f0ffc"_s);
    const QByteArray b = Sim::writeImagePackage(spec);
    QCOMPARE(b.size(), a.size());
    QVERIFY(a.left(4096) != b.left(4096));
    // Pseudo-random, not a constant fill.
    QVERIFY(a.left(4096).count(a.at(0)) < 200);
}

void tst_ImagePackage::hashCheck()
{
    QByteArray bytes = Sim::writeImagePackage(appSpec());
    bytes[100] = char(bytes[100] ^ 0x01);
    auto pkg = Sim::readImagePackage(bytes);
    QVERIFY(pkg); // still parses: a bad hash is a damaged package, not "not a package"
    QVERIFY(pkg->hasSimulatedSignature);
    QVERIFY(!pkg->hashMatches);
    QVERIFY(!pkg->passesHashCheck());

    // A real-looking signature (non-zero tail) is not hash-checked.
    bytes[bytes.size() - 1] = '\x01';
    pkg = Sim::readImagePackage(bytes);
    QVERIFY(pkg);
    QVERIFY(!pkg->hasSimulatedSignature);
    QVERIFY(pkg->passesHashCheck());
}

void tst_ImagePackage::rejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");

    const QByteArray good = handBuilt(false);
    const qsizetype metaLenPos = good.size() - 68;
    const quint32 metaLength = qFromLittleEndian<quint32>(good.constData() + metaLenPos);
    const qsizetype metaStart = good.size() - 64 - metaLength;

    QTest::newRow("empty") << QByteArray() << u"too small"_s;
    QTest::newRow("75 bytes") << QByteArray(75, '\0') << u"too small"_s;
    QTest::newRow("zeros") << QByteArray(4096, '\0') << u"metadata length"_s;
    QTest::newRow("text") << QByteArray(200, 'x') << u"metadata length"_s;
    QTest::newRow("truncated tail") << good.left(good.size() - 10) << u""_s;
    QTest::newRow("truncated head") << good.mid(metaStart + 10) << u"metadata length"_s;

    QByteArray b = good;
    qToLittleEndian(quint32(11), b.data() + metaLenPos);
    QTest::newRow("metaLength 11") << b << u"metadata length"_s;
    b = good;
    qToLittleEndian(quint32(good.size() - 63), b.data() + metaLenPos);
    QTest::newRow("metaLength too big") << b << u"metadata length"_s;
    b = good;
    b[metaStart] = 'X';
    QTest::newRow("bad magic") << b << u"bad magic"_s;
    b = good;
    qToLittleEndian(quint32(7), b.data() + metaStart + 4);
    QTest::newRow("count too high") << b << u"runs past"_s;
    b = good;
    qToLittleEndian(quint16(0xFFFF), b.data() + metaStart + 10);
    QTest::newRow("section size too big") << b << u"runs past"_s;
    b = good;
    qToLittleEndian(quint16(20), b.data() + metaStart + 10);
    QTest::newRow("identity too short") << b << u""_s;
    b = good;
    qToLittleEndian(quint16(0x1234), b.data() + metaStart + 8);
    QTest::newRow("no identity") << b << u"no Identity"_s;
    b = good;
    const qsizetype nd = b.lastIndexOf("ND");
    qToLittleEndian(quint32(1000), b.data() + nd + 4);
    QTest::newRow("abi count too high") << b << u"ABI depends"_s;
}

void tst_ImagePackage::rejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QString why;
    QVERIFY(!Sim::readImagePackage(bytes, &why));
    QVERIFY(!why.isEmpty());
    QVERIFY2(why.contains(reason), qPrintable(why));
}

void tst_ImagePackage::readsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"a.imagepackage"_s);
    QString why;
    QVERIFY(!Sim::readImagePackageFile(path, &why));
    QVERIFY(why.contains(u"cannot open"_s));

    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Sim::writeImagePackage(appSpec()));
    file.close();
    const auto pkg = Sim::readImagePackageFile(path, &why);
    QVERIFY2(pkg, qPrintable(why));
    QCOMPARE(pkg->name, u"ProductApp"_s);
}

void tst_ImagePackage::names()
{
    QCOMPARE(Sim::imageTypeName(10), u"Applications"_s);
    QCOMPARE(Sim::imageTypeName(1), u"OneBl"_s);
    QCOMPARE(Sim::imageTypeName(21), u"CustomerBoardConfig"_s);
    QCOMPARE(Sim::imageTypeName(28), u"Other"_s);
    QCOMPARE(Sim::imageTypeName(11), u"11"_s);
    QCOMPARE(Sim::signingTypeName(1), u"ECDsa256"_s);
    QCOMPARE(Sim::abiKindName(3), u"ApplicationRuntime"_s);
}

QTEST_APPLESS_MAIN(tst_ImagePackage)

#include "tst_imagepackage.moc"
