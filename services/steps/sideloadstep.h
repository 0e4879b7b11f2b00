#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "sideload". Sideloads the recipe's image packages, recording each component and image
// ID; falls back to the keystore package once when a production-signed image is not trusted.
class SideloadStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
