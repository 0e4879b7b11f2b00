#include "services/azsphere/azsphereclient.h"

#include "services/azsphere/azsphereoutput.h"
#include "services/azsphere/errorcatalog.h"
#include "services/base/tr.h"

#include <type_traits>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

const QString Device = u"--device"_s;

QStringList withJson(QStringList arguments)
{
    arguments << u"--output"_s << u"json"_s;
    return arguments;
}

} // namespace

AzsphereClient::AzsphereClient(ToolDialect dialect,
    const QString &program,
    const QProcessEnvironment &environment,
    const CancelToken &cancel,
    const ToolLineHandler &onLine,
    const AzsphereTimeouts &timeouts)
    : m_dialect(dialect)
    , m_program(program)
    , m_environment(toolDialectEnvironment(dialect, environment))
    , m_cancel(cancel)
    , m_onLine(onLine)
    , m_timeouts(timeouts)
    , m_runner([](const ToolCall &call, const CancelToken &token, const ToolLineHandler &handler) {
        return ToolRunner::run(call, token, handler);
    })
{ }

QStringList AzsphereClient::dialectArguments(const QStringList &azsphereArguments) const
{
    if (m_dialect == ToolDialect::Azsphere)
        return azsphereArguments;
    QStringList arguments {u"sphere"_s};
    for (const QString &argument : azsphereArguments) {
        if (argument == "--full"_L1)
            arguments << u"--all"_s; // image list-installed: renamed at GA (2024-03)
        else if (argument == "show-version"_L1 && arguments.size() == 1)
            arguments << u"show-sdk-version"_s;
        else
            arguments << argument;
    }
    return arguments;
}

ToolResult AzsphereClient::run(const QStringList &azsphereArguments,
    std::chrono::milliseconds timeout,
    std::chrono::milliseconds noOutputTimeout,
    const ToolLineHandler &onLine,
    ArgumentForm form)
{
    ToolCall call;
    call.program = m_program;
    call.arguments
        = form == ArgumentForm::AsGiven ? azsphereArguments : dialectArguments(azsphereArguments);
    call.environment = m_environment;
    call.timeout = timeout;
    call.noOutputTimeout = noOutputTimeout;
    return m_runner(call, m_cancel, onLine ? onLine : m_onLine);
}

template <typename T, typename Parse>
ToolReply<T> AzsphereClient::dataCall(const QStringList &arguments, Parse parse, ArgumentForm form)
{
    ToolReply<T> reply;
    reply.tool = run(withJson(arguments), m_timeouts.command, {}, {}, form);
    // A reply cut at the capture limit is OutputTooLarge, however valid its kept head.
    if (!ErrorCatalog::isParseable(reply.tool)) {
        reply.value = fail(ErrorCatalog::classify(reply.tool));
        return reply;
    }
    // Exit 0 with JSON that does not parse or lacks a key is OutputUnparsable: never a pass.
    reply.value = parse(reply.tool.stdOut);
    return reply;
}

