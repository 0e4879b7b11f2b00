#include "ui/recipebadge.h"

#include "models/fixturemodel.h"
#include "services/recipe/recipe.h"
#include "ui/theme.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Station {

RecipeBadge::RecipeBadge(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLabel(this))
    , m_permanent(new QLabel(this))
{
    // Two rows, like the operator and shift beside it: a small caption (with the PERMANENT
    // badge), and the recipe below, so the tool bar fits a 1280-pixel screen.
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    auto *caption = new QLabel(tr("Recipe"), this);
    QPalette muted = caption->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedTextColor());
    caption->setPalette(muted);
    m_name->setMaximumWidth(420);
    m_name->setTextFormat(Qt::PlainText);
    QFont f = m_name->font();
    f.setBold(true);
    m_name->setFont(f);
    m_permanent->setObjectName(u"permanentBadge"_s);
    m_permanent->setTextFormat(Qt::PlainText);
    m_permanent->setFont(f);
    // A style sheet, not the palette: inside a tool bar the style paints over a label's
    // palette background, and this badge must stay red whatever the style.
    const Theme::StateStyle fail = Theme::stateStyle(FixtureModel::TileState::Fail);
    m_permanent->setStyleSheet(
        u"QLabel { background-color: %1; color: %2; border-radius: 3px; padding: 0px 8px; }"_s.arg(
            fail.banner.name(), fail.onAccent.name()));
    QFont small = m_permanent->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_permanent->setFont(small);
    auto *top = new QHBoxLayout;
    top->setSpacing(8);
    top->addWidget(caption);
    top->addWidget(m_permanent);
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(1);
    layout->addLayout(top);
    layout->addWidget(m_name);
    clearRecipe();
}

RecipeBadge::~RecipeBadge() = default;

void RecipeBadge::setRecipe(const Recipe &recipe)
{
    //: Toolbar: recipe name and version, "Full preparation 1.4.0"
    m_text = tr("%1 %2").arg(recipe.name, recipe.version);
    m_name->setText(QFontMetrics(m_name->font()).elidedText(m_text, Qt::ElideMiddle, 420));
    QPalette p = m_name->palette();
    p.setColor(QPalette::WindowText, Theme::textColor());
    m_name->setPalette(p);
    QStringList tip {QDir::toNativeSeparators(recipe.path)};
    if (!recipe.description.isEmpty())
        tip.append(recipe.description);
    tip.append(tr("%n step(s)", nullptr, int(recipe.steps.size())));
    m_name->setToolTip(tip.join(u'\n'));
    m_permanent->setVisible(recipe.isPermanent());
    //: Toolbar badge of a recipe that ends in an irreversible manufacturing state.
    m_permanent->setText(tr("PERMANENT: %1").arg(recipe.finalState()));
    m_permanent->setToolTip(
        tr("Devices that pass this recipe are set to %1. This cannot be undone.")
            .arg(recipe.finalState()));
}

void RecipeBadge::clearRecipe()
{
    m_text = tr("No recipe loaded");
    m_name->setText(m_text);
    m_name->setToolTip(tr("Open a recipe to start devices."));
    QPalette p = m_name->palette();
    p.setColor(QPalette::WindowText, Theme::stateStyle(FixtureModel::TileState::Fail).accent);
    m_name->setPalette(p);
    m_permanent->hide();
    m_permanent->clear();
}

QString RecipeBadge::recipeText() const
{
    return m_text;
}

bool RecipeBadge::isPermanentShown() const
{
    return !m_permanent->isHidden();
}

QString RecipeBadge::permanentText() const
{
    return m_permanent->text();
}

} // namespace Station
