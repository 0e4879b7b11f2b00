#include "simulator/core/cloud.h"

#include "simulator/core/bench.h"
#include "simulator/core/filelock.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Sim {

namespace {

// The namespace of every generated cloud ID (UUID v5 over "<seed>:<what>").
const QUuid CloudNamespace(u"8d3a3c52-5b1e-4f0e-9a57-5c0d5cfd0c10"_s);
constexpr qsizetype MaxNameLength = 50;

QString makeId(const QString &seed, const QString &what)
{
    return QUuid::createUuidV5(CloudNamespace, seed + u':' + what)
        .toString(QUuid::WithoutBraces)
        .toLower();
}

bool sameId(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

CloudError error(CloudError::Code code, const QString &message)
{
    return CloudError {code, message};
}

// Names are addressed as "<product>/<group>", so they cannot hold '/'.
std::optional<CloudError> checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return error(CloudError::Code::InvalidName, u"The name must not be empty."_s);
    if (name.contains(u'/'))
        return error(CloudError::Code::InvalidName,
            u"The name '%1' is not valid: it must not contain '/'."_s.arg(name));
    if (name.size() > MaxNameLength)
        return error(CloudError::Code::InvalidName,
            u"The name '%1' is not valid: it must be at most %2 characters."_s.arg(name).arg(
                MaxNameLength));
    return std::nullopt;
}

template <typename T, typename F> QJsonArray toArray(const QList<T> &list, F fn)
{
    QJsonArray a;
    for (const T &item : list)
        a.append(fn(item));
    return a;
}

std::optional<QString> serialOfDevice(const Bench &bench, const QString &deviceId)
{
    for (const QString &serial : bench.config().serials) {
        if (sameId(deviceIdFor(bench.config().seed, serial), deviceId))
            return serial;
    }
    return std::nullopt;
}

} // namespace

// ---- JSON --------------------------------------------------------------------------------------

QJsonObject CloudProduct::toJson() const
{
    return {{u"id"_s, id}, {u"name"_s, name}, {u"description"_s, description}};
}

CloudProduct CloudProduct::fromJson(const QJsonObject &o)
{
    return {o.value(u"id"_s).toString(),
        o.value(u"name"_s).toString(),
        o.value(u"description"_s).toString()};
}

QJsonObject CloudDeviceGroup::toJson() const
{
    return {{u"id"_s, id},
        {u"productId"_s, productId},
        {u"name"_s, name},
        {u"description"_s, description},
        {u"osFeedType"_s, osFeedType},
        {u"updatePolicy"_s, updatePolicy},
        {u"regionalDataBoundary"_s, regionalDataBoundary},
        {u"allowCrashDumpsCollection"_s, allowCrashDumpsCollection}};
}

CloudDeviceGroup CloudDeviceGroup::fromJson(const QJsonObject &o)
{
    CloudDeviceGroup g;
    g.id = o.value(u"id"_s).toString();
    g.productId = o.value(u"productId"_s).toString();
    g.name = o.value(u"name"_s).toString();
    g.description = o.value(u"description"_s).toString();
    g.osFeedType = o.value(u"osFeedType"_s).toString(g.osFeedType);
    g.updatePolicy = o.value(u"updatePolicy"_s).toString(g.updatePolicy);
    g.regionalDataBoundary = o.value(u"regionalDataBoundary"_s).toString(g.regionalDataBoundary);
    g.allowCrashDumpsCollection = o.value(u"allowCrashDumpsCollection"_s).toBool();
    return g;
}

QJsonObject CloudDevice::toJson() const
{
    return {{u"deviceId"_s, deviceId},
        {u"productId"_s, productId},
        {u"deviceGroupId"_s, deviceGroupId}};
}

CloudDevice CloudDevice::fromJson(const QJsonObject &o)
{
    return {o.value(u"deviceId"_s).toString(),
        o.value(u"productId"_s).toString(),
        o.value(u"deviceGroupId"_s).toString()};
}

QJsonObject CloudTenant::toJson() const
{
    QJsonObject o {{u"id"_s, id},
        {u"name"_s, name},
        {u"products"_s, toArray(products, [](const auto &p) { return p.toJson(); })},
        {u"deviceGroups"_s, toArray(deviceGroups, [](const auto &g) { return g.toJson(); })},
        {u"devices"_s, toArray(devices, [](const auto &d) { return d.toJson(); })}};
    if (!resourceGroup.isEmpty())
        o.insert(u"resourceGroup"_s, resourceGroup);
    return o;
}

