#pragma once

#include "services/base/result.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Station {

// One FTDI USB device (an MT3620 board's FT4232H carries the device's recovery and service
// UARTs) and where it is plugged in.
struct FtdiInterface
{
    QString locationId; // stable per USB port, see FtdiEnumerator::locationId(); e.g. "1243"
    int busNumber = 0;
    QList<int> portNumbers; // the port chain from the root hub, e.g. {2, 4, 3}
    QString portPath;       // Linux sysfs style, e.g. "1-2.4.3" (unambiguous)
    quint16 vendorId = 0;
    quint16 productId = 0;
    QString manufacturer;
    QString description;
    QString serial;
    // False when the strings could not be read (usually no permission to open the device:
    // a udev rule is missing). The device is still listed, with its location.
    bool stringsRead = false;
    QString stringsError;

    bool operator==(const FtdiInterface &) const = default;
};

// Lists the FTDI devices on the USB bus with libftdi1. Blocking and cheap (no device is
// claimed), so a fixture's presence can be polled from a worker thread; never the GUI thread.
class FtdiEnumerator
{
public:
    static constexpr quint16 FtdiVendorId = 0x0403;
    static constexpr quint16 Ft4232hProductId = 0x6011; // the MT3620 reference boards' chip

    struct Options
    {
        // Read manufacturer, description and serial (opens each device briefly). Presence
        // polling can skip it.
        bool readStrings = true;
        // Product IDs of vendor 0x0403 to look for besides libftdi's defaults (0x6001,
        // 0x6010, 0x6011, 0x6014, 0x6015), e.g. for a board with a custom EEPROM.
        QList<quint16> extraProductIds;
    };

    // The devices found, sorted by bus and port chain; empty when none is attached. Fails (Io)
    // only when USB itself cannot be used (no libusb context, no permission to list the bus).
    [[nodiscard]] static Result<QList<FtdiInterface>> enumerate(const Options &options);
    [[nodiscard]] static Result<QList<FtdiInterface>> enumerate() { return enumerate(Options()); }

    // The connection path the station binds a fixture to. FTDI's D2XX driver reports a LocId on
    // Windows, and azsphere shows it as the connection path ("1243", "12113"); libftdi1 on
    // Linux has no LocId, and the real Linux SDK reports an empty connection path. So we define
    // our own stable string in the same look: the bus number followed by each port number of
    // the chain from the root hub, in decimal: bus 1, ports 2.4.3 -> "1243". It depends only on
    // the physical port, so it survives reboots and device swaps. It is ambiguous only when a
    // bus or port number exceeds 9 (bus 1 port 12 and bus 1 ports 1.2 both give "112");
    // portPath() is the unambiguous form for diagnostics.
    static QString locationId(int busNumber, const QList<int> &portNumbers);
    // "1-2.4.3" (bus, dash, ports joined by dots), as under /sys/bus/usb/devices.
    static QString portPath(int busNumber, const QList<int> &portNumbers);
};

} // namespace Station

Q_DECLARE_METATYPE(Station::FtdiInterface)
