#pragma once

#include <QDialog>

namespace Station {

struct Recipe;

// Asked once when a recipe that makes devices permanent (finalize to DeviceComplete) is
// loaded, never per device: shows the recipe's name, version and what DeviceComplete means.
// "Don't load" is the default button, so a stray Enter never arms the line. GUI thread.
class PermanentRecipeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PermanentRecipeDialog)

public:
    explicit PermanentRecipeDialog(const Station::Recipe &recipe, QWidget *parent = nullptr);
    ~PermanentRecipeDialog() override;

    // Shows the dialog modally; true when the person chose to load the recipe.
    static bool confirm(QWidget *parent, const Station::Recipe &recipe);

protected:
    void showEvent(QShowEvent *event) override;
};

} // namespace Station
