#pragma once

#include "services/base/result.h"
#include "services/process/toolrunner.h"

#include <QString>

#include <optional>

namespace Station {

// Turns a failed tool call into a plain-language Error (REFERENCE.md section 3.1): the
// technician reads the translated cause and remedy, engineering gets the raw text as detail.
// Pure functions; callable from any thread.
class ErrorCatalog
{
public:
    // stdout and stderr joined, without the `WARNING:` lines (which would otherwise match
    // catalogue keys such as the connection-path notice).
    static QString classifiableText(const QString &stdOut, const QString &stdErr);

    // The first catalogue row whose match key occurs in `text` (case-insensitive), if any.
    // `text` should already be classifiableText(). The detail is left empty.
    static std::optional<Error> match(const QString &text);

    // Classifies a finished tool call by its outcome: start failure, timeout, crash, cancel,
    // output cut at the capture limit (OutputTooLarge, for a tool that exited), exit code 2
    // (usage), or a catalogue row for any other non-zero exit (ToolFailed when no row matches).
    // For a call that succeeded (a caller found its output wanting) the catalogue is tried,
    // then OutputUnparsable. The raw output is kept as detail.
    static Error classify(const ToolResult &result);

    // A reply cut at the capture limit (ToolRunner::MaxCapturedBytes per stream): what came
    // past it was read but not kept, so the reply is never parsed, whatever its kept head says.
    // The detail names the cut streams, then the raw text kept (the capped part).
    static Error outputTooLarge(const ToolResult &result);
    // True when a finished call's reply may be parsed: exit 0 and nothing cut at the limit.
    static bool isParseable(const ToolResult &result)
    {
        return result.isSuccess() && !result.isTruncated();
    }

    // Exit 0 but output the station cannot read: never a pass.
    static Error outputUnparsable(const ToolResult &result, const QString &reason);
    static Error outputUnparsable(const QString &raw, const QString &reason);

    // Exit 0 without the status line that proves the action happened. A catalogue row wins
    // when the output names a known failure; otherwise OutputUnparsable.
    static Error missingSuccessLine(const ToolResult &result, const QString &expectedLine);

    // "Image not trusted by device" has two causes. When the caller knows the package's
    // thumbprint it can tell which: the SDK development thumbprint means a development build;
    // any other thumbprint means the device's keystore is older than the signing key.
    // Errors with any other code are returned unchanged.
    static Error refineImageNotTrusted(const Error &error, const QString &packageThumbprint);

    // az without its azure-sphere extension (exit 2 "'sphere' is misspelled or not recognized",
    // or `az version` naming no such extension).
    static Error extensionMissing(const QString &detail);
    // The raw text kept as an error's detail: stdout, then stderr, then the runner's note.
    static QString rawText(const ToolResult &result);
};

} // namespace Station
