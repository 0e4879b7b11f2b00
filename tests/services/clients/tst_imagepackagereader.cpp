#include "services/azsphere/devicedata.h"
#include "services/azsphere/imagepackage.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Qt::Literals::StringLiterals;
using Station::ErrorCode;
using Station::ImagePackage;
using Station::ImagePackageInfo;

namespace {

// Builds image packages byte by byte, as REFERENCE.md 6.2 lays them out.
class PackageBuilder
{
public:
    static QByteArray u16(quint16 value)
    {
        QByteArray bytes(2, '\0');
        qToLittleEndian(value, bytes.data());
        return bytes;
    }
    static QByteArray u32(quint32 value)
    {
        QByteArray bytes(4, '\0');
        qToLittleEndian(value, bytes.data());
        return bytes;
    }
    static QByteArray u64(quint64 value)
    {
        QByteArray bytes(8, '\0');
        qToLittleEndian(value, bytes.data());
        return bytes;
    }
    static QByteArray section(quint16 id, const QByteArray &data)
    {
        return u16(id) + u16(quint16(data.size())) + data;
    }
    static QByteArray identity(
        quint16 type, const QByteArray &componentLe, const QByteArray &imageLe)
    {
        return section(0x4449, u16(type) + u16(0) + componentLe + imageLe);
    }
    static QByteArray signature(const QByteArray &thumbprintHex, quint32 signingType = 1)
    {
        return section(0x4753, QByteArray::fromHex(thumbprintHex) + u32(signingType));
    }
    static QByteArray debug(quint64 buildTime, const QByteArray &name)
    {
        QByteArray padded = name;
        padded.resize(32, '\0');
        return section(0x4244, u64(buildTime) + padded);
    }
    // payload | magic count sections metaLength | 64-byte signature
    static QByteArray package(const QByteArray &payload, const QList<QByteArray> &sections)
    {
        QByteArray meta = u32(0x4D345834) + u32(quint32(sections.size()));
        for (const QByteArray &s : sections)
            meta += s;
        meta += u32(quint32(meta.size() + 4));
        QByteArray body = payload + meta;
        return body + QCryptographicHash::hash(body, QCryptographicHash::Sha256)
            + QByteArray(32, '\0');
    }
};

// The GUID example of REFERENCE.md 6.2 (bytes_le) and its string form.
const QByteArray ComponentLe = QByteArray::fromHex("575CAE61CD980A4A8B609509505C7617");
const QString ComponentString = u"61ae5c57-98cd-4a0a-8b60-9509505c7617"_s;
// eef5d367-ae2c-42eb-861f-8f2c453133df in bytes_le order
const QByteArray ImageLe = QByteArray::fromHex("67d3f5ee2caeeb42861f8f2c453133df");
const QByteArray DevThumbprint = "a8d5cc6958f48710140d7a26160fc1cfc31f5df0";
const QByteArray ProdThumbprint = "E7DA166741CCFABEE1623CA315D0B208DF11E1F8";
constexpr quint64 BuildTime = 1600884894; // 2020-09-23T18:14:54Z

QByteArray busyboxPackage()
{
    using B = PackageBuilder;
    return B::package(QByteArray(300, 'p'),
        {B::identity(10, ComponentLe, ImageLe),
            B::signature(DevThumbprint),
            B::debug(BuildTime, "AzureBusybox"),
            B::section(0x5054, QByteArray::fromHex("02000000")),
            B::section(0x444E, QByteArray::fromHex("010000000500000003000000"))});
}

} // namespace

class tst_ImagePackageReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guidBytesLe();
    void readsEverySection();
    void productionPackage();
    void unknownSectionsAreSkipped();
    void imageTypeNames_data();
    void imageTypeNames();
    void rejects_data();
    void rejects();
    void everyTruncationIsRejected();
    void readFromFile();
};

void tst_ImagePackageReader::guidBytesLe()
{
    QCOMPARE(
        ImagePackage::uuidFromBytesLe(ComponentLe).toString(QUuid::WithoutBraces), ComponentString);
}

