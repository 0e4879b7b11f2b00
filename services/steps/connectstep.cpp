#include "services/steps/connectstep.h"

#include "services/azsphere/azsphereclient.h"
#include "services/base/tr.h"
#include "services/steps/stephelpers.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// How often `list-attached` is asked while waiting: a device that was just seated answers within
// seconds, and one call per second per fixture is cheap (the simulator's call takes 1 s itself).
constexpr std::chrono::milliseconds PollInterval = 1s;

} // namespace

std::shared_ptr<const StepParams> ConnectParams::read(StepParamsInput &input)
{
    auto params = std::make_shared<ConnectParams>();
    params->waitS = input.params.integer(u"wait_s"_s, 1, 3600, JsonReader::Need::Optional)
                        .value_or(DefaultWaitS);
    input.waitS = params->waitS;
    return params;
}

StepResult ConnectStep::run(StepContext &context)
{
    const auto wait = std::chrono::seconds(context.params<ConnectParams>().waitS);
    const QDeadlineTimer until(std::min<std::chrono::milliseconds>(wait, context.remaining()));
    AzsphereClient &client = context.azsphere();
    std::optional<Error> lastError;
    bool seenUnresponsive = false;

    for (;;) {
        ToolReply<QList<AttachedDevice>> reply = client.listAttached();
        if (context.isCancelled())
            return context.fail(ErrorCode::Cancelled, {});
        if (reply.isSuccess()) {
            lastError.reset();
            if (const std::optional<AttachedDevice> device
                = StepHelpers::fixtureDevice(context, *reply.value)) {
                if (device->isResponsive && !device->deviceId.isEmpty()) {
                    RunFacts &facts = context.facts();
                    facts.connectionPath = device->connectionPath;
                    facts.ipAddress = device->ipAddress;
                    facts.deviceLocated = true;
                    facts.deviceInfoChanged = true;
                    context.setData(u"connectionPath"_s, device->connectionPath);
                    context.setData(u"ipAddress"_s, device->ipAddress);
                    context.setData(u"deviceId"_s, device->deviceId);
                    return context.pass();
                }
                seenUnresponsive = true;
            }
        } else {
            lastError = reply.error();
            // A tool that cannot start will not start on the next poll either.
            if (reply.error().code == ErrorCode::ToolNotFound
                || reply.error().code == ErrorCode::ToolStartFailed
                || reply.error().code == ErrorCode::ToolUsage
                || reply.error().code == ErrorCode::ToolExtensionMissing)
                return context.fail(reply.error());
        }
        if (until.hasExpired() || context.hasExpired())
            break;
        if (!StepHelpers::pause(
                context, std::min(PollInterval, std::chrono::milliseconds(until.remainingTime()))))
            return context.fail(ErrorCode::Cancelled, {});
    }

    if (seenUnresponsive) {
        return context.fail(ErrorCode::DeviceNotResponding,
            Tr::tr("A device is in fixture %1 but it does not answer.")
                .arg(context.fixture().number));
    }
    if (lastError)
        return context.fail(*lastError);
    return context.fail(ErrorCode::DeviceAbsent,
        Tr::tr("No device appeared in fixture %1 (connection %2) within %3 s.")
            .arg(context.fixture().number)
            .arg(context.deviceSelector())
            .arg(wait.count()));
}

} // namespace Station
