// The az dialect's cloud hand-off (the contract's az §3.10): catalog list/show/create, product
// create/list/show, device-group create/list/show, device claim/assign/show, on the same
// simulated cloud as the legacy commands (a catalog is a tenant of simulator/core/cloud.h). They
// print ARM resource JSON; a missing resource is az's ResourceNotFound, exit 3. Every choice
// where the contract is silent: docs/simulator.md, "The simulated cloud".

#include "simulator/azsphere/cloudsupport.h"
#include "simulator/azsphere/commands.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Az {

namespace {

const QString Provider = QStringLiteral("Microsoft.AzureSphere");
// The resource group shown for a catalog that has none recorded when the call names none
// (`catalog list` without -g).
const QString UnrecordedResourceGroup = QStringLiteral("default");
// `device claim` without a product and device group claims into the catalog only.
const QString DefaultName = QStringLiteral(".default");
const QString UnassignedName = QStringLiteral(".unassigned");

// Why a command failed: a missing ARM resource (exit 3) or any other error (exit 1).
struct Failure
{
    QString missingResource; // "catalogs/C/products/P": ResourceNotFound
    QString text;
};
using Outcome = std::optional<Failure>;

Failure notFound(const QString &resource)
{
    return Failure {resource, {}};
}

Failure modelFailure(const Sim::CloudError &error)
{
    return Failure {{}, error.message};
}

// What az core prints for an ARM 404 (handle_exception's ResourceNotFoundError), exit 3.
[[noreturn]] void failResourceNotFound(const QString &resource, const QString &resourceGroup)
{
    const QString text
        = u"The Resource '%1/%2' under resource group '%3' was not found. For more details "
          u"please go to https://aka.ms/ARMResourceNotFoundFix"_s.arg(
              Provider, resource, resourceGroup);
    printErrorLine(u"ERROR: (ResourceNotFound) "_s + text);
    printErrorLine(u"Code: ResourceNotFound"_s);
    printErrorLine(u"Message: "_s + text);
    throw CliExit {3};
}

QString resourceGroupArg(const Context &ctx)
{
    return ctx.args.value(u"--resource-group"_s);
}

[[noreturn]] void failWith(const Context &ctx, const Failure &failure)
{
    if (!failure.missingResource.isEmpty())
        failResourceNotFound(failure.missingResource, resourceGroupArg(ctx));
    fail(failure.text);
}

// Looks at the cloud without changing it; `look` reports a failure or prints.
void inspectCloud(const Context &ctx,
    const Sim::Cloud &cloud,
    const std::function<Outcome(const Sim::CloudState &)> &look)
{
    const Sim::CloudState state = readCloud(cloud);
    if (const Outcome failure = look(state))
        failWith(ctx, *failure);
}

// One change under the cloud lock; the command ends only after the lock is given back.
void changeCloud(const Context &ctx,
    const Sim::Cloud &cloud,
    const std::function<Outcome(Sim::CloudState &)> &change)
{
    changeCloudState<Failure>(
        cloud, change, [&](const Failure &failure) { failWith(ctx, failure); });
}

Outcome findCatalog(const Context &ctx, const Sim::CloudState &state, const Sim::CloudTenant **out)
{
    const QString name = ctx.args.value(u"--catalog"_s);
    *out = state.tenant(name);
    if (!*out)
        return notFound(u"catalogs/"_s + name);
    return std::nullopt;
}

Outcome findProduct(
    const Sim::CloudTenant &catalog, const QString &name, const Sim::CloudProduct **out)
{
    *out = catalog.product(name);
    if (!*out)
        return notFound(u"catalogs/%1/products/%2"_s.arg(catalog.name, name));
    return std::nullopt;
}

Outcome findDeviceGroup(const Sim::CloudTenant &catalog,
    const Sim::CloudProduct &product,
    const QString &name,
    const Sim::CloudDeviceGroup **out)
{
    *out = catalog.deviceGroup(product.id, name);
    if (!*out)
        return notFound(
            u"catalogs/%1/products/%2/deviceGroups/%3"_s.arg(catalog.name, product.name, name));
    return std::nullopt;
}

// The device group `groupName` of the catalog's product `productName`.
Outcome findProductGroup(const Sim::CloudTenant &catalog,
    const QString &productName,
    const QString &groupName,
    const Sim::CloudDeviceGroup **group)
{
    const Sim::CloudProduct *product = nullptr;
    if (Outcome failure = findProduct(catalog, productName, &product))
        return failure;
    return findDeviceGroup(catalog, *product, groupName, group);
}

Outcome findDevice(
    const Sim::CloudTenant &catalog, const QString &deviceId, const Sim::CloudDevice **out)
{
    *out = catalog.device(deviceId);
    if (!*out)
        return notFound(u"catalogs/%1/devices/%2"_s.arg(catalog.name, deviceId));
    return std::nullopt;
}

// ---- ARM resources -----------------------------------------------------------------------------

// Where the resources of one call live: the simulated subscription and the call's -g.
struct Arm
{
    QString subscription;
    QString resourceGroup;

