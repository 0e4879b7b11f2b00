#include "simulator/core/device.h"

#include "simulator/core/catalog.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sim {

QStringList faultKinds()
{
    return {QString::fromUtf16(FaultKind::Hang),
        QString::fromUtf16(FaultKind::Slow),
        QString::fromUtf16(FaultKind::Garbage),
        QString::fromUtf16(FaultKind::NotResponding),
        QString::fromUtf16(FaultKind::RecoverFails),
        QString::fromUtf16(FaultKind::UntrustedKeystore),
        QString::fromUtf16(FaultKind::InsufficientSpace),
        QString::fromUtf16(FaultKind::OtaInProgress),
        QString::fromUtf16(FaultKind::UnplugMidStep),
        QString::fromUtf16(FaultKind::UartSilent),
        QString::fromUtf16(FaultKind::UartSelftestFail),
        QString::fromUtf16(FaultKind::MeasurementOutOfLimits),
        QString::fromUtf16(FaultKind::RfOutOfSpec),
        QString::fromUtf16(FaultKind::SwapBeforeCommand),
        QString::fromUtf16(FaultKind::OversizedOutput)};
}

// ---- Fault -------------------------------------------------------------------------------------

QJsonObject Fault::toJson() const
{
    QJsonObject o {{u"kind"_s, kind}, {u"probability"_s, probability}, {u"count"_s, count}};
    if (!command.isEmpty())
        o.insert(u"command"_s, command);
    if (!variant.isEmpty())
        o.insert(u"variant"_s, variant);
    if (kind == FaultKind::Slow)
        o.insert(u"factor"_s, factor);
    if (skip > 0)
        o.insert(u"skip"_s, skip);
    return o;
}

Fault Fault::fromJson(const QJsonObject &o)
{
    Fault f;
    f.kind = o.value(u"kind"_s).toString();
    f.probability = o.value(u"probability"_s).toDouble(1.0);
    f.count = o.value(u"count"_s).toInt(-1);
    f.command = o.value(u"command"_s).toString();
    f.variant = o.value(u"variant"_s).toString();
    f.factor = o.value(u"factor"_s).toDouble(5.0);
    f.skip = std::max(0, o.value(u"skip"_s).toInt(0));
    return f;
}

QString Fault::describe() const
{
    QString text = kind;
    if (kind == FaultKind::Slow)
        text += u" x"_s + QString::number(factor);
    if (!variant.isEmpty())
        text += u" ("_s + variant + u')';
    if (probability < 1.0)
        text += u" p="_s + QString::number(probability);
    if (count >= 0)
        text += u" n="_s + QString::number(count);
    if (skip > 0)
        text += u" skip="_s + QString::number(skip);
    if (!command.isEmpty())
        text += u" cmd="_s + command;
    return text;
}

// ---- InstalledImage / WifiNetwork --------------------------------------------------------------

QJsonObject InstalledImage::toJson() const
{
    return QJsonObject {{u"componentId"_s, componentId},
        {u"imageId"_s, imageId},
        {u"name"_s, name},
        {u"imageType"_s, imageType},
        {u"bytes"_s, bytes},
        {u"thumbprint"_s, thumbprint},
        {u"manualStart"_s, manualStart},
        {u"removeAtBoot"_s, removeAtBoot}};
}

InstalledImage InstalledImage::fromJson(const QJsonObject &o)
{
    InstalledImage i;
    i.componentId = o.value(u"componentId"_s).toString();
    i.imageId = o.value(u"imageId"_s).toString();
    i.name = o.value(u"name"_s).toString();
    i.imageType = o.value(u"imageType"_s).toInt();
    i.bytes = o.value(u"bytes"_s).toInteger();
    i.thumbprint = o.value(u"thumbprint"_s).toString();
    i.manualStart = o.value(u"manualStart"_s).toBool();
    i.removeAtBoot = o.value(u"removeAtBoot"_s).toBool();
    return i;
}

QJsonObject WifiNetwork::toJson() const
{
    return QJsonObject {{u"id"_s, id},
        {u"ssid"_s, ssid},
        {u"psk"_s, psk},
        {u"configState"_s, configState},
        {u"securityState"_s, securityState},
        {u"targetedScan"_s, targetedScan},
        {u"configName"_s, configName},
        {u"connectableAtMs"_s, connectableAtMs}};
}

WifiNetwork WifiNetwork::fromJson(const QJsonObject &o)
{
    WifiNetwork n;
    n.id = o.value(u"id"_s).toInt();
    n.ssid = o.value(u"ssid"_s).toString();
    n.psk = o.value(u"psk"_s).toString();
    n.configState = o.value(u"configState"_s).toString(u"enabled"_s);
    n.securityState = o.value(u"securityState"_s).toString(u"psk"_s);
    n.targetedScan = o.value(u"targetedScan"_s).toBool();
    n.configName = o.value(u"configName"_s).toString();
    n.connectableAtMs = o.value(u"connectableAtMs"_s).toInteger();
    return n;
}

