#pragma once

#include "simulator/core/bench.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// What RfSettingsTool and RfToolCli share (REFERENCE.md §7): finding the device, the RF test
// mode check, the injected faults, and the text forms of the e-fuse buffer.
namespace Sim::Rf {

inline constexpr int ConfigSize = 1024;
inline constexpr int RfTestModeCapability = 12;

// Process exit codes (§7): 0 success, 1 device error or mismatch, 2 bad arguments or file.
inline constexpr int ExitOk = 0;
inline constexpr int ExitFailure = 1;
inline constexpr int ExitUsage = 2;

// Prints one line on stdout and flushes (the station reads the stream as it comes).
void printLine(const QString &line);
void printErrorLine(const QString &line); // stderr

// A connected device in RF test mode.
struct Session
{
    Bench bench;
    QString serial;
    DeviceState state; // as read at connect time, with rf-out-of-spec applied
    int fixture = 0;
    bool swapAfter = false; // swap-before-command --variant after: swap when the tool ends
    bool oversized = false; // oversized-output: pad a successful reply
    bool oversizedToStderr = false;
};

// Selects the device as azsphere does (§1.2: ID, IP or connection path; a lone device when
// `device` is empty), applies the faults named for `tool` (swap-before-command, not-responding,
// hang, slow, rf-out-of-spec, oversized-output) and checks RF test mode. On failure prints the
// §7.1 error on stdout and returns nullopt with *exitCode set. A swap-before-command fault swaps
// the device out of its fixture first (as `sphere-sim swap`) and then selects again: by ID the
// tool finds no device, by connection path or IP it gets the new one.
std::optional<Session> connect(const QString &device, const QString &tool, int *exitCode);

// The end of a tool that connected: the oversized-output padding after a successful reply, the
// swap of the `after` variant. Returns exitCode.
int finish(const Session &session, int exitCode);

// For `config save` (call with the device's lock held): the device is still attached and
// answering.
bool stillConnected(const Session &session);

// The named fields (§4.4; byte ranges from sim-catalog.json's efuse map).
struct Field
{
    QString label;
    int first = 0;
    int length = 0;
};
Field macField();
Field regionField();
Field rxDiversityField();
Field txPower24Field();
Field txPower5Field();

QString formatMac(const QByteArray &config);    // "02:5A:3C:11:90:7E"
QString formatRegion(const QByteArray &config); // "US", "(not set)", "0x4A 0x00"
QString formatByte(int value);                  // "0x29", "0x3FF": upper-case, at least 2 digits
QString formatPower(quint8 value);              // "17.0 dBm"
QString formatField(const Field &field, const QByteArray &config);
// "<label>:" padded to 22, then the value.
QString labelled(const QString &label, const QString &value);
// 64 lines "0000: 20 36 00 ..."
QStringList hexdump(const QByteArray &config);

} // namespace Sim::Rf
