#pragma once

#include "services/steps/step.h"

namespace Station {

// "details" has no parameters (docs/recipe.md 5.2).
struct DetailsParams : StepParams
{
    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "details". Reads the device ID, IP address and connection path and records them: the
// device this run is about (the finalize guard compares against this ID).
class DetailsStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
