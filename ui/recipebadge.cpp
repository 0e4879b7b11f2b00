#include "ui/recipebadge.h"

#include "models/fixturemodel.h"
#include "services/recipe.h"
#include "ui/theme.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::Literals::StringLiterals;

namespace Station {

RecipeBadge::RecipeBadge(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLabel(this))
    , m_permanent(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(8);
    m_name->setTextFormat(Qt::PlainText);
    QFont f = m_name->font();
    f.setBold(true);
    m_name->setFont(f);
    m_permanent->setObjectName(u"permanentBadge"_s);
    m_permanent->setTextFormat(Qt::PlainText);
    m_permanent->setFont(f);
    m_permanent->setAutoFillBackground(true);
    m_permanent->setContentsMargins(8, 3, 8, 3);
    const Theme::StateStyle fail = Theme::stateStyle(FixtureModel::TileState::Fail);
    QPalette p = m_permanent->palette();
    p.setColor(QPalette::Window, fail.banner);
    p.setColor(QPalette::WindowText, fail.onAccent);
    m_permanent->setPalette(p);
    layout->addWidget(m_name);
    layout->addWidget(m_permanent);
    clearRecipe();
}

RecipeBadge::~RecipeBadge() = default;

void RecipeBadge::setRecipe(const Recipe &recipe)
{
    //: Toolbar: recipe name and version, "Full preparation 1.4.0"
    m_name->setText(tr("%1 %2").arg(recipe.name, recipe.version));
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
    m_name->setText(tr("No recipe loaded"));
    m_name->setToolTip(tr("Open a recipe to start devices."));
    QPalette p = m_name->palette();
    p.setColor(QPalette::WindowText, Theme::stateStyle(FixtureModel::TileState::Fail).accent);
    m_name->setPalette(p);
    m_permanent->hide();
    m_permanent->clear();
}

QString RecipeBadge::recipeText() const
{
    return m_name->text();
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