CloudTenant CloudTenant::fromJson(const QJsonObject &o)
{
    CloudTenant t;
    t.id = o.value(u"id"_s).toString();
    t.name = o.value(u"name"_s).toString();
    t.resourceGroup = o.value(u"resourceGroup"_s).toString();
    for (const QJsonValue &v : o.value(u"products"_s).toArray())
        t.products.append(CloudProduct::fromJson(v.toObject()));
    for (const QJsonValue &v : o.value(u"deviceGroups"_s).toArray())
        t.deviceGroups.append(CloudDeviceGroup::fromJson(v.toObject()));
    for (const QJsonValue &v : o.value(u"devices"_s).toArray())
        t.devices.append(CloudDevice::fromJson(v.toObject()));
    return t;
}

QJsonObject CloudState::toJson() const
{
    return {{u"formatVersion"_s, formatVersion},
        {u"selectedTenantId"_s, selectedTenantId},
        {u"tenants"_s, toArray(tenants, [](const auto &t) { return t.toJson(); })}};
}

std::optional<CloudState> CloudState::fromJson(const QJsonObject &o, QString *why)
{
    if (o.value(u"formatVersion"_s).toInt() != 1) {
        if (why)
            *why = u"cloud.json: unsupported formatVersion"_s;
        return std::nullopt;
    }
    CloudState s;
    s.selectedTenantId = o.value(u"selectedTenantId"_s).toString();
    for (const QJsonValue &v : o.value(u"tenants"_s).toArray())
        s.tenants.append(CloudTenant::fromJson(v.toObject()));
    return s;
}

// ---- look-ups ----------------------------------------------------------------------------------

const CloudProduct *CloudTenant::product(const QString &idOrName) const
{
    for (const CloudProduct &p : products) {
        if (sameId(p.id, idOrName) || sameId(p.name, idOrName))
            return &p;
    }
    return nullptr;
}

const CloudDeviceGroup *CloudTenant::deviceGroup(const QString &groupId) const
{
    for (const CloudDeviceGroup &g : deviceGroups) {
        if (sameId(g.id, groupId))
            return &g;
    }
    return nullptr;
}

const CloudDeviceGroup *CloudTenant::deviceGroup(
    const QString &productIdOrName, const QString &groupName) const
{
    const CloudProduct *p = product(productIdOrName);
    if (!p)
        return nullptr;
    for (const CloudDeviceGroup &g : deviceGroups) {
        if (g.productId == p->id && (sameId(g.name, groupName) || sameId(g.id, groupName)))
            return &g;
    }
    return nullptr;
}

const CloudDeviceGroup *CloudTenant::deviceGroupByPath(const QString &ref) const
{
    const qsizetype slash = ref.indexOf(u'/');
    if (slash < 0)
        return deviceGroup(ref);
    return deviceGroup(ref.left(slash), ref.mid(slash + 1));
}

QList<CloudDeviceGroup> CloudTenant::deviceGroupsOf(const QString &productId) const
{
    QList<CloudDeviceGroup> list;
    for (const CloudDeviceGroup &g : deviceGroups) {
        if (g.productId == productId)
            list.append(g);
    }
    return list;
}

const CloudDevice *CloudTenant::device(const QString &deviceId) const
{
    for (const CloudDevice &d : devices) {
        if (sameId(d.deviceId, deviceId))
            return &d;
    }
    return nullptr;
}

const CloudTenant *CloudState::tenant(const QString &idOrName) const
{
    for (const CloudTenant &t : tenants) {
        if (sameId(t.id, idOrName) || sameId(t.name, idOrName))
            return &t;
    }
    return nullptr;
}

CloudTenant *CloudState::tenant(const QString &idOrName)
{
    return const_cast<CloudTenant *>(std::as_const(*this).tenant(idOrName));
}

const CloudTenant *CloudState::selectedTenant() const
{
    return selectedTenantId.isEmpty() ? nullptr : tenant(selectedTenantId);
}

// ---- operations --------------------------------------------------------------------------------

QStringList defaultDeviceGroupNames()
{
    return {u"Development"_s,
        u"Field Test"_s,
        u"Production"_s,
        u"Production OS Evaluation"_s,
        u"Field Test OS Evaluation"_s};
}

QString subscriptionId(const QString &seed)
{
    return makeId(seed, u"subscription"_s);
}

std::optional<CloudError> createTenant(
    CloudState &state, const QString &seed, const QString &name, CloudTenant *out)
{
    if (const auto bad = checkName(name))
        return bad;
    if (state.tenant(name))
        return error(CloudError::Code::AlreadyExists,
            u"A tenant with the name '%1' already exists."_s.arg(name));
    CloudTenant t;
    t.id = makeId(seed, u"tenant:"_s + name.toLower());
    t.name = name;
    state.tenants.append(t);
    if (out)
        *out = t;
    return std::nullopt;
}

