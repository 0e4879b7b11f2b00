#pragma once

#include "services/steps/step.h"

namespace Station {

// Parameters of "wifi-verify" (docs/recipe.md 5.10).
struct WifiVerifyParams : StepParams
{
    static constexpr int DefaultConnectTimeoutS = 30;
    QString ssid;
    QString psk; // empty for an open network
    bool open = false;
    int connectTimeoutS = DefaultConnectTimeoutS;

    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "wifi-verify". Adds the test network, waits until the device connects, forgets it again
// and confirms that no network is left configured.
class WifiVerifyStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
