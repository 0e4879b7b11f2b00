#include "services/steps/uartteststep.h"

#include "services/base/tr.h"
#include "services/hardware/uartsession.h"
#include "services/steps/stephelpers.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Station {

StepResult UartTestStep::run(StepContext &context)
{
    const QJsonObject &params = context.params();
    QString port = params.value(u"port"_s).toString();
    if (port.isEmpty())
        port = context.fixture().uartPort;
    if (port.isEmpty()) {
        return context.fail(ErrorCode::UartError,
            Tr::tr("No UART port is configured for fixture %1.").arg(context.fixture().number),
            {},
            Tr::tr("Set the fixture's UART port in the station configuration."));
    }
    context.setData(u"port"_s, port);
    // The loader fills in the default and checks the rate; UartSession checks it again.
    const int baud = params.value(u"baud"_s).toInt(UartSession::DefaultBaudRate);
    context.setData(u"baud"_s, baud);

    Result<QList<UartScriptAction>> actions
        = UartSession::parseScript(params.value(u"script"_s).toArray());
    if (!actions)
        return context.fail(actions.error());

    // The UART is the fixture's: its answers belong to the recorded device only if that device
    // is in the fixture before and after the script. The script also compares the device's own
    // answer to `ID` with the recorded device: a UART wired to another fixture's device fails.
    if (Result<> same = StepHelpers::confirmIdentity(context, Tr::tr("before the UART tests"));
        !same)
        return context.fail(same.error());
    const QDateTime started = QDateTime::currentDateTimeUtc();
    const UartScriptResult result
        = UartSession::runScript(port, *actions, context.facts().deviceId, context.cancel(), baud);

    CommandRecord transcript;
    transcript.commandLine
        = u"uart %1 %2 8N1 script (%3 actions)"_s.arg(port).arg(baud).arg(actions->size());
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
