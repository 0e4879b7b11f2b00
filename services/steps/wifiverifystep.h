#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "wifi-verify". Adds the test network, waits until the device connects, forgets it again
// and confirms that no network is left configured.
class WifiVerifyStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
