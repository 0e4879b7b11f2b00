#include "services/steps/uartteststep.h"

#include "services/base/tr.h"
#include "services/hardware/uartsession.h"
#include "services/steps/stephelpers.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace Station {

std::shared_ptr<const StepParams> UartTestParams::read(StepParamsInput &input)
{
    using JsonReader::Empty;
    using JsonReader::Need;
    const JsonReader::ObjectReader &p = input.params;
    auto params = std::make_shared<UartTestParams>();
    params->port = p.string(u"port"_s, Need::Optional, Empty::Allowed).value_or(QString());
    if (!params->port.isEmpty() && !QDir::isAbsolutePath(params->port))
        p.report(
            u"port"_s, Tr::tr("must be an absolute device path, or empty for the fixture's port"));
    if (p.has(u"baud"_s)) {
        const QJsonValue v = p.value(u"baud"_s);
        const double d = v.toDouble();
        const QList<qint32> known = UartSession::standardBaudRates();
        if (!v.isDouble() || !known.contains(int(d)) || double(int(d)) != d) {
            QStringList rates;
            for (int rate : known)
                rates.append(QString::number(rate));
            p.report(u"baud"_s, Tr::tr("must be one of: %1").arg(rates.join(u", "_s)));
        } else {
            params->baud = int(d);
        }
    }
    if (const std::optional<QJsonArray> script = p.array(u"script"_s, Need::Required, 1))
        params->script = UartSession::readScript(p.problems(), *script, p.pathOf(u"script"_s));
    return params;
}

StepResult UartTestStep::run(StepContext &context)
{
    const UartTestParams &params = context.params<UartTestParams>();
    QString port = params.port;
    if (port.isEmpty())
        port = context.fixture().uartPort;
    if (port.isEmpty()) {
        return context.fail(ErrorCode::UartError,
            Tr::tr("No UART port is configured for fixture %1.").arg(context.fixture().number),
            {},
            Tr::tr("Set the fixture's UART port in the station configuration."));
    }
    context.setData(u"port"_s, port);
    // The loader checks the rate; UartSession checks it again.
    const int baud = params.baud;
    context.setData(u"baud"_s, baud);

    // Read and checked by the loader (UartSession::readScript).
    const QList<UartScriptAction> &actions = params.script;

    // The UART is the fixture's: its answers belong to the recorded device only if that device
    // is in the fixture before and after the script. The script also compares the device's own
    // answer to `ID` with the recorded device: a UART wired to another fixture's device fails.
    if (Result<> same = StepHelpers::confirmIdentity(context, Tr::tr("before the UART tests"));
        !same)
        return context.fail(same.error());
    const QDateTime started = QDateTime::currentDateTimeUtc();
    const UartScriptResult result
        = UartSession::runScript(port, actions, context.facts().deviceId, context.cancel(), baud);

    CommandRecord transcript;
    transcript.commandLine
        = u"uart %1 %2 8N1 script (%3 actions)"_s.arg(port).arg(baud).arg(actions.size());
    transcript.stdOut = UartSession::formatTranscript(result.transcript);
    transcript.outcome = result.isSuccess() ? ToolOutcome::Succeeded : ToolOutcome::ExitCode;
    transcript.exitCode = result.isSuccess() ? 0 : 1;
    transcript.started = started;
    transcript.finished = QDateTime::currentDateTimeUtc();
    context.addCommand(transcript);
    for (const UartLine &line : result.transcript) {
        const QChar mark = line.direction == UartLine::Direction::Sent ? u'>'
            : line.direction == UartLine::Direction::Received          ? u'<'
                                                                       : u'!';
        context.outputLine(QString(mark) + u' ' + line.text);
    }
    for (const Measurement &measurement : result.measurements)
        context.addMeasurement(measurement);
    if (!result.deviceId.isEmpty())
        context.setData(u"uartDeviceId"_s, result.deviceId);

    if (!result.isSuccess()) {
        context.setData(u"failedAction"_s, result.failedAction + 1);
        return context.fail(*result.error);
    }
    if (Result<> same = StepHelpers::confirmIdentity(context, Tr::tr("after the UART tests"));
        !same)
        return context.fail(same.error());
    return context.pass();
}

} // namespace Station