std::optional<CloudError> selectTenant(CloudState &state, const QString &idOrName)
{
    const CloudTenant *t = state.tenant(idOrName);
    if (!t)
        return error(
            CloudError::Code::TenantNotFound, u"Tenant '%1' was not found."_s.arg(idOrName));
    state.selectedTenantId = t->id;
    return std::nullopt;
}

std::optional<CloudError> resolveTenant(
    const CloudState &state, const QString &idOrName, const CloudTenant **out)
{
    if (idOrName.isEmpty()) {
        *out = state.selectedTenant();
        if (!*out)
            return error(CloudError::Code::NoTenantSelected, u"No tenant is selected."_s);
        return std::nullopt;
    }
    *out = state.tenant(idOrName);
    if (!*out)
        return error(
            CloudError::Code::TenantNotFound, u"Tenant '%1' was not found."_s.arg(idOrName));
    return std::nullopt;
}

std::optional<CloudError> createProduct(CloudState &state,
    const QString &tenantId,
    const QString &name,
    const QString &description,
    bool defaultDeviceGroups,
    CloudProduct *out)
{
    CloudTenant *t = state.tenant(tenantId);
    if (!t)
        return error(
            CloudError::Code::TenantNotFound, u"Tenant '%1' was not found."_s.arg(tenantId));
    if (const auto bad = checkName(name))
        return bad;
    if (t->product(name))
        return error(CloudError::Code::AlreadyExists,
            u"A product with the name '%1' already exists."_s.arg(name));
    CloudProduct p;
    p.id = makeId(t->id, u"product:"_s + name.toLower());
    p.name = name;
    p.description = description;
    t->products.append(p);
    if (defaultDeviceGroups) {
        for (const QString &groupName : defaultDeviceGroupNames()) {
            DeviceGroupOptions options;
            options.description = u"Default %1 device group"_s.arg(groupName.toLower());
            if (groupName.endsWith(u"OS Evaluation"))
                options.osFeedType = u"RetailEval"_s;
            if (groupName == u"Development")
                options.updatePolicy = u"No3rdPartyAppUpdates"_s;
            if (const auto bad = createDeviceGroup(state, t->id, p.id, groupName, options))
                return bad;
        }
    }
    if (out)
        *out = p;
    return std::nullopt;
}

std::optional<CloudError> createDeviceGroup(CloudState &state,
    const QString &tenantId,
    const QString &productIdOrName,
    const QString &name,
    const DeviceGroupOptions &options,
    CloudDeviceGroup *out)
{
    CloudTenant *t = state.tenant(tenantId);
    if (!t)
        return error(
            CloudError::Code::TenantNotFound, u"Tenant '%1' was not found."_s.arg(tenantId));
    const CloudProduct *p = t->product(productIdOrName);
    if (!p)
        return error(CloudError::Code::ProductNotFound,
            u"Product '%1' was not found."_s.arg(productIdOrName));
    if (const auto bad = checkName(name))
        return bad;
    if (t->deviceGroup(p->id, name))
        return error(CloudError::Code::AlreadyExists,
            u"A device group with the name '%1' already exists in product '%2'."_s.arg(
                name, p->name));
    const auto checkChoice
        = [](const QString &value, const QStringList &choices) -> std::optional<CloudError> {
        if (choices.contains(value))
            return std::nullopt;
        return error(CloudError::Code::InvalidValue,
            u"'%1' is not one of %2."_s.arg(value, choices.join(u", "_s)));
    };
    if (const auto bad = checkChoice(options.osFeedType, {u"Retail"_s, u"RetailEval"_s}))
        return bad;
    if (const auto bad
        = checkChoice(options.updatePolicy, {u"UpdateAll"_s, u"No3rdPartyAppUpdates"_s}))
        return bad;
    if (const auto bad = checkChoice(options.regionalDataBoundary, {u"None"_s, u"EU"_s}))
        return bad;
    CloudDeviceGroup g;
    g.id = makeId(p->id, u"group:"_s + name.toLower());
    g.productId = p->id;
    g.name = name;
    g.description = options.description;
    g.osFeedType = options.osFeedType;
    g.updatePolicy = options.updatePolicy;
    g.regionalDataBoundary = options.regionalDataBoundary;
    g.allowCrashDumpsCollection = options.allowCrashDumpsCollection;
    t->deviceGroups.append(g);
    if (out)
        *out = g;
    return std::nullopt;
}

