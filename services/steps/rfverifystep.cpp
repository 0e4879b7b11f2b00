#include "services/steps/rfverifystep.h"

#include "services/base/boundedfile.h"
#include "services/base/tr.h"
#include "services/rf/rftoolclient.h"
#include "services/steps/stephelpers.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// REFERENCE 7.1: the RF configuration is 1024 bytes.
constexpr qsizetype RfConfigurationBytes = 1024;

} // namespace

std::optional<LoadedFile> readRfConfiguration(StepParamsInput &input, const QString &key)
{
    const JsonReader::ObjectReader &p = input.params;
    if (!p.present(key, JsonReader::Need::Required))
        return std::nullopt;
    const std::optional<LoadedFile> file
        = input.loader.readFile(p.value(key), p.pathOf(key), FileLimit::RfConfiguration);
    if (!file)
        return std::nullopt;
    if (file->bytes.size() != RfConfigurationBytes) {
        p.report(key,
            Tr::tr("%1 must be exactly %2 bytes, but it has %3")
                .arg(file->path)
                .arg(RfConfigurationBytes)
                .arg(file->bytes.size()));
        return std::nullopt;
    }
    return file;
}

std::shared_ptr<const StepParams> RfVerifyParams::read(StepParamsInput &input)
{
    auto params = std::make_shared<RfVerifyParams>();
    if (const std::optional<LoadedFile> expected = readRfConfiguration(input, u"expected"_s))
        params->expected = expected->path;
    return params;
}

StepResult RfVerifyStep::run(StepContext &context)
{
    const QString &expected = context.params<RfVerifyParams>().expected;
    // The RF tools read the device at the fixture's port: the check belongs to the recorded
    // device only if that device is there before and after it.
    if (Result<> same = StepHelpers::confirmIdentity(context, Tr::tr("before the RF check")); !same)
        return context.fail(same.error());
    ToolReply<RfCheckReport> check = context.rfTools().check(context.portSelector(), expected);
    if (!check.isSuccess())
        return context.fail(check.error());
    context.setData(u"check"_s, check.value->lines);
    if (Result<> same = StepHelpers::confirmIdentity(context, Tr::tr("after the RF check")); !same)
        return context.fail(same.error());
    return context.pass();
}

} // namespace Station
