#include "services/base/text.h"
#include "services/base/tr.h"
#include "services/steps/step.h"
#include "translations/translationfiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using Station::Text;
using Station::Tr;

// Station::Text, the sentence the station keeps as English source + arguments: English for the
// record, the installed language for a window (with the project's real German .qm), nested and
// several arguments, plurals with the English forms, the storage round trip the record uses, and
// masking of secrets (StepContext::masked).
class tst_Text : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void rendering_data();
    void rendering();
    void plurals_data();
    void plurals();
    void storageRoundTrip_data();
    void storageRoundTrip();
    void storageOfRawWords();
    void storageFromAnotherStation_data();
    void storageFromAnotherStation();
    void masking_data();
    void masking();

private:
    static QString qmFile(const QString &language);
    void installGerman();

    std::unique_ptr<QTranslator> m_german;
    std::unique_ptr<QTranslator> m_englishPlurals;
};

namespace {

// Sources in the German catalogue (translations/sphere-station_de.ts), used as the station uses
// them.
Text wifiTimeout()
{
    return Tr::tr("The device did not connect to the Wi-Fi network %1 within %2 s.");
}

Text noRoom()
{
    return Tr::tr("No room left for this application.");
}

Text deleteOld()
{
    return Tr::tr("Delete old or test applications, then retry.");
}

} // namespace

QString tst_Text::qmFile(const QString &language)
{
    return Station::translationDirectory() + u'/' + Station::translationBaseName() + u'_' + language
        + u".qm"_s;
}

void tst_Text::initTestCase()
{
    qRegisterMetaType<Station::Text>();
    QVERIFY2(QFile::exists(qmFile(u"de"_s)), qPrintable(qmFile(u"de"_s)));
    QVERIFY2(QFile::exists(qmFile(u"en"_s)), qPrintable(qmFile(u"en"_s)));
}

void tst_Text::cleanup()
{
    if (m_german)
        QCoreApplication::removeTranslator(m_german.get());
    m_german.reset();
    Text::setEnglishLookup({});
    m_englishPlurals.reset();
}

void tst_Text::installGerman()
{
    m_german = std::make_unique<QTranslator>();
    QVERIFY(m_german->load(qmFile(u"de"_s)));
    QVERIFY(QCoreApplication::installTranslator(m_german.get()));
}

