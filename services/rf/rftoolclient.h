#pragma once

#include "services/base/canceltoken.h"
#include "services/process/toolreply.h"
#include "services/process/toolrunner.h"
#include "services/rf/rftooloutput.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace Station {

struct RfToolTimeouts
{
    // The tools take seconds to start and to read the device; `config save` about 2 s.
    std::chrono::milliseconds settingsTool = std::chrono::seconds(60);
    std::chrono::milliseconds cli = std::chrono::seconds(90);
};

// Typed calls of Microsoft's RF tools (REFERENCE.md section 7): `RfSettingsTool show`,
// `show -hexdump`, `check --expected`, and `RfToolCli` fed commands on stdin. Every call
// passes `--device`. Blocks the calling fixture worker thread; not thread-safe.
class RfToolClient
{
public:
    using Runner = std::function<ToolResult(
        const ToolCall &call, const CancelToken &cancel, const ToolLineHandler &onLine)>;

    RfToolClient(const QString &settingsToolProgram,
        const QString &cliProgram,
        const QProcessEnvironment &environment,
        const CancelToken &cancel = {},
        const ToolLineHandler &onLine = {},
        const RfToolTimeouts &timeouts = {});

    // Replaces ToolRunner::run (tests feed recorded outputs through it).
    void setRunner(const Runner &runner) { m_runner = runner; }

    ToolReply<RfSettings> show(const QString &device);
    ToolReply<QByteArray> showHexdump(const QString &device);
    // A mismatch (any ERROR line in the compared block) is RfCheckFailed; the compared lines
    // are in the error's detail and the report of a pass.
    ToolReply<RfCheckReport> check(const QString &device, const QString &expectedFile);
    // Feeds the commands (one per line, then end of input). A reply starting with ERROR fails
    // with that line as the cause (EfuseAlreadyProgrammed for an e-fuse written before).
    ToolReply<QList<RfCliExchange>> runCli(const QString &device, const QStringList &commands);
    // `config write data 0x36/0x37 <c>`, `config save`, `exit` for a two-letter code.
    ToolReply<QList<RfCliExchange>> writeRegionCode(
        const QString &device, const QString &regionCode);
    ToolReply<QList<RfCliExchange>> writeMacAddress(
        const QString &device, const QString &macAddress);

private:
    ToolResult run(const QString &program,
        const QStringList &arguments,
        std::chrono::milliseconds timeout,
        const QByteArray &input = {});
    template <typename T>
    ToolReply<T> refused(
        const QString &program, const QStringList &arguments, const Error &error) const;

    QString m_settingsTool;
    QString m_cli;
    QProcessEnvironment m_environment;
    CancelToken m_cancel;
    ToolLineHandler m_onLine;
    RfToolTimeouts m_timeouts;
    Runner m_runner;
};

} // namespace Station
