#include "services/azsphere/devicedata.h"
#include "services/azsphere/errorcatalog.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Station::ErrorCatalog;
using Station::ErrorCode;
using Station::ToolOutcome;
using Station::ToolResult;

namespace {

ToolResult exited(int exitCode, const QString &stdOut, const QString &stdErr)
{
    ToolResult result;
    result.outcome = exitCode == 0 ? ToolOutcome::Succeeded : ToolOutcome::ExitCode;
    result.exitCode = exitCode;
    result.stdOut = stdOut.toUtf8();
    result.stdErr = stdErr.toUtf8();
    return result;
}

} // namespace

class tst_ErrorCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifyExitCode_data();
    void classifyExitCode();
    void causeAndRemedyWords_data();
    void causeAndRemedyWords();
    void warningLinesAreDropped();
    void unknownMessage();
    void exitCodeTwoIsUsage();
    void runnerOutcomes_data();
    void runnerOutcomes();
    void succeededButUnreadable();
    void missingSuccessLine();
    void imageNotTrustedRefinement_data();
    void imageNotTrustedRefinement();
    void truncatedOutput_data();
    void truncatedOutput();
    void outputTooLargeName();
};

void tst_ErrorCatalog::classifyExitCode_data()
{
    QTest::addColumn<QString>("stdOut");
    QTest::addColumn<QString>("stdErr");
    QTest::addColumn<ErrorCode>("code");

    // Every row of REFERENCE.md 3.1, with the texts the tools print (literal copies).
    QTest::newRow("multiple devices")
        << QString() << u"error: Multiple devices are attached; use --device to specify one.\n"_s
        << ErrorCode::MultipleDevices;
    QTest::newRow("could not connect, P line")
        << QString() << u"error: Could not connect to the device; please ensure it is attached.\n"_s
        << ErrorCode::DeviceNotConnected;
    QTest::newRow("could not connect, V short")
        << QString() << u"error: Could not connect to the device.\n"_s
        << ErrorCode::DeviceNotConnected;
    QTest::newRow("could not connect, device ID")
        << QString()
        << u"Error: Failed to retrieve device ID from attached device: 'Could not connect to the "
           "device; please ensure it is attached.'\n"_s
        << ErrorCode::DeviceNotConnected;
    QTest::newRow("not responding")
        << QString()
        << u"error: The device is not responding. The device may be unresponsive if it is "
           "applying an Azure Sphere operating system update; please retry in a few minutes.\n"_s
        << ErrorCode::DeviceNotResponding;
    QTest::newRow("recovery mode")
        << u"Starting device recovery. Please note that this may take up to 10 minutes.\n"_s
        << u"error: Failed to enter recovery mode.\n"_s << ErrorCode::RecoveryModeFailed;
    QTest::newRow("boot after recovery") << u"Finished writing images; rebooting board.\n"_s
                                         << u"error: Timed out waiting for boot after recovery.\n"_s
                                         << ErrorCode::RecoveryRebootFailed;
    QTest::newRow("security state after recovery")
        << QString() << u"error: Timed out trying to get device security state after recovery\n"_s
        << ErrorCode::RecoveryRebootFailed;
    QTest::newRow("communication after recovery")
        << QString()
        << u"error: Failed to establish communication with device after recovery. Try unplugging "
           "the device and plugging it back in, and verifying communication using 'azsphere "
           "device show-attached'. If that fails, try recovering the device again.\n"_s
        << ErrorCode::RecoveryRebootFailed;
    QTest::newRow("recovery failed")
        << QString()
        << u"error: Device recovery failed. Please ensure you are using the correct recovery "
           "images, and that the SDK is up to date.\n"_s
        << ErrorCode::RecoveryFailed;
    QTest::newRow("capability file")
        << QString() << u"error: The capability file is not valid for this device.\n"_s
        << ErrorCode::CapabilityFileInvalid;
    QTest::newRow("image not trusted")
        << u"Deploying '/tmp/app.imagepackage' to the attached device.\n"_s
        << u"error: Could not deploy application to device: Image not trusted by device; check "
           "if application development capability is enabled ('azsphere device "
           "enable-development').\n"_s
        << ErrorCode::ImageNotTrusted;
    QTest::newRow("image not trusted, seed wording")
        << QString() << u"Internal device error: Image not trusted by device\n"_s
        << ErrorCode::ImageNotTrusted;
    QTest::newRow("installation failed")
        << QString()
        << u"error: Could not deploy application to device: Installation failed; check if "
           "application development capability is enabled ('azsphere device "
           "enable-development').\n"_s
        << ErrorCode::InstallationFailed;
    QTest::newRow("insufficient space")
        << QString()
        << u"error: Could not deploy application to device: Insufficient free space on the "
           "device.\n"_s
        << ErrorCode::InsufficientSpace;
    QTest::newRow("ota")
        << QString()
        << u"error: Could not deploy application to device: Over-the-air updating of the device "
           "is in progress and sideloading is temporarily disabled. Please retry later.\n"_s
        << ErrorCode::OtaInProgress;
    QTest::newRow("not staged")
        << QString()
        << u"error: Could not deploy application to device: Image could not be staged; check "
           "that it is a valid image package.\n"_s
        << ErrorCode::ImageNotStaged;
    QTest::newRow("invalid component id")
        << QString()
        << u"error: Could not deploy application to device: Image has an invalid component ID. "
           "Re-package your image and retry.\n"_s
        << ErrorCode::InvalidComponentId;
    QTest::newRow("deploy permission denied")
        << QString()
        << u"error: Could not deploy application to device: Permission denied; check if "
           "application development capability is enabled ('azsphere device "
           "enable-development').\n"_s
        << ErrorCode::PermissionDenied;
    QTest::newRow("delete permission denied")
        << QString()
        << u"error: Could not delete component '2f074b0f-d99d-4692-82d9-ef93a7d6463c': "
           "Permission denied; check if application development capability is enabled "
           "('azsphere device enable-development').\n"_s
        << ErrorCode::PermissionDenied;
    QTest::newRow("delete os component")
        << QString()
        << u"error: Could not delete component '007e32d7-5d8c-44c6-a8d9-4a8f0fe39011': "
           "Operation not permitted; check if application development capability is enabled "
           "('azsphere device enable-development').\n"_s
        << ErrorCode::PermissionDenied;
    QTest::newRow("no permission")
        << QString()
        << u"error: You do not have permission to perform this operation on this device. "
           "Permission denied; application development capability may be required ('azsphere "
           "device enable-development').\n"_s
        << ErrorCode::PermissionDenied;
    QTest::newRow("python 403")
        << QString()
        << u"ERROR: You do not have permission to perform this operation on this device. "
           "Permission denied\n"_s
        << ErrorCode::PermissionDenied;
    QTest::newRow("busy") << QString() << u"error: Device is busy and refused request.\n"_s
                          << ErrorCode::DeviceBusy;
    QTest::newRow("reboot required")
        << QString() << u"error: A reboot is required.\n"_s << ErrorCode::RebootRequired;
    QTest::newRow("application not present")
        << QString() << u"error: Application is not present.\n"_s
        << ErrorCode::ApplicationNotPresent;
    QTest::newRow("wifi exists") << QString() << u"error: Network already exists.\n"_s
                                 << ErrorCode::WifiConfig;
    QTest::newRow("wifi not found")
        << QString() << u"error: Network not found.\n"_s << ErrorCode::WifiConfig;
    QTest::newRow("wifi ssid long")
        << QString() << u"error: SSID is too long.\n"_s << ErrorCode::WifiConfig;
    QTest::newRow("wifi initializing")
        << QString() << u"error: The Wi-Fi interface is still initializing. Please try again.\n"_s
        << ErrorCode::WifiConfig;
    QTest::newRow("wifi resources")
        << QString()
        << u"error: There are not enough resources to add additional Wi-Fi networks.\n"_s
        << ErrorCode::WifiConfig;
    QTest::newRow("wifi psk short")
        << QString() << u"error: PSK is too short.\n"_s << ErrorCode::WifiConfig;
    QTest::newRow("restart timeout")
        << u"Restarting device.\n"_s << u"error: Timed out waiting for the device to restart.\n"_s
        << ErrorCode::RestartTimedOut;
    QTest::newRow("rf test mode (stdout)")
        << u"ERROR: RF test mode is not available on this device. RF tools need a device in the "
           "Blank manufacturing state.\n"_s
        << QString() << ErrorCode::RfTestModeUnavailable;
    QTest::newRow("unknown device error")
        << QString() << u"Unknown device error: 123456\n"_s << ErrorCode::UnknownDeviceError;
    QTest::newRow("case-insensitive key")
        << QString() << u"ERROR: COULD NOT CONNECT TO THE DEVICE\n"_s
        << ErrorCode::DeviceNotConnected;
    QTest::newRow("unrecognized arguments, exit 1")
        << QString() << u"azsphere device: error: unrecognized arguments: --query\n"_s
        << ErrorCode::ToolUsage;
}

