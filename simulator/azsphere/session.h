#pragma once

#include "simulator/azsphere/cli.h"
#include "simulator/core/bench.h"

#include <optional>

// One device command's hold on its device: selection by --device (§1.2), the device lock for the
// whole command (commands on one device run in turn), the "not responding" rules and the faults
// that act at the start of every device command (§4.5).
namespace Az {

// The bench named by AZSPHERE_SIM_HOME; an unset or missing bench has nothing attached.
Sim::Bench openBench(bool *loaded = nullptr);

inline const QString NotRespondingText
    = QStringLiteral("The device is not responding. The device may be unresponsive if it is "
                     "applying an Azure Sphere "
                     "operating system update; please retry in a few minutes.");
inline const QString CouldNotConnectText
    = QStringLiteral("Could not connect to the device; please ensure it is attached.");
inline const QString PermissionText = QStringLiteral(
    "You do not have permission to perform this operation on this device. Permission denied; "
    "application development capability may be required ('azsphere device enable-development').");

[[noreturn]] void failCouldNotConnect();
[[noreturn]] void failNotResponding();

// Random printable text for the `garbage` fault (never valid JSON).
QByteArray garbageText(Sim::DeviceState &state, const QString &seed);

// Bench-wide commands (list-attached, rescan-attached): faults whose --command names them.
void applyBenchWideFaults(const Context &ctx, Sim::Bench &bench);

// What a fault drawn at the start of a command does once the command has ended (main() calls
// finishCommand with the exit code): `swap-before-command --variant after` swaps the device out
// of its fixture; `oversized-output` prints its padding and error line after a successful reply.
struct EndEffects
{
    int swapFixture = 0; // 0: none
    bool oversized = false;
    bool oversizedToStderr = false;
};
EndEffects &endEffects();
// Applies the end effects; returns the exit code to use (unchanged).
int finishCommand(int exitCode);

class DeviceSession final
{
public:
    struct Options
    {
        // recover works through the recovery bootloader, so a rebooting device does not stop it.
        bool allowRebooting = false;
    };

    // Selects and locks the device, or ends the command (CliExit) with the §1.2 / §3 error.
    DeviceSession(const Context &ctx, Sim::Bench &bench);
    DeviceSession(const Context &ctx, Sim::Bench &bench, Options options);
    DeviceSession(const DeviceSession &) = delete;
    DeviceSession &operator=(const DeviceSession &) = delete;

    Sim::Bench &bench() { return m_bench; }
    const Sim::Slot &slot() const { return m_slot; }
    Sim::DeviceState &state() { return m_state; }
    QString seed() const { return m_bench.config().seed; }

    // Sleeps `seconds` of simulated time. A pending unplug-mid-step fault detaches the device
    // half-way through (when unplugPoint) and fails with "Could not connect"; so does a device
    // that was unplugged meanwhile.
    void delay(double seconds, bool unplugPoint = true);
    // Ends the command with "Could not connect" when the device is no longer attached.
    void checkAttached();
    // The device refuses when DeviceComplete without capability 11 or 13 (§2.10).
    bool isLocked() const;
    // Takes one firing of a fault of this kind for this command; saves the state when it changed.
    std::optional<Sim::Fault> takeFault(const QString &kind);
    // Writes the state (atomically) while the lock is held.
    void save();
    // Gives up the device lock early (restart waits for the reboot without holding it).
    void unlock();

private:
    // Finds the device --device names (or the lone device), locks it and reads its state.
    // `warnNow`: print the connection-path WARNING at once (else it is left in m_pendingWarning).
    void select(Options options, bool warnNow);
    void printPendingWarning();
    // swap-before-command: true when it swapped the device out (the caller selects again).
    bool applySwapBeforeCommand();
    void applyStartFaults();

    const Context &m_ctx;
    Sim::Bench &m_bench;
    Sim::Slot m_slot;
    Sim::DeviceState m_state;
    Sim::FileLock m_lock;
    bool m_unplugPending = false;
    QString m_pendingWarning;
};

} // namespace Az
