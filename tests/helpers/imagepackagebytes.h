#pragma once

#include <QByteArray>
#include <QString>
#include <QUuid>
#include <QtEndian>

#include <algorithm>

// The bytes of an image package's metadata, as the tests build packages: the Identity, Signature
// and Debug sections in the M4X4 block the station's reader (services/azsphere/imagepackage.h)
// looks for at the end of a file. A caller puts its payload before and its signature after.
namespace Station::Tests {

inline void appendLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

inline void appendLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

// GUID in .NET bytes_le order: the first three fields byte-swapped.
inline QByteArray guidBytesLe(const QString &guid)
{
    QByteArray bytes = QUuid::fromString(guid).toRfc4122();
    std::reverse(bytes.begin(), bytes.begin() + 4);
    std::reverse(bytes.begin() + 4, bytes.begin() + 6);
    std::reverse(bytes.begin() + 6, bytes.begin() + 8);
    return bytes;
}

inline QByteArray imagePackageMetadata(int imageType,
    const QString &componentId,
    const QString &imageId,
    const QByteArray &thumbprint,
    const QByteArray &name)
{
    auto appendSection = [](QByteArray &meta, quint16 id, const QByteArray &data) {
        appendLe16(meta, id);
        appendLe16(meta, quint16(data.size()));
        meta.append(data);
    };
    QByteArray identity;
    appendLe16(identity, quint16(imageType));
    appendLe16(identity, 0);
    identity.append(guidBytesLe(componentId));
    identity.append(guidBytesLe(imageId));
    QByteArray signature = thumbprint;
    appendLe32(signature, 1);
    QByteArray debug(8, '\0');
    debug.append(name.leftJustified(32, '\0', true));

    QByteArray sections;
    appendSection(sections, 0x4449, identity);
    appendSection(sections, 0x4753, signature);
    appendSection(sections, 0x4244, debug);
    QByteArray meta;
    appendLe32(meta, 0x4D345834);
    appendLe32(meta, 3);
    meta.append(sections);
    appendLe32(meta, quint32(meta.size() + 4));
    return meta;
}

} // namespace Station::Tests