void tst_ErrorCatalog::classifyExitCode()
{
    QFETCH(QString, stdOut);
    QFETCH(QString, stdErr);
    QFETCH(ErrorCode, code);

    const ToolResult result = exited(1, stdOut, stdErr);
    const Station::Error error = ErrorCatalog::classify(result);
    QCOMPARE(Station::errorCodeName(error.code), Station::errorCodeName(code));
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!error.remedy.isEmpty());
    // The raw text is kept for engineering.
    QVERIFY(error.detail.contains(stdErr.trimmed()));
    QVERIFY(error.detail.contains(stdOut.trimmed()));
}

void tst_ErrorCatalog::causeAndRemedyWords_data()
{
    QTest::addColumn<QString>("stdErr");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<QString>("remedy");

    QTest::newRow("multiple devices")
        << u"error: Multiple devices are attached; use --device to specify one."_s
        << u"The station did not say which device to use (configuration fault)."_s
        << u"Stop the line; call engineering."_s;
    QTest::newRow("could not connect")
        << u"error: Could not connect to the device; please ensure it is attached."_s
        << u"The device cannot be reached over USB: not seated, bad cable or contact, or the "
           "fixture is bound to the wrong port."_s
        << u"Reseat the device and cable, check the fixture's port, retry."_s;
    QTest::newRow("image not trusted")
        << u"error: Could not deploy application to device: Image not trusted by device"_s
        << u"(a) SDK development thumbprint in the package: a development build, which factory "
           "devices refuse. (b) Production thumbprint: the device's trusted keystore is older "
           "than the signing key."_s
        << u"(a) Use the production-signed package. (b) Sideload the trusted keystore package "
           "(or recover to a newer OS), then retry."_s;
    QTest::newRow("wifi")
        << u"error: Network already exists."_s
        << u"The recipe's Wi-Fi settings do not fit (duplicate, missing, too "
           "long or short), or the radio is still starting."_s
        << u"Fix the Wi-Fi settings; for \"initializing\", wait 10 s and retry."_s;
    QTest::newRow("rf") << u"ERROR: RF test mode is not available on this device."_s
                        << u"The RF tools need a Blank device; this one has left Blank."_s
                        << u"RF steps must precede the state change; set it aside."_s;
}

