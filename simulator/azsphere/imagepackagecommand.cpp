#include "simulator/azsphere/commands.h"
#include "simulator/azsphere/session.h"
#include "simulator/core/simtime.h"
#include "simulator/package/imagepackage.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Az {

namespace {

constexpr double LocalCommandSeconds = 0.5;
constexpr int LabelWidth = 22; // each label and its colon are padded to 22 characters

QString labelled(const QString &label, const QString &value)
{
    const QString withColon = label + u':';
    return u"    "_s + withColon.leftJustified(LabelWidth) + value;
}

QString classicDate(const QDateTime &time)
{
    return time.toString(u"M/d/yy h:mm:ss AP"_s);
}

QString pyBool(bool b)
{
    return b ? u"True"_s : u"False"_s;
}

} // namespace

void runImagePackageShow(Context &ctx)
{
    const QString path = ctx.args.value(u"--image-package"_s);
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        usageError(*ctx.spec,
            u"argument --image-package: the file '%1' does not exist or is not accessible."_s.arg(
                path));
    Sim::simSleep(LocalCommandSeconds);
    const std::optional<Sim::ImagePackage> package = Sim::readImagePackageFile(path);
    if (!package)
        fail(u"'%1' is not a valid image package."_s.arg(path));
    const Sim::ImagePackage &p = *package;

    QJsonObject json;
    json.insert(u"Identity"_s,
        QJsonObject {{u"ComponentId"_s, Sim::formatGuid(p.componentId)},
            {u"ImageId"_s, Sim::formatGuid(p.imageId)},
            {u"ImageType"_s, Sim::imageTypeName(p.imageType)}});
    const QDateTime built = QDateTime::fromSecsSinceEpoch(p.buildTime, Qt::UTC);
    if (p.hasSignature)
        json.insert(u"Signature"_s,
            QJsonObject {{u"CertThumbprint"_s, p.thumbprint},
                {u"SigningType"_s, Sim::signingTypeName(p.signingType)}});
    if (p.hasDebug)
        json.insert(u"Debug"_s,
            QJsonObject {{u"BuildDateUtc"_s, built.toString(u"yyyy-MM-ddTHH:mm:ssZ"_s)},
                {u"ImageName"_s, p.name}});
    if (p.hasTemporaryImage)
        json.insert(u"TemporaryImage"_s,
            QJsonObject {{u"RemoveImageAtBoot"_s, p.removeImageAtBoot()},
                {u"UnderDevelopment"_s, p.underDevelopment()}});
    if (p.hasAbiDepends) {
        QJsonArray depends;
        for (const Sim::AbiDepend &d : p.abiDepends)
            depends.append(QJsonObject {
                {u"Name"_s, Sim::abiKindName(d.kind)}, {u"Version"_s, qint64(d.version)}});
        json.insert(u"ABIDepends"_s, depends);
    }

    // az renders the object like any other result, and so does --query in both dialects.
    if (ctx.dialect == Dialect::Az || ctx.query) {
        printResult(ctx, json, {}, {});
        return;
    }
    switch (ctx.format) {
    case OutputFormat::None:
        return;
    case OutputFormat::Json:
    case OutputFormat::Yaml:
        printRaw(Sim::toSortedJson(json));
        return;
    case OutputFormat::Tsv: {
        // One "section, field, value" row per leaf.
        for (const QString &section : json.keys()) {
            const QJsonValue value = json.value(section);
            const QJsonArray items = value.isArray() ? value.toArray() : QJsonArray {value};
            for (const QJsonValue &item : items) {
                const QJsonObject o = item.toObject();
                for (const QString &key : o.keys()) {
                    const QJsonValue v = o.value(key);
                    const QString text = v.isBool() ? pyBool(v.toBool())
                        : v.isDouble()              ? QString::number(v.toInteger())
                                                    : v.toString();
                    printLine(section + u'\t' + key + u'\t' + text);
                }
            }
        }
        return;
    }
    case OutputFormat::Table:
        break;
    }

    // The classic section layout (§2.9).
    printLine(u"  Section: Identity"_s);
    printLine(labelled(u"Image Type"_s,
        p.imageType == Sim::ApplicationImageType ? u"Application"_s
                                                 : Sim::imageTypeName(p.imageType)));
    printLine(labelled(u"Component ID"_s, Sim::formatGuid(p.componentId)));
    printLine(labelled(u"Image ID"_s, Sim::formatGuid(p.imageId)));
    if (p.hasSignature) {
        printLine(u"  Section: Signature"_s);
        printLine(labelled(u"Signing Type"_s, Sim::signingTypeName(p.signingType)));
        printLine(labelled(u"Cert"_s, p.thumbprint));
    }
    if (p.hasDebug) {
        printLine(u"  Section: Debug"_s);
        printLine(labelled(u"Image Name"_s, p.name));
        printLine(labelled(u"Built On (UTC)"_s, classicDate(built)));
        printLine(labelled(u"Built On (Local)"_s, classicDate(built.toLocalTime())));
    }
    if (p.hasTemporaryImage) {
        printLine(u"  Section: Temporary Image"_s);
        printLine(labelled(u"Remove image at boot"_s, pyBool(p.removeImageAtBoot())));
        printLine(labelled(u"Under development"_s, pyBool(p.underDevelopment())));
    }
    if (p.hasAbiDepends) {
        printLine(u"  Section: ABI Depends"_s);
        for (const Sim::AbiDepend &d : p.abiDepends)
            printLine(labelled(
                u"Depends on"_s, u"%1, version %2"_s.arg(Sim::abiKindName(d.kind)).arg(d.version)));
    }
}

} // namespace Az
