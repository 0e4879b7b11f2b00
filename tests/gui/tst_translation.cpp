#include "models/fixturemodel.h"
#include "ui/fixturetiledelegate.h"
#include "ui/translation.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;
using Station::FixtureModel;
using Station::FixtureTileDelegate;
using TileState = FixtureModel::TileState;

class tst_Translation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void availableLanguages();
    void loads_data();
    void loads();
    void unknownLanguageStaysEnglish();
    void english();
    void tsFilesComplete_data();
    void tsFilesComplete();
    void standardDialogsSpeakTheLanguage_data();
    void standardDialogsSpeakTheLanguage();
    void missingGlyphsFound();
};

void tst_Translation::cleanup()
{
    Station::removeTranslations();
}

void tst_Translation::availableLanguages()
{
    const QStringList languages = Station::availableLanguages();
    QVERIFY2(languages.contains(u"de"_s), qPrintable(languages.join(u',')));
    QVERIFY(languages.contains(u"zh_CN"_s));
}

void tst_Translation::loads_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("pass");
    QTest::addColumn<QString>("unresponsive");
    QTest::addColumn<QString>("start");

    QTest::newRow("de") << u"de"_s << u"BESTANDEN"_s << u"KEINE ANTWORT"_s << u"Starten"_s;
    QTest::newRow("de_DE") << u"de_DE"_s << u"BESTANDEN"_s << u"KEINE ANTWORT"_s << u"Starten"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s << u"通过"_s << u"无响应"_s << u"开始"_s;
}

void tst_Translation::loads()
{
    QFETCH(QString, language);
    QFETCH(QString, pass);
    QFETCH(QString, unresponsive);
    QFETCH(QString, start);

    QCOMPARE(FixtureModel::tileStateText(TileState::Pass), u"PASS"_s);
    const auto locale = Station::installTranslations(language);
    QVERIFY2(locale.has_value(), qPrintable(locale ? QString() : locale.error().message));
    QCOMPARE(FixtureModel::tileStateText(TileState::Pass), pass);
    QCOMPARE(FixtureModel::tileStateText(TileState::Unresponsive), unresponsive);
    QCOMPARE(FixtureTileDelegate::buttonText(FixtureTileDelegate::Action::Start), start);

    Station::removeTranslations();
    QCOMPARE(FixtureModel::tileStateText(TileState::Pass), u"PASS"_s);
}

void tst_Translation::unknownLanguageStaysEnglish()
{
    QVERIFY(Station::installTranslations(u"de"_s).has_value());
    const auto result = Station::installTranslations(u"fr"_s);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, Station::ErrorCode::InvalidArgument);
    QVERIFY(result.error().message.english().contains(u"fr"_s));
    QCOMPARE(FixtureModel::tileStateText(TileState::Pass), u"PASS"_s);
}

void tst_Translation::english()
{
    const auto result = Station::installTranslations(u"en_US"_s);
    QVERIFY(result.has_value());
    QCOMPARE(result->language(), QLocale::English);
    QCOMPARE(FixtureModel::tileStateText(TileState::Fail), u"FAIL"_s);
}

void tst_Translation::tsFilesComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("de") << u"sphere-station_de.ts"_s;
    QTest::newRow("zh_CN") << u"sphere-station_zh_CN.ts"_s;
}

// Every string of the fixture grid is translated: an entry lupdate added but nobody translated
// shows up here rather than as English text on a German line.
void tst_Translation::tsFilesComplete()
{
    QFETCH(QString, file);
    QFile ts(QStringLiteral(STATION_SOURCE_DIR) + u"/translations/"_s + file);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.errorString()));
    const QStringList checked = {
        u"Station::FixtureModel"_s, u"Station::FixtureTileDelegate"_s, u"Station::Translation"_s};
    QXmlStreamReader xml(&ts);
    QString context;
    QString source;
    int translated = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation" && checked.contains(context)) {
            const bool unfinished
                = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString text = xml.readElementText();
            QVERIFY2(!unfinished && !text.isEmpty(),
                qPrintable(u"%1: \"%2\" is not translated"_s.arg(context, source)));
            ++translated;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(translated >= 30);
}

void tst_Translation::standardDialogsSpeakTheLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("cancel");
    // Qt's own translations (qt6-translations-l10n), loaded beside the station's.
    QTest::newRow("German") << u"de"_s << u"Abbrechen"_s;
    QTest::newRow("Chinese") << u"zh_CN"_s << u"\u53d6\u6d88"_s;
}

void tst_Translation::standardDialogsSpeakTheLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, cancel);
    QVERIFY(Station::installTranslations(language));
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QVERIFY2(buttons.button(QDialogButtonBox::Cancel)->text().contains(cancel),
        qPrintable(buttons.button(QDialogButtonBox::Cancel)->text()));
}

void tst_Translation::missingGlyphsFound()
{
    const QFont font = QApplication::font();
    QCOMPARE(Station::missingGlyphs(u"Fixture 12"_s, font), QString());
    // A letter of a script no installed font covers (Javanese): found, once.
    QCOMPARE(Station::missingGlyphs(u"a\uA98Fb\uA98F"_s, font), u"\uA98F"_s);
    // Each language's sample shows (fonts-noto-cjk for Chinese).
    for (const QString &language : {u"de"_s, u"zh_CN"_s}) {
        QVERIFY(Station::installTranslations(language));
        QVERIFY(Station::languageSample() != u"Fixture, device, recipe: PASS, FAIL"_s);
        QVERIFY2(Station::missingGlyphs(Station::languageSample(), font).isEmpty(),
            qPrintable(
                language + u": "_s + Station::missingGlyphs(Station::languageSample(), font)));
    }
}

QTEST_MAIN(tst_Translation)
#include "tst_translation.moc"
