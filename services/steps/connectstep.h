#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "connect". Waits until the fixture's device is attached and answering; learns the
// connection path (or IP address) every later azsphere call passes as `--device`.
class ConnectStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
