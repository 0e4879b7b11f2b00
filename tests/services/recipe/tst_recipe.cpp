#include "services/azsphere/imagepackage.h"
#include "services/recipe/recipeloader.h"
#include "services/recipe/steptype.h"
#include "services/steps/connectstep.h"
#include "services/steps/deletetemporarystep.h"
#include "services/steps/detailsstep.h"
#include "services/steps/ethernetstep.h"
#include "services/steps/finalizestep.h"
#include "services/steps/keystorestep.h"
#include "services/steps/osupdatestep.h"
#include "services/steps/readytoshipstep.h"
#include "services/steps/rfcalibratestep.h"
#include "services/steps/rfverifystep.h"
#include "services/steps/sideloadstep.h"
#include "services/steps/uartteststep.h"
#include "services/steps/wifiverifystep.h"
#include "tests/helpers/hostilefiles.h"
#include "tests/helpers/imagepackagebytes.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QtEndian>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using Station::ErrorCode;
using Station::Recipe;
using Station::RecipeStep;
using Station::Tests::imagePackageMetadata;

namespace {

// A loaded step's typed parameters (the loader reads them with the step registry's readers).
template <typename P> const P &params(const RecipeStep &step)
{
    return dynamic_cast<const P &>(*step.params);
}

} // namespace

namespace {

const QByteArray DevThumbprint = QByteArray::fromHex("a8d5cc6958f48710140d7a26160fc1cfc31f5df0");
const QByteArray ProdThumbprint = QByteArray::fromHex("e7da166741ccfabee1623ca315d0b208df11e1f8");

// Test IDs (made up). OS components A and B exist in every OS version with other image IDs.
const QString OsCidA = u"11111111-0000-4000-8000-00000000000a"_s;
const QString OsCidB = u"11111111-0000-4000-8000-00000000000b"_s;
const QString ProductCid = u"22222222-0000-4000-8000-000000000001"_s;
const QString ProductIid = u"22222222-0000-4000-8000-0000000000f1"_s;
const QString ProductDevIid = u"22222222-0000-4000-8000-0000000000f2"_s;
const QString Product2Iid = u"22222222-0000-4000-8000-0000000000f3"_s;
const QString TestCid = u"33333333-0000-4000-8000-000000000001"_s;
const QString TestIid = u"33333333-0000-4000-8000-0000000000f1"_s;
const QString KeystoreCid = u"44444444-0000-4000-8000-000000000001"_s;
const QString BoardCid = u"55555555-0000-4000-8000-000000000001"_s;
const QString RfTestServerCid = u"508eddf2-b8c3-4a99-93d9-a045d9a060eb"_s;

QString osIid(const QString &version, char component)
{
    // e.g. 26.09, 'a' -> 66666666-2609-4000-8000-00000000000a
    return u"66666666-%1-4000-8000-00000000000%2"_s.arg(QString(version).remove(u'.'))
        .arg(QLatin1Char(component));
}

// A minimal image package (REFERENCE 6.2): payload, Identity/Signature/Debug sections, signature.
QByteArray makePackage(int imageType,
    const QString &cid,
    const QString &iid,
    const QByteArray &thumbprint,
    const QByteArray &name)
{
    const QByteArray meta = imagePackageMetadata(imageType, cid, iid, thumbprint, name);
    QByteArray bytes(256, 'p');
    bytes.append(meta);
    bytes.append(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
    bytes.append(QByteArray(32, '\0'));
    return bytes;
}

QByteArray rfConfiguration(const QByteArray &region, qsizetype size = 1024)
{
    QByteArray bytes(size, '\0');
    bytes[0] = 0x20;
    bytes[1] = 0x36;
    if (size > 0x37) {
        bytes[0x36] = region.at(0);
        bytes[0x37] = region.at(1);
    }
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(bytes) == bytes.size();
}

QJsonObject osVersionsDocument(const QStringList &versions)
{
    QJsonArray list;
    for (const QString &version : versions) {
        list.append(QJsonObject {{u"name"_s, version},
            {u"images"_s,
                QJsonArray {QJsonObject {{u"cid"_s, OsCidA}, {u"iid"_s, osIid(version, 'a')}},
                    QJsonObject {{u"cid"_s, OsCidB}, {u"iid"_s, osIid(version, 'b')}}}}});
    }
    return QJsonObject {{u"versions"_s, list}};
}

// Writes the OS versions file and recovery folders for the given versions under dir.
bool writeOsAssets(const QString &dir, const QStringList &versions)
{
    bool ok = writeFile(
        dir + u"/mt3620an.json"_s, QJsonDocument(osVersionsDocument(versions)).toJson());
    for (const QString &version : versions) {
        ok = ok
            && writeFile(dir + u"/recovery/"_s + version + u"/01-a.imagepackage"_s,
                makePackage(1, OsCidA, osIid(version, 'a'), ProdThumbprint, "1BL"))
            && writeFile(dir + u"/recovery/"_s + version + u"/02-b.imagepackage"_s,
                makePackage(2, OsCidB, osIid(version, 'b'), ProdThumbprint, "Pluton"));
    }
    return ok;
}

// A recipe using every step type; valid against the assets initTestCase writes. Rows patch it.
const char BaseRecipe[] = R"({
  "format": 1,
  "name": "Test recipe",
  "version": "2.1",
  "description": "all step types",
  "require_serial": true,
  "os_versions_file": "assets/mt3620an.json",
  "auto_keystore": "assets/keystore.imagepackage",
  "steps": [
    {"type": "connect", "params": {"wait_s": 10}},
    {"type": "details"},
    {"type": "os-update", "params": {"images": "assets/recovery/26.09", "os_version": "26.09"}},
    {"type": "rf-calibrate", "params": {"region": "US", "expected": "assets/rf-US.bin"}},
    {"type": "rf-verify", "params": {"expected": "assets/rf-US.bin"}},
    {"type": "keystore", "params": {"package": "assets/keystore.imagepackage"}},
    {"type": "sideload", "params": {"packages": ["assets/test.imagepackage"]}},
    {"type": "uart-test", "params": {"script": [
      {"send": "PING", "expect": "^PONG$"},
      {"send": "ID", "expect": "^ID ([0-9a-f]{128})$", "check": "device_id"},
      {"measure": "VCC_3V3", "unit": "V", "low": 3.2, "high": 3.4},
      {"send": "SELFTEST", "expect": "^PASS$", "fail": "^FAIL (.*)$", "timeout_ms": 5000}]}},
    {"type": "delete-temporary", "params": {"packages": ["assets/test.imagepackage"]}},
    {"type": "sideload", "params": {"packages": ["assets/product.imagepackage"]}},
    {"type": "ethernet", "params": {"package": "assets/board.imagepackage"}},
    {"type": "wifi-verify", "params": {"ssid": "AP", "psk": "password1"}},
    {"type": "ready-to-ship", "params": {"expected_state": "Blank", "os": ["26.09"], "images": [],
                                         "expect_sideloaded": true}},
    {"type": "finalize", "params": {"state": "DeviceComplete", "confirm_permanent": true}}
  ]
})";

// Applies one operation at a JSON-pointer-like path ("/steps/3/params/region"; "-" appends).
QJsonValue patched(const QJsonValue &node,
    const QStringList &tokens,
    qsizetype at,
    const QString &op,
    const QJsonValue &value)
{
    const QString &token = tokens.at(at);
    const bool last = at == tokens.size() - 1;
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (last && op == "remove"_L1)
            object.remove(token);
        else if (last)
            object.insert(token, value);
        else
            object.insert(token, patched(object.value(token), tokens, at + 1, op, value));
        return object;
    }
    QJsonArray array = node.toArray();
    const qsizetype index = token == "-"_L1 ? array.size() : token.toInt();
    if (last && op == "remove"_L1)
        array.removeAt(index);
    else if (last && op == "insert"_L1)
        array.insert(index, value);
    else if (last)
        array[index] = value;
    else
        array[index] = patched(array.at(index), tokens, at + 1, op, value);
    return array;
}

// patch: a JSON array of [op, path, value] with op "set", "insert" or "remove".
QByteArray applyPatch(const QByteArray &recipe, const QByteArray &patch)
{
    QJsonValue root = QJsonDocument::fromJson(recipe).object();
    const QJsonArray ops = QJsonDocument::fromJson(patch).array();
    for (const QJsonValue &op : ops) {
        const QJsonArray parts = op.toArray();
        const QStringList tokens = parts.at(1).toString().mid(1).split(u'/');
        root = patched(root, tokens, 0, parts.at(0).toString(), parts.at(2));
    }
    return QJsonDocument(root.toObject()).toJson();
}

} // namespace

class tst_Recipe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void invalidRecipe_data();
    void invalidRecipe();
    void validVariants_data();
    void validVariants();
    void documentErrors_data();
    void documentErrors();
    void repeatedKeys_data();
    void repeatedKeys();
    void hostileReferencedFiles_data();
    void hostileReferencedFiles();
    void hostileRecipeFile_data();
    void hostileRecipeFile();
    void loadedForm();
    void labelPattern_data();
    void labelPattern();
    void cloudNames();
    void readyToShipImages_data();
    void readyToShipImages();
    void pathResolution();
    void errorShape();
    void recipeFileMissing();
    void unreadableFile();
    void sampleRecipes_data();
    void sampleRecipes();
    void schemaMatchesStepTypes();

private:
    QString expand(QString text) const;
    QString asset(const QString &relative) const { return m_assets + u'/' + relative; }
    Station::Result<Recipe> loadPatched(const QByteArray &patch) const;

    QTemporaryDir m_dir;
    QString m_assets;
    QString m_garbageReason; // the package reader's reason for assets/garbage.imagepackage
    QStringList m_fifos;     // FIFOs no writer ever opens
};

