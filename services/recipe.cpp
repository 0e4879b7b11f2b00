#include "services/recipe.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

QString Recipe::finalState() const
{
    for (const RecipeStep &step : steps) {
        if (step.type == "finalize"_L1)
            return step.params.value("state"_L1).toString();
    }
    return {};
}

} // namespace Station
