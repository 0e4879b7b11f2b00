#include "ui/permanentrecipedialog.h"

#include "models/fixturemodel.h"
#include "services/recipe/recipe.h"
#include "ui/theme.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Station {

PermanentRecipeDialog::PermanentRecipeDialog(const Recipe &recipe, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Recipe makes devices permanent"));
    setObjectName(u"permanentRecipeDialog"_s);

    auto *icon = new QLabel(this);
    constexpr int IconSize = 56;
    QPixmap pixmap(IconSize, IconSize);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        Theme::paintStateIcon(&painter,
            QRectF(0, 0, IconSize, IconSize),
            FixtureModel::TileState::Interrupted,
            Theme::stateStyle(FixtureModel::TileState::Fail).accent);
    }
    icon->setPixmap(pixmap);
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(tr("%1 %2").arg(recipe.name, recipe.version), this);
    title->setTextFormat(Qt::PlainText);
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    title->setFont(big);

    auto *path = new QLabel(QDir::toNativeSeparators(recipe.path), this);
    path->setTextFormat(Qt::PlainText);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette muted = path->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedTextColor());
    path->setPalette(muted);

    auto *explanation = new QLabel(this);
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::PlainText);
    explanation->setText(
        tr("Its last step sets every device that passes all earlier steps to the manufacturing "
           "state %1.\n\n"
           "This is permanent and cannot be undone: a %1 device can no longer be recovered, "
           "sideloaded for development or returned to an earlier state. Use this recipe only for "
           "devices that are ready to ship.\n\n"
           "You are asked once now, not for each device.")
            .arg(recipe.finalState()));

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *load = buttons->addButton(tr("Load recipe"), QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(tr("Don't load"), QDialogButtonBox::RejectRole);
    load->setAutoDefault(false);
    cancel->setDefault(true);
    cancel->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(path);
    text->addSpacing(8);
    text->addWidget(explanation);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

PermanentRecipeDialog::~PermanentRecipeDialog() = default;

void PermanentRecipeDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // A dialog sizes itself from its labels' size hints, which guess the wrapped height of a
    // long explanation (and guess short for Chinese, which has no spaces to break at): give
    // the wrapped text the height it takes at the width the dialog has.
    if (layout() && layout()->hasHeightForWidth()) {
        const int needed = layout()->totalHeightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    }
}

bool PermanentRecipeDialog::confirm(QWidget *parent, const Recipe &recipe)
{
    PermanentRecipeDialog dialog(recipe, parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace Station
