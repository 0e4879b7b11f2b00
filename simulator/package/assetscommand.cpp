#include "assetscommand.h"

#include "imagepackage.h"
#include "simulator/core/catalog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimeZone>
#include <QUuid>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Sim {

namespace {

// Namespace for the seeded application IDs (UUID v5 over "<seed>/<app>/<component|image>").
const QUuid AssetIdNamespace(u"5b0e3a4c-6f1d-4a5e-9c2b-7d8e9f0a1b2c"_s);

constexpr qint64 ProductAppBytes = 192 * 1024;
constexpr qint64 FunctionalTestAppBytes = 64 * 1024;
constexpr qint64 AppBuildTime = 1764000000; // 2025-11-24T16:00:00Z
constexpr int RfConfigSize = 1024;

qint64 versionBuildTime(const QString &version)
{
    // "YY.MM" -> the first of that month, 00:00 UTC.
    const QStringList parts = version.split(u'.');
    const int year = 2000 + parts.value(0).toInt();
    const int month = qBound(1, parts.value(1).toInt(), 12);
    return QDateTime(QDate(year, month, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

QString slug(const QString &name)
{
    QString out;
    for (const QChar c : name.toLower())
        out += c.isLetterOrNumber() ? c : u'-';
    return out;
}

class AssetWriter
{
public:
    explicit AssetWriter(const QString &outDir)
        : m_dir(outDir)
    { }

    bool writePackage(
        const QString &relPath, const ImagePackageSpec &spec, const QString &signedBy, QString *why)
    {
        const QByteArray bytes = writeImagePackage(spec);
        if (!writeFile(relPath, bytes, why))
            return false;
        m_packages.append(QJsonObject {
            {u"path"_s, relPath},
            {u"componentId"_s, formatGuid(spec.componentId)},
            {u"imageId"_s, formatGuid(spec.imageId)},
            {u"imageType"_s, spec.imageType},
            {u"name"_s, spec.name},
            {u"signedBy"_s, signedBy},
            {u"sha256"_s,
                QString::fromLatin1(
                    QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())},
        });
        return true;
    }

    bool writeFile(const QString &relPath, const QByteArray &bytes, QString *why)
    {
        const QString path = m_dir.filePath(relPath);
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            if (why)
                *why = u"cannot create the folder of %1"_s.arg(path);
            return false;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()
            || !file.commit()) {
            if (why)
                *why = u"cannot write %1: %2"_s.arg(path, file.errorString());
            return false;
        }
        return true;
    }

    bool writeJson(const QString &relPath, const QJsonObject &object, QString *why)
    {
        return writeFile(relPath, QJsonDocument(object).toJson(QJsonDocument::Indented), why);
    }

    // Removes *.imagepackage files left over in a recovery folder, so it holds exactly one OS
    // version (the recovery folder rule, REFERENCE.md §2.2).
    void pruneRecoveryFolder(const QString &relDir, const QStringList &keep)
    {
        QDir dir(m_dir.filePath(relDir));
        const QStringList files = dir.entryList({u"*.imagepackage"_s}, QDir::Files);
        for (const QString &file : files) {
            if (!keep.contains(file))
                dir.remove(file);
        }
    }

    static QString thumbprint(const QString &keyId)
    {
        const SigningKey *key = catalog().keyById(keyId);
        return key ? key->thumbprint : QString();
    }
    const QJsonArray &packages() const { return m_packages; }

private:
    QDir m_dir;
    QJsonArray m_packages;
};

QByteArray rfProductFile(char region0, char region1)
{
    QByteArray bytes(RfConfigSize, '\0');
    bytes[0x00] = '\x20';
    bytes[0x01] = '\x36';
    bytes[0x36] = region0;
    bytes[0x37] = region1;
    bytes[0x3D] = '\x29';
    bytes[0x60] = '\x22'; // 17.0 dBm in 0.5 dBm steps
    bytes[0x61] = '\x1E'; // 15.0 dBm
    return bytes;
}

void printErr(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
}

int usageError(const QString &message)
{
    printErr(u"sphere-sim assets: error: "_s + message);
    printErr(u"Run 'sphere-sim assets --help' for detailed information about the command."_s);
    return 2;
}

} // namespace

bool writeAssets(const QString &outDir, const QString &seed, QString *why)
{
    const Catalog &cat = catalog();
    if (!QDir().mkpath(outDir)) {
        if (why)
            *why = u"cannot create %1"_s.arg(outDir);
        return false;
    }
    AssetWriter out(outDir);
    const auto seededId = [&](const QString &what) {
        return QUuid::createUuidV5(AssetIdNamespace, QString(seed + u'/' + what));
    };
    const QList<AbiDepend> appAbi = {{5, ApplicationRuntimeAbiKind}};

    // Applications.
    ImagePackageSpec app;
    app.imageType = ApplicationImageType;
    app.componentId = seededId(u"ProductApp/component"_s);
    app.imageId = seededId(u"ProductApp/image"_s);
    app.thumbprint = out.thumbprint(u"prod-g2"_s);
    app.buildTime = AppBuildTime;
    app.name = u"ProductApp"_s;
    app.abiDepends = appAbi;
    app.totalSize = ProductAppBytes;
    if (!out.writePackage(u"apps/ProductApp.imagepackage"_s, app, u"prod-g2"_s, why))
        return false;

    ImagePackageSpec dev = app;
    dev.imageId = seededId(u"ProductApp-dev/image"_s);
    dev.thumbprint = out.thumbprint(u"sdk-dev"_s);
    if (!out.writePackage(u"apps/ProductApp-dev.imagepackage"_s, dev, u"sdk-dev"_s, why))
        return false;

    ImagePackageSpec ft = app;
    ft.componentId = seededId(u"FunctionalTestApp/component"_s);
    ft.imageId = seededId(u"FunctionalTestApp/image"_s);
    ft.name = u"FunctionalTestApp"_s;
    ft.temporaryFlags = RemoveImageAtBootFlag;
    ft.totalSize = FunctionalTestAppBytes;
    if (!out.writePackage(u"apps/FunctionalTestApp.imagepackage"_s, ft, u"prod-g2"_s, why))
        return false;

    // Keystore update and board configurations, with the catalog's IDs and sizes.
    for (const ExtraComponent &extra : cat.extraComponents) {
        QString folder;
        if (extra.role == u"keystoreUpdate"_s)
            folder = u"keystore/"_s;
        else if (extra.role == u"boardConfig"_s)
            folder = u"boardconfig/"_s;
        else
            continue;
        ImagePackageSpec spec;
        spec.imageType = extra.imageType;
        spec.componentId = QUuid(extra.componentId);
        spec.imageId = QUuid(extra.imageId);
        spec.thumbprint = out.thumbprint(extra.signedBy);
        spec.name = extra.name;
        spec.buildTime = versionBuildTime(u"25.10"_s);
        spec.totalSize = extra.bytes;
        if (!out.writePackage(folder + spec.name + u".imagepackage"_s, spec, extra.signedBy, why))
            return false;
    }

    // Recovery folders: one package per OS component, exactly the catalog's size each, so that
    // recover's byte totals match REFERENCE.md §2.2.
    QJsonArray versionsOut;
    QJsonArray versionNames;
    for (const OsVersion &version : cat.osVersions) {
        const QString dir = u"recovery/"_s + version.name + u'/';
        QStringList written;
        QJsonArray imagesOut;
        for (qsizetype i = 0; i < version.images.size(); ++i) {
            const OsImage &image = version.images[i];
            const OsComponent *component = cat.osComponent(image.componentId);
            if (!component) {
                if (why)
                    *why = u"component %1 of OS %2 is not in the catalog"_s.arg(
                        image.componentId, version.name);
                return false;
            }
            ImagePackageSpec spec;
            spec.imageType = component->imageType;
            spec.componentId = QUuid(image.componentId);
            spec.imageId = QUuid(image.imageId);
            spec.thumbprint = out.thumbprint(u"prod-g1"_s);
            spec.name = component->name;
            spec.buildTime = versionBuildTime(version.name);
            spec.totalSize = component->bytes;
            const QString file
                = u"%1-%2.imagepackage"_s.arg(i + 1, 2, 10, QLatin1Char('0')).arg(slug(spec.name));
            if (!out.writePackage(dir + file, spec, u"prod-g1"_s, why))
                return false;
            written.append(file);
            imagesOut.append(QJsonObject {
                {u"cid"_s, formatGuid(spec.componentId)}, {u"iid"_s, formatGuid(spec.imageId)}});
        }
        out.pruneRecoveryFolder(dir, written);
        versionsOut.append(QJsonObject {{u"name"_s, version.name}, {u"images"_s, imagesOut}});
        versionNames.append(version.name);
    }

    if (!out.writeJson(u"mt3620an.json"_s, QJsonObject {{u"versions"_s, versionsOut}}, why))
        return false;
    if (!out.writeFile(u"rf/product-US.bin"_s, rfProductFile('U', 'S'), why)
        || !out.writeFile(u"rf/product-JP.bin"_s, rfProductFile('J', 'P'), why))
        return false;
    if (!out.writeJson(u"wifi.json"_s,
            QJsonObject {{u"ssid"_s, u"SIM-FACTORY-AP"_s}, {u"psk"_s, u"simulated-psk-1234"_s}},
            why))
        return false;
    return out.writeJson(u"manifest.json"_s,
        QJsonObject {{u"packages"_s, out.packages()}, {u"osVersions"_s, versionNames}},
        why);
}

int runAssetsCommand(const QStringList &args)
{
    QString outDir;
    QString seed = QString::fromLatin1(DefaultAssetsSeed);
    QStringList unknown;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        QString *target = nullptr;
        QString value;
        bool hasValue = false;
        for (const auto &[name, dest] : {std::pair {u"--out"_s, &outDir}, {u"--seed"_s, &seed}}) {
            if (arg == name) {
                target = dest;
                if (i + 1 >= args.size())
                    return usageError(u"argument %1: expected one argument"_s.arg(name));
                value = args[++i];
                hasValue = true;
            } else if (arg.startsWith(name + u'=')) {
                target = dest;
                value = arg.mid(name.size() + 1);
                hasValue = true;
            }
        }
        if (hasValue) {
            *target = value;
        } else if (arg == u"--help"_s || arg == u"-h"_s) {
            std::fputs("usage: sphere-sim assets --out DIR [--seed SEED]\n\n"
                       "Writes the simulator's deterministic image packages, recovery folders,\n"
                       "mt3620an.json, RF product files, wifi.json and manifest.json to DIR.\n",
                stdout);
            return 0;
        } else {
            unknown.append(arg);
        }
    }
    if (!unknown.isEmpty())
        return usageError(u"unrecognized arguments: "_s + unknown.join(u' '));
    if (outDir.isEmpty())
        return usageError(u"the following arguments are required: --out"_s);

    QString why;
    if (!writeAssets(outDir, seed, &why)) {
        printErr(u"error: "_s + why);
        return 1;
    }
    return 0;
}

} // namespace Sim
