#include "services/recipe/recipeloader.h"

#include "services/azsphere/devicedata.h"
#include "services/azsphere/imagepackage.h"
#include "services/base/boundedfile.h"
#include "services/base/strictjson.h"
#include "services/base/textcheck.h"
#include "services/base/tr.h"
#include "services/hardware/uartsession.h"
#include "services/recipe/recipejson.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

using namespace Qt::Literals::StringLiterals;

// Validation of the recipe format described in docs/recipe.md. Every check reports with the
// field path and goes on, so the author sees all problems of a file at once. Plain functions on
// the caller's thread; only the files the recipe names are read.
namespace Station {

namespace {

using namespace RecipeJson;

constexpr int MinTimeoutS = 1;
constexpr int MaxTimeoutS = 7200;
constexpr int MaxRetries = 5;
// connect: how long to wait for a responsive device; the step's default timeout adds a margin.
constexpr int DefaultConnectWaitS = 60;
constexpr int ConnectTimeoutMarginS = 30;
// wifi-verify: the simulated radio connects in 3 s, a real access point within seconds; the
// step's default timeout adds time for add, list, forget and the final list.
constexpr int DefaultWifiConnectS = 30;
constexpr int WifiTimeoutMarginS = 90;
constexpr int DefaultUartBaud = 115200;
constexpr int DefaultActionTimeoutMs = 1000;
constexpr int MaxActionTimeoutMs = 600000;
// REFERENCE 8: host lines are at most 128 characters including the '\n'.
constexpr int MaxUartCommandLength = 127;
// REFERENCE 7.1 and 4.4: the RF configuration is 1024 bytes, region code at 0x36/0x37.
constexpr qsizetype RfConfigurationBytes = 1024;
constexpr qsizetype RegionOffset = 0x36;
constexpr int MaxSsidBytes = 32;

constexpr int KeystoreImageType = 19;
constexpr int BoardConfigImageType = 21;

const QString RootPath = u"(recipe)"_s;

struct StepTypeInfo
{
    QLatin1StringView type;
    int defaultTimeoutS; // connect and wifi-verify derive theirs from a parameter
};

// Default timeouts per attempt. os-update: Microsoft's factory script allows 15 minutes for
// recover; the others cover the tool calls of REFERENCE 9 with a wide margin.
constexpr std::array StepTypes {
    StepTypeInfo {"connect"_L1, DefaultConnectWaitS + ConnectTimeoutMarginS},
    StepTypeInfo {"details"_L1, 30},
    StepTypeInfo {"os-update"_L1, 900},
    StepTypeInfo {"keystore"_L1, 180},
    StepTypeInfo {"sideload"_L1, 300},
    StepTypeInfo {"delete-temporary"_L1, 60},
    StepTypeInfo {"uart-test"_L1, 120},
    StepTypeInfo {"rf-calibrate"_L1, 120},
    StepTypeInfo {"rf-verify"_L1, 60},
    StepTypeInfo {"wifi-verify"_L1, DefaultWifiConnectS + WifiTimeoutMarginS},
    StepTypeInfo {"ethernet"_L1, 180},
    StepTypeInfo {"ready-to-ship"_L1, 120},
    StepTypeInfo {"finalize"_L1, 60},
};

QStringList stepTypeNames()
{
    QStringList names;
    for (const StepTypeInfo &info : StepTypes)
        names.append(info.type);
    return names;
}

int defaultTimeoutS(const QString &type)
{
    for (const StepTypeInfo &info : StepTypes) {
        if (info.type == type)
            return info.defaultTimeoutS;
    }
    return 60;
}

// Steps that change what is installed or configured on the device: a DeviceComplete finalize
// must not follow one of them after the ready-to-ship check.
bool changesDevice(const QString &type)
{
    return type != "finalize"_L1 && stepChangesDevice(type);
}

// What recovery erases (REFERENCE 4.5): these steps must come after an os-update.
bool erasedByRecovery(const QString &type)
{
    static const QStringList types
        = u"keystore sideload delete-temporary wifi-verify ethernet ready-to-ship"_s.split(u' ');
    return types.contains(type);
}

bool isRfStep(const QString &type)
{
    return type == "rf-calibrate"_L1 || type == "rf-verify"_L1;
}

const QStringList &knownUnits()
{
    static const QStringList units
        = u"V mV uV A mA uA W mW C K Hz kHz MHz dB dBm Ohm kOhm % s ms"_s.split(u' ');
    return units;
}

bool isGuid(const QString &text)
{
    static const QRegularExpression re(
        u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    return re.match(text).hasMatch();
}

bool isPrintableAscii(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() <= 0x7e;
    });
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// What the checks need from one image package the recipe names.
struct PackageFacts
{
    QString path;      // absolute
    QString fieldPath; // where the recipe names it
    int imageType = 0;
    QString componentId; // lowercase GUID without braces
    QString imageId;
    bool developmentSigned = false;
};

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

struct FileData
{
    QString path; // absolute
    QByteArray bytes;
};

struct OsVersion
{
    QString name;
    QSet<QString> images; // "cid/iid", lowercase
};

// What the checks across steps need to know about one step.
struct StepFacts
{
    QString type; // empty when the step's type is invalid
    QString path; // "steps[3]"
    QList<PackageFacts> sideloaded;
    QStringList deletedComponents;
    QString state; // finalize: target state; ready-to-ship: expected state
    QString osVersion;
    QStringList readyOs;
    QStringList readyImages;
    bool expectSideloaded = false;
};

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

enum class Signing {
    Refused,              // development-signed packages are refused
    RefusedUnlessAllowed, // refused; the step may allow them
    Allowed,              // the package is only read (delete-temporary, ready-to-ship)
};

class Validator
{
public:
    explicit Validator(const QString &baseDir, FileReading *reading = nullptr)
        : m_baseDir(QDir(baseDir).absolutePath())
        , m_reading(reading)
    { }

