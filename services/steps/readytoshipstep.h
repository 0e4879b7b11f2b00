#pragma once

#include "services/steps/step.h"

namespace Station {

// Parameters of "ready-to-ship" (docs/recipe.md 5.12).
struct ReadyToShipParams : StepParams
{
    QString expectedState;
    QStringList os;
    QStringList images; // image IDs, lowercase; with expect_sideloaded, those installed before
    bool expectSideloaded = false;
    OsVersions osVersions; // the recipe's OS versions file, as the loader read it

    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "ready-to-ship". The checks of Microsoft's device_ready.py (REFERENCE.md 5.2) on the
// data of the four JSON commands; PASS only if every check passes.
class ReadyToShipStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
