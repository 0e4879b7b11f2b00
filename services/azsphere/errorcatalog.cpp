#include "services/azsphere/errorcatalog.h"

#include "services/azsphere/devicedata.h"
#include "services/base/tr.h"

#include <QStringList>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// One row of REFERENCE.md 3.1, in the reference's order (the first match wins) and words.
struct CatalogueRow
{
    std::array<const char *, 6> keys; // unused entries are nullptr
    ErrorCode code;
    const char *cause;
    const char *remedy;
};

const std::array<CatalogueRow, 22> &catalogue()
{
    static const std::array<CatalogueRow, 22> rows {{
        {{"Multiple devices are attached"},
            ErrorCode::MultipleDevices,
            QT_TRANSLATE_NOOP("Station::Tr",
                "The station did not say which device to use (configuration fault)."),
            QT_TRANSLATE_NOOP("Station::Tr", "Stop the line; call engineering.")},
        {{"Could not connect to the device"},
            ErrorCode::DeviceNotConnected,
            QT_TRANSLATE_NOOP("Station::Tr",
                "The device cannot be reached over USB: not seated, bad cable or "
                "contact, or the fixture is bound to the wrong port."),
            QT_TRANSLATE_NOOP("Station::Tr",
                "Reseat the device and cable, check the fixture's port, "
                "retry.")},
        {{"The device is not responding"},
            ErrorCode::DeviceNotResponding,
            QT_TRANSLATE_NOOP("Station::Tr",
                "The device is connected but silent: busy with an OS update, booting, "
                "or hung."),
            QT_TRANSLATE_NOOP(
                "Station::Tr", "Wait 2 min and retry; if it repeats, unplug and replug.")},
        {{"Failed to enter recovery mode"},
            ErrorCode::RecoveryModeFailed,
            QT_TRANSLATE_NOOP("Station::Tr",
                "The device would not enter recovery mode: asleep or powered down, or "
                "a bad recovery (FTDI) link."),
            QT_TRANSLATE_NOOP("Station::Tr",
                "Power-cycle, check the USB/FTDI cable and fixture, recover again.")},
        {{"after recovery"},
            ErrorCode::RecoveryRebootFailed,
            QT_TRANSLATE_NOOP(
                "Station::Tr", "The new OS was written but the device did not come back."),
            QT_TRANSLATE_NOOP(
                "Station::Tr", "Unplug, replug, recover again; set it aside if it repeats.")},
        {{"Device recovery failed"},
            ErrorCode::RecoveryFailed,
            QT_TRANSLATE_NOOP(
                "Station::Tr", "Wrong or incomplete OS image folder, or tools too old."),
            QT_TRANSLATE_NOOP(
                "Station::Tr", "Check the recipe's OS folder (version, all files) and the SDK.")},
        {{"capability file is not valid"},
            ErrorCode::CapabilityFileInvalid,
            QT_TRANSLATE_NOOP(
                "Station::Tr", "The capability file is for another device, or damaged."),
            QT_TRANSLATE_NOOP("Station::Tr", "Use this device's file.")},
        {{"Image not trusted by device"},
            ErrorCode::ImageNotTrusted,
            QT_TRANSLATE_NOOP("Station::Tr",
                "(a) SDK development thumbprint in the package: a development build, "
                "which factory devices refuse. (b) Production thumbprint: the "
                "device's trusted keystore is older than the signing key."),
            QT_TRANSLATE_NOOP("Station::Tr",
                "(a) Use the production-signed package. (b) Sideload the trusted "
                "keystore package (or recover to a newer OS), then retry.")},
        {{"Installation failed"},
            ErrorCode::InstallationFailed,
            QT_TRANSLATE_NOOP("Station::Tr",
                "The device refused the image, usually because it is not "
                "production-signed."),
            QT_TRANSLATE_NOOP("Station::Tr", "Use the production-signed package.")},
        {{"Insufficient free space"},
            ErrorCode::InsufficientSpace,
            QT_TRANSLATE_NOOP("Station::Tr", "No room left for this application."),
            QT_TRANSLATE_NOOP("Station::Tr", "Delete old or test applications, then retry.")},
        {{"Over-the-air updating"},
            ErrorCode::OtaInProgress,
            QT_TRANSLATE_NOOP("Station::Tr", "The device is installing a cloud update."),
            QT_TRANSLATE_NOOP(
                "Station::Tr", "Retry in minutes; keep line devices off update networks.")},
        {{"could not be staged"},
            ErrorCode::ImageNotStaged,
            QT_TRANSLATE_NOOP("Station::Tr", "The file is damaged or not a package."),
            QT_TRANSLATE_NOOP("Station::Tr", "Re-copy it and check its checksum.")},
        {{"invalid component ID"},
            ErrorCode::InvalidComponentId,
            QT_TRANSLATE_NOOP("Station::Tr", "The package was built wrongly."),
            QT_TRANSLATE_NOOP("Station::Tr", "Return it to the software team.")},
        {{"Permission denied", "Operation not permitted", "do not have permission"},
            ErrorCode::PermissionDenied,
            QT_TRANSLATE_NOOP("Station::Tr",
                "The device refused: it is finalized (DeviceComplete) or lacks a "
                "capability."),
            QT_TRANSLATE_NOOP("Station::Tr",
                "Check the state; a finalized device cannot be changed on the line, "
                "so set it aside.")},
        {{"Device is busy"},
            ErrorCode::DeviceBusy,
            QT_TRANSLATE_NOOP("Station::Tr", "Still busy with an earlier operation."),
            QT_TRANSLATE_NOOP("Station::Tr", "Retry in a few seconds.")},
        {{"A reboot is required"},
            ErrorCode::RebootRequired,
            QT_TRANSLATE_NOOP("Station::Tr", "The device must restart before more changes."),
            QT_TRANSLATE_NOOP("Station::Tr", "Restart it, then retry.")},
        {{"Application is not present"},
            ErrorCode::ApplicationNotPresent,
            QT_TRANSLATE_NOOP("Station::Tr", "The named application is not installed."),
            QT_TRANSLATE_NOOP("Station::Tr", "Check the recipe's component ID.")},
        {{"Network already exists",
             "Network not found",
             "SSID is too long",
             "still initializing",
             "not enough resources to add additional Wi-Fi",
             "PSK is too short"},
            ErrorCode::WifiConfig,
            QT_TRANSLATE_NOOP("Station::Tr",
                "The recipe's Wi-Fi settings do not fit (duplicate, missing, too long "
                "or short), or the radio is still starting."),
            QT_TRANSLATE_NOOP("Station::Tr",
                "Fix the Wi-Fi settings; for \"initializing\", wait 10 s and retry.")},
        {{"Timed out waiting for the device to restart"},
            ErrorCode::RestartTimedOut,
            QT_TRANSLATE_NOOP("Station::Tr", "The device did not come back after a restart."),
            QT_TRANSLATE_NOOP("Station::Tr", "Unplug and replug; set it aside if it repeats.")},
        {{"RF test mode is not available"},
            ErrorCode::RfTestModeUnavailable,
            QT_TRANSLATE_NOOP(
                "Station::Tr", "The RF tools need a Blank device; this one has left Blank."),
            QT_TRANSLATE_NOOP(
                "Station::Tr", "RF steps must precede the state change; set it aside.")},
        {{"Unknown device error"},
            ErrorCode::UnknownDeviceError,
            QT_TRANSLATE_NOOP("Station::Tr", "The device reported an error the tools do not know."),
            QT_TRANSLATE_NOOP("Station::Tr", "Retry once; keep the raw output.")},
        {{"arguments are required",
             "unrecognized arguments",
             "invalid choice",
             "is not in the",
             "is not a valid value for"},
            ErrorCode::ToolUsage,
            QT_TRANSLATE_NOOP("Station::Tr", "The station called the tool wrongly."),
            QT_TRANSLATE_NOOP("Station::Tr", "Call engineering with the raw output.")},
    }};
    return rows;
}