    std::optional<Recipe> validate(const QByteArray &bytes);
    const Problems &problems() const { return m_problems; }

private:
    void readHeader(const ObjectReader &top);
    void readSteps(const QJsonArray &steps, const QString &path);
    std::optional<RecipeStep> readStep(const QJsonValue &value, StepFacts &facts);
    std::optional<QJsonObject> readParams(const QString &type,
        const QJsonObject &object,
        const QString &path,
        RecipeStep &step,
        StepFacts &facts,
        std::optional<int> explicitTimeoutS);
    QJsonObject readConnect(const ObjectReader &p, StepFacts &facts, int &timeoutS);
    QJsonObject readOsUpdate(const ObjectReader &p, StepFacts &facts);
    QJsonObject readKeystore(const ObjectReader &p);
    QJsonObject readSideload(const ObjectReader &p, StepFacts &facts);
    QJsonObject readDeleteTemporary(const ObjectReader &p, StepFacts &facts);
    QJsonObject readUartTest(const ObjectReader &p);
    std::optional<QJsonObject> readUartAction(const QJsonValue &value, const QString &path);
    QJsonObject readRfCalibrate(const ObjectReader &p);
    QJsonObject readRfVerify(const ObjectReader &p);
    QJsonObject readWifiVerify(const ObjectReader &p, int &timeoutS);
    QJsonObject readEthernet(const ObjectReader &p);
    QJsonObject readReadyToShip(const ObjectReader &p, StepFacts &facts);
    QJsonObject readFinalize(const ObjectReader &p, StepFacts &facts);

    void checkOrder();
    void resolveReadyToShip();

    std::optional<QRegularExpression> regex(const ObjectReader &r, const QString &key);
    std::optional<FileData> readFile(const QJsonValue &value, const QString &path, qint64 maxBytes);
    std::optional<QString> readFolder(const QJsonValue &value, const QString &path);
    std::optional<PackageFacts> readPackage(
        const QJsonValue &value, const QString &path, int requiredType, Signing signing);
    std::optional<FileData> readRfConfiguration(const ObjectReader &p, const QString &key);
    void readOsVersionsFile(const QJsonValue &value, const QString &path);
    void checkOsVersionName(const QString &name, const QString &path);
    void checkRecoveryFolder(const QString &folder, const QString &version, const QString &path);
    QString resolve(const QString &relative) const;
    std::optional<QString> readRef(
        const QJsonValue &value, const QString &path, bool allowHash, QString *expectedHash);

    Problems m_problems;
    QString m_baseDir;
    FileReading *m_reading = nullptr; // null: no cancel, no progress
    Recipe m_recipe;
    std::optional<QList<OsVersion>> m_osVersions;
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
    resolveReadyToShip();

