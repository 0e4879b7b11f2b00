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

namespace Station {

std::unique_ptr<Step> createStep(const QString &type)
{
    if (type == "connect"_L1)
        return std::make_unique<ConnectStep>();
    if (type == "details"_L1)
        return std::make_unique<DetailsStep>();
    if (type == "os-update"_L1)
        return std::make_unique<OsUpdateStep>();
    if (type == "keystore"_L1)
        return std::make_unique<KeystoreStep>();
    if (type == "sideload"_L1)
        return std::make_unique<SideloadStep>();
    if (type == "delete-temporary"_L1)
        return std::make_unique<DeleteTemporaryStep>();
    if (type == "uart-test"_L1)
        return std::make_unique<UartTestStep>();
    if (type == "rf-calibrate"_L1)
        return std::make_unique<RfCalibrateStep>();
    if (type == "rf-verify"_L1)
        return std::make_unique<RfVerifyStep>();
    if (type == "wifi-verify"_L1)
        return std::make_unique<WifiVerifyStep>();
    if (type == "ethernet"_L1)
        return std::make_unique<EthernetStep>();
    if (type == "ready-to-ship"_L1)
        return std::make_unique<ReadyToShipStep>();
    if (type == "finalize"_L1)
        return std::make_unique<FinalizeStep>();
    return nullptr;
}

} // namespace Station
