#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// The simulated Azure Sphere cloud behind the factory's hand-off (the contract's §11 and the az
// dialect's §3.10/§5.1): tenants (the az dialect calls them catalogs), their products, device
// groups and claimed devices. Kept in <bench>/cloud.json, changed under <bench>/cloud.lock.
//
// The model is front-end neutral: the legacy commands (tenant, product, device-group, device
// claim, device update) and an `az sphere` front end (catalog, product, device-group, device
// claim, device assign) call the same functions and only word and print the results their way.
// Use Cloud::modify() for a change (lock, read, change, write) and Cloud::read() to look.
//
// Lock order: cloud.lock is taken alone. A claim reads the device's state file without its lock
// (files are replaced atomically), so the cloud never waits for a device or for bench.lock.
namespace Sim {

class Bench;

struct CloudProduct
{
    QString id; // lowercase GUID
    QString name;
    QString description;

    QJsonObject toJson() const;
    static CloudProduct fromJson(const QJsonObject &o);
};

struct CloudDeviceGroup
{
    QString id; // lowercase GUID
    QString productId;
    QString name;
    QString description;
    QString osFeedType = QStringLiteral("Retail");         // Retail, RetailEval
    QString updatePolicy = QStringLiteral("UpdateAll");    // UpdateAll, No3rdPartyAppUpdates
    QString regionalDataBoundary = QStringLiteral("None"); // None, EU
    bool allowCrashDumpsCollection = false;

    QJsonObject toJson() const;
    static CloudDeviceGroup fromJson(const QJsonObject &o);
};

// A claimed device. productId / deviceGroupId are empty until it is assigned (a legacy claim
// claims into the tenant only; an az claim may name both).
struct CloudDevice
{
    QString deviceId; // 128 lowercase hex
    QString productId;
    QString deviceGroupId;

    QJsonObject toJson() const;
    static CloudDevice fromJson(const QJsonObject &o);
};

struct CloudTenant
{
    QString id; // lowercase GUID
    QString name;
    // The resource group an `az sphere catalog create -g` recorded; empty for tenants made
    // otherwise (the default one, sphere-sim cloud reset, legacy).
    QString resourceGroup;
    QList<CloudProduct> products;
    QList<CloudDeviceGroup> deviceGroups;
    QList<CloudDevice> devices;

    const CloudProduct *product(const QString &idOrName) const; // name case-insensitive
    const CloudDeviceGroup *deviceGroup(const QString &groupId) const;
    // A device group by "<product>/<group>" (names or IDs, case-insensitive) or by its ID.
    const CloudDeviceGroup *deviceGroupByPath(const QString &ref) const;
    const CloudDeviceGroup *deviceGroup(
        const QString &productIdOrName, const QString &groupName) const;
    QList<CloudDeviceGroup> deviceGroupsOf(const QString &productId) const;
    const CloudDevice *device(const QString &deviceId) const;

    QJsonObject toJson() const;
    static CloudTenant fromJson(const QJsonObject &o);
};

struct CloudState
{
    int formatVersion = 1;
    QString selectedTenantId; // empty: none selected
    QList<CloudTenant> tenants;

    const CloudTenant *tenant(const QString &idOrName) const; // name case-insensitive
    CloudTenant *tenant(const QString &idOrName);
    const CloudTenant *selectedTenant() const;

    QJsonObject toJson() const;
    static std::optional<CloudState> fromJson(const QJsonObject &o, QString *why = nullptr);
};

// What went wrong; `message` is plain English without a CLI prefix, for any front end to wrap.
struct CloudError
{
    enum class Code {
        NoTenantSelected,
        TenantNotFound,
        ProductNotFound,
        DeviceGroupNotFound,
        AlreadyExists,
        InvalidName,
        InvalidValue,
        UnknownDevice,
        NotFinalized,
        AlreadyClaimed,
        NotClaimed,
        Storage,
    };
    Code code = Code::Storage;
    QString message;
};

// The defaults a fresh cloud has (no cloud.json yet): one tenant, selected.
inline const QString DefaultTenantName = QStringLiteral("Sphere Station Factory");
// Device groups a new product gets unless asked not to, as Microsoft's product create does.
QStringList defaultDeviceGroupNames();
// The simulated Azure subscription's ID (az's ARM resource IDs), reproducible from the seed.
QString subscriptionId(const QString &seed);

// Pure operations on a state. Each returns nullopt on success (and the new or changed record in
// *out when given) or the error. `seed` (the bench's) makes the generated IDs reproducible.
std::optional<CloudError> createTenant(
    CloudState &state, const QString &seed, const QString &name, CloudTenant *out = nullptr);
std::optional<CloudError> selectTenant(CloudState &state, const QString &idOrName);
// The tenant a command works on: `idOrName` when given, else the selected one.
std::optional<CloudError> resolveTenant(
    const CloudState &state, const QString &idOrName, const CloudTenant **out);
std::optional<CloudError> createProduct(CloudState &state,
    const QString &tenantId,
    const QString &name,
    const QString &description,
    bool defaultDeviceGroups,
    CloudProduct *out = nullptr);
struct DeviceGroupOptions
{
    QString description;
    QString osFeedType = QStringLiteral("Retail");
    QString updatePolicy = QStringLiteral("UpdateAll");
    QString regionalDataBoundary = QStringLiteral("None");
    bool allowCrashDumpsCollection = false;
};
std::optional<CloudError> createDeviceGroup(CloudState &state,
    const QString &tenantId,
    const QString &productIdOrName,
    const QString &name,
    const DeviceGroupOptions &options,
    CloudDeviceGroup *out = nullptr);
// Claims a device of the bench into the tenant: refused for an ID no device of the bench has,
// for a device not in DeviceComplete, and for a device claimed before (into any tenant). With a
// product and device group (the az dialect) the device is also assigned to that group.
std::optional<CloudError> claimDevice(CloudState &state,
    const Bench &bench,
    const QString &tenantId,
    const QString &deviceId,
    const QString &productIdOrName = {},
    const QString &deviceGroupName = {},
    CloudDevice *out = nullptr);
// Moves a claimed device to a device group (legacy `device update --device-group`, az
// `device assign`). `deviceGroupRef` is "<product>/<group>" or a device group ID.
std::optional<CloudError> assignDevice(CloudState &state,
    const QString &tenantId,
    const QString &deviceId,
    const QString &deviceGroupRef,
    CloudDevice *out = nullptr);

// The cloud of one bench directory.
class Cloud final
{
public:
    explicit Cloud(const Bench &bench);
    Cloud(const QString &benchDirectory, const QString &seed);

    QString file() const;
    QString lockFile() const;
    // The stored state, or the default state when there is none yet (no lock needed).
    std::optional<CloudState> read(QString *why = nullptr) const;
    // Locks cloud.lock, reads, calls fn, writes when fn returns true.
    bool modify(const std::function<bool(CloudState &)> &fn, QString *why = nullptr) const;
    // Replaces the cloud with `state` (sphere-sim cloud reset), under the lock.
    bool write(const CloudState &state, QString *why = nullptr) const;

    static CloudState defaultState(const QString &seed);

private:
    QString m_dir;
    QString m_seed;
};

} // namespace Sim