void tst_ErrorCatalog::causeAndRemedyWords()
{
    QFETCH(QString, stdErr);
    QFETCH(QString, cause);
    QFETCH(QString, remedy);

    const Station::Error error = ErrorCatalog::classify(exited(1, {}, stdErr));
    QCOMPARE(error.message, cause);
    QCOMPARE(error.remedy, remedy);
}

void tst_ErrorCatalog::warningLinesAreDropped()
{
    // A WARNING line containing a catalogue key must not decide the row.
    const QString stdErr
        = u"WARNING: The device with IP '192.168.35.2' is selected from parameter '12113'\n"
          "WARNING: Permission denied is not what happened here\n"
          "error: Could not connect to the device; please ensure it is attached.\n"_s;
    const Station::Error error = ErrorCatalog::classify(exited(1, {}, stdErr));
    QCOMPARE(error.code, ErrorCode::DeviceNotConnected);

    const QString text = ErrorCatalog::classifiableText(u"line 1\r\nline 2\n"_s, stdErr);
    QVERIFY(!text.contains(u"WARNING"_s));
    QVERIFY(text.contains(u"line 1\nline 2"_s));
    QVERIFY(text.contains(u"Could not connect"_s));

    // A warning alone matches nothing.
    QVERIFY(!ErrorCatalog::match(
        ErrorCatalog::classifiableText({}, u"WARNING: Device is busy and refused request.\n"_s))
                 .has_value());
}

