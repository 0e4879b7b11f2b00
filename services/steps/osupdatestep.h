#pragma once

#include "services/steps/step.h"

namespace Station {

// Parameters of "os-update" (docs/recipe.md 5.3).
struct OsUpdateParams : StepParams
{
    QString images; // absolute path of the recovery folder
    QString osVersion;
    bool skipIfCurrent = true;
    OsVersions osVersions; // the recipe's OS versions file, as the loader read it

    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "os-update". Recovers the device to the recipe's OS from a local image folder (`recover
// --images`), unless the installed OS, identified with the OS versions file, already is that
// version.
class OsUpdateStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
