// tst_translationcoverage: every message in translations/*.ts is translated, and no translation
// loses (or invents) a placeholder, a plural form or a keyboard accelerator. Reads the .ts files
// as XML, so it checks every context, not only the ones a screen happens to show.

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace {

struct TsReport
{
    QString language; // the <TS language="..."> attribute
    int messages = 0; // messages shown to users (vanished/obsolete ones excluded)
    QStringList problems;
    QStringList plurals;   // "context: source" of every numerus message shown
    QStringList singulars; // the same for the other messages
};

// %1..%99 and %n, with or without the L (locale) flag, which the translator may add or drop.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(u"%L?([1-9][0-9]?|n)"_s);
    QSet<QString> found;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        found.insert(u'%' + m.captured(1));
    return found;
}

// Single '&' before a character marks an accelerator; "&&" is a literal ampersand.
int accelerators(QString text)
{
    text.replace(u"&&"_s, QString());
    static const QRegularExpression re(u"&[^\\s&]"_s);
    int count = 0;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        it.next();
        ++count;
    }
    return count;
}

QString sorted(const QSet<QString> &set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list.join(u' ');
}

void checkMessage(QXmlStreamReader &xml, const QString &context, int numerusForms, TsReport &report)
{
    const bool numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
    QString source;
    QString type;
    QStringList forms;
    while (xml.readNextStartElement()) {
        if (xml.name() == "source"_L1) {
            source = xml.readElementText();
        } else if (xml.name() == "translation"_L1) {
            type = xml.attributes().value("type"_L1).toString();
            if (numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == "numerusform"_L1)
                        forms.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                forms.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    // Entries lupdate keeps for removed source strings are never shown.
    if (type == "vanished"_L1 || type == "obsolete"_L1)
        return;
    ++report.messages;
    (numerus ? report.plurals : report.singulars).append(context + u": "_s + source);
    const auto problem = [&](const QString &what) {
        report.problems.append(u"%1: \"%2\": %3"_s.arg(context, source, what));
    };
    if (type == "unfinished"_L1) {
        problem(u"unfinished"_s);
        return;
    }
    if (forms.isEmpty() || std::any_of(forms.cbegin(), forms.cend(), [](const QString &f) {
            return f.trimmed().isEmpty();
        })) {
        problem(u"empty translation"_s);
        return;
    }
    if (numerus && forms.size() != numerusForms)
        problem(u"%1 plural forms, the language has %2"_s.arg(forms.size()).arg(numerusForms));
    const QSet<QString> wanted = placeholders(source);
    const int wantedAccelerators = accelerators(source);
    for (const QString &form : std::as_const(forms)) {
        const QSet<QString> got = placeholders(form);
        if (got != wanted) {
            problem(u"placeholders {%1} in the source, {%2} in \"%3\""_s.arg(
                sorted(wanted), sorted(got), form));
        }
        if (accelerators(form) != wantedAccelerators)
            problem(u"keyboard accelerator lost or added in \"%1\""_s.arg(form));
    }
}

TsReport checkTs(QIODevice *device, int numerusForms)
{
    TsReport report;
    QXmlStreamReader xml(device);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "TS"_L1)
            report.language = xml.attributes().value("language"_L1).toString();
        else if (xml.name() == "name"_L1)
            context = xml.readElementText();
        else if (xml.name() == "message"_L1)
            checkMessage(xml, context, numerusForms, report);
    }
    if (xml.hasError())
        report.problems.append(
            u"XML error: %1 at line %2"_s.arg(xml.errorString()).arg(xml.lineNumber()));
    return report;
}

TsReport checkTsText(const QByteArray &messages, int numerusForms)
{
    QByteArray text = R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Station</name>
)" + messages
        + R"(
</context>
</TS>
)";
    QBuffer buffer(&text);
    buffer.open(QIODevice::ReadOnly);
    return checkTs(&buffer, numerusForms);
}

} // namespace

class tst_TranslationCoverage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checker_data();
    void checker();
    void tsFile_data();
    void tsFile();
    void englishPlurals();
};

