#pragma once

#include <QApplication>
#include <QString>
#include <QTest>
#include <QWidget>

// Types `text` into the focus widget as a keyboard-wedge scanner does, a key at once: Shift
// pressed before a capital or a shifted symbol and released after it (each release and press
// its own key event, as the scanner's USB reports give them), then Enter.
inline void scanLikeWedge(const QString &text)
{
    static const QString shiftedSymbols = QStringLiteral("!\"#$%&()*+:<>?@^_{|}~");
    for (const QChar c : text) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        const bool shifted = c.isUpper() || shiftedSymbols.contains(c);
        const Qt::KeyboardModifiers mods = shifted ? Qt::ShiftModifier : Qt::NoModifier;
        if (shifted)
            QTest::keyPress(focus, Qt::Key_Shift);
        const char latin = c.toLatin1();
        const Qt::Key key = latin >= 0x20 && latin < 0x7f
            ? Qt::Key(QChar::fromLatin1(latin).toUpper().unicode())
            : Qt::Key_unknown;
        QTest::sendKeyEvent(QTest::Press, focus, key, QString(c), mods);
        QTest::sendKeyEvent(QTest::Release, focus, key, QString(c), mods);
        if (shifted)
            QTest::keyRelease(focus, Qt::Key_Shift, Qt::ShiftModifier);
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
}
