#pragma once

#include "services/azsphere/devicedata.h"
#include "services/base/result.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Station {

// One (component ID, image ID) pair of an OS version, both lowercase GUID strings.
struct OsImagePair
{
    QString componentId; // "cid"
    QString imageId;     // "iid"

    friend bool operator==(const OsImagePair &, const OsImagePair &) = default;
};

struct OsVersion
{
    QString name; // e.g. "26.09" or "20.04 Update 2"
    QList<OsImagePair> images;
};

// Microsoft's mt3620an.json (REFERENCE.md 5.1): the OS versions, oldest first, and the image
// pairs that make each one. Identifies a device's OS the way device_ready.py does. A plain
// value; callable from any thread.
class OsVersions
{
public:
    static inline const QString Unknown = QStringLiteral("unknown");

    // The one reader of the file, for the recipe loader and the steps. Unknown keys (e.g. the
    // sample's "_comment") are ignored. A file without versions, a version without a name or
    // images, an image entry without a GUID "cid" and "iid", or a version that names one pair
    // twice is refused, since it could match any device: the reasons, one per problem.
    [[nodiscard]] static tl::expected<OsVersions, QStringList> read(const QByteArray &json);
    // The same as one Error (RecipeInvalid, the reasons in its detail).
    [[nodiscard]] static Result<OsVersions> parse(const QByteArray &json);
    [[nodiscard]] static Result<OsVersions> load(const QString &path);

    const QList<OsVersion> &versions() const { return m_versions; }
    QStringList names() const;
    bool contains(const QString &name) const;
    std::optional<OsVersion> version(const QString &name) const;

    // The FIRST version all of whose pairs are among the device's components, else "unknown".
    QString identify(const QList<OsImagePair> &deviceComponents) const;
    QString identify(const QList<InstalledComponent> &components) const;

    // A device's pairs as device_ready.py forms them: {cid: uid, iid: images[0].uid}.
    static QList<OsImagePair> pairsOf(const QList<InstalledComponent> &components);

private:
    QList<OsVersion> m_versions;
};

} // namespace Station

Q_DECLARE_METATYPE(Station::OsVersions)
