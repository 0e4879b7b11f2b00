#pragma once

#include "services/base/canceltoken.h"
#include "services/base/result.h"
#include "services/recipe/recipe.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace Station {

// The recipe format this station reads (the recipe's top-level "format").
inline constexpr int RecipeFormatVersion = 1;

// Loads and validates a recipe file (docs/recipe.md) before anything runs: JSON shape, every
// step's parameters, the order rules, and every file it names (existence, optional SHA-256,
// image package type and signing). Any thread; no device is touched.
// On failure the Error has code RecipeInvalid (FileMissing when the recipe file itself cannot be
// read) and a message listing every problem found, one per line, as "<field path>: <reason>".
[[nodiscard]] Result<Recipe> loadRecipe(const QString &path);

// How far a load has read and hashed the files the recipe names (image packages, recovery
// images, the OS versions file, RF configurations; not the recipe file itself).
struct RecipeLoadProgress
{
    qint64 bytesDone = 0;  // of every named file, read and hashed so far
    qint64 bytesTotal = 0; // their sizes before reading (never below bytesDone)
    QString currentFile;   // absolute path of the file being read
};

// A load's cancel token and progress callback; both optional. The token is checked before each
// file and between the slices (64 KiB) of one; a cancelled load fails with ErrorCode::Cancelled.
// The callback is called on the loading thread after each slice: keep it short.
struct RecipeLoadControl
{
    CancelToken cancel;
    std::function<void(const RecipeLoadProgress &progress)> progress;
};

// loadRecipe with a cancel token and progress; otherwise the same result.
[[nodiscard]] Result<Recipe> loadRecipe(const QString &path, const RecipeLoadControl &control);

// The same for recipe bytes held in memory: relative file references resolve against baseDir,
// and sourcePath (may be empty) only names the recipe in messages and in Recipe::path.
[[nodiscard]] Result<Recipe> loadRecipeFromBytes(
    const QByteArray &bytes, const QString &baseDir, const QString &sourcePath = {});

} // namespace Station