void tst_Text::rendering_data()
{
    QTest::addColumn<Text>("text");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");

    QTest::newRow("translatable") << noRoom() << u"No room left for this application."_s
                                  << u"Kein Speicherplatz mehr für diese Anwendung."_s;
    QTest::newRow("raw words are never translated")
        << Text::raw(u"No room left for this application."_s)
        << u"No room left for this application."_s << u"No room left for this application."_s;
    QTest::newRow("one argument at a time")
        << Tr::tr("The label %1 already belongs to another device (%2).")
               .arg(u"SN-0001"_s)
               .arg(u"ab12cd34"_s)
        << u"The label SN-0001 already belongs to another device (ab12cd34)."_s
        << u"Das Etikett SN-0001 gehört bereits zu einem anderen Gerät (ab12cd34)."_s;
    // The German sentence has the placeholders the other way round.
    QTest::newRow("reordered placeholders, numbers")
        << wifiTimeout().arg(u"Line-5"_s).arg(30)
        << u"The device did not connect to the Wi-Fi network Line-5 within 30 s."_s
        << u"Das Gerät hat sich nicht innerhalb von 30 s mit dem Wi-Fi-Netzwerk Line-5 verbunden."_s;
    QTest::newRow("several arguments with '%' inside")
        << wifiTimeout().arg(u"50%2 %1 net"_s, 30)
        << u"The device did not connect to the Wi-Fi network 50%2 %1 net within 30 s."_s
        << u"Das Gerät hat sich nicht innerhalb von 30 s mit dem Wi-Fi-Netzwerk 50%2 %1 net "
           "verbunden."_s;
    QTest::newRow("a placeholder used twice, five arguments")
        << Tr::tr("%1 = %2 %3 is outside the limits %4 to %5 %3.")
               .arg(u"rssi"_s, u"-99"_s, u"dBm"_s, u"-80"_s, u"-20"_s)
        << u"rssi = -99 dBm is outside the limits -80 to -20 dBm."_s
        << u"rssi = -99 dBm liegt außerhalb der Grenzwerte -80 bis -20 dBm."_s;
    QTest::newRow("six arguments with '%' inside")
        << Text::raw(u"%1 %2 %3 %4 %5 %6"_s).arg(u"a%6"_s, u"b"_s, u"c%1"_s, u"d"_s, u"e"_s, u"f"_s)
        << u"a%6 b c%1 d e f"_s << u"a%6 b c%1 d e f"_s;
    QTest::newRow("nested text")
        << Tr::tr("Finalize refused: %1").arg(noRoom())
        << u"Finalize refused: No room left for this application."_s
        << u"Finalisierung verweigert: Kein Speicherplatz mehr für diese Anwendung."_s;
    QTest::newRow("raw words with translatable arguments")
        << Text::raw(u"%1; %2"_s).arg(noRoom(), deleteOld())
        << u"No room left for this application.; Delete old or test applications, then retry."_s
        << u"Kein Speicherplatz mehr für diese Anwendung.; Alte Anwendungen oder "
           "Testanwendungen löschen, dann erneut versuchen."_s;
    QTest::newRow("nested twice")
        << Tr::tr("RECORD ERROR: %1 (retrying; no result is lost)")
               .arg(Tr::tr("Finalize refused: %1").arg(noRoom()))
        << u"RECORD ERROR: Finalize refused: No room left for this application. (retrying; no "
           "result is lost)"_s
        << u"PRÜFDATENBANK-FEHLER: Finalisierung verweigert: Kein Speicherplatz mehr für diese "
           "Anwendung. (neuer Versuch läuft; kein Ergebnis geht verloren)"_s;
    QTest::newRow("empty") << Text() << QString() << QString();
}

void tst_Text::rendering()
{
    QFETCH(Text, text);
    QFETCH(QString, english);
    QFETCH(QString, german);

    QCOMPARE(text.english(), english);
    QCOMPARE(QString(text), english);     // what reaches the record and the log by default
    QCOMPARE(text.translated(), english); // no translator installed: English
    installGerman();
    QCOMPARE(text.translated(), german);
    // The record's English does not depend on the language of the window.
    QCOMPARE(text.english(), english);
    QCOMPARE(QString(text), english);
}

void tst_Text::plurals_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("sourceForm"); // without the English plural forms
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");

    QTest::newRow("one") << 1 << u"1 component(s) were not present"_s
                         << u"1 component was not present"_s
                         << u"1 Komponente war nicht vorhanden"_s;
    QTest::newRow("three") << 3 << u"3 component(s) were not present"_s
                           << u"3 components were not present"_s
                           << u"3 Komponenten waren nicht vorhanden"_s;
}

void tst_Text::plurals()
{
    QFETCH(int, n);
    QFETCH(QString, sourceForm);
    QFETCH(QString, english);
    QFETCH(QString, german);

    const Text text = Tr::tr("%n component(s) were not present", nullptr, n);
    QCOMPARE(text.english(), sourceForm);

    // The English forms as the station's English plural file has them.
    m_englishPlurals = std::make_unique<QTranslator>();
    QVERIFY(m_englishPlurals->load(qmFile(u"en"_s)));
    QTranslator *plurals = m_englishPlurals.get();
    Text::setEnglishLookup(
        [plurals](const char *context, const char *source, const char *disambiguation, int count) {
            return plurals->translate(context, source, disambiguation, count);
        });
    QCOMPARE(text.english(), english);
    // Read back from the record, it counts the same.
    const Text stored = Text::fromStorage(text.english(), text.toStorage());
    QCOMPARE(stored.english(), english);

    installGerman();
    QCOMPARE(text.translated(), german);
    QCOMPARE(stored.translated(), german);
    QCOMPARE(text.english(), english);
}

