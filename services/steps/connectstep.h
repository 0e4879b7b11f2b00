#pragma once

#include "services/steps/step.h"

namespace Station {

// Parameters of "connect" (docs/recipe.md 5.1).
struct ConnectParams : StepParams
{
    static constexpr int DefaultWaitS = 60;
    int waitS = DefaultWaitS; // how long to wait for a responsive device

    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "connect". Waits until the fixture's device is attached and answering; learns the
// connection path (or IP address) every later azsphere call passes as `--device`.
class ConnectStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
