#include "imagepackage.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QtEndian>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Sim {

namespace {

constexpr int SectionHeaderSize = 4; // u16 id, u16 size
constexpr int IdentityDataSize = 36;
constexpr int SignatureDataSize = 24;
constexpr int DebugNameSize = 32;
constexpr int DebugDataSize = 8 + DebugNameSize;
constexpr int TemporaryImageDataSize = 4;
constexpr int HashSize = 32;

bool fail(QString *why, const QString &reason)
{
    if (why)
        *why = reason;
    return false;
}

quint16 u16At(const QByteArray &bytes, qsizetype pos)
{
    return qFromLittleEndian<quint16>(bytes.constData() + pos);
}

quint32 u32At(const QByteArray &bytes, qsizetype pos)
{
    return qFromLittleEndian<quint32>(bytes.constData() + pos);
}

void appendU16(QByteArray &out, quint16 value)
{
    char buf[2];
    qToLittleEndian(value, buf);
    out.append(buf, 2);
}

void appendU32(QByteArray &out, quint32 value)
{
    char buf[4];
    qToLittleEndian(value, buf);
    out.append(buf, 4);
}

void appendU64(QByteArray &out, quint64 value)
{
    char buf[8];
    qToLittleEndian(value, buf);
    out.append(buf, 8);
}

QString hex32(quint32 value)
{
    return u"0x%1"_s.arg(value, 8, 16, QLatin1Char('0'));
}

bool parseSection(quint16 id, const QByteArray &data, ImagePackage &pkg, QString *why)
{
    const auto tooShort = [&](const char *name) {
        return fail(
            why, u"%1 section too short (%2 bytes)"_s.arg(QLatin1String(name)).arg(data.size()));
    };
    switch (id) {
    case IdentitySectionId:
        if (data.size() < IdentityDataSize)
            return tooShort("Identity");
        pkg.imageType = u16At(data, 0);
        pkg.componentId = guidFromBytesLe(data.mid(4, 16));
        pkg.imageId = guidFromBytesLe(data.mid(20, 16));
        return true;
    case SignatureSectionId:
        if (data.size() < SignatureDataSize)
            return tooShort("Signature");
        pkg.hasSignature = true;
        pkg.thumbprint = QString::fromLatin1(data.left(20).toHex());
        pkg.signingType = u32At(data, 20);
        return true;
    case DebugSectionId: {
        if (data.size() < DebugDataSize)
            return tooShort("Debug");
        pkg.hasDebug = true;
        pkg.buildTime = static_cast<qint64>(qFromLittleEndian<quint64>(data.constData()));
        QByteArray name = data.mid(8, DebugNameSize);
        const qsizetype nul = name.indexOf('\0');
        if (nul >= 0)
            name.truncate(nul);
        pkg.name = QString::fromLatin1(name);
        return true;
    }
    case TemporaryImageSectionId:
        if (data.size() < TemporaryImageDataSize)
            return tooShort("Temporary image");
        pkg.hasTemporaryImage = true;
        pkg.temporaryFlags = u32At(data, 0);
        return true;
    case AbiDependsSectionId: {
        if (data.size() < 4)
            return tooShort("ABI depends");
        const quint32 count = u32At(data, 0);
        if (count > quint32((data.size() - 4) / 8))
            return fail(why,
                u"ABI depends section lists %1 entries in %2 bytes"_s.arg(count).arg(data.size()));
        pkg.hasAbiDepends = true;
        pkg.abiDepends.clear();
        for (quint32 i = 0; i < count; ++i)
            pkg.abiDepends.append({u32At(data, 4 + 8 * i), u32At(data, 8 + 8 * i)});
        return true;
    }
    default:
        return true; // unknown sections are skipped (§6.2)
    }
}

} // namespace

