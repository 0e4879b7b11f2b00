#include "ui/recorderrorbanner.h"

#include "models/fixturemodel.h"
#include "ui/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

using namespace Qt::Literals::StringLiterals;

namespace Station {

RecordErrorBanner::RecordErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(u"recordErrorBanner"_s);
    setAutoFillBackground(true);
    const Theme::StateStyle fail = Theme::stateStyle(FixtureModel::TileState::Fail);
    QPalette p = palette();
    p.setColor(QPalette::Window, fail.banner);
    p.setColor(QPalette::WindowText, fail.onAccent);
    setPalette(p);

    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    m_text->setFont(f);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setPalette(p);
    const int iconSize = QFontMetrics(f).height() * 2;
    m_icon->setFixedSize(iconSize, iconSize);
    QPixmap pixmap(iconSize, iconSize);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        Theme::paintStateIcon(&painter,
            QRectF(0, 0, iconSize, iconSize),
            FixtureModel::TileState::Fail,
            fail.onAccent);
    }
    m_icon->setPixmap(pixmap);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->setSpacing(14);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    hide();
}

RecordErrorBanner::~RecordErrorBanner() = default;

void RecordErrorBanner::showError(const QString &message)
{
    m_active = true;
    m_text->setText(
        tr("The record cannot be written: %1\nNo new run can start until it can. Runs already "
           "going on keep their results in memory and the station keeps trying to save them.")
            .arg(message.trimmed()));
    show();
}

void RecordErrorBanner::clearError()
{
    m_active = false;
    m_text->clear();
    hide();
}

QString RecordErrorBanner::text() const
{
    return m_text->text();
}

} // namespace Station