void tst_Text::storageRoundTrip_data()
{
    QTest::addColumn<Text>("text");

    QTest::newRow("translatable") << noRoom();
    QTest::newRow("with arguments") << wifiTimeout().arg(u"Line-5"_s).arg(30);
    QTest::newRow("several arguments with '%' and quotes")
        << wifiTimeout().arg(u"\"50%\" %1 \\ net"_s, 30);
    QTest::newRow("nested") << Tr::tr("Finalize refused: %1").arg(noRoom());
    QTest::newRow("raw words with translatable arguments")
        << Text::raw(u"%1; %2"_s).arg(noRoom(), deleteOld());
    QTest::newRow("raw words with raw arguments") << Text::raw(u"%1 of %2"_s).arg(3).arg(7);
    QTest::newRow("plural") << Tr::tr("%n component(s) were not present", nullptr, 2);
    QTest::newRow("number argument") << Tr::tr("Failed with exit code %1").arg(-3);
    QTest::newRow("non-Latin argument") << Tr::tr("Finalize refused: %1").arg(u"设备 Ω ü"_s);
}

void tst_Text::storageRoundTrip()
{
    QFETCH(Text, text);

    const QString storage = text.toStorage();
    QVERIFY2(!storage.isEmpty(), "a translatable text keeps its source");
    const Text back = Text::fromStorage(text.english(), storage);
    QCOMPARE(back, text);
    QCOMPARE(back.english(), text.english());
    QCOMPARE(back.toStorage(), storage);
    QCOMPARE(back.isTranslatable(), text.isTranslatable());

    installGerman();
    QCOMPARE(back.translated(), text.translated());
    QCOMPARE(back.english(), text.english());
    // The stored copy outlives the storage string it was read from.
    const Text copied = [&] {
        const QString temporary = text.toStorage();
        return Text::fromStorage(text.english(), temporary);
    }();
    QCOMPARE(copied.translated(), text.translated());
}

void tst_Text::storageOfRawWords()
{
    // A tool's own words: the English column says everything, no source is stored.
    const Text words = Text::raw(u"error: device 1212 busy"_s);
    QCOMPARE(words.toStorage(), QString());
    const Text back = Text::fromStorage(words.english(), QString());
    QCOMPARE(back, words);
    QVERIFY(!back.isTranslatable());
    QCOMPARE(Text().toStorage(), QString());
    QVERIFY(Text::fromStorage(QString(), QString()).isEmpty());
}

void tst_Text::storageFromAnotherStation_data()
{
    QTest::addColumn<QString>("english"); // the record's English column
    QTest::addColumn<QString>("storage"); // its *_text column
    QTest::addColumn<QString>("shown");   // in the German window

    // A newer (or older) station's sentence this catalogue does not have: its English.
    QTest::newRow("source no longer in the catalogue")
        << u"The fixture clamp 3 opened during the run."_s
        << uR"({"c":"Station::Tr","s":"The fixture clamp %1 opened during the run.","a":[["3"]]})"_s
        << u"The fixture clamp 3 opened during the run."_s;
    QTest::newRow("unknown source, known argument")
        << u"Unknown: No room left for this application."_s
        << uR"({"c":"Station::Tr","s":"Unknown: %1","a":[[{"c":"Station::Tr","s":"No room left for this application."}]]})"_s
        << u"Unknown: Kein Speicherplatz mehr für diese Anwendung."_s;
    QTest::newRow("unknown context")
        << u"No room left for this application."_s
        << uR"({"c":"Station::Gone","s":"No room left for this application."})"_s
        << u"No room left for this application."_s;
    QTest::newRow("known source")
        << u"No room left for this application."_s
        << uR"({"c":"Station::Tr","s":"No room left for this application."})"_s
        << u"Kein Speicherplatz mehr für diese Anwendung."_s;
    // What a damaged or foreign *_text column holds: the English column is shown.
    QTest::newRow("not JSON") << u"The run ended."_s << u"{not json"_s << u"The run ended."_s;
    QTest::newRow("JSON without a source")
        << u"The run ended."_s << uR"({"c":"Station::Tr"})"_s << u"The run ended."_s;
    QTest::newRow("JSON array") << u"The run ended."_s << u"[1,2]"_s << u"The run ended."_s;
}

