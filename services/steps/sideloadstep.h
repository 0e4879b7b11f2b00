#pragma once

#include "services/steps/step.h"

namespace Station {

// Parameters of "sideload" (docs/recipe.md 5.5).
struct SideloadParams : StepParams
{
    QStringList packages; // absolute paths, in order
    bool manualStart = false;
    bool allowDevelopmentSigned = false;
    QString autoKeystore; // the recipe's auto_keystore, or empty

    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "sideload". Sideloads the recipe's image packages, recording each component and image
// ID; falls back to the keystore package once when a production-signed image is not trusted.
class SideloadStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