std::optional<ImagePackage> readImagePackage(const QByteArray &bytes, QString *why)
{
    const qsizetype size = bytes.size();
    if (size < ImagePackageMinSize) {
        fail(why,
            u"file too small (%1 bytes, need at least %2)"_s.arg(size).arg(ImagePackageMinSize));
        return std::nullopt;
    }
    const qsizetype metaEnd = size - ImagePackageSignatureSize - 4; // where metaLength sits
    const quint32 metaLength = u32At(bytes, metaEnd);
    if (metaLength < 12 || metaLength > quint64(size - ImagePackageSignatureSize)) {
        fail(
            why, u"metadata length %1 out of range for a %2-byte file"_s.arg(metaLength).arg(size));
        return std::nullopt;
    }
    const qsizetype metaStart = size - ImagePackageSignatureSize - qsizetype(metaLength);
    const quint32 magic = u32At(bytes, metaStart);
    if (magic != ImagePackageMagic) {
        fail(why, u"bad magic %1"_s.arg(hex32(magic)));
        return std::nullopt;
    }
    const quint32 count = u32At(bytes, metaStart + 4);

    ImagePackage pkg;
    pkg.size = size;
    pkg.payloadSize = metaStart;
    bool hasIdentity = false;
    qsizetype pos = metaStart + 8;
    for (quint32 i = 0; i < count; ++i) {
        if (pos + SectionHeaderSize > metaEnd) {
            fail(why, u"section %1 of %2 header runs past the metadata"_s.arg(i + 1).arg(count));
            return std::nullopt;
        }
        const quint16 id = u16At(bytes, pos);
        const quint16 length = u16At(bytes, pos + 2);
        pos += SectionHeaderSize;
        if (pos + length > metaEnd) {
            fail(why,
                u"section %1 of %2 (id 0x%3, %4 bytes) runs past the metadata"_s.arg(i + 1)
                    .arg(count)
                    .arg(id, 4, 16, QLatin1Char('0'))
                    .arg(length));
            return std::nullopt;
        }
        if (!parseSection(id, bytes.mid(pos, length), pkg, why))
            return std::nullopt;
        hasIdentity = hasIdentity || id == IdentitySectionId;
        pos += length;
    }
    if (!hasIdentity) {
        fail(why, u"no Identity section"_s);
        return std::nullopt;
    }

    const QByteArray signature = bytes.right(ImagePackageSignatureSize);
    pkg.hasSimulatedSignature = signature.mid(HashSize).count('\0') == HashSize;
    if (pkg.hasSimulatedSignature) {
        const QByteArray hash = QCryptographicHash::hash(
            QByteArrayView(bytes.constData(), size - ImagePackageSignatureSize),
            QCryptographicHash::Sha256);
        pkg.hashMatches = hash == signature.left(HashSize);
    }
    return pkg;
}

std::optional<ImagePackage> readImagePackageFile(const QString &path, QString *why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(why, u"cannot open '%1': %2"_s.arg(path, file.errorString()));
        return std::nullopt;
    }
    return readImagePackage(file.readAll(), why);
}

qint64 imagePackageOverhead(const ImagePackageSpec &spec)
{
    qint64 meta = 4 + 4 + 4; // magic, count, metaLength
    meta += SectionHeaderSize + IdentityDataSize;
    meta += SectionHeaderSize + SignatureDataSize;
    meta += SectionHeaderSize + DebugDataSize;
    if (spec.temporaryFlags)
        meta += SectionHeaderSize + TemporaryImageDataSize;
    if (!spec.abiDepends.isEmpty())
        meta += SectionHeaderSize + 4 + 8 * spec.abiDepends.size();
    return meta + ImagePackageSignatureSize;
}

