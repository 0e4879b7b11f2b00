#pragma once

#include <QObject>

class QSocketNotifier;

namespace Station {

// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal on the main thread (a self-pipe: the
// handler only writes the signal's number, the event loop does the rest), so that every way of
// ending the station (Ctrl+C, `kill`, a closed terminal or session) stops the runs with that
// signal as their cause, ends the tools and removes a temporary bench. One per process.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void signalled(int signal);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Station
