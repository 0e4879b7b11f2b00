#pragma once

#include "services/azsphere/devicedata.h"
#include "services/azsphere/imagepackage.h"
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

// A typed call for every factory command of the azsphere CLI v2 (REFERENCE.md section 2).
// Device commands always pass `--device` (a connection path or IP address; an empty one is
// refused before anything runs), data commands pass `--output json`, action commands check
// their status lines. Each call blocks the calling fixture worker thread; the CancelToken
// ends a running call. Not thread-safe: one client per worker.
class AzsphereClient
{
public:
    using Runner = std::function<ToolResult(
        const ToolCall &call, const CancelToken &cancel, const ToolLineHandler &onLine)>;
    using RecoverProgressHandler = std::function<void(const RecoverProgress &progress)>;

    AzsphereClient(const QString &program,
        const QProcessEnvironment &environment,
        const CancelToken &cancel = {},
        const ToolLineHandler &onLine = {},
        const AzsphereTimeouts &timeouts = {});

    // Replaces ToolRunner::run (tests feed recorded outputs through it).
    void setRunner(const Runner &runner) { m_runner = runner; }
    const QString &program() const { return m_program; }
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
    ToolReply<QString> showVersion();
    ToolReply<ImagePackageInfo> imagePackageShow(const QString &packagePath);

private:
    ToolResult run(const QStringList &arguments,
        std::chrono::milliseconds timeout,
        std::chrono::milliseconds noOutputTimeout = std::chrono::milliseconds(0),
        const ToolLineHandler &onLine = {});
    template <typename T, typename Parse>
    ToolReply<T> dataCall(const QStringList &arguments, Parse parse);
    template <typename T, typename Parse>
    ToolReply<T> actionCall(
        const QStringList &arguments, std::chrono::milliseconds timeout, Parse parse);
    // A call the client will not make (e.g. no device): recorded as a tool that never started.
    template <typename T>
    ToolReply<T> refused(const QStringList &arguments, const Error &error) const;
    static Error missingDevice();

    QString m_program;
    QProcessEnvironment m_environment;
    CancelToken m_cancel;
    ToolLineHandler m_onLine;
    AzsphereTimeouts m_timeouts;
    Runner m_runner;
};

} // namespace Station
