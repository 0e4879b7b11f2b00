#include "services/base/strictjson.h"

#include <QJsonObject>
#include <QJsonParseError>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_StrictJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data();
    void accepted();
    void repeatedKeys_data();
    void repeatedKeys();
    void syntaxError();
};

void tst_StrictJson::accepted_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("object") << QByteArray(R"({"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]})");
    QTest::newRow("same key in sibling objects") << QByteArray(R"([{"k": 1}, {"k": 2}])");
    QTest::newRow("keys differing in case") << QByteArray(R"({"State": 1, "state": 2})");
    QTest::newRow("strings that look like keys")
        << QByteArray(R"({"a": "\"a\": 1, \"a\": 2", "b": ["a", "a"]})");
    QTest::newRow("escaped quote in a key") << QByteArray(R"({"a\"b": 1, "a": 2, "b": 3})");
    QTest::newRow("empty containers") << QByteArray(R"({"a": {}, "b": [], "c": [[], {}]})");
    QTest::newRow("scalars") << QByteArray(R"({"t": true, "f": false, "n": null, "x": -1.5e3})");
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{\"a\": 1}");
    QTest::newRow("array root") << QByteArray("[1, 2]");
}

void tst_StrictJson::accepted()
{
    QFETCH(QByteArray, json);
    const auto parsed = Station::StrictJson::parse(json);
    QVERIFY2(parsed.has_value(),
        qPrintable(parsed ? QString() : Station::StrictJson::lines(parsed.error()).join(u'\n')));
    QCOMPARE(*parsed, QJsonDocument::fromJson(json));
}

void tst_StrictJson::repeatedKeys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("top level") << QByteArray(R"({"name": "a", "version": "1", "name": "b"})")
                               << QStringList {u"name: the key \"name\" appears twice"_s};
    QTest::newRow("nested in an array")
        << QByteArray(
               R"({"steps": [{"type": "connect"}, {"type": "finalize", "params": {"state": "Module1Complete", "state": "DeviceComplete"}}]})")
        << QStringList {u"steps[1].params.state: the key \"state\" appears twice"_s};
    QTest::newRow("three times") << QByteArray(R"({"a": 1, "a": 2, "a": 3})")
                                 << QStringList {u"a: the key \"a\" appears 3 times"_s};
    QTest::newRow("same key written with an escape")
        << QByteArray(R"({"state": 1, "st\u0061te": 2})")
        << QStringList {u"state: the key \"state\" appears twice"_s};
    QTest::newRow("repeated object: both copies' repeats")
        << QByteArray(R"({"p": {"x": 1, "x": 2}, "p": {"y": 1, "y": 2}})")
        << QStringList {u"p.x: the key \"x\" appears twice"_s,
               u"p: the key \"p\" appears twice"_s,
               u"p.y: the key \"y\" appears twice"_s};
    QTest::newRow("in an array at the root") << QByteArray(
        R"([{"a": 1}, {"b": 1, "b": 2}])") << QStringList {u"[1].b: the key \"b\" appears twice"_s};
    QTest::newRow("empty key") << QByteArray(R"({"": 1, "": 2})")
                               << QStringList {u"\"\": the key \"\" appears twice"_s};
}

void tst_StrictJson::repeatedKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, problems);
    // QJsonDocument itself takes this silently (the last value wins).
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);

    const auto parsed = Station::StrictJson::parse(json);
    QVERIFY(!parsed.has_value());
    QCOMPARE(Station::StrictJson::lines(parsed.error()), problems);
}

void tst_StrictJson::syntaxError()
{
    const QByteArray json = R"({"a": 1, "a": 2)";
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    const auto parsed = Station::StrictJson::parse(json);
    QVERIFY(!parsed.has_value());
    // The syntax error alone: the repeated key of a broken document is not worth a line.
    QCOMPARE(Station::StrictJson::lines(parsed.error()),
        QStringList {
            u"not valid JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset)});
}

QTEST_APPLESS_MAIN(tst_StrictJson)

#include "tst_strictjson.moc"