void tst_Recipe::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_assets = m_dir.path() + u"/assets"_s;
    QVERIFY(writeOsAssets(m_assets, {u"24.03"_s, u"26.09"_s}));
    QVERIFY(QDir().mkpath(asset(u"recovery/empty"_s)));
    QVERIFY(writeFile(asset(u"recovery/broken/x.imagepackage"_s), "not a package"));
    QVERIFY(writeFile(asset(u"keystore.imagepackage"_s),
        makePackage(19, KeystoreCid, KeystoreCid, ProdThumbprint, "Keystore")));
    QVERIFY(writeFile(asset(u"dev-keystore.imagepackage"_s),
        makePackage(19, KeystoreCid, KeystoreCid, DevThumbprint, "Keystore")));
    QVERIFY(writeFile(asset(u"board.imagepackage"_s),
        makePackage(21, BoardCid, BoardCid, ProdThumbprint, "lan-enc28j60-isu0-int5")));
    QVERIFY(writeFile(asset(u"product.imagepackage"_s),
        makePackage(10, ProductCid, ProductIid, ProdThumbprint, "ProductApp")));
    QVERIFY(writeFile(asset(u"product-dev.imagepackage"_s),
        makePackage(10, ProductCid, ProductDevIid, DevThumbprint, "ProductApp")));
    QVERIFY(writeFile(asset(u"product2.imagepackage"_s),
        makePackage(10, ProductCid, Product2Iid, ProdThumbprint, "ProductApp")));
    QVERIFY(writeFile(asset(u"test.imagepackage"_s),
        makePackage(10, TestCid, TestIid, ProdThumbprint, "FunctionalTestApp")));
    QVERIFY(writeFile(asset(u"garbage.imagepackage"_s), "not a package"));
    QVERIFY(writeFile(asset(u"rf-US.bin"_s), rfConfiguration("US")));
    QVERIFY(writeFile(asset(u"rf-JP.bin"_s), rfConfiguration("JP")));
    QVERIFY(writeFile(asset(u"rf-blank.bin"_s), rfConfiguration(QByteArray(2, '\0'))));
    QVERIFY(writeFile(asset(u"rf-short.bin"_s), rfConfiguration("US", 1000)));
    QVERIFY(writeFile(asset(u"versions-empty.json"_s), "{}"));
    QVERIFY(writeFile(asset(u"versions-truncated.json"_s), "{\"versions\": ["));
    QVERIFY(writeFile(asset(u"versions-bad.json"_s), R"({"versions": [{"name": "x"}]})"));

    // What an adversarial user names instead: FIFOs without a writer, files over their limits,
    // OS versions files with a repeated key or a control character.
    HostileFiles::limitAddressSpace();
    for (const QString &fifo : {u"fifo.json"_s,
             u"fifo.imagepackage"_s,
             u"recovery/fifo/01-a.imagepackage"_s,
             u"recipe-fifo.json"_s}) {
        QVERIFY(QDir().mkpath(QFileInfo(asset(fifo)).absolutePath()));
        QVERIFY(HostileFiles::makeFifo(asset(fifo)));
        m_fifos.append(asset(fifo));
    }
    QVERIFY(writeFile(asset(u"rf-huge.bin"_s), rfConfiguration("US", 64 * 1024 + 1)));
    {
        QFile huge(asset(u"huge.imagepackage"_s));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(64LL * 1024 * 1024 + 1)); // sparse
    }
    {
        QFile huge(asset(u"recipe-huge.json"_s));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(1024 * 1024 + 1));
    }
    QByteArray repeated = QJsonDocument(osVersionsDocument({u"24.03"_s, u"26.09"_s})).toJson();
    repeated.replace("\"name\": \"24.03\"", "\"name\": \"24.03\", \"name\": \"26.09\"");
    QVERIFY(repeated.contains("\"name\": \"24.03\", \"name\""));
    QVERIFY(writeFile(asset(u"versions-repeated.json"_s), repeated));
    QByteArray control = QJsonDocument(osVersionsDocument({u"24.03"_s, u"26.09"_s})).toJson();
    control.replace("\"name\": \"26.09\"", "\"name\": \"26.09\\u0007\"");
    QVERIFY(control.contains("26.09\\u0007"));
    QVERIFY(writeFile(asset(u"versions-control.json"_s), control));

    const auto reason = Station::ImagePackage::parse("not a package");
    QVERIFY(!reason);
    m_garbageReason = reason.error().detail;
    QVERIFY(!m_garbageReason.isEmpty());
}

// {a}: the assets folder; {garbage}: the reader's reason; {sha:<file>}: a file's SHA-256;
// {re:<pattern>}: QRegularExpression's error text and offset for the pattern.
QString tst_Recipe::expand(QString text) const
{
    static const QRegularExpression shaRe(u"\\{sha:([^}]+)\\}"_s);
    for (QRegularExpressionMatch m = shaRe.match(text); m.hasMatch(); m = shaRe.match(text)) {
        QFile file(m_assets + u'/' + m.captured(1));
        const QString sha = file.open(QIODevice::ReadOnly) ? sha256Of(file.readAll()) : QString();
        text.replace(m.capturedStart(), m.capturedLength(), sha);
    }
    static const QRegularExpression reRe(u"\\{re:(.+?)\\}re"_s);
    for (QRegularExpressionMatch m = reRe.match(text); m.hasMatch(); m = reRe.match(text)) {
        const QRegularExpression bad(m.captured(1));
        text.replace(m.capturedStart(),
            m.capturedLength(),
            u"%1 at offset %2"_s.arg(bad.errorString()).arg(bad.patternErrorOffset()));
    }
    text.replace(u"{a}"_s, m_assets);
    text.replace(u"{garbage}"_s, m_garbageReason);
    return text;
}

Station::Result<Recipe> tst_Recipe::loadPatched(const QByteArray &patch) const
{
    return Station::loadRecipeFromBytes(
        applyPatch(BaseRecipe, patch), m_dir.path(), m_dir.path() + u"/test.json"_s);
}

