#include "services/steps/finalizestep.h"

#include "services/azsphere/azsphereclient.h"
#include "services/base/tr.h"
#include "services/steps/stephelpers.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

std::shared_ptr<const StepParams> FinalizeParams::read(StepParamsInput &input)
{
    const JsonReader::ObjectReader &p = input.params;
    auto params = std::make_shared<FinalizeParams>();
    // The finalize guard starts here: DeviceComplete is irreversible, so it is reached only by
    // the exact state name AND an explicit confirmation; any typo refuses the whole recipe.
    params->state
        = p.choice(
               u"state"_s, {u"Module1Complete"_s, u"DeviceComplete"_s}, JsonReader::Need::Required)
              .value_or(QString());
    input.facts.state = params->state;
    const std::optional<bool> confirm = p.boolean(u"confirm_permanent"_s);
    const bool confirmMalformed = p.has(u"confirm_permanent"_s) && !confirm;
    if (params->state == "DeviceComplete"_L1 && !confirmMalformed && confirm != true) {
        p.report(u"confirm_permanent"_s,
            Tr::tr("must be true: DeviceComplete is permanent and must be confirmed "
                   "explicitly"));
    }
    if (params->state == "Module1Complete"_L1 && p.has(u"confirm_permanent"_s))
        p.report(u"confirm_permanent"_s, Tr::tr("applies only to \"state\": \"DeviceComplete\""));
    params->confirmPermanent = confirm.value_or(false);
    return params;
}

StepResult FinalizeStep::run(StepContext &context)
{
    const FinalizeParams &params = context.params<FinalizeParams>();
    const QString &stateName = params.state;
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
        if (!params.confirmPermanent) {
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
    // 5. The device in the fixture right now is the one this run tested. The update below is
    // addressed to the recorded device ID as well, so a device swapped in after this check makes
    // the update fail instead of finalizing a device that was never tested.
    if (Result<> same = StepHelpers::confirmIdentity(context, Tr::tr("before finalizing")); !same) {
        Error refused = same.error();
        refused.message = Tr::tr("Finalize refused: %1").arg(refused.message);
        return context.fail(refused);
    }
    const QString device = facts.deviceId;
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
    context.setData(u"updateSentTo"_s, device);

    // The update prints nothing on success: confirm what the recorded device now reports,
    // asking it by its ID (a device that left right after the update is not confirmed).
    ToolReply<ManufacturingState> shown = client.manufacturingStateShow(device);
    if (!shown.isSuccess()) {
        Error unconfirmed = shown.error();
        if (unconfirmed.code == ErrorCode::DeviceNotConnected) {
            if (Result<> same = StepHelpers::confirmIdentity(context, Tr::tr("after finalizing"));
                !same) {
                unconfirmed.code = same.error().code;
                unconfirmed.message = same.error().message;
            }
        }
        unconfirmed.message = Tr::tr("The update to %1 was sent to device %2, but its state could "
                                     "not be confirmed: %3")
                                  .arg(stateName, shortDeviceId(device))
                                  .arg(unconfirmed.message);
        unconfirmed.remedy = Tr::tr("Put device %1 back and check its manufacturing state before "
                                    "it ships.")
                                 .arg(shortDeviceId(device));
        return context.fail(unconfirmed);
    }
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
