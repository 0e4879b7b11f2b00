#pragma once

#include <QList>
#include <QStatusBar>
#include <QTimer>

#include <chrono>

class QLabel;
class QToolButton;

namespace Station::Plant {
struct DeliveryStatus;
}

namespace Station {

class ElidedLabel;

// The window's status bar: which back end the station talks to (the simulator, or the
// configured azsphere and its version), the record file, and the free space on the record's
// disk, refreshed every few seconds so a filling disk is seen before it stops the line.
// GUI thread.
class StationStatusBar final : public QStatusBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StationStatusBar)

public:
    // QStorageInfo is a cheap statvfs() call; every 5 s is plenty for a disk that fills in
    // hours, and quick enough that the number is never stale when someone looks.
    static constexpr std::chrono::milliseconds FreeSpaceInterval {5000};
    // Below this the free space is shown as a warning (a day of records is a few MiB, but logs
    // and the OS need room too).
    static constexpr qint64 LowSpaceBytes = 1024LL * 1024 * 1024;

    explicit StationStatusBar(QWidget *parent = nullptr);
    ~StationStatusBar() override;

    // "Back end: simulated (…)" / "Back end: real (…)" (StationSetup::backendDescription);
    // empty shows "Back end: unknown".
    void setBackend(const QString &text);
    void setRecordPath(const QString &path);
    // A lasting warning about the station itself (e.g. a font that lacks the UI language's
    // characters), shown in the alarm colour until cleared with an empty text.
    void setWarning(const QString &text);
    QString warningText() const;
    QString backendText() const;
    QString recordText() const;
    QString freeSpaceText() const;
    qint64 freeBytes() const { return m_freeBytes; }

    void refreshFreeSpace();

    // Delivery to the plant database: "Plant: up to date", "Plant: 12 runs waiting, oldest
    // 3 min", "Plant: offline (cannot reach the server) · 12 runs waiting", in the alarm colour
    // when paused, refusing rows or the clock is off. Hidden until the first call (a station
    // without a plant shows nothing). Clicking it emits deliveryClicked().
    void setDelivery(const Station::Plant::DeliveryStatus &status);
    QString deliveryText() const;
    // The words for a delivery status (also its tool tip's first line).
    static QString deliveryText(const Station::Plant::DeliveryStatus &status);

Q_SIGNALS:
    void deliveryClicked();

public:
    // A widget that stands in for the back end and the record while it is shown (a recipe's
    // load with its progress and Cancel): they are hidden meanwhile, so it has their width.
    void addTask(QWidget *task);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ElidedLabel *m_backend = nullptr;
    ElidedLabel *m_record = nullptr;
    QLabel *m_freeSpace = nullptr;
    QLabel *m_warning = nullptr;
    QToolButton *m_delivery = nullptr;
    QList<QWidget *> m_tasks;
    QString m_recordPath;
    qint64 m_freeBytes = -1;
    QTimer m_refresh;
};

} // namespace Station
