#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

class QKeyEvent;
class QWidget;

namespace Station {

// Recognises a barcode scanner's input by its timing wherever the keyboard focus is (the tiles,
// a button, a table, or a text field such as the operator name or a search), and tells it from
// a person pressing keys. Installed on the QApplication; GUI thread.
//
// A scanner in keyboard mode types a whole label a few milliseconds per key and ends it with
// Enter (or Tab); a person presses one key at a time. So every printable key is held back until
// the next key shows which of the two it was:
//   - more keys follow, each within ScanKeyGap, at scanner speed (ScannerKeyInterval on
//     average), and the burst ends with Enter or Tab: a scan, emitted as scanned() and never
//     typed anywhere;
//   - nothing follows within ScanKeyGap, or the keys came at a person's speed: the held keys
//     are handed on, in order, to the widget that had the focus (a text field gets its
//     characters); where digits are fixture keys (the tiles), a digit is a fixture key and
//     other characters are dropped;
//   - a burst at scanner speed that stops without Enter: an incomplete scan, handed on for the
//     operator to check (never typed into the field that had the focus).
// Modifier keys (Shift, AltGr, Control, Caps Lock, ...) neither end nor change a burst: a
// keyboard-wedge scanner presses Shift for every capital letter.
// Why hold keys back in text fields too: the first characters of a label would otherwise be in
// the operator or search field before the burst is recognised. A person typing there sees each
// key at most ScanKeyGap late.
class SerialScanFilter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SerialScanFilter)

public:
    // Scanners send a key every 2-20 ms; people rarely press two keys within 80 ms. The gap is
    // also how long a key waits before it counts as a person's, short enough not to be felt.
    static constexpr std::chrono::milliseconds ScanKeyGap {80};
    // A burst is a scan only when its keys (Enter included) came this fast on average: a fast
    // typist's "12" + Enter in a search field stays the typist's (people take 100 ms and more
    // per key, even in a rolling burst).
    static constexpr std::chrono::milliseconds ScannerKeyInterval {40};
    // Shorter bursts ending in Enter are a person's keys, not a label.
    static constexpr int MinScanLength = 2;

    explicit SerialScanFilter(QObject *parent = nullptr);
    ~SerialScanFilter() override;

    // Keys are examined only while this returns true (e.g. the station window or one of its
    // dialogs is active). Default: always.
    void setActivePredicate(std::function<bool()> isActive);
    // Whether a single digit pressed with the focus on `focus` (never a text field) starts a
    // fixture (digitPressed) rather than reaching the widget. Default: never.
    void setDigitPredicate(std::function<bool(const QWidget *focus)> digitsStartFixtures);
    // Whether a widget takes typed text itself.
    static bool isTextInput(const QWidget *widget);
    // Whether `key` only modifies other keys (Shift, Control, AltGr, Caps Lock, ...).
    static bool isModifierKey(int key);
    bool isCapturing() const { return !m_buffer.isEmpty(); }

Q_SIGNALS:
    void scanned(const QString &label);
    void incompleteScan(const QString &text);
    void digitPressed(int digit);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct HeldKey
    {
        int key = 0;
        Qt::KeyboardModifiers modifiers;
        QString text;
        quint32 scanCode = 0;
        quint32 virtualKey = 0;
        quint32 nativeModifiers = 0;
    };

    bool handleKey(QKeyEvent *event, QWidget *focus);
    // Whether the burst's keys came at scanner speed: `intervals` gaps in `elapsedMs`.
    static bool isScannerSpeed(qint64 elapsedMs, qsizetype intervals);
    void onGapElapsed();
    // Hands the held keys on: digits to digitPressed where they start fixtures, the rest to the
    // widget that had the focus.
    void release();
    void reset();

    std::function<bool()> m_isActive;
    std::function<bool(const QWidget *)> m_digitsStartFixtures;
    QString m_buffer;
    QList<HeldKey> m_held;
    QPointer<QWidget> m_target;
    QElapsedTimer m_burst;  // since the burst's first key
    qint64 m_lastKeyAt = 0; // ms after the first key
    QTimer m_gap;
    bool m_replaying = false;
};

} // namespace Station
