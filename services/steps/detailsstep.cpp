#include "services/steps/detailsstep.h"

#include "services/azsphere/azsphereclient.h"
#include "services/base/tr.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

std::shared_ptr<const StepParams> DetailsParams::read(StepParamsInput &)
{
    return std::make_shared<DetailsParams>();
}

StepResult DetailsStep::run(StepContext &context)
{
    AzsphereClient &client = context.azsphere();
    // The ID is not known yet: ask the fixture's port.
    const QString device = context.portSelector();

    ToolReply<AttachedDevice> attached = client.showAttached(device);
    if (!attached.isSuccess())
        return context.fail(attached.error());
    if (attached.value->deviceId.isEmpty()) {
        return context.fail(ErrorCode::DeviceNotResponding,
            Tr::tr("The device did not report its ID."),
            attached.tool.stdOutText());
    }

    RunFacts &facts = context.facts();
    if (!facts.deviceId.isEmpty() && facts.deviceId != attached.value->deviceId) {
        return context.fail(ErrorCode::DeviceSwapped,
            Tr::tr("A different device is in the fixture now (expected %1, found %2).")
                .arg(shortDeviceId(facts.deviceId), shortDeviceId(attached.value->deviceId)));
    }
    facts.deviceId = attached.value->deviceId;
    if (!attached.value->ipAddress.isEmpty())
        facts.ipAddress = attached.value->ipAddress;
    if (!attached.value->connectionPath.isEmpty())
        facts.connectionPath = attached.value->connectionPath;
    facts.deviceInfoChanged = true;
    context.setData(u"deviceId"_s, facts.deviceId);
    context.setData(u"ipAddress"_s, facts.ipAddress);
    context.setData(u"connectionPath"_s, facts.connectionPath);

    // The state is part of the record from the start (and tells the RF steps what to expect).
    // Asked of the device just recorded, by its ID: at the port, a device swapped in meanwhile
    // would answer, and its state would be recorded (and judged finished or not) as this one's.
    ToolReply<ManufacturingState> state = client.manufacturingStateShow(facts.deviceId);
    if (!state.isSuccess())
        return context.fail(state.error());
    facts.manufacturingState = manufacturingStateName(*state.value);
    context.setData(u"manufacturingState"_s, facts.manufacturingState);

    // The OS the device arrived with is part of its record (an os-update step later records the
    // OS it leaves with). `show-os-version` answers in every manufacturing state.
    ToolReply<QString> os = client.showOsVersion(facts.deviceId);
    if (!os.isSuccess())
        return context.fail(os.error());
    facts.osVersion = *os.value;
    context.setData(u"osVersion"_s, facts.osVersion);
    return context.pass();
}

} // namespace Station
