#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The simulated functional-test firmware behind a device's UART (REFERENCE.md §8): bytes in,
// reply lines out. Pure and time-driven: the caller passes the current time (ms) and asks for
// the replies that are due, so it runs the same under a test and under `sphere-sim serve`.
// Not thread-safe; one object per device.
namespace Sim {

struct UartMeasurementSpec
{
    QString name; // VCC_3V3, VCC_1V8, CURRENT_MA, TEMP_C
    QString unit;
    double nominal = 0;
    double sigma = 0;
    int decimals = 0;
};

class UartFirmware final
{
public:
    static constexpr int MaxLineLength = 128; // characters, without "\r\n"
    static constexpr int GpioCount = 72;      // GPIO 0..71

    struct Options
    {
        QString deviceId; // 128 lowercase hex; also seeds the measurements
        QString firmware = QStringLiteral("sphere-ft");
        QString version = QStringLiteral("1.4.0");
        QList<UartMeasurementSpec> measurements;
        qint64 replyDelayMs = 0;  // §9: 50 ms scaled
        qint64 selftestMs = 2000; // §9: 2 s scaled
    };

    // Asked once per command for a fault of `kind` ("uart-silent", "uart-selftest-fail",
    // "measurement-out-of-limits") that fires for `command` (the command word, e.g. "SELFTEST").
    // Returns the fault's variant ("" when it has none) when it fires, nullopt otherwise.
    using FaultHook
        = std::function<std::optional<QString>(const QString &kind, const QString &command)>;

    explicit UartFirmware(Options options, FaultHook faults = {});

    // The device (re)booted: GPIOs reset, a running SELFTEST is abandoned, partial input is
    // dropped, pending replies are discarded and the banner (BOOT ..., READY) is queued.
    void boot(qint64 nowMs);
    // Raw bytes from the host. Complete lines become commands; '\r' before '\n' is ignored.
    void receive(const QByteArray &bytes, qint64 nowMs);
    // One command line, without its line end.
    void handleLine(const QString &line, qint64 nowMs);

    // When the next queued reply is due, if any.
    std::optional<qint64> nextDueMs() const;
    // The replies due at nowMs, in order, each ending in "\r\n".
    QByteArray takeDue(qint64 nowMs);
    // The same as lines without "\r\n" (for tests).
    QStringList takeDueLines(qint64 nowMs);

    // The last value set on a GPIO (0 when never set).
    int gpio(int n) const { return m_gpio.value(n, 0); }

    // "BOOT sphere-ft 1.4.0"
    QString bootLine() const;

private:
    QString reply(const QString &line, qint64 nowMs);
    QString measure(const QStringList &tokens);
    QString gpioCommand(const QStringList &tokens);
    void queue(qint64 dueMs, const QString &line);
    std::optional<QString> fault(const QString &kind, const QString &command) const;
    double gaussian();

    struct Pending
    {
        qint64 dueMs = 0;
        QString line;
    };

    Options m_options;
    FaultHook m_faults;
    QRandomGenerator m_random;
    QMap<int, int> m_gpio;
    QByteArray m_input;
    bool m_overflow = false;      // the current input line passed MaxLineLength
    qint64 m_selftestDoneMs = -1; // a SELFTEST runs until this time
    QList<Pending> m_pending;
};

} // namespace Sim
