// tst_plurals: "%n fixture(s)" messages read as real plurals once the station's translator is
// installed: English from the plural-only sphere-station_en.qm, German and Chinese from theirs.

#include "ui/translation.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// A message as the code asks for it: its tr() context, source text and count.
QString translate(const char *context, const char *source, int n)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

constexpr char Started[] = "Started %n fixture(s).";
constexpr char StillRunning[] = "%n fixture(s) are still running. Closing stops them; their "
                                "devices will need to be run again.\n\nStop every run and close?";
constexpr char Steps[] = "%n step(s)";
constexpr char Summary[] = "%n run(s): %1 PASS, %2 FAIL, %3 ABORTED in %4 s";
constexpr char Closed[] = "%n run(s) left open earlier were closed as INTERRUPTED";
constexpr char Runs[] = "%Ln run(s)";
constexpr char FirstPass[] = "%Ln device(s) passed their first run";
constexpr char Devices[] = "%n device(s)";

} // namespace

class tst_Plurals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void plurals_data();
    void plurals();
    void withoutTranslatorTheSourceShows();
    void unknownLanguageGetsEnglishPlurals();
    void englishIsNoChoosableLanguage();
};

void tst_Plurals::cleanup()
{
    Station::removeTranslations();
}

void tst_Plurals::plurals_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("text");

    const QByteArray window = "Station::MainWindow";
    const QByteArray badge = "Station::RecipeBadge";
    const QByteArray station = "Station::Tr";
    QTest::newRow("en 1 fixture") << u"en"_s << window << QByteArray(Started) << 1
                                  << u"Started 1 fixture."_s;
    QTest::newRow("en 2 fixtures")
        << u"en"_s << window << QByteArray(Started) << 2 << u"Started 2 fixtures."_s;
    QTest::newRow("en 0 fixtures")
        << u"en"_s << window << QByteArray(Started) << 0 << u"Started 0 fixtures."_s;
    QTest::newRow("en_US 1 still running")
        << u"en_US"_s << window << QByteArray(StillRunning) << 1
        << u"1 fixture is still running. Closing stops it; its device will need to be run "
           "again.\n\nStop the run and close?"_s;
    QTest::newRow("en_GB 3 still running")
        << u"en_GB"_s << window << QByteArray(StillRunning) << 3
        << u"3 fixtures are still running. Closing stops them; their devices will need to be run "
           "again.\n\nStop every run and close?"_s;
    QTest::newRow("en 1 step") << u"en"_s << badge << QByteArray(Steps) << 1 << u"1 step"_s;
    QTest::newRow("en 12 steps") << u"en"_s << badge << QByteArray(Steps) << 12 << u"12 steps"_s;
    QTest::newRow("en 1 run") << u"en"_s << station << QByteArray(Summary) << 1
                              << u"1 run: %1 PASS, %2 FAIL, %3 ABORTED in %4 s"_s;
    QTest::newRow("en 8 runs") << u"en"_s << station << QByteArray(Summary) << 8
                               << u"8 runs: %1 PASS, %2 FAIL, %3 ABORTED in %4 s"_s;
    QTest::newRow("de 1 step") << u"de"_s << badge << QByteArray(Steps) << 1 << u"1 Schritt"_s;
    QTest::newRow("de 2 steps") << u"de"_s << badge << QByteArray(Steps) << 2 << u"2 Schritte"_s;
    QTest::newRow("de 1 run") << u"de"_s << station << QByteArray(Summary) << 1
                              << u"1 Lauf: %1 PASS, %2 FAIL, %3 ABORTED in %4 s"_s;
    QTest::newRow("de 8 runs") << u"de"_s << station << QByteArray(Summary) << 8
                               << u"8 Läufe: %1 PASS, %2 FAIL, %3 ABORTED in %4 s"_s;
    QTest::newRow("zh_CN 2 steps")
        << u"zh_CN"_s << badge << QByteArray(Steps) << 2 << u"2 个步骤"_s;
    // Counts that were once made plural by hand (n == 1 ? "1 run" : "%1 runs").
    const QByteArray records = "Station::RecordsPage";
    const QByteArray yield = "Station::YieldPage";
    const QByteArray settings = "Station::SettingsDialog";
    QTest::newRow("en 1 run closed") << u"en"_s << station << QByteArray(Closed) << 1
                                     << u"1 run left open earlier was closed as INTERRUPTED"_s;
    QTest::newRow("en 3 runs closed") << u"en"_s << station << QByteArray(Closed) << 3
                                      << u"3 runs left open earlier were closed as INTERRUPTED"_s;
    QTest::newRow("en 1 run listed") << u"en"_s << records << QByteArray(Runs) << 1 << u"1 run"_s;
    QTest::newRow("en 0 runs listed") << u"en"_s << records << QByteArray(Runs) << 0 << u"0 runs"_s;
    QTest::newRow("de 2 runs listed")
        << u"de"_s << records << QByteArray(Runs) << 2 << u"2 Läufe"_s;
    QTest::newRow("en 1 first pass")
        << u"en"_s << yield << QByteArray(FirstPass) << 1 << u"1 device passed its first run"_s;
    QTest::newRow("de 1 first pass")
        << u"de"_s << yield << QByteArray(FirstPass) << 1 << u"1 Gerät im ersten Lauf bestanden"_s;
    QTest::newRow("zh_CN 3 devices")
        << u"zh_CN"_s << settings << QByteArray(Devices) << 3 << u"3 台设备"_s;
}

void tst_Plurals::plurals()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(int, n);
    QFETCH(QString, text);

    const auto locale = Station::installTranslations(language);
    QVERIFY2(locale.has_value(), qPrintable(locale ? QString() : locale.error().message));
    QCOMPARE(translate(context.constData(), source.constData(), n), text);
}

// The check above is not vacuous: with no translator the "(s)" source text shows.
void tst_Plurals::withoutTranslatorTheSourceShows()
{
    QCOMPARE(translate("Station::MainWindow", Started, 2), u"Started 2 fixture(s)."_s);
    QVERIFY(Station::installTranslations(u"en"_s).has_value());
    QCOMPARE(translate("Station::MainWindow", Started, 2), u"Started 2 fixtures."_s);
    Station::removeTranslations();
    QCOMPARE(translate("Station::MainWindow", Started, 2), u"Started 2 fixture(s)."_s);
}

// A language the station does not ship stays English, with English plurals.
void tst_Plurals::unknownLanguageGetsEnglishPlurals()
{
    QVERIFY(!Station::installTranslations(u"fr"_s).has_value());
    QCOMPARE(translate("Station::MainWindow", Started, 1), u"Started 1 fixture."_s);
}

// The English file holds plural forms, not a translation to offer in the settings.
void tst_Plurals::englishIsNoChoosableLanguage()
{
    const QStringList languages = Station::availableLanguages();
    QVERIFY2(languages.contains(u"de"_s), qPrintable(languages.join(u',')));
    QVERIFY(!languages.contains(u"en"_s));
    QVERIFY(!languages.contains(u"en_US"_s));
}

QTEST_MAIN(tst_Plurals)
#include "tst_plurals.moc"
