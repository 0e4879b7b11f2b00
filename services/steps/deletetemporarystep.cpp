#include "services/steps/deletetemporarystep.h"

#include "services/azsphere/azsphereclient.h"
#include "services/base/tr.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Station {

std::shared_ptr<const StepParams> DeleteTemporaryParams::read(StepParamsInput &input)
{
    using JsonReader::Need;
    const JsonReader::ObjectReader &p = input.params;
    JsonReader::Problems &problems = p.problems();
    auto params = std::make_shared<DeleteTemporaryParams>();
    QSet<QString> osComponents;
    for (const OsVersion &version : input.loader.osVersions().versions()) {
        for (const OsImagePair &pair : version.images)
            osComponents.insert(pair.componentId);
    }
    QStringList &deleted = input.facts.deletedComponents;
    const auto addComponent = [&](const QString &componentId, const QString &path) {
        if (osComponents.contains(componentId)) {
            problems.add(path,
                Tr::tr("%1 is an OS component; the device refuses to delete it").arg(componentId));
            return;
        }
        if (!deleted.contains(componentId))
            deleted.append(componentId);
    };

    bool any = false;
    if (const std::optional<QJsonArray> ids = p.array(u"component_ids"_s, Need::Optional)) {
        const QString path = p.pathOf(u"component_ids"_s);
        for (qsizetype i = 0; i < ids->size(); ++i) {
            any = true;
            const QJsonValue id = ids->at(i);
            if (!id.isString() || !JsonReader::isGuid(id.toString())) {
                problems.add(JsonReader::element(path, i),
                    Tr::tr("must be a component ID (GUID), e.g. "
                           "\"508eddf2-b8c3-4a99-93d9-a045d9a060eb\""));
                continue;
            }
            addComponent(id.toString().toLower(), JsonReader::element(path, i));
        }
    }
    if (const std::optional<QJsonArray> packages = p.array(u"packages"_s, Need::Optional)) {
        const QString path = p.pathOf(u"packages"_s);
        for (qsizetype i = 0; i < packages->size(); ++i) {
            any = true;
            const std::optional<PackageFacts> package = input.loader.readPackage(
                packages->at(i), JsonReader::element(path, i), -1, Signing::Allowed);
            if (!package)
                continue;
            params->packages.append(package->path);
            addComponent(package->componentId, JsonReader::element(path, i));
        }
    }
    if (!any && !p.has(u"component_ids"_s) && !p.has(u"packages"_s)) {
        problems.add(
            p.path(), Tr::tr("needs \"component_ids\" or \"packages\" naming what to delete"));
    } else if (!any) {
        problems.add(p.path(),
            Tr::tr("\"component_ids\" and \"packages\" are both empty; name at least "
                   "one component to delete"));
    }
    params->componentIds = deleted;
    return params;
}

StepResult DeleteTemporaryStep::run(StepContext &context)
{
    // The loader resolves "packages" into their component IDs, so this list is complete.
    const QStringList &ids = context.params<DeleteTemporaryParams>().componentIds;
    AzsphereClient &client = context.azsphere();
    const QString device = context.deviceSelector();
    QStringList deleted;
    QStringList absent;
    for (const QString &id : ids) {
        const QString componentId = id.toLower();
        ToolReply<QList<DeletedComponent>> reply = client.sideloadDelete(device, componentId);
        if (!reply.isSuccess())
            return context.fail(reply.error());
        bool wasPresent = false;
        for (const DeletedComponent &component : *reply.value)
            wasPresent
                = wasPresent || (component.componentId == componentId && component.wasPresent);
        (wasPresent ? deleted : absent).append(componentId);

        RunFacts &facts = context.facts();
        const qsizetype at = facts.sideloadedComponentIds.indexOf(componentId);
        if (at >= 0) {
            facts.sideloadedComponentIds.removeAt(at);
            facts.sideloadedImageIds.removeAt(at);
        }
    }
    context.setData(u"deleted"_s, deleted);
    if (!absent.isEmpty()) {
        context.setData(u"notPresent"_s, absent);
        context.addNote(Tr::tr("%n component(s) were not present", nullptr, int(absent.size())));
    }
    context.facts().deviceInfoChanged = true;
    return context.pass();
}

} // namespace Station
