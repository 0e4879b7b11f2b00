# Recipe model, loader and validation (docs/recipe.md).
target_sources(station_services PRIVATE
    recipe.h recipe.cpp
    recipejson.h recipejson.cpp
    recipeloader.h recipeloader.cpp
)
