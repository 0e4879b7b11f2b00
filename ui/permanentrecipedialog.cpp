#include "ui/permanentrecipedialog.h"

#include "models/fixturemodel.h"
#include "services/recipe/recipe.h"
#include "ui/theme.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Station {

PermanentRecipeDialog::PermanentRecipeDialog(const Recipe &recipe, QWidget *parent)
    : QDialog(parent)
{
    build(recipe, {});
}

PermanentRecipeDialog::PermanentRecipeDialog(
    const Recipe &recipe, const QString &approver, QWidget *parent)
    : QDialog(parent)
{
    build(recipe, approver);
}

void PermanentRecipeDialog::build(const Recipe &recipe, const QString &approver)
{
    const bool approving = !approver.isEmpty();
    setWindowTitle(approving ? tr("Approve a recipe that makes devices permanent")
                             : tr("Recipe makes devices permanent"));
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

    QLabel *approval = nullptr;
    if (approving) {
        approval = new QLabel(this);
        approval->setWordWrap(true);
        approval->setTextFormat(Qt::PlainText);
        approval->setText(tr("This file is not approved yet. You approve it as %1; the approval "
                             "is kept with the file's SHA-256 %2, so a changed file needs a new "
                             "approval. Give the reason (for example the change request):")
                              .arg(approver, recipe.sha256));
        m_reason = new QLineEdit(this);
        m_reason->setObjectName(u"approvalReason"_s);
        m_reason->setMaxLength(500);
    }

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *load = buttons->addButton(
        approving ? tr("Approve and load") : tr("Load recipe"), QDialogButtonBox::AcceptRole);
    if (m_reason) {
        load->setEnabled(false);
        connect(m_reason, &QLineEdit::textChanged, load, [load](const QString &text) {
            load->setEnabled(!text.trimmed().isEmpty());
        });
    }
    QPushButton *cancel = buttons->addButton(tr("Don't load"), QDialogButtonBox::RejectRole);
    load->setAutoDefault(false);
    cancel->setDefault(true);
    cancel->setFocus();
    if (m_reason)
        m_reason->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(path);
    text->addSpacing(8);
    text->addWidget(explanation);
    if (approval) {
        text->addSpacing(8);
        text->addWidget(approval);
        text->addWidget(m_reason);
    }
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

QString PermanentRecipeDialog::reason() const
{
    return m_reason ? m_reason->text().trimmed() : QString();
}

bool PermanentRecipeDialog::approve(
    QWidget *parent, const Recipe &recipe, const QString &approver, QString *reason)
{
    PermanentRecipeDialog dialog(recipe, approver, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *reason = dialog.reason();
    return !reason->isEmpty();
}

bool PermanentRecipeDialog::confirm(QWidget *parent, const Recipe &recipe)
{
    PermanentRecipeDialog dialog(recipe, parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace Station
