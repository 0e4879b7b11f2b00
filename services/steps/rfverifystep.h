#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "rf-verify". Compares the device's RF configuration with the product file
// (`RfSettingsTool check`).
class RfVerifyStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
