#pragma once

#include "services/base/result.h"
#include "services/process/toolrunner.h"

#include <QObject>
#include <QStringList>

#include <chrono>

class QProcess;
class QRegularExpression;

namespace Station {

// A long-running helper process (e.g. `sphere-sim serve`), started by
// ToolRunner::startBackground in its own process group. Lives on the thread that started it
// (the main thread); destroying it stops the whole group: SIGTERM, a grace period, SIGKILL.
// The child also gets SIGTERM if the station dies without cleaning up (PR_SET_PDEATHSIG).
class BackgroundProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundProcess)

public:
    ~BackgroundProcess() override;

    QString commandLine() const { return m_commandLine; }
    qint64 processId() const;
    bool isRunning() const;
    // Every output line so far (stdout and stderr), at most MaxKeptLines. Lines are split as
    // ToolRunner splits them (LineSplitter); a last line without a line end comes at the exit.
    QStringList outputLines() const { return m_lines; }

    // Blocks the calling thread until a stdout/stderr line matches `pattern`, the process
    // exits, or `timeout` passes. Meant for start-up, before any window is shown.
    [[nodiscard]] Result<QString> waitForLine(
        const QRegularExpression &pattern, std::chrono::milliseconds timeout);

    // SIGTERM to the group, up to `grace` for it to end, then SIGKILL. Idempotent.
    void stop(std::chrono::milliseconds grace = ToolRunner::KillGracePeriod);

    static constexpr qsizetype MaxKeptLines = 10000;

Q_SIGNALS:
    void lineReceived(Station::OutputChannel channel, const QString &line);
    void exited(int exitCode);

private:
    friend class ToolRunner;
    explicit BackgroundProcess(const ToolCall &call);
    Result<> start(const ToolCall &call);
    void readChannel(OutputChannel channel);
    void takeLine(OutputChannel channel, const QString &line);

    QProcess *m_process = nullptr; // child of this
    QString m_commandLine;
    LineSplitter m_splitters[2]; // stdout, stderr
    QStringList m_lines;
};

} // namespace Station