void tst_ErrorCatalog::unknownMessage()
{
    const Station::Error error
        = ErrorCatalog::classify(exited(1, {}, u"error: something brand new happened\n"_s));
    QCOMPARE(error.code, ErrorCode::ToolFailed);
    QCOMPARE(error.message, u"The tool failed with a message the station does not know"_s);
    QCOMPARE(error.remedy, u"Retry once; send the raw output to engineering"_s);
    QCOMPARE(error.detail, u"error: something brand new happened"_s);
}

void tst_ErrorCatalog::exitCodeTwoIsUsage()
{
    const QString usage
        = u"azsphere device update: error: the following arguments are required: "
          "--device-group/-g\nRun 'azsphere device update --help' for detailed information about "
          "the command.\n"_s;
    QCOMPARE(ErrorCatalog::classify(exited(2, {}, usage)).code, ErrorCode::ToolUsage);
    // Exit 2 is a usage error even when the text would match another row.
    const Station::Error error = ErrorCatalog::classify(exited(2,
        {},
        u"azsphere device sideload deploy: error: argument --image-package/-p: the file "
        "'/x' does not exist or is not accessible.\n"_s));
    QCOMPARE(error.code, ErrorCode::ToolUsage);
    QCOMPARE(error.message, u"The station called the tool wrongly."_s);
    QCOMPARE(error.remedy, u"Call engineering with the raw output."_s);
    const QString unknownCommand = u"azsphere device: 'foo' is not in the 'azsphere device' "
                                   "command group. See 'azsphere device --help'.\n"_s;
    QCOMPARE(ErrorCatalog::classify(exited(2, {}, unknownCommand)).code, ErrorCode::ToolUsage);
}

void tst_ErrorCatalog::runnerOutcomes_data()
{
    QTest::addColumn<ToolOutcome>("outcome");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("cause");

    QTest::newRow("start failed") << ToolOutcome::StartFailed << ErrorCode::ToolStartFailed
                                  << u"The station could not start the tool."_s;
    QTest::newRow("timed out") << ToolOutcome::TimedOut << ErrorCode::ToolTimedOut
                               << u"The tool hung; the station killed it."_s;
    QTest::newRow("crashed") << ToolOutcome::Crashed << ErrorCode::ToolCrashed
                             << u"The tool crashed."_s;
    QTest::newRow("cancelled") << ToolOutcome::Cancelled << ErrorCode::Cancelled
                               << u"The operator aborted the step."_s;
}

void tst_ErrorCatalog::runnerOutcomes()
{
    QFETCH(ToolOutcome, outcome);
    QFETCH(ErrorCode, code);
    QFETCH(QString, cause);

    ToolResult result;
    result.outcome = outcome;
    result.exitCode = -1;
    // Output that would match a catalogue row must not override the runner's outcome.
    result.stdErr = "error: Device is busy and refused request.\n";
    result.errorString = u"runner note"_s;
    const Station::Error error = ErrorCatalog::classify(result);
    QCOMPARE(error.code, code);
    QCOMPARE(error.message, cause);
    QVERIFY(error.detail.contains(u"runner note"_s));
    QVERIFY(error.detail.contains(u"Device is busy"_s));
    if (outcome == ToolOutcome::TimedOut)
        QCOMPARE(error.remedy, u"Unplug and replug the device, retry."_s);
}