template <typename T, typename Parse>
ToolReply<T> AzsphereClient::actionCall(
    const QStringList &arguments, std::chrono::milliseconds timeout, Parse parse)
{
    ToolReply<T> reply;
    const bool az = m_dialect == ToolDialect::Az;
    // az is always asked for JSON: a technician's `az config` may have made tables the default.
    reply.tool = run(az ? withJson(arguments) : arguments, timeout);
    // A success line in the kept head proves nothing when the rest of the reply is missing.
    if (!ErrorCatalog::isParseable(reply.tool)) {
        reply.value = fail(ErrorCatalog::classify(reply.tool));
        return reply;
    }
    if (az && AzsphereOutput::isQuietJsonReply(reply.tool.stdOut)) {
        // No public source shows what az sphere's action commands print. Asked for JSON, az
        // prints the result (none, or one JSON document) on stdout: exit 0 is the success.
        // The legacy status lines, where az prints them as WARNING lines, give the details;
        // text on stdout is read below as azsphere's status lines (docs/tools.md).
        m_readingStatusText = true;
        reply.value = parse(AzsphereOutput::statusText(reply.tool.stdOut, reply.tool.stdErr));
        m_readingStatusText = false;
        if (!reply.value) {
            if constexpr (std::is_void_v<T>)
                reply.value = {};
            else
                reply.value = T {};
        }
        return reply;
    }
    reply.value = parse(reply.tool.stdOut);
    if (!reply.value) {
        // Exit 0 without the success line: a known message wins, else OutputUnparsable.
        const QString text
            = ErrorCatalog::classifiableText(reply.tool.stdOutText(), reply.tool.stdErrText());
        if (std::optional<Error> known = ErrorCatalog::match(text)) {
            known->detail = ErrorCatalog::rawText(reply.tool);
            reply.value = fail(*known);
        }
    }
    return reply;
}

template <typename T>
ToolReply<T> AzsphereClient::refused(const QStringList &arguments, const Error &error) const
{
    ToolReply<T> reply;
    reply.tool.outcome = ToolOutcome::StartFailed;
    reply.tool.program = m_program;
    reply.tool.arguments = dialectArguments(arguments);
    reply.tool.commandLine = ToolRunner::commandLine(m_program, reply.tool.arguments);
    reply.tool.started = QDateTime::currentDateTimeUtc();
    reply.tool.finished = reply.tool.started;
    reply.tool.errorString = u"not started: "_s + error.detail;
    reply.value = fail(error);
    return reply;
}

Error AzsphereClient::missingDevice()
{
    // Without --device the CLI picks a lone device, which may be the wrong fixture's.
    return Error::make(ErrorCode::InvalidArgument,
        Tr::tr("The station did not say which device to use (configuration "
               "fault)."),
        u"no device given for --device"_s,
        Tr::tr("Stop the line; call engineering."));
}

ToolReply<QList<AttachedDevice>> AzsphereClient::listAttached()
{
    return dataCall<QList<AttachedDevice>>(
        {u"device"_s, u"list-attached"_s}, &AzsphereOutput::parseListAttached);
}

ToolReply<AttachedDevice> AzsphereClient::showAttached(const QString &device)
{
    const QStringList arguments {u"device"_s, u"show-attached"_s, Device, device};
    if (device.isEmpty())
        return refused<AttachedDevice>(arguments, missingDevice());
    return dataCall<AttachedDevice>(arguments, &AzsphereOutput::parseShowAttached);
}

ToolReply<int> AzsphereClient::rescanAttached()
{
    return dataCall<int>({u"device"_s, u"rescan-attached"_s}, &AzsphereOutput::parseRescanAttached);
}

ToolReply<RecoverReport> AzsphereClient::recover(const QString &device,
    const QString &imagesFolder,
    const QString &capabilityFile,
    const RecoverProgressHandler &onProgress)
{
    QStringList arguments {u"device"_s, u"recover"_s};
    if (!imagesFolder.isEmpty())
        arguments << u"--images"_s << imagesFolder;
    if (!capabilityFile.isEmpty())
        arguments << u"--capability"_s << capabilityFile;
    arguments << Device << device;
    if (device.isEmpty())
        return refused<RecoverReport>(arguments, missingDevice());

    const bool az = m_dialect == ToolDialect::Az;
    const ToolLineHandler onLine
        = [this, az, &onProgress](OutputChannel channel, const QString &line) {
              if (m_onLine)
                  m_onLine(channel, line);
              if (!onProgress)
                  return;
              // az: progress may come as WARNING lines on stderr.
              const QString status = channel == OutputChannel::StdOut ? line
                  : az ? AzsphereOutput::untaggedStatusLine(line)
                       : QString();
              if (status.isEmpty())
                  return;
              if (const std::optional<RecoverProgress> progress
                  = AzsphereOutput::parseRecoverProgressLine(status))
                  onProgress(*progress);
          };
    ToolReply<RecoverReport> reply;
    reply.tool = run(az ? withJson(arguments) : arguments,
        m_timeouts.recover,
        m_timeouts.recoverNoOutput,
        onLine);
    if (!ErrorCatalog::isParseable(reply.tool)) {
        reply.value = fail(ErrorCatalog::classify(reply.tool));
        return reply;
    }
    if (az && AzsphereOutput::isQuietJsonReply(reply.tool.stdOut)) {
        // Exit 0 is the success (see actionCall); the lines, where printed, give the details.
        reply.value = AzsphereOutput::parseRecover(
            AzsphereOutput::statusText(reply.tool.stdOut, reply.tool.stdErr));
        if (!reply.value)
            reply.value = RecoverReport {};
        return reply;
    }
    reply.value = AzsphereOutput::parseRecover(reply.tool.stdOut);
    if (!reply.value)
        reply.value = fail(
            ErrorCatalog::missingSuccessLine(reply.tool, u"Device recovered successfully."_s));
    return reply;
}

