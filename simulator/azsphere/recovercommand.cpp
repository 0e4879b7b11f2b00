#include "simulator/azsphere/commands.h"
#include "simulator/azsphere/session.h"
#include "simulator/core/simtime.h"
#include "simulator/package/capabilityfile.h"
#include "simulator/package/imagepackage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Az {

namespace {

// §9: download 5 s, board found 5 s, erase 10 s, images at 64 KiB/s, reboot 15 s.
constexpr double DownloadSeconds = 5.0;
constexpr double BoardFoundSeconds = 5.0;
constexpr double EraseSeconds = 10.0;
constexpr double BytesPerSecond = 65536.0;
constexpr double RebootSeconds = 15.0;

const QString RecoveryFailedText = QStringLiteral(
    "Device recovery failed. Please ensure you are using the correct recovery images, and that the "
    "SDK is up to date.");

// The OS version whose (component ID, image ID) pairs the folder's packages carry exactly, or
// nullptr when the folder is unusable.
const Sim::OsVersion *versionInFolder(const QString &folder)
{
    const QDir dir(folder);
    if (folder.isEmpty() || !dir.exists())
        return nullptr;
    QSet<QString> pairs;
    const QFileInfoList files
        = dir.entryInfoList({u"*.imagepackage"_s}, QDir::Files | QDir::Readable);
    for (const QFileInfo &file : files) {
        const std::optional<Sim::ImagePackage> package
            = Sim::readImagePackageFile(file.absoluteFilePath());
        if (!package || !package->passesHashCheck())
            return nullptr;
        pairs.insert(
            Sim::formatGuid(package->componentId) + u'|' + Sim::formatGuid(package->imageId));
    }
    if (pairs.isEmpty())
        return nullptr;
    for (const Sim::OsVersion &version : Sim::catalog().osVersions) {
        QSet<QString> expected;
        for (const Sim::OsImage &image : version.images)
            expected.insert(image.componentId + u'|' + image.imageId);
        if (expected == pairs && qsizetype(files.size()) == expected.size())
            return &version;
    }
    return nullptr;
}

// The capabilities a capability file (the contract's §11: binary, signed) grants this device,
// or nullopt with the reason when the file is unreadable, not that layout, damaged, not signed
// by the simulator's capability key, or for another device.
std::optional<QList<int>> capabilitiesFromFile(
    const QString &path, const QString &deviceId, QString *why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = u"'%1' cannot be read"_s.arg(path);
        return std::nullopt;
    }
    const std::optional<Sim::CapabilityFile> cap = Sim::readCapabilityFile(file.readAll(), why);
    if (!cap)
        return std::nullopt;
    if (cap->deviceId.compare(deviceId, Qt::CaseInsensitive) != 0) {
        *why = u"it is for another device (%1...)"_s.arg(cap->deviceId.left(16));
        return std::nullopt;
    }
    QList<int> numbers;
    for (const int n : cap->capabilities) {
        if (n != 12) // RF test mode follows the state, not the file
            numbers.append(n);
    }
    return numbers;
}

QString pickVariant(const Sim::Fault &fault, Sim::DeviceState &state, const QString &seed)
{
    static const QStringList Variants = {u"enter-recovery"_s,
        u"boot-timeout"_s,
        u"security-state"_s,
        u"communication"_s,
        u"images"_s};
    if (Variants.contains(fault.variant))
        return fault.variant;
    return Variants.at(int(Sim::drawRandom(state, seed) * Variants.size()) % Variants.size());
}

} // namespace