// ---- DeviceState -------------------------------------------------------------------------------

QJsonObject DeviceState::toJson() const
{
    QJsonArray caps;
    for (int c : capabilities)
        caps.append(c);
    QJsonArray imageArray;
    for (const InstalledImage &i : images)
        imageArray.append(i.toJson());
    QJsonArray wifiArray;
    for (const WifiNetwork &n : wifi)
        wifiArray.append(n.toJson());
    QJsonArray faultArray;
    for (const Fault &f : faults)
        faultArray.append(f.toJson());
    return QJsonObject {{u"formatVersion"_s, formatVersion},
        {u"serial"_s, serial},
        {u"deviceId"_s, deviceId},
        {u"manufacturingState"_s, manufacturingState},
        {u"capabilities"_s, caps},
        {u"osVersion"_s, osVersion},
        {u"trustedKeystore"_s, trustedKeystore},
        {u"images"_s, imageArray},
        {u"wifi"_s, wifiArray},
        {u"efuse"_s, QString::fromLatin1(efuse.toHex())},
        {u"boardConfig"_s, boardConfig},
        {u"bootCount"_s, bootCount},
        {u"busyUntilMs"_s, busyUntilMs},
        {u"busyReason"_s, busyReason},
        {u"faults"_s, faultArray},
        {u"faultRolls"_s, qint64(faultRolls)}};
}

std::optional<DeviceState> DeviceState::fromJson(const QJsonObject &o, QString *why)
{
    DeviceState s;
    s.formatVersion = o.value(u"formatVersion"_s).toInt(0);
    s.serial = o.value(u"serial"_s).toString();
    s.deviceId = o.value(u"deviceId"_s).toString();
    if (s.formatVersion != 1 || s.serial.isEmpty() || s.deviceId.size() != 128) {
        if (why)
            *why = u"not a device state (format, serial or deviceId missing)"_s;
        return std::nullopt;
    }
    s.manufacturingState = o.value(u"manufacturingState"_s).toString();
    for (const QJsonValue &v : o.value(u"capabilities"_s).toArray())
        s.capabilities.append(v.toInt());
    s.osVersion = o.value(u"osVersion"_s).toString();
    s.trustedKeystore = o.value(u"trustedKeystore"_s).toInt(1);
    for (const QJsonValue &v : o.value(u"images"_s).toArray())
        s.images.append(InstalledImage::fromJson(v.toObject()));
    for (const QJsonValue &v : o.value(u"wifi"_s).toArray())
        s.wifi.append(WifiNetwork::fromJson(v.toObject()));
    s.efuse = QByteArray::fromHex(o.value(u"efuse"_s).toString().toLatin1());
    if (s.efuse.size() != catalog().efuseSize)
        s.efuse.resize(catalog().efuseSize, '\0');
    s.boardConfig = o.value(u"boardConfig"_s).toString();
    s.bootCount = o.value(u"bootCount"_s).toInteger(1);
    s.busyUntilMs = o.value(u"busyUntilMs"_s).toInteger();
    s.busyReason = o.value(u"busyReason"_s).toString();
    for (const QJsonValue &v : o.value(u"faults"_s).toArray())
        s.faults.append(Fault::fromJson(v.toObject()));
    s.faultRolls = quint64(o.value(u"faultRolls"_s).toInteger());
    return s;
}

QString DeviceState::macAddress() const
{
    const EfuseRange r = catalog().efuseMac;
    QStringList parts;
    for (int i = r.first; i <= r.last && i < efuse.size(); ++i)
        parts.append(QString::asprintf("%02x", quint8(efuse.at(i))));
    return parts.join(u':');
}

qint64 DeviceState::applicationBytes() const
{
    qint64 total = 0;
    for (const InstalledImage &i : images) {
        if (i.imageType == 10)
            total += i.bytes;
    }
    return total;
}