Error makeError(ErrorCode code, const char *cause, const char *remedy, const QString &detail)
{
    return Error::make(code, Tr::tr(cause), detail, Tr::tr(remedy));
}

const CatalogueRow &usageRow()
{
    return catalogue().back();
}

} // namespace

QString ErrorCatalog::classifiableText(const QString &stdOut, const QString &stdErr)
{
    QStringList kept;
    for (const QString &stream : {stdOut, stdErr}) {
        const QStringList lines = stream.split(u'\n');
        for (QString line : lines) {
            if (line.endsWith(u'\r'))
                line.chop(1);
            // Log records of either tool: az tags every stderr line with its level (knack,
            // no colour without a terminal); azsphere writes `warning:`/`error:`. Progress
            // and notices are not the error; the error's own tag is not part of its text.
            const QString tag = line.section(u':', 0, 0);
            if (tag.compare("WARNING"_L1, Qt::CaseInsensitive) == 0
                || tag.compare("INFO"_L1, Qt::CaseInsensitive) == 0
                || tag.compare("DEBUG"_L1, Qt::CaseInsensitive) == 0)
                continue;
            if (tag.compare("ERROR"_L1, Qt::CaseInsensitive) == 0 && line.contains(u':'))
                line = line.mid(tag.size() + 1).trimmed();
            kept.append(line);
        }
    }
    return kept.join(u'\n').trimmed();
}