void tst_Recipe::invalidRecipe_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QStringList>("problems");

    const auto row = [](const char *name, const char *patch, const QStringList &problems) {
        QTest::newRow(name) << QByteArray(patch) << problems;
    };
    const QString stepTypes
        = u"\"connect\", \"details\", \"os-update\", \"keystore\", \"sideload\", "
          "\"delete-temporary\", \"uart-test\", \"rf-calibrate\", \"rf-verify\", "
          "\"wifi-verify\", \"ethernet\", \"ready-to-ship\", \"finalize\""_s;
    const QString units
        = u"V, mV, uV, A, mA, uA, W, mW, C, K, Hz, kHz, MHz, dB, dBm, Ohm, kOhm, %, s, ms"_s;

    // Top level
    row("format missing", R"([["remove", "/format"]])", {u"format: is required"_s});
    row("format not an integer",
        R"([["set", "/format", "1"]])",
        {u"format: must be an integer (this station reads format 1)"_s});
    row("format unsupported, reported alone",
        R"([["set", "/format", 2], ["remove", "/name"]])",
        {u"format: unsupported recipe format 2; this station reads format 1"_s});
    row("name missing", R"([["remove", "/name"]])", {u"name: is required"_s});
    row("name empty", R"([["set", "/name", ""]])", {u"name: must not be empty"_s});
    row("name not a string", R"([["set", "/name", 5]])", {u"name: must be a string"_s});
    // Names reach the record and the headless output: no NUL or other control characters.
    row("name with NUL",
        R"([["set", "/name", "Test\u0000recipe"]])",
        {u"name: contains the control character U+0000 (NUL)"_s});
    row("version with a line break",
        R"([["set", "/version", "2.1\nPASS"]])",
        {u"version: contains the control character U+000A"_s});
    row("step name with a terminal escape",
        R"([["set", "/steps/1/name", "details\u001b[32m PASS"]])",
        {u"steps[1].name: contains the control character U+001B"_s});
    row("step name with a right-to-left override",
        R"([["set", "/steps/13/name", "finalize\u202e"]])",
        {u"steps[13].name: contains the bidirectional control character U+202E"_s});
    row("version missing", R"([["remove", "/version"]])", {u"version: is required"_s});
    row("description not a string",
        R"([["set", "/description", 1]])",
        {u"description: must be a string"_s});
    row("require_serial not a boolean",
        R"([["set", "/require_serial", "yes"]])",
        {u"require_serial: must be true or false"_s});
    row("label_pattern not a string",
        R"([["set", "/label_pattern", 5]])",
        {u"label_pattern: must be a string"_s});
    row("label_pattern does not compile",
        R"([["set", "/label_pattern", "SPH-("]])",
        {u"label_pattern: invalid regular expression: {re:SPH-(}re"_s});
    row("label_example without a pattern",
        R"([["set", "/label_example", "SPH-24-00001"]])",
        {u"label_example: needs a \"label_pattern\" to be an example of"_s});
    row("label_example of another form",
        R"([["set", "/label_pattern", "SPH-[0-9]{2}-[0-9]{5}"], ["set", "/label_example", "SPH-24-1"]])",
        {u"label_example: does not match \"label_pattern\""_s});
    row("cloud not an object",
        R"([["set", "/cloud", "Contoso"]])",
        {u"cloud: must be an object: {\"product\": ..., \"device_group\": ...}"_s});
    row("cloud without a device group",
        R"([["set", "/cloud", {"product": "Contoso"}]])",
        {u"cloud.device_group: is required"_s});
    row("cloud with an unknown key",
        R"([["set", "/cloud", {"product": "Contoso", "device_group": "Production", "group": "x"}]])",
        {u"cloud.group: unknown key"_s});
    row("cloud product empty",
        R"([["set", "/cloud", {"product": "", "device_group": "Production"}]])",
        {u"cloud.product: must not be empty"_s});
    row("cloud product with a line break",
        R"([["set", "/cloud", {"product": "Contoso\nX", "device_group": "Production"}]])",
        {u"cloud.product: contains the control character U+000A"_s});
    row("cloud device group with a slash",
        R"([["set", "/cloud", {"product": "Contoso", "device_group": "Field/Test"}]])",
        {u"cloud.device_group: contains \"/\", which separates the product from the device group"_s});
    row("cloud product not ASCII",
        R"([["set", "/cloud", {"product": "K\u00fchlschrank", "device_group": "Production"}]])",
        {u"cloud.product: contains \u00fc (U+00FC); only printable ASCII characters are allowed"_s});
    row("cloud product too long",
        R"([["set", "/cloud", {"product": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "device_group": "Production"}]])",
        {u"cloud.product: is 51 characters long; Azure Sphere takes at most 50"_s});
    row("cloud device group with a space at the end",
        R"([["set", "/cloud", {"product": "Contoso", "device_group": "Production "}]])",
        {u"cloud.device_group: begins or ends with a space"_s});
    row("unknown key with suggestion",
        R"([["set", "/stpes", []]])",
        {u"stpes: unknown key; did you mean \"steps\"?"_s});
    row("unknown key", R"([["set", "/flavour", "red"]])", {u"flavour: unknown key"_s});
    row("comment not a string", R"([["set", "/_comment", 5]])", {u"_comment: must be a string"_s});
    row("os_versions_file missing",
        R"([["remove", "/os_versions_file"]])",
        {u"os_versions_file: is required by the \"os-update\" and \"ready-to-ship\" steps"_s});
    row("os_versions_file without versions",
        R"([["set", "/os_versions_file", "assets/versions-empty.json"]])",
        {u"os_versions_file: {a}/versions-empty.json is not a valid OS versions file: no "
         "\"versions\" list"_s});
    QJsonParseError versionsError;
    QJsonDocument::fromJson("{\"versions\": [", &versionsError);
    row("os_versions_file not JSON",
        R"([["set", "/os_versions_file", "assets/versions-truncated.json"]])",
        {u"os_versions_file: {a}/versions-truncated.json is not a valid OS versions file: "
         "not valid JSON: %1 at offset %2"_s.arg(versionsError.errorString())
                .arg(versionsError.offset)});
    row("os_versions_file with a malformed version",
        R"([["set", "/os_versions_file", "assets/versions-bad.json"]])",
        {u"os_versions_file: {a}/versions-bad.json is not a valid OS versions file: versions[0] "
         "needs a \"name\" and \"images\" of {\"cid\", \"iid\"}"_s});
    row("auto_keystore of the wrong type",
        R"([["set", "/auto_keystore", "assets/product.imagepackage"]])",
        {u"auto_keystore: {a}/product.imagepackage has image type 10 (Applications), but this "
         "parameter takes type 19 (TrustedKeystore)"_s});
    row("auto_keystore development-signed",
        R"([["set", "/auto_keystore", "assets/dev-keystore.imagepackage"]])",
        {u"auto_keystore: {a}/dev-keystore.imagepackage is development-signed (SDK "
         "thumbprint); factory devices refuse it"_s});
    row("steps missing", R"([["remove", "/steps"]])", {u"steps: is required"_s});
    row("steps not an array", R"([["set", "/steps", {}]])", {u"steps: must be an array"_s});
    row("steps too short",
        R"([["set", "/steps", [{"type": "connect"}]]])",
        {u"steps: must have at least 2 entries"_s});
    row("step not an object", R"([["set", "/steps/5", 3]])", {u"steps[5]: must be an object"_s});

    // Common step keys
    row("type missing", R"([["remove", "/steps/5/type"]])", {u"steps[5].type: is required"_s});
    row("type unknown",
        R"([["set", "/steps/5/type", "key-store"]])",
        {u"steps[5].type: must be one of: "_s + stepTypes});
    row("step name empty",
        R"([["set", "/steps/1/name", ""]])",
        {u"steps[1].name: must not be empty"_s});
    row("timeout_s zero",
        R"([["set", "/steps/1/timeout_s", 0]])",
        {u"steps[1].timeout_s: must be an integer from 1 to 7200"_s});
    row("timeout_s too large",
        R"([["set", "/steps/1/timeout_s", 7201]])",
        {u"steps[1].timeout_s: must be an integer from 1 to 7200"_s});
    row("timeout_s fractional",
        R"([["set", "/steps/1/timeout_s", 1.5]])",
        {u"steps[1].timeout_s: must be an integer from 1 to 7200"_s});
    row("retries negative",
        R"([["set", "/steps/1/retries", -1]])",
        {u"steps[1].retries: must be an integer from 0 to 5"_s});
    row("retries too many",
        R"([["set", "/steps/1/retries", 6]])",
        {u"steps[1].retries: must be an integer from 0 to 5"_s});
    row("unknown step key",
        R"([["set", "/steps/1/timeout", 5]])",
        {u"steps[1].timeout: unknown key; did you mean \"timeout_s\"?"_s});
    row("params not an object",
        R"([["set", "/steps/1/params", []]])",
        {u"steps[1].params: must be an object"_s});
    row("unknown param",
        R"([["set", "/steps/1/params", {"x": 1}]])",
        {u"steps[1].params.x: unknown key"_s});

    // connect
    row("connect wait_s zero",
        R"([["set", "/steps/0/params/wait_s", 0]])",
        {u"steps[0].params.wait_s: must be an integer from 1 to 3600"_s});
    row("connect timeout not above wait",
        R"([["set", "/steps/0/timeout_s", 10]])",
        {u"steps[0].timeout_s: must be greater than params.wait_s (10)"_s});

    // os-update
    row("os-update images missing",
        R"([["remove", "/steps/2/params/images"]])",
        {u"steps[2].params.images: is required"_s});
    row("os-update folder not found",
        R"([["set", "/steps/2/params/images", "assets/recovery/99"]])",
        {u"steps[2].params.images: folder not found: {a}/recovery/99"_s});
    row("os-update folder is a file",
        R"([["set", "/steps/2/params/images", "assets/mt3620an.json"]])",
        {u"steps[2].params.images: {a}/mt3620an.json is not a folder"_s});
    row("os-update folder without packages",
        R"([["set", "/steps/2/params/images", "assets/recovery/empty"]])",
        {u"steps[2].params.images: {a}/recovery/empty holds no .imagepackage files"_s});
    row("os-update folder reference with sha256",
        R"([["set", "/steps/2/params/images", {"path": "assets/recovery/26.09", "sha256": "00"}]])",
        {u"steps[2].params.images.sha256: unknown key"_s});
    row("os-update folder reference of the wrong type",
        R"([["set", "/steps/2/params/images", 5]])",
        {u"steps[2].params.images: must be a folder path or {\"path\": ...}"_s});
    row("os-update version not in the OS versions file",
        R"([["set", "/steps/2/params/os_version", "27.01"]])",
        {u"steps[2].params.os_version: \"27.01\" is not in the OS versions file "
         "{a}/mt3620an.json (it lists \"24.03\", \"26.09\")"_s,
            u"steps[12].params.os: does not list \"27.01\", the OS version steps[2] installs"_s});
    row("os-update folder of another version",
        R"([["set", "/steps/2/params/images", "assets/recovery/24.03"]])",
        {u"steps[2].params.images: {a}/recovery/24.03 does not hold OS version \"26.09\": 2 of "
         "its 2 images missing, 2 other images"_s});
    row("os-update folder with a broken package",
        R"([["set", "/steps/2/params/images", "assets/recovery/broken"]])",
        {u"steps[2].params.images: {a}/recovery/broken/x.imagepackage is not an image package "
         "({garbage})"_s});
    row("os-update skip_if_current not a boolean",
        R"([["set", "/steps/2/params/skip_if_current", "no"]])",
        {u"steps[2].params.skip_if_current: must be true or false"_s});

    // keystore and file references
    row("keystore package missing",
        R"([["set", "/steps/5/params", {}]])",
        {u"steps[5].params.package: is required"_s});
    row("keystore package of the wrong type",
        R"([["set", "/steps/5/params/package", "assets/board.imagepackage"]])",
        {u"steps[5].params.package: {a}/board.imagepackage has image type 21 "
         "(CustomerBoardConfig), but this parameter takes type 19 (TrustedKeystore)"_s});
    row("keystore development-signed",
        R"([["set", "/steps/5/params/package", "assets/dev-keystore.imagepackage"]])",
        {u"steps[5].params.package: {a}/dev-keystore.imagepackage is development-signed (SDK "
         "thumbprint); factory devices refuse it"_s});
    row("file not found",
        R"([["set", "/steps/5/params/package", "assets/missing.imagepackage"]])",
        {u"steps[5].params.package: file not found: {a}/missing.imagepackage"_s});
    row("file is a folder",
        R"([["set", "/steps/5/params/package", "assets/recovery"]])",
        {u"steps[5].params.package: {a}/recovery is a folder, not a file"_s});
    row("file is not an image package",
        R"([["set", "/steps/5/params/package", "assets/garbage.imagepackage"]])",
        {u"steps[5].params.package: {a}/garbage.imagepackage is not an image package "
         "({garbage})"_s});
    row("file reference of the wrong type",
        R"([["set", "/steps/5/params/package", 5]])",
        {u"steps[5].params.package: must be a file path or {\"path\": ..., \"sha256\": ...}"_s});
    row("file reference empty",
        R"([["set", "/steps/5/params/package", ""]])",
        {u"steps[5].params.package: must not be empty"_s});
    row("file reference object without path",
        R"([["set", "/steps/5/params/package", {}]])",
        {u"steps[5].params.package.path: is required"_s});
    row("file reference with unknown key",
        R"([["set", "/steps/5/params/package", {"path": "assets/keystore.imagepackage", "sha265": "x"}]])",
        {u"steps[5].params.package.sha265: unknown key; did you mean \"sha256\"?"_s});
    row("sha256 malformed",
        R"([["set", "/steps/5/params/package", {"path": "assets/keystore.imagepackage", "sha256": "abc"}]])",
        {u"steps[5].params.package.sha256: must be 64 hexadecimal digits"_s});
    row("sha256 mismatch",
        R"([["set", "/steps/5/params/package", {"path": "assets/keystore.imagepackage", "sha256": "0000000000000000000000000000000000000000000000000000000000000000"}]])",
        {u"steps[5].params.package.sha256: SHA-256 mismatch for {a}/keystore.imagepackage: the "
         "recipe says 0000000000000000000000000000000000000000000000000000000000000000, the "
         "file has {sha:keystore.imagepackage}"_s});

    // sideload
    row("sideload packages missing",
        R"([["set", "/steps/6/params", {}]])",
        {u"steps[6].params.packages: is required"_s});
    row("sideload packages empty",
        R"([["set", "/steps/6/params/packages", []]])",
        {u"steps[6].params.packages: must not be empty"_s});
    row("sideload packages not an array",
        R"([["set", "/steps/6/params/packages", "assets/test.imagepackage"]])",
        {u"steps[6].params.packages: must be an array"_s});
    row("sideload development-signed",
        R"([["set", "/steps/6/params/packages/0", "assets/product-dev.imagepackage"]])",
        {u"steps[6].params.packages[0]: {a}/product-dev.imagepackage is development-signed (SDK "
         "thumbprint); use the production-signed package, or set \"allow_development_signed\": "
         "true"_s});
    row("sideload of a keystore",
        R"([["set", "/steps/6/params/packages/0", "assets/keystore.imagepackage"]])",
        {u"steps[6].params.packages[0]: {a}/keystore.imagepackage has image type 19 "
         "(TrustedKeystore), but this parameter takes type 10 (Applications)"_s});
    row("sideload one component twice",
        R"([["insert", "/steps/9/params/packages/-", "assets/product2.imagepackage"]])",
        {u"steps[9].params.packages[1]: has the same component ID as "
         "steps[9].params.packages[0]; only one of them would stay installed"_s});
    row("sideload manual_start not a boolean",
        R"([["set", "/steps/6/params/manual_start", "true"]])",
        {u"steps[6].params.manual_start: must be true or false"_s});
    row("sideload allow_development_signed not a boolean",
        R"([["set", "/steps/6/params/allow_development_signed", 1]])",
        {u"steps[6].params.allow_development_signed: must be true or false"_s});

    // delete-temporary
    row("delete-temporary without params",
        R"([["remove", "/steps/8/params"]])",
        {u"steps[8].params: needs \"component_ids\" or \"packages\" naming what to delete"_s});
    row("delete-temporary with empty lists",
        R"([["set", "/steps/8/params", {"component_ids": [], "packages": []}]])",
        {u"steps[8].params: \"component_ids\" and \"packages\" are both empty; name at least one "
         "component to delete"_s});
    row("delete-temporary ID not a GUID",
        R"([["set", "/steps/8/params/component_ids", ["FunctionalTestApp"]]])",
        {u"steps[8].params.component_ids[0]: must be a component ID (GUID), e.g. "
         "\"508eddf2-b8c3-4a99-93d9-a045d9a060eb\""_s});
    row("delete-temporary of an OS component",
        R"([["set", "/steps/8/params/component_ids", ["11111111-0000-4000-8000-00000000000A"]]])",
        {u"steps[8].params.component_ids[0]: 11111111-0000-4000-8000-00000000000a is an OS "
         "component; the device refuses to delete it"_s});
    row("delete-temporary package broken",
        R"([["set", "/steps/8/params/packages/0", "assets/garbage.imagepackage"]])",
        {u"steps[8].params.packages[0]: {a}/garbage.imagepackage is not an image package "
         "({garbage})"_s});

    // uart-test
    row("uart script missing",
        R"([["set", "/steps/7/params", {}]])",
        {u"steps[7].params.script: is required"_s});
    row("uart script empty",
        R"([["set", "/steps/7/params/script", []]])",
        {u"steps[7].params.script: must not be empty"_s});
    row("uart port relative",
        R"([["set", "/steps/7/params/port", "ttyUSB0"]])",
        {u"steps[7].params.port: must be an absolute device path, or empty for the fixture's "
         "port"_s});
    row("uart baud unknown",
        R"([["set", "/steps/7/params/baud", 1234]])",
        {u"steps[7].params.baud: must be one of: 9600, 19200, 38400, 57600, 115200, 230400, "
         "460800, 921600"_s});
    row("uart action not an object",
        R"([["set", "/steps/7/params/script/0", "PING"]])",
        {u"steps[7].params.script[0]: must be an object"_s});
    row("uart action empty",
        R"([["set", "/steps/7/params/script/0", {}]])",
        {u"steps[7].params.script[0]: needs \"send\", \"expect\" or \"measure\""_s});
    row("uart send with a line break",
        R"([["set", "/steps/7/params/script/0/send", "PING\n"]])",
        {u"steps[7].params.script[0].send: must be printable ASCII without line breaks, at most "
         "127 characters"_s});
    row("uart send too long",
        R"([["set", "/steps/7/params/script/0/send", "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"]])",
        {u"steps[7].params.script[0].send: must be printable ASCII without line breaks, at most "
         "127 characters"_s});
    row("uart expect invalid",
        R"([["set", "/steps/7/params/script/1/expect", "^ID ("]])",
        {u"steps[7].params.script[1].expect: invalid regular expression: {re:^ID (}re"_s});
    row("uart fail invalid",
        R"([["set", "/steps/7/params/script/3/fail", "^FAIL [a-"]])",
        {u"steps[7].params.script[3].fail: invalid regular expression: {re:^FAIL [a-}re"_s});
    row("uart fail without expect",
        R"([["set", "/steps/7/params/script/0", {"send": "X", "fail": "^ERR"}]])",
        {u"steps[7].params.script[0].fail: needs \"expect\""_s});
    row("uart check without expect",
        R"([["set", "/steps/7/params/script/0", {"send": "ID", "check": "device_id"}]])",
        {u"steps[7].params.script[0].check: needs \"expect\""_s});
    row("uart check without capture group",
        R"([["set", "/steps/7/params/script/1/expect", "^ID [0-9a-f]{128}$"]])",
        {u"steps[7].params.script[1].check: needs a capture group in \"expect\" that holds the "
         "device ID"_s});
    row("uart check unknown",
        R"([["set", "/steps/7/params/script/1/check", "serial"]])",
        {u"steps[7].params.script[1].check: must be one of: \"device_id\""_s});
    row("uart measure combined with send",
        R"([["set", "/steps/7/params/script/2/send", "MEASURE VCC_3V3"]])",
        {u"steps[7].params.script[2].send: cannot be combined with \"measure\""_s});
    row("uart measure name lower case",
        R"([["set", "/steps/7/params/script/2/measure", "vcc_3v3"]])",
        {u"steps[7].params.script[2].measure: must be an upper-case measurement name such as "
         "\"VCC_3V3\""_s});
    row("uart unit unknown",
        R"([["set", "/steps/7/params/script/2/unit", "v"]])",
        {u"steps[7].params.script[2].unit: unknown unit \"v\"; use one of: "_s + units});
    row("uart unit missing",
        R"([["remove", "/steps/7/params/script/2/unit"]])",
        {u"steps[7].params.script[2].unit: is required"_s});
    row("uart low above high",
        R"([["set", "/steps/7/params/script/2/low", 3.5]])",
        {u"steps[7].params.script[2].low: must not be greater than \"high\" (3.4)"_s});
    row("uart low missing",
        R"([["remove", "/steps/7/params/script/2/low"]])",
        {u"steps[7].params.script[2].low: is required"_s});
    row("uart high not a number",
        R"([["set", "/steps/7/params/script/2/high", "3.4"]])",
        {u"steps[7].params.script[2].high: must be a number"_s});
    row("uart unit on a line action",
        R"([["set", "/steps/7/params/script/0/unit", "V"]])",
        {u"steps[7].params.script[0].unit: belongs to a \"measure\" action"_s});
    row("uart timeout_ms zero",
        R"([["set", "/steps/7/params/script/0/timeout_ms", 0]])",
        {u"steps[7].params.script[0].timeout_ms: must be an integer from 1 to 600000"_s});
    row("uart unknown action key",
        R"([["set", "/steps/7/params/script/0/expcet", "^PONG$"]])",
        {u"steps[7].params.script[0].expcet: unknown key; did you mean \"expect\"?"_s});

    // rf-calibrate and rf-verify
    row("rf region lower case",
        R"([["set", "/steps/3/params/region", "us"]])",
        {u"steps[3].params.region: must be two upper-case ASCII letters, e.g. \"US\""_s});
    row("rf region three letters",
        R"([["set", "/steps/3/params/region", "USA"]])",
        {u"steps[3].params.region: must be two upper-case ASCII letters, e.g. \"US\""_s});
    row("rf region missing",
        R"([["remove", "/steps/3/params/region"]])",
        {u"steps[3].params.region: is required"_s});
    row("rf region differs from the expected file",
        R"([["set", "/steps/3/params/region", "JP"]])",
        {u"steps[3].params.expected: {a}/rf-US.bin holds region \"US\" at offset 0x36, but "
         "\"region\" is \"JP\""_s});
    row("rf expected file without region",
        R"([["set", "/steps/3/params/expected", "assets/rf-blank.bin"]])",
        {u"steps[3].params.expected: {a}/rf-blank.bin holds region 00 00 at offset 0x36, but "
         "\"region\" is \"US\""_s});
    row("rf expected file too short",
        R"([["set", "/steps/3/params/expected", "assets/rf-short.bin"]])",
        {u"steps[3].params.expected: {a}/rf-short.bin must be exactly 1024 bytes, but it has "
         "1000"_s});
    row("rf mac_source unknown",
        R"([["set", "/steps/3/params/mac_source", "scan"]])",
        {u"steps[3].params.mac_source: must be one of: \"none\", \"label\""_s});
    row("rf expected missing",
        R"([["remove", "/steps/3/params/expected"]])",
        {u"steps[3].params.expected: is required"_s});
    row("rf-verify expected too short",
        R"([["set", "/steps/4/params/expected", "assets/rf-short.bin"]])",
        {u"steps[4].params.expected: {a}/rf-short.bin must be exactly 1024 bytes, but it has "
         "1000"_s});

    // wifi-verify
    row("wifi ssid missing",
        R"([["remove", "/steps/11/params/ssid"]])",
        {u"steps[11].params.ssid: is required"_s});
    row("wifi ssid too long",
        R"([["set", "/steps/11/params/ssid", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"]])",
        {u"steps[11].params.ssid: must be at most 32 bytes long (UTF-8)"_s});
    row("wifi psk too short",
        R"([["set", "/steps/11/params/psk", "short"]])",
        {u"steps[11].params.psk: must be 8 to 63 printable ASCII characters or 64 hexadecimal "
         "digits"_s});
    row("wifi psk and open",
        R"([["set", "/steps/11/params/open", true]])",
        {u"steps[11].params: give either \"psk\" or \"open\": true, not both"_s});
    row("wifi neither psk nor open",
        R"([["remove", "/steps/11/params/psk"]])",
        {u"steps[11].params: needs \"psk\", or \"open\": true for an open network"_s});
    row("wifi open false without psk",
        R"([["remove", "/steps/11/params/psk"], ["set", "/steps/11/params/open", false]])",
        {u"steps[11].params: needs \"psk\", or \"open\": true for an open network"_s});
    row("wifi open not a boolean",
        R"([["remove", "/steps/11/params/psk"], ["set", "/steps/11/params/open", "yes"]])",
        {u"steps[11].params.open: must be true or false"_s});
    row("wifi connect_timeout_s too large",
        R"([["set", "/steps/11/params/connect_timeout_s", 601]])",
        {u"steps[11].params.connect_timeout_s: must be an integer from 1 to 600"_s});
    row("wifi timeout not above the connect wait",
        R"([["set", "/steps/11/timeout_s", 30]])",
        {u"steps[11].timeout_s: must be greater than params.connect_timeout_s (30)"_s});

    // ethernet
    row("ethernet package missing",
        R"([["remove", "/steps/10/params/package"]])",
        {u"steps[10].params.package: is required"_s});
    row("ethernet package of the wrong type",
        R"([["set", "/steps/10/params/package", "assets/product.imagepackage"]])",
        {u"steps[10].params.package: {a}/product.imagepackage has image type 10 (Applications), "
         "but this parameter takes type 21 (CustomerBoardConfig)"_s});

    // ready-to-ship
    row("ready expected_state missing",
        R"([["remove", "/steps/12/params/expected_state"]])",
        {u"steps[12].params.expected_state: is required"_s});
    row("ready expected_state misspelt",
        R"([["set", "/steps/12/params/expected_state", "blank"]])",
        {u"steps[12].params.expected_state: must be one of: \"Blank\", \"Module1Complete\", "
         "\"DeviceComplete\""_s});
    row("ready expects another state than Blank with RF steps",
        R"([["set", "/steps/12/params/expected_state", "Module1Complete"]])",
        {u"steps[12].params.expected_state: must be \"Blank\": the recipe has RF steps, which "
         "need a Blank device, and the state changes only at \"finalize\""_s});
    row("ready expects DeviceComplete before a finalize",
        R"([["remove", "/steps/4"], ["remove", "/steps/3"],
            ["set", "/steps/10/params/expected_state", "DeviceComplete"]])",
        {u"steps[10].params.expected_state: a device already in DeviceComplete cannot be "
         "finalized; the ready-to-ship check runs before steps[11]"_s});
    row("ready os missing",
        R"([["remove", "/steps/12/params/os"]])",
        {u"steps[12].params.os: is required"_s});
    row("ready os empty",
        R"([["set", "/steps/12/params/os", []]])",
        {u"steps[12].params.os: must not be empty"_s});
    row("ready os entry empty",
        R"([["set", "/steps/12/params/os", ["26.09", ""]]])",
        {u"steps[12].params.os[1]: must be an OS version name"_s});
    row("ready os unknown and without the installed version",
        R"([["set", "/steps/12/params/os", ["25.10"]]])",
        {u"steps[12].params.os[0]: \"25.10\" is not in the OS versions file {a}/mt3620an.json "
         "(it lists \"24.03\", \"26.09\")"_s,
            u"steps[12].params.os: does not list \"26.09\", the OS version steps[2] installs"_s});
    row("ready images missing",
        R"([["remove", "/steps/12/params/images"], ["remove", "/steps/12/params/expect_sideloaded"]])",
        {u"steps[12].params.images: is required (a list, possibly empty), unless "
         "\"expect_sideloaded\" is true"_s});
    row("ready image entry not a GUID",
        R"([["set", "/steps/12/params/images", ["ProductApp"]]])",
        {u"steps[12].params.images[0]: must be an image ID (GUID) or {\"package\": <file>}"_s});
    row("ready image entry without package",
        R"([["set", "/steps/12/params/images", [{"pkg": "assets/product.imagepackage"}]]])",
        {u"steps[12].params.images[0].package: is required"_s,
            u"steps[12].params.images[0].pkg: unknown key"_s});
    row("ready image package of the wrong type",
        R"([["set", "/steps/12/params/images", [{"package": "assets/board.imagepackage"}]]])",
        {u"steps[12].params.images[0].package: {a}/board.imagepackage has image type 21 "
         "(CustomerBoardConfig), but this parameter takes type 10 (Applications)"_s});
    row("ready expect_sideloaded not a boolean",
        R"([["set", "/steps/12/params/expect_sideloaded", "yes"]])",
        {u"steps[12].params.expect_sideloaded: must be true or false"_s});

    // finalize
    row("finalize state misspelt",
        R"([["set", "/steps/13/params/state", "devicecomplete"]])",
        {u"steps[13].params.state: must be one of: \"Module1Complete\", \"DeviceComplete\""_s});
    row("finalize state missing",
        R"([["remove", "/steps/13/params/state"]])",
        {u"steps[13].params.state: is required"_s});
    row("finalize DeviceComplete unconfirmed",
        R"([["remove", "/steps/13/params/confirm_permanent"]])",
        {u"steps[13].params.confirm_permanent: must be true: DeviceComplete is permanent and "
         "must be confirmed explicitly"_s});
    row("finalize DeviceComplete confirmed false",
        R"([["set", "/steps/13/params/confirm_permanent", false]])",
        {u"steps[13].params.confirm_permanent: must be true: DeviceComplete is permanent and "
         "must be confirmed explicitly"_s});
    row("finalize confirmation as a string",
        R"([["set", "/steps/13/params/confirm_permanent", "true"]])",
        {u"steps[13].params.confirm_permanent: must be true or false"_s});
    row("finalize confirmation with Module1Complete",
        R"([["set", "/steps/13/params/state", "Module1Complete"]])",
        {u"steps[13].params.confirm_permanent: applies only to \"state\": \"DeviceComplete\""_s});

    // Order rules
    row("connect and details swapped",
        R"([["set", "/steps/0", {"type": "details"}], ["set", "/steps/1", {"type": "connect"}]])",
        {u"steps[0].type: the first step must be \"connect\""_s,
            u"steps[1].type: the second step must be \"details\""_s});
    // Each problem once: an unknown type is not also out of order.
    row("first step of an unknown type",
        R"([["set", "/steps/0/type", "conect"]])",
        {u"steps[0].type: must be one of: "_s + stepTypes});
    row("second step without a type",
        R"([["remove", "/steps/1/type"]])",
        {u"steps[1].type: is required"_s});
    row("first step not an object",
        R"([["set", "/steps/0", "connect"]])",
        {u"steps[0]: must be an object"_s});
    row("connect later again",
        R"([["insert", "/steps/3", {"type": "connect"}]])",
        {u"steps[3].type: \"connect\" may only be the first step"_s});
    row("details later again",
        R"([["insert", "/steps/3", {"type": "details"}]])",
        {u"steps[3].type: \"details\" may only be the second step"_s});
    row("details missing",
        R"([["remove", "/steps/1"]])",
        {u"steps[1].type: the second step must be \"details\""_s});
    row("finalize not last",
        R"([["insert", "/steps/-", {"type": "details"}]])",
        {u"steps[13].type: \"finalize\" must be the last step"_s,
            u"steps[14].type: \"details\" may only be the second step"_s});
    row("finalize twice",
        R"([["insert", "/steps/13", {"type": "finalize", "params": {"state": "Module1Complete"}}]])",
        {u"steps[13].type: \"finalize\" must be the last step"_s,
            u"steps[14].type: \"finalize\" may appear only once"_s});
    row("rf step after finalize",
        R"([["insert", "/steps/-", {"type": "rf-verify", "params": {"expected": "assets/rf-US.bin"}}]])",
        {u"steps[13].type: \"finalize\" must be the last step"_s,
            u"steps[14].type: RF steps need the Blank state and must come before \"finalize\""_s});
    row("os-update twice",
        R"([["insert", "/steps/3", {"type": "os-update", "params": {"images": "assets/recovery/26.09", "os_version": "26.09"}}]])",
        {u"steps[3].type: \"os-update\" may appear only once"_s});
    row("os-update after what it erases",
        R"([["set", "/steps/2", {"type": "sideload", "params": {"packages": ["assets/product.imagepackage"]}}],
            ["set", "/steps/9", {"type": "os-update", "params": {"images": "assets/recovery/26.09", "os_version": "26.09"}}]])",
        {u"steps[9].type: \"os-update\" must come before steps[2] (\"sideload\"): recovery erases "
         "applications, keystore updates, board configurations and Wi-Fi networks"_s,
            u"steps[9].type: \"os-update\" must come before steps[5] (\"keystore\"): recovery "
            u"erases "
            "applications, keystore updates, board configurations and Wi-Fi networks"_s,
            u"steps[9].type: \"os-update\" must come before steps[6] (\"sideload\"): recovery "
            u"erases "
            "applications, keystore updates, board configurations and Wi-Fi networks"_s,
            u"steps[9].type: \"os-update\" must come before steps[8] (\"delete-temporary\"): "
            "recovery erases applications, keystore updates, board configurations and Wi-Fi "
            "networks"_s});
    row("DeviceComplete without ready-to-ship",
        R"([["remove", "/steps/12"]])",
        {u"steps[12].params.state: DeviceComplete needs a \"ready-to-ship\" step before it"_s});
    row("device changed after ready-to-ship",
        R"([["insert", "/steps/13", {"type": "sideload", "params": {"packages": ["assets/product.imagepackage"]}}]])",
        {u"steps[13].type: \"sideload\" changes the device after the ready-to-ship check "
         "(steps[12]) and before the DeviceComplete finalize; move it before the check"_s});
}