    Arm(const Context &ctx, const Sim::Bench &bench)
        : subscription(Sim::subscriptionId(bench.config().seed))
        , resourceGroup(resourceGroupArg(ctx))
    { }

    // A catalog's group: the one `catalog create` recorded, else the one the call names.
    QString groupOf(const Sim::CloudTenant &catalog) const
    {
        if (!catalog.resourceGroup.isEmpty())
            return catalog.resourceGroup;
        return resourceGroup.isEmpty() ? UnrecordedResourceGroup : resourceGroup;
    }
    QString catalogPath(const Sim::CloudTenant &catalog) const
    {
        return u"/subscriptions/%1/resourceGroups/%2/providers/%3/catalogs/%4"_s.arg(
            subscription, groupOf(catalog), Provider, catalog.name);
    }
};

QJsonObject resource(const QString &id,
    const QString &name,
    const QString &type,
    const QString &resourceGroup,
    QJsonObject properties)
{
    properties.insert(u"provisioningState"_s, u"Succeeded"_s);
    return {{u"id"_s, id},
        {u"name"_s, name},
        {u"properties"_s, properties},
        {u"resourceGroup"_s, resourceGroup},
        {u"type"_s, type}};
}

QJsonObject catalogJson(const Arm &arm, const Sim::CloudTenant &catalog)
{
    QJsonObject o = resource(arm.catalogPath(catalog),
        catalog.name,
        Provider + u"/catalogs"_s,
        arm.groupOf(catalog),
        {{u"tenantId"_s, catalog.id}});
    o.insert(u"location"_s, u"global"_s);
    return o;
}

QString productPath(const Arm &arm, const Sim::CloudTenant &catalog, const QString &product)
{
    return arm.catalogPath(catalog) + u"/products/"_s + product;
}

QJsonObject productJson(
    const Arm &arm, const Sim::CloudTenant &catalog, const Sim::CloudProduct &product)
{
    return resource(productPath(arm, catalog, product.name),
        product.name,
        Provider + u"/catalogs/products"_s,
        arm.groupOf(catalog),
        {{u"description"_s, product.description}});
}

QJsonObject deviceGroupJson(
    const Arm &arm, const Sim::CloudTenant &catalog, const Sim::CloudDeviceGroup &group)
{
    const Sim::CloudProduct *product = catalog.product(group.productId);
    const QString productName = product ? product->name : group.productId;
    return resource(productPath(arm, catalog, productName) + u"/deviceGroups/"_s + group.name,
        group.name,
        Provider + u"/catalogs/products/deviceGroups"_s,
        arm.groupOf(catalog),
        {{u"allowCrashDumpsCollection"_s,
             group.allowCrashDumpsCollection ? u"Enabled"_s : u"Disabled"_s},
            {u"description"_s, group.description},
            {u"hasDeployment"_s, false},
            {u"osFeedType"_s, group.osFeedType},
            {u"regionalDataBoundary"_s, group.regionalDataBoundary},
            {u"updatePolicy"_s, group.updatePolicy}});
}

// A claimed device. One claimed into the catalog only sits under `.unassigned`; the simulated
// cloud never hears from a device, so its OS fields are null.
QJsonObject deviceJson(const Arm &arm, const Sim::CloudTenant &catalog, const Sim::CloudDevice &d)
{
    QString productName = UnassignedName;
    QString groupName = UnassignedName;
    if (const Sim::CloudDeviceGroup *group = catalog.deviceGroup(d.deviceGroupId)) {
        groupName = group->name;
        if (const Sim::CloudProduct *product = catalog.product(group->productId))
            productName = product->name;
    }
    return resource(productPath(arm, catalog, productName) + u"/deviceGroups/"_s + groupName
            + u"/devices/"_s + d.deviceId,
        d.deviceId,
        Provider + u"/catalogs/products/deviceGroups/devices"_s,
        arm.groupOf(catalog),
        {{u"chipSku"_s, ChipSku},
            {u"lastAvailableOsVersion"_s, QJsonValue()},
            {u"lastInstalledOsVersion"_s, QJsonValue()},
            {u"lastOsUpdateUtc"_s, QJsonValue()},
            {u"lastUpdateRequestUtc"_s, QJsonValue()}});
}

void printJson(const Context &ctx, const QJsonValue &json)
{
    printResult(ctx, json, {}, {});
}

// The contract: "alphanumeric characters, underscores, and hyphens, and must be less than 30
// characters".
bool isValidCatalogName(const QString &name)
{
    static const QRegularExpression Allowed(u"^[A-Za-z0-9_-]{1,29}$"_s);
    return Allowed.match(name).hasMatch();
}

bool isCatalogOnly(const QString &name)
{
    return name.compare(DefaultName, Qt::CaseInsensitive) == 0
        || name.compare(UnassignedName, Qt::CaseInsensitive) == 0;
}

// A read-only command on the catalog --catalog names: `look` prints from it or reports a failure.
void inspectCatalog(
    const Context &ctx, const std::function<Outcome(const Arm &, const Sim::CloudTenant &)> &look)
{
    const CloudBench c = openCloud();
    const Arm arm(ctx, c.bench);
    inspectCloud(ctx, c.cloud, [&](const Sim::CloudState &state) -> Outcome {
        const Sim::CloudTenant *catalog = nullptr;
        if (Outcome failure = findCatalog(ctx, state, &catalog))
            return failure;
        return look(arm, *catalog);
    });
}

// One change in the catalog --catalog names. `change` sees the catalog as it was before (a copy, so
// it stays valid while the state changes); *catalog is the catalog as the change left it.
void changeCatalog(const Context &ctx,
    const Sim::Cloud &cloud,
    Sim::CloudTenant *catalog,
    const std::function<Outcome(Sim::CloudState &, const Sim::CloudTenant &)> &change)
{
    changeCloud(ctx, cloud, [&](Sim::CloudState &state) -> Outcome {
        const Sim::CloudTenant *found = nullptr;
        if (Outcome failure = findCatalog(ctx, state, &found))
            return failure;
        const Sim::CloudTenant before = *found;
        if (Outcome failure = change(state, before))
            return failure;
        *catalog = *state.tenant(before.id);
        return std::nullopt;
    });
}

} // namespace

