#pragma once

#include "services/steps/step.h"

namespace Station {

// Parameters of "keystore" (docs/recipe.md 5.4).
struct KeystoreParams : StepParams
{
    QString package; // absolute path of the keystore image package

    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "keystore". Sideloads the trusted keystore package the recipe names.
class KeystoreStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
