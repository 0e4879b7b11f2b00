#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "keystore". Sideloads the trusted keystore package the recipe names.
class KeystoreStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
