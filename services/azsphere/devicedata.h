#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Typed device data as the azsphere CLI reports it (REFERENCE.md section 2). Plain value types:
// the clients produce them on a fixture's worker thread and steps copy them into the record.
namespace Station {

// REFERENCE.md 2.5. Unknown is reported by the device only; the station never sets it.
enum class ManufacturingState { Blank, Module1Complete, DeviceComplete, Unknown };

QString manufacturingStateName(ManufacturingState state);

// A device ID as people read it wherever the station shows one short (causes, tiles, the
// records page, the headless output): its first 8 and last 4 hex digits around one "…"
// ("62dfbf42…675d"): enough to tell two devices apart on a bench, short enough to read from two
// metres and compare with the label. An ID that would not get shorter (13 characters or less)
// is kept whole. The only place a short device ID is formatted.
QString shortDeviceId(const QString &deviceId);
std::optional<ManufacturingState> manufacturingStateFromName(const QString &name);

// REFERENCE.md 2.6: capability names and their numbers. An unknown number n prints as "n".
std::optional<int> capabilityNumber(const QString &name);
QString capabilityName(int number);

// The rftest_server component (REFERENCE.md 4.2, 5.2): must be gone before shipping.
inline constexpr char RfTestServerComponentId[] = "508eddf2-b8c3-4a99-93d9-a045d9a060eb";

// The SDK's development signing thumbprint (REFERENCE.md 6.1): such packages need capability 11.
inline constexpr char DevelopmentThumbprint[] = "a8d5cc6958f48710140d7a26160fc1cfc31f5df0";

// Image type of applications (REFERENCE.md 6.2).
inline constexpr int ApplicationImageType = 10;

// One entry of `device list-attached` (or `show-attached`, which always answers).
struct AttachedDevice
{
    QString deviceId; // 128 lowercase hex; empty when the device does not answer
    QString ipAddress;
    QString connectionPath; // may be empty (Linux)
    bool isResponsive = true;
};

// One component of `device image list-installed`. IDs are lowercase GUID strings.
struct InstalledComponent
{
    QString componentId; // uid
    QString imageId;     // images[0].uid
    int imageType = 0;
    QString name;
    qint64 lengthInBytes = 0;
    bool requiresRestart = false;
    bool isUpdateStaged = false;

    bool isApplication() const { return imageType == ApplicationImageType; }
};

// One configured Wi-Fi network (`device wifi add` / `wifi list`).
struct WifiNetwork
{
    int id = -1;
    QString ssid;
    QString configState;     // enabled | disabled
    QString connectionState; // connected | disconnected | unknown
    QString securityState;   // psk | open | eaptls | unknown
    bool targetedScan = false;
    QString configName;
};

// The Wi-Fi interface (`device wifi show-status`). While disconnected only address,
// connectionState, mode and wpaState are present.
struct WifiStatus
{
    QString address;
    QString connectionState;
    QString mode;
    QString wpaState;
    QString ssid;
    QString ipAddress;
    QString keyManagement;
    QString securityState;
    QString configState;
    std::optional<int> networkId;
    std::optional<int> frequencyMhz;

    bool isConnected() const { return connectionState == QLatin1String("connected"); }
};

// Progress of `device recover`, from its `Sending n images` and `Sent k of n images` lines.
struct RecoverProgress
{
    int imagesSent = 0;
    int imageCount = 0;
    qint64 bytesRemaining = -1; // -1 when the line did not say
    qint64 bytesTotal = -1;
};

struct RecoverReport
{
    QString deviceId; // from the `Device ID:` line, lowercase; empty if it was not printed
    int imagesSent = 0;
    int imageCount = 0;
};

struct DeployReport
{
    bool startedAutomatically = true; // false when the tool said it did not start the app
};

struct DeletedComponent
{
    QString componentId;
    bool wasPresent = true; // false for "deleted or was not present beforehand"
};

} // namespace Station

Q_DECLARE_METATYPE(Station::AttachedDevice)
Q_DECLARE_METATYPE(Station::InstalledComponent)
Q_DECLARE_METATYPE(Station::WifiNetwork)
