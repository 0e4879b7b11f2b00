#include "simulator/package/capabilityfile.h"

#include "simulator/package/imagepackage.h"

#include <QCryptographicHash>
#include <QUuid>
#include <QtEndian>

using namespace Qt::Literals::StringLiterals;

namespace Sim {

namespace {

constexpr quint32 CapabilityVersion = 1;
constexpr quint32 CapabilityDataLength = 128; // device ID + capability bytes
constexpr int DeviceIdBytes = 64;
constexpr int CapabilityBytes = 64;
// The metadata's Identity: image type 28 (Other), a fixed made-up component ID.
constexpr int CapabilityImageType = 28;
const QUuid CapabilityComponentId(u"5cfd5cfd-0000-4000-8000-00000000ca9f"_s);

bool fail(QString *why, const QString &reason)
{
    if (why)
        *why = reason;
    return false;
}

void appendU32(QByteArray &out, quint32 value)
{
    char buf[4];
    qToLittleEndian(value, buf);
    out.append(buf, 4);
}

} // namespace

QString capabilityKeyThumbprint()
{
    return QString::fromLatin1(
        QCryptographicHash::hash("sphere-sim capability signing key", QCryptographicHash::Sha1)
            .toHex());
}

QByteArray writeCapabilityFile(const QString &deviceId, const QList<int> &capabilities)
{
    QByteArray head;
    appendU32(head, CapabilityMagic);
    appendU32(head, CapabilityVersion);
    appendU32(head, CapabilityDataLength);
    QByteArray id = QByteArray::fromHex(deviceId.toLatin1());
    id.resize(DeviceIdBytes, '\0');
    head.append(id);
    QByteArray caps(CapabilityBytes, '\0');
    for (qsizetype i = 0; i < capabilities.size() && i < CapabilityBytes; ++i)
        caps[i] = char(capabilities.at(i) & 0xFF);
    head.append(caps);

    // The §6.2 metadata of an empty package, then the whole file hashed again (§6.3).
    ImagePackageSpec spec;
    spec.imageType = CapabilityImageType;
    spec.componentId = CapabilityComponentId;
    spec.imageId = QUuid::createUuidV5(CapabilityComponentId, QString::fromLatin1(head.toHex()));
    spec.thumbprint = capabilityKeyThumbprint();
    spec.name = u"capability"_s;
    spec.payloadSize = 0;
    const QByteArray empty = writeImagePackage(spec);
    QByteArray out = head + empty.left(empty.size() - ImagePackageSignatureSize);
    out += QCryptographicHash::hash(out, QCryptographicHash::Sha256);
    out += QByteArray(ImagePackageSignatureSize - 32, '\0');
    return out;
}

std::optional<CapabilityFile> readCapabilityFile(const QByteArray &bytes, QString *why)
{
    if (bytes.size() < CapabilityStructSize
        || qFromLittleEndian<quint32>(bytes.constData()) != CapabilityMagic) {
        fail(why, u"it is not a capability file (no capability magic 0x5CFD5CFD)"_s);
        return std::nullopt;
    }
    if (qFromLittleEndian<quint32>(bytes.constData() + 8) != CapabilityDataLength) {
        fail(why, u"it is damaged (bad data length)"_s);
        return std::nullopt;
    }
    QString reason;
    const std::optional<ImagePackage> meta = readImagePackage(bytes, &reason);
    if (!meta || meta->payloadSize != CapabilityStructSize) {
        fail(why,
            u"it is damaged (%1)"_s.arg(meta ? u"the signed metadata is misplaced"_s : reason));
        return std::nullopt;
    }
    if (!meta->hasSignature || meta->thumbprint != capabilityKeyThumbprint()) {
        fail(why, u"it is not signed by a key the device trusts"_s);
        return std::nullopt;
    }
    if (!meta->hasSimulatedSignature || !meta->hashMatches) {
        fail(why, u"its signature does not match its contents"_s);
        return std::nullopt;
    }
    CapabilityFile file;
    file.deviceId = QString::fromLatin1(bytes.mid(12, DeviceIdBytes).toHex());
    for (int i = 0; i < CapabilityBytes; ++i) {
        const int n = quint8(bytes.at(12 + DeviceIdBytes + i));
        if (n != 0 && !file.capabilities.contains(n))
            file.capabilities.append(n);
    }
    return file;
}

QString capabilityName(int number)
{
    switch (number) {
    case 11:
        return u"EnableAppDevelopment"_s;
    case 12:
        return u"EnableRfTestMode"_s;
    case 13:
        return u"EnableFieldServicing"_s;
    default:
        return QString::number(number);
    }
}

int capabilityNumber(const QString &nameOrNumber)
{
    for (int n : {11, 12, 13}) {
        if (capabilityName(n).compare(nameOrNumber, Qt::CaseInsensitive) == 0)
            return n;
    }
    bool ok = false;
    const int n = nameOrNumber.toInt(&ok);
    return ok && n > 0 && n < 256 ? n : -1;
}

} // namespace Sim
