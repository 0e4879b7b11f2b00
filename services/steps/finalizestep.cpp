#include "services/steps/finalizestep.h"

#include "services/azsphereclient.h"
#include "services/tr.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

QString shortId(const QString &deviceId)
{
    return deviceId.size() > 12 ? deviceId.left(8) + u"…"_s + deviceId.right(4) : deviceId;
}

} // namespace

StepResult FinalizeStep::run(StepContext &context)
{
    const QJsonObject &params = context.params();
    const QString stateName = params.value(u"state"_s).toString();
    const std::optional<ManufacturingState> target = manufacturingStateFromName(stateName);
    const RunFacts &facts = context.facts();
    context.setData(u"targetState"_s, stateName);

    if (!target
        || (*target != ManufacturingState::Module1Complete
            && *target != ManufacturingState::DeviceComplete)) {
        return context.fail(ErrorCode::FinalizeRefused,
            Tr::tr("The recipe names no valid final state (\"%1\").").arg(stateName));
    }
    const bool permanent = *target == ManufacturingState::DeviceComplete;

    // THE FINALIZE GUARD (DESIGN.md). A manufacturing state never goes back, and DeviceComplete
    // locks the device for good, so each condition is checked here again even though the worker
    // stops at the first failure and the loader refuses recipes that would break them: a wrong
    // DeviceComplete ships a device that was never proven, or finalizes someone else's device.
    // 1. Every earlier step of THIS run passed (or was skipped as not needed).
    if (!facts.everyStepPassed) {
        return context.fail(ErrorCode::FinalizeRefused,
            Tr::tr("Finalize refused: an earlier step of this run did not pass."));
    }
    // 2. The device is the one recorded at `details`.
    if (facts.deviceId.isEmpty()) {
        return context.fail(ErrorCode::FinalizeRefused,
            Tr::tr("Finalize refused: this run has not recorded the device ID."));
    }
    if (permanent) {
        // 3. The recipe asks for DeviceComplete explicitly.
        if (!params.value(u"confirm_permanent"_s).toBool(false)) {
            return context.fail(ErrorCode::FinalizeRefused,
                Tr::tr("Finalize refused: the recipe does not confirm the permanent "
                       "DeviceComplete state."));
        }
        // 4. The ready-to-ship checks passed in THIS run (not in an earlier one).
        if (!facts.readyToShipPassed) {
            return context.fail(ErrorCode::FinalizeRefused,
                Tr::tr("Finalize refused: the ready-to-ship checks have not passed in this run."));
        }
    }

    AzsphereClient &client = context.azsphere();
    const QString device = context.deviceSelector();
    // 5. The device ID read right now matches: nobody swapped the device in the fixture since.
    ToolReply<AttachedDevice> attached = client.showAttached(device);
    if (!attached.isSuccess())
        return context.fail(attached.error());
    if (attached.value->deviceId != facts.deviceId) {
        return context.fail(ErrorCode::DeviceSwapped,
            Tr::tr("Finalize refused: the device in the fixture (%1) is not the one this run "
                   "tested (%2).")
                .arg(shortId(attached.value->deviceId), shortId(facts.deviceId)),
            {},
            Tr::tr("Put the tested device back, or start a new run for this one."));
    }
    context.setData(u"guard"_s, u"passed"_s);

    // The update cannot be undone and the station may die before this step is committed: the
    // record must already say that the change was about to be made (and for which device).
    if (Result<> announced = context.recordIntent(
            u"finalize-intent"_s, u"device %1 to %2"_s.arg(facts.deviceId, stateName));
        !announced) {
        return context.fail(ErrorCode::FinalizeRefused,
            Tr::tr("Finalize refused: %1").arg(announced.error().message));
    }

    ToolReply<> updated = client.manufacturingStateUpdate(device, *target);
    if (!updated.isSuccess())
        return context.fail(updated.error());

    // The update prints nothing on success: confirm what the device now reports.
    ToolReply<ManufacturingState> shown = client.manufacturingStateShow(device);
    if (!shown.isSuccess())
        return context.fail(shown.error());
    context.facts().manufacturingState = manufacturingStateName(*shown.value);
    context.facts().deviceInfoChanged = true;
    context.setData(u"manufacturingState"_s, manufacturingStateName(*shown.value));
    if (*shown.value != *target) {
        return context.fail(ErrorCode::StateMismatch,
            Tr::tr("The device reports %1 after the update to %2.")
                .arg(manufacturingStateName(*shown.value), stateName));
    }
    return context.pass();
}

} // namespace Station