std::optional<Error> ErrorCatalog::match(const QString &text)
{
    for (const CatalogueRow &row : catalogue()) {
        for (const char *key : row.keys) {
            if (key && text.contains(QLatin1String(key), Qt::CaseInsensitive))
                return makeError(row.code, row.cause, row.remedy, {});
        }
    }
    return std::nullopt;
}

Error ErrorCatalog::extensionMissing(const QString &detail)
{
    return makeError(ErrorCode::ToolExtensionMissing,
        QT_TRANSLATE_NOOP("Station::Tr",
            "The Azure CLI has no azure-sphere extension, so it cannot run az sphere."),
        QT_TRANSLATE_NOOP("Station::Tr",
            "Install it once on this PC (az extension add --name azure-sphere); the "
            "station never installs it on its own. Call engineering."),
        detail);
}

QString ErrorCatalog::rawText(const ToolResult &result)
{
    QStringList parts;
    if (!result.stdOut.isEmpty())
        parts.append(result.stdOutText());
    if (!result.stdErr.isEmpty())
        parts.append(result.stdErrText());
    if (!result.errorString.isEmpty())
        parts.append(result.errorString);
    return parts.join(u'\n').trimmed();
}

Error ErrorCatalog::classify(const ToolResult &result)
{
    const QString detail = rawText(result);
    switch (result.outcome) {
    case ToolOutcome::StartFailed:
        return makeError(ErrorCode::ToolStartFailed,
            QT_TRANSLATE_NOOP("Station::Tr", "The station could not start the tool."),
            QT_TRANSLATE_NOOP("Station::Tr",
                "Check the tool's path in the station configuration; "
                "call engineering."),
            detail);
    case ToolOutcome::TimedOut:
        return makeError(ErrorCode::ToolTimedOut,
            QT_TRANSLATE_NOOP("Station::Tr", "The tool hung; the station killed it."),
            QT_TRANSLATE_NOOP("Station::Tr", "Unplug and replug the device, retry."),
            detail);
    case ToolOutcome::Crashed:
        return makeError(ErrorCode::ToolCrashed,
            QT_TRANSLATE_NOOP("Station::Tr", "The tool crashed."),
            QT_TRANSLATE_NOOP("Station::Tr", "Retry once; send the raw output to engineering."),
            detail);
    case ToolOutcome::Cancelled:
        return makeError(ErrorCode::Cancelled,
            QT_TRANSLATE_NOOP("Station::Tr", "The operator aborted the step."),
            QT_TRANSLATE_NOOP("Station::Tr", "Start the device again when ready."),
            detail);
    case ToolOutcome::Succeeded:
    case ToolOutcome::ExitCode:
        break;
    }

    // Whatever the kept head says (a known message, a usage error), the end of the reply is
    // missing: it may hold the real error.
    if (result.isTruncated())
        return outputTooLarge(result);
    const QString text = classifiableText(result.stdOutText(), result.stdErrText());
    // az without its azure-sphere extension: "'sphere' is misspelled or not recognized".
    if (result.outcome == ToolOutcome::ExitCode && result.exitCode == 2
        && text.contains("'sphere' is misspelled"_L1, Qt::CaseInsensitive))
        return extensionMissing(detail);
    // Exit code 2 is the parser's (argparse, az): the station or its recipe called the tool
    // wrongly.
    if (result.outcome == ToolOutcome::ExitCode && result.exitCode == 2)
        return makeError(ErrorCode::ToolUsage, usageRow().cause, usageRow().remedy, detail);
    // Exit code 3 is az's "missing ARM resource": a cloud object the command names does not
    // exist (a device error, never; those exit 1).
    if (result.outcome == ToolOutcome::ExitCode && result.exitCode == 3)
        return makeError(ErrorCode::CloudResourceMissing,
            QT_TRANSLATE_NOOP(
                "Station::Tr", "The cloud has no such catalog, product, device group or device."),
            QT_TRANSLATE_NOOP("Station::Tr",
                "Check the names in the recipe or the station configuration; call "
                "engineering."),
            detail);
    if (std::optional<Error> row = match(text)) {
        row->detail = detail;
        return *row;
    }
    if (result.outcome == ToolOutcome::Succeeded)
        return outputUnparsable(result, {});
    return makeError(ErrorCode::ToolFailed,
        QT_TRANSLATE_NOOP(
            "Station::Tr", "The tool failed with a message the station does not know"),
        QT_TRANSLATE_NOOP("Station::Tr", "Retry once; send the raw output to engineering"),
        detail);
}

