#pragma once

#include "services/steps/step.h"

namespace Station {

// Parameters of "rf-calibrate" (docs/recipe.md 5.8).
struct RfCalibrateParams : StepParams
{
    QString region;                             // two upper-case letters
    QString macSource = QStringLiteral("none"); // "none" or "label"
    QString expected;                           // absolute path of the RF configuration file

    bool usesLabelMac() const { return macSource == QLatin1String("label"); }
    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "rf-calibrate". Programs the region code (and optionally the MAC) into the RF e-fuses,
// exactly as REFERENCE.md 7.2 prescribes: read, equal passes, another value fails, else program and
// verify.
class RfCalibrateStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
