#include "services/steps/rfverifystep.h"

#include "services/rftoolclient.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

StepResult RfVerifyStep::run(StepContext &context)
{
    const QString expected = context.params().value(u"expected"_s).toString();
    ToolReply<RfCheckReport> check = context.rfTools().check(context.deviceSelector(), expected);
    if (!check.isSuccess())
        return context.fail(check.error());
    context.setData(u"check"_s, check.value->lines);
    return context.pass();
}

} // namespace Station
