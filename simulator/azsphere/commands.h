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
// az only: the simulated subscription holds no catalog (exit 3, ResourceNotFound).
void runCatalogShow(Context &ctx);

// The device's OS by §5.1's rule: the first catalog version whose (component ID, image ID) pairs
// are all installed; "unknown" when none is.
QString osVersionOf(const Sim::DeviceState &state);

} // namespace Az
