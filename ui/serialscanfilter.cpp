#include "ui/serialscanfilter.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QWidget>

#include <utility>

namespace Station {

SerialScanFilter::SerialScanFilter(QObject *parent)
    : QObject(parent)
{
    m_gap.setSingleShot(true);
    m_gap.setInterval(ScanKeyGap);
    // Precise: a coarse timer may fire up to 5 % late, and early firing would split a scan.
    m_gap.setTimerType(Qt::PreciseTimer);
    connect(&m_gap, &QTimer::timeout, this, &SerialScanFilter::onGapElapsed);
}

SerialScanFilter::~SerialScanFilter() = default;

void SerialScanFilter::setActivePredicate(std::function<bool()> isActive)
{
    m_isActive = std::move(isActive);
}

bool SerialScanFilter::isTextInput(const QWidget *widget)
{
    if (!widget)
        return false;
    if (qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget))
        return true;
    if (const auto *combo = qobject_cast<const QComboBox *>(widget))
        return combo->isEditable();
    if (const auto *edit = qobject_cast<const QTextEdit *>(widget))
        return !edit->isReadOnly();
    if (const auto *plain = qobject_cast<const QPlainTextEdit *>(widget))
        return !plain->isReadOnly();
    // Text widgets from elsewhere announce themselves by taking input-method text.
    return widget->testAttribute(Qt::WA_InputMethodEnabled);
}

bool SerialScanFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !watched->isWidgetType())
        return false;
    // A key event travels from the window to the focus widget and on to its parents; look at
    // it once, when it reaches the focus widget (or the window, when nothing has focus).
    QWidget *focus = QApplication::focusWidget();
    QWidget *target = focus ? focus : QApplication::activeWindow();
    if (watched != target || isTextInput(focus))
        return false;
    if (m_isActive && !m_isActive()) {
        m_buffer.clear();
        m_gap.stop();
        return false;
    }
    return handleKey(static_cast<QKeyEvent *>(event));
}

bool SerialScanFilter::handleKey(QKeyEvent *event)
{
    constexpr auto CommandModifiers = Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
    if (event->modifiers() & CommandModifiers)
        return false;
    const int key = event->key();
    const bool isEnd = key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Tab;
    if (isEnd) {
        if (m_buffer.isEmpty())
            return false;
        m_gap.stop();
        const QString text = std::exchange(m_buffer, QString());
        if (text.size() >= MinScanLength) {
            Q_EMIT scanned(text);
            return true;
        }
        // One key then Enter: a person's key press, and the Enter goes where it was going.
        if (text.at(0).isDigit() && text.at(0) != u'0')
            Q_EMIT digitPressed(text.at(0).digitValue());
        return false;
    }
    const QString text = event->text();
    const bool printable = !text.isEmpty() && text.at(0).isPrint();
    if (!printable || event->isAutoRepeat()) {
        // Anything else ends a burst: what was typed so far is not a complete label.
        if (!m_buffer.isEmpty())
            onGapElapsed();
        return false;
    }
    // A label never starts with a space, and Space must keep pressing the focused button.
    if (m_buffer.isEmpty() && text.at(0).isSpace())
        return false;
    m_buffer += text;
    m_gap.start();
    return true;
}

void SerialScanFilter::onGapElapsed()
{
    m_gap.stop();
    const QString text = std::exchange(m_buffer, QString());
    if (text.isEmpty())
        return;
    if (text.size() == 1) {
        if (text.at(0).isDigit() && text.at(0) != u'0')
            Q_EMIT digitPressed(text.at(0).digitValue());
        return;
    }
    Q_EMIT incompleteScan(text);
}

} // namespace Station
