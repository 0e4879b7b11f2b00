#pragma once

#include "tests/helpers/imagepackagebytes.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUuid>

// A valid recipe whose sideload names large image packages, for the tests of loading off the
// GUI thread: each package is a sparse file (a hole of the given size, then the metadata and
// signature of REFERENCE 6.2), so the disk holds a few bytes while the loader reads and hashes
// every byte.
namespace LargeRecipe {

namespace detail {

// An Applications package's metadata and signature, production-signed (a made-up thumbprint).
inline QByteArray packageTail(int index)
{
    const QUuid component(
        QStringLiteral("77777777-0000-4000-8000-%1").arg(index, 12, 10, QLatin1Char('0')));
    const QByteArray meta = Station::Tests::imagePackageMetadata(10,
        component.toString(QUuid::WithoutBraces),
        component.toString(QUuid::WithoutBraces),
        QByteArray::fromHex("e7da166741ccfabee1623ca315d0b208df11e1f8"),
        "LargeApp");
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
