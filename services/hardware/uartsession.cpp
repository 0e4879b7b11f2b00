#include "services/hardware/uartsession.h"

#include "services/base/jsonreader.h"
#include "services/base/tr.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QSerialPort>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

using namespace JsonReader;

constexpr int DefaultActionTimeoutMs = 1000;
constexpr int MaxActionTimeoutMs = 600000;
// REFERENCE 8: host lines are at most 128 characters including the '\n'.
constexpr int MaxScriptCommandLength = 127;

const QStringList &knownUnits()
{
    static const QStringList units
        = u"V mV uV A mA uA W mW C K Hz kHz MHz dB dBm Ohm kOhm % s ms"_s.split(u' ');
    return units;
}

bool isPrintableAscii(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() <= 0x7e;
    });
}

std::optional<UartScriptAction> readAction(
    Problems &problems, const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        problems.add(path, Tr::tr("must be an object"));
        return std::nullopt;
    }
    const ObjectReader a(problems,
        value.toObject(),
        path,
        {u"send"_s,
            u"expect"_s,
            u"fail"_s,
            u"check"_s,
            u"measure"_s,
            u"unit"_s,
            u"low"_s,
            u"high"_s,
            u"timeout_ms"_s});
    const qsizetype problemsBefore = problems.count();
    UartScriptAction action;
    action.timeout = std::chrono::milliseconds(
        a.integer(u"timeout_ms"_s, 1, MaxActionTimeoutMs).value_or(DefaultActionTimeoutMs));

    if (a.has(u"measure"_s)) {
        for (const QString &key : {u"send"_s, u"expect"_s, u"fail"_s, u"check"_s}) {
            if (a.has(key))
                a.report(key, Tr::tr("cannot be combined with \"measure\""));
        }
        static const QRegularExpression nameRe(u"^[A-Z][A-Z0-9_]{0,31}$"_s);
        if (const std::optional<QString> name = a.string(u"measure"_s, Need::Required)) {
            if (!nameRe.match(*name).hasMatch())
                a.report(u"measure"_s,
                    Tr::tr("must be an upper-case measurement name such as \"VCC_3V3\""));
            action.measure = *name;
        }
        if (const std::optional<QString> unit = a.string(u"unit"_s, Need::Required)) {
            if (!knownUnits().contains(*unit))
                a.report(u"unit"_s,
                    Tr::tr("unknown unit \"%1\"; use one of: %2")
                        .arg(*unit, knownUnits().join(u", "_s)));
            action.unit = *unit;
        }
        action.low = a.number(u"low"_s, Need::Required);
        action.high = a.number(u"high"_s, Need::Required);
        if (action.low && action.high && *action.low > *action.high)
            a.report(u"low"_s, Tr::tr("must not be greater than \"high\" (%1)").arg(*action.high));
    } else {
        for (const QString &key : {u"unit"_s, u"low"_s, u"high"_s}) {
            if (a.has(key))
                a.report(key, Tr::tr("belongs to a \"measure\" action"));
        }
        if (!a.has(u"send"_s) && !a.has(u"expect"_s))
            problems.add(path, Tr::tr("needs \"send\", \"expect\" or \"measure\""));
        if (const std::optional<QString> send = a.string(u"send"_s, Need::Optional)) {
            if (!isPrintableAscii(*send) || send->size() > MaxScriptCommandLength)
                a.report(u"send"_s,
                    Tr::tr("must be printable ASCII without line breaks, at most %1 "
                           "characters")
                        .arg(MaxScriptCommandLength));
            action.send = *send;
        }
        const std::optional<QRegularExpression> expect = a.regex(u"expect"_s);
        if (expect)
            action.expect = expect->pattern();
        if (const std::optional<QRegularExpression> failRe = a.regex(u"fail"_s))
            action.fail = failRe->pattern();
        if (a.has(u"fail"_s) && !a.has(u"expect"_s))
            a.report(u"fail"_s, Tr::tr("needs \"expect\""));
        if (const std::optional<QString> check
            = a.choice(u"check"_s, {u"device_id"_s}, Need::Optional)) {
            if (!a.has(u"expect"_s))
                a.report(u"check"_s, Tr::tr("needs \"expect\""));
            else if (expect && expect->captureCount() < 1)
                a.report(u"check"_s,
                    Tr::tr("needs a capture group in \"expect\" that holds the device ID"));
            action.check = *check;
        }
    }
    a.checkUnknownKeys();
    if (problems.count() != problemsBefore)
        return std::nullopt;
    return action;
}

