#include "services/steps/ethernetstep.h"

#include "services/azsphere/azsphereclient.h"
#include "services/base/tr.h"
#include "services/steps/stephelpers.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

constexpr int BoardConfigImageType = 21;

} // namespace

std::shared_ptr<const StepParams> EthernetParams::read(StepParamsInput &input)
{
    const JsonReader::ObjectReader &p = input.params;
    auto params = std::make_shared<EthernetParams>();
    if (p.present(u"package"_s, JsonReader::Need::Required)) {
        if (const std::optional<PackageFacts> package
            = input.loader.readPackage(p.value(u"package"_s),
                p.pathOf(u"package"_s),
                BoardConfigImageType,
                Signing::Refused))
            params->package = package->path;
    }
    params->autoKeystore = input.loader.autoKeystore();
    return params;
}

StepResult EthernetStep::run(StepContext &context)
{
    const QString &path = context.params<EthernetParams>().package;
    const QString &autoKeystore = context.params<EthernetParams>().autoKeystore;
    Result<ImagePackageInfo> package = StepHelpers::readPackage(context, path, u"package"_s);
    if (!package)
        return context.fail(package.error());
    if (Result<> deployed = StepHelpers::deploy(context, path, *package, false, autoKeystore);
        !deployed)
        return context.fail(deployed.error());

    // The board configuration takes effect at boot (REFERENCE.md 4.4).
    AzsphereClient &client = context.azsphere();
    const QString device = context.deviceSelector();
    ToolReply<> restarted = client.restart(device);
    if (!restarted.isSuccess())
        return context.fail(restarted.error());

    ToolReply<QList<InstalledComponent>> installed = client.imageListInstalled(device, true);
    if (!installed.isSuccess())
        return context.fail(installed.error());
    const QString componentId = StepHelpers::guidText(package->componentId);
    const QString imageId = StepHelpers::guidText(package->imageId);
    for (const InstalledComponent &component : *installed.value) {
        if (component.imageType == BoardConfigImageType && component.componentId == componentId
            && component.imageId.compare(imageId, Qt::CaseInsensitive) == 0) {
            context.setData(u"boardConfig"_s, component.name);
            return context.pass();
        }
    }
    return context.fail(ErrorCode::EthernetNotConfigured,
        Tr::tr("The board configuration %1 is not installed after the restart.").arg(package->name),
        installed.tool.stdOutText(),
        Tr::tr("Sideload the board configuration again; check the recipe's package."));
}

} // namespace Station
