#pragma once

#include "services/hardware/uartsession.h"
#include "services/steps/step.h"

namespace Station {

// Parameters of "uart-test" (docs/recipe.md 5.7).
struct UartTestParams : StepParams
{
    QString port; // empty: the fixture's UART port
    int baud = UartSession::DefaultBaudRate;
    QList<UartScriptAction> script;

    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "uart-test". Runs the recipe's UART script against the device's functional-test
// firmware; records the transcript and every measurement, and checks the reported device ID against
// the recorded one.
class UartTestStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
