#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "ethernet". Sideloads the board configuration, restarts, and checks the type-21
// component is installed.
class EthernetStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
