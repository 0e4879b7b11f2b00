#include "services/steps/rfcalibratestep.h"

#include "services/rftoolclient.h"
#include "services/tr.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

QByteArray macBytes(const QString &text)
{
    const QByteArray hex = text.toLatin1().replace(':', QByteArray()).replace('-', QByteArray());
    return hex.size() == 12 ? QByteArray::fromHex(hex) : QByteArray();
}

} // namespace

StepResult RfCalibrateStep::run(StepContext &context)
{
    const QJsonObject &params = context.params();
    const QString region = params.value(u"region"_s).toString();
    const QString expected = params.value(u"expected"_s).toString();
    const bool macFromLabel = params.value(u"mac_source"_s).toString() == "label"_L1;
    RfToolClient &rf = context.rfTools();
    const QString device = context.deviceSelector();

    // REFERENCE.md 7.2, exactly: read first. E-fuses can be programmed once, so a region that
    // is already there either passes (the same) or fails for good (another one).
    ToolReply<RfSettings> shown = rf.show(device);
    if (!shown.isSuccess())
        return context.fail(shown.error());
    const RfSettings settings = *shown.value;
    context.setData(u"regionBefore"_s, settings.regionCode);
    context.setData(u"macBefore"_s, settings.macAddress);

    const QByteArray wanted = region.toLatin1();
    if (settings.isRegionSet() && settings.regionBytes != wanted) {
        return context.fail(ErrorCode::EfuseAlreadyProgrammed,
            Tr::tr("The region code is already programmed as %1; e-fuses cannot be changed to %2.")
                .arg(settings.regionCode, region),
            {},
            Tr::tr("Set the device aside: it was calibrated for another region."));
    }
    if (!settings.isRegionSet()) {
        ToolReply<QList<RfCliExchange>> written = rf.writeRegionCode(device, region);
        if (!written.isSuccess())
            return context.fail(written.error());
        context.addNote(Tr::tr("region %1 programmed").arg(region));
    } else {
        context.addNote(Tr::tr("region already %1").arg(region));
    }

    // The MAC from the label follows the same rule: equal passes, all zero is programmed,
    // anything else fails.
    if (macFromLabel) {
        const QByteArray label = macBytes(context.facts().labelMacAddress);
        if (label.isEmpty()) {
            return context.fail(ErrorCode::InvalidArgument,
                Tr::tr("The recipe takes the MAC address from the label, but none was scanned."));
        }
        if (settings.isMacProgrammed() && settings.mac != label) {
            return context.fail(ErrorCode::EfuseAlreadyProgrammed,
                Tr::tr("The MAC address is already programmed as %1, not %2.")
                    .arg(settings.macAddress, context.facts().labelMacAddress));
        }
        if (!settings.isMacProgrammed()) {
            ToolReply<QList<RfCliExchange>> written
                = rf.writeMacAddress(device, context.facts().labelMacAddress);
            if (!written.isSuccess())
                return context.fail(written.error());
        }
    }

    ToolReply<RfCheckReport> check = rf.check(device, expected);
    if (!check.isSuccess())
        return context.fail(check.error());
    context.setData(u"check"_s, check.value->lines);
    return context.pass();
}

} // namespace Station
