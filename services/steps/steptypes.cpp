#include "services/steps/connectstep.h"
#include "services/steps/deletetemporarystep.h"
#include "services/steps/detailsstep.h"
#include "services/steps/ethernetstep.h"
#include "services/steps/finalizestep.h"
#include "services/steps/keystorestep.h"
#include "services/steps/osupdatestep.h"
#include "services/steps/readytoshipstep.h"
#include "services/steps/rfcalibratestep.h"
#include "services/steps/rfverifystep.h"
#include "services/steps/sideloadstep.h"
#include "services/steps/step.h"
#include "services/steps/uartteststep.h"
#include "services/steps/wifiverifystep.h"

using namespace Qt::Literals::StringLiterals;

// The step registry: one entry per step type, its descriptor (services/recipe/steptype.h) with
// the reader of its params struct, and its step class. Adding a step type is its class, its
// params struct and one entry here (plus its $defs entry in resources/recipes/recipe.schema.json,
// which tst_recipe compares with these descriptors).
namespace Station {

namespace {

struct Registration
{
    StepTypeInfo info;
    std::unique_ptr<Step> (*create)();
};

template <typename S, typename P> Registration entry(StepTypeInfo info)
{
    info.read = &P::read;
    return Registration {std::move(info), [] { return std::unique_ptr<Step>(new S()); }};
}

StepParamInfo required(const QString &name)
{
    return StepParamInfo {name, true, QJsonValue::Undefined};
}

StepParamInfo optional(const QString &name, const QJsonValue &defaultValue = QJsonValue::Undefined)
{
    return StepParamInfo {name, false, defaultValue};
}

// Default timeouts per attempt. os-update: Microsoft's factory script allows 15 minutes for
// recover; the others cover the tool calls of REFERENCE 9 with a wide margin. connect and
// wifi-verify wait inside the step: theirs is that wait plus a margin.
const QList<Registration> &registry()
{
    static const QList<Registration> list {
        entry<ConnectStep, ConnectParams>({
            .type = u"connect"_s,
            .params = {optional(u"wait_s"_s, ConnectParams::DefaultWaitS)},
            .waitParam = u"wait_s"_s,
            .waitMarginS = 30,
        }),
        entry<DetailsStep, DetailsParams>({.type = u"details"_s, .defaultTimeoutS = 30}),
        entry<OsUpdateStep, OsUpdateParams>({
            .type = u"os-update"_s,
            .defaultTimeoutS = 900,
            .changesDevice = true,
            .params = {required(u"images"_s),
                required(u"os_version"_s),
                optional(u"skip_if_current"_s, OsUpdateParams().skipIfCurrent)},
        }),
        entry<KeystoreStep, KeystoreParams>({
            .type = u"keystore"_s,
            .defaultTimeoutS = 180,
            .changesDevice = true,
            .erasedByRecovery = true,
            .params = {required(u"package"_s)},
        }),
        entry<SideloadStep, SideloadParams>({
            .type = u"sideload"_s,
            .defaultTimeoutS = 300,
            .changesDevice = true,
            .erasedByRecovery = true,
            .params = {required(u"packages"_s),
                optional(u"manual_start"_s, SideloadParams().manualStart),
                optional(u"allow_development_signed"_s, SideloadParams().allowDevelopmentSigned)},
        }),
        entry<DeleteTemporaryStep, DeleteTemporaryParams>({
            .type = u"delete-temporary"_s,
            .defaultTimeoutS = 60,
            .changesDevice = true,
            .erasedByRecovery = true,
            // One of the two is required.
            .params = {optional(u"component_ids"_s), optional(u"packages"_s)},
        }),
        entry<UartTestStep, UartTestParams>({
            .type = u"uart-test"_s,
            .defaultTimeoutS = 120,
            .params = {optional(u"port"_s, UartTestParams().port),
                optional(u"baud"_s, UartTestParams().baud),
                required(u"script"_s)},
        }),
        entry<RfCalibrateStep, RfCalibrateParams>({
            .type = u"rf-calibrate"_s,
            .defaultTimeoutS = 120,
            .changesDevice = true,
            .needsRfTools = true,
            .params = {required(u"region"_s),
                optional(u"mac_source"_s, RfCalibrateParams().macSource),
                required(u"expected"_s)},
            .usesLabelMac =
                [](const StepParams &params) {
                    const auto *rf = dynamic_cast<const RfCalibrateParams *>(&params);
                    return rf && rf->usesLabelMac();
                },
        }),
        entry<RfVerifyStep, RfVerifyParams>({
            .type = u"rf-verify"_s,
            .defaultTimeoutS = 60,
            .needsRfTools = true,
            .params = {required(u"expected"_s)},
        }),
        entry<WifiVerifyStep, WifiVerifyParams>({
            .type = u"wifi-verify"_s,
            .changesDevice = true,
            .erasedByRecovery = true,
            // psk, or open: true.
            .params = {required(u"ssid"_s),
                optional(u"psk"_s),
                optional(u"open"_s, WifiVerifyParams().open),
                optional(u"connect_timeout_s"_s, WifiVerifyParams::DefaultConnectTimeoutS)},
            .waitParam = u"connect_timeout_s"_s,
            .waitMarginS = 90,
        }),
        entry<EthernetStep, EthernetParams>({
            .type = u"ethernet"_s,
            .defaultTimeoutS = 180,
            .changesDevice = true,
            .erasedByRecovery = true,
            .params = {required(u"package"_s)},
        }),
        entry<ReadyToShipStep, ReadyToShipParams>({
            .type = u"ready-to-ship"_s,
            .defaultTimeoutS = 120,
            .erasedByRecovery = true,
            // images, unless expect_sideloaded is true.
            .params = {required(u"expected_state"_s),
                required(u"os"_s),
                optional(u"images"_s),
                optional(u"expect_sideloaded"_s, ReadyToShipParams().expectSideloaded)},
        }),
        entry<FinalizeStep, FinalizeParams>({
            .type = u"finalize"_s,
            .defaultTimeoutS = 60,
            .changesDevice = true,
            // confirm_permanent, with DeviceComplete.
            .params = {required(u"state"_s), optional(u"confirm_permanent"_s)},
        }),
    };
    return list;
}

} // namespace

const QList<StepTypeInfo> &stepTypes()
{
    static const QList<StepTypeInfo> infos = [] {
        QList<StepTypeInfo> list;
        for (const Registration &registration : registry())
            list.append(registration.info);
        return list;
    }();
    return infos;
}

std::unique_ptr<Step> createStep(const QString &type)
{
    for (const Registration &registration : registry()) {
        if (registration.info.type == type)
            return registration.create();
    }
    return nullptr;
}

} // namespace Station
