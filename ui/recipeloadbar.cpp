#include "ui/recipeloadbar.h"

#include "ui/elidedlabel.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {
constexpr int Steps = 1000; // the bar's range: tenths of a percent
} // namespace

RecipeLoadBar::RecipeLoadBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new ElidedLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(u"recipeLoadBar"_s);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setElideMode(Qt::ElideMiddle);
    m_bar->setRange(0, Steps);
    m_bar->setTextVisible(true);
    m_bar->setFormat(u"%p%"_s);
    m_bar->setMaximumWidth(220);
    m_cancel->setObjectName(u"cancelRecipeLoad"_s);
    //: Stops loading a recipe; the recipe that was loaded before stays.
    m_cancel->setText(tr("Cancel loading"));
    m_cancel->setFocusPolicy(Qt::NoFocus);
    m_cancel->setToolTip(tr("Stop loading this recipe; the current recipe stays"));
    connect(m_cancel, &QPushButton::clicked, this, &RecipeLoadBar::cancelRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    hide();
}

RecipeLoadBar::~RecipeLoadBar() = default;

void RecipeLoadBar::begin(const QString &path)
{
    m_recipeName = QFileInfo(path).fileName();
    m_cancel->setEnabled(true);
    setProgress(0, 0, QString());
    show();
}

void RecipeLoadBar::setProgress(qint64 bytesDone, qint64 bytesTotal, const QString &currentFile)
{
    const int value
        = bytesTotal > 0 ? int(std::clamp<qint64>(bytesDone * Steps / bytesTotal, 0, Steps)) : 0;
    m_bar->setValue(value);
    const QLocale locale;
    QString text;
    if (currentFile.isEmpty()) {
        //: Status bar while a recipe loads, before its first file is read: "Loading recipe
        //: quick.json…"
        text = tr("Loading recipe %1…").arg(m_recipeName);
    } else {
        //: Status bar while a recipe loads: "Loading recipe big.json: checking
        //: recovery.imagepackage (120 MB of 200 MB)"
        text = tr("Loading recipe %1: checking %2 (%3 of %4)")
                   .arg(m_recipeName,
                       QFileInfo(currentFile).fileName(),
                       locale.formattedDataSize(bytesDone),
                       locale.formattedDataSize(bytesTotal));
    }
    m_label->setFullText(text);
}

void RecipeLoadBar::end()
{
    hide();
}

int RecipeLoadBar::percent() const
{
    return m_bar->value() * 100 / Steps;
}

QString RecipeLoadBar::text() const
{
    return m_label->fullText();
}

} // namespace Station
