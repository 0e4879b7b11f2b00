#include "services/azsphere/imagepackage.h"

#include "services/azsphere/devicedata.h"
#include "services/base/boundedfile.h"
#include "services/base/tr.h"

#include <QtEndian>

#include <array>
#include <limits>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

struct TypeName
{
    int type;
    const char *name;
};

constexpr std::array ImageTypeNames {
    TypeName {0, "InvalidImageType"},
    TypeName {1, "OneBl"},
    TypeName {2, "PlutonRuntime"},
    TypeName {3, "WifiFirmware"},
    TypeName {4, "SecurityMonitor"},
    TypeName {5, "NormalWorldLoader"},
    TypeName {6, "NormalWorldDtb"},
    TypeName {7, "NormalWorldKernel"},
    TypeName {8, "RootFs"},
    TypeName {9, "Services"},
    TypeName {10, "Applications"},
    TypeName {13, "FwConfig"},
    TypeName {16, "BootManifest"},
    TypeName {17, "Nwfs"},
    TypeName {19, "TrustedKeystore"},
    TypeName {20, "Policy"},
    TypeName {21, "CustomerBoardConfig"},
    TypeName {22, "UpdateCertStore"},
    TypeName {23, "BaseSystemUpdateManifest"},
    TypeName {24, "FirmwareUpdateManifest"},
    TypeName {25, "CustomerUpdateManifest"},
    TypeName {26, "RecoveryManifest"},
    TypeName {27, "ManifestSet"},
    TypeName {28, "Other"},
};

constexpr quint32 ApplicationRuntimeKind = 3;
constexpr quint32 EcDsa256SigningType = 1;
constexpr qsizetype IdentitySize = 36;
constexpr qsizetype SignatureSectionSize = 24;
constexpr qsizetype DebugSize = 40;
constexpr qsizetype DebugNameSize = 32;
constexpr qsizetype TemporaryImageSize = 4;

tl::unexpected<Error> notAPackage(const QString &reason)
{
    return fail(ErrorCode::NotAnImagePackage,
        Tr::tr("The file is not an Azure Sphere image package."),
        reason,
        Tr::tr("Fix the recipe: it must name a valid image package."));
}

template <typename T> T readLe(const QByteArray &bytes, qsizetype offset)
{
    return qFromLittleEndian<T>(bytes.constData() + offset);
}

} // namespace

QString AbiDependency::kindName() const
{
    if (kind == ApplicationRuntimeKind)
        return u"ApplicationRuntime"_s;
    return QString::number(kind);
}

bool ImagePackageInfo::isDevelopmentSigned() const
{
    return thumbprint.compare(QLatin1String(DevelopmentThumbprint), Qt::CaseInsensitive) == 0;
}

bool ImagePackageInfo::isApplication() const
{
    return imageType == ApplicationImageType;
}

QString ImagePackageInfo::signingTypeName() const
{
    if (signingType == EcDsa256SigningType)
        return u"ECDsa256"_s;
    return QString::number(signingType);
}

QString ImagePackageInfo::imageTypeNameOf(int imageType)
{
    for (const TypeName &entry : ImageTypeNames) {
        if (entry.type == imageType)
            return QString::fromLatin1(entry.name);
    }
    return QString::number(imageType);
}

std::optional<int> ImagePackageInfo::imageTypeFromName(const QString &name)
{
    for (const TypeName &entry : ImageTypeNames) {
        if (name == QLatin1String(entry.name))
            return entry.type;
    }
    return std::nullopt;
}

QUuid ImagePackage::uuidFromBytesLe(const QByteArray &sixteenBytes)
{
    Q_ASSERT(sixteenBytes.size() == 16);
    QByteArray rfc = sixteenBytes;
    std::swap(rfc[0], rfc[3]);
    std::swap(rfc[1], rfc[2]);
    std::swap(rfc[4], rfc[5]);
    std::swap(rfc[6], rfc[7]);
    return QUuid::fromRfc4122(rfc);
}