void runRecover(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench, DeviceSession::Options {true});
    Sim::DeviceState &state = session.state();

    QList<int> extraCapabilities;
    if (ctx.args.has(u"--capability"_s)) {
        QString why;
        const std::optional<QList<int>> caps
            = capabilitiesFromFile(ctx.args.value(u"--capability"_s), state.deviceId, &why);
        if (!caps)
            failExact(u"The capability file is not valid for this device: %1."_s.arg(why));
        extraCapabilities = *caps;
    }
    const bool download = !ctx.args.has(u"--images"_s);
    const Sim::OsVersion *target = download ? &Sim::catalog().osVersions.constLast()
                                            : versionInFolder(ctx.args.value(u"--images"_s));
    if (!target)
        failExact(RecoveryFailedText);

    QString failure;
    if (const std::optional<Sim::Fault> fault
        = session.takeFault(QString::fromUtf16(Sim::FaultKind::RecoverFails))) {
        failure = pickVariant(*fault, state, session.seed());
        session.save();
    }
    if (failure == u"images")
        failExact(RecoveryFailedText);

    // Until the command ends, other commands on this device get "not responding". A kill leaves
    // the state as it was: it is written once, when the images are all sent.
    const Sim::BusyMarker busy(bench, state.serial, u"recovery"_s);

    if (download) {
        printStatus(ctx, u"Downloading recovery images..."_s);
        session.delay(DownloadSeconds, false);
        printStatus(ctx, u"Download complete."_s);
    }
    printStatus(
        ctx, u"Starting device recovery. Please note that this may take up to 10 minutes."_s);
    session.delay(BoardFoundSeconds, false);
    if (failure == u"enter-recovery")
        failExact(u"Failed to enter recovery mode."_s);
    printStatus(ctx, u"Board found. Sending recovery bootloader."_s);
    printStatus(ctx, u"Erasing flash."_s);
    session.delay(EraseSeconds, false);

    const QList<Sim::OsComponent> &components = Sim::catalog().osComponents;
    qint64 total = 0;
    for (const Sim::OsComponent &c : components)
        total += c.bytes;
    const int count = int(components.size());
    printStatus(ctx, u"Sending %1 images. (%2 bytes to send)"_s.arg(count).arg(total));
    qint64 remaining = total;
    for (int i = 0; i < count; ++i) {
        // unplug-mid-step pulls the device half-way through the images.
        session.delay(double(components.at(i).bytes) / BytesPerSecond, i == count / 2);
        remaining -= components.at(i).bytes;
        printStatus(ctx,
            u"Sent %1 of %2 images. (%3 of %4 bytes remaining)"_s.arg(i + 1)
                .arg(count)
                .arg(remaining)
                .arg(total));
    }
    printStatus(ctx, u"Finished writing images; rebooting board."_s);

    // §4.5: the new OS and its keystore; rftest_server, keystore update, board configuration,
    // applications and Wi-Fi networks go; capabilities 11/13 only from the file; the device ID,
    // state, e-fuses and IP address stay.
    state.images = Sim::osImages(target->name);
    state.osVersion = target->name;
    state.trustedKeystore = target->trustedKeystore;
    state.boardConfig.clear();
    state.wifi.clear();
    state.capabilities.clear();
    if (state.manufacturingState == u"Blank")
        state.capabilities.append(12);
    state.capabilities.append(extraCapabilities);
    std::sort(state.capabilities.begin(), state.capabilities.end());
    Sim::applyBoot(state);
    state.busyReason = u"recovery"_s;
    state.busyUntilMs = Sim::nowMs() + Sim::scaledMs(RebootSeconds);
    session.save();
    session.delay(RebootSeconds, false);

    if (failure == u"boot-timeout")
        failExact(u"Timed out waiting for boot after recovery."_s);
    if (failure == u"security-state")
        failExact(u"Timed out trying to get device security state after recovery"_s);
    if (failure == u"communication")
        failExact(
            u"Failed to establish communication with device after recovery. Try unplugging the "
            u"device and plugging it back in, and verifying communication using 'azsphere device "
            u"show-attached'. If that fails, try recovering the device again."_s);
    printStatus(ctx, u"Device ID: "_s + state.deviceId);
    printStatus(ctx, u"Device recovered successfully."_s);
}

} // namespace Az
