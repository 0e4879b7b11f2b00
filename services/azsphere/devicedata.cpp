#include "services/azsphere/devicedata.h"

#include <array>

namespace Station {

namespace {

struct StateName
{
    ManufacturingState state;
    const char *name;
};

constexpr std::array StateNames {
    StateName {ManufacturingState::Blank, "Blank"},
    StateName {ManufacturingState::Module1Complete, "Module1Complete"},
    StateName {ManufacturingState::DeviceComplete, "DeviceComplete"},
    StateName {ManufacturingState::Unknown, "Unknown"},
};

struct CapabilityName
{
    int number;
    const char *name;
};

constexpr std::array CapabilityNames {
    CapabilityName {11, "EnableAppDevelopment"},
    CapabilityName {12, "EnableRfTestMode"},
    CapabilityName {13, "EnableFieldServicing"},
};

} // namespace

QString shortDeviceId(const QString &deviceId)
{
    constexpr int Head = 8;
    constexpr int Tail = 4;
    if (deviceId.size() <= Head + 1 + Tail)
        return deviceId;
    return deviceId.left(Head) + QChar(0x2026) + deviceId.right(Tail);
}

QString manufacturingStateName(ManufacturingState state)
{
    for (const StateName &entry : StateNames) {
        if (entry.state == state)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("Unknown");
}

std::optional<ManufacturingState> manufacturingStateFromName(const QString &name)
{
    for (const StateName &entry : StateNames) {
        if (name == QLatin1String(entry.name))
            return entry.state;
    }
    return std::nullopt;
}

std::optional<int> capabilityNumber(const QString &name)
{
    for (const CapabilityName &entry : CapabilityNames) {
        if (name == QLatin1String(entry.name))
            return entry.number;
    }
    // The CLI prints a capability it has no name for as its number.
    bool ok = false;
    const int number = name.toInt(&ok);
    if (ok && number >= 0 && name == QString::number(number))
        return number;
    return std::nullopt;
}

QString capabilityName(int number)
{
    for (const CapabilityName &entry : CapabilityNames) {
        if (entry.number == number)
            return QString::fromLatin1(entry.name);
    }
    return QString::number(number);
}

} // namespace Station
