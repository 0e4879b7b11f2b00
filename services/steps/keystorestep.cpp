#include "services/steps/keystorestep.h"

#include "services/steps/stephelpers.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

constexpr int KeystoreImageType = 19;

} // namespace

std::shared_ptr<const StepParams> KeystoreParams::read(StepParamsInput &input)
{
    const JsonReader::ObjectReader &p = input.params;
    auto params = std::make_shared<KeystoreParams>();
    if (p.present(u"package"_s, JsonReader::Need::Required)) {
        if (const std::optional<PackageFacts> package = input.loader.readPackage(
                p.value(u"package"_s), p.pathOf(u"package"_s), KeystoreImageType, Signing::Refused))
            params->package = package->path;
    }
    return params;
}

StepResult KeystoreStep::run(StepContext &context)
{
    const QString &path = context.params<KeystoreParams>().package;
    Result<ImagePackageInfo> package = StepHelpers::readPackage(context, path, u"package"_s);
    if (!package)
        return context.fail(package.error());
    // No keystore fallback here: this IS the keystore (signed with the oldest key).
    if (Result<> deployed = StepHelpers::deploy(context, path, *package, false, {}); !deployed)
        return context.fail(deployed.error());
    // Installing a keystore restarts the device; the next step needs it answering.
    if (Result<> answering = StepHelpers::waitUntilResponsive(context); !answering)
        return context.fail(answering.error());
    return context.pass();
}

} // namespace Station