void tst_Recipe::invalidRecipe()
{
    QFETCH(QByteArray, patch);
    QFETCH(QStringList, problems);

    const Station::Result<Recipe> recipe = loadPatched(patch);
    QVERIFY2(!recipe, "the recipe was accepted");
    QCOMPARE(recipe.error().code, ErrorCode::RecipeInvalid);

    QStringList expected;
    for (const QString &problem : std::as_const(problems))
        expected.append(expand(problem));
    QStringList actual = recipe.error().detail.split(u'\n');
    // Every expected problem, and no other; the order is the loader's business.
    expected.sort();
    actual.sort();
    QCOMPARE(actual.join(u'\n'), expected.join(u'\n'));
    for (const QString &line : std::as_const(expected))
        QVERIFY(recipe.error().message.english().contains(line));
}

void tst_Recipe::validVariants_data()
{
    QTest::addColumn<QByteArray>("patch");

    QTest::newRow("as is") << QByteArray("[]");
    QTest::newRow("Module1Complete without confirmation")
        << QByteArray(R"([["set", "/steps/13/params", {"state": "Module1Complete"}]])");
    QTest::newRow("no finalize") << QByteArray(R"([["remove", "/steps/13"]])");
    QTest::newRow("open network") << QByteArray(
        R"([["set", "/steps/11/params", {"ssid": "OPEN", "open": true}]])");
    QTest::newRow("hex psk") << QByteArray(
        R"([["set", "/steps/11/params/psk", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"]])");
    QTest::newRow("development-signed allowed") << QByteArray(
        R"([["set", "/steps/9/params", {"packages": ["assets/product-dev.imagepackage"], "allow_development_signed": true}]])");
    QTest::newRow("read-only step between the check and finalize") << QByteArray(
        R"([["insert", "/steps/13", {"type": "rf-verify", "params": {"expected": "assets/rf-US.bin"}}]])");
    QTest::newRow("comments everywhere") << QByteArray(
        R"([["set", "/_comment", "top"], ["set", "/steps/1/_comment", "step"],
            ["set", "/steps/1/params", {"_comment": "params"}],
            ["set", "/steps/7/params/script/0/_comment", "action"]])");
    QTest::newRow("ready-to-ship DeviceComplete without finalize") << QByteArray(
        R"([["remove", "/steps/13"], ["remove", "/steps/4"], ["remove", "/steps/3"],
            ["set", "/steps/10/params/expected_state", "DeviceComplete"]])");
    QTest::newRow("rftest_server deleted by ID") << QByteArray(
        R"([["set", "/steps/8/params/component_ids", ["508EDDF2-B8C3-4A99-93D9-A045D9A060EB"]]])");
    QTest::newRow("uart expect-only action and explicit port")
        << QByteArray(R"([["set", "/steps/7/params/port", "/dev/ttyUSB3"],
                          ["insert", "/steps/7/params/script/0", {"expect": "^READY$", "timeout_ms": 20000}]])");
}

