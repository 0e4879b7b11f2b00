#pragma once

#include "services/steps/step.h"

namespace Station {

// Parameters of "ethernet" (docs/recipe.md 5.11).
struct EthernetParams : StepParams
{
    QString package;      // absolute path of the board configuration image package
    QString autoKeystore; // the recipe's auto_keystore, or empty

    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "ethernet". Sideloads the board configuration, restarts, and checks the type-21
// component is installed.
class EthernetStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
