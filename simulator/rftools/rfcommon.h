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
};

// Selects the device as azsphere does (§1.2: ID, IP or connection path; a lone device when
// `device` is empty), applies the faults named for `tool` (not-responding, hang, slow,
// rf-out-of-spec) and checks RF test mode. On failure prints the §7.1 error on stdout and returns
// nullopt with *exitCode set.
std::optional<Session> connect(const QString &device, const QString &tool, int *exitCode);

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
