#pragma once

#include "services/azsphere/devicedata.h"
#include "services/azsphere/imagepackage.h"
#include "services/azsphere/osversions.h"
#include "services/base/result.h"

#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace Station {

class StepContext;

// Small pieces several steps share. All run on the fixture's worker thread.
namespace StepHelpers {

// Waits `duration` (bounded by the step's deadline) in slices of at most 50 ms, like
// ToolRunner, so an abort ends the wait at once. Returns false when cancelled. Blocks only
// this fixture's worker thread; it never runs an event loop (which could start a second run
// re-entrantly).
bool pause(StepContext &context, std::chrono::milliseconds duration);

// The wait before poll number `attempt` (0, 1, ...) of a state that usually changes soon (a
// network association, a restart): 100 ms, doubling up to `longest`. A device that is ready
// early is seen early, and one that takes seconds is not asked more than once per `longest`.
std::chrono::milliseconds pollDelay(int attempt, std::chrono::milliseconds longest);

// The attached device that belongs to the fixture: matched by connection path, or by IP
// address when the tool reports no connection path (the real Linux SDK).
std::optional<AttachedDevice> fixtureDevice(
    const StepContext &context, const QList<AttachedDevice> &devices);

// Reads an image package the recipe names and records its IDs in the step data under
// `key` ("package", "package.2", ...).
Result<ImagePackageInfo> readPackage(StepContext &context, const QString &path, const QString &key);

// Deploys one package. When the device refuses a production-signed package as not trusted and
// the recipe names a keystore package (`autoKeystore`), sideloads the keystore and retries the
// package once, at most once per run (REFERENCE.md 4.3, docs/recipe.md 7): a device with an older
// trusted keystore is fixed on the line instead of being failed. Every command is recorded by the
// context.
Result<> deploy(StepContext &context,
    const QString &packagePath,
    const ImagePackageInfo &package,
    bool manualStart,
    const QString &autoKeystore);

// The ID of the device that answers at the fixture's port now (`show-attached` by connection
// path or IP).
Result<QString> deviceInFixture(StepContext &context);

// Confirms that the device at the fixture's port is the one this run recorded at `details`
// (DESIGN.md "Identity"), for changes no tool can address by device ID (the RF tools) and
// results read through the port (the UART). `moment` says when, for the cause ("before the
// e-fuses are written"). Fails DeviceSwapped naming both devices, or DeviceAbsent.
Result<> confirmIdentity(StepContext &context, const Text &moment);

// After a deploy that restarts the device (the keystore package): asks `show-attached` once a
// second until the device answers again, within the step's deadline.
Result<> waitUntilResponsive(StepContext &context);

// Records an image as sideloaded in this run (the ready-to-ship check expects it).
void noteSideloaded(StepContext &context, const ImagePackageInfo &package);

// The lowercase GUID string without braces.
QString guidText(const QUuid &uuid);

// Identifies the device's OS from `image list-installed --full` and the recipe's OS versions
// ("unknown" when no version matches). The installed list is returned through `installed`.
Result<QString> identifyOs(StepContext &context,
    const OsVersions &versions,
    QList<InstalledComponent> *installed = nullptr);

} // namespace StepHelpers
} // namespace Station
