// The legacy cloud hand-off (the contract's §11, as Microsoft's multi_board_ota_configuration.py
// drives it): tenant list/show-selected/select, product create/list/show, device-group
// create/list/show, device claim, device update. The model lives in simulator/core/cloud.h;
// these functions only read the arguments and print. Formats: docs/simulator.md.

#include "simulator/azsphere/cloudsupport.h"
#include "simulator/azsphere/commands.h"
#include "simulator/azsphere/session.h"
#include "simulator/core/cloud.h"
#include "simulator/core/simtime.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Az {

CloudBench openCloud()
{
    // az: the simulated subscription is logged in unless the bench says otherwise.
    if (dialect() == Dialect::Az && qEnvironmentVariable("AZSPHERE_SIM_AZ_LOGGED_OUT") == u"1")
        fail(u"Please run 'az login' to setup account."_s);
    bool loaded = false;
    Sim::Bench bench = openBench(&loaded);
    if (!loaded)
        fail(u"Could not reach the simulated cloud: there is no simulator bench (set "
             u"AZSPHERE_SIM_HOME)"_s);
    Sim::Cloud cloud(bench);
    Sim::simSleep(CloudSeconds);
    return {std::move(bench), std::move(cloud)};
}

Sim::CloudState readCloud(const Sim::Cloud &cloud)
{
    QString why;
    const std::optional<Sim::CloudState> state = cloud.read(&why);
    if (!state)
        fail(why);
    return *state;
}

// --device/-d of the cloud commands: a 128-hex device ID (attached or not), else an attached
// device's IP address or connection path (with §1.2's WARNING), else the lone attached device.
QString targetDeviceId(const Context &ctx, const Sim::Bench &bench)
{
    const QString device = ctx.args.value(u"--device"_s).trimmed();
    static const QRegularExpression Hex128(u"^[0-9a-fA-F]{128}$"_s);
    if (Hex128.match(device).hasMatch())
        return device.toLower();
    if (device.isEmpty()) {
        const QList<Sim::Slot> attached = bench.attachedSlots();
        if (attached.isEmpty())
            failCouldNotConnect();
        if (attached.size() > 1)
            failExact(u"Multiple devices are attached; use --device to specify one."_s);
        return Sim::deviceIdFor(bench.config().seed, attached.first().serial);
    }
    const std::optional<Sim::Attached> match = bench.resolve(device);
    if (!match)
        failCouldNotConnect();
    if (match->matchedBy == Sim::MatchedBy::ConnectionPath)
        printWarning(ctx,
            u"The device with IP '%1' is selected from parameter '%2'"_s.arg(
                match->slot.ipAddress, device));
    return Sim::deviceIdFor(bench.config().seed, match->slot.serial);
}

Sim::DeviceGroupOptions deviceGroupOptions(const Context &ctx)
{
    Sim::DeviceGroupOptions options;
    options.description = ctx.args.value(u"--description"_s);
    if (ctx.args.has(u"--os-feed"_s))
        options.osFeedType = ctx.args.value(u"--os-feed"_s);
    if (ctx.args.has(u"--application-update"_s))
        options.updatePolicy = ctx.args.value(u"--application-update"_s);
    return options;
}