QString seenText(const QStringList &seen)
{
    return seen.isEmpty() ? Tr::tr("nothing") : seen.join(u" | "_s);
}

Error cancelled()
{
    return Error::make(ErrorCode::Cancelled,
        Tr::tr("The operator aborted the step."),
        u"cancelled while waiting on the UART"_s,
        Tr::tr("Start the device again when ready."));
}

QRegularExpression wholeLine(const QRegularExpression &pattern)
{
    return QRegularExpression(
        QRegularExpression::anchoredPattern(pattern.pattern()), pattern.patternOptions());
}

tl::unexpected<Error> scriptInvalid(const QString &path, const QString &reason)
{
    return fail(ErrorCode::RecipeInvalid,
        Tr::tr("The recipe's UART script is not valid: %1: %2").arg(path, reason),
        path + u": "_s + reason,
        Tr::tr("Fix the recipe."));
}

} // namespace

UartSession::UartSession(const CancelToken &cancel)
    : m_cancel(cancel)
{ }

UartSession::~UartSession()
{
    close();
}

QList<qint32> UartSession::standardBaudRates()
{
    return {9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600};
}

bool UartSession::isStandardBaudRate(qint32 baudRate)
{
    return standardBaudRates().contains(baudRate);
}

Result<void> UartSession::open(const QString &portPath, qint32 baudRate)
{
    close();
    m_portPath = portPath;
    m_baudRate = baudRate;
    // The recipe loader checks the rate too; this guards other callers. QSerialPort would take
    // any number and ask the driver for a custom divisor, which USB UART adapters round or
    // refuse in their own ways.
    if (!isStandardBaudRate(baudRate)) {
        QStringList rates;
        for (qint32 rate : standardBaudRates())
            rates.append(QString::number(rate));
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("The UART baud rate %1 is not one of %2.")
                .arg(baudRate)
                .arg(rates.join(u", "_s)),
            u"%1: baud %2"_s.arg(portPath).arg(baudRate),
            Tr::tr("Fix the recipe."));
    }
    const QFileInfo info(portPath);
    if (!info.exists())
        return fail(ErrorCode::UartError,
            Tr::tr("The UART port %1 does not exist.").arg(portPath),
            portPath,
            Tr::tr("Check the fixture's UART cable and the port in the station "
                   "configuration."));
    // The simulator names its ports by connection path through symlinks; open the real
    // device so that two benches' "1211" never share a lock file.
    const QString target = info.isSymLink() ? info.canonicalFilePath() : portPath;

    auto port = std::make_unique<QSerialPort>();
    port->setPortName(target);
    if (!port->open(QIODevice::ReadWrite))
        return fail(ErrorCode::UartError,
            Tr::tr("The UART port %1 cannot be opened.").arg(portPath),
            port->errorString(),
            Tr::tr("Check that no other program uses the port, and its permissions."));
    if (!port->setBaudRate(baudRate) || !port->setDataBits(QSerialPort::Data8)
        || !port->setParity(QSerialPort::NoParity) || !port->setStopBits(QSerialPort::OneStop)
        || !port->setFlowControl(QSerialPort::NoFlowControl)) {
        const QString why = port->errorString();
        port->close();
        return fail(ErrorCode::UartError,
            Tr::tr("The UART port %1 cannot be set to %2 8N1.").arg(portPath).arg(baudRate),
            why,
            Tr::tr("Check the fixture's UART adapter."));
    }
    m_port = std::move(port);
    m_pending.clear();
    m_dropLine = false;
    m_receivedBytes = 0;
    m_receivedLines = 0;
    record(UartLine::Direction::Note, u"opened %1 at %2 baud"_s.arg(portPath).arg(baudRate));
    return {};
}

void UartSession::close()
{
    if (!m_port)
        return;
    if (m_port->isOpen())
        m_port->close();
    m_port.reset();
}

bool UartSession::isOpen() const
{
    return m_port && m_port->isOpen();
}

Error UartSession::portError(const QString &what) const
{
    return Error::make(ErrorCode::UartError,
        Tr::tr("The UART connection was lost: the device was unplugged or the "
               "adapter removed."),
        u"%1 (%2): %3"_s.arg(m_portPath, what, m_port ? m_port->errorString() : u"not open"_s),
        Tr::tr("Reseat the device and the UART cable, retry."));
}

void UartSession::record(UartLine::Direction direction, const QString &text)
{
    m_transcript.append(UartLine {QDateTime::currentDateTimeUtc(), direction, text});
}

