#include "services/steps/sideloadstep.h"

#include "services/base/tr.h"
#include "services/steps/stephelpers.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Station {

StepResult SideloadStep::run(StepContext &context)
{
    const QJsonObject &params = context.params();
    const QJsonArray packages = params.value(u"packages"_s).toArray();
    const bool manualStart = params.value(u"manual_start"_s).toBool(false);
    const QString autoKeystore = params.value(u"auto_keystore"_s).toString();

    QStringList imageIds;
    QStringList componentIds;
    for (qsizetype i = 0; i < packages.size(); ++i) {
        const QString path = packages.at(i).toString();
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