void tst_ErrorCatalog::succeededButUnreadable()
{
    const Station::Error error
        = ErrorCatalog::outputUnparsable(exited(0, u"x7#garbage"_s, {}), u"bad JSON"_s);
    QCOMPARE(error.code, ErrorCode::OutputUnparsable);
    QCOMPARE(error.message, u"The tool printed something unreadable."_s);
    QCOMPARE(error.remedy, u"Retry; send the raw output to engineering."_s);
    QVERIFY(error.detail.contains(u"x7#garbage"_s));
    QVERIFY(error.detail.contains(u"bad JSON"_s));
    QCOMPARE(
        ErrorCatalog::classify(exited(0, u"x7#garbage"_s, {})).code, ErrorCode::OutputUnparsable);
}

void tst_ErrorCatalog::missingSuccessLine()
{
    const ToolResult plain = exited(0, u"Restarting device.\n"_s, {});
    QCOMPARE(ErrorCatalog::missingSuccessLine(plain, u"Device restarted successfully."_s).code,
        ErrorCode::OutputUnparsable);
    const ToolResult known
        = exited(0, u"Restarting device.\n"_s, u"error: Device is busy and refused request.\n"_s);
    QCOMPARE(ErrorCatalog::missingSuccessLine(known, u"Device restarted successfully."_s).code,
        ErrorCode::DeviceBusy);
}

void tst_ErrorCatalog::imageNotTrustedRefinement_data()
{
    QTest::addColumn<QString>("thumbprint");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<QString>("remedy");

    QTest::newRow("development") << QString::fromLatin1(Station::DevelopmentThumbprint)
                                 << u"SDK development thumbprint in the package: a development "
                                    "build, which factory devices refuse."_s
                                 << u"Use the production-signed package."_s;
    QTest::newRow("development, upper case")
        << QString::fromLatin1(Station::DevelopmentThumbprint).toUpper()
        << u"SDK development thumbprint in the package: a development build, which factory "
           "devices refuse."_s
        << u"Use the production-signed package."_s;
    QTest::newRow("production") << u"e7da166741ccfabee1623ca315d0b208df11e1f8"_s
                                << u"Production thumbprint: the device's trusted keystore is "
                                   "older than the signing key."_s
                                << u"Sideload the trusted keystore package (or recover to a "
                                   "newer OS), then retry."_s;
}

void tst_ErrorCatalog::imageNotTrustedRefinement()
{
    QFETCH(QString, thumbprint);
    QFETCH(QString, cause);
    QFETCH(QString, remedy);

    const Station::Error error = ErrorCatalog::classify(exited(
        1, {}, u"error: Could not deploy application to device: Image not trusted by device"_s));
    QCOMPARE(error.code, ErrorCode::ImageNotTrusted);
    const Station::Error refined = ErrorCatalog::refineImageNotTrusted(error, thumbprint);
    QCOMPARE(refined.code, ErrorCode::ImageNotTrusted);
    QCOMPARE(refined.message, cause);
    QCOMPARE(refined.remedy, remedy);
    QCOMPARE(refined.detail, error.detail);

    // Other codes pass through untouched.
    const Station::Error busy
        = ErrorCatalog::classify(exited(1, {}, u"error: Device is busy and refused request."_s));
    QCOMPARE(ErrorCatalog::refineImageNotTrusted(busy, thumbprint).message, busy.message);
}