Result<void> UartSession::send(const QString &line)
{
    if (!isOpen())
        return fail(portError(u"send"_s));
    if (line.size() > MaxCommandLength || line.contains(u'\n'))
        return fail(ErrorCode::InvalidArgument,
            Tr::tr("The UART command is longer than %1 characters or has a line break.")
                .arg(MaxCommandLength),
            line,
            Tr::tr("Fix the recipe."));
    record(UartLine::Direction::Sent, line);
    const QByteArray bytes = line.toUtf8() + '\n';
    if (m_port->write(bytes) != bytes.size())
        return fail(portError(u"write"_s));
    QDeadlineTimer deadline(WriteTimeout);
    while (m_port->bytesToWrite() > 0) {
        if (m_cancel.isCancelled())
            return fail(cancelled());
        if (deadline.hasExpired())
            return fail(portError(u"write timed out"_s));
        if (!m_port->waitForBytesWritten(int(WaitSlice.count()))) {
            if (m_port->error() == QSerialPort::TimeoutError) {
                m_port->clearError();
                continue;
            }
            if (m_port->error() != QSerialPort::NoError)
                return fail(portError(u"write"_s));
        }
    }
    return {};
}

UartSession::Wait UartSession::waitForData(std::chrono::milliseconds slice, Error &error)
{
    if (m_port->bytesAvailable() > 0 || m_port->waitForReadyRead(int(slice.count()))) {
        m_pending += m_port->readAll();
        return Wait::Data;
    }
    const QSerialPort::SerialPortError code = m_port->error();
    if (code == QSerialPort::NoError || code == QSerialPort::TimeoutError) {
        m_port->clearError();
        return Wait::Idle;
    }
    // A pseudo-terminal whose other end closed, or a USB adapter that vanished, reads EIO.
    error = portError(u"read"_s);
    return Wait::Failed;
}

Result<std::optional<QString>> UartSession::takeLine()
{
    if (m_dropLine) {
        const qsizetype end = m_pending.indexOf('\n');
        if (end < 0) {
            m_pending.clear();
            return std::nullopt;
        }
        m_pending.remove(0, end + 1);
        m_dropLine = false;
    }
    const qsizetype end = m_pending.indexOf('\n');
    QByteArray bytes = m_pending.left(end < 0 ? m_pending.size() : end);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    if (bytes.size() > MaxLineLength) {
        // Never cut into pieces: a piece of a longer line could match an expected reply.
        bytes.truncate(MaxLineLength);
        if (end < 0) {
            m_pending.clear();
            m_dropLine = true;
        } else {
            m_pending.remove(0, end + 1);
        }
        record(UartLine::Direction::Received, QString::fromUtf8(bytes));
        record(UartLine::Direction::Note,
            u"line longer than %1 bytes: the rest of it is dropped"_s.arg(MaxLineLength));
        return fail(ErrorCode::OutputTooLarge,
            Tr::tr("The device sent a line longer than %1 bytes; the station kept only its first "
                   "%1 bytes and stopped the exchange.")
                .arg(MaxLineLength),
            u"line longer than %1 bytes; its first %1 bytes: %2"_s.arg(MaxLineLength)
                .arg(QString::fromUtf8(bytes)),
            Tr::tr("Check the UART's baud rate and cable and the device's test firmware, retry."));
    }
    if (end < 0)
        return std::nullopt;
    m_pending.remove(0, end + 1);
    m_receivedBytes += end + 1;
    ++m_receivedLines;
    if (m_receivedBytes > MaxReceivedBytes || m_receivedLines > MaxReceivedLines) {
        m_pending.clear();
        record(UartLine::Direction::Note,
            u"more than %1 bytes or %2 lines received: the exchange is stopped"_s
                .arg(MaxReceivedBytes)
                .arg(MaxReceivedLines));
        return fail(ErrorCode::OutputTooLarge,
            Tr::tr("The device sent more than the station keeps of a UART exchange (%1 MiB or %2 "
                   "lines); the station kept what came before and stopped the exchange.")
                .arg(MaxReceivedBytes / (1024 * 1024))
                .arg(MaxReceivedLines),
            u"received %1 bytes in %2 lines"_s.arg(m_receivedBytes).arg(m_receivedLines),
            Tr::tr("Check the UART's baud rate and cable and the device's test firmware, retry."));
    }
    const QString line = QString::fromUtf8(bytes);
    record(UartLine::Direction::Received, line);
    return line;
}