void tst_Recipe::validVariants()
{
    QFETCH(QByteArray, patch);
    const Station::Result<Recipe> recipe = loadPatched(patch);
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().message));
}

void tst_Recipe::documentErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");

    QJsonParseError parseError;
    QJsonDocument::fromJson("{\"format\": 1,", &parseError);
    QTest::newRow("not JSON") << QByteArray("{\"format\": 1,")
                              << u"(recipe): not valid JSON: %1 at offset %2"_s
                                     .arg(parseError.errorString())
                                     .arg(parseError.offset);
    QTest::newRow("array") << QByteArray("[]") << u"(recipe): must be a JSON object"_s;
    QTest::newRow("empty") << QByteArray() << QString();
}

void tst_Recipe::documentErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    const Station::Result<Recipe> recipe = Station::loadRecipeFromBytes(bytes, m_dir.path());
    QVERIFY(!recipe);
    QCOMPARE(recipe.error().code, ErrorCode::RecipeInvalid);
    if (problem.isEmpty())
        QVERIFY(recipe.error().detail.startsWith(u"(recipe): not valid JSON: "_s));
    else
        QCOMPARE(recipe.error().detail, problem);
}

// QJsonDocument keeps the last of a repeated key; the loader refuses the document instead,
// naming every repeated key (and nothing else: the document has no single meaning to check).
void tst_Recipe::repeatedKeys_data()
{
    QTest::addColumn<QByteArrayList>("replace"); // pairs: text of BaseRecipe, replacement
    QTest::addColumn<QStringList>("problems");

    const QByteArray finalize = R"({"state": "DeviceComplete", "confirm_permanent": true})";
    QTest::newRow("finalize state twice")
        << QByteArrayList {finalize,
               R"({"state": "Module1Complete", "state": "DeviceComplete", "confirm_permanent": true})"}
        << QStringList {u"steps[13].params.state: the key \"state\" appears twice"_s};
    QTest::newRow("finalize state twice, the permanent one first")
        << QByteArrayList {finalize,
               R"({"state": "DeviceComplete", "confirm_permanent": true, "state": "Module1Complete"})"}
        << QStringList {u"steps[13].params.state: the key \"state\" appears twice"_s};
    QTest::newRow("recipe name twice") << QByteArrayList {R"("name": "Test recipe",)",
        R"("name": "Test recipe", "name": "Other",)"}
                                       << QStringList {u"name: the key \"name\" appears twice"_s};
    QTest::newRow("version twice, once escaped")
        << QByteArrayList {R"("version": "2.1",)", R"("version": "2.1", "vers\u0069on": "9",)"}
        << QStringList {u"version: the key \"version\" appears twice"_s};
    QTest::newRow("uart send twice")
        << QByteArrayList {R"({"send": "PING", "expect": "^PONG$"})",
               R"({"send": "PING", "send": "RESET", "expect": "^PONG$"})"}
        << QStringList {u"steps[7].params.script[0].send: the key \"send\" appears twice"_s};
    QTest::newRow("require_serial three times")
        << QByteArrayList {R"("require_serial": true,)",
               R"("require_serial": true, "require_serial": false, "require_serial": true,)"}
        << QStringList {u"require_serial: the key \"require_serial\" appears 3 times"_s};
    QTest::newRow("two objects with a repeated key")
        << QByteArrayList {finalize,
               R"({"state": "Module1Complete", "state": "DeviceComplete", "confirm_permanent": true})",
               R"("name": "Test recipe",)",
               R"("name": "Test recipe", "name": "Other",)"}
        << QStringList {u"name: the key \"name\" appears twice"_s,
               u"steps[13].params.state: the key \"state\" appears twice"_s};
}