void tst_ImagePackageReader::readsEverySection()
{
    const Station::Result<ImagePackageInfo> info = ImagePackage::parse(busyboxPackage());
    QVERIFY2(info.has_value(), qPrintable(info ? QString() : info.error().detail));
    QCOMPARE(info->imageType, 10);
    QVERIFY(info->isApplication());
    QCOMPARE(info->imageTypeName(), u"Applications"_s);
    QCOMPARE(info->componentId.toString(QUuid::WithoutBraces), ComponentString);
    QCOMPARE(
        info->imageId.toString(QUuid::WithoutBraces), u"eef5d367-ae2c-42eb-861f-8f2c453133df"_s);
    QCOMPARE(info->thumbprint, QString::fromLatin1(DevThumbprint));
    QVERIFY(info->isDevelopmentSigned());
    QCOMPARE(info->signingType, 1u);
    QCOMPARE(info->signingTypeName(), u"ECDsa256"_s);
    QCOMPARE(info->name, u"AzureBusybox"_s);
    QCOMPARE(info->buildTime, QDateTime(QDate(2020, 9, 23), QTime(18, 14, 54), Qt::UTC));
    QVERIFY(info->temporary.has_value());
    QCOMPARE(info->temporary->removeAtBoot, false);
    QCOMPARE(info->temporary->underDevelopment, true);
    QCOMPARE(info->abiDepends.size(), 1);
    QCOMPARE(info->abiDepends.first().version, 5u);
    QCOMPARE(info->abiDepends.first().kind, 3u);
    QCOMPARE(info->abiDepends.first().kindName(), u"ApplicationRuntime"_s);
}

void tst_ImagePackageReader::productionPackage()
{
    using B = PackageBuilder;
    // No Debug, Temporary or ABI sections (e.g. a keystore package); thumbprint comes back
    // in lowercase.
    const QByteArray bytes = B::package(QByteArray(1000, 'k'),
        {B::identity(19, ImageLe, ComponentLe), B::signature(ProdThumbprint)});
    const auto info = ImagePackage::parse(bytes);
    QVERIFY(info.has_value());
    QCOMPARE(info->imageType, 19);
    QCOMPARE(info->imageTypeName(), u"TrustedKeystore"_s);
    QCOMPARE(info->thumbprint, QString::fromLatin1(ProdThumbprint).toLower());
    QVERIFY(!info->isDevelopmentSigned());
    QVERIFY(info->name.isEmpty());
    QVERIFY(!info->buildTime.isValid());
    QVERIFY(!info->temporary.has_value());
    QVERIFY(info->abiDepends.isEmpty());
    QCOMPARE(info->imageId.toString(QUuid::WithoutBraces), ComponentString);
}

void tst_ImagePackageReader::unknownSectionsAreSkipped()
{
    using B = PackageBuilder;
    const QByteArray bytes = B::package({},
        {B::section(0x4441, "legacy-abi"),
            B::section(0x4D43, QByteArray(7, 'c')),
            B::identity(21, ComponentLe, ImageLe),
            B::section(0x474C, {}),
            B::signature(ProdThumbprint),
            B::debug(0, "lan-enc28j60-isu0-int5")});
    const auto info = ImagePackage::parse(bytes);
    QVERIFY(info.has_value());
    QCOMPARE(info->imageType, 21);
    QCOMPARE(info->name, u"lan-enc28j60-isu0-int5"_s);
    QCOMPARE(info->buildTime.toSecsSinceEpoch(), 0);
}

void tst_ImagePackageReader::imageTypeNames_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("name");
    QTest::newRow("0") << 0 << u"InvalidImageType"_s;
    QTest::newRow("1") << 1 << u"OneBl"_s;
    QTest::newRow("9") << 9 << u"Services"_s;
    QTest::newRow("10") << 10 << u"Applications"_s;
    QTest::newRow("19") << 19 << u"TrustedKeystore"_s;
    QTest::newRow("21") << 21 << u"CustomerBoardConfig"_s;
    QTest::newRow("28") << 28 << u"Other"_s;
    QTest::newRow("unknown 11") << 11 << u"11"_s;
}

void tst_ImagePackageReader::imageTypeNames()
{
    QFETCH(int, type);
    QFETCH(QString, name);
    QCOMPARE(ImagePackageInfo::imageTypeNameOf(type), name);
    if (name != QString::number(type))
        QCOMPARE(ImagePackageInfo::imageTypeFromName(name), std::optional<int>(type));
    else
        QVERIFY(!ImagePackageInfo::imageTypeFromName(name).has_value());
}