Result<QRegularExpressionMatch> UartSession::expect(const QRegularExpression &pattern,
    std::chrono::milliseconds timeout,
    const QRegularExpression &failPattern)
{
    if (!isOpen())
        return fail(portError(u"expect"_s));
    const QRegularExpression want = wholeLine(pattern);
    const bool hasFail = !failPattern.pattern().isEmpty();
    const QRegularExpression failing = hasFail ? wholeLine(failPattern) : QRegularExpression();
    static const QRegularExpression errLine(u"^ERR( .*)?$"_s);

    QStringList seen;
    QDeadlineTimer deadline(timeout);
    for (;;) {
        for (;;) {
            Result<std::optional<QString>> taken = takeLine();
            if (!taken)
                return fail(taken.error());
            if (!*taken)
                break;
            const std::optional<QString> &line = *taken;
            seen.append(*line);
            if (hasFail && failing.match(*line).hasMatch())
                return fail(ErrorCode::UartUnexpectedReply,
                    Tr::tr("The device reported a failure: %1").arg(*line),
                    u"expected %1, got \"%2\""_s.arg(pattern.pattern(), *line),
                    Tr::tr("Set the device aside for repair."));
            const QRegularExpressionMatch match = want.match(*line);
            if (match.hasMatch())
                return match;
            if (errLine.match(*line).hasMatch())
                return fail(ErrorCode::UartUnexpectedReply,
                    Tr::tr("The device refused the command: %1").arg(*line),
                    u"expected %1, got \"%2\""_s.arg(pattern.pattern(), *line),
                    Tr::tr("Check the recipe's UART script and the device's test "
                           "firmware."));
        }
        if (m_cancel.isCancelled())
            return fail(cancelled());
        if (deadline.hasExpired()) {
            record(UartLine::Direction::Note,
                u"timed out after %1 ms waiting for %2"_s.arg(timeout.count())
                    .arg(pattern.pattern()));
            return fail(ErrorCode::UartTimeout,
                Tr::tr("The device did not give the expected answer within %1 ms; it "
                       "said: %2")
                    .arg(timeout.count())
                    .arg(seenText(seen)),
                u"expected %1; lines seen: %2"_s.arg(pattern.pattern(), seen.join(u'\n')),
                Tr::tr("Reseat the device and the UART cable, retry."));
        }
        const auto slice = std::min(WaitSlice, std::chrono::milliseconds(deadline.remainingTime()));
        Error error;
        if (waitForData(slice, error) == Wait::Failed) {
            record(UartLine::Direction::Note, u"port error: %1"_s.arg(m_port->errorString()));
            close();
            return fail(error);
        }
    }
}

Result<Measurement> UartSession::measure(const QString &name,
    const QString &unit,
    std::optional<double> low,
    std::optional<double> high,
    std::chrono::milliseconds timeout)
{
    if (Result<void> sent = send(u"MEASURE "_s + name); !sent)
        return fail(sent.error());
    const QRegularExpression reply(
        QRegularExpression::escape(name) + u" (-?[0-9]+(\\.[0-9]+)?) (\\S+)"_s);
    Result<QRegularExpressionMatch> match = expect(reply, timeout);
    if (!match)
        return fail(match.error());

    Measurement measurement;
    measurement.name = name;
    measurement.value = match->captured(1).toDouble();
    measurement.unit = match->captured(3);
    measurement.low = low;
    measurement.high = high;
    const bool unitOk = unit.isEmpty() || measurement.unit == unit;
    const bool inLimits
        = (!low || measurement.value >= *low) && (!high || measurement.value <= *high);
    measurement.passed = unitOk && inLimits;
    m_measurements.append(measurement);

    if (!unitOk)
        return fail(ErrorCode::UartUnexpectedReply,
            Tr::tr("%1 was reported in %2, expected %3.").arg(name, measurement.unit, unit),
            match->captured(0),
            Tr::tr("Check the recipe's UART script and the device's test firmware."));
    if (!inLimits) {
        const QString lowText = low ? QString::number(*low) : u"-"_s;
        const QString highText = high ? QString::number(*high) : u"-"_s;
        return fail(ErrorCode::MeasurementOutOfLimits,
            Tr::tr("%1 = %2 %3 is outside the limits %4 to %5 %3.")
                .arg(name, match->captured(1), measurement.unit, lowText, highText),
            match->captured(0),
            Tr::tr("Set the device aside for repair."));
    }
    return measurement;
}