std::optional<CloudError> claimDevice(CloudState &state,
    const Bench &bench,
    const QString &tenantId,
    const QString &deviceId,
    const QString &productIdOrName,
    const QString &deviceGroupName,
    CloudDevice *out)
{
    CloudTenant *t = state.tenant(tenantId);
    if (!t)
        return error(
            CloudError::Code::TenantNotFound, u"Tenant '%1' was not found."_s.arg(tenantId));
    const QString id = deviceId.toLower();
    const std::optional<QString> serial = serialOfDevice(bench, id);
    if (!serial)
        return error(CloudError::Code::UnknownDevice,
            u"Device '%1' is not known: no device of the simulator's bench has this ID."_s.arg(
                deviceId));
    for (const CloudTenant &other : state.tenants) {
        if (other.device(id))
            return error(CloudError::Code::AlreadyClaimed,
                u"Device '%1' has already been claimed into tenant with ID '%2'."_s.arg(
                    id, other.id));
    }
    QString why;
    const std::optional<DeviceState> device = bench.readDevice(*serial, &why);
    if (!device)
        return error(CloudError::Code::Storage, why);
    if (!device->isDeviceComplete())
        return error(CloudError::Code::NotFinalized,
            u"Device '%1' cannot be claimed: its manufacturing state is '%2'; only finalized "
            u"(DeviceComplete) devices can be claimed."_s.arg(id, device->manufacturingState));
    CloudDevice d;
    d.deviceId = id;
    if (!productIdOrName.isEmpty() || !deviceGroupName.isEmpty()) {
        const CloudProduct *p = t->product(productIdOrName);
        if (!p)
            return error(CloudError::Code::ProductNotFound,
                u"Product '%1' was not found."_s.arg(productIdOrName));
        const CloudDeviceGroup *g = t->deviceGroup(p->id, deviceGroupName);
        if (!g)
            return error(CloudError::Code::DeviceGroupNotFound,
                u"Device group '%1/%2' was not found."_s.arg(p->name, deviceGroupName));
        d.productId = p->id;
        d.deviceGroupId = g->id;
    }
    t->devices.append(d);
    if (out)
        *out = d;
    return std::nullopt;
}

std::optional<CloudError> assignDevice(CloudState &state,
    const QString &tenantId,
    const QString &deviceId,
    const QString &deviceGroupRef,
    CloudDevice *out)
{
    CloudTenant *t = state.tenant(tenantId);
    if (!t)
        return error(
            CloudError::Code::TenantNotFound, u"Tenant '%1' was not found."_s.arg(tenantId));
    const CloudDeviceGroup *g = t->deviceGroupByPath(deviceGroupRef);
    if (!g)
        return error(CloudError::Code::DeviceGroupNotFound,
            u"Device group '%1' was not found."_s.arg(deviceGroupRef));
    for (CloudDevice &d : t->devices) {
        if (sameId(d.deviceId, deviceId)) {
            d.productId = g->productId;
            d.deviceGroupId = g->id;
            if (out)
                *out = d;
            return std::nullopt;
        }
    }
    return error(CloudError::Code::NotClaimed,
        u"Device '%1' is not claimed into tenant with ID '%2'."_s.arg(deviceId.toLower(), t->id));
}

// ---- storage -----------------------------------------------------------------------------------

Cloud::Cloud(const Bench &bench)
    : m_dir(bench.directory())
    , m_seed(bench.config().seed)
{ }

Cloud::Cloud(const QString &benchDirectory, const QString &seed)
    : m_dir(benchDirectory)
    , m_seed(seed)
{ }

QString Cloud::file() const
{
    return QDir(m_dir).filePath(u"cloud.json"_s);
}

QString Cloud::lockFile() const
{
    return QDir(m_dir).filePath(u"cloud.lock"_s);
}

CloudState Cloud::defaultState(const QString &seed)
{
    CloudState s;
    CloudTenant t;
    (void)createTenant(s, seed, DefaultTenantName, &t);
    s.selectedTenantId = t.id;
    return s;
}

std::optional<CloudState> Cloud::read(QString *why) const
{
    QFile f(file());
    if (!f.exists())
        return defaultState(m_seed);
    if (!f.open(QIODevice::ReadOnly)) {
        if (why)
            *why = u"cannot read %1: %2"_s.arg(f.fileName(), f.errorString());
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject()) {
        if (why)
            *why = u"%1 is damaged: %2"_s.arg(f.fileName(), error.errorString());
        return std::nullopt;
    }
    return CloudState::fromJson(doc.object(), why);
}

bool Cloud::modify(const std::function<bool(CloudState &)> &fn, QString *why) const
{
    FileLock lock = FileLock::acquire(lockFile(), why);
    if (!lock.isLocked())
        return false;
    std::optional<CloudState> state = read(why);
    if (!state)
        return false;
    if (!fn(*state))
        return false;
    return writeFileAtomically(file(), toSortedJson(state->toJson()), why);
}

bool Cloud::write(const CloudState &state, QString *why) const
{
    FileLock lock = FileLock::acquire(lockFile(), why);
    if (!lock.isLocked())
        return false;
    return writeFileAtomically(file(), toSortedJson(state.toJson()), why);
}

} // namespace Sim