    if (!m_problems.isEmpty())
        return std::nullopt;
    m_recipe.steps = m_steps;
    return m_recipe;
}

void Validator::readHeader(const ObjectReader &top)
{
    m_recipe.name = top.name(u"name"_s, Need::Required).value_or(QString());
    m_recipe.version = top.name(u"version"_s, Need::Required).value_or(QString());
    m_recipe.description
        = top.string(u"description"_s, Need::Optional, Empty::Allowed).value_or(QString());
    m_recipe.requireSerial = top.boolean(u"require_serial"_s).value_or(false);
    if (const std::optional<QRegularExpression> pattern = regex(top, u"label_pattern"_s))
        m_recipe.labelPattern = *pattern;
    m_recipe.labelExample = top.string(u"label_example"_s, Need::Optional).value_or(QString());
    if (top.has(u"label_example"_s) && !top.has(u"label_pattern"_s))
        top.report(u"label_example"_s, Tr::tr("needs a \"label_pattern\" to be an example of"));
    else if (!m_recipe.labelExample.isEmpty() && !m_recipe.labelPattern.pattern().isEmpty()
        && !m_recipe.acceptsLabel(m_recipe.labelExample))
        top.report(u"label_example"_s, Tr::tr("does not match \"label_pattern\""));

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

    QJsonObject params;
    if (r.has(u"params"_s)) {
        if (!r.value(u"params"_s).isObject()) {
            r.report(u"params"_s, Tr::tr("must be an object"));
            return std::nullopt;
        }
        params = r.value(u"params"_s).toObject();
    }
    if (!type)
        return std::nullopt;
    const std::optional<QJsonObject> loaded
        = readParams(*type, params, r.pathOf(u"params"_s), step, facts, timeoutS);
    if (!loaded)
        return std::nullopt;
    step.params = *loaded;
    return step;
}

std::optional<QJsonObject> Validator::readParams(const QString &type,
    const QJsonObject &object,
    const QString &path,
    RecipeStep &step,
    StepFacts &facts,
    std::optional<int> explicitTimeoutS)
{
    static const QMap<QString, QStringList> keys {
        {u"connect"_s, {u"wait_s"_s}},
        {u"details"_s, {}},
        {u"os-update"_s, {u"images"_s, u"os_version"_s, u"skip_if_current"_s}},
        {u"keystore"_s, {u"package"_s}},
        {u"sideload"_s, {u"packages"_s, u"manual_start"_s, u"allow_development_signed"_s}},
        {u"delete-temporary"_s, {u"component_ids"_s, u"packages"_s}},
        {u"uart-test"_s, {u"port"_s, u"baud"_s, u"script"_s}},
        {u"rf-calibrate"_s, {u"region"_s, u"mac_source"_s, u"expected"_s}},
        {u"rf-verify"_s, {u"expected"_s}},
        {u"wifi-verify"_s, {u"ssid"_s, u"psk"_s, u"open"_s, u"connect_timeout_s"_s}},
        {u"ethernet"_s, {u"package"_s}},
        {u"ready-to-ship"_s, {u"expected_state"_s, u"os"_s, u"images"_s, u"expect_sideloaded"_s}},
        {u"finalize"_s, {u"state"_s, u"confirm_permanent"_s}},
    };
    const ObjectReader p(m_problems, object, path, keys.value(type));
    const qsizetype problemsBefore = m_problems.count();

    int timeoutS = defaultTimeoutS(type);
    QJsonObject loaded;
    if (type == "connect"_L1)
        loaded = readConnect(p, facts, timeoutS);
    else if (type == "details"_L1)
        loaded = QJsonObject();
    else if (type == "os-update"_L1)
        loaded = readOsUpdate(p, facts);
    else if (type == "keystore"_L1)
        loaded = readKeystore(p);
    else if (type == "sideload"_L1)
        loaded = readSideload(p, facts);
    else if (type == "delete-temporary"_L1)
        loaded = readDeleteTemporary(p, facts);
    else if (type == "uart-test"_L1)
        loaded = readUartTest(p);
    else if (type == "rf-calibrate"_L1)
        loaded = readRfCalibrate(p);
    else if (type == "rf-verify"_L1)
        loaded = readRfVerify(p);
    else if (type == "wifi-verify"_L1)
        loaded = readWifiVerify(p, timeoutS);
    else if (type == "ethernet"_L1)
        loaded = readEthernet(p);
    else if (type == "ready-to-ship"_L1)
        loaded = readReadyToShip(p, facts);
    else if (type == "finalize"_L1)
        loaded = readFinalize(p, facts);
    p.checkUnknownKeys();

    // connect and wifi-verify wait inside the step; their own wait must fit the step's timeout.
    const QString timeoutPath = member(facts.path, u"timeout_s"_s);
    if (explicitTimeoutS) {
        if (type == "connect"_L1 && loaded.contains(u"wait_s"_s)
            && *explicitTimeoutS <= loaded.value(u"wait_s"_s).toInt()) {
            m_problems.add(timeoutPath,
                Tr::tr("must be greater than params.wait_s (%1)")
                    .arg(loaded.value(u"wait_s"_s).toInt()));
        }
        if (type == "wifi-verify"_L1 && loaded.contains(u"connect_timeout_s"_s)
            && *explicitTimeoutS <= loaded.value(u"connect_timeout_s"_s).toInt()) {
            m_problems.add(timeoutPath,
                Tr::tr("must be greater than params.connect_timeout_s (%1)")
                    .arg(loaded.value(u"connect_timeout_s"_s).toInt()));
        }
        timeoutS = *explicitTimeoutS;
    }
    step.timeout = std::chrono::seconds(timeoutS);
    if (m_problems.count() != problemsBefore)
        return std::nullopt;
    return loaded;
}

QJsonObject Validator::readConnect(const ObjectReader &p, StepFacts &, int &timeoutS)
{
    const int waitS = p.integer(u"wait_s"_s, 1, 3600).value_or(DefaultConnectWaitS);
    timeoutS = waitS + ConnectTimeoutMarginS;
    return QJsonObject {{u"wait_s"_s, waitS}};
}

QJsonObject Validator::readOsUpdate(const ObjectReader &p, StepFacts &facts)
{
    QJsonObject loaded;
    std::optional<QString> folder;
    if (p.present(u"images"_s, Need::Required))
        folder = readFolder(p.value(u"images"_s), p.pathOf(u"images"_s));
    const std::optional<QString> version = p.string(u"os_version"_s, Need::Required);
    const bool skipIfCurrent = p.boolean(u"skip_if_current"_s).value_or(true);
    if (version) {
        facts.osVersion = *version;
        checkOsVersionName(*version, p.pathOf(u"os_version"_s));
    }
    if (folder && version)
        checkRecoveryFolder(*folder, *version, p.pathOf(u"images"_s));
    loaded.insert(u"images"_s, folder.value_or(QString()));
    loaded.insert(u"os_version"_s, version.value_or(QString()));
    loaded.insert(u"skip_if_current"_s, skipIfCurrent);
    loaded.insert(u"os_versions_file"_s, m_recipe.osVersionsFile);
    return loaded;
}

QJsonObject Validator::readKeystore(const ObjectReader &p)
{
    QString path;
    if (p.present(u"package"_s, Need::Required)) {
        if (const std::optional<PackageFacts> package = readPackage(p.value(u"package"_s),
                p.pathOf(u"package"_s),
                KeystoreImageType,
                Signing::Refused)) {
            path = package->path;
        }
    }
    return QJsonObject {{u"package"_s, path}};
}

QJsonObject Validator::readSideload(const ObjectReader &p, StepFacts &facts)
{
    const bool allowDevelopment = p.boolean(u"allow_development_signed"_s).value_or(false);
    const bool manualStart = p.boolean(u"manual_start"_s).value_or(false);
    QJsonArray paths;
    if (const std::optional<QJsonArray> packages = p.array(u"packages"_s, Need::Required, 1)) {
        const QString path = p.pathOf(u"packages"_s);
        for (qsizetype i = 0; i < packages->size(); ++i) {
            const QString entryPath = element(path, i);
            const std::optional<PackageFacts> package = readPackage(packages->at(i),
                entryPath,
                ApplicationImageType,
                allowDevelopment ? Signing::Allowed : Signing::RefusedUnlessAllowed);
            if (!package)
                continue;
            for (qsizetype j = 0; j < facts.sideloaded.size(); ++j) {
                if (facts.sideloaded.at(j).componentId == package->componentId) {
                    m_problems.add(entryPath,
                        Tr::tr("has the same component ID as %1; only one of them "
                               "would stay installed")
                            .arg(facts.sideloaded.at(j).fieldPath));
                }
            }
            facts.sideloaded.append(*package);
            paths.append(package->path);
        }
    }
    return QJsonObject {{u"packages"_s, paths},
        {u"manual_start"_s, manualStart},
        {u"allow_development_signed"_s, allowDevelopment},
        {u"auto_keystore"_s, m_recipe.autoKeystore}};
}

QJsonObject Validator::readDeleteTemporary(const ObjectReader &p, StepFacts &facts)
{
    QSet<QString> osComponents;
    if (m_osVersions) {
        for (const OsVersion &version : std::as_const(*m_osVersions)) {
            for (const QString &pair : version.images)
                osComponents.insert(pair.section(u'/', 0, 0));
        }
    }
    const auto addComponent = [&](const QString &componentId, const QString &path) {
        if (osComponents.contains(componentId)) {
            m_problems.add(path,
                Tr::tr("%1 is an OS component; the device refuses to delete it").arg(componentId));
            return;
        }
        if (!facts.deletedComponents.contains(componentId))
            facts.deletedComponents.append(componentId);
    };

    bool any = false;
    if (const std::optional<QJsonArray> ids = p.array(u"component_ids"_s, Need::Optional)) {
        const QString path = p.pathOf(u"component_ids"_s);
        for (qsizetype i = 0; i < ids->size(); ++i) {
            any = true;
            const QJsonValue id = ids->at(i);
            if (!id.isString() || !isGuid(id.toString())) {
                m_problems.add(element(path, i),
                    Tr::tr("must be a component ID (GUID), e.g. "
                           "\"508eddf2-b8c3-4a99-93d9-a045d9a060eb\""));
                continue;
            }
            addComponent(id.toString().toLower(), element(path, i));
        }
    }
    QJsonArray packagePaths;
    if (const std::optional<QJsonArray> packages = p.array(u"packages"_s, Need::Optional)) {
        const QString path = p.pathOf(u"packages"_s);
        for (qsizetype i = 0; i < packages->size(); ++i) {
            any = true;
            const std::optional<PackageFacts> package
                = readPackage(packages->at(i), element(path, i), -1, Signing::Allowed);
            if (!package)
                continue;
            packagePaths.append(package->path);
            addComponent(package->componentId, element(path, i));
        }
    }
    if (!any && !p.has(u"component_ids"_s) && !p.has(u"packages"_s)) {
        m_problems.add(
            p.path(), Tr::tr("needs \"component_ids\" or \"packages\" naming what to delete"));
    } else if (!any) {
        m_problems.add(p.path(),
            Tr::tr("\"component_ids\" and \"packages\" are both empty; name at least "
                   "one component to delete"));
    }
    return QJsonObject {{u"component_ids"_s, QJsonArray::fromStringList(facts.deletedComponents)},
        {u"packages"_s, packagePaths}};
}

QJsonObject Validator::readUartTest(const ObjectReader &p)
{
    const QString port = p.string(u"port"_s, Need::Optional, Empty::Allowed).value_or(QString());
    if (!port.isEmpty() && !QDir::isAbsolutePath(port))
        p.report(
            u"port"_s, Tr::tr("must be an absolute device path, or empty for the fixture's port"));
    int baud = DefaultUartBaud;
    if (p.has(u"baud"_s)) {
        const QJsonValue v = p.value(u"baud"_s);
        const double d = v.toDouble();
        const QList<qint32> known = UartSession::standardBaudRates();
        if (!v.isDouble() || !known.contains(int(d)) || double(int(d)) != d) {
            QStringList rates;
            for (int rate : known)
                rates.append(QString::number(rate));
            p.report(u"baud"_s, Tr::tr("must be one of: %1").arg(rates.join(u", "_s)));
        } else {
            baud = int(d);
        }
    }
    QJsonArray script;
    if (const std::optional<QJsonArray> actions = p.array(u"script"_s, Need::Required, 1)) {
        const QString path = p.pathOf(u"script"_s);
        for (qsizetype i = 0; i < actions->size(); ++i) {
            if (const std::optional<QJsonObject> action
                = readUartAction(actions->at(i), element(path, i)))
                script.append(*action);
        }
    }
    return QJsonObject {{u"port"_s, port}, {u"baud"_s, baud}, {u"script"_s, script}};
}

std::optional<QRegularExpression> Validator::regex(const ObjectReader &r, const QString &key)
{
    const std::optional<QString> pattern = r.string(key, Need::Optional);
    if (!pattern)
        return std::nullopt;
    QRegularExpression re(*pattern);
    if (!re.isValid()) {
        r.report(key,
            Tr::tr("invalid regular expression: %1 at offset %2")
                .arg(re.errorString())
                .arg(re.patternErrorOffset()));
        return std::nullopt;
    }
    return re;
}

std::optional<QJsonObject> Validator::readUartAction(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        m_problems.add(path, Tr::tr("must be an object"));
        return std::nullopt;
    }
    const ObjectReader a(m_problems,
        value.toObject(),
        path,
        {u"send"_s,
            u"expect"_s,
            u"fail"_s,
            u"check"_s,
            u"measure"_s,
            u"unit"_s,
            u"low"_s,
            u"high"_s,
            u"timeout_ms"_s});
    QJsonObject loaded;
    loaded.insert(u"timeout_ms"_s,
        a.integer(u"timeout_ms"_s, 1, MaxActionTimeoutMs).value_or(DefaultActionTimeoutMs));

