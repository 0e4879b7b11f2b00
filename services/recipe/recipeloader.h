#pragma once

#include "services/base/result.h"
#include "services/recipe/recipe.h"

#include <QByteArray>
#include <QString>

namespace Station {

// The recipe format this station reads (the recipe's top-level "format").
inline constexpr int RecipeFormatVersion = 1;

// Loads and validates a recipe file (docs/recipe.md) before anything runs: JSON shape, every
// step's parameters, the order rules, and every file it names (existence, optional SHA-256,
// image package type and signing). Any thread; no device is touched.
// On failure the Error has code RecipeInvalid (FileMissing when the recipe file itself cannot be
// read) and a message listing every problem found, one per line, as "<field path>: <reason>".
[[nodiscard]] Result<Recipe> loadRecipe(const QString &path);

// The same for recipe bytes held in memory: relative file references resolve against baseDir,
// and sourcePath (may be empty) only names the recipe in messages and in Recipe::path.
[[nodiscard]] Result<Recipe> loadRecipeFromBytes(
    const QByteArray &bytes, const QString &baseDir, const QString &sourcePath = {});

} // namespace Station
