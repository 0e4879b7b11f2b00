#include "services/azsphere/azsphereoutput.h"

#include "services/azsphere/errorcatalog.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Station::AzsphereOutput {

namespace {

// Why an output is unreadable; becomes part of the error's detail.
using Reason = QString;

tl::unexpected<Error> unreadable(const QByteArray &stdOut, const QString &reason)
{
    return fail(ErrorCatalog::outputUnparsable(QString::fromUtf8(stdOut), reason));
}

tl::expected<QJsonValue, Reason> document(const QByteArray &stdOut)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(stdOut, &error);
    if (error.error != QJsonParseError::NoError)
        return tl::make_unexpected(
            u"not JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset));
    if (doc.isArray())
        return QJsonValue(doc.array());
    if (doc.isObject())
        return QJsonValue(doc.object());
    return tl::make_unexpected(u"empty output"_s);
}

tl::expected<QJsonObject, Reason> objectDocument(const QByteArray &stdOut)
{
    auto value = document(stdOut);
    if (!value)
        return tl::make_unexpected(value.error());
    if (!value->isObject())
        return tl::make_unexpected(u"expected a JSON object"_s);
    return value->toObject();
}

tl::expected<QJsonArray, Reason> arrayDocument(const QByteArray &stdOut)
{
    auto value = document(stdOut);
    if (!value)
        return tl::make_unexpected(value.error());
    if (!value->isArray())
        return tl::make_unexpected(u"expected a JSON array"_s);
    return value->toArray();
}

// Other spellings of a key, as either tool may print it (lowercase; the lookup ignores case).
// azsphere prints "DeviceId"; az sphere is reported with "deviceIdentifier" (the device REST
// key) and "deviceId"; "Local Connection ID" replaces the connection path.
const QHash<QString, QStringList> &keyVariants()
{
    static const QHash<QString, QStringList> variants {
        {u"deviceid"_s, {u"deviceidentifier"_s, u"device_id"_s}},
        {u"connectionpath"_s, {u"localconnectionid"_s, u"local_connection_id"_s}},
        {u"ipaddress"_s, {u"ip_address"_s}},
        {u"isresponsive"_s, {u"is_responsive"_s}},
        {u"osversion"_s, {u"os_version"_s}},
        {u"manufacturingstate"_s, {u"manufacturing_state"_s}},
    };
    return variants;
}

// Reads typed keys from one JSON object and remembers the first problem. Keys match without
// regard to case and with the variants of keyVariants(); two keys that both match with different
// values (e.g. "deviceId" and "DeviceId") are a problem, not a guess.
class Fields
{
public:
    Fields(const QJsonObject &object, const QString &where)
        : m_object(object)
        , m_where(where)
    { }

    QJsonValue value(const QString &key)
    {
        QStringList wanted {key.toLower()};
        wanted += keyVariants().value(key.toLower());
        QString found;
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!wanted.contains(it.key().toLower()))
                continue;
            if (!found.isEmpty() && m_object.value(found) != it.value()) {
                problem(u"keys \"%1\" and \"%2\" both mean \"%3\""_s.arg(found, it.key(), key));
                return QJsonValue(QJsonValue::Undefined);
            }
            found = it.key();
        }
        return found.isEmpty() ? QJsonValue(QJsonValue::Undefined) : m_object.value(found);
    }

    QString string(const QString &key, bool required = true, bool nullable = false)
    {
        const QJsonValue value = this->value(key);
        if (value.isString())
            return value.toString();
        if (value.isUndefined()) {
            if (required)
                problem(u"missing key \"%1\""_s.arg(key));
        } else if (!(nullable && value.isNull())) {
            problem(u"key \"%1\" is not a string"_s.arg(key));
        }
        return {};
    }

    bool boolean(const QString &key, bool required = true)
    {
        const QJsonValue value = this->value(key);
        if (value.isBool())
            return value.toBool();
        if (!value.isUndefined() || required)
            problem(u"key \"%1\" is not a boolean"_s.arg(key));
        return false;
    }

    std::optional<qint64> integer(const QString &key, bool required = true)
    {
        const QJsonValue value = this->value(key);
        if (value.isDouble()) {
            const double number = value.toDouble();
            if (std::floor(number) == number && std::abs(number) < 9.0e15)
                return qint64(number);
        }
        if (!value.isUndefined() || required)
            problem(u"key \"%1\" is not an integer"_s.arg(key));
        return std::nullopt;
    }

    // A GUID, returned in lowercase without braces.
    QString guid(const QString &key)
    {
        const QString text = string(key);
        if (!text.isEmpty() && QUuid::fromString(text).isNull())
            problem(u"key \"%1\" is not a GUID: %2"_s.arg(key, text));
        return text.toLower();
    }

    QJsonObject object(const QString &key, bool required = true)
    {
        const QJsonValue value = this->value(key);
        if (value.isObject())
            return value.toObject();
        if (!value.isUndefined() || required)
            problem(u"key \"%1\" is not an object"_s.arg(key));
        return {};
    }

    QJsonArray array(const QString &key, bool required = true)
    {
        const QJsonValue value = this->value(key);
        if (value.isArray())
            return value.toArray();
        if (!value.isUndefined() || required)
            problem(u"key \"%1\" is not an array"_s.arg(key));
        return {};
    }

    bool has(const QString &key) { return !value(key).isUndefined(); }
    void problem(const QString &reason)
    {
        if (m_reason.isEmpty())
            m_reason = m_where + u": "_s + reason;
    }
    bool isOk() const { return m_reason.isEmpty(); }
    const QString &reason() const { return m_reason; }