void tst_Recipe::repeatedKeys()
{
    QFETCH(QByteArrayList, replace);
    QFETCH(QStringList, problems);
    QByteArray bytes(BaseRecipe);
    for (qsizetype i = 0; i + 1 < replace.size(); i += 2) {
        QVERIFY2(bytes.count(replace.at(i)) == 1, replace.at(i).constData());
        bytes.replace(replace.at(i), replace.at(i + 1));
    }
    const Station::Result<Recipe> recipe = Station::loadRecipeFromBytes(bytes, m_dir.path());
    QVERIFY2(!recipe, "a recipe with a repeated key was accepted");
    QCOMPARE(recipe.error().code, ErrorCode::RecipeInvalid);
    QCOMPARE(recipe.error().detail, problems.join(u'\n'));
}

// Files the recipe names that are not what they claim: refused promptly, each once, with why.
void tst_Recipe::hostileReferencedFiles_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QStringList>("problems");

    const auto row = [](const char *name, const char *patch, const QStringList &problems) {
        QTest::newRow(name) << QByteArray(patch) << problems;
    };
    row("OS versions file is a FIFO",
        R"([["set", "/os_versions_file", "assets/fifo.json"]])",
        {u"os_versions_file: {a}/fifo.json is a FIFO (named pipe), not a regular file"_s});
    row("auto_keystore is a FIFO",
        R"([["set", "/auto_keystore", "assets/fifo.imagepackage"]])",
        {u"auto_keystore: {a}/fifo.imagepackage is a FIFO (named pipe), not a regular file"_s});
    row("recovery folder holds a FIFO",
        R"([["set", "/steps/2/params/images", "assets/recovery/fifo"]])",
        {u"steps[2].params.images: {a}/recovery/fifo/01-a.imagepackage is a FIFO (named pipe), "
         "not a regular file"_s});
    row("keystore package is /dev/zero",
        R"([["set", "/steps/5/params/package", "/dev/zero"]])",
        {u"steps[5].params.package: /dev/zero is a character device, not a regular file"_s});
    row("sideload package is /dev/zero, with a hash",
        R"([["set", "/steps/9/params/packages", [{"path": "/dev/zero", "sha256": "00000000000000000000000000000000000000000000000000000000000000ff"}]]])",
        {u"steps[9].params.packages[0]: /dev/zero is a character device, not a regular file"_s});
    row("RF configuration is /dev/zero",
        R"([["set", "/steps/4/params/expected", "/dev/zero"]])",
        {u"steps[4].params.expected: /dev/zero is a character device, not a regular file"_s});
    row("image package over 64 MiB",
        R"([["set", "/steps/6/params/packages", ["assets/huge.imagepackage"]]])",
        {u"steps[6].params.packages[0]: {a}/huge.imagepackage is larger than the limit of "
         "64 MiB"_s});
    row("RF configuration over 64 KiB",
        R"([["set", "/steps/4/params/expected", "assets/rf-huge.bin"]])",
        {u"steps[4].params.expected: {a}/rf-huge.bin is larger than the limit of 64 KiB"_s});
    row("OS versions file with a repeated key",
        R"([["set", "/os_versions_file", "assets/versions-repeated.json"]])",
        {u"os_versions_file: {a}/versions-repeated.json is not a valid OS versions file: "
         "versions[0].name: the key \"name\" appears twice"_s});
    row("OS version name with a control character",
        R"([["set", "/os_versions_file", "assets/versions-control.json"]])",
        {u"os_versions_file: {a}/versions-control.json is not a valid OS versions file: "
         "versions[1].name: contains the control character U+0007"_s});
}

void tst_Recipe::hostileReferencedFiles()
{
    QFETCH(QByteArray, patch);
    QFETCH(QStringList, problems);
    using namespace std::chrono_literals;
    const auto recipe
        = HostileFiles::returnsWithin([&] { return loadPatched(patch); }, m_fifos, 10s);
    QVERIFY2(recipe.has_value(), "loading the recipe blocked");
    QVERIFY2(!*recipe, "the recipe was accepted");
    QCOMPARE(recipe->error().code, ErrorCode::RecipeInvalid);
    QStringList expected;
    for (const QString &problem : std::as_const(problems))
        expected.append(expand(problem));
    QCOMPARE(recipe->error().detail, expected.join(u'\n'));
}

void tst_Recipe::hostileRecipeFile_data()
{
    QTest::addColumn<QString>("path"); // relative: in the assets folder
    QTest::addColumn<QString>("reason");
    QTest::newRow("FIFO") << u"recipe-fifo.json"_s
                          << u"{path} is a FIFO (named pipe), not a regular file"_s;
    QTest::newRow("/dev/zero") << u"/dev/zero"_s
                               << u"{path} is a character device, not a regular file"_s;
    QTest::newRow("folder") << u"recovery"_s << u"{path} is a folder, not a file"_s;
    QTest::newRow("over 1 MiB") << u"recipe-huge.json"_s
                                << u"{path} is larger than the limit of 1 MiB"_s;
}

void tst_Recipe::hostileRecipeFile()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    using namespace std::chrono_literals;
    const QString file = QDir::isAbsolutePath(path) ? path : asset(path);
    const auto recipe
        = HostileFiles::returnsWithin([file] { return Station::loadRecipe(file); }, m_fifos, 10s);
    QVERIFY2(recipe.has_value(), "loading the recipe blocked");
    QVERIFY(!*recipe);
    QCOMPARE(recipe->error().code, ErrorCode::FileMissing);
    QCOMPARE(recipe->error().message,
        u"Cannot read the recipe: "_s + QString(reason).replace(u"{path}"_s, file));
}

