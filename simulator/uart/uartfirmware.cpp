#include "uartfirmware.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <array>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Sim {

namespace {

// measurement-out-of-limits moves a value this many sigma from nominal: far outside any
// sensible limit (VCC_3V3 3.8 V, CURRENT_MA 210 mA).
constexpr double OutOfLimitsSigmas = 50.0;
const QString DefaultSelftestFailure = u"FLASH_CRC"_s;

QRandomGenerator seededRandom(const QString &deviceId)
{
    const QByteArray hash = QCryptographicHash::hash(
        QString(u"uart-measure:"_s + deviceId).toUtf8(), QCryptographicHash::Sha256);
    std::array<quint32, 8> seed {};
    for (int i = 0; i < 8; ++i)
        seed[i] = qFromBigEndian<quint32>(hash.constData() + 4 * i);
    return QRandomGenerator(seed.data(), seed.data() + seed.size());
}

QString badArgument(const QString &detail)
{
    return u"ERR BAD_ARGUMENT "_s + detail;
}

} // namespace

UartFirmware::UartFirmware(Options options, FaultHook faults)
    : m_options(std::move(options))
    , m_faults(std::move(faults))
    , m_random(seededRandom(m_options.deviceId))
{ }

QString UartFirmware::bootLine() const
{
    return u"BOOT %1 %2"_s.arg(m_options.firmware, m_options.version);
}

void UartFirmware::boot(qint64 nowMs)
{
    m_gpio.clear();
    m_input.clear();
    m_overflow = false;
    m_selftestDoneMs = -1;
    m_pending.clear();
    if (fault(u"uart-silent"_s, u"BOOT"_s))
        return;
    queue(nowMs, bootLine());
    queue(nowMs, u"READY"_s);
}

void UartFirmware::receive(const QByteArray &bytes, qint64 nowMs)
{
    for (const char c : bytes) {
        if (c != '\n') {
            if (m_overflow)
                continue;
            m_input.append(c);
            // One extra byte is allowed for a '\r' that the line end will strip.
            if (m_input.size() > MaxLineLength + 1) {
                m_overflow = true;
                m_input.clear();
            }
            continue;
        }
        if (m_input.endsWith('\r'))
            m_input.chop(1);
        if (m_overflow || m_input.size() > MaxLineLength) {
            m_overflow = false;
            m_input.clear();
            queue(nowMs + m_options.replyDelayMs,
                badArgument(u"line longer than %1 characters"_s.arg(MaxLineLength)));
            continue;
        }
        const QString line = QString::fromLatin1(m_input);
        m_input.clear();
        handleLine(line, nowMs);
    }
}

void UartFirmware::handleLine(const QString &line, qint64 nowMs)
{
    const QStringList tokens = line.split(u' ', Qt::SkipEmptyParts);
    if (tokens.isEmpty())
        return; // an empty line is not a command: no reply
    if (fault(u"uart-silent"_s, tokens.first()))
        return;
    const QString answer = reply(line, nowMs);
    if (!answer.isEmpty())
        queue(nowMs + m_options.replyDelayMs, answer);
}

QString UartFirmware::reply(const QString &line, qint64 nowMs)
{
    if (m_selftestDoneMs >= 0 && nowMs < m_selftestDoneMs)
        return u"ERR BUSY"_s;

    const QStringList tokens = line.split(u' ', Qt::SkipEmptyParts);
    const QString &command = tokens.first();
    const auto noArguments = [&](const QString &answer) {
        return tokens.size() == 1 ? answer : badArgument(u"%1 takes no arguments"_s.arg(command));
    };

    if (command == u"PING"_s)
        return noArguments(u"PONG"_s);
    if (command == u"VERSION"_s)
        return noArguments(u"VERSION %1 %2"_s.arg(m_options.firmware, m_options.version));
    if (command == u"ID"_s)
        return noArguments(u"ID "_s + m_options.deviceId);
    if (command == u"GPIO"_s)
        return gpioCommand(tokens);
    if (command == u"MEASURE"_s)
        return measure(tokens);
    if (command == u"SELFTEST"_s) {
        if (tokens.size() != 1)
            return badArgument(u"SELFTEST takes no arguments"_s);
        const auto failure = fault(u"uart-selftest-fail"_s, u"SELFTEST"_s);
        QString result = u"PASS"_s;
        if (failure) {
            QString reason = failure->trimmed().toUpper();
            reason.replace(u' ', u'_');
            result = u"FAIL "_s + (reason.isEmpty() ? DefaultSelftestFailure : reason);
        }
        m_selftestDoneMs = nowMs + m_options.selftestMs;
        queue(m_selftestDoneMs, result);
        return {};
    }
    return u"ERR UNKNOWN_COMMAND"_s;
}