private:
    QJsonObject m_object;
    QString m_where;
    QString m_reason;
};

bool isDeviceId(const QString &text)
{
    static const QRegularExpression pattern(u"^[0-9a-fA-F]{128}$"_s);
    return pattern.match(text).hasMatch();
}

tl::expected<AttachedDevice, Reason> attachedDevice(
    const QJsonValue &value, const QString &where, bool listEntry)
{
    if (!value.isObject())
        return tl::make_unexpected(where + u": not an object"_s);
    Fields fields(value.toObject(), where);
    AttachedDevice device;
    // A device that does not answer is listed with a null DeviceId.
    device.deviceId = fields.string(u"DeviceId"_s, true, listEntry).toLower();
    device.ipAddress = fields.string(u"IpAddress"_s);
    device.connectionPath = fields.string(u"ConnectionPath"_s);
    if (listEntry)
        device.isResponsive = fields.boolean(u"IsResponsive"_s);
    if (!device.deviceId.isEmpty() && !isDeviceId(device.deviceId))
        fields.problem(u"DeviceId is not 128 hex characters"_s);
    if (!listEntry && device.deviceId.isEmpty())
        fields.problem(u"DeviceId is empty"_s);
    if (fields.isOk() && device.ipAddress.isEmpty())
        fields.problem(u"IpAddress is empty"_s);
    if (!fields.isOk())
        return tl::make_unexpected(fields.reason());
    return device;
}

tl::expected<WifiNetwork, Reason> wifiNetwork(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return tl::make_unexpected(where + u": not an object"_s);
    Fields fields(value.toObject(), where);
    WifiNetwork network;
    network.id = int(fields.integer(u"id"_s).value_or(-1));
    network.ssid = fields.string(u"ssid"_s);
    network.configState = fields.string(u"configState"_s);
    network.connectionState = fields.string(u"connectionState"_s);
    network.securityState = fields.string(u"securityState"_s);
    network.targetedScan = fields.boolean(u"targetedScan"_s, false);
    network.configName = fields.string(u"configName"_s, false, true);
    if (fields.isOk() && network.id < 0)
        fields.problem(u"negative id"_s);
    if (!fields.isOk())
        return tl::make_unexpected(fields.reason());
    return network;
}

QStringList stdOutLines(const QByteArray &stdOut)
{
    QStringList lines = QString::fromUtf8(stdOut).split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return lines;
}

} // namespace

Result<QList<AttachedDevice>> parseListAttached(const QByteArray &stdOut)
{
    const auto array = arrayDocument(stdOut);
    if (!array)
        return unreadable(stdOut, array.error());
    QList<AttachedDevice> devices;
    for (qsizetype index = 0; index < array->size(); ++index) {
        auto device = attachedDevice(array->at(index), u"device %1"_s.arg(index), true);
        if (!device)
            return unreadable(stdOut, device.error());
        devices.append(*device);
    }
    return devices;
}

Result<AttachedDevice> parseShowAttached(const QByteArray &stdOut)
{
    const auto object = objectDocument(stdOut);
    if (!object)
        return unreadable(stdOut, object.error());
    auto device = attachedDevice(*object, u"show-attached"_s, false);
    if (!device)
        return unreadable(stdOut, device.error());
    return *device;
}

