#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <functional>
#include <memory>

class QJsonValue;

namespace Station {

// A sentence for people, kept as its English source text and the arguments given to it, so
// that the station can store it language-neutral (English, with its parameters) and translate
// it only when it is shown (DESIGN.md "Record": a plant's records never mix languages). Made by
// Tr::tr() (translatable) or Text::raw() (a tool's own words, a path: never translated).
// Implicitly it reads as English: what reaches the record or the log is English by default, and
// a window asks for translated(). An immutable value type; safe to copy across threads.
class Text
{
public:
    Text() = default;

    // A translatable text; `context` and `source` must be string literals (they are kept as
    // pointers).
    static Text translatable(
        const char *context, const char *source, const char *disambiguation = nullptr, int n = -1);
    // Words that are not translated.
    static Text raw(const QString &text);

    // As QString::arg(): replaces the lowest-numbered %1..%99. Nested Texts are translated
    // with the outer one.
    [[nodiscard]] Text arg(const Text &a) const;
    [[nodiscard]] Text arg(const QString &a) const;
    [[nodiscard]] Text arg(QStringView a) const { return arg(a.toString()); }
    [[nodiscard]] Text arg(const char16_t *a) const { return arg(QString::fromUtf16(a)); }
    [[nodiscard]] Text arg(qint64 a) const;
    [[nodiscard]] Text arg(int a) const { return arg(qint64(a)); }
    [[nodiscard]] Text arg(uint a) const { return arg(qint64(a)); }
    [[nodiscard]] Text arg(long a) const { return arg(qint64(a)); }
    [[nodiscard]] Text arg(unsigned long a) const { return arg(qint64(a)); }
    [[nodiscard]] Text arg(
        double a, int fieldWidth = 0, char format = 'g', int precision = -1) const;
    // Several at once (as QString::arg(a, b, ...)): one pass, so a '%' inside an argument is
    // never taken for a placeholder. Each argument is a Text, a string or a number.
    template <typename A, typename B, typename... Rest>
    [[nodiscard]] Text arg(const A &a, const B &b, const Rest &...rest) const
    {
        return withArgs({toText(a), toText(b), toText(rest)...});
    }

    bool isEmpty() const;
    bool isTranslatable() const { return m_source != nullptr; }

    // The text as the record keeps it: English (plurals through the English lookup, if set).
    QString english() const;
    // The text in the language of the translators installed in this process.
    QString translated() const;
    operator QString() const { return english(); } // NOLINT: English is the safe default

    // The source text and arguments as compact JSON (empty for raw words without arguments:
    // the English column then says everything), and back. A text stored by a station whose
    // catalogue no longer has its source is shown in English.
    QString toStorage() const;
    static Text fromStorage(const QString &english, const QString &storage);

    // The English plural forms (sphere-station_en.ts): set once at start-up, before any thread
    // renders a Text. Without it, "%n" is replaced and the source form is kept.
    using EnglishLookup = std::function<QString(
        const char *context, const char *source, const char *disambiguation, int n)>;
    static void setEnglishLookup(EnglishLookup lookup);

    bool operator==(const Text &other) const;

private:
    enum class Language { English, Translated };
    QString render(Language language) const;
    QJsonValue toJson() const;
    static Text fromJson(const QJsonValue &value);
    static QList<QList<Text>> argumentsFromJson(const QJsonValue &value);
    Text withArgs(QList<Text> args) const;
    static const Text &toText(const Text &text) { return text; }
    static Text toText(const QString &text) { return raw(text); }
    static Text toText(QStringView text) { return raw(text.toString()); }
    static Text toText(const char16_t *text) { return raw(QString::fromUtf16(text)); }
    static Text toText(qint64 number) { return raw(QString::number(number)); }
    static Text toText(int number) { return raw(QString::number(number)); }

    // Either a translatable source (m_context/m_source, which point to literals, or to
    // m_ownedSource for a text read back from the record) or raw words (m_raw).
    const char *m_context = nullptr;
    const char *m_source = nullptr;
    const char *m_disambiguation = nullptr;
    int m_n = -1;
    QString m_raw;
    std::shared_ptr<const QByteArray> m_owned;        // context '\0' source '\0' disambiguation
    std::shared_ptr<const QList<QList<Text>>> m_args; // one list per arg() call
};

} // namespace Station

Q_DECLARE_METATYPE(Station::Text)
