#include "services/steps/stephelpers.h"

#include "services/azsphere/azsphereclient.h"
#include "services/azsphere/osversions.h"
#include "services/base/tr.h"
#include "services/steps/step.h"

#include <QDeadlineTimer>

#include <algorithm>
#include <thread>

using namespace Qt::Literals::StringLiterals;

namespace Station::StepHelpers {

namespace {

// The same slice ToolRunner waits in: an abort is seen within 50 ms.
constexpr std::chrono::milliseconds PauseSlice = ToolRunner::WaitSlice;
// A restarting device answers again within seconds (15 s simulated for the keystore); asking
// once a second keeps the wait short without flooding the device.
constexpr std::chrono::milliseconds RestartPollInterval = 1s;

} // namespace

bool pause(StepContext &context, std::chrono::milliseconds duration)
{
    const QDeadlineTimer until(std::min(duration, context.remaining()));
    while (!until.hasExpired()) {
        if (context.isCancelled())
            return false;
        const auto left = std::chrono::milliseconds(until.remainingTime());
        std::this_thread::sleep_for(std::min(left, PauseSlice));
    }
    return !context.isCancelled();
}

std::chrono::milliseconds pollDelay(int attempt, std::chrono::milliseconds longest)
{
    constexpr std::chrono::milliseconds First = 100ms;
    const int doublings = std::clamp(attempt, 0, 16);
    return std::min(longest, First * (1 << doublings));
}

std::optional<AttachedDevice> fixtureDevice(
    const StepContext &context, const QList<AttachedDevice> &devices)
{
    const FixtureConfig &fixture = context.fixture();
    if (!fixture.connectionPath.isEmpty()) {
        for (const AttachedDevice &device : devices) {
            if (device.connectionPath == fixture.connectionPath)
                return device;
        }
    }
    // The real Linux SDK reports "" for every connection path: bind by IP address there.
    if (!fixture.ipAddress.isEmpty()) {
        for (const AttachedDevice &device : devices) {
            if (device.connectionPath.isEmpty() && device.ipAddress == fixture.ipAddress)
                return device;
        }
    }
    return std::nullopt;
}

QString guidText(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces).toLower();
}

Result<ImagePackageInfo> readPackage(StepContext &context, const QString &path, const QString &key)
{
    Result<ImagePackageInfo> package = ImagePackage::read(path);
    if (!package)
        return package;
    QVariantMap data;
    data.insert(u"path"_s, path);
    data.insert(u"componentId"_s, guidText(package->componentId));
    data.insert(u"imageId"_s, guidText(package->imageId));
    data.insert(u"imageType"_s, package->imageType);
    data.insert(u"name"_s, package->name);
    data.insert(u"thumbprint"_s, package->thumbprint);
    context.setData(key, data);
    return package;
}

void noteSideloaded(StepContext &context, const ImagePackageInfo &package)
{
    RunFacts &facts = context.facts();
    const QString componentId = guidText(package.componentId);
    const QString imageId = guidText(package.imageId);
    // A new image of the same component replaces the old one, as on the device.
    const qsizetype at = facts.sideloadedComponentIds.indexOf(componentId);
    if (at >= 0) {
        facts.sideloadedComponentIds.removeAt(at);
        facts.sideloadedImageIds.removeAt(at);
    }
    facts.sideloadedComponentIds.append(componentId);
    facts.sideloadedImageIds.append(imageId);
}

Result<> deploy(StepContext &context,
    const QString &packagePath,
    const ImagePackageInfo &package,
    bool manualStart,
    const QString &autoKeystore)
{
    AzsphereClient &client = context.azsphere();
    const QString device = context.deviceSelector();
    context.outputLine(Tr::tr("Deploying %1").arg(packagePath));
    ToolReply<DeployReport> reply = client.sideloadDeploy(device, packagePath, manualStart);
    if (reply.isSuccess())
        return {};
    const bool untrusted = reply.error().code == ErrorCode::ImageNotTrusted;
    RunFacts &facts = context.facts();
    if (!untrusted || package.isDevelopmentSigned() || autoKeystore.isEmpty()
        || autoKeystore == packagePath || facts.autoKeystoreUsed)
        return fail(reply.error());

    // Production-signed and not trusted: the device's keystore is older than the signing key.
    facts.autoKeystoreUsed = true;
    context.addNote(Tr::tr("trusted keystore sideloaded automatically"));
    context.setData(u"autoKeystore"_s, autoKeystore);
    context.outputLine(
        Tr::tr("Image not trusted; sideloading the trusted keystore %1").arg(autoKeystore));
    ToolReply<DeployReport> keystore = client.sideloadDeploy(device, autoKeystore, false);
    if (!keystore.isSuccess())
        return fail(keystore.error());
    if (Result<> answering = waitUntilResponsive(context); !answering)
        return answering;
    ToolReply<DeployReport> retry = client.sideloadDeploy(device, packagePath, manualStart);
    if (!retry.isSuccess())
        return fail(retry.error());
    return {};
}

