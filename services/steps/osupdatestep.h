#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "os-update". Recovers the device to the recipe's OS from a local image folder (`recover
// --images`), unless the installed OS, identified with the OS versions file, already is that
// version.
class OsUpdateStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