// The checker itself: each row is one message and the problem it must report (or none).
void tst_TranslationCoverage::checker_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("problem");

    QTest::newRow("translated") << R"(<message><source>Fixture %1</source>
        <translation>Prüfplatz %1</translation></message>)"_ba
                                << QString();
    QTest::newRow("reordered placeholders") << R"(<message><source>%1 of %2</source>
        <translation>%2 中的 %1</translation></message>)"_ba
                                            << QString();
    QTest::newRow("placeholder used twice") << R"(<message><source>%1 = %2 %3 (%3)</source>
        <translation>%1 = %2 %3</translation></message>)"_ba
                                            << QString();
    QTest::newRow("locale flag") << R"(<message><source>%L1 runs</source>
        <translation>%1 Läufe</translation></message>)"_ba
                                 << QString();
    QTest::newRow("vanished ignored") << R"(<message><source>Old</source>
        <translation type="vanished"></translation></message>)"_ba
                                      << QString();
    QTest::newRow("accelerator kept") << R"(<message><source>&amp;Start &amp;&amp; stop</source>
        <translation>开始(&amp;S)</translation></message>)"_ba
                                      << QString();
    QTest::newRow("unfinished") << R"(<message><source>Stop</source>
        <translation type="unfinished">Stopp</translation></message>)"_ba
                                << u"Station: \"Stop\": unfinished"_s;
    QTest::newRow("empty") << R"(<message><source>Stop</source>
        <translation></translation></message>)"_ba
                           << u"Station: \"Stop\": empty translation"_s;
    QTest::newRow("blank") << R"(<message><source>Stop</source>
        <translation>  </translation></message>)"_ba
                           << u"Station: \"Stop\": empty translation"_s;
    QTest::newRow("lost placeholder") << R"(<message><source>%1 of %2</source>
        <translation>%1 von</translation></message>)"_ba
                                      << u"Station: \"%1 of %2\": placeholders {%1 %2} in the "
                                         "source, {%1} in \"%1 von\""_s;
    QTest::newRow("invented placeholder") << R"(<message><source>Fixture %1</source>
        <translation>Prüfplatz %1 (%2)</translation></message>)"_ba
                                          << u"Station: \"Fixture %1\": placeholders {%1} in the "
                                             "source, {%1 %2} in \"Prüfplatz %1 (%2)\""_s;
    QTest::newRow("numerus form lost %n") << R"(<message numerus="yes">
        <source>%n run(s)</source><translation>
            <numerusform>ein Lauf</numerusform><numerusform>%n Läufe</numerusform>
        </translation></message>)"_ba
                                          << u"Station: \"%n run(s)\": placeholders {%n} in the "
                                             "source, {} in \"ein Lauf\""_s;
    QTest::newRow("numerus form count") << R"(<message numerus="yes">
        <source>%n run(s)</source><translation>
            <numerusform>%n Läufe</numerusform>
        </translation></message>)"_ba
                                        << u"Station: \"%n run(s)\": 1 plural forms, the language "
                                           "has 2"_s;
    QTest::newRow("numerus form empty") << R"(<message numerus="yes">
        <source>%n run(s)</source><translation>
            <numerusform>%n Lauf</numerusform><numerusform></numerusform>
        </translation></message>)"_ba << u"Station: \"%n run(s)\": empty translation"_s;
    QTest::newRow("accelerator lost") << R"(<message><source>&amp;Start</source>
        <translation>Starten</translation></message>)"_ba
                                      << u"Station: \"&Start\": keyboard accelerator lost or added "
                                         "in \"Starten\""_s;
}

void tst_TranslationCoverage::checker()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, problem);
    const TsReport report = checkTsText(message, 2);
    QCOMPARE(report.language, u"de_DE"_s);
    QCOMPARE(report.problems, problem.isEmpty() ? QStringList() : QStringList {problem});
}

void tst_TranslationCoverage::tsFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("numerusForms");
    QTest::addColumn<int>("minimumMessages");
    // The station has hundreds of user strings; a near-empty file means lupdate lost them.
    QTest::newRow("de") << u"sphere-station_de.ts"_s << u"de_DE"_s << 2 << 300;
    QTest::newRow("zh_CN") << u"sphere-station_zh_CN.ts"_s << u"zh_CN"_s << 1 << 300;
    // English plural forms only (lupdate -pluralonly); englishPlurals() checks it has them all.
    QTest::newRow("en") << u"sphere-station_en.ts"_s << u"en_US"_s << 2 << 10;
}

// The shipped files: every message translated, placeholders, plurals and accelerators intact.
void tst_TranslationCoverage::tsFile()
{
    QFETCH(QString, file);
    QFETCH(QString, language);
    QFETCH(int, numerusForms);
    QFETCH(int, minimumMessages);
    QFile ts(QStringLiteral(STATION_SOURCE_DIR) + u"/translations/"_s + file);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.errorString()));
    const TsReport report = checkTs(&ts, numerusForms);
    QCOMPARE(report.language, language);
    QVERIFY2(report.problems.isEmpty(),
        qPrintable(u"%1 of %2 messages:\n"_s.arg(report.problems.size()).arg(report.messages)
            + report.problems.join(u'\n')));
    QVERIFY2(report.messages >= minimumMessages, qPrintable(QString::number(report.messages)));
}

// The English file has exactly the plural messages of the full translations: each "%n
// fixture(s)" gets its English forms, and nothing else is "translated" into English.
void tst_TranslationCoverage::englishPlurals()
{
    const auto read = [](const QString &file, int numerusForms) {
        QFile ts(QStringLiteral(STATION_SOURCE_DIR) + u"/translations/"_s + file);
        if (!ts.open(QIODevice::ReadOnly))
            return TsReport {};
        return checkTs(&ts, numerusForms);
    };
    const TsReport german = read(u"sphere-station_de.ts"_s, 2);
    TsReport english = read(u"sphere-station_en.ts"_s, 2);
    QVERIFY(!german.plurals.isEmpty());
    QVERIFY2(english.singulars.isEmpty(), qPrintable(english.singulars.join(u'\n')));
    QStringList wanted = german.plurals;
    wanted.sort();
    english.plurals.sort();
    QCOMPARE(english.plurals, wanted);
}

QTEST_MAIN(tst_TranslationCoverage)
#include "tst_translationcoverage.moc"
