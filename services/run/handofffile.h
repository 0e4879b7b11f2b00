#pragma once

#include "services/base/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// The hand-off to cloud configuration (docs/handoff.md): the CSV that Microsoft's
// multi_board_ota_configuration.py reads to claim devices and put each into its product and
// device group. Both sources (the station's record, services/records/handoff.h, and the plant
// database, services/plant/planthandoff.h) reduce their runs with handoffFromNewestFirst() and
// write with writeHandoffFile(), so the two files have one format and one rule. Any thread.
namespace Station {

// The header Microsoft's script looks its columns up by (csv.DictReader): exactly this.
inline constexpr char HandoffHeader[] = "DeviceId,ProductName,DeviceGroupName";

// A passed run that finalized its device to DeviceComplete, and what its recipe named; after
// the reduction, one line of the file.
struct HandoffDevice
{
    QString deviceId; // as recorded
    QString productName;
    QString deviceGroupName;
};

struct HandoffReport
{
    QList<HandoffDevice> devices; // one per device, ordered by device ID
    // Devices left out because their newest such run names no product or no device group (its
    // recipe had no "cloud" object): never written with empty columns.
    QStringList withoutNames;
    // Devices left out because the script could not use their line: "<device ID>: <reason>" (a
    // device ID that is not hexadecimal, a name Azure Sphere would not take).
    QStringList invalid;
};

// Each device's newest run decides (the first of `runsNewestFirst` with its device ID).
HandoffReport handoffFromNewestFirst(const QList<HandoffDevice> &runsNewestFirst);

// The file's bytes: UTF-8 without a byte order mark (the script opens the file without an
// encoding, so a mark would become part of the first column's name), the header, then one
// RFC 4180 record per device, CRLF after each; a field with a comma, quote, CR or LF is quoted.
QByteArray handoffCsv(const QList<HandoffDevice> &devices);

// Writes handoffCsv(devices) to `path` atomically (a temporary file beside it, renamed when
// complete): a failed export leaves the previous file, or none.
[[nodiscard]] Result<void> writeHandoffFile(
    const QString &path, const QList<HandoffDevice> &devices);

} // namespace Station
