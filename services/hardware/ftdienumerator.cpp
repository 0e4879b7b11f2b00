#include "services/hardware/ftdienumerator.h"

#include "services/base/tr.h"

#include <ftdi.h>

#include <algorithm>
#include <array>
#include <libusb.h>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

struct ContextDeleter
{
    void operator()(ftdi_context *context) const { ftdi_free(context); }
};
using Context = std::unique_ptr<ftdi_context, ContextDeleter>;

struct ListDeleter
{
    void operator()(ftdi_device_list *list) const { ftdi_list_free2(list); }
};
using DeviceList = std::unique_ptr<ftdi_device_list, ListDeleter>;

QString ftdiError(ftdi_context *context)
{
    const char *text = context ? ftdi_get_error_string(context) : nullptr;
    return text ? QString::fromLocal8Bit(text) : QString();
}

// USB string descriptors are at most 126 UTF-16 characters; libftdi returns them as ASCII.
constexpr int StringSize = 256;

void readStrings(ftdi_context *context, libusb_device *device, FtdiInterface &entry)
{
    std::array<char, StringSize> manufacturer {};
    std::array<char, StringSize> description {};
    std::array<char, StringSize> serial {};
    const int rc = ftdi_usb_get_strings(context,
        device,
        manufacturer.data(),
        StringSize,
        description.data(),
        StringSize,
        serial.data(),
        StringSize);
    // Whatever was read before a failure is still worth showing.
    entry.manufacturer = QString::fromLatin1(manufacturer.data()).trimmed();
    entry.description = QString::fromLatin1(description.data()).trimmed();
    entry.serial = QString::fromLatin1(serial.data()).trimmed();
    entry.stringsRead = rc == 0;
    if (rc != 0)
        entry.stringsError = u"ftdi_usb_get_strings: %1 (%2)"_s.arg(ftdiError(context)).arg(rc);
}

} // namespace

QString FtdiEnumerator::locationId(int busNumber, const QList<int> &portNumbers)
{
    QString id = QString::number(busNumber);
    for (int port : portNumbers)
        id += QString::number(port);
    return id;
}

QString FtdiEnumerator::portPath(int busNumber, const QList<int> &portNumbers)
{
    QString path = QString::number(busNumber);
    for (qsizetype i = 0; i < portNumbers.size(); ++i) {
        path += i == 0 ? u'-' : u'.';
        path += QString::number(portNumbers.at(i));
    }
    return path;
}

Result<QList<FtdiInterface>> FtdiEnumerator::enumerate(const Options &options)
{
    // A context per call: each owns its libusb context, so threads never share one.
    const Context context(ftdi_new());
    if (!context) {
        return fail(ErrorCode::Io,
            Tr::tr("USB devices cannot be listed on this computer."),
            u"ftdi_new() failed: libusb could not be initialised"_s);
    }

    // (0, 0) means libftdi's list of standard FTDI product IDs, which includes the FT4232H.
    QList<QPair<int, int>> searches {{0, 0}};
    for (quint16 productId : options.extraProductIds)
        searches.append({FtdiVendorId, productId});

    QList<FtdiInterface> found;
    for (const auto &[vendor, product] : searches) {
        ftdi_device_list *raw = nullptr;
        const int count = ftdi_usb_find_all(context.get(), &raw, vendor, product);
        const DeviceList list(raw);
        if (count < 0) {
            return fail(ErrorCode::Io,
                Tr::tr("USB devices cannot be listed on this computer."),
                u"ftdi_usb_find_all: %1 (%2)"_s.arg(ftdiError(context.get())).arg(count));
        }
        for (ftdi_device_list *node = list.get(); node; node = node->next) {
            libusb_device *device = node->dev;
            FtdiInterface entry;
            entry.busNumber = libusb_get_bus_number(device);
            std::array<uint8_t, 8> ports {}; // USB 3 allows at most 7 tiers of hubs
            const int depth = libusb_get_port_numbers(device, ports.data(), int(ports.size()));
            for (int i = 0; i < depth; ++i)
                entry.portNumbers.append(ports[size_t(i)]);
            entry.locationId = locationId(entry.busNumber, entry.portNumbers);
            entry.portPath = portPath(entry.busNumber, entry.portNumbers);

            const bool duplicate = std::any_of(found.cbegin(), found.cend(), [&](const auto &e) {
                return e.portPath == entry.portPath;
            });
            if (duplicate)
                continue;

            libusb_device_descriptor descriptor {};
            if (libusb_get_device_descriptor(device, &descriptor) == 0) {
                entry.vendorId = descriptor.idVendor;
                entry.productId = descriptor.idProduct;
            }
            if (options.readStrings)
                readStrings(context.get(), device, entry);
            found.append(entry);
        }
    }

    std::sort(found.begin(), found.end(), [](const FtdiInterface &a, const FtdiInterface &b) {
        return a.busNumber != b.busNumber ? a.busNumber < b.busNumber
                                          : a.portNumbers < b.portNumbers;
    });
    return found;
}

} // namespace Station