ToolReply<DeployReport> AzsphereClient::sideloadDeploy(
    const QString &device, const QString &packagePath, bool manualStart)
{
    QStringList arguments {
        u"device"_s, u"sideload"_s, u"deploy"_s, u"--image-package"_s, packagePath};
    if (manualStart)
        arguments << u"--manual-start"_s;
    arguments << Device << device;
    if (device.isEmpty())
        return refused<DeployReport>(arguments, missingDevice());

    ToolReply<DeployReport> reply
        = actionCall<DeployReport>(arguments, m_timeouts.deploy, [&](const QByteArray &out) {
              return AzsphereOutput::parseSideloadDeploy(out, packagePath);
          });
    if (!reply.value && reply.value.error().code == ErrorCode::ImageNotTrusted) {
        if (const Result<ImagePackageInfo> package = ImagePackage::read(packagePath))
            reply.value = fail(
                ErrorCatalog::refineImageNotTrusted(reply.value.error(), package->thumbprint));
    }
    return reply;
}

ToolReply<QList<DeletedComponent>> AzsphereClient::sideloadDelete(
    const QString &device, const QString &componentId)
{
    const QStringList arguments {
        u"device"_s, u"sideload"_s, u"delete"_s, u"--component-id"_s, componentId, Device, device};
    if (device.isEmpty())
        return refused<QList<DeletedComponent>>(arguments, missingDevice());
    if (componentId.isEmpty())
        return refused<QList<DeletedComponent>>(arguments,
            Error::make(ErrorCode::InvalidArgument,
                Tr::tr("No component ID was given for the delete."),
                u"empty --component-id"_s,
                Tr::tr("Fix the recipe.")));
    return actionCall<QList<DeletedComponent>>(
        arguments, m_timeouts.deleteImages, [&](const QByteArray &out) {
            return AzsphereOutput::parseSideloadDelete(out, componentId, !m_readingStatusText);
        });
}

ToolReply<QList<DeletedComponent>> AzsphereClient::sideloadDeleteAllExcept(
    const QString &device, const QStringList &keepComponentIds)
{
    QStringList arguments {u"device"_s, u"sideload"_s, u"delete"_s};
    if (!keepComponentIds.isEmpty())
        arguments << u"--except-component-ids"_s << keepComponentIds;
    arguments << Device << device;
    if (device.isEmpty())
        return refused<QList<DeletedComponent>>(arguments, missingDevice());
    return actionCall<QList<DeletedComponent>>(
        arguments, m_timeouts.deleteImages, [this](const QByteArray &out) {
            return AzsphereOutput::parseSideloadDelete(out, {}, !m_readingStatusText);
        });
}

