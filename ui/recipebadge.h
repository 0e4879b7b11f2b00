#pragma once

#include <QWidget>

class QLabel;

namespace Station {

struct Recipe;

// The recipe in the toolbar: its name and version, and a red "PERMANENT: DeviceComplete" badge
// when it ends in DeviceComplete, so nobody runs an irreversible recipe by mistake. Shows a
// warning when no recipe is loaded. GUI thread.
class RecipeBadge final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecipeBadge)

public:
    explicit RecipeBadge(QWidget *parent = nullptr);
    ~RecipeBadge() override;

    void setRecipe(const Station::Recipe &recipe);
    void clearRecipe();

    QString recipeText() const;
    bool isPermanentShown() const;
    QString permanentText() const;

private:
    QLabel *m_name = nullptr;
    QLabel *m_permanent = nullptr;
    QString m_text; // unelided
};

} // namespace Station