void tst_ImagePackageReader::rejects_data()
{
    using B = PackageBuilder;
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");

    const QByteArray good = busyboxPackage();
    QTest::newRow("empty") << QByteArray() << u"at least 76"_s;
    QTest::newRow("75 bytes") << QByteArray(75, '\0') << u"at least 76"_s;
    QTest::newRow("76 zero bytes") << QByteArray(76, '\0') << u"metadata length 0"_s;
    QTest::newRow("text file") << QByteArray(4096, 'A') << u"out of bounds"_s;

    QByteArray metaTooLong = good;
    qToLittleEndian(quint32(good.size() - 63), metaTooLong.data() + good.size() - 68);
    QTest::newRow("metaLength beyond file") << metaTooLong << u"out of bounds"_s;
    QByteArray metaEleven = good;
    qToLittleEndian(quint32(11), metaEleven.data() + good.size() - 68);
    QTest::newRow("metaLength 11") << metaEleven << u"out of bounds"_s;

    QByteArray badMagic = good;
    badMagic[300] = 'X'; // metadata starts after the 300-byte payload
    QTest::newRow("bad magic") << badMagic << u"magic"_s;

    QByteArray tooManySections = good;
    qToLittleEndian(quint32(6), tooManySections.data() + 304);
    QTest::newRow("count beyond sections") << tooManySections << u"beyond the metadata"_s;

    QByteArray sectionOverrun = good;
    qToLittleEndian(quint16(0xFFFF), sectionOverrun.data() + 308 + 2);
    QTest::newRow("section size overrun") << sectionOverrun << u"runs beyond"_s;

    QTest::newRow("no identity") << B::package({}, {B::signature(DevThumbprint), B::debug(1, "x")})
                                 << u"no Identity"_s;
    QTest::newRow("no signature") << B::package({}, {B::identity(10, ComponentLe, ImageLe)})
                                  << u"no Signature"_s;
    QTest::newRow("short identity")
        << B::package({}, {B::section(0x4449, QByteArray(20, '\1')), B::signature(DevThumbprint)})
        << u"needs 36"_s;
    QTest::newRow("short signature")
        << B::package({}, {B::identity(10, ComponentLe, ImageLe), B::section(0x4753, "abc")})
        << u"needs 24"_s;
    QTest::newRow("short debug") << B::package({},
        {B::identity(10, ComponentLe, ImageLe),
            B::signature(DevThumbprint),
            B::section(0x4244, QByteArray(12, 'n'))})
                                 << u"needs 40"_s;
    QTest::newRow("short abi list") << B::package({},
        {B::identity(10, ComponentLe, ImageLe),
            B::signature(DevThumbprint),
            B::section(0x444E, QByteArray::fromHex("020000000500000003000000"))})
                                    << u"needs 20"_s;
}

void tst_ImagePackageReader::rejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const auto info = ImagePackage::parse(bytes);
    QVERIFY(!info.has_value());
    QCOMPARE(info.error().code, ErrorCode::NotAnImagePackage);
    QVERIFY2(info.error().detail.contains(reason), qPrintable(info.error().detail));
    QVERIFY(!info.error().message.isEmpty());
}

void tst_ImagePackageReader::everyTruncationIsRejected()
{
    // Cutting the file anywhere moves the metadata length field: never a crash, never a
    // package (the bounds checks hold for every prefix).
    const QByteArray good = busyboxPackage();
    for (qsizetype length = 0; length < good.size(); ++length) {
        const auto info = ImagePackage::parse(good.left(length));
        QVERIFY2(!info.has_value(), qPrintable(u"prefix of %1 bytes parsed"_s.arg(length)));
    }
    // Garbage of every small size, and flipped bytes in the metadata, must not crash.
    for (qsizetype offset = good.size() - 64 - 120; offset < good.size(); ++offset) {
        QByteArray garbled = good;
        garbled[offset] = char(garbled.at(offset) ^ 0xA5);
        (void)ImagePackage::parse(garbled);
    }
}

void tst_ImagePackageReader::readFromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"app.imagepackage"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(busyboxPackage());
    file.close();
    const auto info = ImagePackage::read(path);
    QVERIFY(info.has_value());
    QCOMPARE(info->name, u"AzureBusybox"_s);

    const auto missing = ImagePackage::read(dir.filePath(u"missing.imagepackage"_s));
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, ErrorCode::FileMissing);

    const QString textPath = dir.filePath(u"readme.txt"_s);
    QFile text(textPath);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a package\n");
    text.close();
    const auto notPackage = ImagePackage::read(textPath);
    QVERIFY(!notPackage.has_value());
    QCOMPARE(notPackage.error().code, ErrorCode::NotAnImagePackage);
    QVERIFY(notPackage.error().detail.startsWith(textPath));
}

QTEST_APPLESS_MAIN(tst_ImagePackageReader)

#include "tst_imagepackagereader.moc"
