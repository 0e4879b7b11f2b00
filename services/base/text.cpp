#include "services/base/text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

Text::EnglishLookup &englishLookup()
{
    static Text::EnglishLookup lookup;
    return lookup;
}

// QCoreApplication::translate() replaces %n with the count; QTranslator::translate() does not.
QString replacePercentN(QString text, int n)
{
    if (n >= 0)
        text.replace(u"%n"_s, QString::number(n));
    return text;
}

// As QString::arg(a1, ..., an): one pass, so a '%' inside an argument is never taken for a
// placeholder.
template <std::size_t... I>
QString argsAt(const QString &text, const QList<QString> &args, std::index_sequence<I...>)
{
    return text.arg(args.at(qsizetype(I))...);
}

QString applyArguments(QString text, const QList<QString> &args)
{
    switch (args.size()) {
    case 0:
        return text;
    case 1:
        return text.arg(args.at(0));
    case 2:
        return argsAt(text, args, std::make_index_sequence<2>());
    case 3:
        return argsAt(text, args, std::make_index_sequence<3>());
    case 4:
        return argsAt(text, args, std::make_index_sequence<4>());
    case 5:
        return argsAt(text, args, std::make_index_sequence<5>());
    case 6:
        return argsAt(text, args, std::make_index_sequence<6>());
    case 7:
        return argsAt(text, args, std::make_index_sequence<7>());
    case 8:
        return argsAt(text, args, std::make_index_sequence<8>());
    case 9:
        return argsAt(text, args, std::make_index_sequence<9>());
    default:
        // More than nine at once never happens in our sources; one at a time is close enough.
        for (const QString &arg : args)
            text = text.arg(arg);
        return text;
    }
}

} // namespace

Text Text::translatable(const char *context, const char *source, const char *disambiguation, int n)
{
    Text text;
    text.m_context = context;
    text.m_source = source;
    text.m_disambiguation = disambiguation;
    text.m_n = n;
    return text;
}

Text Text::raw(const QString &text)
{
    Text result;
    result.m_raw = text;
    return result;
}

Text Text::withArgs(QList<Text> args) const
{
    Text result = *this;
    auto list = m_args ? std::make_shared<QList<QList<Text>>>(*m_args)
                       : std::make_shared<QList<QList<Text>>>();
    list->append(std::move(args));
    result.m_args = std::move(list);
    return result;
}

Text Text::arg(const Text &a) const
{
    return withArgs({a});
}

Text Text::arg(const QString &a) const
{
    return withArgs({raw(a)});
}

Text Text::arg(qint64 a) const
{
    return withArgs({raw(QString::number(a))});
}

Text Text::arg(double a, int fieldWidth, char format, int precision) const
{
    return withArgs({raw(u"%1"_s.arg(a, fieldWidth, format, precision))});
}

bool Text::isEmpty() const
{
    if (m_source)
        return *m_source == '\0';
    return m_raw.isEmpty();
}

QString Text::render(Language language) const
{
    QString text;
    if (!m_source) {
        text = m_raw;
    } else if (language == Language::Translated) {
        text = QCoreApplication::translate(m_context, m_source, m_disambiguation, m_n);
    } else {
        const EnglishLookup &lookup = englishLookup();
        if (lookup)
            text = lookup(m_context, m_source, m_disambiguation, m_n);
        if (text.isEmpty())
            text = QString::fromUtf8(m_source);
        text = replacePercentN(text, m_n);
    }
    if (!m_args)
        return text;
    for (const QList<Text> &call : *m_args) {
        QList<QString> rendered;
        rendered.reserve(call.size());
        for (const Text &arg : call)
            rendered.append(arg.render(language));
        text = applyArguments(text, rendered);
    }
    return text;
}

QString Text::english() const
{
    return render(Language::English);
}

QString Text::translated() const
{
    return render(Language::Translated);
}

QJsonValue Text::toJson() const
{
    if (!m_source && !m_args)
        return m_raw;
    QJsonObject object;
    if (m_source) {
        object.insert(u"c"_s, QString::fromUtf8(m_context));
        object.insert(u"s"_s, QString::fromUtf8(m_source));
    } else {
        object.insert(u"r"_s, m_raw); // raw words with translatable arguments ("%1; %2")
    }
    if (m_disambiguation && *m_disambiguation)
        object.insert(u"d"_s, QString::fromUtf8(m_disambiguation));
    if (m_n >= 0)
        object.insert(u"n"_s, m_n);
    if (m_args && !m_args->isEmpty()) {
        QJsonArray calls;
        for (const QList<Text> &call : *m_args) {
            QJsonArray args;
            for (const Text &arg : call)
                args.append(arg.toJson());
            calls.append(args);
        }
        object.insert(u"a"_s, calls);
    }
    return object;
}

QList<QList<Text>> Text::argumentsFromJson(const QJsonValue &value)
{
    QList<QList<Text>> list;
    for (const QJsonValue &call : value.toArray()) {
        QList<Text> args;
        for (const QJsonValue &arg : call.toArray())
            args.append(fromJson(arg));
        list.append(std::move(args));
    }
    return list;
}

Text Text::fromJson(const QJsonValue &value)
{
    if (value.isString())
        return raw(value.toString());
    const QJsonObject object = value.toObject();
    if (object.contains(u"r"_s)) {
        Text text = raw(object.value(u"r"_s).toString());
        if (const QJsonValue calls = object.value(u"a"_s); calls.isArray())
            text.m_args = std::make_shared<QList<QList<Text>>>(argumentsFromJson(calls));
        return text;
    }
    const QString source = object.value(u"s"_s).toString();
    if (!value.isObject() || source.isEmpty())
        return {};
    // One buffer holds the three C strings translate() wants: context, source, disambiguation.
    QByteArray buffer = object.value(u"c"_s).toString().toUtf8();
    const qsizetype sourceAt = buffer.size() + 1;
    buffer.append('\0').append(source.toUtf8());
    const qsizetype disambiguationAt = buffer.size() + 1;
    const bool hasDisambiguation = object.contains(u"d"_s);
    buffer.append('\0').append(object.value(u"d"_s).toString().toUtf8()).append('\0');
    auto owned = std::make_shared<const QByteArray>(std::move(buffer));

    Text text;
    text.m_owned = owned;
    text.m_context = owned->constData();
    text.m_source = owned->constData() + sourceAt;
    text.m_disambiguation = hasDisambiguation ? owned->constData() + disambiguationAt : nullptr;
    text.m_n = object.value(u"n"_s).toInt(-1);
    if (const QJsonValue calls = object.value(u"a"_s); calls.isArray())
        text.m_args = std::make_shared<QList<QList<Text>>>(argumentsFromJson(calls));
    return text;
}

QString Text::toStorage() const
{
    if (!m_source && !m_args)
        return {};
    return QString::fromUtf8(QJsonDocument(toJson().toObject()).toJson(QJsonDocument::Compact));
}

Text Text::fromStorage(const QString &english, const QString &storage)
{
    if (storage.isEmpty())
        return raw(english);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(storage.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return raw(english);
    Text text = fromJson(document.object());
    return text.isEmpty() ? raw(english) : text;
}

void Text::setEnglishLookup(EnglishLookup lookup)
{
    englishLookup() = std::move(lookup);
}

bool Text::operator==(const Text &other) const
{
    return english() == other.english() && toStorage() == other.toStorage();
}

} // namespace Station
