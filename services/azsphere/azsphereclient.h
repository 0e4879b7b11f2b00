#pragma once

#include "services/azsphere/azsphereoutput.h"
#include "services/azsphere/devicedata.h"
#include "services/azsphere/imagepackage.h"
#include "services/azsphere/tooldialect.h"
#include "services/base/canceltoken.h"
#include "services/process/toolreply.h"
#include "services/process/toolrunner.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace Station {

// Deadlines per kind of azsphere call.
struct AzsphereTimeouts
{
    std::chrono::milliseconds command = std::chrono::seconds(60);
    // Deploy takes seconds per 256 KiB plus a restart for the keystore package.
    std::chrono::milliseconds deploy = std::chrono::minutes(5);
    // Two seconds per component; delete-all may remove several.
    std::chrono::milliseconds deleteImages = std::chrono::minutes(2);
    // The tool itself gives up after 60 s without an answer.
    std::chrono::milliseconds restart = std::chrono::minutes(2);
    // Microsoft's recovery script allows 15 minutes; the tool says "up to 10 minutes".
    std::chrono::milliseconds recover = std::chrono::minutes(15);
    // Recovery prints a line at least per image; a long silence means it hangs.
    std::chrono::milliseconds recoverNoOutput = std::chrono::minutes(5);
};

// A typed call for every factory command, in either of Microsoft's tools (ToolDialect): the
// azsphere CLI v2, or `az sphere` (the Azure CLI extension azure-sphere). The methods take the
// same arguments in both; the client writes each dialect's command line (`az sphere ...`,
// `--all` for `--full`, `show-sdk-version`), so that every step runs unchanged on either.
// Device commands always pass `--device` (a connection path or IP address; an empty one is
// refused before anything runs), data commands pass `--output json` (az: every command does),
// action commands check their status lines (az: its exit code, reading status lines from
// stdout and from stderr's WARNING lines where it prints them). Each call blocks the calling
// fixture worker thread; the CancelToken ends a running call. Not thread-safe: one client per
// worker.
class AzsphereClient
{
public:
    using Runner = std::function<ToolResult(
        const ToolCall &call, const CancelToken &cancel, const ToolLineHandler &onLine)>;
    using RecoverProgressHandler = std::function<void(const RecoverProgress &progress)>;

    AzsphereClient(ToolDialect dialect,
        const QString &program,
        const QProcessEnvironment &environment,
        const CancelToken &cancel = {},
        const ToolLineHandler &onLine = {},
        const AzsphereTimeouts &timeouts = {});

    // Replaces ToolRunner::run (tests feed recorded outputs through it).
    void setRunner(const Runner &runner) { m_runner = runner; }
    const QString &program() const { return m_program; }
    ToolDialect dialect() const { return m_dialect; }
    // The command line of a call in this client's dialect, from the azsphere form without
    // the program name: {"device", "image", "list-installed", "--full"} becomes
    // {"sphere", "device", "image", "list-installed", "--all"} for az.
    QStringList dialectArguments(const QStringList &azsphereArguments) const;
    const AzsphereTimeouts &timeouts() const { return m_timeouts; }

    ToolReply<QList<AttachedDevice>> listAttached();
    ToolReply<AttachedDevice> showAttached(const QString &device);
    ToolReply<int> rescanAttached();

    // `imagesFolder` empty: the tool downloads the newest OS. `onProgress` is called on this
    // thread for each `Sending`/`Sent k of n images` line.
    ToolReply<RecoverReport> recover(const QString &device,
        const QString &imagesFolder,
        const QString &capabilityFile = {},
        const RecoverProgressHandler &onProgress = {});
    // On "Image not trusted" the package's thumbprint refines the cause (development build vs.
    // keystore older than the signing key).
    ToolReply<DeployReport> sideloadDeploy(
        const QString &device, const QString &packagePath, bool manualStart = false);
    ToolReply<QList<DeletedComponent>> sideloadDelete(
        const QString &device, const QString &componentId);
    // Removes every application except `keepComponentIds`.
    ToolReply<QList<DeletedComponent>> sideloadDeleteAllExcept(
        const QString &device, const QStringList &keepComponentIds);
    ToolReply<QList<InstalledComponent>> imageListInstalled(const QString &device, bool full);
    ToolReply<ManufacturingState> manufacturingStateShow(const QString &device);
    // Permanent. Only Module1Complete and DeviceComplete can be set; confirm with show.
    ToolReply<> manufacturingStateUpdate(const QString &device, ManufacturingState state);
    // Capability names (map them with capabilityNumber()).
    ToolReply<QStringList> capabilityShowAttached(const QString &device);
    // `psk` empty: an open network. The PSK is masked in the returned command line.
    ToolReply<WifiNetwork> wifiAdd(const QString &device,
        const QString &ssid,
        const QString &psk = {},
        const QString &configName = {},
        bool targetedScan = false);
    ToolReply<QList<WifiNetwork>> wifiList(const QString &device);
    ToolReply<WifiStatus> wifiShowStatus(const QString &device);
    ToolReply<> wifiForget(const QString &device, int networkId);
    ToolReply<QString> showOsVersion(const QString &device);
    ToolReply<> restart(const QString &device);
    // azsphere: `show-version` ("25.10.0.1"). az: `az version` and `az sphere
    // show-sdk-version` ("azure-cli 2.75.0, azure-sphere 1.0.4, SDK 25.10.0.1"); an az
    // without the extension is ToolExtensionMissing.
    ToolReply<QString> showVersion();
    // az only: `az version --output json`.
    ToolReply<AzsphereOutput::AzVersions> azVersion();
    ToolReply<ImagePackageInfo> imagePackageShow(const QString &packagePath);

private:
    // How a call's arguments are written: in the azsphere form, which dialectArguments() turns
    // into this client's dialect, or as given (az's own `az version`, not an az sphere command).
    enum class ArgumentForm { Azsphere, AsGiven };
    ToolResult run(const QStringList &arguments,
        std::chrono::milliseconds timeout,
        std::chrono::milliseconds noOutputTimeout = std::chrono::milliseconds(0),
        const ToolLineHandler &onLine = {},
        ArgumentForm form = ArgumentForm::Azsphere);
    template <typename T, typename Parse>
    ToolReply<T> dataCall(
        const QStringList &arguments, Parse parse, ArgumentForm form = ArgumentForm::Azsphere);
    template <typename T, typename Parse>
    ToolReply<T> actionCall(
        const QStringList &arguments, std::chrono::milliseconds timeout, Parse parse);
    // A call the client will not make (e.g. no device): recorded as a tool that never started.
    template <typename T>
    ToolReply<T> refused(const QStringList &arguments, const Error &error) const;
    static Error missingDevice();
    template <typename T> void explainWrongTool(ToolReply<T> &reply) const;

    ToolDialect m_dialect = ToolDialect::Azsphere;
    QString m_program;
    QProcessEnvironment m_environment;
    CancelToken m_cancel;
    ToolLineHandler m_onLine;
    AzsphereTimeouts m_timeouts;
    Runner m_runner;
    // True while an az action's status text (stdout and stderr's WARNING lines) is parsed:
    // lines other than status lines (notices) are skipped then, not refused.
    bool m_readingStatusText = false;
};

} // namespace Station
