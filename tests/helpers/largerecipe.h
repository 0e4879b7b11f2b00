#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUuid>
#include <QtEndian>

#include <algorithm>

// A valid recipe whose sideload names large image packages, for the tests of loading off the
// GUI thread: each package is a sparse file (a hole of the given size, then the metadata and
// signature of REFERENCE 6.2), so the disk holds a few bytes while the loader reads and hashes
// every byte.
namespace LargeRecipe {

namespace detail {

inline void appendLe16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

inline void appendLe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

inline void appendSection(QByteArray &meta, quint16 id, const QByteArray &data)
{
    appendLe16(meta, id);
    appendLe16(meta, quint16(data.size()));
    meta.append(data);
}

// GUID in .NET bytes_le order: the first three fields byte-swapped.
inline QByteArray guidBytesLe(const QUuid &guid)
{
    QByteArray bytes = guid.toRfc4122();
    std::reverse(bytes.begin(), bytes.begin() + 4);
    std::reverse(bytes.begin() + 4, bytes.begin() + 6);
    std::reverse(bytes.begin() + 6, bytes.begin() + 8);
    return bytes;
}

// An Applications package's metadata and signature, production-signed (a made-up thumbprint).
inline QByteArray packageTail(int index)
{
    const QUuid component(
        QStringLiteral("77777777-0000-4000-8000-%1").arg(index, 12, 10, QLatin1Char('0')));
    QByteArray identity;
    appendLe16(identity, 10);
    appendLe16(identity, 0);
    identity.append(guidBytesLe(component));
    identity.append(guidBytesLe(component));
    QByteArray signature = QByteArray::fromHex("e7da166741ccfabee1623ca315d0b208df11e1f8");
    appendLe32(signature, 1);
    QByteArray debug(8, '\0');
    debug.append(QByteArray("LargeApp").leftJustified(32, '\0', true));
    QByteArray sections;
    appendSection(sections, 0x4449, identity);
    appendSection(sections, 0x4753, signature);
    appendSection(sections, 0x4244, debug);
    QByteArray meta;
    appendLe32(meta, 0x4D345834);
    appendLe32(meta, 3);
    meta.append(sections);
    appendLe32(meta, quint32(meta.size() + 4));
    return meta + QByteArray(64, 's');
}

} // namespace detail

// Writes `count` packages of `bytesEach` (at most 64 MiB, the loader's limit) and
// <dir>/large.json that sideloads them all. Returns the recipe's path, empty on failure.
inline QString write(const QString &dir, int count, qint64 bytesEach)
{
    QJsonArray packages;
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("large-%1.imagepackage").arg(i + 1);
        const QByteArray tail = detail::packageTail(i + 1);
        QFile file(QDir(dir).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || !file.resize(bytesEach - tail.size())
            || !file.seek(bytesEach - tail.size()) || file.write(tail) != tail.size())
            return {};
        packages.append(name);
    }
    const QJsonObject recipe {{QStringLiteral("format"), 1},
        {QStringLiteral("name"), QStringLiteral("Large packages")},
        {QStringLiteral("version"), QStringLiteral("1.0")},
        {QStringLiteral("steps"),
            QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("connect")}},
                QJsonObject {{QStringLiteral("type"), QStringLiteral("details")}},
                QJsonObject {{QStringLiteral("type"), QStringLiteral("sideload")},
                    {QStringLiteral("params"),
                        QJsonObject {{QStringLiteral("packages"), packages}}}}}}};
    const QString path = QDir(dir).filePath(QStringLiteral("large.json"));
    QFile file(path);
    const QByteArray json = QJsonDocument(recipe).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        return {};
    return path;
}

} // namespace LargeRecipe