Result<int> parseRescanAttached(const QByteArray &stdOut)
{
    // The device service answers a bare count; a tool may print it as such.
    static const QRegularExpression bare(u"^\\s*(\\d{1,6})\\s*$"_s);
    if (const QRegularExpressionMatch match = bare.match(QString::fromUtf8(stdOut));
        match.hasMatch())
        return match.captured(1).toInt();
    const auto object = objectDocument(stdOut);
    if (!object)
        return unreadable(stdOut, object.error());
    Fields fields(*object, u"rescan-attached"_s);
    const std::optional<qint64> count = fields.integer(u"Count"_s);
    if (fields.isOk() && *count < 0)
        fields.problem(u"negative Count"_s);
    if (!fields.isOk())
        return unreadable(stdOut, fields.reason());
    return int(*count);
}

Result<QList<InstalledComponent>> parseImageListInstalled(const QByteArray &stdOut)
{
    const auto array = arrayDocument(stdOut);
    if (!array)
        return unreadable(stdOut, array.error());
    QList<InstalledComponent> components;
    for (qsizetype index = 0; index < array->size(); ++index) {
        const QJsonValue value = array->at(index);
        const QString where = u"component %1"_s.arg(index);
        if (!value.isObject())
            return unreadable(stdOut, where + u": not an object"_s);
        Fields fields(value.toObject(), where);
        InstalledComponent component;
        component.componentId = fields.guid(u"uid"_s);
        component.imageType = int(fields.integer(u"image_type"_s).value_or(0));
        component.name = fields.string(u"name"_s);
        component.requiresRestart = fields.boolean(u"does_image_type_require_restart"_s, false);
        component.isUpdateStaged = fields.boolean(u"is_update_staged"_s, false);
        const QJsonArray images = fields.array(u"images"_s);
        if (fields.isOk() && images.isEmpty())
            fields.problem(u"\"images\" is empty"_s);
        if (fields.isOk()) {
            // device_ready.py reads images[0]; so does the station.
            if (!images.first().isObject())
                return unreadable(stdOut, where + u": images[0] is not an object"_s);
            Fields image(images.first().toObject(), where + u" images[0]"_s);
            component.imageId = image.guid(u"uid"_s);
            component.lengthInBytes = image.integer(u"length_in_bytes"_s, false).value_or(0);
            if (!image.isOk())
                return unreadable(stdOut, image.reason());
        }
        if (!fields.isOk())
            return unreadable(stdOut, fields.reason());
        components.append(component);
    }
    return components;
}

Result<ManufacturingState> parseManufacturingState(const QByteArray &stdOut)
{
    const auto object = objectDocument(stdOut);
    if (!object)
        return unreadable(stdOut, object.error());
    Fields fields(*object, u"manufacturing-state"_s);
    const QString name = fields.string(u"manufacturingState"_s);
    if (!fields.isOk())
        return unreadable(stdOut, fields.reason());
    const std::optional<ManufacturingState> state = manufacturingStateFromName(name);
    if (!state)
        return unreadable(stdOut, u"unknown manufacturing state \"%1\""_s.arg(name));
    return *state;
}

Result<QStringList> parseCapabilities(const QByteArray &stdOut)
{
    // A list of names (azsphere; az sphere as scripts read it), or the device REST form
    // {"device_capabilities": [11, 12]} that az sphere may pass through: numbers become names.
    auto value = document(stdOut);
    if (!value)
        return unreadable(stdOut, value.error());
    QJsonArray array;
    if (value->isArray()) {
        array = value->toArray();
    } else {
        Fields fields(value->toObject(), u"capability show-attached"_s);
        array = fields.array(u"device_capabilities"_s);
        if (!fields.isOk())
            return unreadable(stdOut, fields.reason());
    }
    QStringList names;
    for (const QJsonValue &entry : std::as_const(array)) {
        if (entry.isDouble() && entry.toInt() >= 0 && entry.toDouble() == double(entry.toInt())) {
            names.append(capabilityName(entry.toInt()));
            continue;
        }
        if (!entry.isString() || entry.toString().isEmpty())
            return unreadable(stdOut, u"a capability is not a name"_s);
        names.append(entry.toString());
    }
    return names;
}

Result<WifiNetwork> parseWifiNetwork(const QByteArray &stdOut)
{
    const auto object = objectDocument(stdOut);
    if (!object)
        return unreadable(stdOut, object.error());
    auto network = wifiNetwork(*object, u"network"_s);
    if (!network)
        return unreadable(stdOut, network.error());
    return *network;
}

