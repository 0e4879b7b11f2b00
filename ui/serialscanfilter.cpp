#include "ui/serialscanfilter.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QTextEdit>
#include <QWidget>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

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

void SerialScanFilter::setDigitPredicate(std::function<bool(const QWidget *)> digitsStartFixtures)
{
    m_digitsStartFixtures = std::move(digitsStartFixtures);
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

bool SerialScanFilter::isModifierKey(int key)
{
    switch (key) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Meta:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_CapsLock:
    case Qt::Key_NumLock:
    case Qt::Key_ScrollLock:
    case Qt::Key_Super_L:
    case Qt::Key_Super_R:
    case Qt::Key_Hyper_L:
    case Qt::Key_Hyper_R:
    case Qt::Key_Mode_switch:
    case Qt::Key_Multi_key:
    // X11 reports ISO_Level5_Shift and other shift levels it has no Qt key for as unknown.
    case Qt::Key_unknown:
        return true;
    default:
        return key >= Qt::Key_Dead_Grave && key <= Qt::Key_Dead_Longsolidusoverlay;
    }
}

bool SerialScanFilter::isScannerSpeed(qint64 elapsedMs, qsizetype intervals)
{
    return intervals > 0 && elapsedMs <= intervals * ScannerKeyInterval.count();
}

bool SerialScanFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !watched->isWidgetType() || m_replaying)
        return false;
    // A key event travels from the window to the focus widget and on to its parents; look at
    // it once, when it reaches the focus widget (or the window, when nothing has focus).
    QWidget *focus = QApplication::focusWidget();
    QWidget *target = focus ? focus : QApplication::activeWindow();
    if (watched != target)
        return false;
    if (m_isActive && !m_isActive()) {
        release();
        return false;
    }
    return handleKey(static_cast<QKeyEvent *>(event), target);
}

bool SerialScanFilter::handleKey(QKeyEvent *event, QWidget *focus)
{
    const int key = event->key();
    // Shift for a capital, AltGr for '@': part of the scan, and never an end of it.
    if (isModifierKey(key) && (event->text().isEmpty() || !event->text().at(0).isPrint()))
        return false;

    // Scanners end a label with Enter, Tab, or (set up so) a line feed.
    const bool isEnd = key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Tab
        || event->text() == u"\n"_s || event->text() == u"\r"_s;
    if (isEnd && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        if (m_buffer.isEmpty())
            return false;
        const qsizetype keys = m_buffer.size();
        if (keys >= MinScanLength && isScannerSpeed(m_burst.elapsed(), keys)) {
            const QString label = m_buffer;
            reset();
            Q_EMIT scanned(label);
            return true;
        }
        // A person's keys, then Enter: the keys go where they were going, then the Enter.
        release();
        return false;
    }

    const QString text = event->text();
    const bool printable = !text.isEmpty()
        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isPrint(); });
    if (!printable || event->isAutoRepeat()) {
        // Anything else ends a burst: what was held goes on first, then this key.
        if (!m_buffer.isEmpty())
            onGapElapsed();
        return false;
    }
    if (m_buffer.isEmpty()) {
        // A command (Ctrl+C, Alt+F) is no label; Ctrl+Alt is AltGr on some systems.
        const Qt::KeyboardModifiers mods = event->modifiers();
        const bool ctrl = mods & Qt::ControlModifier;
        const bool alt = mods & Qt::AltModifier;
        if ((mods & Qt::MetaModifier) || ctrl != alt)
            return false;
        // A label never starts with a space, and Space must keep pressing the focused button.
        if (text.at(0).isSpace())
            return false;
        m_target = focus;
        m_burst.start();
    }
    m_buffer += text;
    m_lastKeyAt = m_burst.elapsed();
    m_held.append({key,
        event->modifiers(),
        text,
        event->nativeScanCode(),
        event->nativeVirtualKey(),
        event->nativeModifiers()});
    m_gap.start();
    return true;
}

void SerialScanFilter::onGapElapsed()
{
    m_gap.stop();
    if (m_buffer.isEmpty())
        return;
    // A burst at scanner speed that stopped without Enter: a label read without its end (a
    // scanner set up without the Enter suffix), never text for the field that had the focus.
    const qsizetype keys = m_buffer.size();
    if (keys >= MinScanLength && isScannerSpeed(m_lastKeyAt, keys - 1)) {
        const QString text = m_buffer;
        reset();
        Q_EMIT incompleteScan(text);
        return;
    }
    release();
}

void SerialScanFilter::release()
{
    m_gap.stop();
    const QList<HeldKey> held = std::exchange(m_held, {});
    const QPointer<QWidget> target = m_target;
    reset();
    const bool digitsStart
        = target && !isTextInput(target) && m_digitsStartFixtures && m_digitsStartFixtures(target);
    const QScopedValueRollback replaying(m_replaying, true);
    for (const HeldKey &key : held) {
        const QChar first = key.text.at(0);
        if (digitsStart) {
            // On the tiles a digit is a fixture key; other characters mean nothing there (a
            // letter would only jump the selection, and with it the next label's fixture).
            if (key.text.size() == 1 && first.isDigit())
                Q_EMIT digitPressed(first.digitValue());
            continue;
        }
        if (!target)
            continue;
        QKeyEvent press(QEvent::KeyPress,
            key.key,
            key.modifiers,
            key.scanCode,
            key.virtualKey,
            key.nativeModifiers,
            key.text);
        QCoreApplication::sendEvent(target, &press);
    }
}

void SerialScanFilter::reset()
{
    m_gap.stop();
    m_buffer.clear();
    m_held.clear();
    m_target = nullptr;
    m_lastKeyAt = 0;
}

} // namespace Station