namespace {

[[noreturn]] void failCloud(const Sim::CloudError &error)
{
    if (error.code == Sim::CloudError::Code::NoTenantSelected)
        fail(
            error.message + u" Use 'azsphere tenant select --tenant <tenant-id>' to select one."_s);
    fail(error.message);
}

const Sim::CloudTenant &selectedTenant(const Sim::CloudState &state)
{
    const Sim::CloudTenant *tenant = nullptr;
    if (const auto error = Sim::resolveTenant(state, {}, &tenant))
        failCloud(*error);
    return *tenant;
}

// Runs one change of the cloud under its lock; `change` returns the model's error, if any.
void modifyCloud(const Sim::Cloud &cloud,
    const std::function<std::optional<Sim::CloudError>(Sim::CloudState &)> &change)
{
    changeCloudState<Sim::CloudError>(cloud, change, failCloud);
}

// One change in the selected tenant, whose ID goes to *tenantId (no exit while the cloud is
// locked: a missing selection is the change's error).
void modifySelectedTenant(const Sim::Cloud &cloud,
    QString *tenantId,
    const std::function<std::optional<Sim::CloudError>(Sim::CloudState &, const QString &)> &change)
{
    modifyCloud(cloud, [&](Sim::CloudState &state) -> std::optional<Sim::CloudError> {
        const Sim::CloudTenant *tenant = nullptr;
        if (const auto error = Sim::resolveTenant(state, {}, &tenant))
            return error;
        *tenantId = tenant->id;
        return change(state, *tenantId);
    });
}

const Sim::CloudProduct &productNamed(const Sim::CloudTenant &tenant, const QString &wanted)
{
    const Sim::CloudProduct *product = tenant.product(wanted);
    if (!product)
        fail(u"Product '%1' was not found."_s.arg(wanted));
    return *product;
}

QJsonObject tenantJson(const Sim::CloudTenant &t)
{
    return {{u"id"_s, t.id}, {u"name"_s, t.name}, {u"roles"_s, QJsonArray {u"Administrator"_s}}};
}
const QList<Column> TenantColumns = {{u"id"_s, {}}, {u"name"_s, {}}};

QJsonObject productJson(const Sim::CloudProduct &p, const QString &tenantId)
{
    return {{u"description"_s, p.description},
        {u"id"_s, p.id},
        {u"name"_s, p.name},
        {u"tenantId"_s, tenantId}};
}
const QList<Column> ProductColumns = {{u"id"_s, {}}, {u"name"_s, {}}, {u"description"_s, {}}};

QJsonObject groupJson(const Sim::CloudDeviceGroup &g, const QString &tenantId)
{
    return {{u"description"_s, g.description},
        {u"id"_s, g.id},
        {u"name"_s, g.name},
        {u"osFeedType"_s, g.osFeedType},
        {u"productId"_s, g.productId},
        {u"tenantId"_s, tenantId},
        {u"updatePolicy"_s, g.updatePolicy}};
}
const QList<Column> GroupColumns = {{u"id"_s, {}},
    {u"name"_s, {}},
    {u"description"_s, {}},
    {u"productId"_s, {}},
    {u"osFeedType"_s, {}},
    {u"updatePolicy"_s, {}}};

QJsonValue idOrNull(const QString &id)
{
    return id.isEmpty() ? QJsonValue() : QJsonValue(id);
}

QJsonObject deviceJson(const Sim::CloudDevice &d, const QString &tenantId)
{
    return {{u"chipSku"_s, ChipSku},
        {u"deviceGroupId"_s, idOrNull(d.deviceGroupId)},
        {u"deviceId"_s, d.deviceId},
        {u"productId"_s, idOrNull(d.productId)},
        {u"tenantId"_s, tenantId}};
}
const QList<Column> DeviceColumns = {{u"deviceId"_s, {}},
    {u"tenantId"_s, {}},
    {u"productId"_s, {}},
    {u"deviceGroupId"_s, {}},
    {u"chipSku"_s, {}}};

template <typename T, typename F>
void printList(const Context &ctx, const QList<T> &items, F toJson, const QList<Column> &columns)
{
    QJsonArray json;
    QList<QJsonObject> rows;
    for (const T &item : items) {
        json.append(toJson(item));
        rows.append(toJson(item));
    }
    printResult(ctx, json, columns, rows);
}

void printObject(const Context &ctx, const QJsonObject &o, const QList<Column> &columns)
{
    printResult(ctx, o, columns, {o});
}

} // namespace

void runTenantList(Context &ctx)
{
    const CloudBench c = openCloud();
    printList(ctx, readCloud(c.cloud).tenants, tenantJson, TenantColumns);
}

void runTenantShowSelected(Context &ctx)
{
    const CloudBench c = openCloud();
    printObject(ctx, tenantJson(selectedTenant(readCloud(c.cloud))), TenantColumns);
}

void runTenantSelect(Context &ctx)
{
    const CloudBench c = openCloud();
    const QString wanted = ctx.args.value(u"--tenant"_s);
    Sim::CloudTenant selected;
    modifyCloud(c.cloud, [&](Sim::CloudState &state) -> std::optional<Sim::CloudError> {
        if (const auto error = Sim::selectTenant(state, wanted))
            return error;
        selected = *state.selectedTenant();
        return std::nullopt;
    });
    printObject(ctx, tenantJson(selected), TenantColumns);
}