void tst_Recipe::loadedForm()
{
    const QByteArray bytes(BaseRecipe);
    const Station::Result<Recipe> loaded
        = Station::loadRecipeFromBytes(bytes, m_dir.path(), u"/x/test.json"_s);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    const Recipe &recipe = *loaded;

    QCOMPARE(recipe.path, u"/x/test.json"_s);
    QCOMPARE(recipe.name, u"Test recipe"_s);
    QCOMPARE(recipe.version, u"2.1"_s);
    QCOMPARE(recipe.description, u"all step types"_s);
    QCOMPARE(recipe.requireSerial, true);
    QCOMPARE(recipe.format, 1);
    QCOMPARE(recipe.sha256, sha256Of(bytes));
    QCOMPARE(recipe.osVersionsFile, asset(u"mt3620an.json"_s));
    QCOMPARE(recipe.autoKeystore, asset(u"keystore.imagepackage"_s));
    QCOMPARE(recipe.finalState(), u"DeviceComplete"_s);
    QVERIFY(recipe.isPermanent());
    QCOMPARE(recipe.steps.size(), 14);

    // Every referenced file is hashed, including each package of the recovery folder.
    for (const QString &file : {u"mt3620an.json"_s,
             u"keystore.imagepackage"_s,
             u"rf-US.bin"_s,
             u"test.imagepackage"_s,
             u"product.imagepackage"_s,
             u"board.imagepackage"_s,
             u"recovery/26.09/01-a.imagepackage"_s,
             u"recovery/26.09/02-b.imagepackage"_s}) {
        QFile f(asset(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(recipe.fileSha256.value(asset(file)), sha256Of(f.readAll()));
    }
    QCOMPARE(recipe.fileSha256.size(), 8);

    using namespace std::chrono_literals;
    const auto step = [&](int i) { return recipe.steps.at(i); };

    QCOMPARE(step(0).type, u"connect"_s);
    QCOMPARE(step(0).name, u"connect"_s);
    QCOMPARE(step(0).timeout, std::chrono::milliseconds(40s)); // wait_s + 30
    QCOMPARE(step(0).retries, 0);
    QCOMPARE(params<Station::ConnectParams>(step(0)).waitS, 10);
    QCOMPARE(step(1).timeout, std::chrono::milliseconds(30s));
    QVERIFY(dynamic_cast<const Station::DetailsParams *>(step(1).params.get()));

    QCOMPARE(step(2).timeout, std::chrono::milliseconds(900s));
    const auto &osUpdate = params<Station::OsUpdateParams>(step(2));
    QCOMPARE(osUpdate.images, asset(u"recovery/26.09"_s));
    QCOMPARE(osUpdate.osVersion, u"26.09"_s);
    QCOMPARE(osUpdate.skipIfCurrent, true);
    QCOMPARE(osUpdate.osVersions.names(), (QStringList {u"24.03"_s, u"26.09"_s}));

    QCOMPARE(params<Station::RfCalibrateParams>(step(3)).region, u"US"_s);
    QCOMPARE(params<Station::RfCalibrateParams>(step(3)).macSource, u"none"_s);
    QCOMPARE(params<Station::RfCalibrateParams>(step(3)).expected, asset(u"rf-US.bin"_s));
    QCOMPARE(params<Station::RfVerifyParams>(step(4)).expected, asset(u"rf-US.bin"_s));
    QCOMPARE(params<Station::KeystoreParams>(step(5)).package, asset(u"keystore.imagepackage"_s));
    QCOMPARE(step(5).timeout, std::chrono::milliseconds(180s));

    QCOMPARE(step(6).timeout, std::chrono::milliseconds(300s));
    const auto &sideload = params<Station::SideloadParams>(step(6));
    QCOMPARE(sideload.packages, QStringList {asset(u"test.imagepackage"_s)});
    QCOMPARE(sideload.manualStart, false);
    QCOMPARE(sideload.allowDevelopmentSigned, false);
    QCOMPARE(sideload.autoKeystore, asset(u"keystore.imagepackage"_s));

    const auto &uart = params<Station::UartTestParams>(step(7));
    QCOMPARE(uart.port, QString());
    QCOMPARE(uart.baud, 115200);
    QCOMPARE(uart.script.size(), 4);
    QCOMPARE(uart.script.at(0).send, u"PING"_s);
    QCOMPARE(uart.script.at(0).expect, u"^PONG$"_s);
    QCOMPARE(uart.script.at(0).timeout, std::chrono::milliseconds(1000));
    QCOMPARE(uart.script.at(2).measure, u"VCC_3V3"_s);
    QCOMPARE(uart.script.at(2).unit, u"V"_s);
    QCOMPARE(uart.script.at(2).low, 3.2);
    QCOMPARE(uart.script.at(2).high, 3.4);
    QCOMPARE(uart.script.at(2).timeout, std::chrono::milliseconds(1000));
    QCOMPARE(uart.script.at(3).timeout, std::chrono::milliseconds(5000));

    QCOMPARE(params<Station::DeleteTemporaryParams>(step(8)).componentIds, QStringList {TestCid});
    QCOMPARE(params<Station::DeleteTemporaryParams>(step(8)).packages,
        QStringList {asset(u"test.imagepackage"_s)});
    QCOMPARE(params<Station::EthernetParams>(step(10)).package, asset(u"board.imagepackage"_s));
    QCOMPARE(
        params<Station::EthernetParams>(step(10)).autoKeystore, asset(u"keystore.imagepackage"_s));
    QCOMPARE(step(11).timeout, std::chrono::milliseconds(120s)); // connect_timeout_s + 90
    const auto &wifi = params<Station::WifiVerifyParams>(step(11));
    QCOMPARE(wifi.ssid, u"AP"_s);
    QCOMPARE(wifi.psk, u"password1"_s);
    QCOMPARE(wifi.open, false);
    QCOMPARE(wifi.connectTimeoutS, 30);

    const auto &ready = params<Station::ReadyToShipParams>(step(12));
    QCOMPARE(ready.expectedState, u"Blank"_s);
    QCOMPARE(ready.os, QStringList {u"26.09"_s});
    QCOMPARE(ready.images, QStringList {ProductIid});
    QCOMPARE(ready.osVersions.names(), osUpdate.osVersions.names());
    QCOMPARE(params<Station::FinalizeParams>(step(13)).state, u"DeviceComplete"_s);
    QCOMPARE(params<Station::FinalizeParams>(step(13)).confirmPermanent, true);
    QCOMPARE(step(13).timeout, std::chrono::milliseconds(60s));
}

void tst_Recipe::labelPattern_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("as printed") << u"SPH-24-00001"_s << true;
    QTest::newRow("lower case") << u"sph-24-00001"_s << false;
    QTest::newRow("one digit short") << u"SPH-24-0001"_s << false;
    QTest::newRow("a prefix before") << u"XSPH-24-00001"_s << false;
    QTest::newRow("a digit after") << u"SPH-24-000012"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_Recipe::labelPattern()
{
    QFETCH(QString, label);
    QFETCH(bool, accepted);
    const Station::Result<Recipe> recipe = loadPatched(
        R"([["set", "/label_pattern", "SPH-[0-9]{2}-[0-9]{5}"],
            ["set", "/label_example", "SPH-24-00001"]])");
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().message));
    QCOMPARE(recipe->labelPattern.pattern(), u"SPH-[0-9]{2}-[0-9]{5}"_s);
    QCOMPARE(recipe->labelExample, u"SPH-24-00001"_s);
    QCOMPARE(recipe->acceptsLabel(label), accepted);

    // Without a pattern every label is taken, in any case and with any printable character.
    const Station::Result<Recipe> plain = loadPatched("[]");
    QVERIFY(plain);
    QVERIFY(plain->labelPattern.pattern().isEmpty());
    QVERIFY(plain->acceptsLabel(u"sph 24/00001 #ä"_s));
}

void tst_Recipe::cloudNames()
{
    // A comma and a quote are no problem for the CSV (they are quoted there); spaces inside are
    // Azure Sphere's own default groups ("Field Test OS Evaluation").
    const Station::Result<Recipe> recipe = loadPatched(
        R"([["set", "/cloud", {"_comment": "for cloud configuration",
            "product": "Contoso, \"DW100\"", "device_group": "Field Test OS Evaluation"}]])");
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().detail));
    QCOMPARE(recipe->cloudProduct, u"Contoso, \"DW100\""_s);
    QCOMPARE(recipe->cloudDeviceGroup, u"Field Test OS Evaluation"_s);

    const Station::Result<Recipe> plain = loadPatched("[]");
    QVERIFY(plain);
    QVERIFY(plain->cloudProduct.isEmpty());
    QVERIFY(plain->cloudDeviceGroup.isEmpty());
}

void tst_Recipe::readyToShipImages_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QStringList>("images");

    QTest::newRow("sideloaded minus deleted") << QByteArray("[]") << QStringList {ProductIid};
    QTest::newRow("nothing deleted") << QByteArray(
        R"([["set", "/steps/8/params", {"component_ids": ["508eddf2-b8c3-4a99-93d9-a045d9a060eb"]}]])")
                                     << QStringList {TestIid, ProductIid};
    QTest::newRow("later image of a component replaces the earlier one")
        << QByteArray(R"([["set", "/steps/6/params/packages", ["assets/product-dev.imagepackage"]],
                          ["set", "/steps/6/params/allow_development_signed", true],
                          ["set", "/steps/8/params", {"component_ids": ["508eddf2-b8c3-4a99-93d9-a045d9a060eb"]}]])")
        << QStringList {ProductIid};
    QTest::newRow("explicit IDs and packages, without sideloaded")
        << QByteArray(R"([["set", "/steps/12/params/expect_sideloaded", false],
                          ["set", "/steps/12/params/images",
                           ["AAAAAAAA-0000-4000-8000-000000000001", {"package": "assets/test.imagepackage"}]]])")
        << QStringList {u"aaaaaaaa-0000-4000-8000-000000000001"_s, TestIid};
    QTest::newRow("explicit and sideloaded, no duplicates") << QByteArray(
        R"([["set", "/steps/12/params/images", [{"package": "assets/product.imagepackage"}]]])")
                                                            << QStringList {ProductIid};
    QTest::newRow("explicit empty list")
        << QByteArray(R"([["remove", "/steps/12/params/expect_sideloaded"]])") << QStringList {};
}

void tst_Recipe::readyToShipImages()
{
    QFETCH(QByteArray, patch);
    QFETCH(QStringList, images);
    const Station::Result<Recipe> recipe = loadPatched(patch);
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().message));
    QCOMPARE(recipe->steps.at(12).type, u"ready-to-ship"_s);
    QCOMPARE(params<Station::ReadyToShipParams>(recipe->steps.at(12)).images, images);
}

void tst_Recipe::pathResolution()
{
    // Relative paths resolve against the recipe's folder, not the working directory; absolute
    // paths and ".." segments are normalised.
    QTemporaryDir other;
    QVERIFY(other.isValid());
    QByteArray bytes = applyPatch(BaseRecipe,
        R"([["set", "/os_versions_file", "../assets/mt3620an.json"],
                                      ["set", "/auto_keystore", "KEYSTORE"],
                                      ["set", "/steps/6/params/packages", ["./sub/../../assets/test.imagepackage"]]])");
    bytes.replace("KEYSTORE", asset(u"keystore.imagepackage"_s).toUtf8());
    bytes.replace("\"assets/", "\"../assets/");
    const QString recipeDir = m_dir.path() + u"/recipes"_s;
    const QString recipePath = recipeDir + u"/r.json"_s;
    QVERIFY(writeFile(recipePath, bytes));
    QVERIFY(QDir().mkpath(recipeDir + u"/sub"_s));

    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(other.path()));
    const Station::Result<Recipe> recipe
        = Station::loadRecipe(u"%1/../recipes/r.json"_s.arg(recipeDir));
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().message));
    QCOMPARE(recipe->path, recipePath);
    QCOMPARE(recipe->sha256, sha256Of(bytes));
    QCOMPARE(recipe->osVersionsFile, asset(u"mt3620an.json"_s));
    QCOMPARE(recipe->autoKeystore, asset(u"keystore.imagepackage"_s));
    QCOMPARE(params<Station::SideloadParams>(recipe->steps.at(6)).packages,
        QStringList {asset(u"test.imagepackage"_s)});

    // The same bytes against another base folder do not find the files.
    const Station::Result<Recipe> elsewhere = Station::loadRecipeFromBytes(bytes, other.path());
    QVERIFY(!elsewhere);
    QVERIFY(elsewhere.error().detail.contains(
        u"file not found: "_s + QDir::cleanPath(other.path() + u"/../assets/test.imagepackage"_s)));
}

