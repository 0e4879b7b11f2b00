#include "services/steps/sideloadstep.h"

#include "services/azsphere/devicedata.h"
#include "services/base/tr.h"
#include "services/steps/stephelpers.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Station {

std::shared_ptr<const StepParams> SideloadParams::read(StepParamsInput &input)
{
    using JsonReader::Need;
    const JsonReader::ObjectReader &p = input.params;
    auto params = std::make_shared<SideloadParams>();
    params->allowDevelopmentSigned = p.boolean(u"allow_development_signed"_s).value_or(false);
    params->manualStart = p.boolean(u"manual_start"_s).value_or(false);
    if (const std::optional<QJsonArray> packages = p.array(u"packages"_s, Need::Required, 1)) {
        const QString path = p.pathOf(u"packages"_s);
        for (qsizetype i = 0; i < packages->size(); ++i) {
            const QString entryPath = JsonReader::element(path, i);
            const std::optional<PackageFacts> package = input.loader.readPackage(packages->at(i),
                entryPath,
                ApplicationImageType,
                params->allowDevelopmentSigned ? Signing::Allowed : Signing::RefusedUnlessAllowed);
            if (!package)
                continue;
            for (const PackageFacts &earlier : std::as_const(input.facts.sideloaded)) {
                if (earlier.componentId == package->componentId) {
                    p.problems().add(entryPath,
                        Tr::tr("has the same component ID as %1; only one of them "
                               "would stay installed")
                            .arg(earlier.fieldPath));
                }
            }
            input.facts.sideloaded.append(*package);
            params->packages.append(package->path);
        }
    }
    params->autoKeystore = input.loader.autoKeystore();
    return params;
}

StepResult SideloadStep::run(StepContext &context)
{
    const SideloadParams &params = context.params<SideloadParams>();
    const QStringList &packages = params.packages;
    const bool manualStart = params.manualStart;
    const QString &autoKeystore = params.autoKeystore;

    QStringList imageIds;
    QStringList componentIds;
    for (qsizetype i = 0; i < packages.size(); ++i) {
        const QString &path = packages.at(i);
        const QString key = i == 0 ? u"package"_s : u"package.%1"_s.arg(i + 1);
        Result<ImagePackageInfo> package = StepHelpers::readPackage(context, path, key);
        if (!package)
            return context.fail(package.error());
        context.reportProgress(double(i) / double(packages.size()),
            Tr::tr("Sideloading %1 (%2 of %3)").arg(package->name).arg(i + 1).arg(packages.size()));
        if (Result<> deployed
            = StepHelpers::deploy(context, path, *package, manualStart, autoKeystore);
            !deployed)
            return context.fail(deployed.error());
        StepHelpers::noteSideloaded(context, *package);
        imageIds.append(StepHelpers::guidText(package->imageId));
        componentIds.append(StepHelpers::guidText(package->componentId));
    }
    context.setData(u"imageIds"_s, imageIds);
    context.setData(u"componentIds"_s, componentIds);
    context.facts().deviceInfoChanged = true;
    return context.pass();
}

} // namespace Station
