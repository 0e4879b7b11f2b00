#pragma once

#include "services/base/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUuid>

#include <optional>

namespace Station {

// One ABI dependency of an application (section "ND"): kind 3 is ApplicationRuntime.
struct AbiDependency
{
    quint32 version = 0;
    quint32 kind = 0;

    QString kindName() const; // "ApplicationRuntime", or the number
};

// Flags of the Temporary image section ("TP").
struct TemporaryImageFlags
{
    bool removeAtBoot = false;
    bool underDevelopment = false;
};

// What the station reads from an image package without the CLI (REFERENCE.md 6.2, 6.3).
struct ImagePackageInfo
{
    int imageType = 0;
    QUuid componentId;
    QUuid imageId;
    QString thumbprint;      // signing certificate's SHA-1 thumbprint, 40 lowercase hex
    quint32 signingType = 0; // 1 = ECDsa256
    QString name;            // Debug section's image name; empty without one
    QDateTime buildTime;     // UTC; invalid without a Debug section
    std::optional<TemporaryImageFlags> temporary;
    QList<AbiDependency> abiDepends;

    // Signed with the SDK's development key: factory devices refuse it (REFERENCE.md 6.1).
    bool isDevelopmentSigned() const;
    bool isApplication() const;
    QString imageTypeName() const { return imageTypeNameOf(imageType); }
    QString signingTypeName() const;

    // "Applications", "TrustedKeystore", ... (REFERENCE.md 6.2); the number for unknown types.
    static QString imageTypeNameOf(int imageType);
    static std::optional<int> imageTypeFromName(const QString &name);
};

// Reads image packages (station side; independent of the simulator's writer). Pure functions,
// callable from any thread. Every failure is ErrorCode::NotAnImagePackage with the reason in
// the detail (a recipe error, found before a device is touched), except a file that cannot be
// read at all (FileMissing / Io).
class ImagePackage
{
public:
    static constexpr qsizetype SignatureSize = 64;
    static constexpr qsizetype MinimumSize = 76; // signature + magic, count and metaLength
    static constexpr quint32 Magic = 0x4D345834; // "4X4M"
    // FileLimit::ImagePackage (services/base/boundedfile.h); read() refuses a larger file.
    static constexpr qint64 MaximumFileSize = 64LL * 1024 * 1024;

    enum SectionId : quint16 {
        IdentitySection = 0x4449,
        SignatureSection = 0x4753,
        DebugSection = 0x4244,
        TemporaryImageSection = 0x5054,
        AbiDependsSection = 0x444E,
    };

    [[nodiscard]] static Result<ImagePackageInfo> parse(const QByteArray &bytes);
    [[nodiscard]] static Result<ImagePackageInfo> read(const QString &path);

    // A GUID stored in .NET bytes_le order (first three fields byte-swapped).
    static QUuid uuidFromBytesLe(const QByteArray &sixteenBytes);
};

} // namespace Station

Q_DECLARE_METATYPE(Station::ImagePackageInfo)
