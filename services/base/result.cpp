#include "services/base/result.h"

#include <array>

namespace Station {

namespace {

struct CodeName
{
    ErrorCode code;
    const char *name;
};

constexpr std::array CodeNames {
    CodeName {ErrorCode::None, "None"},
    CodeName {ErrorCode::Internal, "Internal"},
    CodeName {ErrorCode::InvalidArgument, "InvalidArgument"},
    CodeName {ErrorCode::Io, "Io"},
    CodeName {ErrorCode::DiskFull, "DiskFull"},
    CodeName {ErrorCode::Database, "Database"},
    CodeName {ErrorCode::Cancelled, "Cancelled"},
    CodeName {ErrorCode::ToolNotFound, "ToolNotFound"},
    CodeName {ErrorCode::ToolStartFailed, "ToolStartFailed"},
    CodeName {ErrorCode::ToolTimedOut, "ToolTimedOut"},
    CodeName {ErrorCode::ToolCrashed, "ToolCrashed"},
    CodeName {ErrorCode::ToolFailed, "ToolFailed"},
    CodeName {ErrorCode::OutputUnparsable, "OutputUnparsable"},
    CodeName {ErrorCode::ToolUsage, "ToolUsage"},
    CodeName {ErrorCode::MultipleDevices, "MultipleDevices"},
    CodeName {ErrorCode::DeviceNotConnected, "DeviceNotConnected"},
    CodeName {ErrorCode::DeviceNotResponding, "DeviceNotResponding"},
    CodeName {ErrorCode::RecoveryModeFailed, "RecoveryModeFailed"},
    CodeName {ErrorCode::RecoveryRebootFailed, "RecoveryRebootFailed"},
    CodeName {ErrorCode::RecoveryFailed, "RecoveryFailed"},
    CodeName {ErrorCode::CapabilityFileInvalid, "CapabilityFileInvalid"},
    CodeName {ErrorCode::ImageNotTrusted, "ImageNotTrusted"},
    CodeName {ErrorCode::InstallationFailed, "InstallationFailed"},
    CodeName {ErrorCode::InsufficientSpace, "InsufficientSpace"},
    CodeName {ErrorCode::OtaInProgress, "OtaInProgress"},
    CodeName {ErrorCode::ImageNotStaged, "ImageNotStaged"},
    CodeName {ErrorCode::InvalidComponentId, "InvalidComponentId"},
    CodeName {ErrorCode::PermissionDenied, "PermissionDenied"},
    CodeName {ErrorCode::DeviceBusy, "DeviceBusy"},
    CodeName {ErrorCode::RebootRequired, "RebootRequired"},
    CodeName {ErrorCode::ApplicationNotPresent, "ApplicationNotPresent"},
    CodeName {ErrorCode::WifiConfig, "WifiConfig"},
    CodeName {ErrorCode::RestartTimedOut, "RestartTimedOut"},
    CodeName {ErrorCode::RfTestModeUnavailable, "RfTestModeUnavailable"},
    CodeName {ErrorCode::UnknownDeviceError, "UnknownDeviceError"},
    CodeName {ErrorCode::RecipeInvalid, "RecipeInvalid"},
    CodeName {ErrorCode::FileMissing, "FileMissing"},
    CodeName {ErrorCode::HashMismatch, "HashMismatch"},
    CodeName {ErrorCode::NotAnImagePackage, "NotAnImagePackage"},
    CodeName {ErrorCode::DeviceSwapped, "DeviceSwapped"},
    CodeName {ErrorCode::DeviceAbsent, "DeviceAbsent"},
    CodeName {ErrorCode::OsVersionMismatch, "OsVersionMismatch"},
    CodeName {ErrorCode::UartError, "UartError"},
    CodeName {ErrorCode::UartTimeout, "UartTimeout"},
    CodeName {ErrorCode::UartUnexpectedReply, "UartUnexpectedReply"},
    CodeName {ErrorCode::MeasurementOutOfLimits, "MeasurementOutOfLimits"},
    CodeName {ErrorCode::RfCheckFailed, "RfCheckFailed"},
    CodeName {ErrorCode::EfuseAlreadyProgrammed, "EfuseAlreadyProgrammed"},
    CodeName {ErrorCode::WifiNotConnected, "WifiNotConnected"},
    CodeName {ErrorCode::WifiNetworksRemain, "WifiNetworksRemain"},
    CodeName {ErrorCode::EthernetNotConfigured, "EthernetNotConfigured"},
    CodeName {ErrorCode::ReadyCheckFailed, "ReadyCheckFailed"},
    CodeName {ErrorCode::FinalizeRefused, "FinalizeRefused"},
    CodeName {ErrorCode::StateMismatch, "StateMismatch"},
    CodeName {ErrorCode::RecordUnwritable, "RecordUnwritable"},
    CodeName {ErrorCode::OutputTooLarge, "OutputTooLarge"},
    CodeName {ErrorCode::RecordInUse, "RecordInUse"},
    CodeName {ErrorCode::DeviceFinalized, "DeviceFinalized"},
    CodeName {ErrorCode::AlreadyPassed, "AlreadyPassed"},
    CodeName {ErrorCode::CloudResourceMissing, "CloudResourceMissing"},
    CodeName {ErrorCode::ToolExtensionMissing, "ToolExtensionMissing"},
    CodeName {ErrorCode::SignInRefused, "SignInRefused"},
    CodeName {ErrorCode::NotAllowed, "NotAllowed"},
};

} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const CodeName &entry : CodeNames) {
        if (entry.code == code)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("Internal");
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (const CodeName &entry : CodeNames) {
        if (name == QLatin1String(entry.name))
            return entry.code;
    }
    return ErrorCode::Internal;
}

} // namespace Station