QList<UartScriptAction> UartSession::readScript(
    Problems &problems, const QJsonArray &script, const QString &path)
{
    QList<UartScriptAction> actions;
    for (qsizetype i = 0; i < script.size(); ++i) {
        if (const std::optional<UartScriptAction> action
            = readAction(problems, script.at(i), element(path, i)))
            actions.append(*action);
    }
    return actions;
}

Result<QList<UartScriptAction>> UartSession::parseScript(const QJsonArray &script)
{
    if (script.isEmpty())
        return scriptInvalid(u"script"_s, Tr::tr("must not be empty"));
    Problems problems;
    QList<UartScriptAction> actions = readScript(problems, script, QString());
    if (!problems.isEmpty()) {
        const QString first = problems.lines().constFirst();
        const qsizetype colon = first.indexOf(u": "_s);
        return scriptInvalid(first.left(colon), first.mid(colon + 2));
    }
    return actions;
}

UartScriptResult UartSession::runScript(
    const QList<UartScriptAction> &actions, const QString &expectedDeviceId)
{
    UartScriptResult result;
    const qsizetype firstLine = m_transcript.size();
    const qsizetype firstMeasurement = m_measurements.size();

    for (qsizetype index = 0; index < actions.size() && !result.error; ++index) {
        const UartScriptAction &action = actions.at(index);
        const auto failed = [&](const Error &error) {
            result.error = error;
            result.failedAction = int(index);
        };
        if (action.isMeasurement()) {
            if (Result<Measurement> m
                = measure(action.measure, action.unit, action.low, action.high, action.timeout);
                !m)
                failed(m.error());
            continue;
        }
        if (!action.send.isEmpty()) {
            if (Result<void> sent = send(action.send); !sent) {
                failed(sent.error());
                continue;
            }
        }
        if (action.expect.isEmpty())
            continue;
        const QRegularExpression failPattern
            = action.fail.isEmpty() ? QRegularExpression() : QRegularExpression(action.fail);
        Result<QRegularExpressionMatch> match
            = expect(QRegularExpression(action.expect), action.timeout, failPattern);
        if (!match) {
            failed(match.error());
            continue;
        }
        if (action.check == "device_id"_L1) {
            const QString id
                = (match->lastCapturedIndex() >= 1 ? match->captured(1) : match->captured(0))
                      .toLower();
            result.deviceId = id;
            if (expectedDeviceId.isEmpty())
                failed(Error::make(ErrorCode::InvalidArgument,
                    Tr::tr("The device ID to compare with the UART is not known."),
                    u"check device_id without a recorded device ID"_s,
                    Tr::tr("Run the details step before the UART test.")));
            else if (id.compare(expectedDeviceId, Qt::CaseInsensitive) != 0)
                failed(Error::make(ErrorCode::DeviceSwapped,
                    Tr::tr("The UART belongs to another device than the one "
                           "recorded for this fixture."),
                    u"UART ID %1, recorded %2"_s.arg(id, expectedDeviceId.toLower()),
                    Tr::tr("Check the fixture's UART cable and port "
                           "configuration.")));
        }
    }
    if (result.error)
        record(UartLine::Direction::Note, u"failed: %1"_s.arg(result.error->message));
    result.transcript = m_transcript.mid(firstLine);
    result.measurements = m_measurements.mid(firstMeasurement);
    return result;
}

UartScriptResult UartSession::runScript(const QString &portPath,
    const QList<UartScriptAction> &actions,
    const QString &expectedDeviceId,
    const CancelToken &cancel,
    qint32 baudRate)
{
    UartSession session(cancel);
    if (Result<void> opened = session.open(portPath, baudRate); !opened) {
        UartScriptResult result;
        result.error = opened.error();
        result.failedAction = actions.isEmpty() ? -1 : 0;
        result.transcript = session.transcript();
        return result;
    }
    UartScriptResult result = session.runScript(actions, expectedDeviceId);
    // Keep the "opened" note at the top of the transcript.
    result.transcript = session.transcript();
    return result;
}

QString UartSession::formatTranscript(const QList<UartLine> &lines)
{
    QStringList text;
    for (const UartLine &line : lines) {
        const QChar marker = line.direction == UartLine::Direction::Sent ? u'>'
            : line.direction == UartLine::Direction::Received            ? u'<'
                                                                         : u'!';
        text.append(u"%1 %2 %3"_s.arg(line.time.toString(Qt::ISODateWithMs), marker, line.text));
    }
    return text.join(u'\n');
}

} // namespace Station
