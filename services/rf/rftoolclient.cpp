#include "services/rf/rftoolclient.h"

#include "services/azsphere/errorcatalog.h"
#include "services/base/tr.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

const QString Device = u"--device"_s;

Error missingDevice()
{
    return Error::make(ErrorCode::InvalidArgument,
        Tr::tr("The station did not say which device to use (configuration "
               "fault)."),
        u"no device given for --device"_s,
        Tr::tr("Stop the line; call engineering."));
}

} // namespace

RfToolClient::RfToolClient(const QString &settingsToolProgram,
    const QString &cliProgram,
    const QProcessEnvironment &environment,
    const CancelToken &cancel,
    const ToolLineHandler &onLine,
    const RfToolTimeouts &timeouts)
    : m_settingsTool(settingsToolProgram)
    , m_cli(cliProgram)
    , m_environment(environment)
    , m_cancel(cancel)
    , m_onLine(onLine)
    , m_timeouts(timeouts)
    , m_runner([](const ToolCall &call, const CancelToken &token, const ToolLineHandler &handler) {
        return ToolRunner::run(call, token, handler);
    })
{ }

ToolResult RfToolClient::run(const QString &program,
    const QStringList &arguments,
    std::chrono::milliseconds timeout,
    const QByteArray &input)
{
    ToolCall call;
    call.program = program;
    call.arguments = arguments;
    call.environment = m_environment;
    call.timeout = timeout;
    call.input = input;
    return m_runner(call, m_cancel, m_onLine);
}

template <typename T>
ToolReply<T> RfToolClient::refused(
    const QString &program, const QStringList &arguments, const Error &error) const
{
    ToolReply<T> reply;
    reply.tool.outcome = ToolOutcome::StartFailed;
    reply.tool.program = program;
    reply.tool.arguments = arguments;
    reply.tool.commandLine = ToolRunner::commandLine(program, arguments);
    reply.tool.started = QDateTime::currentDateTimeUtc();
    reply.tool.finished = reply.tool.started;
    reply.tool.errorString = u"not started: "_s + error.detail;
    reply.value = fail(error);
    return reply;
}

ToolReply<RfSettings> RfToolClient::show(const QString &device)
{
    const QStringList arguments {u"show"_s, Device, device};
    if (device.isEmpty())
        return refused<RfSettings>(m_settingsTool, arguments, missingDevice());
    ToolReply<RfSettings> reply;
    reply.tool = run(m_settingsTool, arguments, m_timeouts.settingsTool);
    if (!ErrorCatalog::isParseable(reply.tool))
        reply.value = fail(RfToolOutput::classify(reply.tool));
    else
        reply.value = RfToolOutput::parseShow(reply.tool.stdOut);
    return reply;
}

ToolReply<QByteArray> RfToolClient::showHexdump(const QString &device)
{
    const QStringList arguments {u"show"_s, u"-hexdump"_s, Device, device};
    if (device.isEmpty())
        return refused<QByteArray>(m_settingsTool, arguments, missingDevice());
    ToolReply<QByteArray> reply;
    reply.tool = run(m_settingsTool, arguments, m_timeouts.settingsTool);
    if (!ErrorCatalog::isParseable(reply.tool))
        reply.value = fail(RfToolOutput::classify(reply.tool));
    else
        reply.value = RfToolOutput::parseHexdump(reply.tool.stdOut);
    return reply;
}

ToolReply<RfCheckReport> RfToolClient::check(const QString &device, const QString &expectedFile)
{
    const QStringList arguments {u"check"_s, u"--expected"_s, expectedFile, Device, device};
    if (device.isEmpty())
        return refused<RfCheckReport>(m_settingsTool, arguments, missingDevice());
    ToolReply<RfCheckReport> reply;
    reply.tool = run(m_settingsTool, arguments, m_timeouts.settingsTool);
    const bool exited = reply.tool.outcome == ToolOutcome::Succeeded
        || reply.tool.outcome == ToolOutcome::ExitCode;
    if (exited && reply.tool.isTruncated()) {
        // The comparison's end (and any ERROR line in it) may be past the capture limit.
        reply.value = fail(ErrorCatalog::outputTooLarge(reply.tool));
        return reply;
    }
    const Result<RfCheckReport> report = RfToolOutput::parseCheck(reply.tool.stdOut);
    if (!exited || !report) {
        // No comparison happened: a tool or device error (or unreadable output on exit 0).
        reply.value
            = fail(reply.tool.isSuccess() ? report.error() : RfToolOutput::classify(reply.tool));
        return reply;
    }
    if (report->passed && reply.tool.isSuccess()) {
        reply.value = *report;
        return reply;
    }
    const QString first
        = report->errorLines.isEmpty() ? report->summary : report->errorLines.first();
    reply.value = fail(ErrorCode::RfCheckFailed,
        Tr::tr("The device's RF settings differ from the product's: %1").arg(first),
        report->lines.join(u'\n') + u"\n\n"_s + report->summary,
        Tr::tr("Set the device aside; call engineering."));
    return reply;
}

ToolReply<QList<RfCliExchange>> RfToolClient::runCli(
    const QString &device, const QStringList &commands)
{
    const QStringList arguments {Device, device};
    if (device.isEmpty())
        return refused<QList<RfCliExchange>>(m_cli, arguments, missingDevice());
    QByteArray input;
    for (const QString &command : commands)
        input += command.toUtf8() + '\n';

    ToolReply<QList<RfCliExchange>> reply;
    reply.tool = run(m_cli, arguments, m_timeouts.cli, input);
    const bool exited = reply.tool.outcome == ToolOutcome::Succeeded
        || reply.tool.outcome == ToolOutcome::ExitCode;
    if (!exited || reply.tool.isTruncated()) {
        // A reply cut at the capture limit is OutputTooLarge: the replies past it are missing.
        reply.value = fail(ErrorCatalog::classify(reply.tool));
        return reply;
    }
    // Replies first: an ERROR reply is the most precise cause, whatever the exit code.
    reply.value = RfToolOutput::parseCliReplies(commands, reply.tool.stdOut);
    if (reply.value && !reply.tool.isSuccess())
        reply.value = fail(RfToolOutput::classify(reply.tool));
    else if (!reply.value && reply.value.error().code == ErrorCode::OutputUnparsable
        && !reply.tool.isSuccess())
        reply.value = fail(RfToolOutput::classify(reply.tool));
    return reply;
}

ToolReply<QList<RfCliExchange>> RfToolClient::writeRegionCode(
    const QString &device, const QString &regionCode)
{
    const QStringList commands = RfToolOutput::regionCommands(regionCode);
    if (commands.isEmpty())
        return refused<QList<RfCliExchange>>(m_cli,
            {Device, device},
            Error::make(ErrorCode::InvalidArgument,
                Tr::tr("The region code \"%1\" is not two letters.").arg(regionCode),
                u"bad region code"_s,
                Tr::tr("Fix the recipe.")));
    return runCli(device, commands);
}

ToolReply<QList<RfCliExchange>> RfToolClient::writeMacAddress(
    const QString &device, const QString &macAddress)
{
    const QStringList commands = RfToolOutput::macAddressCommands(macAddress);
    if (commands.isEmpty())
        return refused<QList<RfCliExchange>>(m_cli,
            {Device, device},
            Error::make(ErrorCode::InvalidArgument,
                Tr::tr("The MAC address \"%1\" is not valid.").arg(macAddress),
                u"bad MAC address"_s,
                Tr::tr("Check the label.")));
    return runCli(device, commands);
}

} // namespace Station
