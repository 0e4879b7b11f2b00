#include "services/recipe/recipe.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

bool stepChangesDevice(const QString &type)
{
    static const QStringList types
        = u"os-update keystore sideload delete-temporary rf-calibrate wifi-verify ethernet finalize"_s
              .split(u' ');
    return types.contains(type);
}

bool Recipe::changesDevice() const
{
    return std::any_of(steps.cbegin(), steps.cend(), [](const RecipeStep &step) {
        return stepChangesDevice(step.type);
    });
}

QString Recipe::finalState() const
{
    for (const RecipeStep &step : steps) {
        if (step.type == "finalize"_L1)
            return step.params.value("state"_L1).toString();
    }
    return {};
}

} // namespace Station
