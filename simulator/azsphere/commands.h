#pragma once

#include "simulator/azsphere/cli.h"
#include "simulator/core/device.h"

// The azsphere commands of REFERENCE.md §2, one function each, shared by both dialects (the
// Context says which one answers). They print their results and end failures by throwing
// CliExit (see cli.h).
namespace Az {

void runListAttached(Context &ctx);
void runShowAttached(Context &ctx);
void runRescanAttached(Context &ctx);
void runRecover(Context &ctx);
void runSideloadDeploy(Context &ctx);
void runSideloadDelete(Context &ctx);
void runImageListInstalled(Context &ctx);
void runManufacturingStateShow(Context &ctx);
void runManufacturingStateUpdate(Context &ctx);
void runCapabilityShowAttached(Context &ctx);
void runWifiAdd(Context &ctx);
void runWifiList(Context &ctx);
void runWifiShowStatus(Context &ctx);
void runWifiForget(Context &ctx);
void runShowOsVersion(Context &ctx);
void runRestart(Context &ctx);
void runShowVersion(Context &ctx);
void runImagePackageShow(Context &ctx);

// The contract's §11 additions (appcommands.cpp, wificommands.cpp).
void runAppStart(Context &ctx);
void runAppStop(Context &ctx);
void runAppShowStatus(Context &ctx);
void runSetDeploymentTimeout(Context &ctx);
void runShowDeploymentTimeout(Context &ctx);
void runWifiShow(Context &ctx);
void runWifiEnable(Context &ctx);
void runWifiDisable(Context &ctx);
void runWifiScan(Context &ctx);
void runWifiReloadConfig(Context &ctx);

// The legacy cloud hand-off (cloudcommands.cpp; the model is simulator/core/cloud.h).
void runTenantList(Context &ctx);
void runTenantShowSelected(Context &ctx);
void runTenantSelect(Context &ctx);
void runProductCreate(Context &ctx);
void runProductList(Context &ctx);
void runProductShow(Context &ctx);
void runDeviceGroupCreate(Context &ctx);
void runDeviceGroupList(Context &ctx);
void runDeviceGroupShow(Context &ctx);
void runDeviceClaim(Context &ctx);
void runDeviceUpdate(Context &ctx);

// The az dialect's cloud hand-off (azcloudcommands.cpp, on the same model): ARM resource JSON,
// a missing resource exits 3 (ResourceNotFound).
void runAzCatalogList(Context &ctx);
void runAzCatalogShow(Context &ctx);
void runAzCatalogCreate(Context &ctx);
void runAzProductCreate(Context &ctx);
void runAzProductList(Context &ctx);
void runAzProductShow(Context &ctx);
void runAzDeviceGroupCreate(Context &ctx);
void runAzDeviceGroupList(Context &ctx);
void runAzDeviceGroupShow(Context &ctx);
void runAzDeviceClaim(Context &ctx);
void runAzDeviceAssign(Context &ctx);
void runAzDeviceShow(Context &ctx);

// The device's OS by §5.1's rule: the first catalog version whose (component ID, image ID) pairs
// are all installed; "unknown" when none is.
QString osVersionOf(const Sim::DeviceState &state);

} // namespace Az