Result<QList<WifiNetwork>> parseWifiList(const QByteArray &stdOut)
{
    const auto array = arrayDocument(stdOut);
    if (!array)
        return unreadable(stdOut, array.error());
    QList<WifiNetwork> networks;
    for (qsizetype index = 0; index < array->size(); ++index) {
        auto network = wifiNetwork(array->at(index), u"network %1"_s.arg(index));
        if (!network)
            return unreadable(stdOut, network.error());
        networks.append(*network);
    }
    return networks;
}

Result<WifiStatus> parseWifiStatus(const QByteArray &stdOut)
{
    const auto object = objectDocument(stdOut);
    if (!object)
        return unreadable(stdOut, object.error());
    Fields fields(*object, u"show-status"_s);
    WifiStatus status;
    status.connectionState = fields.string(u"connectionState"_s);
    status.address = fields.string(u"address"_s, false);
    status.mode = fields.string(u"mode"_s, false);
    status.wpaState = fields.string(u"wpa_state"_s, false);
    status.ssid = fields.string(u"ssid"_s, false);
    status.ipAddress = fields.string(u"ip_address"_s, false);
    status.keyManagement = fields.string(u"key_mgmt"_s, false);
    status.securityState = fields.string(u"securityState"_s, false);
    status.configState = fields.string(u"configState"_s, false);
    if (fields.has(u"id"_s)) {
        if (const auto id = fields.integer(u"id"_s))
            status.networkId = int(*id);
    }
    if (fields.has(u"freq"_s)) {
        if (const auto freq = fields.integer(u"freq"_s))
            status.frequencyMhz = int(*freq);
    }
    if (!fields.isOk())
        return unreadable(stdOut, fields.reason());
    if (status.connectionState.isEmpty())
        return unreadable(stdOut, u"connectionState is empty"_s);
    return status;
}

Result<QString> parseOsVersion(const QByteArray &stdOut)
{
    const auto object = objectDocument(stdOut);
    if (!object)
        return unreadable(stdOut, object.error());
    Fields fields(*object, u"show-os-version"_s);
    const QString version = fields.string(u"osversion"_s);
    if (fields.isOk() && version.isEmpty())
        fields.problem(u"osversion is empty"_s);
    if (!fields.isOk())
        return unreadable(stdOut, fields.reason());
    return version;
}

Result<QString> parseSdkVersion(const QByteArray &stdOut)
{
    const auto object = objectDocument(stdOut);
    if (!object)
        return unreadable(stdOut, object.error());
    Fields fields(*object, u"show-version"_s);
    // azsphere show-version: {"Azure Sphere SDK": ...}; az sphere show-sdk-version: the
    // project's stand-in prints {"version": ...} (docs/tools.md).
    const QString version = fields.string(
        fields.has(u"Azure Sphere SDK"_s) || !fields.has(u"version"_s) ? u"Azure Sphere SDK"_s
                                                                       : u"version"_s);
    if (fields.isOk() && version.isEmpty())
        fields.problem(u"version is empty"_s);
    if (!fields.isOk())
        return unreadable(stdOut, fields.reason());
    return version;
}

