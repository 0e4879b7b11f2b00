#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One simulated device's state (REFERENCE.md §4), as stored in <bench>/devices/<serial>.json.
// This header and bench.h are the API that sim-io (`sphere-sim serve`, RfSettingsTool,
// RfToolCli) uses: read a device with Bench::readDevice(), change it with Bench::modifyDevice()
// (under the device's lock), look at faults with hasFault()/takeFault().
namespace Sim {

// Fault kinds `sphere-sim fault set` takes (§4.5).
namespace FaultKind {
inline constexpr char16_t Hang[] = u"hang";
inline constexpr char16_t Slow[] = u"slow";
inline constexpr char16_t Garbage[] = u"garbage";
inline constexpr char16_t NotResponding[] = u"not-responding";
inline constexpr char16_t RecoverFails[] = u"recover-fails";
inline constexpr char16_t UntrustedKeystore[] = u"untrusted-keystore";
inline constexpr char16_t InsufficientSpace[] = u"insufficient-space";
inline constexpr char16_t OtaInProgress[] = u"ota-in-progress";
inline constexpr char16_t UnplugMidStep[] = u"unplug-mid-step";
inline constexpr char16_t UartSilent[] = u"uart-silent";
inline constexpr char16_t UartSelftestFail[] = u"uart-selftest-fail";
inline constexpr char16_t MeasurementOutOfLimits[] = u"measurement-out-of-limits";
inline constexpr char16_t RfOutOfSpec[] = u"rf-out-of-spec";
inline constexpr char16_t SwapBeforeCommand[] = u"swap-before-command";
inline constexpr char16_t OversizedOutput[] = u"oversized-output";
} // namespace FaultKind
QStringList faultKinds();

// An injected fault. It fires on a command it applies to with `probability`; each firing uses one
// of `count` (count < 0: unlimited, the default). `command` restricts it to one command name
// (e.g. "recover", "sideload deploy", "SELFTEST", "RfSettingsTool"); empty = every command the
// kind applies to. `variant` picks a flavour (recover-fails: enter-recovery, boot-timeout,
// security-state, communication; uart-selftest-fail: the FAIL reason token). `factor` is the
// slow fault's multiplier. `skip`: the first `skip` commands it applies to pass it by (counted
// before any draw), so a fault can aim at, say, the third `manufacturing-state show`.
struct Fault
{
    QString kind;
    double probability = 1.0;
    int count = -1;
    int skip = 0;
    QString command;
    QString variant;
    double factor = 5.0;

    QJsonObject toJson() const;
    static Fault fromJson(const QJsonObject &o);
    QString describe() const; // "hang", "slow x5 p=0.5 n=3 skip=1 cmd=recover"
};

struct InstalledImage
{
    QString componentId; // lowercase GUID
    QString imageId;     // lowercase GUID
    QString name;        // Debug name
    int imageType = 0;
    qint64 bytes = 0;
    QString thumbprint;        // signing key thumbprint, lowercase hex
    bool manualStart = false;  // applications deployed with -m (not running)
    bool removeAtBoot = false; // temporary image (flags bit 0): removed at the next boot

    QJsonObject toJson() const;
    static InstalledImage fromJson(const QJsonObject &o);
};

struct WifiNetwork
{
    int id = 0;
    QString ssid;
    QString psk; // never printed; empty = open
    QString configState = QStringLiteral("enabled");
    QString securityState = QStringLiteral("psk");
    bool targetedScan = false;
    QString configName;
    qint64 connectableAtMs = 0; // wall time from which the simulated radio may connect it

    QJsonObject toJson() const;
    static WifiNetwork fromJson(const QJsonObject &o);
};

struct DeviceState
{
    int formatVersion = 1;
    QString serial;
    QString deviceId; // 128 lowercase hex
    QString manufacturingState = QStringLiteral("Blank");
    QList<int> capabilities; // sorted: 11, 12, 13
    QString osVersion;       // the last OS version installed ("24.03")
    int trustedKeystore = 1;
    QList<InstalledImage> images; // OS components in catalog order, then others in install order
    QList<WifiNetwork> wifi;
    QByteArray efuse;       // saved e-fuse buffer, 1024 bytes
    QString boardConfig;    // "", ENC28J60, W5500
    qint64 bootCount = 1;   // +1 at every boot (attach, restart, end of recovery, keystore)
    qint64 busyUntilMs = 0; // rebooting until this wall time: "not responding" before it
    QString busyReason;     // "restart", "recovery", "keystore"
    QList<Fault> faults;
    quint64 faultRolls = 0; // random draws so far (the fault random source is seeded by it)

    QJsonObject toJson() const;
    static std::optional<DeviceState> fromJson(const QJsonObject &o, QString *why = nullptr);

    bool hasCapability(int n) const { return capabilities.contains(n); }
    bool isDeviceComplete() const { return manufacturingState == u"DeviceComplete"; }
    // Rebooting at wall time `now` (restart, keystore update, end of recovery).
    bool isRebooting(qint64 now) const { return busyUntilMs > now; }
    // "02:5a:3c:11:90:7e" from the saved e-fuse buffer (lowercase).
    QString macAddress() const;
    qint64 applicationBytes() const;
    int indexOfComponent(const QString &componentId) const;
};

// A new device as it leaves the chip factory, or as `bench create --os/--state` asks for.
DeviceState makeDevice(const QString &seed,
    const QString &serial,
    const QString &osVersion,
    const QString &state,
    bool macProgrammed);
// What every boot does (restart, keystore update, plug-in, end of recovery): one more boot,
// temporary images marked "remove at boot" go, and every application runs again.
void applyBoot(DeviceState &s);
// SHA-512 hex of "<seed>:<serial>".
QString deviceIdFor(const QString &seed, const QString &serial);
// §4.4 + sim-catalog efuse map: chip ID 20 36, MAC 02:5A + the first 4 bytes of the device ID
// (zero when !macProgrammed), region unset, Rx diversity 0x29, powers 0x22 / 0x1E.
QByteArray initialEfuse(const QString &deviceId, bool macProgrammed);
// The 16 OS components of a catalog version, as installed images.
QList<InstalledImage> osImages(const QString &osVersion);

// Faults. `command` is the name of the command asking (e.g. "sideload deploy", "SELFTEST").
// Does a fault of this kind apply to the command (ignores probability and count)?
bool faultApplies(const Fault &f, const QString &kind, const QString &command);
// A fault of this kind that applies, without drawing or using it up (one with `skip` left too:
// the command would count it down).
std::optional<Fault> peekFault(const DeviceState &s, const QString &kind, const QString &command);
// Draws for each applicable fault of this kind in turn; the first that fires uses one of its count
// (and removes it at zero). A fault with `skip` left lets the command pass and counts one down.
// Call under the device lock and write the state afterwards when
// `*changed` is set (the draw counter always changes when a fault applies).
std::optional<Fault> takeFault(DeviceState &s,
    const QString &seed,
    const QString &kind,
    const QString &command,
    bool *changed);
// A deterministic random number in [0, 1) from the device's fault source (advances it).
double drawRandom(DeviceState &s, const QString &seed);

} // namespace Sim
