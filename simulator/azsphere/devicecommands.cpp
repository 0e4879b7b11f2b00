#include "simulator/azsphere/commands.h"
#include "simulator/azsphere/session.h"
#include "simulator/core/simtime.h"
#include "simulator/package/capabilityfile.h"

#include <QJsonArray>
#include <QThread>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Az {

namespace {

// A device answers list-attached unless it is recovering or rebooting, or a not-responding fault
// that certainly fires (probability 1, no other command named) is set. list-attached never takes a
// device lock, so it does not use up faults.
bool isResponsive(const Sim::Bench &bench, const Sim::Slot &slot)
{
    if (!bench.busyReason(slot.serial).isEmpty())
        return false;
    const std::optional<Sim::DeviceState> state = bench.readDevice(slot.serial);
    if (!state)
        return false;
    for (const Sim::Fault &f : state->faults) {
        if (f.kind == Sim::FaultKind::NotResponding && f.probability >= 1.0 && f.count != 0
            && f.skip == 0 && f.variant != u"after-restart"
            && Sim::faultApplies(f, f.kind, u"list-attached"_s))
            return false;
    }
    return true;
}

} // namespace

QString osVersionOf(const Sim::DeviceState &state)
{
    // §5.1: the first version all of whose (cid, iid) pairs are installed.
    for (const Sim::OsVersion &version : Sim::catalog().osVersions) {
        const bool all = std::all_of(
            version.images.cbegin(), version.images.cend(), [&](const Sim::OsImage &image) {
                const int i = state.indexOfComponent(image.componentId);
                return i >= 0
                    && state.images.at(i).imageId.compare(image.imageId, Qt::CaseInsensitive) == 0;
            });
        if (all)
            return version.name;
    }
    return u"unknown"_s;
}

void runListAttached(Context &ctx)
{
    Sim::Bench bench = openBench();
    applyBenchWideFaults(ctx, bench);
    Sim::simSleep(1.0);
    QJsonArray json;
    QList<QJsonObject> rows;
    for (const Sim::Slot &slot : bench.attachedSlots()) {
        const bool responsive = isResponsive(bench, slot);
        const QJsonValue id = responsive
            ? QJsonValue(Sim::deviceIdFor(bench.config().seed, slot.serial))
            : QJsonValue();
        if (ctx.dialect == Dialect::Az) {
            json.append(QJsonObject {{u"deviceIdentifier"_s, id},
                {u"ipAddress"_s, slot.ipAddress},
                {u"isResponsive"_s, responsive},
                {u"localConnectionId"_s, slot.connectionPath}});
            continue;
        }
        const QJsonObject o {{u"ConnectionPath"_s, slot.connectionPath},
            {u"DeviceId"_s,
                responsive ? QJsonValue(Sim::deviceIdFor(bench.config().seed, slot.serial))
                           : QJsonValue()},
            {u"IpAddress"_s, slot.ipAddress},
            {u"IsResponsive"_s, responsive}};
        json.append(o);
        rows.append(o);
    }
    printResult(ctx,
        json,
        {{u"DeviceId"_s, {}},
            {u"IpAddress"_s, {}},
            {u"ConnectionPath"_s, {}},
            {u"IsResponsive"_s, {}}},
        rows);
}

void runShowAttached(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    session.delay(1.0);
    if (ctx.dialect == Dialect::Az) {
        printResult(ctx,
            QJsonObject {{u"deviceIdentifier"_s, session.state().deviceId},
                {u"ipAddress"_s, session.slot().ipAddress},
                {u"isResponsive"_s, true},
                {u"localConnectionId"_s, session.slot().connectionPath}},
            {},
            {});
        return;
    }
    const QJsonObject o {{u"ConnectionPath"_s, session.slot().connectionPath},
        {u"DeviceId"_s, session.state().deviceId},
        {u"IpAddress"_s, session.slot().ipAddress}};
    printResult(
        ctx, o, {{u"DeviceId"_s, {}}, {u"IpAddress"_s, {}}, {u"ConnectionPath"_s, {}}}, {o});
}

void runRescanAttached(Context &ctx)
{
    Sim::Bench bench = openBench();
    applyBenchWideFaults(ctx, bench);
    Sim::simSleep(3.0);
    bench.load(); // a device may have come or gone during the scan
    const QJsonObject o {
        {ctx.dialect == Dialect::Az ? u"count"_s : u"Count"_s, int(bench.attachedSlots().size())}};
    printResult(ctx, o, {{u"Count"_s, {}}}, {o});
}