Error ErrorCatalog::outputTooLarge(const ToolResult &result)
{
    QStringList cut;
    if (result.stdOutTruncated)
        cut.append(u"stdout"_s);
    if (result.stdErrTruncated)
        cut.append(u"stderr"_s);
    return Error::make(ErrorCode::OutputTooLarge,
        Tr::tr("The tool printed more than the station keeps (%1 MiB per stream); only the first "
               "%1 MiB were kept, so its reply is incomplete and was not read.")
            .arg(ToolRunner::MaxCapturedBytes / (1024 * 1024)),
        u"%1 cut at %2 bytes\n"_s.arg(cut.join(u" and "_s)).arg(ToolRunner::MaxCapturedBytes)
            + rawText(result),
        Tr::tr("Retry once; if it repeats, send the raw output to engineering (the tool or the "
               "device misbehaves)."));
}

Error ErrorCatalog::outputUnparsable(const QString &raw, const QString &reason)
{
    const QString detail = reason.isEmpty() ? raw : reason + u'\n' + raw;
    return makeError(ErrorCode::OutputUnparsable,
        QT_TRANSLATE_NOOP("Station::Tr", "The tool printed something unreadable."),
        QT_TRANSLATE_NOOP("Station::Tr", "Retry; send the raw output to engineering."),
        detail.trimmed());
}

Error ErrorCatalog::outputUnparsable(const ToolResult &result, const QString &reason)
{
    if (result.isTruncated())
        return outputTooLarge(result);
    return outputUnparsable(rawText(result), reason);
}

Error ErrorCatalog::missingSuccessLine(const ToolResult &result, const QString &expectedLine)
{
    if (result.isTruncated())
        return outputTooLarge(result);
    const QString text = classifiableText(result.stdOutText(), result.stdErrText());
    if (std::optional<Error> row = match(text)) {
        row->detail = rawText(result);
        return *row;
    }
    return outputUnparsable(result, u"missing the line \"%1\""_s.arg(expectedLine));
}

Error ErrorCatalog::refineImageNotTrusted(const Error &error, const QString &packageThumbprint)
{
    if (error.code != ErrorCode::ImageNotTrusted || packageThumbprint.isEmpty())
        return error;
    Error refined = error;
    if (packageThumbprint.compare(QLatin1String(DevelopmentThumbprint), Qt::CaseInsensitive) == 0) {
        refined.message = Tr::tr("SDK development thumbprint in the package: a development "
                                 "build, which factory devices refuse.");
        refined.remedy = Tr::tr("Use the production-signed package.");
    } else {
        refined.message = Tr::tr("Production thumbprint: the device's trusted keystore is older "
                                 "than the signing key.");
        refined.remedy = Tr::tr("Sideload the trusted keystore package (or recover to a newer "
                                "OS), then retry.");
    }
    return refined;
}

} // namespace Station
