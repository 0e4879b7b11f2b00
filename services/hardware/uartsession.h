#pragma once

#include "services/base/canceltoken.h"
#include "services/base/result.h"
#include "services/run/runtypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QRegularExpression>
#include <QRegularExpressionMatch>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

class QSerialPort;

namespace Station {

namespace JsonReader {
class Problems;
}

// One line of a UART exchange, kept as the step's raw output.
struct UartLine
{
    enum class Direction { Sent, Received, Note };

    QDateTime time; // UTC
    Direction direction = Direction::Received;
    QString text;
};

// One action of a recipe's UART script (REFERENCE.md section 8):
// {"send": "...", "expect": "^...$", "fail": "^...$", "check": "device_id", "timeout_ms": n}
// or {"measure": "VCC_3V3", "unit": "V", "low": 3.2, "high": 3.4, "timeout_ms": n}.
struct UartScriptAction
{
    QString send;
    QString expect;
    QString fail;
    QString check; // "device_id" or empty
    QString measure;
    QString unit;
    std::optional<double> low;
    std::optional<double> high;
    std::chrono::milliseconds timeout {1000}; // "timeout_ms", docs/recipe.md 5.7

    bool isMeasurement() const { return !measure.isEmpty(); }
};

struct UartScriptResult
{
    QList<UartLine> transcript; // every line sent and received during the script, with times
    QList<Measurement> measurements;
    QString deviceId;           // captured by a "check": "device_id" action
    std::optional<Error> error; // the cause when the script failed
    int failedAction = -1;      // 0-based index of the failing action

    bool isSuccess() const { return !error.has_value(); }
};

// A blocking session with a device's functional-test UART (8N1, no flow control; 115200 baud
// unless the recipe says otherwise) over QSerialPort. Create, use and destroy it on one fixture
// worker thread: the port is created in open() and belongs to that thread. Every wait runs in
// slices of at most 50 ms and checks the CancelToken. A hang-up (device unplugged, adapter removed)
// ends the wait at once as UartError.
class UartSession
{
public:
    static constexpr qint32 DefaultBaudRate = 115200; // REFERENCE.md section 8
    static constexpr std::chrono::milliseconds WaitSlice {50};
    static constexpr std::chrono::milliseconds WriteTimeout {1000};
    static constexpr qsizetype MaxCommandLength = 128; // the firmware's line limit
    // A longer line (the firmware's replies are short) fails the exchange as OutputTooLarge,
    // with its first MaxLineLength bytes kept; the rest of that line is dropped.
    static constexpr qsizetype MaxLineLength = 4096;
    // What a session keeps of the device's output (lines and transcript); more fails the
    // exchange as OutputTooLarge: a babbling device must not grow memory without bound.
    static constexpr qsizetype MaxReceivedBytes = 1024 * 1024;
    static constexpr qsizetype MaxReceivedLines = 10000;

    explicit UartSession(const CancelToken &cancel = {});
    ~UartSession();
    Q_DISABLE_COPY_MOVE(UartSession)

    // The rates a recipe may name (docs/recipe.md, uart-test), ascending.
    static QList<qint32> standardBaudRates();
    static bool isStandardBaudRate(qint32 baudRate);

    // InvalidArgument for a rate that is not standard (the port is not touched).
    [[nodiscard]] Result<void> open(const QString &portPath, qint32 baudRate = DefaultBaudRate);
    void close();
    bool isOpen() const;
    QString portPath() const { return m_portPath; }
    qint32 baudRate() const { return m_baudRate; } // of the last open()

    // Writes the line and "\n".
    [[nodiscard]] Result<void> send(const QString &line);
    // Reads lines until one matches `pattern` as a whole line. A line matching `failPattern`,
    // or an `ERR ...` line that `pattern` does not match, fails at once and is the cause; a
    // timeout fails with the lines seen meanwhile. Other lines (boot banner, READY) are skipped.
    // A line longer than MaxLineLength, or more than MaxReceivedBytes/Lines in the session,
    // fails as OutputTooLarge.
    [[nodiscard]] Result<QRegularExpressionMatch> expect(const QRegularExpression &pattern,
        std::chrono::milliseconds timeout,
        const QRegularExpression &failPattern = {});
    // Sends `MEASURE <name>` and checks `<name> <value> <unit>` against the unit and inclusive
    // limits. Every measurement that got a value is appended to measurements(), also one that
    // fails (MeasurementOutOfLimits, or UartUnexpectedReply for a wrong unit).
    [[nodiscard]] Result<Measurement> measure(const QString &name,
        const QString &unit,
        std::optional<double> low,
        std::optional<double> high,
        std::chrono::milliseconds timeout);

    const QList<UartLine> &transcript() const { return m_transcript; }
    const QList<Measurement> &measurements() const { return m_measurements; }

    // The one reader of a recipe's UART script (docs/recipe.md 5.7), for the recipe loader and
    // for parseScript(): adds every problem with its field path under `path` (e.g.
    // "steps[7].params.script") to `problems`, and returns the actions that are valid.
    static QList<UartScriptAction> readScript(
        JsonReader::Problems &problems, const QJsonArray &script, const QString &path);
    // The same for a script on its own (RecipeInvalid with the first problem, its path relative
    // to the script: "[2].unit").
    [[nodiscard]] static Result<QList<UartScriptAction>> parseScript(const QJsonArray &script);
    // Runs the actions in order and stops at the first failure. `expectedDeviceId` is what a
    // "check": "device_id" action compares with (case-insensitive).
    UartScriptResult runScript(
        const QList<UartScriptAction> &actions, const QString &expectedDeviceId = {});
    // Opens the port, runs the script, closes the port.
    static UartScriptResult runScript(const QString &portPath,
        const QList<UartScriptAction> &actions,
        const QString &expectedDeviceId,
        const CancelToken &cancel,
        qint32 baudRate = DefaultBaudRate);

    // "2026-11-24T07:15:02.123Z > PING" / "< PONG" / "! note", one per line.
    static QString formatTranscript(const QList<UartLine> &lines);

private:
    enum class Wait { Data, Idle, Failed };
    Wait waitForData(std::chrono::milliseconds slice, Error &error);
    // The next complete line, if one has arrived; OutputTooLarge past the limits above.
    Result<std::optional<QString>> takeLine();
    void record(UartLine::Direction direction, const QString &text);
    Error portError(const QString &what) const;

    CancelToken m_cancel;
    std::unique_ptr<QSerialPort> m_port;
    QString m_portPath;
    qint32 m_baudRate = DefaultBaudRate;
    QByteArray m_pending;    // received bytes not yet taken as lines, bounded by takeLine()
    bool m_dropLine = false; // the rest of a too long line is dropped up to its end
    qsizetype m_receivedBytes = 0;
    qsizetype m_receivedLines = 0;
    QList<UartLine> m_transcript;
    QList<Measurement> m_measurements;
};

} // namespace Station
