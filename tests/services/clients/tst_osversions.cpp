#include "services/azsphere/osversions.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

// A copy of REFERENCE.md's mt3620an.sample.json (three simulated OS versions).
QByteArray sampleFile()
{
    QFile file(QStringLiteral(STATION_SOURCE_DIR)
        + u"/tests/services/clients/data/mt3620an.sample.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A small file in Microsoft's shape: version B shares A's first pair and adds one.
const QByteArray Small = R"({"_comment": "test", "versions": [
  {"name": "A", "images": [{"cid": "00000000-0000-0000-0000-00000000000a", "iid": "10000000-0000-0000-0000-00000000000a"},
                           {"cid": "00000000-0000-0000-0000-00000000000b", "iid": "10000000-0000-0000-0000-00000000000b"}]},
  {"name": "B", "extra": 1, "images": [{"cid": "00000000-0000-0000-0000-00000000000a", "iid": "20000000-0000-0000-0000-00000000000a"}]},
  {"name": "20.04 Update 2", "images": [{"cid": "00000000-0000-0000-0000-00000000000c", "iid": "30000000-0000-0000-0000-00000000000c"}]}
]})";

OsImagePair pair(const char *cid, const char *iid)
{
    return OsImagePair {QString::fromLatin1(cid), QString::fromLatin1(iid)};
}

} // namespace

class tst_OsVersions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSample();
    void identify_data();
    void identify();
    void identifySampleVersions();
    void identifyFromInstalledComponents();
    void rejects_data();
    void rejects();
    void load();
};

void tst_OsVersions::parsesSample()
{
    const QByteArray json = sampleFile();
    QVERIFY(!json.isEmpty());
    const auto versions = OsVersions::parse(json);
    QVERIFY2(versions.has_value(), qPrintable(versions ? QString() : versions.error().detail));
    QCOMPARE(versions->names(), QStringList({u"24.03"_s, u"25.10"_s, u"26.09"_s}));
    QCOMPARE(versions->version(u"24.03"_s)->images.size(), 16);
    QVERIFY(versions->contains(u"26.09"_s));
    QVERIFY(!versions->contains(u"23.05"_s));
}

void tst_OsVersions::identify_data()
{
    QTest::addColumn<QList<OsImagePair>>("device");
    QTest::addColumn<QString>("expected");

    const OsImagePair a1
        = pair("00000000-0000-0000-0000-00000000000a", "10000000-0000-0000-0000-00000000000a");
    const OsImagePair b1
        = pair("00000000-0000-0000-0000-00000000000b", "10000000-0000-0000-0000-00000000000b");
    const OsImagePair a2
        = pair("00000000-0000-0000-0000-00000000000a", "20000000-0000-0000-0000-00000000000a");
    const OsImagePair c3
        = pair("00000000-0000-0000-0000-00000000000c", "30000000-0000-0000-0000-00000000000c");
    const OsImagePair app
        = pair("2f074b0f-d99d-4692-82d9-ef93a7d6463c", "6415a939-c098-48cf-8e5c-02b52a9f0ffb");

    QTest::newRow("A exactly") << QList<OsImagePair> {a1, b1} << u"A"_s;
    QTest::newRow("A plus an app") << QList<OsImagePair> {app, b1, a1} << u"A"_s;
    QTest::newRow("B") << QList<OsImagePair> {a2, b1} << u"B"_s;
    // Both A and B are complete: the first listed wins.
    QTest::newRow("A and B complete, first wins") << QList<OsImagePair> {a2, a1, b1} << u"A"_s;
    QTest::newRow("name with text") << QList<OsImagePair> {c3} << u"20.04 Update 2"_s;
    QTest::newRow("A incomplete") << QList<OsImagePair> {a1} << u"unknown"_s;
    // The pair is compared whole: the right image under another component does not count.
    QTest::newRow("iid under wrong cid") << QList<OsImagePair> {pair(
        "00000000-0000-0000-0000-00000000000b", "20000000-0000-0000-0000-00000000000a")}
                                         << u"unknown"_s;
    QTest::newRow("upper-case device ids")
        << QList<OsImagePair> {OsImagePair {a2.componentId.toUpper(), a2.imageId.toUpper()}}
        << u"B"_s;
    QTest::newRow("nothing") << QList<OsImagePair> {} << u"unknown"_s;
}

void tst_OsVersions::identify()
{
    QFETCH(QList<OsImagePair>, device);
    QFETCH(QString, expected);
    const auto versions = OsVersions::parse(Small);
    QVERIFY(versions.has_value());
    QCOMPARE(versions->identify(device), expected);
}

void tst_OsVersions::identifySampleVersions()
{
    const QByteArray json = sampleFile();
    QVERIFY(!json.isEmpty());
    const auto versions = OsVersions::parse(json);
    QVERIFY(versions.has_value());
    for (const OsVersion &version : versions->versions()) {
        QList<OsImagePair> device = version.images;
        device.append(pair(RfTestServerComponentId, "23367b15-f2ed-4a5f-b24a-aa613a78ecd4"));
        QCOMPARE(versions->identify(device), version.name);
        device.removeAt(5);
        QCOMPARE(versions->identify(device), OsVersions::Unknown);
    }
}

void tst_OsVersions::identifyFromInstalledComponents()
{
    const auto versions = OsVersions::parse(Small);
    QVERIFY(versions.has_value());
    InstalledComponent first;
    first.componentId = u"00000000-0000-0000-0000-00000000000c"_s;
    first.imageId = u"30000000-0000-0000-0000-00000000000c"_s;
    first.imageType = 9;
    QCOMPARE(versions->identify(QList<InstalledComponent> {first}), u"20.04 Update 2"_s);
}

void tst_OsVersions::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not json") << QByteArray("{versions") << u"not valid JSON"_s;
    QTest::newRow("array") << QByteArray("[]") << u"object"_s;
    QTest::newRow("no versions") << QByteArray(R"({"_comment": "x"})") << u"versions"_s;
    QTest::newRow("empty versions") << QByteArray(R"({"versions": []})") << u"versions"_s;
    QTest::newRow("no name") << QByteArray(
        R"({"versions": [{"images": [{"cid": "a", "iid": "b"}]}]})")
                             << u"name"_s;
    QTest::newRow("no images") << QByteArray(R"({"versions": [{"name": "1", "images": []}]})")
                               << u"images"_s;
    QTest::newRow("no iid") << QByteArray(
        R"({"versions": [{"name": "1", "images": [{"cid": "a"}]}]})")
                            << u"iid"_s;
}

void tst_OsVersions::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    const auto versions = OsVersions::parse(json);
    QVERIFY(!versions.has_value());
    QCOMPARE(versions.error().code, ErrorCode::RecipeInvalid);
    QVERIFY2(versions.error().detail.contains(reason), qPrintable(versions.error().detail));
}

void tst_OsVersions::load()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"mt3620an.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Small);
    file.close();
    const auto loaded = OsVersions::load(path);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->versions().size(), 3);
    QCOMPARE(OsVersions::load(dir.filePath(u"none.json"_s)).error().code, ErrorCode::FileMissing);
}

QTEST_APPLESS_MAIN(tst_OsVersions)

#include "tst_osversions.moc"
