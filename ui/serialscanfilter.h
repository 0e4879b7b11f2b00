#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

class QKeyEvent;
class QWidget;

namespace Station {

// Recognises a barcode scanner's input wherever the keyboard focus is, except in a text field,
// and tells it from a person pressing one key. Installed on the QApplication; GUI thread.
//
// A scanner in keyboard mode types a whole label a few milliseconds per key and ends it with
// Enter; a person presses one key at a time. So a printable key that is not meant for a text
// field is held back until the next key shows which of the two it was:
//   - more keys follow, each within ScanKeyGap, and the burst ends with Enter (or Tab): a scan;
//   - nothing follows within ScanKeyGap: one key a person pressed (1-9 start that fixture);
//   - a burst that stops without Enter: an incomplete scan, handed on for the operator to check.
// Why not a scan field that always keeps the focus: the digits 1-9 would then type into it and
// never start a fixture, and it would fight the operator-name field for the focus. Why not
// timing alone inside a text field: the first characters would already be in the field before
// the burst is recognised. So text fields keep their keys (a person is typing there), and every
// other focus (the grid, a button, the tabs) has its printable keys examined here.
class SerialScanFilter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SerialScanFilter)

public:
    // Scanners send a key every 2-20 ms; people rarely press two keys within 80 ms. The gap is
    // also how long a single digit waits before it counts as a key press, short enough not to
    // be felt.
    static constexpr std::chrono::milliseconds ScanKeyGap {80};
    // Shorter bursts ending in Enter are a person's keys, not a label.
    static constexpr int MinScanLength = 2;

    explicit SerialScanFilter(QObject *parent = nullptr);
    ~SerialScanFilter() override;

    // Keys are examined only while this returns true (e.g. the Line page shows in the active
    // window). Default: always.
    void setActivePredicate(std::function<bool()> isActive);
    // Whether a widget takes typed text itself (its keys are never captured).
    static bool isTextInput(const QWidget *widget);
    bool isCapturing() const { return !m_buffer.isEmpty(); }

Q_SIGNALS:
    void scanned(const QString &label);
    void incompleteScan(const QString &text);
    void digitPressed(int digit);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool handleKey(QKeyEvent *event);
    void onGapElapsed();

    std::function<bool()> m_isActive;
    QString m_buffer;
    QTimer m_gap;
};

} // namespace Station
