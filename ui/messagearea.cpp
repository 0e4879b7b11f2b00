#include "ui/messagearea.h"

#include "models/fixturemodel.h"
#include "ui/elidedlabel.h"
#include "ui/theme.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

using TileState = FixtureModel::TileState;

// Messages borrow the tiles' shapes, so a refusal looks like the FAIL it prevents.
TileState shapeOf(MessageArea::Severity severity)
{
    switch (severity) {
    case MessageArea::Severity::Info:
        return TileState::Ready;
    case MessageArea::Severity::Success:
        return TileState::Pass;
    case MessageArea::Severity::Warning:
        return TileState::Interrupted;
    case MessageArea::Severity::Error:
        return TileState::Fail;
    }
    return TileState::Ready;
}

QColor colorOf(MessageArea::Severity severity)
{
    switch (severity) {
    case MessageArea::Severity::Info:
    case MessageArea::Severity::Success:
        return Theme::textColor();
    case MessageArea::Severity::Warning:
        return Theme::stateStyle(TileState::Interrupted).accent.darker(130);
    case MessageArea::Severity::Error:
        return Theme::stateStyle(TileState::Fail).accent;
    }
    return Theme::textColor();
}

} // namespace

MessageArea::MessageArea(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"messageArea"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Theme::tileColor());
    setPalette(p);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(8, 4, 8, 4);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    const int iconSize = fontMetrics().height();
    for (int row = 0; row < VisibleRows; ++row) {
        auto *icon = new QLabel(this);
        icon->setFixedSize(iconSize, iconSize);
        // A long message is elided, whole in its tooltip (and in messages()).
        auto *text = new ElidedLabel(this);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(icon, row, 0);
        grid->addWidget(text, row, 1);
        m_icons.append(icon);
        m_rows.append(text);
    }
    m_empty = new QLabel(tr("No messages"), this);
    QPalette muted = m_empty->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedTextColor());
    m_empty->setPalette(muted);
    grid->addWidget(m_empty, 0, 1);
    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setFocusPolicy(Qt::NoFocus);
    m_clear->setToolTip(tr("Remove the messages"));
    connect(m_clear, &QPushButton::clicked, this, &MessageArea::clear);
    grid->addWidget(m_clear, 0, 2, Qt::AlignTop);
    grid->setColumnStretch(1, 1);
    // Always the same height, so the grid above never jumps when a message comes or goes.
    setFixedHeight(VisibleRows * (fontMetrics().height() + 2) + 10);
    refresh();
}

MessageArea::~MessageArea() = default;

void MessageArea::post(Severity severity, const QString &text)
{
    Message message {severity, text.trimmed(), QDateTime::currentDateTime()};
    m_messages.prepend(message);
    if (m_messages.size() > KeptMessages)
        m_messages.removeLast();
    refresh();
    Q_EMIT posted(message);
}

void MessageArea::clear()
{
    m_messages.clear();
    refresh();
}

QString MessageArea::latestText() const
{
    return m_messages.isEmpty() ? QString() : m_messages.constFirst().text;
}

void MessageArea::refresh()
{
    const int iconSize = fontMetrics().height();
    for (int row = 0; row < VisibleRows; ++row) {
        QLabel *icon = m_icons.at(row);
        ElidedLabel *text = m_rows.at(row);
        if (row >= m_messages.size()) {
            icon->clear();
            text->setFullText({});
            continue;
        }
        const Message &message = m_messages.at(row);
        icon->setPixmap(Theme::stateIcon(shapeOf(message.severity), iconSize).pixmap(iconSize));
        //: A message line: "10:31:07  Fixture 3: scan the label first"
        text->setFullText(
            tr("%1  %2").arg(message.time.toString(u"HH:mm:ss"_s), message.text.simplified()));
        QPalette p = text->palette();
        // The newest message in full colour; older ones step back.
        p.setColor(
            QPalette::WindowText, row == 0 ? colorOf(message.severity) : Theme::mutedTextColor());
        text->setPalette(p);
        QFont f = text->font();
        f.setBold(row == 0 && message.severity == Severity::Error);
        text->setFont(f);
    }
    m_empty->setVisible(m_messages.isEmpty());
    m_clear->setEnabled(!m_messages.isEmpty());
}

} // namespace Station
