#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Capability files (the contract's §11): the binary layout of `azsphere device capability
// download`, which `recover --capability` applies. A 140-byte capability structure (u32 magic
// 0x5CFD5CFD, u32 version, u32 data length, 64 bytes device ID, 64 capability bytes, zero =
// none) followed by the §6.2 image metadata and its 64-byte signature. The simulator signs with
// its own key (CapabilityKeyThumbprint) and the §6.3 hash rule. Pure functions; any thread.
namespace Sim {

inline constexpr quint32 CapabilityMagic = 0x5CFD5CFD;
inline constexpr int CapabilityStructSize = 140;

// SHA-1 of "sphere-sim capability signing key", lowercase hex: the only key the simulated
// devices accept on a capability file.
QString capabilityKeyThumbprint();

// A capability file for the device (128 hex characters) granting the numbers given (e.g. 11, 13).
QByteArray writeCapabilityFile(const QString &deviceId, const QList<int> &capabilities);

struct CapabilityFile
{
    QString deviceId; // 128 lowercase hex
    QList<int> capabilities;
};

// Reads and checks a capability file: layout, metadata, key and hash. nullopt with a short
// English reason in why ("it is not a capability file", ...). Does not look at the device ID.
std::optional<CapabilityFile> readCapabilityFile(const QByteArray &bytes, QString *why = nullptr);

// 11 -> "EnableAppDevelopment", 12 -> "EnableRfTestMode", 13 -> "EnableFieldServicing"; other
// numbers as decimal text. capabilityNumber() is the reverse (also accepts decimal text), -1 if
// unknown.
QString capabilityName(int number);
int capabilityNumber(const QString &nameOrNumber);

} // namespace Sim
