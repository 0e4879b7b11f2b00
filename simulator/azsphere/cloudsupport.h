#pragma once

#include "simulator/azsphere/cli.h"
#include "simulator/core/bench.h"
#include "simulator/core/cloud.h"

#include <functional>
#include <optional>

// What the two cloud front ends share (cloudcommands.cpp: legacy tenant/product/device-group/
// claim/update; azcloudcommands.cpp: az sphere catalog/product/device-group/claim/assign/show).
namespace Az {

// §9 is silent on cloud calls: one simulated second per request.
constexpr double CloudSeconds = 1.0;
inline const QString ChipSku = QStringLiteral("MT3620AN");

struct CloudBench
{
    Sim::Bench bench;
    Sim::Cloud cloud;
};

// The bench's cloud, after one simulated second; ends the command without a bench (and, in az,
// with AZSPHERE_SIM_AZ_LOGGED_OUT=1, with az's "Please run 'az login'" error).
CloudBench openCloud();
// The cloud's state, or the command ends with the storage error.
Sim::CloudState readCloud(const Sim::Cloud &cloud);
// --device/-d of the cloud commands: a 128-hex device ID (attached or not), else an attached
// device's IP address or connection path (with §1.2's WARNING), else the lone attached device.
QString targetDeviceId(const Context &ctx, const Sim::Bench &bench);
// The device group options both `device-group create`s take (description, --os-feed,
// --application-update).
Sim::DeviceGroupOptions deviceGroupOptions(const Context &ctx);

// Runs one change of the cloud under its lock. `change` returns why it failed, if it did; the
// command ends through `failWith` (never returns) only after the lock is given back, or with the
// storage error.
template <typename Failure>
void changeCloudState(const Sim::Cloud &cloud,
    const std::function<std::optional<Failure>(Sim::CloudState &)> &change,
    const std::function<void(const Failure &)> &failWith)
{
    std::optional<Failure> failure;
    QString why;
    const bool ok = cloud.modify(
        [&](Sim::CloudState &state) {
            failure = change(state);
            return !failure;
        },
        &why);
    if (failure)
        failWith(*failure);
    if (!ok)
        fail(why);
}

} // namespace Az
