#pragma once

#include "services/base/result.h"
#include "services/process/toolrunner.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Parsers for the RF tools' output (REFERENCE.md section 7), testable without a process.
// Pure functions, callable from any thread.
namespace Station {

// `RfSettingsTool show`: the device's saved RF configuration.
struct RfSettings
{
    QString macAddress;     // as printed, e.g. "02:5A:3C:11:90:7E"
    QByteArray mac;         // 6 bytes
    QString regionCode;     // as printed: "US", or hex when unprintable; empty when not set
    QByteArray regionBytes; // 2 bytes at offsets 0x36/0x37; "\0\0" when not set
    int rxDiversity = 0;
    double targetPower24Dbm = 0.0;
    double targetPower5Dbm = 0.0;

    bool isRegionSet() const { return regionBytes != QByteArray(2, '\0'); }
    bool isMacProgrammed() const { return mac != QByteArray(6, '\0'); }
};

// `RfSettingsTool check --expected <file>`: the lines after `Comparing configurations.` up to
// the first blank line, and the summary after it.
struct RfCheckReport
{
    bool passed = false;    // no line of the compared block contains ERROR
    QStringList lines;      // per-field lines (OK / SKIPPED / ERROR)
    QStringList errorLines; // the ERROR lines among them
    QString summary;        // e.g. "Configuration check passed."
};

// One command fed to `RfToolCli` and the reply it got (a hexdump for `config read data`).
struct RfCliExchange
{
    QString command;
    QStringList reply;
};

namespace RfToolOutput {

inline constexpr qsizetype EfuseSize = 1024;

[[nodiscard]] Result<RfSettings> parseShow(const QByteArray &stdOut);
// 64 lines `oooo: xx xx ... (16 bytes)` -> 1024 bytes. Other lines are refused, except the
// tool's `Reading configuration data from device.` and blank lines.
[[nodiscard]] Result<QByteArray> parseHexdump(const QStringList &lines);
[[nodiscard]] Result<QByteArray> parseHexdump(const QByteArray &stdOut);
// Unparsable when there is no `Comparing configurations.` line.
[[nodiscard]] Result<RfCheckReport> parseCheck(const QByteArray &stdOut);
// Pairs the commands fed to RfToolCli with its reply lines. `exit` gets no reply. Fails at the
// first ERROR reply, with that line as the cause; a missing or unexpected reply is unparsable.
[[nodiscard]] Result<QList<RfCliExchange>> parseCliReplies(
    const QStringList &commands, const QByteArray &stdOut);

// Classifies a failed RF tool call: the RF tools' own messages (a bad expected file, an
// e-fuse programmed before), then the error catalogue.
[[nodiscard]] Error classify(const ToolResult &result);

// Commands that write a two-letter region code (e.g. "US": 0x36 0x55, 0x37 0x53) or a MAC
// address, save, and exit. Empty when the value is not valid.
QStringList regionCommands(const QString &regionCode);
QStringList macAddressCommands(const QString &macAddress);

} // namespace RfToolOutput

} // namespace Station