    if (a.has(u"measure"_s)) {
        for (const QString &key : {u"send"_s, u"expect"_s, u"fail"_s, u"check"_s}) {
            if (a.has(key))
                a.report(key, Tr::tr("cannot be combined with \"measure\""));
        }
        static const QRegularExpression nameRe(u"^[A-Z][A-Z0-9_]{0,31}$"_s);
        if (const std::optional<QString> name = a.string(u"measure"_s, Need::Required)) {
            if (!nameRe.match(*name).hasMatch())
                a.report(u"measure"_s,
                    Tr::tr("must be an upper-case measurement name such as \"VCC_3V3\""));
            loaded.insert(u"measure"_s, *name);
        }
        if (const std::optional<QString> unit = a.string(u"unit"_s, Need::Required)) {
            if (!knownUnits().contains(*unit))
                a.report(u"unit"_s,
                    Tr::tr("unknown unit \"%1\"; use one of: %2")
                        .arg(*unit, knownUnits().join(u", "_s)));
            loaded.insert(u"unit"_s, *unit);
        }
        const std::optional<double> low = a.number(u"low"_s, Need::Required);
        const std::optional<double> high = a.number(u"high"_s, Need::Required);
        if (low && high && *low > *high)
            a.report(u"low"_s, Tr::tr("must not be greater than \"high\" (%1)").arg(*high));
        loaded.insert(u"low"_s, low.value_or(0.0));
        loaded.insert(u"high"_s, high.value_or(0.0));
    } else {
        for (const QString &key : {u"unit"_s, u"low"_s, u"high"_s}) {
            if (a.has(key))
                a.report(key, Tr::tr("belongs to a \"measure\" action"));
        }
        if (!a.has(u"send"_s) && !a.has(u"expect"_s))
            m_problems.add(path, Tr::tr("needs \"send\", \"expect\" or \"measure\""));
        if (const std::optional<QString> send = a.string(u"send"_s, Need::Optional)) {
            if (!isPrintableAscii(*send) || send->size() > MaxUartCommandLength)
                a.report(u"send"_s,
                    Tr::tr("must be printable ASCII without line breaks, at most %1 "
                           "characters")
                        .arg(MaxUartCommandLength));
            loaded.insert(u"send"_s, *send);
        }
        const std::optional<QRegularExpression> expect = regex(a, u"expect"_s);
        if (expect)
            loaded.insert(u"expect"_s, expect->pattern());
        if (const std::optional<QRegularExpression> failRe = regex(a, u"fail"_s))
            loaded.insert(u"fail"_s, failRe->pattern());
        if (a.has(u"fail"_s) && !a.has(u"expect"_s))
            a.report(u"fail"_s, Tr::tr("needs \"expect\""));
        if (const std::optional<QString> check
            = a.choice(u"check"_s, {u"device_id"_s}, Need::Optional)) {
            if (!a.has(u"expect"_s))
                a.report(u"check"_s, Tr::tr("needs \"expect\""));
            else if (expect && expect->captureCount() < 1)
                a.report(u"check"_s,
                    Tr::tr("needs a capture group in \"expect\" that holds the device ID"));
            loaded.insert(u"check"_s, *check);
        }
    }
    a.checkUnknownKeys();
    return loaded;
}

std::optional<FileData> Validator::readRfConfiguration(const ObjectReader &p, const QString &key)
{
    if (!p.present(key, Need::Required))
        return std::nullopt;
    const std::optional<FileData> file
        = readFile(p.value(key), p.pathOf(key), FileLimit::RfConfiguration);
    if (!file)
        return std::nullopt;
    if (file->bytes.size() != RfConfigurationBytes) {
        p.report(key,
            Tr::tr("%1 must be exactly %2 bytes, but it has %3")
                .arg(file->path)
                .arg(RfConfigurationBytes)
                .arg(file->bytes.size()));
        return std::nullopt;
    }
    return file;
}

QJsonObject Validator::readRfCalibrate(const ObjectReader &p)
{
    static const QRegularExpression regionRe(u"^[A-Z]{2}$"_s);
    std::optional<QString> region = p.string(u"region"_s, Need::Required);
    if (region && !regionRe.match(*region).hasMatch()) {
        p.report(u"region"_s, Tr::tr("must be two upper-case ASCII letters, e.g. \"US\""));
        region.reset();
    }
    const QString macSource
        = p.choice(u"mac_source"_s, {u"none"_s, u"label"_s}, Need::Optional).value_or(u"none"_s);
    const std::optional<FileData> expected = readRfConfiguration(p, u"expected"_s);
    if (region && expected) {
        const QByteArray held = expected->bytes.mid(RegionOffset, 2);
        if (held != region->toLatin1()) {
            static const QRegularExpression lettersRe(u"^[A-Z]{2}$"_s);
            const QString letters = QString::fromLatin1(held);
            const QString shown = lettersRe.match(letters).hasMatch()
                ? quoted(letters)
                : QString::fromLatin1(held.toHex(' '));
            p.report(u"expected"_s,
                Tr::tr("%1 holds region %2 at offset 0x36, but \"region\" is \"%3\"")
                    .arg(expected->path, shown, *region));
        }
    }
    return QJsonObject {{u"region"_s, region.value_or(QString())},
        {u"mac_source"_s, macSource},
        {u"expected"_s, expected ? expected->path : QString()}};
}

QJsonObject Validator::readRfVerify(const ObjectReader &p)
{
    const std::optional<FileData> expected = readRfConfiguration(p, u"expected"_s);
    return QJsonObject {{u"expected"_s, expected ? expected->path : QString()}};
}

QJsonObject Validator::readWifiVerify(const ObjectReader &p, int &timeoutS)
{
    const std::optional<QString> ssid = p.string(u"ssid"_s, Need::Required);
    if (ssid && ssid->toUtf8().size() > MaxSsidBytes)
        p.report(u"ssid"_s, Tr::tr("must be at most %1 bytes long (UTF-8)").arg(MaxSsidBytes));

    static const QRegularExpression hexKeyRe(u"^[0-9a-fA-F]{64}$"_s);
    const std::optional<QString> psk = p.string(u"psk"_s, Need::Optional, Empty::Allowed);
    if (psk
        && !((psk->size() >= 8 && psk->size() <= 63 && isPrintableAscii(*psk))
            || hexKeyRe.match(*psk).hasMatch())) {
        p.report(u"psk"_s,
            Tr::tr("must be 8 to 63 printable ASCII characters or 64 hexadecimal digits"));
    }
    const std::optional<bool> open = p.boolean(u"open"_s);
    const bool openValid = !p.has(u"open"_s) || open.has_value();
    if (openValid && p.has(u"psk"_s) && open.value_or(false))
        m_problems.add(p.path(), Tr::tr("give either \"psk\" or \"open\": true, not both"));
    else if (openValid && !p.has(u"psk"_s) && !open.value_or(false))
        m_problems.add(p.path(), Tr::tr("needs \"psk\", or \"open\": true for an open network"));

    const int connectS = p.integer(u"connect_timeout_s"_s, 1, 600).value_or(DefaultWifiConnectS);
    timeoutS = connectS + WifiTimeoutMarginS;
    return QJsonObject {{u"ssid"_s, ssid.value_or(QString())},
        {u"psk"_s, psk.value_or(QString())},
        {u"open"_s, open.value_or(false)},
        {u"connect_timeout_s"_s, connectS}};
}

QJsonObject Validator::readEthernet(const ObjectReader &p)
{
    QString path;
    if (p.present(u"package"_s, Need::Required)) {
        if (const std::optional<PackageFacts> package = readPackage(p.value(u"package"_s),
                p.pathOf(u"package"_s),
                BoardConfigImageType,
                Signing::Refused)) {
            path = package->path;
        }
    }
    return QJsonObject {{u"package"_s, path}, {u"auto_keystore"_s, m_recipe.autoKeystore}};
}

QJsonObject Validator::readReadyToShip(const ObjectReader &p, StepFacts &facts)
{
    facts.state = p.choice(u"expected_state"_s,
                       {u"Blank"_s, u"Module1Complete"_s, u"DeviceComplete"_s},
                       Need::Required)
                      .value_or(QString());
    if (const std::optional<QJsonArray> os = p.array(u"os"_s, Need::Required, 1)) {
        const QString path = p.pathOf(u"os"_s);
        for (qsizetype i = 0; i < os->size(); ++i) {
            const QJsonValue name = os->at(i);
            if (!name.isString() || name.toString().isEmpty()) {
                m_problems.add(element(path, i), Tr::tr("must be an OS version name"));
                continue;
            }
            checkOsVersionName(name.toString(), element(path, i));
            facts.readyOs.append(name.toString());
        }
    }
    facts.expectSideloaded = p.boolean(u"expect_sideloaded"_s).value_or(false);
    if (!p.has(u"images"_s) && !facts.expectSideloaded) {
        p.report(u"images"_s,
            Tr::tr("is required (a list, possibly empty), unless \"expect_sideloaded\" is "
                   "true"));
    }
    if (const std::optional<QJsonArray> images = p.array(u"images"_s, Need::Optional)) {
        const QString path = p.pathOf(u"images"_s);
        for (qsizetype i = 0; i < images->size(); ++i) {
            const QJsonValue entry = images->at(i);
            const QString entryPath = element(path, i);
            if (entry.isString() && isGuid(entry.toString())) {
                facts.readyImages.append(entry.toString().toLower());
            } else if (entry.isObject()) {
                const ObjectReader ref(m_problems, entry.toObject(), entryPath, {u"package"_s});
                if (ref.present(u"package"_s, Need::Required)) {
                    if (const std::optional<PackageFacts> package
                        = readPackage(ref.value(u"package"_s),
                            ref.pathOf(u"package"_s),
                            ApplicationImageType,
                            Signing::Allowed)) {
                        facts.readyImages.append(package->imageId);
                    }
                }
                ref.checkUnknownKeys();
            } else {
                m_problems.add(
                    entryPath, Tr::tr("must be an image ID (GUID) or {\"package\": <file>}"));
            }
        }
    }
    return QJsonObject {{u"expected_state"_s, facts.state},
        {u"os"_s, QJsonArray::fromStringList(facts.readyOs)},
        {u"images"_s, QJsonArray::fromStringList(facts.readyImages)},
        {u"expect_sideloaded"_s, facts.expectSideloaded},
        {u"os_versions_file"_s, m_recipe.osVersionsFile}};
}

QJsonObject Validator::readFinalize(const ObjectReader &p, StepFacts &facts)
{
    // The finalize guard starts here: DeviceComplete is irreversible, so it is reached only by
    // the exact state name AND an explicit confirmation; any typo refuses the whole recipe.
    facts.state = p.choice(u"state"_s, {u"Module1Complete"_s, u"DeviceComplete"_s}, Need::Required)
                      .value_or(QString());
    const std::optional<bool> confirm = p.boolean(u"confirm_permanent"_s);
    const bool confirmMalformed = p.has(u"confirm_permanent"_s) && !confirm;
    if (facts.state == "DeviceComplete"_L1 && !confirmMalformed && confirm != true) {
        p.report(u"confirm_permanent"_s,
            Tr::tr("must be true: DeviceComplete is permanent and must be confirmed "
                   "explicitly"));
    }
    if (facts.state == "Module1Complete"_L1 && p.has(u"confirm_permanent"_s))
        p.report(u"confirm_permanent"_s, Tr::tr("applies only to \"state\": \"DeviceComplete\""));
    return QJsonObject {
        {u"state"_s, facts.state}, {u"confirm_permanent"_s, confirm.value_or(false)}};
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
    qsizetype readyAt = -1;
    for (qsizetype i = 0; i < m_facts.size(); ++i) {
        const StepFacts &facts = m_facts.at(i);
        if (facts.type != "ready-to-ship"_L1)
            continue;
        readyAt = i;
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
    Q_UNUSED(readyAt)
}

// "expect_sideloaded": the image IDs of the applications this recipe leaves installed at that
// point, i.e. sideloaded earlier and not deleted since (a later image of the same component
// replaces the earlier one, as on the device).
void Validator::resolveReadyToShip()
{
    QList<QPair<QString, QString>> installed; // component ID, image ID, in install order
    for (qsizetype i = 0; i < m_facts.size(); ++i) {
        const StepFacts &facts = m_facts.at(i);
        if (facts.type == "sideload"_L1) {
            for (const PackageFacts &package : facts.sideloaded) {
                installed.removeIf([&](const QPair<QString, QString> &entry) {
                    return entry.first == package.componentId;
                });
                installed.append({package.componentId, package.imageId});
            }
        } else if (facts.type == "delete-temporary"_L1) {
            installed.removeIf([&](const QPair<QString, QString> &entry) {
                return facts.deletedComponents.contains(entry.first);
            });
        } else if (facts.type == "ready-to-ship"_L1 && facts.expectSideloaded
            && m_steps.at(i).type == facts.type) {
            QStringList images = facts.readyImages;
            for (const auto &entry : std::as_const(installed)) {
                if (!images.contains(entry.second))
                    images.append(entry.second);
            }
            m_steps[i].params.insert(u"images"_s, QJsonArray::fromStringList(images));
        }
    }
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
std::optional<FileData> Validator::readFile(
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
    FileData data {*absolute, std::move(*bytes)};
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
    const std::optional<FileData> file = readFile(value, path, FileLimit::ImagePackage);
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
    const std::optional<FileData> file = readFile(value, path, FileLimit::OsVersions);
    if (!file)
        return;
    const auto invalid = [&](const QString &why) {
        m_problems.add(path, Tr::tr("%1 is not a valid OS versions file: %2").arg(file->path, why));
    };
    const auto strict = StrictJson::parse(file->bytes);
    if (!strict) {
        for (const QString &line : StrictJson::lines(strict.error()))
            invalid(line);
        return;
    }
    const QJsonDocument &document = *strict;
    const QJsonArray versions = document.object().value(u"versions"_s).toArray();
    if (versions.isEmpty()) {
        invalid(Tr::tr("no \"versions\" list"));
        return;
    }
    QList<OsVersion> parsed;
    for (qsizetype i = 0; i < versions.size(); ++i) {
        const QJsonObject version = versions.at(i).toObject();
        OsVersion os;
        os.name = version.value(u"name"_s).toString();
        const QJsonArray images = version.value(u"images"_s).toArray();
        for (const QJsonValue &image : images) {
            const QString cid = image.toObject().value(u"cid"_s).toString().toLower();
            const QString iid = image.toObject().value(u"iid"_s).toString().toLower();
            if (isGuid(cid) && isGuid(iid))
                os.images.insert(cid + u'/' + iid);
        }
        if (os.name.isEmpty() || os.images.isEmpty() || os.images.size() != images.size()) {
            invalid(Tr::tr("versions[%1] needs a \"name\" and \"images\" of {\"cid\", \"iid\"}")
                        .arg(i));
            return;
        }
        // The name identifies a device's OS in the record.
        if (const QString problem = nameTextProblem(os.name); !problem.isEmpty()) {
            invalid(u"versions[%1].name: "_s.arg(i) + problem);
            return;
        }
        parsed.append(os);
    }
    m_osVersions = parsed;
    m_recipe.osVersionsFile = file->path;
}

void Validator::checkOsVersionName(const QString &name, const QString &path)
{
    if (!m_osVersions)
        return;
    QStringList names;
    for (const OsVersion &version : std::as_const(*m_osVersions))
        names.append(version.name);
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
        std::optional<FileData> file
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
    if (!readable || !m_osVersions)
        return;
    for (const OsVersion &os : std::as_const(*m_osVersions)) {
        if (os.name != version)
            continue;
        const qsizetype missing = (os.images - found).size();
        const qsizetype extra = (found - os.images).size();
        if (missing != 0 || extra != 0) {
            m_problems.add(path,
                Tr::tr("%1 does not hold OS version \"%2\": %3 of its %4 images "
                       "missing, %5 other images")
                    .arg(folder, version)
                    .arg(missing)
                    .arg(os.images.size())
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