ToolReply<QList<InstalledComponent>> AzsphereClient::imageListInstalled(
    const QString &device, bool full)
{
    QStringList arguments {u"device"_s, u"image"_s, u"list-installed"_s};
    if (full)
        arguments << u"--full"_s;
    arguments << Device << device;
    if (device.isEmpty())
        return refused<QList<InstalledComponent>>(arguments, missingDevice());
    return dataCall<QList<InstalledComponent>>(arguments, &AzsphereOutput::parseImageListInstalled);
}

ToolReply<ManufacturingState> AzsphereClient::manufacturingStateShow(const QString &device)
{
    const QStringList arguments {u"device"_s, u"manufacturing-state"_s, u"show"_s, Device, device};
    if (device.isEmpty())
        return refused<ManufacturingState>(arguments, missingDevice());
    return dataCall<ManufacturingState>(arguments, &AzsphereOutput::parseManufacturingState);
}

ToolReply<> AzsphereClient::manufacturingStateUpdate(
    const QString &device, ManufacturingState state)
{
    const QStringList arguments {u"device"_s,
        u"manufacturing-state"_s,
        u"update"_s,
        u"--state"_s,
        manufacturingStateName(state),
        Device,
        device};
    if (device.isEmpty())
        return refused<void>(arguments, missingDevice());
    if (state != ManufacturingState::Module1Complete && state != ManufacturingState::DeviceComplete)
        return refused<void>(arguments,
            Error::make(ErrorCode::InvalidArgument,
                Tr::tr("The manufacturing state %1 cannot be set.")
                    .arg(manufacturingStateName(state)),
                u"only Module1Complete and DeviceComplete can be set"_s,
                Tr::tr("Fix the recipe.")));
    // Success prints nothing; the caller confirms the change with manufacturingStateShow().
    return actionCall<void>(
        arguments, m_timeouts.command, [](const QByteArray &) { return Result<void> {}; });
}

ToolReply<QStringList> AzsphereClient::capabilityShowAttached(const QString &device)
{
    const QStringList arguments {u"device"_s, u"capability"_s, u"show-attached"_s, Device, device};
    if (device.isEmpty())
        return refused<QStringList>(arguments, missingDevice());
    return dataCall<QStringList>(arguments, &AzsphereOutput::parseCapabilities);
}

ToolReply<WifiNetwork> AzsphereClient::wifiAdd(const QString &device,
    const QString &ssid,
    const QString &psk,
    const QString &configName,
    bool targetedScan)
{
    QStringList arguments {u"device"_s, u"wifi"_s, u"add"_s, u"--ssid"_s, ssid};
    if (!psk.isEmpty())
        arguments << u"--psk"_s << psk;
    if (!configName.isEmpty())
        arguments << u"--config-name"_s << configName;
    if (targetedScan)
        arguments << u"--targeted-scan"_s;
    arguments << Device << device;

    // The record and the log keep the command line; the key must not be in it.
    const auto masked = [&psk](QStringList list) {
        if (!psk.isEmpty()) {
            const qsizetype at = list.indexOf(u"--psk"_s);
            if (at >= 0 && at + 1 < list.size())
                list[at + 1] = u"********"_s;
        }
        return list;
    };
    if (device.isEmpty())
        return refused<WifiNetwork>(masked(arguments), missingDevice());
    ToolReply<WifiNetwork> reply
        = dataCall<WifiNetwork>(arguments, &AzsphereOutput::parseWifiNetwork);
    reply.tool.arguments = masked(reply.tool.arguments);
    reply.tool.commandLine = ToolRunner::commandLine(reply.tool.program, reply.tool.arguments);
    return reply;
}

ToolReply<QList<WifiNetwork>> AzsphereClient::wifiList(const QString &device)
{
    const QStringList arguments {u"device"_s, u"wifi"_s, u"list"_s, Device, device};
    if (device.isEmpty())
        return refused<QList<WifiNetwork>>(arguments, missingDevice());
    return dataCall<QList<WifiNetwork>>(arguments, &AzsphereOutput::parseWifiList);
}