void tst_Recipe::errorShape()
{
    const Station::Result<Recipe> recipe = Station::loadRecipeFromBytes(
        applyPatch(BaseRecipe, R"([["remove", "/name"], ["set", "/steps/1/retries", 9]])"),
        m_dir.path(),
        u"/srv/line.json"_s);
    QVERIFY(!recipe);
    const Station::Error &error = recipe.error();
    QCOMPARE(error.code, ErrorCode::RecipeInvalid);
    const QStringList lines = error.message.english().split(u'\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), u"The recipe /srv/line.json is invalid (2 problem(s)):"_s);
    QCOMPARE(lines.mid(1).join(u'\n'), error.detail);
    QVERIFY(!error.remedy.isEmpty());

    const Station::Result<Recipe> anonymous = Station::loadRecipeFromBytes("[]", m_dir.path());
    QVERIFY(!anonymous);
    QCOMPARE(anonymous.error().message.english().section(u'\n', 0, 0),
        u"The recipe is invalid (1 problem(s)):"_s);
}

void tst_Recipe::recipeFileMissing()
{
    const Station::Result<Recipe> recipe = Station::loadRecipe(m_dir.path() + u"/none.json"_s);
    QVERIFY(!recipe);
    QCOMPARE(recipe.error().code, ErrorCode::FileMissing);
    QVERIFY(recipe.error().message.english().contains(m_dir.path() + u"/none.json"_s));
}

void tst_Recipe::unreadableFile()
{
    const QString path = asset(u"unreadable.bin"_s);
    QVERIFY(writeFile(path, rfConfiguration("US")));
    QFile file(path);
    QVERIFY(file.setPermissions(QFileDevice::Permissions()));
    if (file.open(QIODevice::ReadOnly))
        QSKIP("file permissions do not stop this user (root) from reading");

    const Station::Result<Recipe> recipe
        = loadPatched(R"([["set", "/steps/4/params/expected", "assets/unreadable.bin"]])");
    QVERIFY(!recipe);
    QCOMPARE(recipe.error().detail,
        u"steps[4].params.expected: cannot read %1: %2"_s.arg(path, file.errorString()));
}

void tst_Recipe::sampleRecipes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("finalState");
    QTest::addColumn<QStringList>("readyOs");

    QTest::newRow("full") << u"full.json"_s
                          << QStringList {u"connect"_s,
                                 u"details"_s,
                                 u"os-update"_s,
                                 u"rf-calibrate"_s,
                                 u"rf-verify"_s,
                                 u"keystore"_s,
                                 u"sideload"_s,
                                 u"uart-test"_s,
                                 u"delete-temporary"_s,
                                 u"sideload"_s,
                                 u"ethernet"_s,
                                 u"wifi-verify"_s,
                                 u"ready-to-ship"_s,
                                 u"finalize"_s}
                          << u"DeviceComplete"_s << QStringList {u"26.09"_s};
    QTest::newRow("quick") << u"quick.json"_s
                           << QStringList {u"connect"_s,
                                  u"details"_s,
                                  u"sideload"_s,
                                  u"delete-temporary"_s,
                                  u"ready-to-ship"_s}
                           << QString() << QStringList {u"24.03"_s};
}

// The sample recipes reference the simulator's generated assets; this test does not depend on
// the simulator being built: it copies each recipe next to stand-in files of the same names.
void tst_Recipe::sampleRecipes()
{
    QFETCH(QString, file);
    QFETCH(QStringList, types);
    QFETCH(QString, finalState);
    QFETCH(QStringList, readyOs);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString sim = dir.path() + u"/sim-assets"_s;
    QVERIFY(writeOsAssets(sim, {u"24.03"_s, u"25.10"_s, u"26.09"_s}));
    const QString productIid = u"77777777-0000-4000-8000-000000000001"_s;
    QVERIFY(writeFile(sim + u"/apps/ProductApp.imagepackage"_s,
        makePackage(10, ProductCid, productIid, ProdThumbprint, "ProductApp")));
    QVERIFY(writeFile(sim + u"/apps/FunctionalTestApp.imagepackage"_s,
        makePackage(10, TestCid, TestIid, ProdThumbprint, "FunctionalTestApp")));
    QVERIFY(writeFile(sim + u"/keystore/TrustedKeystore-v2.imagepackage"_s,
        makePackage(19, KeystoreCid, KeystoreCid, ProdThumbprint, "TrustedKeystore-v2")));
    QVERIFY(writeFile(sim + u"/boardconfig/lan-enc28j60-isu0-int5.imagepackage"_s,
        makePackage(21, BoardCid, BoardCid, ProdThumbprint, "lan-enc28j60-isu0-int5")));
    QVERIFY(writeFile(sim + u"/rf/product-US.bin"_s, rfConfiguration("US")));

    QFile source(QStringLiteral(STATION_SOURCE_DIR "/resources/recipes/") + file);
    QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.fileName()));
    const QByteArray bytes = source.readAll();
    const QString copy = dir.path() + u'/' + file;
    QVERIFY(writeFile(copy, bytes));

    const Station::Result<Recipe> recipe = Station::loadRecipe(copy);
    QVERIFY2(recipe, qPrintable(recipe ? QString() : recipe.error().message));
    QStringList loadedTypes;
    for (const RecipeStep &step : recipe->steps)
        loadedTypes.append(step.type);
    QCOMPARE(loadedTypes, types);
    QCOMPARE(recipe->finalState(), finalState);
    QCOMPARE(recipe->sha256, sha256Of(bytes));
    QCOMPARE(recipe->autoKeystore, sim + u"/keystore/TrustedKeystore-v2.imagepackage"_s);

    // What ready-to-ship expects of a correctly processed device: still Blank, the target OS,
    // and ProductApp as the only application.
    const RecipeStep &ready = recipe->steps.at(types.indexOf(u"ready-to-ship"_s));
    QCOMPARE(params<Station::ReadyToShipParams>(ready).expectedState, u"Blank"_s);
    QCOMPARE(params<Station::ReadyToShipParams>(ready).os, readyOs);
    QCOMPARE(params<Station::ReadyToShipParams>(ready).images, QStringList {productIid});
    // rftest_server is deleted in both, since ready-to-ship refuses it.
    bool deletesRfTestServer = false;
    for (const RecipeStep &step : recipe->steps) {
        if (step.type == "delete-temporary"_L1)
            deletesRfTestServer
                = params<Station::DeleteTemporaryParams>(step).componentIds.contains(
                    RfTestServerCid);
    }
    QVERIFY(deletesRfTestServer);
}

// resources/recipes/recipe.schema.json describes the step types the registry has
// (services/steps/steptypes.cpp): each descriptor's type has one step definition in the schema,
// with the same parameter names, the same always-required ones and the same defaults, and the
// schema has no step type the station does not know.
void tst_Recipe::schemaMatchesStepTypes()
{
    QFile file(QStringLiteral(STATION_SOURCE_DIR "/resources/recipes/recipe.schema.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonObject defs
        = QJsonDocument::fromJson(file.readAll()).object().value(u"$defs"_s).toObject();
    QVERIFY(!defs.isEmpty());

    QStringList schemaTypes;
    for (auto it = defs.begin(); it != defs.end(); ++it) {
        const QJsonObject step = it.value().toObject();
        const QString type = step.value(u"properties"_s)
                                 .toObject()
                                 .value(u"type"_s)
                                 .toObject()
                                 .value(u"const"_s)
                                 .toString();
        if (type.isEmpty())
            continue;
        schemaTypes.append(type);
        const Station::StepTypeInfo *info = Station::findStepType(type);
        QVERIFY2(
            info, qPrintable(u"the schema's step type \"%1\" is not in the registry"_s.arg(type)));

        // The parameters: the "properties" of params and of its "oneOf" alternatives; required
        // is what params requires, and what every alternative requires.
        const QJsonObject paramsSchema
            = step.value(u"properties"_s).toObject().value(u"params"_s).toObject();
        QMap<QString, QJsonValue> defaults;
        QStringList names;
        const auto addNames = [&](const QJsonObject &shape) {
            const QJsonObject properties = shape.value(u"properties"_s).toObject();
            for (auto p = properties.begin(); p != properties.end(); ++p) {
                if (p.key() == "_comment"_L1)
                    continue;
                if (!names.contains(p.key()))
                    names.append(p.key());
                if (p.value().toObject().contains(u"default"_s))
                    defaults.insert(p.key(), p.value().toObject().value(u"default"_s));
            }
        };
        const auto requiredOf = [](const QJsonObject &shape) {
            QStringList list;
            for (const QJsonValue &name : shape.value(u"required"_s).toArray())
                list.append(name.toString());
            return list;
        };
        addNames(paramsSchema);
        QStringList required = requiredOf(paramsSchema);
        const QJsonArray alternatives = paramsSchema.value(u"oneOf"_s).toArray();
        QStringList inEvery;
        for (qsizetype i = 0; i < alternatives.size(); ++i) {
            const QJsonObject alternative = alternatives.at(i).toObject();
            addNames(alternative);
            const QStringList alternativeRequired = requiredOf(alternative);
            if (i == 0)
                inEvery = alternativeRequired;
            else
                inEvery.removeIf(
                    [&](const QString &name) { return !alternativeRequired.contains(name); });
        }
        for (const QString &name : std::as_const(inEvery)) {
            if (!required.contains(name))
                required.append(name);
        }
        QStringList infoNames;
        QStringList infoRequired;
        for (const Station::StepParamInfo &param : info->params) {
            infoNames.append(param.name);
            if (param.required)
                infoRequired.append(param.name);
            QVERIFY2(defaults.value(param.name, QJsonValue::Undefined) == param.defaultValue,
                qPrintable(u"%1: the default of %2"_s.arg(type, param.name)));
        }
        names.sort();
        infoNames.sort();
        required.sort();
        infoRequired.sort();
        QCOMPARE(names, infoNames);
        QCOMPARE(required, infoRequired);

        // A fixed default timeout is stated as "Default: <n>."; a derived one names its wait.
        const QString timeout = step.value(u"properties"_s)
                                    .toObject()
                                    .value(u"timeout_s"_s)
                                    .toObject()
                                    .value(u"description"_s)
                                    .toString();
        if (info->waitParam.isEmpty())
            QCOMPARE(timeout, u"Default: %1."_s.arg(info->defaultTimeoutS));
        else
            QCOMPARE(timeout, u"Default: %1 + %2."_s.arg(info->waitParam).arg(info->waitMarginS));
    }
    QStringList registryTypes;
    for (const Station::StepTypeInfo &info : Station::stepTypes())
        registryTypes.append(info.type);
    schemaTypes.sort();
    registryTypes.sort();
    QCOMPARE(schemaTypes, registryTypes);
}

QTEST_GUILESS_MAIN(tst_Recipe)

#include "tst_recipe.moc"