void runAzCatalogList(Context &ctx)
{
    const CloudBench c = openCloud();
    const Arm arm(ctx, c.bench);
    const bool byGroup = ctx.args.has(u"--resource-group"_s);
    inspectCloud(ctx, c.cloud, [&](const Sim::CloudState &state) -> Outcome {
        QJsonArray list;
        for (const Sim::CloudTenant &t : state.tenants) {
            // With -g: the catalogs recorded in that group and those with none recorded.
            if (byGroup && !t.resourceGroup.isEmpty()
                && t.resourceGroup.compare(arm.resourceGroup, Qt::CaseInsensitive) != 0)
                continue;
            list.append(catalogJson(arm, t));
        }
        printJson(ctx, list);
        return std::nullopt;
    });
}

void runAzCatalogShow(Context &ctx)
{
    inspectCatalog(ctx, [&](const Arm &arm, const Sim::CloudTenant &catalog) -> Outcome {
        printJson(ctx, catalogJson(arm, catalog));
        return std::nullopt;
    });
}

void runAzCatalogCreate(Context &ctx)
{
    const QString name = ctx.args.value(u"--name"_s);
    if (!isValidCatalogName(name))
        fail(u"The catalog name '%1' is not valid: it may contain only alphanumeric characters, "
             u"underscores, and hyphens, and must be less than 30 characters"_s.arg(name));
    const CloudBench c = openCloud();
    const Arm arm(ctx, c.bench);
    Sim::CloudTenant created;
    changeCloud(ctx, c.cloud, [&](Sim::CloudState &state) -> Outcome {
        if (state.tenant(name))
            return Failure {{}, u"A catalog with the name '%1' already exists."_s.arg(name)};
        if (const auto error = Sim::createTenant(state, c.bench.config().seed, name, &created))
            return modelFailure(*error);
        created.resourceGroup = arm.resourceGroup;
        state.tenant(created.id)->resourceGroup = arm.resourceGroup;
        return std::nullopt;
    });
    printJson(ctx, catalogJson(arm, created));
}