Result<ImagePackageInfo> ImagePackage::parse(const QByteArray &bytes)
{
    const qsizetype size = bytes.size();
    if (size < MinimumSize)
        return notAPackage(
            u"%1 bytes; an image package has at least %2"_s.arg(size).arg(MinimumSize));

    // The metadata block ends with its own length, just before the 64-byte signature.
    const qsizetype metaLengthOffset = size - SignatureSize - 4;
    const quint32 metaLength = readLe<quint32>(bytes, metaLengthOffset);
    if (metaLength < 12 || qsizetype(metaLength) > size - SignatureSize)
        return notAPackage(
            u"metadata length %1 is out of bounds for a %2-byte file"_s.arg(metaLength).arg(size));
    const qsizetype metaStart = size - SignatureSize - qsizetype(metaLength);
    const quint32 magic = readLe<quint32>(bytes, metaStart);
    if (magic != Magic)
        return notAPackage(u"bad metadata magic 0x%1"_s.arg(uint(magic), 8, 16, QChar(u'0')));

    const quint32 count = readLe<quint32>(bytes, metaStart + 4);
    const qsizetype end = metaLengthOffset;
    qsizetype pos = metaStart + 8;

    ImagePackageInfo info;
    bool haveIdentity = false;
    bool haveSignature = false;
    bool haveDebug = false;
    for (quint32 index = 0; index < count; ++index) {
        if (pos + 4 > end)
            return notAPackage(
                u"section %1 of %2 starts beyond the metadata"_s.arg(index).arg(count));
        const quint16 id = readLe<quint16>(bytes, pos);
        const qsizetype sectionSize = readLe<quint16>(bytes, pos + 2);
        const qsizetype data = pos + 4;
        if (data + sectionSize > end)
            return notAPackage(u"section 0x%1 (%2 bytes) runs beyond the metadata"_s
                                   .arg(uint(id), 4, 16, QChar(u'0'))
                                   .arg(sectionSize));
        pos = data + sectionSize;

        const auto tooShort = [&](qsizetype needed) {
            return notAPackage(
                u"section 0x%1 has %2 bytes, needs %3"_s.arg(uint(id), 4, 16, QChar(u'0'))
                    .arg(sectionSize)
                    .arg(needed));
        };
        switch (id) {
        case IdentitySection:
            if (haveIdentity)
                break;
            if (sectionSize < IdentitySize)
                return tooShort(IdentitySize);
            info.imageType = readLe<quint16>(bytes, data);
            info.componentId = uuidFromBytesLe(bytes.mid(data + 4, 16));
            info.imageId = uuidFromBytesLe(bytes.mid(data + 20, 16));
            haveIdentity = true;
            break;
        case SignatureSection:
            if (haveSignature)
                break;
            if (sectionSize < SignatureSectionSize)
                return tooShort(SignatureSectionSize);
            info.thumbprint = QString::fromLatin1(bytes.mid(data, 20).toHex());
            info.signingType = readLe<quint32>(bytes, data + 20);
            haveSignature = true;
            break;
        case DebugSection: {
            if (haveDebug)
                break;
            if (sectionSize < DebugSize)
                return tooShort(DebugSize);
            const quint64 seconds = readLe<quint64>(bytes, data);
            if (seconds > quint64(std::numeric_limits<qint64>::max() / 1000))
                return notAPackage(u"build time %1 is out of range"_s.arg(seconds));
            info.buildTime = QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC);
            QByteArray name = bytes.mid(data + 8, DebugNameSize);
            const qsizetype nul = name.indexOf('\0');
            if (nul >= 0)
                name.truncate(nul);
            info.name = QString::fromLatin1(name);
            haveDebug = true;
            break;
        }
        case TemporaryImageSection: {
            if (info.temporary)
                break;
            if (sectionSize < TemporaryImageSize)
                return tooShort(TemporaryImageSize);
            const quint32 flags = readLe<quint32>(bytes, data);
            info.temporary = TemporaryImageFlags {(flags & 1U) != 0, (flags & 2U) != 0};
            break;
        }
        case AbiDependsSection: {
            if (sectionSize < 4)
                return tooShort(4);
            const quint32 pairs = readLe<quint32>(bytes, data);
            if (qsizetype(pairs) > (sectionSize - 4) / 8)
                return tooShort(4 + qsizetype(pairs) * 8);
            for (quint32 pair = 0; pair < pairs; ++pair) {
                const qsizetype at = data + 4 + qsizetype(pair) * 8;
                info.abiDepends.append(
                    AbiDependency {readLe<quint32>(bytes, at), readLe<quint32>(bytes, at + 4)});
            }
            break;
        }
        default:
            break; // legacy ABI, Legacy, Compression, ...: not needed by the station
        }
    }

    if (!haveIdentity)
        return notAPackage(u"no Identity section"_s);
    if (!haveSignature)
        return notAPackage(u"no Signature section"_s);
    return info;
}

Result<ImagePackageInfo> ImagePackage::read(const QString &path)
{
    static_assert(MaximumFileSize == FileLimit::ImagePackage);
    const Result<QByteArray> bytes = readRegularFile(path, MaximumFileSize);
    if (!bytes && bytes.error().code == ErrorCode::FileMissing)
        return fail(ErrorCode::FileMissing,
            Tr::tr("The image package %1 does not exist.").arg(path),
            path,
            Tr::tr("Fix the recipe or restore the file."));
    if (!bytes)
        return fail(ErrorCode::Io,
            Tr::tr("The image package cannot be read: %1").arg(bytes.error().message),
            bytes.error().detail,
            Tr::tr("Check the file's permissions and the disk."));
    Result<ImagePackageInfo> info = parse(*bytes);
    if (!info)
        info.error().detail = path + u": "_s + info.error().detail;
    return info;
}

} // namespace Station
