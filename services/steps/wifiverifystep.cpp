#include "services/steps/wifiverifystep.h"

#include "services/azsphere/azsphereclient.h"
#include "services/base/tr.h"
#include "services/steps/stephelpers.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// Status is asked after 100 ms, then less often, at most once a second: the radio associates
// within seconds (3 s in the simulator), sometimes at once.
constexpr std::chrono::milliseconds PollInterval = 1s;
// IEEE 802.11: an SSID is at most 32 bytes.
constexpr int MaxSsidBytes = 32;

bool isPrintableAscii(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() <= 0x7e;
    });
}

} // namespace

std::shared_ptr<const StepParams> WifiVerifyParams::read(StepParamsInput &input)
{
    using JsonReader::Empty;
    using JsonReader::Need;
    const JsonReader::ObjectReader &p = input.params;
    auto params = std::make_shared<WifiVerifyParams>();
    const std::optional<QString> ssid = p.string(u"ssid"_s, Need::Required);
    if (ssid && ssid->toUtf8().size() > MaxSsidBytes)
        p.report(u"ssid"_s, Tr::tr("must be at most %1 bytes long (UTF-8)").arg(MaxSsidBytes));

    static const QRegularExpression hexKeyRe(u"^[0-9a-fA-F]{64}$"_s);
    const std::optional<QString> psk = p.string(u"psk"_s, Need::Optional, Empty::Allowed);
    if (psk
        && !((psk->size() >= 8 && psk->size() <= 63 && isPrintableAscii(*psk))
            || hexKeyRe.match(*psk).hasMatch())) {
        p.report(u"psk"_s,
            Tr::tr("must be 8 to 63 printable ASCII characters or 64 hexadecimal digits"));
    }
    const std::optional<bool> open = p.boolean(u"open"_s);
    const bool openValid = !p.has(u"open"_s) || open.has_value();
    if (openValid && p.has(u"psk"_s) && open.value_or(false))
        p.problems().add(p.path(), Tr::tr("give either \"psk\" or \"open\": true, not both"));
    else if (openValid && !p.has(u"psk"_s) && !open.value_or(false))
        p.problems().add(p.path(), Tr::tr("needs \"psk\", or \"open\": true for an open network"));

    params->connectTimeoutS
        = p.integer(u"connect_timeout_s"_s, 1, 600).value_or(DefaultConnectTimeoutS);
    input.waitS = params->connectTimeoutS;
    params->ssid = ssid.value_or(QString());
    params->psk = psk.value_or(QString());
    params->open = open.value_or(false);
    return params;
}

StepResult WifiVerifyStep::run(StepContext &context)
{
    const WifiVerifyParams &params = context.params<WifiVerifyParams>();
    const QString &ssid = params.ssid;
    const QString psk = params.open ? QString() : params.psk;
    const auto connectTimeout = std::chrono::seconds(params.connectTimeoutS);
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