QByteArray writeImagePackage(const ImagePackageSpec &spec)
{
    qint64 payloadSize = spec.payloadSize;
    if (spec.totalSize > 0)
        payloadSize = std::max<qint64>(0, spec.totalSize - imagePackageOverhead(spec));

    // Payload: pseudo-random bytes from a generator seeded with the image ID's 16 bytes.
    const QByteArray seedBytes = spec.imageId.toRfc4122();
    std::array<quint32, 4> seed {};
    for (int i = 0; i < 4; ++i)
        seed[i] = qFromBigEndian<quint32>(seedBytes.constData() + 4 * i);
    QRandomGenerator random(seed.data(), seed.data() + seed.size());
    QByteArray out(payloadSize, Qt::Uninitialized);
    const qint64 words = payloadSize / 4;
    QList<quint32> buffer(words);
    random.fillRange(buffer.data(), buffer.size());
    for (qint64 i = 0; i < words; ++i)
        qToLittleEndian(buffer[i], out.data() + 4 * i);
    for (qint64 i = words * 4; i < payloadSize; ++i)
        out[i] = char(random.generate() & 0xFF);

    QByteArray meta;
    int count = 3;
    appendU32(meta, ImagePackageMagic);
    appendU32(meta, 0); // count, patched below

    appendU16(meta, IdentitySectionId);
    appendU16(meta, IdentityDataSize);
    appendU16(meta, quint16(spec.imageType));
    appendU16(meta, 0);
    meta.append(guidToBytesLe(spec.componentId));
    meta.append(guidToBytesLe(spec.imageId));

    appendU16(meta, SignatureSectionId);
    appendU16(meta, SignatureDataSize);
    QByteArray thumb = QByteArray::fromHex(spec.thumbprint.toLatin1());
    thumb.resize(20, '\0');
    meta.append(thumb);
    appendU32(meta, spec.signingType);

    appendU16(meta, DebugSectionId);
    appendU16(meta, DebugDataSize);
    appendU64(meta, quint64(spec.buildTime));
    QByteArray name = spec.name.toLatin1().left(DebugNameSize);
    name.resize(DebugNameSize, '\0');
    meta.append(name);

    if (spec.temporaryFlags) {
        ++count;
        appendU16(meta, TemporaryImageSectionId);
        appendU16(meta, TemporaryImageDataSize);
        appendU32(meta, *spec.temporaryFlags);
    }
    if (!spec.abiDepends.isEmpty()) {
        ++count;
        appendU16(meta, AbiDependsSectionId);
        appendU16(meta, quint16(4 + 8 * spec.abiDepends.size()));
        appendU32(meta, quint32(spec.abiDepends.size()));
        for (const AbiDepend &dep : spec.abiDepends) {
            appendU32(meta, dep.version);
            appendU32(meta, dep.kind);
        }
    }
    qToLittleEndian(quint32(count), meta.data() + 4);
    appendU32(meta, quint32(meta.size() + 4));

    out.append(meta);
    out.append(QCryptographicHash::hash(out, QCryptographicHash::Sha256));
    out.append(QByteArray(HashSize, '\0'));
    return out;
}

QUuid guidFromBytesLe(const QByteArray &sixteenBytes)
{
    if (sixteenBytes.size() != 16)
        return {};
    QByteArray rfc = sixteenBytes;
    std::reverse(rfc.begin(), rfc.begin() + 4);
    std::reverse(rfc.begin() + 4, rfc.begin() + 6);
    std::reverse(rfc.begin() + 6, rfc.begin() + 8);
    return QUuid::fromRfc4122(rfc);
}

QByteArray guidToBytesLe(const QUuid &id)
{
    QByteArray bytes = id.toRfc4122();
    std::reverse(bytes.begin(), bytes.begin() + 4);
    std::reverse(bytes.begin() + 4, bytes.begin() + 6);
    std::reverse(bytes.begin() + 6, bytes.begin() + 8);
    return bytes;
}

QString formatGuid(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces).toLower();
}

QString imageTypeName(int imageType)
{
    switch (imageType) {
    case 0:
        return u"InvalidImageType"_s;
    case 1:
        return u"OneBl"_s;
    case 2:
        return u"PlutonRuntime"_s;
    case 3:
        return u"WifiFirmware"_s;
    case 4:
        return u"SecurityMonitor"_s;
    case 5:
        return u"NormalWorldLoader"_s;
    case 6:
        return u"NormalWorldDtb"_s;
    case 7:
        return u"NormalWorldKernel"_s;
    case 8:
        return u"RootFs"_s;
    case 9:
        return u"Services"_s;
    case 10:
        return u"Applications"_s;
    case 13:
        return u"FwConfig"_s;
    case 16:
        return u"BootManifest"_s;
    case 17:
        return u"Nwfs"_s;
    case 19:
        return u"TrustedKeystore"_s;
    case 20:
        return u"Policy"_s;
    case 21:
        return u"CustomerBoardConfig"_s;
    case 22:
        return u"UpdateCertStore"_s;
    case 23:
        return u"BaseSystemUpdateManifest"_s;
    case 24:
        return u"FirmwareUpdateManifest"_s;
    case 25:
        return u"CustomerUpdateManifest"_s;
    case 26:
        return u"RecoveryManifest"_s;
    case 27:
        return u"ManifestSet"_s;
    case 28:
        return u"Other"_s;
    default:
        return QString::number(imageType);
    }
}

QString signingTypeName(quint32 signingType)
{
    return signingType == Ecdsa256SigningType ? u"ECDsa256"_s : QString::number(signingType);
}

QString abiKindName(quint32 kind)
{
    return kind == ApplicationRuntimeAbiKind ? u"ApplicationRuntime"_s : QString::number(kind);
}

} // namespace Sim