// Output cut at the capture limit: for a tool that exited (0 or not), OutputTooLarge whatever
// the kept head says; the runner's own outcomes (timeout, crash, cancel) stay what they were.
void tst_ErrorCatalog::truncatedOutput_data()
{
    QTest::addColumn<ToolOutcome>("outcome");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("outCut");
    QTest::addColumn<bool>("errCut");
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("exit 0, stdout cut")
        << ToolOutcome::Succeeded << 0 << true << false << ErrorCode::OutputTooLarge;
    QTest::newRow("exit 0, stderr cut")
        << ToolOutcome::Succeeded << 0 << false << true << ErrorCode::OutputTooLarge;
    QTest::newRow("exit 1, both cut, known message in the head")
        << ToolOutcome::ExitCode << 1 << true << true << ErrorCode::OutputTooLarge;
    QTest::newRow("exit 2, not usage")
        << ToolOutcome::ExitCode << 2 << true << false << ErrorCode::OutputTooLarge;
    QTest::newRow("timed out") << ToolOutcome::TimedOut << -1 << true << false
                               << ErrorCode::ToolTimedOut;
    QTest::newRow("cancelled") << ToolOutcome::Cancelled << -1 << true << true
                               << ErrorCode::Cancelled;
    QTest::newRow("crashed") << ToolOutcome::Crashed << -1 << false << true
                             << ErrorCode::ToolCrashed;
    QTest::newRow("exit 1, nothing cut")
        << ToolOutcome::ExitCode << 1 << false << false << ErrorCode::DeviceBusy;
}

void tst_ErrorCatalog::truncatedOutput()
{
    QFETCH(ToolOutcome, outcome);
    QFETCH(int, exitCode);
    QFETCH(bool, outCut);
    QFETCH(bool, errCut);
    QFETCH(ErrorCode, code);

    ToolResult result;
    result.outcome = outcome;
    result.exitCode = exitCode;
    result.stdOut = "{\"manufacturingState\": \"Blank\"}\n";
    result.stdErr = "error: Device is busy and refused request.\n";
    result.stdOutTruncated = outCut;
    result.stdErrTruncated = errCut;
    const Station::Error error = ErrorCatalog::classify(result);
    QCOMPARE(Station::errorCodeName(error.code), Station::errorCodeName(code));
    if (code != ErrorCode::OutputTooLarge)
        return;
    QCOMPARE(error.message,
        u"The tool printed more than the station keeps (1 MiB per stream); only the first 1 MiB "
        "were kept, so its reply is incomplete and was not read."_s);
    QVERIFY(!error.remedy.isEmpty());
    const QString streams = outCut && errCut ? u"stdout and stderr"_s
        : outCut                             ? u"stdout"_s
                                             : u"stderr"_s;
    QVERIFY2(
        error.detail.startsWith(streams + u" cut at 1048576 bytes\n"_s), qPrintable(error.detail));
    // The raw text kept is the capped part, as it came.
    QVERIFY(error.detail.contains(u"manufacturingState"_s));
    QVERIFY(error.detail.contains(u"Device is busy"_s));

    // The helpers a parser calls when it gives up say the same.
    QCOMPARE(ErrorCatalog::outputUnparsable(result, u"bad JSON"_s).code, ErrorCode::OutputTooLarge);
    QCOMPARE(ErrorCatalog::missingSuccessLine(result, u"Done."_s).code, ErrorCode::OutputTooLarge);
    QVERIFY(!ErrorCatalog::isParseable(result));
}

void tst_ErrorCatalog::outputTooLargeName()
{
    // Appended at the end: the stored numbers of every other code stay what they were.
    QCOMPARE(int(ErrorCode::OutputTooLarge), int(ErrorCode::RecordUnwritable) + 1);
    QCOMPARE(Station::errorCodeName(ErrorCode::OutputTooLarge), u"OutputTooLarge"_s);
    QCOMPARE(Station::errorCodeFromName(u"OutputTooLarge"_s), ErrorCode::OutputTooLarge);
}

QTEST_APPLESS_MAIN(tst_ErrorCatalog)

#include "tst_errorcatalog.moc"
