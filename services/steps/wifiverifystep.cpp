#include "services/steps/wifiverifystep.h"

#include "services/azsphere/azsphereclient.h"
#include "services/base/tr.h"
#include "services/steps/stephelpers.h"

#include <QDeadlineTimer>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// Status is asked after 100 ms, then less often, at most once a second: the radio associates
// within seconds (3 s in the simulator), sometimes at once.
constexpr std::chrono::milliseconds PollInterval = 1s;
constexpr int DefaultConnectTimeoutS = 30;

} // namespace

StepResult WifiVerifyStep::run(StepContext &context)
{
    const QJsonObject &params = context.params();
    const QString ssid = params.value(u"ssid"_s).toString();
    const QString psk
        = params.value(u"open"_s).toBool(false) ? QString() : params.value(u"psk"_s).toString();
    const auto connectTimeout
        = std::chrono::seconds(params.value(u"connect_timeout_s"_s).toInt(DefaultConnectTimeoutS));
    context.addSecret(psk);

    AzsphereClient &client = context.azsphere();
    const QString device = context.deviceSelector();

    ToolReply<WifiNetwork> added = client.wifiAdd(device, ssid, psk);
    if (!added.isSuccess())
        return context.fail(added.error());
    const int networkId = added.value->id;
    context.setData(u"networkId"_s, networkId);

    // Wait for the connection, but always forget the network afterwards: a device must never
    // leave the line with the factory's network configured.
    std::optional<Error> failure;
    bool connected = false;
    const QDeadlineTimer until(
        std::min<std::chrono::milliseconds>(connectTimeout, context.remaining()));
    for (int polls = 0;; ++polls) {
        ToolReply<WifiStatus> status = client.wifiShowStatus(device);
        if (!status.isSuccess()) {
            failure = status.error();
            break;
        }
        if (status.value->isConnected() && status.value->ssid == ssid) {
            connected = true;
            context.setData(u"wifiIpAddress"_s, status.value->ipAddress);
            context.setData(u"frequencyMhz"_s, status.value->frequencyMhz.value_or(0));
            break;
        }
        if (until.hasExpired())
            break;
        if (!StepHelpers::pause(context,
                std::min(StepHelpers::pollDelay(polls, PollInterval),
                    std::chrono::milliseconds(until.remainingTime()))))
            return context.fail(ErrorCode::Cancelled, {});
    }
    if (!connected && !failure) {
        failure = Error::make(ErrorCode::WifiNotConnected,
            Tr::tr("The device did not connect to the Wi-Fi network %1 within %2 s.")
                .arg(ssid)
                .arg(connectTimeout.count()),
            {},
            Tr::tr("Check the access point and the antenna; retry."));
    }

    ToolReply<> forgotten = client.wifiForget(device, networkId);
    if (failure)
        return context.fail(*failure);
    if (!forgotten.isSuccess())
        return context.fail(forgotten.error());

    ToolReply<QList<WifiNetwork>> remaining = client.wifiList(device);
    if (!remaining.isSuccess())
        return context.fail(remaining.error());
    if (!remaining.value->isEmpty()) {
        QStringList names;
        for (const WifiNetwork &network : *remaining.value)
            names.append(u"%1: %2"_s.arg(network.id).arg(network.ssid));
        return context.fail(ErrorCode::WifiNetworksRemain,
            Tr::tr("Wi-Fi networks are still configured: %1").arg(names.join(u", "_s)));
    }
    return context.pass();
}

} // namespace Station
