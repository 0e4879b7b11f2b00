#include "services/steps/deletetemporarystep.h"

#include "services/azsphere/azsphereclient.h"
#include "services/base/tr.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Station {

StepResult DeleteTemporaryStep::run(StepContext &context)
{
    // The loader resolves "packages" into their component IDs, so this list is complete.
    const QJsonArray ids = context.params().value(u"component_ids"_s).toArray();
    AzsphereClient &client = context.azsphere();
    const QString device = context.deviceSelector();
    QStringList deleted;
    QStringList absent;
    for (const QJsonValue &value : ids) {
        const QString componentId = value.toString().toLower();
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
