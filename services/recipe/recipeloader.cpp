#include "services/recipe/recipeloader.h"

#include "services/azsphere/devicedata.h"
#include "services/azsphere/imagepackage.h"
#include "services/base/boundedfile.h"
#include "services/base/jsonreader.h"
#include "services/base/strictjson.h"
#include "services/base/textcheck.h"
#include "services/base/tr.h"
#include "services/recipe/steptype.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::Literals::StringLiterals;

// Validation of the recipe format described in docs/recipe.md. Every check reports with the
// field path and goes on, so the author sees all problems of a file at once. Plain functions on
// the caller's thread; only the files the recipe names are read.
namespace Station {

namespace {

using namespace JsonReader;

constexpr int MinTimeoutS = 1;
constexpr int MaxTimeoutS = 7200;
constexpr int MaxRetries = 5;
constexpr int KeystoreImageType = 19;

const QString RootPath = u"(recipe)"_s;

QStringList stepTypeNames()
{
    QStringList names;
    for (const StepTypeInfo &info : stepTypes())
        names.append(info.type);
    return names;
}

bool changesDevice(const QString &type)
{
    const StepTypeInfo *info = findStepType(type);
    return info && info->changesDevice;
}

bool erasedByRecovery(const QString &type)
{
    const StepTypeInfo *info = findStepType(type);
    return info && info->erasedByRecovery;
}

bool isRfStep(const QString &type)
{
    const StepTypeInfo *info = findStepType(type);
    return info && info->needsRfTools;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Reads an image package with the station's reader (services/azsphere/imagepackage.h,
// REFERENCE 6.3).
Result<PackageFacts> inspectImagePackage(const QByteArray &bytes)
{
    const Result<ImagePackageInfo> info = ImagePackage::parse(bytes);
    if (!info)
        return fail(info.error());
    PackageFacts facts;
    facts.imageType = info->imageType;
    facts.componentId = info->componentId.toString(QUuid::WithoutBraces).toLower();
    facts.imageId = info->imageId.toString(QUuid::WithoutBraces).toLower();
    facts.developmentSigned = info->isDevelopmentSigned();
    return facts;
}

QString packageProblem(const Error &error)
{
    return error.detail.isEmpty() ? error.message : error.detail;
}

// How far a load with a RecipeLoadControl has got. A load runs the checks twice: the first
// (planning) pass only adds up the sizes of the files the second one reads, for the progress.
class FileReading
{
public:
    explicit FileReading(const RecipeLoadControl &control)
        : m_control(control)
    { }

    bool planning() const { return m_planning; }
    void setPlanning(bool planning) { m_planning = planning; }
    bool cancelled() const { return m_control.cancel.isCancelled(); }

    // Planning: a file the real pass would read (a file over its limit, or not a regular file,
    // is refused before it is read).
    void plan(const QString &path, qint64 maxBytes)
    {
        if (const QFileInfo info(path); info.isFile() && info.size() <= maxBytes)
            m_progress.bytesTotal += info.size();
    }
    // The real pass starts reading a file.
    void begin(const QString &path)
    {
        m_progress.currentFile = path;
        report();
    }
    // One slice of it was read; false to stop.
    bool advance(qint64 bytes)
    {
        m_progress.bytesDone += bytes;
        m_progress.bytesTotal = std::max(m_progress.bytesTotal, m_progress.bytesDone);
        report();
        return !cancelled();
    }
    void report() const
    {
        if (m_control.progress)
            m_control.progress(m_progress);
    }

private:
    const RecipeLoadControl &m_control;
    RecipeLoadProgress m_progress;
    bool m_planning = false;
};

class Validator final : public StepLoader
{
public:
    explicit Validator(const QString &baseDir, FileReading *reading = nullptr)
        : m_baseDir(QDir(baseDir).absolutePath())
        , m_reading(reading)
    { }

    std::optional<Recipe> validate(const QByteArray &bytes);
    const Problems &problems() const { return m_problems; }

    // StepLoader: for the params readers of the step types.
    std::optional<LoadedFile> readFile(
        const QJsonValue &value, const QString &path, qint64 maxBytes) override;
    std::optional<QString> readFolder(const QJsonValue &value, const QString &path) override;
    std::optional<PackageFacts> readPackage(
        const QJsonValue &value, const QString &path, int requiredType, Signing signing) override;
    void checkOsVersionName(const QString &name, const QString &path) override;
    void checkRecoveryFolder(
        const QString &folder, const QString &version, const QString &path) override;
    const OsVersions &osVersions() const override { return m_osVersions; }
    QString osVersionsFile() const override { return m_recipe.osVersionsFile; }
    QString autoKeystore() const override { return m_recipe.autoKeystore; }
    QStringList installedImageIds() const override;

private:
    void readHeader(const ObjectReader &top);
    void readCloud(const ObjectReader &top);
    void readSteps(const QJsonArray &steps, const QString &path);
    std::optional<RecipeStep> readStep(const QJsonValue &value, StepFacts &facts);
    std::shared_ptr<const StepParams> readParams(const StepTypeInfo &info,
        const QJsonObject &object,
        const QString &path,
        RecipeStep &step,
        StepFacts &facts,
        std::optional<int> explicitTimeoutS);

    void checkOrder();

    void readOsVersionsFile(const QJsonValue &value, const QString &path);
    QString resolve(const QString &relative) const;
    std::optional<QString> readRef(
        const QJsonValue &value, const QString &path, bool allowHash, QString *expectedHash);

    Problems m_problems;
    QString m_baseDir;
    FileReading *m_reading = nullptr; // null: no cancel, no progress
    Recipe m_recipe;
    OsVersions m_osVersions; // empty without a valid OS versions file
    bool m_hasOsVersions = false;
    QList<StepFacts> m_facts;
    QList<RecipeStep> m_steps;
};

std::optional<Recipe> Validator::validate(const QByteArray &bytes)
{
    // A repeated key makes the document mean two things (QJsonDocument would keep the last
    // value): report every one and nothing else.
    const auto parsed = StrictJson::parse(bytes);
    if (!parsed) {
        for (const StrictJson::Problem &problem : parsed.error())
            m_problems.add(problem.path.isEmpty() ? RootPath : problem.path, problem.reason);
        return std::nullopt;
    }
    const QJsonDocument &document = *parsed;
    if (!document.isObject()) {
        m_problems.add(RootPath, Tr::tr("must be a JSON object"));
        return std::nullopt;
    }

    const ObjectReader top(m_problems,
        document.object(),
        QString(),
        {u"format"_s,
            u"name"_s,
            u"version"_s,
            u"description"_s,
            u"require_serial"_s,
            u"label_pattern"_s,
            u"label_example"_s,
            u"os_versions_file"_s,
            u"auto_keystore"_s,
            u"cloud"_s,
            u"steps"_s});

    // Another format version has other rules: report only that. A missing or malformed format
    // is reported and the rest is checked as format 1, so the author sees all problems.
    if (top.present(u"format"_s, Need::Required)) {
        const QJsonValue format = top.value(u"format"_s);
        const double number = format.toDouble();
        if (!format.isDouble() || std::floor(number) != number) {
            top.report(u"format"_s,
                Tr::tr("must be an integer (this station reads format %1)")
                    .arg(RecipeFormatVersion));
        } else if (number != RecipeFormatVersion) {
            top.report(u"format"_s,
                Tr::tr("unsupported recipe format %1; this station reads format %2")
                    .arg(number)
                    .arg(RecipeFormatVersion));
            return std::nullopt;
        }
    }
    m_recipe.format = RecipeFormatVersion;

    readHeader(top);
    top.checkUnknownKeys();
    if (const std::optional<QJsonArray> steps = top.array(u"steps"_s, Need::Required, 2))
        readSteps(*steps, top.pathOf(u"steps"_s));
    else if (top.has(u"steps"_s) && top.value(u"steps"_s).isArray())
        readSteps(top.value(u"steps"_s).toArray(), top.pathOf(u"steps"_s));

    const bool needsOsVersions
        = std::any_of(m_facts.begin(), m_facts.end(), [](const StepFacts &f) {
              return f.type == "os-update"_L1 || f.type == "ready-to-ship"_L1;
          });
    if (needsOsVersions && !top.has(u"os_versions_file"_s))
        top.report(u"os_versions_file"_s,
            Tr::tr("is required by the \"os-update\" and \"ready-to-ship\" steps"));

    checkOrder();

    if (!m_problems.isEmpty())
        return std::nullopt;
    m_recipe.steps = m_steps;
    for (const StepFacts &facts : std::as_const(m_facts)) {
        if (facts.type == "finalize"_L1)
            m_recipe.finalStateName = facts.state;
    }
    return m_recipe;
}

void Validator::readHeader(const ObjectReader &top)
{
    m_recipe.name = top.name(u"name"_s, Need::Required).value_or(QString());
    m_recipe.version = top.name(u"version"_s, Need::Required).value_or(QString());
    m_recipe.description
        = top.string(u"description"_s, Need::Optional, Empty::Allowed).value_or(QString());
    m_recipe.requireSerial = top.boolean(u"require_serial"_s).value_or(false);
    if (const std::optional<QRegularExpression> pattern = top.regex(u"label_pattern"_s))
        m_recipe.labelPattern = *pattern;
    m_recipe.labelExample = top.string(u"label_example"_s, Need::Optional).value_or(QString());
    if (top.has(u"label_example"_s) && !top.has(u"label_pattern"_s))
        top.report(u"label_example"_s, Tr::tr("needs a \"label_pattern\" to be an example of"));
    else if (!m_recipe.labelExample.isEmpty() && !m_recipe.labelPattern.pattern().isEmpty()
        && !m_recipe.acceptsLabel(m_recipe.labelExample))
        top.report(u"label_example"_s, Tr::tr("does not match \"label_pattern\""));

    readCloud(top);

    if (top.has(u"os_versions_file"_s))
        readOsVersionsFile(top.value(u"os_versions_file"_s), top.pathOf(u"os_versions_file"_s));
    if (top.has(u"auto_keystore"_s)) {
        if (const std::optional<PackageFacts> keystore = readPackage(top.value(u"auto_keystore"_s),
                top.pathOf(u"auto_keystore"_s),
                KeystoreImageType,
                Signing::Refused)) {
            m_recipe.autoKeystore = keystore->path;
        }
    }
}

// The product and device group of the hand-off CSV to cloud configuration (docs/handoff.md).
// Both or neither: a run that names only one could not be configured.
void Validator::readCloud(const ObjectReader &top)
{
    if (!top.has(u"cloud"_s))
        return;
    const QString path = top.pathOf(u"cloud"_s);
    if (!top.value(u"cloud"_s).isObject()) {
        top.report(
            u"cloud"_s, Tr::tr("must be an object: {\"product\": ..., \"device_group\": ...}"));
        return;
    }
    const ObjectReader cloud(
        m_problems, top.value(u"cloud"_s).toObject(), path, {u"product"_s, u"device_group"_s});
    const auto read = [&cloud](const QString &key) -> QString {
        const std::optional<QString> text = cloud.string(key, Need::Required);
        if (!text)
            return {};
        if (const QString problem = cloudNameProblem(*text); !problem.isEmpty()) {
            cloud.report(key, problem);
            return {};
        }
        return *text;
    };
    m_recipe.cloudProduct = read(u"product"_s);
    m_recipe.cloudDeviceGroup = read(u"device_group"_s);
    cloud.checkUnknownKeys();
}

void Validator::readSteps(const QJsonArray &steps, const QString &path)
{
    for (qsizetype i = 0; i < steps.size(); ++i) {
        StepFacts facts;
        facts.path = element(path, i);
        std::optional<RecipeStep> step = readStep(steps.at(i), facts);
        m_facts.append(facts);
        m_steps.append(step.value_or(RecipeStep()));
    }
}

std::optional<RecipeStep> Validator::readStep(const QJsonValue &value, StepFacts &facts)
{
    if (!value.isObject()) {
        m_problems.add(facts.path, Tr::tr("must be an object"));
        return std::nullopt;
    }
    const ObjectReader r(m_problems,
        value.toObject(),
        facts.path,
        {u"type"_s, u"name"_s, u"timeout_s"_s, u"retries"_s, u"params"_s});
    const std::optional<QString> type = r.choice(u"type"_s, stepTypeNames(), Need::Required);
    RecipeStep step;
    step.type = type.value_or(QString());
    step.name = r.name(u"name"_s, Need::Optional).value_or(step.type);
    const std::optional<int> timeoutS = r.integer(u"timeout_s"_s, MinTimeoutS, MaxTimeoutS);
    step.retries = r.integer(u"retries"_s, 0, MaxRetries).value_or(0);
    r.checkUnknownKeys();
    facts.type = step.type;

    QJsonObject object;
    if (r.has(u"params"_s)) {
        if (!r.value(u"params"_s).isObject()) {
            r.report(u"params"_s, Tr::tr("must be an object"));
            return std::nullopt;
        }
        object = r.value(u"params"_s).toObject();
    }
    const StepTypeInfo *info = type ? findStepType(*type) : nullptr;
    if (!info)
        return std::nullopt;
    step.params = readParams(*info, object, r.pathOf(u"params"_s), step, facts, timeoutS);
    if (!step.params)
        return std::nullopt;
    return step;
}

std::shared_ptr<const StepParams> Validator::readParams(const StepTypeInfo &info,
    const QJsonObject &object,
    const QString &path,
    RecipeStep &step,
    StepFacts &facts,
    std::optional<int> explicitTimeoutS)
{
    const ObjectReader p(m_problems, object, path, info.paramNames());
    const qsizetype problemsBefore = m_problems.count();

    StepParamsInput input {p, *this, facts, std::nullopt};
    std::shared_ptr<const StepParams> loaded = info.read(input);
    p.checkUnknownKeys();

    // A step that waits inside itself (connect, wifi-verify): its wait must fit the timeout.
    int timeoutS = info.defaultTimeoutS;
    if (input.waitS)
        timeoutS = *input.waitS + info.waitMarginS;
    if (explicitTimeoutS) {
        if (input.waitS && *explicitTimeoutS <= *input.waitS) {
            m_problems.add(member(facts.path, u"timeout_s"_s),
                Tr::tr("must be greater than params.%1 (%2)")
                    .arg(info.waitParam)
                    .arg(*input.waitS));
        }
        timeoutS = *explicitTimeoutS;
    }
    step.timeout = std::chrono::seconds(timeoutS);
    if (m_problems.count() != problemsBefore)
        return nullptr;
    return loaded;
}

void Validator::checkOrder()
{
    if (m_facts.isEmpty())
        return;
    const auto typePath = [this](qsizetype i) { return member(m_facts.at(i).path, u"type"_s); };
    const auto typeAt = [this](qsizetype i) { return m_facts.at(i).type; };

    // A step whose type is missing or unknown has been reported already; the order rules do
    // not report it a second time.
    if (!typeAt(0).isEmpty() && typeAt(0) != "connect"_L1)
        m_problems.add(typePath(0), Tr::tr("the first step must be \"connect\""));
    if (m_facts.size() > 1 && !typeAt(1).isEmpty() && typeAt(1) != "details"_L1)
        m_problems.add(typePath(1), Tr::tr("the second step must be \"details\""));

    qsizetype finalizeAt = -1;
    qsizetype osUpdateAt = -1;
    const qsizetype last = m_facts.size() - 1;
    for (qsizetype i = 0; i < m_facts.size(); ++i) {
        const QString type = typeAt(i);
        // At index 0 and 1 the rules above have already said what belongs there.
        if (type == "connect"_L1 && i > 1)
            m_problems.add(typePath(i), Tr::tr("\"connect\" may only be the first step"));
        if (type == "details"_L1 && i > 1)
            m_problems.add(typePath(i), Tr::tr("\"details\" may only be the second step"));
        if (type == "os-update"_L1) {
            if (osUpdateAt >= 0)
                m_problems.add(typePath(i), Tr::tr("\"os-update\" may appear only once"));
            else
                osUpdateAt = i;
        }
        if (type == "finalize"_L1) {
            if (finalizeAt >= 0)
                m_problems.add(typePath(i), Tr::tr("\"finalize\" may appear only once"));
            else if (i != last)
                m_problems.add(typePath(i), Tr::tr("\"finalize\" must be the last step"));
            if (finalizeAt < 0)
                finalizeAt = i;
        }
        if (isRfStep(type) && finalizeAt >= 0 && finalizeAt < i) {
            m_problems.add(typePath(i),
                Tr::tr("RF steps need the Blank state and must come before "
                       "\"finalize\""));
        }
    }

    // Recovery erases what these steps install or check (REFERENCE 4.5).
    if (osUpdateAt >= 0) {
        for (qsizetype i = 0; i < osUpdateAt; ++i) {
            if (erasedByRecovery(typeAt(i))) {
                m_problems.add(typePath(osUpdateAt),
                    Tr::tr("\"os-update\" must come before %1 (\"%2\"): recovery erases "
                           "applications, keystore updates, board configurations "
                           "and Wi-Fi networks")
                        .arg(m_facts.at(i).path, typeAt(i)));
            }
        }
    }

    const bool hasRf = std::any_of(
        m_facts.begin(), m_facts.end(), [](const StepFacts &f) { return isRfStep(f.type); });
    for (qsizetype i = 0; i < m_facts.size(); ++i) {
        const StepFacts &facts = m_facts.at(i);
        if (facts.type != "ready-to-ship"_L1)
            continue;
        const QString statePath = member(facts.path, u"params.expected_state"_s);
        // The state changes only at finalize, and RF steps need Blank.
        if (hasRf && !facts.state.isEmpty() && facts.state != "Blank"_L1) {
            m_problems.add(statePath,
                Tr::tr("must be \"Blank\": the recipe has RF steps, which need a "
                       "Blank device, and the state changes only at \"finalize\""));
        }
        if (facts.state == "DeviceComplete"_L1 && finalizeAt > i) {
            m_problems.add(statePath,
                Tr::tr("a device already in DeviceComplete cannot be finalized; "
                       "the ready-to-ship check runs before %1")
                    .arg(m_facts.at(finalizeAt).path));
        }
        if (osUpdateAt >= 0 && osUpdateAt < i && !m_facts.at(osUpdateAt).osVersion.isEmpty()
            && !facts.readyOs.isEmpty()
            && !facts.readyOs.contains(m_facts.at(osUpdateAt).osVersion)) {
            m_problems.add(member(facts.path, u"params.os"_s),
                Tr::tr("does not list \"%1\", the OS version %2 installs")
                    .arg(m_facts.at(osUpdateAt).osVersion, m_facts.at(osUpdateAt).path));
        }
    }

    // The finalize guard: DeviceComplete only after ready-to-ship checks that still describe the
    // device, i.e. nothing changed it between the check and the finalize.
    if (finalizeAt >= 0 && m_facts.at(finalizeAt).state == "DeviceComplete"_L1) {
        qsizetype checkAt = -1;
        for (qsizetype i = 0; i < finalizeAt; ++i) {
            if (typeAt(i) == "ready-to-ship"_L1)
                checkAt = i;
        }
        if (checkAt < 0) {
            m_problems.add(member(m_facts.at(finalizeAt).path, u"params.state"_s),
                Tr::tr("DeviceComplete needs a \"ready-to-ship\" step before it"));
        } else {
            for (qsizetype i = checkAt + 1; i < finalizeAt; ++i) {
                if (changesDevice(typeAt(i))) {
                    m_problems.add(typePath(i),
                        Tr::tr("\"%1\" changes the device after the ready-to-ship "
                               "check (%2) and before the DeviceComplete finalize; "
                               "move it before the check")
                            .arg(typeAt(i), m_facts.at(checkAt).path));
                }
            }
        }
    }
}

// "expect_sideloaded": the image IDs of the applications the steps read so far leave installed,
// i.e. sideloaded and not deleted since (a later image of the same component replaces the
// earlier one, as on the device).
QStringList Validator::installedImageIds() const
{
    QList<QPair<QString, QString>> installed; // component ID, image ID, in install order
    for (const StepFacts &facts : m_facts) {
        for (const PackageFacts &package : facts.sideloaded) {
            installed.removeIf([&](const QPair<QString, QString> &entry) {
                return entry.first == package.componentId;
            });
            installed.append({package.componentId, package.imageId});
        }
        installed.removeIf([&](const QPair<QString, QString> &entry) {
            return facts.deletedComponents.contains(entry.first);
        });
    }
    QStringList images;
    for (const auto &entry : std::as_const(installed))
        images.append(entry.second);
    return images;
}

QString Validator::resolve(const QString &relative) const
{
    return QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(relative));
}

// A file reference is "path" or {"path": "...", "sha256": "..."}; a folder reference is "path"
// or {"path": "..."}. Returns the absolute path.
std::optional<QString> Validator::readRef(
    const QJsonValue &value, const QString &path, bool allowHash, QString *expectedHash)
{
    QString relative;
    if (value.isString()) {
        relative = value.toString();
        if (relative.isEmpty()) {
            m_problems.add(path, Tr::tr("must not be empty"));
            return std::nullopt;
        }
    } else if (value.isObject()) {
        QStringList keys {u"path"_s};
        if (allowHash)
            keys.append(u"sha256"_s);
        const ObjectReader ref(m_problems, value.toObject(), path, keys);
        const std::optional<QString> p = ref.string(u"path"_s, Need::Required);
        if (allowHash) {
            if (const std::optional<QString> hash = ref.string(u"sha256"_s, Need::Optional)) {
                static const QRegularExpression hexRe(u"^[0-9a-fA-F]{64}$"_s);
                if (hexRe.match(*hash).hasMatch())
                    *expectedHash = hash->toLower();
                else
                    ref.report(u"sha256"_s, Tr::tr("must be 64 hexadecimal digits"));
            }
        }
        ref.checkUnknownKeys();
        if (!p)
            return std::nullopt;
        relative = *p;
    } else {
        m_problems.add(path,
            allowHash ? Tr::tr("must be a file path or {\"path\": ..., \"sha256\": ...}")
                      : Tr::tr("must be a folder path or {\"path\": ...}"));
        return std::nullopt;
    }
    return resolve(relative);
}

// Reads a referenced file: a regular file of at most maxBytes (services/base/boundedfile.h), so a
// FIFO, a device or a huge file is refused at once instead of hanging or filling the memory.
std::optional<LoadedFile> Validator::readFile(
    const QJsonValue &value, const QString &path, qint64 maxBytes)
{
    QString expectedHash;
    const std::optional<QString> absolute = readRef(value, path, true, &expectedHash);
    if (!absolute)
        return std::nullopt;
    if (m_reading && m_reading->planning()) {
        m_reading->plan(*absolute, maxBytes);
        return std::nullopt;
    }
    // A cancelled load reads nothing more; load() reports the cancel instead of the problems.
    if (m_reading && m_reading->cancelled())
        return std::nullopt;
    if (m_reading)
        m_reading->begin(*absolute);
    // Hashed slice by slice as it is read (the bytes are kept for the checks: at most maxBytes).
    QCryptographicHash hash(QCryptographicHash::Sha256);
    Result<QByteArray> bytes
        = readRegularFile(*absolute, maxBytes, [this, &hash](QByteArrayView slice, qint64) {
              hash.addData(slice);
              return m_reading == nullptr || m_reading->advance(slice.size());
          });
    if (!bytes) {
        if (bytes.error().code != ErrorCode::Cancelled)
            m_problems.add(path, bytes.error().message);
        return std::nullopt;
    }
    LoadedFile data {*absolute, std::move(*bytes)};
    const QString actual = QString::fromLatin1(hash.result().toHex());
    m_recipe.fileSha256.insert(data.path, actual);
    if (!expectedHash.isEmpty() && expectedHash != actual) {
        m_problems.add(member(path, u"sha256"_s),
            Tr::tr("SHA-256 mismatch for %1: the recipe says %2, the file has %3")
                .arg(data.path, expectedHash, actual));
        return std::nullopt;
    }
    return data;
}

std::optional<QString> Validator::readFolder(const QJsonValue &value, const QString &path)
{
    const std::optional<QString> absolute = readRef(value, path, false, nullptr);
    if (!absolute)
        return std::nullopt;
    const QFileInfo info(*absolute);
    if (!info.exists()) {
        m_problems.add(path, Tr::tr("folder not found: %1").arg(*absolute));
        return std::nullopt;
    }
    if (!info.isDir()) {
        m_problems.add(path, Tr::tr("%1 is not a folder").arg(*absolute));
        return std::nullopt;
    }
    const QDir dir(*absolute);
    if (dir.entryList({u"*.imagepackage"_s}, QDir::Files | QDir::System).isEmpty()) {
        m_problems.add(path, Tr::tr("%1 holds no .imagepackage files").arg(*absolute));
        return std::nullopt;
    }
    return *absolute;
}

std::optional<PackageFacts> Validator::readPackage(
    const QJsonValue &value, const QString &path, int requiredType, Signing signing)
{
    const std::optional<LoadedFile> file = readFile(value, path, FileLimit::ImagePackage);
    if (!file)
        return std::nullopt;
    Result<PackageFacts> facts = inspectImagePackage(file->bytes);
    if (!facts) {
        m_problems.add(path,
            Tr::tr("%1 is not an image package (%2)")
                .arg(file->path, packageProblem(facts.error())));
        return std::nullopt;
    }
    facts->path = file->path;
    facts->fieldPath = path;
    if (requiredType >= 0 && facts->imageType != requiredType) {
        m_problems.add(path,
            Tr::tr("%1 has image type %2 (%3), but this parameter takes type %4 (%5)")
                .arg(file->path)
                .arg(facts->imageType)
                .arg(ImagePackageInfo::imageTypeNameOf(facts->imageType))
                .arg(requiredType)
                .arg(ImagePackageInfo::imageTypeNameOf(requiredType)));
        return std::nullopt;
    }
    if (facts->developmentSigned) {
        if (signing == Signing::Refused) {
            m_problems.add(path,
                Tr::tr("%1 is development-signed (SDK thumbprint); factory devices "
                       "refuse it")
                    .arg(file->path));
            return std::nullopt;
        }
        if (signing == Signing::RefusedUnlessAllowed) {
            m_problems.add(path,
                Tr::tr("%1 is development-signed (SDK thumbprint); use the "
                       "production-signed package, or set "
                       "\"allow_development_signed\": true")
                    .arg(file->path));
            return std::nullopt;
        }
    }
    return *facts;
}

void Validator::readOsVersionsFile(const QJsonValue &value, const QString &path)
{
    const std::optional<LoadedFile> file = readFile(value, path, FileLimit::OsVersions);
    if (!file)
        return;
    const auto invalid = [&](const QString &why) {
        m_problems.add(path, Tr::tr("%1 is not a valid OS versions file: %2").arg(file->path, why));
    };
    const tl::expected<OsVersions, QStringList> versions = OsVersions::read(file->bytes);
    if (!versions) {
        for (const QString &reason : versions.error())
            invalid(reason);
        return;
    }
    m_osVersions = *versions;
    m_hasOsVersions = true;
    m_recipe.osVersionsFile = file->path;
}

void Validator::checkOsVersionName(const QString &name, const QString &path)
{
    if (!m_hasOsVersions)
        return;
    const QStringList names = m_osVersions.names();
    if (!names.contains(name)) {
        m_problems.add(path,
            Tr::tr("\"%1\" is not in the OS versions file %2 (it lists %3)")
                .arg(name, m_recipe.osVersionsFile, quotedList(names)));
    }
}

// The recovery folder must hold exactly the images of the OS version the step names, so the
// device ends up with the version the recipe (and ready-to-ship) expects.
void Validator::checkRecoveryFolder(
    const QString &folder, const QString &version, const QString &path)
{
    const QDir dir(folder);
    QSet<QString> found;
    bool readable = true;
    // QDir::System: a FIFO, device or dangling link named *.imagepackage is listed, and then
    // refused by readFile with its reason, instead of being skipped without a word.
    const QStringList names
        = dir.entryList({u"*.imagepackage"_s}, QDir::Files | QDir::System, QDir::Name);
    for (const QString &name : names) {
        const QString filePath = dir.absoluteFilePath(name);
        std::optional<LoadedFile> file
            = readFile(QJsonValue(filePath), path, FileLimit::ImagePackage);
        if (!file) {
            readable = false;
            continue;
        }
        const Result<PackageFacts> facts = inspectImagePackage(file->bytes);
        if (!facts) {
            m_problems.add(path,
                Tr::tr("%1 is not an image package (%2)")
                    .arg(filePath, packageProblem(facts.error())));
            readable = false;
            continue;
        }
        found.insert(facts->componentId + u'/' + facts->imageId);
    }
    if (!readable || !m_hasOsVersions)
        return;
    for (const OsVersion &os : m_osVersions.versions()) {
        if (os.name != version)
            continue;
        QSet<QString> images;
        for (const OsImagePair &pair : os.images)
            images.insert(pair.componentId + u'/' + pair.imageId);
        const qsizetype missing = (images - found).size();
        const qsizetype extra = (found - images).size();
        if (missing != 0 || extra != 0) {
            m_problems.add(path,
                Tr::tr("%1 does not hold OS version \"%2\": %3 of its %4 images "
                       "missing, %5 other images")
                    .arg(folder, version)
                    .arg(missing)
                    .arg(images.size())
                    .arg(extra));
        }
    }
}

Error cancelledLoad(const QString &sourcePath)
{
    return Error::make(ErrorCode::Cancelled,
        Tr::tr("loading the recipe was cancelled"),
        sourcePath.isEmpty() ? QString() : u"cancelled while loading %1"_s.arg(sourcePath));
}

Result<Recipe> load(const QByteArray &bytes,
    const QString &baseDir,
    const QString &sourcePath,
    const RecipeLoadControl *control = nullptr)
{
    std::optional<FileReading> reading;
    if (control) {
        if (control->cancel.isCancelled())
            return fail(cancelledLoad(sourcePath));
        reading.emplace(*control);
        reading->setPlanning(true);
        Validator(baseDir, &*reading).validate(bytes);
        reading->setPlanning(false);
        reading->report();
    }
    Validator validator(baseDir, reading ? &*reading : nullptr);
    std::optional<Recipe> recipe = validator.validate(bytes);
    if (control && control->cancel.isCancelled())
        return fail(cancelledLoad(sourcePath));
    if (!recipe) {
        const Problems &problems = validator.problems();
        const int count = int(problems.count());
        const Text header = sourcePath.isEmpty()
            ? Tr::tr("The recipe is invalid (%n problem(s)):", nullptr, count)
            : Tr::tr("The recipe %1 is invalid (%n problem(s)):", nullptr, count).arg(sourcePath);
        const QStringList lines = problems.lines();
        return fail(ErrorCode::RecipeInvalid,
            Text::raw(u"%1\n%2"_s).arg(header, Text::raw(lines.join(u'\n'))),
            lines.join(u'\n'),
            Tr::tr("Correct the recipe file and load it again."));
    }
    recipe->path = sourcePath;
    recipe->sha256 = sha256Hex(bytes);
    return *recipe;
}

Result<Recipe> loadFile(const QString &path, const RecipeLoadControl *control)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    Result<QByteArray> bytes = readRegularFile(absolute, FileLimit::Recipe);
    if (!bytes) {
        return fail(ErrorCode::FileMissing,
            Tr::tr("Cannot read the recipe: %1").arg(bytes.error().message),
            bytes.error().detail,
            Tr::tr("Check the recipe path in the station configuration."));
    }
    return load(*bytes, QFileInfo(absolute).absolutePath(), absolute, control);
}

} // namespace

Result<Recipe> loadRecipe(const QString &path)
{
    return loadFile(path, nullptr);
}

Result<Recipe> loadRecipe(const QString &path, const RecipeLoadControl &control)
{
    return loadFile(path, &control);
}

Result<Recipe> loadRecipeFromBytes(
    const QByteArray &bytes, const QString &baseDir, const QString &sourcePath)
{
    return load(bytes, baseDir, sourcePath);
}

} // namespace Station
