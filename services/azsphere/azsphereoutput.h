#pragma once

#include "services/azsphere/devicedata.h"
#include "services/azsphere/imagepackage.h"
#include "services/base/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Parsers for what the azsphere CLI v2 prints on stdout (REFERENCE.md section 2), separate from
// the process handling so that recorded outputs can be tested without a tool. Every parser
// takes the stdout of a call that exited 0. Output it cannot read, or JSON that lacks a
// required key, is ErrorCode::OutputUnparsable (never a pass) with the reason and the raw text
// in the detail. Pure functions, callable from any thread.
namespace Station::AzsphereOutput {

// Data commands (`--output json`).
[[nodiscard]] Result<QList<AttachedDevice>> parseListAttached(const QByteArray &stdOut);
[[nodiscard]] Result<AttachedDevice> parseShowAttached(const QByteArray &stdOut);
[[nodiscard]] Result<int> parseRescanAttached(const QByteArray &stdOut);
[[nodiscard]] Result<QList<InstalledComponent>> parseImageListInstalled(const QByteArray &stdOut);
[[nodiscard]] Result<ManufacturingState> parseManufacturingState(const QByteArray &stdOut);
[[nodiscard]] Result<QStringList> parseCapabilities(const QByteArray &stdOut);
[[nodiscard]] Result<WifiNetwork> parseWifiNetwork(const QByteArray &stdOut);
[[nodiscard]] Result<QList<WifiNetwork>> parseWifiList(const QByteArray &stdOut);
[[nodiscard]] Result<WifiStatus> parseWifiStatus(const QByteArray &stdOut);
[[nodiscard]] Result<QString> parseOsVersion(const QByteArray &stdOut);
[[nodiscard]] Result<QString> parseSdkVersion(const QByteArray &stdOut);
[[nodiscard]] Result<ImagePackageInfo> parseImagePackageShow(const QByteArray &stdOut);

// `az version --output json`: the Azure CLI's version and its azure-sphere extension's.
struct AzVersions
{
    QString cli;       // "azure-cli"
    QString extension; // "extensions" / "azure-sphere"
};
// An `az` without the azure-sphere extension is ToolExtensionMissing, not unreadable output.
[[nodiscard]] Result<AzVersions> parseAzVersion(const QByteArray &stdOut);

// True when stdout holds nothing, or exactly one JSON document: what az prints for a command
// asked for `--output json`. Anything else (text lines, garbage) is not az's JSON result.
[[nodiscard]] bool isQuietJsonReply(const QByteArray &stdOut);

// A stderr line without its log-level tag ("WARNING: Sending 3 of 16 images." gives
// "Sending 3 of 16 images."); empty for a line that has no WARNING/INFO tag.
[[nodiscard]] QString untaggedStatusLine(const QString &line);
// What an action command said, for the status-line parsers below: stdout, then every
// WARNING/INFO line of stderr without its tag (az sphere writes its progress there).
[[nodiscard]] QByteArray statusText(const QByteArray &stdOut, const QByteArray &stdErr);

// Action commands: their status lines. A missing success line is a failure.
// `Sending n images. (b bytes to send)` and `Sent k of n images. (r of b bytes remaining)`.
[[nodiscard]] std::optional<RecoverProgress> parseRecoverProgressLine(const QString &line);
[[nodiscard]] Result<RecoverReport> parseRecover(const QByteArray &stdOut);
// `packagePath` exactly as it was passed: the tool echoes it in its success line.
[[nodiscard]] Result<DeployReport> parseSideloadDeploy(
    const QByteArray &stdOut, const QString &packagePath);
// `componentId` set for `delete -i` (its line must be there); empty for delete-all.
// `strict`: any other line is unreadable (azsphere's stdout); false: other lines are skipped
// (az sphere's status text, which also carries notices such as the device selection).
[[nodiscard]] Result<QList<DeletedComponent>> parseSideloadDelete(
    const QByteArray &stdOut, const QString &componentId, bool strict = true);
[[nodiscard]] Result<void> parseWifiForget(const QByteArray &stdOut);
[[nodiscard]] Result<void> parseRestart(const QByteArray &stdOut);

} // namespace Station::AzsphereOutput
