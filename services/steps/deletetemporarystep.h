#pragma once

#include "services/steps/step.h"

namespace Station {

// Parameters of "delete-temporary" (docs/recipe.md 5.6).
struct DeleteTemporaryParams : StepParams
{
    QStringList componentIds; // lowercase; includes those of the packages
    QStringList packages;     // absolute paths

    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "delete-temporary". Removes temporary images (e.g. the functional-test app) by
// component ID.
class DeleteTemporaryStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