Result<QString> deviceInFixture(StepContext &context)
{
    ToolReply<AttachedDevice> reply = context.azsphere().showAttached(context.portSelector());
    if (!reply.isSuccess())
        return fail(reply.error());
    if (reply.value->deviceId.isEmpty()) {
        return fail(ErrorCode::DeviceNotResponding,
            Tr::tr("The device in fixture %1 did not report its ID.").arg(context.fixture().number),
            reply.tool.stdOutText());
    }
    return reply.value->deviceId;
}

Result<> confirmIdentity(StepContext &context, const Text &moment)
{
    const QString recorded = context.facts().deviceId;
    if (recorded.isEmpty())
        return {}; // before `details` there is no identity to keep (the loader orders it first)
    const Result<QString> present = deviceInFixture(context);
    if (!present) {
        if (present.error().code != ErrorCode::DeviceNotConnected)
            return fail(present.error());
        return fail(ErrorCode::DeviceAbsent,
            Tr::tr("Device %1 is no longer in fixture %2 (checked %3).")
                .arg(shortDeviceId(recorded))
                .arg(context.fixture().number)
                .arg(moment),
            present.error().detail,
            Tr::tr("Put the device back and start a new run."));
    }
    if (present->compare(recorded, Qt::CaseInsensitive) != 0) {
        context.setData(u"deviceInFixture"_s, *present);
        return fail(ErrorCode::DeviceSwapped,
            Tr::tr("A different device (%1) is in fixture %2 now; this run tested %3 (checked %4).")
                .arg(shortDeviceId(*present))
                .arg(context.fixture().number)
                .arg(shortDeviceId(recorded))
                .arg(moment),
            u"recorded %1, in the fixture %2"_s.arg(recorded, *present),
            Tr::tr("Put the tested device back, or start a new run for this one."));
    }
    return {};
}

Result<> waitUntilResponsive(StepContext &context)
{
    AzsphereClient &client = context.azsphere();
    const QString device = context.deviceSelector();
    int polls = 0;
    for (;;) {
        ToolReply<AttachedDevice> reply = client.showAttached(device);
        if (reply.isSuccess() && !reply.value->deviceId.isEmpty())
            return {};
        if (context.isCancelled())
            return fail(ErrorCode::Cancelled, Tr::tr("Aborted."));
        const ErrorCode code
            = reply.isSuccess() ? ErrorCode::DeviceNotResponding : reply.error().code;
        // Only "busy restarting" is worth waiting for; anything else is the answer.
        if (code != ErrorCode::DeviceNotResponding && code != ErrorCode::DeviceBusy)
            return fail(reply.isSuccess() ? Error::make(code, Tr::tr("The device did not answer."))
                                          : reply.error());
        if (context.hasExpired()) {
            return fail(ErrorCode::DeviceNotResponding,
                Tr::tr("The device did not answer again after restarting."));
        }
        if (!pause(context, pollDelay(polls++, RestartPollInterval)))
            return fail(ErrorCode::Cancelled, Tr::tr("Aborted."));
    }
}

Result<QString> identifyOs(
    StepContext &context, const OsVersions &versions, QList<InstalledComponent> *installed)
{
    ToolReply<QList<InstalledComponent>> reply
        = context.azsphere().imageListInstalled(context.deviceSelector(), true);
    if (!reply.isSuccess())
        return fail(reply.error());
    if (installed)
        *installed = *reply.value;
    return versions.identify(*reply.value);
}

} // namespace Station::StepHelpers
