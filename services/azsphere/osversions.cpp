#include "services/azsphere/osversions.h"

#include "services/base/boundedfile.h"
#include "services/base/strictjson.h"
#include "services/base/textcheck.h"
#include "services/base/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

tl::unexpected<Error> invalid(const QString &reason)
{
    return fail(ErrorCode::RecipeInvalid,
        Tr::tr("The OS versions file is not valid."),
        reason,
        Tr::tr("Use Microsoft's mt3620an.json, unchanged."));
}

} // namespace

Result<OsVersions> OsVersions::parse(const QByteArray &json)
{
    // Strict: a repeated key (two "images" for one version) is refused, not resolved silently.
    const auto parsed = StrictJson::parse(json);
    if (!parsed)
        return invalid(StrictJson::lines(parsed.error()).join(u"; "_s));
    const QJsonDocument &doc = *parsed;
    if (!doc.isObject())
        return invalid(u"expected a JSON object"_s);
    const QJsonValue versions = doc.object().value(u"versions"_s);
    if (!versions.isArray() || versions.toArray().isEmpty())
        return invalid(u"\"versions\" is missing or empty"_s);

    OsVersions result;
    const QJsonArray list = versions.toArray();
    for (qsizetype index = 0; index < list.size(); ++index) {
        const QJsonObject entry = list.at(index).toObject();
        const QString where = u"versions[%1]"_s.arg(index);
        OsVersion version;
        version.name = entry.value(u"name"_s).toString();
        if (version.name.isEmpty())
            return invalid(where + u": no \"name\""_s);
        // The name is what the record stores as a device's OS.
        if (const QString problem = nameTextProblem(version.name); !problem.isEmpty())
            return invalid(where + u".name: "_s + problem);
        const QJsonArray images = entry.value(u"images"_s).toArray();
        if (images.isEmpty())
            return invalid(where + u" (" + version.name + u"): no \"images\""_s);
        for (qsizetype at = 0; at < images.size(); ++at) {
            const QJsonObject image = images.at(at).toObject();
            const QString cid = image.value(u"cid"_s).toString().toLower();
            const QString iid = image.value(u"iid"_s).toString().toLower();
            if (cid.isEmpty() || iid.isEmpty())
                return invalid(u"%1 (%2) images[%3]: \"cid\" and \"iid\" are required"_s
                                   .arg(where, version.name)
                                   .arg(at));
            version.images.append(OsImagePair {cid, iid});
        }
        result.m_versions.append(version);
    }
    return result;
}

Result<OsVersions> OsVersions::load(const QString &path)
{
    const Result<QByteArray> bytes = readRegularFile(path, FileLimit::OsVersions);
    if (!bytes && bytes.error().code == ErrorCode::FileMissing)
        return fail(ErrorCode::FileMissing,
            Tr::tr("The OS versions file %1 does not exist.").arg(path),
            path,
            Tr::tr("Fix the recipe or restore the file."));
    if (!bytes)
        return fail(ErrorCode::Io,
            Tr::tr("The OS versions file cannot be read: %1").arg(bytes.error().message),
            bytes.error().detail,
            Tr::tr("Check the file's permissions and the disk."));
    Result<OsVersions> parsed = parse(*bytes);
    if (!parsed)
        parsed.error().detail = path + u": "_s + parsed.error().detail;
    return parsed;
}

QStringList OsVersions::names() const
{
    QStringList list;
    for (const OsVersion &version : m_versions)
        list.append(version.name);
    return list;
}

bool OsVersions::contains(const QString &name) const
{
    return version(name).has_value();
}

std::optional<OsVersion> OsVersions::version(const QString &name) const
{
    for (const OsVersion &candidate : m_versions) {
        if (candidate.name == name)
            return candidate;
    }
    return std::nullopt;
}

QString OsVersions::identify(const QList<OsImagePair> &deviceComponents) const
{
    QList<OsImagePair> device;
    for (const OsImagePair &pair : deviceComponents)
        device.append(OsImagePair {pair.componentId.toLower(), pair.imageId.toLower()});
    // The first match wins, so versions are tried oldest first (the file's order).
    for (const OsVersion &version : m_versions) {
        bool all = true;
        for (const OsImagePair &pair : version.images) {
            if (!device.contains(pair)) {
                all = false;
                break;
            }
        }
        if (all)
            return version.name;
    }
    return Unknown;
}

QString OsVersions::identify(const QList<InstalledComponent> &components) const
{
    return identify(pairsOf(components));
}

QList<OsImagePair> OsVersions::pairsOf(const QList<InstalledComponent> &components)
{
    QList<OsImagePair> pairs;
    for (const InstalledComponent &component : components)
        pairs.append(OsImagePair {component.componentId.toLower(), component.imageId.toLower()});
    return pairs;
}

} // namespace Station