void runProductCreate(Context &ctx)
{
    const CloudBench c = openCloud();
    Sim::CloudProduct created;
    QString tenantId;
    modifySelectedTenant(c.cloud, &tenantId, [&](Sim::CloudState &state, const QString &tenant) {
        return Sim::createProduct(state,
            tenant,
            ctx.args.value(u"--name"_s),
            ctx.args.value(u"--description"_s),
            !ctx.args.has(u"--no-default-device-groups"_s),
            &created);
    });
    printObject(ctx, productJson(created, tenantId), ProductColumns);
}

void runProductList(Context &ctx)
{
    const CloudBench c = openCloud();
    const Sim::CloudState state = readCloud(c.cloud);
    const Sim::CloudTenant &tenant = selectedTenant(state);
    printList(
        ctx,
        tenant.products,
        [&](const Sim::CloudProduct &p) { return productJson(p, tenant.id); },
        ProductColumns);
}

void runProductShow(Context &ctx)
{
    const CloudBench c = openCloud();
    const Sim::CloudState state = readCloud(c.cloud);
    const Sim::CloudTenant &tenant = selectedTenant(state);
    const Sim::CloudProduct &product = productNamed(tenant, ctx.args.value(u"--product"_s));
    printObject(ctx, productJson(product, tenant.id), ProductColumns);
}

void runDeviceGroupCreate(Context &ctx)
{
    const CloudBench c = openCloud();
    const Sim::DeviceGroupOptions options = deviceGroupOptions(ctx);
    Sim::CloudDeviceGroup created;
    QString tenantId;
    modifySelectedTenant(c.cloud, &tenantId, [&](Sim::CloudState &state, const QString &tenant) {
        return Sim::createDeviceGroup(state,
            tenant,
            ctx.args.value(u"--product"_s),
            ctx.args.value(u"--name"_s),
            options,
            &created);
    });
    printObject(ctx, groupJson(created, tenantId), GroupColumns);
}

void runDeviceGroupList(Context &ctx)
{
    const CloudBench c = openCloud();
    const Sim::CloudState state = readCloud(c.cloud);
    const Sim::CloudTenant &tenant = selectedTenant(state);
    QList<Sim::CloudDeviceGroup> groups = tenant.deviceGroups;
    if (ctx.args.has(u"--product"_s))
        groups = tenant.deviceGroupsOf(productNamed(tenant, ctx.args.value(u"--product"_s)).id);
    printList(
        ctx,
        groups,
        [&](const Sim::CloudDeviceGroup &g) { return groupJson(g, tenant.id); },
        GroupColumns);
}

void runDeviceGroupShow(Context &ctx)
{
    const CloudBench c = openCloud();
    const Sim::CloudState state = readCloud(c.cloud);
    const Sim::CloudTenant &tenant = selectedTenant(state);
    const QString wanted = ctx.args.value(u"--device-group"_s);
    const Sim::CloudDeviceGroup *group = tenant.deviceGroupByPath(wanted);
    if (!group)
        fail(u"Device group '%1' was not found."_s.arg(wanted));
    printObject(ctx, groupJson(*group, tenant.id), GroupColumns);
}

void runDeviceClaim(Context &ctx)
{
    // Microsoft's CLI asks before a permanent claim; without a terminal only --force goes on.
    if (!ctx.args.has(u"--force"_s))
        fail(u"Claiming a device is permanent and this command cannot ask for confirmation "
             u"without a terminal; use --force"_s);
    const CloudBench c = openCloud();
    const QString deviceId = targetDeviceId(ctx, c.bench);
    QString tenantId;
    modifySelectedTenant(c.cloud, &tenantId, [&](Sim::CloudState &state, const QString &tenant) {
        return Sim::claimDevice(state, c.bench, tenant, deviceId);
    });
    printStatus(ctx,
        u"Successfully claimed device ID '%1' into tenant with ID '%2'."_s.arg(deviceId, tenantId));
}

void runDeviceUpdate(Context &ctx)
{
    const CloudBench c = openCloud();
    const QString deviceId = targetDeviceId(ctx, c.bench);
    Sim::CloudDevice updated;
    QString tenantId;
    modifySelectedTenant(c.cloud, &tenantId, [&](Sim::CloudState &state, const QString &tenant) {
        return Sim::assignDevice(
            state, tenant, deviceId, ctx.args.value(u"--device-group"_s), &updated);
    });
    printObject(ctx, deviceJson(updated, tenantId), DeviceColumns);
}

} // namespace Az