Result<ImagePackageInfo> parseImagePackageShow(const QByteArray &stdOut)
{
    const auto object = objectDocument(stdOut);
    if (!object)
        return unreadable(stdOut, object.error());
    Fields top(*object, u"image-package"_s);
    ImagePackageInfo info;

    Fields identity(top.object(u"Identity"_s), u"Identity"_s);
    const QString typeName = identity.string(u"ImageType"_s);
    info.componentId = QUuid::fromString(identity.guid(u"ComponentId"_s));
    info.imageId = QUuid::fromString(identity.guid(u"ImageId"_s));
    if (identity.isOk()) {
        if (const auto type = ImagePackageInfo::imageTypeFromName(typeName))
            info.imageType = *type;
        else
            identity.problem(u"unknown ImageType \"%1\""_s.arg(typeName));
    }

    Fields signature(top.object(u"Signature"_s), u"Signature"_s);
    info.thumbprint = signature.string(u"CertThumbprint"_s).toLower();
    const QString signingType = signature.string(u"SigningType"_s);
    static const QRegularExpression thumbprintPattern(u"^[0-9a-f]{40}$"_s);
    if (signature.isOk() && !thumbprintPattern.match(info.thumbprint).hasMatch())
        signature.problem(u"CertThumbprint is not 40 hex characters"_s);
    if (signingType == "ECDsa256"_L1)
        info.signingType = 1;
    else if (signature.isOk())
        signature.problem(u"unknown SigningType \"%1\""_s.arg(signingType));

    if (top.has(u"Debug"_s)) {
        Fields debug(top.object(u"Debug"_s), u"Debug"_s);
        info.name = debug.string(u"ImageName"_s);
        const QString built = debug.string(u"BuildDateUtc"_s);
        info.buildTime = QDateTime::fromString(built, Qt::ISODate).toUTC();
        if (debug.isOk() && !info.buildTime.isValid())
            debug.problem(u"BuildDateUtc is not an ISO date: %1"_s.arg(built));
        if (!debug.isOk())
            return unreadable(stdOut, debug.reason());
    }
    if (top.has(u"TemporaryImage"_s)) {
        Fields temporary(top.object(u"TemporaryImage"_s), u"TemporaryImage"_s);
        TemporaryImageFlags flags;
        flags.removeAtBoot = temporary.boolean(u"RemoveImageAtBoot"_s);
        flags.underDevelopment = temporary.boolean(u"UnderDevelopment"_s);
        if (!temporary.isOk())
            return unreadable(stdOut, temporary.reason());
        info.temporary = flags;
    }
    if (top.has(u"ABIDepends"_s)) {
        const QJsonArray depends = top.array(u"ABIDepends"_s);
        for (const QJsonValue &value : depends) {
            if (!value.isObject())
                return unreadable(stdOut, u"ABIDepends: an entry is not an object"_s);
            Fields entry(value.toObject(), u"ABIDepends"_s);
            const QString name = entry.string(u"Name"_s);
            const std::optional<qint64> version = entry.integer(u"Version"_s);
            if (!entry.isOk())
                return unreadable(stdOut, entry.reason());
            const uint kind = name == "ApplicationRuntime"_L1 ? 3U : name.toUInt();
            info.abiDepends.append(AbiDependency {quint32(*version), kind});
        }
    }
    for (const Fields *fields : {&top, &identity, &signature}) {
        if (!fields->isOk())
            return unreadable(stdOut, fields->reason());
    }
    return info;
}

Result<AzVersions> parseAzVersion(const QByteArray &stdOut)
{
    const auto object = objectDocument(stdOut);
    if (!object)
        return unreadable(stdOut, object.error());
    Fields fields(*object, u"az version"_s);
    AzVersions versions;
    versions.cli = fields.string(u"azure-cli"_s);
    const QJsonObject extensions = fields.object(u"extensions"_s, false);
    if (!fields.isOk())
        return unreadable(stdOut, fields.reason());
    Fields extension(extensions, u"az version: extensions"_s);
    versions.extension = extension.string(u"azure-sphere"_s, false);
    if (!extension.isOk())
        return unreadable(stdOut, extension.reason());
    if (versions.extension.isEmpty()) {
        return fail(ErrorCatalog::extensionMissing(QString::fromUtf8(stdOut).trimmed()));
    }
    return versions;
}

bool isQuietJsonReply(const QByteArray &stdOut)
{
    const QByteArray trimmed = stdOut.trimmed();
    if (trimmed.isEmpty())
        return true;
    // Wrapped, so that a bare JSON value ("text", 3, null) reads as well.
    QJsonParseError error;
    QJsonDocument::fromJson("[" + trimmed + "]", &error);
    return error.error == QJsonParseError::NoError;
}

QString untaggedStatusLine(const QString &line)
{
    for (const QLatin1String tag : {"WARNING:"_L1, "INFO:"_L1}) {
        if (line.startsWith(tag, Qt::CaseInsensitive))
            return line.mid(tag.size()).trimmed();
    }
    return {};
}

