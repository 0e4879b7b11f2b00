#include "services/steps/rfcalibratestep.h"

#include "services/base/tr.h"
#include "services/rf/rftoolclient.h"
#include "services/steps/rfverifystep.h"
#include "services/steps/stephelpers.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

QByteArray macBytes(const QString &text)
{
    const QByteArray hex = text.toLatin1().replace(':', QByteArray()).replace('-', QByteArray());
    return hex.size() == 12 ? QByteArray::fromHex(hex) : QByteArray();
}

// After an e-fuse write: the device at the port must still be the recorded one. If it is not,
// the write went to one of the two and nobody can tell which: the record says so, with both IDs
// and the time window, for the people who must find and set aside both devices.
Result<> confirmWrite(StepContext &context, const Text &what)
{
    const QDateTime written = QDateTime::currentDateTimeUtc();
    Result<> same = StepHelpers::confirmIdentity(context, Tr::tr("after the e-fuse write"));
    if (same)
        return {};
    Error error = same.error();
    const QString recorded = context.facts().deviceId;
    const QString other = context.result().data.value(u"deviceInFixture"_s).toString();
    context.setData(u"efuseWriteUncertain"_s,
        u"%1 written at %2 to %3 or %4"_s.arg(what.english(),
            written.toString(Qt::ISODateWithMs),
            recorded,
            other.isEmpty() ? u"(no device)"_s : other));
    error.message
        = Tr::tr("The %1 was written while the device in fixture %2 changed: %3 was "
                 "there before the write, %4 after it. Either may now carry it.")
              .arg(what)
              .arg(context.fixture().number)
              .arg(shortDeviceId(recorded))
              .arg(other.isEmpty() ? Tr::tr("no device") : Text::raw(shortDeviceId(other)));
    error.remedy = Tr::tr("Set both devices aside for engineering: their e-fuses must be read "
                          "before either ships.");
    return fail(error);
}

} // namespace

namespace {

// REFERENCE 7.1 and 4.4: the region code is at 0x36/0x37 of the RF configuration.
constexpr qsizetype RegionOffset = 0x36;

} // namespace

std::shared_ptr<const StepParams> RfCalibrateParams::read(StepParamsInput &input)
{
    using JsonReader::Need;
    const JsonReader::ObjectReader &p = input.params;
    auto params = std::make_shared<RfCalibrateParams>();
    static const QRegularExpression regionRe(u"^[A-Z]{2}$"_s);
    std::optional<QString> region = p.string(u"region"_s, Need::Required);
    if (region && !regionRe.match(*region).hasMatch()) {
        p.report(u"region"_s, Tr::tr("must be two upper-case ASCII letters, e.g. \"US\""));
        region.reset();
    }
    params->macSource = p.choice(u"mac_source"_s, {u"none"_s, u"label"_s}, Need::Optional)
                            .value_or(params->macSource);
    const std::optional<LoadedFile> expected = readRfConfiguration(input, u"expected"_s);
    if (region && expected) {
        const QByteArray held = expected->bytes.mid(RegionOffset, 2);
        if (held != region->toLatin1()) {
            const QString letters = QString::fromLatin1(held);
            const QString shown = regionRe.match(letters).hasMatch()
                ? JsonReader::quoted(letters)
                : QString::fromLatin1(held.toHex(' '));
            p.report(u"expected"_s,
                Tr::tr("%1 holds region %2 at offset 0x36, but \"region\" is \"%3\"")
                    .arg(expected->path, shown, *region));
        }
    }
    params->region = region.value_or(QString());
    params->expected = expected ? expected->path : QString();
    return params;
}

StepResult RfCalibrateStep::run(StepContext &context)
{
    const RfCalibrateParams &params = context.params<RfCalibrateParams>();
    const QString &region = params.region;
    const QString &expected = params.expected;
    const bool macFromLabel = params.usesLabelMac();
    RfToolClient &rf = context.rfTools();
    // The RF tools are addressed by the fixture's port (their selection by device ID is not
    // documented), so the identity is read right before and right after each e-fuse write.
    const QString device = context.portSelector();

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
        if (Result<> same
            = StepHelpers::confirmIdentity(context, Tr::tr("before the region code was written"));
            !same)
            return context.fail(same.error());
        ToolReply<QList<RfCliExchange>> written = rf.writeRegionCode(device, region);
        if (Result<> same = confirmWrite(context, Tr::tr("region code %1").arg(region)); !same)
            return context.fail(same.error());
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
            if (Result<> same = StepHelpers::confirmIdentity(
                    context, Tr::tr("before the MAC address was written"));
                !same)
                return context.fail(same.error());
            ToolReply<QList<RfCliExchange>> written
                = rf.writeMacAddress(device, context.facts().labelMacAddress);
            if (Result<> same = confirmWrite(
                    context, Tr::tr("MAC address %1").arg(context.facts().labelMacAddress));
                !same)
                return context.fail(same.error());
            if (!written.isSuccess())
                return context.fail(written.error());
        }
    }

    ToolReply<RfCheckReport> check = rf.check(device, expected);
    if (!check.isSuccess())
        return context.fail(check.error());
    context.setData(u"check"_s, check.value->lines);
    // The check read the device at the port: it must still be the recorded one.
    if (Result<> same = StepHelpers::confirmIdentity(context, Tr::tr("after the RF check")); !same)
        return context.fail(same.error());
    return context.pass();
}

} // namespace Station