void runImageListInstalled(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    session.delay(1.5);
    if (session.isLocked())
        fail(PermissionText);
    const bool full = ctx.args.has(u"--full"_s) || ctx.args.has(u"--all"_s);
    QJsonArray json;
    QList<QJsonObject> rows;
    for (const Sim::InstalledImage &image : session.state().images) {
        if (!full && image.imageType != 10)
            continue;
        const QJsonObject entry {{u"length_in_bytes"_s, image.bytes},
            {u"replica_type"_s, 0},
            {u"uid"_s, image.imageId},
            {u"uncompressed_length_in_bytes"_s, image.bytes}};
        json.append(QJsonObject {{u"does_image_type_require_restart"_s, image.imageType != 10},
            {u"image_type"_s, image.imageType},
            {u"images"_s, QJsonArray {entry}},
            {u"is_update_staged"_s, false},
            {u"name"_s, image.name},
            {u"uid"_s, image.componentId}});
        rows.append(QJsonObject {{u"Name"_s, image.name},
            {u"ImageType"_s,
                image.imageType == 10 ? u"Application"_s
                                      : u"System software image type %1"_s.arg(image.imageType)},
            {u"ComponentId"_s, image.componentId},
            {u"ImageId"_s, image.imageId}});
    }
    printResult(ctx,
        json,
        {{u"Name"_s, {}}, {u"ImageType"_s, {}}, {u"ComponentId"_s, {}}, {u"ImageId"_s, {}}},
        rows);
}

void runManufacturingStateShow(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    session.delay(1.0);
    const QJsonObject o {{u"manufacturingState"_s, session.state().manufacturingState}};
    printResult(ctx, o, {{u"manufacturingState"_s, {}}}, {o});
}

void runManufacturingStateUpdate(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    session.delay(3.0);
    Sim::DeviceState &state = session.state();
    if (session.isLocked())
        fail(PermissionText);
    const QString target = ctx.args.value(u"--state"_s);
    if (target == state.manufacturingState)
        return; // the same state again: nothing to do
    // The state never goes down (§4.1): a finished device with servicing capability still
    // refuses to become Module1Complete again.
    if (state.isDeviceComplete())
        fail(PermissionText);
    state.manufacturingState = target;
    state.capabilities.removeAll(12); // RF test mode exists only while Blank
    session.save();
}

void runCapabilityShowAttached(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    session.delay(1.0);
    QList<int> numbers = session.state().capabilities;
    std::sort(numbers.begin(), numbers.end());
    QJsonArray json;
    QList<QJsonObject> rows;
    for (int n : numbers) {
        json.append(Sim::capabilityName(n));
        rows.append(QJsonObject {{u"DeviceCapabilities"_s, Sim::capabilityName(n)}});
    }
    printResult(ctx, json, {{u"DeviceCapabilities"_s, {}}}, rows);
}

void runShowOsVersion(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    session.delay(1.0);
    const QJsonObject o {{ctx.dialect == Dialect::Az ? u"osVersion"_s : u"osversion"_s,
        osVersionOf(session.state())}};
    printResult(ctx, o, {{u"osversion"_s, {}}}, {o});
}

void runRestart(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    if (session.isLocked())
        fail(PermissionText);
    printStatus(ctx, u"Restarting device."_s);
    session.delay(0.5);
    Sim::DeviceState &state = session.state();
    // A not-responding fault with variant after-restart: the device does not come back in time.
    bool changed = false;
    std::optional<Sim::Fault> stuck;
    for (const Sim::Fault &f : state.faults) {
        if (f.kind == Sim::FaultKind::NotResponding && f.variant == u"after-restart"
            && Sim::faultApplies(f, f.kind, ctx.spec->name())) {
            stuck = Sim::takeFault(state, session.seed(), f.kind, ctx.spec->name(), &changed);
            break;
        }
    }
    const qint64 start = Sim::nowMs();
    const qint64 timeoutMs = qint64(60000.0 * Sim::timeScale());
    Sim::applyBoot(state);
    state.busyReason = u"restart"_s;
    state.busyUntilMs = start + (stuck ? timeoutMs + Sim::scaledMs(10.0) : Sim::scaledMs(10.0));
    session.save();
    // The device reboots on its own; waiting for it needs no lock (other commands meanwhile get
    // "not responding").
    session.unlock();
    const qint64 deadline = start + timeoutMs;
    for (;;) {
        const qint64 now = Sim::nowMs();
        std::optional<Sim::DeviceState> current = bench.readDevice(state.serial);
        // A device stuck by the after-restart fault never answers within the tool's wait.
        const bool answers = !stuck && current && !current->isRebooting(now)
            && bench.isStillAttached(state.serial);
        if (answers)
            break;
        if (now >= deadline)
            fail(u"Timed out waiting for the device to restart."_s);
        const qint64 wait = std::min<qint64>({50,
            std::max<qint64>(1, deadline - now),
            std::max<qint64>(1, state.busyUntilMs - now)});
        QThread::msleep(quint64(wait));
    }
    printStatus(ctx, u"Device restarted successfully."_s);
}

void runShowVersion(Context &ctx)
{
    bool loaded = false;
    Sim::Bench bench = openBench(&loaded);
    Sim::simSleep(0.5);
    const QString version = loaded ? bench.config().sdkVersion : Sim::BenchConfig().sdkVersion;
    if (ctx.dialect == Dialect::Az) { // show-sdk-version
        printResult(ctx, QJsonObject {{u"version"_s, version}}, {}, {});
        return;
    }
    const QJsonObject o {{u"Azure Sphere SDK"_s, version}};
    printResult(ctx, o, {{u"Azure Sphere SDK"_s, u"Azure Sphere SDK"_s}}, {o});
}

} // namespace Az
