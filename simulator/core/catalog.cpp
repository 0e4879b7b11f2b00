#include "simulator/core/catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Sim {

namespace {

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("simulator resource %s is missing", qPrintable(path));
    return file.readAll();
}

EfuseRange rangeOf(const QJsonObject &efuse, const QString &key)
{
    const QJsonArray a = efuse.value(key).toArray();
    return EfuseRange {a.at(0).toInt(), a.at(1).toInt()};
}

Catalog parseCatalog()
{
    Catalog c;
    const QJsonObject root = QJsonDocument::fromJson(catalogFileBytes()).object();
    c.factoryOsVersion = root.value(u"factoryOsVersion"_s).toString();
    for (const QJsonValue &v : root.value(u"osComponents"_s).toArray()) {
        const QJsonObject o = v.toObject();
        c.osComponents.append(OsComponent {o.value(u"name"_s).toString(),
            o.value(u"imageType"_s).toInt(),
            o.value(u"bytes"_s).toInteger(),
            o.value(u"cid"_s).toString().toLower()});
    }
    QHash<QString, int> keystoreOf;
    for (const QJsonValue &v : root.value(u"osVersions"_s).toArray())
        keystoreOf.insert(v[u"name"_s].toString(), v[u"trustedKeystore"_s].toInt());
    const QJsonObject an = QJsonDocument::fromJson(mt3620anFileBytes()).object();
    for (const QJsonValue &v : an.value(u"versions"_s).toArray()) {
        OsVersion version;
        version.name = v[u"name"_s].toString();
        version.trustedKeystore = keystoreOf.value(version.name, 1);
        for (const QJsonValue &image : v[u"images"_s].toArray())
            version.images.append(OsImage {
                image[u"cid"_s].toString().toLower(), image[u"iid"_s].toString().toLower()});
        c.osVersions.append(version);
    }
    for (const QJsonValue &v : root.value(u"extraComponents"_s).toArray()) {
        const QJsonObject o = v.toObject();
        ExtraComponent e;
        e.role = o.value(u"role"_s).toString();
        e.name = o.value(u"name"_s).toString();
        e.imageType = o.value(u"imageType"_s).toInt();
        e.bytes = o.value(u"bytes"_s).toInteger();
        e.componentId = o.value(u"cid"_s).toString().toLower();
        e.imageId = o.value(u"iid"_s).toString().toLower();
        e.signedBy = o.value(u"signedBy"_s).toString();
        e.grantsKeystore = o.value(u"grantsKeystore"_s).toInt();
        e.ethernet = o.value(u"ethernet"_s).toString();
        c.extraComponents.append(e);
    }
    for (const QJsonValue &v : root.value(u"signingKeys"_s).toArray()) {
        const QJsonObject o = v.toObject();
        c.signingKeys.append(SigningKey {o.value(u"id"_s).toString(),
            o.value(u"kind"_s).toString(),
            o.value(u"generation"_s).toInt(),
            o.value(u"thumbprint"_s).toString().toLower()});
    }
    const QJsonObject limits = root.value(u"limits"_s).toObject();
    c.appFlashBytes = limits.value(u"appFlashBytes"_s).toInteger();
    c.maxWifiNetworks = limits.value(u"maxWifiNetworks"_s).toInt();
    c.ipLast = limits.value(u"ipLast"_s).toInt();
    for (const QJsonValue &v : root.value(u"accessPoints"_s).toArray()) {
        const QJsonObject o = v.toObject();
        c.accessPoints.append(AccessPoint {o.value(u"ssid"_s).toString(),
            o.value(u"psk"_s).toString(),
            o.value(u"securityState"_s).toString(),
            o.value(u"freq"_s).toInt(),
            o.value(u"signalLevel"_s).toInt()});
    }
    const QJsonObject efuse = root.value(u"efuse"_s).toObject();
    c.efuseSize = efuse.value(u"size"_s).toInt(1024);
    c.efuseChipId = rangeOf(efuse, u"chipId"_s);
    c.efuseMac = rangeOf(efuse, u"mac"_s);
    c.efuseRegion = rangeOf(efuse, u"region"_s);
    c.efuseRxDiversity = rangeOf(efuse, u"rxDiversity"_s);
    c.efuseTxPower24 = rangeOf(efuse, u"txPower24"_s);
    c.efuseTxPower5 = rangeOf(efuse, u"txPower5"_s);
    const QJsonObject uart = root.value(u"uart"_s).toObject();
    c.uartBaud = uart.value(u"baud"_s).toInt();
    c.uartFirmware = uart.value(u"firmware"_s).toString();
    c.uartVersion = uart.value(u"version"_s).toString();
    for (const QJsonValue &v : uart.value(u"measurements"_s).toArray()) {
        const QJsonObject o = v.toObject();
        c.uartMeasurements.append(UartMeasurement {o.value(u"name"_s).toString(),
            o.value(u"unit"_s).toString(),
            o.value(u"nominal"_s).toDouble(),
            o.value(u"sigma"_s).toDouble(),
            o.value(u"decimals"_s).toInt()});
    }
    return c;
}

} // namespace

QByteArray catalogFileBytes()
{
    return readResource(u":/sim/sim-catalog.json"_s);
}

QByteArray mt3620anFileBytes()
{
    return readResource(u":/sim/mt3620an.sample.json"_s);
}

const Catalog &catalog()
{
    static const Catalog c = parseCatalog();
    return c;
}

const OsVersion *Catalog::osVersion(const QString &name) const
{
    for (const OsVersion &v : osVersions) {
        if (v.name == name)
            return &v;
    }
    return nullptr;
}

const OsComponent *Catalog::osComponent(const QString &componentId) const
{
    for (const OsComponent &c : osComponents) {
        if (c.componentId.compare(componentId, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

const ExtraComponent *Catalog::extraByRole(const QString &role) const
{
    for (const ExtraComponent &e : extraComponents) {
        if (e.role == role)
            return &e;
    }
    return nullptr;
}

const ExtraComponent *Catalog::extraByComponent(const QString &componentId) const
{
    for (const ExtraComponent &e : extraComponents) {
        if (e.componentId.compare(componentId, Qt::CaseInsensitive) == 0)
            return &e;
    }
    return nullptr;
}

const SigningKey *Catalog::keyByThumbprint(const QString &thumbprint) const
{
    for (const SigningKey &k : signingKeys) {
        if (k.thumbprint.compare(thumbprint, Qt::CaseInsensitive) == 0)
            return &k;
    }
    return nullptr;
}

const SigningKey *Catalog::keyById(const QString &id) const
{
    for (const SigningKey &k : signingKeys) {
        if (k.id == id)
            return &k;
    }
    return nullptr;
}

QStringList Catalog::osVersionNames() const
{
    QStringList names;
    for (const OsVersion &v : osVersions)
        names.append(v.name);
    return names;
}

} // namespace Sim
