#pragma once

#include "services/base/text.h"

#include <QMetaType>
#include <QString>

#include <tl/expected.hpp>

namespace Station {

// Stable error kinds. The name (errorCodeName) is what the record and the CSV store; the
// translated message/remedy are what people read. Append new codes; never renumber.
enum class ErrorCode {
    None = 0,
    Internal,
    InvalidArgument,
    Io,
    DiskFull,
    Database,
    Cancelled,

    // Tool execution (ToolRunner)
    ToolNotFound,
    ToolStartFailed,
    ToolTimedOut,
    ToolCrashed,
    ToolFailed,       // non-zero exit with a message the station does not know
    OutputUnparsable, // exit 0 but output we cannot read: never a pass
    ToolUsage,        // exit 2 / argparse errors: the station called the tool wrongly

    // azsphere error catalogue (REFERENCE.md section 3.1)
    MultipleDevices,
    DeviceNotConnected,
    DeviceNotResponding,
    RecoveryModeFailed,
    RecoveryRebootFailed,
    RecoveryFailed,
    CapabilityFileInvalid,
    ImageNotTrusted,
    InstallationFailed,
    InsufficientSpace,
    OtaInProgress,
    ImageNotStaged,
    InvalidComponentId,
    PermissionDenied,
    DeviceBusy,
    RebootRequired,
    ApplicationNotPresent,
    WifiConfig,
    RestartTimedOut,
    RfTestModeUnavailable,
    UnknownDeviceError,

    // Recipe and files
    RecipeInvalid,
    FileMissing,
    HashMismatch,
    NotAnImagePackage,

    // Step verdicts
    DeviceSwapped,
    DeviceAbsent,
    OsVersionMismatch,
    UartError,
    UartTimeout,
    UartUnexpectedReply,
    MeasurementOutOfLimits,
    RfCheckFailed,
    EfuseAlreadyProgrammed,
    WifiNotConnected,
    WifiNetworksRemain,
    EthernetNotConfigured,
    ReadyCheckFailed,
    FinalizeRefused,
    StateMismatch,
    RecordUnwritable,

    // Appended (never renumber)
    OutputTooLarge, // a tool's output (or a UART line) passed the capture limit: never a pass

    // Trust (issue #10)
    RecordInUse,     // another station process writes this record
    DeviceFinalized, // the device is already in (or past) the state the recipe would set
    AlreadyPassed,   // the device already passed the loaded recipe (a start asks first)

    // Both Microsoft tools (issue #13)
    CloudResourceMissing, // az exit 3: a catalog, product, device group or device does not exist
    ToolExtensionMissing, // az without its azure-sphere extension

    // Who did it (issue #15)
    SignInRefused, // unknown user or badge, wrong secret, account locked or deactivated
    NotAllowed,    // nobody signed in, or the user's role may not do this (docs/roles.md)
};

// Stable English identifier of a code, e.g. "ImageNotTrusted" (for records, CSV, logs).
QString errorCodeName(ErrorCode code);
// Inverse of errorCodeName; ErrorCode::Internal for an unknown name.
ErrorCode errorCodeFromName(const QString &name);

// What went wrong: a code, a plain-language cause for the technician and a remedy (Texts:
// stored in English, translated when shown), and the technical detail (raw text,
// errorString(); English, never translated) for engineering. The members are in the order
// make() and fail() take them, so Error {code, message, detail, remedy} means the same.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    Text message;
    QString detail;
    Text remedy;

    static Error make(
        ErrorCode code, const Text &message, const QString &detail = {}, const Text &remedy = {})
    {
        return Error {code, message, detail, remedy};
    }
};

template <typename T = void> using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(
    ErrorCode code, const Text &message, const QString &detail = {}, const Text &remedy = {})
{
    return tl::make_unexpected(Error {code, message, detail, remedy});
}

inline tl::unexpected<Error> fail(Error error)
{
    return tl::make_unexpected(std::move(error));
}

} // namespace Station

Q_DECLARE_METATYPE(Station::Error)