ToolReply<WifiStatus> AzsphereClient::wifiShowStatus(const QString &device)
{
    const QStringList arguments {u"device"_s, u"wifi"_s, u"show-status"_s, Device, device};
    if (device.isEmpty())
        return refused<WifiStatus>(arguments, missingDevice());
    return dataCall<WifiStatus>(arguments, &AzsphereOutput::parseWifiStatus);
}

ToolReply<> AzsphereClient::wifiForget(const QString &device, int networkId)
{
    const QStringList arguments {
        u"device"_s, u"wifi"_s, u"forget"_s, u"--id"_s, QString::number(networkId), Device, device};
    if (device.isEmpty())
        return refused<void>(arguments, missingDevice());
    return actionCall<void>(arguments, m_timeouts.command, &AzsphereOutput::parseWifiForget);
}

ToolReply<QString> AzsphereClient::showOsVersion(const QString &device)
{
    const QStringList arguments {u"device"_s, u"show-os-version"_s, Device, device};
    if (device.isEmpty())
        return refused<QString>(arguments, missingDevice());
    return dataCall<QString>(arguments, &AzsphereOutput::parseOsVersion);
}

ToolReply<> AzsphereClient::restart(const QString &device)
{
    const QStringList arguments {u"device"_s, u"restart"_s, Device, device};
    if (device.isEmpty())
        return refused<void>(arguments, missingDevice());
    return actionCall<void>(arguments, m_timeouts.restart, &AzsphereOutput::parseRestart);
}

// A tool that does not know the version command is another tool than the one configured
// (az named as azsphere, or the other way round): said so, not "called wrongly".
template <typename T> void AzsphereClient::explainWrongTool(ToolReply<T> &reply) const
{
    if (reply.isSuccess() || reply.error().code != ErrorCode::ToolUsage)
        return;
    Error error = reply.error();
    error.message
        = Tr::tr("%1 is not the %2 tool: it does not know the command %3.")
              .arg(m_program, toolDialectCommand(m_dialect), reply.tool.arguments.join(u' '));
    error.remedy = Tr::tr("Check which tool the station configuration names (Settings, Tools: "
                          "the tool and its path).");
    reply.value = fail(error);
}

ToolReply<QString> AzsphereClient::showVersion()
{
    if (m_dialect == ToolDialect::Azsphere) {
        ToolReply<QString> reply
            = dataCall<QString>({u"show-version"_s}, &AzsphereOutput::parseSdkVersion);
        explainWrongTool(reply);
        return reply;
    }
    const ToolReply<AzsphereOutput::AzVersions> versions = azVersion();
    if (!versions.isSuccess()) {
        ToolReply<QString> reply;
        reply.tool = versions.tool;
        reply.value = fail(versions.error());
        explainWrongTool(reply);
        return reply;
    }
    ToolReply<QString> reply
        = dataCall<QString>({u"show-version"_s}, &AzsphereOutput::parseSdkVersion);
    if (reply.value) {
        reply.value = u"azure-cli %1, azure-sphere %2, SDK %3"_s.arg(
            versions.value->cli, versions.value->extension, *reply.value);
    }
    return reply;
}

ToolReply<AzsphereOutput::AzVersions> AzsphereClient::azVersion()
{
    // `az version` is not an az sphere command: no "sphere" in front.
    return dataCall<AzsphereOutput::AzVersions>(
        {u"version"_s}, &AzsphereOutput::parseAzVersion, ArgumentForm::AsGiven);
}

ToolReply<ImagePackageInfo> AzsphereClient::imagePackageShow(const QString &packagePath)
{
    return dataCall<ImagePackageInfo>(
        {u"image-package"_s, u"show"_s, u"--image-package"_s, packagePath},
        &AzsphereOutput::parseImagePackageShow);
}

} // namespace Station