QString UartFirmware::gpioCommand(const QStringList &tokens)
{
    const QString sub = tokens.value(1);
    if (sub != u"SET"_s && sub != u"GET"_s)
        return badArgument(u"GPIO needs SET <n> <0|1> or GET <n>"_s);
    const int expected = sub == u"SET"_s ? 4 : 3;
    if (tokens.size() != expected) {
        return badArgument(
            sub == u"SET"_s ? u"GPIO SET needs <n> <0|1>"_s : u"GPIO GET needs <n>"_s);
    }
    bool ok = false;
    const int pin = tokens[2].toInt(&ok);
    if (!ok)
        return badArgument(u"GPIO %1 is not a number"_s.arg(tokens[2]));
    if (pin < 0 || pin >= GpioCount)
        return badArgument(u"GPIO %1 out of range"_s.arg(tokens[2]));
    if (sub == u"GET"_s)
        return u"GPIO %1 %2"_s.arg(pin).arg(gpio(pin));
    if (tokens[3] != u"0"_s && tokens[3] != u"1"_s)
        return badArgument(u"GPIO value %1 must be 0 or 1"_s.arg(tokens[3]));
    m_gpio.insert(pin, tokens[3].toInt());
    return u"OK"_s;
}

QString UartFirmware::measure(const QStringList &tokens)
{
    if (tokens.size() != 2)
        return badArgument(u"MEASURE needs <name>"_s);
    const QString &name = tokens[1];
    for (const UartMeasurementSpec &spec : m_options.measurements) {
        if (spec.name != name)
            continue;
        double value = spec.nominal + spec.sigma * gaussian();
        if (const auto out = fault(u"measurement-out-of-limits"_s, u"MEASURE"_s)) {
            const double direction = out->compare(u"low"_s, Qt::CaseInsensitive) == 0 ? -1 : 1;
            value = spec.nominal + direction * OutOfLimitsSigmas * spec.sigma;
        }
        QString text = QString::number(value, 'f', spec.decimals);
        if (text.toDouble() == 0)
            text = QString::number(0.0, 'f', spec.decimals); // never "-0.000"
        return u"%1 %2 %3"_s.arg(name, text, spec.unit);
    }
    return u"ERR UNKNOWN_MEASUREMENT "_s + name;
}

double UartFirmware::gaussian()
{
    // Box-Muller; u1 in (0, 1] so the log is finite.
    const double u1 = 1.0 - m_random.generateDouble();
    const double u2 = m_random.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

std::optional<QString> UartFirmware::fault(const QString &kind, const QString &command) const
{
    if (!m_faults)
        return std::nullopt;
    return m_faults(kind, command);
}

void UartFirmware::queue(qint64 dueMs, const QString &line)
{
    // Sorted by due time; equal times keep their order.
    qsizetype at = m_pending.size();
    while (at > 0 && m_pending[at - 1].dueMs > dueMs)
        --at;
    m_pending.insert(at, Pending {dueMs, line});
}

std::optional<qint64> UartFirmware::nextDueMs() const
{
    if (m_pending.isEmpty())
        return std::nullopt;
    return m_pending.first().dueMs;
}

QStringList UartFirmware::takeDueLines(qint64 nowMs)
{
    QStringList lines;
    while (!m_pending.isEmpty() && m_pending.first().dueMs <= nowMs)
        lines.append(m_pending.takeFirst().line);
    return lines;
}

QByteArray UartFirmware::takeDue(qint64 nowMs)
{
    QByteArray out;
    for (const QString &line : takeDueLines(nowMs))
        out += line.toLatin1() + "\r\n";
    return out;
}

} // namespace Sim
