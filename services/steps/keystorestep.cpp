#include "services/steps/keystorestep.h"

#include "services/steps/stephelpers.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

StepResult KeystoreStep::run(StepContext &context)
{
    const QString path = context.params().value(u"package"_s).toString();
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
