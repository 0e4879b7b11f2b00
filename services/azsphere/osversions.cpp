#include "services/azsphere/osversions.h"

#include "services/base/boundedfile.h"
#include "services/base/jsonreader.h"
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

tl::expected<OsVersions, QStringList> OsVersions::read(const QByteArray &json)
{
    // Strict: a repeated key (two "images" for one version) is refused, not resolved silently.
    const auto strict = StrictJson::parse(json);
    if (!strict)
        return tl::unexpected(StrictJson::lines(strict.error()));
    const QJsonDocument &document = *strict;
    if (!document.isObject())
        return tl::unexpected(QStringList {Tr::tr("must be a JSON object")});
    const QJsonArray versions = document.object().value(u"versions"_s).toArray();
    if (versions.isEmpty())
        return tl::unexpected(QStringList {Tr::tr("no \"versions\" list")});
    OsVersions result;
    for (qsizetype i = 0; i < versions.size(); ++i) {
        const QJsonObject entry = versions.at(i).toObject();
        OsVersion version;
        version.name = entry.value(u"name"_s).toString();
        const QJsonArray images = entry.value(u"images"_s).toArray();
        bool valid = !version.name.isEmpty() && !images.isEmpty();
        for (const QJsonValue &image : images) {
            const OsImagePair pair {image.toObject().value(u"cid"_s).toString().toLower(),
                image.toObject().value(u"iid"_s).toString().toLower()};
            valid = valid && JsonReader::isGuid(pair.componentId)
                && JsonReader::isGuid(pair.imageId) && !version.images.contains(pair);
            version.images.append(pair);
        }
        if (!valid) {
            return tl::unexpected(QStringList {
                Tr::tr("versions[%1] needs a \"name\" and \"images\" of {\"cid\", \"iid\"}")
                    .arg(i)});
        }
        // The name is what the record stores as a device's OS.
        if (const QString problem = nameTextProblem(version.name); !problem.isEmpty())
            return tl::unexpected(QStringList {u"versions[%1].name: "_s.arg(i) + problem});
        result.m_versions.append(version);
    }
    return result;
}

Result<OsVersions> OsVersions::parse(const QByteArray &json)
{
    tl::expected<OsVersions, QStringList> read = OsVersions::read(json);
    if (!read)
        return invalid(read.error().join(u"; "_s));
    return *read;
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
