#include "services/steps/osupdatestep.h"

#include "services/azsphere/azsphereclient.h"
#include "services/base/tr.h"
#include "services/steps/stephelpers.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

std::shared_ptr<const StepParams> OsUpdateParams::read(StepParamsInput &input)
{
    using JsonReader::Need;
    const JsonReader::ObjectReader &p = input.params;
    auto params = std::make_shared<OsUpdateParams>();
    std::optional<QString> folder;
    if (p.present(u"images"_s, Need::Required))
        folder = input.loader.readFolder(p.value(u"images"_s), p.pathOf(u"images"_s));
    const std::optional<QString> version = p.string(u"os_version"_s, Need::Required);
    params->skipIfCurrent = p.boolean(u"skip_if_current"_s).value_or(true);
    if (version) {
        input.facts.osVersion = *version;
        input.loader.checkOsVersionName(*version, p.pathOf(u"os_version"_s));
    }
    if (folder && version)
        input.loader.checkRecoveryFolder(*folder, *version, p.pathOf(u"images"_s));
    params->images = folder.value_or(QString());
    params->osVersion = version.value_or(QString());
    params->osVersions = input.loader.osVersions();
    return params;
}

StepResult OsUpdateStep::run(StepContext &context)
{
    const OsUpdateParams &params = context.params<OsUpdateParams>();
    const QString &target = params.osVersion;
    const QString &images = params.images;
    const bool skipIfCurrent = params.skipIfCurrent;
    RunFacts &facts = context.facts();

    Result<QString> before = StepHelpers::identifyOs(context, params.osVersions);
    if (!before)
        return context.fail(before.error());
    context.setData(u"osBefore"_s, *before);
    if (*before == target && skipIfCurrent) {
        facts.osVersion = *before;
        facts.deviceInfoChanged = true;
        context.setData(u"osVersion"_s, *before);
        return context.skip(Tr::tr("OS already %1; recover skipped").arg(target));
    }

    context.reportProgress(0.0, Tr::tr("Recovering to OS %1").arg(target));
    ToolReply<RecoverReport> recovered = context.azsphere().recover(
        context.deviceSelector(), images, {}, [&context](const RecoverProgress &progress) {
            if (progress.imageCount > 0) {
                context.reportProgress(double(progress.imagesSent) / progress.imageCount,
                    Tr::tr("Sent %1 of %2 images")
                        .arg(progress.imagesSent)
                        .arg(progress.imageCount));
            }
        });
    if (!recovered.isSuccess())
        return context.fail(recovered.error());
    // Recovery prints the ID of the device it recovered: it must be the one this run is about.
    const QString recoveredId = recovered.value->deviceId;
    if (!recoveredId.isEmpty() && !facts.deviceId.isEmpty()
        && recoveredId.compare(facts.deviceId, Qt::CaseInsensitive) != 0) {
        return context.fail(ErrorCode::DeviceSwapped,
            Tr::tr("Recovery reported another device (%1) than the one recorded (%2).")
                .arg(shortDeviceId(recoveredId), shortDeviceId(facts.deviceId)));
    }

    Result<QString> after = StepHelpers::identifyOs(context, params.osVersions);
    if (!after)
        return context.fail(after.error());
    facts.osVersion = *after;
    facts.deviceInfoChanged = true;
    context.setData(u"osVersion"_s, *after);
    if (*after != target) {
        return context.fail(ErrorCode::OsVersionMismatch,
            Tr::tr("After recovery the device runs OS %1, not %2.").arg(*after, target),
            {},
            Tr::tr("Check the recipe's recovery folder, then recover again."));
    }
    return context.pass();
}

} // namespace Station
