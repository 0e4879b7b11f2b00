#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "delete-temporary". Removes temporary images (e.g. the functional-test app) by
// component ID.
class DeleteTemporaryStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