int DeviceState::indexOfComponent(const QString &componentId) const
{
    for (int i = 0; i < images.size(); ++i) {
        if (images.at(i).componentId.compare(componentId, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

// ---- construction ------------------------------------------------------------------------------

QString deviceIdFor(const QString &seed, const QString &serial)
{
    const QByteArray input = (seed + u':' + serial).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha512).toHex());
}

QByteArray initialEfuse(const QString &deviceId, bool macProgrammed)
{
    const Catalog &c = catalog();
    QByteArray e(c.efuseSize, '\0');
    e[c.efuseChipId.first] = char(0x20);
    e[c.efuseChipId.first + 1] = char(0x36);
    if (macProgrammed) {
        const QByteArray id = QByteArray::fromHex(deviceId.left(8).toLatin1());
        e[c.efuseMac.first] = char(0x02);
        e[c.efuseMac.first + 1] = char(0x5A);
        for (int i = 0; i < 4 && i < id.size(); ++i)
            e[c.efuseMac.first + 2 + i] = id.at(i);
    }
    e[c.efuseRxDiversity.first] = char(0x29);
    e[c.efuseTxPower24.first] = char(0x22);
    e[c.efuseTxPower5.first] = char(0x1E);
    return e;
}

QList<InstalledImage> osImages(const QString &osVersion)
{
    QList<InstalledImage> result;
    const Catalog &c = catalog();
    const OsVersion *version = c.osVersion(osVersion);
    if (!version)
        return result;
    const SigningKey *key = c.keyById(u"prod-g1"_s);
    for (const OsImage &image : version->images) {
        const OsComponent *component = c.osComponent(image.componentId);
        InstalledImage i;
        i.componentId = image.componentId;
        i.imageId = image.imageId;
        i.name = component ? component->name : QString();
        i.imageType = component ? component->imageType : 0;
        i.bytes = component ? component->bytes : 0;
        i.thumbprint = key ? key->thumbprint : QString();
        result.append(i);
    }
    return result;
}

DeviceState makeDevice(const QString &seed,
    const QString &serial,
    const QString &osVersion,
    const QString &state,
    bool macProgrammed)
{
    const Catalog &c = catalog();
    DeviceState s;
    s.serial = serial;
    s.deviceId = deviceIdFor(seed, serial);
    s.manufacturingState = state;
    if (state == u"Blank")
        s.capabilities = {12};
    s.osVersion = osVersion;
    const OsVersion *version = c.osVersion(osVersion);
    s.trustedKeystore = version ? version->trustedKeystore : 1;
    s.images = osImages(osVersion);
    if (const ExtraComponent *rf = c.extraByRole(u"rftestServer"_s)) {
        const SigningKey *key = c.keyById(rf->signedBy);
        s.images.append(InstalledImage {rf->componentId,
            rf->imageId,
            rf->name,
            rf->imageType,
            rf->bytes,
            key ? key->thumbprint : QString(),
            false,
            false});
    }
    s.efuse = initialEfuse(s.deviceId, macProgrammed);
    return s;
}

void applyBoot(DeviceState &s)
{
    ++s.bootCount;
    QList<InstalledImage> kept;
    for (InstalledImage image : s.images) {
        if (image.removeAtBoot)
            continue;
        image.manualStart = false;
        kept.append(image);
    }
    s.images = kept;
}

// ---- faults ------------------------------------------------------------------------------------

namespace {

QString normalisedCommand(QString command)
{
    command = command.trimmed().toLower();
    if (command.startsWith(u"device "))
        command = command.mid(7);
    return command;
}

} // namespace

bool faultApplies(const Fault &f, const QString &kind, const QString &command)
{
    if (f.kind != kind)
        return false;
    if (f.command.isEmpty())
        return true;
    return normalisedCommand(f.command) == normalisedCommand(command);
}

std::optional<Fault> peekFault(const DeviceState &s, const QString &kind, const QString &command)
{
    for (const Fault &f : s.faults) {
        if (faultApplies(f, kind, command) && f.count != 0)
            return f;
    }
    return std::nullopt;
}

double drawRandom(DeviceState &s, const QString &seed)
{
    const QByteArray input
        = (seed + u':' + s.serial + u':' + QString::number(s.faultRolls)).toUtf8();
    ++s.faultRolls;
    const QByteArray hash = QCryptographicHash::hash(input, QCryptographicHash::Sha256);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | quint8(hash.at(i));
    return double(value >> 11) / double(quint64(1) << 53);
}

std::optional<Fault> takeFault(
    DeviceState &s, const QString &seed, const QString &kind, const QString &command, bool *changed)
{
    for (int i = 0; i < s.faults.size(); ++i) {
        Fault &f = s.faults[i];
        if (!faultApplies(f, kind, command) || f.count == 0)
            continue;
        if (f.skip > 0) {
            // Not yet: this command passes the fault by (no draw), the next ones count on.
            --f.skip;
            if (changed)
                *changed = true;
            continue;
        }
        if (f.probability < 1.0) {
            if (changed)
                *changed = true;
            if (drawRandom(s, seed) >= f.probability)
                continue; // this one missed; another fault of the kind may still fire
        }
        const Fault fired = f;
        if (f.count > 0) {
            if (changed)
                *changed = true;
            if (--f.count == 0)
                s.faults.removeAt(i);
        }
        return fired;
    }
    return std::nullopt;
}

} // namespace Sim
