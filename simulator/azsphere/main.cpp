// azsphere and az: the simulator's stand-ins for Microsoft's Azure Sphere CLI v2 (REFERENCE.md
// §1-§3) and for `az sphere` (the azure-sphere extension of the Azure CLI), acting on the bench
// named by AZSPHERE_SIM_HOME. One command table serves both; this file is compiled into each
// executable, SIM_AZ_DIALECT selecting az. Each call is one short-lived process; device state
// lives in the bench directory (see simulator/core/bench.h).

#include "simulator/azsphere/cli.h"
#include "simulator/azsphere/commands.h"
#include "simulator/azsphere/session.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;
using namespace Az;

namespace {

using K = OptionSpec::Kind;

struct Group
{
    QStringList path;
    QString summary;
};

QList<Group> groups()
{
    QList<Group> list {{{u"device"_s}, u"Manage Azure Sphere devices."_s},
        {{u"device"_s, u"capability"_s}, u"Manage device capability configurations."_s},
        {{u"device"_s, u"image"_s}, u"Manage images in your attached device."_s},
        {{u"device"_s, u"manufacturing-state"_s},
            u"Manage the manufacturing state of attached devices."_s},
        {{u"device"_s, u"sideload"_s},
            u"Deploy and manage applications on your attached device."_s},
        {{u"device"_s, u"wifi"_s}, u"Manage Wi-Fi configurations for your attached device."_s},
        {{u"image-package"_s}, u"Manage image packages."_s},
        // The contract's §11 additions.
        {{u"device"_s, u"app"_s}, u"Manage applications on the attached device."_s}};
    if (dialect() == Dialect::Az)
        list.append({{u"catalog"_s}, u"Manage catalogs."_s});
    else
        list.append({{u"tenant"_s}, u"Manage Azure Sphere tenants."_s});
    list.append({{u"product"_s}, u"Manage products."_s});
    list.append({{u"device-group"_s}, u"Manage device groups."_s});
    return list;
}

// az sphere's cloud hand-off (azcloudcommands.cpp): the contract's az §3.10 option names.
template <typename Add> void addAzCloudCommands(Add add)
{
    const OptionSpec resourceGroup {
        u"--resource-group"_s, u"-g"_s, K::Value, true, {}, {}, u"Name of resource group."_s};
    const OptionSpec catalog {
        u"--catalog"_s, u"-c"_s, K::Value, true, {}, {}, u"Name of the Azure Sphere catalog."_s};
    const OptionSpec product {
        u"--product"_s, u"-p"_s, K::Value, true, {}, {}, u"Name of the Azure Sphere product."_s};
    const OptionSpec deviceGroup {u"--device-group"_s,
        u"-dg"_s,
        K::Value,
        true,
        {},
        {},
        u"Name of the Azure Sphere device group."_s};
    const OptionSpec description {
        u"--description"_s, u"-d"_s, K::Value, false, {}, {}, u"Description."_s};
    OptionSpec optionalGroup = resourceGroup;
    optionalGroup.required = false;
    OptionSpec optionalProduct = product;
    optionalProduct.required = false;
    OptionSpec optionalDeviceGroup = deviceGroup;
    optionalDeviceGroup.required = false;
    optionalProduct.help
        = u"Name of the product the device is claimed into (default: '.default')."_s;
    optionalDeviceGroup.help
        = u"Name of the device group the device is claimed into (default: '.default')."_s;

    add({u"catalog"_s, u"list"_s},
        u"List available catalogs."_s,
        {optionalGroup},
        false,
        runAzCatalogList);
    add({u"catalog"_s, u"show"_s},
        u"Show details of a catalog."_s,
        {resourceGroup, catalog},
        false,
        runAzCatalogShow);
    add({u"catalog"_s, u"create"_s},
        u"Create a catalog."_s,
        {resourceGroup,
            OptionSpec {u"--name"_s,
                u"-n"_s,
                K::Value,
                true,
                {},
                {},
                u"Name of the catalog: alphanumeric characters, underscores and hyphens, fewer "
                u"than 30."_s}},
        false,
        runAzCatalogCreate);
    add({u"product"_s, u"create"_s},
        u"Create a product."_s,
        {resourceGroup,
            catalog,
            OptionSpec {u"--name"_s, u"-n"_s, K::Value, true, {}, {}, u"Name of the product."_s},
            description,
            OptionSpec {u"--no-default-device-groups"_s,
                {},
                K::Flag,
                false,
                {},
                {},
                u"Do not create the default device groups."_s}},
        false,
        runAzProductCreate);
    add({u"product"_s, u"list"_s},
        u"List products in the catalog."_s,
        {resourceGroup, catalog},
        false,
        runAzProductList);
    add({u"product"_s, u"show"_s},
        u"Show a product's details."_s,
        {resourceGroup, catalog, product},
        false,
        runAzProductShow);
    add({u"device-group"_s, u"create"_s},
        u"Create a device group."_s,
        {resourceGroup,
            catalog,
            product,
            OptionSpec {
                u"--name"_s, u"-n"_s, K::Value, true, {}, {}, u"Name of the device group."_s},
            description,
            OptionSpec {u"--os-feed"_s,
                u"-f"_s,
                K::Value,
                false,
                {u"Retail"_s, u"RetailEval"_s},
                {},
                u"OS feed type to receive updates (default Retail)."_s},
            OptionSpec {u"--application-update"_s,
                u"-a"_s,
                K::Value,
                false,
                {u"No3rdPartyAppUpdates"_s, u"UpdateAll"_s},
                {},
                u"The application update policy (default UpdateAll)."_s},
            OptionSpec {u"--allow-crash-dumps-collection"_s,
                u"-cd"_s,
                K::Value,
                false,
                {u"Disabled"_s, u"Enabled"_s},
                {},
                u"Whether crash dumps are collected."_s},
            OptionSpec {u"--regional-data-boundary"_s,
                u"-r"_s,
                K::Value,
                false,
                {u"EU"_s, u"None"_s},
                {},
                u"The regional data boundary (default None)."_s}},
        false,
        runAzDeviceGroupCreate);
    add({u"device-group"_s, u"list"_s},
        u"List device groups in the catalog."_s,
        {resourceGroup, catalog, optionalProduct},
        false,
        runAzDeviceGroupList);
    add({u"device-group"_s, u"show"_s},
        u"Show a device group's details."_s,
        {resourceGroup, catalog, product, deviceGroup},
        false,
        runAzDeviceGroupShow);
    add({u"device"_s, u"claim"_s},
        u"Claim a device into the catalog. Claiming is permanent."_s,
        {resourceGroup, catalog, optionalProduct, optionalDeviceGroup},
        true,
        runAzDeviceClaim);
    add({u"device"_s, u"assign"_s},
        u"Assign a device to a device group in the catalog."_s,
        {resourceGroup,
            catalog,
            OptionSpec {u"--target-product"_s,
                {},
                K::Value,
                true,
                {},
                {},
                u"Name of the product to assign the device to."_s},
            OptionSpec {u"--target-device-group"_s,
                {},
                K::Value,
                true,
                {},
                {},
                u"Name of the device group to assign the device to."_s}},
        true,
        runAzDeviceAssign);
    add({u"device"_s, u"show"_s},
        u"Show a claimed device's details."_s,
        {resourceGroup, catalog},
        true,
        runAzDeviceShow);
}

QList<CommandSpec> commands()
{
    const bool az = dialect() == Dialect::Az;
    const OptionSpec imagePackage {
        u"--image-package"_s, u"-p"_s, K::Value, true, {}, {}, u"Path to the image package."_s};
    QList<CommandSpec> list;
    auto add
        = [&](QStringList path, QString summary, QList<OptionSpec> options, bool device, auto run) {
              CommandSpec spec;
              spec.path = std::move(path);
              spec.summary = std::move(summary);
              spec.options = std::move(options);
              spec.deviceCommand = device;
              spec.run = run;
              list.append(spec);
              return &list.last();
          };
    add({u"device"_s, u"list-attached"_s},
        u"List all attached devices."_s,
        {},
        false,
        runListAttached);
    add({u"device"_s, u"show-attached"_s},
        u"Show details of the attached device."_s,
        {},
        true,
        runShowAttached);
    add({u"device"_s, u"rescan-attached"_s},
        u"Rescan attached devices and show the count."_s,
        {},
        false,
        runRescanAttached);
    add({u"device"_s, u"recover"_s},
        u"Replace the system software on the device."_s,
        {OptionSpec {u"--capability"_s,
             {},
             K::Value,
             false,
             {},
             {},
             u"Filename of a capability file to apply during recovery."_s},
            OptionSpec {u"--images"_s,
                {},
                K::Value,
                false,
                {},
                {},
                u"Folder of recovery images; without it the newest OS is downloaded."_s}},
        true,
        runRecover);
    add({u"device"_s, u"restart"_s}, u"Restart the attached device."_s, {}, true, runRestart);
    add({u"device"_s, u"show-os-version"_s},
        u"Show the operating system version on the attached device."_s,
        {},
        true,
        runShowOsVersion);
    add({u"device"_s, u"sideload"_s, u"deploy"_s},
        u"Deploy an image package to the attached device."_s,
        {imagePackage,
            OptionSpec {u"--force"_s,
                {},
                K::Flag,
                false,
                {},
                {},
                u"Force the deployment of an image that uses a Beta API."_s,
                true},
            OptionSpec {u"--manual-start"_s,
                u"-m"_s,
                K::Flag,
                false,
                {},
                {},
                u"Do not start the application after deployment."_s,
                true}},
        true,
        runSideloadDeploy);
    add({u"device"_s, u"sideload"_s, u"delete"_s},
        u"Delete applications from the attached device."_s,
        {OptionSpec {u"--component-id"_s,
             u"-i"_s,
             K::Value,
             false,
             {},
             u"guid"_s,
             u"The component to delete; without it all applications are deleted."_s},
            OptionSpec {u"--except-component-ids"_s,
                u"-e"_s,
                K::Multi,
                false,
                {},
                u"guid"_s,
                u"Components to keep when deleting all applications."_s}},
        true,
        runSideloadDelete);
    add({u"device"_s, u"image"_s, u"list-installed"_s},
        u"List the images installed on the attached device."_s,
        {az ? OptionSpec {u"--all"_s,
             {},
             K::Flag,
             false,
             {},
             {},
             u"Lists all images on the device; rather than only applications."_s}
            : OptionSpec {u"--full"_s,
                u"-f"_s,
                K::Flag,
                false,
                {},
                {},
                u"List all software images, including the system software."_s}},
        true,
        runImageListInstalled);
    add({u"device"_s, u"manufacturing-state"_s, u"show"_s},
        u"Show the manufacturing state of the attached device."_s,
        {},
        true,
        runManufacturingStateShow);
    add({u"device"_s, u"manufacturing-state"_s, u"update"_s},
        u"Update the manufacturing state of the attached device. This change is permanent and irreversible."_s,
        {OptionSpec {u"--state"_s,
            u"-s"_s,
            K::Value,
            true,
            {u"DeviceComplete"_s, u"Module1Complete"_s},
            {},
            u"The manufacturing state to set. Allowed values: DeviceComplete, Module1Complete."_s}},
        true,
        runManufacturingStateUpdate);
    add({u"device"_s, u"capability"_s, u"show-attached"_s},
        u"Show the capability configuration of the attached device."_s,
        {},
        true,
        runCapabilityShowAttached);
    add({u"device"_s, u"wifi"_s, u"add"_s},
        u"Add a Wi-Fi network on the attached device."_s,
        {OptionSpec {u"--ssid"_s, u"-s"_s, K::Value, true, {}, {}, u"The SSID of the network."_s},
            OptionSpec {u"--psk"_s,
                u"-p"_s,
                K::Value,
                false,
                {},
                {},
                u"The WPA/WPA2 key; omit for an open network."_s},
            OptionSpec {u"--config-name"_s,
                {},
                K::Value,
                false,
                {},
                {},
                u"A name for the network configuration."_s},
            OptionSpec {
                u"--targeted-scan"_s, {}, K::Flag, false, {}, {}, u"Scan for hidden networks."_s}},
        true,
        runWifiAdd);
    add({u"device"_s, u"wifi"_s, u"list"_s},
        u"List the Wi-Fi networks on the attached device."_s,
        {},
        true,
        runWifiList);
    add({u"device"_s, u"wifi"_s, u"show-status"_s},
        u"Show the status of the wireless interface on the attached device."_s,
        {},
        true,
        runWifiShowStatus);
    const OptionSpec networkId {
        u"--id"_s, u"-i"_s, K::Value, true, {}, u"int"_s, u"The ID of the network."_s};
    add({u"device"_s, u"wifi"_s, u"forget"_s},
        u"Forget a Wi-Fi network on the attached device."_s,
        {networkId},
        true,
        runWifiForget);
    if (!az) { // az has no `wifi delete`
        CommandSpec *alias = add({u"device"_s, u"wifi"_s, u"delete"_s},
            u"Delete a Wi-Fi network on the attached device."_s,
            {networkId},
            true,
            runWifiForget);
        alias->deprecatedAlias = true;
        alias->replacement = u"azsphere device wifi forget"_s;
    }
    add({u"image-package"_s, u"show"_s},
        u"Show details of an image package."_s,
        {OptionSpec {u"--image-package"_s,
            {}, // no -p here, in either dialect
            K::Value,
            true,
            {},
            {},
            u"Path to the image package."_s}},
        false,
        runImagePackageShow);
    add({az ? u"show-sdk-version"_s : u"show-version"_s},
        u"Show the version of the Azure Sphere SDK."_s,
        {},
        false,
        runShowVersion);

    // The contract's §11 additions (appcommands.cpp, wificommands.cpp).
    const OptionSpec appComponent {u"--component-id"_s,
        u"-i"_s,
        K::Value,
        false,
        {},
        u"guid"_s,
        u"The application's component ID; without it every application."_s};
    add({u"device"_s, u"app"_s, u"start"_s},
        u"Start applications on the attached device."_s,
        {appComponent},
        true,
        runAppStart);
    add({u"device"_s, u"app"_s, u"stop"_s},
        u"Stop applications on the attached device."_s,
        {appComponent},
        true,
        runAppStop);
    add({u"device"_s, u"app"_s, u"show-status"_s},
        u"Show the status of applications on the attached device."_s,
        {appComponent},
        true,
        runAppShowStatus);
    add({u"device"_s, u"sideload"_s, u"set-deployment-timeout"_s},
        u"Set the time-out period, in seconds, for deploying an application."_s,
        {OptionSpec {u"--value"_s,
            u"-v"_s,
            K::Value,
            true,
            {},
            u"int"_s,
            u"The deployment time-out in seconds."_s}},
        false,
        runSetDeploymentTimeout);
    add({u"device"_s, u"sideload"_s, u"show-deployment-timeout"_s},
        u"Show the deployment time-out period, in seconds."_s,
        {},
        false,
        runShowDeploymentTimeout);
    add({u"device"_s, u"wifi"_s, u"show"_s},
        u"Show a Wi-Fi network on the attached device."_s,
        {networkId},
        true,
        runWifiShow);
    add({u"device"_s, u"wifi"_s, u"enable"_s},
        u"Enable a Wi-Fi network on the attached device."_s,
        {networkId},
        true,
        runWifiEnable);
    add({u"device"_s, u"wifi"_s, u"disable"_s},
        u"Disable a Wi-Fi network on the attached device."_s,
        {networkId},
        true,
        runWifiDisable);
    add({u"device"_s, u"wifi"_s, u"scan"_s},
        u"Scan for available Wi-Fi networks visible to the attached device."_s,
        {},
        true,
        runWifiScan);
    add({u"device"_s, u"wifi"_s, u"reload-config"_s},
        u"Reload the Wi-Fi configuration on the attached device."_s,
        {},
        true,
        runWifiReloadConfig);

    // The legacy cloud hand-off (cloudcommands.cpp); az sphere's is catalog/product/
    // device-group/claim/assign with other options.
    const qsizetype legacyCloudFrom = list.size();
    add({u"tenant"_s, u"list"_s},
        u"List the available Azure Sphere tenants."_s,
        {},
        false,
        runTenantList);
    add({u"tenant"_s, u"show-selected"_s},
        u"Show the default Azure Sphere tenant."_s,
        {},
        false,
        runTenantShowSelected);
    add({u"tenant"_s, u"select"_s},
        u"Select the default Azure Sphere tenant."_s,
        {OptionSpec {u"--tenant"_s,
            u"-t"_s,
            K::Value,
            true,
            {},
            {},
            u"The tenant to select: its ID or name."_s}},
        false,
        runTenantSelect);
    const OptionSpec productName {
        u"--name"_s, u"-n"_s, K::Value, true, {}, {}, u"The name of the product."_s};
    const OptionSpec description {
        u"--description"_s, u"-d"_s, K::Value, false, {}, {}, u"An optional description."_s};
    add({u"product"_s, u"create"_s},
        u"Create a new product."_s,
        {productName,
            description,
            OptionSpec {u"--no-default-device-groups"_s,
                {},
                K::Flag,
                false,
                {},
                {},
                u"Do not create the default device groups."_s}},
        false,
        runProductCreate);
    add({u"product"_s, u"list"_s},
        u"List all products in the tenant."_s,
        {},
        false,
        runProductList);
    add({u"product"_s, u"show"_s},
        u"Show details of a product."_s,
        {OptionSpec {
            u"--product"_s, u"-p"_s, K::Value, true, {}, {}, u"The product: its name or ID."_s}},
        false,
        runProductShow);
    add({u"device-group"_s, u"create"_s},
        u"Create a device group."_s,
        {OptionSpec {u"--product"_s,
             u"-p"_s,
             K::Value,
             true,
             {},
             {},
             u"The product the group belongs to: its name or ID."_s},
            OptionSpec {
                u"--name"_s, u"-n"_s, K::Value, true, {}, {}, u"The name of the device group."_s},
            description,
            OptionSpec {u"--os-feed"_s,
                u"-f"_s,
                K::Value,
                false,
                {u"Retail"_s, u"RetailEval"_s},
                {},
                u"The OS feed of the group (default Retail)."_s},
            OptionSpec {u"--application-update"_s,
                u"-a"_s,
                K::Value,
                false,
                {u"No3rdPartyAppUpdates"_s, u"UpdateAll"_s},
                {},
                u"The application update policy (default UpdateAll)."_s}},
        false,
        runDeviceGroupCreate);
    add({u"device-group"_s, u"list"_s},
        u"List the device groups in the tenant."_s,
        {OptionSpec {u"--product"_s,
            u"-p"_s,
            K::Value,
            false,
            {},
            {},
            u"Only the groups of this product: its name or ID."_s}},
        false,
        runDeviceGroupList);
    const OptionSpec deviceGroup {u"--device-group"_s,
        u"-g"_s,
        K::Value,
        true,
        {},
        {},
        u"The device group: <product>/<group> or its ID."_s};
    add({u"device-group"_s, u"show"_s},
        u"Show details of a device group."_s,
        {deviceGroup},
        false,
        runDeviceGroupShow);
    add({u"device"_s, u"claim"_s},
        u"Claim a device into the selected tenant. Claiming is permanent."_s,
        {OptionSpec {
            u"--force"_s, {}, K::Flag, false, {}, {}, u"Claim without asking for confirmation."_s}},
        true,
        runDeviceClaim);
    add({u"device"_s, u"update"_s},
        u"Update a device's device group."_s,
        {deviceGroup},
        true,
        runDeviceUpdate);
    if (az) {
        list.remove(legacyCloudFrom, list.size() - legacyCloudFrom);
        addAzCloudCommands(add);
    }
    return list;
}

// The children of a group: (name, summary) of subgroups and of commands.
void childrenOf(const QStringList &path,
    const QList<CommandSpec> &all,
    QList<QPair<QString, QString>> *subgroups,
    QList<QPair<QString, QString>> *leaves)
{
    for (const Group &g : groups()) {
        if (g.path.size() == path.size() + 1 && g.path.mid(0, path.size()) == path)
            subgroups->append({g.path.last(), g.summary});
    }
    for (const CommandSpec &c : all) {
        if (c.path.size() == path.size() + 1 && c.path.mid(0, path.size()) == path)
            leaves->append({c.path.last(), c.summary});
    }
}

int dispatch(const QStringList &arguments)
{
    const QList<CommandSpec> all = commands();
    QStringList path;
    qsizetype i = 0;
    for (;;) {
        // A command?
        for (const CommandSpec &c : all) {
            if (c.path == path) {
                Context ctx = parseArguments(c, arguments.mid(i));
                try {
                    c.run(ctx);
                } catch (const CliExit &exit) {
                    std::fflush(stdout);
                    std::fflush(stderr);
                    return finishCommand(exit.code);
                }
                return finishCommand(0);
            }
        }
        QList<QPair<QString, QString>> subgroups, leaves;
        childrenOf(path, all, &subgroups, &leaves);
        const QString prog = (QStringList {toolPrefix()} + path).join(u' ');
        if (i >= arguments.size() || arguments.at(i) == u"-h" || arguments.at(i) == u"--help") {
            printGroupHelp(path, subgroups, leaves);
            return 0;
        }
        const QString token = arguments.at(i);
        if (dialect() == Dialect::Az) {
            bool known = false;
            for (const auto &child : subgroups + leaves)
                known = known || child.first == token;
            if (!known && token.startsWith(u'-'))
                usageError(prog, u"unrecognized arguments: "_s + arguments.mid(i).join(u' '));
            if (!known)
                unknownCommand(token);
        }
        if (token.startsWith(u'-')) {
            if (token == u"--version") {
                printLine(u"azsphere (simulator)"_s);
                return 0;
            }
            usageError(prog, u"unrecognized arguments: "_s + arguments.mid(i).join(u' '));
        }
        bool known = false;
        for (const auto &child : subgroups + leaves)
            known = known || child.first == token;
        if (!known) {
            printErrorLine(
                u"%1: '%2' is not in the '%1' command group. See '%1 --help'."_s.arg(prog, token));
            return 2;
        }
        path.append(token);
        ++i;
    }
}

// `az version` (the shapes the station expects).
const QString AzCliVersion = QStringLiteral("2.75.0");
const QString AzTelemetryVersion = QStringLiteral("1.1.0");
const QString AzSphereExtensionVersion = QStringLiteral("1.0.4");

bool noExtension()
{
    return qEnvironmentVariable("AZSPHERE_SIM_AZ_NO_EXTENSION") == u"1";
}

// az's own commands around `az sphere`: `az version`, the welcome text, unknown commands and the
// missing extension (AZSPHERE_SIM_AZ_NO_EXTENSION=1).
int dispatchAz(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.first() == u"-h" || arguments.first() == u"--help") {
        printLine(
            u"Welcome to Azure CLI! (simulator: only `az version` and `az sphere` are here)"_s);
        return 0;
    }
    const QString first = arguments.first();
    if (first == u"--version") {
        printLine(u"azure-cli                         %1 (simulator)"_s.arg(AzCliVersion));
        return 0;
    }
    if (first == u"version") {
        CommandSpec spec;
        spec.path = {u"version"_s};
        spec.outsideTool = true;
        spec.summary = u"Show the versions of Azure CLI modules and extensions in JSON format."_s;
        Context ctx = parseArguments(spec, arguments.mid(1));
        QJsonObject extensions;
        if (!noExtension())
            extensions.insert(u"azure-sphere"_s, AzSphereExtensionVersion);
        printResult(ctx,
            QJsonObject {{u"azure-cli"_s, AzCliVersion},
                {u"azure-cli-core"_s, AzCliVersion},
                {u"azure-cli-telemetry"_s, AzTelemetryVersion},
                {u"extensions"_s, extensions}},
            {},
            {});
        return 0;
    }
    if (first.startsWith(u'-'))
        usageError(u"az"_s, u"unrecognized arguments: "_s + arguments.join(u' '));
    if (first != u"sphere" || noExtension())
        unknownCommand(first);
    return dispatch(arguments.mid(1));
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
#ifdef SIM_AZ_DIALECT
    setDialect(Dialect::Az);
#endif
    try {
        return dialect() == Dialect::Az ? dispatchAz(arguments) : dispatch(arguments);
    } catch (const CliExit &exit) {
        std::fflush(stdout);
        std::fflush(stderr);
        return exit.code;
    }
}