void runAzProductCreate(Context &ctx)
{
    const CloudBench c = openCloud();
    const Arm arm(ctx, c.bench);
    Sim::CloudTenant catalog;
    Sim::CloudProduct created;
    changeCatalog(ctx,
        c.cloud,
        &catalog,
        [&](Sim::CloudState &state, const Sim::CloudTenant &found) -> Outcome {
            if (const auto error = Sim::createProduct(state,
                    found.id,
                    ctx.args.value(u"--name"_s),
                    ctx.args.value(u"--description"_s),
                    !ctx.args.has(u"--no-default-device-groups"_s),
                    &created))
                return modelFailure(*error);
            return std::nullopt;
        });
    printJson(ctx, productJson(arm, catalog, created));
}

void runAzProductList(Context &ctx)
{
    inspectCatalog(ctx, [&](const Arm &arm, const Sim::CloudTenant &catalog) -> Outcome {
        QJsonArray list;
        for (const Sim::CloudProduct &p : catalog.products)
            list.append(productJson(arm, catalog, p));
        printJson(ctx, list);
        return std::nullopt;
    });
}

void runAzProductShow(Context &ctx)
{
    inspectCatalog(ctx, [&](const Arm &arm, const Sim::CloudTenant &catalog) -> Outcome {
        const Sim::CloudProduct *product = nullptr;
        if (Outcome failure = findProduct(catalog, ctx.args.value(u"--product"_s), &product))
            return failure;
        printJson(ctx, productJson(arm, catalog, *product));
        return std::nullopt;
    });
}

void runAzDeviceGroupCreate(Context &ctx)
{
    Sim::DeviceGroupOptions options = deviceGroupOptions(ctx);
    if (ctx.args.has(u"--regional-data-boundary"_s))
        options.regionalDataBoundary = ctx.args.value(u"--regional-data-boundary"_s);
    options.allowCrashDumpsCollection
        = ctx.args.value(u"--allow-crash-dumps-collection"_s) == u"Enabled";
    const CloudBench c = openCloud();
    const Arm arm(ctx, c.bench);
    Sim::CloudTenant catalog;
    Sim::CloudDeviceGroup created;
    changeCatalog(ctx,
        c.cloud,
        &catalog,
        [&](Sim::CloudState &state, const Sim::CloudTenant &found) -> Outcome {
            const Sim::CloudProduct *product = nullptr;
            if (Outcome failure = findProduct(found, ctx.args.value(u"--product"_s), &product))
                return failure;
            if (const auto error = Sim::createDeviceGroup(
                    state, found.id, product->id, ctx.args.value(u"--name"_s), options, &created))
                return modelFailure(*error);
            return std::nullopt;
        });
    printJson(ctx, deviceGroupJson(arm, catalog, created));
}

void runAzDeviceGroupList(Context &ctx)
{
    inspectCatalog(ctx, [&](const Arm &arm, const Sim::CloudTenant &catalog) -> Outcome {
        QList<Sim::CloudDeviceGroup> groups = catalog.deviceGroups;
        if (ctx.args.has(u"--product"_s)) {
            const Sim::CloudProduct *product = nullptr;
            if (Outcome failure = findProduct(catalog, ctx.args.value(u"--product"_s), &product))
                return failure;
            groups = catalog.deviceGroupsOf(product->id);
        }
        QJsonArray list;
        for (const Sim::CloudDeviceGroup &g : groups)
            list.append(deviceGroupJson(arm, catalog, g));
        printJson(ctx, list);
        return std::nullopt;
    });
}

