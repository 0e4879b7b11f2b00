#include "services/run/handofffile.h"

#include "services/base/textcheck.h"
#include "services/base/tr.h"

#include <QSaveFile>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// The script hashes a device by int(device_id, 16): anything but hexadecimal digits stops it.
bool isHexDeviceId(const QString &id)
{
    return !id.isEmpty() && std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

void appendField(QByteArray &line, const QString &field)
{
    const QByteArray bytes = field.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\r')
        || bytes.contains('\n')) {
        QByteArray quoted = bytes;
        quoted.replace("\"", "\"\"");
        line += '"' + quoted + '"';
    } else {
        line += bytes;
    }
}

} // namespace

HandoffReport handoffFromNewestFirst(const QList<HandoffDevice> &runsNewestFirst)
{
    HandoffReport report;
    QSet<QString> seen;
    for (const HandoffDevice &run : runsNewestFirst) {
        if (run.deviceId.isEmpty() || seen.contains(run.deviceId))
            continue;
        seen.insert(run.deviceId);
        if (run.productName.isEmpty() || run.deviceGroupName.isEmpty()) {
            report.withoutNames.append(run.deviceId);
            continue;
        }
        QString problem;
        if (!isHexDeviceId(run.deviceId))
            problem = u"the device ID is not hexadecimal"_s;
        else if (const QString product = cloudNameProblem(run.productName); !product.isEmpty())
            problem = u"product \"%1\" %2"_s.arg(run.productName, product);
        else if (const QString group = cloudNameProblem(run.deviceGroupName); !group.isEmpty())
            problem = u"device group \"%1\" %2"_s.arg(run.deviceGroupName, group);
        if (!problem.isEmpty()) {
            report.invalid.append(run.deviceId + u": "_s + problem);
            continue;
        }
        report.devices.append(run);
    }
    const auto byId
        = [](const HandoffDevice &a, const HandoffDevice &b) { return a.deviceId < b.deviceId; };
    std::sort(report.devices.begin(), report.devices.end(), byId);
    report.withoutNames.sort();
    report.invalid.sort();
    return report;
}

QByteArray handoffCsv(const QList<HandoffDevice> &devices)
{
    QByteArray bytes = QByteArray(HandoffHeader) + "\r\n";
    for (const HandoffDevice &device : devices) {
        appendField(bytes, device.deviceId);
        bytes += ',';
        appendField(bytes, device.productName);
        bytes += ',';
        appendField(bytes, device.deviceGroupName);
        bytes += "\r\n";
    }
    return bytes;
}

Result<void> writeHandoffFile(const QString &path, const QList<HandoffDevice> &devices)
{
    QSaveFile file(path);
    const auto failed = [&path, &file] {
        return fail(ErrorCode::Io,
            Tr::tr("Cannot write the hand-off file %1.").arg(path),
            file.errorString());
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    const QByteArray bytes = handoffCsv(devices);
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return failed();
    }
    if (!file.commit())
        return failed();
    return {};
}

} // namespace Station
