#pragma once

#include <QDialog>

class QLineEdit;

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
    // The approval form (docs/roles.md): names the file's SHA-256 and who approves, and asks for
    // a reason; Approve stays disabled until one is given.
    PermanentRecipeDialog(const Station::Recipe &recipe, const QString &approver, QWidget *parent);
    ~PermanentRecipeDialog() override;

    // Shows the dialog modally; true when the person chose to load the recipe.
    static bool confirm(QWidget *parent, const Station::Recipe &recipe);
    // Shows the approval form modally; true with the reason when the person approved.
    static bool approve(
        QWidget *parent, const Station::Recipe &recipe, const QString &approver, QString *reason);
    QString reason() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void build(const Station::Recipe &recipe, const QString &approver);
    QLineEdit *m_reason = nullptr;
};

} // namespace Station
