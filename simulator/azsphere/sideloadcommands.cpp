#include "simulator/azsphere/commands.h"
#include "simulator/azsphere/session.h"
#include "simulator/core/simtime.h"
#include "simulator/package/imagepackage.h"

#include <QFileInfo>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Az {

namespace {

// §9: 4 s + 1 s per 256 KiB; the keystore package restarts the device (15 s).
constexpr double DeployBaseSeconds = 4.0;
constexpr double DeployBytesPerSecond = 262144.0;
constexpr double KeystoreRestartSeconds = 15.0;
constexpr double DeleteSecondsPerComponent = 2.0;

[[noreturn]] void failDeploy(int code)
{
    fail(u"Could not deploy application to device: "_s + deviceMessage(code));
}

QString canonicalGuid(const QString &text)
{
    const QUuid id = QUuid::fromString(text);
    return id.isNull() ? text : id.toString(QUuid::WithoutBraces).toLower();
}

// The Ethernet chip a board configuration package selects (§4.4).
QString boardConfigOf(const Sim::ImagePackage &package)
{
    const QString cid = Sim::formatGuid(package.componentId);
    if (const Sim::ExtraComponent *extra = Sim::catalog().extraByComponent(cid);
        extra && !extra->ethernet.isEmpty())
        return extra->ethernet;
    if (package.name.startsWith(u"lan-enc28j60"))
        return u"ENC28J60"_s;
    if (package.name.startsWith(u"lan-w5500"))
        return u"W5500"_s;
    return package.name;
}

// §4.3: development images need capability 11; production images of generation G need
// G <= trustedKeystore; unknown thumbprints count as untrusted production keys.
bool isTrusted(const Sim::ImagePackage &package, const Sim::DeviceState &state)
{
    const Sim::SigningKey *key
        = package.hasSignature ? Sim::catalog().keyByThumbprint(package.thumbprint) : nullptr;
    if (!key)
        return false;
    if (key->kind == u"development")
        return state.hasCapability(11);
    return key->generation <= state.trustedKeystore;
}

} // namespace

void runSideloadDeploy(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    Sim::DeviceState &state = session.state();

    const QString path = ctx.args.value(u"--image-package"_s);
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        usageError(*ctx.spec,
            u"argument --image-package/-p: the file '%1' does not exist or is not accessible."_s
                .arg(path));

    printStatus(ctx, u"Deploying '%1' to the attached device."_s.arg(path));
    session.delay(DeployBaseSeconds + double(info.size()) / DeployBytesPerSecond);

    const std::optional<Sim::ImagePackage> package = Sim::readImagePackageFile(path);
    if (!package)
        failDeploy(7340050);
    if (package->componentId.isNull())
        failDeploy(7340079);
    if (session.isLocked())
        failDeploy(7340069);
    if (session.takeFault(QString::fromUtf16(Sim::FaultKind::OtaInProgress)))
        failDeploy(7340071);
    if (session.takeFault(QString::fromUtf16(Sim::FaultKind::UntrustedKeystore))) {
        state.trustedKeystore = 1;
        session.save();
    }
    if (!isTrusted(*package, state))
        failDeploy(7340047);
    if (!package->passesHashCheck())
        failDeploy(7340050);

    const QString cid = Sim::formatGuid(package->componentId);
    const bool application = package->imageType == Sim::ApplicationImageType;
    if (application) {
        qint64 others = 0;
        for (const Sim::InstalledImage &image : state.images) {
            if (image.imageType == Sim::ApplicationImageType && image.componentId != cid)
                others += image.bytes;
        }
        const bool full = others + info.size() > Sim::catalog().appFlashBytes;
        if (full || session.takeFault(QString::fromUtf16(Sim::FaultKind::InsufficientSpace)))
            failDeploy(14680082);
    }

    // Install: the image replaces any image of the same component (and goes to the end of the
    // install order).
    const bool manual = application && ctx.args.has(u"--manual-start"_s);
    const int existing = state.indexOfComponent(cid);
    if (existing >= 0)
        state.images.removeAt(existing);
    Sim::InstalledImage image;
    image.componentId = cid;
    image.imageId = Sim::formatGuid(package->imageId);
    image.name = package->name;
    image.imageType = package->imageType;
    image.bytes = info.size();
    image.thumbprint = package->thumbprint.toLower();
    image.manualStart = manual;
    image.removeAtBoot = package->hasTemporaryImage && package->removeImageAtBoot();
    state.images.append(image);

    bool restarts = false;
    const Sim::ExtraComponent *keystore = Sim::catalog().extraByRole(u"keystoreUpdate"_s);
    if (package->imageType == 19 && keystore && keystore->componentId == cid) {
        state.trustedKeystore = std::max(state.trustedKeystore, keystore->grantsKeystore);
        restarts = true;
    }
    if (package->imageType == 21)
        state.boardConfig = boardConfigOf(*package);
    if (restarts) {
        Sim::applyBoot(state);
        state.busyReason = u"keystore"_s;
        state.busyUntilMs = Sim::nowMs() + Sim::scaledMs(KeystoreRestartSeconds);
    }
    session.save();
    if (restarts) {
        // The device restarts by itself; a kill from here on changes nothing.
        session.unlock();
        Sim::simSleep(KeystoreRestartSeconds);
    }
    printStatus(ctx, u"Image package '%1' has been deployed to the attached device."_s.arg(path));
    if (manual)
        printStatus(ctx,
            u"The application was not automatically started. Use 'azsphere device app start' to start it."_s);
}

void runSideloadDelete(Context &ctx)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    Sim::DeviceState &state = session.state();

    if (ctx.args.has(u"--component-id"_s)) {
        const QString cid = canonicalGuid(ctx.args.value(u"--component-id"_s));
        session.delay(DeleteSecondsPerComponent);
        if (session.isLocked())
            fail(u"Could not delete component '%1': %2"_s.arg(cid, deviceMessage(7340069)));
        if (Sim::catalog().osComponent(cid))
            fail(u"Could not delete component '%1': %2"_s.arg(cid, deviceMessage(1048596)));
        const int index = state.indexOfComponent(cid);
        if (index < 0) {
            printStatus(ctx, u"Component '%1' deleted or was not present beforehand."_s.arg(cid));
            return;
        }
        if (state.images.at(index).imageType == 21)
            state.boardConfig.clear();
        state.images.removeAt(index);
        session.save();
        printStatus(ctx, u"Component '%1' deleted."_s.arg(cid));
        return;
    }

    // Without -i: every application except the -e list; board configuration and keystore stay.
    if (session.isLocked()) {
        session.delay(DeleteSecondsPerComponent);
        fail(PermissionText);
    }
    QStringList keep;
    for (const QString &id : ctx.args.values(u"--except-component-ids"_s))
        keep.append(canonicalGuid(id));
    const QList<Sim::InstalledImage> images = state.images;
    for (const Sim::InstalledImage &image : images) {
        if (image.imageType != Sim::ApplicationImageType || keep.contains(image.componentId))
            continue;
        session.delay(DeleteSecondsPerComponent);
        state.images.removeAt(state.indexOfComponent(image.componentId));
        session.save();
        printStatus(ctx, u"Component '%1' deleted."_s.arg(image.componentId));
    }
}

} // namespace Az
