#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The simulator's fixed data: sim-catalog.json and mt3620an.sample.json, embedded as Qt resources
// (:/sim/sim-catalog.json, :/sim/mt3620an.sample.json) and parsed on first use. Part of the API
// that sim-io (serve, RF tools, assets) uses. Not thread-safe on first call; the simulator's
// executables are single-threaded.
namespace Sim {

struct OsComponent
{
    QString name;
    int imageType = 0;
    qint64 bytes = 0;
    QString componentId; // lowercase GUID
};

struct OsImage
{
    QString componentId; // lowercase GUID
    QString imageId;     // lowercase GUID
};

struct OsVersion
{
    QString name; // "24.03"
    int trustedKeystore = 0;
    QList<OsImage> images; // in catalog (recovery) order
};

struct ExtraComponent
{
    QString role; // rftestServer, keystoreUpdate, boardConfig
    QString name;
    int imageType = 0;
    qint64 bytes = 0;
    QString componentId;
    QString imageId;
    QString signedBy;
    int grantsKeystore = 0; // keystoreUpdate only
    QString ethernet;       // boardConfig only: ENC28J60 / W5500
};

struct SigningKey
{
    QString id;   // sdk-dev, prod-g1, prod-g2
    QString kind; // development / production
    int generation = 0;
    QString thumbprint; // lowercase hex
};

struct AccessPoint
{
    QString ssid;
    QString psk; // empty = open
    QString securityState;
    int freq = 0;
    int signalLevel = 0;
};

struct UartMeasurement
{
    QString name;
    QString unit;
    double nominal = 0;
    double sigma = 0;
    int decimals = 0;
};

// E-fuse field ranges, inclusive byte offsets.
struct EfuseRange
{
    int first = 0;
    int last = 0;
    int length() const { return last - first + 1; }
};

struct Catalog
{
    QString factoryOsVersion;
    QList<OsComponent> osComponents;
    QList<OsVersion> osVersions; // oldest first
    QList<ExtraComponent> extraComponents;
    QList<SigningKey> signingKeys;
    qint64 appFlashBytes = 0;
    int maxWifiNetworks = 0;
    int ipLast = 0;
    QList<AccessPoint> accessPoints;
    int efuseSize = 1024;
    EfuseRange efuseChipId, efuseMac, efuseRegion, efuseRxDiversity, efuseTxPower24, efuseTxPower5;
    int uartBaud = 0;
    QString uartFirmware;
    QString uartVersion;
    QList<UartMeasurement> uartMeasurements;

    const OsVersion *osVersion(const QString &name) const;
    const OsComponent *osComponent(const QString &componentId) const;
    const ExtraComponent *extraByRole(const QString &role) const;
    const ExtraComponent *extraByComponent(const QString &componentId) const;
    const SigningKey *keyByThumbprint(const QString &thumbprint) const;
    const SigningKey *keyById(const QString &id) const;
    QStringList osVersionNames() const;
};

// The parsed catalog (lazily, once).
const Catalog &catalog();
// The raw embedded files.
QByteArray catalogFileBytes();
QByteArray mt3620anFileBytes();

} // namespace Sim
