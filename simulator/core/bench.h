#pragma once

#include "simulator/core/catalog.h"
#include "simulator/core/device.h"
#include "simulator/core/filelock.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

// The simulator bench: a directory holding bench.json (seed, fixture slots, attachment, SDK
// version, access points) and devices/<serial>.json (one state per device). This header is the
// API that sim-io (`sphere-sim serve`, RfSettingsTool, RfToolCli) uses.
//
// Concurrency: every file is replaced atomically (QSaveFile: write a temporary, rename), so a
// reader without a lock always sees a whole, consistent file. Writers hold a flock: the device's
// lock (devices/<serial>.lock) to change a device, bench.lock to change bench.json. Lock order:
// a device lock may be held while taking bench.lock, never the reverse. The kernel releases the
// locks of a killed process.
//
// Layout:
//   <bench>/bench.json, bench.lock
//   <bench>/devices/<serial>.json, <serial>.lock, <serial>.busy (while a recovery runs)
//   <bench>/uart/<connection path> (symlinks made by `sphere-sim serve`)
namespace Sim {

// One fixture slot. The connection path belongs to the slot (the USB port), not to the device.
struct Slot
{
    int fixture = 0;        // 1-based
    QString connectionPath; // "1210 + fixture"
    QString serial;         // the device in the slot; empty = empty slot
    bool attached = false;  // plugged in (and so visible to the tools)
    QString ipAddress;      // set while attached: lowest free 192.168.35.2 - .254
};

struct BenchConfig
{
    int formatVersion = 1;
    QString seed = QStringLiteral("sphere-station");
    QString sdkVersion = QStringLiteral("25.10.0.1");
    QString defaultOs; // the OS of new devices (bench create --os; swap uses it too)
    QString defaultState = QStringLiteral("Blank");
    bool macProgrammed = true;
    int nextSerial = 1;
    QList<AccessPoint> accessPoints;
    QList<Slot> fixtures;
    QStringList serials; // every device ever made, in creation order

    QJsonObject toJson() const;
    static std::optional<BenchConfig> fromJson(const QJsonObject &o, QString *why = nullptr);
};

// How --device matched (§1.2): by connection path prints the WARNING line.
enum class MatchedBy { DeviceId, IpAddress, ConnectionPath };

struct Attached
{
    Slot slot;
    MatchedBy matchedBy = MatchedBy::DeviceId;
};

struct CreateOptions
{
    int devices = 1;
    QString seed = QStringLiteral("sphere-station");
    QString osVersion; // empty = catalog factoryOsVersion
    QString state = QStringLiteral("Blank");
    bool macProgrammed = true;
};

class Bench final
{
public:
    // --home DIR when given, else AZSPHERE_SIM_HOME; empty when neither is set.
    static QString homeDirectory(const QString &homeOption = {});

    explicit Bench(const QString &dir);

    // Makes a fresh bench in dir (which may exist; an existing bench.json and devices/ are
    // replaced). Reproducible: the same options give the same serials, IDs, paths and IPs.
    static bool create(const QString &dir, const CreateOptions &options, QString *why);

    QString directory() const { return m_dir; }
    QString benchFile() const;
    QString devicesDirectory() const;
    QString deviceFile(const QString &serial) const;
    QString deviceLockFile(const QString &serial) const;
    QString busyFile(const QString &serial) const;
    QString uartDirectory() const;

    // Reads bench.json (no lock needed). False with why when the bench is missing or damaged.
    bool load(QString *why = nullptr);
    const BenchConfig &config() const { return m_config; }

    // Attached devices sorted by IP address.
    QList<Slot> attachedSlots() const;
    std::optional<Slot> slotOfSerial(const QString &serial) const;
    std::optional<Slot> slotOfFixture(int fixture) const;
    // Resolves --device (§1.2) among the attached devices: a device ID (case-insensitive), an
    // IP address or a connection path. Reads the device files to match IDs.
    std::optional<Attached> resolve(const QString &selector) const;
    // Re-reads bench.json and tells whether the serial is still attached.
    bool isStillAttached(const QString &serial) const;

    // Device state (no lock needed for reading).
    std::optional<DeviceState> readDevice(const QString &serial, QString *why = nullptr) const;
    // The device's lock, held while the returned object lives.
    FileLock lockDevice(const QString &serial, QString *why = nullptr) const;
    FileLock tryLockDevice(const QString &serial) const;
    // Atomic write; call with the device's lock held.
    bool writeDevice(const DeviceState &state, QString *why = nullptr) const;
    // Locks, reads, calls fn, writes when fn returns true, unlocks.
    bool modifyDevice(const QString &serial,
        const std::function<bool(DeviceState &)> &fn,
        QString *why = nullptr) const;

    // Locks bench.lock, re-reads bench.json, calls fn, writes when fn returns true.
    bool modifyBench(const std::function<bool(BenchConfig &)> &fn, QString *why = nullptr);

    // Locks the device and takes one firing of a fault (see takeFault in device.h); writes the
    // state when the draw changed it. For sim-io: e.g. takeFault(serial, u"uart-silent"_s,
    // u"PING"_s).
    std::optional<Fault> takeFault(
        const QString &serial, const QString &kind, const QString &command);

    // A recovery in progress (the busy marker of a live process), or a device rebooting.
    // Empty when the device answers.
    QString busyReason(const QString &serial) const;
    QString busyReason(const DeviceState &state) const;

    // Attachment changes (under bench.lock). plug: attach with the lowest free IP and count a
    // boot; unplug: detach and free the IP; swap: a new device (next serial) in the slot,
    // attached; or, with `putBack`, a device this bench made earlier that sits in no fixture now
    // (it keeps its state and boots, as at plug). False with why when the fixture or device is
    // unknown, the device is in a fixture, or no IP is free.
    bool plug(int fixture, QString *why = nullptr);
    bool unplug(int fixture, QString *why = nullptr);
    bool swap(int fixture,
        QString *newSerial = nullptr,
        QString *why = nullptr,
        const QString &putBack = {});

    // The lowest free address among the attached slots, or empty.
    static QString lowestFreeIp(const QList<Slot> &slotList);

private:
    QString m_dir;
    BenchConfig m_config;
};

// Marks a device as busy with a long CLI-driven operation (recovery) while the object lives:
// writes <serial>.busy with this process's ID, removes it on destruction. A marker left by a
// killed process is ignored (its process is gone).
class BusyMarker final
{
public:
    BusyMarker(const Bench &bench, const QString &serial, const QString &reason);
    ~BusyMarker();
    BusyMarker(const BusyMarker &) = delete;
    BusyMarker &operator=(const BusyMarker &) = delete;

private:
    QString m_path;
    int m_fd = -1;
};

// "192.168.35.<n>"
QString ipForHost(int host);
// Writes bytes atomically (QSaveFile).
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *why = nullptr);
// JSON as the simulator stores and prints it: sorted keys, 2-space indent, trailing newline.
QByteArray toSortedJson(const QJsonValue &value);

} // namespace Sim
