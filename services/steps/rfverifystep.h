#pragma once

#include "services/steps/step.h"

namespace Station {

// Parameters of "rf-verify" (docs/recipe.md 5.9).
struct RfVerifyParams : StepParams
{
    QString expected; // absolute path of the RF configuration file

    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// The RF configuration file a parameter names: exactly 1024 bytes (REFERENCE 7.1), or reported.
std::optional<LoadedFile> readRfConfiguration(StepParamsInput &input, const QString &key);

// Step type "rf-verify". Compares the device's RF configuration with the product file
// (`RfSettingsTool check`).
class RfVerifyStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
