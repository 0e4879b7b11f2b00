#include "services/steps/rfverifystep.h"

#include "services/base/tr.h"
#include "services/rf/rftoolclient.h"
#include "services/steps/stephelpers.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

StepResult RfVerifyStep::run(StepContext &context)
{
    const QString expected = context.params().value(u"expected"_s).toString();
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