void tst_Text::storageFromAnotherStation()
{
    QFETCH(QString, english);
    QFETCH(QString, storage);
    QFETCH(QString, shown);

    const Text text = Text::fromStorage(english, storage);
    QCOMPARE(text.english(), english);
    installGerman();
    QCOMPARE(text.translated(), shown);
}

void tst_Text::masking_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<Text>("text");
    QTest::addColumn<bool>("holdsSecret");
    QTest::addColumn<bool>("staysTranslatable"); // the secret masked in its argument

    // A Wi-Fi key may hold any printable character: JSON escapes '"' and '\' in the storage, and
    // a "%1" in it is taken for a placeholder by a later arg() (so the English never shows it
    // whole).
    const QString key = u"pa\"ss%1\\wörd"_s;
    QTest::newRow("secret as an argument, one at a time")
        << key << wifiTimeout().arg(key).arg(30) << true << true;
    QTest::newRow("secret among several arguments")
        << key << wifiTimeout().arg(key, 30) << true << true;
    QTest::newRow("secret in a nested text")
        << key << Tr::tr("Finalize refused: %1").arg(Text::raw(u"%1; %2"_s).arg(noRoom(), key))
        << true << true;
    QTest::newRow("plain secret as an argument")
        << u"simulated-psk-1234"_s << wifiTimeout().arg(u"simulated-psk-1234"_s).arg(30) << true
        << true;
    QTest::newRow("secret as raw words") << key << Text::raw(u"key "_s + key) << true << false;
    QTest::newRow("secret across the sentence and an argument")
        << u"network Line"_s << wifiTimeout().arg(u"Line-5"_s).arg(30) << true << false;
    QTest::newRow("no secret") << key << wifiTimeout().arg(u"Line-5"_s).arg(30) << false << true;
    QTest::newRow("no secret, nested")
        << key << Tr::tr("Finalize refused: %1").arg(noRoom()) << false << true;
}

void tst_Text::masking()
{
    QFETCH(QString, secret);
    QFETCH(Text, text);
    QFETCH(bool, holdsSecret);
    QFETCH(bool, staysTranslatable);

    Station::FixtureConfig fixture;
    fixture.number = 1;
    Station::ToolSetup tools;
    Station::Recipe recipe;
    Station::RecipeStep step;
    step.type = u"wifi-verify"_s;
    Station::RunFacts facts;
    Station::CancelToken cancel;
    Station::StepContext context(fixture, tools, recipe, step, facts, cancel);
    context.addSecret(secret);

    installGerman();
    const Text masked = context.masked(text);
    // In no rendering, and not in what the record stores (JSON-escaped there).
    QString escaped
        = QString::fromUtf8(QJsonDocument(QJsonArray {secret}).toJson(QJsonDocument::Compact));
    escaped = escaped.mid(2, escaped.size() - 4);
    QVERIFY2(!masked.english().contains(secret), qPrintable(masked.english()));
    QVERIFY2(!masked.translated().contains(secret), qPrintable(masked.translated()));
    QVERIFY2(!masked.toStorage().contains(escaped), qPrintable(masked.toStorage()));
    QVERIFY2(!masked.toStorage().contains(secret), qPrintable(masked.toStorage()));
    if (!holdsSecret) {
        QCOMPARE(masked, text);
        QCOMPARE(masked.translated(), text.translated());
        return;
    }
    QVERIFY2(masked.english().contains(u"********"_s), qPrintable(masked.english()));
    QCOMPARE(masked.isTranslatable(), staysTranslatable);
    if (staysTranslatable) {
        // The German window still shows the sentence in German, with the key masked.
        QVERIFY2(masked.translated() != masked.english(), qPrintable(masked.translated()));
        QVERIFY2(masked.translated().contains(u"********"_s), qPrintable(masked.translated()));
        // And it survives the record.
        const Text stored = Text::fromStorage(masked.english(), masked.toStorage());
        QCOMPARE(stored.translated(), masked.translated());
    }
}

QTEST_GUILESS_MAIN(tst_Text)

#include "tst_text.moc"
