#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "details". Reads the device ID, IP address and connection path and records them: the
// device this run is about (the finalize guard compares against this ID).
class DetailsStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