void runAzDeviceGroupShow(Context &ctx)
{
    inspectCatalog(ctx, [&](const Arm &arm, const Sim::CloudTenant &catalog) -> Outcome {
        const Sim::CloudDeviceGroup *group = nullptr;
        if (Outcome failure = findProductGroup(catalog,
                ctx.args.value(u"--product"_s),
                ctx.args.value(u"--device-group"_s),
                &group))
            return failure;
        printJson(ctx, deviceGroupJson(arm, catalog, *group));
        return std::nullopt;
    });
}

void runAzDeviceClaim(Context &ctx)
{
    const QString productName
        = ctx.args.has(u"--product"_s) ? ctx.args.value(u"--product"_s) : DefaultName;
    const QString groupName
        = ctx.args.has(u"--device-group"_s) ? ctx.args.value(u"--device-group"_s) : DefaultName;
    const bool catalogOnly = isCatalogOnly(productName);
    if (catalogOnly != isCatalogOnly(groupName))
        fail(u"usage error: --product and --device-group name a device group together: give both, "
             u"or leave both out (or '.default') to claim into the catalog only"_s);
    const CloudBench c = openCloud();
    const Arm arm(ctx, c.bench);
    const QString deviceId = targetDeviceId(ctx, c.bench);
    Sim::CloudTenant catalog;
    Sim::CloudDevice claimed;
    changeCatalog(ctx,
        c.cloud,
        &catalog,
        [&](Sim::CloudState &state, const Sim::CloudTenant &found) -> Outcome {
            QString productId;
            QString groupId;
            if (!catalogOnly) {
                const Sim::CloudDeviceGroup *group = nullptr;
                if (Outcome failure = findProductGroup(found, productName, groupName, &group))
                    return failure;
                productId = group->productId;
                groupId = group->id;
            }
            // Worded for catalogs; the model's own check (any tenant) stays behind it.
            for (const Sim::CloudTenant &t : state.tenants) {
                if (t.device(deviceId))
                    return Failure {{},
                        u"Device '%1' has already been claimed into catalog '%2'."_s.arg(
                            deviceId, t.name)};
            }
            if (const auto error = Sim::claimDevice(
                    state, c.bench, found.id, deviceId, productId, groupId, &claimed))
                return modelFailure(*error);
            return std::nullopt;
        });
    printJson(ctx, deviceJson(arm, catalog, claimed));
}

void runAzDeviceAssign(Context &ctx)
{
    const CloudBench c = openCloud();
    const Arm arm(ctx, c.bench);
    const QString deviceId = targetDeviceId(ctx, c.bench);
    Sim::CloudTenant catalog;
    Sim::CloudDevice assigned;
    changeCatalog(ctx,
        c.cloud,
        &catalog,
        [&](Sim::CloudState &state, const Sim::CloudTenant &found) -> Outcome {
            const Sim::CloudDeviceGroup *group = nullptr;
            const Sim::CloudDevice *device = nullptr;
            if (Outcome failure = findProductGroup(found,
                    ctx.args.value(u"--target-product"_s),
                    ctx.args.value(u"--target-device-group"_s),
                    &group))
                return failure;
            if (Outcome failure = findDevice(found, deviceId, &device))
                return failure;
            if (const auto error
                = Sim::assignDevice(state, found.id, deviceId, group->id, &assigned))
                return modelFailure(*error);
            return std::nullopt;
        });
    printJson(ctx, deviceJson(arm, catalog, assigned));
}

void runAzDeviceShow(Context &ctx)
{
    const CloudBench c = openCloud();
    const Arm arm(ctx, c.bench);
    const QString deviceId = targetDeviceId(ctx, c.bench);
    inspectCloud(ctx, c.cloud, [&](const Sim::CloudState &state) -> Outcome {
        const Sim::CloudTenant *catalog = nullptr;
        const Sim::CloudDevice *device = nullptr;
        if (Outcome failure = findCatalog(ctx, state, &catalog))
            return failure;
        if (Outcome failure = findDevice(*catalog, deviceId, &device))
            return failure;
        printJson(ctx, deviceJson(arm, *catalog, *device));
        return std::nullopt;
    });
}

} // namespace Az
