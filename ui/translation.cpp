#include "ui/translation.h"

#include "translations/translationfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFont>
#include <QGlyphRun>
#include <QLibraryInfo>
#include <QPointer>
#include <QTextLayout>
#include <QTranslator>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Station::Translation)
};

// Owned by the application object (their parent); kept here to remove them on a change.
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

bool isEnglish(const QLocale &locale)
{
    return locale.language() == QLocale::English || locale.language() == QLocale::C;
}

QTranslator *loadStation(const QLocale &locale)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, translationBaseName(), u"_"_s, translationDirectory())) {
        return translator;
    }
    delete translator;
    return nullptr;
}

void install(QTranslator *translator)
{
    QCoreApplication::installTranslator(translator);
    installed().append(translator);
}

// English is the source language; its file (lupdate -pluralonly) holds only the plural forms,
// so that "%n fixture(s)" reads "1 fixture" and "2 fixtures".
QLocale installEnglish()
{
    const QLocale english(QLocale::English);
    if (QTranslator *plurals = loadStation(english))
        install(plurals);
    return english;
}

} // namespace

Result<QLocale> installTranslations(const QString &language)
{
    removeTranslations();
    // The default locale: the system's, as the station never calls QLocale::setDefault().
    const QLocale systemLocale;
    const QLocale locale = language.isEmpty() ? systemLocale : QLocale(language);
    // QLocale("fr_XX") falls back to C; an explicit request for a language we do not ship must
    // not pass silently as English.
    const bool explicitEnglish = language.startsWith(u"en"_s, Qt::CaseInsensitive)
        || language.compare(u"C"_s, Qt::CaseInsensitive) == 0;
    if (explicitEnglish || (language.isEmpty() && isEnglish(locale)))
        return installEnglish();

    QTranslator *station = loadStation(locale);
    // A system locale can list English among its UI languages: that finds the English plural
    // forms, which are no translation.
    if (station && QLocale(station->language()).language() == QLocale::English) {
        delete station;
        station = nullptr;
    }
    if (!station) {
        const QLocale english = installEnglish();
        if (language.isEmpty())
            return english; // a system language we do not ship: English
        // Shown once by the window, never stored: already translated.
        return fail(ErrorCode::InvalidArgument,
            Text::raw(Tr::tr("There is no translation for the language \"%1\"; the station "
                             "stays in English.")
                          .arg(language)),
            u"no %1_%2.qm in %3"_s.arg(translationBaseName(), language, translationDirectory()));
    }
    install(station);

    // Qt's own strings (standard dialogs, context menus), when the system has them.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(qt);
    else
        delete qt;
    return locale;
}

void removeTranslations()
{
    for (const QPointer<QTranslator> &translator : std::as_const(installed())) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator.data();
        }
    }
    installed().clear();
}

QStringList availableLanguages()
{
    const QString prefix = translationBaseName() + u'_';
    QStringList languages;
    const QStringList files
        = QDir(translationDirectory()).entryList({prefix + u"*.qm"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString language = file.mid(prefix.size()).chopped(3);
        if (language != u"en"_s) // the source language's plural forms, not a translation
            languages.append(language);
    }
    return languages;
}

QString languageSample()
{
    //: Characters the screen font must show for this language: its letters with accents, or
    //: common characters of its script. The station checks them at start and warns when the
    //: font lacks any (they would show as boxes). Translate freely.
    return Tr::tr("Fixture, device, recipe: PASS, FAIL");
}

QString missingGlyphs(const QString &sample, const QFont &font)
{
    QString missing;
    // One character at a time through a text layout, as a label draws it: the layout falls
    // back to other fonts, so only a character that no installed font has ends as glyph 0.
    for (const QChar c : sample) {
        if (c.isSpace() || !c.isPrint() || c.isSurrogate() || missing.contains(c))
            continue;
        QTextLayout layout(QString(c), font);
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        bool shown = false;
        for (const QGlyphRun &run : layout.glyphRuns()) {
            const QList<quint32> glyphs = run.glyphIndexes();
            shown = !glyphs.isEmpty()
                && std::none_of(glyphs.cbegin(), glyphs.cend(), [](quint32 g) { return g == 0; });
        }
        if (!shown)
            missing += c;
    }
    return missing;
}

} // namespace Station
