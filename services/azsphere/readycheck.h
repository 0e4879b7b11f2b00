#pragma once

#include "services/azsphere/devicedata.h"
#include "services/azsphere/osversions.h"
#include "services/base/result.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Station {

// What Microsoft's device_ready.py is given (its arguments) and what it reads from the device.
// In DeviceComplete the components and Wi-Fi networks cannot be read and are not used.
struct ReadyCheckInput
{
    // --expected_mfg_state (default DeviceComplete), --os, --images, -j
    ManufacturingState expectedState = ManufacturingState::DeviceComplete;
    QStringList expectedOsVersions;
    QStringList expectedImageIds;
    OsVersions osVersions;

    // Device data: `manufacturing-state show`, `capability show-attached` (names),
    // `image list-installed --full`, `wifi list`.
    ManufacturingState deviceState = ManufacturingState::Unknown;
    QStringList capabilities;
    QList<InstalledComponent> components;
    QList<WifiNetwork> wifiNetworks;

    // Time stamp of the warning line for unrecognised OS names (local time, as Python logs);
    // invalid means now.
    QDateTime now;
};

enum class ReadyCheckKind { ManufacturingState, Capabilities, OsVersion, InstalledImages, Wifi };
enum class ReadyVerdict { Passed, Failed, Skipped };

struct ReadyCheckItem
{
    ReadyCheckKind kind = ReadyCheckKind::ManufacturingState;
    ReadyVerdict verdict = ReadyVerdict::Passed;
};

struct ReadyCheckReport
{
    QStringList lines; // exactly what device_ready.py prints, in its order
    QList<ReadyCheckItem> checks;
    QString osVersion; // the identified OS name ("unknown"); empty when the check was skipped
    bool passed = false;

    QString text() const { return lines.join(u'\n'); }
    // ReadyCheckFailed with the FAIL lines as the cause and every line as the detail.
    Error failure() const;
};

// The ready-to-ship checks of device_ready.py (REFERENCE.md 5.2) as pure logic, with the same
// lines (including its typo "capabilties"), order and verdicts. Callable from any thread.
class ReadyCheck
{
public:
    [[nodiscard]] static ReadyCheckReport evaluate(const ReadyCheckInput &input);

    static QString checkName(ReadyCheckKind kind); // stable English name for records
    static QString verdictName(ReadyVerdict verdict);
};

} // namespace Station

Q_DECLARE_METATYPE(Station::ReadyCheckReport)
