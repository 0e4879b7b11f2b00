#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

// Azure Sphere image packages as the simulator reads and writes them (REFERENCE.md §6.2/§6.3).
// Pure functions on byte arrays; usable from any thread.
namespace Sim {

// Section IDs (u16, little-endian in the file).
inline constexpr quint16 IdentitySectionId = 0x4449;       // "ID"
inline constexpr quint16 SignatureSectionId = 0x4753;      // "SG"
inline constexpr quint16 DebugSectionId = 0x4244;          // "DB"
inline constexpr quint16 TemporaryImageSectionId = 0x5054; // "TP"
inline constexpr quint16 AbiDependsSectionId = 0x444E;     // "ND"

inline constexpr quint32 ImagePackageMagic = 0x4D345834; // bytes 34 58 34 4D
inline constexpr int ImagePackageSignatureSize = 64;
inline constexpr int ImagePackageMinSize = 76; // 64 signature + 12 minimal metadata

inline constexpr int ApplicationImageType = 10;
inline constexpr quint32 Ecdsa256SigningType = 1;
inline constexpr quint32 ApplicationRuntimeAbiKind = 3;

inline constexpr quint32 RemoveImageAtBootFlag = 0x1; // Temporary image flags, bit 0
inline constexpr quint32 UnderDevelopmentFlag = 0x2;  // bit 1

struct AbiDepend
{
    quint32 version = 0;
    quint32 kind = 0; // 3 = ApplicationRuntime
    friend bool operator==(const AbiDepend &, const AbiDepend &) = default;
};

// What a package holds. Identity is required (a file without it is not a package); every other
// section is optional and flagged by has...().
struct ImagePackage
{
    qint64 size = 0;        // file size in bytes
    qint64 payloadSize = 0; // bytes before the metadata

    // Identity
    int imageType = 0;
    QUuid componentId;
    QUuid imageId;

    // Signature
    bool hasSignature = false;
    QString thumbprint; // 40 lowercase hex characters
    quint32 signingType = 0;

    // Debug
    bool hasDebug = false;
    qint64 buildTime = 0; // Unix seconds, UTC
    QString name;         // up to 32 ASCII characters, NUL padding removed

    // Temporary image
    bool hasTemporaryImage = false;
    quint32 temporaryFlags = 0;
    bool removeImageAtBoot() const { return temporaryFlags & RemoveImageAtBootFlag; }
    bool underDevelopment() const { return temporaryFlags & UnderDevelopmentFlag; }

    // ABI depends
    bool hasAbiDepends = false;
    QList<AbiDepend> abiDepends;

    // The simulator's hash rule (§6.3): when signature bytes 32..63 are zero, bytes 0..31 must be
    // the SHA-256 of everything before the signature. Any other signature counts as intact.
    bool hasSimulatedSignature = false;
    bool hashMatches = false; // meaningful only when hasSimulatedSignature
    bool passesHashCheck() const { return !hasSimulatedSignature || hashMatches; }
};

// Parses a package. On failure returns nullopt and, if why is given, a one-line English reason
// (e.g. "bad magic 0x00000000"). A hash mismatch is NOT a parse failure: see passesHashCheck().
std::optional<ImagePackage> readImagePackage(const QByteArray &bytes, QString *why = nullptr);
// Reads and parses a file; an unreadable file is a failure with the reason in why.
std::optional<ImagePackage> readImagePackageFile(const QString &path, QString *why = nullptr);

// What writeImagePackage() generates. Sections are written in §6.3's order: Identity, Signature,
// Debug, then Temporary image (when temporaryFlags is set) and ABI depends (when abiDepends is
// non-empty; give {{5, ApplicationRuntimeAbiKind}} for an application).
struct ImagePackageSpec
{
    int imageType = ApplicationImageType;
    QUuid componentId;
    QUuid imageId;
    QString thumbprint; // 40 hex characters (case-insensitive); written as 20 bytes
    quint32 signingType = Ecdsa256SigningType;
    qint64 buildTime = 0; // Unix seconds
    QString name;         // Debug image name, at most 32 ASCII characters (longer is cut)
    std::optional<quint32> temporaryFlags;
    QList<AbiDepend> abiDepends;
    // The payload is pseudo-random, seeded by imageId. If totalSize > 0 the payload is sized so
    // the whole file is exactly totalSize bytes (or empty when the metadata alone is larger);
    // otherwise payloadSize bytes are written.
    qint64 totalSize = 0;
    qint64 payloadSize = 0;
};

// Generates a package: payload, metadata, then signature = SHA-256 of all preceding bytes
// followed by 32 zero bytes. Deterministic: the same spec always gives the same bytes.
QByteArray writeImagePackage(const ImagePackageSpec &spec);
// Size in bytes of the metadata + signature that writeImagePackage() adds for this spec.
qint64 imagePackageOverhead(const ImagePackageSpec &spec);

// GUIDs in .NET bytes_le order: the first three fields byte-swapped (§6.2).
QUuid guidFromBytesLe(const QByteArray &sixteenBytes);
QByteArray guidToBytesLe(const QUuid &id);
// Lowercase, no braces: "61ae5c57-98cd-4a0a-8b60-9509505c7617".
QString formatGuid(const QUuid &id);

// §6.2 type names ("Applications", "TrustedKeystore", ...); an unlisted type gives its number
// as decimal text.
QString imageTypeName(int imageType);
// 1 -> "ECDsa256"; anything else gives its number as decimal text.
QString signingTypeName(quint32 signingType);
// 3 -> "ApplicationRuntime"; anything else gives its number as decimal text.
QString abiKindName(quint32 kind);

} // namespace Sim