QByteArray statusText(const QByteArray &stdOut, const QByteArray &stdErr)
{
    QStringList lines;
    const QString out = QString::fromUtf8(stdOut).trimmed();
    if (!out.isEmpty())
        lines.append(out);
    for (QString line : QString::fromUtf8(stdErr).split(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString status = untaggedStatusLine(line);
        if (!status.isEmpty())
            lines.append(status);
    }
    return lines.join(u'\n').toUtf8();
}

std::optional<RecoverProgress> parseRecoverProgressLine(const QString &line)
{
    static const QRegularExpression sending(
        u"^Sending (\\d+) images\\.(?: \\((\\d+) bytes to send\\))?$"_s);
    static const QRegularExpression sent(
        u"^Sent (\\d+) of (\\d+) images\\.(?: \\((\\d+) of (\\d+) bytes remaining\\))?$"_s);
    const QString trimmed = line.trimmed();
    if (const QRegularExpressionMatch match = sending.match(trimmed); match.hasMatch()) {
        RecoverProgress progress;
        progress.imageCount = match.captured(1).toInt();
        if (match.hasCaptured(2)) {
            progress.bytesTotal = match.captured(2).toLongLong();
            progress.bytesRemaining = progress.bytesTotal;
        }
        return progress;
    }
    if (const QRegularExpressionMatch match = sent.match(trimmed); match.hasMatch()) {
        RecoverProgress progress;
        progress.imagesSent = match.captured(1).toInt();
        progress.imageCount = match.captured(2).toInt();
        if (match.hasCaptured(3)) {
            progress.bytesRemaining = match.captured(3).toLongLong();
            progress.bytesTotal = match.captured(4).toLongLong();
        }
        return progress;
    }
    return std::nullopt;
}

Result<RecoverReport> parseRecover(const QByteArray &stdOut)
{
    static const QRegularExpression deviceIdLine(u"^Device ID: ([0-9a-fA-F]{128})$"_s);
    RecoverReport report;
    bool recovered = false;
    for (const QString &raw : stdOutLines(stdOut)) {
        const QString line = raw.trimmed();
        if (line == "Device recovered successfully."_L1)
            recovered = true;
        else if (const QRegularExpressionMatch match = deviceIdLine.match(line); match.hasMatch())
            report.deviceId = match.captured(1).toLower();
        else if (const std::optional<RecoverProgress> progress = parseRecoverProgressLine(line)) {
            report.imagesSent = progress->imagesSent;
            report.imageCount = progress->imageCount;
        }
    }
    if (!recovered)
        return unreadable(stdOut, u"missing the line \"Device recovered successfully.\""_s);
    return report;
}

Result<DeployReport> parseSideloadDeploy(const QByteArray &stdOut, const QString &packagePath)
{
    const QString deployed
        = u"Image package '%1' has been deployed to the attached device."_s.arg(packagePath);
    DeployReport report;
    bool found = false;
    for (const QString &raw : stdOutLines(stdOut)) {
        const QString line = raw.trimmed();
        if (line == deployed)
            found = true;
        else if (line.startsWith("The application was not automatically started."_L1))
            report.startedAutomatically = false;
    }
    if (!found)
        return unreadable(stdOut, u"missing the line \"%1\""_s.arg(deployed));
    return report;
}

Result<QList<DeletedComponent>> parseSideloadDelete(
    const QByteArray &stdOut, const QString &componentId, bool strict)
{
    static const QRegularExpression deletedLine(
        u"^Component '([^']+)' deleted( or was not present beforehand)?\\.$"_s);
    QList<DeletedComponent> deleted;
    bool named = componentId.isEmpty();
    for (const QString &raw : stdOutLines(stdOut)) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const QRegularExpressionMatch match = deletedLine.match(line);
        if (!match.hasMatch() && !strict)
            continue;
        if (!match.hasMatch())
            return unreadable(stdOut, u"unexpected line \"%1\""_s.arg(line));
        DeletedComponent component {match.captured(1).toLower(), !match.hasCaptured(2)};
        if (component.componentId.compare(componentId, Qt::CaseInsensitive) == 0)
            named = true;
        deleted.append(component);
    }
    if (!named)
        return unreadable(
            stdOut, u"missing the line \"Component '%1' deleted.\""_s.arg(componentId));
    return deleted;
}

Result<void> parseWifiForget(const QByteArray &stdOut)
{
    for (const QString &line : stdOutLines(stdOut)) {
        if (line.trimmed().startsWith("Successfully removed network"_L1))
            return {};
    }
    return unreadable(stdOut, u"missing the line \"Successfully removed network\""_s);
}

Result<void> parseRestart(const QByteArray &stdOut)
{
    for (const QString &line : stdOutLines(stdOut)) {
        if (line.trimmed() == "Device restarted successfully."_L1)
            return {};
    }
    return unreadable(stdOut, u"missing the line \"Device restarted successfully.\""_s);
}

} // namespace Station::AzsphereOutput
