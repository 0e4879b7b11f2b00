#include "services/recipe/recipe.h"

#include "services/recipe/steptype.h"

#include <algorithm>

namespace Station {

namespace {

bool anyStep(const QList<RecipeStep> &steps,
    const std::function<bool(const StepTypeInfo &, const RecipeStep &)> &test)
{
    return std::any_of(steps.cbegin(), steps.cend(), [&test](const RecipeStep &step) {
        const StepTypeInfo *info = findStepType(step.type);
        return info && test(*info, step);
    });
}

} // namespace

bool Recipe::changesDevice() const
{
    return anyStep(
        steps, [](const StepTypeInfo &info, const RecipeStep &) { return info.changesDevice; });
}

bool Recipe::needsRfTools() const
{
    return anyStep(
        steps, [](const StepTypeInfo &info, const RecipeStep &) { return info.needsRfTools; });
}

bool Recipe::usesLabelMac() const
{
    return anyStep(steps, [](const StepTypeInfo &info, const RecipeStep &step) {
        return info.usesLabelMac && step.params && info.usesLabelMac(*step.params);
    });
}

QStringList StepTypeInfo::paramNames() const
{
    QStringList names;
    for (const StepParamInfo &param : params)
        names.append(param.name);
    return names;
}

const StepTypeInfo *findStepType(const QString &type)
{
    for (const StepTypeInfo &info : stepTypes()) {
        if (info.type == type)
            return &info;
    }
    return nullptr;
}

} // namespace Station
